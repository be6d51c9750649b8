import json
import re

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.admin.panels import get_edit_handler
from wagtail.blocks.base import BlockField
from wagtail.models import Page

from events.models import EventIndexPage, EventPage
from home.models import PartnerQuote

# Every page kind the editor can preview, by its model's name.
PREVIEWABLE_PAGE_KINDS = [
    "HomePage",
    "ContentPage",
    "NewsPage",
    "NewsIndexPage",
    "EventPage",
    "EventIndexPage",
    "SessionReportPage",
    "OutcomesPage",
    "NetworkPage",
    "NetworkIndexPage",
]


def csp_directives(response):
    """The response's Content-Security-Policy as {directive: [sources]}."""
    policy = response.headers["Content-Security-Policy"]
    return {name: sources for name, *sources in (part.split() for part in policy.split(";"))}


def assert_public_csp(response):
    csp = csp_directives(response)
    assert csp["default-src"] == ["'self'"]
    assert csp["script-src"] == ["'self'"]
    assert csp["style-src"] == ["'self'"]
    assert csp["frame-ancestors"] == ["'none'"]


def assert_admin_csp(response, frame_ancestors):
    csp = csp_directives(response)
    assert csp["frame-ancestors"] == [frame_ancestors]
    assert csp["default-src"] == ["'self'"]
    assert csp["object-src"] == ["'none'"]
    # Wagtail's admin needs inline script and style, but nothing from another host.
    assert "'unsafe-inline'" in csp["script-src"]
    for sources in csp.values():
        assert not any("*" in source or "//" in source or source in ("http:", "https:") for source in sources)


def form_data(html, instance):
    """The fields a browser would submit from the admin's edit form in ``html``, with StreamFields emptied.

    Wagtail's StreamField widgets are built by JavaScript, so their fields are not in the HTML.
    """
    form = BeautifulSoup(html, "html.parser").find("form", attrs={"data-edit-form": True})
    form_class = get_edit_handler(type(instance)).get_form_class()
    data = {
        f"{name}-count": "0"
        for name, field in form_class.base_fields.items()
        if isinstance(field, BlockField)
    }
    for field in form.find_all(["input", "textarea", "select"]):
        name = field.get("name")
        if not name or field.get("type") in ("submit", "button", "file"):
            continue
        if field.get("type") in ("checkbox", "radio") and not field.has_attr("checked"):
            continue
        if field.name == "textarea":
            value = field.string or ""
        elif field.name == "select":
            selected = field.find_all("option", selected=True)
            if field.has_attr("multiple"):
                data[name] = [option.get("value", "") for option in selected]
                continue
            value = selected[0].get("value", "") if selected else ""
        else:
            value = field.get("value", "")
        data[name] = value
    return data


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/", "/en/", "/de/ueber-pr8werk/", "/bestaat-niet/"])
def test_public_pages_send_security_headers(demo_site, client, url):
    """Public pages, found or not, carry the strict CSP and the other security headers."""
    response = client.get(url)
    assert_public_csp(response)
    assert "unsafe-inline" not in response.headers["Content-Security-Policy"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert "camera=()" in response.headers["Permissions-Policy"]


@pytest.mark.django_db
@pytest.mark.parametrize("kind", PREVIEWABLE_PAGE_KINDS)
def test_public_pages_of_every_kind_keep_the_strict_csp(demo_site, client, admin_user, kind):
    """Every page kind is served to visitors, and to logged-in editors, with the public CSP."""
    page = next(
        p
        for p in Page.objects.live().filter(locale__language_code="nl").specific()
        if type(p).__name__ == kind
    )
    response = client.get(page.url)
    assert response.status_code == 200
    assert_public_csp(response)
    client.force_login(admin_user)
    assert_public_csp(client.get(page.url))


@pytest.mark.django_db
def test_public_pages_load_nothing_from_other_hosts(demo_site, client):
    """No CDN fonts, scripts or styles: every src and stylesheet is on the site itself."""
    for url in ("/", "/en/about/"):
        html = client.get(url).content.decode()
        assert not re.search(r'<(?:img|iframe|video|audio|source)[^>]+src="https?://', html)
        assert not re.search(r'<script[^>]+src="https?://', html)
        assert not re.search(r'<link[^>]+rel="stylesheet"[^>]+href="https?://', html)


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/admin/", "/admin/pages/", "/admin/login/"])
def test_admin_has_its_own_csp_and_cannot_be_framed(client, admin_user, url):
    """Admin screens get the admin CSP, which lets nobody frame them."""
    if url != "/admin/login/":
        client.force_login(admin_user)
    response = client.get(url)
    assert response.status_code == 200
    assert_admin_csp(response, "'none'")
    assert response.headers["X-Frame-Options"] == "DENY"
    assert "camera=()" in response.headers["Permissions-Policy"]


@pytest.mark.django_db
def test_admin_page_editor_gets_the_admin_csp(demo_site, client, admin_user):
    """The page editor itself may frame its preview (frame-src 'self') and is not frameable."""
    client.force_login(admin_user)
    page = Page.objects.filter(depth__gt=2, locale__language_code="nl").first()
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    assert_admin_csp(response, "'none'")
    assert csp_directives(response)["frame-src"] == ["'self'"]


@pytest.mark.django_db
@pytest.mark.parametrize("kind", PREVIEWABLE_PAGE_KINDS)
def test_page_preview_can_be_framed_by_the_admin_only(demo_site, client, admin_user, kind):
    """The editor's live preview of every page kind shows the page and may be framed by the admin itself."""
    client.force_login(admin_user)
    page = next(
        p for p in Page.objects.filter(locale__language_code="nl").specific() if type(p).__name__ == kind
    )
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])

    stored = client.post(preview_url, form_data(edit.content.decode(), page))
    assert json.loads(stored.content) == {"is_valid": True, "is_available": True}
    response = client.get(preview_url, {"in_preview_panel": "true", "mode": ""})

    assert response.status_code == 200
    assert page.title in response.content.decode()
    assert_admin_csp(response, "'self'")
    assert response.headers["X-Frame-Options"] == "SAMEORIGIN"


