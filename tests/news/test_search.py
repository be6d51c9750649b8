import datetime
import re

import pytest
from django.db import connection
from django.db.models import F
from django.test.utils import CaptureQueriesContext
from modelsearch.tasks import insert_or_update_object_task
from wagtail.models import Page
from wagtail.search.backends import get_search_backend
from wagtail.search.backends.database import SearchBackend as wagtail_backend

from home.search import PostgresQueryCompiler, count_up_to
from tests.factories import StaffUserFactory
from tests.news.conftest import empty_shared_caches

RESULT_LINK = 'class="search-result__title"><a href="'


def result_urls(response):
    assert response.status_code == 200
    html = response.content.decode()
    return [part.split('"', 1)[0] for part in html.split(RESULT_LINK)[1:]]


@pytest.fixture
def searchable(add_news):
    return {
        "nl": add_news("nl", "Verslag uit Wehl", body="Een kwartelkoning zat aan de thematafel."),
        "en": add_news("en", "Report from Wehl", body="A kwartelkoning sat at the theme table."),
        "de": add_news("de", "Bericht aus Wehl", body="Ein Wachtelkönig saß am Thementisch."),
    }


@pytest.mark.django_db
def test_search_finds_a_word_that_only_occurs_in_the_body(client, searchable):
    assert result_urls(client.get("/zoeken/", {"q": "kwartelkoning"})) == [searchable["nl"].url]


@pytest.mark.django_db
def test_search_never_returns_another_language(client, searchable):
    assert result_urls(client.get("/en/search/", {"q": "kwartelkoning"})) == [searchable["en"].url]
    assert result_urls(client.get("/de/suche/", {"q": "kwartelkoning"})) == []
    assert result_urls(client.get("/zoeken/", {"q": "Wachtelkönig"})) == []
    assert result_urls(client.get("/de/suche/", {"q": "Wachtelkönig"})) == [searchable["de"].url]


@pytest.mark.django_db
def test_search_highlights_title_and_intro(client, searchable):
    html = client.get("/zoeken/", {"q": "wehl"}).content.decode()
    assert "Verslag uit <mark>Wehl</mark>" in html
    assert "1 resultaat voor “wehl”" in html


@pytest.mark.django_db
def test_search_finds_other_page_types_too(client, searchable, home_pages):
    urls = result_urls(client.get("/en/search/", {"q": "freelancers"}))
    assert home_pages["en"].url in urls


@pytest.mark.django_db
def test_search_results_are_paginated(client, add_news):
    for number in range(12):
        add_news("nl", f"Zwermbericht {number}", datetime.date(2012, 1, 1 + number), revision=False)
    first = client.get("/zoeken/", {"q": "zwermbericht"})
    assert len(result_urls(first)) == 10
    assert "12 resultaten" in first.content.decode()
    assert 'href="?q=zwermbericht&amp;page=2"' in first.content.decode()
    assert len(result_urls(client.get("/zoeken/", {"q": "zwermbericht", "page": "2"}))) == 2
    assert len(result_urls(client.get("/zoeken/", {"q": "zwermbericht", "page": "99"}))) == 2
    assert client.get("/zoeken/", {"q": "zwermbericht", "page": "twee"}).status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("", "Typ een of meer woorden om naar te zoeken"),
        ("   ", "Typ een of meer woorden om naar te zoeken"),
        ("wehl " * 60, "Die zoekopdracht is te lang."),
        ("?!*&%$ ''' ---", "alleen leestekens en symbolen vinden niets"),
    ],
)
def test_empty_and_absurd_queries_get_a_friendly_answer(client, searchable, query, message):
    response = client.get("/zoeken/", {"q": query})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert result_urls(response) == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query", ['kwartel" OR (', "NOT kwartelkoning", "NEAR(kwartelkoning wehl)", "kwartel*", "a\x00b"]
)
def test_query_syntax_is_taken_as_plain_words(client, searchable, query):
    """Full-text syntax in a query never reaches the search engine as syntax."""
    response = client.get("/zoeken/", {"q": query})
    assert response.status_code == 200


@pytest.mark.django_db
def test_nothing_found_is_said_in_the_visitors_language(client, searchable):
    html = client.get("/de/suche/", {"q": "zebrapad"}).content.decode()
    assert "Nichts gefunden für „zebrapad“" in html


