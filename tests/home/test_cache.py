import threading
import time
from datetime import timedelta
from unittest import mock

import pytest
import redis
import time_machine
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from events.models import EventPage, Registration, RegistrationMail, RegistrationState
from home.cache import (
    GENERATION_KEY,
    LIVE_GENERATION_KEY,
    LOCAL_PAGES,
    AnonymousPageCacheMiddleware,
    current_generation,
    invalidate_page_cache,
)
from home.models import ContentPage
from network.models import FreshnessReminder, ListingRequest, NetworkPage
from news.models import NewsPage


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_DISABLED = False
    cache.clear()
    yield
    cache.clear()


def counters():
    return current_generation(GENERATION_KEY), current_generation(LIVE_GENERATION_KEY)


def test_feature_apps_tell_home_which_of_their_rows_empty_the_cache(page_cache):
    """Home names no feature app: news, events and network register their content from ready()."""
    for model in (NewsPage, NetworkPage, ContentPage):
        before = counters()
        invalidate_page_cache(sender=model)
        assert counters() == (before[0] + 1, before[1])
    before = counters()
    invalidate_page_cache(sender=Registration)  # seats left change, not which pages exist
    assert counters() == (before[0], before[1] + 1)
    for model in (RegistrationMail, ListingRequest, FreshnessReminder):
        invalidate_page_cache(sender=model)
    assert counters() == (before[0], before[1] + 1)


@pytest.mark.django_db
def test_anonymous_second_request_is_a_cache_hit(demo_site, client, page_cache, django_assert_num_queries):
    first = client.get("/en/about/")
    assert first["X-Cache"] == "MISS"
    with django_assert_num_queries(0):
        second = client.get("/en/about/")
    assert second["X-Cache"] == "HIT"
    assert second.content == first.content
    assert "public" in second["Cache-Control"]
    assert "Cookie" in second["Vary"]
    # A hit skips the other middleware: it carries the headers they gave the page when it was stored.
    for header in (
        "Content-Security-Policy",
        "Permissions-Policy",
        "Referrer-Policy",
        "X-Content-Type-Options",
    ):
        assert second[header] == first[header], header


@pytest.mark.django_db
def test_hits_from_redis_build_no_client_per_request(demo_site, client, page_cache, settings, worker_id):
    """Django's Redis backend builds a redis.Redis per operation, a third of a hit's time: ours keeps one."""
    settings.CACHES = {
        "default": {
            "BACKEND": "home.redis_cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:6379/11",
            "KEY_PREFIX": f"pr8werk-test-{worker_id}",
        }
    }
    built = []
    original = redis.Redis.__init__

    def counting_init(self, *args, **kwargs):
        built.append(1)
        original(self, *args, **kwargs)

    with mock.patch.object(redis.Redis, "__init__", counting_init):
        first = client.get("/en/about/")
        hits = [client.get("/en/about/") for _ in range(3)]
        invalidate_page_cache()
        after_change = client.get("/en/about/")
    assert first["X-Cache"] == "MISS"
    assert [hit["X-Cache"] for hit in hits] == ["HIT"] * 3
    assert all(hit.content == first.content for hit in hits)
    assert after_change["X-Cache"] == "MISS"
    assert len(built) == 1


@pytest.mark.django_db
def test_a_hit_takes_one_cache_round_trip_and_a_change_makes_it_stale(
    demo_site, client, page_cache, monkeypatch
):
    """The counters and the page are read together; a page stored under older counters is a miss."""
    client.get("/en/about/")
    LOCAL_PAGES.forget()  # as in a process that has not served the page yet
    reads, inside = [], []

    def counted(name):
        original = getattr(cache, name)

        def read(*args, **kwargs):
            # The local-memory cache answers get_many with one get per key; Redis with one MGET.
            if not inside:
                reads.append(name)
            inside.append(name)
            try:
                return original(*args, **kwargs)
            finally:
                inside.pop()

        return read

    for name in ("get", "get_many"):
        monkeypatch.setattr(cache, name, counted(name))

    assert client.get("/en/about/")["X-Cache"] == "HIT"
    assert reads == ["get_many"]
    # Asked again within the second: from the process's own memory, no round trip at all.
    again = client.get("/en/about/")
    assert again["X-Cache"] == "HIT" and b"<html" in again.content
    assert reads == ["get_many"]

    invalidate_page_cache(sender=ContentPage)  # a change in this process forgets its copies at once
    assert client.get("/en/about/")["X-Cache"] == "MISS"
    assert client.get("/en/about/")["X-Cache"] == "HIT"


