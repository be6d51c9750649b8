"""The documents of a network that is not online cannot be fetched by their address."""

import pytest
from django.core.files.base import ContentFile
from django.test import override_settings
from wagtail.documents import get_document_model
from wagtail.models import Collection

from network.onboarding import onboard_network
from tests.network.conftest import publish

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_on_disk(tmp_path):
    """Wagtail serves a document from its file on disk, as in production (the tests' default keeps
    files in memory, which its serve view cannot send)."""
    with override_settings(
        MEDIA_ROOT=tmp_path / "media",
        STORAGES={
            "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        },
    ):
        yield


def make_document(collection):
    document = get_document_model()(title="Ledenlijst", collection=collection)
    document.file.save("ledenlijst.pdf", ContentFile(b"%PDF-1.4 leden"), save=False)
    document.save()
    return document


@pytest.fixture
def draft_network(directory):
    """Onboarded, so with its own group and collection, and not yet published."""
    onboarding = onboard_network("Netwerk Gamma", "gamma@example.org", contact_person="Redacteur G")
    assert not onboarding.page.live
    return onboarding


def test_document_of_a_draft_network_is_not_public(client, draft_network):
    document = make_document(draft_network.collection)
    assert client.get(document.url).status_code == 404


def test_document_elsewhere_is_public(client, draft_network):
    """The control: the refusal above is the network's, not every document's."""
    document = make_document(Collection.get_first_root_node())
    assert client.get(document.url).status_code == 200


def test_network_editor_and_staff_can_fetch_it(client, draft_network, admin_user):
    document = make_document(draft_network.collection)
    client.force_login(draft_network.user)
    assert client.get(document.url).status_code == 200
    client.force_login(admin_user)
    assert client.get(document.url).status_code == 200


def test_other_logged_in_user_cannot(client, draft_network, django_user_model):
    document = make_document(draft_network.collection)
    client.force_login(django_user_model.objects.create_user("buur", "buur@example.org", "pw"))
    assert client.get(document.url).status_code == 404


def test_public_once_published_and_private_again_when_unpublished(client, draft_network):
    document = make_document(draft_network.collection)
    publish(draft_network.page)
    assert client.get(document.url).status_code == 200
    draft_network.page.unpublish()
    assert client.get(document.url).status_code == 404
