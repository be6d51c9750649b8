import datetime
import re

import pytest
from django.db import connection
from django.template.engine import Engine
from django.test.utils import CaptureQueriesContext
from wagtail.images.models import Rendition
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from home.images import NEWS_CARD_SPECS
from home.models import HomePage
from news.models import NewsIndexPage, NewsPage
from tests.news.conftest import empty_shared_caches

TITLE_RE = re.compile(r'class="card__title news-card__title"><a href="[^"]+">([^<]+)</a>')


def titles(response):
    assert response.status_code == 200
    return TITLE_RE.findall(response.content.decode())


class TestPageTypeRules(WagtailPageTestCase):
    def test_news_index_under_home_and_news_under_index(self):
        self.assertCanCreateAt(HomePage, NewsIndexPage)
        self.assertCanCreateAt(NewsIndexPage, NewsPage)
        self.assertCanNotCreateAt(HomePage, NewsPage)
        self.assertAllowedParentPageTypes(NewsIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(NewsPage, {})


@pytest.fixture
def topical_news(add_news):
    """Four Dutch items: one per combination of sector 'overheid' and tag 'zwermsessie'."""
    return {
        "neither": add_news(
            "nl", "Ondernemers ontbijten", datetime.date(2012, 1, 1), in_sectors=["ondernemers"]
        ),
        "sector": add_news("nl", "Gemeenten kopen in", datetime.date(2012, 2, 1), in_sectors=["overheid"]),
        "tag": add_news("nl", "Zwermen met zorg", datetime.date(2012, 3, 1), topics=["zwermsessie"]),
        "both": add_news(
            "nl",
            "Gemeente zwermt",
            datetime.date(2012, 4, 1),
            in_sectors=["overheid"],
            topics=["zwermsessie", "inkoop"],
        ),
    }


@pytest.mark.django_db
def test_index_lists_news_newest_first(client, topical_news):
    assert titles(client.get("/nieuws/")) == [
        "Gemeente zwermt",
        "Zwermen met zorg",
        "Gemeenten kopen in",
        "Ondernemers ontbijten",
    ]


@pytest.mark.django_db
def test_filter_by_sector(client, topical_news):
    response = client.get("/nieuws/?sector=overheid")
    assert titles(response) == ["Gemeente zwermt", "Gemeenten kopen in"]
    html = response.content.decode()
    # The active filter is shown, with a link that removes it.
    assert 'class="active-filter" href="?"' in html or 'class="active-filter" href=""' in html
    assert "2 nieuwsberichten" in html


@pytest.mark.django_db
def test_filter_by_tag(client, topical_news):
    assert titles(client.get("/nieuws/?tag=zwermsessie")) == ["Gemeente zwermt", "Zwermen met zorg"]


@pytest.mark.django_db
def test_filter_by_sector_and_tag(client, topical_news):
    response = client.get("/nieuws/?sector=overheid&tag=zwermsessie")
    assert titles(response) == ["Gemeente zwermt"]
    html = response.content.decode()
    # Each active filter can be removed on its own, keeping the other.
    assert 'class="active-filter" href="?tag=zwermsessie"' in html
    assert 'class="active-filter" href="?sector=overheid"' in html
    assert 'aria-current="true">Overheid</a>' in html


@pytest.mark.django_db
def test_filter_without_matches_says_so(client, topical_news):
    response = client.get("/nieuws/?sector=organisaties")
    assert titles(response) == []
    assert "Er is nog geen nieuws met deze filters." in response.content.decode()


@pytest.mark.django_db
def test_sector_slug_filters_in_every_language(client, add_news):
    """The slug is the same in every locale; the English page shows the English name of the sector."""
    add_news("en", "Councils buy locally", in_sectors=["overheid"])
    add_news("en", "Businesses meet", in_sectors=["ondernemers"])
    response = client.get("/en/news/?sector=overheid")
    assert titles(response) == ["Councils buy locally"]
    assert 'aria-current="true">Government</a>' in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query", ["sector=bestaat-niet", "tag=bestaat-niet", "sector=%00", "tag=%3Cscript%3E", "tag=" + "x" * 300]
)
def test_unknown_filter_is_a_404(client, topical_news, query):
    assert client.get(f"/nieuws/?{query}").status_code == 404


@pytest.mark.django_db
def test_index_shows_only_its_own_language(client, add_news):
    add_news("nl", "Alleen Nederlands")
    add_news("de", "Nur auf Deutsch")
    assert titles(client.get("/nieuws/")) == ["Alleen Nederlands"]
    assert titles(client.get("/de/neuigkeiten/")) == ["Nur auf Deutsch"]


