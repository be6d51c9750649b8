from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap
from wagtail.models import Page


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


def sitemap(request):
    return wagtail_sitemap(request, sitemaps={"pages": MultilingualSitemap(request)})
