"""Session report pages and the outcomes overview, as a visitor and an editor see them."""

import datetime
import re
import uuid
from io import StringIO

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import GroupPagePermission, Page, PageViewRestriction
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource

from events.models import (
    EventIndexPage,
    EventPage,
    OutcomesPage,
    ReportOutcome,
    SessionReportEvent,
    SessionReportPage,
)
from home.demo import demo_image, translated_page, translated_snippet
from home.models import Sector

LANG_RE = re.compile(r'<html lang="([a-z-]+)">')


class TestReportPageRules(WagtailPageTestCase):
    def test_reports_and_the_overview_live_under_the_agenda(self):
        self.assertCanCreateAt(EventIndexPage, SessionReportPage)
        self.assertCanCreateAt(EventIndexPage, OutcomesPage)
        self.assertAllowedParentPageTypes(SessionReportPage, {EventIndexPage})
        self.assertAllowedParentPageTypes(OutcomesPage, {EventIndexPage})
        self.assertAllowedSubpageTypes(SessionReportPage, {})


def outcome(text, kind="idea", status="open", owner="", proposer=""):
    return {"kind": kind, "text": text, "proposer": proposer, "status": status, "owner": owner}


def table(theme, *outcomes, participants=None):
    return {
        "type": "theme_table",
        "id": str(uuid.uuid4()),
        "value": {"theme": theme, "host": "", "participants": participants, "outcomes": list(outcomes)},
    }


@pytest.fixture
def sectors(locales):
    overheid = translated_snippet(
        Sector, {"slug": "overheid"}, {"nl": {"name": "Overheid"}, "en": {"name": "Government"}}
    )
    ondernemers = translated_snippet(
        Sector, {"slug": "ondernemers"}, {"nl": {"name": "Ondernemers"}, "en": {"name": "Businesses"}}
    )
    return {"overheid": overheid, "ondernemers": ondernemers}


@pytest.fixture
def agendas(agenda):
    """The agenda of tests/events/conftest.py, in nl, en and de."""
    return agenda


@pytest.fixture
def overview(agendas):
    return translated_page(
        agendas["nl"],
        OutcomesPage,
        {
            "nl": {"title": "Opbrengsten", "slug": "opbrengsten"},
            "en": {"title": "Outcomes", "slug": "outcomes"},
            "de": {"title": "Ergebnisse", "slug": "ergebnisse"},
        },
    )


@pytest.fixture
def make_event(agendas):
    def make(title, town, day):
        start = timezone.make_aware(datetime.datetime(2012, 5, day, 7, 30))
        event = EventPage(
            title=title,
            slug=title.lower().replace(" ", "-"),
            start=start,
            end=start + datetime.timedelta(hours=3),
            venue_name="Zaal",
            venue_town=town,
        )
        agendas["nl"].add_child(instance=event)
        event.save_revision().publish()
        return event

    return make


@pytest.fixture
def make_report(agendas):
    counter = iter(range(1, 1000))

    def make(title, body, *, sector=None, events=(), publish=True, parent=None, date=None):
        number = next(counter)
        report = SessionReportPage(
            title=title,
            slug=f"verslag-{number}",
            report_date=date or datetime.date(2012, 6, 1) + datetime.timedelta(days=number),
            sector=sector,
            body=body,
            live=False,
            report_events=[SessionReportEvent(event=event) for event in events],
        )
        (parent or agendas["nl"]).add_child(instance=report)
        revision = report.save_revision()
        if publish:
            revision.publish()
            report.refresh_from_db()
        return report

    return make


def texts(response):
    return [row["outcome"].text for row in response.context["rows"]]


@pytest.mark.django_db
def test_overview_aggregates_outcomes_of_several_reports(client, overview, make_report, sectors):
    first = make_report("Overheid 2012", [table("Inkoop", outcome("Samen inschrijven"), outcome("Uitleg"))])
    second = make_report("Ondernemers 2013", [table("Netwerken", outcome("Lunch met ondernemers"))])
    response = client.get("/agenda/opbrengsten/")
    assert response.status_code == 200
    assert sorted(texts(response)) == ["Lunch met ondernemers", "Samen inschrijven", "Uitleg"]
    html = response.content.decode()
    # Each outcome links to the theme table on its report.
    table_id = first.body[0].id
    assert f'href="/agenda/{first.slug}/#table-{table_id}"' in html
    assert f'href="/agenda/{second.slug}/#table-' in html
    counts = {row["name"]: row["count"] for row in response.context["theme_counts"]}
    assert counts == {"Inkoop": 2, "Netwerken": 1}
    assert 'Inkoop <span class="count">(2)</span>' in html


