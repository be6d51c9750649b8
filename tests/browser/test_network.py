import pytest
from django.contrib.auth.models import Group
from wagtail.models import WorkflowState

from network.models import NetworkPage
from tests.browser.conftest import axe_violations

pytestmark = pytest.mark.browser

EDITOR = ("netwerkredacteur", "Netwerk-2026-geheim")


@pytest.fixture
def network_editor(live_site, django_user_model):
    user = django_user_model.objects.create_user(EDITOR[0], "redacteur@example.org", EDITOR[1])
    user.groups.add(Group.objects.get(name="Netwerk: ICT-kring Doetinchem (demo)"))
    return user


def test_network_editor_edits_their_page_and_submits_it(live_site, network_editor, page):
    """Log in to /admin/, change the entry, submit it for moderation; the public page waits."""
    network = NetworkPage.objects.get(slug="ict-kring-doetinchem-demo")
    other = NetworkPage.objects.get(slug="onz-achterhoek", locale__language_code="nl")

    page.goto(live_site.url + "/admin/")
    page.fill("input[name=username]", EDITOR[0])
    page.fill("input[name=password]", EDITOR[1])
    page.locator("button[type=submit]").click()
    page.wait_for_url(live_site.url + "/admin/")

    page.goto(f"{live_site.url}/admin/pages/{network.pk}/edit/")
    page.fill("#id_short_description", "Nu ook met een spreekuur voor startende zp'ers.")
    page.locator("footer [data-w-dropdown-target='toggle'], footer button[aria-label]").first.click()
    page.locator("button[name=action-submit]").click()
    page.wait_for_load_state()

    state = WorkflowState.objects.get(object_id=str(network.pk), status=WorkflowState.STATUS_IN_PROGRESS)
    assert state.workflow.name == "Netwerkvermeldingen"
    page.goto(live_site.url + network.url)
    assert "spreekuur" not in page.content()

    # Another network's edit page is refused.
    page.goto(f"{live_site.url}/admin/pages/{other.pk}/edit/")
    assert page.url.rstrip("/").endswith("/admin")


def test_directory_filters_in_the_address_and_no_axe_violations(live_site, page):
    page.goto(live_site.url + "/netwerken/")
    assert axe_violations(page) == []
    page.select_option("#network-sector", "overheid")
    page.select_option("#network-municipality", "doetinchem")
    page.get_by_role("button", name="Toon netwerken").click()
    page.wait_for_url("**/netwerken/?*")
    assert "sector=overheid" in page.url
    assert "municipality=doetinchem" in page.url
    titles = page.locator(".network-card h2").all_inner_texts()
    assert titles == ["ICT-kring Doetinchem (demo)", "ONZ Achterhoek"]
    assert axe_violations(page) == []
    page.goto(live_site.url + "/en/networks/request-listing/")
    assert axe_violations(page) == []
