"""A network editor can edit their own page and nothing else: proved from the denied side."""

import json
import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import URLResolver, get_resolver, reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from events.models import EventIndexPage, EventPage, SessionReportPage
from home.models import ContentPage, FooterText, HomePage, PartnerQuote, Sector
from home.roles import STAFF_GROUP
from network.demo_content import MODERATOR_USERNAME, create_demo_users
from network.models import NetworkPage
from network.onboarding import onboard_network
from news.models import NewsIndexPage, NewsPage

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


# --- what a network editor sees of the rest of the site ---------------------------------------------

SECRETS = ("Geheim concept Beta", "Verborgen Gamma", "Geheime pagina", "Logo van Beta", "Folder van Beta")


@pytest.fixture
def secrets(two_networks, home_page):
    """Another network's pending title, an unpublished network and page, B's image and document."""
    other = two_networks["b"].page
    other.title = "Geheim concept Beta"
    other.save_revision()  # a draft of a live page: the public still sees "Netwerk Beta"
    hidden = onboard_network("Verborgen Gamma", "gamma@example.org", send_mail=False).page
    draft = ContentPage(title="Geheime pagina", slug="geheim", live=False)
    home_page.add_child(instance=draft)
    draft.save_revision()
    return {
        "pages": [other, hidden, draft],
        "image": make_image("Logo van Beta", two_networks["b"].collection),
        "document": make_document("Folder van Beta", two_networks["b"].collection),
    }


def admin_url_patterns(patterns=None, prefix=""):
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            yield from admin_url_patterns(pattern.url_patterns, prefix + str(pattern.pattern))
        else:
            yield "/" + (prefix + str(pattern.pattern)).replace("^", "").replace("$", "")


def body_of(response):
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return content.decode(errors="replace")


def test_no_admin_endpoint_shows_a_network_editor_anything_of_another_network(
    editor_a, two_networks, secrets
):
    """Every admin address, with the ids of others' pages, image and document, and with a search."""
    ids = [page.pk for page in secrets["pages"]] + [secrets["image"].pk, secrets["document"].pk]
    own_title_seen = []
    walked = 0
    for pattern in admin_url_patterns():
        if not pattern.startswith("/admin/") or pattern.endswith(("/logout/", "/failwhale/")):
            continue
        if "<" in pattern:
            urls = [re.sub(r"<(?:int|str):\w+>", str(pk), pattern) for pk in ids]
        else:
            urls = [pattern, pattern + "?q=Beta&search=Beta"]
        for url in urls:
            if "<" in url:  # slugs, tokens: nothing of another network to name
                continue
            response = editor_a.get(url)
            walked += 1
            body = body_of(response)
            leaked = [secret for secret in SECRETS if secret in body]
            assert not leaked, (url, response.status_code, leaked)
            if "Netwerk Alfa" in body:
                own_title_seen.append(url)
    # The control: the walk was logged in and reached the places that list the editor's own entry.
    assert walked > 150
    assert any(url.startswith("/admin/api/main/pages/") for url in own_title_seen), own_title_seen


def test_the_page_chooser_shows_own_and_published_pages_only(editor_a, two_networks, secrets):
    own = two_networks["a"].page
    directory = own.get_parent()
    hidden = secrets["pages"][1]
    listing = editor_a.get(reverse("wagtailadmin_choose_page_child", args=[directory.pk])).content.decode()
    assert "Netwerk Alfa" in listing
    assert "Verborgen Gamma" not in listing
    # A published page whose next title is still a draft stays out until the draft is published.
    assert "Geheim concept Beta" not in listing
    home = editor_a.get(reverse("wagtailadmin_choose_page_child", args=[directory.get_parent().pk]))
    assert "Netwerken" in home.content.decode()  # the public site's pages can still be linked
    assert "Geheime pagina" not in home.content.decode()
    assert editor_a.get(reverse("wagtailadmin_choose_page_child", args=[hidden.pk])).status_code == 404
    found = editor_a.get(reverse("wagtailadmin_choose_page_search"), {"q": "Gamma"}).content.decode()
    assert "Verborgen Gamma" not in found


def test_the_admin_api_lists_only_the_editors_own_images_and_documents(editor_a, two_networks, secrets):
    own_image = make_image("Eigen logo", two_networks["a"].collection)
    own_document = make_document("Eigen folder", two_networks["a"].collection)
    images = json.loads(editor_a.get("/admin/api/main/images/?limit=20").content)
    documents = json.loads(editor_a.get("/admin/api/main/documents/?limit=20").content)
    assert [item["id"] for item in images["items"]] == [own_image.pk]
    assert [item["id"] for item in documents["items"]] == [own_document.pk]
    assert editor_a.get(f"/admin/api/main/images/{secrets['image'].pk}/").status_code == 404
    assert editor_a.get(f"/admin/api/main/documents/{secrets['document'].pk}/").status_code == 404


