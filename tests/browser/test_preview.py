import uuid

import pytest
from django.contrib.auth.models import Group, Permission
from playwright.sync_api import expect
from wagtail.models import GroupPagePermission
from wagtail.users.models import UserProfile

from events.models import EventIndexPage, EventPage

pytestmark = pytest.mark.browser

# Reports every CSP violation in any frame (the editor and the preview inside it) to the console.
REPORT_CSP_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
    console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI} in ${document.URL}`);
});
"""

# Wagtail takes the form's starting state two seconds after the editor opens and marks the preview stale
# only on changes after that; an edit typed before it would count as the starting state and never show.
MARK_WATCHING_EDITS = """
document.addEventListener("w-unsaved:watch-edits", () => {
    document.documentElement.dataset.watchingEdits = "true";
});
"""

# The preview panel refreshes on edits only once its first rendering has loaded ("ready").
MARK_PREVIEW_READY = """
document.addEventListener("w-preview:ready", () => {
    document.documentElement.dataset.previewReady = "true";
});
"""


@pytest.fixture
def session_editor(live_site, django_user_model):
    """A staff member (not a superuser) who may edit sessions, in a group of their own, with a Dutch admin."""
    suffix = uuid.uuid4().hex[:8]
    group = Group.objects.create(name=f"Sessieredactie {suffix}")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    agenda = EventIndexPage.objects.get(locale__language_code="nl")
    for codename in ("add_page", "change_page"):
        GroupPagePermission.objects.create(
            group=group,
            page=agenda,
            permission=Permission.objects.get(content_type__app_label="wagtailcore", codename=codename),
        )
    password = f"Voorbeeld-{suffix}-geheim"
    user = django_user_model.objects.create_user(
        f"sessieredacteur-{suffix}", f"sessie-{suffix}@example.org", password
    )
    user.groups.add(group)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "nl"
    profile.save()
    assert not user.is_superuser
    return user.username, password


def test_session_editor_sees_the_live_preview_without_csp_violations(
    live_site, session_editor, page, settings
):
    """The live preview panel of a session shows the session, and nothing in the admin breaks its CSP."""
    # Only the preview writes when the title changes, so what the panel shows follows the edit alone.
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0

    session = EventPage.objects.filter(locale__language_code="nl").first()
    console_errors = []
    page.on("console", lambda message: message.type == "error" and console_errors.append(message.text))
    page.context.add_init_script(REPORT_CSP_VIOLATIONS)
    page.context.add_init_script(MARK_WATCHING_EDITS)
    page.context.add_init_script(MARK_PREVIEW_READY)

    page.goto(live_site.url + "/admin/login/")
    page.fill("input[name=username]", session_editor[0])
    page.fill("input[name=password]", session_editor[1])
    page.locator("button[type=submit]").click()
    page.wait_for_url(live_site.url + "/admin/")

    page.goto(f"{live_site.url}/admin/pages/{session.pk}/edit/")
    expect(page.locator("#id_title")).to_have_value(session.title)
    page.locator("[data-side-panel-toggle='preview']").click()

    preview = page.frame_locator("iframe[data-w-preview-target='iframe']").last
    expect(preview.locator("h1")).to_have_text(session.title)

    # An edit shows up in the preview too, so the panel is live and not a stale copy.
    page.wait_for_selector("html[data-preview-ready]", state="attached")
    page.wait_for_selector("html[data-watching-edits]", state="attached")
    # Typed key by key and left with Tab, as an editor does: every input, key and change event the
    # admin's edit watchers may listen to fires, not only the single input event of fill().
    title = page.locator("#id_title")
    title.fill("")
    title.press_sequentially("Ontbijtsessie met voorbeeld")
    title.press("Tab")
    # The panel refreshes after a pause in typing and a round trip; a busy machine needs longer than 5 s.
    heading = preview.locator("h1")
    try:
        expect(heading).to_have_text("Ontbijtsessie met voorbeeld", timeout=15_000)
    except AssertionError:
        # Twice in about ten full runs under load (never alone), the panel kept the saved title: Wagtail's
        # edit watcher did not take the edit. The panel is live when a second edit shows.
        title.press("End")
        title.press_sequentially(" 2")
        title.press("Tab")
        expect(heading).to_have_text("Ontbijtsessie met voorbeeld 2", timeout=20_000)

    csp_errors = [
        text for text in console_errors if "Content Security Policy" in text or "CSP violation" in text
    ]
    assert csp_errors == []
