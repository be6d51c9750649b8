"""Topics: named in the visitor's language, filterable by the slug of that language, made from old tags."""

import datetime
import importlib
import re

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail_localize.models import TranslationSource

from home import translation_buttons
from news.models import NewsIndexPage, NewsPage, NewsPageTopic, Topic
from tests.factories import StaffUserFactory, UserFactory
from tests.news.conftest import empty_shared_caches
from tests.news.test_index import titles

TAGS_TO_TOPICS = importlib.import_module("news.migrations.0004_tags_to_topics")


def topic_links(html):
    """The (address, name) of the topic links in a news page's footer."""
    footer = html.split('class="news-article__topics"')[1].split("</footer>")[0]
    return [
        (part.split('href="')[1].split('"')[0], part.split(">", 1)[1].split("<")[0])
        for part in footer.split('<a class="tag" ')[1:]
    ]


@pytest.mark.django_db
def test_english_news_page_shows_english_topics_linking_to_the_english_filter(client, add_news, topics):
    """An English page names its topics in English and links the English filter slug."""
    page = add_news("en", "Swarming in Wehl", topics=["zwermsessie", "zorg"])
    assert topic_links(client.get(page.url).content.decode()) == [
        ("/en/news/?tag=swarm-session", "swarm session"),
        # No English translation of "zorg" yet: the Dutch topic, as before.
        ("/en/news/?tag=zorg", "zorg"),
    ]


@pytest.mark.django_db
def test_page_linking_the_dutch_topic_shows_its_translation(client, add_news, topics):
    """A translation that still links the Dutch topic shows the topic in its own language."""
    page = add_news("de", "Schwärmen in Wehl")
    page.topic_links = [NewsPageTopic(topic=topics["nl"]["zwermsessie"])]
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert topic_links(html) == [("/de/neuigkeiten/?tag=schwarmsitzung", "Schwarmsitzung")]
    assert '<meta property="article:tag" content="Schwarmsitzung">' in html
    assert "zwermsessie" not in html


@pytest.mark.django_db
def test_german_filter_takes_the_german_slug(client, add_news, topics):
    """/de/neuigkeiten/?tag=schwarmsitzung lists the German news on that topic and names it in German."""
    add_news("de", "Schwärmen in Wehl", datetime.date(2012, 6, 1), topics=["zwermsessie"])
    add_news("de", "Einkauf bei der Gemeinde", datetime.date(2012, 7, 1), topics=["inkoop"])
    add_news("nl", "Zwermen in Wehl", topics=["zwermsessie"])
    response = client.get("/de/neuigkeiten/?tag=schwarmsitzung")
    assert titles(response) == ["Schwärmen in Wehl"]
    html = response.content.decode()
    assert 'href="?tag=schwarmsitzung" aria-current="true">Schwarmsitzung</a>' in html
    assert 'href="?tag=einkauf">Einkauf</a>' in html
    assert ">zwermsessie<" not in html
    # Another language's slug finds the same topic, named in German.
    response = client.get("/de/neuigkeiten/?tag=swarm-session")
    assert titles(response) == ["Schwärmen in Wehl"]
    assert 'class="active-filter" href="?">Schwarmsitzung' in response.content.decode()


@pytest.mark.django_db
def test_dutch_slug_of_old_links_still_filters_every_language(client, add_news, topics):
    """Old links carry the Dutch tag slug: it finds the topic and shows it in the page's language."""
    add_news("en", "Swarming in Wehl", topics=["zwermsessie"])
    add_news("en", "Buying locally", topics=["inkoop"])
    response = client.get("/en/news/?tag=zwermsessie")
    assert titles(response) == ["Swarming in Wehl"]
    assert 'class="active-filter" href="?">swarm session' in response.content.decode()
    assert titles(client.get("/nieuws/?tag=zwermsessie")) == []


@pytest.mark.django_db
def test_feed_categories_are_in_the_feed_language(client, add_news, topics):
    """The English feed lists the English topic names as categories."""
    add_news("en", "Swarming in Wehl", topics=["zwermsessie"])
    xml = client.get("/en/news/rss/").content.decode()
    assert "<category>swarm session</category>" in xml
    assert "zwermsessie" not in xml


@pytest.mark.django_db
def test_search_finds_a_page_by_its_topic_in_its_language(client, add_news, topics):
    """Searching the English site for an English topic name finds the page."""
    page = add_news("en", "Wehl in June", topics=["ontbijtsessie"])
    assert page.url in client.get("/en/search/", {"q": "breakfast"}).content.decode()


