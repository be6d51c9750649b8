from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.http import Http404
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import timezone, translation

from home.pagination import paginate


def page_of(query, items=range(1, 1001), per_page=10):
    return paginate(RequestFactory().get("/nieuws/" + query), list(items), per_page)


def test_a_long_list_links_its_ends_and_the_neighbours_of_the_current_page():
    page = page_of("?page=50&sector=overheid")
    assert page.object_list[0] == 491
    assert page.page_links == [1, page.ellipsis, 48, 49, 50, 51, 52, page.ellipsis, 100]

    with translation.override("nl"):  # a test before may have left another language active
        html = render_to_string("includes/pagination.html", {"paged": page}, request=page_request())
    assert html.count("<a ") == 8  # previous, 1, 48, 49, 51, 52, 100, next
    assert 'href="?page=100&amp;sector=overheid"' in html
    assert '<span aria-current="page"><span class="visually-hidden">Pagina </span>50</span>' in html
    assert html.count('<span class="pagination__gap">…</span>') == 2


def page_request():
    return RequestFactory().get("/nieuws/?page=50&sector=overheid")


@pytest.mark.parametrize(
    ("query", "number"), [("", 1), ("?page=", 1), ("?page=0", 1), ("?page=-3", 1), ("?page=999", 100)]
)
def test_a_page_past_either_end_shows_the_nearest(query, number):
    assert page_of(query).number == number


@pytest.mark.parametrize("raw", ["abc", "1.5", "%00", "9" * 5000])
def test_a_page_number_that_is_no_number_is_not_found(raw):
    with pytest.raises(Http404):
        page_of(f"?page={raw}")


def test_a_short_list_has_no_pagination():
    page = page_of("", items=range(5))
    assert render_to_string("includes/pagination.html", {"paged": page}, request=page_request()).strip() == ""


@pytest.mark.django_db
def test_pages_of_the_back_half_are_read_from_the_end_and_are_the_same_pages(django_assert_num_queries):
    """Ties on the first sort key included: the reversed order mirrors the list through the pk."""
    joined = timezone.now()
    User.objects.bulk_create(
        User(username=f"user{number:02}", date_joined=joined - timedelta(days=number // 3))
        for number in range(25)
    )
    users = User.objects.order_by("-date_joined", "-pk")
    expected = list(users)
    for number in range(1, 4):
        with django_assert_num_queries(2) as queries:  # the count, the page
            page = paginate(RequestFactory().get(f"/?page={number}"), users.all(), 10)
            rows = list(page.object_list)
        assert rows == expected[(number - 1) * 10 : number * 10]
        read_from_the_end = '"date_joined" ASC' in queries.captured_queries[-1]["sql"]
        assert read_from_the_end == (number == 3)
        assert (page.start_index(), page.end_index()) == ((number - 1) * 10 + 1, min(number * 10, 25))


@pytest.mark.django_db
def test_a_list_not_ordered_down_to_its_pk_is_read_from_the_front():
    User.objects.bulk_create(User(username=f"user{number:02}") for number in range(25))
    page = paginate(RequestFactory().get("/?page=3"), User.objects.order_by("username"), 10)
    assert [user.username for user in page.object_list] == ["user20", "user21", "user22", "user23", "user24"]
    assert "DESC" not in str(page.object_list.query)
