"""Signing up for a session and cancelling it with the keyboard alone: no clicks, no filling by selector."""

import re

import pytest
from django.core import mail

from events.models import Registration

pytestmark = pytest.mark.browser

SESSION = "Ontbijtsessie ondernemers in Winterswijk"

# What the focused element is and whether focus can be seen on it: an outline of at least 2px (the
# browser's own thin ring does not count) or a box shadow, which the stylesheet uses for nothing else.
FOCUSED = """() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    const label = el.labels && el.labels.length ? el.labels[0].innerText : "";
    return {
        tag: el.tagName.toLowerCase(),
        type: el.type || "",
        id: el.id,
        name: el.name || "",
        text: (el.getAttribute("aria-label") || label || el.innerText || el.value || "").trim(),
        href: el.getAttribute("href") || "",
        visible: el.checkVisibility(),
        indicator: (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2)
            || style.boxShadow !== "none",
    };
}"""

# Links, buttons and fields the Tab key reaches, in document order (positive tabindex is not used).
FIRST_TABBABLE = """() => {
    const candidates = document.querySelectorAll(
        "a[href], button, input, select, textarea, [tabindex], summary, iframe");
    for (const el of candidates) {
        if (el.disabled || el.tabIndex < 0 || el.type === "hidden") continue;
        if (el.closest("[inert]")) continue;
        return el.className + "|" + el.getAttribute("href");
    }
    return null;
}"""


def tab(page, key="Tab"):
    """Move focus and check it is visible where it lands."""
    page.keyboard.press(key)
    focused = page.evaluate(FOCUSED)
    assert focused is not None, f"{key} left focus nowhere"
    assert focused["visible"], focused
    assert focused["indicator"], f"no visible focus indicator on {focused}"
    assert focused["name"] != "website", "the spam trap must not be reachable by keyboard"
    return focused


def tab_until(page, matches, limit=80):
    """Tab forward until the focused element matches; every stop on the way must show its focus."""
    for _ in range(limit):
        focused = tab(page)
        if matches(focused):
            return focused
    raise AssertionError(f"not reached with {limit} presses of Tab")


def test_skip_link_is_the_first_stop_and_moves_to_the_content(live_site, page):
    page.goto(live_site.url + "/")
    assert page.evaluate(FIRST_TABBABLE).startswith("skip-link|#main")

    focused = tab(page)
    assert focused["href"] == "#main"
    assert focused["text"] == "Naar de inhoud"
    # Hidden off-screen until focused, then on screen.
    box = page.locator(".skip-link").bounding_box()
    assert box["y"] >= 0

    page.keyboard.press("Enter")
    # The fragment navigation and the focus move come a moment after the key on a busy machine.
    page.wait_for_url(re.compile(r"/#main$"))
    page.wait_for_function("document.activeElement.id === 'main'")
    # The next Tab continues inside the content, not back at the header.
    tab(page)
    assert page.evaluate("document.querySelector('main').contains(document.activeElement)")


def test_sign_up_and_cancel_with_the_keyboard_alone(live_site, page):
    page.goto(live_site.url + "/")
    tab_until(page, lambda focused: focused["tag"] == "a" and focused["text"] == "Agenda")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/agenda/$"))

    tab_until(page, lambda focused: focused["tag"] == "a" and focused["text"] == SESSION)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/agenda/ontbijtsessie-ondernemers-winterswijk/$"))
    assert page.get_by_text("Nog 2 plaatsen vrij").first.is_visible()

    focused = tab_until(page, lambda focused: focused["name"] == "name")
    page.keyboard.type("Kees Toetsenbord")
    assert tab(page)["name"] == "email"
    page.keyboard.type("kees@example.org")
    assert tab(page)["name"] == "organisation"
    page.keyboard.type("Gemeente Oost Gelre")

    focused = tab(page)
    assert (focused["tag"], focused["name"]) == ("select", "role")
    role = page.locator("select[name=role]")
    for _ in range(10):
        if role.input_value() == "client_government":
            break
        page.keyboard.press("ArrowDown")
    assert role.input_value() == "client_government"

    assert tab(page)["name"] == "remarks"
    page.keyboard.type("Graag thee")

    focused = tab(page)
    assert (focused["type"], focused["name"]) == ("checkbox", "consent")
    page.keyboard.press("Space")
    assert page.locator("input[name=consent]").is_checked()

    focused = tab_until(page, lambda focused: focused["tag"] == "button")
    assert focused["text"] == "Aanmelden"
    with page.expect_navigation(url=re.compile(r"/aanmelden/\d+/ontvangen/")):
        page.keyboard.press("Enter")
    assert page.get_by_role("heading", name="Kijk in je mailbox").is_visible()
    registration = Registration.objects.get(email="kees@example.org")
    assert registration.status == "confirmed"
    assert registration.role == "client_government"
    assert registration.organisation == "Gemeente Oost Gelre"
    assert registration.remarks == "Graag thee"
    [message] = [message for message in mail.outbox if message.to == ["kees@example.org"]]
    link = re.search(r"https?://\S+/aanmelding/\S+/", message.body).group(0)

    # The link in the mail is opened from the mail program; on the site itself only keys again.
    page.goto(live_site.url + "/aanmelding/" + link.split("/aanmelding/", 1)[1])
    assert page.get_by_text("Kees Toetsenbord, je plaats is bevestigd.").is_visible()
    focused = tab_until(page, lambda focused: focused["tag"] == "button" and "annuleren" in focused["text"])
    assert focused["text"] == "Mijn aanmelding annuleren"
    with page.expect_navigation():
        page.keyboard.press("Enter")

    assert page.get_by_text("Je aanmelding is geannuleerd.").first.is_visible()
    registration.refresh_from_db()
    assert registration.status == "cancelled"


def test_form_errors_are_reachable_by_keyboard(live_site, page):
    """Sending the form empty keeps focus usable: the fields with an error are the next Tab stops."""
    page.goto(live_site.url + "/agenda/ontbijtsessie-ondernemers-winterswijk/")
    tab_until(page, lambda focused: focused["tag"] == "button" and focused["text"] == "Aanmelden")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert not Registration.objects.filter(
        event__slug="ontbijtsessie-ondernemers-winterswijk", name=""
    ).exists()
    focused = tab_until(page, lambda focused: focused["name"] == "name")
    assert page.locator("input[name=name]").get_attribute("aria-invalid") == "true"
    assert focused["visible"]