@pytest.mark.django_db
def test_a_render_reads_the_content_counters_once(demo_site, client, monkeypatch):
    """Every remembered value, fragment and route is keyed by the counters: a page reads them once,
    not a round trip to Redis for each."""
    client.get("/")
    client.get("/")
    original = cache.get
    counter_reads = []

    def get(key, *args, **kwargs):
        if key in (GENERATION_KEY, LIVE_GENERATION_KEY):
            counter_reads.append(key)
        return original(key, *args, **kwargs)

    monkeypatch.setattr(cache, "get", get)
    for path in ("/", "/nieuws/", "/agenda/"):
        counter_reads.clear()
        assert client.get(path).status_code == 200
        assert len(counter_reads) == len(set(counter_reads)) == 1, (path, counter_reads)


@pytest.mark.django_db  # the request signals also reach Django's connection handling
def test_a_request_sees_its_own_change_and_outside_a_request_every_read_is_fresh(page_cache):

    request_started.send(sender=None)
    try:
        before = current_generation()
        cache.incr(GENERATION_KEY)  # another process's change while this request renders
        assert current_generation() == before  # one request, one state of the content
        invalidate_page_cache(sender=ContentPage)  # this request's own change
        assert current_generation() == before + 2
    finally:
        request_finished.send(sender=None)
    cache.incr(GENERATION_KEY)
    assert current_generation() == before + 3


@pytest.mark.django_db
def test_a_change_in_another_process_shows_within_a_second(demo_site, client, page_cache, settings):
    """Another server process bumps the shared counter only: this process's copy lives out its second."""
    assert settings.PAGE_CACHE_LOCAL_SECONDS == 1
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        first = client.get("/en/about/")
        cache.incr(GENERATION_KEY)  # what _bump does in the other process, without this one hearing
        assert client.get("/en/about/")["X-Cache"] == "HIT"
    with time_machine.travel(start + timedelta(seconds=1), tick=False):
        later = client.get("/en/about/")
    assert later["X-Cache"] == "MISS"
    assert later.content == first.content  # nothing really changed; the point is that it was asked
    cache.incr(GENERATION_KEY)
    with time_machine.travel(start - timedelta(seconds=5), tick=False):  # the clock set back
        assert client.get("/en/about/")["X-Cache"] == "MISS"  # not the copy "from the future"


def test_threads_of_one_process_share_the_local_copies_safely(settings, monkeypatch):
    """Every request gets a response object of its own, while other threads store and forget copies."""
    settings.PAGE_CACHE_DISABLED = False
    # No database here: the clock-driven expiry has tests of its own.
    monkeypatch.setattr("home.cache.seconds_until_scheduled_change", lambda: None)
    cache.clear()
    LOCAL_PAGES.forget()
    renders = []

    def view(request):
        renders.append(request.path)
        return HttpResponse(f"<p>{request.path}</p>" * 200)

    middleware = AnonymousPageCacheMiddleware(view)
    paths = [f"/pagina-{number}/" for number in range(20)]
    errors, seen = [], []
    stop = threading.Event()

    def visitor(offset):
        try:
            for round_ in range(100):
                path = paths[(offset + round_) % len(paths)]
                response = middleware(RequestFactory().get(path))
                response["X-Visitor"] = str(offset)  # a response shared between threads would show it
                time.sleep(0.001)  # while the other threads answer the same addresses
                seen.append((path, response.content, response["X-Visitor"] == str(offset)))
        except Exception as error:  # noqa: BLE001 - reported below, with the thread's failure
            errors.append(error)

    def editor():
        while not stop.is_set():
            invalidate_page_cache()
            time.sleep(0.005)

    threads = [threading.Thread(target=visitor, args=(offset,)) for offset in range(8)]
    changes = threading.Thread(target=editor)
    changes.start()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    stop.set()
    changes.join()
    assert errors == []
    assert len(seen) == 800
    assert all(content == f"<p>{path}</p>".encode() * 200 for path, content, _own in seen)
    assert all(own for _path, _content, own in seen)
    assert len(renders) < 800  # the copies did serve


