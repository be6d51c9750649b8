from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events")

    def ready(self):
        # apps.py may import late: the registry is ready only here.
        from events import signals
        from events.models import (
            EventIndexPage,
            EventPage,
            OutcomesPage,
            Registration,
            RegistrationMail,
            SessionReportPage,
            next_scheduled_change,
        )
        from home import cache, purge, sitemaps
        from home.demo import register_demo_content
        from home.task_queue import watch_with_permission

        # Sign-ups change seats left, not which pages exist; mail logs are never shown.
        cache.register_content(self.label, never_shown=[RegistrationMail], live=[Registration])
        cache.register_scheduled_change(next_scheduled_change)
        sitemaps.register_section("events", EventIndexPage, EventPage, SessionReportPage, OutcomesPage)
        # A sign-up changes seats left on its session's page, the agenda and the home page.
        purge.watch(Registration, page="event")
        # Whoever handles registrations answers for their mails: they see when the queue stalls.
        watch_with_permission("events.view_registration")
        signals.connect(self)
        # Pages are made in menu order, the agenda after the news (its data builds the reports after the
        # sessions they report on); the sign-ups after the sessions they fill.
        register_demo_content(self.name, order=30)
        register_demo_content("events.demo_content", order=40)
