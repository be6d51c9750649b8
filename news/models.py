"""News: one NewsIndexPage per language tree with its NewsPages, filters, feeds and renditions."""

import re

from django import forms
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Count, Prefetch, Q
from django.http import Http404
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.search import index

from home.chrome import landmark_page
from home.images import NEWS_CARD_SPECS
from home.models import Sector
from news.blocks import NewsStreamBlock

NEWS_PER_PAGE = 10
SLUG_RE = re.compile(r"[-\w]{1,100}")


def with_list_images(queryset):
    """News pages with their list image and its rendition, sectors and tags, in a fixed number of queries."""
    renditions = get_image_model().get_rendition_model().objects.filter(filter_spec__in=NEWS_CARD_SPECS)
    return queryset.select_related("lead_image").prefetch_related(
        Prefetch("lead_image__renditions", queryset=renditions), "sectors", "tags"
    )


def page_number(raw, num_pages):
    """The page to show for a ``?page=`` value: out of range gives the nearest page, nonsense a 404."""
    if raw in (None, ""):
        return 1
    try:
        number = int(raw)
    except (TypeError, ValueError) as error:
        # int() also refuses digit strings past Python's limit, so a huge number is a 404 too.
        raise Http404("Page number is not a number") from error
    return min(max(number, 1), num_pages)


def localize_sectors(pages, sectors_by_slug):
    """Show each page's sectors in the visitor's language, from the prefetched sectors."""
    for page in pages:
        page.sector_list = [sectors_by_slug.get(sector.slug, sector) for sector in page.sectors.all()]
    return pages


