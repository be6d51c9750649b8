"""Demo content of the events app: the agenda, the two 2012 breakfast sessions on government
procurement, and upcoming sessions dated relative to the day the demo is loaded (one nearly full).

Facts of 2012 from the news report of the first sessions; the texts are our own words.
"""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone

from events.models import EventIndexPage, EventPage, Registration
from home.demo import site_root, translated_page
from home.models import Sector

AMSTERDAM = ZoneInfo("Europe/Amsterdam")

AGENDA = {
    "nl": {
        "title": "Agenda",
        "slug": "agenda",
        "show_in_menus": True,
        "intro": "Twee keer per jaar een ontbijtsessie met een inleiding van een opdrachtgever, gevolgd "
        "door een zwermsessie aan thematafels. Meld je aan; deelname is gratis.",
        "search_description": "Ontbijt- en zwermsessies van Pr8werk voor zp'ers en opdrachtgevers.",
    },
    "en": {
        "title": "Agenda",
        "slug": "agenda",
        "intro": "Twice a year a breakfast session with a talk by a client, followed by a swarm session "
        "at theme tables. Sign up; taking part is free.",
        "search_description": "Pr8werk breakfast and swarm sessions for freelancers and clients.",
    },
    "de": {
        "title": "Termine",
        "slug": "termine",
        "intro": "Zweimal im Jahr eine Frühstückssitzung mit einem Vortrag aus Sicht der Auftraggeber, "
        "danach eine Schwarmsitzung an Thementischen. Melden Sie sich an; die Teilnahme ist kostenlos.",
        "search_description": "Frühstücks- und Schwarmsitzungen von Pr8werk für Selbstständige und "
        "Auftraggeber.",
    },
}


def at(day, hour, minute=0):
    return datetime.combine(day, time(hour, minute), tzinfo=AMSTERDAM)


def item(clock, title, description="", speaker="", role="", organisation=""):
    return {
        "type": "item",
        "value": {
            "time": clock,
            "title": title,
            "speaker": speaker,
            "role": role,
            "organisation": organisation,
            "description": description,
        },
    }


def breakfast_programme(language, speaker, organisation_by_language):
    organisation = organisation_by_language[language]
    texts = {
        "nl": (
            ("Inloop met ontbijt", ""),
            ("Opening", "Henk Dijk, voorzitter van ONZ Achterhoek, over waarom zp'ers samen sterker staan."),
            (
                "Inkopen bij de gemeente",
                "Hoe een gemeente inkoopt en aanbesteedt, en waar zp'ers kunnen aanhaken.",
            ),
            (
                "Zwermsessie aan thematafels",
                "Deelnemers wisselen van tafel en laten ideeën en plannen achter.",
            ),
            ("Afsluiting", ""),
        ),
        "en": (
            ("Walk-in breakfast", ""),
            ("Opening", "Henk Dijk, chair of ONZ Achterhoek, on why freelancers are stronger together."),
            (
                "Buying for a municipality",
                "How a municipality buys and tenders, and where freelancers can join in.",
            ),
            ("Swarm session at theme tables", "Participants move between tables and leave ideas and plans."),
            ("Closing", ""),
        ),
        "de": (
            ("Ankommen mit Frühstück", ""),
            (
                "Eröffnung",
                "Henk Dijk, Vorsitzender von ONZ Achterhoek, darüber, warum Selbstständige gemeinsam stärker "
                "sind.",
            ),
            (
                "Einkauf bei der Gemeinde",
                "Wie eine Gemeinde einkauft und ausschreibt und wo Selbstständige ansetzen können.",
            ),
            (
                "Schwarmsitzung an Thementischen",
                "Die Teilnehmenden wechseln die Tische und hinterlassen Ideen und Pläne.",
            ),
            ("Abschluss", ""),
        ),
    }[language]
    role = {"nl": "inkoopadviseur", "en": "procurement advisor", "de": "Einkaufsberater"}[language]
    return [
        item("07:30", *texts[0]),
        item("08:00", *texts[1]),
        item("08:15", *texts[2], speaker=speaker, role=role, organisation=organisation),
        item("09:00", *texts[3]),
        item("10:00", *texts[4]),
    ]


