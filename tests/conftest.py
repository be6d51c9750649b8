"""Fixtures shared by every app's tests, and the order the suite runs in.

The suite runs in three phases, so that the demo site is built once per test process:

1. tests on the database as the migrations leave it (unit tests with small fixtures);
2. tests on the demo site (``demo_site``): the demo is loaded and committed once, each test runs in a
   transaction that is rolled back;
3. browser tests (``live_site``): one live server on the same committed demo for all of them.

A transactional test flushes the database when it ends, so none may run after the demo is loaded:
``pytest_collection_modifyitems`` sorts them into phase 1, and ``demo_database`` refuses to be late.
"""

import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.cache import caches
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import DEFAULT_DB_ALIAS, connection
from django.test.utils import setup_databases, teardown_databases
from django.utils import timezone, translation
from wagtail.models import Locale

from events.models import EventPage
from home.cache import LOCAL_PAGES
from home.demo import ensure_locales
from tests.factories import HomePageFactory, RegistrationFactory, SuperuserFactory, translate

EMPTY, DEMO, BROWSER = range(3)


def _phase(item):
    names = getattr(item, "fixturenames", ())
    if "live_site" in names:
        return BROWSER
    if "demo_database" in names:
        return DEMO
    return EMPTY


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    # A stable sort keeps pytest-django's order inside a phase (plain tests before transactional ones).
    # pytest-xdist hands each worker its tests in this order, so the phases hold on every worker.
    items.sort(key=_phase)
    for item in items:
        phase, names, marker = (
            _phase(item),
            getattr(item, "fixturenames", ()),
            item.get_closest_marker("django_db"),
        )
        if phase != EMPTY and ("transactional_db" in names or (marker and marker.kwargs.get("transaction"))):
            raise pytest.UsageError(f"{item.nodeid}: a transactional test would flush the demo site")
        if phase == BROWSER and ("db" in names or marker):
            raise pytest.UsageError(
                f"{item.nodeid}: the live server cannot see rows inside the `db` transaction"
            )


@pytest.fixture(autouse=True)
def _empty_caches():
    """Caches outlive a rolled-back test (routes, site frame, rate limits, renditions): start each test empty."""
    for cache in caches.all():
        cache.clear()
    LOCAL_PAGES.forget()  # each process's copies of shared pages, kept for a second
    yield
    for cache in caches.all():
        cache.clear()
    LOCAL_PAGES.forget()


@pytest.fixture(autouse=True)
def _default_language():
    """A test that activates a language must not leave it active for the next test of the process."""
    yield
    translation.deactivate()


@pytest.fixture(scope="session")
def django_db_setup(django_test_environment, django_db_blocker, django_db_modify_db_settings):
    """pytest-django's test database set-up, but always made: the browser tests use the database
    without its `db` fixture (the live server could not see rows inside that fixture's transaction),
    and pytest-django would otherwise leave them on the development database."""
    with django_db_blocker.unblock():
        config = setup_databases(
            verbosity=0, interactive=False, aliases={DEFAULT_DB_ALIAS}, serialized_aliases={DEFAULT_DB_ALIAS}
        )
    yield
    with django_db_blocker.unblock():
        teardown_databases(config, verbosity=0)


@pytest.fixture(scope="session")
def demo_database(django_db_setup, django_db_blocker):
    """The demo site, as `make run` builds it (without the demo accounts), committed once per test process."""
    with django_db_blocker.unblock():
        # A transactional test before this flushed the migrations' own rows too (root page and
        # collection, locales, groups and their rights): start from the migrated database.
        call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
        connection.creation.deserialize_db_from_string(connection._test_serialized_contents)
        ContentType.objects.clear_cache()  # the flush's successors may have cached other ids
        # The rows came back with their ids; PostgreSQL's sequences must follow them.
        with connection.cursor() as cursor:
            for sql in connection.ops.sequence_reset_sql(
                no_style(), apps.get_models(include_auto_created=True)
            ):
                cursor.execute(sql)
        call_command("load_demo_content", verbosity=0)


@pytest.fixture
def demo_site(demo_database, db):
    """The whole demo site; what a test changes is rolled back. Returns the locales by language code."""
    return {locale.language_code: locale for locale in Locale.objects.all()}


@pytest.fixture
def locales(db):
    """The nl, en and de locales, keyed by language code."""
    return ensure_locales()


@pytest.fixture
def home_pages(locales):
    """The Dutch home page as root of the default site, with English and German translations."""
    return translate(
        HomePageFactory(),
        {
            "en": {
                "slug": "home-en",
                "mission_title": "More work for independent professionals in the Achterhoek",
                "mission": "Twice a year we bring freelancers and clients together.",
            },
            "de": {
                "slug": "home-de",
                "mission_title": "Mehr Arbeit für Selbstständige im Achterhoek",
                "mission": "Zweimal im Jahr bringen wir Selbstständige und Auftraggeber zusammen.",
            },
        },
    )


@pytest.fixture
def home_page(home_pages):
    return home_pages["nl"]


@pytest.fixture
def admin_user():
    """A superuser, ``staff``, with the factories' password."""
    return SuperuserFactory()


@pytest.fixture
def upcoming_session(db):
    """``upcoming_session("en")``: a live session in that language that has not started yet."""

    def find(language="nl"):
        return (
            EventPage.objects.live().filter(locale__language_code=language, start__gt=timezone.now()).first()
        )

    return find


@pytest.fixture
def make_registration(db):
    """``make_registration(session, **fields)``: a confirmed registration, stored without the sign-up flow."""

    def make(session, **fields):
        return RegistrationFactory(event=session, **fields)

    return make
