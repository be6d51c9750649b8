"""Full-page cache for anonymous visitors, on Django's cache framework.

Why not a cache library: the rules that matter here are few and site-specific (never for logged-in
users, never for a response that carries a CSRF token or sets a cookie, empty it on every content
change), and Django's cache API gives shared Redis in production and local memory by default.

Invalidation is by generation: every content change in the database increments one counter that is
stored with every cached page, so all cached pages turn stale at once, in every process that shares
the cache. A hit costs one cache round trip: the counters and the page are read together; a page
asked for again within a second comes from the server process's own memory (LocalPages).
"""

import hashlib
import math
import re
import threading
import time
from contextvars import ContextVar

from django.conf import settings
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import connection, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.middleware.http import ConditionalGetMiddleware
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control, patch_vary_headers, set_response_etag
from django.utils.safestring import mark_safe
from django_tasks.signals import task_finished
from modelsearch.tasks import insert_or_update_object_task
from wagtail.models import Site
from wagtail.signals import page_published, page_unpublished, post_page_move, published, unpublished

GENERATION_KEY = "pagecache:generation"
# GZipMiddleware's own test: a client that takes gzip gets the compressed copy, others the plain one.
ACCEPTS_GZIP = re.compile(r"\bgzip\b")
# Rows that change what pages show but not which pages exist, their menus or their addresses (a
# sign-up: seats left) get a counter of their own, so that they empty the page cache but keep the
# remembered chrome and routes warm.
LIVE_GENERATION_KEY = "pagecache:live-generation"
LIVE_MODELS = set()
# Apps whose rows are content a public page may show: any save or delete empties the cache. Feature
# apps add themselves with register_content() from their ready(): home names none of them.
CONTENT_APPS = {
    "home",
    "wagtailcore",
    "wagtailimages",
    "wagtaildocs",
    "taggit",
    "wagtailredirects",
}
# Rows written while nobody changes content (revisions of drafts are content changes too).
IGNORED_MODELS = {
    ("wagtailcore", "pagelogentry"),
    ("wagtailcore", "modellogentry"),
    # Renditions are made while pages render; they change no content.
    ("wagtailimages", "rendition"),
}


def _key(model):
    return (model._meta.app_label, model._meta.model_name)


def register_content(app_label, *, never_shown=(), live=()):
    """Saving or deleting a row of app_label empties the page cache.

    never_shown: models no public page shows (mail logs, requests to staff): their rows change
    nothing. live: models whose rows change what a page shows but not which pages exist.
    """
    CONTENT_APPS.add(app_label)
    IGNORED_MODELS.update(_key(model) for model in never_shown)
    LIVE_MODELS.update(_key(model) for model in live)


def page_cache_timeout():
    return getattr(settings, "PAGE_CACHE_SECONDS", 600)


# The counters as this request first read them: a page asks for them a dozen times (every remembered
# value, fragment and route), each a round trip to Redis; one request sees one state of the content.
# A change made by the request itself forgets them (_bump).
_REQUEST_GENERATIONS = ContextVar("pagecache_request_generations", default=None)


def current_generation(key=GENERATION_KEY):
    known = _REQUEST_GENERATIONS.get()
    if known is not None and key in known:
        return known[key]
    generation = cache.get(key)
    if generation is None:
        cache.add(key, 1, None)
        generation = cache.get(key, 1)
    if known is not None:
        known[key] = generation
    return generation


def _request_started(**kwargs):
    _REQUEST_GENERATIONS.set({})


def _request_finished(**kwargs):
    _REQUEST_GENERATIONS.set(None)


def _bump(key):
    try:
        cache.incr(key)
    except ValueError:  # not there yet (or evicted): a fresh counter also misses every old key
        cache.set(key, 2, None)
    LOCAL_PAGES.forget()
    if (known := _REQUEST_GENERATIONS.get()) is not None:
        known.clear()


class LocalPages:
    """The pages this server process took from the shared cache in the last moment.

    A hit from the shared cache costs a round trip to Redis and most of a hit's time; a page asked
    for again within PAGE_CACHE_LOCAL_SECONDS (1 s) comes from the process's own memory. A change
    made in this process forgets them all at once; one made in another process shows here at most
    that long after, well within the minute a browser or proxy may keep the page anyway (max-age).
    Every entry is checked against the shared counters when it is taken, so nothing older survives:
    not a cleared cache, not a restarted Redis.
    """

    def __init__(self, size=500):
        self.size = size
        self.entries = {}
        self.lock = threading.Lock()

    @staticmethod
    def seconds():
        return settings.PAGE_CACHE_LOCAL_SECONDS

    def get(self, key, now):
        entry = self.entries.get(key)
        # The wall clock, like the shared cache's own expiry; a clock set back ends every entry.
        if entry is None or not 0 <= now - entry[0] < self.seconds():
            return None
        _taken, status, headers, content = entry
        # A response of its own for every request: threads of one process may send it at once.
        return HttpResponse(content, status=status, headers=headers)

    def put(self, key, response, now):
        if not self.seconds():
            return
        entry = (now, response.status_code, dict(response.items()), response.content)
        with self.lock:
            self.entries.pop(key, None)
            if len(self.entries) >= self.size:
                del self.entries[next(iter(self.entries))]  # the oldest
            self.entries[key] = entry

    def forget(self):
        with self.lock:
            self.entries.clear()


