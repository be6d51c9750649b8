from django.apps import apps
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, Q, Subquery, When
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import DraftStateMixin, Page, PreviewableMixin, RevisionMixin, TranslatableMixin
from wagtail.search import index

from home.blocks import BaseStreamBlock
from home.cache import remembered


class Sector(TranslatableMixin, models.Model):
    """One of the three O's: Ondernemers, Overheid, (maatschappelijke) Organisaties.

    Filters everywhere use the slug, which is the same in every language, so a link like
    ``?sector=overheid`` works on a page of any locale.
    """

    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(
        _("slug"), max_length=80, help_text=_("Used in web addresses; the same in every language.")
    )
    description = models.TextField(_("description"), blank=True, max_length=600)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")
        ordering = ["sort_order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["locale", "slug"], name="home_sector_unique_slug_per_locale")
        ]

    def __str__(self):
        return self.name

    @classmethod
    def in_locale(cls, locale_id):
        """The sectors of a language in their order, remembered until content changes."""
        return remembered(f"sectors:{locale_id}", lambda: list(cls.objects.filter(locale_id=locale_id)))

    @classmethod
    def localize(cls, sectors, locale_id):
        """The given sectors in a language: pages may link the Dutch rows (slugs are shared)."""
        by_slug = {sector.slug: sector for sector in cls.in_locale(locale_id)}
        return [by_slug.get(sector.slug, sector) for sector in sectors]


