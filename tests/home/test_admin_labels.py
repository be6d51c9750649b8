"""The Dutch admin shows no English names for the groups, workflows, tasks and collections in it, and
no English or garbled words on its login page and in its page search counts."""

import hashlib
import importlib
import re
from html import unescape
from pathlib import Path

import pytest
import wagtail
from django.apps import apps
from django.contrib.auth.models import Group
from django.utils import translation
from wagtail.models import Collection, Page, Task, Workflow

from home.forms import AdminLoginForm
from tests.factories import PASSWORD, StaffUserFactory

pytestmark = pytest.mark.django_db

dutch_names = importlib.import_module("home.migrations.0003_dutch_names_for_wagtails_defaults")
WAGTAILS_ENGLISH = {english for _app, _model, english, _dutch, _rows in dutch_names.RENAMES}


def admin_labels():
    return {
        "groups": set(Group.objects.values_list("name", flat=True)),
        "workflows": set(Workflow.objects.values_list("name", flat=True)),
        "tasks": set(Task.objects.values_list("name", flat=True)),
        "collections": set(Collection.objects.values_list("name", flat=True)),
    }


def test_the_demo_admin_names_everything_in_dutch(demo_site):
    """Groups, workflows, tasks and collections of the demo carry no English name of Wagtail's."""
    labels = admin_labels()
    assert {name for names in labels.values() for name in names} & WAGTAILS_ENGLISH == set()
    assert {"Moderatoren", "Redacteuren"} <= labels["groups"]
    assert "Goedkeuring door moderatoren" in labels["workflows"] & labels["tasks"]
    assert Collection.get_first_root_node().name == "Algemeen"


def test_wagtails_moderators_keep_their_rights_under_the_dutch_name(db):
    """The renamed group is Wagtail's own: it still approves the default workflow and may publish."""
    moderators = Group.objects.get(name="Moderatoren")
    task = Task.objects.get(name="Goedkeuring door moderatoren").specific
    assert list(task.groups.all()) == [moderators]
    assert moderators.page_permissions.filter(permission__codename="publish_page").exists()


def test_a_name_an_operator_chose_is_left_alone(db):
    """Running the rename again changes nothing that is no longer Wagtail's English default."""
    Group.objects.filter(name="Redacteuren").update(name="Webredactie")
    Group.objects.create(name="Editors (oud)")

    dutch_names.rename(apps, None)

    names = set(Group.objects.values_list("name", flat=True))
    assert {"Webredactie", "Editors (oud)"} <= names and "Redacteuren" not in names


def test_the_login_page_names_its_fields_in_the_admins_language(client, admin_user):
    """Wagtail's password field has no label of its own: Django called it "Password" in every language."""
    html = client.get("/admin/login/").content.decode()
    labels = [part.split(">", 1)[1].split("<", 1)[0].strip() for part in html.split("<label")[1:]]
    assert labels[:2] == ["Gebruikersnaam", "Wachtwoord"]
    with translation.override("de"):
        assert str(AdminLoginForm().fields["password"].label) == "Passwort"
    signed_in = client.post("/admin/login/", {"username": admin_user.username, "password": PASSWORD})
    assert signed_in.status_code == 302


def title_header(client, address):
    html = client.get(address).content.decode()
    header = html.split('<th class="title"')[1].split(">", 1)[1].split("</th>")[0]
    return " ".join(unescape(re.sub(r"<[^>]+>", "", header)).split())


def test_page_search_counts_its_results_in_dutch(demo_site, client):
    """Wagtail's Dutch catalogue runs the numbers together and page search named its results "None"."""
    client.force_login(StaffUserFactory())
    news = Page.objects.get(locale__language_code="nl", slug="nieuws")

    everywhere = title_header(client, "/admin/pages/search/?q=ontbijt")
    in_news = title_header(client, f"/admin/pages/{news.pk}/?q=ontbijt")
    whole_site = title_header(client, f"/admin/pages/{news.pk}/?q=ontbijt&search_all=1")

    assert re.search(r"1-(\d+) van \1 pagina's$", everywhere), everywhere
    assert re.search(r"1-(\d+) van \1 pagina's in 'Nieuws'\. Zoek op de hele website$", in_news), in_news
    assert re.search(r"1-(\d+) van \1 pagina's op de hele website\. Zoeken in 'Nieuws'$", whole_site), (
        whole_site
    )
    childless = Page.objects.get(locale__language_code="nl", slug="privacy")
    assert title_header(client, f"/admin/pages/{childless.pk}/") == "Titel"


# Wagtail 8.0's template that templates/wagtailadmin/pages/listing/_page_title_column_header.html copies.
WAGTAILS_TITLE_HEADER = "6edca9f62c0dd844"


def test_the_copied_title_header_is_of_the_wagtail_it_was_copied_from():
    """An upgrade that changes Wagtail's own header fails here: copy it again, with the two mends."""
    original = (
        Path(wagtail.__file__).parent
        / "admin/templates/wagtailadmin/pages/listing/_page_title_column_header.html"
    )
    assert hashlib.sha256(original.read_bytes()).hexdigest()[:16] == WAGTAILS_TITLE_HEADER, (
        wagtail.__version__
    )
