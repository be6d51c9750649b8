"""The language switcher keeps what the visitor filtered or paged to, on pages as on views."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.models import ContentPage, HomePage

pytestmark = pytest.mark.django_db


def switcher_links(html):
    """{language: href} of the switcher's links (the current language has none)."""
    nav = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S).group(0)
    return {code: href for href, code in re.findall(r'<a href="([^"]*)" hreflang="([a-z]+)"', nav)}


def links_on(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    return switcher_links(response.content.decode())


def test_switcher_keeps_the_sector_filter_of_the_news_list(demo_site, client):
    html = client.get("/nieuws/?sector=overheid").content.decode()
    assert switcher_links(html)["en"] == "/en/news/?sector=overheid"
    assert switcher_links(html)["de"].endswith("/?sector=overheid")
    # Canonical and hreflang links still name the list itself, not the filtered view.
    assert '<link rel="canonical" href="http://testserver/nieuws/">' in html
    assert '<link rel="alternate" hreflang="en" href="http://testserver/en/news/">' in html


def test_switcher_keeps_several_query_values_escaped(demo_site, client):
    html = client.get("/nieuws/?sector=overheid&page=2").content.decode()
    assert 'href="/en/news/?sector=overheid&amp;page=2" hreflang="en"' in html


@pytest.mark.parametrize(
    ("path", "english"),
    [
        ("/nieuws/?page=2", "/en/news/?page=2"),
        ("/agenda/opbrengsten/?kind=question", "/en/agenda/outcomes/?kind=question"),
        # The thank-you after the listing form is a sub-route with ?sent=1.
        ("/netwerken/aanmelden/?sent=1", "/en/networks/request-listing/?sent=1"),
    ],
)
def test_switcher_keeps_the_query_of_lists_and_forms(demo_site, client, path, english):
    assert links_on(client, path)["en"] == english


def test_switcher_adds_no_question_mark_to_a_plain_page(demo_site, client):
    links = links_on(client, "/over-pr8werk/")
    assert links == {"en": "/en/about/", "de": "/de/ueber-pr8werk/"}


def test_switcher_to_a_home_page_fallback_drops_the_query(demo_site, client):
    """Without a translation the switcher offers the home page; this page's filter means nothing there."""
    home = HomePage.objects.get(locale__language_code="nl")
    page = ContentPage(title="Alleen Nederlands", slug="alleen-nederlands")
    home.add_child(instance=page)
    page.save_revision().publish()
    assert links_on(client, "/alleen-nederlands/?sector=overheid") == {"en": "/en/", "de": "/de/"}


def test_keeping_the_query_costs_no_queries(demo_site, client):
    def count(path):
        client.get(path)  # warm, as on a running site
        with CaptureQueriesContext(connection) as ctx:
            client.get(path)
        return len(ctx.captured_queries)

    assert count("/over-pr8werk/?utm_source=nieuwsbrief") == count("/over-pr8werk/")