@pytest.mark.django_db
def test_filters_combine(client, overview, make_report, sectors):
    make_report(
        "Overheid",
        [
            table(
                "Inkoop",
                outcome("Samen inschrijven als combinatie", kind="idea", status="open"),
                outcome("Combinatie vormen met ONZ", kind="plan", status="done", owner="ONZ"),
                outcome("Inschrijven uitleggen", kind="idea", status="done", owner="Pim"),
            ),
            table("Imago", outcome("Combinatie van beelden", kind="idea", status="open")),
        ],
        sector=sectors["overheid"]["nl"],
    )
    make_report(
        "Ondernemers",
        [table("Inkoop", outcome("Combinatie van bedrijven", kind="idea", status="open"))],
        sector=sectors["ondernemers"]["nl"],
    )
    url = "/agenda/opbrengsten/"
    assert len(texts(client.get(url, {"q": "combinatie"}))) == 4
    assert len(texts(client.get(url, {"q": "combinatie", "kind": "idea"}))) == 3
    assert len(texts(client.get(url, {"q": "combinatie", "kind": "idea", "theme": "inkoop"}))) == 2
    response = client.get(url, {"q": "combinatie", "kind": "idea", "theme": "inkoop", "sector": "overheid"})
    assert texts(response) == ["Samen inschrijven als combinatie"]
    response = client.get(url, {"kind": "idea", "status": "done", "sector": "overheid"})
    assert texts(response) == ["Inschrijven uitleggen"]
    # Several words must all match, in any field.
    assert texts(client.get(url, {"q": "ONZ combinatie"})) == ["Combinatie vormen met ONZ"]
    # The counts per theme follow the other filters but not the theme filter itself.
    response = client.get(url, {"theme": "inkoop", "status": "open"})
    counts = {row["theme_slug"]: row["count"] for row in response.context["theme_counts"]}
    assert counts == {"inkoop": 2, "imago": 1}
    assert len(texts(response)) == 2
    assert response.context["paginator"].count == 2
    assert "2 opbrengsten" in response.content.decode()


@pytest.mark.django_db
def test_bad_filter_values_give_a_message_not_an_error(client, overview, make_report):
    make_report("Overheid", [table("Inkoop", outcome("Een idee"), outcome("Een vraag", kind="question"))])
    response = client.get("/agenda/opbrengsten/", {"status": "postponed", "kind": "question", "page": "x"})
    assert response.status_code == 200
    assert texts(response) == ["Een vraag"]  # the valid filter still applies
    html = response.content.decode()
    assert 'role="alert"' in html
    assert "Stand van de opvolging" in html  # the label of the bad field, in Dutch
    response = client.get("/agenda/opbrengsten/", {"q": "x" * 500, "theme": "<script>"})
    assert response.status_code == 200
    assert "<script>" not in response.content.decode().split("<main", 1)[1]


@pytest.mark.django_db
def test_drafts_unpublished_private_and_other_languages_never_show(
    client, overview, make_report, agendas, locales
):
    live = make_report("Live", [table("Inkoop", outcome("Gepubliceerd idee"))])
    make_report("Concept", [table("Inkoop", outcome("Idee uit concept"))], publish=False)
    # A newer draft of a live report stays out until it is published.
    draft = SessionReportPage.objects.get(pk=live.pk)
    draft.body = [table("Inkoop", outcome("Gepubliceerd idee"), outcome("Idee uit nieuwe versie"))]
    revision = draft.save_revision()
    hidden = make_report("Verborgen", [table("Inkoop", outcome("Idee achter wachtwoord"))])
    PageViewRestriction.objects.create(page=hidden, restriction_type="password", password="geheim")
    gone = make_report("Ingetrokken", [table("Inkoop", outcome("Idee van ingetrokken verslag"))])
    gone.unpublish()
    english = live.copy_for_translation(locales["en"], copy_parents=True)
    english.body = [table("Procurement", outcome("English idea"))]
    english.save_revision().publish()

    assert texts(client.get("/agenda/opbrengsten/")) == ["Gepubliceerd idee"]
    assert texts(client.get("/en/agenda/outcomes/")) == ["English idea"]

    revision.publish()
    assert sorted(texts(client.get("/agenda/opbrengsten/"))) == [
        "Gepubliceerd idee",
        "Idee uit nieuwe versie",
    ]
    assert texts(client.get("/en/agenda/outcomes/")) == ["English idea"]


