from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import DraftStateMixin, PreviewableMixin, RevisionMixin, TranslatableMixin
from wagtail.search import index


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

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="partnerquote")

    panels = [
        FieldPanel("quote"),
        MultiFieldPanel(
            [FieldPanel("person_name"), FieldPanel("role"), FieldPanel("organisation"), FieldPanel("photo")],
            heading=_("Who said it"),
        ),
        FieldPanel("link"),
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
        return "network/partner_quote_preview.html"
