import pytest

STATEMENTS = {
    "/toegankelijkheid/": ("alleen het toetsenbord", "Nu Html Checker", "axe-core", "Wat nog niet goed is"),
    "/en/accessibility/": ("with the keyboard alone", "Nu Html Checker", "axe-core", "What is not right yet"),
    "/de/barrierefreiheit/": (
        "nur mit der Tastatur",
        "Nu Html Checker",
        "axe-core",
        "Was noch nicht gut ist",
    ),
}


@pytest.mark.django_db
@pytest.mark.parametrize(("url", "phrases"), STATEMENTS.items())
def test_statement_tells_what_is_tested(demo_site, client, url, phrases):
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    for phrase in phrases:
        assert phrase in html
