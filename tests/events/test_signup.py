"""The sign-up lifecycle through the test client: sign up, duplicate, full, waiting list, cancel,
promotion, reminder once; mails checked in the outbox in the registrant's language."""

import re
import smtplib
from datetime import timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.core.management import call_command
from django.db import OperationalError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from icalendar import Calendar
from wagtail.models import ReferenceIndex

from events.models import Registration, RegistrationMail
from events.tasks import send_registration_mail
from tests.events.conftest import signup_data, signup_url

pytestmark = pytest.mark.django_db

LINK_RE = re.compile(r"http://testserver(/\S+/)")


def registration_fields(**overrides):
    data = {
        key: value for key, value in signup_data(**overrides).items() if key not in ("consent", "website")
    }
    return {**data, "language": "nl", "consent_text": "[test] ja"}


def manage_link(message):
    return LINK_RE.findall(message.body)[-1]


def test_sign_up_confirms_redirects_and_mails_in_dutch_with_ics(client, sign_up, post, committed, make_event):
    pages = make_event(capacity=10)
    event = pages["nl"]

    response = sign_up(event)

    assert response.status_code == 302
    assert response["Location"] == f"/aanmelden/{event.pk}/ontvangen/"
    received = client.get(response["Location"]).content.decode()
    assert "Kijk in je mailbox" in received and event.title in received
    registration = Registration.objects.get()
    assert (registration.status, registration.language, registration.email) == (
        "confirmed",
        "nl",
        "anne@example.org",
    )
    assert registration.consent_text.startswith("[")
    assert "90 dagen" in registration.consent_text
    [message] = mail.outbox
    assert message.to == ["anne@example.org"]
    assert message.subject == f"Je bent aangemeld: {event.title}"
    assert "Beste Anne Jansen," in message.body
    # The status and the cancel button are behind the mail's link, for the owner of the address only.
    page = client.get(manage_link(message))
    assert "Anne Jansen, je plaats is bevestigd." in page.content.decode()
    assert manage_link(message).startswith("/aanmelding/")

    filename, content, mimetype = message.attachments[0]
    assert filename.endswith(".ics")
    assert mimetype.startswith("text/calendar")
    calendar = Calendar.from_ical(content)
    [vevent] = calendar.walk("VEVENT")
    [vtimezone] = calendar.walk("VTIMEZONE")
    assert str(vtimezone["TZID"]) == "Europe/Amsterdam"
    assert str(vevent["UID"]) == event.ical_uid()
    assert str(event.translation_key) in str(vevent["UID"]) and "@" in str(vevent["UID"])
    assert vevent.decoded("DTSTART") == event.start
    assert vevent["DTSTART"].params["TZID"] == "Europe/Amsterdam"
    assert str(vevent["SUMMARY"]) == event.title
    text = content.decode() if isinstance(content, bytes) else content
    assert registration.token() not in text and "aanmelding" not in text


def test_english_visitor_gets_english_mail_and_english_links(client, sign_up, post, committed, make_event):
    pages = make_event(capacity=10)

    response = sign_up(pages["en"], email="ben@example.org", name="Ben Smith")

    assert response["Location"] == f"/en/sign-up/{pages['en'].pk}/received/"
    assert "Check your inbox" in client.get(response["Location"]).content.decode()
    [message] = mail.outbox
    assert message.subject == "You are signed up: " + pages["en"].title
    assert "Dear Ben Smith," in message.body
    assert manage_link(message).startswith("/en/registration/")
    assert Registration.objects.get().language == "en"


def test_translations_share_the_seats(client, sign_up, post, committed, make_event):
    """A session in three languages is one session: its seats count across translations."""
    pages = make_event(capacity=2)
    sign_up(pages["nl"], email="a@example.org")
    sign_up(pages["de"], email="b@example.org")
    sign_up(pages["en"], email="c@example.org")

    statuses = dict(Registration.objects.values_list("email", "status"))
    assert statuses == {
        "a@example.org": "confirmed",
        "b@example.org": "confirmed",
        "c@example.org": "waitlisted",
    }
    assert {registration.event_id for registration in Registration.objects.all()} == {pages["nl"].pk}


def test_signing_up_again_takes_no_second_seat_and_mails_the_details_once(
    client, sign_up, post, committed, make_event
):
    event = make_event(capacity=5)["nl"]
    sign_up(event)
    mail.outbox.clear()

    responses = [sign_up(event, email="ANNE@example.org ", name="Anne again") for _ in range(3)]

    assert Registration.objects.count() == 1
    # The owner of the address gets the details (and the cancel link) again, once in the period,
    # however often the form is sent; the visitor sees none of it.
    assert mail.outbox == []
    Registration.objects.update(details_mailed_at=timezone.now() - timedelta(hours=1, seconds=1))
    responses += [sign_up(event, email="anne@example.org") for _ in range(3)]
    [message] = mail.outbox
    assert message.to == ["anne@example.org"] and message.subject.startswith("Je bent aangemeld")
    assert {(response.status_code, response["Location"]) for response in responses} == {
        (302, f"/aanmelden/{event.pk}/ontvangen/")
    }


