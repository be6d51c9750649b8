"""The public "list our network" form: in every language, with clear errors, spam and flood guards."""

import smtplib
from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks_db.models import DBTaskResult, get_date_max

from network.models import ListingRequest, NetworkPage
from network.tasks import send_listing_request_mail

pytestmark = pytest.mark.django_db

VALID = {
    "name": "Zp-kring Lichtenvoorde",
    "website": "https://zp-kring.example",
    "contact_name": "Dirk Hendriks",
    "email": "dirk@zp-kring.example",
    "phone": "0544 123 456",
    "description": "Veertig zelfstandigen uit Lichtenvoorde die elkaar maandelijks treffen.",
    "consent": "on",
    "nickname": "",
}

URLS = {
    "nl": "/netwerken/aanmelden/",
    "en": "/en/networks/request-listing/",
    "de": "/de/netzwerke/eintrag-beantragen/",
}


@pytest.fixture(autouse=True)
def fresh_rate_limit():
    cache.clear()
    yield
    cache.clear()


@pytest.mark.parametrize(
    ("language", "heading"),
    [("nl", "Netwerk aanmelden"), ("en", "Ask to be listed"), ("de", "Aufnahme beantragen")],
)
def test_form_in_every_language(client, directory, language, heading):
    response = client.get(URLS[language])
    html = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{language}">' in html
    assert heading in html
    assert 'name="csrfmiddlewaretoken"' in html


def test_directory_links_to_the_form(client, directory):
    assert 'href="/en/networks/request-listing/"' in client.get("/en/networks/").content.decode()


def test_valid_request_is_stored_and_staff_are_mailed(
    client, directory, settings, django_capture_on_commit_callbacks
):
    settings.STAFF_EMAIL = "redactie@pr8werk.example"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URLS["en"], VALID)
    assert response.status_code == 302
    assert response["Location"] == URLS["en"] + "?sent=1"
    request = ListingRequest.objects.get()
    assert request.name == "Zp-kring Lichtenvoorde"
    assert request.language == "en"
    assert request.status == ListingRequest.STATUS_NEW
    assert "stores these details" in request.consent_text
    # The staff's notice, and the sender's receipt (tested below).
    [staff_mail] = [message for message in mail.outbox if message.to == ["redactie@pr8werk.example"]]
    assert len(mail.outbox) == 2
    assert "Zp-kring Lichtenvoorde" in staff_mail.subject
    assert f"/admin/network_listingrequest/inspect/{request.pk}/" in staff_mail.body
    thanks = client.get(response["Location"]).content.decode()
    assert "Thank you for your request" in thanks


class BrokenMailBackend:
    """A mail server that is down."""

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise smtplib.SMTPServerDisconnected("mail server down")


def run_queued_tasks():
    """What the worker does with the network app's tasks that are due now; returns their results."""
    ready = DBTaskResult.objects.ready().filter(task_path__startswith="network.tasks.")
    due = ready.filter(run_after__lte=timezone.now()) | ready.filter(run_after=get_date_max())
    results = []
    for queued in list(due.order_by("enqueued_at")):
        queued.delete()
        arguments = queued.args_kwargs
        results.append(import_string(queued.task_path).call(*arguments["args"], **arguments["kwargs"]))
    return results


