import pytest
from django.core import mail

from network.models import Municipality
from network.onboarding import ensure_moderation, onboard_network
from tests.factories import NetworkIndexPageFactory, NetworkPageFactory, three_sectors, translate


@pytest.fixture
def sectors(locales):
    return three_sectors()["nl"]


@pytest.fixture
def directory(home_pages, sectors):
    """The network directory in nl, en and de, with its moderation workflow."""
    pages = translate(
        NetworkIndexPageFactory(parent=home_pages["nl"], title="Netwerken", slug="netwerken"),
        {"en": {"title": "Networks", "slug": "networks"}, "de": {"title": "Netzwerke", "slug": "netzwerke"}},
    )

    ensure_moderation()
    return pages


def add_network(directory, title, *, sectors=(), municipalities=(), tags=(), **fields):
    """A live network page under the Dutch directory."""
    return NetworkPageFactory(
        parent=directory,
        title=title,
        sectors=list(sectors),
        municipalities=list(Municipality.objects.filter(slug__in=municipalities)),
        tags=list(tags),
        **fields,
    )


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