@pytest.mark.django_db
def test_header_has_a_search_box_in_every_language(client, home_pages):
    for url, action, label in (
        ("/", "/zoeken/", "Doorzoek de site"),
        ("/en/", "/en/search/", "Search the site"),
        ("/de/", "/de/suche/", "Website durchsuchen"),
    ):
        html = client.get(url).content.decode()
        assert f'<form class="container header-search" action="{action}" method="get" role="search">' in html
        assert f'for="header-search-q" class="visually-hidden">{label}</label>' in html


@pytest.mark.django_db
def test_search_page_switches_language_keeping_the_query(client, searchable):
    html = client.get("/zoeken/", {"q": "wehl"}).content.decode()
    assert 'href="/en/search/?q=wehl"' in html


@pytest.mark.django_db
@pytest.mark.parametrize("most_ranked", [500, 3], ids=["ranked", "newest first"])
def test_search_queries_do_not_grow_with_the_number_of_results(
    client, add_news, django_assert_num_queries, monkeypatch, most_ranked
):
    """A page of results from 5 or from 60 matches: the same queries, within the budget of 12; ranked,
    or newest first once there are more than are ranked."""
    monkeypatch.setattr("news.views.MOST_RANKED", most_ranked)

    def add(count, offset):
        for number in range(count):
            add_news(
                "nl",
                f"Zwermsessie {offset + number}",
                body="Een kwartelkoning zat aan de thematafel.",
                revision=False,
            )

    # A word only these items hold: PostgreSQL's stemming also finds "thematafel" on the home page.
    url = "/zoeken/?q=kwartelkoning"
    add(5, 0)
    empty_shared_caches(client, url)
    with CaptureQueriesContext(connection) as first_with_five:  # searched and counted
        assert len(result_urls(client.get(url))) == min(5, most_ranked)
    with CaptureQueriesContext(connection) as with_five:  # remembered
        assert len(result_urls(client.get(url))) == min(5, most_ranked)
    first_queries_with_five, queries_with_five = len(first_with_five), len(with_five)
    assert queries_with_five <= 12
    add(55, 5)
    empty_shared_caches(client, url)
    with django_assert_num_queries(first_queries_with_five):
        assert len(result_urls(client.get(url))) == min(10, most_ranked)
    with django_assert_num_queries(queries_with_five):
        assert len(result_urls(client.get(url))) == min(10, most_ranked)


def index_queries(queries):
    return [query["sql"] for query in queries if "wagtailsearch_indexentry" in query["sql"]]


@pytest.mark.django_db
def test_a_repeated_search_reads_the_results_it_remembers_until_content_changes(client, add_news):
    """Ranking a common word's matches reads every match: paging through the results, or searching
    for the same words again, takes them from the cache until content changes."""
    for number in range(25):
        add_news("nl", f"Zwermbericht {number}", datetime.date(2012, 1, 1 + number), revision=False)
    pages = [result_urls(client.get("/zoeken/", {"q": "zwermbericht", "page": page})) for page in (1, 2, 3)]
    assert [len(urls) for urls in pages] == [10, 10, 5]
    assert len(set().union(*pages)) == 25

    for page, urls in zip((1, 2, 3), pages, strict=True):
        with CaptureQueriesContext(connection) as again:
            response = client.get("/zoeken/", {"q": "zwermbericht", "page": page})
        assert result_urls(response) == urls
        assert "25 resultaten" in response.content.decode()
        assert index_queries(again) == []

    added = add_news("nl", "Zwermbericht over Wehl", datetime.date(2013, 1, 1), revision=False)
    with CaptureQueriesContext(connection) as after_a_change:
        html = client.get("/zoeken/", {"q": "zwermbericht"}).content.decode()
    assert "26 resultaten" in html
    assert index_queries(after_a_change)
    found = [result_urls(client.get("/zoeken/", {"q": "zwermbericht", "page": page})) for page in (1, 2, 3)]
    assert added.url in set().union(*found)
    # The same words in another language are another search.
    assert result_urls(client.get("/en/search/", {"q": "zwermbericht"})) == []


@pytest.mark.django_db
def test_results_past_the_remembered_pages_come_from_the_search_backend(client, add_news, monkeypatch):
    monkeypatch.setattr("news.views.REMEMBERED_RESULTS", 10)
    for number in range(25):
        add_news("nl", f"Zwermbericht {number}", datetime.date(2012, 1, 1 + number), revision=False)
    pages = [result_urls(client.get("/zoeken/", {"q": "zwermbericht", "page": page})) for page in (1, 2, 3)]
    with CaptureQueriesContext(connection) as third_again:
        assert result_urls(client.get("/zoeken/", {"q": "zwermbericht", "page": 3})) == pages[2]
    assert [len(urls) for urls in pages] == [10, 10, 5]
    assert len(set().union(*pages)) == 25
    # Ranked again for the page, not counted again.
    assert len(index_queries(third_again)) == 1
    assert "COUNT(" not in index_queries(third_again)[0]


