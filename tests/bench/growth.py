"""`make bench-growth`: every page kind and the growing admin views at demo size and at growth.

Builds the site in a scratch PostgreSQL database (dropped and created fresh): migrations and the
demo content first, copied aside as ``<name>_demo``; then grown in bulk (tests/bench/growth_site.py)
to 10,000 news items, 1,000 sessions over 20 years and 100,000 registrations. Then measures both,
their requests to each page alternating one by one, so that the load of a shared machine falls on
both sides of each ratio. Prints
per page: the queries of one request, the p50 render time over a few requests, the response size,
and the grown ÷ demo ratios. Requests go through Django's test client in this process, with production settings
(DEBUG off) and the page cache off, so every request is rendered; the admin views as a superuser.
Exits non-zero when a request does not answer 200.

    python tests/bench/growth.py [--requests 5] [--keep | --measure-only] [--news 10000]
        [--sessions 1000] [--registrations 100000]
        [--database-url postgres://postgres@127.0.0.1:5432/pr8werk_growth]

``--keep`` leaves both databases; ``--measure-only`` measures them again without building (after a
change of code that needs no migration).
"""

import argparse
import importlib
import os
import re
import statistics
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

import django
import psycopg
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test import Client, override_settings

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "site")]

DATABASE_URL = "postgres://postgres@127.0.0.1:5432/pr8werk_growth"
SITEMAP_LOC = re.compile(rb"<loc>([^<]+)</loc>")


def report(text=""):
    print(text, flush=True)  # noqa: T201 - a command-line benchmark reports on stdout


def admin_and_name(database_url):
    """The server's maintenance database (to create and drop from) and the scratch database's name."""
    name = urllib.parse.urlsplit(database_url).path.lstrip("/")
    return urllib.parse.urlunsplit(urllib.parse.urlsplit(database_url)._replace(path="/postgres")), name


def fresh_database(database_url):
    """Drop and create the scratch database; commits need not wait for the disk in a scratch db."""
    admin_url, name = admin_and_name(database_url)
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')
        admin.execute(f'ALTER DATABASE "{name}" SET synchronous_commit = off')
    return admin_url, name


def drop_database(admin_url, *names):
    connection.close()
    with psycopg.connect(admin_url, autocommit=True) as admin:
        for name in names:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def copy_database(admin_url, name, copy):
    """``copy`` as a snapshot of ``name`` (the demo-sized site, measured beside the grown one)."""
    connection.close()  # PostgreSQL copies a database only while nobody is connected to it
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{copy}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{copy}" TEMPLATE "{name}"')
        admin.execute(f'ALTER DATABASE "{copy}" SET synchronous_commit = off')


def use_database(name):
    """Point Django's connection at another database of the same server, connected already (outside
    any timing). Each database keeps its own cache entries under a key prefix of its own: switching
    back and forth between requests keeps both sides warm without mixing what they remember."""
    if connection.settings_dict["NAME"] != name:
        connection.close()
        connection.settings_dict["NAME"] = name
    cache.key_prefix = name
    connection.ensure_connection()


def set_up_django(database_url, directory):
    """Production settings on the scratch database, without the page cache; then the grown site's
    module, which imports models and so can only be loaded once Django is set up."""
    os.environ.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        DATABASE_URL=database_url,
        SECRET_KEY="growth-bench-only-insecure-key",
        ALLOWED_HOSTS="testserver",
        SECURE_SSL_REDIRECT="false",
        PAGE_CACHE_DISABLED="true",
        EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
        MEDIA_ROOT=str(Path(directory) / "media"),
        STATIC_ROOT=str(Path(directory) / "static"),
    )
    os.environ.pop("REDIS_URL", None)
    (Path(directory) / "static").mkdir()  # whitenoise looks there, though nothing is served from it
    django.setup()
    return importlib.import_module("tests.bench.growth_site")


def migrate():
    call_command("migrate", "--noinput", verbosity=0)


def load_demo():
    call_command("load_demo_content", verbosity=0)


