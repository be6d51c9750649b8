"""Fixtures of the news tests: the three news indexes, the sectors, and a quick way to add news."""

import datetime
import itertools

import pytest
from django.core.cache import caches
from django.db import connection
from django.utils.text import slugify

from news.models import NewsPageTopic
from tests.factories import (
    ImageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    TopicFactory,
    three_sectors,
    translate,
)

_slugs = itertools.count()


@pytest.fixture(autouse=True)
def empty_caches():
    """Wagtail caches renditions and site roots; a rolled-back test must not leave them to the next."""
    for cache in caches.all():
        cache.clear()


@pytest.fixture
def sectors(locales):
    """The three O's in nl, en and de: ``sectors[code][slug]``."""
    return three_sectors()


# Dutch slug: translations (name, slug) per language. "zorg" has no translation on purpose.
TEST_TOPICS = {
    "zwermsessie": {
        "nl": "zwermsessie",
        "en": ("swarm session", "swarm-session"),
        "de": ("Schwarmsitzung", "schwarmsitzung"),
    },
    "ontbijtsessie": {
        "nl": "ontbijtsessie",
        "en": ("breakfast session", "breakfast-session"),
        "de": ("Frühstückssitzung", "fruehstueckssitzung"),
    },
    "inkoop": {"nl": "inkoop", "en": ("procurement", "procurement"), "de": ("Einkauf", "einkauf")},
    "zorg": {"nl": "zorg"},
}


@pytest.fixture
def topics(locales):
    """A few topics: ``topics[code][dutch_slug]``, the Dutch topic where a language has no translation."""
    made = {}
    for slug, names in TEST_TOPICS.items():
        translations = {
            code: {"name": names[code][0], "slug": names[code][1]} for code in names if code != "nl"
        }
        made[slug] = translate(TopicFactory(slug=slug, name=names["nl"]), translations)
    return {
        code: {slug: by_code.get(code, by_code["nl"]) for slug, by_code in made.items()} for code in locales
    }


@pytest.fixture
def news_indexes(home_pages, sectors):
    return translate(
        NewsIndexPageFactory(
            parent=home_pages["nl"], title="Nieuws", slug="nieuws", intro="Nieuws van Pr8werk."
        ),
        {
            "en": {"title": "News", "slug": "news", "intro": "News from Pr8werk."},
            "de": {"title": "Neuigkeiten", "slug": "neuigkeiten", "intro": "Neuigkeiten von Pr8werk."},
        },
    )


@pytest.fixture
def lead_image(db):
    return ImageFactory(
        title="Testbeeld nieuws", description="Een testbeeld", file__width=1200, file__height=675
    )


@pytest.fixture
def add_news(news_indexes, sectors, topics):
    """Add a published news item: ``add_news("nl", "Titel", date, in_sectors=["overheid"], topics=["zorg"])``.

    Topics are named by their Dutch slug; the page links the topic in its own language.
    """
    topic_table = topics

    def add(
        language, title, date=None, *, in_sectors=(), topics=(), body="", image=None, author="", revision=True
    ):
        page = NewsPageFactory(
            parent=news_indexes[language],
            title=title,
            slug=f"{slugify(title)}-{next(_slugs)}",
            date=date or datetime.date(2013, 1, 1),
            lead_image=image,
            author=author,
            body=[{"type": "paragraph", "value": f"<p>{body}</p>"}] if body else [],
            sectors=[sectors[language][slug] for slug in in_sectors],
            topic_links=[
                NewsPageTopic(topic=topic_table[language][slug], sort_order=order)
                for order, slug in enumerate(topics)
            ],
            revision=revision,
        )
        return page

    return add


def empty_shared_caches(client, url):
    """Warm the per-process caches (content types, URL resolvers) with one request, then empty the
    shared caches, so cached site chrome or routes cannot make one measurement cheaper than another."""
    client.get(url)
    for cache in caches.all():
        cache.clear()
    # The query log is a bounded deque that earlier tests may have filled: a full log makes
    # Django's query counting see no queries at all.
    connection.queries_log.clear()
