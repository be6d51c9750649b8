"""A network editor can edit their own page and nothing else: proved from the denied side."""

import json

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page

from network.models import NetworkPage

pytestmark = pytest.mark.django_db


def assert_denied(response):
    """Wagtail refuses with 403/404, or by sending the user to the dashboard with an error."""
    if getattr(response, "redirect_chain", None):
        assert response.redirect_chain[-1][0] in (reverse("wagtailadmin_home"), "/admin/"), (
            response.redirect_chain
        )
    elif response.status_code == 302:
        assert response["Location"] in (reverse("wagtailadmin_home"), "/admin/"), response["Location"]
    else:
        assert response.status_code in (403, 404), response.status_code


def login(client, onboarding):
    client.force_login(onboarding.user)
    return client


@pytest.fixture
def editor_a(client, two_networks):
    return login(client, two_networks["a"])


def other_pages(two_networks):
    """Pages editor A must not touch: B's network page, the directory and the home page."""
    own = two_networks["a"].page
    return [two_networks["b"].page, own.get_parent(), own.get_parent().get_parent()]


def test_editor_can_open_their_own_page(editor_a, two_networks):
    """The control: without it every denial below could be a broken login."""
    response = editor_a.get(reverse("wagtailadmin_pages:edit", args=[two_networks["a"].page.pk]))
    assert response.status_code == 200


def test_editor_cannot_open_admin_views_of_other_pages(editor_a, two_networks):
    for url_name in (
        "edit",
        "delete",
        "unpublish",
        "copy",
        "move",
        "history",
        "revisions_index",
        "add_subpage",
        "set_privacy",
    ):
        for page in other_pages(two_networks):
            response = editor_a.get(reverse(f"wagtailadmin_pages:{url_name}", args=[page.pk]), follow=True)
            assert_denied(response)


def test_editor_cannot_edit_or_publish_another_network(editor_a, two_networks):
    other = two_networks["b"].page
    response = editor_a.post(
        reverse("wagtailadmin_pages:edit", args=[other.pk]),
        {"title": "Overgenomen", "slug": other.slug, "short_description": "x", "action-publish": "1"},
    )
    assert_denied(response)
    other.refresh_from_db()
    assert other.title == "Netwerk Beta"
    assert other.get_latest_revision().content["title"] == "Netwerk Beta"


def test_editor_cannot_delete_move_or_copy_another_network(editor_a, two_networks):
    other = two_networks["b"].page
    index = other.get_parent()
    assert_denied(editor_a.post(reverse("wagtailadmin_pages:delete", args=[other.pk])))
    assert_denied(
        editor_a.post(reverse("wagtailadmin_pages:move_confirm", args=[other.pk, index.get_parent().pk]))
    )
    assert_denied(
        editor_a.post(
            reverse("wagtailadmin_pages:copy", args=[other.pk]),
            {"new_title": "Kopie", "new_slug": "kopie", "new_parent_page": index.pk},
        )
    )
    assert_denied(editor_a.post(reverse("wagtailadmin_pages:unpublish", args=[other.pk])))
    assert_denied(editor_a.post(reverse("wagtailadmin_pages:lock", args=[other.pk])))
    other.refresh_from_db()
    assert not other.locked
    assert other.live
    assert other.get_parent().pk == index.pk
    assert not Page.objects.filter(slug="kopie").exists()


def test_editor_cannot_delete_move_copy_or_publish_their_own_page(editor_a, two_networks):
    own = two_networks["a"].page
    index = own.get_parent()
    assert_denied(editor_a.post(reverse("wagtailadmin_pages:delete", args=[own.pk])))
    assert_denied(editor_a.post(reverse("wagtailadmin_pages:unpublish", args=[own.pk])))
    assert_denied(
        editor_a.post(reverse("wagtailadmin_pages:move_confirm", args=[own.pk, index.get_parent().pk]))
    )
    # The copy form may show, but there is nowhere the editor is allowed to put a copy.
    editor_a.post(
        reverse("wagtailadmin_pages:copy", args=[own.pk]),
        {"new_title": "Kopie", "new_slug": "kopie", "new_parent_page": index.pk},
    )
    # "Publish" from an editor without publish rights saves a draft at most.
    editor_a.post(
        reverse("wagtailadmin_pages:edit", args=[own.pk]),
        {"title": "Zelf gepubliceerd", "slug": own.slug, "short_description": "x", "action-publish": "1"},
    )
    own.refresh_from_db()
    assert own.live
    assert own.title == "Netwerk Alfa"
    assert not Page.objects.filter(slug="kopie").exists()


