"""Session reports and the outcomes overview across them.

Outcomes live inside the report's StreamField, which the database cannot filter or count. Each save
of a report therefore copies its outcomes into ``ReportOutcome`` rows, so the overview filters,
counts and pages them in a fixed number of queries, however many reports exist. The rows mirror the
page's stored (= published) content: Wagtail keeps drafts of a live page in revisions, not in the
page row, and the overview only shows rows of live, public reports of the visitor's locale.
"""

from django import forms
from django.core.paginator import Paginator
from django.db import models, transaction
from django.db.models import Count, Exists, F, Min, OuterRef, Q
from django.db.models.lookups import StartsWith
from django.utils.functional import cached_property
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageViewRestriction
from wagtail.search import index

from events.blocks import FOLLOW_UP_STATUSES, OUTCOME_KINDS, ReportStreamBlock
from events.models.sessions import EventPage
from home.models import Sector

OUTCOMES_PER_PAGE = 50


def public_reports(locale_id):
    """Live reports of a locale that no view restriction on them or an ancestor hides.

    Like ``PageQuerySet.public()``, but as a subquery, so it costs no query of its own.
    """
    restricted = PageViewRestriction.objects.filter(StartsWith(OuterRef("path"), F("page__path")))
    return SessionReportPage.objects.live().filter(locale_id=locale_id).exclude(Exists(restricted))


class SessionReportPage(Page):
    """The "opbrengst" of one or more sessions: talks, theme tables and their outcomes, next steps."""

    report_date = models.DateField(_("report date"), help_text=_("When the report was published."))
    intro = models.TextField(_("introduction"), max_length=800, blank=True)
    sector = models.ForeignKey(
        "home.Sector",
        verbose_name=_("sector"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The O the sessions were about; the outcomes overview filters on it."),
    )
    body = StreamField(ReportStreamBlock(), verbose_name=_("report"), blank=True)

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("report_date"), FieldPanel("sector"), FieldPanel("intro")], heading=_("About")
        ),
        InlinePanel(
            "report_events",
            label=_("Sessions"),
            heading=_("Sessions this report covers"),
            min_num=1,
            help_text=_("Each session's page links to this report."),
        ),
        FieldPanel("body"),
    ]

    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("session report")
        verbose_name_plural = _("session reports")

    @cached_property
    def derived_figures(self):
        """Counts the key figures block shows without an editor typing them."""
        figures = {"theme_tables": 0, "outcomes": 0, "outcomes_done": 0, "table_participants": 0, "talks": 0}
        for child in self.body:
            if child.block_type == "theme_table":
                figures["theme_tables"] += 1
                figures["table_participants"] += child.value.get("participants") or 0
                for outcome in child.value["outcomes"]:
                    figures["outcomes"] += 1
                    figures["outcomes_done"] += outcome["status"] == "done"
            elif child.block_type == "speaker_talk":
                figures["talks"] += 1
        figures["sessions"] = len(self.covered_events_list)
        return figures

    def covered_events(self):
        """The live event pages this report covers, in this report's language.

        The links may point at the events of another locale (translations copy them), so they are
        matched on translation key.
        """
        keys = EventPage.objects.filter(
            pk__in=SessionReportEvent.objects.filter(page_id=self.pk).values("event_id")
        ).values("translation_key")
        return EventPage.objects.live().filter(locale_id=self.locale_id, translation_key__in=keys)

    @cached_property
    def covered_events_list(self):
        return list(self.covered_events().order_by("path"))

    def theme_tables(self):
        """The theme tables' ids and themes for the table of contents, from the stored data: reading
        the blocks themselves would look up every image, document and session the report holds."""
        return [child for child in self.body.raw_data if child["type"] == "theme_table"]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["covered_events"] = self.covered_events_list
        context["outcomes_page"] = OutcomesPage.objects.live().filter(locale_id=self.locale_id).first()
        return context


