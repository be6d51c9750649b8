import pytest
from django.core import mail

from home.demo import translated_page
from home.demo.loader import build_items
from home.models import Sector
from network.models import Municipality, NetworkIndexPage, NetworkPage
from network.onboarding import ensure_moderation, onboard_network


@pytest.fixture
def sectors(locales):
    build_items("home", "ondernemers", "overheid", "organisaties")
    return {sector.slug: sector for sector in Sector.objects.filter(locale__language_code="nl")}


@pytest.fixture
def directory(home_pages, sectors):
    """The network directory in nl, en and de, with its moderation workflow."""
    pages = translated_page(
        home_pages["nl"],
        NetworkIndexPage,
        {
            "nl": {"title": "Netwerken", "slug": "netwerken"},
            "en": {"title": "Networks", "slug": "networks"},
            "de": {"title": "Netzwerke", "slug": "netzwerke"},
        },
    )

    ensure_moderation()
    return pages


def add_network(directory, title, *, sectors=(), municipalities=(), tags=(), **fields):
    """A live network page under the Dutch directory."""
    page = NetworkPage(
        title=title,
        short_description=fields.pop("short_description", f"Over {title}."),
        sectors=list(sectors),
        municipalities=list(Municipality.objects.filter(slug__in=municipalities)),
        **fields,
    )
    directory.add_child(instance=page)
    if tags:
        page.tags.add(*tags)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def two_networks(directory, django_user_model):
    """Two onboarded, published networks, each with an editor who has a password."""
    result = {}
    for key, name, email in (
        ("a", "Netwerk Alfa", "alfa@example.org"),
        ("b", "Netwerk Beta", "beta@example.org"),
    ):
        onboarding = onboard_network(name, email, contact_person=f"Redacteur {key.upper()}")
        user = onboarding.user
        user.set_password("editor-pass-123")
        user.save()
        result[key] = onboarding
        publish(onboarding.page)
    mail.outbox.clear()
    return result
