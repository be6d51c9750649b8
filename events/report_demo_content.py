"""Demo content of the session reports: the "opbrengst" of the 2012 government sessions.

Built from the facts of the 2012 news report (Wehl, 31 May and Lievelde, 1 June 2012). The body is
written once with its three languages side by side and gets the same block ids in every language, so
wagtail-localize sees the translations as translations of the same blocks.
"""

import datetime
import uuid

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from events.models import EventIndexPage, EventPage, OutcomesPage, SessionReportEvent, SessionReportPage
from home.demo import LANGUAGES, demo_image, ensure_locales, site_root, translated_page
from home.models import PartnerQuote, Sector

ID_NAMESPACE = uuid.UUID("6f0b7c1e-2f41-4d7a-9a8e-5e2b8c1d2012")
REPORT_SLUG = "opbrengst-zwermsessies-overheid-2012"
PDF_TITLE = "20120618_2_Opbrengst_zwermsessies_Pr8werk_I-Overheid"


def t(nl, en, de):
    return {"nl": nl, "en": en, "de": de}


def block_id(key):
    return str(uuid.uuid5(ID_NAMESPACE, key))


REPORT = {
    "nl": {
        "title": "Opbrengst zwermsessies 2012: de overheid",
        "slug": REPORT_SLUG,
        "search_description": "Wat de ontbijt- en zwermsessies met inkopers van Achterhoekse gemeenten in "
        "Wehl en Lievelde opleverden, en wat we ermee deden.",
        "intro": "Meer dan 110 zp'ers en inkoopadviseurs van gemeenten kwamen op 31 mei en 1 juni 2012 in "
        "Wehl en Lievelde bij elkaar. Hier leest u wat de thematafels opleverden en wat ermee gebeurde.",
    },
    "en": {
        "title": "Outcomes of the 2012 swarm sessions: government",
        "slug": "outcomes-swarm-sessions-government-2012",
        "search_description": "What the breakfast and swarm sessions with procurement advisors of "
        "Achterhoek municipalities in Wehl and Lievelde produced, and what we did with it.",
        "intro": "More than 110 freelancers and municipal procurement advisors met in Wehl and Lievelde "
        "on 31 May and 1 June 2012. Read what came out of the theme tables and what happened next.",
    },
    "de": {
        "title": "Ergebnisse der Schwarmsitzungen 2012: öffentliche Hand",
        "slug": "ergebnisse-schwarmsitzungen-oeffentliche-hand-2012",
        "search_description": "Was die Frühstücks- und Schwarmsitzungen mit Einkaufsberatern der Gemeinden "
        "im Achterhoek in Wehl und Lievelde ergaben, und was daraus wurde.",
        "intro": "Mehr als 110 Selbstständige und Einkaufsberater von Gemeinden trafen sich am 31. Mai und "
        "1. Juni 2012 in Wehl und Lievelde. Hier lesen Sie, was an den Thementischen herauskam und wie "
        "es weiterging.",
    },
}

OUTCOMES_PAGE = {
    "nl": {
        "title": "Opbrengsten",
        "slug": "opbrengsten",
        "intro": "Alle ideeën, plannen, suggesties en vragen van de thematafels van alle sessies, met wie "
        "ze oppakt en hoe ver dat is. Filter op thema, soort, sector of status, of zoek op een woord.",
    },
    "en": {
        "title": "Outcomes",
        "slug": "outcomes",
        "intro": "Every idea, plan, suggestion and question from the theme tables of every session, with "
        "who follows it up and how far that got. Filter by theme, kind, sector or status, or search.",
    },
    "de": {
        "title": "Ergebnisse",
        "slug": "ergebnisse",
        "intro": "Alle Ideen, Pläne, Vorschläge und Fragen der Thementische aller Sitzungen, mit wem sie "
        "weiterverfolgt werden und wie weit das ist. Filtern Sie nach Thema, Art, Bereich oder Status.",
    },
}

