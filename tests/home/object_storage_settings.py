"""Settings of the second app server that tests/home/test_object_storage.py starts.

Production's, from the environment (the MEDIA_S3_* variables included), but with plain static
files: collecting and compressing them would take the test most of its time, and it fetches none.
"""

from config.settings.production import *  # noqa: F403
from config.settings.production import STORAGES

STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
