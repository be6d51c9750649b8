"""Onboarding a network: one command, everything it needs, a working set-password mail, idempotent."""

import re
import smtplib
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import CommandError, call_command
from django.urls import reverse
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission

from network.models import ListingRequest, NetworkPage

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
    from network.onboarding import MODERATORS_GROUP

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
