import re

import pytest
from django.core import mail

from events.models import Registration
from tests.browser.conftest import axe_violations

pytestmark = pytest.mark.browser


def test_sign_up_and_cancel_in_chromium(live_site, page):
    """A visitor finds the nearly full session in the agenda, signs up, and cancels through the mail."""
    page.goto(live_site.url + "/agenda/")
    assert axe_violations(page) == []
    page.get_by_role("link", name="Ontbijtsessie ondernemers in Winterswijk").click()
    assert page.get_by_text("Nog 2 plaatsen vrij").first.is_visible()
    assert axe_violations(page) == []

    page.get_by_label("Naam").fill("Bram Visitor")
    page.get_by_label("E-mail").fill("bram@example.org")
    page.get_by_label("Rol").select_option("client_government")
    page.get_by_label("Opmerkingen, zoals dieetwensen").fill("Geen koffie")
    page.get_by_label(re.compile("Ik ga ermee akkoord")).check()
    page.get_by_role("button", name="Aanmelden").click()

    page.wait_for_url(re.compile(r"/aanmelden/\d+/ontvangen/"))
    assert page.get_by_role("heading", name="Kijk in je mailbox").is_visible()
    assert axe_violations(page) == []
    registration = Registration.objects.get(email="bram@example.org")
    assert registration.status == "confirmed"
    [message] = [message for message in mail.outbox if message.to == ["bram@example.org"]]
    link = re.search(r"https?://\S+/aanmelding/\S+/", message.body).group(0)
    path = "/aanmelding/" + link.split("/aanmelding/", 1)[1]

    # The mail's link: the status, for the owner of the address only.
    page.goto(live_site.url + path)
    assert page.get_by_text("Bram Visitor, je plaats is bevestigd.").is_visible()
    assert axe_violations(page) == []
    page.get_by_role("button", name="Mijn aanmelding annuleren").click()

    assert page.get_by_text("Je aanmelding is geannuleerd.").first.is_visible()
    registration.refresh_from_db()
    assert registration.status == "cancelled"
    page.goto(live_site.url + "/agenda/ontbijtsessie-ondernemers-winterswijk/")
    assert page.get_by_text("Nog 2 plaatsen vrij").first.is_visible()
