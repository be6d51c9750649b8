"""axe-core over every page of the sitemap, in nl, en and de, plus the pages visitors reach by error."""

import pytest
from django.test import Client

from tests.browser.conftest import axe_violations
from tests.site.pages import sitemap_paths

pytestmark = [pytest.mark.browser, pytest.mark.walk]


def test_no_axe_violations_on_any_page(live_site, page):
    paths = sitemap_paths(Client())  # the live server's database, read in this process
    languages = {path.split("/")[1] if path.split("/")[1] in ("en", "de") else "nl" for path in paths}
    assert languages == {"nl", "en", "de"}
    problems = []
    for path in [*paths, "/bestaat-niet/", "/en/not-here/"]:
        page.goto(live_site.url + path)
        for violation in axe_violations(page):
            targets = [node["target"] for node in violation["nodes"]][:3]
            problems.append(f"{path}: {violation['id']} ({violation['impact']}) {targets}")
    assert not problems, "\n".join(problems)
