"""Fixtures shared by every app's tests: locales, the home pages of the three languages, the demo site."""

import pytest
from django.core.management import call_command
from wagtail.models import Locale


@pytest.fixture
def locales(db):
    """The nl, en and de locales, keyed by language code."""
    from home.demo import ensure_locales

    return ensure_locales()


@pytest.fixture
def home_pages(locales):
    """The Dutch home page as root of the default site, with English and German translations."""
    from home.demo_content import build_home_pages

    return build_home_pages()


@pytest.fixture
def home_page(home_pages):
    return home_pages["nl"]


@pytest.fixture(scope="session")
def demo_snapshot(django_db_setup, django_db_blocker):
    """The demo site built once per test session, serialised the way Django's serialized_rollback does.

    Building it takes seconds; restoring the rows takes a fraction of that. Non-transactional tests
    run first (pytest-django orders them so), while the database still holds only the migrations.
    """
    from django.db import connection, transaction

    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo_content", verbosity=0)
        snapshot = connection.creation.serialize_db_to_string()
        transaction.set_rollback(True)
    return snapshot


@pytest.fixture
def demo_site(db, demo_snapshot):
    """The whole demo site, as `make run` builds it (without the demo accounts)."""
    from django.db import connection
    from wagtail.models import Page, Site

    # What the migrations made and the demo loader replaced: Wagtail's welcome page and its site.
    Site.objects.all().delete()
    Page.objects.filter(depth=2).delete()
    connection.creation.deserialize_db_from_string(demo_snapshot)
    return {locale.language_code: locale for locale in Locale.objects.all()}


@pytest.fixture
def admin_user(django_user_model):
    return django_user_model.objects.create_superuser("staff", "staff@example.org", "secret-pass-123")


@pytest.fixture
def upcoming_session(db):
    """``upcoming_session("en")``: a live session in that language that has not started yet."""
    from django.utils import timezone

    from events.models import EventPage

    def find(language="nl"):
        return (
            EventPage.objects.live().filter(locale__language_code=language, start__gt=timezone.now()).first()
        )

    return find


@pytest.fixture
def make_registration(db):
    """``make_registration(session, **fields)``: a confirmed registration, stored without the sign-up flow."""
    from events.models import Registration

    def make(session, **fields):
        values = {
            "name": "Anna de Vries",
            "email": "anna@example.org",
            "role": Registration.Role.choices[0][0],
            "consent_text": "Ik ga akkoord met de privacyverklaring.",
            "language": session.locale.language_code,
            "status": Registration.Status.CONFIRMED,
            **fields,
        }
        return Registration.objects.create(event=session, **values)

    return make