# (key, town of the session or None, theme, host, summary, [(kind, text, proposer, status, owner)])
THEME_TABLES = [
    (
        "procurement",
        "Wehl",
        t(
            "Inkoop- en aanbestedingsregels voor zp'ers",
            "Procurement and tendering rules for freelancers",
            "Einkaufs- und Vergaberegeln für Selbstständige",
        ),
        t(
            "Pim Kroes, gemeente Doetinchem",
            "Pim Kroes, Municipality of Doetinchem",
            "Pim Kroes, Gemeinde Doetinchem",
        ),
        t(
            "Hoe koopt een gemeente in, waarom moet dat transparant, en waar kan een zp'er aanhaken?",
            "How does a municipality buy, why must that be transparent, and where can a freelancer join in?",
            "Wie kauft eine Gemeinde ein, warum muss das transparent sein, und wo können Selbstständige "
            "einsteigen?",
        ),
        [
            (
                "question",
                t(
                    "Hoe weet een zp'er welke opdrachten onder de aanbestedingsgrens blijven en onderhands "
                    "worden gegund?",
                    "How does a freelancer find out which assignments stay below the tendering threshold "
                    "and are awarded directly?",
                    "Wie erfährt eine Selbstständige, welche Aufträge unter der Schwelle bleiben und "
                    "freihändig vergeben werden?",
                ),
                "",
                "open",
                "",
            ),
            (
                "idea",
                t(
                    "Zp'ers schrijven samen als combinatie in, zodat ook grotere opdrachten binnen "
                    "bereik komen.",
                    "Freelancers bid together as a partnership, so larger assignments come within reach too.",
                    "Selbstständige bewerben sich gemeinsam als Verbund, damit auch größere Aufträge "
                    "erreichbar werden.",
                ),
                "",
                "in_progress",
                "ONZ Achterhoek",
            ),
            (
                "suggestion",
                t(
                    "Gemeenten leggen in gewone taal uit hoe ze inkopen en waarom: het is geld van de "
                    "gemeenschap.",
                    "Municipalities explain in plain language how they buy and why: it is the community's "
                    "money.",
                    "Gemeinden erklären in einfacher Sprache, wie sie einkaufen und warum: Es ist Geld der "
                    "Allgemeinheit.",
                ),
                "",
                "done",
                "Pim Kroes",
            ),
        ],
    ),
    (
        "regional",
        "Wehl",
        t(
            "Regionaal inkopen door gemeenten",
            "Regional buying by municipalities",
            "Regionaler Einkauf durch Gemeinden",
        ),
        t("Henk Dijk, ONZ Achterhoek", "Henk Dijk, ONZ Achterhoek", "Henk Dijk, ONZ Achterhoek"),
        t(
            "De overheid wil bij het uitbesteden ook aan de eigen regio denken. Hoe maak je dat concreet?",
            "Government is willing to keep its own region in mind when contracting out. How do you make "
            "that concrete?",
            "Die öffentliche Hand will bei der Vergabe auch an die eigene Region denken. Wie wird das "
            "konkret?",
        ),
        [
            (
                "suggestion",
                t(
                    "Nodig bij een onderhandse opdracht standaard ook minstens één zp'er uit de regio uit.",
                    "When inviting quotes directly, always include at least one freelancer from the region.",
                    "Bei freihändigen Vergaben immer mindestens eine Selbstständige aus der Region einladen.",
                ),
                "",
                "open",
                "",
            ),
            (
                "plan",
                t(
                    "Een overzicht van netwerken van zp'ers per vakgebied, waar inkopers snel in kunnen "
                    "zoeken.",
                    "An overview of freelancer networks by field, which procurement staff can search "
                    "quickly.",
                    "Eine Übersicht der Netzwerke von Selbstständigen nach Fachgebiet, in der Einkäufer "
                    "schnell suchen können.",
                ),
                "",
                "in_progress",
                "Pr8werk",
            ),
            (
                "question",
                t(
                    "Hoeveel ruimte geven de regels om de eigen regio voorrang te geven?",
                    "How much room do the rules leave to give the region priority?",
                    "Wie viel Spielraum lassen die Regeln, der eigenen Region Vorrang zu geben?",
                ),
                "",
                "open",
                "",
            ),
        ],
    ),
    (
        "marketplace",
        "Lievelde",
        t(
            "De marktplaats inhuurgelderland.nl",
            "The inhuurgelderland.nl marketplace",
            "Der Marktplatz inhuurgelderland.nl",
        ),
        t(
            "Mark van der Horst, gemeente Berkelland",
            "Mark van der Horst, Municipality of Berkelland",
            "Mark van der Horst, Gemeinde Berkelland",
        ),
        t(
            "Berkelland zet opdrachten op inhuurgelderland.nl, waar zp'ers zich voor kunnen inschrijven.",
            "Berkelland posts assignments on inhuurgelderland.nl, where freelancers can apply for them.",
            "Berkelland stellt Aufträge auf inhuurgelderland.nl ein, wo Selbstständige sich bewerben können.",
        ),
        [
            (
                "idea",
                t(
                    "Netwerken van zp'ers wijzen hun leden op de marktplaats en helpen bij het "
                    "eerste profiel.",
                    "Freelancer networks point their members to the marketplace and help with a "
                    "first profile.",
                    "Netzwerke von Selbstständigen weisen ihre Mitglieder auf den Marktplatz hin und helfen "
                    "beim ersten Profil.",
                ),
                "",
                "done",
                "ONZ Achterhoek",
            ),
            (
                "suggestion",
                t(
                    "Meer Achterhoekse gemeenten laten hun inhuur via de marktplaats lopen.",
                    "More Achterhoek municipalities run their hiring through the marketplace.",
                    "Mehr Gemeinden im Achterhoek wickeln ihre Beauftragungen über den Marktplatz ab.",
                ),
                "",
                "in_progress",
                "Mark van der Horst",
            ),
            (
                "question",
                t(
                    "Gemeenten huren nu vooral zp'ers in voor de buitendienst, interne cursussen en "
                    "coaching. Welke opdrachten kunnen daar bij komen?",
                    "Municipalities now mostly hire freelancers for field work, internal courses and "
                    "coaching. Which assignments could be added?",
                    "Gemeinden beauftragen Selbstständige bisher vor allem im Außendienst, für interne Kurse "
                    "und Coaching. Welche Aufträge können hinzukommen?",
                ),
                "",
                "open",
                "",
            ),
        ],
    ),
    (
        "image",
        "Lievelde",
        t(
            "Het beeld van de overheid bij zp'ers, en andersom",
            "How freelancers see government, and the other way round",
            "Das Bild der Verwaltung bei Selbstständigen, und umgekehrt",
        ),
        t(
            "Marleen van Boheemen, Kamer van Koophandel",
            "Marleen van Boheemen, Chamber of Commerce",
            "Marleen van Boheemen, Handelskammer",
        ),
        t(
            "Zp'ers zien de overheid als log en gesloten, ambtenaren zien zp'ers als duur en onzeker. "
            "Klopt dat beeld?",
            "Freelancers see government as slow and closed; civil servants see freelancers as expensive "
            "and uncertain. Is that picture right?",
            "Selbstständige sehen die Verwaltung als schwerfällig und verschlossen, Beamte sehen "
            "Selbstständige als teuer und unsicher. Stimmt das Bild?",
        ),
        [
            (
                "idea",
                t(
                    "Een inkoper loopt een dag mee met een zp'er, en een zp'er een dag met een inkoper.",
                    "A procurement advisor spends a day with a freelancer, and a freelancer a day with a "
                    "procurement advisor.",
                    "Ein Einkäufer begleitet eine Selbstständige einen Tag lang, und umgekehrt.",
                ),
                "",
                "open",
                "",
            ),
            (
                "suggestion",
                t(
                    "Deel verhalen van zp'ers die voor een gemeente werkten, met wat het beide "
                    "kanten opleverde.",
                    "Share stories of freelancers who worked for a municipality, with what both "
                    "sides gained.",
                    "Geschichten von Selbstständigen teilen, die für eine Gemeinde gearbeitet haben, und was "
                    "beide Seiten davon hatten.",
                ),
                "",
                "in_progress",
                "Pr8werk",
            ),
        ],
    ),
    (
        "flexible-shell",
        None,
        t(
            "De flexibele schil van organisaties",
            "The flexible shell of organisations",
            "Der flexible Kreis von Fachkräften in Organisationen",
        ),
        t(
            "Margaret van Diermen, gemeente Oude IJsselstreek",
            "Margaret van Diermen, Municipality of Oude IJsselstreek",
            "Margaret van Diermen, Gemeinde Oude IJsselstreek",
        ),
        t(
            "Voor vitale organisaties wordt een flexibele schil van professionals steeds belangrijker.",
            "For vital organisations a flexible shell of professionals matters more and more.",
            "Für lebendige Organisationen wird ein flexibler Kreis von Fachkräften immer wichtiger.",
        ),
        [
            (
                "plan",
                t(
                    "Met zwermsessies een vaste flexibele schil van zp'ers opbouwen waarmee de gemeente "
                    "structureel samenwerkt.",
                    "Use swarm sessions to build a standing flexible shell of freelancers the municipality "
                    "works with structurally.",
                    "Mit Schwarmsitzungen einen festen flexiblen Kreis von Selbstständigen aufbauen, mit dem "
                    "die Gemeinde dauerhaft zusammenarbeitet.",
                ),
                "Margaret van Diermen",
                "done",
                "Gemeente Oude IJsselstreek",
            ),
            (
                "idea",
                t(
                    "Zorg-zp'ers inzetten nu de vraag naar flexibele zorgprofessionals groeit.",
                    "Bring in freelancers in care now that demand for flexible care professionals is "
                    "growing.",
                    "Selbstständige in der Pflege einsetzen, da der Bedarf an flexiblen Pflegefachkräften "
                    "wächst.",
                ),
                "",
                "open",
                "",
            ),
        ],
    ),
]