class FooterText(TranslatableMixin, models.Model):
    """The short text in the footer, translatable like every other snippet."""

    text = RichTextField(_("text"), features=["bold", "italic", "link"], max_length=1000)

    panels = [FieldPanel("text")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("footer text")
        verbose_name_plural = _("footer texts")

    def __str__(self):
        return f"{_('Footer text')} ({self.locale})"


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting):
    """Contact details and links shown on every page of a site."""

    contact_email = models.EmailField(_("contact email"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    address = models.TextField(_("postal address"), blank=True, max_length=300)
    linkedin_url = models.URLField(_("LinkedIn"), blank=True)
    facebook_url = models.URLField(_("Facebook"), blank=True)
    x_url = models.URLField(_("X (Twitter)"), blank=True)
    footer_text = models.ForeignKey(
        FooterText,
        verbose_name=_("footer text"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown in the visitor's language when a translation exists."),
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("privacy statement"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("accessibility statement"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("contact_email"), FieldPanel("contact_phone"), FieldPanel("address")],
            heading=_("Contact"),
        ),
        MultiFieldPanel(
            [FieldPanel("linkedin_url"), FieldPanel("facebook_url"), FieldPanel("x_url")],
            heading=_("Social media"),
        ),
        FieldPanel("footer_text"),
        FieldPanel("privacy_page"),
        FieldPanel("accessibility_page"),
    ]

    class Meta:
        verbose_name = _("site settings")

    @property
    def social_links(self):
        return [
            (label, url)
            for label, url in (
                ("LinkedIn", self.linkedin_url),
                ("Facebook", self.facebook_url),
                ("X", self.x_url),
            )
            if url
        ]


# Page types whose template shows the quotes pointed at them ("app.Model"). A feature app adds its own
# from ready(), so that home names none of them and the chooser offers only pages that show a quote.
QUOTE_PAGE_TYPES = []


def register_quote_page_type(label):
    if label not in QUOTE_PAGE_TYPES:
        QUOTE_PAGE_TYPES.append(label)


class PartnerQuote(
    PreviewableMixin, DraftStateMixin, RevisionMixin, TranslatableMixin, index.Indexed, models.Model
):
    """What a partner, speaker or participant said about Pr8werk, with who they are."""

    person_name = models.CharField(_("name"), max_length=120)
    role = models.CharField(_("role"), max_length=160, blank=True)
    organisation = models.CharField(_("organisation"), max_length=160, blank=True)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    quote = models.TextField(_("quote"), max_length=1000)
    link = models.URLField(_("link"), blank=True, help_text=_("For example the organisation's website."))
    # Any page, so that home names no feature app; the network directory shows a network's quotes.
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("shown on page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="partner_quotes",
        help_text=_("Shown on this page, for example a network's entry in the directory."),
    )

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="partnerquote")

    panels = [
        FieldPanel("quote"),
        MultiFieldPanel(
            [FieldPanel("person_name"), FieldPanel("role"), FieldPanel("organisation"), FieldPanel("photo")],
            heading=_("Who said it"),
        ),
        FieldPanel("link"),
        # The list is filled from the apps' ready(), before any form is built from it.
        PageChooserPanel("page", page_type=QUOTE_PAGE_TYPES),
    ]

    search_fields = [
        index.SearchField("quote"),
        index.SearchField("person_name"),
        index.AutocompleteField("person_name"),
        index.SearchField("organisation"),
        index.FilterField("locale"),
        index.FilterField("live"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("partner quote")
        verbose_name_plural = _("partner quotes")
        ordering = ["person_name"]

    def __str__(self):
        return f"{self.person_name}: {self.quote[:60]}"

    @property
    def revisions(self):
        return self._revisions

    @property
    def attribution(self):
        return ", ".join(part for part in (self.person_name, self.role, self.organisation) if part)

    def get_preview_template(self, request, mode_name):
        return "home/partner_quote_preview.html"

    def clean(self):
        super().clean()
        if self.page_id and QUOTE_PAGE_TYPES:
            page_type = self.page.specific_class
            if page_type is None or page_type._meta.label not in QUOTE_PAGE_TYPES:
                kinds = ", ".join(str(apps.get_model(label)._meta.verbose_name) for label in QUOTE_PAGE_TYPES)
                raise ValidationError(
                    {
                        "page": _("This page does not show quotes. Choose a page of this kind: %(kinds)s.")
                        % {"kinds": kinds}
                    }
                )


class HomePage(Page):
    """The front door: mission, the three O's, next sessions, latest news, a partner voice."""

    mission_title = models.CharField(_("mission title"), max_length=160)
    mission = models.TextField(_("mission"), max_length=800)
    sectors_title = models.CharField(_("title of the three O's"), max_length=160, blank=True)
    sectors_intro = models.TextField(_("introduction to the three O's"), blank=True, max_length=800)
    featured_quote = models.ForeignKey(
        PartnerQuote,
        verbose_name=_("featured partner quote"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("more content"), blank=True)

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel([FieldPanel("mission_title"), FieldPanel("mission")], heading=_("Mission")),
        MultiFieldPanel(
            [FieldPanel("sectors_title"), FieldPanel("sectors_intro")], heading=_("The three O's")
        ),
        FieldPanel("featured_quote"),
        FieldPanel("body"),
    ]

    search_fields = [*Page.search_fields, index.SearchField("mission")]

    parent_page_types = ["wagtailcore.Page"]
    # No subpage_types: home knows no feature app. Each page type says where it may live
    # (parent_page_types); the feature index pages name the home page.

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sectors"] = Sector.in_locale(self.locale_id)
        if self.featured_quote_id:
            # The chosen quote in this page's language, else the chosen one itself: one query.
            chosen_key = PartnerQuote.objects.filter(pk=self.featured_quote_id).values("translation_key")[:1]
            context["featured_quote"] = (
                PartnerQuote.objects.filter(
                    Q(translation_key=Subquery(chosen_key), locale_id=self.locale_id)
                    | Q(pk=self.featured_quote_id),
                    live=True,
                )
                .annotate(in_page_language=Case(When(locale_id=self.locale_id, then=0), default=1))
                .select_related("photo")
                .order_by("in_page_language", "pk")
                .first()
            )
        # Other apps add their sections (next sessions, latest news) without home knowing them:
        # a `home_page_sections` hook returns a dict with "template", "order" and the template's
        # data, or None to show nothing.
        sections = [section(request, self) for section in hooks.get_hooks("home_page_sections")]
        context["home_sections"] = sorted(
            (section for section in sections if section), key=lambda section: section.get("order", 50)
        )
        return context


class ContentPage(Page):
    """A generic page: about Pr8werk, privacy statement, accessibility statement, ..."""

    intro = models.TextField(_("introduction"), blank=True, max_length=600)
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]

    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["home.HomePage", "home.ContentPage"]
    subpage_types = ["home.ContentPage"]

    class Meta:
        verbose_name = _("content page")