def test_editor_cannot_see_history_revisions_or_preview_of_another_network(editor_a, two_networks):
    other = two_networks["b"].page
    revision = other.get_latest_revision()
    other.save_revision()  # a second revision to compare with
    second = other.get_latest_revision()
    for url in (
        reverse("wagtailadmin_pages:history", args=[other.pk]),
        reverse("wagtailadmin_pages:revisions_view", args=[other.pk, revision.pk]),
        reverse("wagtailadmin_pages:revisions_compare", args=[other.pk, revision.pk, second.pk]),
        reverse("wagtailadmin_pages:workflow_history", args=[other.pk]),
        reverse("wagtailadmin_pages:view_draft", args=[other.pk]),
        reverse("wagtailadmin_pages:preview_on_edit", args=[other.pk]),
    ):
        response = editor_a.get(url)
        assert_denied(response)
        assert b"Over Netwerk Beta" not in response.content
    response = editor_a.post(
        reverse("wagtailadmin_pages:preview_on_edit", args=[other.pk]),
        {"title": "Voorvertoning", "slug": other.slug, "short_description": "x"},
    )
    assert_denied(response)
    assert_denied(editor_a.post(reverse("wagtailadmin_pages:revisions_revert", args=[other.pk, revision.pk])))


def make_image(title, collection):
    Image = get_image_model()
    return Image.objects.create(title=title, file=get_test_image_file(), collection=collection)


def make_document(title, collection):
    Document = get_document_model()
    document = Document(title=title, collection=collection)
    document.file.save("stuk.txt", ContentFile(b"inhoud"), save=False)
    document.save()
    return document


def test_editor_cannot_use_images_of_another_collection(editor_a, two_networks):
    own_image = make_image("Eigen logo", two_networks["a"].collection)
    other_image = make_image("Logo van Beta", two_networks["b"].collection)
    assert editor_a.get(reverse("wagtailimages:edit", args=[own_image.pk])).status_code == 200
    assert_denied(editor_a.get(reverse("wagtailimages:edit", args=[other_image.pk])))
    assert_denied(editor_a.post(reverse("wagtailimages:delete", args=[other_image.pk])))
    assert get_image_model().objects.filter(pk=other_image.pk).exists()
    listing = editor_a.get(reverse("wagtailimages:index")).content.decode()
    assert "Eigen logo" in listing
    assert "Logo van Beta" not in listing
    chooser = editor_a.get(reverse("wagtailimages_chooser:choose")).content.decode()
    assert "Eigen logo" in chooser
    assert "Logo van Beta" not in chooser
    assert_denied(editor_a.get(reverse("wagtailimages_chooser:chosen", args=[other_image.pk])))


def test_editor_cannot_put_an_image_of_another_collection_on_their_page(editor_a, two_networks):
    """The chooser hides it, and a hand-made POST is refused too."""
    own = two_networks["a"].page
    other_image = make_image("Logo van Beta", two_networks["b"].collection)
    response = editor_a.post(
        reverse("wagtailadmin_pages:edit", args=[own.pk]),
        {"title": own.title, "slug": own.slug, "short_description": "x", "logo": other_image.pk},
    )
    assert response.status_code == 200  # the form comes back with an error
    assert NetworkPage.objects.get(pk=own.pk).get_latest_revision_as_object().logo_id is None