@pytest.mark.django_db
def test_translating_a_page_links_the_topic_translation_and_follows_the_dutch_choice(
    client, add_news, topics, locales
):
    """wagtail-localize gives the translation the English topic, and a sync follows the Dutch page."""
    dutch = add_news("nl", "Zwermen in Wehl", topics=["zwermsessie", "zorg"])
    source, _created = TranslationSource.get_or_create_from_instance(dutch)
    source.create_or_update_translation(locales["en"], fallback=True)
    english = dutch.get_translation(locales["en"])
    assert [link.topic for link in english.topic_links.all()] == [
        topics["en"]["zwermsessie"],
        topics["nl"]["zorg"],
    ]
    # The topic names are untouched by the page translation.
    assert Topic.objects.get(pk=topics["en"]["zwermsessie"].pk).name == "swarm session"

    dutch.topic_links = [NewsPageTopic(topic=topics["nl"]["inkoop"])]
    dutch.save_revision().publish()
    source.update_from_db()
    source.create_or_update_translation(locales["en"], fallback=True)
    english.refresh_from_db()
    assert [link.topic for link in english.topic_links.all()] == [topics["en"]["inkoop"]]
    english.get_latest_revision().publish()  # the translator publishes
    assert topic_links(client.get(english.url).content.decode()) == [
        ("/en/news/?tag=procurement", "procurement")
    ]


@pytest.mark.django_db
def test_topic_slug_is_made_clean_from_the_name_or_a_typed_slug(locales):
    """A topic saved without a slug, or with a translator's sloppy one, gets a usable slug."""
    assert Topic.objects.create(locale=locales["nl"], name="Flexibele schil").slug == "flexibele-schil"
    assert Topic.objects.create(locale=locales["en"], name="x", slug="Swarm Session").slug == "swarm-session"


@pytest.mark.django_db
def test_english_index_queries_do_not_grow_with_the_number_of_items(client, add_news):
    """5 or 60 English items with translated and untranslated topics: the same number of queries."""

    def add(count, offset):
        for number in range(count):
            add_news(
                "en",
                f"Item {offset + number}",
                datetime.date(2012, 1, 1) + datetime.timedelta(days=offset + number),
                in_sectors=["overheid"],
                topics=["zwermsessie", "zorg", "inkoop"][: 1 + number % 3],
                revision=False,
            )

    add(5, 0)
    paths = ["/en/news/", "/en/news/?tag=swarm-session", "/en/news/?tag=zwermsessie", "/en/news/rss/"]
    counts = {}
    for path in paths:
        empty_shared_caches(client, path)
        client.get(path)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(path).status_code == 200
        counts[path] = len(queries)
    assert max(counts.values()) <= 12, counts
    add(55, 5)
    for path in paths:
        empty_shared_caches(client, path)
        client.get(path)
        with CaptureQueriesContext(connection) as queries:
            client.get(path)
        assert len(queries) == counts[path], path


@pytest.mark.django_db
def test_news_page_queries_do_not_grow_with_its_topics(client, add_news):
    """A news page with one topic or four reads them in the same number of queries."""
    one = add_news("en", "One topic", topics=["zwermsessie"])
    four = add_news("en", "Four topics", topics=["zwermsessie", "zorg", "inkoop", "ontbijtsessie"])
    counts = []
    for page in (one, four):
        empty_shared_caches(client, page.url)
        client.get(page.url)
        with CaptureQueriesContext(connection) as queries:
            client.get(page.url)
        counts.append(len(queries))
    assert counts[0] == counts[1] <= 12


def create_table(model):
    """Create ``model``'s table inside the test's transaction, rolled back with it.

    Django's schema editor refuses to start inside a transaction on SQLite (it cannot switch foreign
    key checks off there), so its SQL is collected without entering it and run here: a transactional
    test instead would flush the database under the tests that follow.
    """
    editor = connection.schema_editor(collect_sql=True)
    editor.deferred_sql = []  # indexes and constraints: not needed here
    editor.create_model(model)
    with connection.cursor() as cursor:
        for sql in editor.collected_sql:
            cursor.execute(sql)


