"""One walk over the public site, shared by the query-budget, HTML-validity and meta-description checks.

The pages are those of /sitemap.xml (every public page in every language, through the index to its
parts) and the addresses the sitemap does not list but visitors reach: filters, later pages, feeds,
search, calendars, forms and "not found" in each language. Each is rendered twice by an anonymous
visitor: first right after a content change (nothing remembered across requests), then again with
that memory warm, as on a running site.
"""

import re
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlsplit

from django.core.cache import caches
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext

from home.cache import invalidate_page_cache

SITEMAP_LOC = re.compile(r"<loc>([^<]+)</loc>")

# Public addresses the sitemap does not list.
MORE_PATHS = [
    "/nieuws/?page=2",
    "/nieuws/?sector=overheid",
    "/nieuws/?tag=zwermsessie",
    "/nieuws/rss/",
    "/nieuws/atom/overheid/",
    "/en/news/rss/",
    "/zoeken/?q=zwermsessie",
    "/zoeken/?q=ontbijt",
    "/en/search/?q=swarm",
    "/en/search/?q=breakfast",
    "/de/suche/?q=",
    "/agenda/?sector=overheid",
    "/agenda/?year=2012",
    "/en/agenda/?year=2012",
    "/agenda/ical/",
    "/agenda/opbrengsten/?sector=overheid",
    "/netwerken/?sector=overheid",
    "/netwerken/?q=zzp",
    "/netwerken/aanmelden/",
    "/en/networks/request-listing/",
    "/de/netzwerke/eintrag-beantragen/",
]
NOT_FOUND_PATHS = ["/bestaat-niet/", "/en/does-not-exist/", "/de/gibt-es-nicht/"]


@dataclass
class Visit:
    status: int
    content_type: str
    content: bytes
    first_queries: list  # right after a content change
    warm_queries: list

    def html(self):
        return self.content.decode()


def sitemap_documents(client):
    """The parts of /sitemap.xml, index followed: {address of the part: its XML}."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    index = response.content.decode()
    assert "<sitemapindex" in index
    documents = {}
    for url in SITEMAP_LOC.findall(index):
        address = urlsplit(url)
        part = client.get(address.path, dict(parse_qsl(address.query)))
        assert part.status_code == 200, url
        documents[f"{address.path}?{address.query}" if address.query else address.path] = (
            part.content.decode()
        )
    return documents


def sitemap_paths(client):
    """Paths of every page the sitemap lists, through its index and every part."""
    return [
        urlsplit(url).path for xml in sitemap_documents(client).values() for url in SITEMAP_LOC.findall(xml)
    ]


def walk_the_site():
    """{path: Visit} for every page above. What rendering writes (renditions) is rolled back."""
    client = Client()
    visits = {}
    with transaction.atomic():
        for path in sitemap_paths(client) + MORE_PATHS + NOT_FOUND_PATHS:
            invalidate_page_cache()
            with CaptureQueriesContext(connection) as first:
                client.get(path)
            with CaptureQueriesContext(connection) as warm:
                response = client.get(path)
            visits[path] = Visit(
                response.status_code,
                response.get("Content-Type", ""),
                response.content,
                first.captured_queries,
                warm.captured_queries,
            )
        transaction.set_rollback(True)
    for cache in caches.all():
        cache.clear()
    return visits