class NewsIndexPage(RoutablePageMixin, Page):
    """The news of one language tree: newest first, filterable by sector and tag, with feeds."""

    intro = models.TextField(
        _("introduction"),
        blank=True,
        max_length=600,
        help_text=_("A sentence or two above the list of news items."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.NewsPage"]
    max_count_per_parent = 1  # one news index per language tree

    class Meta:
        verbose_name = _("news index")

    def news_items(self):
        return NewsPage.objects.child_of(self).live().public().order_by("-date", "-first_published_at", "-pk")

    def sectors_by_slug(self):
        return {sector.slug: sector for sector in Sector.in_locale(self.locale_id)}

    def active_filters(self, request, sectors_by_slug):
        """The sector and tag asked for in the address; an unknown one is a 404, never an empty guess."""
        filters = {"sector": None, "tag": None}
        sector_slug = request.GET.get("sector", "").strip()
        tag_slug = request.GET.get("tag", "").strip()
        # Anything that is not a slug cannot name a sector or tag; PostgreSQL would even refuse a
        # NUL character in the query with an error.
        for slug in (sector_slug, tag_slug):
            if slug and not SLUG_RE.fullmatch(slug):
                raise Http404("Not a slug")
        if sector_slug:
            sector = sectors_by_slug.get(sector_slug) or Sector.objects.filter(slug=sector_slug).first()
            if sector is None:
                raise Http404("Unknown sector")
            filters["sector"] = sector
        if tag_slug:
            tag = Tag.objects.filter(slug=tag_slug).first()
            if tag is None:
                raise Http404("Unknown tag")
            filters["tag"] = tag
        return filters

    def filtered_news(self, filters):
        items = self.news_items()
        if filters["sector"] is not None:
            items = items.filter(sectors__slug=filters["sector"].slug)
        if filters["tag"] is not None:
            items = items.filter(tagged_items__tag=filters["tag"])
        return items.distinct()

    def popular_tags(self, limit=20):
        """The tags most used by the live news of this index, for the filter."""
        return (
            Tag.objects.filter(news_newspagetag_items__content_object__in=self.news_items().values("pk"))
            .annotate(uses=Count("news_newspagetag_items"))
            .order_by("-uses", "name")[:limit]
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        sectors_by_slug = self.sectors_by_slug()
        filters = self.active_filters(request, sectors_by_slug)
        paginator = Paginator(with_list_images(self.filtered_news(filters)), NEWS_PER_PAGE)
        news_page = paginator.page(page_number(request.GET.get("page"), paginator.num_pages))
        context.update(
            {
                "news_page": news_page,
                "news_items": localize_sectors(list(news_page.object_list), sectors_by_slug),
                "paginator": paginator,
                "sectors": list(sectors_by_slug.values()),
                "tags": self.popular_tags(),
                "active_sector": filters["sector"],
                "active_tag": filters["tag"],
                "is_filtered": bool(filters["sector"] or filters["tag"]),
                "feeds": self.feeds(filters["sector"]),
            }
        )
        return context

    def feeds(self, sector=None):
        """(format, title, URL) of the feeds to link from <head>, the sector's feeds first."""
        from news.feeds import feed_links

        return feed_links(self, sector)

    @path("")
    def news_list(self, request):
        return self.render(request)

    @path("rss/", name="rss")
    @path("rss/<slug:sector>/", name="rss_sector")
    def rss_feed(self, request, sector=None):
        from news.feeds import NewsRssFeed

        return NewsRssFeed(self, sector)(request)

    @path("atom/", name="atom")
    @path("atom/<slug:sector>/", name="atom_sector")
    def atom_feed(self, request, sector=None):
        from news.feeds import NewsAtomFeed

        return NewsAtomFeed(self, sector)(request)


class NewsPageTag(TaggedItemBase):
    """Tags of a news page (django-taggit through modelcluster, so tags are kept in revisions)."""

    content_object = ParentalKey("news.NewsPage", on_delete=models.CASCADE, related_name="tagged_items")


class NewsPageForm(WagtailAdminPageForm):
    """Offers the sectors of the page's own language only, not the same O three times over."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        locale_id = self.instance.locale_id or getattr(self.parent_page, "locale_id", None)
        if "sectors" in self.fields and locale_id:
            self.fields["sectors"].queryset = Sector.objects.filter(locale_id=locale_id)


class NewsPage(Page):
    """One news item."""

    base_form_class = NewsPageForm
    # Fetched with the page when it is served (home/routing.py): the lead image shows at once.
    route_select_related = ("lead_image",)

    date = models.DateField(
        _("publication date"),
        default=timezone.localdate,
        help_text=_("Shown with the item and used to sort the news, newest first."),
    )
    intro = models.TextField(
        _("introduction"),
        max_length=400,
        help_text=_(
            "One or two sentences that tell what the news is. Shown in lists, feeds, search results "
            "and when the page is shared."
        ),
    )
    lead_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("lead image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Landscape, at least 1200 pixels wide. Its alt text comes from the image library."),
    )
    lead_image_caption = models.CharField(_("caption"), max_length=250, blank=True)
    lead_image_credit = models.CharField(
        _("credit"), max_length=120, blank=True, help_text=_("Photographer or source of the image.")
    )
    body = StreamField(NewsStreamBlock(), verbose_name=_("body"), blank=True)
    author = models.CharField(
        _("author line"),
        max_length=160,
        blank=True,
        help_text=_("For example “Text: Henk Dijk” or “Editorial team Pr8werk”."),
    )
    sectors = ParentalManyToManyField(
        "home.Sector",
        verbose_name=_("sectors"),
        blank=True,
        related_name="news_pages",
        help_text=_("Which of the three O's this news is about; visitors filter on them."),
    )
    tags = ClusterTaggableManager(
        verbose_name=_("tags"),
        through=NewsPageTag,
        blank=True,
        help_text=_("Topics such as “swarm session” or “procurement”, in the page's language."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("lead_image"), FieldPanel("lead_image_caption"), FieldPanel("lead_image_credit")],
            heading=_("Lead image"),
        ),
        FieldPanel("body"),
        FieldPanel("author"),
        MultiFieldPanel(
            [FieldPanel("sectors", widget=forms.CheckboxSelectMultiple), FieldPanel("tags")],
            heading=_("Topics"),
        ),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("intro", boost=1.5),
        index.SearchField("body"),
        index.SearchField("author"),
        index.AutocompleteField("intro"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.FilterField("date"),
    ]

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news items")

    @cached_property
    def linked_sectors(self):
        """The linked sector snippets, read once per page view."""
        return list(self.sectors.all())

    @cached_property
    def tag_list(self):
        """The page's tags, read once per page view."""
        return list(self.tags.all())

    def sectors_in_locale(self):
        """This page's sectors in its own language, whatever locale the linked snippets have."""
        return Sector.localize(self.linked_sectors, self.locale_id)

    def related_news(self, limit=3):
        """Other news of this language sharing tags or sectors, most shared tags first."""
        tag_ids = [tag.pk for tag in self.tag_list]
        sector_slugs = [sector.slug for sector in self.linked_sectors]
        if not tag_ids and not sector_slugs:
            return []
        related = (
            NewsPage.objects.live()
            .public()
            .filter(locale_id=self.locale_id)
            .exclude(pk=self.pk)
            .filter(Q(tagged_items__tag_id__in=tag_ids) | Q(sectors__slug__in=sector_slugs))
            .annotate(
                shared_tags=Count("tagged_items", filter=Q(tagged_items__tag_id__in=tag_ids), distinct=True)
            )
            .order_by("-shared_tags", "-date", "-pk")
        )
        return list(with_list_images(related)[:limit])

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sector_list"] = self.sectors_in_locale()
        context["tags"] = self.tag_list
        context["related_news"] = self.related_news()
        context["news_index"] = landmark_page(NewsIndexPage, path=self.path[: -self.steplen])
        return context
