"""Demo content of the network app: the partner quotes of the 2012 report, with their people, and
the network directory: ONZ Achterhoek (the lead partner of Pr8werk, from the seed report) and a few
fictional demo networks, clearly marked as such, with a demo network editor account."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from home.demo import register_demo_login, site_root, translated_page, translated_snippet
from home.models import HomePage, PartnerQuote, Sector
from home.roles import ensure_staff_group
from network.models import Municipality, NetworkIndexPage, NetworkPage
from network.onboarding import (
    MODERATORS_GROUP,
    ensure_collection,
    ensure_group,
    ensure_moderation,
)

NETWORK_EDITOR_USERNAME = "netwerk-demo"
NETWORK_EDITOR_PASSWORD = "pr8werk-netwerk"  # noqa: S105 - printed by `make run`, dev settings only
NETWORK_EDITOR_NETWORK = "ICT-kring Doetinchem (demo)"
MODERATOR_USERNAME = "communicatie-demo"
MODERATOR_PASSWORD = "pr8werk-communicatie"  # noqa: S105 - printed by `make run`, dev settings only
register_demo_login("Network editor", NETWORK_EDITOR_USERNAME, NETWORK_EDITOR_PASSWORD)
register_demo_login("Communications staff", MODERATOR_USERNAME, MODERATOR_PASSWORD)

# The quotations are the speakers' own words from the 2012 report; translations are ours.
QUOTES = [
    (
        "Henk Dijk",
        "https://www.onzachterhoek.nl/",
        {
            "nl": {
                "role": "voorzitter ONZ Achterhoek, penvoerder van Pr8werk",
                "organisation": "ONZ Achterhoek",
                "quote": "Collectief staan we sterker om aandacht te vragen voor de groep zelfstandigen.",
            },
            "en": {
                "role": "chair of ONZ Achterhoek, lead partner of Pr8werk",
                "organisation": "ONZ Achterhoek",
                "quote": "Together we stand stronger in asking attention for independent professionals.",
            },
            "de": {
                "role": "Vorsitzender von ONZ Achterhoek, federführender Partner von Pr8werk",
                "organisation": "ONZ Achterhoek",
                "quote": "Gemeinsam sind wir stärker, wenn wir Aufmerksamkeit für die Selbstständigen "
                "einfordern.",
            },
        },
    ),
    (
        "Marleen van Boheemen",
        "",
        {
            "nl": {
                "role": "Kamer van Koophandel",
                "organisation": "Kamer van Koophandel",
                "quote": "Ik verwacht dat het traditionele beeld dat bij zp-ers leeft over overheid en vice "
                "versa kan worden doorbroken met dit project. Wel moeten we daar nog een slag in slaan.",
            },
            "en": {
                "role": "Chamber of Commerce",
                "organisation": "Kamer van Koophandel (Chamber of Commerce)",
                "quote": "I expect this project can break the traditional image freelancers have of "
                "government, and the other way round. We do still have work to do there.",
            },
            "de": {
                "role": "Handelskammer",
                "organisation": "Kamer van Koophandel (Handelskammer)",
                "quote": "Ich erwarte, dass dieses Projekt das traditionelle Bild aufbrechen kann, das "
                "Selbstständige von der Verwaltung haben, und umgekehrt. Da müssen wir aber noch "
                "nachlegen.",
            },
        },
    ),
    (
        "Pim Kroes",
        "",
        {
            "nl": {
                "role": "inkoopadviseur",
                "organisation": "gemeente Doetinchem",
                "quote": "Ook in tijden van bezuinigingen zijn nog volop opdrachten te vervullen.",
            },
            "en": {
                "role": "procurement advisor",
                "organisation": "Municipality of Doetinchem",
                "quote": "Even in times of budget cuts there is still plenty of work to be done.",
            },
            "de": {
                "role": "Einkaufsberater",
                "organisation": "Gemeinde Doetinchem",
                "quote": "Auch in Zeiten von Sparmaßnahmen gibt es noch reichlich Aufträge zu vergeben.",
            },
        },
    ),
    (
        "Wethouder",
        "",
        {
            "nl": {
                "role": "boodschap van de wethouder aan de zorg-zp'ers",
                "organisation": "",
                "quote": "Zorg-zp'ers in de Achterhoek, er zijn veel kansen voor jullie, want er komt veel "
                "meer behoefte aan flexibele zorgprofessionals.",
            },
            "en": {
                "person_name": "Alderman",
                "role": "message of the alderman to freelancers in care",
                "organisation": "",
                "quote": "Freelancers in care in the Achterhoek, there are many opportunities for you, "
                "because the need for flexible care professionals is growing a lot.",
            },
            "de": {
                "person_name": "Beigeordneter",
                "role": "Botschaft des Beigeordneten an Selbstständige in der Pflege",
                "organisation": "",
                "quote": "Selbstständige in der Pflege im Achterhoek, es gibt viele Chancen für euch, denn "
                "der Bedarf an flexiblen Pflegefachkräften wächst stark.",
            },
        },
    ),
]


DIRECTORY = {
    "nl": {
        "title": "Netwerken",
        "slug": "netwerken",
        "show_in_menus": True,
        "intro": "Pr8werk verbindt netwerken van zelfstandige professionals in de Achterhoek. Zoek een "
        "netwerk op sector, gemeente of beroep. Elk netwerk houdt zijn eigen vermelding bij.",
    },
    "en": {
        "title": "Networks",
        "slug": "networks",
        "intro": "Pr8werk connects networks of independent professionals in the Achterhoek. Find a "
        "network by sector, municipality or profession. Each network keeps its own entry up to date.",
    },
    "de": {
        "title": "Netzwerke",
        "slug": "netzwerke",
        "intro": "Pr8werk verbindet Netzwerke selbstständiger Fachkräfte im Achterhoek. Finden Sie ein "
        "Netzwerk nach Sektor, Gemeinde oder Beruf. Jedes Netzwerk pflegt seinen Eintrag selbst.",
    },
}

DEMO_NOTE = {
    "nl": "<p><b>Fictief voorbeeld:</b> dit netwerk bestaat niet; het laat zien hoe een vermelding "
    "eruitziet.</p>",
    "en": "<p><b>Fictional example:</b> this network does not exist; it shows what an entry looks like.</p>",
    "de": "<p><b>Fiktives Beispiel:</b> Dieses Netzwerk gibt es nicht; es zeigt, wie ein Eintrag "
    "aussieht.</p>",
}

# (Dutch title, sector slugs, municipality slugs, tags, members, meets, shared fields, per language)
NETWORKS = [
    (
        "ONZ Achterhoek",
        ["ondernemers", "overheid", "organisaties"],
        [
            "aalten",
            "berkelland",
            "bronckhorst",
            "doetinchem",
            "montferland",
            "oost-gelre",
            "oude-ijsselstreek",
            "winterswijk",
        ],
        ["ondernemerschap", "belangenbehartiging"],
        None,
        "",
        {"website": "https://www.onzachterhoek.nl/", "contact_person": "Henk Dijk, voorzitter"},
        {
            "nl": {
                "slug": "onz-achterhoek",
                "short_description": "Netwerk van zelfstandig ondernemers in de Achterhoek en penvoerder "
                "van Pr8werk.",
                "body": "<p>ONZ Achterhoek brengt zelfstandige professionals in de hele Achterhoek bij "
                "elkaar. Voorzitter Henk Dijk trekt namens de regionale zp-organisaties het Pr8werk-project "
                "uit Agenda 2020; ONZ Achterhoek is de penvoerder.</p><p>Verbinden en samenwerken zijn de "
                "belangrijkste doelen: collectief staan zelfstandigen sterker om aandacht voor hun groep "
                "te vragen.</p>",
            },
            "en": {
                "slug": "onz-achterhoek",
                "short_description": "Network of independent entrepreneurs in the Achterhoek and lead "
                "partner of Pr8werk.",
                "body": "<p>ONZ Achterhoek brings independent professionals from all over the Achterhoek "
                "together. Its chair, Henk Dijk, leads the Pr8werk project of Agenda 2020 on behalf of "
                "the regional freelancer organisations; ONZ Achterhoek is the lead partner.</p><p>Connecting "
                "and working together are the main goals: together, independent professionals stand "
                "stronger in asking attention for their group.</p>",
            },
            "de": {
                "slug": "onz-achterhoek",
                "short_description": "Netzwerk selbstständiger Unternehmer im Achterhoek und "
                "federführender Partner von Pr8werk.",
                "body": "<p>ONZ Achterhoek bringt selbstständige Fachkräfte aus dem ganzen Achterhoek "
                "zusammen. Der Vorsitzende Henk Dijk leitet im Namen der regionalen "
                "Selbstständigenorganisationen das Pr8werk-Projekt der Agenda 2020; ONZ Achterhoek ist "
                "der federführende Partner.</p><p>Verbinden und Zusammenarbeiten sind die wichtigsten "
                "Ziele: Gemeinsam stehen Selbstständige stärker da, wenn sie Aufmerksamkeit für ihre "
                "Gruppe einfordern.</p>",
            },
        },
    ),
    (
        "ICT-kring Doetinchem (demo)",
        ["ondernemers", "overheid"],
        ["doetinchem", "montferland"],
        ["ict", "webdesign", "informatiebeveiliging"],
        38,
        "monthly",
        {
            "website": "https://ict-kring.example.org/",
            "contact_person": "Demo-contactpersoon",
            "email": "ict-kring@example.org",
        },
        {
            "nl": {
                "title": "ICT-kring Doetinchem (demo)",
                "slug": "ict-kring-doetinchem-demo",
                "short_description": "Fictief demonetwerk van zelfstandige ICT-specialisten die samen "
                "grotere opdrachten aannemen.",
                "body": DEMO_NOTE["nl"] + "<p>De leden ontwikkelen websites, beheren netwerken en "
                "adviseren gemeenten en bedrijven over informatiebeveiliging.</p>",
            },
            "en": {
                "title": "ICT circle Doetinchem (demo)",
                "slug": "ict-circle-doetinchem-demo",
                "short_description": "Fictional demo network of independent IT specialists who take on "
                "larger assignments together.",
                "body": DEMO_NOTE["en"] + "<p>Members build websites, run networks and advise "
                "municipalities and companies on information security.</p>",
            },
            "de": {
                "title": "IT-Kreis Doetinchem (Demo)",
                "slug": "it-kreis-doetinchem-demo",
                "short_description": "Fiktives Demo-Netzwerk selbstständiger IT-Fachleute, die gemeinsam "
                "größere Aufträge übernehmen.",
                "body": DEMO_NOTE["de"] + "<p>Die Mitglieder entwickeln Websites, betreuen Netzwerke und "
                "beraten Gemeinden und Unternehmen zur Informationssicherheit.</p>",
            },
        },
    ),
    (
        "Zorg-zp Oost Gelre (demo)",
        ["organisaties"],
        ["oost-gelre", "winterswijk", "berkelland"],
        ["zorg", "welzijn", "verpleging"],
        54,
        "bimonthly",
        {"contact_person": "Demo-contactpersoon", "email": "zorg-zp@example.org"},
        {
            "nl": {
                "title": "Zorg-zp Oost Gelre (demo)",
                "slug": "zorg-zp-oost-gelre-demo",
                "short_description": "Fictief demonetwerk van zelfstandige zorgprofessionals die samen "
                "de flexibele schil van zorginstellingen vormen.",
                "body": DEMO_NOTE["nl"] + "<p>Verpleegkundigen, begeleiders en coaches die elkaar "
                "vervangen bij ziekte en samen scholing organiseren.</p>",
            },
            "en": {
                "title": "Care freelancers Oost Gelre (demo)",
                "slug": "care-freelancers-oost-gelre-demo",
                "short_description": "Fictional demo network of independent care professionals who "
                "together form the flexible shell of care organisations.",
                "body": DEMO_NOTE["en"] + "<p>Nurses, support workers and coaches who stand in for each "
                "other and organise training together.</p>",
            },
            "de": {
                "title": "Pflege-Selbstständige Oost Gelre (Demo)",
                "slug": "pflege-selbststaendige-oost-gelre-demo",
                "short_description": "Fiktives Demo-Netzwerk selbstständiger Pflegekräfte, die gemeinsam "
                "den flexiblen Personalpool von Pflegeeinrichtungen bilden.",
                "body": DEMO_NOTE["de"] + "<p>Pflegekräfte, Betreuer und Coaches, die sich gegenseitig "
                "vertreten und gemeinsam Fortbildungen organisieren.</p>",
            },
        },
    ),
    (
        "Bouwkring Aalten (demo)",
        ["ondernemers"],
        ["aalten", "oude-ijsselstreek"],
        ["bouw", "installatietechniek", "duurzaamheid"],
        22,
        "quarterly",
        {"contact_person": "Demo-contactpersoon"},
        {
            "nl": {
                "title": "Bouwkring Aalten (demo)",
                "slug": "bouwkring-aalten-demo",
                "short_description": "Fictief demonetwerk van zelfstandige vakmensen in bouw en installatie.",
                "body": DEMO_NOTE["nl"] + "<p>Timmerlieden, installateurs en adviseurs die samen "
                "verduurzamingsprojecten aannemen.</p>",
            },
            "en": {
                "title": "Building circle Aalten (demo)",
                "slug": "building-circle-aalten-demo",
                "short_description": "Fictional demo network of independent craftspeople in building and "
                "installation.",
                "body": DEMO_NOTE["en"] + "<p>Carpenters, installers and advisers who take on "
                "sustainability projects together.</p>",
            },
            "de": {
                "title": "Baukreis Aalten (Demo)",
                "slug": "baukreis-aalten-demo",
                "short_description": "Fiktives Demo-Netzwerk selbstständiger Handwerker in Bau und "
                "Installation.",
                "body": DEMO_NOTE["de"] + "<p>Zimmerleute, Installateure und Berater, die gemeinsam "
                "Sanierungsprojekte übernehmen.</p>",
            },
        },
    ),
    (
        "Creatief Collectief Bronckhorst (demo)",
        ["ondernemers", "organisaties"],
        ["bronckhorst", "berkelland"],
        ["ontwerp", "communicatie", "fotografie"],
        17,
        "monthly",
        {"website": "https://creatief-collectief.example.org/"},
        {
            "nl": {
                "title": "Creatief Collectief Bronckhorst (demo)",
                "slug": "creatief-collectief-bronckhorst-demo",
                "short_description": "Fictief demonetwerk van ontwerpers, tekstschrijvers en fotografen.",
                "body": DEMO_NOTE["nl"] + "<p>Samen verzorgen de leden complete campagnes voor "
                "ondernemers en culturele organisaties.</p>",
            },
            "en": {
                "title": "Creative Collective Bronckhorst (demo)",
                "slug": "creative-collective-bronckhorst-demo",
                "short_description": "Fictional demo network of designers, copywriters and photographers.",
                "body": DEMO_NOTE["en"] + "<p>Together the members run complete campaigns for businesses "
                "and cultural organisations.</p>",
            },
            "de": {
                "title": "Kreativkollektiv Bronckhorst (Demo)",
                "slug": "kreativkollektiv-bronckhorst-demo",
                "short_description": "Fiktives Demo-Netzwerk von Gestaltern, Textern und Fotografen.",
                "body": DEMO_NOTE["de"] + "<p>Gemeinsam gestalten die Mitglieder komplette Kampagnen für "
                "Unternehmen und Kultureinrichtungen.</p>",
            },
        },
    ),
]


def load(command):
    quotes = {}
    for person_name, link, content in QUOTES:
        quotes[person_name] = translated_snippet(
            PartnerQuote,
            {"person_name": person_name},
            {code: {"link": link, **values} for code, values in content.items()},
        )
    featured = quotes["Henk Dijk"]
    for home in HomePage.objects.filter(featured_quote__isnull=True):
        home.featured_quote = featured.get(home.locale.language_code, featured["nl"])
        home.save_revision().publish()

    directory = translated_page(site_root(), NetworkIndexPage, DIRECTORY)
    networks = load_networks(directory["nl"])
    # Henk Dijk's quote belongs on the page of ONZ Achterhoek, in each language.
    for code, quote in featured.items():
        if quote.page_id is None and code in networks["ONZ Achterhoek"]:
            quote.page = networks["ONZ Achterhoek"][code]
            quote.save(update_fields=["page"])
    # Migrations made the staff group; a flushed test database has lost its rights on the tree's
    # root collection and home pages, which exist again only now.
    ensure_staff_group()
    ensure_moderation()
    for name, pages in networks.items():
        collection, _created = ensure_collection(name)
        ensure_group(name, pages["nl"], collection)
    if command.demo_users:
        create_demo_users()
    return quotes


def load_networks(directory):
    sectors = {sector.slug: sector for sector in Sector.objects.filter(locale__language_code="nl")}
    Municipality.ensure_all()
    municipalities = {municipality.slug: municipality for municipality in Municipality.objects.all()}
    networks = {}
    for name, sector_slugs, municipality_slugs, tags, members, meets, shared, content in NETWORKS:
        relations = {
            "sectors": [sectors[slug] for slug in sector_slugs if slug in sectors],
            "municipalities": [municipalities[slug] for slug in municipality_slugs],
            "member_count": members,
            "meeting_frequency": meets,
            **shared,
        }
        pages = translated_page(
            directory,
            NetworkPage,
            {
                code: {"title": name, **relations, **values} if code == "nl" else values
                for code, values in content.items()
            },
        )
        for page in pages.values():
            if not page.tags.exists():
                page.tags.add(*tags)
                page.save_revision().publish()
        networks[name] = pages
    return networks


def create_demo_users():
    User = get_user_model()
    editor = User.objects.filter(username=NETWORK_EDITOR_USERNAME).first()
    if editor is None:
        editor = User.objects.create_user(
            NETWORK_EDITOR_USERNAME,
            "netwerk-demo@pr8werk.example",
            NETWORK_EDITOR_PASSWORD,
            first_name="Demo",
            last_name="Netwerkredacteur",
        )
    editor.groups.add(Group.objects.get(name=f"Netwerk: {NETWORK_EDITOR_NETWORK}"))
    moderator = User.objects.filter(username=MODERATOR_USERNAME).first()
    if moderator is None:
        moderator = User.objects.create_user(
            MODERATOR_USERNAME,
            "communicatie-demo@pr8werk.example",
            MODERATOR_PASSWORD,
            first_name="Demo",
            last_name="Communicatie",
        )
    moderator.groups.add(Group.objects.get(name=MODERATORS_GROUP))
