from datetime import date

import pytest
from django.utils import timezone
from wagtail.test.utils import WagtailPageTestCase

from events.models import EventIndexPage, EventPage, RegistrationState, SessionReportPage
from home.models import HomePage


class TestPageTypeRules(WagtailPageTestCase):
    def test_agenda_under_home_and_sessions_under_the_agenda(self):
        self.assertCanCreateAt(HomePage, EventIndexPage)
        self.assertCanCreateAt(EventIndexPage, EventPage)
        self.assertCanNotCreateAt(HomePage, EventPage)
        self.assertAllowedParentPageTypes(EventPage, {EventIndexPage})


@pytest.mark.django_db
def test_demo_has_the_2012_sessions_and_upcoming_ones_in_three_languages(demo_site, client):
    wehl = EventPage.objects.get(slug="ontbijtsessie-overheid-wehl-2012")
    lievelde = EventPage.objects.get(slug="ontbijtsessie-overheid-lievelde-2012")
    assert timezone.localtime(wehl.start).date() == date(2012, 5, 31)
    assert timezone.localtime(lievelde.start).date() == date(2012, 6, 1)
    speakers = {
        page.slug: [(item.value["speaker"], item.value["organisation"]) for item in page.programme]
        for page in (wehl, lievelde)
    }
    assert ("Pim Kroes", "gemeente Doetinchem") in speakers[wehl.slug]
    assert ("Mark van der Horst", "gemeente Berkelland") in speakers[lievelde.slug]
    assert wehl.registration_state == RegistrationState.PAST

    upcoming = [page for page in EventPage.objects.filter(locale__language_code="nl") if not page.is_past]
    assert len(upcoming) >= 2
    assert all(page.registration_state == RegistrationState.OPEN for page in upcoming)
    assert min(page.seats_left for page in upcoming) <= 3  # one of them nearly full
    for page in EventPage.objects.filter(locale__language_code="nl"):
        assert {
            translation.locale.language_code for translation in page.get_translations(inclusive=True)
        } == {
            "nl",
            "en",
            "de",
        }

    assert "Pim Kroes" in client.get("/en/agenda/government-breakfast-session-wehl-2012/").content.decode()
    assert (
        "Mark van der Horst"
        in client.get("/de/termine/fruehstueckssitzung-oeffentliche-hand-lievelde-2012/").content.decode()
    )


@pytest.mark.django_db
def test_editors_can_open_the_session_editor(client, admin_user, make_event):
    event = make_event(capacity=4, translations=False)["nl"]
    client.force_login(admin_user)

    assert client.get(f"/admin/pages/{event.pk}/edit/").status_code == 200
    assert client.get(f"/admin/pages/add/events/eventpage/{event.get_parent().pk}/").status_code == 200


def block_ids(raw):
    """Every StreamField block and list item id in ``raw``, in document order."""
    if isinstance(raw, list):
        return [found for item in raw for found in block_ids(item)]
    if isinstance(raw, dict):
        own = [raw["id"]] if "id" in raw and "type" in raw else []
        return own + [found for key, value in raw.items() if key != "id" for found in block_ids(value)]
    return []


@pytest.mark.django_db
def test_demo_sessions_start_at_their_local_time(demo_site):
    for slug in ("ontbijtsessie-overheid-wehl-2012", "ontbijtsessie-ondernemers-winterswijk"):
        start = timezone.localtime(EventPage.objects.get(slug=slug).start)
        assert (start.hour, start.minute) == (7, 30)
    assert EventPage.objects.get(slug="zwermsessie-organisaties-groenlo").start > timezone.now()


@pytest.mark.django_db
def test_demo_report_translations_pair_every_block_and_keep_their_anchors(demo_site, client):
    """Each block and list item of the English and German report has the id of the same one in the
    Dutch report, so wagtail-localize pairs them; the theme tables' anchors are those of every build."""
    reports = {page.locale.language_code: page for page in SessionReportPage.objects.select_related("locale")}
    dutch = block_ids(reports["nl"].body.get_prep_value())
    assert len(dutch) > 30
    assert block_ids(reports["en"].body.get_prep_value()) == dutch
    assert block_ids(reports["de"].body.get_prep_value()) == dutch
    page = client.get(reports["nl"].url).content.decode()
    assert 'href="#table-43c62f26-0b63-52ff-b7b5-cb8f67fb2a59"' in page
