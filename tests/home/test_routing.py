import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

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
