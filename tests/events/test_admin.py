"""Staff in the Wagtail admin: registrations per session with filters, counts, CSV and XLSX export,
manual cancel and promote; people without the permission are turned away."""

import csv
import io
from datetime import UTC, datetime, timedelta

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.utils import timezone
from openpyxl import load_workbook

from events.models import Registration, RegistrationMail

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


def test_xlsx_export_cells_hold_the_registrations_as_stored(client, admin_user, make_event):
    """Text as typed (a formula stays text, unicode intact, control characters left out), empty
    fields empty, the sign-up time a date in Amsterdam time shown in the admin's date format."""
    event = make_event(capacity=5)["nl"]
    formula = register(event, "eve@example.org", name='=HYPERLINK("http://evil.example","klik")')
    unicode = register(event, "zoe@example.org", name="Zoë Ñúñez 中文 🙂", language="de")
    control = register(event, "esc@example.org", name="Esther")
    Registration.objects.filter(pk=formula.pk).update(created_at=datetime(2026, 3, 2, 18, 30, 5, tzinfo=UTC))
    Registration.objects.filter(pk=unicode.pk).update(
        organisation="", remarks="", created_at=datetime(2026, 7, 1, 10, 0, 0, 123456, tzinfo=UTC)
    )
    Registration.objects.filter(pk=control.pk).update(name="Esther\x1b[31m de\x02 Vries\x07")
    control.refresh_from_db()
    client.force_login(admin_user)

    response = client.get(INDEX, {"export": "xlsx", "event": event.pk})

    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    header, *rows = sheet.iter_rows(values_only=True)
    role = "Zelfstandig professional (zp'er)"
    assert header == (
        "Bijeenkomst", "Status", "Naam", "E-mail", "Organisatie", "Rol", "Opmerkingen", "Taal", "Aangemeld op"
    )  # fmt: skip
    assert {row[3]: row for row in rows} == {
        "eve@example.org": (
            event.title, "Bevestigd", '=HYPERLINK("http://evil.example","klik")', "eve@example.org",
            "Org", role, "Glutenvrij", "nl", datetime(2026, 3, 2, 19, 30, 5),
        ),
        "zoe@example.org": (
            event.title, "Bevestigd", "Zoë Ñúñez 中文 🙂", "zoe@example.org",
            None, role, None, "de", datetime(2026, 7, 1, 12, 0, 0),
        ),
        "esc@example.org": (
            event.title, "Bevestigd", "Esther[31m de Vries", "esc@example.org",
            "Org", role, "Glutenvrij", "nl",
            timezone.localtime(control.created_at).replace(microsecond=0, tzinfo=None),
        ),
    }  # fmt: skip
    assert {sheet.cell(row, 9).number_format for row in (2, 3, 4)} == {"d-m-yyyy hh:mm"}
    assert {sheet.cell(row, 3).data_type for row in (2, 3, 4)} == {"s"}


@pytest.mark.parametrize("export_format", ["xlsx", "csv"])
def test_exports_survive_control_characters_stored_in_every_field(
    client, admin_user, make_event, export_format
):
    """One ESC in a name once made every XLSX export that held that row fail."""
    event = make_event(capacity=5)["nl"]
    registration = register(event, "esc@example.org", name="Esther")
    Registration.objects.filter(pk=registration.pk).update(
        name="Esther\x1b[31m de\x02 Vries\x07",  # no NUL: PostgreSQL cannot store one
        organisation="Zorg\x0bkring\x1f",
        remarks="regel een\r\nregel\x08 twee",
    )
    client.force_login(admin_user)

    response = client.get(INDEX, {"export": export_format, "event": event.pk})

    assert response.status_code == 200
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if export_format == "xlsx":
        cells = {
            cell
            for row in load_workbook(io.BytesIO(content)).active.iter_rows(values_only=True)
            for cell in row
        }
    else:
        cells = {cell for row in csv.reader(io.StringIO(content.decode("utf-8-sig"))) for cell in row}
    assert {"esc@example.org", "Bevestigd"} <= cells
    assert any(str(cell).startswith("Esther") and "Vries" in str(cell) for cell in cells)


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


def phone_signup(event, **overrides):
    return {
        "event": event.pk,
        "name": "Gerrit Telefoon",
        "email": "Gerrit@Example.org",
        "organisation": "Gerrit Advies",
        "role": "zp",
        "remarks": "",
        "language": "de",
        "consent": "on",
        **overrides,
    }


