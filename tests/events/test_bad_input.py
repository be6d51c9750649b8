"""Bad input on the sign-up form and the cancel link: a clear message in the visitor's language,
nothing saved that should not be, and never a 500."""

from datetime import timedelta

import pytest
from django.core import signing
from django.db import OperationalError
from django.test import Client
from django.utils import timezone

from events.models import Registration, RegistrationManager
from tests.events.conftest import signup_data, signup_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def event(make_event):
    return make_event(capacity=10)


@pytest.mark.parametrize(
    ("language", "overrides", "message"),
    [
        ("nl", {"email": "geen-adres"}, "Vul een geldig e-mailadres in"),
        ("en", {"email": "not-an-address"}, "Please enter a valid email address"),
        ("de", {"email": "keine@adresse"}, "Bitte geben Sie eine gültige E-Mail-Adresse ein"),
        ("nl", {"consent": ""}, "Ga akkoord met de privacyverklaring"),
        ("en", {"consent": ""}, "Please agree to the privacy statement"),
        ("nl", {"name": ""}, "Vul je naam in."),
        ("de", {"role": ""}, "Bitte wählen Sie Ihre Rolle."),
        ("nl", {"role": "koning"}, "Selecteer een geldige keuze"),
        ("en", {"name": "x" * 121}, "at most 120 characters"),
        ("nl", {"remarks": "y" * 1001}, "niet meer dan 1000 tekens"),
        ("en", {"website": "http://spam.example"}, "Please leave this field empty."),
    ],
)
def test_invalid_sign_up_explains_itself_and_saves_nothing(client, event, language, overrides, message):
    response = client.post(signup_url(event[language]), signup_data(**overrides))

    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert Registration.objects.count() == 0
    # What the visitor typed is still in the form.
    kept = signup_data(**overrides)["organisation"]
    assert f'value="{kept}"' in html


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        (
            {"signup_closes": timezone.now() - timedelta(hours=1)},
            "Aanmelden voor deze bijeenkomst is gesloten.",
        ),
        (
            {"signup_opens": timezone.now() + timedelta(days=2)},
            "Aanmelden voor deze bijeenkomst is nog niet geopend.",
        ),
        ({"is_cancelled": True}, "Deze bijeenkomst gaat niet door; aanmelden kan niet."),
        (
            {
                "start": timezone.now() - timedelta(days=3),
                "end": timezone.now() - timedelta(days=3, hours=-2),
            },
            "Deze bijeenkomst is al geweest.",
        ),
    ],
)
def test_no_sign_up_for_closed_not_yet_open_cancelled_or_past_sessions(client, make_event, fields, message):
    page = make_event(capacity=10, translations=False, **fields)["nl"]

    shown = client.get(page.url).content.decode()
    response = client.post(signup_url(page), signup_data())

    assert message in shown
    assert 'name="email"' not in shown
    assert response.status_code == 409
    assert message in response.content.decode()
    assert Registration.objects.count() == 0


def test_a_huge_body_is_refused_with_a_message(client, event):
    response = client.post(signup_url(event["de"]), signup_data(remarks="z" * 50_000))

    assert response.status_code == 413
    assert "Ihre Anmeldung ist zu lang" in response.content.decode()
    assert Registration.objects.count() == 0


def test_sign_up_posts_are_rate_limited_per_address(client, event, settings):
    settings.EVENTS_SIGNUP_RATE_LIMIT = "2/600"
    for number in range(2):
        assert (
            client.post(signup_url(event["nl"]), signup_data(email=f"p{number}@example.org")).status_code
            == 302
        )

    response = client.post(signup_url(event["en"]), signup_data(email="p3@example.org"))

    assert response.status_code == 429
    assert "Too many sign-ups from your address" in response.content.decode()
    assert Registration.objects.count() == 2
    other_address = client.post(
        signup_url(event["nl"]), signup_data(email="p4@example.org"), REMOTE_ADDR="192.0.2.7"
    )
    assert other_address.status_code == 302


def test_behind_a_proxy_the_limit_counts_the_address_the_proxy_saw(client, event, settings):
    """The client writes the first X-Forwarded-For entries itself; only the last one is our proxy's."""
    settings.EVENTS_SIGNUP_RATE_LIMIT = "2/600"
    settings.EVENTS_TRUST_X_FORWARDED_FOR = True
    statuses = [
        client.post(
            signup_url(event["nl"]),
            signup_data(email=f"p{number}@example.org"),
            HTTP_X_FORWARDED_FOR=f"10.9.9.{number}, 198.51.100.4",
        ).status_code
        for number in range(3)
    ]
    assert statuses == [302, 302, 429]
    other_visitor = client.post(
        signup_url(event["nl"]), signup_data(email="p9@example.org"), HTTP_X_FORWARDED_FOR="198.51.100.5"
    )
    assert other_visitor.status_code == 302


