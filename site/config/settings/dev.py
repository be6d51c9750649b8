"""Local development: debug on, an obviously fake key, mail to the console, tasks run at once."""

from .base import *  # noqa: F403
from .base import STORAGES, env, env_bool, env_int

DEBUG = True
# `make run` serves on PORT (8000 unless set), so links in mails, feeds and the sitemap follow it.
SITE_BASE_URL = env("SITE_BASE_URL", f"http://127.0.0.1:{env_int('PORT', 8000)}").rstrip("/")
WAGTAILADMIN_BASE_URL = SITE_BASE_URL
SECRET_KEY = env("SECRET_KEY", "dev-only-insecure-key-do-not-use-in-production")
ALLOWED_HOSTS = ["*"]
EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
TASKS = {"default": {"BACKEND": env("TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend")}}
# Plain static storage so `runserver` works without collectstatic; uploads as base has them (the
# local folder, or a bucket to try with MEDIA_S3_BUCKET).
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
DEMO_LOGINS = True
# Editors and developers want to see their change at once.
PAGE_CACHE_DISABLED = env_bool("PAGE_CACHE_DISABLED", True)
