"""The mail worker survives its database: a real `manage.py db_worker` process on PostgreSQL."""

import os
import subprocess
import sys
import time
from pathlib import Path

import psycopg
import pytest
from django.conf import settings
from django.db import connection
from django.test import override_settings
from django_tasks_db.models import DBTaskResult
from psycopg import sql

from tests.home.worker_tasks import lose_connection_once_then_mail, send_note

pytestmark = [
    pytest.mark.postgres_only,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="pg_terminate_backend needs PostgreSQL"),
]

CHECKOUT = Path(settings.BASE_DIR)
DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def database_url():
    db = connection.settings_dict
    login = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{login}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def wait_for(condition, what, worker, seconds=60):
    """Poll a real process: the worker runs on its own clock."""
    deadline = time.monotonic() + seconds
    while not condition():
        assert worker.process.poll() is None, f"the worker exited while waiting for {what}:\n{worker.log()}"
        assert time.monotonic() < deadline, f"no {what} after {seconds} s:\n{worker.log()}"
        time.sleep(0.1)


class Worker:
    def __init__(self, tmp_path):
        self.mail_dir = tmp_path / "mail"
        self.mail_dir.mkdir()
        self.log_path = tmp_path / "worker.log"
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "tests.home.worker_settings",
            "DATABASE_URL": database_url(),
            "WORKER_TEST_MAIL_DIR": str(self.mail_dir),
        }
        with self.log_path.open("wb") as log:
            self.process = subprocess.Popen(
                [sys.executable, "manage.py", "db_worker", "--interval", "0.2", "--no-startup-delay"],
                cwd=CHECKOUT,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )

    def log(self):
        return self.log_path.read_text(errors="replace")

    def mail(self):
        return "".join(path.read_text(errors="replace") for path in self.mail_dir.iterdir())

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


@pytest.fixture
def worker(transactional_db, tmp_path):
    worker = Worker(tmp_path)
    yield worker
    worker.stop()


def terminate_other_connections():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
            " WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
        return cursor.fetchone()[0]


def allow_connections(allowed):
    """PostgreSQL refuses this from a connection to the database itself: ask from its `postgres` database."""
    db = connection.settings_dict
    with psycopg.connect(
        dbname="postgres",
        user=db["USER"],
        password=db["PASSWORD"] or None,
        host=db["HOST"] or "127.0.0.1",
        port=db["PORT"] or 5432,
        autocommit=True,
    ) as maintenance:
        maintenance.execute(
            sql.SQL("ALTER DATABASE {} WITH ALLOW_CONNECTIONS {}").format(
                sql.Identifier(db["NAME"]), sql.SQL("true" if allowed else "false")
            )
        )


@override_settings(TASKS=DATABASE_QUEUE)
def test_worker_reconnects_after_its_connections_are_terminated(worker):
    """As in a PostgreSQL restart: connections killed, the database away a moment, then back."""
    send_note.enqueue("Before the restart")
    wait_for(lambda: "Before the restart" in worker.mail(), "first mail", worker)

    allow_connections(False)
    try:
        assert terminate_other_connections() >= 1  # the worker keeps its connection between polls
        wait_for(lambda: "Database not reachable" in worker.log(), "failed reconnection", worker)
    finally:
        allow_connections(True)

    send_note.enqueue("After the restart")
    wait_for(lambda: "After the restart" in worker.mail(), "mail queued after the restart", worker)
    assert worker.process.poll() is None


@override_settings(TASKS=DATABASE_QUEUE)
def test_task_cut_off_by_a_lost_connection_runs_again(worker, tmp_path):
    """The task's first run loses the connection halfway; the worker queues it again and it sends."""
    result = lose_connection_once_then_mail.enqueue("Sent on the second run", str(tmp_path / "first-run"))
    wait_for(lambda: "Sent on the second run" in worker.mail(), "mail of the second run", worker)
    wait_for(
        lambda: DBTaskResult.objects.get(pk=result.id).status == "SUCCESSFUL",
        "task marked successful",
        worker,
    )
    assert len(DBTaskResult.objects.get(pk=result.id).worker_ids) == 2
    assert worker.process.poll() is None
