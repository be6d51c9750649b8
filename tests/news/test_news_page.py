import datetime
import re

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.documents.models import Document
from wagtail.embeds import embeds
from wagtail.embeds.exceptions import EmbedNotFoundException
from wagtail.embeds.models import Embed
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from news import models as news_models
from news.models import NewsPage, NewsPageTopic, Topic
from tests.news.conftest import empty_shared_caches


@pytest.fixture
def story(add_news, lead_image):
    page = add_news(
        "nl",
        "Vliegende start",
        datetime.date(2012, 6, 1),
        in_sectors=["overheid"],
        topics=["ontbijtsessie", "zwermsessie"],
        body="Ruim 110 deelnemers in Wehl en Lievelde.",
        image=lead_image,
        author="Redactie Pr8werk",
        revision=False,
    )
    page.lead_image_caption = "Ontbijt in Wehl"
    page.lead_image_credit = "Foto Pr8werk"
    page.save_revision().publish()
    return page


@pytest.mark.django_db
def test_news_page_shows_date_author_image_caption_credit_and_topics(client, story):
    html = client.get(story.url).content.decode()
    assert '<time datetime="2012-06-01">1 juni 2012</time>' in html
    assert "Redactie Pr8werk" in html
    assert "Ruim 110 deelnemers in Wehl en Lievelde." in html
    assert 'alt="Een testbeeld"' in html
    assert "Ontbijt in Wehl" in html and "Beeld: Foto Pr8werk" in html
    assert 'href="/nieuws/?sector=overheid">Overheid</a>' in html
    assert 'href="/nieuws/?tag=zwermsessie">zwermsessie</a>' in html


@pytest.mark.django_db
def test_news_page_has_open_graph_and_twitter_meta(client, story):
    head = client.get(story.url).content.decode().split("</head>")[0]
    assert '<meta property="og:type" content="article">' in head
    assert '<meta property="og:title" content="Vliegende start">' in head
    assert '<meta property="og:description" content="Inleiding bij Vliegende start">' in head
    assert f'<meta property="og:url" content="http://testserver{story.url}">' in head
    assert '<meta property="og:image" content="http://testserver/media/images/' in head
    assert ".fill-1200x630" in head
    assert '<meta name="twitter:card" content="summary_large_image">' in head
    assert '<meta name="description" content="Inleiding bij Vliegende start">' in head


def related_titles(html):
    return re.findall(
        r'class="card__title news-card__title"><a href="[^"]+">([^<]+)</a>',
        html.split('id="related-news-title"')[1],
    )


@pytest.mark.django_db
def test_related_news_shares_tags_or_sector_in_the_same_language(client, story, add_news):
    add_news("nl", "Zelfde trefwoord", topics=["zwermsessie"])
    add_news("nl", "Zelfde sector", in_sectors=["overheid"])
    add_news("nl", "Niets gemeen", in_sectors=["ondernemers"], topics=["zorg"])
    add_news("en", "Other language", in_sectors=["overheid"], topics=["zwermsessie"])
    html = client.get(story.url).content.decode()
    related = html.split('id="related-news-title"')[1]
    assert "Zelfde trefwoord" in related and "Zelfde sector" in related
    assert "Niets gemeen" not in related and "Other language" not in related
    assert related.index("Zelfde trefwoord") < related.index("Zelfde sector")  # shared topics first


@pytest.mark.django_db
def test_a_page_without_topics_relates_news_by_its_sectors(client, add_news):
    """No topics to count shared ones of: the latest news of the same sectors, newest first."""
    page = add_news("nl", "Alleen een sector", datetime.date(2013, 5, 1), in_sectors=["overheid"])
    add_news("nl", "Ouder in de sector", datetime.date(2012, 1, 1), in_sectors=["overheid"])
    add_news(
        "nl", "Nieuwer in de sector", datetime.date(2013, 1, 1), in_sectors=["overheid"], topics=["zorg"]
    )
    add_news("nl", "Andere sector", datetime.date(2013, 2, 1), in_sectors=["ondernemers"])
    assert related_titles(client.get(page.url).content.decode()) == [
        "Nieuwer in de sector",
        "Ouder in de sector",
    ]


