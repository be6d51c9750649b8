"""Demo content of the news app: the news index and the news of 2012-2014 in nl, en and de.

The first items retell, in our own words, the 2012 report of the first Pr8werk sessions in Wehl and
Lievelde and its 2013 follow-up in Oude IJsselstreek; the others fill in the story around them.
"""

import datetime

from django.core.files.base import ContentFile
from django.test.utils import override_settings
from wagtail.documents import get_document_model

from home.demo import demo_image, ensure_locales, hold, site_root, translated_page, translated_snippet
from home.models import Sector
from news.models import NewsIndexPage, NewsPage, NewsPageTopic, Topic

GREEN = (20, 83, 45)
RUST = (154, 52, 18)
SLATE = (31, 41, 51)


def p(*paragraphs):
    return "".join(f"<p>{text}</p>" for text in paragraphs)


def paragraph(*paragraphs):
    return {"type": "paragraph", "value": p(*paragraphs)}


def heading(text):
    return {"type": "heading", "value": {"text": text, "level": "h2"}}


def quote(text, attribution):
    return {"type": "quote", "value": {"text": text, "attribution": attribution}}


INDEX = {
    "nl": {
        "title": "Nieuws",
        "slug": "nieuws",
        "show_in_menus": True,
        "intro": "Nieuws van Pr8werk: de bijeenkomsten, wat zp'ers en opdrachtgevers er samen van maken en "
        "hoe het verdergaat.",
        "search_description": "Nieuws over Pr8werk, de ontbijt- en zwermsessies voor zp'ers en "
        "opdrachtgevers in de Achterhoek.",
    },
    "en": {
        "title": "News",
        "slug": "news",
        "show_in_menus": True,
        "intro": "News from Pr8werk: the meetings, what freelancers and clients make of them together, and "
        "what happens next.",
        "search_description": "News about Pr8werk, the breakfast and swarm sessions for freelancers and "
        "clients in the Achterhoek.",
    },
    "de": {
        "title": "Neuigkeiten",
        "slug": "neuigkeiten",
        "show_in_menus": True,
        "intro": "Neuigkeiten von Pr8werk: die Treffen, was Selbstständige und Auftraggeber gemeinsam daraus "
        "machen und wie es weitergeht.",
        "search_description": "Neuigkeiten über Pr8werk, die Frühstücks- und Schwarmsitzungen für "
        "Selbstständige und Auftraggeber im Achterhoek.",
    },
}

# Topics: (Dutch name and slug, then the English and German translations). Each language has its
# own slug, so ?tag=zwermsessie, /en/news/?tag=swarm-session and /de/neuigkeiten/?tag=schwarmsitzung
# filter on the same topic.
TOPICS = {
    "breakfast": {
        "nl": ("ontbijtsessie", "ontbijtsessie"),
        "en": ("breakfast session", "breakfast-session"),
        "de": ("Frühstückssitzung", "fruehstueckssitzung"),
    },
    "swarm": {
        "nl": ("zwermsessie", "zwermsessie"),
        "en": ("swarm session", "swarm-session"),
        "de": ("Schwarmsitzung", "schwarmsitzung"),
    },
    "procurement": {
        "nl": ("inkoop", "inkoop"),
        "en": ("procurement", "procurement"),
        "de": ("Einkauf", "einkauf"),
    },
    "tendering": {
        "nl": ("aanbesteding", "aanbesteding"),
        "en": ("tendering", "tendering"),
        "de": ("Ausschreibung", "ausschreibung"),
    },
    "flexible": {
        "nl": ("flexibele schil", "flexibele-schil"),
        "en": ("flexible shell", "flexible-shell"),
        "de": ("flexible Schale", "flexible-schale"),
    },
    "outcomes": {
        "nl": ("opbrengst", "opbrengst"),
        "en": ("outcomes", "outcomes"),
        "de": ("Ergebnisse", "ergebnisse"),
    },
    "image": {"nl": ("imago", "imago"), "en": ("reputation", "reputation"), "de": ("Image", "image")},
    "care": {"nl": ("zorg", "zorg"), "en": ("care", "care"), "de": ("Pflege", "pflege")},
    "policy": {"nl": ("beleid", "beleid"), "en": ("policy", "policy"), "de": ("Politik", "politik")},
    "networks": {
        "nl": ("netwerken", "netwerken"),
        "en": ("networks", "networks"),
        "de": ("Netzwerke", "netzwerke"),
    },
    "pr8werk": {"nl": ("Pr8werk", "pr8werk"), "en": ("Pr8werk", "pr8werk"), "de": ("Pr8werk", "pr8werk")},
}


def demo_topics():
    """The demo topics in nl, en and de: ``topics[key][code]``."""
    topics = {}
    for key, names in TOPICS.items():
        dutch_name, dutch_slug = names["nl"]
        content = {"nl": {"name": dutch_name}}
        content.update(
            {code: {"name": name, "slug": slug} for code, (name, slug) in names.items() if code != "nl"}
        )
        topics[key] = translated_snippet(Topic, {"slug": dutch_slug}, content)
    return topics


IMAGES = {
    "wehl": ("Ontbijtsessie in Wehl", GREEN, 11, "Deelnemers aan het ontbijt van de eerste sessie in Wehl"),
    "lievelde": ("Ontbijtsessie in Lievelde", RUST, 12, "Deelnemers aan tafel tijdens de sessie in Lievelde"),
    "tables": ("Thematafels van de zwermsessie", SLATE, 13, "Deelnemers schuiven aan bij een thematafel"),
    "townhall": ("Gemeentehuis in de Achterhoek", GREEN, 14, "Illustratie van een gemeentehuis"),
    "network": ("Netwerk van zp'ers", RUST, 15, "Illustratie van verbonden zelfstandigen"),
    "conference": (
        "Conferentie Ambtenaar 2.0",
        SLATE,
        16,
        "Illustratie van een zaal tijdens een conferentie",
    ),
}

OUTCOMES_DOCUMENT = "Opbrengst zwermsessies Pr8werk I – Overheid (2012)"
OUTCOMES_LINES = [
    "Pr8werk - Opbrengst zwermsessies I: Overheid",
    "Wehl, 31 mei 2012 en Lievelde, 1 juni 2012 - ruim 110 deelnemers",
    "",
    "Thematafel inkoop en aanbesteding",
    "- Zet kleinere opdrachten zichtbaar op een regionale marktplaats.",
    "- Leg uit hoe een offerte wordt beoordeeld; transparantie helpt zp'ers.",
    "Thematafel samenwerken",
    "- Zp'ers kunnen samen inschrijven als collectief.",
    "- Gemeenten en zp'ers leren elkaar kennen buiten de bureaus om.",
    "Thematafel imago",
    "- Het beeld dat zp'ers en overheid van elkaar hebben, vraagt om ontmoeting.",
    "",
    "Vervolg: de bevindingen worden teruggekoppeld, met het oog op concrete resultaten.",
]


def minimal_pdf(lines):
    """A one-page PDF with plain text lines (Helvetica), so the demo needs no PDF library."""

    def escape(text):
        return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    text = "BT /F1 12 Tf 56 780 Td 16 TL " + " ".join(f"({escape(line)}) '" for line in lines) + " ET"
    stream = text.encode("cp1252")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    output = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(output))
        output += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(output)
    output += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        output += f"{offset:010d} 00000 n \n".encode()
    output += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(output)


def outcomes_document():
    Document = get_document_model()
    document = Document.objects.filter(title=OUTCOMES_DOCUMENT).first()
    if document is None:
        document = Document(title=OUTCOMES_DOCUMENT)
        document.file.save(
            "opbrengst-zwermsessies-pr8werk-i-overheid.pdf",
            ContentFile(minimal_pdf(OUTCOMES_LINES)),
            save=False,
        )
        document.save()
    return document


