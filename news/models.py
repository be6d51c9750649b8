"""News: one NewsIndexPage per language tree with its NewsPages, filters, feeds and renditions."""

import hashlib

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, Count, Exists, Min, OuterRef, Prefetch, Q, When
from django.http import Http404
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index

from home.cache import remembered
from home.chrome import landmark_page
from home.images import NEWS_CARD_SPECS
from home.models import Sector
from home.pagination import paginate
from home.params import slug_param
from news.blocks import NewsStreamBlock
from news.feeds import NewsAtomFeed, NewsRssFeed, feed_links

NEWS_PER_PAGE = 10
# Related news is ranked among this many of the latest items sharing a topic or sector: a bounded
# amount of work for an item of a site with ten thousand news items, most of them old.
RELATED_CANDIDATES = 100


def with_list_images(queryset):
    """News pages with their list image and its rendition and sectors, in a fixed number of queries."""
    renditions = get_image_model().get_rendition_model().objects.filter(filter_spec__in=NEWS_CARD_SPECS)
    return queryset.select_related("lead_image").prefetch_related(
        Prefetch("lead_image__renditions", queryset=renditions), "sectors"
    )


def with_topics(queryset):
    """News pages with their topic links and topics, in one query more."""
    return queryset.prefetch_related(
        Prefetch("topic_links", queryset=NewsPageTopic.objects.select_related("topic").order_by("sort_order"))
    )


class Topic(TranslatableMixin, models.Model):
    """A subject of the news ("zwermsessie", "inkoop"), named in each language.

    Unlike a sector's, a topic's slug is its own per language (``?tag=zwermsessie``,
    ``/en/news/?tag=swarm-session``), so the translations of a topic are found through the
    translation key, never through the slug.
    """

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        allow_unicode=True,
        blank=True,
        help_text=_("Used in web addresses of the news filter; made from the name when left empty."),
    )

    panels = [FieldPanel("name"), FieldPanel("slug")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["locale", "slug"], name="news_topic_unique_slug_per_locale")
        ]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        self.slug = topic_slug(self.slug or self.name)
        # The form leaves the locale out, so Django would skip the constraint and fail on save.
        if self.locale_id and (
            Topic.objects.filter(locale_id=self.locale_id, slug=self.slug).exclude(pk=self.pk).exists()
        ):
            raise ValidationError({"slug": _("Another topic in this language already has this slug.")})

    def save(self, *args, **kwargs):
        # A translator may type a slug with spaces or capitals into the translation editor.
        self.slug = topic_slug(self.slug or self.name)
        super().save(*args, **kwargs)

    @classmethod
    def in_locale(cls, locale_id):
        """The topics of a language by translation key, remembered until content changes."""
        return remembered(
            f"topics:{locale_id}",
            lambda: {topic.translation_key: topic for topic in cls.objects.filter(locale_id=locale_id)},
        )

    @classmethod
    def localize(cls, topics, locale_id):
        """The given topics in a language where a translation exists, otherwise as they are."""
        by_key = cls.in_locale(locale_id)
        return [by_key.get(topic.translation_key, topic) for topic in topics]

    @classmethod
    def for_slug(cls, slug, locale_id):
        """The topic a ``?tag=`` slug names, in the given language.

        The language's own slug first; then any language's, the default language first, because
        links made before topics existed carry the Dutch tag slugs.
        """
        local = cls.in_locale(locale_id)
        for topic in local.values():
            if topic.slug == slug:
                return topic
        default_first = Case(When(locale__language_code=settings.LANGUAGE_CODE, then=0), default=1)
        other = cls.objects.filter(slug=slug).order_by(default_first, "pk").first()
        if other is None:
            return None
        return local.get(other.translation_key, other)


def topic_slug(text):
    # Unicode is kept as django-taggit kept it, so the slugs of converted tags stay as they were.
    return slugify(text, allow_unicode=True)[:100]