@pytest.mark.django_db
def test_related_news_is_ranked_among_the_latest_candidates(client, story, add_news, monkeypatch):
    """On a site with years of news, an old item sharing more topics does not outrank recent news."""
    monkeypatch.setattr(news_models, "RELATED_CANDIDATES", 2)
    add_news("nl", "Oud en verwant", datetime.date(2005, 1, 1), topics=["zwermsessie"])
    add_news("nl", "Recent een", datetime.date(2014, 1, 1), in_sectors=["overheid"])
    add_news("nl", "Recent twee", datetime.date(2014, 2, 1), in_sectors=["overheid"])
    related = client.get(story.url).content.decode().split('id="related-news-title"')[1]
    assert "Recent een" in related and "Recent twee" in related
    assert "Oud en verwant" not in related


@pytest.mark.django_db
def test_related_candidates_count_each_item_once(client, story, add_news, monkeypatch):
    """An item sharing two topics and a sector takes one of the candidate places, not one per match."""
    monkeypatch.setattr(news_models, "RELATED_CANDIDATES", 2)
    add_news("nl", "Ook verwant", datetime.date(2014, 1, 1), in_sectors=["overheid"])
    add_news(
        "nl",
        "Dubbel verwant",
        datetime.date(2014, 2, 1),
        in_sectors=["overheid"],
        topics=["ontbijtsessie", "zwermsessie"],
    )
    related = client.get(story.url).content.decode().split('id="related-news-title"')[1]
    assert "Dubbel verwant" in related and "Ook verwant" in related


@pytest.mark.django_db
def test_the_choice_of_related_news_is_remembered_until_the_news_changes(client, story, add_news):
    """Choosing reads the candidates' topics: a repeat view fetches the chosen few by key, a new item
    is considered at once, and a preview with other topics chooses again."""
    add_news("nl", "Zelfde trefwoord", datetime.date(2013, 1, 1), topics=["zwermsessie"])
    add_news("nl", "Over zorg", datetime.date(2013, 2, 1), topics=["zorg"])
    client.get(story.url)  # the first view of a new site creates its settings row: a content change
    assert related_titles(client.get(story.url).content.decode()) == ["Zelfde trefwoord"]

    with CaptureQueriesContext(connection) as again:
        assert related_titles(client.get(story.url).content.decode()) == ["Zelfde trefwoord"]
    assert not [query for query in again.captured_queries if "EXISTS" in query["sql"].upper()]

    add_news("nl", "Twee gedeeld", datetime.date(2013, 3, 1), topics=["ontbijtsessie", "zwermsessie"])
    assert related_titles(client.get(story.url).content.decode()) == ["Twee gedeeld", "Zelfde trefwoord"]

    preview = NewsPage.objects.get(pk=story.pk)  # what the editor's preview renders: unsaved topics
    preview.topic_links = [NewsPageTopic(topic=Topic.objects.get(locale=story.locale, slug="zorg"))]
    preview.sectors = []
    assert [page.title for page in preview.related_news()] == ["Over zorg"]


@pytest.mark.django_db
def test_news_page_queries_do_not_grow_with_related_news(client, story, add_news, lead_image):
    add_news("nl", "Gerelateerd 1", topics=["zwermsessie"], image=lead_image)
    empty_shared_caches(client, story.url)
    with CaptureQueriesContext(connection) as one:
        client.get(story.url)
    with_one = len(one)
    for number in range(2, 6):
        add_news(
            "nl", f"Gerelateerd {number}", topics=["zwermsessie"], image=lead_image, in_sectors=["overheid"]
        )
    empty_shared_caches(client, story.url)
    with CaptureQueriesContext(connection) as many:
        client.get(story.url)
    assert len(many) == with_one > 5


