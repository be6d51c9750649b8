"""The admin of the events app: registrations (a viewset) and the outcome follow-up report.

Registrations: staff see, add (a phone sign-up), correct, export, cancel and promote them. Outcome
follow-up: every outcome of every published report, to follow up and export. Outcomes are edited
inside their report; this list is for seeing what is still open across all sessions and languages,
and for exporting it (CSV/XLSX) for a follow-up meeting.
"""

import datetime

import django_filters
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Exists, OuterRef, Q
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext, pgettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem as AdminMenuItem
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.generic import CreateView, IndexView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.reports import ReportView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import Button
from wagtail.log_actions import log
from wagtail.models import Locale
from wagtail.permission_policies.base import ModelPermissionPolicy
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.permissions import register_permission_policy

from events.blocks import FOLLOW_UP_STATUSES, OUTCOME_KINDS
from events.forms import StaffRegistrationForm
from events.models import EventPage, Registration, ReportOutcome, SessionReportPage, SignupRefused
from home.exports import SafeExportMixin, StreamingExportMixin
from home.pagination import page_number
from home.params import row_id

# --- registrations -------------------------------------------------------------------------------


class RegistrationPermissionPolicy(ModelPermissionPolicy):
    """Staff see, add (by phone), correct, export, cancel and promote registrations; never delete."""

    def user_has_permission(self, user, action):
        # Deleting would free a seat without moving up the waiting list or mailing anyone; staff
        # cancel instead, and the purge command erases personal data after the session.
        if action == "delete":
            return False
        return super().user_has_permission(user, action)


class RegistrationCreateView(CreateView):
    """A sign-up taken by phone: the site's sign-up unit decides the seat and sends the mail."""

    def form_valid(self, form):
        self.form = form
        try:
            # Staff are told of a registration that exists; the registrant is not mailed again.
            registration, created = Registration.objects.sign_up(
                form.cleaned_data["event"], mail_existing=False, **form.registration_data(self.request.user)
            )
        except SignupRefused as refused:
            form.add_error(
                "event",
                _("This session takes no sign-ups now: %(state)s.") % {"state": refused.state.label},
            )
            return self.refuse(form)
        if not created:
            form.add_error("email", _("This email address is already signed up for this session."))
            return self.refuse(form)
        self.object = registration
        log(instance=registration, action="wagtail.create", user=self.request.user)
        return self.save_action()

    def refuse(self, form):
        self.produced_error_code = "validation_error"
        self.produced_error_message = self.get_error_message()
        return self.form_invalid(form)

    def get_success_message(self, instance):
        if instance.status == Registration.Status.CONFIRMED:
            return _("%(name)s is signed up and gets a confirmation mail.") % {"name": instance.name}
        return _("The session is full: %(name)s is on the waiting list and gets a mail.") % {
            "name": instance.name
        }


register_permission_policy(Registration, RegistrationPermissionPolicy(Registration))


class RegistrationActionView(WagtailAdminTemplateMixin, TemplateView):
    """Confirm on GET, act on POST: cancel a registration or promote one from the waiting list."""

    template_name = "events/admin/registration_action.html"
    action = None  # "cancel" or "promote"
    index_url_name = None

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("events.change_registration"):
            raise PermissionDenied
        self.registration = get_object_or_404(Registration.objects.select_related("event"), pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Cancel registration") if self.action == "cancel" else _("Promote from the waiting list")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            registration=self.registration,
            action=self.action,
            index_url=reverse(self.index_url_name),
            allowed=self.allowed(),
        )
        return context

    def allowed(self):
        if self.action == "cancel":
            return self.registration.status != Registration.Status.CANCELLED
        return self.registration.status == Registration.Status.WAITLISTED

    def post(self, request, *args, **kwargs):
        if not self.allowed():
            messages.error(request, _("This registration cannot be changed that way any more."))
        elif self.action == "cancel":
            promoted = self.registration.cancel()
            messages.success(request, _("Registration cancelled; the registrant gets a mail."))
            if promoted is not None:
                messages.success(
                    request,
                    _("%(name)s moved up from the waiting list and gets a mail.") % {"name": promoted.name},
                )
        else:
            self.registration.promote()
            event = self.registration.event
            messages.success(request, _("Registration confirmed; the registrant gets a mail."))
            if event.capacity is not None and event.seats_taken > event.capacity:
                messages.warning(request, _("This session now has more confirmed people than seats."))
        return redirect(self.index_url_name)


