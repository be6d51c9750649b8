"""Settings of the real `manage.py db_worker` process that tests/home/test_worker.py starts.

Production's base settings on the test database, with the database queue, mail written to files the
test reads, and connections kept between polls (CONN_MAX_AGE), as production may keep them.
"""

import os

from config.settings.base import *  # noqa: F403
from config.settings.base import DATABASES

SECRET_KEY = "test-only-insecure-key"
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
EMAIL_FILE_PATH = os.environ["WORKER_TEST_MAIL_DIR"]
DATABASES["default"]["CONN_MAX_AGE"] = 600
