import pytest

from tests.browser.conftest import axe_violations

pytestmark = pytest.mark.browser


def test_visitor_filters_reads_and_searches_the_news(live_site, page):
    """News index, filters and their removal, a news page, search: no axe-core violations, in nl, en, de."""
    page.goto(live_site.url + "/en/news/")
    assert page.get_by_role("heading", level=1).inner_text() == "News"
    assert axe_violations(page) == []

    page.get_by_role("link", name="Government", exact=True).click()
    page.wait_for_url("**/en/news/?sector=overheid")
    page.get_by_role("link", name="swarm session", exact=True).click()
    page.wait_for_url("**/en/news/?sector=overheid&tag=swarm-session")
    assert page.get_by_role("link", name="Oude IJsselstreek adopts the swarm sessions").is_visible()
    assert axe_violations(page) == []
    page.get_by_role("link", name="remove the filter “Government”").click()
    page.wait_for_url("**/en/news/?tag=swarm-session")

    page.get_by_role("link", name="A flying start for the breakfast sessions").click()
    assert page.get_by_role("heading", level=1).inner_text() == "A flying start for the breakfast sessions"
    assert axe_violations(page) == []

    search = page.get_by_role("searchbox", name="Search the site").first
    search.fill("kwartel Lievelde")
    search.press("Enter")
    page.wait_for_url("**/en/search/?q=*")
    assert "Nothing found" in page.locator("main").inner_text()
    search = page.get_by_role("searchbox", name="Search the site").last
    search.fill("Lievelde")
    search.press("Enter")
    page.wait_for_url("**/en/search/?q=Lievelde")
    assert page.locator("mark").first.inner_text() == "Lievelde"
    assert axe_violations(page) == []

    for path in (
        "/nieuws/",
        "/nieuws/vliegende-start-voor-ontbijtsessies/",
        "/de/neuigkeiten/?page=2",
        "/zoeken/?q=",
    ):
        page.goto(live_site.url + path)
        assert axe_violations(page) == [], path
