import json
import re

import pytest
from django.test import Client
from wagtail.models import Page, Site
from wagtail.test.utils import WagtailPageTestCase

from events.models import EventIndexPage
from home.demo.loader import build_items
from home.models import ContentPage, HomePage, PartnerQuote
from home.templatetags.pr8werk_tags import ld_json
from network.models import NetworkIndexPage
from news.models import NewsIndexPage

LANG_RE = re.compile(r'<html lang="([a-z-]+)">')


class TestPageTypeRules(WagtailPageTestCase):
    def test_home_page_goes_under_the_root_only(self):
        """A home page is a site root, never nested in another page."""
        self.assertAllowedParentPageTypes(HomePage, {Page})

    def test_content_pages_go_under_home_or_other_content_pages(self):
        self.assertCanCreateAt(HomePage, ContentPage)
        self.assertCanCreateAt(ContentPage, ContentPage)
        self.assertCanNotCreateAt(ContentPage, HomePage)
        self.assertAllowedParentPageTypes(ContentPage, {HomePage, ContentPage})

    def test_editors_may_create_the_same_page_types_under_the_home_page(self):
        """Home names no feature app; the feature index pages say they live under it, and only those."""
        # allowed_subpage_models() also lists Wagtail's bare Page, which nobody can create.
        self.assertEqual(
            set(HomePage.creatable_subpage_models()),
            {ContentPage, EventIndexPage, NewsIndexPage, NetworkIndexPage},
        )


def live_pages():
    return Page.objects.live().filter(depth__gt=1).specific().select_related("locale")


@pytest.mark.django_db
def test_every_demo_page_answers_in_its_language(demo_site, client):
    """Every live page of the demo site answers 200 with the lang attribute of its locale."""
    pages = list(live_pages())
    by_language = {page.locale.language_code for page in pages}
    assert by_language == {"nl", "en", "de"}
    for page in pages:
        url = page.get_url()
        response = client.get(url)
        assert response.status_code == 200, url
        assert LANG_RE.search(response.content.decode()).group(1) == page.locale.language_code, url


@pytest.mark.django_db
def test_language_prefixes(demo_site, client):
    """Dutch lives at /, English at /en/ and German at /de/."""
    for url, language, title in (
        ("/", "nl", "Meer werk voor zp&#x27;ers in de Achterhoek"),
        ("/en/", "en", "More work for independent professionals"),
        ("/de/", "de", "Mehr Arbeit für Selbstständige"),
    ):
        html = client.get(url).content.decode()
        assert f'<html lang="{language}">' in html
        assert title in html


@pytest.mark.django_db
def test_switcher_links_to_the_translation_of_the_page(demo_site, client):
    html = client.get("/over-pr8werk/").content.decode()
    assert 'href="/en/about/" hreflang="en"' in html
    assert 'href="/de/ueber-pr8werk/" hreflang="de"' in html
    assert '<link rel="alternate" hreflang="en" href="http://testserver/en/about/">' in html
    assert '<link rel="alternate" hreflang="x-default" href="http://testserver/over-pr8werk/">' in html
    html = client.get("/de/datenschutz/").content.decode()
    assert 'href="/privacy/" hreflang="nl"' in html
    assert 'href="/en/privacy/" hreflang="en"' in html


