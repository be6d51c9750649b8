"""Issue 11's editorial journeys in Chromium, in the Dutch admin, each logged in as its role (never a superuser)."""

import re
import uuid

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.files.base import ContentFile
from django.test import Client
from playwright.sync_api import expect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from home.models import FooterText, PartnerQuote, Sector
from home.roles import STAFF_GROUP
from network.models import ListingRequest, NetworkPage
from network.onboarding import onboard_network
from news.models import NewsIndexPage, NewsPage
from tests.browser.test_roles import log_in, make_user, open_more_actions
from tests.site.pages import sitemap_paths

pytestmark = pytest.mark.browser

CSRF_INPUT = re.compile(r'<input type="hidden" name="csrfmiddlewaretoken" value="[^"]*">')
NEWS_COUNT = re.compile(r'<p class="news-count" role="status">(\d+) [^<]*</p>')


def foreign_snippets():
    """Every English and German snippet, with what a visitor or the directory could see of it."""
    foreign = ("en", "de")
    return {
        "sectors": sorted(
            Sector.objects.filter(locale__language_code__in=foreign).values_list(
                "pk", "translation_key", "locale_id", "slug", "name", "description"
            )
        ),
        "quotes": sorted(
            PartnerQuote.objects.filter(locale__language_code__in=foreign).values_list(
                "pk",
                "translation_key",
                "locale_id",
                "quote",
                "person_name",
                "role",
                "organisation",
                "page_id",
                "live",
                "has_unpublished_changes",
            )
        ),
        "footers": sorted(
            FooterText.objects.filter(locale__language_code__in=foreign).values_list(
                "pk", "locale_id", "text"
            )
        ),
    }


def foreign_pages(except_paths=()):
    """The HTML of every English and German page in the sitemap, as an anonymous visitor gets it."""
    visitor = Client()
    paths = [
        path
        for path in sitemap_paths(visitor)
        if path.startswith(("/en/", "/de/")) and path not in except_paths
    ]
    assert len(paths) > 20
    return {path: CSRF_INPUT.sub("", visitor.get(path).content.decode()) for path in paths}


def news_count(html):
    return int(NEWS_COUNT.search(html).group(1))


def without_news_count(pages):
    return {path: NEWS_COUNT.sub("", html) for path, html in pages.items()}


def choose_first(page):
    """Click the first item in the chooser modal that has just opened."""
    page.locator(".modal [data-chooser-modal-choice]").first.click()
    expect(page.locator(".modal")).to_be_hidden()


def test_staff_write_translate_and_publish_news_without_touching_other_translations(
    live_site, page, settings
):
    """Staff write, publish and translate news with an image and a quote: no other en/de text changes."""
    # The live server's in-memory SQLite refuses concurrent writers instead of waiting.
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
    username, password = make_user(STAFF_GROUP, "redactie")
    log_in(page, live_site, username, password)

    # The news item, written in the Dutch admin with an image and a partner quote from the choosers.
    suffix = uuid.uuid4().hex[:6]
    title = f"Thematafels in Groenlo {suffix}"
    index = NewsIndexPage.objects.get(locale__language_code="nl")
    page.goto(f"{live_site.url}/admin/pages/add/news/newspage/{index.pk}/")
    page.fill("#id_title", title)
    # An old date keeps the item off the home pages' latest news and the first page of the news
    # lists, so that no other page shows it when its translations go live.
    page.fill("#id_date", "2001-01-01")
    page.fill("#id_intro", "De zwermsessie krijgt twee nieuwe thematafels.")
    page.locator("#id_lead_image-chooser .unchosen [data-chooser-action-choose]").click()
    choose_first(page)
    page.locator("button.c-sf-add-button").first.click()
    page.get_by_role("option", name="Citaat").click()
    page.locator("[id$='partner_quote-chooser'] .unchosen [data-chooser-action-choose]").click()
    choose_first(page)
    open_more_actions(page)
    page.locator("button[name=action-publish]").click()
    page.wait_for_url(f"{live_site.url}/admin/pages/{index.pk}/")
    news = NewsPage.objects.get(title=title)
    assert news.live and news.lead_image_id is not None
    quote_block = next(block for block in news.body if block.block_type == "quote")
    quote = quote_block.value["partner_quote"]
    assert isinstance(quote, PartnerQuote)
    news_paths = set()

    before_snippets, before_pages = foreign_snippets(), foreign_pages()

    # "Vertaal deze pagina" in the editor's header, all languages.
    page.goto(f"{live_site.url}/admin/pages/{news.pk}/edit/")
    page.locator("header [data-w-dropdown-target='toggle']").first.click()
    page.get_by_role("link", name="Vertaal deze pagina").click()
    page.get_by_label("Selecteer alles").check()
    page.locator("input[type=submit][value='Verzenden']").click()
    page.wait_for_url(f"{live_site.url}/admin/pages/{index.pk}/")

    translations = {
        translation.locale.language_code: translation.specific
        for translation in NewsPage.objects.filter(translation_key=news.translation_key).exclude(pk=news.pk)
    }
    assert set(translations) == {"en", "de"}
    for language, translation in translations.items():
        assert not translation.live, f"the {language} translation went live before its translator saw it"
        news_paths.add(translation.get_url_parts()[2])
        assert Client().get(translation.get_url_parts()[2]).status_code == 404

    # The translator publishes each one in wagtail-localize's editor.
    for language in ("en", "de"):
        translation = translations[language]
        page.goto(f"{live_site.url}/admin/pages/{translation.pk}/edit/")
        # wagtail-localize's translation editor, with its own footer.
        with page.expect_navigation():
            page.get_by_role("button", name=re.compile("^Publiceer in")).click()
        expect(page.locator(".messages")).to_contain_text("gepubliceerd")
        translation.refresh_from_db()
        assert translation.live, language

    assert foreign_snippets() == before_snippets
    after_pages = foreign_pages(except_paths=news_paths)
    # The news lists count one item more (the new one, on a later page of the list); nothing else
    # in English or German may change.
    for path in ("/en/news/", "/de/neuigkeiten/"):
        assert news_count(after_pages[path]) == news_count(before_pages[path]) + 1, path
    assert without_news_count(after_pages) == without_news_count(before_pages)
    for path in news_paths:
        assert Client().get(path).status_code == 200


