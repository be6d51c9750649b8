"""The calendar file in each mail keeps one entry per registration true: tentative on the waiting list,
confirmed with a higher SEQUENCE after a promotion, and taken out by a cancellation."""

import pytest
from django.core import mail
from icalendar import Calendar

from events.models import Registration
from tests.events.conftest import registration_path

pytestmark = pytest.mark.django_db


def calendars_to(address):
    """Each mail to ``address`` in order, as (its attachment's METHOD, its VEVENT, its mimetype)."""
    found = []
    for message in mail.outbox:
        if message.to != [address]:
            continue
        [(filename, content, mimetype)] = message.attachments
        assert filename.endswith(".ics")
        calendar = Calendar.from_ical(content)
        [vevent] = calendar.walk("VEVENT")
        found.append((str(calendar["METHOD"]), vevent, mimetype))
    return found


def test_the_waiting_list_mail_is_tentative(sign_up, make_event):
    """A place on the waiting list is no seat: its calendar entry is tentative, not confirmed."""
    event = make_event(capacity=1)["nl"]
    sign_up(event, email="first@example.org")
    sign_up(event, email="second@example.org")

    [(method, vevent, mimetype)] = calendars_to("second@example.org")
    assert (method, str(vevent["STATUS"])) == ("PUBLISH", "TENTATIVE")
    assert "method=PUBLISH" in mimetype
    [(_, confirmed, _)] = calendars_to("first@example.org")
    assert str(confirmed["STATUS"]) == "CONFIRMED"
    assert str(vevent["UID"]) == str(confirmed["UID"]) == event.ical_uid()


def test_a_promotion_updates_the_entry_with_a_higher_sequence(sign_up, post, make_event):
    """The promotion mail names the same UID, CONFIRMED, with a SEQUENCE above the waiting-list mail's."""
    event = make_event(capacity=1)["nl"]
    sign_up(event, email="first@example.org")
    link = registration_path("first@example.org")
    sign_up(event, email="second@example.org")
    post(link)
    assert Registration.objects.get(email="second@example.org").status == "confirmed"

    [(_, waitlisted, _), (method, promoted, _)] = calendars_to("second@example.org")
    assert method == "PUBLISH"
    assert str(promoted["UID"]) == str(waitlisted["UID"])
    assert str(promoted["STATUS"]) == "CONFIRMED"
    assert promoted.decoded("SEQUENCE") > waitlisted.decoded("SEQUENCE", 0)
    assert "mailto:info@pr8werk.nl" in str(promoted["ORGANIZER"]).lower()


def test_the_cancellation_mail_takes_the_entry_out_of_the_calendar(sign_up, post, make_event):
    """The cancellation carries METHOD:CANCEL for the same UID, CANCELLED, with a higher SEQUENCE."""
    event = make_event(capacity=5)["en"]
    sign_up(event, email="ben@example.org")
    link = registration_path("ben@example.org")
    post(link)

    [(_, confirmed, _), (method, cancelled, mimetype)] = calendars_to("ben@example.org")
    assert method == "CANCEL" and "method=CANCEL" in mimetype
    assert str(cancelled["UID"]) == str(confirmed["UID"]) == event.ical_uid()
    assert str(cancelled["STATUS"]) == "CANCELLED"
    assert cancelled.decoded("SEQUENCE") > confirmed.decoded("SEQUENCE", 0)
    assert str(cancelled["ORGANIZER"]) == str(confirmed["ORGANIZER"])
    assert "out of your agenda" in mail.outbox[-1].body


def test_a_cancellation_after_a_promotion_outranks_the_promotion(sign_up, post, make_event):
    """Promoted, then cancelled: the cancellation's SEQUENCE is above the promotion's, so it wins."""
    event = make_event(capacity=1)["nl"]
    sign_up(event, email="first@example.org")
    first = registration_path("first@example.org")
    sign_up(event, email="second@example.org")
    post(first)
    second = Registration.objects.get(email="second@example.org")
    post(second.manage_url().removeprefix("http://testserver"))

    sequences = [
        (method, str(vevent["STATUS"]), vevent.decoded("SEQUENCE", 0))
        for method, vevent, _ in calendars_to("second@example.org")
    ]
    assert [entry[:2] for entry in sequences] == [
        ("PUBLISH", "TENTATIVE"),
        ("PUBLISH", "CONFIRMED"),
        ("CANCEL", "CANCELLED"),
    ]
    assert sequences[0][2] < sequences[1][2] < sequences[2][2]


def test_the_public_feed_still_confirms_the_session(client, sign_up, make_event):
    """A waiting list changes the registrant's entry only: the agenda's calendar keeps the session CONFIRMED."""
    event = make_event(capacity=1)["nl"]
    sign_up(event, email="first@example.org")
    sign_up(event, email="second@example.org")

    [vevent] = Calendar.from_ical(client.get(event.url + "ical/").content).walk("VEVENT")
    assert str(vevent["STATUS"]) == "CONFIRMED"
    assert "SEQUENCE" not in vevent and "ORGANIZER" not in vevent
