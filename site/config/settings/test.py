"""Tests: fast hashing, local-memory cache and mail, plain static storage, immediate tasks."""

import atexit
import os
import shutil
import tempfile
from pathlib import Path

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-insecure-key"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "tests",
        "OPTIONS": {"MAX_ENTRIES": 5000},
    }
}
# Sessions in the database whatever REDIS_URL the shell has, as the cache is this process's own.
SESSION_ENGINE = "django.contrib.sessions.backends.db"
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# The local folder whatever MEDIA_S3_* the shell has: tests/home/test_object_storage.py starts its own bucket.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_URL = "/media/"
WHITENOISE_AUTOREFRESH = True
SITE_BASE_URL = "http://testserver"
WAGTAILADMIN_BASE_URL = SITE_BASE_URL
# Query-count and content tests measure the real page; tests/home/test_cache.py switches it on.
PAGE_CACHE_DISABLED = True

# A database file (in memory where /dev/shm exists), not SQLite's shared in-memory database: the live
# server of the browser tests answers from threads, and with the in-memory database they would all
# share the test's one connection, transactions included.
_shm = Path("/dev/shm")  # noqa: S108 - names of this process's own, removed after the run
_folder = _shm if _shm.is_dir() else Path(tempfile.gettempdir())
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["TEST"] = {"NAME": str(_folder / f"pr8werk-test-{os.getpid()}.sqlite3")}

# Uploaded files in a folder of this process, not in an in-memory storage: a test that overrides
# STORAGES makes Django build the storages anew, and an in-memory one would come back empty, the
# demo's images gone for every later test of the process.
MEDIA_ROOT = str(_folder / f"pr8werk-test-media-{os.getpid()}")
atexit.register(shutil.rmtree, MEDIA_ROOT, ignore_errors=True)
