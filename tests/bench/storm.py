"""A sign-up storm against a real gunicorn process: shared by the concurrency test and `make bench`.

Everything runs on the loopback interface with a database of its own (a temporary SQLite file or a
fresh PostgreSQL database), never the developer's db.sqlite3.
"""

import http.client
import os
import re
import socket
import sqlite3
import statistics
import subprocess
import threading
import time
import urllib.parse
from contextlib import contextmanager
from pathlib import Path

import dj_database_url
import psycopg

ROOT = Path(__file__).resolve().parents[2]
PYTHON = str(ROOT / ".venv" / "bin" / "python")
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")
CSRF_RE = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')
ACTION_RE = re.compile(rb'<form method="post" action="([^"#]+)')

SETUP_EVENT = """
from datetime import timedelta
from django.utils import timezone
from events.models import EventIndexPage, EventPage
from home.demo import site_root, translated_page
from home.demo.loader import build_items
from wagtail.models import Site
build_items("home", "home")
Site.objects.filter(is_default_site=True).update(hostname="127.0.0.1", port=80)
agenda = translated_page(site_root(), EventIndexPage, {"nl": {"title": "Agenda", "slug": "agenda"}})["nl"]
start = timezone.now() + timedelta(days=14)
event = translated_page(agenda, EventPage, {"nl": {
    "title": "Storm %(slug)s", "slug": "%(slug)s", "start": start, "end": start + timedelta(hours=3),
    "venue_name": "Loopback", "venue_town": "Localhost", "capacity": %(capacity)d}})["nl"]
print("EVENT", event.pk, event.url)
"""


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def server_env(database_url, settings_module, **extra):
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": settings_module,
        "SECRET_KEY": "bench-only-insecure-key",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        # The storm comes from one address; the per-IP limit is tested elsewhere.
        "EVENTS_SIGNUP_RATE_LIMIT": "0/1",
        "PYTHONPATH": f"{ROOT / 'site'}{os.pathsep}{ROOT}",
        **extra,
    }
    env.pop("REDIS_URL", None)
    return env


def manage(env, *args, stdin=None):
    return subprocess.run(  # noqa: S603 - our own manage.py with fixed arguments
        [PYTHON, str(ROOT / "manage.py"), *args],
        env=env,
        cwd=ROOT,
        input=stdin,
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
    )


def prepare_database(env):
    manage(env, "migrate", "--noinput", "-v0")


def create_event(env, slug, capacity):
    output = manage(env, "shell", stdin=SETUP_EVENT % {"slug": slug, "capacity": capacity}).stdout
    _marker, pk, url = output.strip().splitlines()[-1].split()
    return int(pk), url


def create_postgres_database(admin_url, name):
    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')
    parts = urllib.parse.urlsplit(admin_url)
    return urllib.parse.urlunsplit(parts._replace(path=f"/{name}"))


def drop_postgres_database(admin_url, name):
    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextmanager
def gunicorn(env, app="config.wsgi:application", workers=4, threads=8, worker_class="gthread"):
    port = free_port()
    process = subprocess.Popen(  # noqa: S603 - the venv gunicorn, loopback only
        [
            GUNICORN,
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--threads",
            str(threads),
            "--worker-class",
            worker_class,
            "--timeout",
            "60",
            "--log-level",
            "warning",
            app,
        ],
        env=env,
        cwd=ROOT,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("gunicorn did not start") from None
                time.sleep(0.2)
        yield port
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _request(port, method, path, body=None, headers=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.getheaders(), response.read()
    finally:
        connection.close()


def prepare_client(port, url):
    """GET the form like a browser: the CSRF cookie, the form's token and where it posts."""
    status, headers, body = _request(port, "GET", url)
    if status != 200:
        raise RuntimeError(f"GET {url} answered {status}")
    cookie = next(
        value.split(";", 1)[0]
        for name, value in headers
        if name.lower() == "set-cookie" and "csrftoken" in value
    )
    return cookie, CSRF_RE.search(body).group(1).decode(), ACTION_RE.search(body).group(1).decode()


def warm(port, url, workers):
    """A few GETs first, so that no worker meets the storm before its first request (lazy imports)."""
    for _ in range(3 * workers):
        prepare_client(port, url)


def storm(port, url, count, email=None):
    """``count`` sign-ups released at the same instant; returns (statuses, latencies, seconds).

    Each sign-up has an address of its own, or all have ``email``: one person posting again and again.
    """
    clients = [prepare_client(port, url) for _ in range(count)]
    barrier = threading.Barrier(count)
    statuses, latencies = [None] * count, [None] * count

    def sign_up(index):
        cookie, token, action = clients[index]
        body = urllib.parse.urlencode(
            {
                "csrfmiddlewaretoken": token,
                "name": f"Storm {index}",
                "email": email or f"storm{index}@example.org",
                "role": "zp",
                "consent": "on",
                "website": "",
            }
        )
        headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": cookie,
            "Referer": f"http://127.0.0.1:{port}{url}",
        }
        barrier.wait()
        started = time.perf_counter()
        try:
            statuses[index] = _request(port, "POST", action, body, headers)[0]
        except OSError as error:
            statuses[index] = repr(error)
        latencies[index] = time.perf_counter() - started

    threads = [threading.Thread(target=sign_up, args=(index,)) for index in range(count)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return statuses, latencies, time.perf_counter() - started


def registration_counts(database_url, event_id):
    """{status: count} for one event, read straight from the database."""
    sql = "SELECT status, COUNT(*) FROM events_registration WHERE event_id = %s GROUP BY status"
    return dict(_fetch(database_url, sql, event_id))


def mail_counts(database_url, event_id):
    """{kind: count} of the mails queued for one event's registrations."""
    sql = (
        "SELECT m.kind, COUNT(*) FROM events_registrationmail m JOIN events_registration r"
        " ON r.id = m.registration_id WHERE r.event_id = %s GROUP BY m.kind"
    )
    return dict(_fetch(database_url, sql, event_id))


def execute(database_url, sql, *params):
    _fetch(database_url, sql, *params, fetch=False)


def _fetch(database_url, sql, *params, fetch=True):
    if database_url.startswith("sqlite"):
        with sqlite3.connect(dj_database_url.parse(database_url)["NAME"]) as connection:
            cursor = connection.execute(sql.replace("%s", "?"), params)
            return cursor.fetchall() if fetch else None

    with psycopg.connect(database_url) as connection:
        cursor = connection.execute(sql, params)
        return cursor.fetchall() if fetch else None


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def summary(statuses, latencies, seconds, counts):
    return {
        "signups": len(statuses),
        "per_second": len(statuses) / seconds if seconds else 0.0,
        "p50_ms": statistics.median(latencies) * 1000,
        "p95_ms": percentile(latencies, 0.95) * 1000,
        "statuses": {status: statuses.count(status) for status in set(statuses)},
        "confirmed": counts.get("confirmed", 0),
        "waitlisted": counts.get("waitlisted", 0),
    }