def vacuum():
    """What autovacuum does to the bulk-filled tables a little later on a real site: planner
    statistics and the visibility map. Measured before it, the grown site would be planned as the
    small one it was, and autovacuum might start in the middle of the measuring."""
    with connection.cursor() as cursor:
        cursor.execute("VACUUM (ANALYZE)")


def timed(label, step, *args):
    start = time.perf_counter()
    result = step(*args)
    report(f"{label}: {time.perf_counter() - start:.0f} s")
    return result


def grow(site, args):
    """The growth in bulk, step by step, each step timed."""
    news = timed("news items", site.grow_news, args.news)
    sessions = timed("sessions", site.grow_sessions, args.sessions)
    timed("search index", site.index_for_search, news + sessions)
    compared = timed("search index checked", site.check_copied_entries, news + sessions)
    report(f"  {compared} copied entries equal to update_index's")
    timed("registrations", site.grow_registrations, args.registrations)
    timed("vacuum and statistics", vacuum)
    cache.clear()  # bulk inserts send no signals: drop what the demo-size requests remembered


def sitemap_part(client):
    """The largest part of a sitemap index (None for a single sitemap), fetched once to compare."""
    body = client.get("/sitemap.xml").content
    if b"<sitemapindex" not in body:
        return None
    sizes = {}
    for location in SITEMAP_LOC.findall(body):
        parts = urllib.parse.urlsplit(location.decode())
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        sizes[path] = len(client.get(path).content)
    return max(sizes, key=sizes.get)


class QueryCounter:
    """Counts the SQL statements run while it wraps the connection (connection.execute_wrapper)."""

    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def fetch(client, path):
    """One request, its streamed body read too (an export queries while it streams)."""
    response = client.get(path)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return response.status_code, len(body)


def first_requests(client, path, before):
    """A warming request (routes, renditions, remembered fragments), then one whose queries are
    counted: the status, queries and size of the page."""
    status, _size = fetch(client, path)
    if status != 200:
        return {"status": status}
    before()
    queries = QueryCounter()
    with connection.execute_wrapper(queries):
        status, size = fetch(client, path)
    return {"status": status, "queries": queries.count, "bytes": size}


def pages_to_measure(site):
    """(label, path, client) of every page kind as a visitor, then the admin views as a superuser."""
    visitor, admin = Client(), Client()
    admin.force_login(site.superuser())
    pages = [(label, path, visitor) for label, path in site.public_pages()]
    part = sitemap_part(visitor)
    if part is not None:
        pages.append(("sitemap part", part, visitor))
    return pages + [(label, path, admin) for label, path in site.admin_pages()]


def measure_sites(site, databases, requests, budget):
    """Every page kind on each of ``databases`` ({"demo": name, "grown": name}): the queries and size
    of a warm request, then the p50 of up to ``requests`` timed ones (fewer once a side took
    ``budget`` seconds: a slow page needs fewer to show it). The timed requests to the two sides
    alternate one by one, so that a moment's load of a shared machine weighs on both sides of a
    ratio alike (measured page by page, the ratios of one run moved by ±0.4× from the next's)."""
    pages = {}
    for which, name in databases.items():
        use_database(name)
        pages[which] = {label: (path, client) for label, path, client in pages_to_measure(site)}
    results = {which: {} for which in databases}
    for label in dict.fromkeys(label for listed in pages.values() for label in listed):
        sides = {which: pages[which][label] for which in databases if label in pages[which]}
        for which, (path, client) in sides.items():
            use_database(databases[which])
            results[which][label] = {"path": path, **first_requests(client, path, before(label))}
        answering = [which for which in sides if results[which][label]["status"] == 200]
        times = {which: [] for which in answering}
        while answering and all(len(times[which]) < requests for which in answering):
            if any(sum(times[which]) >= budget * 1000 for which in answering):
                break
            for which in answering:
                path, client = sides[which]
                use_database(databases[which])
                before(label)()
                start = time.perf_counter()
                fetch(client, path)
                times[which].append((time.perf_counter() - start) * 1000)
        for which in answering:
            results[which][label].update(ms=statistics.median(times[which]), requests=len(times[which]))
    return results