@pytest.fixture
def twenty_three_items(add_news):
    start = datetime.date(2012, 1, 1)
    return [
        add_news("nl", f"Bericht {number:02d}", start + datetime.timedelta(days=number), revision=False)
        for number in range(1, 24)
    ]


@pytest.mark.django_db
def test_pagination_pages(client, twenty_three_items):
    first = titles(client.get("/nieuws/"))
    assert first == [f"Bericht {number:02d}" for number in range(23, 13, -1)]
    assert titles(client.get("/nieuws/?page=2"))[0] == "Bericht 13"
    last = client.get("/nieuws/?page=3")
    assert titles(last) == ["Bericht 03", "Bericht 02", "Bericht 01"]
    html = last.content.decode()
    assert "pagina 3 van 3" in html
    assert 'rel="prev"' in html and 'rel="next"' not in html


@pytest.mark.django_db
def test_pagination_keeps_the_filter(client, add_news):
    for number in range(12):
        add_news("nl", f"Overheid {number:02d}", datetime.date(2012, 1, 1 + number), in_sectors=["overheid"])
    html = client.get("/nieuws/?sector=overheid").content.decode()
    assert 'href="?sector=overheid&amp;page=2"' in html


@pytest.mark.django_db
def test_page_out_of_range_gives_the_nearest_page(client, twenty_three_items):
    for page, first_title in (
        ("4", "Bericht 03"),
        ("999", "Bericht 03"),
        ("0", "Bericht 23"),
        ("-2", "Bericht 23"),
    ):
        assert titles(client.get(f"/nieuws/?page={page}"))[0] == first_title, page


@pytest.mark.django_db
def test_page_that_is_not_a_number_is_a_404(client, twenty_three_items):
    for page in ("abc", "1.5", "9" * 5000, "%00", "1e3"):
        assert client.get(f"/nieuws/?page={page}").status_code == 404, page[:10]


@pytest.mark.django_db
def test_empty_index_has_a_friendly_text(client, news_indexes):
    response = client.get("/en/news/?page=7")
    assert response.status_code == 200
    assert "There is no news yet." in response.content.decode()


@pytest.mark.django_db
def test_index_queries_do_not_grow_with_the_number_of_items(
    client, add_news, lead_image, django_assert_num_queries
):
    """5 or 60 items with image, sectors and tags: the same number of queries, within the budget."""

    def add(count, offset):
        for number in range(count):
            add_news(
                "nl",
                f"Bericht {offset + number}",
                datetime.date(2012, 1, 1) + datetime.timedelta(days=offset + number),
                in_sectors=["overheid", "ondernemers"],
                topics=["zwermsessie", "inkoop"],
                image=lead_image,
                revision=False,
            )

    add(5, 0)
    lead_image.get_renditions(*NEWS_CARD_SPECS)
    empty_shared_caches(client, "/nieuws/")
    client.get("/nieuws/")  # what a running site remembers between requests (chrome, routes)
    with CaptureQueriesContext(connection) as with_five:
        assert client.get("/nieuws/").status_code == 200
    # Counted now: the context reads its queries from the connection's log, which moves on.
    queries_with_five = len(with_five)
    assert 2 < queries_with_five <= 12
    add(55, 5)
    empty_shared_caches(client, "/nieuws/")
    client.get("/nieuws/")
    with django_assert_num_queries(queries_with_five):
        response = client.get("/nieuws/")
    assert len(titles(response)) == 10


@pytest.mark.django_db
def test_list_images_are_prefetched_renditions(
    client, add_news, lead_image, django_capture_on_commit_callbacks
):
    """Publishing makes the renditions (a task after the commit), so the list only reads them."""
    with django_capture_on_commit_callbacks(execute=True):
        add_news("nl", "Met beeld", image=lead_image)
    specs = set(Rendition.objects.filter(image=lead_image).values_list("filter_spec", flat=True))
    assert {"fill-640x360|format-avif", "fill-1200x675|format-jpeg", "fill-1200x630"} <= specs
    html = client.get("/nieuws/").content.decode()
    assert 'class="news-card__image"' in html
    assert Rendition.objects.filter(image=lead_image).count() == len(specs)


@pytest.mark.django_db
def test_home_page_shows_the_three_latest_news_of_its_language(client, add_news):
    for number in range(1, 5):
        add_news("nl", f"Thuisbericht {number}", datetime.date(2013, number, 1))
    add_news("en", "English only news", datetime.date(2014, 1, 1))
    html = client.get("/").content.decode()
    assert "Laatste nieuws" in html
    for number in (4, 3, 2):
        assert f"Thuisbericht {number}" in html
    assert "Thuisbericht 1" not in html
    assert "English only news" not in html
    assert 'href="/nieuws/"' in html
    assert "English only news" in client.get("/en/").content.decode()