TALKS = [
    (
        "kroes",
        "Wehl",
        "Pim Kroes",
        t("inkoopadviseur", "procurement advisor", "Einkaufsberater"),
        t("gemeente Doetinchem", "Municipality of Doetinchem", "Gemeinde Doetinchem"),
        t(
            "Pim Kroes vertelde uitgebreid over het inkoop- en aanbestedingsbeleid van gemeenten en de "
            "mogelijkheden voor zp'ers om daarop aan te haken. De gemeente wil bij het uitbesteden ook aan "
            "de eigen regio denken, en werkt transparant omdat het om geld van de gemeenschap gaat.",
            "Pim Kroes explained at length how municipalities buy and tender, and how freelancers can join "
            "in. The municipality is willing to keep its own region in mind, and works transparently "
            "because it spends the community's money.",
            "Pim Kroes erläuterte ausführlich die Einkaufs- und Vergabepolitik der Gemeinden und wie "
            "Selbstständige daran teilhaben können. Die Gemeinde will bei der Vergabe an die eigene Region "
            "denken und arbeitet transparent, weil es um Geld der Allgemeinheit geht.",
        ),
        [
            t(
                "Ook in tijden van bezuinigingen zijn er volop opdrachten.",
                "Even with budget cuts there is plenty of work.",
                "Auch in Zeiten von Sparmaßnahmen gibt es reichlich Aufträge.",
            ),
            t(
                "Transparantie is nodig: het gaat om gemeenschapsgeld.",
                "Transparency is needed: it is public money.",
                "Transparenz ist nötig: Es geht um öffentliches Geld.",
            ),
            t(
                "Gemeenten willen bij aanbesteding ook aan de eigen regio denken.",
                "Municipalities want to keep their own region in mind when tendering.",
                "Gemeinden wollen bei Vergaben auch an die eigene Region denken.",
            ),
        ],
    ),
    (
        "van-der-horst",
        "Lievelde",
        "Mark van der Horst",
        t("inkoopadviseur", "procurement advisor", "Einkaufsberater"),
        t("gemeente Berkelland", "Municipality of Berkelland", "Gemeinde Berkelland"),
        t(
            "Mark van der Horst constateerde dat gemeenten nog weinig zp'ers inhuren, hooguit in de "
            "buitendienst en voor interne cursussen en coaching. Dat is aan het veranderen: Berkelland "
            "plaatst opdrachten op de marktplaats inhuurgelderland.nl, waar zp'ers zich kunnen inschrijven.",
            "Mark van der Horst observed that municipalities still hire few freelancers, at most for field "
            "work, internal courses and coaching. That is changing: Berkelland posts assignments on the "
            "inhuurgelderland.nl marketplace, where freelancers can apply.",
            "Mark van der Horst stellte fest, dass Gemeinden noch wenige Selbstständige beauftragen, "
            "höchstens im Außendienst und für interne Kurse und Coaching. Das ändert sich: Berkelland stellt "
            "Aufträge auf den Marktplatz inhuurgelderland.nl, wo sich Selbstständige bewerben können.",
        ),
        [
            t(
                "Gemeenten huren nog weinig zp'ers in, maar dat verandert.",
                "Municipalities hire few freelancers yet, but that is changing.",
                "Gemeinden beauftragen noch wenige Selbstständige, aber das ändert sich.",
            ),
            t(
                "Schrijf u in op inhuurgelderland.nl om opdrachten te zien.",
                "Register on inhuurgelderland.nl to see assignments.",
                "Registrieren Sie sich auf inhuurgelderland.nl, um Aufträge zu sehen.",
            ),
        ],
    ),
]