def before(label):
    """What to do before each measured request of a page: for the pages measured "after a change",
    what a publication does (every remembered result and fragment turns stale)."""
    from home.cache import invalidate_page_cache  # noqa: PLC0415 - importable once Django is set up
    from tests.bench.growth_site import MEASURED_AFTER_A_CHANGE  # noqa: PLC0415

    return invalidate_page_cache if label in MEASURED_AFTER_A_CHANGE else lambda: None


def ratio(grown, demo, key):
    if key not in grown or key not in demo or not demo[key]:
        return "-"
    return f"{grown[key] / demo[key]:.1f}×"


def print_table(demo, grown):
    report(
        f"{'page':<22} {'queries':>7} {'grown':>6} {'×':>6} | {'p50 ms':>7} {'grown':>7} {'×':>6} | "
        f"{'KB':>7} {'grown':>7}"
    )
    for label in [*demo, *(label for label in grown if label not in demo)]:
        d, g = demo.get(label, {}), grown.get(label, {})
        if g.get("status", 200) != 200 or d.get("status", 200) != 200:
            report(
                f"{label:<22} FAILED: demo {d.get('status', '-')}, grown {g.get('status', '-')} {g.get('path')}"
            )
            continue
        report(
            f"{label:<22} {d.get('queries', '-'):>7} {g.get('queries', '-'):>6} {ratio(g, d, 'queries'):>6} | "
            f"{d.get('ms', 0):>7.1f} {g.get('ms', 0):>7.1f} {ratio(g, d, 'ms'):>6} | "
            f"{d.get('bytes', 0) / 1024:>7.1f} {g.get('bytes', 0) / 1024:>7.1f}"
        )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=os.environ.get("BENCH_GROWTH_DB", DATABASE_URL))
    parser.add_argument("--requests", type=int, default=5, help="timed requests per page (p50)")
    parser.add_argument("--budget", type=float, default=3, help="seconds of timed requests per page at most")
    parser.add_argument("--news", type=int, default=10_000)
    parser.add_argument("--sessions", type=int, default=1_000)
    parser.add_argument("--registrations", type=int, default=100_000)
    parser.add_argument(
        "--keep", action="store_true", help="keep the grown and demo-sized databases afterwards"
    )
    parser.add_argument(
        "--measure-only",
        action="store_true",
        help="measure the databases an earlier --keep run left, build nothing",
    )
    args = parser.parse_args()
    args.requests = max(1, min(args.requests, 50))

    started = time.perf_counter()
    if args.measure_only:
        admin_url, name = admin_and_name(args.database_url)
    else:
        admin_url, name = fresh_database(args.database_url)
    databases = {"demo": f"{name}_demo", "grown": name}
    with tempfile.TemporaryDirectory() as directory:
        site = set_up_django(args.database_url, directory)
        # Templates ask for static URLs only; the hashed manifest would need a minute of collectstatic.
        with override_settings(
            STORAGES={
                **settings.STORAGES,
                "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
            }
        ):
            try:
                if not args.measure_only:
                    timed("migrations", migrate)
                    timed("demo content", load_demo)
                    timed("demo-sized copy", copy_database, admin_url, name, databases["demo"])
                    use_database(name)
                    grow(site, args)
                results = timed(
                    "measured demo-sized and grown, request by request in turn",
                    measure_sites,
                    site,
                    databases,
                    args.requests,
                    args.budget,
                )
            finally:
                if not (args.keep or args.measure_only):
                    drop_database(admin_url, *databases.values())
    report(
        f"Growth: PostgreSQL, production settings without the page cache, Django test client, "
        f"p50 of {args.requests} requests; {time.perf_counter() - started:.0f} s in all"
    )
    demo, grown = results["demo"], results["grown"]
    print_table(demo, grown)
    if any(result["status"] != 200 for results in (demo, grown) for result in results.values()):
        raise SystemExit("a request failed")


if __name__ == "__main__":
    main()
