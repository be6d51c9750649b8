from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events")

    def ready(self):
        # Imported here, not at the top: models and what builds on them load only once the registry is ready.
        from events import signals
        from events.models import next_scheduled_change
        from home.cache import register_scheduled_change
        from home.task_queue import watch_with_permission

        register_scheduled_change(next_scheduled_change)
        # Whoever handles registrations answers for their mails: they see when the queue stalls.
        watch_with_permission("events.view_registration")
        signals.connect(self)
