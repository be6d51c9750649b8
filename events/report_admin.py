"""Admin report "Outcome follow-up": every outcome of every published report, to follow up and export.

Outcomes are edited inside their report; this list is for seeing what is still open across all
sessions and languages, and for exporting it (CSV/XLSX) for a follow-up meeting.
"""

import datetime

import django_filters
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Locale
from wagtail.permission_policies.pages import PagePermissionPolicy

from events.blocks import FOLLOW_UP_STATUSES, OUTCOME_KINDS
from events.reports import ReportOutcome, SessionReportPage


def can_edit_reports(user):
    """Staff who may edit at least one session report; partner networks and others may not."""
    if not user.is_active:
        return False
    if user.is_superuser:
        return True
    pages = PagePermissionPolicy().instances_user_has_permission_for(user, "change")
    return pages.type(SessionReportPage).exists()


class OutcomeFollowUpFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=_("Follow-up status"), choices=FOLLOW_UP_STATUSES)
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=OUTCOME_KINDS)
    locale = django_filters.ModelChoiceFilter(
        label=_("Language"), field_name="report__locale", queryset=Locale.objects.all()
    )
    owner = django_filters.CharFilter(
        label=pgettext_lazy("follow-up action", "Owner"), lookup_expr="icontains"
    )

    class Meta:
        model = ReportOutcome
        fields = ["status", "kind", "locale", "owner"]


class OutcomeFollowUpView(ReportView):
    page_title = _("Outcome follow-up")
    header_icon = "tick"
    index_url_name = "events_outcome_follow_up"
    index_results_url_name = "events_outcome_follow_up_results"
    filterset_class = OutcomeFollowUpFilterSet
    model = ReportOutcome
    columns = [
        TitleColumn(
            "text",
            label=_("Outcome"),
            get_url=lambda outcome: reverse("wagtailadmin_pages:edit", args=[outcome.report_id]),
        ),
        Column("theme", label=_("Theme")),
        Column("get_kind_display", label=_("Kind")),
        Column("get_status_display", label=_("Follow-up status")),
        Column("owner", label=pgettext_lazy("follow-up action", "Owner")),
        Column("report.title", label=_("Report")),
        Column("report.locale.get_display_name", label=_("Language")),
    ]
    list_export = [
        "report.title",
        "report.report_date",
        "report.locale.language_code",
        "theme",
        "get_kind_display",
        "text",
        "proposer",
        "get_status_display",
        "owner",
    ]
    export_headings = {
        "report.title": _("Report"),
        "report.report_date": _("report date"),
        "report.locale.language_code": _("Language"),
        "theme": _("Theme"),
        "get_kind_display": _("Kind"),
        "text": _("Outcome"),
        "proposer": _("Proposed by"),
        "get_status_display": _("Follow-up status"),
        "owner": pgettext_lazy("follow-up action", "Owner"),
    }

    def dispatch(self, request, *args, **kwargs):
        from django.core.exceptions import PermissionDenied

        if not can_edit_reports(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return (
            ReportOutcome.objects.filter(report__live=True)
            .select_related("report", "report__locale")
            .order_by("-report__report_date", "report__locale__language_code", "report_id", "position")
        )

    def get_filename(self):
        return f"outcome-follow-up-{datetime.date.today():%Y-%m-%d}"


class OutcomeFollowUpMenuItem(MenuItem):
    def is_shown(self, request):
        return can_edit_reports(request.user)


def urlpatterns():
    return [
        path("events/outcome-follow-up/", OutcomeFollowUpView.as_view(), name="events_outcome_follow_up"),
        path(
            "events/outcome-follow-up/results/",
            OutcomeFollowUpView.as_view(results_only=True),
            name="events_outcome_follow_up_results",
        ),
    ]


def menu_item():
    return OutcomeFollowUpMenuItem(
        _("Outcome follow-up"),
        reverse("events_outcome_follow_up"),
        name="outcome-follow-up",
        icon_name="tick",
        order=650,
    )
