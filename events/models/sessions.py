"""Sessions (EventPage) in an agenda (EventIndexPage), and the people who sign up (Registration).

Translations of one session share their seats: every registration points at the session's
*seat holder*, the oldest page of its translation group, and that row is the one locked while seats
are counted (see ``Registration.objects.sign_up``).
"""

import json
import uuid
from datetime import timedelta
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.db.models import Count, IntegerField, Max, Min, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce, ExtractYear
from django.dispatch import Signal
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from events.blocks import ProgrammeBlock
from events.ical import calendar_response, events_calendar
from home.cache import remembered
from home.models import Sector
from home.pagination import paginate
from home.params import year_param

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


class SessionType(models.TextChoices):
    BREAKFAST = "breakfast", _("Breakfast session")
    SWARM = "swarm", _("Swarm session")
    BOTH = "both", _("Breakfast and swarm session")


class RegistrationState(models.TextChoices):
    """What a visitor can do with a session right now; computed, never stored."""

    OPEN = "open", _("Open for sign-up")
    WAITLIST = "waitlist", _("Full: waiting list")
    NOT_YET_OPEN = "not_yet_open", _("Sign-up not open yet")
    CLOSED = "closed", _("Sign-up closed")
    PAST = "past", _("Past")
    CANCELLED = "cancelled", pgettext_lazy("sign-up", "Cancelled")


# Why a session takes no sign-up, on the page and in the answer to a refused sign-up.
STATE_MESSAGES = {
    RegistrationState.NOT_YET_OPEN: _("Sign-up for this session has not opened yet."),
    RegistrationState.CLOSED: _("Sign-up for this session is closed."),
    RegistrationState.PAST: _("This session has already taken place."),
    RegistrationState.CANCELLED: _("This session has been cancelled; you cannot sign up."),
}

# Sent with ``mail`` when a mail joins the outbox; the task that sends it (events/tasks.py) sits
# above the models and is connected to this in events/signals.py.
mail_queued = Signal()


def seat_holder_subquery():
    """The seat holder's id (see ``EventPage.seat_holder_id``) for ``.annotate(_seat_holder_id=...)``."""
    holders = EventPage.objects.filter(translation_key=OuterRef("translation_key")).order_by("pk")
    return Subquery(holders.values("pk")[:1])