@pytest.mark.django_db
def test_a_page_indexed_after_its_publication_is_found_once_it_is(client, add_news, settings):
    """In production the search index is written by the task worker a moment after a page is saved:
    a search in between must not remember the results without it until the next change."""
    client.get("/zoeken/", {"q": "wehl"})  # what a first request writes (the site's settings rows)
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    added = add_news("nl", "Verslag uit Wehl", body="Een kwartelkoning zat aan de thematafel.")
    assert result_urls(client.get("/zoeken/", {"q": "kwartelkoning"})) == []

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    insert_or_update_object_task.enqueue("news", "newspage", str(added.pk))  # what the worker runs
    assert result_urls(client.get("/zoeken/", {"q": "kwartelkoning"})) == [added.url]


@pytest.mark.django_db
def test_site_backend_ranks_as_wagtails_own_with_the_query_computed_once(add_news, home_pages):
    """home.search changes how PostgreSQL computes a search, never its results or their order."""
    add_news("nl", "Zwermen in Wehl", body="Wehl aan tafel, zwermen aan tafel.")
    add_news("nl", "Ontbijt in Doetinchem", body="Na het ontbijt zwermen in Wehl.")
    add_news("nl", "Tafels in Wehl", body="Drie tafels.")
    add_news("nl", "Verslag", body="Wehl Wehl Wehl en zwermen.")
    ours, wagtails = get_search_backend(), wagtail_backend({})
    pages = Page.objects.live()
    if connection.vendor != "postgresql":
        assert type(ours) is type(wagtails)  # SQLite: Wagtail's backend as it is
        return
    for words in ("wehl", "zwermen wehl", "tafel", "onvindbaar"):
        expected = wagtails.search(words, pages, operator="and").annotate_score("score")
        found = ours.search(words, pages, operator="and").annotate_score("score")
        assert [(page.pk, page.score) for page in found] == [(page.pk, page.score) for page in expected]
        assert found.count() == expected.count()
    with CaptureQueriesContext(connection) as queries:
        list(ours.search("wehl", pages, operator="and"))
    sql = queries[0]["sql"]
    assert sql.count("(SELECT to_tsquery(") == 3  # the filter and both ranks: each an InitPlan
    assert '"_vector_"' not in sql.split(" FROM ", 1)[0]  # filtered on, not selected


def published_on(pages_and_days):
    """Set each page's first publication to a day of January 2024, or to none (None): a page made live
    without Wagtail's publish, as a bulk import leaves it."""
    for page, day in pages_and_days:
        published = None if day is None else datetime.datetime(2024, 1, day, 9, tzinfo=datetime.UTC)
        Page.objects.filter(pk=page.pk).update(first_published_at=published)


@pytest.mark.django_db
def test_a_word_in_more_pages_than_are_ranked_lists_the_newest_first(client, add_news, monkeypatch):
    monkeypatch.setattr("news.views.MOST_RANKED", 6)
    items = [add_news("nl", f"Zwermbericht {number}", revision=False) for number in range(7)]
    published_on(zip(items, [3, 1, 6, None, 2, 5, None], strict=True))

    response = client.get("/zoeken/", {"q": "zwermbericht"})
    html = response.content.decode()
    # Newest first, the two never published last (the later made first); six of the seven.
    assert result_urls(response) == [items[index].url for index in (2, 5, 0, 4, 1, 6)]
    assert "Meer dan 6 resultaten voor “zwermbericht”." in html
    assert "Hieronder de 6 die het laatst zijn gepubliceerd, de nieuwste eerst" in html
    assert "resultaten voor “zwermbericht”</p>" not in html  # not the ranked count

    # Another word narrows it down to as many as are ranked: by relevance again, with the count.
    add_news("nl", "Zwermbericht over Wehl", body="Zwermbericht: zwermen in Wehl.", revision=False)
    html = client.get("/zoeken/", {"q": "zwermbericht wehl"}).content.decode()
    assert "1 resultaat voor “zwermbericht wehl”" in html
    assert "Meer dan" not in html


