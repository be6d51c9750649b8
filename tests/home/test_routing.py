import hashlib
import inspect

import pytest
import wagtail
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from home import routing
from home.models import ContentPage


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return response, len(queries)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url", ["/en/about/", "/nieuws/", "/nieuws/rss/", "/de/neuigkeiten/atom/", "/agenda/ical/"]
)
def test_a_remembered_route_answers_the_same_with_fewer_queries(demo_site, client, url):
    cache.clear()
    first, first_count = count_queries(client, url)
    second, second_count = count_queries(client, url)
    assert first.status_code == second.status_code == 200
    assert first["Content-Type"] == second["Content-Type"]
    assert second_count < first_count


@pytest.mark.django_db
def test_an_unpublished_page_is_not_served_from_a_remembered_route(demo_site, client):
    assert client.get("/en/about/").status_code == 200
    ContentPage.objects.get(locale__language_code="en", slug="about").unpublish()
    assert client.get("/en/about/").status_code == 404


@pytest.mark.django_db
def test_unknown_sub_paths_still_give_404(demo_site, client):
    assert client.get("/nieuws/").status_code == 200
    assert client.get("/nieuws/bestaat-niet/").status_code == 404
    assert client.get("/nieuws/bestaat-niet/").status_code == 404


# Written against Wagtail 8.0: the source of each Wagtail function home/routing.py wraps or leans on.
WAGTAIL_SOURCES = {
    "Page.get_view_restrictions": "f41021bde7cdda11",
    "PageQuerySet.private_q": "eb30b1c0017f13c2",
    "Page.route_for_request": "5530d229b2de42ba",
}


def test_the_wagtail_code_routing_wraps_is_the_code_it_was_written_for():
    """home/routing.py wraps two Wagtail methods and fills the route cache that route_for_request
    reads. When a Wagtail upgrade changes any of them this fails: read the new code, check that the
    shortcut still means "no restriction anywhere, nothing to filter", then record the new digests."""
    functions = {**routing.WRAPPED, "Page.route_for_request": Page.route_for_request}
    digests = {
        name: hashlib.sha256(inspect.getsource(function).encode()).hexdigest()[:16]
        for name, function in functions.items()
    }
    assert digests == WAGTAIL_SOURCES, f"Wagtail {wagtail.__version__} changed what home/routing.py wraps"
    assert Page.get_view_restrictions._pr8werk_shortcut
    assert "_wagtail_route_for_request" in inspect.getsource(Page.route_for_request)