def confirmed_count_subquery():
    """Confirmed seats of a page's translation group, for ``.annotate()`` on EventPage querysets."""
    counts = (
        Registration.objects.filter(
            event__translation_key=OuterRef("translation_key"), status=Registration.Status.CONFIRMED
        )
        .order_by()
        .values("event__translation_key")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return Coalesce(Subquery(counts, output_field=IntegerField()), 0)


# Past sessions per page of a year's archive: a card grid of two columns, six rows.
PAST_PER_PAGE = 12


class EventIndexPage(RoutablePageMixin, Page):
    """The agenda: upcoming sessions first, then the archive per year; an iCal feed per language."""

    intro = models.TextField(_("introduction"), blank=True, max_length=800)

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["events.EventPage", "events.SessionReportPage", "events.OutcomesPage"]
    max_count_per_parent = 1  # one agenda per language tree

    class Meta:
        verbose_name = _("agenda")

    def events(self):
        return EventPage.objects.live().descendant_of(self).select_related("sector")

    def upcoming_events(self):
        return (
            self.events()
            .filter(end__gte=timezone.now())
            .annotate(confirmed_seats=confirmed_count_subquery())
            .order_by("start")
        )

    def past_events(self):
        # No seat count: a past session's card says it took place (or was cancelled), never its
        # seats, and counting the sign-ups of a year of sessions was most of this query.
        return self.events().filter(end__lt=timezone.now()).order_by("-start", "-pk")

    def past_years(self, sector_slug=None):
        """The years with past sessions, newest first, in the local time zone: one small query."""
        past = EventPage.objects.live().descendant_of(self).filter(end__lt=timezone.now())
        if sector_slug:
            past = past.filter(sector__slug=sector_slug)
        years = past.order_by().annotate(year=ExtractYear("start")).values_list("year", flat=True)
        return sorted(set(years.distinct()), reverse=True)

    @path("")
    def index(self, request):
        """Upcoming sessions, then the past ones of one year: the latest, or ``?year=``, a page at a time.

        Twenty years of sessions on one page made the agenda 362 KB; a busy year of fifty sessions
        still doubled its render time, so a year's sessions are paged like every other list.
        """
        sector_slug = request.GET.get("sector", "")[:80]
        asked_year = year_param(request)
        sectors = Sector.in_locale(self.locale_id)
        upcoming = self.upcoming_events()
        active_sector = next((sector for sector in sectors if sector.slug == sector_slug), None)
        if active_sector is not None:
            upcoming = upcoming.filter(sector__slug=sector_slug)
        upcoming = list(upcoming)
        # The past changes when content does, or when the first of the upcoming sessions ends: what
        # is remembered of it (its years, a year's count) is kept under that end too.
        sector = sector_slug if active_sector else None
        next_end = min((int(event.end.timestamp()) for event in upcoming), default=None)
        past_until = f"agenda:{self.pk}:{sector}:{next_end}"
        years = remembered(f"{past_until}:years", lambda: self.past_years(sector))
        year = asked_year if asked_year is not None else (years[0] if years else None)
        past_page = None
        if year in years:
            past = self.past_events().filter(start__year=year)
            if active_sector is not None:
                past = past.filter(sector__slug=sector_slug)
            past_page = paginate(
                request, past, PAST_PER_PAGE, count=remembered(f"{past_until}:{year}", past.count)
            )
        # A year's archive is a lasting address, while the agenda itself moves on to the next year:
        # /agenda/?year=2012 names itself. The sector filter is dropped, as on the news index, since
        # the year's page holds its sessions of every sector.
        canonical = [f"year={year}"] if asked_year in years else []
        if past_page is not None and past_page.number > 1:
            canonical.append(f"page={past_page.number}")
        response = self.render(
            request,
            context_overrides={
                "upcoming": upcoming,
                "past": past_page.object_list if past_page is not None else [],
                "past_page": past_page,
                "years": years,
                "year": year,
                "sectors": sectors,
                "active_sector": active_sector,
                "canonical_query": "?" + "&".join(canonical) if canonical else "",
            },
        )
        if year is not None and year not in years:
            response.status_code = 404  # a year without past sessions: the agenda says so
        return response

    @path("ical/", name="feed")
    def ical_feed(self, request):
        events = list(self.upcoming_events().filter(is_cancelled=False))
        calendar = events_calendar(events, request=request, name=self.title)
        return calendar_response(calendar, "pr8werk-agenda.ics")

    def feed_url(self, request=None):
        return self.url + self.reverse_subpage("feed")


class EventPage(RoutablePageMixin, Page):
    """One session: when, where, what, for how many, and the sign-up form."""

    session_type = models.CharField(
        _("type of session"), max_length=20, choices=SessionType.choices, default=SessionType.BOTH
    )
    sector = models.ForeignKey(
        "home.Sector",
        verbose_name=_("theme of the year"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    start = models.DateTimeField(_("start"), help_text=_("Times are in Europe/Amsterdam."))
    end = models.DateTimeField(_("end"))
    venue_name = models.CharField(_("venue"), max_length=160)
    venue_address = models.CharField(_("address"), max_length=200, blank=True)
    venue_town = models.CharField(_("town"), max_length=100)
    intro = models.TextField(_("introduction"), blank=True, max_length=1200)
    programme = StreamField(ProgrammeBlock(), verbose_name=_("programme"), blank=True)
    capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, help_text=_("Number of seats; leave empty for unlimited.")
    )
    signup_opens = models.DateTimeField(
        _("sign-up opens"), null=True, blank=True, help_text=_("Empty: open as soon as the page is live.")
    )
    signup_closes = models.DateTimeField(
        _("sign-up closes"), null=True, blank=True, help_text=_("Empty: open until the session starts.")
    )
    is_cancelled = models.BooleanField(
        _("session cancelled"),
        default=False,
        help_text=_("The page stays visible with a notice; sign-up stops."),
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("session_type"),
                FieldPanel("sector"),
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
            ],
            heading=_("Session"),
        ),
        MultiFieldPanel(
            [FieldPanel("venue_name"), FieldPanel("venue_address"), FieldPanel("venue_town")],
            heading=_("Venue"),
        ),
        FieldPanel("intro"),
        FieldPanel("programme"),
        MultiFieldPanel(
            [
                FieldPanel("capacity"),
                FieldRowPanel([FieldPanel("signup_opens"), FieldPanel("signup_closes")]),
                FieldPanel("is_cancelled"),
            ],
            heading=_("Sign-up"),
        ),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("venue_town"),
        index.FilterField("start"),
    ]

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end and self.end <= self.start:
            errors["end"] = _("The end must be after the start.")
        if self.signup_opens and self.signup_closes and self.signup_closes <= self.signup_opens:
            errors["signup_closes"] = _("Sign-up must close after it opens.")
        if errors:
            raise ValidationError(errors)

    # --- seats and state -------------------------------------------------------------------------

    @property
    def seat_holder_id(self):
        """The page registrations of every translation of this session point at."""
        cached = getattr(self, "_seat_holder_id", None)
        if cached is None:
            cached = (
                EventPage.objects.filter(translation_key=self.translation_key)
                .order_by("pk")
                .values_list("pk", flat=True)
                .first()
            ) or self.pk
            self._seat_holder_id = cached
        return cached

    @property
    def seats_taken(self):
        # Agenda querysets annotate the count; a single page counts on demand.
        annotated = getattr(self, "confirmed_seats", None)
        if annotated is not None:
            return annotated
        return Registration.objects.filter(
            event_id=self.seat_holder_id, status=Registration.Status.CONFIRMED
        ).count()

    @property
    def seats_left(self):
        if self.capacity is None:
            return None
        return max(self.capacity - self.seats_taken, 0)

    def state_at(self, moment):
        state = self.schedule_state_at(moment)
        if state == RegistrationState.OPEN and self.seats_left == 0:
            return RegistrationState.WAITLIST
        return state

    def schedule_state_at(self, moment):
        """The state by the page's own fields and the clock, seats not counted: OPEN for a full session.

        Enough to decide whether a sign-up is taken (a full session takes it onto the waiting list)
        without counting the seats once more.
        """
        if self.is_cancelled:
            return RegistrationState.CANCELLED
        if self.end <= moment:
            return RegistrationState.PAST
        if self.start <= moment:
            return RegistrationState.CLOSED
        if self.signup_opens and moment < self.signup_opens:
            return RegistrationState.NOT_YET_OPEN
        if self.signup_closes and moment >= self.signup_closes:
            return RegistrationState.CLOSED
        return RegistrationState.OPEN

    @property
    def registration_state(self):
        return self.state_at(timezone.now())

    @property
    def accepts_signups(self):
        return self.registration_state in (RegistrationState.OPEN, RegistrationState.WAITLIST)

    @property
    def is_past(self):
        return self.end <= timezone.now()

    @property
    def map_url(self):
        query = ", ".join(part for part in (self.venue_name, self.venue_address, self.venue_town) if part)
        return "https://www.openstreetmap.org/search?" + urlencode({"query": query})

    def ical_uid(self):
        """The same for every translation and globally unique: a UUID plus the site's domain."""
        domain = settings.SITE_BASE_URL.split("://", 1)[-1].split("/", 1)[0].split(":", 1)[0]
        return f"session-{self.translation_key}@{domain}"

    def json_ld(self, request=None):
        """schema.org Event, escaped for a <script type="application/ld+json"> element."""
        status = "EventCancelled" if self.is_cancelled else "EventScheduled"
        data = {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": self.title,
            "startDate": self.start.astimezone(AMSTERDAM).isoformat(),
            "endDate": self.end.astimezone(AMSTERDAM).isoformat(),
            "eventStatus": f"https://schema.org/{status}",
            "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
            "inLanguage": self.locale.language_code,
            "location": {
                "@type": "Place",
                "name": self.venue_name,
                "address": {
                    "@type": "PostalAddress",
                    "streetAddress": self.venue_address,
                    "addressLocality": self.venue_town,
                    "addressCountry": "NL",
                },
            },
            "organizer": {"@type": "Organization", "name": "Pr8werk", "url": settings.SITE_BASE_URL + "/"},
            "isAccessibleForFree": True,
        }
        if self.intro:
            data["description"] = self.intro
        url = self.get_url(request)
        if url:
            data["url"] = request.build_absolute_uri(url) if request else settings.SITE_BASE_URL + url
        if self.capacity is not None and not self.is_past:
            data["maximumAttendeeCapacity"] = self.capacity
            data["remainingAttendeeCapacity"] = self.seats_left
        return json.dumps(data, ensure_ascii=False).translate(JSON_SCRIPT_ESCAPES)

    def ics_url(self):
        return self.url + self.reverse_subpage("ics")

    # --- views -----------------------------------------------------------------------------------

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Count the confirmed seats once: state, seats left and JSON-LD all read them.
        self.confirmed_seats = self.seats_taken
        state = self.registration_state
        context.update(
            state=state,
            states=RegistrationState,
            state_message=STATE_MESSAGES.get(state, ""),
            json_ld=self.json_ld(request),
        )
        return context

    @path("")
    def event(self, request):
        """The session with its sign-up form, which posts to the sign-up view (events/urls.py)."""
        if request.method == "POST":
            # A form rendered before sign-ups got their own address still posts here: 307 keeps
            # the method and the visitor's data on the way to the sign-up view.
            return HttpResponseRedirect(reverse("events:signup", args=[self.pk]), status=307)
        if request.method not in ("GET", "HEAD"):
            return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
        return self.render(request)

    @path("ical/", name="ics")
    def ics(self, request):
        return calendar_response(events_calendar([self], request=request), f"{self.slug}.ics")


