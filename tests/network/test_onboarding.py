"""Onboarding a network: one command, everything it needs, a working set-password mail, idempotent."""

import re
import smtplib
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.cache import cache
from django.core.management import CommandError, call_command
from django.urls import reverse
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission

from network.models import ListingRequest, NetworkOnboarding, NetworkPage
from network.onboarding import (
    MODERATORS_GROUP,
    REASON_ACCOUNT,
    REASON_EMAIL,
    REASON_SAME_NAME,
    REASON_SIMILAR_NAME,
    REASON_WEBSITE,
    resemblances,
)
from tests.network.conftest import add_network

pytestmark = pytest.mark.django_db


def snapshot():
    return (
        NetworkPage.objects.count(),
        Group.objects.count(),
        GroupPagePermission.objects.count(),
        GroupCollectionPermission.objects.count(),
        Collection.objects.count(),
        get_user_model().objects.count(),
    )


def test_command_onboards_a_network_once(directory, django_capture_on_commit_callbacks):
    # Mail is queued when the transaction commits; the test transaction never does, so run the hooks.
    with django_capture_on_commit_callbacks(execute=True):
        call_command(
            "onboard_network", "Zorgkring Lochem", "info@zorgkring.example", "--contact", "Anna Jansen"
        )
    page = NetworkPage.objects.get(title="Zorgkring Lochem")
    assert not page.live  # a draft: staff publish it after review
    group = Group.objects.get(name="Netwerk: Zorgkring Lochem")
    grant = GroupPagePermission.objects.get(group=group)
    assert (grant.page_id, grant.permission.codename) == (page.pk, "change_page")
    assert group.permissions.filter(codename="access_admin").exists()
    collection = Collection.objects.get(name="Zorgkring Lochem")
    assert collection.get_parent().name == "Netwerken"
    codenames = set(
        GroupCollectionPermission.objects.filter(group=group, collection=collection).values_list(
            "permission__codename", flat=True
        )
    )
    assert codenames == {
        "add_image",
        "change_image",
        "choose_image",
        "add_document",
        "change_document",
        "choose_document",
    }
    user = get_user_model().objects.get(email="info@zorgkring.example")
    assert list(user.groups.all()) == [group]
    assert not user.has_usable_password()
    assert len(mail.outbox) == 1

    # The editor follows the link and sets a password; running the command again changes nothing.
    user.set_password("Lochem-2026!")
    user.save()
    before = snapshot()
    out = StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command(
            "onboard_network",
            "Zorgkring Lochem",
            "info@zorgkring.example",
            "--contact",
            "Anna Jansen",
            stdout=out,
        )
    assert snapshot() == before
    assert len(mail.outbox) == 1  # no second mail
    assert out.getvalue() == "Zorgkring Lochem: already onboarded, nothing changed\n"


class BrokenMailBackend:
    """A mail server that is down."""

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise smtplib.SMTPConnectError(421, "mail server down")


def set_password_via(client, message, password):
    link = re.search(r"http://testserver(/admin/password_reset/confirm/\S+/)", message.body).group(1)
    form_url = client.get(link)["Location"]
    return client.post(form_url, {"new_password1": password, "new_password2": password})


