"""RSS 2.0 and Atom feeds of one news index, optionally narrowed to one sector.

Built on Django's syndication framework (https://docs.djangoproject.com/en/5.2/ref/contrib/syndication/);
the news index serves them as routes (`rss/`, `atom/`, `rss/<sector>/`, `atom/<sector>/`).
"""

import datetime

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _

from home.models import Sector

FEED_LENGTH = 20


def feed_links(index, sector=None):
    """(type, title, URL) of the feeds of ``index``: the sector's first, then the whole news."""
    base = index.url or ""
    links = []
    if sector is not None:
        links += [
            (
                "application/rss+xml",
                _("%(sector)s news (RSS)") % {"sector": sector.name},
                base + index.reverse_subpage("rss_sector", args=[sector.slug]),
            ),
            (
                "application/atom+xml",
                _("%(sector)s news (Atom)") % {"sector": sector.name},
                base + index.reverse_subpage("atom_sector", args=[sector.slug]),
            ),
        ]
    links += [
        ("application/rss+xml", _("Pr8werk news (RSS)"), base + index.reverse_subpage("rss")),
        ("application/atom+xml", _("Pr8werk news (Atom)"), base + index.reverse_subpage("atom")),
    ]
    return links


class NewsRssFeed(Feed):
    feed_type = Rss201rev2Feed

    def __init__(self, index, sector_slug=None):
        super().__init__()
        self.index = index
        self.sector = None
        if sector_slug is not None:
            self.sector = (
                Sector.objects.filter(slug=sector_slug, locale_id=index.locale_id).first()
                or Sector.objects.filter(slug=sector_slug).first()
            )
            if self.sector is None:
                raise Http404("Unknown sector")
        self.language = index.locale.language_code

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self):
        if self.sector is not None:
            return _("Pr8werk news: %(sector)s") % {"sector": self.sector.name}
        return _("Pr8werk news")

    def link(self):
        url = self.index.get_url(self.request)
        if self.sector is not None:
            url += f"?sector={self.sector.slug}"
        return url

    def description(self):
        return self.index.intro or _(
            "News of Pr8werk: more work for independent professionals in the Achterhoek."
        )

    def feed_url(self):
        return self.request.path

    def items(self):
        return list(self.index.feed_news(self.sector)[:FEED_LENGTH])

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.intro

    def item_link(self, item):
        return item.get_url(self.request)

    def item_guid(self, item):
        # The translation key stays the same when the page moves or its slug changes.
        return f"urn:uuid:{item.translation_key}#{self.language}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        published = item.first_published_at
        if published is not None and timezone.localdate(published) == item.date:
            return published
        # A back-dated item: the start of its publication date, in the site's time zone.
        return timezone.make_aware(datetime.datetime.combine(item.date, datetime.time()))

    def item_updateddate(self, item):
        return item.last_published_at or self.item_pubdate(item)

    def item_author_name(self, item):
        return item.author or None

    def item_categories(self, item):
        by_slug = {sector.slug: sector.name for sector in self.locale_sectors()}
        sectors = [by_slug.get(sector.slug, sector.name) for sector in item.sectors.all()]
        return sectors + [topic.name for topic in item.topic_list]

    def locale_sectors(self):
        if not hasattr(self, "_locale_sectors"):
            self._locale_sectors = Sector.in_locale(self.index.locale_id)
        return self._locale_sectors


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed
    subtitle = NewsRssFeed.description