def test_editor_cannot_use_documents_of_another_collection(editor_a, two_networks):
    own_document = make_document("Eigen folder", two_networks["a"].collection)
    other_document = make_document("Folder van Beta", two_networks["b"].collection)
    assert editor_a.get(reverse("wagtaildocs:edit", args=[own_document.pk])).status_code == 200
    assert_denied(editor_a.get(reverse("wagtaildocs:edit", args=[other_document.pk])))
    assert_denied(editor_a.post(reverse("wagtaildocs:delete", args=[other_document.pk])))
    listing = editor_a.get(reverse("wagtaildocs:index")).content.decode()
    assert "Eigen folder" in listing
    assert "Folder van Beta" not in listing
    chooser = editor_a.get(reverse("wagtaildocs_chooser:choose")).content.decode()
    assert "Eigen folder" in chooser
    assert "Folder van Beta" not in chooser


def test_the_admin_api_gives_nothing_of_another_network(editor_a, two_networks):
    own, other = two_networks["a"].page, two_networks["b"].page
    assert editor_a.get(f"/admin/api/main/pages/{own.pk}/").status_code == 200  # control
    assert editor_a.get(f"/admin/api/main/pages/{other.pk}/").status_code == 404
    listing = editor_a.get(f"/admin/api/main/pages/?child_of={own.get_parent().pk}&limit=20")
    ids = [item["id"] for item in json.loads(listing.content)["items"]]
    assert ids == [own.pk]
    found = editor_a.get("/admin/api/main/pages/?search=Beta&limit=20")
    assert other.pk not in [item["id"] for item in json.loads(found.content).get("items", [])]
    for action in ("publish", "unpublish", "delete", "copy", "move"):
        for page in (own, other):
            response = editor_a.post(
                f"/admin/api/main/pages/{page.pk}/action/{action}/",
                {"destination_page_id": page.get_parent().get_parent().pk},
                content_type="application/json",
            )
            assert response.status_code in (403, 404), (action, page.title, response.status_code)
    other.refresh_from_db()
    own.refresh_from_db()
    assert other.live and own.live
    assert NetworkPage.objects.count() == 2


def test_the_second_network_is_just_as_isolated(client, two_networks):
    """The same isolation holds the other way round."""
    login(client, two_networks["b"])
    assert client.get(reverse("wagtailadmin_pages:edit", args=[two_networks["b"].page.pk])).status_code == 200
    assert_denied(client.get(reverse("wagtailadmin_pages:edit", args=[two_networks["a"].page.pk])))
    assert_denied(client.get(reverse("wagtailadmin_pages:history", args=[two_networks["a"].page.pk])))
    assert client.get(f"/admin/api/main/pages/{two_networks['a'].page.pk}/").status_code == 404


def test_dashboard_leads_the_editor_to_their_own_entry_only(editor_a, two_networks):
    html = editor_a.get(reverse("wagtailadmin_home")).content.decode()
    own_edit = reverse("wagtailadmin_pages:edit", args=[two_networks["a"].page.pk])
    other_edit = reverse("wagtailadmin_pages:edit", args=[two_networks["b"].page.pk])
    assert f'href="{own_edit}"' in html
    assert f'href="{other_edit}"' not in html
    assert "Netwerk Beta" not in html
    # No count of every page of the site: only their own entry is theirs to see.
    assert "Pages <span" not in html and "Pagina's <span" not in html


def test_staff_still_see_the_page_count(client, two_networks, admin_user):
    client.force_login(admin_user)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Pagina's <span" in html or "Pages <span" in html


def test_a_new_translation_is_editable_by_the_same_network_only(client, two_networks, locales):
    translation = two_networks["a"].page.copy_for_translation(locales["en"], copy_parents=True)
    edit_url = reverse("wagtailadmin_pages:edit", args=[translation.pk])
    client.force_login(two_networks["a"].user)
    assert client.get(edit_url).status_code == 200
    client.force_login(two_networks["b"].user)
    assert_denied(client.get(edit_url, follow=True))
