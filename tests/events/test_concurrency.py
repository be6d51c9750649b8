"""Capacity is exact under concurrency: real simultaneous requests against gunicorn (4 processes,
8 threads each) on the database the suite runs on (SQLite file or PostgreSQL), plus the control:
the same storm against the site without the guard overbooks, so this test can fail."""

import os
import urllib.parse
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from django.conf import settings

from tests.bench import storm

CAPACITY = 10
SIGNUPS = 40


@pytest.fixture(scope="module")
def storm_database(tmp_path_factory):
    """A migrated database of its own, reachable by the gunicorn processes."""
    if settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
        admin_url = urllib.parse.urlunsplit(
            urllib.parse.urlsplit(os.environ["DATABASE_URL"])._replace(path="/postgres")
        )
        name = f"pr8werk_storm_{uuid.uuid4().hex[:8]}"
        database_url = storm.create_postgres_database(admin_url, name)
        env = storm.server_env(database_url, "config.settings.test")
        storm.prepare_database(env)
        yield env, database_url
        storm.drop_postgres_database(admin_url, name)
    else:
        database_url = f"sqlite:///{tmp_path_factory.mktemp('storm') / 'storm.sqlite3'}"
        env = storm.server_env(database_url, "config.settings.test")
        storm.prepare_database(env)
        yield env, database_url


def test_simultaneous_signups_for_the_last_seats_confirm_exactly_the_capacity(storm_database):
    env, database_url = storm_database
    event_id, url = storm.create_event(env, "guarded", CAPACITY)

    with storm.gunicorn(env) as port:
        statuses, _latencies, _seconds = storm.storm(port, url, SIGNUPS)

    assert statuses == [302] * SIGNUPS, "every sign-up is answered with a redirect, none with an error"
    assert storm.registration_counts(database_url, event_id) == {
        "confirmed": CAPACITY,
        "waitlisted": SIGNUPS - CAPACITY,
    }


def test_one_address_posted_many_times_at_once_signs_up_once_and_is_mailed_once(storm_database):
    env, database_url = storm_database
    event_id, url = storm.create_event(env, "repeated", CAPACITY)

    with storm.gunicorn(env, workers=2, threads=8) as port:
        first, _latencies, _seconds = storm.storm(port, url, 20, email="anne@example.org")
        # An hour later (the resend period): the same storm again mails the details once more.
        storm.execute(
            database_url,
            "UPDATE events_registration SET details_mailed_at = %s WHERE event_id = %s",
            # Written as both databases store a UTC moment and compare it (SQLite compares text).
            (datetime.now(UTC) - timedelta(seconds=3601)).strftime("%Y-%m-%d %H:%M:%S.%f+00:00"),
            event_id,
        )
        again, _latencies, _seconds = storm.storm(port, url, 20, email="anne@example.org")

    assert first == again == [302] * 20, "every post gets the same answer, none an error"
    assert storm.registration_counts(database_url, event_id) == {"confirmed": 1}
    assert storm.mail_counts(database_url, event_id) == {"confirmation": 2}


def test_control_the_same_storm_without_the_guard_overbooks(storm_database):
    env, database_url = storm_database
    event_id, url = storm.create_event(env, "unguarded", CAPACITY)

    with storm.gunicorn(env, app="tests.bench.unguarded_wsgi:application") as port:
        statuses, _latencies, _seconds = storm.storm(port, url, SIGNUPS)

    assert statuses == [302] * SIGNUPS
    counts = storm.registration_counts(database_url, event_id)
    assert counts["confirmed"] > CAPACITY
