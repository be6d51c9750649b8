"""The growth benchmark's bulk builder, at a tiny scale on the demo site: a valid tree whose pages serve."""

import pytest
from django.db import connection
from django.utils.html import escape
from wagtail.models import Page

from events.models import EventIndexPage, EventPage, Registration
from news.models import NewsIndexPage, NewsPage
from tests.bench import growth_site


@pytest.fixture
def grown(demo_site):
    news_index = NewsIndexPage.objects.get(locale__language_code="nl")
    agenda = EventIndexPage.objects.get(locale__language_code="nl")
    news_before = NewsPage.objects.child_of(news_index).count()
    sessions_before = EventPage.objects.child_of(agenda).count()
    registrations_before = Registration.objects.count()
    added = growth_site.grow(
        news=news_before + 20, sessions=sessions_before + 5, registrations=registrations_before + 60
    )
    return {"added": added, "news_index": news_index, "agenda": agenda}


@pytest.fixture
def copies(grown):
    """The grown news items and sessions, with the templates they were copied from."""
    news = list(NewsPage.objects.child_of(grown["news_index"]).order_by("-path")[:20])
    sessions = list(EventPage.objects.child_of(grown["agenda"]).order_by("-path")[:5])
    for page in [*news, *sessions]:
        page.template = page.__class__.objects.get(title=page.title.rsplit(" (", 1)[0], locale=page.locale)
    return {"news": news, "sessions": sessions}


def test_the_builder_adds_what_it_was_asked_for(grown):
    assert grown["added"] == {"news items": 20, "sessions": 5, "registrations": 60}


def test_the_tree_stays_valid(grown):
    """treebeard finds no bad paths, depths or child counts; each grown page has its address."""
    assert Page.find_problems() == ([], [], [], [], [])
    news_index = Page.objects.get(pk=grown["news_index"].pk)
    assert news_index.numchild == news_index.get_children().count()
    newest = NewsPage.objects.child_of(news_index).order_by("-path").first()
    assert newest.url_path == f"{news_index.url_path}{newest.slug}/"
    assert newest.get_parent().pk == news_index.pk


def test_grown_pages_serve_and_are_found(grown, client):
    news = NewsPage.objects.child_of(grown["news_index"]).order_by("-path")[:20]
    sessions = EventPage.objects.child_of(grown["agenda"]).order_by("-path")[:5]
    for page in [*news, *sessions]:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert escape(page.title) in response.text
    assert NewsPage.objects.search(news[0].title.split(" (")[0]).count() > 1


def test_every_measured_address_answers(grown, client, admin_user):
    """What the benchmark requests exists on the grown site, for a visitor or for staff."""
    staff = client.__class__()
    staff.force_login(admin_user)
    for label, path in growth_site.public_pages():
        assert client.get(path).status_code == 200, (label, path)
    for label, path in growth_site.admin_pages():
        response = staff.get(path)
        if response.streaming:
            b"".join(response.streaming_content)
        assert response.status_code == 200, (label, path)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="entries are copied on PostgreSQL only")
def test_copied_index_entries_are_what_update_index_writes(copies):
    """Every copied entry equals the one Wagtail's indexer writes for that page, body and title alike."""
    pages = copies["news"] + copies["sessions"]
    copied = {
        model: growth_site.index_entries(model, [page for page in pages if type(page) is model])
        for model in (NewsPage, EventPage)
    }
    assert growth_site.check_copied_entries(pages, sample=len(pages)) == len(pages)
    for model, entries in copied.items():
        assert entries == growth_site.index_entries(model, [page for page in pages if type(page) is model])
        assert all(body for _title, _autocomplete, body, _title_text, _body_text in entries.values())


def test_copies_are_found_by_their_body_and_their_own_title(copies):
    """A word only the body holds finds the copies of that item; the copy's number finds that copy."""
    copy = copies["news"][0]
    body_words = {word.strip(".,:;!?()").lower() for word in copy.intro.split() if len(word) > 7}
    title_words = {word.lower() for word in copy.template.title.split()}
    word = sorted(body_words - title_words)[0]
    found = {page.pk for page in NewsPage.objects.live().search(word)}
    assert {page.pk for page in copies["news"] if page.template.pk == copy.template.pk} <= found
    number = copy.title.rsplit("(", 1)[1].rstrip(")")
    by_title = NewsPage.objects.search(f"{copy.template.title} {number}", operator="and")
    assert copy.pk in {page.pk for page in by_title}