SCHEDULE_FIELDS = ("signup_opens", "signup_closes", "start", "end")


def next_scheduled_change(now):
    """The next moment a session's sign-up opens or closes, or a session starts or ends."""
    moments = EventPage.objects.live().aggregate(
        **{field: Min(field, filter=Q(**{f"{field}__gt": now})) for field in SCHEDULE_FIELDS}
    )
    return min((moment for moment in moments.values() if moment is not None), default=None)


class SignupRefused(Exception):
    """The session does not take sign-ups (any more): cancelled, closed, past or not yet open."""

    def __init__(self, state):
        super().__init__(state)
        self.state = state


class RegistrationQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status__in=Registration.ACTIVE_STATUSES)


class RegistrationManager(models.Manager.from_queryset(RegistrationQuerySet)):
    def sign_up(self, event, mail_existing=True, **data):
        """Sign someone up for ``event``, confirmed if a seat is free, else on the waiting list.

        Returns ``(registration, created)``; an email address that already holds an active
        registration gets that registration back and takes no second seat (and, with
        ``mail_existing``, its details mailed again, see ``mail_details_again``). Seats are counted and
        the row inserted in one transaction that holds the seat holder's row lock on PostgreSQL
        (``SELECT ... FOR UPDATE``); on SQLite the IMMEDIATE transaction mode of our settings takes
        the database's write lock at BEGIN, which serialises sign-ups the same way.
        """
        email = data["email"].strip().lower()
        holder_id = event.seat_holder_id
        # The lock is held until the commit, and every sign-up for the session waits for it: inside
        # are only the seat holder's row, the address's active registration, the seat count and the
        # inserts of the registration with its mail, each one indexed statement.
        with transaction.atomic():
            holder = (
                EventPage.objects.select_for_update(of=("self",))
                .only("is_cancelled", "capacity", *SCHEDULE_FIELDS)
                .get(pk=holder_id)
            )
            holder._seat_holder_id = holder.pk
            # The seat holder decides, not the translation the visitor used: an editor may have
            # cancelled or closed the session without syncing every translation yet.
            state = holder.schedule_state_at(timezone.now())
            if state != RegistrationState.OPEN:
                raise SignupRefused(state)
            # One statement for both: the seats taken, and whether the address already holds one.
            seen = self.filter(event=holder).aggregate(
                confirmed=Count("pk", filter=Q(status=Registration.Status.CONFIRMED)),
                existing=Max("pk", filter=Q(email=email, status__in=Registration.ACTIVE_STATUSES)),
            )
            if seen["existing"] is not None:
                existing = self.get(pk=seen["existing"])
                if mail_existing:
                    existing.mail_details_again()
                return existing, False
            confirmed = seen["confirmed"]
            has_seat = holder.capacity is None or confirmed < holder.capacity
            registration = self.create(
                event=holder,
                **{**data, "email": email},
                status=Registration.Status.CONFIRMED if has_seat else Registration.Status.WAITLISTED,
                details_mailed_at=timezone.now(),
            )
            registration.queue_mail(
                RegistrationMail.Kind.CONFIRMATION if has_seat else RegistrationMail.Kind.WAITLISTED
            )
        return registration, True

    def fill_free_seats(self, event):
        """Move people up from the waiting list while seats are free, e.g. after staff add seats."""
        promoted = []
        with transaction.atomic():
            EventPage.objects.select_for_update(of=("self",)).get(pk=event.seat_holder_id)
            while (registration := self.promote_next(event.seat_holder_id)) is not None:
                promoted.append(registration)
        return promoted

    def promote_next(self, event_id):
        """Within a locked transaction: give free seats to the waiting list in order of sign-up."""
        event = EventPage.objects.get(pk=event_id)
        if event.is_cancelled or event.is_past:
            return None
        confirmed = self.filter(event_id=event_id, status=Registration.Status.CONFIRMED).count()
        if event.capacity is not None and confirmed >= event.capacity:
            return None
        candidate = (
            self.filter(event_id=event_id, status=Registration.Status.WAITLISTED)
            .order_by("created_at", "pk")
            .first()
        )
        if candidate is not None:
            candidate._set_status(Registration.Status.CONFIRMED)
            candidate.queue_mail(RegistrationMail.Kind.PROMOTED)
        return candidate


