"""`make bench`: page throughput under gunicorn with production settings, uncached and cached.

Builds the demo site in a temporary SQLite database, collects the static files, starts gunicorn on a
free loopback port and measures each page with wrk (Debian package `wrk`): requests per second, p50
and p95 latency, and the ratio to serving the hashed CSS file from the same server. The cache is
Redis db 15 on 127.0.0.1 when it answers (only that db is flushed), local memory otherwise.
Bounded: a fixed duration and a request cap per measurement; exits non-zero when a request fails.

    python tests/bench/pages.py [--seconds 5] [--connections 16] [--max-requests 20000]
"""

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path

import redis

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.bench import storm

REDIS_URL = "redis://127.0.0.1:6379/15"
FIND_PAGES = """
from events.models import EventPage, SessionReportPage
from news.models import NewsPage
from wagtail.models import Site
Site.objects.filter(is_default_site=True).update(hostname="127.0.0.1", port=80)
news = NewsPage.objects.live().filter(locale__language_code="nl").order_by("-pk").first()
event = EventPage.objects.live().filter(locale__language_code="nl").order_by("-pk").first()
report = SessionReportPage.objects.live().filter(locale__language_code="nl").order_by("-pk").first()
print("URLS", news.url, event.url, report.url)
"""
# wrk's Lua hooks: a request cap per thread, and p50/p95 plus errors as one JSON line at the end.
WRK_SCRIPT = """
local count = 0
local cap = tonumber(os.getenv("BENCH_MAX_PER_THREAD"))
function response(status, headers, body)
  count = count + 1
  if count >= cap then wrk.thread:stop() end
end
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('BENCH {"requests": %d, "seconds": %f, "p50": %f, "p95": %f, "errors": %d}\\n',
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    e.connect + e.read + e.write + e.timeout + e.status))
end
"""


def redis_available():
    try:
        client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1)
        client.flushdb()  # db 15 only: the bench's own
        return True
    except Exception:  # noqa: BLE001 - no Redis here: local memory is the fallback
        return False


def fetch(port, path):
    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=60) as response:
        response.read()
        return response.status, response.headers.get("X-Cache", "-")


def measure(port, path, args, script):
    env = {"BENCH_MAX_PER_THREAD": str(max(1, args.max_requests // args.threads))}
    output = subprocess.run(  # noqa: S603 - wrk against our own loopback server
        [
            shutil.which("wrk"),
            f"-t{args.threads}",
            f"-c{args.connections}",
            f"-d{args.seconds}s",
            "--timeout",
            "30s",
            "-s",
            script,
            f"http://127.0.0.1:{port}{path}",
        ],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=args.seconds + 60,
    ).stdout
    line = next(line for line in output.splitlines() if line.startswith("BENCH "))
    result = json.loads(line[6:])
    if result["errors"]:
        raise SystemExit(f"{path}: {result['errors']} failed requests\n{output}")
    result["per_second"] = result["requests"] / result["seconds"]
    return result


def run_server(env, paths, static_path, args, script, cached):
    results = {}
    with storm.gunicorn(env, workers=args.workers, threads=2) as port:
        for _label, path in paths:
            status, _x_cache = fetch(port, path)  # warm-up: renditions made, cache filled
            if status != 200:
                raise SystemExit(f"{path} answered {status}")
        # The static file before and after the pages; the faster of the two is the reference, so that
        # a slow moment of the machine during one of them does not flatter the pages' ratios.
        first_static = measure(port, static_path, args, script)
        for label, path in paths:
            # A page with a live form (the event's sign-up, with its CSRF token) is never cached.
            x_cache = fetch(port, path)[1]
            results[label] = {**measure(port, path, args, script), "x_cache": x_cache}
        last_static = measure(port, static_path, args, script)
        fastest = max(first_static, last_static, key=lambda result: result["per_second"])
        results["static"] = {**fastest, "x_cache": "-"}
    return results


def report(text):
    print(text)  # noqa: T201 - a command-line benchmark reports on stdout


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--max-requests", type=int, default=20000)
    args = parser.parse_args()
    args.seconds = max(1, min(args.seconds, 60))
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is missing: apt-get install wrk (make bench installs it)")

    with tempfile.TemporaryDirectory() as directory:
        base = Path(directory)
        env = storm.server_env(
            f"sqlite:///{base / 'bench.sqlite3'}",
            "config.settings.production",
            STATIC_ROOT=str(base / "static"),
            MEDIA_ROOT=str(base / "media"),
            ALLOWED_HOSTS="127.0.0.1",
        )
        cache = "Redis db 15" if redis_available() else "local memory"
        if cache.startswith("Redis"):
            env["REDIS_URL"] = REDIS_URL
        storm.prepare_database(env)
        storm.manage(env, "load_demo_content", "-v0")
        storm.manage(env, "collectstatic", "--noinput", "-v0")
        found = storm.manage(env, "shell", stdin=FIND_PAGES).stdout.split("URLS", 1)[1].split()
        news_url, event_url, report_url = found
        manifest = json.loads((base / "static" / "staticfiles.json").read_text())
        static_path = "/static/" + manifest["paths"]["css/pr8werk.css"]
        paths = [
            ("home", "/"),
            ("news index", "/nieuws/"),
            ("news page", news_url),
            ("agenda", "/agenda/"),
            ("event page", event_url),
            ("report page", report_url),
            ("directory", "/netwerken/"),
        ]
        script = str(base / "bench.lua")
        Path(script).write_text(WRK_SCRIPT)

        uncached = run_server({**env, "PAGE_CACHE_DISABLED": "true"}, paths, static_path, args, script, False)
        if cache.startswith("Redis"):
            redis_available()
        cached = run_server(env, paths, static_path, args, script, True)

    report(
        f"Pages: gunicorn {args.workers} workers x 2 threads, production settings, SQLite, cache {cache}; "
        f"wrk {args.threads} threads, {args.connections} connections, {args.seconds}s per line"
    )
    report(
        f"{'page':<12} {'uncached req/s':>14} {'p50':>7} {'p95':>7} {'x static':>9} | "
        f"{'cached req/s':>12} {'p50':>7} {'p95':>7} {'x static':>9}"
    )
    for label, _path in [*paths, ("static", static_path)]:
        row = []
        for results in (uncached, cached):
            r = results[label]
            ratio = r["per_second"] / results["static"]["per_second"]
            row.append(f"{r['per_second']:>8.0f} {r['p50']:>6.1f}ms {r['p95']:>6.1f}ms {ratio:>8.2f}")
        report(f"{label:<12} {row[0]:>14} | {row[1]}  X-Cache {cached[label]['x_cache']}")
    report(f"static file: {static_path}")


if __name__ == "__main__":
    main()