def test_a_hand_added_registration_with_seats_left_is_confirmed_and_mailed(
    client, admin_user, sessions, committed
):
    """A phone sign-up takes a free seat and the registrant gets the usual mail, in their language."""
    _first, second = sessions
    client.force_login(admin_user)

    response = committed(client.post, INDEX + "new/", phone_signup(second))

    assert response.status_code == 302
    registration = Registration.objects.get(email="gerrit@example.org")
    assert (registration.event_id, registration.status, registration.language) == (
        second.pk,
        "confirmed",
        "de",
    )
    # What the registrant agreed to, in their language, and who took the call.
    assert registration.consent_text.startswith("[2026-1] ")
    assert "staff" in registration.consent_text and "Datenschutzerklärung" in registration.consent_text
    [message] = mail.outbox
    assert message.to == ["gerrit@example.org"]
    assert "Frühstückssitzung" in message.body
    assert registration.mails.get().kind == "confirmation"


def test_a_hand_added_registration_past_capacity_is_waitlisted(client, admin_user, sessions, committed):
    """The full session (one seat, taken) puts the phone sign-up on the waiting list and says so."""
    first, _second = sessions
    client.force_login(admin_user)

    response = committed(client.post, INDEX + "new/", phone_signup(first), follow=True)

    registration = Registration.objects.get(email="gerrit@example.org")
    assert registration.status == "waitlisted"
    assert Registration.objects.filter(event=first, status="confirmed").count() == 1
    assert "wachtlijst" in response.content.decode()
    [message] = mail.outbox
    assert registration.mails.get().kind == "waitlisted"
    assert message.to == ["gerrit@example.org"]


def test_a_hand_added_registration_counts_the_seats_of_every_translation(
    client, admin_user, make_event, committed
):
    """Seats are shared by a session's translations: the English sign-up filled the only seat."""
    pages = make_event(capacity=1)
    Registration.objects.sign_up(
        pages["en"], name="Eve", email="eve@example.org", role="zp", consent_text="x", language="en"
    )
    client.force_login(admin_user)

    committed(client.post, INDEX + "new/", phone_signup(pages["nl"]))

    assert Registration.objects.get(email="gerrit@example.org").status == "waitlisted"


def test_a_second_hand_added_registration_with_the_same_address_is_refused(
    client, admin_user, sessions, committed
):
    first, _second = sessions
    client.force_login(admin_user)
    mails_before = RegistrationMail.objects.count()

    response = committed(client.post, INDEX + "new/", phone_signup(first, email="ANNE@example.org"))

    assert response.status_code == 200
    assert "al aangemeld" in response.content.decode()
    assert Registration.objects.filter(event=first, email="anne@example.org").count() == 1
    # Staff are told; the registrant is not mailed because of a mistake in the admin.
    assert RegistrationMail.objects.count() == mails_before and mail.outbox == []


def test_a_session_that_takes_no_sign_ups_refuses_a_hand_added_one(client, admin_user, make_event):
    """A cancelled session is not offered and a forged post is refused; one not open yet says why."""
    cancelled = make_event(capacity=5, is_cancelled=True)["nl"]
    not_open = make_event(capacity=5, signup_opens=timezone.now() + timedelta(days=3))["nl"]
    client.force_login(admin_user)

    form = client.get(INDEX + "new/").content.decode()
    forged = client.post(INDEX + "new/", phone_signup(cancelled))
    early = client.post(INDEX + "new/", phone_signup(not_open))

    assert f'value="{cancelled.pk}"' not in form and f'value="{not_open.pk}"' in form
    assert forged.status_code == 200
    assert early.status_code == 200
    assert "Aanmelden nog niet geopend" in early.content.decode()
    assert not Registration.objects.filter(email="gerrit@example.org").exists()


def test_a_hand_added_registration_needs_the_registrants_consent(client, admin_user, sessions):
    _first, second = sessions
    client.force_login(admin_user)

    response = client.post(INDEX + "new/", phone_signup(second, consent=""))

    assert response.status_code == 200
    assert not Registration.objects.filter(email="gerrit@example.org").exists()


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

    for url in (INDEX, INDEX + "?export=csv", INDEX + "counts/", INDEX + "new/", f"{INDEX}cancel/{anne.pk}/"):
        response = client.get(url)
        assert response.status_code in (302, 403), url
        assert b"anne@example.org" not in getattr(response, "content", b"")
    assert client.post(f"{INDEX}cancel/{anne.pk}/").status_code in (302, 403)
    assert client.post(INDEX + "new/", phone_signup(sessions[1])).status_code in (302, 403)
    assert not Registration.objects.filter(email="gerrit@example.org").exists()
    anne.refresh_from_db()
    assert anne.status == "confirmed"


def test_anonymous_visitors_are_sent_to_the_login(client, sessions):
    response = client.get(INDEX + "?export=csv")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
