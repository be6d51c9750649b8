"""Playwright against Debian's Chromium and a live server.

Playwright's own browser download does not work here, so the system Chromium is launched.
"""

import os

import pytest

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
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="nl-NL")
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


@pytest.fixture
def live_site(live_server, transactional_db, settings):
    """The demo site served by a live server; the default Site answers on the live server's host."""
    from django.core.management import call_command
    from wagtail.models import Site

    call_command("load_demo_content", verbosity=0)
    Site.objects.filter(is_default_site=True).update(hostname="localhost", port=80)
    return live_server


def axe_violations(page):
    """axe-core violations of WCAG 2.0/2.1 A and AA on the current page."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(
        page, options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
    )
    return results.response["violations"]