@pytest.mark.django_db
def test_deleting_a_report_removes_its_outcomes(client, overview, make_report):
    report = make_report("Weg", [table("Inkoop", outcome("Verdwijnt"))])
    assert ReportOutcome.objects.count() == 1
    report.delete()
    assert ReportOutcome.objects.count() == 0
    assert texts(client.get("/agenda/opbrengsten/")) == []


def figures(html):
    items = re.findall(
        r"<dt>([^<]+)</dt><dd>([^<]+)</dd>", html.split('class="key-figures__list"')[1].split("</dl>")[0]
    )
    return dict(items)


KEY_FIGURES = {
    "type": "key_figures",
    "value": {
        "figures": [
            {"figure": "typed", "label": "Deelnemers", "value": "110+"},
            {"figure": "sessions", "label": "", "value": ""},
            {"figure": "theme_tables", "label": "", "value": ""},
            {"figure": "outcomes", "label": "Ideeën en plannen", "value": ""},
            {"figure": "outcomes_done", "label": "", "value": ""},
            {"figure": "table_participants", "label": "", "value": ""},
            {"figure": "talks", "label": "", "value": ""},
        ]
    },
}


@pytest.mark.django_db
def test_derived_key_figures_match_the_blocks(client, make_report, make_event):
    wehl, lievelde = make_event("Wehl 2012", "Wehl", 31), make_event("Lievelde 2012", "Lievelde", 30)
    talk = {
        "type": "speaker_talk",
        "value": {"speaker": "Pim Kroes", "summary": "Over inkoop", "key_points": []},
    }
    report = make_report(
        "Overheid",
        [
            KEY_FIGURES,
            talk,
            table("Inkoop", outcome("A"), outcome("B", status="done", owner="Pim"), participants=12),
            table("Imago", outcome("C"), participants=9),
        ],
        events=[wehl, lievelde],
    )
    html = client.get(report.url).content.decode()
    assert figures(html) == {
        "Deelnemers": "110+",
        "Bijeenkomsten": "2",
        "Thematafels": "2",
        "Ideeën en plannen": "3",
        "Opgevolgde opbrengsten": "1",
        "Plaatsen bezet aan de thematafels": "21",
        "Inleidingen": "1",
    }
    assert report.derived_figures == {
        "theme_tables": 2,
        "outcomes": 3,
        "outcomes_done": 1,
        "table_participants": 21,
        "talks": 1,
        "sessions": 2,
    }

    # An editor adds a table and publishes: the figures follow without anyone retyping them.
    page = SessionReportPage.objects.get(pk=report.pk)
    page.body.append(
        (
            "theme_table",
            page.body.stream_block.child_blocks["theme_table"].to_python(
                {"theme": "Marktplaats", "outcomes": [outcome("D", status="in_progress", owner="Mark")]}
            ),
        )
    )
    page.save_revision().publish()
    html = client.get(report.url).content.decode()
    assert figures(html)["Thematafels"] == "3"
    assert figures(html)["Ideeën en plannen"] == "4"


@pytest.mark.django_db
def test_overview_query_count_does_not_grow_with_reports(client, overview, make_report, sectors):
    """The overview costs the same number of queries with 2 reports as with 100 (200 outcomes)."""

    def add_reports(count):
        for number in range(count):
            make_report(
                f"Verslag {number}",
                [
                    table(
                        f"Thema {number % 4}",
                        outcome(f"Idee {number}"),
                        outcome(f"Plan {number}", kind="plan"),
                    )
                ],
                sector=sectors["overheid"]["nl"],
            )

    add_reports(2)
    client.get("/agenda/opbrengsten/?sector=overheid")  # warm the site and translation caches
    with CaptureQueriesContext(connection) as with_two:
        response = client.get("/agenda/opbrengsten/?sector=overheid")
    assert len(response.context["rows"]) == 4
    add_reports(98)
    client.get("/agenda/opbrengsten/?sector=overheid")
    with CaptureQueriesContext(connection) as with_hundred:
        response = client.get("/agenda/opbrengsten/?sector=overheid")
    assert len(response.context["rows"]) == 50  # one full page of the 200
    assert response.context["paginator"].count == 200
    assert "Pagina 1 van 4" in response.content.decode()
    assert len(response.context["reports"]) == 100
    assert len(with_hundred) == len(with_two), [query["sql"] for query in with_hundred.captured_queries]
    assert len(with_two) <= 12