def linked_topics(page):
    """The topics linked to a news page in their order, each once: one query, none when prefetched."""
    links = page.topic_links.all()
    if "topic_links" not in getattr(page, "_prefetched_objects_cache", {}):
        links = links.select_related("topic")
    topics, seen = [], set()
    for link in sorted(links, key=lambda link: link.sort_order or 0):
        if link.topic.translation_key not in seen:
            seen.add(link.topic.translation_key)
            topics.append(link.topic)
    return topics


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
        """The sector and topic asked for in the address; an unknown one is a 404, never an empty guess."""
        filters = {"sector": None, "topic": None}
        sector_slug, topic_slug = slug_param(request, "sector"), slug_param(request, "tag")
        if sector_slug:
            sector = sectors_by_slug.get(sector_slug) or Sector.objects.filter(slug=sector_slug).first()
            if sector is None:
                raise Http404("Unknown sector")
            filters["sector"] = sector
        if topic_slug:
            topic = Topic.for_slug(topic_slug, self.locale_id)
            if topic is None:
                raise Http404("Unknown topic")
            filters["topic"] = topic
        return filters

    def filtered_news(self, filters):
        """The news items of this index, of a sector and of a topic when asked.

        Filters go through subqueries, never a join: a join repeats a page per matching link and
        then needs DISTINCT over whole rows on every list and count, which grows with the archive.
        """
        items = self.news_items()
        if filters.get("sector") is not None:
            items = items.filter(
                pk__in=NewsPage.objects.filter(sectors__slug=filters["sector"].slug).values("pk")
            )
        if filters.get("topic") is not None:
            # Through the translation key: a translated page may still link the Dutch topic.
            key = filters["topic"].translation_key
            items = items.filter(
                pk__in=NewsPageTopic.objects.filter(topic__translation_key=key).values("page_id")
            )
        return items

    def feed_news(self, sector=None):
        """The news of the feeds, of ``sector`` when given, with their images and topics.

        The feeds receive the index and ask it for their items: news/feeds.py stays below the models.
        """
        return with_topics(with_list_images(self.filtered_news({"sector": sector})))

    def popular_topics(self, limit=20):
        """The topics most used by the live news of this index, in its language, for the filter.

        Remembered until content changes: counting them reads every topic link of the archive.
        """
        return remembered(f"popular-topics:{self.pk}:{limit}", lambda: self.count_popular_topics(limit))

    def count_popular_topics(self, limit):
        uses = (
            NewsPageTopic.objects.filter(page__in=self.news_items().values("pk"))
            .values("topic__translation_key")
            .annotate(uses=Count("page", distinct=True), any_topic=Min("topic"))
        )
        local = Topic.in_locale(self.locale_id)
        missing = [row["any_topic"] for row in uses if row["topic__translation_key"] not in local]
        fallback = {topic.translation_key: topic for topic in Topic.objects.filter(pk__in=missing)}
        counted = []
        for row in uses:
            key = row["topic__translation_key"]
            topic = local.get(key) or fallback.get(key)
            if topic is not None:
                counted.append((row["uses"], topic))
        counted.sort(key=lambda pair: (-pair[0], pair[1].name.lower()))
        return [topic for _uses, topic in counted[:limit]]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        sectors_by_slug = self.sectors_by_slug()
        filters = self.active_filters(request, sectors_by_slug)
        news = self.filtered_news(filters)
        # The page's ids are picked from narrow rows (sorting 10,000 whole pages, bodies and all,
        # to skip to the last page took most of its time); the same query reads those ten in full.
        news_page = paginate(
            request, news.values_list("pk", flat=True), NEWS_PER_PAGE, count=self.count_news(filters, news)
        )
        news_page.object_list = list(
            with_list_images(
                NewsPage.objects.filter(pk__in=news_page.object_list).order_by(*news.query.order_by)
            )
        )
        context.update(
            {
                "news_page": news_page,
                "news_items": localize_sectors(news_page.object_list, sectors_by_slug),
                "paginator": news_page.paginator,
                "sectors": list(sectors_by_slug.values()),
                "topics": self.popular_topics(),
                "active_sector": filters["sector"],
                "active_topic": filters["topic"],
                "is_filtered": bool(filters["sector"] or filters["topic"]),
                "feeds": self.feeds(filters["sector"]),
            }
        )
        return context

    def count_news(self, filters, news):
        """How many items ``news`` holds, remembered until content changes: counting reads the whole
        archive (about 12 ms of a topic page or a last page at 10,000 items), the page itself ten rows."""
        sector, topic = filters.get("sector"), filters.get("topic")
        key = f"news-count:{self.pk}:{sector.slug if sector else ''}:{topic.translation_key if topic else ''}"
        return remembered(key, news.count)

    def feeds(self, sector=None):
        """(format, title, URL) of the feeds to link from <head>, the sector's feeds first."""
        return feed_links(self, sector)

    @path("")
    def news_list(self, request):
        return self.render(request)

    @path("rss/", name="rss")
    @path("rss/<slug:sector>/", name="rss_sector")
    def rss_feed(self, request, sector=None):
        return NewsRssFeed(self, sector)(request)

    @path("atom/", name="atom")
    @path("atom/<slug:sector>/", name="atom_sector")
    def atom_feed(self, request, sector=None):
        return NewsAtomFeed(self, sector)(request)


