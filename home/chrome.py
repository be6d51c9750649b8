"""The parts of every page that are the same for a language: menu, language homes, footer.

Built once per language and content generation and kept in the cache (home/cache.py empties it on
every content change), so a page spends its queries on its own content, not on the frame around it.
"""

from django.conf import settings
from django.core.cache import cache
from django.utils import translation
from wagtail.models import Locale, Page, Site
from wagtail.rich_text import expand_db_html

from home.cache import current_generation, remembered
from home.models import SiteSettings

CHROME_SECONDS = 3600


def site_chrome(request):
    """Menu, homes per language and footer data for the request's site and active language."""
    cached = getattr(request, "_pr8werk_chrome", None)
    if cached is not None:
        return cached
    site = Site.find_for_request(request)
    language = translation.get_language() or settings.LANGUAGE_CODE
    if site is None:
        return {"homes": {}, "home_url": "/", "menu": [], "footer": {}}
    key = f"chrome:{current_generation()}:{site.pk}:{language}"
    chrome = cache.get(key)
    if chrome is None:
        chrome = _build_chrome(request, site, language)
        cache.set(key, chrome, CHROME_SECONDS)
    request._pr8werk_chrome = chrome
    return chrome


def _build_chrome(request, site, language):
    homes = {
        home.locale.language_code: home
        for home in Page.objects.filter(translation_key=site.root_page.translation_key)
        .live()
        .select_related("locale")
    }
    home = homes.get(language) or site.root_page
    menu = [
        {"id": child.pk, "path": child.path, "title": child.title, "url": child.get_url(request)}
        for child in home.get_children().live().in_menu()
    ]
    site_settings = SiteSettings.for_site(site)
    locale = Locale.objects.filter(language_code=language).first()
    footer_html = ""
    if site_settings.footer_text_id and locale is not None:
        footer = site_settings.footer_text
        footer = footer.get_translation_or_none(locale) or footer
        footer_html = expand_db_html(footer.text)
    return {
        "homes": {code: page.get_url(request) for code, page in homes.items()},
        "home_url": home.get_url(request) or "/",
        "menu": menu,
        "footer": {
            "html": footer_html,
            "email": site_settings.contact_email,
            "phone": site_settings.contact_phone,
            "address": site_settings.address,
            "social_links": site_settings.social_links,
            "privacy_url": _localized_url(site_settings.privacy_page, locale, request),
            "accessibility_url": _localized_url(site_settings.accessibility_page, locale, request),
        },
    }


def _localized_url(page, locale, request):
    if page is None:
        return ""
    if locale is not None:
        page = page.get_translation_or_none(locale) or page
    return page.get_url(request) or ""


def page_translation_urls(request, page):
    """URLs of the live translations of a page, the page itself included, keyed by language."""
    site = Site.find_for_request(request)
    key = f"alternates:{current_generation()}:{site.pk if site else 0}:{page.pk}"
    urls = cache.get(key)
    if urls is None:
        urls = {
            translated.locale.language_code: translated.get_url(request)
            for translated in page.get_translations(inclusive=True).live().select_related("locale")
        }
        cache.set(key, urls, CHROME_SECONDS)
    return urls


def landmark_page(model, **lookup):
    """The first live page of a type that matches, such as the news index of a language.

    Home page sections and news items link their section's landing page on every view; which page
    that is only changes with the content, so it is remembered, not queried.
    """
    name = (
        "landmark:"
        + model._meta.label_lower
        + "".join(f":{key}={value}" for key, value in sorted(lookup.items()))
    )
    return remembered(name, lambda: model.objects.live().filter(**lookup).order_by("path").first())