class SignupCountsView(WagtailAdminTemplateMixin, TemplateView):
    """Confirmed, waiting and cancelled registrations per session, upcoming sessions first, a page at
    a time: twenty years of sessions on one page took half a second and 220 KB."""

    template_name = "events/admin/signup_counts.html"
    page_title = gettext_lazy("Sign-ups per session")
    index_url_name = None
    per_page = 50

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("events.view_registration"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        sessions = (
            EventPage.objects.filter(Exists(Registration.objects.filter(event=OuterRef("pk"))))
            .only("title", "start", "capacity")
            .order_by("-start", "-pk")
        )
        paginator = Paginator(sessions, self.per_page)
        page = paginator.page(page_number(self.request.GET.get("p"), paginator.num_pages))
        events = list(page.object_list)
        # Counted for the page's sessions alone: counting in the page's own query counted every
        # session before the last page too, and a GROUP BY over all sessions every registration.
        counts = (
            Registration.objects.filter(event__in=events)
            .order_by()
            .values_list("event_id", "status")
            .annotate(count=Count("pk"))
        )
        by_session = {(event_id, status): count for event_id, status, count in counts}
        status = Registration.Status
        for event in events:
            event.confirmed = by_session.get((event.pk, status.CONFIRMED), 0)
            event.waitlisted = by_session.get((event.pk, status.WAITLISTED), 0)
            event.cancelled = by_session.get((event.pk, status.CANCELLED), 0)
        context.update(
            events=events,
            page_obj=page,
            is_paginated=paginator.num_pages > 1,
            elided_page_range=paginator.get_elided_page_range(page.number),
            index_url=reverse(self.index_url_name),
        )
        return context


# The session filter offers the sessions of the past year and the ones ahead: twenty years of
# sessions made a drop-down of a thousand options, most of the registrations list's time. Older ones
# are one click away on "Sign-ups per session", whose links keep their session selected here.
RECENT_SESSIONS = datetime.timedelta(days=365)


def session_choices(request):
    """The sessions with sign-ups that the filter offers: recent and upcoming ones, and the chosen one."""
    offered = Q(end__gte=timezone.now() - RECENT_SESSIONS)
    chosen = row_id(request.GET.get("event", "")) if request is not None else None
    if chosen is not None:
        offered |= Q(pk=chosen)
    # Registrations point at the first page of a session's translations. One EXISTS per session
    # (an index lookup) rather than a DISTINCT over every registration joined to its session.
    return (
        EventPage.objects.filter(offered, Exists(Registration.objects.filter(event=OuterRef("pk"))))
        .only("title", "start")
        .order_by("-start")
    )


class SessionChoiceField(django_filters.fields.ModelChoiceField):
    def to_python(self, value):
        # An id past the database's integer range is no session: without this the lookup raised
        # OverflowError on SQLite, a 500 instead of "not a choice".
        if value not in self.empty_values and row_id(value) is None:
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)


class SessionFilter(django_filters.ModelChoiceFilter):
    field_class = SessionChoiceField


class RegistrationFilterSet(WagtailFilterSet):
    event = SessionFilter(label=gettext_lazy("Session"), queryset=session_choices)

    class Meta:
        model = Registration
        fields = ["event", "status", "role", "language"]


class RegistrationViewSet(ModelViewSet):
    model = Registration
    icon = "group"
    menu_label = gettext_lazy("Registrations")
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["name", "email", "event", "status", "role", "language", "created_at"]
    filterset_class = RegistrationFilterSet
    search_fields = ["name", "email", "organisation"]
    search_backend_name = None  # plain database lookups; registrations are not in the search index
    form_fields = ["name", "email", "organisation", "role", "remarks"]
    list_export = [
        "event",
        "status",
        "name",
        "email",
        "organisation",
        "role",
        "remarks",
        "language",
        "created_at",
    ]
    export_filename = "registrations"
    inspect_view_enabled = True
    copy_view_enabled = False
    add_view_class = RegistrationCreateView
    ordering = ["-created_at"]

    def get_add_view_kwargs(self, **kwargs):
        return super().get_add_view_kwargs(form_class=StaffRegistrationForm, **kwargs)

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("counts/", self.counts_view, name="counts"),
            path("cancel/<int:pk>/", self.cancel_view, name="cancel"),
            path("promote/<int:pk>/", self.promote_view, name="promote"),
        ]

    @property
    def counts_view(self):
        return SignupCountsView.as_view(index_url_name=self.get_url_name("index"))

    @property
    def cancel_view(self):
        return RegistrationActionView.as_view(action="cancel", index_url_name=self.get_url_name("index"))

    @property
    def promote_view(self):
        return RegistrationActionView.as_view(action="promote", index_url_name=self.get_url_name("index"))

    @property
    def index_view_class(self):
        viewset = self

        class RegistrationIndexView(StreamingExportMixin, SafeExportMixin, IndexView):
            def get_base_queryset(self):
                return super().get_base_queryset().select_related("event")

            def get_export_queryset(self):
                # The exported columns alone; of the session only its title, joined in.
                fields = [field for field in viewset.list_export if field != "event"]
                return self.get_queryset().only(*fields, "event__title")

            def to_row_dict(self, item):
                row = super().to_row_dict(item)
                row["status"] = item.get_status_display()
                row["role"] = item.get_role_display()
                # Naive local time: spreadsheets show it as is, Wagtail would otherwise write UTC.
                row["created_at"] = timezone.localtime(item.created_at).replace(microsecond=0, tzinfo=None)
                return row

            def get_list_more_buttons(self, instance):
                buttons = super().get_list_more_buttons(instance)
                if instance.status != Registration.Status.CANCELLED:
                    buttons.append(
                        MenuItem(
                            pgettext("registration action", "Cancel"),
                            url=reverse(viewset.get_url_name("cancel"), args=[instance.pk]),
                            icon_name="cross",
                            priority=40,
                        )
                    )
                if instance.status == Registration.Status.WAITLISTED:
                    buttons.append(
                        MenuItem(
                            pgettext("registration action", "Promote"),
                            url=reverse(viewset.get_url_name("promote"), args=[instance.pk]),
                            icon_name="arrow-up",
                            priority=41,
                        )
                    )
                return buttons

            @cached_property
            def header_more_buttons(self):
                return [
                    *super().header_more_buttons,
                    Button(
                        _("Sign-ups per session"),
                        url=reverse(viewset.get_url_name("counts")),
                        icon_name="table",
                    ),
                ]

        return RegistrationIndexView


