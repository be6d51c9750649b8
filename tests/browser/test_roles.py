"""The editorial journeys, each logged in as the role that does it (never a superuser), in the Dutch admin."""

import uuid

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import Page, WorkflowState

from events.models import EventPage, Registration, RegistrationState
from home.roles import STAFF_GROUP
from network.models import NetworkPage
from network.onboarding import onboard_network
from news.models import NewsIndexPage, NewsPage

pytestmark = pytest.mark.browser


def make_user(group_name, prefix):
    """A fresh account in a group, unique per test so that tests may share one database.

    Not through pytest-django's ``django_user_model``: that fixture asks for ``db``, which would run
    the whole test in a transaction on the connection the live server shares, so that nothing the
    server does is committed and no ``on_commit`` work (mails, wagtail-localize's publish) ever runs.
    """
    name = f"{prefix}-{uuid.uuid4().hex[:8]}"
    password = f"Geheim-{uuid.uuid4().hex}"
    user = get_user_model().objects.create_user(name, f"{name}@example.org", password)
    user.groups.add(Group.objects.get(name=group_name))
    return name, password


def log_in(page, live_site, username, password):
    page.context.clear_cookies()
    page.goto(live_site.url + "/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.locator("button[type=submit]").click()
    page.wait_for_url(live_site.url + "/admin/")


def open_more_actions(page):
    page.locator("footer [data-w-dropdown-target='toggle'], footer button[aria-label]").first.click()


def test_staff_publish_news_add_a_registration_by_hand_and_export_the_list(live_site, page):
    username, password = make_user(STAFF_GROUP, "redactie")
    log_in(page, live_site, username, password)

    # A news item, written and published.
    title = f"Nieuwe zwermsessie aangekondigd {uuid.uuid4().hex[:6]}"
    index = NewsIndexPage.objects.get(locale__language_code="nl")
    page.goto(f"{live_site.url}/admin/pages/add/news/newspage/{index.pk}/")
    page.fill("#id_title", title)
    page.fill("#id_intro", "De volgende zwermsessie gaat over inkoop bij gemeenten.")
    open_more_actions(page)
    page.locator("button[name=action-publish]").click()
    page.wait_for_url(f"{live_site.url}/admin/pages/{index.pk}/")
    news = NewsPage.objects.get(title=title)
    assert news.live
    assert title in page.content()

    # A phone sign-up for an upcoming session, with the seat rules of the site's form.
    # The sign-up stays in the shared database: it takes a seat where there are plenty, never one of
    # the last seats that other browser tests count on.
    session = max(
        (
            event
            for event in EventPage.objects.live()
            .filter(locale__language_code="nl", start__gt=timezone.now())
            .order_by("start")
            if event.registration_state == RegistrationState.OPEN
        ),
        key=lambda event: float("inf") if event.seats_left is None else event.seats_left,
    )
    email = f"telefoon-{uuid.uuid4().hex[:8]}@example.org"
    page.goto(live_site.url + "/admin/registrations/new/")
    page.select_option("select[name=event]", str(session.pk))
    page.fill("input[name=name]", "Gerda Telefoon")
    page.fill("input[name=email]", email)
    page.select_option("select[name=role]", "zp")
    page.select_option("select[name=language]", "nl")
    page.check("input[name=consent]")
    page.get_by_role("button", name="Toevoegen", exact=True).click()
    page.wait_for_url(live_site.url + "/admin/registrations/")
    registration = Registration.objects.get(email=email)
    assert registration.status in ("confirmed", "waitlisted")
    assert registration.mails.get().sent_at is not None
    assert "Gerda Telefoon" in page.content()

    # The list, exported with the browser's own session.
    export = page.request.get(
        f"{live_site.url}/admin/registrations/?export=csv&event={session.seat_holder_id}"
    )
    assert export.ok
    assert email in export.text()


def test_a_network_editor_submits_their_entry_and_staff_approve_it(live_site, page):
    name = f"Testkring {uuid.uuid4().hex[:6]}"
    onboarding = onboard_network(name, f"{uuid.uuid4().hex[:8]}@example.org", send_mail=False)
    onboarding.page.save_revision().publish()
    editor_password = f"Geheim-{uuid.uuid4().hex}"
    onboarding.user.set_password(editor_password)
    onboarding.user.save()
    entry = NetworkPage.objects.get(pk=onboarding.page.pk)

    log_in(page, live_site, onboarding.user.username, editor_password)
    page.goto(f"{live_site.url}/admin/pages/{entry.pk}/edit/")
    page.fill("#id_short_description", "Nu ook met een spreekuur voor startende zp'ers.")
    open_more_actions(page)
    page.locator("button[name=action-submit]").click()
    page.wait_for_load_state()
    state = WorkflowState.objects.get(object_id=str(entry.pk), status=WorkflowState.STATUS_IN_PROGRESS)
    assert "spreekuur" not in page.request.get(live_site.url + entry.url).text()

    username, password = make_user(STAFF_GROUP, "moderator")
    log_in(page, live_site, username, password)
    page.goto(f"{live_site.url}/admin/pages/{entry.pk}/edit/")
    open_more_actions(page)
    page.locator("button[data-workflow-action-name=approve]:not([data-workflow-action-modal-url])").click()
    page.wait_for_load_state()
    page.wait_for_url(f"{live_site.url}/admin/pages/{entry.get_parent().pk}/")

    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    assert "spreekuur" in page.request.get(live_site.url + entry.url).text()


def test_staff_filter_the_explorer_by_page_type(live_site, page):
    """The explorer's filters offer what they remember (home/explorer.py) and still filter: the
    Dutch home page's descendants narrowed to news items, through Wagtail's own drawer."""
    username, password = make_user(STAFF_GROUP, "redactie")
    log_in(page, live_site, username, password)
    home = Page.objects.get(depth=2, locale__language_code="nl")

    page.goto(f"{live_site.url}/admin/pages/{home.pk}/")
    page.get_by_role("button", name="Filter").first.click()
    page.get_by_role("button", name="Pagina type").click()
    page.locator("label", has_text="Nieuwsbericht").first.click()
    page.wait_for_url(f"**/admin/pages/{home.pk}/?*content_type=*")
    page.wait_for_load_state("networkidle")

    shown = {
        int(pk)
        for pk in page.locator("tr[data-object-id], [data-object-id]").evaluate_all(
            "rows => rows.map(row => row.dataset.objectId)"
        )
    }
    news = set(NewsPage.objects.filter(locale__language_code="nl").values_list("pk", flat=True))
    assert shown and shown <= news
    assert len(shown) == min(len(news), 50)