@pytest.mark.django_db
def test_the_newest_first_are_paged_and_end_where_the_ranked_would(client, add_news, monkeypatch):
    monkeypatch.setattr("news.views.MOST_RANKED", 5)
    monkeypatch.setattr("news.views.SEARCH_RESULTS_PER_PAGE", 2)
    monkeypatch.setattr("news.views.REMEMBERED_RESULTS", 2)  # pages 2 and 3 from the search backend
    items = [add_news("nl", f"Zwermbericht {number}", revision=False) for number in range(8)]
    published_on(zip(items, [4, 8, 1, 7, 3, 6, 2, 5], strict=True))
    newest = [items[index].url for index in (1, 3, 5, 7, 0)]

    pages = [result_urls(client.get("/zoeken/", {"q": "zwermbericht", "page": page})) for page in (1, 2, 3)]
    assert pages == [newest[:2], newest[2:4], newest[4:]]
    last = client.get("/zoeken/", {"q": "zwermbericht", "page": "99"})
    assert result_urls(last) == newest[4:]
    assert "Meer dan 5 resultaten" in last.content.decode()


@pytest.fixture
def wehl_news(add_news):
    """Matches of "wehl" published on different days, two never published, and newer pages that
    do not match (the home pages and two news items, published now)."""
    matching = [
        add_news("nl", f"Zwermen in Wehl {number}", body="Wehl aan tafel.", revision=False)
        for number in range(8)
    ]
    published_on(zip(matching, [5, None, 2, 8, 1, None, 7, 3], strict=True))
    add_news("nl", "Ontbijt in Doetinchem", body="Aan tafel.")
    add_news("en", "Breakfast in Doetinchem", body="At the table.")
    return matching


@pytest.mark.django_db
@pytest.mark.parametrize("window", [200, 3])
def test_site_backend_lists_pages_in_their_order_as_wagtails_own(wehl_news, monkeypatch, window):
    """A search in the pages' own order (``order_by_relevance=False``): the same pages in the same
    order as Wagtail's backend, from the first pages looked at one by one (a window of 200) or, when
    the window holds too few matches (3), from all matches."""
    monkeypatch.setattr(PostgresQueryCompiler, "WINDOW", window)
    ours, wagtails = get_search_backend(), wagtail_backend({})
    pages = Page.objects.live().order_by(F("first_published_at").desc(nulls_last=True), "-id")
    for words in ("wehl", "tafel wehl", "onvindbaar"):
        expected = [
            page.pk for page in wagtails.search(words, pages, operator="and", order_by_relevance=False)
        ]
        assert (len(expected) == 8) is (words != "onvindbaar")
        for start, stop in [(0, 2), (0, 8), (2, 6), (6, 20)]:
            found = ours.search(words, pages, operator="and", order_by_relevance=False)[start:stop]
            assert [page.pk for page in found] == expected[start:stop]
    if connection.vendor != "postgresql":
        assert type(ours) is type(wagtails)  # SQLite: Wagtail's backend as it is
        return
    with CaptureQueriesContext(connection) as first_two:
        list(ours.search("wehl", pages, operator="and", order_by_relevance=False)[:2])
    all_matches = [query["sql"] for query in first_two if ") IS TRUE" in query["sql"]]
    # Within the window, only the window's pages are looked up; past it, every match once.
    assert len(first_two) == (1 if window == 200 else 2)
    assert len(all_matches) == (0 if window == 200 else 1)
    assert "JOIN" not in first_two[-1]["sql"]


@pytest.mark.django_db
def test_counting_up_to_a_limit(wehl_news):
    pages = Page.objects.live()
    backend = get_search_backend()
    for limit in (1, 7, 8, 9, 100):
        assert count_up_to(backend.search("wehl", pages, operator="and"), limit) == min(8, limit)
    assert count_up_to(backend.search("onvindbaar", pages, operator="and"), 5) == 0
    if connection.vendor == "postgresql":
        with CaptureQueriesContext(connection) as queries:
            count_up_to(backend.search("wehl", pages, operator="and"), 3)
        assert "LIMIT 3" in queries[-1]["sql"]
        assert "ts_rank" not in queries[-1]["sql"]


@pytest.mark.django_db
@pytest.mark.parametrize("ordering", ["", "-latest_revision_created_at", "title"])
def test_the_admins_page_search_finds_what_wagtails_own_backend_finds(client, wehl_news, settings, ordering):
    """The admin's page search (Wagtail's autocomplete, in the order of a column or by relevance)
    through the site's backend: the same pages in the same order as through Wagtail's."""
    client.force_login(StaffUserFactory())
    address = f"/admin/pages/search/?q=wehl&ordering={ordering}"

    def found():
        response = client.get(address)
        assert response.status_code == 200
        return re.findall(r'href="/admin/pages/(\d+)/edit/"', response.content.decode())

    ours = found()
    settings.WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
    assert ours == found()
    assert {str(page.pk) for page in wehl_news} <= set(ours)
