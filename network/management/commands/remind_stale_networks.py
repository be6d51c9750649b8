from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from network.models import FreshnessReminder, NetworkPage, months_ago
from network.tasks import send_freshness_reminder


class Command(BaseCommand):
    help = (
        "Mail the editors of directory entries that have not been updated for a number of months "
        "(NETWORK_STALE_MONTHS). Run it daily: each network is reminded at most once a month."
    )

    def add_arguments(self, parser):
        parser.add_argument("--months", type=int, default=None, help="Default: NETWORK_STALE_MONTHS.")

    def handle(self, *args, months=None, **options):
        months = months or settings.NETWORK_STALE_MONTHS
        now = timezone.now()
        threshold = months_ago(months, now)
        reminded_since = now - timedelta(days=30)
        recently_reminded = FreshnessReminder.objects.filter(sent_at__gte=reminded_since).values(
            "translation_key"
        )
        # One reminder per network: the page in its original (first created) language.
        stale = (
            NetworkPage.objects.live()
            .filter(last_published_at__lt=threshold)
            .exclude(translation_key__in=recently_reminded)
            .order_by("translation_key", "pk")
        )
        seen = set()
        for page in stale:
            if page.translation_key in seen:
                continue
            seen.add(page.translation_key)
            if not page.editor_users().exists():
                continue
            send_freshness_reminder.enqueue(page_id=page.pk, months=months)
            FreshnessReminder.objects.update_or_create(
                translation_key=page.translation_key, defaults={"sent_at": now}
            )
            self.stdout.write(f"Reminded the editors of {page.title}")
