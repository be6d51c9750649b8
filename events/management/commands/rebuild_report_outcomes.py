from django.core.management.base import BaseCommand
from django.db import transaction

from events.models import ReportOutcome, SessionReportPage, index_outcomes


class Command(BaseCommand):
    help = (
        "Rebuild the outcomes overview from the reports' stored content. Saving a report does this "
        "by itself; run it after loading data with loaddata or a database restore of part of the tables."
    )

    def handle(self, *args, **options):
        with transaction.atomic():
            reports = SessionReportPage.objects.all()
            for report in reports.iterator():
                index_outcomes(report)
        self.stdout.write(f"{reports.count()} reports, {ReportOutcome.objects.count()} outcomes indexed.")