@pytest.mark.django_db
def test_a_page_cached_while_a_change_commits_is_stale_once_it_has(
    demo_site, client, page_cache, django_capture_on_commit_callbacks
):
    """A render between a change's save and its commit reads the old rows under the new counter."""
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        invalidate_page_cache(sender=ContentPage)  # saved, not yet committed
        assert client.get("/en/about/")["X-Cache"] == "MISS"  # as another process would render it
        assert client.get("/en/about/")["X-Cache"] == "HIT"
    assert callbacks  # the commit
    assert client.get("/en/about/")["X-Cache"] == "MISS"
    assert client.get("/en/about/")["X-Cache"] == "HIT"


@pytest.mark.django_db
def test_publishing_empties_the_cache(demo_site, client, page_cache):
    client.get("/en/about/")
    assert client.get("/en/about/")["X-Cache"] == "HIT"
    page = ContentPage.objects.get(locale__language_code="en", slug="about")
    page.title = "About us, freshly published"
    page.save_revision().publish()
    response = client.get("/en/about/")
    assert response["X-Cache"] == "MISS"
    assert "About us, freshly published" in response.content.decode()


@pytest.mark.django_db
def test_languages_are_cached_apart(demo_site, client, page_cache):
    client.get("/")
    response = client.get("/en/")
    assert response["X-Cache"] == "MISS"
    assert '<html lang="en">' in response.content.decode()


@pytest.mark.django_db
def test_no_cache_for_logged_in_users(demo_site, client, admin_user, page_cache):
    client.force_login(admin_user)
    client.get("/en/about/")
    response = client.get("/en/about/")
    assert "X-Cache" not in response
    assert "private" in response["Cache-Control"]


@pytest.mark.django_db
def test_a_hit_is_served_as_compressed_once_with_its_etag(demo_site, client, page_cache):
    """Gzip pads each compression at random: equal bytes prove the hit was not compressed again."""
    gzip = {"accept-encoding": "gzip, deflate, br"}
    first = client.get("/en/about/", headers=gzip)
    second = client.get("/en/about/", headers=gzip)
    assert (first["X-Cache"], second["X-Cache"]) == ("MISS", "HIT")
    assert second["Content-Encoding"] == "gzip"
    assert second.content == first.content
    assert second["ETag"] == first["ETag"]
    assert "Accept-Encoding" in second["Vary"]

    plain = client.get("/en/about/")
    assert plain["X-Cache"] == "MISS"  # a client without gzip gets a copy of its own
    assert not plain.has_header("Content-Encoding")
    assert b"<html" in plain.content
    assert client.get("/en/about/", headers=gzip)["X-Cache"] == "HIT"


@pytest.mark.django_db
def test_etag_gives_not_modified(demo_site, client, page_cache):
    etag = client.get("/en/about/")["ETag"]
    response = client.get("/en/about/", headers={"if-none-match": etag})
    assert response.status_code == 304


def test_pages_with_a_form_are_never_cached(settings):
    """A response that used a CSRF token (a live form) is not stored, so every visitor gets their own."""
    settings.PAGE_CACHE_DISABLED = False
    cache.clear()
    calls = []

    def view_with_form(request):
        calls.append(1)
        return HttpResponse(f"<form><input name='csrfmiddlewaretoken' value='{get_token(request)}'></form>")

    middleware = AnonymousPageCacheMiddleware(view_with_form)
    factory = RequestFactory()
    middleware(factory.get("/agenda/sessie/"))
    response = middleware(factory.get("/agenda/sessie/"))
    assert len(calls) == 2
    assert "X-Cache" not in response
    cache.clear()


@pytest.mark.django_db
def test_real_live_pages_are_kept_by_no_cache(demo_site, client, page_cache, upcoming_session):
    """The session page (sign-up form, seats left) and the listing request form stay live everywhere."""
    session = upcoming_session()
    for path in (session.url, "/netwerken/aanmelden/", "/en/networks/request-listing/"):
        first = client.get(path)
        assert first.status_code == 200, path
        assert 'name="csrfmiddlewaretoken"' in first.content.decode(), path
        second = client.get(path)
        assert "X-Cache" not in second, path
        assert "private" in second["Cache-Control"] and "no-cache" in second["Cache-Control"], path