def test_staff_still_see_every_image_and_document_in_the_admin_api(client, admin_user, secrets):
    client.force_login(admin_user)
    images = json.loads(client.get("/admin/api/main/images/?limit=20").content)
    documents = json.loads(client.get("/admin/api/main/documents/?limit=20").content)
    assert secrets["image"].pk in [item["id"] for item in images["items"]]
    assert secrets["document"].pk in [item["id"] for item in documents["items"]]


def test_the_page_types_report_and_move_confirmation_are_refused(editor_a, two_networks, secrets):
    hidden = secrets["pages"][1]
    assert editor_a.get(reverse("wagtailadmin_reports:page_types_usage")).status_code == 403
    assert editor_a.get(reverse("wagtailadmin_reports:page_types_usage_results")).status_code == 403
    response = editor_a.get(
        reverse("wagtailadmin_pages:move_confirm", args=[hidden.pk, hidden.get_parent().pk])
    )
    assert_denied(response)


def sidebar_explorer_start(client):
    """The page id the sidebar's "Pages" explorer opens at."""
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    props = json.loads(html.split('id="wagtail-sidebar-props"')[1].split(">", 1)[1].split("</script>")[0])
    found = []

    def walk(node):
        if isinstance(node, dict):
            if node.get("_type") == "wagtail.sidebar.PageExplorerMenuItem":
                found.append(node["_args"][-1])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(props)
    return found[0]


def test_the_explorer_opens_at_the_editors_own_page(editor_a, two_networks):
    """Not at the root of the tree, which only says that pages made there are on no site."""
    assert sidebar_explorer_start(editor_a) == two_networks["a"].page.pk


# --- communications staff: everything editorial, on every installation ------------------------------


def test_every_installation_has_the_staff_group_with_its_rights(home_pages):
    """Made by the migrations and the home pages' creation, not by the demo loader."""
    group = Group.objects.get(name=STAFF_GROUP)
    codenames = {
        f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.select_related("content_type")
    }
    assert {
        "wagtailadmin.access_admin",
        "wagtail_localize.submit_translation",
        "events.view_registration",
        "events.add_registration",
        "events.change_registration",
        "network.change_listingrequest",
        "home.publish_partnerquote",
        "home.change_sector",
        "home.change_footertext",
    } <= codenames
    root_collection = Collection.get_first_root_node()
    assert {
        p.permission.codename
        for p in GroupCollectionPermission.objects.filter(group=group, collection=root_collection)
    } >= {"add_image", "choose_image", "add_document", "choose_document"}
    for page in home_pages.values():
        assert {
            p.permission.codename for p in GroupPagePermission.objects.filter(group=group, page=page)
        } >= {"add_page", "change_page", "publish_page"}


@pytest.fixture
def staff(client, demo_site):
    """The demo's communications account, as `make run` creates it."""
    create_demo_users()
    user = get_user_model().objects.get(username=MODERATOR_USERNAME)
    assert not user.is_superuser
    client.force_login(user)
    return client


def add_url(model, parent):
    return reverse("wagtailadmin_pages:add", args=[model._meta.app_label, model._meta.model_name, parent.pk])


def test_staff_write_and_publish_news_in_every_language(staff):
    for language in ("nl", "en", "de"):
        index = NewsIndexPage.objects.get(locale__language_code=language)
        response = staff.post(
            add_url(NewsPage, index),
            nested_form_data(
                {
                    "title": f"Nieuws van de redactie {language}",
                    "slug": f"nieuws-van-de-redactie-{language}",
                    "date": "2026-05-01",
                    "intro": "Een korte inleiding.",
                    "body": streamfield([]),
                    "topic_links": inline_formset([]),
                    "action-publish": "publish",
                }
            ),
        )
        assert response.status_code == 302, response.content.decode()[:2000]
        page = NewsPage.objects.get(slug=f"nieuws-van-de-redactie-{language}")
        assert page.live and page.locale.language_code == language


def test_staff_may_create_sessions_reports_and_content_pages_in_every_language(staff):
    for language in ("nl", "en", "de"):
        home = HomePage.objects.get(locale__language_code=language)
        agenda = EventIndexPage.objects.get(locale__language_code=language)
        for model, parent in ((EventPage, agenda), (SessionReportPage, agenda), (ContentPage, home)):
            assert staff.get(add_url(model, parent)).status_code == 200, (model, language)
            assert parent.permissions_for_user(staff_user()).can_publish_subpage()