class SessionReportEvent(Orderable):
    """Link between a report and a session (event page) it covers."""

    page = ParentalKey(SessionReportPage, on_delete=models.CASCADE, related_name="report_events")
    event = models.ForeignKey(
        "events.EventPage", verbose_name=_("session"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("event")]

    class Meta(Orderable.Meta):
        verbose_name = _("covered session")
        verbose_name_plural = _("covered sessions")


class ReportOutcome(models.Model):
    """One outcome of a theme table, copied from the report's body for the overview (see above)."""

    report = models.ForeignKey(SessionReportPage, on_delete=models.CASCADE, related_name="outcome_rows")
    table_id = models.CharField(max_length=64, help_text="Block id of the theme table, the page anchor.")
    position = models.PositiveIntegerField()
    theme = models.CharField(max_length=160)
    theme_slug = models.SlugField(max_length=180)
    kind = models.CharField(max_length=20, choices=OUTCOME_KINDS)
    text = models.TextField()
    proposer = models.CharField(max_length=160, blank=True)
    status = models.CharField(max_length=20, choices=FOLLOW_UP_STATUSES)
    owner = models.CharField(max_length=160, blank=True)

    class Meta:
        ordering = ["report", "position"]
        indexes = [models.Index(fields=["theme_slug"], name="events_outcome_theme_idx")]

    def __str__(self):
        return self.text[:60]

    def get_url(self, report, request=None):
        return f"{report.get_url(request)}#table-{self.table_id}"


def index_outcomes(report):
    """Replace the outcome rows of ``report`` with those in its current body."""
    rows = []
    for child in report.body:
        if child.block_type != "theme_table":
            continue
        theme = child.value["theme"]
        for outcome in child.value["outcomes"]:
            rows.append(
                ReportOutcome(
                    report=report,
                    table_id=child.id or "",
                    position=len(rows),
                    theme=theme,
                    theme_slug=slugify(theme)[:180] or "-",
                    kind=outcome["kind"],
                    text=outcome["text"],
                    proposer=outcome.get("proposer") or "",
                    status=outcome["status"],
                    owner=outcome.get("owner") or "",
                )
            )
    with transaction.atomic():
        ReportOutcome.objects.filter(report=report).delete()
        ReportOutcome.objects.bulk_create(rows)


# The overview's filter belongs to the page that reads it; events/forms.py sits above the models.
class OutcomeFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), max_length=100, required=False)
    theme = forms.SlugField(label=_("Theme"), max_length=180, required=False)
    kind = forms.ChoiceField(label=_("Kind"), required=False, choices=[("", _("All kinds")), *OUTCOME_KINDS])
    sector = forms.ChoiceField(label=_("Sector"), required=False)
    status = forms.ChoiceField(
        label=_("Follow-up status"), required=False, choices=[("", _("Any status")), *FOLLOW_UP_STATUSES]
    )

    def __init__(self, *args, sectors=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sector"].choices = [
            ("", _("All sectors")),
            *((sector.slug, sector.name) for sector in sectors),
        ]

    def filters(self):
        """The valid filters only: a bad value in one field never discards the others."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {name: data.get(name) for name in self.fields if data.get(name) and name not in self.errors}


class OutcomesPage(Page):
    """Every outcome of every published report in this language, filterable and searchable."""

    intro = models.TextField(_("introduction"), max_length=800, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []
    max_count_per_parent = 1  # one overview per agenda

    class Meta:
        verbose_name = _("outcomes overview")
        verbose_name_plural = _("outcomes overviews")

    def public_reports(self):
        return public_reports(self.locale_id)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        sectors = Sector.in_locale(self.locale_id)
        form = OutcomeFilterForm(request.GET or None, sectors=sectors)
        filters = form.filters() if request.GET else {}

        reports_qs = self.public_reports()
        outcomes = ReportOutcome.objects.filter(report__in=reports_qs.values("pk"))
        if filters.get("q"):
            words = filters["q"].split()
            for word in words:
                outcomes = outcomes.filter(
                    Q(text__icontains=word)
                    | Q(theme__icontains=word)
                    | Q(proposer__icontains=word)
                    | Q(owner__icontains=word)
                )
        for name in ("kind", "status"):
            if filters.get(name):
                outcomes = outcomes.filter(**{name: filters[name]})
        if filters.get("sector"):
            outcomes = outcomes.filter(report__sector__slug=filters["sector"])
        # Counts per theme ignore the theme filter itself, so they show where else to look.
        theme_counts = list(
            outcomes.values("theme_slug")
            .annotate(name=Min("theme"), count=Count("pk"))
            .order_by("-count", "name")
        )
        if filters.get("theme"):
            outcomes = outcomes.filter(theme_slug=filters["theme"])

        reports = {
            report.pk: report
            for report in reports_qs.defer_streamfields()
            .select_related("sector")
            .annotate(outcome_count=Count("outcome_rows"))
            .order_by("-report_date", "title")
        }
        paginator = Paginator(
            outcomes.order_by("-report__report_date", "report_id", "position"), OUTCOMES_PER_PAGE
        )
        # The theme counts already hold the total, which saves the paginator its COUNT query.
        paginator.count = sum(
            row["count"]
            for row in theme_counts
            if not filters.get("theme") or row["theme_slug"] == filters["theme"]
        )
        page_obj = paginator.get_page(request.GET.get("page"))
        rows = []
        for outcome in page_obj.object_list:
            report = reports[outcome.report_id]
            rows.append({"outcome": outcome, "report": report, "url": outcome.get_url(report, request)})

        context.update(
            form=form,
            filters=filters,
            is_filtered=bool(filters),
            theme_counts=theme_counts,
            active_theme=filters.get("theme", ""),
            rows=rows,
            page_obj=page_obj,
            paginator=paginator,
            reports=list(reports.values()),
        )
        return context
