"""A proxy or CDN in front of the site is told which addresses changed."""

from urllib.parse import urlsplit

import pytest
from wagtail.contrib.frontend_cache.backends.base import BaseBackend

from news.models import NewsPage

PURGED = []


class RecordingBackend(BaseBackend):
    def purge(self, url):
        PURGED.append(url)


@pytest.fixture
def proxy(settings):
    settings.WAGTAILFRONTENDCACHE = {"proxy": {"BACKEND": "tests.home.test_purge.RecordingBackend"}}
    PURGED.clear()
    yield PURGED
    PURGED.clear()


def paths(urls):
    return {urlsplit(url).path for url in urls}


@pytest.mark.django_db
def test_publishing_a_news_item_purges_it_its_translations_and_the_lists_above(
    demo_site, proxy, django_capture_on_commit_callbacks
):
    item = NewsPage.objects.live().filter(locale__language_code="nl").first()
    with django_capture_on_commit_callbacks(execute=True):
        item.save_revision().publish()
    purged = paths(proxy)
    english = item.get_translation(demo_site["en"])
    assert {item.url, english.url, "/nieuws/", "/en/news/", "/de/neuigkeiten/", "/", "/en/", "/de/"} <= purged
    assert not any("/nl/" in path for path in purged)


@pytest.mark.django_db
def test_a_sign_up_purges_the_agenda_and_home_pages(
    demo_site, proxy, upcoming_session, make_registration, django_capture_on_commit_callbacks
):
    session = upcoming_session()
    with django_capture_on_commit_callbacks(execute=True):
        make_registration(session)
    assert {session.url, "/agenda/", "/en/agenda/", "/"} <= paths(proxy)


@pytest.mark.django_db
def test_nothing_is_purged_or_queued_without_a_proxy(demo_site, settings, django_capture_on_commit_callbacks):
    settings.WAGTAILFRONTENDCACHE = {}
    PURGED.clear()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        NewsPage.objects.live().first().save_revision().publish()
    assert callbacks, "publishing queues its other work after the commit"
    assert not any(
        type(getattr(callback, "__self__", None)).__name__ == "PurgeBatch" for callback in callbacks
    )
    assert PURGED == []
