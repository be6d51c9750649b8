import calendar

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import models
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, re_path
from wagtail.fields import RichTextField
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.search import index

from home.cache import remembered
from home.images import NETWORK_LOGO_SPECS
from home.models import PartnerQuote, Sector
from home.pagination import paginate
from home.params import slug_param, text_param
from network.admin_forms import NetworkPageForm
from network.search import search_network_ids

DIRECTORY_PAGE_SIZE = 30

# The route of the listing-request form under the directory, one slug per language; every slug
# works in every locale so an address never breaks when the visitor switches language.
LISTING_REQUEST_SLUGS = {"nl": "aanmelden", "en": "request-listing", "de": "eintrag-beantragen"}

_served = {}


def serve_listing_requests_with(view):
    """The directory's listing-request route answers with ``view(request, directory)``.

    The view stands above the models (R2: it imports the form, which imports ListingRequest) and a page
    imports no views (R4), so network/apps.py ready() hands it in here.
    """
    _served["listing_request"] = view


def months_ago(months, now=None):
    """The moment ``months`` calendar months before ``now`` (day clipped to the month's length)."""
    now = now or timezone.now()
    month_index = now.year * 12 + now.month - 1 - months
    year, month = divmod(month_index, 12)
    day = min(now.day, calendar.monthrange(year, month + 1)[1])
    return now.replace(year=year, month=month + 1, day=day)


def stale_before():
    """Entries last published before this moment count as out of date."""
    return months_ago(settings.NETWORK_STALE_MONTHS)


class Municipality(models.Model):
    """One of the eight Achterhoek municipalities; the names are the same in every language.

    A data migration adds them.
    """

    name = models.CharField(_("name"), max_length=80, unique=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)

    class Meta:
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")
        ordering = ["name"]

    def __str__(self):
        return self.name


class NetworkPageTag(TaggedItemBase):
    """A profession tag of a network (e.g. "ict", "zorg"); tags are free text and have no language."""

    content_object = ParentalKey("network.NetworkPage", on_delete=models.CASCADE, related_name="tagged_items")