@pytest.mark.django_db
def test_gallery_download_and_video_blocks_render(client, add_news, lead_image, monkeypatch):
    def no_provider(*args, **kwargs):
        raise EmbedNotFoundException

    document = Document(title="Verslag")
    document.file.save("verslag.pdf", ContentFile(b"%PDF-1.4 test"), save=False)
    document.save()
    monkeypatch.setattr(embeds, "get_embed", no_provider)
    page = add_news("nl", "Met blokken", revision=False)
    page.body = [
        {
            "type": "gallery",
            "value": {
                "title": "Foto's",
                "images": [
                    {"image": lead_image.pk, "caption": "Een"},
                    {"image": lead_image.pk, "caption": "Twee"},
                ],
                "credit": "Pr8werk",
            },
        },
        {"type": "document", "value": {"document": document.pk, "title": "", "description": "Alle ideeën."}},
        {
            "type": "video",
            "value": {"video": "https://www.youtube.com/watch?v=abc", "title": "Zwermen", "caption": ""},
        },
    ]
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert html.count('class="gallery__item"') == 2
    assert "Foto's: Pr8werk" in html
    assert '<p class="download-card__title"><a href="/documents/' in html and ">Verslag</a>" in html
    assert "Downloaden: PDF" in html
    # Without a reachable video provider the page still works and links to the video.
    assert (
        'href="https://www.youtube.com/watch?v=abc"' in html and "Bekijk “Zwermen” op de videowebsite" in html
    )


@pytest.mark.django_db
def test_news_admin_offers_the_sectors_of_the_page_language(client, admin_user, news_indexes):
    client.force_login(admin_user)
    index = news_indexes["en"]
    response = client.get(f"/admin/pages/add/news/newspage/{index.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Government" in html and "Overheid" not in html
    for label in ("Publicatiedatum", "Hoofdafbeelding", "Auteursregel", "Onderwerpen"):  # admin in Dutch
        assert label in html


@pytest.mark.django_db
def test_editor_can_create_a_news_page_in_the_admin(client, admin_user, news_indexes, sectors, topics):
    client.force_login(admin_user)
    index = news_indexes["nl"]
    data = {
        "title": "Nieuw bericht",
        "slug": "nieuw-bericht",
        "date": "2013-05-01",
        "intro": "Een inleiding.",
        "body-count": "0",
        "author": "",
        "topic_links": inline_formset(
            [{"topic": topics["nl"]["inkoop"].pk}, {"topic": topics["nl"]["zwermsessie"].pk}]
        ),
        "lead_image_caption": "",
        "lead_image_credit": "",
        "action-publish": "publish",
    }
    data = {**nested_form_data(data), "sectors": [sectors["nl"]["overheid"].pk]}
    response = client.post(f"/admin/pages/add/news/newspage/{index.pk}/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    page = NewsPage.objects.get(slug="nieuw-bericht")
    assert page.live
    assert [topic.slug for topic in page.topic_list] == ["inkoop", "zwermsessie"]
    assert [sector.slug for sector in page.sectors.all()] == ["overheid"]


@pytest.mark.django_db
def test_visitors_cannot_reach_the_news_editor(client, news_indexes):
    response = client.get(f"/admin/pages/add/news/newspage/{news_indexes['nl'].pk}/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
    assert not Page.objects.filter(slug="nieuw-bericht").exists()


@pytest.mark.django_db
def test_video_is_a_link_never_a_third_party_player(client, add_news, monkeypatch):
    """Even when the provider answers, no iframe from another host ends up on the page."""

    def provider(url, *args, **kwargs):
        return Embed(url=url, html='<iframe src="https://www.youtube.com/embed/abc"></iframe>', type="video")

    monkeypatch.setattr(embeds, "get_embed", provider)
    page = add_news("nl", "Met video", revision=False)
    page.body = [
        {
            "type": "video",
            "value": {"video": "https://www.youtube.com/watch?v=abc", "title": "Zwermen", "caption": ""},
        }
    ]
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert "<iframe" not in html
    assert 'href="https://www.youtube.com/watch?v=abc"' in html