@pytest.mark.django_db
def test_event_page_links_to_its_report_in_its_language(client, make_report, make_event, locales):
    wehl = make_event("Wehl 2012", "Wehl", 31)
    report = make_report("Opbrengst Wehl", [table("Inkoop", outcome("A"))], events=[wehl])
    html = client.get(wehl.url).content.decode()
    assert f'href="{report.url}"' in html
    english_event = wehl.copy_for_translation(locales["en"], copy_parents=True)
    english_event.save_revision().publish()
    english = report.copy_for_translation(locales["en"], copy_parents=True)
    english.title = "Outcomes Wehl"
    english.save_revision().publish()
    html = client.get(english_event.url).content.decode()
    assert 'href="/en/agenda/verslag-1/"' in html
    assert 'href="/agenda/verslag-1/"' not in html
    # The English report lists the English event, although its link was copied from Dutch.
    html = client.get(english.url).content.decode()
    assert f'href="{english_event.url}"' in html


@pytest.mark.django_db
def test_demo_reports_and_overviews_answer_in_every_language(demo_site, client):
    """Every report page and the overview answer 200 in nl, en and de, with the page's language."""
    pages = list(
        Page.objects.live().type(SessionReportPage, OutcomesPage).specific().select_related("locale")
    )
    languages = {(type(page).__name__, page.locale.language_code) for page in pages}
    assert languages == {
        (model, code) for model in ("SessionReportPage", "OutcomesPage") for code in ("nl", "en", "de")
    }
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        html = response.content.decode()
        assert LANG_RE.search(html).group(1) == page.locale.language_code
    html = client.get("/de/termine/ergebnisse/").content.decode()
    assert "Einkaufs- und Vergaberegeln für Selbstständige" in html
    assert "Gemeente Oude IJsselstreek" in html


@pytest.mark.django_db
def test_demo_report_tells_the_2012_story(demo_site, client):
    report = SessionReportPage.objects.get(locale__language_code="nl")
    html = client.get(report.url).content.decode()
    for text in ("Pim Kroes", "Mark van der Horst", "inhuurgelderland.nl", "Oude IJsselstreek", "Collectief"):
        assert text in html, text
    assert figures(html)["Thematafels"] == str(len(report.theme_tables()))
    # Both sessions of 2012 link to the report.
    events = report.covered_events()
    assert {event.venue_town for event in events} == {"Wehl", "Lievelde"}
    for event in events:
        assert f'href="{report.url}"' in client.get(event.url).content.decode()
    # The English report links the English sessions, from its header, talks and tables alike.
    english = SessionReportPage.objects.get(locale__language_code="en")
    html = client.get(english.url).content.decode()
    english_events = list(english.covered_events())
    assert len(english_events) == 2
    for event in english_events:
        assert html.count(f'href="{event.url}"') >= 2
    assert 'href="/agenda/' not in html.split("<main", 1)[1]  # the language switcher may link Dutch


@pytest.mark.django_db
def test_reports_translate_through_wagtail_localize(
    client, overview, make_report, locales, django_capture_on_commit_callbacks
):
    """Texts of the blocks are translatable segments; kinds and statuses stay as they are."""
    report = make_report(
        "Overheid",
        [
            table("Inkoop", outcome("Samen inschrijven", kind="plan", status="done", owner="ONZ")),
            {
                "type": "speaker_talk",
                "value": {"speaker": "Pim Kroes", "summary": "Over inkoop", "key_points": []},
            },
        ],
    )
    source, _created = TranslationSource.get_or_create_from_instance(report)
    segments = list(StringSegment.objects.filter(source=source).select_related("string", "context"))
    strings = {segment.string.data for segment in segments}
    assert {"Inkoop", "Samen inschrijven", "Over inkoop", "Overheid"} <= strings
    assert not {"plan", "done"} & strings
    for segment in segments:
        StringTranslation.objects.create(
            translation_of=segment.string,
            locale=locales["en"],
            context=segment.context,
            data=f"EN {segment.string.data}",
            translation_type="manual",
        )
    with django_capture_on_commit_callbacks(execute=True):  # wagtail-localize publishes on commit
        source.create_or_update_translation(locales["en"], publish=True)

    english = SessionReportPage.objects.get(locale=locales["en"], translation_key=report.translation_key)
    assert english.body[0].id == report.body[0].id  # the same block, translated
    response = client.get("/en/agenda/outcomes/")
    [row] = response.context["rows"]
    assert (row["outcome"].text, row["outcome"].theme) == ("EN Samen inschrijven", "EN Inkoop")
    assert (row["outcome"].kind, row["outcome"].status) == ("plan", "done")
    assert client.get(english.url).status_code == 200
    assert texts(client.get("/agenda/opbrengsten/")) == ["Samen inschrijven"]


