"""`make bench`: a sign-up storm against gunicorn with production settings, on SQLite and PostgreSQL.

The server runs as the README's production section says: gunicorn's sync workers (3 by default), the
site's Redis cache when Redis answers (db 14, flushed afterwards).

Prints sign-ups per second, p50/p95 latency and the final confirmed/waitlisted counts. Loopback only,
a bounded number of requests, and databases of its own (a temporary SQLite file; a scratch
PostgreSQL database that is dropped afterwards). A benchmark, not a test: it asserts nothing.

    python tests/bench/signup_storm.py [--signups 100] [--capacity 50] [--skip-postgres]
    BENCH_PG_URL=postgres://postgres@127.0.0.1:5432/postgres  (the server to create the scratch db on)
"""

import argparse
import os
import sys
import tempfile
import uuid
from pathlib import Path

import redis

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.bench import storm

REDIS_URL = "redis://127.0.0.1:6379/14"


def redis_available():
    try:
        client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1)
        client.ping()
        client.flushdb()
        return True
    except Exception:  # noqa: BLE001 - no Redis here: each worker's local memory is the fallback
        return False


def run(label, database_url, args):
    with tempfile.TemporaryDirectory() as static_root:
        env = storm.server_env(database_url, "config.settings.production", STATIC_ROOT=static_root)
        if redis_available():
            env["REDIS_URL"] = REDIS_URL
        storm.prepare_database(env)
        storm.manage(env, "collectstatic", "--noinput", "-v0")
        event_id, url = storm.create_event(env, f"bench-{uuid.uuid4().hex[:6]}", args.capacity)
        with storm.gunicorn(
            env, workers=args.workers, threads=args.threads, worker_class=args.worker_class
        ) as port:
            storm.warm(port, url, args.workers)
            statuses, latencies, seconds = storm.storm(port, url, args.signups)
        result = storm.summary(
            statuses, latencies, seconds, storm.registration_counts(database_url, event_id)
        )
    print(  # noqa: T201 - a command-line benchmark reports on stdout
        f"{label:<10} {result['signups']} sign-ups in {seconds:.2f}s: {result['per_second']:.1f}/s, "
        f"p50 {result['p50_ms']:.0f} ms, p95 {result['p95_ms']:.0f} ms; capacity {args.capacity}: "
        f"{result['confirmed']} confirmed, {result['waitlisted']} waitlisted; responses {result['statuses']}"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--signups", type=int, default=100)
    parser.add_argument("--capacity", type=int, default=50)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--worker-class", default="sync", choices=["sync", "gthread"])
    parser.add_argument("--threads", type=int, default=1, help="threads per worker (gthread only)")
    parser.add_argument("--skip-postgres", action="store_true")
    args = parser.parse_args()
    args.signups = max(1, min(args.signups, 2000))  # bounded: this is a benchmark, not a load test

    with tempfile.TemporaryDirectory() as directory:
        run("SQLite", f"sqlite:///{directory}/bench.sqlite3", args)

    if args.skip_postgres:
        return
    admin_url = os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432/postgres")
    name = f"pr8werk_bench_{uuid.uuid4().hex[:8]}"
    try:
        database_url = storm.create_postgres_database(admin_url, name)
    except Exception as error:  # noqa: BLE001 - no PostgreSQL here: say so and stop
        print(f"PostgreSQL skipped: {error}")  # noqa: T201
        return
    try:
        run("PostgreSQL", database_url, args)
    finally:
        storm.drop_postgres_database(admin_url, name)


if __name__ == "__main__":
    main()