@pytest.mark.django_db
def test_data_migration_turns_every_tag_into_a_dutch_topic(client, add_news, topics, locales):
    """Tags become Dutch topics; an en/de page gets the topic's translation where one exists."""
    dutch = add_news("nl", "Zwermen in Wehl")
    english = add_news("en", "Swarming in Wehl")
    german = add_news("de", "Schwärmen in Wehl")
    # The models as the migration sees them: news tags still there, topics already made.
    old = MigrationLoader(connection).project_state(("news", "0004_tags_to_topics"), at_end=False).apps
    Tag = old.get_model("taggit", "Tag")
    NewsPageTag = old.get_model("news", "NewsPageTag")
    create_table(NewsPageTag)
    # "zwermsessie" is a Dutch topic with translations already; the others are new.
    swarm = Tag.objects.create(name="zwermsessie", slug="zwermsessie")
    shell = Tag.objects.create(name="Flexibele schil", slug="flexibele-schil")
    breakfast = Tag.objects.create(name="Frühstück", slug="frühstück")
    for page, tags in (
        (dutch, [shell, swarm]),
        (english, [swarm, shell, swarm]),
        (german, [breakfast, swarm]),
    ):
        for tag in tags:
            NewsPageTag.objects.create(content_object_id=page.pk, tag=tag)

    TAGS_TO_TOPICS.tags_to_topics(old, None)

    def linked(page):
        return [
            (link.topic.name, link.topic.locale_id, link.locale_id)
            for link in NewsPageTopic.objects.filter(page=page).order_by("sort_order")
        ]

    nl, en, de = (locales[code].pk for code in ("nl", "en", "de"))
    assert linked(dutch) == [("Flexibele schil", nl, nl), ("zwermsessie", nl, nl)]
    assert linked(english) == [("swarm session", en, en), ("Flexibele schil", nl, en)]
    assert linked(german) == [("Frühstück", nl, de), ("Schwarmsitzung", de, de)]
    made = Topic.objects.filter(slug__in=["flexibele-schil", "frühstück"])
    assert {(topic.name, topic.locale_id) for topic in made} == {("Flexibele schil", nl), ("Frühstück", nl)}
    assert Topic.objects.filter(slug="zwermsessie").count() == 1

    assert topic_links(client.get(english.url).content.decode()) == [
        ("/en/news/?tag=swarm-session", "swarm session"),
        ("/en/news/?tag=flexibele-schil", "Flexibele schil"),
    ]
    assert titles(client.get("/nieuws/?tag=flexibele-schil")) == ["Zwermen in Wehl"]


@pytest.mark.django_db
def test_editor_adds_a_topic_and_a_duplicate_slug_is_a_form_error(client, admin_user, topics):
    """Snippets › Topics: the slug comes from the name; a slug taken in the language is refused, not a 500."""
    client.force_login(admin_user)
    response = client.post(
        "/admin/snippets/news/topic/add/?locale=nl", {"name": "Flexibele schil", "slug": ""}
    )
    assert response.status_code == 302
    assert Topic.objects.get(name="Flexibele schil").slug == "flexibele-schil"
    response = client.post("/admin/snippets/news/topic/add/?locale=nl", {"name": "Zwermsessie", "slug": ""})
    assert response.status_code == 200
    assert "Een ander onderwerp in deze taal heeft deze slug al." in response.content.decode()
    assert Topic.objects.filter(slug="zwermsessie").count() == 1
    page = client.get("/admin/snippets/news/topic/")
    assert page.status_code == 200 and "Flexibele schil" in page.content.decode()


@pytest.mark.django_db
def test_communications_staff_keep_the_topics_and_translate_them(client, topics, locales):
    """Staff write the news: they add a topic, rename one and translate one, as they do a sector."""
    client.force_login(StaffUserFactory())
    listing = client.get("/admin/snippets/news/topic/")
    assert listing.status_code == 200 and "inkoop" in listing.content.decode()
    assert "Onderwerp toevoegen" in listing.content.decode()

    added = client.post("/admin/snippets/news/topic/add/?locale=nl", {"name": "Flexibele schil", "slug": ""})
    assert added.status_code == 302
    care = topics["nl"]["zorg"]
    renamed = client.post(
        f"/admin/snippets/news/topic/edit/{care.pk}/", {"name": "zorg en welzijn", "slug": "zorg"}
    )
    assert renamed.status_code == 302
    translated = client.post(
        reverse("wagtail_localize:submit_snippet_translation", args=["news", "topic", care.pk]),
        {"locales": [locales["en"].pk]},
    )

    assert translated.status_code == 302
    assert Topic.objects.get(name="Flexibele schil").locale == locales["nl"]
    assert Topic.objects.get(pk=care.pk).name == "zorg en welzijn"
    assert Topic.objects.filter(translation_key=care.translation_key, locale=locales["en"]).exists()


def topic_rows(client, **params):
    """{topic id: its row's translation links} of the topics listing, and the queries it took."""
    with CaptureQueriesContext(connection) as queries:
        html = client.get("/admin/snippets/news/topic/", params).content.decode()
    rows = {}
    for row in html.split("<tr")[1:]:
        title = re.search(r'id="snippet_(\d+)_title"', row)
        if title is None:
            continue  # the header, the keyboard shortcuts' table
        rows[int(title.group(1))] = sorted(
            re.findall(r'href="(/admin/localize/[^"]*)"', row.replace("&amp;", "&"))
        )
    return rows, len(queries)


