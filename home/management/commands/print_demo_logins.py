import importlib
import os

from django.conf import settings
from django.core.management.base import BaseCommand

from home.demo import DEMO_LOGINS, demo_content_parts


class Command(BaseCommand):
    help = "Print the demo accounts (dev settings only)."

    def handle(self, *args, **options):
        if not getattr(settings, "DEMO_LOGINS", False):
            return
        # The parts name their accounts when imported; an app whose part is data only names none.
        for name in demo_content_parts():
            importlib.import_module(name)
        port = os.environ.get("PORT", "8000")
        self.stdout.write(f"Demo logins for http://127.0.0.1:{port}/admin/:")
        for role, username, password in DEMO_LOGINS:
            self.stdout.write(f"  {role:<24} {username} / {password}")