class NetworkIndexPage(RoutablePageMixin, Page):
    """The directory of zp networks: alphabetical, filterable, searchable, with a listing-request form."""

    intro = models.TextField(_("introduction"), blank=True, max_length=800)
    request_intro = models.TextField(
        _("introduction to the listing request"),
        blank=True,
        max_length=800,
        help_text=_("Shown above the form where a network asks to be listed."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("request_intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["network.NetworkPage"]
    max_count_per_parent = 1  # one directory per language

    class Meta:
        verbose_name = _("network directory")

    def networks(self):
        """The live networks of this directory, with everything the list shows fetched in bulk."""
        Image = get_image_model()
        return (
            NetworkPage.objects.child_of(self)
            .live()
            .order_by("title")
            .select_related("locale")
            .prefetch_related(
                Prefetch("logo", queryset=Image.objects.prefetch_renditions(*NETWORK_LOGO_SPECS)),
                "sectors",
                "municipalities",
                "tags",
            )
        )

    def filter_networks(self, networks, filters):
        # Subqueries, not joins: a join repeats a network per matching link and then needs DISTINCT.
        lookups = {"sector": "sectors__slug", "municipality": "municipalities__slug", "tag": "tags__slug"}
        for name, lookup in lookups.items():
            if filters[name]:
                matching = NetworkPage.objects.filter(**{lookup: filters[name]}).values("pk")
                networks = networks.filter(pk__in=matching)
        if filters["q"]:
            live = NetworkPage.objects.child_of(self).live()
            networks = networks.filter(pk__in=search_network_ids(live, filters["q"]))
        return networks

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        filters = {name: slug_param(request, name) for name in ("sector", "municipality", "tag")}
        filters["q"] = text_param(request, "q", 100)[:100]
        networks = self.filter_networks(self.networks(), filters)
        page_of_networks = paginate(request, networks, DIRECTORY_PAGE_SIZE)
        sectors = Sector.in_locale(self.locale_id)
        sector_names = {sector.slug: sector.name for sector in sectors}
        for network in page_of_networks:
            # Pages may link the Dutch sector rows; show the name in this page's language.
            network.sector_names = [
                sector_names.get(sector.slug, sector.name) for sector in network.sectors.all()
            ]
        context.update(
            {
                "networks": page_of_networks,
                "filters": filters,
                "is_filtered": any(filters.values()),
                "sectors": sectors,
                # The filters' choices change only with content: remembered, not asked per view.
                "municipalities": remembered(
                    "directory:municipalities", lambda: list(Municipality.objects.all())
                ),
                "tags": remembered(f"directory:tags:{self.pk}", self.tag_choices),
                "stale_before": stale_before(),
                "listing_request_url": self.listing_request_url(),
            }
        )
        return context

    def tag_choices(self):
        """The tags of this directory's live networks, by name."""
        return list(
            Tag.objects.filter(network_networkpagetag_items__content_object__in=self.networks())
            .distinct()
            .order_by("name")
        )

    def listing_request_url(self):
        slug = LISTING_REQUEST_SLUGS.get(self.locale.language_code, LISTING_REQUEST_SLUGS["nl"])
        return self.url + self.reverse_subpage("listing_request", kwargs={"slug": slug})

    @re_path(r"^(?P<slug>" + "|".join(LISTING_REQUEST_SLUGS.values()) + r")/$", name="listing_request")
    def listing_request(self, request, slug):
        return _served["listing_request"](request, self)


class NetworkPage(Page):
    """One zp network in the directory, kept up to date by the network's own people."""

    MEETING_FREQUENCIES = [
        ("weekly", _("Weekly")),
        ("fortnightly", _("Every two weeks")),
        ("monthly", _("Monthly")),
        ("bimonthly", _("Every two months")),
        ("quarterly", _("Quarterly")),
        ("twice_yearly", _("Twice a year")),
        ("yearly", _("Once a year")),
        ("irregular", _("Irregularly")),
    ]

    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    short_description = models.TextField(
        _("short description"), max_length=300, help_text=_("One or two sentences for the directory.")
    )
    body = RichTextField(
        _("about the network"),
        blank=True,
        features=["h2", "h3", "bold", "italic", "ol", "ul", "link"],
        max_length=10_000,
    )
    website = models.URLField(_("website"), blank=True)
    contact_person = models.CharField(_("contact person"), max_length=120, blank=True)
    email = models.EmailField(_("contact email"), blank=True)
    phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    municipalities = ParentalManyToManyField(
        Municipality, verbose_name=_("municipalities served"), blank=True, related_name="networks"
    )
    sectors = ParentalManyToManyField(
        "home.Sector",
        verbose_name=_("sectors"),
        blank=True,
        related_name="networks",
        help_text=_("The O's whose clients this network works for."),
    )
    tags = ClusterTaggableManager(
        verbose_name=_("professions"),
        through=NetworkPageTag,
        blank=True,
        help_text=_("Professions of the members, e.g. ict, zorg, bouw."),
    )
    member_count = models.PositiveIntegerField(_("number of members"), null=True, blank=True)
    meeting_frequency = models.CharField(_("meets"), max_length=20, choices=MEETING_FREQUENCIES, blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("short_description"),
        FieldPanel("logo"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("website"),
                FieldPanel("contact_person"),
                FieldRowPanel([FieldPanel("email"), FieldPanel("phone")]),
            ],
            heading=_("Contact"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("municipalities", widget=forms.CheckboxSelectMultiple),
                FieldPanel("sectors", widget=forms.CheckboxSelectMultiple),
                FieldPanel("tags"),
            ],
            heading=_("Where and for whom"),
        ),
        FieldRowPanel([FieldPanel("member_count"), FieldPanel("meeting_frequency")]),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("short_description"),
        index.SearchField("body"),
        index.SearchField("contact_person"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.FilterField("locale"),
    ]

    base_form_class = NetworkPageForm

    parent_page_types = ["network.NetworkIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("network")
        verbose_name_plural = _("networks")

    @property
    def last_updated(self):
        return self.last_published_at or self.latest_revision_created_at

    @property
    def is_stale(self):
        return self.last_updated is not None and self.last_updated < stale_before()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sector_list"] = Sector.localize(self.sectors.all(), self.locale_id)
        # Quotes are kept per language; show those in this page's language, else the Dutch ones.
        quotes = PartnerQuote.objects.filter(live=True, page__translation_key=self.translation_key)
        in_language = [quote for quote in quotes if quote.locale_id == self.locale_id]
        context["quotes"] = in_language or [quote for quote in quotes if quote.page_id == self.pk]
        context["directory"] = self.get_parent().specific
        return context

    def editor_users(self):
        """The active accounts allowed to edit this page: the network's own editors."""
        return (
            get_user_model()
            .objects.filter(
                is_active=True,
                groups__page_permissions__page__translation_key=self.translation_key,
                groups__page_permissions__permission__codename="change_page",
            )
            .exclude(email="")
            .distinct()
        )


class ListingRequest(models.Model):
    """A network that is not listed yet asks to be; staff accept it (which onboards it) or decline."""

    STATUS_NEW = "new"
    STATUS_ACCEPTED = "accepted"
    STATUS_DECLINED = "declined"
    STATUSES = [(STATUS_NEW, _("New")), (STATUS_ACCEPTED, _("Accepted")), (STATUS_DECLINED, _("Declined"))]

    name = models.CharField(_("name of the network"), max_length=120)
    website = models.URLField(_("website"), blank=True)
    contact_name = models.CharField(_("contact person"), max_length=120)
    email = models.EmailField(_("email address"))
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    description = models.TextField(_("about the network"), max_length=2000)
    consent_text = models.TextField(_("consent given"), help_text=_("The text the sender agreed to."))
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES, default="nl")
    status = models.CharField(_("status"), max_length=10, choices=STATUSES, default=STATUS_NEW)
    created_at = models.DateTimeField(_("received"), auto_now_add=True)
    handled_at = models.DateTimeField(_("handled"), null=True, blank=True)
    network_page = models.ForeignKey(
        NetworkPage,
        verbose_name=_("network page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # When the staff's notice and the sender's receipt went out: a mail that failed is tried again
    # (deferred by the worker, and daily by purge_listing_requests) until it has.
    staff_notified_at = models.DateTimeField(null=True, blank=True, editable=False)
    receipt_sent_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("listing request")
        verbose_name_plural = _("listing requests")
        ordering = ["-created_at"]

    def __str__(self):
        return self.name

    ONBOARDING_KEY_PREFIX = "listing-request:"

    @property
    def onboarding_key(self):
        """The key of the :class:`NetworkOnboarding` this request makes when it is accepted."""
        return f"{self.ONBOARDING_KEY_PREFIX}{self.pk}"

    def is_onboarded(self):
        return self.pk is not None and NetworkOnboarding.objects.filter(key=self.onboarding_key).exists()


class NetworkOnboarding(models.Model):
    """What onboarding made for one network, by id.

    A re-run finds its own page, group and collection through this row, never another network's
    that carries the same name: a stranger can type any name into the listing request form. The
    key says who onboarded: ``listing-request:<id>`` or ``command:<slug>`` (see network/onboarding.py).
    The row stays when the listing request is erased after its retention period; it holds no
    personal data.
    """

    key = models.CharField(_("onboarding key"), max_length=255, unique=True)
    page = models.ForeignKey(
        NetworkPage, verbose_name=_("network page"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    group = models.OneToOneField(
        "auth.Group",
        verbose_name=_("network group"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="network_onboarding",
    )
    collection = models.ForeignKey(
        "wagtailcore.Collection",
        verbose_name=_("network collection"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("first editor account"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("onboarded"), auto_now_add=True)

    class Meta:
        verbose_name = _("network onboarding")

    def __str__(self):
        return self.key


class FreshnessReminder(models.Model):
    """When the editors of a network were last reminded to check their entry, so the daily run
    does not mail them every day."""

    translation_key = models.UUIDField(unique=True)
    sent_at = models.DateTimeField()

    class Meta:
        verbose_name = _("freshness reminder")

    def __str__(self):
        return f"{self.translation_key} {self.sent_at:%Y-%m-%d}"