INTRO_TEXT = t(
    "<p>In 2012 stond de overheid centraal. Na het ontbijt gaven inkoopadviseurs van gemeenten inzicht "
    "in hun inkoop- en aanbestedingsbeleid. In de zwermsessie daarna schoven de deelnemers aan bij "
    "thematafels en lieten daar concrete ideeën, plannen en suggesties achter. Dat gaf op veel plaatsen "
    "energieke en vruchtbare gesprekken.</p>",
    "<p>In 2012 the theme was government. After breakfast, municipal procurement advisors explained how "
    "they buy and tender. In the swarm session that followed, participants moved between theme tables "
    "and left concrete ideas, plans and suggestions. Many tables had lively and fruitful conversations."
    "</p>",
    "<p>2012 stand die öffentliche Hand im Mittelpunkt. Nach dem Frühstück erklärten Einkaufsberater von "
    "Gemeinden ihre Einkaufs- und Vergabepolitik. In der anschließenden Schwarmsitzung wechselten die "
    "Teilnehmenden zwischen Thementischen und hinterließen konkrete Ideen, Pläne und Vorschläge. Das "
    "führte vielerorts zu lebhaften und fruchtbaren Gesprächen.</p>",
)

FOLLOW_UP_TEXT = t(
    "<p>In 2013 liet de gemeente Oude IJsselstreek zich door Pr8werk inspireren. Ze nam de werkwijze met "
    "zwermsessies over en integreerde die in haar netwerkorganisatie, om te komen tot een flexibele schil "
    "waarin structureel met zp'ers wordt samengewerkt. Zp'ers uit de regio krijgen zo de kans om zich "
    "buiten de bureaus om te presenteren; de gemeente wint aan prijs, flexibiliteit en maatwerk. Op de "
    "conferentie Ambtenaar 2.0 presenteerde Oude IJsselstreek deze aanpak, die landelijk in de "
    "belangstelling staat.</p>",
    "<p>In 2013 the Municipality of Oude IJsselstreek took its cue from Pr8werk. It adopted the swarm "
    "sessions and built them into its network organisation, aiming for a flexible shell that works with "
    "freelancers structurally. Freelancers from the region can present themselves without going through "
    "agencies; the municipality gains on price, flexibility and tailor-made work. Oude IJsselstreek "
    "presented the approach at the Ambtenaar 2.0 conference, where it drew national attention.</p>",
    "<p>2013 ließ sich die Gemeinde Oude IJsselstreek von Pr8werk inspirieren. Sie übernahm die "
    "Schwarmsitzungen in ihre Netzwerkorganisation, um einen flexiblen Kreis von Fachkräften aufzubauen, "
    "mit dem dauerhaft zusammengearbeitet wird. Selbstständige aus der Region können sich so ohne "
    "Vermittlungsbüros vorstellen; die Gemeinde gewinnt bei Preis, Flexibilität und Maßarbeit. Auf der "
    "Konferenz Ambtenaar 2.0 stellte Oude IJsselstreek den Ansatz vor, der landesweit Beachtung findet."
    "</p>",
)

