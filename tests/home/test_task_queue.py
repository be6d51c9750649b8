"""The dashboard tells the staff when queued mail is not being sent, and only them."""

from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth.models import Group, Permission
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from wagtail.users.models import UserProfile

from home.roles import STAFF_GROUP
from tests.home.worker_tasks import send_note

pytestmark = pytest.mark.django_db

WARNING = "Mail is not being sent"


@pytest.fixture
def queue_mail():
    """Queue a mail task on the database queue, as production does, ``minutes_ago`` in the past."""

    def queue(minutes_ago):
        with (
            override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}),
            time_machine.travel(timezone.now() - timedelta(minutes=minutes_ago)),
        ):
            return send_note.enqueue("Bevestiging")

    return queue


@pytest.fixture
def staff(client, django_user_model):
    user = django_user_model.objects.create_user("redactie", "redactie@example.org", "pw")
    user.groups.add(Group.objects.get(name=STAFF_GROUP))
    client.force_login(user)
    client.session_user = user
    return client


@pytest.fixture
def network_editor(client, django_user_model):
    group = Group.objects.create(name="Netwerk: ICT-kring")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user = django_user_model.objects.create_user("netwerk", "netwerk@example.org", "pw")
    user.groups.add(group)
    client.force_login(user)
    client.session_user = user
    return client


def dashboard(client, language="en"):
    """The dashboard in ``language``: the admin speaks the language the user chose in their profile."""
    profile = UserProfile.get_for_user(client.session_user)
    profile.preferred_language = language
    profile.save()
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    return response.content.decode()


def test_staff_see_mail_waiting_longer_than_the_threshold(staff, queue_mail):
    queue_mail(minutes_ago=12)
    queue_mail(minutes_ago=7)
    page = dashboard(staff)
    assert WARNING in page
    assert "2 queued tasks have been waiting for more than 5 minutes" in page


def test_warning_in_the_staff_members_language(staff, queue_mail):
    queue_mail(minutes_ago=30)
    assert "Er wordt geen e-mail verstuurd" in dashboard(staff, "nl")
    assert "Es werden keine E-Mails versendet" in dashboard(staff, "de")


def test_no_warning_for_mail_queued_just_now(staff, queue_mail):
    queue_mail(minutes_ago=1)
    assert WARNING not in dashboard(staff)


def test_no_warning_once_the_worker_took_the_mail(staff, queue_mail):
    result = queue_mail(minutes_ago=30)
    DBTaskResult.objects.filter(pk=result.id).update(status="SUCCESSFUL")
    assert WARNING not in dashboard(staff)


def test_a_retry_counts_from_when_it_is_due(staff, queue_mail):
    """A mail deferred to retry later is not overdue while its time has not come."""
    result = queue_mail(minutes_ago=30)
    DBTaskResult.objects.filter(pk=result.id).update(run_after=timezone.now() + timedelta(minutes=3))
    assert WARNING not in dashboard(staff)
    DBTaskResult.objects.filter(pk=result.id).update(run_after=timezone.now() - timedelta(minutes=6))
    assert WARNING in dashboard(staff)


def test_network_editor_sees_no_warning(network_editor, queue_mail):
    queue_mail(minutes_ago=30)
    assert WARNING not in dashboard(network_editor)
