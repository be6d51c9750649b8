"""Staff in the Wagtail admin: registrations per session with filters, counts, CSV and XLSX export,
manual cancel and promote; people without the permission are turned away."""

import csv
import io
from datetime import UTC, datetime

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail
from openpyxl import load_workbook

from events.models import Registration

pytestmark = pytest.mark.django_db

INDEX = "/admin/registrations/"


def register(event, email, status="confirmed", language="nl", name=None):
    return Registration.objects.create(
        event=event,
        name=name or email.split("@")[0].title(),
        email=email,
        organisation="Org",
        role="zp",
        remarks="Glutenvrij",
        consent_text="[test] ok",
        language=language,
        status=status,
    )


@pytest.fixture
def sessions(make_event):
    first, second = make_event(capacity=1)["nl"], make_event(capacity=5)["nl"]
    register(first, "anne@example.org")
    register(first, "bert@example.org", status="waitlisted")
    register(second, "carla@example.org", language="de")
    return first, second


def test_listing_filters_by_session_and_status(client, admin_user, sessions):
    first, second = sessions
    client.force_login(admin_user)

    everything = client.get(INDEX).content.decode()
    by_event = client.get(INDEX, {"event": first.pk}).content.decode()
    waiting = client.get(INDEX, {"status": "waitlisted"}).content.decode()

    assert all(name in everything for name in ("Anne", "Bert", "Carla"))
    assert "Anne" in by_event and "Bert" in by_event and "Carla" not in by_event
    assert "Bert" in waiting and "Anne" not in waiting


def test_counts_per_session(client, admin_user, sessions):
    client.force_login(admin_user)

    html = client.get(INDEX + "counts/").content.decode()

    first, second = sessions
    assert f"?event={first.pk}" in html and f"?event={second.pk}" in html
    row = html.split(f"?event={first.pk}")[1].split("</tr>")[0]
    assert [cell.split("<")[0] for cell in row.split("<td>")[2:]] == ["1", "1", "1", "0"]


def test_csv_export_contains_the_registrations(client, admin_user, sessions):
    client.force_login(admin_user)

    response = client.get(INDEX, {"export": "csv", "event": sessions[0].pk})

    assert response.status_code == 200
    header, *rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert len(header) == 9
    assert sorted(row[3] for row in rows) == ["anne@example.org", "bert@example.org"]
    assert {row[6] for row in rows} == {"Glutenvrij"}
    assert {row[0] for row in rows} == {sessions[0].title}


def test_csv_export_neutralises_formulas_and_shows_labels(client, admin_user, make_event):
    event = make_event(capacity=5)["nl"]
    registration = register(event, "eve@example.org", name='=HYPERLINK("http://evil.example","klik")')
    registration.organisation = "+31 6 12345678"
    registration.remarks = "@SUM(A1)"
    registration.created_at = datetime(2026, 3, 2, 18, 30, 5, 123456, tzinfo=UTC)
    registration.save()
    client.force_login(admin_user)

    response = client.get(INDEX, {"export": "csv", "event": event.pk})

    header, row = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    cells = dict(zip(header, row, strict=True))
    assert cells["Naam"] == '\'=HYPERLINK("http://evil.example","klik")'
    assert cells["Organisatie"] == "'+31 6 12345678"
    assert cells["Opmerkingen"] == "'@SUM(A1)"
    assert cells["Status"] == "Bevestigd"
    assert cells["Rol"] == "Zelfstandig professional (zp'er)"
    assert cells["Aangemeld op"] == "2026-03-02 19:30:05"  # Amsterdam winter time


def test_xlsx_export_contains_the_registrations(client, admin_user, sessions):
    client.force_login(admin_user)

    response = client.get(INDEX, {"export": "xlsx"})

    assert response.status_code == 200
    content = response.content if hasattr(response, "content") else b"".join(response.streaming_content)
    sheet = load_workbook(io.BytesIO(content)).active
    values = [cell for row in sheet.iter_rows(values_only=True) for cell in row]
    assert {"anne@example.org", "bert@example.org", "carla@example.org"} <= set(values)
    assert {"Bevestigd", "Wachtlijst"} <= set(values) and "waitlisted" not in values


def test_staff_cancel_promotes_the_waiting_list_and_mails(client, admin_user, sessions, committed):
    first, _second = sessions
    anne, bert = Registration.objects.filter(event=first).order_by("pk")
    client.force_login(admin_user)

    assert "Ja, annuleren" in client.get(f"{INDEX}cancel/{anne.pk}/").content.decode()
    response = committed(client.post, f"{INDEX}cancel/{anne.pk}/")

    assert response.status_code == 302
    anne.refresh_from_db()
    bert.refresh_from_db()
    assert (anne.status, bert.status) == ("cancelled", "confirmed")
    assert sorted(message.to[0] for message in mail.outbox) == ["anne@example.org", "bert@example.org"]


def test_staff_promote_confirms_a_waitlisted_registration(client, admin_user, make_event, committed):
    event = make_event(capacity=5)["nl"]
    waiting = register(event, "dirk@example.org", status="waitlisted")
    client.force_login(admin_user)

    committed(client.post, f"{INDEX}promote/{waiting.pk}/")

    waiting.refresh_from_db()
    assert waiting.status == "confirmed"
    [message] = mail.outbox
    assert message.subject.startswith("Er is een plaats voor je vrijgekomen")


def test_staff_cannot_add_registrations_by_hand(client, admin_user, sessions):
    client.force_login(admin_user)

    assert client.get(INDEX + "new/").status_code in (302, 403)


def test_staff_cannot_delete_registrations(client, admin_user, sessions):
    """Deleting would free a seat without moving up the waiting list or mailing anyone: staff cancel."""
    first, _second = sessions
    anne, bert = Registration.objects.filter(event=first).order_by("pk")
    client.force_login(admin_user)

    assert f"{INDEX}delete/{anne.pk}/" not in client.get(f"{INDEX}edit/{anne.pk}/").content.decode()
    assert f"{INDEX}delete/{anne.pk}/" not in client.get(INDEX).content.decode()
    assert client.get(f"{INDEX}delete/{anne.pk}/").status_code in (302, 403)
    assert client.post(f"{INDEX}delete/{anne.pk}/").status_code in (302, 403)

    assert Registration.objects.filter(pk=anne.pk, status="confirmed").exists()
    bert.refresh_from_db()
    assert bert.status == "waitlisted"


@pytest.fixture
def editor(django_user_model):
    """A Wagtail editor with admin access but no rights on registrations."""
    user = django_user_model.objects.create_user("editor", "editor@example.org", "pass-12345")
    group = Group.objects.create(name="Editors without registrations")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(group)
    return user


def test_people_without_permission_see_and_change_nothing(client, editor, sessions):
    anne = Registration.objects.get(email="anne@example.org")
    client.force_login(editor)

    for url in (INDEX, INDEX + "?export=csv", INDEX + "counts/", f"{INDEX}cancel/{anne.pk}/"):
        response = client.get(url)
        assert response.status_code in (302, 403), url
        assert b"anne@example.org" not in getattr(response, "content", b"")
    assert client.post(f"{INDEX}cancel/{anne.pk}/").status_code in (302, 403)
    anne.refresh_from_db()
    assert anne.status == "confirmed"


def test_anonymous_visitors_are_sent_to_the_login(client, sessions):
    response = client.get(INDEX + "?export=csv")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