def gallery(images, credit, titles):
    return {
        "type": "gallery",
        "value": {
            "title": titles,
            "images": [{"image": image.pk, "caption": caption} for image, caption in images],
            "credit": credit,
        },
    }


def news_items(images, document):
    """The demo news, oldest first. Each item: key facts and its content per language."""
    return [
        {
            "date": datetime.date(2012, 3, 14),
            "sectors": ["ondernemers", "overheid", "organisaties"],
            "topics": ["pr8werk", "networks"],
            "image": "network",
            "nl": {
                "title": "Pr8werk gaat van start",
                "slug": "pr8werk-gaat-van-start",
                "intro": "Regionale netwerken van zelfstandigen slaan de handen ineen: Pr8werk wil meer werk "
                "voor zp'ers in de Achterhoek.",
                "author": "Redactie Pr8werk",
                "body": [
                    paragraph(
                        "Binnen het project Agenda 2020 hebben de zp-organisaties van de Achterhoek een "
                        "gezamenlijk initiatief opgezet: Pr8werk. ONZ Achterhoek is penvoerder. Het doel is "
                        "eenvoudig: meer werk voor zelfstandige professionals in de regio.",
                        "Twee keer per jaar organiseren we een bijeenkomst waar opdrachtgevers uit de drie O's "
                        "(ondernemers, overheid en maatschappelijke organisaties) en zp'ers elkaar ontmoeten. "
                        "We beginnen met de overheid.",
                    )
                ],
            },
            "en": {
                "title": "Pr8werk gets going",
                "slug": "pr8werk-gets-going",
                "intro": "Regional networks of independent professionals join forces: Pr8werk wants more "
                "work for freelancers in the Achterhoek.",
                "author": "Pr8werk editorial team",
                "body": [
                    paragraph(
                        "Within the Agenda 2020 project, the freelancer organisations of the Achterhoek have "
                        "set up a joint initiative: Pr8werk, led by ONZ Achterhoek. The aim is simple: more "
                        "work for independent professionals in the region.",
                        "Twice a year we organise a meeting where clients from the three O's (business, "
                        "government and non-profit organisations) meet freelancers. We start with government.",
                    )
                ],
            },
            "de": {
                "title": "Pr8werk startet",
                "slug": "pr8werk-startet",
                "intro": "Regionale Netzwerke von Selbstständigen tun sich zusammen: Pr8werk will mehr "
                "Arbeit für Selbstständige im Achterhoek.",
                "author": "Redaktion Pr8werk",
                "body": [
                    paragraph(
                        "Im Rahmen des Projekts Agenda 2020 haben die Organisationen der Selbstständigen im "
                        "Achterhoek eine gemeinsame Initiative gegründet: Pr8werk, federführend ist ONZ "
                        "Achterhoek. Das Ziel ist einfach: mehr Arbeit für selbstständige Fachkräfte in der "
                        "Region.",
                        "Zweimal im Jahr organisieren wir ein Treffen, bei dem Auftraggeber aus den drei O "
                        "(Unternehmen, öffentliche Hand und gemeinnützige Organisationen) Selbstständigen "
                        "begegnen. Wir beginnen mit der öffentlichen Hand.",
                    )
                ],
            },
        },
        {
            "date": datetime.date(2012, 4, 25),
            "sectors": ["overheid"],
            "topics": ["breakfast", "procurement"],
            "image": "townhall",
            "nl": {
                "title": "Aanmelden voor de ontbijtsessies in Wehl en Lievelde",
                "slug": "aanmelden-ontbijtsessies-wehl-en-lievelde",
                "intro": "Op 31 mei in Wehl en 1 juni in Lievelde ontmoeten zp'ers de inkopers van "
                "Achterhoekse gemeenten. Aanmelden kan nu.",
                "author": "Redactie Pr8werk",
                "body": [
                    paragraph(
                        "De eerste twee bijeenkomsten van Pr8werk staan in het teken van de overheid. "
                        "Inkoopadviseurs van gemeenten vertellen hoe zij inkopen en aanbesteden en waar kansen "
                        "liggen voor zelfstandigen. Na het ontbijt volgt een zwermsessie aan thematafels.",
                        "De sessies beginnen vroeg, zodat je daarna gewoon aan het werk kunt.",
                    )
                ],
            },
            "en": {
                "title": "Sign up for the breakfast sessions in Wehl and Lievelde",
                "slug": "sign-up-breakfast-sessions-wehl-and-lievelde",
                "intro": "On 31 May in Wehl and 1 June in Lievelde, freelancers meet the procurement officers "
                "of Achterhoek municipalities. Sign-up is open.",
                "author": "Pr8werk editorial team",
                "body": [
                    paragraph(
                        "The first two Pr8werk meetings are about government. Procurement advisors of "
                        "municipalities explain how they buy and tender, and where the opportunities for "
                        "independent professionals are. Breakfast is followed by a swarm session at theme "
                        "tables.",
                        "The sessions start early, so you can go to work afterwards.",
                    )
                ],
            },
            "de": {
                "title": "Anmeldung zu den Frühstückssitzungen in Wehl und Lievelde",
                "slug": "anmeldung-fruehstueckssitzungen-wehl-und-lievelde",
                "intro": "Am 31. Mai in Wehl und am 1. Juni in Lievelde treffen Selbstständige die Einkäufer "
                "der Gemeinden im Achterhoek. Die Anmeldung ist geöffnet.",
                "author": "Redaktion Pr8werk",
                "body": [
                    paragraph(
                        "Die ersten beiden Treffen von Pr8werk stehen im Zeichen der öffentlichen Hand. "
                        "Einkaufsberater der Gemeinden erklären, wie sie einkaufen und ausschreiben und wo "
                        "Chancen für Selbstständige liegen. Nach dem Frühstück folgt eine Schwarmsitzung an "
                        "Thementischen.",
                        "Die Sitzungen beginnen früh, damit Sie danach ganz normal arbeiten können.",
                    )
                ],
            },
        },
        {
            "date": datetime.date(2012, 5, 16),
            "sectors": [],
            "topics": ["swarm"],
            "image": "tables",
            "nl": {
                "title": "Wat is een zwermsessie?",
                "slug": "wat-is-een-zwermsessie",
                "intro": "Geen lange presentaties, maar korte gesprekken aan thematafels: zo werkt het "
                "tweede deel van iedere Pr8werk-bijeenkomst.",
                "author": "Redactie Pr8werk",
                "body": [
                    paragraph(
                        "Bij een zwermsessie zwermen de deelnemers uit over een aantal thematafels. Aan elke "
                        "tafel ligt een vraag, bijvoorbeeld: hoe vindt een gemeente de juiste zp'er? Iedereen "
                        "laat er ideeën, plannen en suggesties achter en schuift na een ronde door.",
                        "Zo vult ieder thema zich met de kennis van veel mensen. Een tafelhouder vat aan het "
                        "eind samen wat er is gezegd; dat is de opbrengst die we daarna opvolgen.",
                    )
                ],
            },
            "en": {
                "title": "What is a swarm session?",
                "slug": "what-is-a-swarm-session",
                "intro": "No long presentations, but short conversations at theme tables: that is how the "
                "second part of every Pr8werk meeting works.",
                "author": "Pr8werk editorial team",
                "body": [
                    paragraph(
                        "In a swarm session the participants swarm out over a number of theme tables. Each "
                        "table has a question, for example: how does a municipality find the right freelancer? "
                        "Everybody leaves ideas, plans and suggestions and moves on after a round.",
                        "That way every theme fills up with the knowledge of many people. At the end a table "
                        "host sums up what was said: those are the outcomes we follow up.",
                    )
                ],
            },
            "de": {
                "title": "Was ist eine Schwarmsitzung?",
                "slug": "was-ist-eine-schwarmsitzung",
                "intro": "Keine langen Vorträge, sondern kurze Gespräche an Thementischen: So funktioniert "
                "der zweite Teil jedes Pr8werk-Treffens.",
                "author": "Redaktion Pr8werk",
                "body": [
                    paragraph(
                        "Bei einer Schwarmsitzung verteilen sich die Teilnehmenden auf mehrere Thementische. "
                        "An jedem Tisch liegt eine Frage, zum Beispiel: Wie findet eine Gemeinde die passende "
                        "Selbstständige? Alle hinterlassen Ideen, Pläne und Vorschläge und wechseln nach "
                        "einer Runde den Tisch.",
                        "So füllt sich jedes Thema mit dem Wissen vieler Menschen. Am Ende fasst ein "
                        "Tischgastgeber zusammen, was gesagt wurde: Das sind die Ergebnisse, die wir "
                        "weiterverfolgen.",
                    )
                ],
            },
        },
        {
            "date": datetime.date(2012, 6, 1),
            "sectors": ["overheid"],
            "topics": ["breakfast", "swarm", "procurement"],
            "image": "wehl",
            "caption": {
                "nl": "Het ontbijt in Wehl, 31 mei 2012",
                "en": "Breakfast in Wehl, 31 May 2012",
                "de": "Frühstück in Wehl, 31. Mai 2012",
            },
            "credit": "Pr8werk",
            "nl": {
                "title": "Vliegende start voor de ontbijtsessies",
                "slug": "vliegende-start-voor-ontbijtsessies",
                "intro": "Ruim 110 zp'ers en opdrachtgevers kwamen op 31 mei en 1 juni naar de eerste twee "
                "ontbijtsessies van Pr8werk in Wehl en Lievelde.",
                "author": "Redactie Pr8werk",
                "body": [
                    paragraph(
                        "De eerste twee bijeenkomsten stonden in het teken van de overheid. Inkoopadviseurs "
                        "van Achterhoekse gemeenten legden uit hoe hun gemeente inkoopt en aanbesteedt, en "
                        "waar zelfstandige professionals kunnen aanhaken. Na het ontbijt volgde een "
                        "zwermsessie: aan thematafels lieten de deelnemers concrete ideeën, plannen en "
                        "suggesties achter. Aan veel tafels ontstonden levendige, vruchtbare gesprekken."
                    ),
                    heading("Energiek en verhelderend"),
                    paragraph(
                        "In Wehl vertelde Pim Kroes, inkoopadviseur van de gemeente Doetinchem, uitgebreid "
                        "over het inkoop- en aanbestedingsbeleid van gemeenten. Een gemeente werkt met geld "
                        "van de gemeenschap en moet dus transparant zijn, legde hij uit. Tegelijk wil de "
                        "overheid bij aanbestedingen ook aan de eigen regio denken."
                    ),
                    quote(
                        "Ook in tijden van bezuinigingen zijn nog volop opdrachten te vervullen.",
                        "Pim Kroes, inkoopadviseur gemeente Doetinchem",
                    ),
                    paragraph(
                        "In Lievelde nam Mark van der Horst, inkoopadviseur van de gemeente Berkelland, dat "
                        "deel voor zijn rekening. Gemeenten huren nog weinig zp'ers in, merkte hij op, "
                        "&#8220;hooguit in de buitendienst en voor interne cursussen en coaching&#8221;. Maar "
                        "dat verandert. Berkelland plaatst opdrachten op de marktplaats inhuurgelderland.nl, "
                        "waar zp'ers zich kunnen inschrijven."
                    ),
                    heading("Samen sterker"),
                    paragraph(
                        "Henk Dijk, voorzitter van ONZ Achterhoek en namens de regionale zp-organisaties "
                        "trekker van het Agenda 2020-project, opende beide ochtenden. Hij hoopt dat zulke "
                        "bijeenkomsten werelden verbinden die nu nog langs elkaar heen werken."
                    ),
                    quote(
                        "Collectief staan we sterker om aandacht te vragen voor de groep zelfstandigen.",
                        "Henk Dijk, voorzitter ONZ Achterhoek",
                    ),
                    paragraph(
                        "Marleen van Boheemen van de Kamer van Koophandel verwacht dat het project het "
                        "traditionele beeld doorbreekt dat zp'ers en overheid van elkaar hebben, al is daar "
                        "nog werk te doen. Programmamanager Margaret van Diermen van de gemeente Oude "
                        "IJsselstreek wees erop dat een flexibele schil voor vitale organisaties steeds "
                        "belangrijker wordt.",
                        "Wat aan de thematafels is opgehaald, zetten we op een rij en koppelen we terug aan de "
                        "deelnemers, met het oog op concrete resultaten.",
                    ),
                    gallery(
                        [
                            (images["wehl"], "Ontbijt in Wehl"),
                            (images["lievelde"], "Ontbijt in Lievelde"),
                            (images["tables"], "Aan de thematafels"),
                        ],
                        "Pr8werk",
                        "Foto's van de ochtenden",
                    ),
                ],
            },
            "en": {
                "title": "A flying start for the breakfast sessions",
                "slug": "flying-start-for-the-breakfast-sessions",
                "intro": "More than 110 freelancers and clients came to the first two Pr8werk breakfast "
                "sessions in Wehl and Lievelde on 31 May and 1 June.",
                "author": "Pr8werk editorial team",
                "body": [
                    paragraph(
                        "The first two meetings were about government. Procurement advisors of Achterhoek "
                        "municipalities explained how their municipality buys and tenders, and where "
                        "independent professionals can join in. Breakfast was followed by a swarm session: at "
                        "theme tables participants left concrete ideas, plans and suggestions. Many tables saw "
                        "lively and fruitful conversations."
                    ),
                    heading("Energetic and enlightening"),
                    paragraph(
                        "In Wehl, Pim Kroes, procurement advisor of the municipality of Doetinchem, talked at "
                        "length about the purchasing and tendering policy of municipalities. A municipality "
                        "spends public money and therefore has to be transparent, he explained. At the same "
                        "time, government is willing to keep its own region in mind when it tenders."
                    ),
                    quote(
                        "Even in times of cutbacks there is still plenty of work to be done.",
                        "Pim Kroes, procurement advisor, municipality of Doetinchem",
                    ),
                    paragraph(
                        "In Lievelde, Mark van der Horst, procurement advisor of the municipality of "
                        "Berkelland, took on that part. Municipalities still hire few freelancers, he noted, "
                        "&#8220;at most for field work and for internal courses and coaching&#8221;. But that "
                        "is changing. Berkelland posts assignments on the marketplace inhuurgelderland.nl, "
                        "where freelancers can apply."
                    ),
                    heading("Stronger together"),
                    paragraph(
                        "Henk Dijk, chair of ONZ Achterhoek and, on behalf of the regional freelancer "
                        "organisations, driving force of the Agenda 2020 project, opened both mornings. He "
                        "hopes that meetings like these connect worlds that still work side by side."
                    ),
                    quote(
                        "Together we stand stronger in asking attention for independent professionals.",
                        "Henk Dijk, chair of ONZ Achterhoek",
                    ),
                    paragraph(
                        "Marleen van Boheemen of the Chamber of Commerce expects the project to break the "
                        "traditional image that freelancers and government have of each other, though there is "
                        "still work to do. Programme manager Margaret van Diermen of the municipality of Oude "
                        "IJsselstreek stressed that a flexible shell is becoming ever more important for vital "
                        "organisations.",
                        "What was collected at the theme tables will be put together and shared with the "
                        "participants, aiming for concrete results.",
                    ),
                    gallery(
                        [
                            (images["wehl"], "Breakfast in Wehl"),
                            (images["lievelde"], "Breakfast in Lievelde"),
                            (images["tables"], "At the theme tables"),
                        ],
                        "Pr8werk",
                        "Photos of the mornings",
                    ),
                ],
            },
            "de": {
                "title": "Fliegender Start für die Frühstückssitzungen",
                "slug": "fliegender-start-fuer-die-fruehstueckssitzungen",
                "intro": "Mehr als 110 Selbstständige und Auftraggeber kamen am 31. Mai und 1. Juni zu den "
                "ersten beiden Frühstückssitzungen von Pr8werk in Wehl und Lievelde.",
                "author": "Redaktion Pr8werk",
                "body": [
                    paragraph(
                        "Die ersten beiden Treffen standen im Zeichen der öffentlichen Hand. Einkaufsberater "
                        "der Gemeinden im Achterhoek erklärten, wie ihre Gemeinde einkauft und ausschreibt und "
                        "wo selbstständige Fachkräfte einsteigen können. Nach dem Frühstück folgte eine "
                        "Schwarmsitzung: An Thementischen hinterließen die Teilnehmenden konkrete Ideen, Pläne "
                        "und Vorschläge. An vielen Tischen entstanden lebhafte, fruchtbare Gespräche."
                    ),
                    heading("Energiegeladen und aufschlussreich"),
                    paragraph(
                        "In Wehl sprach Pim Kroes, Einkaufsberater der Gemeinde Doetinchem, ausführlich über "
                        "die Einkaufs- und Vergabepolitik der Gemeinden. Eine Gemeinde arbeitet mit Geld der "
                        "Allgemeinheit und muss deshalb transparent sein, erklärte er. Zugleich will die "
                        "öffentliche Hand bei Vergaben auch an die eigene Region denken."
                    ),
                    quote(
                        "Auch in Zeiten von Sparmaßnahmen gibt es noch reichlich Aufträge zu erledigen.",
                        "Pim Kroes, Einkaufsberater der Gemeinde Doetinchem",
                    ),
                    paragraph(
                        "In Lievelde übernahm Mark van der Horst, Einkaufsberater der Gemeinde Berkelland, "
                        "diesen Teil. Gemeinden beauftragen noch wenige Selbstständige, stellte er fest, "
                        "&#8222;höchstens im Außendienst und für interne Kurse und Coaching&#8220;. Doch das "
                        "ändert sich. Berkelland veröffentlicht Aufträge auf dem Marktplatz "
                        "inhuurgelderland.nl, wo sich Selbstständige bewerben können."
                    ),
                    heading("Gemeinsam stärker"),
                    paragraph(
                        "Henk Dijk, Vorsitzender von ONZ Achterhoek und im Namen der regionalen "
                        "Selbstständigen-Organisationen Motor des Projekts Agenda 2020, eröffnete beide "
                        "Vormittage. Er hofft, dass solche Treffen Welten verbinden, die noch nebeneinander "
                        "her arbeiten."
                    ),
                    quote(
                        "Gemeinsam sind wir stärker, wenn wir Aufmerksamkeit für die Selbstständigen "
                        "einfordern.",
                        "Henk Dijk, Vorsitzender von ONZ Achterhoek",
                    ),
                    paragraph(
                        "Marleen van Boheemen von der Handelskammer erwartet, dass das Projekt das "
                        "traditionelle Bild aufbricht, das Selbstständige und Behörden voneinander haben, auch "
                        "wenn dafür noch Arbeit nötig ist. Programmleiterin Margaret van Diermen von der "
                        "Gemeinde Oude IJsselstreek betonte, dass ein flexibler Kreis von Fachkräften für "
                        "vitale Organisationen immer wichtiger wird.",
                        "Was an den Thementischen gesammelt wurde, fassen wir zusammen und melden es den "
                        "Teilnehmenden zurück, mit dem Ziel konkreter Ergebnisse.",
                    ),
                    gallery(
                        [
                            (images["wehl"], "Frühstück in Wehl"),
                            (images["lievelde"], "Frühstück in Lievelde"),
                            (images["tables"], "An den Thementischen"),
                        ],
                        "Pr8werk",
                        "Fotos der Vormittage",
                    ),
                ],
            },
        },
        {
            "date": datetime.date(2012, 6, 18),
            "sectors": ["overheid"],
            "topics": ["swarm", "outcomes"],
            "image": "tables",
            "nl": {
                "title": "De opbrengst van de zwermsessies op een rij",
                "slug": "opbrengst-zwermsessies-op-een-rij",
                "intro": "Wat leverden de thematafels in Wehl en Lievelde op? Het verslag met alle ideeën en "
                "suggesties is klaar.",
                "author": "Redactie Pr8werk",
                "body": [
                    paragraph(
                        "Aan de thematafels is veel gezegd over inkoop, samenwerken en het beeld dat zp'ers "
                        "en overheid van elkaar hebben. We hebben alles gebundeld in één verslag. Het is het "
                        "vertrekpunt voor de vervolgafspraken met de gemeenten."
                    ),
                    {
                        "type": "download",
                        "value": {
                            "document": document.pk,
                            "title": "Opbrengst zwermsessies Pr8werk I: Overheid",
                            "description": "Alle ideeën, plannen en suggesties van de thematafels in Wehl en "
                            "Lievelde.",
                        },
                    },
                ],
            },
            "en": {
                "title": "The outcomes of the swarm sessions",
                "slug": "outcomes-of-the-swarm-sessions",
                "intro": "What did the theme tables in Wehl and Lievelde bring? The report with all the "
                "ideas and suggestions is ready.",
                "author": "Pr8werk editorial team",
                "body": [
                    paragraph(
                        "A lot was said at the theme tables about procurement, working together and the image "
                        "freelancers and government have of each other. We have bundled it all in one report "
                        "(in Dutch). It is the starting point for the follow-up with the municipalities."
                    ),
                    {
                        "type": "download",
                        "value": {
                            "document": document.pk,
                            "title": "Outcomes of the Pr8werk swarm sessions I: government (Dutch)",
                            "description": "All ideas, plans and suggestions from the theme tables in Wehl "
                            "and Lievelde.",
                        },
                    },
                ],
            },
            "de": {
                "title": "Die Ergebnisse der Schwarmsitzungen",
                "slug": "ergebnisse-der-schwarmsitzungen",
                "intro": "Was haben die Thementische in Wehl und Lievelde ergeben? Der Bericht mit allen "
                "Ideen und Vorschlägen ist fertig.",
                "author": "Redaktion Pr8werk",
                "body": [
                    paragraph(
                        "An den Thementischen wurde viel über Einkauf, Zusammenarbeit und das Bild gesagt, "
                        "das Selbstständige und Behörden voneinander haben. Wir haben alles in einem Bericht "
                        "(auf Niederländisch) gebündelt. Er ist der Ausgangspunkt für die weiteren "
                        "Gespräche mit den Gemeinden."
                    ),
                    {
                        "type": "download",
                        "value": {
                            "document": document.pk,
                            "title": "Ergebnisse der Pr8werk-Schwarmsitzungen I: öffentliche Hand "
                            "(niederländisch)",
                            "description": "Alle Ideen, Pläne und Vorschläge der Thementische in Wehl und "
                            "Lievelde.",
                        },
                    },
                ],
            },
        },
        {
            "date": datetime.date(2012, 7, 4),
            "sectors": ["overheid"],
            "topics": ["procurement", "tendering"],
            "image": "townhall",
            "nl": {
                "title": "Zo vind je opdrachten bij gemeenten",
                "slug": "zo-vind-je-opdrachten-bij-gemeenten",
                "intro": "Marktplaatsen, transparante procedures en regionale voorkeur: wat de inkoopadviseurs "
                "zp'ers aanraden.",
                "author": "Redactie Pr8werk",
                "body": [
                    paragraph(
                        "Gemeenten moeten zorgvuldig en open inkopen, want ze besteden gemeenschapsgeld. Voor "
                        "zp'ers betekent dat: weet waar opdrachten worden gepubliceerd en hoe een aanbieding "
                        "wordt beoordeeld. Een aantal Achterhoekse gemeenten, waaronder Berkelland, gebruikt "
                        "de marktplaats inhuurgelderland.nl.",
                        "Tip van de inkoopadviseurs: schrijf je daar in en laat je als zp'er ook bij de "
                        "afdelingen zelf zien. Kleinere opdrachten worden vaak onderhands gegund.",
                    )
                ],
            },
            "en": {
                "title": "How to find assignments at municipalities",
                "slug": "how-to-find-assignments-at-municipalities",
                "intro": "Marketplaces, transparent procedures and a preference for the region: what the "
                "procurement advisors recommend to freelancers.",
                "author": "Pr8werk editorial team",
                "body": [
                    paragraph(
                        "Municipalities have to buy carefully and openly, because they spend public money. For "
                        "freelancers that means: know where assignments are published and how an offer is "
                        "assessed. Several Achterhoek municipalities, Berkelland among them, use the "
                        "marketplace inhuurgelderland.nl.",
                        "The procurement advisors' tip: register there, and also introduce yourself to the "
                        "departments themselves. Smaller assignments are often awarded without a tender.",
                    )
                ],
            },
            "de": {
                "title": "So finden Sie Aufträge bei Gemeinden",
                "slug": "so-finden-sie-auftraege-bei-gemeinden",
                "intro": "Marktplätze, transparente Verfahren und regionale Vorlieben: was die "
                "Einkaufsberater Selbstständigen empfehlen.",
                "author": "Redaktion Pr8werk",
                "body": [
                    paragraph(
                        "Gemeinden müssen sorgfältig und offen einkaufen, denn sie geben Geld der "
                        "Allgemeinheit aus. Für Selbstständige heißt das: Wissen, wo Aufträge veröffentlicht "
                        "werden und wie ein Angebot bewertet wird. Mehrere Gemeinden im Achterhoek, darunter "
                        "Berkelland, nutzen den Marktplatz inhuurgelderland.nl.",
                        "Der Tipp der Einkaufsberater: Registrieren Sie sich dort und stellen Sie sich auch "
                        "bei den Fachabteilungen selbst vor. Kleinere Aufträge werden oft freihändig vergeben.",
                    )
                ],
            },
        },
        {
            "date": datetime.date(2012, 9, 5),
            "sectors": ["overheid"],
            "topics": ["image"],
            "image": "townhall",
            "nl": {
                "title": "Zp'ers en overheid: werk aan het imago",
                "slug": "zpers-en-overheid-werk-aan-het-imago",
                "intro": "Zp'ers en ambtenaren hebben vaak een vast beeld van elkaar. Volgens de Kamer van "
                "Koophandel kan Pr8werk dat doorbreken.",
                "author": "Redactie Pr8werk",
                "body": [
                    paragraph(
                        "Op de ontbijtsessies in juni sprak Marleen van Boheemen van de Kamer van Koophandel "
                        "over het imago van overheid en zp'ers. Zelfstandigen zien de gemeente soms als log en "
                        "ontoegankelijk; gemeenten zien zelfstandigen soms als risico."
                    ),
                    quote(
                        "Ik verwacht dat het traditionele beeld dat bij zp-ers leeft over overheid en vice "
                        "versa kan worden doorbroken met dit project. Wel moeten we daar nog een slag in slaan.",
                        "Marleen van Boheemen, Kamer van Koophandel",
                    ),
                ],
            },
            "en": {
                "title": "Freelancers and government: working on the image",
                "slug": "freelancers-and-government-working-on-the-image",
                "intro": "Freelancers and civil servants often have a fixed picture of each other. According to "
                "the Chamber of Commerce, Pr8werk can change that.",
                "author": "Pr8werk editorial team",
                "body": [
                    paragraph(
                        "At the breakfast sessions in June, Marleen van Boheemen of the Chamber of Commerce "
                        "spoke about the image of government and freelancers. Freelancers sometimes see the "
                        "municipality as slow and hard to reach; municipalities sometimes see freelancers as "
                        "a risk."
                    ),
                    quote(
                        "I expect this project can break the traditional image freelancers have of government, "
                        "and the other way round. But we still have some way to go.",
                        "Marleen van Boheemen, Chamber of Commerce",
                    ),
                ],
            },
            "de": {
                "title": "Selbstständige und Behörden: Arbeit am Image",
                "slug": "selbststaendige-und-behoerden-arbeit-am-image",
                "intro": "Selbstständige und Beamte haben oft ein festes Bild voneinander. Laut der "
                "Handelskammer kann Pr8werk das ändern.",
                "author": "Redaktion Pr8werk",
                "body": [
                    paragraph(
                        "Bei den Frühstückssitzungen im Juni sprach Marleen van Boheemen von der "
                        "Handelskammer über das Image von Behörden und Selbstständigen. Selbstständige "
                        "empfinden die Gemeinde manchmal als schwerfällig und unzugänglich; Gemeinden sehen "
                        "Selbstständige manchmal als Risiko."
                    ),
                    quote(
                        "Ich erwarte, dass dieses Projekt das traditionelle Bild aufbricht, das Selbstständige "
                        "von Behörden haben, und umgekehrt. Aber da liegt noch ein Stück Arbeit vor uns.",
                        "Marleen van Boheemen, Handelskammer",
                    ),
                ],
            },
        },
        {
            "date": datetime.date(2012, 10, 10),
            "sectors": ["organisaties"],
            "topics": ["care", "flexible"],
            "image": "network",
            "nl": {
                "title": "Veel kansen voor zorg-zp'ers",
                "slug": "veel-kansen-voor-zorg-zpers",
                "intro": "De zorg in de Achterhoek heeft steeds meer flexibele professionals nodig. Een "
                "oproep aan zelfstandigen in zorg en welzijn.",
                "author": "Redactie Pr8werk",
                "body": [
                    paragraph(
                        "Zorginstellingen en gemeenten krijgen er taken bij en zoeken professionals die "
                        "flexibel inzetbaar zijn. Dat biedt kansen voor zelfstandigen in zorg en welzijn. De "
                        "boodschap van de wethouder aan hen was helder."
                    ),
                    quote(
                        "Zorg-zp'ers in de Achterhoek, er zijn veel kansen voor jullie, want er komt veel meer "
                        "behoefte aan flexibele zorgprofessionals.",
                        "Wethouder tijdens de Pr8werk-bijeenkomst",
                    ),
                ],
            },
            "en": {
                "title": "Plenty of opportunities for freelancers in care",
                "slug": "plenty-of-opportunities-for-freelancers-in-care",
                "intro": "Care in the Achterhoek needs more and more flexible professionals. A call to "
                "independent professionals in care and welfare.",
                "author": "Pr8werk editorial team",
                "body": [
                    paragraph(
                        "Care organisations and municipalities are taking on new tasks and look for "
                        "professionals they can deploy flexibly. That opens doors for freelancers in care and "
                        "welfare. The alderman's message to them was clear."
                    ),
                    quote(
                        "Freelancers in care in the Achterhoek, there are many opportunities for you, because "
                        "the need for flexible care professionals is growing fast.",
                        "Alderman at the Pr8werk meeting",
                    ),
                ],
            },
            "de": {
                "title": "Viele Chancen für Selbstständige in der Pflege",
                "slug": "viele-chancen-fuer-selbststaendige-in-der-pflege",
                "intro": "Die Pflege im Achterhoek braucht immer mehr flexible Fachkräfte. Ein Aufruf an "
                "Selbstständige in Pflege und Sozialwesen.",
                "author": "Redaktion Pr8werk",
                "body": [
                    paragraph(
                        "Pflegeeinrichtungen und Gemeinden übernehmen neue Aufgaben und suchen Fachkräfte, die "
                        "sie flexibel einsetzen können. Das eröffnet Chancen für Selbstständige in Pflege und "
                        "Sozialwesen. Die Botschaft des Beigeordneten an sie war klar."
                    ),
                    quote(
                        "Selbstständige in der Pflege im Achterhoek, es gibt viele Chancen für euch, denn der "
                        "Bedarf an flexiblen Pflegefachkräften wächst stark.",
                        "Beigeordneter beim Pr8werk-Treffen",
                    ),
                ],
            },
        },
        {
            "date": datetime.date(2012, 11, 14),
            "sectors": ["ondernemers"],
            "topics": ["policy"],
            "image": "network",
            "nl": {
                "title": "Zp'ers nog geen onderdeel van beleid",
                "slug": "zpers-nog-geen-onderdeel-van-beleid",
                "intro": "VNO-NCW Midden ziet de groep zelfstandigen groeien. Volgens voorzitter JP Kiefmann "
                "komt die binnenkort vanzelf op de agenda.",
                "author": "Redactie Pr8werk",
                "body": [
                    paragraph(
                        "JP Kiefmann, voorzitter van VNO-NCW Midden, gaf aan dat zp'ers nog geen vaste plaats "
                        "hebben in het beleid van werkgevers en overheden. Gezien de aantallen verwacht hij "
                        "dat dit niet lang meer zo blijft.",
                        "Pr8werk wil die stap versnellen door ondernemers en zelfstandigen met elkaar in "
                        "gesprek te brengen.",
                    )
                ],
            },
            "en": {
                "title": "Freelancers not yet part of policy",
                "slug": "freelancers-not-yet-part-of-policy",
                "intro": "Employers' organisation VNO-NCW Midden sees the number of freelancers grow. Its chair "
                "JP Kiefmann expects them on the agenda soon.",
                "author": "Pr8werk editorial team",
                "body": [
                    paragraph(
                        "JP Kiefmann, chair of VNO-NCW Midden, said that freelancers do not yet have a fixed "
                        "place in the policy of employers and government. Given their numbers, he expects that "
                        "to change before long.",
                        "Pr8werk wants to speed up that step by bringing businesses and freelancers together.",
                    )
                ],
            },
            "de": {
                "title": "Selbstständige noch kein Teil der Politik",
                "slug": "selbststaendige-noch-kein-teil-der-politik",
                "intro": "Der Arbeitgeberverband VNO-NCW Midden sieht die Zahl der Selbstständigen wachsen. "
                "Vorsitzender JP Kiefmann erwartet, dass sie bald auf die Agenda kommen.",
                "author": "Redaktion Pr8werk",
                "body": [
                    paragraph(
                        "JP Kiefmann, Vorsitzender von VNO-NCW Midden, sagte, dass Selbstständige in der "
                        "Politik von Arbeitgebern und Behörden noch keinen festen Platz haben. Angesichts "
                        "ihrer Zahl erwartet er, dass sich das bald ändert.",
                        "Pr8werk will diesen Schritt beschleunigen, indem es Unternehmen und Selbstständige "
                        "miteinander ins Gespräch bringt.",
                    )
                ],
            },
        },
        {
            "date": datetime.date(2013, 1, 16),
            "sectors": ["ondernemers", "organisaties"],
            "topics": ["flexible"],
            "image": "network",
            "nl": {
                "title": "De flexibele schil wordt steeds belangrijker",
                "slug": "flexibele-schil-steeds-belangrijker",
                "intro": "Vitale organisaties werken met een vaste kern en een flexibele schil van "
                "zelfstandigen. Wat betekent dat voor zp'ers?",
                "author": "Redactie Pr8werk",
                "body": [
                    paragraph(
                        "Programmamanager Margaret van Diermen van de gemeente Oude IJsselstreek zei het al op "
                        "de eerste ontbijtsessie: voor vitale ondernemingen wordt de flexibele schil steeds "
                        "belangrijker. Organisaties houden een kleine vaste kern en halen specialistische "
                        "kennis in wanneer die nodig is.",
                        "Voor zp'ers is dat een kans, mits opdrachtgevers hen weten te vinden. Precies daar "
                        "helpen de bijeenkomsten van Pr8werk bij.",
                    )
                ],
            },
            "en": {
                "title": "The flexible shell matters more and more",
                "slug": "flexible-shell-matters-more-and-more",
                "intro": "Vital organisations work with a fixed core and a flexible shell of freelancers. What "
                "does that mean for independent professionals?",
                "author": "Pr8werk editorial team",
                "body": [
                    paragraph(
                        "Programme manager Margaret van Diermen of the municipality of Oude IJsselstreek said "
                        "so at the first breakfast session: for vital businesses the flexible shell is becoming "
                        "ever more important. Organisations keep a small permanent core and bring in specialist "
                        "knowledge when they need it.",
                        "For freelancers that is an opportunity, provided clients can find them. That is "
                        "exactly what the Pr8werk meetings help with.",
                    )
                ],
            },
            "de": {
                "title": "Der flexible Kreis wird immer wichtiger",
                "slug": "flexibler-kreis-wird-immer-wichtiger",
                "intro": "Vitale Organisationen arbeiten mit einem festen Kern und einer flexiblen Schale aus "
                "Selbstständigen. Was bedeutet das für sie?",
                "author": "Redaktion Pr8werk",
                "body": [
                    paragraph(
                        "Programmleiterin Margaret van Diermen von der Gemeinde Oude IJsselstreek sagte es "
                        "schon bei der ersten Frühstückssitzung: Für vitale Unternehmen wird die flexible "
                        "Schale immer wichtiger. Organisationen behalten einen kleinen festen Kern und holen "
                        "Fachwissen hinzu, wenn sie es brauchen.",
                        "Für Selbstständige ist das eine Chance, wenn Auftraggeber sie finden. Genau dabei "
                        "helfen die Treffen von Pr8werk.",
                    )
                ],
            },
        },
        {
            "date": datetime.date(2013, 4, 10),
            "sectors": ["overheid"],
            "topics": ["swarm", "flexible"],
            "image": "tables",
            "nl": {
                "title": "Oude IJsselstreek neemt de zwermsessies over",
                "slug": "oude-ijsselstreek-neemt-zwermsessies-over",
                "intro": "Geïnspireerd door Pr8werk werkt de gemeente Oude IJsselstreek voortaan zelf met "
                "zwermsessies, om structureel samen te werken met zp'ers.",
                "author": "Redactie Pr8werk",
                "body": [
                    paragraph(
                        "Ieder jaar kiest Pr8werk, in de lijn van de drie O's van Achterhoek 2020, een andere "
                        "branche. In 2012 waren dat de inkopers van de Achterhoekse gemeenten. Als vervolg "
                        "daarop heeft de gemeente Oude IJsselstreek de werkwijze met zwermsessies "
                        "overgenomen en een plaats gegeven in haar netwerkorganisatie."
                    ),
                    heading("Naar een flexibele schil"),
                    paragraph(
                        "Met de zwermsessies wil de gemeente een flexibele schil opbouwen, waarin zij "
                        "structureel samenwerkt met zp'ers. Zelfstandigen uit de regio krijgen zo de kans om "
                        "zich buiten de bemiddelingsbureaus om te presenteren en rechtstreeks met de "
                        "opdrachtgever in gesprek te gaan.",
                        "De gemeente wint er ook bij: een scherpe prijs, de flexibiliteit van de zp'er en "
                        "maatwerk dat precies past bij de vraag.",
                    ),
                ],
            },
            "en": {
                "title": "Oude IJsselstreek adopts the swarm sessions",
                "slug": "oude-ijsselstreek-adopts-the-swarm-sessions",
                "intro": "Inspired by Pr8werk, the municipality of Oude IJsselstreek now runs swarm sessions "
                "itself, to work with freelancers on a structural basis.",
                "author": "Pr8werk editorial team",
                "body": [
                    paragraph(
                        "Following the three O's of Achterhoek 2020, Pr8werk picks another sector every year. "
                        "In 2012 it was the procurement officers of Achterhoek municipalities. As a follow-up, "
                        "the municipality of Oude IJsselstreek has adopted the way of working with swarm "
                        "sessions and built it into its network organisation."
                    ),
                    heading("Towards a flexible shell"),
                    paragraph(
                        "With the swarm sessions the municipality wants to build a flexible shell in which it "
                        "works with freelancers on a structural basis. Independent professionals from the "
                        "region get the chance to present themselves without going through agencies, and to "
                        "talk to the client directly.",
                        "The municipality gains too: a sharp price, the flexibility of the freelancer and "
                        "tailor-made work that fits the question exactly.",
                    ),
                ],
            },
            "de": {
                "title": "Oude IJsselstreek übernimmt die Schwarmsitzungen",
                "slug": "oude-ijsselstreek-uebernimmt-die-schwarmsitzungen",
                "intro": "Inspiriert von Pr8werk arbeitet die Gemeinde Oude IJsselstreek nun selbst mit "
                "Schwarmsitzungen, um dauerhaft mit Selbstständigen zusammenzuarbeiten.",
                "author": "Redaktion Pr8werk",
                "body": [
                    paragraph(
                        "Jedes Jahr wählt Pr8werk, entsprechend den drei O von Achterhoek 2020, eine andere "
                        "Branche. 2012 waren es die Einkäufer der Gemeinden im Achterhoek. Als Fortsetzung hat "
                        "die Gemeinde Oude IJsselstreek die Arbeitsweise mit Schwarmsitzungen übernommen und "
                        "in ihre Netzwerkorganisation eingebaut."
                    ),
                    heading("Auf dem Weg zu einer flexiblen Schale"),
                    paragraph(
                        "Mit den Schwarmsitzungen will die Gemeinde eine flexible Schale aufbauen, in der sie "
                        "dauerhaft mit Selbstständigen zusammenarbeitet. Selbstständige aus der Region "
                        "bekommen so die Chance, sich ohne Vermittlungsagenturen vorzustellen und direkt mit "
                        "dem Auftraggeber ins Gespräch zu kommen.",
                        "Auch die Gemeinde gewinnt: einen guten Preis, die Flexibilität der Selbstständigen "
                        "und Maßarbeit, die genau zur Frage passt.",
                    ),
                ],
            },
        },
        {
            "date": datetime.date(2013, 6, 12),
            "sectors": ["overheid"],
            "topics": ["swarm", "flexible"],
            "image": "conference",
            "nl": {
                "title": "Oude IJsselstreek presenteert aanpak op Ambtenaar 2.0",
                "slug": "oude-ijsselstreek-op-ambtenaar-2-0",
                "intro": "Op de conferentie Ambtenaar 2.0 liet de gemeente Oude IJsselstreek zien hoe zij als "
                "netwerkorganisatie werkt, zwermsessies inbegrepen.",
                "author": "Redactie Pr8werk",
                "body": [
                    paragraph(
                        "De gemeente Oude IJsselstreek presenteerde op de conferentie Ambtenaar 2.0 haar "
                        "nieuwe manier van werken als netwerkorganisatie. Het werken met zwermsessies voor "
                        "een flexibele schil van zp'ers maakte daar deel van uit.",
                        "De aanpak trekt landelijk de aandacht, omdat hij onconventioneel is: de burger staat "
                        "centraal en de gemeente stuurt op maatschappelijk effect. Voor Pr8werk is het mooi "
                        "om te zien dat een idee uit de Achterhoekse ontbijtsessies zo ver reikt.",
                    )
                ],
            },
            "en": {
                "title": "Oude IJsselstreek presents its approach at Ambtenaar 2.0",
                "slug": "oude-ijsselstreek-at-ambtenaar-2-0",
                "intro": "At the Ambtenaar 2.0 (Civil Servant 2.0) conference, the municipality of Oude "
                "IJsselstreek showed how it works as a network organisation, swarm sessions included.",
                "author": "Pr8werk editorial team",
                "body": [
                    paragraph(
                        "The municipality of Oude IJsselstreek presented its new way of working as a network "
                        "organisation at the Ambtenaar 2.0 conference. Working with swarm sessions to build a "
                        "flexible shell of freelancers was part of it.",
                        "The approach draws national attention because it is unconventional: it puts citizens "
                        "first and steers on social impact. For Pr8werk it is good to see an idea from the "
                        "Achterhoek breakfast sessions reach that far.",
                    )
                ],
            },
            "de": {
                "title": "Oude IJsselstreek stellt Ansatz bei Ambtenaar 2.0 vor",
                "slug": "oude-ijsselstreek-bei-ambtenaar-2-0",
                "intro": "Auf der Konferenz Ambtenaar 2.0 (Beamter 2.0) zeigte die Gemeinde Oude "
                "IJsselstreek, wie sie als Netzwerkorganisation arbeitet, Schwarmsitzungen inbegriffen.",
                "author": "Redaktion Pr8werk",
                "body": [
                    paragraph(
                        "Die Gemeinde Oude IJsselstreek stellte auf der Konferenz Ambtenaar 2.0 ihre neue "
                        "Arbeitsweise als Netzwerkorganisation vor. Die Arbeit mit Schwarmsitzungen für eine "
                        "flexible Schale von Selbstständigen war ein Teil davon.",
                        "Der Ansatz findet landesweit Beachtung, weil er unkonventionell ist: Die Bürger "
                        "stehen im Mittelpunkt, und die Gemeinde steuert auf gesellschaftliche Wirkung. Für "
                        "Pr8werk ist es schön zu sehen, dass eine Idee aus den Frühstückssitzungen im "
                        "Achterhoek so weit trägt.",
                    )
                ],
            },
        },
        {
            "date": datetime.date(2013, 9, 18),
            "sectors": ["ondernemers"],
            "topics": ["networks", "pr8werk"],
            "image": "network",
            "nl": {
                "title": "Netwerken van zp'ers bundelen hun krachten",
                "slug": "netwerken-van-zpers-bundelen-krachten",
                "intro": "Verbinden en samenwerken: de regionale zp-netwerken trekken samen op richting "
                "opdrachtgevers.",
                "author": "Henk Dijk, ONZ Achterhoek",
                "body": [
                    paragraph(
                        "De Achterhoek telt verschillende netwerken van zelfstandigen, elk met een eigen "
                        "achterban. Binnen Pr8werk werken zij samen, zodat opdrachtgevers één aanspreekpunt "
                        "hebben en zp'ers van elkaars contacten profiteren.",
                        "Bewust worden, ontmoeten en samenwerken blijven daarbij de kernwoorden.",
                    ),
                    quote(
                        "Collectief staan we sterker om aandacht te vragen voor de groep zelfstandigen.",
                        "Henk Dijk, voorzitter ONZ Achterhoek en penvoerder van Pr8werk",
                    ),
                ],
            },
            "en": {
                "title": "Freelancer networks join forces",
                "slug": "freelancer-networks-join-forces",
                "intro": "Connecting and working together: the regional freelancer networks approach clients "
                "as one.",
                "author": "Henk Dijk, ONZ Achterhoek",
                "body": [
                    paragraph(
                        "The Achterhoek has several networks of independent professionals, each with its own "
                        "members. Within Pr8werk they work together, so that clients have one point of contact "
                        "and freelancers benefit from each other's contacts.",
                        "Awareness, meeting and working together remain the key words.",
                    ),
                    quote(
                        "Together we stand stronger in asking attention for independent professionals.",
                        "Henk Dijk, chair of ONZ Achterhoek and lead partner of Pr8werk",
                    ),
                ],
            },
            "de": {
                "title": "Netzwerke von Selbstständigen bündeln ihre Kräfte",
                "slug": "netzwerke-von-selbststaendigen-buendeln-kraefte",
                "intro": "Verbinden und zusammenarbeiten: Die regionalen Netzwerke der Selbstständigen treten "
                "gemeinsam an die Auftraggeber heran.",
                "author": "Henk Dijk, ONZ Achterhoek",
                "body": [
                    paragraph(
                        "Im Achterhoek gibt es mehrere Netzwerke von Selbstständigen, jedes mit eigenen "
                        "Mitgliedern. Innerhalb von Pr8werk arbeiten sie zusammen, damit Auftraggeber eine "
                        "Anlaufstelle haben und Selbstständige von den Kontakten der anderen profitieren.",
                        "Bewusst werden, begegnen und zusammenarbeiten bleiben dabei die Schlüsselbegriffe.",
                    ),
                    quote(
                        "Gemeinsam sind wir stärker, wenn wir Aufmerksamkeit für die Selbstständigen "
                        "einfordern.",
                        "Henk Dijk, Vorsitzender von ONZ Achterhoek und federführender Partner von Pr8werk",
                    ),
                ],
            },
        },
        {
            "date": datetime.date(2014, 1, 15),
            "sectors": ["ondernemers"],
            "topics": ["breakfast", "swarm"],
            "image": "lievelde",
            "nl": {
                "title": "Nieuw jaar, nieuwe O: de ondernemers",
                "slug": "nieuw-jaar-nieuwe-o-de-ondernemers",
                "intro": "Na de overheid zijn nu de ondernemers aan de beurt. Ook zij krijgen een ontbijt en "
                "een zwermsessie.",
                "author": "Redactie Pr8werk",
                "body": [
                    paragraph(
                        "Ieder jaar staat een andere O centraal. Na de overheid richten we ons nu op de "
                        "ondernemers: bedrijven uit de Achterhoek die hun vaste kern willen aanvullen met de "
                        "kennis van zelfstandige professionals.",
                        "Ook nu beginnen we met een ontbijt en een inleiding vanuit de opdrachtgever, gevolgd "
                        "door een zwermsessie aan thematafels. Houd de agenda in de gaten.",
                    )
                ],
            },
            "en": {
                "title": "New year, new O: business",
                "slug": "new-year-new-o-business",
                "intro": "After government it is now the turn of business. They too get a breakfast and a "
                "swarm session.",
                "author": "Pr8werk editorial team",
                "body": [
                    paragraph(
                        "Each year another O is the theme. After government we now turn to business: "
                        "Achterhoek companies that want to add the knowledge of independent professionals to "
                        "their permanent core.",
                        "Again we start with breakfast and a talk from the client side, followed by a swarm "
                        "session at theme tables. Keep an eye on the calendar.",
                    )
                ],
            },
            "de": {
                "title": "Neues Jahr, neues O: die Unternehmen",
                "slug": "neues-jahr-neues-o-die-unternehmen",
                "intro": "Nach der öffentlichen Hand sind jetzt die Unternehmen an der Reihe. Auch sie "
                "bekommen ein Frühstück und eine Schwarmsitzung.",
                "author": "Redaktion Pr8werk",
                "body": [
                    paragraph(
                        "Jedes Jahr steht ein anderes O im Mittelpunkt. Nach der öffentlichen Hand wenden wir "
                        "uns jetzt den Unternehmen zu: Betrieben aus dem Achterhoek, die ihren festen Kern um "
                        "das Wissen selbstständiger Fachkräfte ergänzen wollen.",
                        "Auch diesmal beginnen wir mit einem Frühstück und einem Vortrag aus Sicht der "
                        "Auftraggeber, gefolgt von einer Schwarmsitzung an Thementischen. Behalten Sie den "
                        "Kalender im Blick.",
                    )
                ],
            },
        },
    ]