@pytest.mark.parametrize("status", ["confirmed", "waitlisted"])
def test_a_repeated_sign_up_is_answered_exactly_like_a_first_one(
    client, sign_up, post, committed, make_event, status
):
    """Nobody can find out whether an address is signed up: both answers are the same, byte for byte."""
    event = make_event(capacity=1 if status == "confirmed" else 0)["nl"]
    sign_up(event, email="known@example.org")
    assert Registration.objects.get().status == status

    def answer(email):
        response = sign_up(event, email=email)
        page = client.get(response["Location"])
        return response.status_code, response["Location"], page.status_code, page.content

    assert answer("known@example.org") == answer("new@example.org")


def test_a_sign_up_whose_answer_was_lost_after_the_commit_has_its_mail_and_is_not_made_twice(
    client, make_event, monkeypatch, settings
):
    """The connection drops right after the commit: the visitor is asked to send the form again.
    The registration and its mail were committed together; the repeated post lands on them."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    event = make_event(capacity=5)["nl"]
    real_sign_up = Registration.objects.sign_up

    def sign_up_then_lose_the_connection(*args, **kwargs):
        real_sign_up(*args, **kwargs)
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(Registration.objects, "sign_up", sign_up_then_lose_the_connection)
    response = client.post(signup_url(event), signup_data())

    assert response.status_code == 503
    content = response.content.decode()
    assert "verstuur het alsjeblieft opnieuw" in content and 'value="anne@example.org"' in content
    registration = Registration.objects.get()
    mail_tasks = DBTaskResult.objects.filter(task_path="events.tasks.send_registration_mail")
    [task] = mail_tasks
    [queued_mail] = registration.mails.all()
    assert task.args_kwargs["args"] == [queued_mail.pk]

    monkeypatch.undo()
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    again = client.post(signup_url(event), signup_data())

    assert again.status_code == 302 and again["Location"] == f"/aanmelden/{event.pk}/ontvangen/"
    assert Registration.objects.get() == registration
    assert mail_tasks.count() == 1 and registration.mails.count() == 1
    assert send_registration_mail.call(*task.args_kwargs["args"]) == "sent"
    [message] = mail.outbox
    assert message.to == ["anne@example.org"]


def test_without_the_database_queue_the_mail_waits_for_the_commit(sign_up, make_event, settings):
    """Queues that run tasks at once or elsewhere get the mail only once the sign-up is committed."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    event = make_event(capacity=5)["nl"]

    with pytest.raises(RuntimeError), transaction.atomic():
        Registration.objects.sign_up(event, **registration_fields())
        raise RuntimeError("the request fails before the commit")

    assert Registration.objects.count() == 0 and mail.outbox == []


def test_full_session_waitlists_then_cancel_promotes_the_first_in_line(
    client, sign_up, post, committed, make_event
):
    pages = make_event(capacity=1)
    sign_up(pages["nl"], email="first@example.org", name="Eerste")
    sign_up(pages["de"], email="second@example.org", name="Zweite")
    sign_up(pages["en"], email="third@example.org", name="Third")

    first, second, third = Registration.objects.order_by("pk")
    assert [first.status, second.status, third.status] == ["confirmed", "waitlisted", "waitlisted"]
    link = manage_link(mail.outbox[0])
    waitlist_mail = mail.outbox[1]
    assert waitlist_mail.subject == "Auf der Warteliste: " + pages["de"].title
    assert "Warteliste" in waitlist_mail.body
    assert "Vol: meld je aan voor de wachtlijst" in client.get(pages["nl"].url).content.decode()
    mail.outbox.clear()

    page = client.get(link)
    assert "Mijn aanmelding annuleren" in page.content.decode()
    response = post(link)

    assert response.status_code == 302
    first.refresh_from_db()
    second.refresh_from_db()
    third.refresh_from_db()
    assert [first.status, second.status, third.status] == ["cancelled", "confirmed", "waitlisted"]
    subjects = sorted(message.subject for message in mail.outbox)
    assert subjects == sorted(
        [
            "Aanmelding geannuleerd: " + pages["nl"].title,
            "Ein Platz ist für Sie frei geworden: " + pages["de"].title,
        ]
    )
    promoted = next(message for message in mail.outbox if message.to == ["second@example.org"])
    assert promoted.attachments and promoted.attachments[0][0].endswith(".ics")
    assert "Je aanmelding is geannuleerd" in client.get(response["Location"]).content.decode()
    # Cancelling twice changes nothing and promotes nobody else.
    post(link)
    third.refresh_from_db()
    assert third.status == "waitlisted"


