"""/sitemap.xml: an index of parts, one per section and language, each paged and cached on its own.

One document for every page in every language grew to 1.13 MB at 10,000 news items and was rebuilt
whole after every publish. Crawlers read an index (https://www.sitemaps.org/protocol.html#index)
and fetch only the parts they need; each part is at most ``SectionSitemap.limit`` pages long.

Feature apps name their section from their ``ready()`` with ``register_section()``: home names none
of them. Whatever page type no app claims (the home pages, content pages) is in home's "pages"
section, so every public page is in exactly one part.
"""

from collections import defaultdict

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.contrib.sitemaps import views as sitemap_views
from django.db.models import Count, Max, Q
from django.db.models.functions import Coalesce
from django.http import Http404
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page, Site

from home.cache import remembered

HOME_SECTION = "pages"
_sections = {}  # section name: the page models it lists, in registration order


def register_section(name, *models):
    """List the pages of ``models`` in a sitemap part of their own, /sitemap-<name>-<language>.xml."""
    if name == HOME_SECTION or not name.isalpha():
        raise ValueError(f"sitemap section {name!r}: letters only, and not {HOME_SECTION!r}")
    _sections[name] = models


def section_names():
    return [HOME_SECTION, *_sections]


def _content_types(section):
    models = _sections[section] if section != HOME_SECTION else [m for ms in _sections.values() for m in ms]
    return [content_type.pk for content_type in ContentType.objects.get_for_models(*models).values()]


def _in_section(section):
    """Pages of a section: the types an app registered, or for home's section every type no app did."""
    if section == HOME_SECTION:
        return ~Q(content_type_id__in=_content_types(section))
    return Q(content_type_id__in=_content_types(section))


def language_trees(request):
    """{language code: path of that language's home page} for the request's site.

    The English and German trees are siblings of the Dutch site root, not under it, so Wagtail's own
    sitemap (the tree under the root) would list only Dutch pages.
    """
    site = Site.find_for_request(request) or Site.objects.select_related("root_page").get(
        is_default_site=True
    )
    homes = site.root_page.get_translations(inclusive=True)
    return dict(homes.values_list("locale__language_code", "path"))


def _in_trees(trees):
    in_a_tree = Q(pk__in=[])
    for path in trees.values():
        in_a_tree |= Q(path__startswith=path)
    return in_a_tree


class SectionSitemap(Sitemap):
    """The public pages of one section in one language, each with its translations as alternates."""

    limit = 500  # pages per document: a part of 500 pages with alternates is about 200 KB

    def __init__(self, request, section, language, trees, count=None, lastmod=None):
        super().__init__(request)
        self.section, self.language, self.trees = section, language, trees
        self._count, self._lastmod = count, lastmod

    def items(self):
        return (
            Page.objects.filter(_in_section(self.section), path__startswith=self.trees[self.language])
            .live()
            .public()
            .order_by("path")
            # get_sitemap_urls of the page's own class, without a query per page type.
            .specific(defer=True)
        )

    @property
    def paginator(self):
        paginator = super().paginator
        if self._count is not None:
            paginator.count = self._count  # counted for every part at once by the index
        return paginator

    def get_latest_lastmod(self):
        # Django's default would load every page of the part to find the latest.
        return self._lastmod

    def _urls(self, page, protocol, domain):
        listed = [
            (item, item.get_sitemap_urls(self.request)) for item in self.paginator.page(page).object_list
        ]
        alternates = self.translation_urls({item.translation_key for item, _ in listed})
        urls = []
        for item, url_infos in listed:
            urls.extend(url_infos)
            translations = alternates.get(item.translation_key, {})
            if url_infos and len(translations) > 1:
                url_infos[0]["alternates"] = [
                    {"lang_code": code, "location": location}
                    for code, location in sorted(translations.items())
                ]
                if settings.LANGUAGE_CODE in translations:
                    url_infos[0]["alternates"].append(
                        {"lang_code": "x-default", "location": translations[settings.LANGUAGE_CODE]}
                    )
        lastmods = {url.get("lastmod") for url in urls}
        if lastmods and None not in lastmods:
            self.latest_lastmod = max(lastmods)
        return urls

    def translation_urls(self, translation_keys):
        """{translation key: {language code: URL}} of the public translations, this part's own included."""
        translations = (
            Page.objects.filter(_in_trees(self.trees), translation_key__in=translation_keys)
            .live()
            .public()
            .select_related("locale")
        )
        urls = defaultdict(dict)
        for translation in translations:
            url = translation.get_full_url(self.request)
            if url:
                urls[translation.translation_key][translation.locale.language_code] = url
        return urls


def parts(request):
    """{"<section>-<language>": sitemap} of every part with pages, counted in one query."""
    trees = language_trees(request)
    found = (
        Page.objects.filter(_in_trees(trees))
        .live()
        .public()
        .order_by()
        .values("locale__language_code", "content_type_id")
        .annotate(count=Count("pk"), lastmod=Max(Coalesce("last_published_at", "latest_revision_created_at")))
    )
    section_of = {content_type: name for name in _sections for content_type in _content_types(name)}
    stats = defaultdict(lambda: {"count": 0, "lastmod": None})
    for row in found:
        part = stats[(section_of.get(row["content_type_id"], HOME_SECTION), row["locale__language_code"])]
        part["count"] += row["count"]
        if row["lastmod"] is not None:
            part["lastmod"] = max(part["lastmod"] or row["lastmod"], row["lastmod"])
    return {
        f"{section}-{language}": SectionSitemap(
            request, section, language, trees, **stats[(section, language)]
        )
        for section in section_names()
        for language, _name in settings.LANGUAGES
        if (section, language) in stats and language in trees
    }


def _remembered_response(request, name, build):
    """The rendered response of build(), kept until content changes: a hit costs no page queries."""
    key = f"sitemap:{request.scheme}://{request.get_host()}:{name}"

    def render():
        response = build()
        response.render()
        return response

    return remembered(key, render)


def index(request):
    return _remembered_response(
        request,
        "index",
        lambda: sitemap_views.index(request, parts(request), sitemap_url_name="sitemap_part"),
    )


def part(request, section):
    """One part of the index; ``section`` is "<section>-<language>", as Django's index view names it."""
    section, _, language = section.partition("-")
    if section not in section_names() or language not in dict(settings.LANGUAGES):
        raise Http404("No such sitemap")
    try:
        # int() also refuses digit strings past Python's limit; the number, not the text, names
        # the cached document, so ?p=01 is not a second copy.
        number = int(request.GET.get("p", "1"))
    except ValueError as error:
        raise Http404("Sitemap page is not a number") from error

    def build():
        trees = language_trees(request)
        if language not in trees:
            raise Http404("No pages in this language")
        sitemap = SectionSitemap(request, section, language, trees)
        name = f"{section}-{language}"
        return sitemap_views.sitemap(request, {name: sitemap}, section=name)

    return _remembered_response(request, f"{section}-{language}:{number}", build)
