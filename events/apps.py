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

        register_scheduled_change(next_scheduled_change)
        signals.connect(self)