def network_with_files(name, *, publish):
    """A network onboarded the way staff do it, with an image and a document in its own collection."""
    onboarding = onboard_network(name, f"{uuid.uuid4().hex[:8]}@example.org", send_mail=False)
    if publish:
        onboarding.page.save_revision().publish()
    image = get_image_model().objects.create(
        title=f"Foto van {name}", file=get_test_image_file(), collection=onboarding.collection
    )
    document = get_document_model()(title=f"Jaarplan van {name}", collection=onboarding.collection)
    document.file.save("jaarplan.txt", ContentFile(b"Nog niet openbaar."), save=False)
    document.save()
    return onboarding, image, document


def test_a_network_editor_sees_nothing_of_another_network_in_choosers_and_the_admin_api(live_site, page):
    """Choosers and admin API show a network editor their own items, none of another network's."""
    suffix = uuid.uuid4().hex[:6]
    own, own_image, own_document = network_with_files(f"Eigen kring {suffix}", publish=True)
    other, other_image, other_document = network_with_files(f"Andere kring {suffix}", publish=False)
    assert not NetworkPage.objects.get(pk=other.page.pk).live
    password = f"Geheim-{uuid.uuid4().hex}"
    own.user.set_password(password)
    own.user.save()

    log_in(page, live_site, own.user.username, password)
    page.goto(f"{live_site.url}/admin/pages/{own.page.pk}/edit/")
    modal = page.locator(".modal")

    # The image chooser of the logo field.
    page.locator("#id_logo-chooser .unchosen [data-chooser-action-choose]").click()
    expect(modal.locator("[data-chooser-modal-choice]").first).to_be_visible()
    titles = modal.locator("[data-chooser-modal-choice]").evaluate_all("links => links.map(a => a.title)")
    assert own_image.title in titles
    assert other_image.title not in titles
    modal.get_by_role("button", name="Sluit").click()
    expect(modal).to_be_hidden()

    # The page chooser of a link in the rich text ("Ctrl+K"), searching for both networks' names.
    page.locator("[data-contentpath=body] [contenteditable=true]").click()
    page.keyboard.type("Zie ook onze partners")
    page.keyboard.press("Control+a")
    page.keyboard.press("Control+k")
    expect(modal.get_by_role("textbox", name="Zoekterm")).to_be_visible()
    modal.get_by_role("textbox", name="Zoekterm").fill(suffix)
    expect(modal.get_by_role("link", name=own.page.title)).to_be_visible()
    assert other.page.title not in modal.inner_text()
    modal.get_by_role("button", name="Sluit").click()
    expect(modal).to_be_hidden()

    # The entry has no document field: the document chooser and the page chooser's listing of the
    # directory, fetched as the modal would fetch them, with the browser's own session.
    documents = page.request.get(f"{live_site.url}/admin/documents/chooser/")
    assert documents.ok
    assert own_document.title in documents.text()
    assert other_document.title not in documents.text()
    directory = page.request.get(f"{live_site.url}/admin/choose-page/{own.page.get_parent().pk}/")
    assert directory.ok
    assert own.page.title in directory.text()
    assert other.page.title not in directory.text()

    # The admin API, newest first, so that the other network's items would be on the first page.
    api = {
        kind: page.request.get(f"{live_site.url}/admin/api/main/{kind}/?order=-id&limit=20").json()
        for kind in ("images", "documents")
    }
    assert own_image.pk in [item["id"] for item in api["images"]["items"]]
    assert other_image.pk not in [item["id"] for item in api["images"]["items"]]
    assert own_document.pk in [item["id"] for item in api["documents"]["items"]]
    assert other_document.pk not in [item["id"] for item in api["documents"]["items"]]
    assert page.request.get(f"{live_site.url}/admin/api/main/images/{other_image.pk}/").status == 404
    assert page.request.get(f"{live_site.url}/admin/api/main/documents/{other_document.pk}/").status == 404
    pages = page.request.get(
        f"{live_site.url}/admin/api/main/pages/?child_of={own.page.get_parent().pk}&order=-id&limit=20"
    ).json()
    assert own.page.pk in [item["id"] for item in pages["items"]]
    assert other.page.pk not in [item["id"] for item in pages["items"]]
    assert page.request.get(f"{live_site.url}/admin/api/main/pages/{other.page.pk}/").status == 404