LOCAL_PAGES = LocalPages()


_MISSING = object()


def remembered(name, build, timeout=3600):
    """What build() returns, kept in the cache until content changes.

    For the small lookups many pages repeat (the sectors of a language, the news index of a
    language): one cache read instead of a query per page view.
    """
    key = f"remembered:{current_generation()}:{name}"
    value = cache.get(key, _MISSING)
    if value is _MISSING:
        value = build()
        cache.set(key, value, timeout)
    return value


def remembered_fragments(context, template_name, name, items, vary=lambda item: item.pk, timeout=3600):
    """Each of ``items`` rendered by ``template_name`` (as ``name``, within ``context``), kept in the
    cache until content changes: one cache read for all of them, the missing ones rendered.

    For the cards of a long list, each a few hundred microseconds of template rendering. ``vary(item)``
    names the item and everything else a card shows that may differ between renderings of the same
    content (a heading level, the state of the clock or of a seat count); the content generation,
    the language and the site its links are relative to are part of every key.
    """
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    prefix = f"fragment:{current_generation()}:{translation.get_language()}:{site.pk if site else 0}:{template_name}"
    keys = [f"{prefix}:{vary(item)}" for item in items]
    found = cache.get_many(keys) if keys else {}
    made = {}
    for key, item in zip(keys, items, strict=True):
        if key not in found:
            with context.push({name: item}):
                made[key] = found[key] = context.template.engine.get_template(template_name).render(context)
    if made:
        cache.set_many(made, timeout)
    return mark_safe("".join(found[key] for key in keys))  # noqa: S308 - rendered by the template engine


_SCHEDULE_HOOKS = []


def register_scheduled_change(hook):
    """hook(now) returns the next moment at which a public page changes by the clock alone, or None.

    Sign-up opening and closing, a session starting: no row changes then, so nothing empties the
    cache. Cached pages expire at that moment instead.
    """
    _SCHEDULE_HOOKS.append(hook)
    return hook


def seconds_until_scheduled_change():
    now = timezone.now()
    key = f"next-scheduled-change:{current_generation()}"
    moment = cache.get(key, _MISSING)
    if moment is _MISSING or (moment is not None and moment <= now):
        moment = min((m for hook in _SCHEDULE_HOOKS if (m := hook(now)) is not None), default=None)
        cache.set(key, moment, 3600)
    if moment is None:
        return None
    return max(1, math.ceil((moment - now).total_seconds()))


def invalidate_page_cache(**kwargs):
    sender = kwargs.get("sender")
    meta = getattr(sender, "_meta", None)
    if meta is not None and (
        meta.app_label not in CONTENT_APPS or (meta.app_label, meta.model_name) in IGNORED_MODELS
    ):
        return
    key = (
        LIVE_GENERATION_KEY
        if meta is not None and (meta.app_label, meta.model_name) in LIVE_MODELS
        else GENERATION_KEY
    )
    _bump(key)
    # Now, so that this transaction's own later reads see the change; and again once it commits:
    # another process rendering in between reads the old rows under the new counter, and would
    # keep that page (and the remembered routes and menus) until the next change. Outside a
    # transaction the row is committed already.
    if connection.in_atomic_block:
        transaction.on_commit(lambda: _bump(key), robust=True)


def invalidate_on_any(**kwargs):
    invalidate_page_cache()


def search_index_updated(task_result, **kwargs):
    """A saved page is indexed for search by a task, in production a moment later in the worker: a
    search shown or remembered in between would miss the change."""
    if task_result.task.module_path == insert_or_update_object_task.module_path:
        invalidate_page_cache()