def test_cancelling_frees_the_seat_shown_on_the_page(client, sign_up, post, committed, make_event):
    event = make_event(capacity=3)["nl"]
    sign_up(event)
    assert "Nog 2 plaatsen vrij" in client.get(event.url).content.decode()
    link = manage_link(mail.outbox[0])

    post(link)

    assert "Nog 3 plaatsen vrij" in client.get(event.url).content.decode()


def test_reminder_goes_out_once(client, sign_up, post, committed, make_event):
    soon = make_event(capacity=5, days=1)["nl"]
    later = make_event(capacity=5, days=30)["nl"]
    sign_up(soon, email="soon@example.org")
    sign_up(soon, email="en@example.org", name="Ben")
    sign_up(later, email="later@example.org")
    Registration.objects.filter(email="en@example.org").update(language="en")
    mail.outbox.clear()

    committed(call_command, "send_event_reminders", verbosity=0)
    committed(call_command, "send_event_reminders", verbosity=0)

    assert sorted(message.to[0] for message in mail.outbox) == ["en@example.org", "soon@example.org"]
    subjects = {message.to[0]: message.subject for message in mail.outbox}
    assert subjects["soon@example.org"].startswith("Herinnering: ")
    assert subjects["en@example.org"].startswith("Reminder: ")
    assert RegistrationMail.objects.filter(kind="reminder").count() == 2


class BrokenMailBackend:
    """A mail server that is down."""

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise smtplib.SMTPConnectError(421, "mail server down")


def test_a_failing_mail_server_keeps_the_registration_and_the_mail_is_retried(
    client, sign_up, post, committed, make_event, settings
):
    event = make_event(capacity=5)["nl"]
    settings.EMAIL_BACKEND = "tests.events.test_signup.BrokenMailBackend"

    response = sign_up(event)

    assert response.status_code == 302
    registration = Registration.objects.get()
    assert registration.status == "confirmed"
    outbox_row = RegistrationMail.objects.get()
    assert outbox_row.sent_at is None and outbox_row.attempts == 1
    assert "mail server down" in outbox_row.last_error
    assert mail.outbox == []

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    committed(call_command, "send_event_reminders", verbosity=0)

    outbox_row.refresh_from_db()
    assert outbox_row.sent_at is not None
    [message] = mail.outbox
    assert message.subject.startswith("Je bent aangemeld")
    # Sent once: a later run does not send it again.
    committed(call_command, "send_event_reminders", verbosity=0)
    assert len(mail.outbox) == 1


def test_mail_failure_defers_a_retry_on_queues_that_can_defer(
    make_event, settings, django_capture_on_commit_callbacks
):
    """With the database queue of production the failed mail is queued again, to run later."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    event = make_event(capacity=5)["nl"]
    settings.EMAIL_BACKEND = "tests.events.test_signup.BrokenMailBackend"
    registration, _created = Registration.objects.sign_up(event, **registration_fields(email="a@example.org"))
    [queued_mail] = registration.mails.all()
    mail_tasks = DBTaskResult.objects.filter(task_path="events.tasks.send_registration_mail")
    [first] = mail_tasks

    with django_capture_on_commit_callbacks(execute=True):
        assert send_registration_mail.call(queued_mail.pk) == "failed, will retry"

    retry = mail_tasks.exclude(pk=first.pk).get()
    assert retry.args_kwargs["args"] == [queued_mail.pk]
    assert retry.run_after > timezone.now() + timedelta(seconds=settings.MAIL_RETRY_SECONDS - 5)


def test_publishing_more_seats_moves_the_waiting_list_up(sign_up, committed, make_event):
    event = make_event(capacity=1)["nl"]
    for email in ("a@example.org", "b@example.org", "c@example.org"):
        sign_up(event, email=email)
    mail.outbox.clear()

    event.capacity = 2
    committed(event.save_revision().publish)

    statuses = dict(Registration.objects.values_list("email", "status"))
    assert statuses == {
        "a@example.org": "confirmed",
        "b@example.org": "confirmed",
        "c@example.org": "waitlisted",
    }
    [message] = mail.outbox
    assert message.to == ["b@example.org"]
    assert message.subject.startswith("Er is een plaats voor je vrijgekomen")


def test_a_session_cancelled_in_dutch_takes_no_sign_up_through_a_translation_not_yet_synced(
    sign_up, make_event
):
    pages = make_event(capacity=10)
    pages["nl"].is_cancelled = True
    pages["nl"].save_revision().publish()

    response = sign_up(pages["en"])

    assert response.status_code == 409
    assert "This session has been cancelled; you cannot sign up." in response.content.decode()
    assert not Registration.objects.exists()
    assert mail.outbox == []


def test_a_registration_label_holds_no_personal_data(sign_up, make_event):
    """Wagtail's history keeps labels after the purge of personal data has blanked the row."""
    sign_up(make_event()["nl"], name="Geheime Naam", email="geheim@example.org")
    label = str(Registration.objects.get())
    assert "Geheime" not in label and "geheim@" not in label
    assert "Ontbijtsessie" in label


