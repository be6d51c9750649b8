"""The daily freshness run mails the editors of entries not updated for N months, once a month."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from network.models import FreshnessReminder, NetworkPage, months_ago

pytestmark = pytest.mark.django_db


def age(page, days):
    NetworkPage.objects.filter(translation_key=page.translation_key).update(
        last_published_at=timezone.now() - timedelta(days=days)
    )


def test_editors_of_stale_entries_are_mailed_once(two_networks, settings):
    settings.NETWORK_STALE_MONTHS = 6
    stale, fresh = two_networks["a"].page, two_networks["b"].page
    age(stale, 200)
    age(fresh, 20)
    call_command("remind_stale_networks")
    assert [message.to for message in mail.outbox] == [["alfa@example.org"]]
    message = mail.outbox[0]
    assert "Netwerk Alfa" in message.subject
    assert f"/admin/pages/{stale.pk}/edit/" in message.body
    assert "6 maanden" in message.body

    # The next day's run does not mail again.
    call_command("remind_stale_networks")
    assert len(mail.outbox) == 1

    # A month later, still stale: another reminder.
    FreshnessReminder.objects.update(sent_at=timezone.now() - timedelta(days=31))
    call_command("remind_stale_networks")
    assert len(mail.outbox) == 2


def test_months_is_configurable_per_run(two_networks):
    age(two_networks["a"].page, 100)
    call_command("remind_stale_networks", "--months", "12")
    assert not mail.outbox
    call_command("remind_stale_networks", "--months", "3")
    assert len(mail.outbox) == 1


def test_publishing_makes_an_entry_fresh_again(two_networks, settings):
    settings.NETWORK_STALE_MONTHS = 6
    page = two_networks["a"].page
    age(page, 200)
    page.refresh_from_db()
    assert page.is_stale
    page.save_revision().publish()
    page.refresh_from_db()
    assert not page.is_stale
    call_command("remind_stale_networks")
    assert not mail.outbox


def test_months_ago_clips_to_the_end_of_the_month():
    moment = timezone.now().replace(year=2026, month=3, day=31)
    assert months_ago(1, moment).date().isoformat() == "2026-02-28"
    assert months_ago(14, moment).date().isoformat() == "2025-01-31"