def report_form_data(report, event, tables):
    """What the Wagtail page editor posts for a report with ``tables`` [(theme, [outcome, ...])]."""

    def outcomes(items):
        data = {
            str(n): {"value": item, "deleted": "", "order": str(n), "id": ""} for n, item in enumerate(items)
        }
        data["count"] = str(len(items))
        return data

    body = [
        (
            "theme_table",
            {
                "theme": theme,
                "host": "",
                "participants": "",
                "session": "",
                "summary": "",
                "outcomes": outcomes(items),
            },
        )
        for theme, items in tables
    ]
    return nested_form_data(
        {
            "title": report.title,
            "slug": report.slug,
            "report_date": report.report_date.isoformat(),
            "sector": "",
            "intro": "",
            "body": streamfield(body),
            "report_events": inline_formset([{"event": event.pk}]),
            "comments": inline_formset([]),
            "action-publish": "action-publish",
        }
    )


@pytest.mark.django_db
def test_editor_adds_a_theme_table_and_sees_it_in_the_overview_after_publishing(
    client, admin_user, overview, make_report, make_event, agendas
):
    wehl = make_event("Wehl 2012", "Wehl", 31)
    report = make_report("Overheid", [table("Inkoop", outcome("Eerste idee"))], events=[wehl])
    client.force_login(admin_user)
    assert client.get(f"/admin/pages/add/events/sessionreportpage/{agendas['nl'].pk}/").status_code == 200
    assert client.get(f"/admin/pages/{report.pk}/edit/").status_code == 200

    first = {"kind": "idea", "text": "Eerste idee", "proposer": "", "status": "open", "owner": ""}
    new = {
        "kind": "plan",
        "text": "Marktplaats promoten",
        "proposer": "Mark",
        "status": "in_progress",
        "owner": "",
    }
    data = report_form_data(report, wehl, [("Inkoop", [first]), ("Marktplaats", [new])])
    data.pop("action-publish")
    response = client.post(f"/admin/pages/{report.pk}/edit/", data)
    # In progress without an owner is refused, with the reason, and nothing is saved.
    assert response.status_code == 200
    assert "Vul in wie deze opbrengst oppakt." in response.content.decode() or "Say who follows" in (
        response.content.decode()
    )
    assert texts(client.get("/agenda/opbrengsten/")) == ["Eerste idee"]

    new["owner"] = "Gemeente Berkelland"
    data = report_form_data(report, wehl, [("Inkoop", [first]), ("Marktplaats", [new])])
    data.pop("action-publish")
    assert client.post(f"/admin/pages/{report.pk}/edit/", data).status_code == 302  # saved as draft
    # The editor's preview shows the draft, key figures and all, before anything is public.
    preview_url = f"/admin/pages/{report.pk}/edit/preview/"
    assert client.post(preview_url, data).json()["is_valid"]
    preview = client.get(preview_url)
    assert preview.status_code == 200
    assert "Marktplaats promoten" in preview.content.decode()
    assert texts(client.get("/agenda/opbrengsten/")) == ["Eerste idee"]

    data = report_form_data(report, wehl, [("Inkoop", [first]), ("Marktplaats", [new])])
    assert client.post(f"/admin/pages/{report.pk}/edit/", data).status_code == 302
    response = client.get("/agenda/opbrengsten/")
    assert texts(response) == ["Eerste idee", "Marktplaats promoten"]
    assert "Gemeente Berkelland" in response.content.decode()