class NewsPageTopic(TranslatableMixin, Orderable):
    """One topic of a news page.

    Translatable, so that wagtail-localize treats the topic like the sector of a session: a
    translation of the page links the topic's translation in its language, or the Dutch topic
    while there is none, and keeps following the Dutch page's choice on every sync.
    """

    page = ParentalKey("news.NewsPage", on_delete=models.CASCADE, related_name="topic_links")
    topic = models.ForeignKey(
        Topic, verbose_name=_("topic"), on_delete=models.CASCADE, related_name="page_links"
    )

    panels = [FieldPanel("topic")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["sort_order"]


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
            [
                FieldPanel("sectors", widget=forms.CheckboxSelectMultiple),
                InlinePanel(
                    "topic_links",
                    heading=_("Topics"),
                    label=_("Topic"),
                    help_text=_(
                        "Subjects such as “swarm session” or “procurement”, chosen on the Dutch page; "
                        "translations show them in their own language. New topics are added under "
                        "Snippets › Topics."
                    ),
                ),
            ],
            heading=_("Topics"),
        ),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("intro", boost=1.5),
        index.SearchField("body"),
        index.SearchField("author"),
        index.AutocompleteField("intro"),
        index.SearchField("topic_names"),
        index.FilterField("date"),
    ]

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news items")
        # Newest first (the lists, related news): read from the top of an index rather than sorting
        # the whole archive.
        indexes = [models.Index(fields=["date", "page_ptr"], name="news_newspage_date_idx")]

    @cached_property
    def linked_sectors(self):
        """The linked sector snippets, read once per page view."""
        return list(self.sectors.all())

    @cached_property
    def topic_list(self):
        """The page's topics in its own language, read once per page view."""
        return Topic.localize(linked_topics(self), self.locale_id)

    def topic_names(self):
        """The names of the topics for the search index, in the page's language."""
        return " ".join(topic.name for topic in self.topic_list)

    def sectors_in_locale(self):
        """This page's sectors in its own language, whatever locale the linked snippets have."""
        return Sector.localize(self.linked_sectors, self.locale_id)

    def related_news(self, limit=3):
        """Other news of this language sharing topics or sectors, most shared topics first.

        Which ones is remembered until content changes: choosing them reads the candidates' topics
        (about 10 ms at 10,000 items), fetching the chosen few by key a fraction of it. The key
        names what the choice depends on, so a preview with other topics chooses again.
        """
        topic_keys = sorted(str(topic.translation_key) for topic in self.topic_list)
        sector_slugs = sorted(sector.slug for sector in self.linked_sectors)
        if not topic_keys and not sector_slugs:
            return []
        chooses_by = repr((self.locale_id, limit, topic_keys, sector_slugs)).encode()
        key = f"related-news:{self.pk}:{hashlib.sha256(chooses_by).hexdigest()[:32]}"
        chosen = remembered(key, lambda: self.choose_related_news(topic_keys, sector_slugs, limit))
        pages = {page.pk: page for page in with_list_images(NewsPage.objects.filter(pk__in=chosen))}
        return [pages[pk] for pk in chosen if pk in pages]

    def choose_related_news(self, topic_keys, sector_slugs, limit):
        """The keys of the related news, in their order."""
        shares_topic = Q(topic_links__topic__translation_key__in=topic_keys)
        # EXISTS rather than joins: each candidate once, and PostgreSQL walks the date index from the
        # newest item and stops at the hundredth that shares something, whatever the archive's size.
        links = NewsPageTopic.objects.filter(page_id=OuterRef("pk"), topic__translation_key__in=topic_keys)
        in_sectors = NewsPage.sectors.through.objects.filter(
            newspage_id=OuterRef("pk"), sector__slug__in=sector_slugs
        )
        candidates = (
            NewsPage.objects.live()
            .public()
            .filter(locale_id=self.locale_id)
            .exclude(pk=self.pk)
            .filter(Exists(links) | Exists(in_sectors))
            .order_by("-date", "-pk")
            .values("pk")[:RELATED_CANDIDATES]
        )
        related = NewsPage.objects.filter(pk__in=candidates).order_by("-date", "-pk")
        if topic_keys:
            # Without topics there is nothing to count: Django drops the whole query as empty when
            # a counted filter can match nothing and only keys are selected.
            related = related.annotate(
                shared_topics=Count("topic_links__topic__translation_key", filter=shares_topic, distinct=True)
            ).order_by("-shared_topics", "-date", "-pk")
        return list(related.values_list("pk", flat=True)[:limit])

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sector_list"] = self.sectors_in_locale()
        context["topics"] = self.topic_list
        context["related_news"] = self.related_news()
        context["news_index"] = landmark_page(NewsIndexPage, path=self.path[: -self.steplen])
        return context