def load(command):
    locales = ensure_locales()
    home = site_root()
    indexes = translated_page(home, NewsIndexPage, INDEX)
    images = {
        key: demo_image(title, colour=colour, seed=seed, size=(1200, 675), alt=alt)
        for key, (title, colour, seed, alt) in IMAGES.items()
    }
    document = outcomes_document()
    sectors = {
        code: {sector.slug: sector for sector in Sector.objects.filter(locale=locale)}
        for code, locale in locales.items()
    }
    topics = demo_topics()
    for item in news_items(images, document):
        add_news_item(indexes, item, images, sectors, topics)


def add_news_item(indexes, item, images, sectors, topics):
    """One news item in nl with en and de translations, unless it exists (found by slug or translation)."""
    locales = ensure_locales()
    dutch = indexes["nl"]
    page = NewsPage.objects.child_of(dutch).filter(slug=item["nl"]["slug"]).first()
    if page is None:
        page = NewsPage(**common_fields(item, images, "nl"), **item["nl"])
        set_sectors(page, item, sectors, "nl")
        page.topic_links = [
            NewsPageTopic(topic=topics[key]["nl"], sort_order=order)
            for order, key in enumerate(item["topics"])
        ]
        dutch.add_child(instance=page)
        page.save_revision().publish()
        page.refresh_from_db()
    for code in ("en", "de"):
        translation = page.get_translation_or_none(locales[code])
        if translation is None:
            translation = page.copy_for_translation(locales[code], copy_parents=True).specific
            for field, value in {**common_fields(item, images, code), **item[code]}.items():
                setattr(translation, field, value)
            set_sectors(translation, item, sectors, code)
            localize_topic_links(translation, topics, code)
            # A new translation never had its copied slug in public, so no redirect from it.
            with override_settings(WAGTAILREDIRECTS_AUTO_CREATE=False):
                translation.save()
                translation.save_revision().publish()
        hold(page, translation.specific)


def common_fields(item, images, code):
    fields = {"date": item["date"], "lead_image": images[item["image"]]}
    if "caption" in item:
        fields["lead_image_caption"] = item["caption"][code]
    if "credit" in item:
        fields["lead_image_credit"] = item["credit"]
    return fields


def set_sectors(page, item, sectors, code):
    page.sectors = [sectors[code][slug] for slug in item["sectors"] if slug in sectors[code]]


def localize_topic_links(translation, topics, code):
    """The topic links the translation copied from the Dutch page, pointed at the topics' translations.

    The copied links keep their translation keys, as wagtail-localize would have them.
    """
    in_language = {by_code["nl"].pk: by_code[code] for by_code in topics.values()}
    links = list(translation.topic_links.all())
    for link in links:
        link.topic = in_language.get(link.topic_id, link.topic)
    translation.topic_links = links
