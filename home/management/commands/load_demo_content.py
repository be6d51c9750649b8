import importlib

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

# Each app contributes its own demo content in `<app>/demo_content.py` with a `load(command)`
# function; the order matters because later apps refer to pages and snippets of earlier ones.
DEMO_APPS = ["home", "network", "news", "events"]


class Command(BaseCommand):
    help = "Build the demo site in nl, en and de. Safe to run again: it only adds what is missing."

    def add_arguments(self, parser):
        parser.add_argument(
            "--demo-users",
            action="store_true",
            default=getattr(settings, "DEMO_LOGINS", False),
            help="Also create the demo accounts (on by default with the dev settings only).",
        )

    def handle(self, *args, **options):
        self.demo_users = options["demo_users"]
        for app in DEMO_APPS:
            try:
                module = importlib.import_module(f"{app}.demo_content")
            except ModuleNotFoundError as error:
                if error.name != f"{app}.demo_content":
                    raise
                continue
            with transaction.atomic():
                module.load(self)
            self.stdout.write(f"Demo content of {app}: done")
