"""The models of the events app, in two units: sessions and their sign-up, and the reports of them.

Everything is re-exported here, so ``from events.models import X`` and ``"events.X"`` keep working.
"""

from events.models.reports import (
    OUTCOMES_PER_PAGE,
    OutcomeFilterForm,
    OutcomesPage,
    ReportOutcome,
    SessionReportEvent,
    SessionReportPage,
    index_outcomes,
    public_reports,
)
from events.models.sessions import (
    SCHEDULE_FIELDS,
    STATE_MESSAGES,
    EventIndexPage,
    EventPage,
    Registration,
    RegistrationMail,
    RegistrationManager,
    RegistrationQuerySet,
    RegistrationState,
    SessionType,
    SignupRefused,
    confirmed_count_subquery,
    mail_queued,
    next_scheduled_change,
    queue_reminder,
    seat_holder_subquery,
)

__all__ = [
    "OUTCOMES_PER_PAGE",
    "SCHEDULE_FIELDS",
    "STATE_MESSAGES",
    "EventIndexPage",
    "EventPage",
    "OutcomeFilterForm",
    "OutcomesPage",
    "Registration",
    "RegistrationMail",
    "RegistrationManager",
    "RegistrationQuerySet",
    "RegistrationState",
    "ReportOutcome",
    "SessionReportEvent",
    "SessionReportPage",
    "SessionType",
    "SignupRefused",
    "confirmed_count_subquery",
    "index_outcomes",
    "mail_queued",
    "next_scheduled_change",
    "public_reports",
    "queue_reminder",
    "seat_holder_subquery",
]