@pytest.mark.django_db
@pytest.mark.parametrize("past", [False, True])
def test_a_registration_page_is_never_cached(demo_site, client, page_cache, make_registration, past):
    """It shows a person's name and address, also once the session has taken place and has no form."""
    sessions = EventPage.objects.live().filter(locale__language_code="nl")
    now = timezone.now()
    session = (
        sessions.filter(end__lt=now) if past else sessions.filter(start__gt=now + timedelta(days=1))
    ).first()
    registration = make_registration(session)
    path = reverse("events:registration", kwargs={"token": registration.token()})
    for _ in range(2):
        response = client.get(path)
        assert response.status_code == 200
        assert "anna@example.org" in response.content.decode()
        assert "X-Cache" not in response
        assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]


@pytest.mark.django_db
def test_a_sign_up_renews_cached_pages_but_keeps_menus_and_routes_warm(
    demo_site, client, page_cache, upcoming_session, make_registration, django_assert_max_num_queries
):
    client.get("/agenda/")
    assert client.get("/agenda/")["X-Cache"] == "HIT"
    make_registration(upcoming_session())
    # A first render after a publish costs ~22 queries here; after a sign-up only the page's own.
    with django_assert_max_num_queries(12):
        response = client.get("/agenda/")
    assert response["X-Cache"] == "MISS"


# Long enough for a slow machine to publish and render the agenda before sign-up closes.
SIGNUP_CLOSES_IN = 60


@pytest.mark.django_db
def test_a_cached_agenda_expires_when_sign_up_closes_by_the_clock(
    demo_site, client, page_cache, upcoming_session
):
    """No row changes when sign-up closes; the cached pages expire at that moment instead."""
    session = upcoming_session()
    session.signup_closes = timezone.now() + timedelta(seconds=SIGNUP_CLOSES_IN)
    session.save_revision().publish()

    first = client.get("/agenda/")
    assert first["X-Cache"] == "MISS"
    assert int(first["Cache-Control"].split("max-age=")[1].split(",")[0]) <= SIGNUP_CLOSES_IN
    assert client.get("/agenda/")["X-Cache"] == "HIT"
    # The clock moves past the closing moment; the cache's own expiry reads the same clock.
    with time_machine.travel(timezone.now() + timedelta(seconds=SIGNUP_CLOSES_IN + 1)):
        later = client.get("/agenda/")
    assert later["X-Cache"] == "MISS"
    closed = "event-state--closed"
    assert later.content.decode().count(closed) == first.content.decode().count(closed) + 1


def test_error_responses_are_not_cached(settings):
    settings.PAGE_CACHE_DISABLED = False
    cache.clear()
    middleware = AnonymousPageCacheMiddleware(lambda request: HttpResponse("gone", status=404))
    middleware(RequestFactory().get("/weg/"))
    assert "X-Cache" not in middleware(RequestFactory().get("/weg/"))


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/nieuws/rss/", "/en/news/atom/", "/agenda/ical/"])
def test_feeds_are_cached_with_etags(demo_site, client, page_cache, path):
    first = client.get(path)
    assert first.status_code == 200
    assert first["X-Cache"] == "MISS"
    second = client.get(path)
    assert second["X-Cache"] == "HIT"
    assert "public" in second["Cache-Control"] and "max-age" in second["Cache-Control"]
    assert second.content == first.content
    assert client.get(path, headers={"if-none-match": second["ETag"]}).status_code == 304


@pytest.mark.django_db
def test_seats_left_on_the_agenda_stay_true_after_a_sign_up(demo_site, client, page_cache):
    """The agenda is cached, yet shows seats left: a registration empties the cache like a publish."""
    event = next(
        event
        for event in EventPage.objects.live().filter(locale__language_code="nl").order_by("start")
        if event.capacity and event.registration_state == RegistrationState.OPEN
    )
    before = f"Nog {event.seats_left} plaats"
    client.get("/agenda/")
    cached = client.get("/agenda/")
    assert cached["X-Cache"] == "HIT" and before in cached.content.decode()
    Registration.objects.sign_up(
        event,
        name="Anna de Vries",
        email="anna@example.org",
        role=Registration.Role.choices[0][0],
        language="nl",
    )
    response = client.get("/agenda/")
    assert response["X-Cache"] == "MISS"
    assert f"Nog {event.seats_left} plaats" in response.content.decode()