def editors_of(network_page):
    """Who may change ``network_page``, by group: {group name: {usernames}}."""
    groups = Group.objects.filter(
        page_permissions__page=network_page, page_permissions__permission__codename="change_page"
    ).distinct()
    return {group.name: set(group.user_set.values_list("username", flat=True)) for group in groups}


def test_a_listing_request_copying_an_existing_name_gives_the_requester_no_right_on_that_entry(
    live_site, page
):
    """An accepted request named "ONZ Achterhoek" gives its requester a new entry, no right on the old one."""
    existing = NetworkPage.objects.get(title="ONZ Achterhoek", locale__language_code="nl")
    editors_before = editors_of(existing)
    attacker = f"kaper-{uuid.uuid4().hex[:8]}@example.org"

    # The attacker fills the public form.
    page.goto(live_site.url + "/netwerken/aanmelden/")
    page.get_by_label("Naam van het netwerk").fill("ONZ Achterhoek")
    page.get_by_label("Contactpersoon").fill("Mallory Kaper")
    page.get_by_label("E-mailadres").fill(attacker)
    page.get_by_label("Over het netwerk").fill("Wij zijn het echte ONZ Achterhoek.")
    page.get_by_label(re.compile("^Ik ga ermee akkoord")).check()
    page.get_by_role("button", name="Aanmelding versturen").click()
    page.wait_for_url(re.compile(r"\?sent=1$"))
    listing_request = ListingRequest.objects.get(email=attacker)

    # Communications staff see the resemblance, and accept anyway.
    username, password = make_user(STAFF_GROUP, "communicatie")
    log_in(page, live_site, username, password)
    page.goto(f"{live_site.url}/admin/network_listingrequest/?q={attacker}")
    row = page.locator("tr", has_text=attacker)
    expect(row).to_contain_text("ONZ Achterhoek (zelfde naam)")
    row.locator("[data-w-dropdown-target=toggle]").click()
    page.get_by_role("link", name="Accepteren en aansluiten").click()
    page.get_by_role("button", name="Accepteren en aansluiten").click()
    listing_request.refresh_from_db()
    new_entry = listing_request.network_page
    assert new_entry is not None and new_entry.pk != existing.pk
    page.wait_for_url(f"{live_site.url}/admin/pages/{new_entry.pk}/edit/")

    # The attacker sets a password through the link in the welcome mail and logs in.
    welcome = next(
        message for message in mail.outbox if message.to == [attacker] and "/password_reset/" in message.body
    )
    link = re.search(r"https?://[^/\s]+(/admin/password_reset/confirm/\S+)", welcome.body).group(1)
    page.context.clear_cookies()
    page.goto(live_site.url + link)
    attacker_password = f"Kaper-{uuid.uuid4().hex}"
    page.fill("input[name=new_password1]", attacker_password)
    page.fill("input[name=new_password2]", attacker_password)
    page.locator("form:has(input[name=new_password1]) button[type=submit]").click()
    page.wait_for_url(re.compile(r"/admin/password_reset/complete/"))
    log_in(page, live_site, attacker.lower(), attacker_password)

    # The existing entry is closed to them ...
    response = page.goto(f"{live_site.url}/admin/pages/{existing.pk}/edit/")
    assert response.status == 403 or page.url == f"{live_site.url}/admin/", page.url
    expect(page.locator("#id_title")).to_have_count(0)
    assert editors_of(existing) == editors_before

    # ... their own draft entry is theirs to edit.
    page.goto(f"{live_site.url}/admin/pages/{new_entry.pk}/edit/")
    expect(page.locator("#id_title")).to_have_value("ONZ Achterhoek")
    page.fill("#id_short_description", "Een netwerk van zp'ers, helemaal van onszelf.")
    with page.expect_navigation():
        page.get_by_role("button", name="Bewaar concept").click()
    new_entry = NetworkPage.objects.get(pk=new_entry.pk)
    assert "helemaal van onszelf" in new_entry.get_latest_revision().content["short_description"], (
        page.locator(".messages").inner_text()
    )
    assert not new_entry.live