def staff_user():
    return get_user_model().objects.get(username=MODERATOR_USERNAME)


def test_staff_translate_pages_and_snippets(staff):
    news = NewsPage.objects.filter(locale__language_code="nl").first()
    news.get_translations().delete()  # so that every language is still to do
    response = staff.get(reverse("wagtail_localize:submit_page_translation", args=[news.pk]))
    assert response.status_code == 200
    sector = Sector.objects.filter(locale__language_code="nl").first()
    response = staff.get(
        reverse("wagtail_localize:submit_snippet_translation", args=["home", "sector", sector.pk])
    )
    assert response.status_code == 200


def test_staff_upload_images_and_documents(staff):
    response = staff.post(
        reverse("wagtailimages:add"),
        {
            "title": "Foto van de zwermsessie",
            "file": SimpleUploadedFile("foto.png", get_test_image_file().file.getvalue()),
            "collection": Collection.get_first_root_node().pk,
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    assert get_image_model().objects.filter(title="Foto van de zwermsessie").exists()
    response = staff.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Verslag als pdf",
            "file": SimpleUploadedFile("verslag.txt", b"verslag"),
            "collection": Collection.get_first_root_node().pk,
        },
    )
    assert response.status_code == 302
    assert get_document_model().objects.filter(title="Verslag als pdf").exists()


def test_staff_see_add_cancel_and_export_registrations(staff, upcoming_session, make_registration):
    session = upcoming_session("nl")
    registration = make_registration(session, email="piet@example.org")
    assert "piet@example.org" in staff.get("/admin/registrations/").content.decode()
    assert staff.get("/admin/registrations/new/").status_code == 200
    export = staff.get("/admin/registrations/?export=csv")
    assert export.status_code == 200 and "piet@example.org" in body_of(export)
    assert staff.post(f"/admin/registrations/cancel/{registration.pk}/").status_code == 302
    registration.refresh_from_db()
    assert registration.status == "cancelled"


def test_staff_handle_listing_requests_and_edit_snippets(staff):
    assert staff.get(reverse("network_listingrequest:index")).status_code == 200
    for model in (Sector, PartnerQuote, FooterText):
        viewset = model.snippet_viewset
        assert staff.get(reverse(viewset.get_url_name("list"))).status_code == 200, model
        item = model.objects.first()
        assert staff.get(reverse(viewset.get_url_name("edit"), args=[item.pk])).status_code == 200, model


def test_staff_point_a_quote_only_at_a_page_that_shows_quotes(staff):
    """The chooser offers network pages, and a quote pointed at a page that shows none is refused."""
    quote = PartnerQuote.objects.filter(locale__language_code="nl").first()
    edit_url = reverse(PartnerQuote.snippet_viewset.get_url_name("edit"), args=[quote.pk])
    chooser = staff.get(edit_url).context["form"].fields["page"].widget
    assert chooser.target_models == [NetworkPage]

    form = {
        "quote": quote.quote,
        "person_name": quote.person_name,
        "role": quote.role,
        "organisation": quote.organisation,
        "link": quote.link,
        "action-publish": "action-publish",
    }
    news = NewsPage.objects.filter(locale__language_code="nl").first()
    refused = staff.post(edit_url, {**form, "page": news.pk})
    assert refused.status_code == 200
    assert refused.context["form"].errors["page"] == [
        "Deze pagina toont geen citaten. Kies een pagina van deze soort: netwerk."
    ]
    network = NetworkPage.objects.filter(locale__language_code="nl").first()
    assert staff.post(edit_url, {**form, "page": network.pk}).status_code == 302
    quote.refresh_from_db()
    assert quote.page_id == network.pk


def test_staff_approve_a_network_change(staff, demo_site, client, django_user_model):
    page = NetworkPage.objects.get(slug="ict-kring-doetinchem-demo")
    editor = django_user_model.objects.create_user("ict-redacteur", "ict@example.org", "x")
    editor.groups.add(Group.objects.get(name="Netwerk: ICT-kring Doetinchem (demo)"))
    page.get_workflow().start(page, editor)
    state = page.current_workflow_state
    approve = reverse(
        "wagtailadmin_pages:workflow_action", args=[page.pk, "approve", state.current_task_state.pk]
    )
    staff.force_login(staff_user())
    assert staff.post(approve).status_code in (200, 302)
    state.refresh_from_db()
    assert state.status == state.STATUS_APPROVED


def test_the_explorer_opens_at_the_dutch_home_page_for_staff(staff):
    assert sidebar_explorer_start(staff) == HomePage.objects.get(locale__language_code="nl").pk
