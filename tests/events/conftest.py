"""Fixtures of the events tests: an agenda in nl/en/de and a factory for sessions."""

import itertools
from datetime import timedelta

import pytest
from django.conf import settings
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone, translation

from events.models import Registration
from tests.factories import EventIndexPageFactory, EventPageFactory, translate

_numbers = itertools.count(1)


@pytest.fixture(autouse=True)
def _fresh_rate_limit_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def agenda(home_pages):
    return translate(
        EventIndexPageFactory(parent=home_pages["nl"], title="Agenda", slug="agenda"),
        {"en": {"title": "Agenda", "slug": "agenda"}, "de": {"title": "Termine", "slug": "termine"}},
    )


@pytest.fixture
def make_event(agenda):
    """``make_event(capacity=2, days=10, translations=True, **fields)`` returns ``{code: page}``."""

    def make(capacity=None, days=10, translations=True, **fields):
        number = next(_numbers)
        start = fields.pop("start", None) or (timezone.now() + timedelta(days=days)).replace(
            second=0, microsecond=0
        )
        if fields.get("end") is None:
            fields.pop("end", None)  # the factory's: three hours after the start
        page = EventPageFactory(
            parent=agenda["nl"],
            title=f"Ontbijtsessie {number}",
            slug=f"ontbijtsessie-{number}",
            start=start,
            capacity=capacity,
            **fields,
        )
        if not translations:
            return {"nl": page}
        return translate(
            page,
            {
                "en": {"title": f"Breakfast session {number}", "slug": f"breakfast-session-{number}"},
                "de": {"title": f"Frühstückssitzung {number}", "slug": f"fruehstueckssitzung-{number}"},
            },
        )

    return make


def signup_url(page):
    """Where the session page's sign-up form posts, in the page's language."""
    with translation.override(page.locale.language_code):
        return reverse("events:signup", args=[page.pk])


def signup_data(**overrides):
    return {
        "name": "Anne Jansen",
        "email": "anne@example.org",
        "organisation": "Jansen Advies",
        "role": "zp",
        "remarks": "Vegetarisch",
        "consent": "on",
        "website": "",
        **overrides,
    }


def registration_path(email):
    """The link of the mails to the active registration of ``email``: its status and cancel button."""
    return Registration.objects.active().get(email=email).manage_url().removeprefix(settings.SITE_BASE_URL)


@pytest.fixture
def sign_up(post):
    """Send a session page's sign-up form: ``sign_up(page, **fields)`` returns the response."""

    def do_sign_up(page, **data):
        return post(signup_url(page), signup_data(**data))

    return do_sign_up


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run a callable and then its on-commit callbacks (mail tasks), as a real commit would."""

    def run(func, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return func(*args, **kwargs)

    return run


@pytest.fixture
def post(client, committed):
    def do_post(url, data=None, **extra):
        return committed(client.post, url, data or {}, **extra)

    return do_post
