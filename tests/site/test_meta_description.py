"""Every public page tells search engines what it is about, in its own language."""

import re

import pytest

from news.models import NewsPage

META_DESCRIPTION = re.compile(r'<meta name="description" content="([^"]*)">')


@pytest.mark.django_db
def test_every_page_has_one_non_empty_meta_description(site_walk):
    """Each HTML page of the walk in nl, en and de carries exactly one meta description, none empty."""
    pages = {path: visit for path, visit in site_walk.items() if visit.content_type.startswith("text/html")}
    assert {path.split("/")[1] for path in pages} >= {"en", "de", "nieuws"}
    missing = []
    for path, visit in pages.items():
        descriptions = META_DESCRIPTION.findall(visit.html())
        if len(descriptions) != 1 or len(descriptions[0].strip()) < 20:
            missing.append((path, descriptions))
    assert not missing


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/over-pr8werk/", "ontbijt- en zwermsessies die zp'ers"),
        ("/en/privacy/", "Which personal data Pr8werk keeps"),
        ("/de/barrierefreiheit/", "Wie barrierefrei die Website"),
    ],
)
def test_the_demo_pages_describe_themselves_in_their_language(demo_site, client, path, expected):
    """The about, privacy and accessibility pages carry a search description of their own per language."""
    [description] = META_DESCRIPTION.findall(client.get(path).content.decode())
    assert expected in description.replace("&#x27;", "'")


@pytest.mark.django_db
def test_an_empty_search_description_falls_back_to_the_intro(demo_site, client):
    """A page whose editor left the search description empty is described by its introduction."""
    story = NewsPage.objects.live().filter(locale__language_code="de").first()
    NewsPage.objects.filter(pk=story.pk).update(search_description="")

    [description] = META_DESCRIPTION.findall(client.get(story.url).content.decode())
    assert description and description.replace("&#x27;", "'")[:40] in " ".join(story.intro.split())