FOLLOW_UP_ACTIONS = [
    (
        t(
            "Bevindingen van de thematafels inventariseren en terugkoppelen aan de deelnemers",
            "Collect the findings of the theme tables and report back to the participants",
            "Ergebnisse der Thementische sammeln und an die Teilnehmenden zurückmelden",
        ),
        "Pr8werk",
        datetime.date(2012, 6, 18),
        "done",
    ),
    (
        t(
            "Werken met zwermsessies opnemen in de netwerkorganisatie van de gemeente",
            "Build swarm sessions into the municipality's network organisation",
            "Schwarmsitzungen in die Netzwerkorganisation der Gemeinde aufnehmen",
        ),
        "Gemeente Oude IJsselstreek",
        datetime.date(2013, 12, 31),
        "done",
    ),
    (
        t(
            "De aanpak presenteren op de conferentie Ambtenaar 2.0",
            "Present the approach at the Ambtenaar 2.0 conference",
            "Den Ansatz auf der Konferenz Ambtenaar 2.0 vorstellen",
        ),
        "Gemeente Oude IJsselstreek",
        None,
        "done",
    ),
    (
        t(
            "Ondernemers als thema van de volgende reeks sessies voorbereiden",
            "Prepare businesses as the theme of the next series of sessions",
            "Unternehmen als Thema der nächsten Sitzungsreihe vorbereiten",
        ),
        "Pr8werk",
        None,
        "in_progress",
    ),
]

