"""Tasks that the worker process of tests/home/test_worker.py runs."""

from pathlib import Path

from django.core.mail import send_mail
from django.db import connection
from django_tasks import task


@task()
def send_note(subject):
    send_mail(subject, "From the task worker.", None, ["redactie@example.org"])


@task()
def lose_connection_once_then_mail(subject, marker):
    """The first run ends its own database connection halfway, as a PostgreSQL restart would."""
    marker = Path(marker)
    if not marker.exists():
        marker.touch()
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_terminate_backend(pg_backend_pid())")
    send_mail(subject, "From the task worker, second run.", None, ["redactie@example.org"])
