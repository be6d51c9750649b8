import importlib
import os

from django.conf import settings
from django.core.management.base import BaseCommand

from home.demo import DEMO_LOGINS
from home.management.commands.load_demo_content import DEMO_MODULES


class Command(BaseCommand):
    help = "Print the demo accounts (dev settings only)."

    def handle(self, *args, **options):
        if not getattr(settings, "DEMO_LOGINS", False):
            return
        for name in DEMO_MODULES:
            try:
                importlib.import_module(name)
            except ModuleNotFoundError as error:
                if error.name != name:
                    raise
        port = os.environ.get("PORT", "8000")
        self.stdout.write(f"Demo logins for http://127.0.0.1:{port}/admin/:")
        for role, username, password in DEMO_LOGINS:
            self.stdout.write(f"  {role:<24} {username} / {password}")