HEADINGS = {
    "talks": t("De inleidingen", "The talks", "Die Vorträge"),
    "tables": t("De thematafels", "The theme tables", "Die Thementische"),
    "follow_up": t("Vervolg bij de overheid", "Follow-up in government", "Wie es weiterging"),
    "actions": t("Afspraken", "Agreed actions", "Vereinbarte Schritte"),
    "gallery": t("Foto's", "Photos", "Fotos"),
    "participants": t("Deelnemers", "Participants", "Teilnehmende"),
    "download": t(
        "Het oorspronkelijke verslag (PDF)",
        "The original report (PDF, in Dutch)",
        "Der ursprüngliche Bericht (PDF, auf Niederländisch)",
    ),
}

INLINE_QUOTE = (
    t(
        "Gemeenten huren nog weinig zp'ers in, hooguit in de buitendienst en voor interne cursussen en "
        "coaching. Dat is wel aan het veranderen.",
        "Municipalities still hire few freelancers, at most for field work and for internal courses and "
        "coaching. That is changing, though.",
        "Gemeinden beauftragen noch wenige Selbstständige, höchstens im Außendienst und für interne Kurse "
        "und Coaching. Das ändert sich aber.",
    ),
    t(
        "Mark van der Horst, inkoopadviseur gemeente Berkelland",
        "Mark van der Horst, procurement advisor, Municipality of Berkelland",
        "Mark van der Horst, Einkaufsberater, Gemeinde Berkelland",
    ),
)


def block(key, block_type, value):
    return {"type": block_type, "value": value, "id": block_id(key)}


def items(key, values):
    """A ListBlock value in Wagtail's current raw format, with stable item ids."""
    return [{"type": "item", "value": value, "id": block_id(f"{key}-{n}")} for n, value in enumerate(values)]


