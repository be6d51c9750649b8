from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    name = "network"
    verbose_name = _("Networks")

    def ready(self):
        from network import signals  # apps.py may import late: the registry is ready only here

        signals.connect(self)