@pytest.mark.django_db
def test_snippet_preview_can_be_framed_by_the_admin_only(demo_site, client, admin_user):
    """The live preview of a partner quote (a previewable snippet) gets the frameable admin CSP."""
    client.force_login(admin_user)
    quote = PartnerQuote.objects.filter(locale__language_code="nl").first()
    edit = client.get(reverse("wagtailsnippets_home_partnerquote:edit", args=[quote.pk]))
    preview_url = reverse("wagtailsnippets_home_partnerquote:preview_on_edit", args=[quote.pk])

    stored = client.post(preview_url, form_data(edit.content.decode(), quote))
    assert json.loads(stored.content) == {"is_valid": True, "is_available": True}
    response = client.get(preview_url, {"in_preview_panel": "true", "mode": ""})

    assert response.status_code == 200
    assert quote.person_name in response.content.decode()
    assert_admin_csp(response, "'self'")
    assert response.headers["X-Frame-Options"] == "SAMEORIGIN"


@pytest.mark.django_db
def test_preview_of_a_new_page_can_be_framed_by_the_admin_only(demo_site, client, admin_user):
    """The preview on the create form (no page saved yet) gets the frameable admin CSP too."""
    client.force_login(admin_user)
    agenda = EventIndexPage.objects.get(locale__language_code="nl")
    preview_url = reverse("wagtailadmin_pages:preview_on_add", args=["events", "eventpage", agenda.pk])
    create = client.get(reverse("wagtailadmin_pages:add", args=["events", "eventpage", agenda.pk]))
    data = form_data(create.content.decode(), EventPage())
    data.update(
        title="Voorbeeldsessie",
        slug="voorbeeldsessie",
        start="2031-05-01 09:00",
        end="2031-05-01 11:00",
        venue_name="Kasteel Wehl",
        venue_town="Wehl",
        capacity="20",
    )

    stored = client.post(preview_url, data)
    assert json.loads(stored.content)["is_valid"] is True
    response = client.get(preview_url, {"in_preview_panel": "true", "mode": ""})

    assert response.status_code == 200
    assert "Voorbeeldsessie" in response.content.decode()
    assert_admin_csp(response, "'self'")
