import pytest

from tests.browser.conftest import axe_violations

pytestmark = pytest.mark.browser


def test_home_page_switch_language_and_no_axe_violations(live_site, page):
    """A visitor opens the home page, switches to English and German; axe-core finds nothing."""
    page.goto(live_site.url + "/")
    assert page.locator("html").get_attribute("lang") == "nl"
    assert page.get_by_role("heading", level=1).inner_text().startswith("Meer werk voor zp")
    assert axe_violations(page) == []

    page.get_by_role("link", name="English").click()
    page.wait_for_url(live_site.url + "/en/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert axe_violations(page) == []

    page.get_by_role("navigation", name="Main menu").get_by_role("link", name="About Pr8werk").click()
    page.get_by_role("link", name="Deutsch").click()
    page.wait_for_url(live_site.url + "/de/ueber-pr8werk/")
    assert page.locator("html").get_attribute("lang") == "de"
    assert page.get_by_role("heading", level=1).inner_text() == "Über Pr8werk"
    assert axe_violations(page) == []


def test_skip_link_is_the_first_stop_for_the_keyboard(live_site, page):
    page.goto(live_site.url + "/en/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Skip to content"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