def connect_signals():
    request_started.connect(_request_started, dispatch_uid="pagecache_request_started")
    request_finished.connect(_request_finished, dispatch_uid="pagecache_request_finished")
    task_finished.connect(search_index_updated, dispatch_uid="pagecache_search_index")
    post_save.connect(invalidate_page_cache, dispatch_uid="pagecache_post_save")
    post_delete.connect(invalidate_page_cache, dispatch_uid="pagecache_post_delete")
    m2m_changed.connect(invalidate_page_cache, dispatch_uid="pagecache_m2m_changed")
    # Wagtail updates some rows with queryset.update(), which sends no post_save: its own signals
    # cover those changes.
    for signal in (page_published, page_unpublished, post_page_move, published, unpublished):
        signal.connect(invalidate_on_any, dispatch_uid=f"pagecache_{id(signal)}")


class AnonymousPageCacheMiddleware:
    """Serve anonymous GET requests for public pages from the cache; mark what it did in X-Cache.

    It comes first in MIDDLEWARE: a hit goes out as stored, with the headers the inner middleware
    added when it was made (security headers, its ETag) and compressed once, instead of passing
    through them, being compressed and hashed again on every request.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.conditional = ConditionalGetMiddleware(get_response)
        self.skip_prefixes = ("/admin/", "/documents/", settings.STATIC_URL, settings.MEDIA_URL)

    def __call__(self, request):
        if not self.is_cacheable_request(request):
            response = self.get_response(request)
            if settings.SESSION_COOKIE_NAME in request.COOKIES and not request.path.startswith(
                self.skip_prefixes
            ):
                # Personal pages (the Wagtail user bar, messages) must not land in any shared cache.
                patch_cache_control(response, private=True, no_cache=True)
            return response
        key = self.key_for(request)
        now = time.time()
        if (local := LOCAL_PAGES.get(key, now)) is not None:
            return self.hit(request, local)
        # The counters and the page in one cache round trip: this runs on every anonymous request.
        found = cache.get_many([GENERATION_KEY, LIVE_GENERATION_KEY, key])
        if (known := _REQUEST_GENERATIONS.get()) is not None:
            # The page renders with the counters it will be stored under.
            known.update(
                {name: found[name] for name in (GENERATION_KEY, LIVE_GENERATION_KEY) if name in found}
            )
        generations = ".".join(
            str(found[name]) if name in found else str(current_generation(name))
            for name in (GENERATION_KEY, LIVE_GENERATION_KEY)
        )
        stored_generations, cached = found.get(key, (None, None))
        if stored_generations == generations:
            LOCAL_PAGES.put(key, cached, now)
            return self.hit(request, cached)
        response = self.get_response(request)
        if self.is_cacheable_response(request, response):
            timeout = page_cache_timeout()
            max_age = getattr(settings, "PAGE_CACHE_MAX_AGE", 60)
            until_change = seconds_until_scheduled_change()
            if until_change is not None:
                timeout, max_age = min(timeout, until_change), min(max_age, until_change)
            patch_vary_headers(response, ["Cookie", "Accept-Encoding"])
            patch_cache_control(response, public=True, max_age=max_age)
            if request.method == "GET" and not response.has_header("ETag"):
                set_response_etag(response)
            # Stored with the counters read before rendering: a change while it rendered makes it stale.
            # One entry per address, replaced when content changes, instead of one per generation.
            cache.set(key, (generations, response), timeout)  # template responses are rendered by now
            LOCAL_PAGES.put(key, response, now)
            response["X-Cache"] = "MISS"
        elif response.status_code == 200 and not response.has_header("Cache-Control"):
            # A live page (a form with this visitor's CSRF token): a proxy must not keep it either.
            patch_cache_control(response, private=True, no_cache=True)
        return response

    def hit(self, request, response):
        response["X-Cache"] = "HIT"
        if "HTTP_IF_NONE_MATCH" in request.META or "HTTP_IF_MODIFIED_SINCE" in request.META:
            # The middleware inside this one do not run for a hit: ConditionalGet's answer here.
            return self.conditional.process_response(request, response)
        return response

    def is_cacheable_request(self, request):
        return (
            request.method in ("GET", "HEAD")
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and not request.path.startswith(self.skip_prefixes)
            and not getattr(settings, "PAGE_CACHE_DISABLED", False)
        )

    def is_cacheable_response(self, request, response):
        if response.status_code != 200 or response.streaming or response.cookies:
            return False
        if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or request.META.get("CSRF_COOKIE_USED"):
            return False  # the page holds a form with a CSRF token
        cache_control = response.get("Cache-Control", "")
        return not any(word in cache_control for word in ("private", "no-cache", "no-store"))

    def key_for(self, request):
        url = request.build_absolute_uri()
        digest = hashlib.sha256(url.encode()).hexdigest()
        encoding = "gzip" if ACCEPTS_GZIP.search(request.headers.get("Accept-Encoding", "")) else "identity"
        return f"pagecache:page:{request.method}:{encoding}:{digest}"
