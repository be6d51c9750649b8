"""The directory: alphabetical, filters and search that combine and live in the URL, freshness marks."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.test.utils import WagtailPageTestCase

from home.demo import demo_image
from home.models import HomePage
from network.models import NetworkIndexPage, NetworkPage
from tests.network.conftest import add_network

pytestmark = pytest.mark.django_db

TITLE_RE = re.compile(r'<h2 class="card__title"><a href="[^"]+">([^<]+)</a></h2>')


def titles(response):
    return TITLE_RE.findall(response.content.decode())


@pytest.fixture
def networks(directory, sectors):
    index = directory["nl"]
    return {
        "zorg": add_network(
            index,
            "Zorgnetwerk Oost",
            sectors=[sectors["organisaties"]],
            municipalities=["oost-gelre", "winterswijk"],
            tags=["zorg", "welzijn"],
            short_description="Zelfstandige verpleegkundigen en begeleiders.",
        ),
        "ict": add_network(
            index,
            "ICT Achterhoek",
            sectors=[sectors["ondernemers"], sectors["overheid"]],
            municipalities=["doetinchem"],
            tags=["ict"],
            short_description="Programmeurs en netwerkbeheerders.",
        ),
        "bouw": add_network(
            index,
            "Bouwers Aalten",
            sectors=[sectors["ondernemers"]],
            municipalities=["aalten", "doetinchem"],
            tags=["bouw"],
            short_description="Timmerlieden en installateurs die samen verduurzamen.",
        ),
    }


def test_alphabetical(client, networks):
    assert titles(client.get("/netwerken/")) == ["Bouwers Aalten", "ICT Achterhoek", "Zorgnetwerk Oost"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?sector=ondernemers", ["Bouwers Aalten", "ICT Achterhoek"]),
        ("?sector=overheid", ["ICT Achterhoek"]),
        ("?municipality=doetinchem", ["Bouwers Aalten", "ICT Achterhoek"]),
        ("?municipality=winterswijk", ["Zorgnetwerk Oost"]),
        ("?tag=ict", ["ICT Achterhoek"]),
        ("?sector=ondernemers&municipality=doetinchem&tag=bouw", ["Bouwers Aalten"]),
        ("?sector=organisaties&municipality=doetinchem", []),
        ("?q=verpleegkundigen", ["Zorgnetwerk Oost"]),
        ("?q=installateurs&municipality=aalten", ["Bouwers Aalten"]),
        ("?q=installateurs&municipality=winterswijk", []),
        ("?q=Zorgnet", ["Zorgnetwerk Oost"]),
        ("?sector=bestaat-niet", []),
        ('?q="', []),
        ("?q=NEAR(", []),
        ("?q=(verpleegkundigen", ["Zorgnetwerk Oost"]),
        ("?q=*%25-", []),
        ("?page=99", ["Bouwers Aalten", "ICT Achterhoek", "Zorgnetwerk Oost"]),
    ],
)
def test_filters_and_search_combine(client, networks, query, expected):
    response = client.get("/netwerken/" + query)
    assert response.status_code == 200
    assert titles(response) == expected


def test_a_page_number_that_is_no_number_is_not_found(client, networks):
    """The one pagination policy of the site: crawlers drop such an address instead of indexing a copy."""
    assert client.get("/netwerken/?page=abc").status_code == 404


def test_filters_work_with_the_same_slugs_in_english(client, networks):
    """Translations link the Dutch sectors; slugs are the same in every language."""
    for page in networks.values():
        page.copy_for_translation(
            NetworkIndexPage.objects.get(slug="networks").locale
        ).save_revision().publish()
    response = client.get("/en/networks/?sector=overheid&municipality=doetinchem")
    assert titles(response) == ["ICT Achterhoek"]
    html = response.content.decode()
    assert '<option value="overheid" selected>Government</option>' in html


def test_chosen_filters_show_in_the_form(client, networks):
    html = client.get("/netwerken/?sector=overheid&municipality=doetinchem&tag=ict&q=beheer").content.decode()
    assert '<option value="overheid" selected>' in html
    assert '<option value="doetinchem" selected>Doetinchem</option>' in html
    assert '<option value="ict" selected>ict</option>' in html
    assert 'name="q" value="beheer"' in html
    assert "Filters wissen" in html


def test_drafts_are_not_listed(client, directory, networks):
    draft = NetworkPage(title="Concept Netwerk", short_description="nog niet klaar", live=False)
    directory["nl"].add_child(instance=draft)
    assert "Concept Netwerk" not in titles(client.get("/netwerken/"))


def test_stale_entries_are_marked(client, networks, settings):
    settings.NETWORK_STALE_MONTHS = 6
    NetworkPage.objects.filter(pk=networks["bouw"].pk).update(
        last_published_at=timezone.now() - timedelta(days=200)
    )
    html = client.get("/netwerken/").content.decode()
    assert html.count("Mogelijk verouderd") == 1
    card = html[html.index("Bouwers Aalten") : html.index("ICT Achterhoek")]
    assert "Mogelijk verouderd" in card
    detail = client.get(networks["bouw"].url).content.decode()
    assert "mogelijk verouderd" in detail
    assert "mogelijk verouderd" not in client.get(networks["ict"].url).content.decode()


def test_network_page_shows_its_details(client, networks):
    page = networks["ict"]
    page.website = "https://ict.example"
    page.contact_person = "Eva Bos"
    page.email = "eva@ict.example"
    page.member_count = 42
    page.meeting_frequency = "monthly"
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    for text in (
        "ICT Achterhoek",
        "Eva Bos",
        "mailto:eva@ict.example",
        "42",
        "Maandelijks",
        "Doetinchem",
        "Overheid",
    ):
        assert text in html


QUERIES = []


def count_queries(client, url):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    QUERIES.append(f"--- {len(context)} ---")
    QUERIES.extend(query["sql"][:150] for query in context.captured_queries)
    assert response.status_code == 200
    return len(context), response


def test_same_number_of_queries_for_5_and_60_networks(client, directory, sectors):
    index = directory["nl"]
    logo = demo_image("Logo", seed=1, size=(200, 120))

    def add(count, start):
        for number in range(start, start + count):
            add_network(
                index,
                f"Netwerk {number:03d}",
                sectors=[sectors["ondernemers"], sectors["overheid"]],
                municipalities=["aalten", "doetinchem"],
                tags=[f"beroep-{number}", "zorg"],
                logo=logo,
            )

    add(5, 0)
    # Warm what does not depend on the list: the first render makes the logo rendition, which
    # empties the content cache (home/cache.py), so the second render fills the page chrome again.
    client.get("/netwerken/")
    client.get("/netwerken/")
    few, response = count_queries(client, "/netwerken/")
    assert len(titles(response)) == 5
    assert 'class="network-card__logo"' in response.content.decode()
    add(55, 5)
    client.get("/netwerken/")
    client.get("/netwerken/")
    many, response = count_queries(client, "/netwerken/")
    assert len(titles(response)) == 30  # the first page of the directory
    assert many == few <= 12, "\n".join(QUERIES)
    filtered_few, _ = count_queries(
        client, "/netwerken/?sector=overheid&municipality=aalten&tag=zorg&q=Netwerk"
    )
    assert filtered_few <= few + 3


def test_home_page_shows_recent_networks_and_links_the_directory(client, networks):
    html = client.get("/").content.decode()
    assert "Netwerken van zelfstandige professionals" in html
    assert networks["bouw"].url in html
    assert 'href="/netwerken/"' in html


def test_home_page_remembers_its_networks_until_the_directory_changes(client, networks, directory):
    client.get("/")  # the site's settings, made on the first visit, move the content generation on
    client.get("/")
    with CaptureQueriesContext(connection) as queries:
        client.get("/")
    assert not any("network_networkpage" in query["sql"] for query in queries.captured_queries)

    newest = add_network(directory["nl"], "Netwerk Nieuwkomer")
    assert newest.url in client.get("/").content.decode()


class TestPageTypeRules(WagtailPageTestCase):
    def test_directory_under_home_and_networks_under_the_directory_only(self):
        self.assertAllowedParentPageTypes(NetworkIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(NetworkIndexPage, {NetworkPage})
        self.assertAllowedParentPageTypes(NetworkPage, {NetworkIndexPage})
        self.assertAllowedSubpageTypes(NetworkPage, set())


def test_the_directory_remembers_its_filter_choices_until_a_network_changes(client, networks, directory):
    client.get("/netwerken/")  # the site's settings, made on the first visit, move the generation on
    client.get("/netwerken/")
    with CaptureQueriesContext(connection) as queries:
        html = client.get("/netwerken/").content.decode()
    assert 'value="zorg"' in html and 'value="aalten"' in html
    asked = " ".join(query["sql"] for query in queries.captured_queries)
    assert 'SELECT DISTINCT "taggit_tag"."id"' not in asked  # the tags to filter on, not the cards' own
    assert 'FROM "network_municipality" ORDER BY' not in asked

    add_network(directory["nl"], "Netwerk Duurzaam", tags=["duurzaamheid"])
    assert 'value="duurzaamheid"' in client.get("/netwerken/").content.decode()