def test_mails_that_fail_are_tried_again_until_they_have_gone_out_once(client, directory, settings):
    """The staff's notice and the sender's receipt: queued with the request, deferred when the mail
    server is down, sent again by the daily command, and sent once however many retries come."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.EMAIL_BACKEND = "tests.network.test_listing_request.BrokenMailBackend"
    settings.STAFF_EMAIL = "redactie@pr8werk.example"

    response = client.post(URLS["nl"], VALID)

    assert response.status_code == 302
    listing_request = ListingRequest.objects.get(name=VALID["name"])
    assert run_queued_tasks() == ["failed, will retry", "failed, will retry"]
    # Not due yet: deferred by the back-off.
    assert run_queued_tasks() == []
    deferred = DBTaskResult.objects.filter(task_path__startswith="network.tasks.")
    assert deferred.count() == 2
    assert all(
        queued.run_after > timezone.now() + timedelta(seconds=settings.MAIL_RETRY_SECONDS - 5)
        for queued in deferred
    )
    assert {queued.args_kwargs["kwargs"]["attempt"] for queued in deferred} == {2}

    # The mail server is back; the daily command finds what has not gone out.
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    ListingRequest.objects.filter(pk=listing_request.pk).update(
        created_at=timezone.now() - timedelta(hours=1)
    )
    call_command("purge_listing_requests", stdout=StringIO())
    assert run_queued_tasks() == ["sent", "sent"]
    # The deferred retries come due later and find nothing left to send.
    deferred.update(run_after=timezone.now())
    assert run_queued_tasks() == ["nothing to send", "nothing to send"]

    assert sorted(message.to[0] for message in mail.outbox) == [
        "dirk@zp-kring.example",
        "redactie@pr8werk.example",
    ]
    listing_request.refresh_from_db()
    assert listing_request.staff_notified_at and listing_request.receipt_sent_at


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"name": ""}, "name", "Vul de naam van het netwerk in."),
        ({"contact_name": ""}, "contact_name", "Vul de naam van een contactpersoon in."),
        ({"email": ""}, "email", "Vul een e-mailadres in."),
        ({"email": "dirk-at-example"}, "email", "Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl."),
        ({"website": "niet een adres"}, "website", "Vul een volledig webadres in"),
        ({"description": ""}, "description", "Vertel ons kort iets over het netwerk."),
        ({"consent": ""}, "consent", "Geef je toestemming"),
        ({"name": "x" * 500}, "name", "500"),
    ],
)
def test_bad_input_gives_a_clear_message_and_keeps_the_rest(client, directory, changes, field, message):
    data = {**VALID, **changes}
    response = client.post(URLS["nl"], data)
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert "Verbeter de gemarkeerde velden." in html
    assert response.context["form"].errors[field]
    # What the visitor typed elsewhere is still there.
    if field != "description":
        assert VALID["description"] in html
    assert not ListingRequest.objects.exists()
    assert not mail.outbox


def test_errors_in_german(client, directory):
    response = client.post(URLS["de"], {**VALID, "email": "kaputt"})
    assert response.status_code == 400
    assert "Bitte geben Sie eine gültige E-Mail-Adresse ein" in response.content.decode()


def test_honeypot_looks_like_success_but_stores_nothing(
    client, directory, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URLS["nl"], {**VALID, "nickname": "spambot"})
    assert response.status_code == 302
    assert not ListingRequest.objects.exists()
    assert not mail.outbox


def test_rate_limit_per_address(client, directory, settings):
    settings.NETWORK_LISTING_REQUESTS_PER_HOUR = 2
    for number in range(2):
        assert client.post(URLS["nl"], {**VALID, "name": f"Netwerk {number}"}).status_code == 302
    response = client.post(URLS["nl"], {**VALID, "name": "Netwerk 3"})
    assert response.status_code == 429
    assert "te veel verzoeken" in response.content.decode()
    assert VALID["description"] in response.content.decode()  # nothing typed is thrown away
    assert ListingRequest.objects.count() == 2
    # Another address is not affected.
    assert client.post(URLS["nl"], {**VALID, "name": "Netwerk 4"}, REMOTE_ADDR="10.0.0.9").status_code == 302


def test_behind_a_proxy_each_visitor_has_their_own_limit(client, directory, settings):
    settings.NETWORK_LISTING_REQUESTS_PER_HOUR = 1
    settings.EVENTS_TRUST_X_FORWARDED_FOR = True
    balancer = {"REMOTE_ADDR": "10.0.0.1"}
    first = client.post(
        URLS["nl"], {**VALID, "name": "Netwerk A"}, HTTP_X_FORWARDED_FOR="198.51.100.4", **balancer
    )
    other = client.post(
        URLS["nl"], {**VALID, "name": "Netwerk B"}, HTTP_X_FORWARDED_FOR="198.51.100.5", **balancer
    )
    again = client.post(
        URLS["nl"], {**VALID, "name": "Netwerk C"}, HTTP_X_FORWARDED_FOR="198.51.100.4", **balancer
    )
    assert (first.status_code, other.status_code, again.status_code) == (302, 302, 429)


def test_form_needs_csrf(directory):
    response = Client(enforce_csrf_checks=True).post(URLS["nl"], VALID)
    assert response.status_code == 403
    assert not ListingRequest.objects.exists()


@pytest.mark.parametrize(
    ("language", "subject", "phrase"),
    [
        ("nl", "We hebben je aanmelding ontvangen", "Heb je dit verzoek niet gestuurd?"),
        ("en", "We have received your request to be listed", "Did you not send this request?"),
    ],
)
def test_the_sender_gets_a_receipt_in_their_language(
    client, directory, settings, django_capture_on_commit_callbacks, language, subject, phrase
):
    """The receipt goes to the address on the form, in the form's language, and replies reach staff."""
    settings.STAFF_EMAIL = "redactie@pr8werk.example"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(URLS[language], VALID)
    [receipt] = [message for message in mail.outbox if message.to == [VALID["email"]]]
    assert receipt.subject == subject
    assert phrase in receipt.body
    assert receipt.reply_to == ["redactie@pr8werk.example"]
    # Nothing the sender typed is repeated: the address may be a stranger's.
    for typed in ("name", "description", "contact_name", "website", "phone"):
        assert VALID[typed] not in receipt.subject + receipt.body, typed


