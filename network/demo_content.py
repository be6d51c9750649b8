"""Demo content of the network app: the partner quotes of the 2012 report, with their people."""

from home.demo import translated_snippet
from home.models import HomePage
from network.models import PartnerQuote

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
    return quotes