@pytest.mark.django_db
def test_home_page_remembers_its_latest_news_with_their_images_until_the_news_changes(
    client, add_news, lead_image
):
    """The home page is the most visited page: its latest news costs a cache read, not three
    queries, and a publication or withdrawal shows at once."""
    Rendition.objects.filter(image=lead_image).delete()  # as before the image's task has run
    add_news("nl", "Met beeld", datetime.date(2013, 1, 1), image=lead_image)
    client.get("/")  # the site's settings, made on the first visit, move the content generation on
    client.get("/")  # remembers the three and their cards, rendered with the renditions the picture tag made
    assert set(NEWS_CARD_SPECS) <= set(
        Rendition.objects.filter(image=lead_image).values_list("filter_spec", flat=True)
    )

    with CaptureQueriesContext(connection) as queries:
        html = client.get("/").content.decode()
    assert "Met beeld" in html and 'class="news-card__image"' in html
    asked = " ".join(query["sql"] for query in queries.captured_queries)
    assert "news_newspage" not in asked and "wagtailimages_rendition" not in asked, asked

    newer = add_news("nl", "Nieuwer bericht", datetime.date(2014, 1, 1))
    assert "Nieuwer bericht" in client.get("/").content.decode()
    newer.unpublish()
    assert "Nieuwer bericht" not in client.get("/").content.decode()


@pytest.mark.django_db
def test_news_cards_are_rendered_once_and_show_an_edit_at_once(client, add_news, monkeypatch):
    """The cards of the news index and the home page are kept rendered until content changes."""
    item = add_news("nl", "Oude titel", datetime.date(2013, 1, 1))
    for url in ("/nieuws/", "/"):
        client.get(url)
        assert ">Oude titel</a>" in client.get(url).content.decode()

    rendered = []
    engine_get = Engine.get_template

    def get_template(engine, name, *args, **kwargs):
        rendered.append(name)
        return engine_get(engine, name, *args, **kwargs)

    monkeypatch.setattr("django.template.engine.Engine.get_template", get_template)
    for url in ("/nieuws/", "/"):
        rendered.clear()
        client.get(url)
        assert "news/includes/news_card.html" not in rendered, url

    item.title = "Nieuwe titel"
    item.save_revision().publish()
    for url in ("/nieuws/", "/"):
        html = client.get(url).content.decode()
        assert ">Nieuwe titel</a>" in html and ">Oude titel</a>" not in html, url


@pytest.mark.django_db
def test_unpublished_news_is_not_listed(client, add_news):
    page = add_news("nl", "Concept")
    page.unpublish()
    assert titles(client.get("/nieuws/")) == []
    assert Page.objects.filter(pk=page.pk, live=False).exists()


@pytest.mark.django_db
def test_topic_filter_follows_a_published_item(client, add_news):
    """The topics of the filter are remembered, and a newly published item's topic still appears."""
    add_news("nl", "Eerste", topics=["zwermsessie"])
    assert "?tag=inkoop" not in client.get("/nieuws/").content.decode()
    add_news("nl", "Tweede", topics=["inkoop"])
    assert 'href="?tag=inkoop"' in client.get("/nieuws/").content.decode()


def count_queries(captured):
    return [query["sql"] for query in captured if "COUNT(" in query["sql"]]


@pytest.mark.django_db
def test_list_counts_are_remembered_until_the_news_changes(client, add_news):
    """Counting reads the whole archive: a list counts once, and again after a publish or unpublish."""
    items = [
        add_news("nl", f"Telbericht {number}", datetime.date(2013, 1, number + 1)) for number in range(10)
    ]
    add_news("nl", "Zwermbericht", datetime.date(2013, 2, 1), topics=["zwermsessie"])
    client.get("/nieuws/")
    for url in ("/nieuws/", "/nieuws/?tag=zwermsessie"):
        client.get(url)
        with CaptureQueriesContext(connection) as again:
            assert client.get(url).status_code == 200
        assert count_queries(again) == []
    assert 'href="?page=2"' in client.get("/nieuws/").content.decode()

    items[0].unpublish()
    assert 'href="?page=2"' not in client.get("/nieuws/").content.decode()
    add_news("nl", "Nog een zwermbericht", datetime.date(2013, 3, 1), topics=["zwermsessie"])
    assert 'href="?page=2"' in client.get("/nieuws/").content.decode()
    assert titles(client.get("/nieuws/?tag=zwermsessie")) == ["Nog een zwermbericht", "Zwermbericht"]
    assert "?tag=zwermsessie&amp;page=2" not in client.get("/nieuws/?tag=zwermsessie").content.decode()