def test_csrf_is_required(event):
    response = Client(enforce_csrf_checks=True).post(signup_url(event["nl"]), signup_data())

    assert response.status_code == 403
    assert Registration.objects.count() == 0


def _registration(event):
    return Registration.objects.create(
        event=event, name="Anne", email="anne@example.org", role="zp", consent_text="x", language="nl",
        status="confirmed",
    )  # fmt: skip


@pytest.mark.parametrize("language_prefix", ["", "/en", "/de"])
def test_tampered_cancel_token_is_refused_in_the_visitors_language(client, event, language_prefix):
    registration = _registration(event["nl"])
    token = registration.token()
    tampered = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
    path = {"": "/aanmelding/", "/en": "/en/registration/", "/de": "/de/anmeldung/"}[language_prefix]

    for method in (client.get, client.post):
        response = method(f"{path}{tampered}/")
        assert response.status_code == 404
    text = {
        "": "Deze link is niet geldig",
        "/en": "This link is not valid",
        "/de": "Dieser Link ist ungültig",
    }
    assert text[language_prefix] in response.content.decode()
    registration.refresh_from_db()
    assert registration.status == "confirmed"


def test_expired_cancel_token_is_refused(client, event, monkeypatch, settings):
    registration = _registration(event["nl"])
    token = registration.token()
    later = timezone.now().timestamp() + (settings.EVENTS_TOKEN_MAX_AGE_DAYS + 1) * 86400
    monkeypatch.setattr(signing.time, "time", lambda: later)

    response = client.post(f"/aanmelding/{token}/")

    assert response.status_code == 404
    assert "Deze link is niet geldig" in response.content.decode()
    registration.refresh_from_db()
    assert registration.status == "confirmed"


def test_a_token_for_another_purpose_is_refused(client, event):
    _registration(event["nl"])
    forged = signing.dumps(str(Registration.objects.get().public_id), salt="something.else")

    assert client.get(f"/aanmelding/{forged}/").status_code == 404


def test_a_past_session_cannot_be_cancelled(client, make_event):
    page = make_event(
        translations=False,
        start=timezone.now() - timedelta(days=2),
        end=timezone.now() - timedelta(days=2, hours=-3),
    )["nl"]
    registration = _registration(page)

    html = client.get(f"/aanmelding/{registration.token()}/").content.decode()
    client.post(f"/aanmelding/{registration.token()}/")

    assert "Mijn aanmelding annuleren" not in html
    registration.refresh_from_db()
    assert registration.status == "confirmed"


def test_a_database_that_stays_locked_keeps_the_form_filled(client, event, monkeypatch):
    def locked(*args, **kwargs):
        raise OperationalError("database is locked")

    monkeypatch.setattr(RegistrationManager, "sign_up", locked)

    response = client.post(signup_url(event["en"]), signup_data(name="Patient Person"))

    assert response.status_code == 503
    html = response.content.decode()
    assert "The site is very busy right now" in html
    assert 'value="Patient Person"' in html


def test_control_characters_and_line_breaks_are_cleaned_at_the_form(client, event):
    """Scripts post what no browser field can hold; what is stored stays safe for mails and exports."""
    data = signup_data(
        name="Jan\r\nBcc: iemand@example.org\x1b[31m",
        organisation="Kring\x0b Oost",
        remarks="regel een\r\nregel\x07 twee\tmet tab",
    )
    response = client.post(signup_url(event["nl"]), data)

    assert response.status_code == 302
    registration = Registration.objects.get()
    assert registration.name == "Jan Bcc: iemand@example.org [31m"
    assert registration.organisation == "Kring Oost"
    assert registration.remarks == "regel een\nregel twee\tmet tab"


def test_posts_with_mistakes_do_not_count_against_the_sign_up_limit(client, event, settings):
    settings.EVENTS_SIGNUP_RATE_LIMIT = "2/600"
    for _attempt in range(5):
        assert client.post(signup_url(event["nl"]), signup_data(email="geen-adres")).status_code == 400

    statuses = [
        client.post(signup_url(event["nl"]), signup_data(email=f"q{number}@example.org")).status_code
        for number in range(3)
    ]

    assert statuses == [302, 302, 429]
