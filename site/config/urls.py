from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from home import admin_scope, media, sitemaps
from home import routing as home_routing
from home import views as home_views

urlpatterns = [
    # Admin views that Wagtail shows to anyone with some page rights, narrowed to site editors.
    *admin_scope.urlpatterns(),
    path("admin/", include(wagtailadmin_urls)),
    # Images under /media/, documents through Wagtail's serve view with cache headers (home/media.py).
    *media.urlpatterns(),
    path("documents/", include(wagtaildocs_urls)),
    # An index of parts per section and language (home/sitemaps.py), e.g. /sitemap-news-en.xml?p=2.
    path("sitemap.xml", sitemaps.index, name="sitemap"),
    re_path(r"^sitemap-(?P<section>[a-z]+-[a-z][a-z-]*)\.xml$", sitemaps.part, name="sitemap_part"),
    path("robots.txt", home_views.robots_txt, name="robots_txt"),
    path("favicon.ico", home_views.favicon, name="favicon"),
]

# Dutch lives at /, English at /en/ and German at /de/. The apps' own views come before Wagtail's
# catch-all page serving.
urlpatterns += i18n_patterns(
    path("", include("news.urls")),
    path("", include("events.urls")),
    path("", include("network.urls")),
    path("", include("home.urls")),
    # Wagtail's page view with a remembered route (home/routing.py); Wagtail's own _util/ views
    # (password and login forms for restricted pages) stay Wagtail's.
    re_path(r"^(?!_util/)((?:[\w\-]+/)*)$", home_routing.serve, name="wagtail_serve"),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

handler404 = "home.views.page_not_found"
handler500 = "home.views.server_error"
