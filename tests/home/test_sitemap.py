"""/sitemap.xml: an index of parts per section and language, paged, each with its pages' translations."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction

from home.cache import invalidate_page_cache
from home.demo import translated_page
from home.models import ContentPage
from home.sitemaps import SectionSitemap
from tests.site.pages import SITEMAP_LOC, sitemap_documents, sitemap_paths

pytestmark = pytest.mark.django_db

SECTIONS = ("pages", "news", "events", "network")


def locations(xml):
    return [url.removeprefix("http://testserver") for url in SITEMAP_LOC.findall(xml)]


def entry(xml, path):
    return re.search(rf"<url><loc>http://testserver{re.escape(path)}</loc>.*?</url>", xml, re.S).group(0)


def test_index_lists_a_part_per_section_and_language(demo_site, client):
    response = client.get("/sitemap.xml")

    assert response.status_code == 200
    xml = response.content.decode()
    assert "<sitemapindex" in xml and "<urlset" not in xml
    assert sorted(locations(xml)) == sorted(
        f"/sitemap-{section}-{language}.xml" for section in SECTIONS for language in ("nl", "en", "de")
    )
    assert "<lastmod>" in xml


def test_each_part_holds_its_section_in_its_language(demo_site, client):
    documents = sitemap_documents(client)

    pages_en = locations(documents["/sitemap-pages-en.xml"])
    assert "/en/" in pages_en and "/en/about/" in pages_en
    assert not [path for path in pages_en if path.startswith(("/en/news/", "/en/agenda/", "/en/networks/"))]
    news_nl = locations(documents["/sitemap-news-nl.xml"])
    assert news_nl[0] == "/nieuws/" and len(news_nl) > 5
    assert all(path.startswith("/nieuws/") for path in news_nl)
    assert all(path.startswith("/de/termine/") for path in locations(documents["/sitemap-events-de.xml"]))
    assert "/netwerken/" in locations(documents["/sitemap-network-nl.xml"])
    # Every page is listed once, in exactly one part.
    paths = sitemap_paths(client)
    assert len(paths) == len(set(paths)) > 50


def test_every_page_names_its_translations_and_the_default(demo_site, client):
    documents = sitemap_documents(client)

    about = entry(documents["/sitemap-pages-en.xml"], "/en/about/")
    for code, path in (
        ("nl", "/over-pr8werk/"),
        ("en", "/en/about/"),
        ("de", "/de/ueber-pr8werk/"),
        ("x-default", "/over-pr8werk/"),
    ):
        assert f'<xhtml:link rel="alternate" hreflang="{code}" href="http://testserver{path}"/>' in about
    for address, xml in documents.items():
        assert xml.count("<url>") == xml.count('hreflang="x-default"'), (
            f"{address}: every demo page exists in three languages"
        )


def test_every_public_page_is_found_through_the_index(demo_site, client):
    paths = set(sitemap_paths(client))
    homes = Page.objects.get(depth=2, locale__language_code="nl").get_translations(inclusive=True)
    expected = set()
    for home in homes:
        for page in home.get_descendants(inclusive=True).live().public():
            expected.add(page.get_url())

    assert paths == expected
    assert {"/over-pr8werk/", "/en/about/", "/de/ueber-pr8werk/", "/agenda/", "/en/networks/"} <= paths


def test_a_long_part_is_paged_at_the_limit(demo_site, client, monkeypatch):
    whole = locations(client.get("/sitemap-news-nl.xml").content.decode())
    monkeypatch.setattr(SectionSitemap, "limit", 4)
    invalidate_page_cache()  # a new limit comes with a new release, which starts on a new generation

    index = locations(client.get("/sitemap.xml").content.decode())
    pages = -(-len(whole) // 4)
    assert [path for path in index if path.startswith("/sitemap-news-nl.xml")] == [
        "/sitemap-news-nl.xml",
        *(f"/sitemap-news-nl.xml?p={number}" for number in range(2, pages + 1)),
    ]
    paged = []
    for number in range(1, pages + 1):
        listed = locations(client.get("/sitemap-news-nl.xml", {"p": number}).content.decode())
        assert 0 < len(listed) <= 4
        paged += listed
    assert paged == whole
    assert client.get("/sitemap-news-nl.xml", {"p": pages + 1}).status_code == 404


@pytest.mark.parametrize(
    "address",
    [
        "/sitemap-news-nl.xml?p=0",
        "/sitemap-news-nl.xml?p=-1",
        "/sitemap-news-nl.xml?p=99",
        "/sitemap-news-nl.xml?p=x",
        "/sitemap-news-nl.xml?p=1.5",
        "/sitemap-news-nl.xml?p=%00",
        "/sitemap-news-nl.xml?p=" + "9" * 5000,
        "/sitemap-elsewhere-nl.xml",
        "/sitemap-news-fr.xml",
        "/sitemap-news.xml",
    ],
)
def test_a_part_or_page_that_does_not_exist_is_not_found(demo_site, client, address):
    assert client.get(address).status_code == 404


def test_unpublished_and_private_pages_are_absent(demo_site, client):
    about = Page.objects.get(url_path__endswith="/over-pr8werk/", locale__language_code="nl")
    assert "/over-pr8werk/" in locations(client.get("/sitemap-pages-nl.xml").content.decode())

    about.unpublish()
    PageViewRestriction.objects.create(
        page=about.get_translations().get(locale__language_code="en"),
        restriction_type=PageViewRestriction.PASSWORD,
        password="secret",
    )

    assert "/over-pr8werk/" not in locations(client.get("/sitemap-pages-nl.xml").content.decode())
    english = client.get("/sitemap-pages-en.xml").content.decode()
    assert "/en/about/" not in locations(english)
    german = entry(client.get("/sitemap-pages-de.xml").content.decode(), "/de/ueber-pr8werk/")
    assert "hreflang" not in german, "the German page has no public translation left"


def content_pages(home_pages, first, count, translated):
    for number in range(first, first + count):
        if translated:
            content = {
                "nl": {"title": f"Pagina {number}", "slug": f"pagina-{number}"},
                "en": {"title": f"Page {number}", "slug": f"page-{number}"},
            }
            translated_page(home_pages["nl"], ContentPage, content)
        else:  # without revisions or translations: 55 of these take a second, not a minute
            home_pages["nl"].add_child(
                instance=ContentPage(title=f"Pagina {number}", slug=f"pagina-{number}")
            )


def test_index_and_part_cost_the_same_queries_for_5_or_60_pages_and_none_when_remembered(home_pages, client):
    def queries(address):
        client.get(address)  # Wagtail's site root paths, remembered by a running site
        invalidate_page_cache()  # as a publish does: the document is built anew
        with CaptureQueriesContext(connection) as first:
            response = client.get(address)
        assert response.status_code == 200
        with CaptureQueriesContext(connection) as again:
            assert client.get(address).content == response.content
        assert not again.captured_queries
        return len(first.captured_queries), response.content.decode()

    content_pages(home_pages, 1, 5, translated=True)
    part_with_five, xml = queries("/sitemap-pages-nl.xml")
    assert xml.count("<url>") == 6 and xml.count('hreflang="en"') == 6
    index_with_five, _index = queries("/sitemap.xml")
    content_pages(home_pages, 6, 55, translated=False)
    part_with_sixty, xml = queries("/sitemap-pages-nl.xml")
    assert xml.count("<url>") == 61 and xml.count('hreflang="en"') == 6
    index_with_sixty, _index = queries("/sitemap.xml")

    assert part_with_five == part_with_sixty <= 6
    assert index_with_five == index_with_sixty <= 4
