"""The page explorer of the news index at growth: as many queries for 60 news items as for 5, and
each row's translation buttons still as wagtail-localize would show them."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home import translation_buttons
from home.demo import translated_page
from news.models import NewsPage
from tests.factories import StaffUserFactory

pytestmark = pytest.mark.django_db

# What grew with the rows is gone (wagtail-localize's buttons, two to four queries per page). What
# is left is Wagtail's own explorer for a communications user, the same for any number of children:
# the session, the user and their permissions, the parent page with its revisions, workflow,
# locales, usage count and wagtail-localize's header buttons (one query), the filters' choices
# (owners, editors, sites, page types, locales), the listing's own queries and the menu. Pinned, so that anything
# that starts to grow again shows here; 20 would mean replacing parts of Wagtail's explorer itself.
BUDGET = 40


@pytest.fixture
def staff_user(home_pages):
    """A member of the communications group, as staff work: not a superuser."""
    return StaffUserFactory()


@pytest.fixture
def staff(client, staff_user):
    client.force_login(staff_user)
    return client


def add_items(news_indexes, add_news, start, count):
    """News items of three kinds: translated into English (German still to do), translated into
    English and German, and Dutch only."""
    for number in range(start, start + count):
        title = f"Bericht {number}"
        languages = ("nl", "en", "de")[: 1 + number % 3]
        if len(languages) == 1:
            add_news("nl", title, revision=False)
            continue
        content = {
            code: {"title": f"{title} {code}", "slug": f"bericht-{number}-{code}"} for code in languages
        }
        content["nl"]["intro"] = "Inleiding"
        translated_page(news_indexes["nl"], NewsPage, content)


def explore(client, index):
    url = f"/admin/pages/{index.pk}/"
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return response.content.decode(), [query["sql"] for query in queries.captured_queries]


def translation_links(html, page):
    """The translation buttons in the row of ``page``: the URLs of its "More" menu about translating."""
    row = html.split(f'data-object-id="{page.pk}"', 1)[1].split("</tr>", 1)[0]
    return sorted(re.findall(r'href="(/admin/localize/[^"]*)"', row.replace("&amp;", "&")))


def expected_links(page, user, next_url):
    """What wagtail-localize's own function shows for ``page``, the way Wagtail asks it."""
    buttons = translation_buttons.REPLACED(page=page, user=user, next_url=next_url)
    return sorted(button.url for button in buttons)


def test_the_news_explorer_asks_the_same_queries_for_5_and_60_items(staff, news_indexes, add_news):
    index = news_indexes["nl"]
    add_items(news_indexes, add_news, 0, 5)
    explore(staff, index)  # per-process caches (content types, URL resolvers) warm, as in use
    _html, few = explore(staff, index)

    add_items(news_indexes, add_news, 5, 55)
    html, many = explore(staff, index)

    assert len(many) == len(few) <= BUDGET, "\n".join(many)
    assert html.count("data-object-id=") >= 50  # a full page of rows


def test_each_row_offers_the_translation_buttons_wagtail_localize_would(
    staff, staff_user, news_indexes, add_news
):
    index = news_indexes["nl"]
    add_items(news_indexes, add_news, 0, 6)

    html, _queries = explore(staff, index)

    pages = list(NewsPage.objects.child_of(index))
    offered = {page.pk: translation_links(html, page) for page in pages}
    assert offered == {
        page.pk: expected_links(page, staff_user, f"/admin/pages/{index.pk}/") for page in pages
    }
    # All three kinds are there: only "Translate", "Translate" and "Sync", only "Sync".
    assert {tuple("/submit/" in link for link in links) for links in offered.values()} == {
        (True,),
        (True, False),
        (False,),
    }


def test_a_pages_header_offers_the_translation_buttons_wagtail_localize_would(
    staff, staff_user, news_indexes, add_news
):
    """The header of a page in the explorer, of each kind; its answers in one query, not four."""
    index = news_indexes["nl"]
    add_items(news_indexes, add_news, 0, 3)
    offered = {}
    for page in NewsPage.objects.child_of(index):
        html, queries = explore(staff, page)  # a news item has no children: the header's links only
        offered[page.pk] = sorted(re.findall(r'href="(/admin/localize/[^"]*)"', html.replace("&amp;", "&")))
        assert offered[page.pk] == expected_links(page, staff_user, f"/admin/pages/{page.pk}/")
        assert sum("wagtail_localize_" in query for query in queries) == 1
    # All three kinds: only "Translate", "Translate" and "Sync", only "Sync".
    assert {tuple("/submit/" in link for link in links) for links in offered.values()} == {
        (True,),
        (True, False),
        (False,),
    }