class Registration(models.Model):
    """One person's sign-up for a session. Personal data is erased some time after the session."""

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Confirmed")
        WAITLISTED = "waitlisted", _("Waiting list")
        CANCELLED = "cancelled", pgettext_lazy("sign-up", "Cancelled")

    class Role(models.TextChoices):
        ZP = "zp", _("Independent professional (zp'er)")
        CLIENT_BUSINESS = "client_business", _("Client: business")
        CLIENT_GOVERNMENT = "client_government", _("Client: government")
        CLIENT_ORGANISATION = "client_organisation", _("Client: non-profit organisation")
        OTHER = "other", _("Other")

    ACTIVE_STATUSES = (Status.CONFIRMED, Status.WAITLISTED)

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    event = models.ForeignKey(
        EventPage, verbose_name=_("session"), on_delete=models.CASCADE, related_name="registrations"
    )
    name = models.CharField(_("name"), max_length=120)
    email = models.EmailField(_("email"), max_length=254)
    organisation = models.CharField(_("organisation"), max_length=120, blank=True)
    role = models.CharField(_("role"), max_length=30, choices=Role.choices)
    remarks = models.TextField(_("remarks"), max_length=1000, blank=True)
    consent_text = models.TextField(_("consent given to"), max_length=1000)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, db_index=True)
    created_at = models.DateTimeField(_("signed up at"), default=timezone.now, db_index=True)
    status_changed_at = models.DateTimeField(_("status changed at"), default=timezone.now)
    purged_at = models.DateTimeField(_("personal data erased at"), null=True, blank=True)
    # When a sign-up post last had the details mailed: a repeat post mails them again at most once
    # per EVENTS_RESEND_SECONDS, so nobody can flood an address by posting it again and again.
    details_mailed_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = RegistrationManager()

    # A sign-up is no content that links a page: Wagtail's reference index would otherwise queue a
    # task for every sign-up (inside its locked transaction) and list each one as a usage of its session.
    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["created_at", "pk"]
        indexes = [
            # A session's sign-ups, newest first (the admin's list): without it PostgreSQL walked the
            # sign-ups of every session by date, 70,000 rows for the first page of a big session.
            models.Index(fields=["event", "created_at"], name="events_registration_event_date"),
        ]
        constraints = [
            # The database itself refuses a second active sign-up with the same address.
            models.UniqueConstraint(
                fields=["event", "email"],
                condition=Q(status__in=["confirmed", "waitlisted"]) & ~Q(email=""),
                name="events_one_active_registration_per_email",
            )
        ]

    def save(self, *args, **kwargs):
        # Addresses are compared as stored; one typed with capitals in the admin must still be
        # recognised when the same person signs up again on the site.
        self.email = self.email.strip().lower()
        super().save(*args, **kwargs)

    def __str__(self):
        # No name or address: this label ends up in the admin's history, which the purge of
        # personal data does not reach.
        return _("Registration %(number)s – %(session)s") % {"number": self.pk, "session": self.event.title}

    # --- links -----------------------------------------------------------------------------------

    TOKEN_SALT = "events.registration"  # noqa: S105 - a namespace for signatures, not a secret

    def token(self):
        return signing.dumps(str(self.public_id), salt=self.TOKEN_SALT, compress=True)

    @classmethod
    def from_token(cls, token):
        """The registration of a signed token, or None when tampered with, expired or erased."""
        max_age = timedelta(days=settings.EVENTS_TOKEN_MAX_AGE_DAYS)
        try:
            public_id = signing.loads(token, salt=cls.TOKEN_SALT, max_age=max_age)
            return cls.objects.select_related("event").get(public_id=public_id, purged_at__isnull=True)
        except (signing.BadSignature, ValueError, ValidationError, cls.DoesNotExist):
            return None

    def manage_url(self):
        """Absolute link to the status page with the cancel button, in the registrant's language."""
        with translation.override(self.language):
            return settings.SITE_BASE_URL + reverse("events:registration", args=[self.token()])

    # --- state changes ---------------------------------------------------------------------------

    def queue_mail(self, kind):
        """Store the mail in the outbox and hand it to the task queue once the transaction commits."""
        mail = RegistrationMail.objects.create(registration=self, kind=kind)
        mail_queued.send(sender=RegistrationMail, mail=mail)
        return mail

    def mail_details_again(self):
        """Within the sign-up's transaction: mail the registration's details to its address again,
        unless a sign-up post already did within EVENTS_RESEND_SECONDS. Returns whether it did.

        The conditional update lets exactly one of several concurrent repeat posts through.
        """
        now = timezone.now()
        cutoff = now - timedelta(seconds=settings.EVENTS_RESEND_SECONDS)
        due = Q(details_mailed_at__isnull=True) | Q(details_mailed_at__lte=cutoff)
        if not Registration.objects.filter(due, pk=self.pk).update(details_mailed_at=now):
            return False
        self.details_mailed_at = now
        self.queue_mail(
            RegistrationMail.Kind.CONFIRMATION
            if self.status == self.Status.CONFIRMED
            else RegistrationMail.Kind.WAITLISTED
        )
        return True

    def cancel(self):
        """Cancel this registration; a freed seat goes to the first person on the waiting list.

        Returns the promoted registration or None.
        """
        with transaction.atomic():
            EventPage.objects.select_for_update(of=("self",)).get(pk=self.event_id)
            current = Registration.objects.get(pk=self.pk)
            if current.status == self.Status.CANCELLED:
                self.status = current.status
                return None
            freed_seat = current.status == self.Status.CONFIRMED
            self._set_status(self.Status.CANCELLED)
            self.queue_mail(RegistrationMail.Kind.CANCELLED)
            if freed_seat:
                return Registration.objects.promote_next(self.event_id)
        return None

    def promote(self):
        """Confirm a waitlisted registration (staff decide, even beyond capacity)."""
        with transaction.atomic():
            EventPage.objects.select_for_update(of=("self",)).get(pk=self.event_id)
            if Registration.objects.get(pk=self.pk).status != self.Status.WAITLISTED:
                return False
            self._set_status(self.Status.CONFIRMED)
            self.queue_mail(RegistrationMail.Kind.PROMOTED)
        return True

    def _set_status(self, status):
        self.status = status
        self.status_changed_at = timezone.now()
        self.save(update_fields=["status", "status_changed_at"])


