"""The outbox after a mail server outage: mails that no longer fit the registration are dropped, the
current ones still go out; and the links in every mail point at the public address."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from events.models import Registration, RegistrationMail
from tests.events.conftest import registration_path

pytestmark = pytest.mark.django_db

BROKEN = "tests.events.test_signup.BrokenMailBackend"
WORKING = "django.core.mail.backends.locmem.EmailBackend"


@pytest.fixture
def retry(committed, settings):
    """The mail server is back and the daily command retries what failed."""

    def run():
        settings.EMAIL_BACKEND = WORKING
        committed(call_command, "send_event_reminders", verbosity=0)

    return run


def subjects():
    return sorted((message.to[0], message.subject.split(":")[0]) for message in mail.outbox)


def test_a_cancellation_during_the_outage_sends_only_the_cancellation(
    sign_up, post, make_event, settings, retry
):
    event = make_event(capacity=5)["nl"]
    settings.EMAIL_BACKEND = BROKEN
    sign_up(event)
    link = registration_path("anne@example.org")
    post(link)
    assert RegistrationMail.objects.filter(sent_at__isnull=True).count() == 2

    retry()

    assert subjects() == [("anne@example.org", "Aanmelding geannuleerd")]
    # Only the calendar file that takes the entry out of the agenda, never the one that put it in.
    assert ["method=CANCEL" in message.attachments[0][2] for message in mail.outbox] == [True]
    dropped = RegistrationMail.objects.get(kind="confirmation")
    assert dropped.sent_at is not None and dropped.last_error.startswith("Not sent: out of date")
    # Dropped for good: a later run sends nothing.
    retry()
    assert len(mail.outbox) == 1


def test_a_promotion_during_the_outage_sends_promoted_not_waitlisted(
    sign_up, post, make_event, settings, retry
):
    event = make_event(capacity=1)["nl"]
    sign_up(event, email="first@example.org")
    link = registration_path("first@example.org")
    mail.outbox.clear()
    settings.EMAIL_BACKEND = BROKEN
    sign_up(event, email="second@example.org")
    post(link)
    assert Registration.objects.get(email="second@example.org").status == "confirmed"

    retry()

    assert subjects() == [
        ("first@example.org", "Aanmelding geannuleerd"),
        ("second@example.org", "Er is een plaats voor je vrijgekomen"),
    ]
    assert RegistrationMail.objects.filter(sent_at__isnull=True).count() == 0


def test_a_reminder_that_failed_is_not_sent_after_the_cancellation(
    sign_up, post, committed, make_event, settings, retry
):
    event = make_event(capacity=5, days=1)["nl"]
    sign_up(event)
    link = registration_path("anne@example.org")
    mail.outbox.clear()
    settings.EMAIL_BACKEND = BROKEN
    committed(call_command, "send_event_reminders", verbosity=0)
    assert RegistrationMail.objects.get(kind="reminder").attempts == 1
    post(link)

    retry()

    assert subjects() == [("anne@example.org", "Aanmelding geannuleerd")]


def test_a_reminder_that_failed_is_not_sent_once_the_session_has_started(
    sign_up, committed, make_event, settings, retry
):
    event = make_event(capacity=5, days=1)["nl"]
    sign_up(event)
    mail.outbox.clear()
    settings.EMAIL_BACKEND = BROKEN
    committed(call_command, "send_event_reminders", verbosity=0)
    assert RegistrationMail.objects.get(kind="reminder").attempts == 1
    type(event).objects.filter(pk=event.pk).update(start=timezone.now() - timedelta(minutes=5))

    retry()

    assert mail.outbox == []
    assert "the session has started" in RegistrationMail.objects.get(kind="reminder").last_error


def test_a_current_mail_is_still_retried(sign_up, make_event, settings, retry):
    event = make_event(capacity=5)["nl"]
    settings.EMAIL_BACKEND = BROKEN
    sign_up(event)

    retry()

    assert subjects() == [("anne@example.org", "Je bent aangemeld")]
    assert mail.outbox[0].attachments


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_session_link_uses_the_public_address(sign_up, make_event, settings, language):
    page = make_event(capacity=5)[language]
    settings.SITE_BASE_URL = "https://www.pr8werk.nl"

    sign_up(page)

    [message] = mail.outbox
    assert f"https://www.pr8werk.nl{page.url}\n" in message.body
    assert "localhost" not in message.body and "testserver" not in message.body


def test_the_links_follow_the_port_the_site_is_served_on(sign_up, client, make_event, settings):
    """`PORT=8080 make run`: the session link and the cancel link of the sign-up mail say 8080, and work."""
    page = make_event(capacity=5)["nl"]
    settings.SITE_BASE_URL = "http://127.0.0.1:8080"

    sign_up(page)

    [message] = mail.outbox
    links = [line for line in message.body.splitlines() if "://" in line]
    assert len(links) == 3 and all("http://127.0.0.1:8080" in link for link in links)
    assert "8000" not in message.body
    cancel = next(link for link in links if "/aanmelding/" in link)
    path = cancel.removeprefix("http://127.0.0.1:8080")
    assert "je plaats is bevestigd" in client.get(path).content.decode()