# --- outcome follow-up ---------------------------------------------------------------------------


def can_edit_reports(user):
    """Staff who may edit at least one session report; partner networks and others may not."""
    if not user.is_active:
        return False
    if user.is_superuser:
        return True
    pages = PagePermissionPolicy().instances_user_has_permission_for(user, "change")
    return pages.type(SessionReportPage).exists()


class OutcomeFollowUpFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=gettext_lazy("Follow-up status"), choices=FOLLOW_UP_STATUSES)
    kind = django_filters.ChoiceFilter(label=gettext_lazy("Kind"), choices=OUTCOME_KINDS)
    locale = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Language"), field_name="report__locale", queryset=Locale.objects.all()
    )
    owner = django_filters.CharFilter(
        label=pgettext_lazy("follow-up action", "Owner"), lookup_expr="icontains"
    )

    class Meta:
        model = ReportOutcome
        fields = ["status", "kind", "locale", "owner"]


class OutcomeFollowUpView(SafeExportMixin, ReportView):
    page_title = gettext_lazy("Outcome follow-up")
    header_icon = "tick"
    index_url_name = "events_outcome_follow_up"
    index_results_url_name = "events_outcome_follow_up_results"
    filterset_class = OutcomeFollowUpFilterSet
    model = ReportOutcome
    columns = [
        TitleColumn(
            "text",
            label=gettext_lazy("Outcome"),
            get_url=lambda outcome: reverse("wagtailadmin_pages:edit", args=[outcome.report_id]),
        ),
        Column("theme", label=gettext_lazy("Theme")),
        Column("get_kind_display", label=gettext_lazy("Kind")),
        Column("get_status_display", label=gettext_lazy("Follow-up status")),
        Column("owner", label=pgettext_lazy("follow-up action", "Owner")),
        Column("report.title", label=gettext_lazy("Report")),
        Column("report.locale.get_display_name", label=gettext_lazy("Language")),
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
        "report.title": gettext_lazy("Report"),
        "report.report_date": gettext_lazy("report date"),
        "report.locale.language_code": gettext_lazy("Language"),
        "theme": gettext_lazy("Theme"),
        "get_kind_display": gettext_lazy("Kind"),
        "text": gettext_lazy("Outcome"),
        "proposer": gettext_lazy("Proposed by"),
        "get_status_display": gettext_lazy("Follow-up status"),
        "owner": pgettext_lazy("follow-up action", "Owner"),
    }

    def dispatch(self, request, *args, **kwargs):
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


class OutcomeFollowUpMenuItem(AdminMenuItem):
    def is_shown(self, request):
        # Wagtail asks twice on every admin page (to decide whether the Reports menu shows, then
        # to render it), and the answer costs a query: asked once per request.
        if not hasattr(request, "_can_edit_reports"):
            request._can_edit_reports = can_edit_reports(request.user)
        return request._can_edit_reports


def outcome_follow_up_urls():
    return [
        path("events/outcome-follow-up/", OutcomeFollowUpView.as_view(), name="events_outcome_follow_up"),
        path(
            "events/outcome-follow-up/results/",
            OutcomeFollowUpView.as_view(results_only=True),
            name="events_outcome_follow_up_results",
        ),
    ]


def outcome_follow_up_menu_item():
    return OutcomeFollowUpMenuItem(
        gettext_lazy("Outcome follow-up"),
        reverse("events_outcome_follow_up"),
        name="outcome-follow-up",
        icon_name="tick",
        order=650,
    )
