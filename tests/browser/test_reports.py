import pytest

from events.models import EventPage
from tests.browser.conftest import axe_violations

pytestmark = pytest.mark.browser

REPORT = "/agenda/opbrengst-zwermsessies-overheid-2012/"


def test_visitor_goes_from_a_session_to_its_report_and_filters_the_outcomes(live_site, page):
    """From the Wehl session to the 2012 report, then to the overview, filtered; no axe findings."""
    wehl = EventPage.objects.get(locale__language_code="nl", venue_town="Wehl", start__year=2012)
    page.goto(live_site.url + wehl.url)
    page.get_by_role("link", name="Opbrengst zwermsessies 2012: de overheid").click()
    page.wait_for_url(live_site.url + REPORT)
    assert page.get_by_role("heading", name="De marktplaats inhuurgelderland.nl").is_visible()
    assert axe_violations(page) == []

    page.get_by_role("link", name="Alle opbrengsten van alle bijeenkomsten").click()
    page.wait_for_url(live_site.url + "/agenda/opbrengsten/")
    assert axe_violations(page) == []
    page.get_by_label("Soort").select_option("question")
    page.get_by_label("Stand van de opvolging").select_option("open")
    page.get_by_role("button", name="Toon opbrengsten").click()
    page.wait_for_url("**/agenda/opbrengsten/?*kind=question*")
    assert page.get_by_role("heading", level=2, name="3 opbrengsten").is_visible()
    page.get_by_role("link", name="Regionaal inkopen door gemeenten (1)").click()
    assert page.get_by_role("heading", level=2, name="1 opbrengst").is_visible()
    assert "eigen regio voorrang" in page.locator(".outcomes__results").inner_text()
    assert axe_violations(page) == []


def test_report_fits_a_phone_and_prints_without_navigation(live_site, page):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(live_site.url + "/en/agenda/outcomes-swarm-sessions-government-2012/")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.emulate_media(media="print")
    assert page.locator(".site-header").is_hidden()
    assert page.locator(".site-footer").is_hidden()
    after = page.evaluate(
        "getComputedStyle(document.querySelector('.report__sessions a'), '::after').content"
    )
    assert "/en/agenda/government-breakfast-session-" in after
    assert page.locator(".report .print-only").is_visible()