def past_sessions(sectors):
    wehl, lievelde = datetime(2012, 5, 31).date(), datetime(2012, 6, 1).date()
    doetinchem = {
        "nl": "gemeente Doetinchem",
        "en": "Municipality of Doetinchem",
        "de": "Gemeinde Doetinchem",
    }
    berkelland = {
        "nl": "gemeente Berkelland",
        "en": "Municipality of Berkelland",
        "de": "Gemeinde Berkelland",
    }
    common = {"session_type": "both", "capacity": 60}
    return [
        {
            "nl": {
                **common,
                "title": "Ontbijtsessie overheid in Wehl",
                "slug": "ontbijtsessie-overheid-wehl-2012",
                "start": at(wehl, 7, 30),
                "end": at(wehl, 10, 0),
                "venue_name": "Ontmoetingscentrum Wehl",
                "venue_address": "",
                "venue_town": "Wehl",
                "sector": sectors["nl"],
                "intro": "De eerste Pr8werk-bijeenkomst, met de overheid als thema. Pim Kroes, "
                "inkoopadviseur van de gemeente Doetinchem, vertelt over het inkoop- en aanbestedingsbeleid "
                "van gemeenten en de kansen voor zp'ers: ook in tijden van bezuinigingen zijn "
                "er volop opdrachten.",
                "programme": breakfast_programme("nl", "Pim Kroes", doetinchem),
            },
            "en": {
                "title": "Government breakfast session in Wehl",
                "slug": "government-breakfast-session-wehl-2012",
                "sector": sectors["en"],
                "intro": "The first Pr8werk meeting, with government as its theme. Pim Kroes, procurement "
                "advisor of the municipality of Doetinchem, explains how municipalities buy and tender, and "
                "the openings for freelancers: even in times of cutbacks there is plenty of work.",
                "programme": breakfast_programme("en", "Pim Kroes", doetinchem),
            },
            "de": {
                "title": "Frühstückssitzung öffentliche Hand in Wehl",
                "slug": "fruehstueckssitzung-oeffentliche-hand-wehl-2012",
                "sector": sectors["de"],
                "intro": "Das erste Pr8werk-Treffen mit der öffentlichen Hand als Thema. Pim Kroes, "
                "Einkaufsberater der Gemeinde Doetinchem, erklärt die Einkaufs- und Vergabepolitik der "
                "Gemeinden und die Chancen für Selbstständige: Auch in Zeiten von Sparmaßnahmen gibt es "
                "reichlich Aufträge.",
                "programme": breakfast_programme("de", "Pim Kroes", doetinchem),
            },
        },
        {
            "nl": {
                **common,
                "title": "Ontbijtsessie overheid in Lievelde",
                "slug": "ontbijtsessie-overheid-lievelde-2012",
                "start": at(lievelde, 7, 30),
                "end": at(lievelde, 10, 0),
                "venue_name": "Ontmoetingscentrum Lievelde",
                "venue_address": "",
                "venue_town": "Lievelde",
                "sector": sectors["nl"],
                "intro": "De tweede ontbijtsessie over de overheid. Mark van der Horst, "
                "inkoopadviseur van de gemeente Berkelland, over hoe gemeenten zp'ers inhuren, en over de "
                "marktplaats inhuurgelderland.nl waar opdrachten voor zp'ers verschijnen.",
                "programme": breakfast_programme("nl", "Mark van der Horst", berkelland),
            },
            "en": {
                "title": "Government breakfast session in Lievelde",
                "slug": "government-breakfast-session-lievelde-2012",
                "sector": sectors["en"],
                "intro": "The second breakfast session on government. Mark van der Horst, procurement "
                "advisor of the municipality of Berkelland, on how municipalities hire freelancers, and on "
                "the marketplace inhuurgelderland.nl where assignments for freelancers are posted.",
                "programme": breakfast_programme("en", "Mark van der Horst", berkelland),
            },
            "de": {
                "title": "Frühstückssitzung öffentliche Hand in Lievelde",
                "slug": "fruehstueckssitzung-oeffentliche-hand-lievelde-2012",
                "sector": sectors["de"],
                "intro": "Die zweite Frühstückssitzung zur öffentlichen Hand. Mark van der Horst, "
                "Einkaufsberater der Gemeinde Berkelland, darüber, wie Gemeinden Selbstständige beauftragen, "
                "und über den Marktplatz inhuurgelderland.nl, auf dem Aufträge für Selbstständige "
                "erscheinen.",
                "programme": breakfast_programme("de", "Mark van der Horst", berkelland),
            },
        },
    ]


def upcoming_programme(language):
    texts = {
        "nl": (
            ("Inloop met ontbijt", ""),
            (
                "Inleiding door een opdrachtgever",
                "Wat zoeken opdrachtgevers bij zp'ers, en hoe vinden ze hen?",
            ),
            ("Zwermsessie aan thematafels", "Concrete ideeën, plannen en suggesties aan vijf thematafels."),
        ),
        "en": (
            ("Walk-in breakfast", ""),
            ("A talk by a client", "What do clients look for in freelancers, and how do they find them?"),
            ("Swarm session at theme tables", "Concrete ideas, plans and suggestions at five theme tables."),
        ),
        "de": (
            ("Ankommen mit Frühstück", ""),
            (
                "Vortrag aus Sicht der Auftraggeber",
                "Was suchen Auftraggeber bei Selbstständigen, und wie finden sie sie?",
            ),
            (
                "Schwarmsitzung an Thementischen",
                "Konkrete Ideen, Pläne und Vorschläge an fünf Thementischen.",
            ),
        ),
    }[language]
    return [item("07:30", *texts[0]), item("08:00", *texts[1]), item("08:45", *texts[2])]