def build_body(lang, *, events, quotes, images, document):
    """The report body in ``lang``; ``events`` maps a town to the event page in that language."""
    body = [
        block("intro", "paragraph", INTRO_TEXT[lang]),
        block(
            "figures",
            "key_figures",
            {
                "figures": items(
                    "figures",
                    [
                        {"figure": "typed", "label": HEADINGS["participants"][lang], "value": "110+"},
                        {"figure": "sessions", "label": "", "value": ""},
                        {"figure": "theme_tables", "label": "", "value": ""},
                        {"figure": "outcomes", "label": "", "value": ""},
                        {"figure": "outcomes_done", "label": "", "value": ""},
                    ],
                )
            },
        ),
        block("talks-heading", "heading", {"text": HEADINGS["talks"][lang], "level": "h2"}),
    ]
    for key, town, speaker, role, organisation, summary, points in TALKS:
        event = events.get(town)
        body.append(
            block(
                f"talk-{key}",
                "speaker_talk",
                {
                    "speaker": speaker,
                    "role": role[lang],
                    "organisation": organisation[lang],
                    "session": event.pk if event else None,
                    "summary": summary[lang],
                    "key_points": items(f"talk-{key}-points", [point[lang] for point in points]),
                },
            )
        )
    quote = quotes.get("Pim Kroes")
    if quote:
        body.append(block("quote-kroes", "quote", {"partner_quote": quote.pk, "text": "", "attribution": ""}))
    body.append(
        block(
            "quote-van-der-horst",
            "quote",
            {"partner_quote": None, "text": INLINE_QUOTE[0][lang], "attribution": INLINE_QUOTE[1][lang]},
        )
    )
    body.append(block("tables-heading", "heading", {"text": HEADINGS["tables"][lang], "level": "h2"}))
    for key, town, theme, host, summary, outcomes in THEME_TABLES:
        event = events.get(town) if town else None
        body.append(
            block(
                f"table-{key}",
                "theme_table",
                {
                    "theme": theme[lang],
                    "host": host[lang],
                    "participants": None,
                    "session": event.pk if event else None,
                    "summary": summary[lang],
                    "outcomes": items(
                        f"table-{key}-outcomes",
                        [
                            {
                                "kind": kind,
                                "text": text[lang],
                                "proposer": proposer,
                                "status": status,
                                "owner": owner,
                            }
                            for kind, text, proposer, status, owner in outcomes
                        ],
                    ),
                },
            )
        )
    for person in ("Marleen van Boheemen", "Henk Dijk"):
        quote = quotes.get(person)
        if quote:
            body.append(
                block(f"quote-{person}", "quote", {"partner_quote": quote.pk, "text": "", "attribution": ""})
            )
    body.append(block("follow-up-heading", "heading", {"text": HEADINGS["follow_up"][lang], "level": "h2"}))
    body.append(block("follow-up-text", "paragraph", FOLLOW_UP_TEXT[lang]))
    body.append(
        block(
            "actions",
            "follow_up",
            {
                "heading": HEADINGS["actions"][lang],
                "actions": items(
                    "actions",
                    [
                        {
                            "action": action[lang],
                            "owner": owner,
                            "due_date": due.isoformat() if due else None,
                            "status": status,
                        }
                        for action, owner, due, status in FOLLOW_UP_ACTIONS
                    ],
                ),
            },
        )
    )
    if images:
        body.append(
            block(
                "gallery",
                "gallery",
                {
                    "title": HEADINGS["gallery"][lang],
                    "images": items(
                        "gallery",
                        [{"image": image.pk, "caption": caption[lang]} for image, caption in images],
                    ),
                },
            )
        )
    if document:
        body.append(
            block("download", "document", {"document": document.pk, "title": HEADINGS["download"][lang]})
        )
    return body


GALLERY = [
    (
        "Ontbijtsessie Wehl 2012",
        (20, 83, 45),
        1,
        t(
            "Ontbijt in Wehl, 31 mei 2012",
            "Breakfast in Wehl, 31 May 2012",
            "Frühstück in Wehl, 31. Mai 2012",
        ),
        "Deelnemers aan tafel tijdens het ontbijt in Wehl",
    ),
    (
        "Zwermsessie Lievelde 2012",
        (154, 52, 18),
        2,
        t(
            "Zwermsessie in Lievelde, 1 juni 2012",
            "Swarm session in Lievelde, 1 June 2012",
            "Schwarmsitzung in Lievelde, 1. Juni 2012",
        ),
        "Deelnemers in gesprek aan een thematafel in Lievelde",
    ),
    (
        "Thematafel inkoop 2012",
        (30, 64, 120),
        3,
        t(
            "Thematafel over inkoop en aanbesteding",
            "Theme table on procurement and tendering",
            "Thementisch zu Einkauf und Vergabe",
        ),
        "Een inkoopadviseur licht de aanbestedingsregels toe",
    ),
]


