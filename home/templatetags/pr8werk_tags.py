import json

from django import template
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.urls import NoReverseMatch, translate_url
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext
from wagtail.models import Locale, Page

from home.chrome import page_translation_urls, site_chrome

register = template.Library()


def language_alternates(context):
    """For each language: its URL for the current page and whether that is a real translation.

    Pages link to their translations; a language without a translation links to its home page.
    Views that are not pages translate their URL pattern.

    ``url`` is the address itself (canonical and hreflang links name it); ``switch_url`` is where
    the language switcher goes, with the query kept (a filter, a page number, a form's thank-you),
    since sector slugs and other query values are the same in every language.
    """
    request = context.get("request")
    if request is None:
        return []
    cached = getattr(request, "_pr8werk_alternates", None)
    if cached is not None:
        return cached
    page = context.get("page")
    current = translation.get_language()
    is_page = isinstance(page, Page) and page.pk
    translated = page_translation_urls(request, page) if is_page else {}
    match = getattr(request, "routable_resolver_match", None)
    if is_page and match is not None and request.path != translated.get(current):
        translated = subroute_translation_urls(request, page, match)
    homes = site_chrome(request)["homes"] if is_page else {}
    query = f"?{request.GET.urlencode()}" if request.GET else ""
    alternates = []
    for code, name in settings.LANGUAGES:
        if is_page:
            url = translated.get(code)
            is_translation = url is not None
            if url is None:
                url = homes.get(code, "/")
            # A language's home page has no use for this page's filter or page number.
            switch_url = url + query if is_translation else url
        else:
            # Views that are not pages (search, forms) keep their query in every language.
            url = translate_url(request.path, code) + query
            is_translation = True
            switch_url = url
        alternates.append(
            {
                "code": code,
                "name": name,
                "url": url,
                "switch_url": switch_url,
                "is_current": code == current,
                "is_translation": is_translation,
            }
        )
    request._pr8werk_alternates = alternates
    return alternates


def subroute_translation_urls(request, page, match):
    """The same sub-route of a routable page (a feed, a form) in each translation of that page.

    A page may name the translated address itself with a method `<route name>_url()`, for routes
    whose path differs per language; otherwise the route is reversed with the same arguments.
    """
    urls = {}
    for translated in page.get_translations(inclusive=True).live().specific().select_related("locale"):
        named = getattr(translated, f"{match.url_name}_url", None) if match.url_name else None
        try:
            if callable(named):
                url = named()
            else:
                url = translated.get_url(request) + translated.reverse_subpage(
                    match.url_name, args=match.args, kwargs=match.kwargs
                ).lstrip("/")
        except (NoReverseMatch, TypeError):
            url = translated.get_url(request)
        urls[translated.locale.language_code] = url
    return urls


@register.simple_tag(takes_context=True)
def get_language_alternates(context):
    return language_alternates(context)


@register.simple_tag(takes_context=True)
def get_site_chrome(context):
    """Menu, language homes and footer data (home/chrome.py), cached per language."""
    request = context.get("request")
    if request is None:
        return {"homes": {}, "home_url": "/", "menu": [], "footer": {}}
    return site_chrome(request)


@register.simple_tag(takes_context=True)
def localized_url(context, page):
    """The URL of a page's translation in the active language, falling back to the page itself."""
    if page is None:
        return ""
    request = context.get("request")
    if request is not None:
        # The cached list of translations: no locale or translation query per link.
        urls = page_translation_urls(request, page)
        return urls.get(translation.get_language()) or page.get_url(request) or ""
    page = page.localized
    return page.get_url(request) or ""


# Where a page's meta description comes from when its editor left "Search description" empty: the
# first text of the page's own that says what it is about.
DESCRIPTION_FIELDS = ("search_description", "intro", "short_description", "mission")


@register.simple_tag(takes_context=True)
def meta_description(context):
    """The page's description for search results: never empty, in the page's language."""
    page = context.get("page")
    for field in DESCRIPTION_FIELDS:
        text = getattr(page, field, "") if page is not None else ""
        if isinstance(text, str) and text.strip():
            # Search engines show about 160 characters; a whole intro would be cut mid-word anyway.
            return Truncator(" ".join(text.split())).chars(300)
    return gettext(
        "Pr8werk gets more work for independent professionals in the Achterhoek by bringing them "
        "together with clients from business, government and non-profit organisations."
    )


@register.filter
def localized(instance):
    """A translatable object in the active language, or the object itself."""
    if instance is None:
        return None
    try:
        return instance.localized
    except (AttributeError, Locale.DoesNotExist):
        return instance


@register.filter
def in_language_of(target, page):
    """``target`` (a page or snippet) in the language of ``page``: itself when it already is, else its live translation.

    Chosen pages are usually in the right language already (translations map them), so this only
    costs a query when they are not, unlike ``localized``, which looks up the active locale each time.
    """
    if target is None:
        return None
    if not isinstance(page, Page):  # a block rendered outside a page (a block preview): the active language
        return localized(target)
    if target.locale_id == page.locale_id:
        return target
    translation = target.get_translation_or_none(page.locale_id)
    if translation is None or not getattr(translation, "live", True):
        return target
    return translation


@register.simple_tag(takes_context=True)
def is_active_section(context, menu_item):
    """Whether the current page is the menu item or lies below it."""
    page = context.get("page")
    if not isinstance(page, Page):
        return False
    return page.path.startswith(menu_item["path"])


_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter
def ld_json(data):
    """A schema.org JSON-LD block; <, > and & are escaped so content cannot close the script."""
    payload = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_JSON_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(payload))  # noqa: S308


@register.simple_tag(takes_context=True)
def organization_ld(context):
    """schema.org Organization data for Pr8werk, from the site settings."""
    request = context["request"]
    footer = site_chrome(request)["footer"]
    data = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": "Pr8werk",
        "url": request.build_absolute_uri("/"),
        "areaServed": "Achterhoek",
    }
    if footer.get("email"):
        data["email"] = footer["email"]
    if footer.get("phone"):
        data["telephone"] = footer["phone"]
    same_as = [url for _label, url in footer.get("social_links", [])]
    if same_as:
        data["sameAs"] = same_as
    return ld_json(data)
