"""Demo content of the home app: the home pages, about, privacy and accessibility, sectors, settings.

Written from the facts of the 2012 news report of the first Pr8werk sessions.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from wagtail.models import Page, Site

from home.demo import ensure_locales, register_demo_login, translated_page, translated_snippet
from home.models import ContentPage, FooterText, HomePage, Sector, SiteSettings

ADMIN_USERNAME = "admin"
ADMIN_PASSWORD = "pr8werk-demo"  # noqa: S105 - printed by `make run`, created with dev settings only
# The hosts of a development site record, which the demo loader may move to another port.
LOOPBACK_HOSTS = {"127.0.0.1", "localhost", "::1"}
register_demo_login("Superuser", ADMIN_USERNAME, ADMIN_PASSWORD)


def p(*paragraphs):
    return "".join(f"<p>{text}</p>" for text in paragraphs)


SECTORS = [
    (
        "ondernemers",
        1,
        {
            "nl": {
                "name": "Ondernemers",
                "description": "Bedrijven uit de Achterhoek die flexibel willen werken met de kennis en "
                "ervaring van zelfstandige professionals.",
            },
            "en": {
                "name": "Businesses",
                "description": "Companies in the Achterhoek that want to work flexibly with the knowledge "
                "and experience of independent professionals.",
            },
            "de": {
                "name": "Unternehmen",
                "description": "Betriebe im Achterhoek, die flexibel mit dem Wissen und der Erfahrung "
                "selbstständiger Fachkräfte arbeiten möchten.",
            },
        },
    ),
    (
        "overheid",
        2,
        {
            "nl": {
                "name": "Overheid",
                "description": "Gemeenten en andere overheden die opdrachten uitbesteden en daarbij ook "
                "aan de eigen regio willen denken.",
            },
            "en": {
                "name": "Government",
                "description": "Municipalities and other public bodies that contract out work and want "
                "to keep their own region in mind.",
            },
            "de": {
                "name": "Öffentliche Hand",
                "description": "Gemeinden und andere Behörden, die Aufträge vergeben und dabei auch an "
                "die eigene Region denken wollen.",
            },
        },
    ),
    (
        "organisaties",
        3,
        {
            "nl": {
                "name": "Organisaties",
                "description": "Maatschappelijke organisaties in zorg, welzijn en onderwijs die een "
                "flexibele schil van professionals opbouwen.",
            },
            "en": {
                "name": "Non-profit organisations",
                "description": "Organisations in care, welfare and education that build a flexible "
                "shell of professionals.",
            },
            "de": {
                "name": "Organisationen",
                "description": "Gemeinnützige Einrichtungen in Pflege, Sozialwesen und Bildung, die "
                "einen flexiblen Kreis von Fachkräften aufbauen.",
            },
        },
    ),
]

HOME = {
    "nl": {
        "title": "Pr8werk",
        "slug": "home",
        "seo_title": "Pr8werk: meer werk voor zp'ers in de Achterhoek",
        "search_description": "Pr8werk brengt zelfstandige professionals in de Achterhoek samen met "
        "opdrachtgevers uit bedrijfsleven, overheid en maatschappelijke organisaties.",
        "mission_title": "Meer werk voor zp'ers in de Achterhoek",
        "mission": "Twee keer per jaar brengen we zelfstandige professionals en opdrachtgevers bij elkaar: "
        "eerst een ontbijt met een inleiding van een opdrachtgever, daarna een zwermsessie aan "
        "thematafels. Zo ontdekken zp'ers en opdrachtgevers wat ze voor elkaar kunnen betekenen.",
        "sectors_title": "De drie O's",
        "sectors_intro": "Ieder jaar staat één van de drie O's centraal. "
        "In 2012 begonnen we met de overheid.",
    },
    "en": {
        "title": "Pr8werk",
        "slug": "home-en",
        "seo_title": "Pr8werk: more work for freelancers in the Achterhoek",
        "search_description": "Pr8werk brings independent professionals in the Achterhoek together with "
        "clients from business, government and non-profit organisations.",
        "mission_title": "More work for independent professionals in the Achterhoek",
        "mission": "Twice a year we bring freelancers and clients together: first a breakfast with a talk "
        "by a client, then a swarm session at theme tables. That is how freelancers and clients find "
        "out what they can do for each other.",
        "sectors_title": "The three O's",
        "sectors_intro": "Each year one of the three O's is the theme. In 2012 we started with government.",
    },
    "de": {
        "title": "Pr8werk",
        "slug": "home-de",
        "seo_title": "Pr8werk: mehr Arbeit für Selbstständige im Achterhoek",
        "search_description": "Pr8werk bringt selbstständige Fachkräfte im Achterhoek mit Auftraggebern "
        "aus Wirtschaft, Verwaltung und gemeinnützigen Organisationen zusammen.",
        "mission_title": "Mehr Arbeit für Selbstständige im Achterhoek",
        "mission": "Zweimal im Jahr bringen wir Selbstständige und Auftraggeber zusammen: zuerst ein "
        "Frühstück mit einem Vortrag aus Sicht der Auftraggeber, danach eine Schwarmsitzung an "
        "Thementischen. So entdecken beide Seiten, was sie füreinander tun können.",
        "sectors_title": "Die drei O",
        "sectors_intro": "Jedes Jahr steht eines der drei O im Mittelpunkt. 2012 begannen wir mit der "
        "öffentlichen Hand.",
    },
}

ABOUT_BODY = {
    "nl": [
        {"type": "heading", "value": {"text": "Onze missie", "level": "h2"}},
        {
            "type": "paragraph",
            "value": p(
                "Pr8werk wil meer werk voor zelfstandige professionals (zp'ers) in de Achterhoek. We "
                "richten ons op een flexibelere arbeidsmarkt en verbinden opdrachtgevers, zp'ers en "
                "netwerken van zp'ers met elkaar.",
                "Bewust worden, ontmoeten en samenwerken: vanuit die drie woorden zetten we concrete "
                "bijeenkomsten op. Collectief vragen we aandacht voor de groep zelfstandigen.",
            ),
        },
        {"type": "heading", "value": {"text": "De drie O's", "level": "h2"}},
        {
            "type": "paragraph",
            "value": p(
                "Opdrachtgevers komen uit drie hoeken: <b>Ondernemers</b>, <b>Overheid</b> en "
                "(maatschappelijke) <b>Organisaties</b>. In lijn met de drie O's van Achterhoek 2020 "
                "kiezen we ieder jaar een andere O als thema. In 2012 was dat de overheid: inkopers van "
                "Achterhoekse gemeenten ontmoetten zp'ers uit de regio.",
            ),
        },
        {"type": "heading", "value": {"text": "Zo werkt een bijeenkomst", "level": "h2"}},
        {
            "type": "paragraph",
            "value": p(
                "<b>Ontbijtsessie.</b> We beginnen vroeg, met ontbijt. Iemand van de kant van de "
                "opdrachtgever vertelt hoe zijn organisatie inkoopt en waar kansen liggen voor zp'ers, "
                "bijvoorbeeld een inkoopadviseur van een gemeente.",
                "<b>Zwermsessie.</b> Daarna zwermen de deelnemers uit over thematafels. Aan elke tafel "
                "leggen ze concrete ideeën, plannen en suggesties neer. Na een ronde schuift iedereen "
                "door, zodat ieder thema door veel mensen wordt aangevuld.",
                "<b>Opbrengst.</b> Wat aan de tafels is gezegd, zetten we op een rij in een verslag. "
                "We koppelen het terug en volgen het op, met het streven naar concrete resultaten.",
            ),
        },
        {
            "type": "quote",
            "value": {
                "text": "Collectief staan we sterker om aandacht te vragen voor de groep zelfstandigen.",
                "attribution": "Henk Dijk, voorzitter ONZ Achterhoek en penvoerder van Pr8werk",
            },
        },
    ],
    "en": [
        {"type": "heading", "value": {"text": "Our mission", "level": "h2"}},
        {
            "type": "paragraph",
            "value": p(
                "Pr8werk wants more work for independent professionals (freelancers, in Dutch "
                "<i>zp'ers</i>) in the Achterhoek. We work towards a more flexible labour market and "
                "connect clients, freelancers and networks of freelancers.",
                "Awareness, meeting and working together: those three words are the starting point of "
                "every event we organise. Together we ask attention for independent professionals.",
            ),
        },
        {"type": "heading", "value": {"text": "The three O's", "level": "h2"}},
        {
            "type": "paragraph",
            "value": p(
                "Clients come from three corners, the three O's of the Dutch name: <b>Ondernemers</b> "
                "(business), <b>Overheid</b> (government) and <b>Organisaties</b> (non-profit "
                "organisations). Following the three O's of Achterhoek 2020, each year has another O as "
                "its theme. In 2012 it was government: procurement officers of Achterhoek "
                "municipalities met freelancers from the region.",
            ),
        },
        {"type": "heading", "value": {"text": "How a meeting works", "level": "h2"}},
        {
            "type": "paragraph",
            "value": p(
                "<b>Breakfast session.</b> We start early, with breakfast. Someone from the client side "
                "explains how their organisation buys and where the opportunities for freelancers are, "
                "for example a municipal procurement advisor.",
                "<b>Swarm session.</b> Then participants swarm out over theme tables. At each table they "
                "leave concrete ideas, plans and suggestions. After a round everybody moves on, so that "
                "many people add to every theme.",
                "<b>Outcomes.</b> What was said at the tables is collected in a report. We share it and "
                "follow it up, aiming for concrete results.",
            ),
        },
        {
            "type": "quote",
            "value": {
                "text": "Together we stand stronger in asking attention for independent professionals.",
                "attribution": "Henk Dijk, chair of ONZ Achterhoek and lead partner of Pr8werk",
            },
        },
    ],
    "de": [
        {"type": "heading", "value": {"text": "Unsere Mission", "level": "h2"}},
        {
            "type": "paragraph",
            "value": p(
                "Pr8werk will mehr Arbeit für selbstständige Fachkräfte (auf Niederländisch "
                "<i>zp'ers</i>) im Achterhoek. Wir setzen uns für einen flexibleren Arbeitsmarkt ein "
                "und verbinden Auftraggeber, Selbstständige und Netzwerke von Selbstständigen.",
                "Bewusst werden, begegnen und zusammenarbeiten: von diesen drei Begriffen aus "
                "gestalten wir konkrete Veranstaltungen. Gemeinsam machen wir auf die Gruppe der "
                "Selbstständigen aufmerksam.",
            ),
        },
        {"type": "heading", "value": {"text": "Die drei O", "level": "h2"}},
        {
            "type": "paragraph",
            "value": p(
                "Auftraggeber kommen aus drei Richtungen, den drei O des niederländischen Namens: "
                "<b>Ondernemers</b> (Unternehmen), <b>Overheid</b> (öffentliche Hand) und "
                "<b>Organisaties</b> (gemeinnützige Organisationen). Wie bei den drei O von Achterhoek "
                "2020 steht jedes Jahr ein anderes O im Mittelpunkt. 2012 war es die öffentliche Hand: "
                "Einkäufer der Gemeinden im Achterhoek trafen Selbstständige aus der Region.",
            ),
        },
        {"type": "heading", "value": {"text": "So läuft ein Treffen ab", "level": "h2"}},
        {
            "type": "paragraph",
            "value": p(
                "<b>Frühstückssitzung.</b> Wir beginnen früh, mit einem Frühstück. Jemand von Seiten "
                "der Auftraggeber erklärt, wie seine Organisation einkauft und wo Chancen für "
                "Selbstständige liegen, zum Beispiel ein Einkaufsberater einer Gemeinde.",
                "<b>Schwarmsitzung.</b> Danach verteilen sich die Teilnehmenden auf Thementische. An "
                "jedem Tisch hinterlassen sie konkrete Ideen, Pläne und Vorschläge. Nach jeder Runde "
                "wechseln alle den Tisch, damit viele Menschen zu jedem Thema beitragen.",
                "<b>Ergebnisse.</b> Was an den Tischen gesagt wurde, fassen wir in einem Bericht "
                "zusammen. Wir melden es zurück und verfolgen es weiter, mit dem Ziel konkreter "
                "Ergebnisse.",
            ),
        },
        {
            "type": "quote",
            "value": {
                "text": "Gemeinsam sind wir stärker, wenn wir Aufmerksamkeit für die Selbstständigen "
                "einfordern.",
                "attribution": "Henk Dijk, Vorsitzender von ONZ Achterhoek und federführender Partner "
                "von Pr8werk",
            },
        },
    ],
}

PRIVACY_BODY = {
    "nl": p(
        "Pr8werk gaat zuinig om met je gegevens. Deze verklaring zegt welke gegevens we bewaren, "
        "waarom en hoe lang.",
        "<b>Aanmelden voor een bijeenkomst.</b> Als je je aanmeldt, bewaren we je naam, e-mailadres, "
        "organisatie en rol, je opmerkingen (zoals dieetwensen), de taal waarin je je aanmeldde en de "
        "versie van deze verklaring waarmee je instemde. We gebruiken ze alleen om de bijeenkomst te "
        "organiseren: een bevestiging, een herinnering en, als je op de wachtlijst staat, bericht als "
        "er een plek vrijkomt.",
        "<b>Hoe lang.</b> Negentig dagen na de bijeenkomst wissen we je persoonsgegevens. We houden "
        "alleen aantallen over: hoeveel mensen zich aanmeldden en in welke rol.",
        "<b>Netwerken.</b> Van netwerken in de netwerkengids tonen we de contactgegevens die het netwerk "
        "zelf publiceert. Een aanvraag om vermeld te worden bewaren we tot de vermelding is afgehandeld.",
        "<b>Geen trackers.</b> Deze site gebruikt geen advertentie- of analysecookies en laadt niets van "
        "andere websites. Er is alleen een technisch cookie dat formulieren beveiligt.",
        "<b>Je rechten.</b> Je kunt je aanmelding altijd zelf annuleren via de link in je bevestiging. "
        "Voor inzage, correctie of verwijdering mail je naar info@pr8werk.nl.",
    ),
    "en": p(
        "Pr8werk is careful with your data. This statement says what we keep, why and for how long.",
        "<b>Signing up for a session.</b> When you sign up we keep your name, email address, "
        "organisation and role, your remarks (such as dietary wishes), the language you signed up in "
        "and the version of this statement you agreed to. We use them only to organise the session: a "
        "confirmation, a reminder and, if you are on the waiting list, a message when a seat comes free.",
        "<b>How long.</b> Ninety days after the session we erase your personal data. We only keep counts: "
        "how many people signed up and in which role.",
        "<b>Networks.</b> For networks in the directory we show the contact details the network "
        "publishes itself. A request to be listed is kept until it has been handled.",
        "<b>No trackers.</b> This site uses no advertising or analytics cookies and loads nothing from "
        "other websites. There is only a technical cookie that protects forms.",
        "<b>Your rights.</b> You can always cancel your registration yourself through the link in your "
        "confirmation. To see, correct or erase your data, write to info@pr8werk.nl.",
    ),
    "de": p(
        "Pr8werk geht sparsam mit Ihren Daten um. Diese Erklärung sagt, welche Daten wir speichern, "
        "warum und wie lange.",
        "<b>Anmeldung zu einem Treffen.</b> Wenn Sie sich anmelden, speichern wir Ihren Namen, Ihre "
        "E-Mail-Adresse, Organisation und Rolle, Ihre Anmerkungen (etwa Ernährungswünsche), die Sprache "
        "Ihrer Anmeldung und die Fassung dieser Erklärung, der Sie zugestimmt haben. Wir verwenden sie "
        "nur für die Organisation des Treffens: eine Bestätigung, eine Erinnerung und, wenn Sie auf der "
        "Warteliste stehen, eine Nachricht, sobald ein Platz frei wird.",
        "<b>Wie lange.</b> Neunzig Tage nach dem Treffen löschen wir Ihre personenbezogenen Daten. Wir "
        "behalten nur Zahlen: wie viele Menschen sich angemeldet haben und in welcher Rolle.",
        "<b>Netzwerke.</b> Bei Netzwerken im Verzeichnis zeigen wir die Kontaktdaten, die das Netzwerk "
        "selbst veröffentlicht. Eine Anfrage auf Aufnahme bewahren wir auf, bis sie bearbeitet ist.",
        "<b>Keine Tracker.</b> Diese Website verwendet keine Werbe- oder Analyse-Cookies und lädt "
        "nichts von anderen Websites. Es gibt nur ein technisches Cookie, das Formulare schützt.",
        "<b>Ihre Rechte.</b> Sie können Ihre Anmeldung jederzeit selbst über den Link in Ihrer "
        "Bestätigung stornieren. Für Auskunft, Berichtigung oder Löschung schreiben Sie an "
        "info@pr8werk.nl.",
    ),
}

ACCESSIBILITY_BODY = {
    "nl": p(
        "Iedereen moet deze site kunnen gebruiken, ook met een schermlezer, alleen het toetsenbord of "
        "een vergroting. We streven naar WCAG 2.1 niveau AA.",
        "<b>Wat we testen.</b> Bij iedere wijziging draaien automatische tests. axe-core controleert elke "
        "pagina uit de sitemap in het Nederlands, Engels en Duits op de regels van WCAG 2.1 A en AA en op "
        "zijn eigen regels voor goede praktijk, zoals kleurcontrast, labels bij velden en de taal van de "
        "pagina. De W3C-validator (Nu Html Checker) controleert dat elke pagina geldige HTML is. Een "
        "browsertest meldt zich met alleen het toetsenbord aan voor een bijeenkomst en annuleert weer; "
        "daarbij moet de eerste Tab op de link naar de inhoud komen en moet de focus bij elke stap "
        "zichtbaar zijn.",
        "<b>Wat nog niet goed is.</b> Automatische tests vinden niet alle problemen. We hebben de site "
        "nog niet met schermlezers en niet met 400% vergroting getest, en ook niet door mensen met een "
        "beperking laten gebruiken. Met het toetsenbord testen we alleen het aanmelden en annuleren. "
        "Documenten (pdf) en beschrijvingen van foto's zijn niet altijd toegankelijk; vraag gerust om "
        "een ander formaat.",
        "<b>Contact.</b> Loop je tegen een probleem aan? Mail naar info@pr8werk.nl; we reageren binnen "
        "vijf werkdagen.",
    ),
    "en": p(
        "Everyone should be able to use this site, also with a screen reader, the keyboard alone or "
        "magnification. We aim for WCAG 2.1 level AA.",
        "<b>What we test.</b> Automated tests run with every change. axe-core checks every page of the "
        "sitemap in Dutch, English and German against the WCAG 2.1 A and AA rules and its own "
        "best-practice rules, such as colour contrast, labels on fields and the language of the page. The "
        "W3C validator (Nu Html Checker) checks that every page is valid HTML. A browser test signs up "
        "for a session with the keyboard alone and cancels again; on the way the first Tab must reach the "
        "link that skips to the content, and focus must be visible at every step.",
        "<b>What is not right yet.</b> Automated tests do not find every problem. We have not yet tested "
        "the site with screen readers or at 400% zoom, nor had it used by people with disabilities. "
        "With the keyboard we only test signing up and cancelling. Documents (PDF) and descriptions of "
        "photos are not always accessible; feel free to ask for another format.",
        "<b>Contact.</b> Did you run into a problem? Write to info@pr8werk.nl; we answer within five "
        "working days.",
    ),
    "de": p(
        "Alle sollen diese Website nutzen können, auch mit Screenreader, nur mit der Tastatur oder mit "
        "Vergrößerung. Wir streben WCAG 2.1 Stufe AA an.",
        "<b>Was wir testen.</b> Bei jeder Änderung laufen automatische Tests. axe-core prüft jede Seite "
        "der Sitemap auf Niederländisch, Englisch und Deutsch nach den Regeln von WCAG 2.1 A und AA und "
        "nach seinen eigenen Best-Practice-Regeln, etwa Farbkontrast, Beschriftung von Feldern und die "
        "Sprache der Seite. Der W3C-Validator (Nu Html Checker) prüft, dass jede Seite gültiges HTML ist. "
        "Ein Browsertest meldet sich nur mit der Tastatur zu einem Treffen an und storniert wieder; dabei "
        "muss die erste Tab-Taste den Link zum Inhalt erreichen und der Fokus bei jedem Schritt sichtbar "
        "sein.",
        "<b>Was noch nicht gut ist.</b> Automatische Tests finden nicht alle Probleme. Wir haben die "
        "Website noch nicht mit Screenreadern und nicht mit 400 % Vergrößerung getestet und auch nicht "
        "von Menschen mit Behinderungen nutzen lassen. Mit der Tastatur testen wir nur Anmelden und "
        "Stornieren. Dokumente (PDF) und Bildbeschreibungen sind nicht immer barrierefrei; fragen Sie "
        "gern nach einem anderen Format.",
        "<b>Kontakt.</b> Stoßen Sie auf ein Problem? Schreiben Sie an info@pr8werk.nl; wir antworten "
        "innerhalb von fünf Werktagen.",
    ),
}

FOOTER = {
    "nl": p(
        "Pr8werk: meer werk voor zelfstandige professionals in de Achterhoek. Een initiatief van "
        "regionale zp-netwerken, met ONZ Achterhoek als penvoerder."
    ),
    "en": p(
        "Pr8werk: more work for independent professionals in the Achterhoek. An initiative of regional "
        "freelancer networks, led by ONZ Achterhoek."
    ),
    "de": p(
        "Pr8werk: mehr Arbeit für selbstständige Fachkräfte im Achterhoek. Eine Initiative regionaler "
        "Netzwerke von Selbstständigen, federführend ONZ Achterhoek."
    ),
}


def load(command):
    locales = ensure_locales()
    for slug, order, content in SECTORS:
        translated_snippet(
            Sector,
            {"slug": slug},
            {code: {**values, "sort_order": order} for code, values in content.items()},
        )

    homes = build_home_pages()
    about = translated_page(
        homes["nl"],
        ContentPage,
        {
            "nl": {
                "title": "Over Pr8werk",
                "slug": "over-pr8werk",
                "show_in_menus": True,
                "intro": "Meer werk voor zp'ers, door opdrachtgevers en zelfstandigen met elkaar in "
                "gesprek te brengen.",
                "search_description": "Wat Pr8werk doet: ontbijt- en zwermsessies die zp'ers in de Achterhoek "
                "in contact brengen met opdrachtgevers uit ondernemingen, overheid en organisaties.",
                "body": ABOUT_BODY["nl"],
            },
            "en": {
                "title": "About Pr8werk",
                "slug": "about",
                "intro": "More work for freelancers, by "
                "getting clients and independent professionals talking.",
                "search_description": "What Pr8werk does: breakfast and swarm sessions that connect freelancers "
                "in the Achterhoek with clients from business, government and non-profit organisations.",
                "body": ABOUT_BODY["en"],
            },
            "de": {
                "title": "Über Pr8werk",
                "slug": "ueber-pr8werk",
                "intro": "Mehr Arbeit für "
                "Selbstständige, indem Auftraggeber und Fachkräfte miteinander ins Gespräch kommen.",
                "search_description": "Was Pr8werk tut: Frühstücks- und Schwarmsitzungen, die Selbstständige im "
                "Achterhoek mit Auftraggebern aus Wirtschaft, Verwaltung und Organisationen zusammenbringen.",
                "body": ABOUT_BODY["de"],
            },
        },
    )
    privacy = translated_page(
        homes["nl"],
        ContentPage,
        {
            "nl": {
                "title": "Privacyverklaring",
                "slug": "privacy",
                "search_description": "Welke persoonsgegevens Pr8werk bij een aanmelding bewaart, waarvoor, "
                "hoe lang, en hoe je ze inziet of laat wissen.",
                "body": [{"type": "paragraph", "value": PRIVACY_BODY["nl"]}],
            },
            "en": {
                "title": "Privacy statement",
                "slug": "privacy",
                "search_description": "Which personal data Pr8werk keeps when you sign up, what for, for how "
                "long, and how to see or erase it.",
                "body": [{"type": "paragraph", "value": PRIVACY_BODY["en"]}],
            },
            "de": {
                "title": "Datenschutzerklärung",
                "slug": "datenschutz",
                "search_description": "Welche personenbezogenen Daten Pr8werk bei einer Anmeldung speichert, "
                "wozu, wie lange, und wie Sie sie einsehen oder löschen lassen.",
                "body": [{"type": "paragraph", "value": PRIVACY_BODY["de"]}],
            },
        },
    )
    accessibility = translated_page(
        homes["nl"],
        ContentPage,
        {
            "nl": {
                "title": "Toegankelijkheidsverklaring",
                "slug": "toegankelijkheid",
                "search_description": "Hoe toegankelijk de website van Pr8werk is, wat nog niet goed werkt en "
                "waar je een probleem meldt.",
                "body": [{"type": "paragraph", "value": ACCESSIBILITY_BODY["nl"]}],
            },
            "en": {
                "title": "Accessibility statement",
                "slug": "accessibility",
                "search_description": "How accessible the Pr8werk website is, what does not work well yet and "
                "where to report a problem.",
                "body": [{"type": "paragraph", "value": ACCESSIBILITY_BODY["en"]}],
            },
            "de": {
                "title": "Erklärung zur Barrierefreiheit",
                "slug": "barrierefreiheit",
                "search_description": "Wie barrierefrei die Website von Pr8werk ist, was noch nicht gut "
                "funktioniert und wo Sie ein Problem melden.",
                "body": [{"type": "paragraph", "value": ACCESSIBILITY_BODY["de"]}],
            },
        },
    )
    _home_call_to_action(homes, about)
    footer = translated_snippet(FooterText, {}, {code: {"text": text} for code, text in FOOTER.items()})

    site = Site.objects.get(is_default_site=True)
    site_settings = SiteSettings.for_site(site)
    if site_settings.privacy_page_id is None:
        site_settings.contact_email = "info@pr8werk.nl"
        site_settings.contact_phone = "0314 000 000"
        site_settings.address = "Pr8werk\np/a ONZ Achterhoek\nDoetinchem"
        site_settings.linkedin_url = "https://www.linkedin.com/company/pr8werk"
        site_settings.footer_text = footer["nl"]
        site_settings.privacy_page = privacy["nl"]
        site_settings.accessibility_page = accessibility["nl"]
        site_settings.save()

    if command.demo_users:
        User = get_user_model()
        if not User.objects.filter(username=ADMIN_USERNAME).exists():
            User.objects.create_superuser(
                ADMIN_USERNAME,
                "admin@pr8werk.example",
                ADMIN_PASSWORD,
                first_name="Demo",
                last_name="Beheerder",
            )
    return locales


def build_home_pages():
    """The Dutch home page as root of the default site, with its English and German translations.

    Replaces Wagtail's initial "Welcome" page the first time.
    """
    locales = ensure_locales()
    root = Page.get_first_root_node()
    if root is None:  # a flushed database, as in transactional tests
        root = Page.add_root(instance=Page(title="Root", slug="root", locale=locales["nl"]))
    welcome = root.get_children().filter(depth=2, slug="home", content_type__model="page").first()
    if welcome is not None:
        welcome.delete()  # its Site goes with it and is made again below
    pages = translated_page(root, HomePage, HOME)
    site = Site.objects.filter(is_default_site=True).first()
    # Full URLs (sitemap, feeds, canonical links outside a request) are built from the Site
    # record: it must name the public address, not Wagtail's default localhost:80.
    address = urlsplit(settings.SITE_BASE_URL)
    hostname = address.hostname or "localhost"
    port = address.port or (443 if address.scheme == "https" else 80)
    if site is None:
        Site.objects.create(
            hostname=hostname, port=port, root_page=pages["nl"], is_default_site=True, site_name="Pr8werk"
        )
        return pages
    changed = site.root_page_id != pages["nl"].pk
    site.root_page = pages["nl"]
    # A record still on a loopback address was made by an earlier demo run, perhaps on another
    # port (`PORT=8080 make run`): it follows SITE_BASE_URL. A real host set by the operator stays.
    if site.hostname in LOOPBACK_HOSTS and (site.hostname, site.port) != (hostname, port):
        site.hostname, site.port = hostname, port
        changed = True
    if changed:
        site.save()
    return pages


CALL_TO_ACTION = {
    "nl": ("Zo werkt Pr8werk", "Lees hoe een ontbijtsessie en een zwermsessie verlopen.", "Over Pr8werk"),
    "en": ("How Pr8werk works", "Read how a breakfast session and a swarm session go.", "About Pr8werk"),
    "de": (
        "So arbeitet Pr8werk",
        "Lesen Sie, wie Frühstücks- und Schwarmsitzungen ablaufen.",
        "Über Pr8werk",
    ),
}


def _home_call_to_action(homes, about):
    for code, home in homes.items():
        # Fresh from the database: a stale copy would write back an old child count on publish.
        home.refresh_from_db()
        if home.body:
            continue
        title, text, label = CALL_TO_ACTION[code]
        home.body = [
            {
                "type": "call_to_action",
                "value": {"title": title, "text": text, "link_page": about[code].pk, "link_label": label},
            }
        ]
        home.save_revision().publish()