def test_no_receipt_for_a_refused_form(client, directory, django_capture_on_commit_callbacks):
    """A form with errors or a filled honeypot mails nobody."""
    with django_capture_on_commit_callbacks(execute=True):
        client.post(URLS["nl"], {**VALID, "consent": ""})
        client.post(URLS["nl"], {**VALID, "nickname": "bot"})
    assert mail.outbox == []


def received(days_ago, **fields):
    request = ListingRequest.objects.create(
        **{
            "name": "N",
            "contact_name": "C",
            "email": "c@example.org",
            "description": "-",
            "consent_text": "ja",
        }
        | fields
    )
    ListingRequest.objects.filter(pk=request.pk).update(created_at=timezone.now() - timedelta(days=days_ago))
    return request


def test_listing_requests_are_erased_after_the_retention_period(directory, settings):
    """Old requests go, declined and accepted ones too; an accepted network keeps its entry."""
    settings.NETWORK_LISTING_REQUEST_RETENTION_DAYS = 30
    page = NetworkPage(title="Netwerk Oud", short_description="-")
    directory["nl"].add_child(instance=page)
    old_declined = received(31, name="Oud afgewezen", status=ListingRequest.STATUS_DECLINED)
    old_accepted = received(40, name="Netwerk Oud", status=ListingRequest.STATUS_ACCEPTED, network_page=page)
    old_new = received(400, name="Nooit behandeld")
    recent = received(29, name="Recent", status=ListingRequest.STATUS_DECLINED)

    out = StringIO()
    call_command("purge_listing_requests", "--dry-run", stdout=out)
    assert out.getvalue().startswith("Would erase 3 listing requests")
    assert ListingRequest.objects.count() == 4

    out = StringIO()
    call_command("purge_listing_requests", stdout=out)
    assert "Erased 3 listing requests" in out.getvalue()
    assert list(ListingRequest.objects.all()) == [recent]
    for gone in (old_declined, old_accepted, old_new):
        assert not ListingRequest.objects.filter(pk=gone.pk).exists()
    assert NetworkPage.objects.filter(pk=page.pk).exists()

    # --days overrides the setting.
    out = StringIO()
    call_command("purge_listing_requests", "--days", "10", stdout=out)
    assert not ListingRequest.objects.exists()


def test_line_breaks_stored_in_a_name_neither_stop_nor_rewrite_the_staff_mail(directory, settings):
    """A name with a carriage return once made the notice fail for good; a line feed moved text into the body."""
    settings.STAFF_EMAIL = "redactie@pr8werk.example"
    stored = ListingRequest.objects.create(
        **{key: value for key, value in VALID.items() if key not in ("consent", "nickname")},
        language="nl",
    )
    ListingRequest.objects.filter(pk=stored.pk).update(
        name="Kring\rLichtenvoorde\nBcc: iemand@example.org\x1b"
    )

    send_listing_request_mail.enqueue(stored.pk)

    [notice] = mail.outbox
    assert notice.subject == "Aanmelding netwerk: Kring Lichtenvoorde Bcc: iemand@example.org"
    assert notice.body.startswith("Een netwerk vraagt om opgenomen te worden")
    assert notice.message()["Bcc"] is None
