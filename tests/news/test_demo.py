"""The demo news. Loading the demo takes long, so each test checks several things of one load."""

import pytest

from news.models import NewsIndexPage, NewsPage


@pytest.mark.django_db
def test_every_demo_news_page_answers_in_nl_en_and_de(demo_site, client):
    """Every news page and index of the demo answers 200, in the language of its tree."""
    pages = list(NewsPage.objects.live().select_related("locale"))
    pages += list(NewsIndexPage.objects.live().select_related("locale"))
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert f'<html lang="{page.locale.language_code}">' in response.content.decode(), page.url
    per_language = {
        code: NewsPage.objects.live().filter(locale__language_code=code).count()
        for code in ("nl", "en", "de")
    }
    # More than one page of news in every language, so pagination shows.
    assert all(count > 10 for count in per_language.values()), per_language
    assert len(set(per_language.values())) == 1


@pytest.mark.django_db
def test_demo_tells_the_seed_stories_with_topics_in_three_languages(demo_site, client):
    for url, texts in (
        ("/nieuws/vliegende-start-voor-ontbijtsessies/", ["110", "Wehl", "Lievelde", "zwermsessie"]),
        ("/en/news/flying-start-for-the-breakfast-sessions/", ["110", "Wehl", "swarm session"]),
        (
            "/de/neuigkeiten/fliegender-start-fuer-die-fruehstueckssitzungen/",
            ["110", "Wehl", "Schwarmsitzung"],
        ),
        ("/nieuws/oude-ijsselstreek-neemt-zwermsessies-over/", ["flexibele schil"]),
        ("/en/news/oude-ijsselstreek-at-ambtenaar-2-0/", ["Ambtenaar 2.0", "network organisation"]),
        ("/de/neuigkeiten/oude-ijsselstreek-bei-ambtenaar-2-0/", ["Ambtenaar 2.0"]),
    ):
        html = client.get(url).content.decode()
        for text in texts:
            assert text in html, (url, text)

    page = NewsPage.objects.get(slug="oude-ijsselstreek-adopts-the-swarm-sessions")
    assert [sector.slug for sector in page.sectors.all()] == ["overheid"]
    assert "swarm session" in {topic.name for topic in page.topic_list}
    german = client.get("/de/neuigkeiten/fliegender-start-fuer-die-fruehstueckssitzungen/").content.decode()
    assert 'href="/de/neuigkeiten/?tag=schwarmsitzung">Schwarmsitzung</a>' in german
    assert ">zwermsessie<" not in german
    html = client.get("/en/news/?sector=overheid&tag=swarm-session").content.decode()
    assert "Oude IJsselstreek adopts the swarm sessions" in html
    assert "Freelancer networks join forces" not in html

    assert "Nieuw jaar, nieuwe O: de ondernemers" in client.get("/").content.decode()
    assert "New year, new O: business" in client.get("/en/").content.decode()
    assert "Neues Jahr, neues O: die Unternehmen" in client.get("/de/").content.decode()
