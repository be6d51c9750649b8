import datetime
import xml.etree.ElementTree as ET

import pytest

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def feed_news(add_news):
    start = datetime.date(2012, 1, 1)
    items = [
        add_news(
            "nl",
            f"Nieuws {number:02d}",
            start + datetime.timedelta(days=number),
            in_sectors=["overheid"] if number % 2 else ["ondernemers"],
            topics=["zwermsessie"],
            author="Redactie Pr8werk",
            revision=number > 22,
        )
        for number in range(1, 26)
    ]
    add_news("en", "English news", datetime.date(2014, 1, 1), in_sectors=["overheid"])
    return items


def get_xml(client, url, content_type):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith(content_type)
    return ET.fromstring(response.content)  # noqa: S314 - our own feed, in a test


@pytest.mark.django_db
def test_rss_is_rss_2_with_the_newest_items_of_the_language(client, feed_news):
    rss = get_xml(client, "/nieuws/rss/", "application/rss+xml")
    assert rss.tag == "rss" and rss.get("version") == "2.0"
    channel = rss.find("channel")
    assert channel.findtext("language") == "nl"
    assert channel.findtext("title") == "Nieuws van Pr8werk"
    assert channel.findtext("link") == "http://testserver/nieuws/"
    items = channel.findall("item")
    assert len(items) == 20
    assert [item.findtext("title") for item in items[:3]] == ["Nieuws 25", "Nieuws 24", "Nieuws 23"]
    newest = items[0]
    assert newest.findtext("link").startswith("http://testserver/nieuws/nieuws-25-")
    assert newest.findtext("description") == "Inleiding bij Nieuws 25"
    assert newest.findtext("pubDate")
    assert {category.text for category in newest.findall("category")} == {"Overheid", "zwermsessie"}
    assert "English news" not in ET.tostring(rss, encoding="unicode")


@pytest.mark.django_db
def test_atom_feed_in_english(client, feed_news):
    feed = get_xml(client, "/en/news/atom/", "application/atom+xml")
    assert feed.tag == f"{ATOM}feed"
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"
    assert feed.findtext(f"{ATOM}title") == "Pr8werk news"
    entries = feed.findall(f"{ATOM}entry")
    assert [entry.findtext(f"{ATOM}title") for entry in entries] == ["English news"]
    entry = entries[0]
    assert entry.find(f"{ATOM}link").get("href").startswith("http://testserver/en/news/english-news-")
    assert entry.findtext(f"{ATOM}summary") == "Inleiding bij English news"
    assert entry.findtext(f"{ATOM}updated")
    assert [category.get("term") for category in entry.findall(f"{ATOM}category")] == ["Government"]


@pytest.mark.django_db
def test_atom_feed_lists_newest_dutch_items(client, feed_news):
    feed = get_xml(client, "/nieuws/atom/", "application/atom+xml")
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == 20
    assert entries[0].findtext(f"{ATOM}title") == "Nieuws 25"
    assert entries[0].find(f"{ATOM}author").findtext(f"{ATOM}name") == "Redactie Pr8werk"


@pytest.mark.django_db
def test_sector_feeds_hold_only_that_sector(client, feed_news):
    rss = get_xml(client, "/nieuws/rss/overheid/", "application/rss+xml")
    channel = rss.find("channel")
    assert channel.findtext("title") == "Nieuws van Pr8werk: Overheid"
    titles = [item.findtext("title") for item in channel.findall("item")]
    assert titles[:2] == ["Nieuws 25", "Nieuws 23"]
    assert len(titles) == 13
    feed = get_xml(client, "/de/neuigkeiten/atom/ondernemers/", "application/atom+xml")
    assert feed.findtext(f"{ATOM}title") == "Neuigkeiten von Pr8werk: Unternehmen"


@pytest.mark.django_db
def test_unknown_sector_feed_is_a_404(client, news_indexes):
    assert client.get("/nieuws/rss/bestaat-niet/").status_code == 404


@pytest.mark.django_db
def test_feeds_are_linked_from_head(client, feed_news):
    html = client.get("/nieuws/").content.decode()
    head = html.split("</head>")[0]
    assert (
        '<link rel="alternate" type="application/rss+xml" title="Nieuws van Pr8werk (RSS)" href="/nieuws/rss/">'
        in head
    )
    assert (
        '<link rel="alternate" type="application/atom+xml" title="Nieuws van Pr8werk (Atom)" href="/nieuws/atom/">'
        in head
    )
    head = client.get("/en/news/?sector=overheid").content.decode().split("</head>")[0]
    assert 'title="Government news (RSS)" href="/en/news/rss/overheid/"' in head
    news_page_head = client.get(feed_news[-1].url).content.decode().split("</head>")[0]
    assert 'href="/nieuws/rss/"' in news_page_head
