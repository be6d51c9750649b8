"""Page routing with a memory: which page answers a path, per site, language and content generation.

Wagtail resolves a URL by walking the tree one level per path segment, plus the site and locale
lookups: 6 to 8 queries before a page renders anything. The answer only changes when content
changes, so it is kept in the cache under the content generation (home/cache.py) and the page is
then fetched in a single query; routable pages resolve their own sub-paths (feeds, calendars).
"""

from django.apps import apps
from django.core.cache import cache
from django.db.models import Q
from django.http import Http404
from django.http.request import split_domain_port
from django.utils import translation
from wagtail import views as wagtail_views
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.query import PageQuerySet

from home.cache import current_generation

ROUTE_SECONDS = 3600
_MISSING = object()


def cached_site_for_request(request):
    """Site.find_for_request, remembered per host and port."""
    if hasattr(request, "_wagtail_site"):
        return request._wagtail_site
    hostname = split_domain_port(request._get_raw_host())[0]
    key = f"route-site:{current_generation()}:{hostname}:{request.get_port()}"
    site = cache.get(key, _MISSING)
    if site is _MISSING:
        site = Site.find_for_request(request)
        cache.set(key, site, ROUTE_SECONDS)
    request._wagtail_site = site
    return site


def serve(request, path):
    """Wagtail's serve view, with the route looked up in the cache first."""
    site = cached_site_for_request(request)
    if site is not None and not hasattr(request, "_wagtail_route_for_request"):
        key = f"route:{current_generation()}:{site.pk}:{translation.get_language()}:{path}"
        remembered = cache.get(key)
        if remembered is not None:
            _route_remembered(request, path, remembered)
        else:
            result = Page.route_for_request(request, path)
            if result is not None and result[0].live:
                found = result[0]
                # How many path components name the page; the rest is a sub-route of a routable page.
                consumed = found.depth - site.root_page.depth
                cache.set(key, (found._meta.label_lower, found.pk, consumed), ROUTE_SECONDS)
    return wagtail_views.serve(request, path)


def _route_remembered(request, path, remembered):
    model_label, page_id, consumed = remembered
    model = apps.get_model(model_label)
    # The locale joined in: templates and alternates ask for it; a page type can name more
    # (a news item its lead image).
    related = ("locale", *getattr(model, "route_select_related", ()))
    page = model.objects.filter(pk=page_id, live=True).select_related(*related).first()
    if page is None:
        return  # gone since: Wagtail routes it the long way
    components = [component for component in path.split("/") if component]
    try:
        # No query: a plain page answers for itself, a routable page resolves its own sub-path.
        request._wagtail_route_for_request = page.route(request, components[consumed:])
    except Http404:
        request._wagtail_route_for_request = None


def any_view_restrictions():
    """Whether any page of any site has a view restriction (password, login, groups)."""
    key = f"route-restrictions:{current_generation()}"
    exists = cache.get(key)
    if exists is None:
        exists = PageViewRestriction.objects.exists()
        cache.set(key, exists, ROUTE_SECONDS)
    return exists


# What the shortcut below wraps, kept for tests/home/test_routing.py: it compares them with the
# Wagtail release they were written against, so an upgrade that changes them fails there, loudly.
WRAPPED = {}


def install_view_restriction_shortcut():
    """Skip the two restriction queries per page view while no restriction exists at all.

    Wagtail has no setting or hook for this; the two methods are wrapped, not rewritten: with a
    restriction anywhere, Wagtail's own code answers.
    """
    original = Page.get_view_restrictions
    if getattr(original, "_pr8werk_shortcut", False):
        return
    WRAPPED["Page.get_view_restrictions"] = original

    def get_view_restrictions(self):
        if not any_view_restrictions():
            return PageViewRestriction.objects.none()
        return original(self)

    get_view_restrictions._pr8werk_shortcut = True
    Page.get_view_restrictions = get_view_restrictions

    # PageQuerySet.public() reads every restriction to build its filter: no restriction, no filter.
    original_private_q = PageQuerySet.private_q
    WRAPPED["PageQuerySet.private_q"] = original_private_q

    def private_q(self):
        if not any_view_restrictions():
            return Q(pk__in=[])
        return original_private_q(self)

    PageQuerySet.private_q = private_q