@pytest.mark.django_db
def test_staff_follow_up_report_lists_and_exports_published_outcomes(
    client, admin_user, overview, make_report
):
    make_report(
        "Overheid",
        [
            table(
                "Inkoop",
                outcome("Samen inschrijven", status="in_progress", owner="ONZ"),
                outcome("Welke regels gelden?", kind="question"),
            )
        ],
    )
    make_report("Concept", [table("Inkoop", outcome("Nog niet gepubliceerd"))], publish=False)
    client.force_login(admin_user)
    response = client.get("/admin/events/outcome-follow-up/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Samen inschrijven" in html and "Welke regels gelden?" in html
    assert "Nog niet gepubliceerd" not in html
    response = client.get("/admin/events/outcome-follow-up/", {"status": "in_progress"})
    html = response.content.decode()
    assert "Samen inschrijven" in html and "Welke regels gelden?" not in html
    response = client.get("/admin/events/outcome-follow-up/", {"export": "csv"})
    assert response.status_code == 200
    csv = b"".join(response.streaming_content).decode() if response.streaming else response.content.decode()
    assert "Samen inschrijven" in csv and "ONZ" in csv
    assert "Nog niet gepubliceerd" not in csv


@pytest.mark.django_db
def test_follow_up_report_is_closed_to_admin_users_without_report_rights(
    client, django_user_model, make_report
):
    make_report("Overheid", [table("Inkoop", outcome("Samen inschrijven"))])
    group = Group.objects.create(name="Netwerk")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user = django_user_model.objects.create_user("netwerk", "netwerk@example.org", "secret-pass-123")
    user.groups.add(group)
    client.force_login(user)
    assert client.get("/admin/events/outcome-follow-up/").status_code in (302, 403)
    assert client.get("/admin/events/outcome-follow-up/", {"export": "csv"}).status_code in (302, 403)
    assert "/admin/events/outcome-follow-up/" not in client.get("/admin/").content.decode()


@pytest.mark.django_db
def test_follow_up_report_opens_for_editors_of_the_agenda(client, django_user_model, make_report, agendas):
    """The control for the test above: the same kind of user with edit rights on the agenda gets in."""
    make_report("Overheid", [table("Inkoop", outcome("Samen inschrijven"))])
    group = Group.objects.create(name="Redactie")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    GroupPagePermission.objects.create(
        group=group, page=agendas["nl"], permission=Permission.objects.get(codename="change_page")
    )
    user = django_user_model.objects.create_user("redactie", "redactie@example.org", "secret-pass-123")
    user.groups.add(group)
    client.force_login(user)
    response = client.get("/admin/events/outcome-follow-up/")
    assert response.status_code == 200
    assert "Samen inschrijven" in response.content.decode()
    assert "/admin/events/outcome-follow-up/" in client.get("/admin/").content.decode()


@pytest.mark.django_db
def test_home_page_shows_the_latest_reports_with_their_outcome_counts(client, overview, make_report):
    make_report(
        "Overheid 2012",
        [table("Inkoop", outcome("A"), outcome("B", status="done", owner="Pim"), outcome("C"))],
    )
    make_report("Concept 2013", [table("Inkoop", outcome("D"))], publish=False)
    html = client.get("/").content.decode()
    section = html.split('id="home-outcomes-title"')[1].split("</section>")[0]
    assert "Overheid 2012" in section
    assert "3 ideeën, plannen en vragen van de thematafels, 1 opgevolgd." in section
    assert "Concept 2013" not in section
    assert 'href="/agenda/opbrengsten/"' in section
    assert 'id="home-outcomes-title"' not in client.get("/en/").content.decode()  # no English report yet


@pytest.mark.django_db
def test_home_page_remembers_its_reports_until_an_outcome_changes(client, overview, make_report):
    report = make_report("Overheid 2012", [table("Inkoop", outcome("A"), outcome("B"))])
    client.get("/")  # the site's settings, made on the first visit, move the content generation on
    client.get("/")
    with CaptureQueriesContext(connection) as queries:
        section = client.get("/").content.decode().split('id="home-outcomes-title"')[1].split("</section>")[0]
    assert "2 ideeën, plannen en vragen van de thematafels, 0 opgevolgd." in section
    assert not any("events_sessionreportpage" in query["sql"] for query in queries.captured_queries)

    followed_up = ReportOutcome.objects.filter(report=report).order_by("pk").first()
    followed_up.status = "done"
    followed_up.save()
    section = client.get("/").content.decode().split('id="home-outcomes-title"')[1].split("</section>")[0]
    assert "2 ideeën, plannen en vragen van de thematafels, 1 opgevolgd." in section


@pytest.mark.django_db
def test_a_report_renders_its_blocks_once_per_change_and_a_preview_its_draft(client, overview, make_report):
    """The blocks of a report are rendered once per content change (their images, documents and
    sessions were most of the page's queries and time); a new revision shows at once, and a preview
    shows the draft, never the remembered live text."""
    image = demo_image("Zwermsessie", seed=3)
    gallery = {
        "type": "gallery",
        "id": str(uuid.uuid4()),
        "value": {"title": "Foto's", "images": [{"image": image.pk, "caption": "Tafel"}], "credit": ""},
    }
    report = make_report(
        "Overheid 2012",
        [table("Inkoop", outcome("Samen inschrijven")), table("Zorg", outcome("Wijkteams")), gallery],
    )
    client.get(report.url)  # the site's settings, made on the first visit, move the content generation on
    client.get(report.url)
    with CaptureQueriesContext(connection) as queries:
        html = client.get(report.url).content.decode()
    assert "Samen inschrijven" in html and 'href="#table-' in html and "Tafel" in html
    asked = " ".join(query["sql"] for query in queries.captured_queries)
    assert "wagtailimages_" not in asked, asked

    report.body[0].value["outcomes"][0]["text"] = "Samen aanbesteden"
    report.save_revision().publish()
    html = client.get(report.url).content.decode()
    assert "Samen aanbesteden" in html and "Samen inschrijven" not in html

    draft = SessionReportPage.objects.get(pk=report.pk)
    draft.body[0].value["outcomes"][0]["text"] = "Nog niet gepubliceerd"
    preview = draft.make_preview_request().content.decode()
    assert "Nog niet gepubliceerd" in preview and "Samen aanbesteden" not in preview
    assert "Samen aanbesteden" in client.get(report.url).content.decode()


@pytest.mark.django_db
def test_rebuild_command_restores_the_overview(client, overview, make_report):
    make_report("Overheid", [table("Inkoop", outcome("Samen inschrijven"), outcome("Uitleg"))])
    ReportOutcome.objects.all().delete()  # as after a loaddata, which skips the save signal
    assert texts(client.get("/agenda/opbrengsten/")) == []
    out = StringIO()
    call_command("rebuild_report_outcomes", stdout=out)
    assert "1 reports, 2 outcomes" in out.getvalue()
    assert texts(client.get("/agenda/opbrengsten/")) == ["Samen inschrijven", "Uitleg"]


@pytest.mark.django_db
def test_block_previews_render_for_the_block_picker(locales):
    """Every report block renders its preview value, the gallery and download with library items."""
    demo_image("Zwermsessie", seed=4)
    for name, block in SessionReportPage.body.field.stream_block.child_blocks.items():
        if name in {"image", "call_to_action"}:
            continue
        html = block.render(block.get_preview_value(), context={"page": None})
        assert html.strip() or name == "document", name  # no document in the library yet
    gallery = SessionReportPage.body.field.stream_block.child_blocks["gallery"]
    assert "fill-480x360" in gallery.render(gallery.get_preview_value())


@pytest.mark.django_db
def test_report_survives_deleted_images_documents_and_sessions(client, make_report, make_event):
    """A report whose photo, download or session was deleted still renders, without the gone parts."""
    image = demo_image("Weg", seed=5)
    document = get_document_model().objects.create(
        title="Origineel verslag 2012", file="documents/verslag.pdf"
    )
    wehl = make_event("Wehl 2012", "Wehl", 31)
    report = make_report(
        "Overheid",
        [
            {
                "type": "gallery",
                "value": {"heading": "", "images": [{"image": image.pk, "caption": "Zonnige ochtend"}]},
            },
            {"type": "document", "value": {"document": document.pk, "title": ""}},
            {"type": "speaker_talk", "value": {"speaker": "Pim", "summary": "Inkoop", "session": wehl.pk}},
            table("Inkoop", outcome("A")),
        ],
        events=[wehl],
    )
    get_image_model().objects.filter(pk=image.pk).delete()
    get_document_model().objects.filter(pk=document.pk).delete()
    Page.objects.get(pk=wehl.pk).delete()
    response = client.get(report.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Pim" in html and "Zonnige ochtend" not in html and "Origineel verslag 2012" not in html
