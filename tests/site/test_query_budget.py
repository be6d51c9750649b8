"""Query budgets: every public page renders uncached in at most 12 SQL queries (issue 7).

The full-page cache is off in the test settings, so these are the queries of a real render. The walk
(tests/site/pages.py) renders each page twice: what is remembered across requests until content
changes (site chrome, routes, translations) is warm on a running site too. The first render of a page
after an editor publishes pays for that memory once; that cost has a ceiling of its own.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.cache import invalidate_page_cache
from tests.site.pages import MORE_PATHS, NOT_FOUND_PATHS

BUDGET = 12
# The first render after a publish: the page's own queries plus building its route, the menu,
# footer and settings, and its translations' addresses.
FIRST_RENDER_BUDGET = 34


def public_pages(site_walk):
    visits = {path: visit for path, visit in site_walk.items() if path not in NOT_FOUND_PATHS}
    assert len(visits) > 50 + len(MORE_PATHS)
    assert {path: visit.status for path, visit in visits.items() if visit.status != 200} == {}
    return visits


@pytest.mark.django_db
def test_every_public_page_renders_within_the_budget(site_walk):
    over = {
        path: visit.warm_queries
        for path, visit in public_pages(site_walk).items()
        if len(visit.warm_queries) > BUDGET
    }
    report = "\n".join(
        f"{path}: {len(queries)}\n    " + "\n    ".join(q["sql"][-250:] for q in queries)
        for path, queries in over.items()
    )
    assert not over, report


@pytest.mark.django_db
def test_first_render_after_a_publish_stays_within_its_ceiling(site_walk, demo_site, client):
    counts = {path: len(visit.first_queries) for path, visit in public_pages(site_walk).items()}
    worst = max(counts, key=counts.get)
    assert counts[worst] <= FIRST_RENDER_BUDGET, f"{worst}: {counts[worst]}"
    # The memory is per content generation: one page's first render warms the frame for the next.
    invalidate_page_cache()
    client.get("/en/about/")
    with CaptureQueriesContext(connection) as privacy:
        client.get("/en/privacy/")
    assert len(privacy.captured_queries) < counts["/en/privacy/"]