def demo_pdf(lines):
    """A small, valid one-page PDF with ``lines`` of text (no dependency for a demo download)."""
    text = "BT /F1 12 Tf 60 780 Td 16 TL " + " ".join(
        "({}) '".format(line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")) for line in lines
    )
    stream = text + " ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> "
        "/Contents 5 0 R >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        f"<< /Length {len(stream.encode('latin-1'))} >>\nstream\n{stream}\nendstream",
    ]
    out = "%PDF-1.4\n"
    offsets = []
    for number, obj in enumerate(objects, start=1):
        offsets.append(len(out.encode("latin-1")))
        out += f"{number} 0 obj\n{obj}\nendobj\n"
    xref = len(out.encode("latin-1"))
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n"
    out += "".join(f"{offset:010d} 00000 n \n" for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
    return out.encode("latin-1")


def report_document():
    Document = get_document_model()
    document = Document.objects.filter(title=PDF_TITLE).first()
    if document is None:
        lines = [
            "Opbrengst zwermsessies Pr8werk I - Overheid",
            "Wehl, 31 mei 2012 en Lievelde, 1 juni 2012",
            "",
        ]
        for _key, _town, theme, _host, _summary, outcomes in THEME_TABLES:
            lines.append(theme["nl"])
            lines.extend(f"  - {text['nl']}"[:95] for _kind, text, *_rest in outcomes)
        data = demo_pdf(lines)
        # The size is shown next to the download link; the admin form sets it, plain code must.
        document = Document(title=PDF_TITLE, file_size=len(data))
        document.file.save(f"{PDF_TITLE}.pdf", ContentFile(data), save=False)
        document.save()
    return document


def find_2012_events():
    """The Wehl and Lievelde sessions of 2012 in every language, keyed by language, then town."""
    events = {code: {} for code in LANGUAGES}
    for event in EventPage.objects.filter(start__year=2012).select_related("locale"):
        for town in ("Wehl", "Lievelde"):
            if town.lower() in f"{event.venue_town} {event.title}".lower():
                events.setdefault(event.locale.language_code, {})[town] = event
    return events


def link_events(pages, events):
    """Make sure each report links to the sessions it covers, in its own language where possible."""
    for code, page in pages.items():
        wanted = [events.get(code, {}).get(town) or events["nl"].get(town) for town in ("Wehl", "Lievelde")]
        wanted = [event for event in wanted if event is not None]
        page = page.specific
        linked = {link.event.translation_key for link in page.report_events.select_related("event")}
        missing = [event for event in wanted if event.translation_key not in linked]
        if not missing:
            continue
        for event in missing:
            page.report_events.add(SessionReportEvent(event=event))
        page.save_revision().publish()


def load(command):
    home = site_root()
    agenda = EventIndexPage.objects.child_of(home).first()
    if agenda is None:
        command.stdout.write("No agenda yet: session reports skipped.")
        return None
    events = find_2012_events()
    sectors = {sector.locale.language_code: sector for sector in Sector.objects.filter(slug="overheid")}
    locales = ensure_locales()
    quotes_nl = {quote.person_name: quote for quote in PartnerQuote.objects.filter(locale=locales["nl"])}
    images = []
    for title, colour, seed, caption, alt in GALLERY:
        images.append((demo_image(title, colour=colour, seed=seed, alt=alt), caption))
    document = report_document()

    content = {}
    for code in LANGUAGES:
        quotes = {
            name: quote.get_translation_or_none(locales[code]) or quote for name, quote in quotes_nl.items()
        }
        content[code] = {
            **REPORT[code],
            "report_date": datetime.date(2012, 6, 18),
            "sector": sectors.get(code) or sectors.get("nl"),
            "body": build_body(
                code,
                events=events.get(code) or events.get("nl", {}),
                quotes=quotes,
                images=images,
                document=document,
            ),
        }
    pages = translated_page(agenda, SessionReportPage, content)
    link_events(pages, events)
    translated_page(
        agenda, OutcomesPage, {code: {**OUTCOMES_PAGE[code], "show_in_menus": False} for code in LANGUAGES}
    )
    return pages