def test_an_address_stored_with_capitals_is_still_the_same_person(sign_up, make_event):
    """Staff may type an address with capitals in the admin; the site compares addresses in lower case."""
    event = make_event(capacity=5)["nl"]
    sign_up(event, email="anne@example.org")
    registration = Registration.objects.get()
    registration.email = "  Anne@Example.ORG "
    registration.save()

    sign_up(event, email="anne@example.org")

    assert Registration.objects.get().email == "anne@example.org"
    assert Registration.objects.count() == 1


@pytest.mark.parametrize(
    ("language", "prefix"), [("nl", "/aanmelden/"), ("en", "/en/sign-up/"), ("de", "/de/anmelden/")]
)
def test_the_form_posts_to_the_sign_up_address_of_the_pages_language(client, make_event, language, prefix):
    page = make_event(capacity=10)[language]

    html = client.get(page.url).content.decode()

    assert signup_url(page) == f"{prefix}{page.pk}/"
    assert f'action="{signup_url(page)}#signup"' in html


def test_errors_come_back_on_the_session_page_with_a_fresh_form_address(client, make_event):
    page = make_event(capacity=10)["en"]

    response = client.post(signup_url(page), signup_data(email="not-an-address"))

    assert response.status_code == 400
    html = response.content.decode()
    assert f"<h1>{page.title}</h1>" in html
    assert f'action="{signup_url(page)}#signup"' in html
    assert 'value="Anne Jansen"' in html


def test_a_form_that_still_posts_to_the_page_is_sent_on_to_the_sign_up_address(client, make_event):
    page = make_event(capacity=10)["nl"]

    response = client.post(page.url, signup_data())

    assert response.status_code == 307
    assert response["Location"] == signup_url(page)
    assert Registration.objects.count() == 0


def test_the_sign_up_address_leads_a_visitor_to_the_page_and_knows_only_live_pages(client, make_event):
    pages = make_event(capacity=10)
    draft = make_event(capacity=10, translations=False)["nl"]
    draft.unpublish()

    assert client.get(signup_url(pages["nl"]))["Location"] == pages["nl"].url + "#signup"
    assert client.post(signup_url(draft), signup_data()).status_code == 404
    # A session's address in another language than its page's: no mail in a language it was not read in.
    assert client.post(f"/en/sign-up/{pages['nl'].pk}/", signup_data()).status_code == 404
    assert Registration.objects.count() == 0


def test_the_page_after_a_sign_up_shows_live_sessions_in_the_language_asked_for(client, make_event):
    pages = make_event(capacity=10)
    draft = make_event(capacity=10, translations=False)["nl"]
    draft.unpublish()

    german = client.get(f"/de/anmelden/{pages['nl'].pk}/erhalten/")
    assert german.status_code == 200 and pages["de"].title in german.content.decode()
    assert 'hreflang="en" href="http://testserver/en/sign-up/' in german.content.decode()
    assert client.get(f"/aanmelden/{draft.pk}/ontvangen/").status_code == 404
    assert client.get("/aanmelden/999999/ontvangen/").status_code == 404


def test_a_sign_up_asks_the_same_few_queries_for_a_full_and_an_empty_session(client, make_event):
    """Every statement of a sign-up waits for the session's lock in a storm: the count stays small
    and does not grow with the registrations already made."""
    pages = make_event(capacity=3)
    counts = []
    for number in range(5):
        with CaptureQueriesContext(connection) as queries:
            client.post(signup_url(pages["en"]), signup_data(email=f"person{number}@example.org"))
        counts.append(len([q for q in queries.captured_queries if q["sql"] not in ("BEGIN", "COMMIT")]))
    # The first sign-up of a process also reads what stays cached after it (the site's locales).
    assert counts[1] == counts[-1] <= 7, counts
    assert Registration.objects.filter(status="waitlisted").count() == 2


def test_sign_ups_stay_out_of_the_reference_index_and_its_task_queue(sign_up, make_event):
    """A registration is no content: no index task is queued with it, and it is no usage of its page."""
    pages = make_event(capacity=3)

    sign_up(pages["nl"])

    assert Registration.objects.count() == 1
    assert not ReferenceIndex.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Registration)
    ).exists()
    assert ReferenceIndex.get_references_to(pages["nl"]).count() == 0
    assert [task.task_path for task in DBTaskResult.objects.all()] in (
        [],
        ["events.tasks.send_registration_mail"],
    )
