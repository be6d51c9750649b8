import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run_manage(*args, env_overrides):
    # A clean environment: the browser tests' DJANGO_ALLOW_ASYNC_UNSAFE must not leak into a deploy check.
    dropped = {"SECRET_KEY", "DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE", "DJANGO_SETTINGS_MODULE"}
    env = {key: value for key, value in os.environ.items() if key not in dropped}
    env.update(env_overrides)
    return subprocess.run(  # noqa: S603 - our own manage.py with fixed arguments
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def run_python(script, env_overrides):
    env = {key: value for key, value in os.environ.items() if key not in ("SECRET_KEY", "DATABASE_URL")}
    env.update(env_overrides)
    return subprocess.run(  # noqa: S603 - our own interpreter with a fixed script
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def test_production_settings_refuse_to_start_without_secret_key():
    result = run_manage("check", env_overrides={"DJANGO_SETTINGS_MODULE": "config.settings.production"})
    assert result.returncode != 0
    assert "Set the SECRET_KEY environment variable" in result.stderr


BUCKET = {
    "MEDIA_S3_BUCKET": "pr8werk-media",
    "MEDIA_S3_ENDPOINT_URL": "https://s3.nl-ams.scw.cloud",
    "MEDIA_S3_REGION": "nl-ams",
    "MEDIA_S3_ACCESS_KEY_ID": "SCWEXAMPLEKEY",
    "MEDIA_S3_SECRET_ACCESS_KEY": "example-secret",
    "MEDIA_S3_CUSTOM_DOMAIN": "media.pr8werk.nl",
}


@pytest.mark.parametrize("media", [{}, BUCKET], ids=["media folder", "media bucket"])
def test_production_settings_pass_the_deployment_checklist(tmp_path, media):
    """`check --deploy` gives no warning with a realistic production environment, uploads in a bucket or not."""
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        env_overrides={
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "SECRET_KEY": "x7$Jq9!vLr2#pW8zT4^mN6&bY1*cF5@hK3(dS0)gA9-eU2+iO7=wQ4~rZ8",
            "ALLOWED_HOSTS": "www.pr8werk.nl",
            "CSRF_TRUSTED_ORIGINS": "https://www.pr8werk.nl",
            "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
            "SITE_BASE_URL": "https://www.pr8werk.nl",
            "REDIS_URL": "redis://127.0.0.1:6379/0",
            **media,
        },
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_a_bucket_is_configured_from_the_environment():
    script = (
        "from django.conf import settings; from django.core.files.storage import storages; "
        "d = storages['default']; print(type(d).__name__, d.bucket_name, d.endpoint_url, d.region_name, "
        "d.file_overwrite, d.default_acl, settings.MEDIA_URL, d.url('images/a.jpg'))"
    )
    production = {
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": "x7$Jq9!vLr2#pW8zT4^mN6&bY1*cF5@hK3(dS0)gA9-eU2+iO7=wQ4~rZ8",
        **BUCKET,
    }
    result = run_manage("shell", "-c", script, env_overrides=production)
    assert result.stdout.splitlines()[-1].split() == [
        "MediaStorage",
        "pr8werk-media",
        "https://s3.nl-ams.scw.cloud",
        "nl-ams",
        "False",
        "None",
        "https://media.pr8werk.nl/",
        "https://media.pr8werk.nl/images/a.jpg",
    ], result.stderr
    result = run_manage("check", env_overrides={**production, "MEDIA_S3_SECRET_ACCESS_KEY": ""})
    assert "Set both MEDIA_S3_ACCESS_KEY_ID and MEDIA_S3_SECRET_ACCESS_KEY" in result.stderr


def test_deployment_checklist_warns_about_a_cache_of_one_process(tmp_path):
    result = run_manage(
        "check",
        "--deploy",
        env_overrides={
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "SECRET_KEY": "x7$Jq9!vLr2#pW8zT4^mN6&bY1*cF5@hK3(dS0)gA9-eU2+iO7=wQ4~rZ8",
            "ALLOWED_HOSTS": "www.pr8werk.nl",
            "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
            "REDIS_URL": "",
        },
    )
    assert "home.W001" in result.stdout + result.stderr
    assert "Set REDIS_URL" in result.stdout + result.stderr


def test_wsgi_defaults_to_production_and_manage_to_dev():
    assert '"config.settings.production"' in (ROOT / "site/config/wsgi.py").read_text()
    assert '"config.settings.dev"' in (ROOT / "manage.py").read_text()


def test_production_keeps_database_connections_with_health_checks():
    """A connection per request costs PostgreSQL 15-20 % of an uncached page."""
    # The settings module alone in a fresh process: what every server process reads.
    script = (
        "import importlib, sys; sys.path[:0] = ['.', 'site']; "
        "db = importlib.import_module('config.settings.production').DATABASES['default']; "
        "print(db['CONN_MAX_AGE'], db['CONN_HEALTH_CHECKS'])"
    )
    production = {
        "SECRET_KEY": "x7$Jq9!vLr2#pW8zT4^mN6&bY1*cF5@hK3(dS0)gA9-eU2+iO7=wQ4~rZ8",
        "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/pr8werk",
    }
    for overrides, expected in (({}, ["600", "True"]), ({"CONN_MAX_AGE": "0"}, ["0", "True"])):
        result = run_python(script, env_overrides={**production, **overrides})
        assert result.stdout.splitlines()[-1].split() == expected, result.stderr


def test_sessions_come_from_redis_when_the_cache_is_shared_and_from_the_database_otherwise():
    script = (
        "import importlib, sys; sys.path[:0] = ['.', 'site']; "
        "print(getattr(importlib.import_module('config.settings.production'), 'SESSION_ENGINE', 'db'))"
    )
    production = {"SECRET_KEY": "x7$Jq9!vLr2#pW8zT4^mN6&bY1*cF5@hK3(dS0)gA9-eU2+iO7=wQ4~rZ8"}
    for redis_url, expected in (
        ("redis://127.0.0.1:6379/0", "django.contrib.sessions.backends.cached_db"),
        ("", "db"),
    ):
        result = run_python(script, env_overrides={**production, "REDIS_URL": redis_url})
        assert result.stdout.splitlines()[-1] == expected, result.stderr
