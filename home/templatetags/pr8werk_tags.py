import json

from django import template
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.urls import translate_url
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from wagtail.models import Locale, Page, Site

from home.models import SiteSettings

register = template.Library()


def _language_homes(request):
    """The root page of each locale, keyed by language code, in one query."""
    site = Site.find_for_request(request)
    if site is None:
        return {}
    root = site.root_page
    homes = Page.objects.filter(translation_key=root.translation_key).live().select_related("locale")
    return {home.locale.language_code: home for home in homes}


def language_alternates(context):
    """For each language: its URL for the current page and whether that is a real translation.

    Pages link to their translations; a language without a translation links to its home page.
    Views that are not pages translate their URL pattern.
    """
    request = context.get("request")
    if request is None:
        return []
    cached = getattr(request, "_pr8werk_alternates", None)
    if cached is not None:
        return cached
    page = context.get("page")
    current = translation.get_language()
    translated = {}
    homes = None
    if isinstance(page, Page) and page.pk:
        for translation_page in page.get_translations(inclusive=True).live().select_related("locale"):
            translated[translation_page.locale.language_code] = translation_page.get_url(request)
    alternates = []
    for code, name in settings.LANGUAGES:
        if isinstance(page, Page) and page.pk:
            url = translated.get(code)
            is_translation = url is not None
            if url is None:
                if homes is None:
                    homes = _language_homes(request)
                home = homes.get(code)
                url = home.get_url(request) if home else "/"
        else:
            url = translate_url(request.path, code)
            is_translation = True
        alternates.append(
            {
                "code": code,
                "name": name,
                "url": url,
                "is_current": code == current,
                "is_translation": is_translation,
            }
        )
    request._pr8werk_alternates = alternates
    return alternates


@register.simple_tag(takes_context=True)
def get_language_alternates(context):
    return language_alternates(context)


@register.simple_tag(takes_context=True)
def get_menu_pages(context):
    """Pages shown in the main menu: the live, in-menu children of this language's home page."""
    request = context.get("request")
    cached = getattr(request, "_pr8werk_menu", None)
    if cached is not None:
        return cached
    site = Site.find_for_request(request) if request else None
    if site is None:
        return []
    home = site.root_page.localized
    pages = list(home.get_children().live().in_menu().specific(defer=True)) if home else []
    request._pr8werk_menu = (home, pages)
    return request._pr8werk_menu


@register.simple_tag(takes_context=True)
def localized_url(context, page):
    """The URL of a page's translation in the active language, falling back to the page itself."""
    if page is None:
        return ""
    page = page.localized
    return page.get_url(context.get("request")) or ""


@register.filter
def localized(instance):
    """A translatable object in the active language, or the object itself."""
    if instance is None:
        return None
    try:
        return instance.localized
    except (AttributeError, Locale.DoesNotExist):
        return instance


@register.simple_tag(takes_context=True)
def is_active_section(context, menu_page):
    page = context.get("page")
    if not isinstance(page, Page):
        return False
    return page.path.startswith(menu_page.path)


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
    site_settings = SiteSettings.for_request(request)
    data = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": "Pr8werk",
        "url": request.build_absolute_uri("/"),
        "areaServed": "Achterhoek",
    }
    if site_settings.contact_email:
        data["email"] = site_settings.contact_email
    if site_settings.contact_phone:
        data["telephone"] = site_settings.contact_phone
    same_as = [url for _label, url in site_settings.social_links]
    if same_as:
        data["sameAs"] = same_as
    return ld_json(data)