def run_onboard(committed_hooks, *args):
    out, err = StringIO(), StringIO()
    with committed_hooks(execute=True):
        call_command("onboard_network", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_a_welcome_mail_lost_to_a_broken_mail_server_is_resent_on_the_next_run(
    client, directory, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "tests.network.test_onboarding.BrokenMailBackend"
    out, err = run_onboard(django_capture_on_commit_callbacks, "Zorgkring Neede", "a@b.example")
    assert mail.outbox == []
    assert "sent to" not in out  # it was not
    assert "failed" in err and "mail server down" in err
    assert "again to resend" in err

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    before = snapshot()
    out, err = run_onboard(django_capture_on_commit_callbacks, "Zorgkring Neede", "a@b.example")
    assert snapshot() == before  # nothing new is created, only the mail goes out
    assert "has not set a password yet" in out
    assert "Mail with a set-password link sent to a@b.example" in out
    assert err == ""
    [message] = mail.outbox
    assert message.to == ["a@b.example"]

    response = set_password_via(client, message, "Neede-2026!")
    assert response.status_code == 302
    assert client.login(username="a@b.example", password="Neede-2026!")

    # Now that the password is set, a third run sends nothing.
    out, err = run_onboard(django_capture_on_commit_callbacks, "Zorgkring Neede", "a@b.example")
    assert len(mail.outbox) == 1
    assert out == "Zorgkring Neede: already onboarded, nothing changed\n"


def test_an_account_whose_password_staff_disabled_gets_no_new_link(
    directory, django_capture_on_commit_callbacks
):
    run_onboard(django_capture_on_commit_callbacks, "Zorgkring Eibergen", "z@eibergen.example")
    user = get_user_model().objects.get(email="z@eibergen.example")
    user.set_password("Eibergen-2026!")
    user.save()
    user.last_login = user.date_joined
    user.set_unusable_password()  # locked out on purpose
    user.save()
    mail.outbox.clear()
    out, _err = run_onboard(django_capture_on_commit_callbacks, "Zorgkring Eibergen", "z@eibergen.example")
    assert mail.outbox == []
    assert "nothing changed" in out


def test_with_a_task_worker_the_command_says_the_mail_is_queued(
    directory, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    out, err = run_onboard(django_capture_on_commit_callbacks, "Zorgkring Borculo", "b@borculo.example")
    assert "is queued" in out
    assert "sent" not in out
    assert mail.outbox == []


def test_mail_link_sets_a_password_that_logs_in(client, directory, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("onboard_network", "ICT Groenlo", "ict@groenlo.example", "--contact", "Bram de Vries")
    message = mail.outbox[0]
    assert message.to == ["ict@groenlo.example"]
    assert "ICT Groenlo" in message.subject
    link = re.search(r"http://testserver(/admin/password_reset/confirm/\S+/)", message.body).group(1)
    response = client.get(link)
    # Django swaps the token for a session and redirects to the form.
    assert response.status_code == 302
    form_url = response["Location"]
    response = client.post(
        form_url, {"new_password1": "Achterhoek-2026!", "new_password2": "Achterhoek-2026!"}
    )
    assert response.status_code == 302
    assert client.login(username="ict@groenlo.example", password="Achterhoek-2026!")
    page = NetworkPage.objects.get(title="ICT Groenlo")
    assert client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).status_code == 200
    # The link works once.
    client.logout()
    assert "set-password" not in client.get(link).get("Location", "")
    assert client.get(link, follow=True).context["validlink"] is False


def test_mail_in_the_requested_language(directory, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("onboard_network", "Netzwerk Bocholt", "kontakt@bocholt.example", "--language", "de")
    assert "Willkommen" in mail.outbox[0].subject
    assert "Passwort" in mail.outbox[0].body


def test_command_refuses_bad_input(directory):
    with pytest.raises(CommandError):
        call_command("onboard_network", "Netwerk zonder mail", "geen-adres")
    assert not NetworkPage.objects.filter(title="Netwerk zonder mail").exists()


def test_command_needs_a_directory(home_pages):
    with pytest.raises(CommandError, match="directory|netwerkgids"):
        call_command("onboard_network", "Los netwerk", "los@example.org")


def test_accepting_a_listing_request_in_the_admin_onboards_it(
    client, directory, admin_user, django_capture_on_commit_callbacks
):
    request = ListingRequest.objects.create(
        name="Groene Zp Winterswijk",
        website="https://groen.example",
        contact_name="Carla Smit",
        email="carla@groen.example",
        description="Zp'ers in groenonderhoud.",
        consent_text="ja",
        language="en",
    )
    client.force_login(admin_user)
    index = client.get(reverse("network_listingrequest:index")).content.decode()
    assert "Groene Zp Winterswijk" in index
    accept_url = reverse("network_listingrequest:accept", args=[request.pk])
    assert accept_url in index
    assert client.get(accept_url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(accept_url, {"action": "accept"})
    page = NetworkPage.objects.get(title="Groene Zp Winterswijk")
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[page.pk])
    request.refresh_from_db()
    assert request.status == ListingRequest.STATUS_ACCEPTED
    assert request.network_page_id == page.pk
    assert page.website == "https://groen.example"
    assert mail.outbox[-1].to == ["carla@groen.example"]
    assert "Welcome" in mail.outbox[-1].subject  # the language the request was made in
    client.post(accept_url, {"action": "accept"})
    assert NetworkPage.objects.filter(title="Groene Zp Winterswijk").count() == 1


def test_only_staff_with_rights_can_accept(client, two_networks):
    request = ListingRequest.objects.create(
        name="Sluiproute", contact_name="X", email="x@example.org", description="-", consent_text="ja"
    )
    client.force_login(two_networks["a"].user)
    accept_url = reverse("network_listingrequest:accept", args=[request.pk])
    response = client.post(accept_url, {"action": "accept"})
    assert response.status_code in (302, 403)
    assert not NetworkPage.objects.filter(title="Sluiproute").exists()
    assert client.get(reverse("network_listingrequest:index")).status_code in (302, 403)


def test_communications_staff_see_and_accept_requests(client, directory, django_user_model):
    staff = django_user_model.objects.create_user("comms", "comms@pr8werk.example", "comms-pass-123")
    staff.groups.add(Group.objects.get(name=MODERATORS_GROUP))
    request = ListingRequest.objects.create(
        name="Netwerk Eibergen", contact_name="Y", email="y@example.org", description="-", consent_text="ja"
    )
    client.force_login(staff)
    assert "Netwerk Eibergen" in client.get(reverse("network_listingrequest:index")).content.decode()
    client.post(reverse("network_listingrequest:accept", args=[request.pk]), {"action": "decline"})
    request.refresh_from_db()
    assert request.status == ListingRequest.STATUS_DECLINED
    assert not NetworkPage.objects.filter(title="Netwerk Eibergen").exists()


def comms_staff(django_user_model, username="comms"):
    """A communications staff member (the group that handles listing requests), not a superuser."""
    staff = django_user_model.objects.create_user(username, f"{username}@pr8werk.example", "comms-pass-123")
    staff.groups.add(Group.objects.get(name=MODERATORS_GROUP))
    return staff


def group_state(group):
    """Everything that says what a group may do, and who is in it."""
    return (
        group.name,
        sorted(group.user_set.values_list("pk", flat=True)),
        sorted(group.permissions.values_list("pk", flat=True)),
        sorted(GroupPagePermission.objects.filter(group=group).values_list("page_id", "permission_id")),
        sorted(
            GroupCollectionPermission.objects.filter(group=group).values_list(
                "collection_id", "permission_id"
            )
        ),
    )


def collection_state(collection):
    collection.refresh_from_db()
    return (
        collection.name,
        collection.path,
        sorted(
            GroupCollectionPermission.objects.filter(collection=collection).values_list("group_id", flat=True)
        ),
    )


def test_a_request_with_an_existing_networks_name_gives_no_right_on_it(
    client, two_networks, django_user_model, django_capture_on_commit_callbacks
):
    """An attacker who asks to list "Netwerk Alfa" again and is accepted gets a new entry, none of Alfa's."""
    cache.clear()  # the public form's rate limit
    alfa = two_networks["a"]
    alfa_page = NetworkPage.objects.get(pk=alfa.page.pk)
    alfa_group, alfa_collection = alfa.group, alfa.collection
    before = (group_state(alfa_group), collection_state(alfa_collection), alfa_page.live, alfa_page.title)

    # The attacker copies the existing network's name (and its website) into the public form.
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/netwerken/aanmelden/",
            {
                "name": "Netwerk Alfa",
                "website": alfa_page.website or "https://alfa.example",
                "contact_name": "Mallory",
                "email": "mallory@attacker.example",
                "description": "Wij zijn Netwerk Alfa.",
                "consent": "on",
                "nickname": "",
            },
        )
    assert response.status_code == 302
    listing_request = ListingRequest.objects.get(email="mallory@attacker.example")

    # Staff press "Accept and onboard".
    client.force_login(comms_staff(django_user_model))
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("network_listingrequest:accept", args=[listing_request.pk]), {"action": "accept"})
    client.logout()

    listing_request.refresh_from_db()
    assert listing_request.status == ListingRequest.STATUS_ACCEPTED
    new_page = listing_request.network_page
    assert new_page is not None and new_page.pk != alfa_page.pk
    assert new_page.title == "Netwerk Alfa" and not new_page.live  # a separate draft entry
    assert new_page.slug != alfa_page.slug

    # The existing entry, its group and its collection are as they were.
    alfa_page.refresh_from_db()
    assert (
        group_state(alfa_group),
        collection_state(alfa_collection),
        alfa_page.live,
        alfa_page.title,
    ) == before

    # The attacker sets a password through the welcome mail and logs in.
    attacker = django_user_model.objects.get(email="mallory@attacker.example")
    [welcome] = [message for message in mail.outbox if message.to == ["mallory@attacker.example"]]
    assert set_password_via(client, welcome, "Grol-Zomer-2026!").status_code == 302
    assert client.login(username=attacker.username, password="Grol-Zomer-2026!")
    assert not attacker.groups.filter(pk=alfa_group.pk).exists()
    assert not alfa_page.permissions_for_user(attacker).can_edit()
    assert client.get(reverse("wagtailadmin_pages:edit", args=[alfa_page.pk])).status_code != 200
    # ... and edits only their own new draft, through a group and collection of its own.
    assert client.get(reverse("wagtailadmin_pages:edit", args=[new_page.pk])).status_code == 200
    [new_group] = attacker.groups.all()
    assert new_group.pk != alfa_group.pk and new_group.name != alfa_group.name
    new_collections = set(
        GroupCollectionPermission.objects.filter(group=new_group).values_list("collection_id", flat=True)
    )
    assert alfa_collection.pk not in new_collections and len(new_collections) == 1


def test_accepting_twice_finds_what_the_first_accept_made_by_id(
    client, directory, django_user_model, django_capture_on_commit_callbacks
):
    """A second "Accept" creates nothing new and only resends the unused set-password mail."""
    request = ListingRequest.objects.create(
        name="Zorgkring Ruurlo",
        contact_name="R",
        email="r@ruurlo.example",
        description="-",
        consent_text="ja",
    )
    client.force_login(comms_staff(django_user_model))
    accept_url = reverse("network_listingrequest:accept", args=[request.pk])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(accept_url, {"action": "accept"})
    record = NetworkOnboarding.objects.get(key=f"listing-request:{request.pk}")
    first = (record.page_id, record.group_id, record.collection_id, record.user_id)
    before = snapshot()
    # Someone renames the page and its group; the re-run still finds them by id.
    NetworkPage.objects.filter(pk=record.page_id).update(title="Zorgkring Ruurlo (nieuw)")
    Group.objects.filter(pk=record.group_id).update(name="Netwerk: hernoemd")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(accept_url, {"action": "accept"})
    record.refresh_from_db()
    assert (record.page_id, record.group_id, record.collection_id, record.user_id) == first
    assert snapshot() == before
    assert [message.to for message in mail.outbox] == [["r@ruurlo.example"]] * 2  # resent: never used


def test_a_request_with_a_staff_address_is_refused(
    client, directory, django_user_model, django_capture_on_commit_callbacks
):
    """Onboarding never puts a staff account into a network group because someone typed its address."""
    staff = comms_staff(django_user_model)
    request = ListingRequest.objects.create(
        name="Netwerk Vorden", contact_name="V", email=staff.email.upper(), description="-", consent_text="ja"
    )
    client.force_login(staff)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("network_listingrequest:accept", args=[request.pk]), {"action": "accept"}, follow=True
        )
    assert staff.email in response.content.decode().lower()  # the error names the address
    assert list(staff.groups.values_list("name", flat=True)) == [MODERATORS_GROUP]
    assert not NetworkPage.objects.filter(title="Netwerk Vorden").exists()
    request.refresh_from_db()
    assert request.status == ListingRequest.STATUS_NEW
    assert mail.outbox == []


def test_the_command_never_adopts_an_entry_it_did_not_make(directory, django_capture_on_commit_callbacks):
    """A page with the same title made by hand gets no group from the command: a new entry is made."""
    existing = add_network(directory["nl"], "Netwerk Hengelo", website="https://hengelo.example")
    out, _err = run_onboard(django_capture_on_commit_callbacks, "Netwerk Hengelo", "h@hengelo.example")
    assert not GroupPagePermission.objects.filter(page=existing, group__name__startswith="Netwerk: ").exists()
    assert NetworkPage.objects.filter(title="Netwerk Hengelo").count() == 2
    assert "created page, collection, group, user" in out
    assert "Netwerk Hengelo" in out.splitlines()[1]  # the note on the look-alike
    # The command's own second run finds its own entry.
    out, _err = run_onboard(django_capture_on_commit_callbacks, "Netwerk Hengelo", "h@hengelo.example")
    assert NetworkPage.objects.filter(title="Netwerk Hengelo").count() == 2
    assert "already onboarded" in out


@pytest.mark.parametrize(
    ("name", "website", "email", "expected"),
    [
        ("Netwerk Alfa", "", "x@elders.example", [REASON_SAME_NAME]),
        ("netwerk-alfa!", "", "x@elders.example", [REASON_SAME_NAME]),
        ("Stichting Netwerk Alfa", "", "x@elders.example", [REASON_SIMILAR_NAME]),
        ("Netwerk Alpha", "", "x@elders.example", [REASON_SIMILAR_NAME]),
        ("Iets anders", "http://www.alfa.example/over", "x@elders.example", [REASON_WEBSITE]),
        ("Iets anders", "", "nieuw@alfa.example", [REASON_EMAIL]),
        # Alfa's editor's own address (the fixture's editors share example.org).
        (
            "Iets anders",
            "",
            "Alfa@Example.org",
            [REASON_EMAIL, REASON_ACCOUNT],
        ),
        ("Iets anders", "", "x@gmail.com", []),  # a shared mail provider says nothing
        ("Netwerk Gamma", "https://gamma.example", "g@gamma.example", []),
    ],
)
def test_resemblance_reasons(two_networks, name, website, email, expected):
    """Name, website domain and mail domain each count; unrelated requests raise nothing."""
    alfa = two_networks["a"].page
    NetworkPage.objects.filter(pk=alfa.pk).update(website="https://alfa.example", email="info@alfa.example")
    found = {r.page.pk: r.reasons for r in resemblances(name, website, email)}
    assert found.get(alfa.pk, []) == expected


def test_staff_are_warned_when_a_request_resembles_an_entry(client, two_networks, django_user_model):
    """The list, the edit form, the inspect view and the accept view name the look-alike entry."""
    alfa = two_networks["a"].page
    look_alike = ListingRequest.objects.create(
        name="Netwerk  Alfa", contact_name="M", email="m@elders.example", description="-", consent_text="ja"
    )
    unrelated = ListingRequest.objects.create(
        name="Kunstkring Zelhem",
        contact_name="K",
        email="k@zelhem.example",
        description="-",
        consent_text="ja",
    )
    client.force_login(comms_staff(django_user_model))
    edit_link = reverse("wagtailadmin_pages:edit", args=[alfa.pk])
    for view in ("accept", "edit", "inspect"):
        html = client.get(reverse(f"network_listingrequest:{view}", args=[look_alike.pk])).content.decode()
        assert "data-resemblances" in html and edit_link in html, view
        html = client.get(reverse(f"network_listingrequest:{view}", args=[unrelated.pk])).content.decode()
        assert "data-resemblances" not in html, view
    index = client.get(reverse("network_listingrequest:index")).content.decode()
    row = index[index.index("Netwerk  Alfa") :]
    row = row[: row.index("</tr>")]
    assert "Netwerk Alfa (" in row
    other = index[index.index("Kunstkring Zelhem") :]
    assert "Netwerk Alfa (" not in other[: other.index("</tr>")]


def edit_data(request, **changes):
    data = {
        field: getattr(request, field)
        for field in ("name", "website", "contact_name", "email", "phone", "description", "status")
    }
    return {**data, **changes}


def test_the_edit_form_cannot_accept_without_onboarding(client, directory, django_user_model):
    """Status "accepted" in the edit form is refused; the accept action stays on offer."""
    request = ListingRequest.objects.create(
        name="Netwerk Laren", contact_name="L", email="l@laren.example", description="-", consent_text="ja"
    )
    client.force_login(comms_staff(django_user_model))
    edit_url = reverse("network_listingrequest:edit", args=[request.pk])
    response = client.post(edit_url, edit_data(request, status=ListingRequest.STATUS_ACCEPTED))
    assert response.status_code == 200
    assert response.context["form"].errors["status"]
    request.refresh_from_db()
    assert request.status == ListingRequest.STATUS_NEW
    assert not NetworkPage.objects.filter(title="Netwerk Laren").exists()
    assert (
        reverse("network_listingrequest:accept", args=[request.pk])
        in client.get(reverse("network_listingrequest:index")).content.decode()
    )
    # Declining through the form is still fine: it makes nothing.
    response = client.post(edit_url, edit_data(request, status=ListingRequest.STATUS_DECLINED))
    assert response.status_code == 302
    request.refresh_from_db()
    assert request.status == ListingRequest.STATUS_DECLINED


def test_an_accepted_request_keeps_its_status_in_the_edit_form(
    client, directory, django_user_model, django_capture_on_commit_callbacks
):
    """Once onboarded, the form cannot set the request back to new (and offer a second onboarding)."""
    request = ListingRequest.objects.create(
        name="Netwerk Lievelde",
        contact_name="L",
        email="l@lievelde.example",
        description="-",
        consent_text="ja",
    )
    client.force_login(comms_staff(django_user_model))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("network_listingrequest:accept", args=[request.pk]), {"action": "accept"})
    request.refresh_from_db()
    client.post(
        reverse("network_listingrequest:edit", args=[request.pk]),
        edit_data(request, status=ListingRequest.STATUS_NEW, phone="0544 1"),
    )
    request.refresh_from_db()
    assert (request.status, request.phone) == (ListingRequest.STATUS_ACCEPTED, "0544 1")
    index = client.get(reverse("network_listingrequest:index")).content.decode()
    assert reverse("network_listingrequest:accept", args=[request.pk]) not in index


def test_a_request_marked_accepted_by_hand_can_still_be_onboarded(client, directory, django_user_model):
    """A request set to "accepted" before this fix, never onboarded, keeps its accept action."""
    request = ListingRequest.objects.create(
        name="Netwerk Haarlo",
        contact_name="H",
        email="h@haarlo.example",
        description="-",
        consent_text="ja",
        status=ListingRequest.STATUS_ACCEPTED,
    )
    client.force_login(comms_staff(django_user_model))
    index = client.get(reverse("network_listingrequest:index")).content.decode()
    assert reverse("network_listingrequest:accept", args=[request.pk]) in index
