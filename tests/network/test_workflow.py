"""A network editor's change goes live only after communications staff approve it."""

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse
from wagtail.models import WorkflowState

from network.models import NetworkPage
from network.onboarding import MODERATORS_GROUP

pytestmark = pytest.mark.django_db


@pytest.fixture
def moderator(django_user_model, two_networks):
    user = django_user_model.objects.create_user("redactie", "redactie@pr8werk.example", "moderator-pass-1")
    user.groups.add(Group.objects.get(name=MODERATORS_GROUP))
    return user


def submit_change(client, page, **changes):
    data = {
        "title": page.title,
        "slug": page.slug,
        "short_description": page.short_description,
        "action-submit": "1",
        **changes,
    }
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)


def test_public_page_changes_only_after_approval(client, two_networks, moderator):
    page = two_networks["a"].page
    client.force_login(two_networks["a"].user)
    response = submit_change(client, page, short_description="Wij zijn nu ook actief in Winterswijk.")
    assert response.status_code == 302

    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.current_task_state.task.name == "Goedkeuring door communicatie"
    # The approvers hear about it.
    assert any("redactie@pr8werk.example" in message.to for message in mail.outbox)

    public = client.get(page.url).content.decode()
    assert f'<p class="lead">{page.short_description}</p>' in public
    assert "Winterswijk" not in public

    # The editor cannot approve their own change.
    approve_url = reverse(
        "wagtailadmin_pages:workflow_action", args=[page.pk, "approve", state.current_task_state.pk]
    )
    client.post(approve_url)
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert "Winterswijk" not in client.get(page.url).content.decode()

    client.force_login(moderator)
    response = client.post(approve_url)
    assert response.status_code in (200, 302)
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    client.logout()
    public = client.get(page.url).content.decode()
    assert "Wij zijn nu ook actief in Winterswijk." in public
    assert NetworkPage.objects.get(pk=page.pk).short_description == "Wij zijn nu ook actief in Winterswijk."


def test_rejected_change_never_goes_live(client, two_networks, moderator):
    page = two_networks["b"].page
    client.force_login(two_networks["b"].user)
    submit_change(client, page, short_description="Een onjuiste tekst.")
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(page.pk))
    client.force_login(moderator)
    client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "reject", state.current_task_state.pk]),
        {"comment": "Graag eerst de feiten checken."},
    )
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert "Een onjuiste tekst." not in client.get(page.url).content.decode()
