"""The create form of the page editor against its own autosave: no 500, no blocked fresh start."""

import json
from datetime import datetime
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from wagtail.admin.forms.pages import WagtailAdminPageForm
from wagtail.models import Page

from events.models import EventIndexPage, EventPage
from tests.home.test_security import form_data

SLUG = "ontbijtsessie-lievelde"
JSON = {"HTTP_ACCEPT": "application/json"}
AMSTERDAM = ZoneInfo("Europe/Amsterdam")


@pytest.fixture
def agenda(demo_site):
    return EventIndexPage.objects.get(locale__language_code="nl")


@pytest.fixture
def editor(client, admin_user):
    client.force_login(admin_user)
    return admin_user


def session_form(client, agenda, **fields):
    """What the browser posts from a new session's create form, filled in."""
    url = reverse("wagtailadmin_pages:add", args=["events", "eventpage", agenda.pk])
    data = form_data(client.get(url).content.decode(), EventPage())
    data.update(
        {
            "title": "Ontbijtsessie Lievelde",
            "slug": SLUG,
            "start": "2031-06-01 07:30",
            "end": "2031-06-01 09:30",
            "venue_name": "Erve Kots",
            "venue_town": "Lievelde",
            "capacity": "40",
            **fields,
        }
    )
    return url, data


def sessions_at(agenda, slug=SLUG):
    return list(agenda.get_children().filter(slug=slug).specific())


@pytest.mark.django_db
def test_publish_racing_the_autosave_is_no_500(client, editor, agenda):
    """The autosave's page landing between the publish's form check and its save gives no 500."""
    url, data = session_form(client, agenda)
    check_slug = WagtailAdminPageForm.clean
    landed = []

    def autosave_lands_meanwhile(form):
        cleaned = check_slug(form)
        if not landed:
            landed.append(True)
            autosaved = EventPage(
                title="Ontbijtsessie Lievelde",
                slug=SLUG,
                start=datetime(2031, 6, 1, 7, 30, tzinfo=AMSTERDAM),
                end=datetime(2031, 6, 1, 9, 30, tzinfo=AMSTERDAM),
                venue_name="Erve Kots",
                venue_town="Lievelde",
                capacity=40,
                owner=editor,
                live=False,
            )
            agenda.add_child(instance=autosaved)
            autosaved.save_revision(user=editor)
        return cleaned

    with mock.patch.object(
        WagtailAdminPageForm, "clean", autospec=True, side_effect=autosave_lands_meanwhile
    ):
        response = client.post(url, {**data, "action-publish": "action-publish"})

    assert response.status_code == 302
    [session] = sessions_at(agenda)
    assert session.live
    assert session.title == "Ontbijtsessie Lievelde"


@pytest.mark.django_db
def test_publish_after_the_autosave_publishes_the_autosaved_page(client, editor, agenda):
    """Publish posted from the create form after its autosave made the draft publishes that draft, once."""
    url, data = session_form(client, agenda)
    autosaved = json.loads(client.post(url, data, **JSON).content)
    assert autosaved["success"] is True

    response = client.post(
        url, {**data, "title": "Ontbijtsessie Lievelde (definitief)", "action-publish": "1"}
    )

    assert response.status_code == 302
    [session] = sessions_at(agenda)
    assert session.pk == autosaved["pk"]
    assert session.live
    assert session.title == "Ontbijtsessie Lievelde (definitief)"
    # The autosaved version stays in the history.
    assert session.revisions.count() == 2


@pytest.mark.django_db
def test_a_fresh_start_continues_the_editors_own_autosaved_draft(client, editor, agenda):
    """A new create form with the slug of the editor's abandoned autosave draft autosaves onto that draft."""
    url, data = session_form(client, agenda)
    abandoned = json.loads(client.post(url, data, **JSON).content)

    _url, fresh = session_form(client, agenda, intro="Tweede poging.")
    response = client.post(url, fresh, **JSON)

    answer = json.loads(response.content)
    assert answer["success"] is True
    assert answer["pk"] == abandoned["pk"]
    assert answer["url"] == reverse("wagtailadmin_pages:edit", args=[abandoned["pk"]])
    [session] = sessions_at(agenda)
    assert session.get_latest_revision_as_object().intro == "Tweede poging."
    assert not session.live


@pytest.mark.django_db
@pytest.mark.parametrize("accept", [{}, JSON], ids=["publish", "autosave"])
def test_another_editors_draft_is_not_taken_over(client, editor, agenda, django_user_model, accept):
    """A draft of someone else with the slug stays theirs: the form says the slug is taken, no 500."""
    colleague = django_user_model.objects.create_superuser(
        "collega", "collega@example.org", "collega-pass-123"
    )
    client.force_login(colleague)
    url, data = session_form(client, agenda, title="Ontbijtsessie van de collega")
    client.post(url, data, **JSON)
    client.force_login(editor)

    response = client.post(url, {**data, "title": "Mijn ontbijtsessie", "action-publish": "1"}, **accept)

    if accept:
        assert json.loads(response.content)["error_code"] == "validation_error"
    else:
        assert response.status_code == 200
        assert "ontbijtsessie-lievelde" in response.context["form"].errors["slug"][0]
    [session] = sessions_at(agenda)
    assert session.owner == colleague
    assert session.get_latest_revision_as_object().title == "Ontbijtsessie van de collega"
    assert not session.live


@pytest.mark.django_db
def test_a_published_page_is_not_taken_over(client, editor, agenda):
    """The editor's own page that was published once keeps its slug: a new page gets the form error."""
    url, data = session_form(client, agenda)
    client.post(url, {**data, "action-publish": "1"})

    response = client.post(url, {**data, "title": "Nog een ontbijtsessie", "action-publish": "1"})

    assert response.status_code == 200
    assert response.context["form"].errors["slug"]
    assert [page.title for page in sessions_at(agenda)] == ["Ontbijtsessie Lievelde"]
    assert Page.objects.filter(title="Nog een ontbijtsessie").count() == 0