@pytest.mark.django_db
def test_the_topics_listing_asks_the_same_queries_for_any_number_of_topics(client, topics, locales):
    """wagtail-localize asked two to four queries per row for its buttons, Wagtail one for its language;
    each row still offers what wagtail-localize's own function would."""
    user = StaffUserFactory()
    client.force_login(user)
    care = topics["nl"]["zorg"]
    client.post(
        reverse("wagtail_localize:submit_snippet_translation", args=["news", "topic", care.pk]),
        {"locales": [locales["en"].pk]},
    )
    topic_rows(client)
    few, queries_for_few = topic_rows(client)
    for number in range(15):
        Topic.objects.create(locale=locales["nl"], name=f"onderwerp {number}")
    many, queries_for_many = topic_rows(client)

    assert queries_for_many == queries_for_few and len(few) == 11 and len(many) == 20  # a full page
    next_url = "/admin/snippets/news/topic/"
    expected = {
        topic.pk: sorted(
            button.url for button in translation_buttons.SNIPPET_REPLACED(topic, user, next_url=next_url)
        )
        for topic in Topic.objects.filter(pk__in=many)
    }
    assert many == expected
    # Untranslated ("Translate"), the source of wagtail-localize's translation ("Sync") and translated
    # into every language (neither): all three are there.
    assert {tuple("/submit/" in link for link in links) for links in many.values()} == {(True,), (False,), ()}


@pytest.mark.django_db
def test_an_editor_outside_communications_cannot_change_topics(client, topics):
    """A network editor chooses a topic at most: listing, adding and editing topics stay closed."""
    editor = UserFactory()
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    care = topics["nl"]["zorg"]

    assert client.get("/admin/snippets/news/topic/").status_code == 302
    refused = client.post("/admin/snippets/news/topic/add/?locale=nl", {"name": "Stiekem", "slug": ""})
    assert refused.status_code == 302
    client.post(f"/admin/snippets/news/topic/edit/{care.pk}/", {"name": "overgenomen", "slug": "zorg"})
    assert not Topic.objects.filter(name__in=["Stiekem", "overgenomen"]).exists()


@pytest.mark.django_db
def test_news_editor_shows_the_chosen_topics(client, admin_user, add_news):
    """The page editor lists the page's topics in the topic panel."""
    page = add_news("nl", "Zwermen in Wehl", topics=["zwermsessie", "zorg"])
    client.force_login(admin_user)
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="topic_links-TOTAL_FORMS" value="2"' in html
    assert "zwermsessie" in html and "Onderwerp" in html


def foreign_topics():
    return sorted(
        Topic.objects.exclude(locale__language_code="nl").values_list("pk", "name", "slug", "locale_id")
    )


@pytest.mark.django_db
def test_translating_a_page_with_select_all_keeps_the_existing_topic_translations(
    demo_site, client, admin_user
):
    """Translate with "Select all": existing topic translations stay, the page links them, new topics get one."""
    index = NewsIndexPage.objects.get(locale__language_code="nl")
    swarm = Topic.objects.get(locale__language_code="nl", slug="zwermsessie")
    new_topic = Topic.objects.create(locale=swarm.locale, name="thematafel")
    news = NewsPage(
        title="Nieuwe thematafels in Groenlo",
        slug="nieuwe-thematafels-groenlo",
        date=datetime.date(2026, 12, 1),
        intro="De zwermsessie krijgt twee nieuwe thematafels.",
    )
    news.topic_links = [
        NewsPageTopic(topic=swarm, sort_order=0),
        NewsPageTopic(topic=new_topic, sort_order=1),
    ]
    index.add_child(instance=news)
    news.save_revision().publish()
    before = foreign_topics()
    client.force_login(admin_user)

    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=[news.pk]),
        {"select_all": "on", "locales": [demo_site["en"].pk, demo_site["de"].pk]},
    )

    assert response.status_code == 302
    after = foreign_topics()
    assert [row for row in after if row[0] in {pk for pk, *_ in before}] == before
    english = news.get_translation(demo_site["en"])
    assert [link.topic.slug for link in english.topic_links.all()][0] == "swarm-session"
    added = [row for row in after if row not in before]
    assert {(name, locale) for _pk, name, _slug, locale in added} == {
        ("thematafel", demo_site["en"].pk),
        ("thematafel", demo_site["de"].pk),
    }
    english.get_latest_revision().publish()  # the translator publishes
    assert topic_links(client.get(english.url).content.decode())[0] == (
        "/en/news/?tag=swarm-session",
        "swarm session",
    )