class RegistrationMail(models.Model):
    """The outbox: every mail to a registrant is a row here until it has been sent.

    A task sends it; when the mail server fails the row stays unsent and is tried again (a deferred
    task where the queue supports it, and by the daily ``send_event_reminders`` in any case). The
    unique constraint makes each kind of mail, reminders included, go out at most once.
    """

    class Kind(models.TextChoices):
        CONFIRMATION = "confirmation", _("Confirmation")
        WAITLISTED = "waitlisted", _("On the waiting list")
        PROMOTED = "promoted", _("Seat from the waiting list")
        CANCELLED = "cancelled", _("Cancellation")
        REMINDER = "reminder", _("Reminder")

    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="mails")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.CharField(max_length=300, blank=True)

    class Meta:
        verbose_name = _("registration mail")
        verbose_name_plural = _("registration mails")
        constraints = [
            models.UniqueConstraint(
                fields=["registration", "kind"],
                condition=Q(kind="reminder"),
                name="events_one_reminder_per_registration",
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()} → {self.registration_id}"


def queue_reminder(registration):
    """Queue the reminder once; a second call (a second run of the daily command) does nothing."""
    try:
        with transaction.atomic():
            return registration.queue_mail(RegistrationMail.Kind.REMINDER)
    except IntegrityError:
        return None
