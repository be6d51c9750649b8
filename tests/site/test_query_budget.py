"""Query budgets: every public page renders uncached in at most 12 SQL queries (issue 7).

The full-page cache is off in the test settings, so these are the queries of a real render. Each
page is requested once first: what is remembered across requests until content changes (site
chrome, routes, translations) is warm on a running site too. The first render of a page after an
editor publishes pays for that memory once; that cost has a ceiling of its own.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.site.pages import sitemap_paths

BUDGET = 12
# The first render after a publish: the page's own queries plus building its route, the menu,
# footer and settings, and its translations' addresses.
FIRST_RENDER_BUDGET = 34

# Public addresses the sitemap does not list: filters, later pages, feeds, search, calendars and
# the forms of the network directory.
MORE_PATHS = [
    "/nieuws/?page=2",
    "/nieuws/?sector=overheid",
    "/nieuws/?tag=zwermsessie",
    "/nieuws/rss/",
    "/nieuws/atom/overheid/",
    "/en/news/rss/",
    "/zoeken/?q=zwermsessie",
    "/en/search/?q=swarm",
    "/agenda/?sector=overheid",
    "/agenda/ical/",
    "/agenda/opbrengsten/?sector=overheid",
    "/netwerken/?sector=overheid",
    "/netwerken/?q=zzp",
    "/netwerken/aanmelden/",
]


def count_queries(client, path):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(path)
    assert response.status_code == 200, path
    return len(ctx.captured_queries), ctx.captured_queries


@pytest.mark.django_db
def test_every_public_page_renders_within_the_budget(client, demo_site):
    paths = sitemap_paths(client)
    assert len(paths) > 50
    paths += MORE_PATHS
    over = {}
    for path in paths:
        client.get(path)
        count, queries = count_queries(client, path)
        if count > BUDGET:
            over[path] = (count, [q["sql"][-250:] for q in queries])
    report = "\n".join(f"{path}: {count}\n    " + "\n    ".join(sqls) for path, (count, sqls) in over.items())
    assert not over, report


@pytest.mark.django_db
def test_first_render_after_a_publish_stays_within_its_ceiling(client, demo_site):
    from home.cache import invalidate_page_cache

    paths = sitemap_paths(client) + MORE_PATHS
    counts = {}
    for path in paths:
        invalidate_page_cache()
        counts[path], _ = count_queries(client, path)
    worst = max(counts, key=counts.get)
    assert counts[worst] <= FIRST_RENDER_BUDGET, f"{worst}: {counts[worst]}"
    # The memory is per content generation: one page's first render warms the frame for the next.
    invalidate_page_cache()
    count_queries(client, "/en/about/")
    assert count_queries(client, "/en/privacy/")[0] < counts["/en/privacy/"]
