"""Playwright against Debian's Chromium and a live server.

Playwright's own browser download does not work here, so the system Chromium is launched.
"""

import os
import threading
import time

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth import get_user_model
from django.db import connections
from playwright.sync_api import sync_playwright
from pytest_django.live_server_helper import LiveServer
from wagtail.models import Site

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]

# Playwright's sync API runs an event loop in this thread; Django refuses ORM calls from a thread
# with a running loop unless told this is intended (the ORM calls here are test setup only).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def live_site(demo_database, django_db_blocker):
    """One live server for every browser test, on the demo site committed once for the test process.

    Browser tests share what they change (a sign-up, a submitted entry): each uses its own accounts and
    addresses and asserts nothing another browser test may have changed. The database stays unblocked
    for the session: the browser tests run last, and both the server thread and the test use it.
    """
    with django_db_blocker.unblock():
        Site.objects.filter(is_default_site=True).update(hostname="localhost", port=80)
        server = LiveServer("localhost")
        server._live_server_modified_settings.enable()
        server.thread.httpd.set_app(_RequestsInFlight(server.thread.httpd.get_app()))
        yield server
        server._live_server_modified_settings.disable()
        server.stop()


@pytest.fixture
def django_user_model(live_site):
    """The user model, without pytest-django's `db` transaction: the live server must see the rows."""
    return get_user_model()


@pytest.fixture
def page(browser, live_site):
    context = browser.new_context(locale="nl-NL")
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()
    # A request still being served (an image the closed page had asked for) ends before the next test.
    live_site.thread.httpd.get_app().wait_until_idle()


@pytest.fixture(autouse=True)
def _close_test_connections():
    """While Playwright runs, a test's ORM calls run in a context of their own (greenlet switching):
    their connection is not the one the session's teardown closes, and PostgreSQL refuses to drop
    the test database while it lives."""
    yield
    connections.close_all()


class _RequestsInFlight:
    """WSGI wrapper that knows whether the live server is still serving a request."""

    def __init__(self, app):
        self.app = app
        self.count = 0
        self.changed = threading.Condition()

    def __call__(self, environ, start_response):
        with self.changed:
            self.count += 1
        try:
            result = self.app(environ, start_response)
            try:
                # Buffered, so that the database work of a streamed response is done here too.
                return list(result)
            finally:
                if hasattr(result, "close"):
                    result.close()
        finally:
            with self.changed:
                self.count -= 1
                self.changed.notify_all()

    def wait_until_idle(self, timeout=30, quiet=0.2):
        deadline = time.monotonic() + timeout
        with self.changed:
            while time.monotonic() < deadline:
                if self.count == 0:
                    # A connection accepted just before the browser closed may not have reached
                    # the application yet; idle means idle for a moment.
                    if not self.changed.wait(quiet) and self.count == 0:
                        return
                else:
                    self.changed.wait(max(0, deadline - time.monotonic()))
        raise AssertionError(f"the live server still serves {self.count} request(s) after {timeout}s")


def axe_violations(page):
    """axe-core violations of WCAG 2.0/2.1 A and AA and of its best practices on the current page."""
    results = Axe().run(
        page,
        options={
            "runOnly": {
                "type": "tag",
                "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"],
            }
        },
    )
    return results.response["violations"]
