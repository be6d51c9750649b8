import importlib
import io

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction
from django.test.utils import override_settings

from home.demo import demo_content_parts
from home.demo.loader import Loader, load_app

# While loading, the per-save background tasks (search index, reference index, renditions) are
# dropped and both indexes are rebuilt once at the end: several times faster, and a production
# queue is not flooded with a thousand tasks.
NO_TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


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
        loader, loaded_apps = Loader(), set()
        # What the data built, by key, for the parts' load(): {key: {language code: object}}.
        self.demo_objects = loader.objects
        with override_settings(TASKS=NO_TASKS):
            # Each app registers its part in its ready() (home.demo.register_demo_content).
            for name in demo_content_parts():
                app_config = apps.get_containing_app_config(name)
                module = importlib.import_module(name)
                with transaction.atomic():
                    if app_config.name not in loaded_apps:
                        loaded_apps.add(app_config.name)
                        load_app(app_config, loader)
                    if name != app_config.name:
                        module.load(self)
                if options["verbosity"]:
                    self.stdout.write(f"Demo content {name}: done")
        quiet = io.StringIO()
        call_command("wagtail_update_index", verbosity=0, stdout=quiet)
        call_command("rebuild_references_index", verbosity=0, stdout=quiet)
        # After the reference index: it tells which sizes each image's uses need.
        call_command("generate_renditions", verbosity=0, stdout=quiet)
