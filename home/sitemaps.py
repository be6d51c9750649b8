from collections import defaultdict

from django.conf import settings
from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap
from wagtail.models import Locale, Page


class MultilingualSitemap(Sitemap):
    """Every public page of the site in every locale.

    Wagtail's own sitemap lists the tree under the site root, which is the Dutch tree only; the
    English and German trees are siblings of it.
    """

    def items(self):
        root = self.get_wagtail_site().root_page
        homes = root.get_translations(inclusive=True)
        in_a_tree = Q()
        for path in homes.values_list("path", flat=True):
            in_a_tree |= Q(path__startswith=path)
        return Page.objects.filter(in_a_tree).live().public().order_by("path").defer_streamfields().specific()

    def _urls(self, page, protocol, domain):
        """Wagtail's URLs, each page's own URL with its translations as hreflang alternates."""
        languages = dict(Locale.objects.values_list("pk", "language_code"))
        listed = []
        translations = defaultdict(dict)
        for item in self.paginator.page(page).object_list.iterator():
            url_infos = item.get_sitemap_urls(self.request)
            listed.append((item, url_infos))
            if url_infos:
                translations[item.translation_key][languages[item.locale_id]] = url_infos[0]["location"]
        urls = []
        for item, url_infos in listed:
            urls.extend(url_infos)
            alternates = translations[item.translation_key]
            if url_infos and len(alternates) > 1:
                url_infos[0]["alternates"] = [
                    {"lang_code": code, "location": location} for code, location in sorted(alternates.items())
                ]
                if settings.LANGUAGE_CODE in alternates:
                    url_infos[0]["alternates"].append(
                        {"lang_code": "x-default", "location": alternates[settings.LANGUAGE_CODE]}
                    )
        lastmods = {url.get("lastmod") for url in urls}
        if lastmods and None not in lastmods:
            self.latest_lastmod = max(lastmods)
        return urls


def sitemap(request):
    return wagtail_sitemap(request, sitemaps={"pages": MultilingualSitemap(request)})