def upcoming_sessions(sectors_business, sectors_organisations):
    today = timezone.localdate()
    first, second = today + timedelta(days=21), today + timedelta(days=49)
    return [
        {
            "nl": {
                "title": "Ontbijtsessie ondernemers in Winterswijk",
                "slug": "ontbijtsessie-ondernemers-winterswijk",
                "session_type": "both",
                "start": at(first, 7, 30),
                "end": at(first, 10, 30),
                "venue_name": "Bibliotheek Winterswijk",
                "venue_address": "Misterstraat 4",
                "venue_town": "Winterswijk",
                "capacity": 40,
                "sector": sectors_business["nl"],
                "intro": "Dit jaar staan de ondernemers centraal. Achterhoekse bedrijven vertellen waar ze "
                "flexibele kennis zoeken; daarna zwermen we aan thematafels. Bijna vol: meld je snel aan.",
                "programme": upcoming_programme("nl"),
            },
            "en": {
                "title": "Business breakfast session in Winterswijk",
                "slug": "business-breakfast-session-winterswijk",
                "sector": sectors_business["en"],
                "intro": "This year businesses are the theme. Companies from the Achterhoek tell where they "
                "look for flexible expertise; then we swarm at theme tables. Nearly full: sign up soon.",
                "programme": upcoming_programme("en"),
            },
            "de": {
                "title": "Frühstückssitzung Unternehmen in Winterswijk",
                "slug": "fruehstueckssitzung-unternehmen-winterswijk",
                "sector": sectors_business["de"],
                "intro": "In diesem Jahr stehen die Unternehmen im Mittelpunkt. Betriebe aus dem Achterhoek "
                "erzählen, wo sie flexibles Wissen suchen; danach schwärmen wir an Thementischen. Fast "
                "ausgebucht: melden Sie sich bald an.",
                "programme": upcoming_programme("de"),
            },
        },
        {
            "nl": {
                "title": "Zwermsessie organisaties in Groenlo",
                "slug": "zwermsessie-organisaties-groenlo",
                "session_type": "swarm",
                "start": at(second, 15, 0),
                "end": at(second, 17, 30),
                "venue_name": "Cultureel centrum Groenlo",
                "venue_address": "Mattelierstraat 1",
                "venue_town": "Groenlo",
                "capacity": 80,
                "sector": sectors_organisations["nl"],
                "intro": "Zorg, welzijn en onderwijs bouwen een flexibele schil van professionals. Aan "
                "thematafels zoeken zp'ers en organisaties samen naar concrete opdrachten.",
                "programme": upcoming_programme("nl")[1:],
            },
            "en": {
                "title": "Non-profit swarm session in Groenlo",
                "slug": "non-profit-swarm-session-groenlo",
                "sector": sectors_organisations["en"],
                "intro": "Care, welfare and education are building a flexible shell of professionals. At "
                "theme tables freelancers and organisations look for concrete assignments together.",
                "programme": upcoming_programme("en")[1:],
            },
            "de": {
                "title": "Schwarmsitzung Organisationen in Groenlo",
                "slug": "schwarmsitzung-organisationen-groenlo",
                "sector": sectors_organisations["de"],
                "intro": "Pflege, Sozialwesen und Bildung bauen einen flexiblen Kreis von Fachkräften "
                "auf. An Thementischen suchen Selbstständige und Organisationen gemeinsam nach "
                "konkreten Aufträgen.",
                "programme": upcoming_programme("de")[1:],
            },
        },
    ]


DEMO_NAMES = [
    "Anne Jansen", "Bram de Vries", "Carla Wolters", "Dirk Hendriks", "Eva Kuipers", "Frank Lammers",
    "Gerda Bosman", "Hans Wiggers", "Inge Rouwhorst", "Joost Tenbült",
]  # fmt: skip


def _sector(slug):
    dutch = Sector.objects.filter(slug=slug, locale__language_code="nl").first()
    return {
        code: Sector.objects.filter(slug=slug, locale__language_code=code).first() or dutch
        for code in ("nl", "en", "de")
    }


def _fill_seats(event, count):
    """Demo sign-ups (example.org addresses, no mail) so one session is nearly full."""
    if Registration.objects.filter(event=event).exists():
        return
    roles = [choice for choice, _label in Registration.Role.choices]
    Registration.objects.bulk_create(
        Registration(
            event=event,
            name=f"{DEMO_NAMES[index % len(DEMO_NAMES)]} ({index + 1})",
            email=f"deelnemer{index + 1}@example.org",
            role=roles[index % len(roles)],
            consent_text="[demo] Toestemming voor de demo-inhoud.",
            language="nl",
            status=Registration.Status.CONFIRMED,
        )
        for index in range(count)
    )


def load(command):
    home = site_root()
    agenda = translated_page(home, EventIndexPage, AGENDA)["nl"]
    overheid = _sector("overheid")
    for content in past_sessions(overheid):
        translated_page(agenda, EventPage, content)
    pages = [
        translated_page(agenda, EventPage, content)
        for content in upcoming_sessions(_sector("ondernemers"), _sector("organisaties"))
    ]
    _fill_seats(pages[0]["nl"], 38)
    _fill_seats(pages[1]["nl"], 12)