@pytest.mark.django_db
def test_switcher_falls_back_to_home_without_translation(demo_site, client, admin_user):
    """A page without an English translation offers the English home page instead."""
    home = HomePage.objects.get(locale__language_code="nl")
    page = ContentPage(title="Alleen Nederlands", slug="alleen-nederlands")
    home.add_child(instance=page)
    page.save_revision().publish()
    html = client.get("/alleen-nederlands/").content.decode()
    assert 'href="/en/" hreflang="en"' in html
    assert 'href="/de/" hreflang="de"' in html
    assert 'hreflang="en" href="http://testserver/en/"' not in html  # no false alternate


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "language", "text"),
    [
        ("/bestaat-niet/", "nl", "Pagina niet gevonden"),
        ("/en/does-not-exist/", "en", "Page not found"),
        ("/de/gibt-es-nicht/", "de", "Seite nicht gefunden"),
    ],
)
def test_unknown_url_gives_404_in_the_visitors_language(demo_site, client, url, language, text):
    response = client.get(url)
    assert response.status_code == 404
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert text in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("prefix", "language", "text"),
    [
        ("", "nl", "Er ging iets mis"),
        ("/en", "en", "Something went wrong"),
        ("/de", "de", "Etwas ist schiefgelaufen"),
    ],
)
def test_server_error_page_in_the_visitors_language(demo_site, prefix, language, text, monkeypatch):
    """An exception gives the 500 page in the language of the address, without leaking details."""

    def explode(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(HomePage, "get_context", explode)
    client = Client(raise_request_exception=False)
    response = client.get(f"{prefix}/")
    assert response.status_code == 500
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert text in html
    assert "boom" not in html


@pytest.mark.django_db
def test_menu_shows_pages_marked_for_menus(demo_site, client):
    html = client.get("/en/").content.decode()
    nav = html.split('aria-label="Main menu"')[1].split("</nav>")[0]
    assert 'href="/en/about/"' in nav
    assert "privacy" not in nav


@pytest.mark.django_db
def test_footer_shows_settings_in_the_visitors_language(demo_site, client):
    html = client.get("/de/").content.decode()
    assert "Eine Initiative regionaler Netzwerke" in html
    assert 'href="/de/datenschutz/"' in html
    assert "info@pr8werk.nl" in html


@pytest.mark.django_db
def test_home_page_shows_the_three_os_and_a_partner_quote(demo_site, client):
    html = client.get("/").content.decode()
    for name in ("Ondernemers", "Overheid", "Organisaties"):
        assert name in html
    assert "Collectief staan we sterker" in html
    html = client.get("/en/").content.decode()
    assert "Businesses" in html and "Government" in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "canonical"),
    [
        ("/en/about/", "/en/about/"),
        ("/nieuws/?page=2", "/nieuws/?page=2"),
        ("/nieuws/?page=1", "/nieuws/"),
        ("/nieuws/?sector=overheid", "/nieuws/"),
        ("/nieuws/?sector=overheid&page=2", "/nieuws/"),
    ],
)
def test_canonical_url_names_the_page_itself_and_its_later_pages(demo_site, client, path, canonical):
    html = client.get(path).content.decode()
    assert f'<link rel="canonical" href="http://testserver{canonical}">' in html


@pytest.mark.django_db
def test_robots_txt_points_to_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()


@pytest.mark.django_db
def test_favicon_is_linked_and_the_old_address_needs_no_database(
    demo_site, client, django_assert_num_queries
):
    html = client.get("/en/").content.decode()
    icon = html.split('<link rel="icon" href="')[1].split('"')[0]
    assert icon.startswith("/static/img/favicon") and icon.endswith(".svg")

    with django_assert_num_queries(0):
        response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"] == icon


@pytest.mark.django_db
def test_home_page_describes_the_organisation_as_json_ld(demo_site, client):
    html = client.get("/").content.decode()
    block = html.split('<script type="application/ld+json">')[1].split("</script>")[0]
    data = json.loads(block)
    assert data["@type"] == "Organization"
    assert data["name"] == "Pr8werk"
    assert data["email"] == "info@pr8werk.nl"


def test_ld_json_cannot_be_closed_by_content():
    html = str(ld_json({"name": "</script><script>alert(1)</script>"}))
    assert html.count("</script>") == 1


@pytest.mark.django_db
def test_switcher_keeps_the_query_on_pages_that_are_views(demo_site, client):
    """On the search page the switcher goes to the other language's search with the same query."""
    html = client.get("/zoeken/?q=zwermsessie").content.decode()
    assert 'href="/en/search/?q=zwermsessie" hreflang="en"' in html
    assert 'href="/de/suche/?q=zwermsessie" hreflang="de"' in html


@pytest.mark.django_db
def test_switcher_on_a_sub_route_goes_to_the_same_sub_route(demo_site, client):
    """On the listing-request form the switcher offers that form in the other languages."""
    html = client.get("/netwerken/aanmelden/").content.decode()
    assert 'href="/en/networks/request-listing/" hreflang="en"' in html
    assert 'href="/de/netzwerke/eintrag-beantragen/" hreflang="de"' in html
    html = client.get("/en/news/rss/").content.decode()  # a feed has no switcher, but must not break
    assert "<rss" in html


@pytest.mark.django_db
def test_featured_quote_in_the_page_language_and_only_when_published(demo_site, client):
    assert "Together we stand stronger" in client.get("/en/").content.decode()
    assert "Gemeinsam sind wir stärker" in client.get("/de/").content.decode()
    PartnerQuote.objects.filter(locale__language_code="de", person_name="Henk Dijk").update(live=False)
    html = client.get("/de/").content.decode()
    assert "Gemeinsam sind wir stärker" not in html
    assert "Together we stand stronger" not in html


@pytest.mark.django_db
def test_the_site_is_made_with_the_public_address(locales, settings, client):
    """Sitemap and feeds build full URLs from the Site record, so it must not say localhost."""
    settings.SITE_BASE_URL = "https://www.pr8werk.nl"
    build_items("home", "home")
    assert Site.objects.get(is_default_site=True).root_url == "https://www.pr8werk.nl"
    assert "<loc>https://www.pr8werk.nl/en/</loc>" in client.get("/sitemap-pages-en.xml").content.decode()
