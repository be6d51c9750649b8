import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Revision, Site

from events.models import EventPage, Registration, ReportOutcome, SessionReportPage
from home.models import FooterText, HomePage, PartnerQuote, Sector
from network.models import NetworkPage
from news.models import NewsPage, Topic


def counts():
    return {
        "pages": Page.objects.count(),
        "sectors": Sector.objects.count(),
        "quotes": PartnerQuote.objects.count(),
        "footers": FooterText.objects.count(),
        "users": get_user_model().objects.count(),
        "images": get_image_model().objects.count(),
        "sites": Site.objects.count(),
        "revisions": Revision.objects.count(),
        "news": NewsPage.objects.count(),
        "sessions": EventPage.objects.count(),
        "registrations": Registration.objects.count(),
        "reports": SessionReportPage.objects.count(),
        "outcomes": ReportOutcome.objects.count(),
        "networks": NetworkPage.objects.count(),
    }


@pytest.mark.django_db
def test_load_demo_content_again_changes_nothing(demo_site):
    """A second load (here the second and third, the first one adding the demo accounts) adds nothing
    and keeps what editors changed in the meantime."""
    call_command("load_demo_content", "--demo-users", verbosity=0)
    first = counts()
    english = NewsPage.objects.get(slug="pr8werk-gets-going")
    english.title = "Pr8werk gets going (edited)"
    english.save_revision().publish()
    Topic.objects.filter(slug="swarm-session").update(name="swarm meeting")
    call_command("load_demo_content", "--demo-users", verbosity=0)
    assert counts() == {**first, "revisions": first["revisions"] + 1}
    assert first["users"] >= 1
    assert get_user_model().objects.get(username="admin").is_superuser
    assert NewsPage.objects.get(slug="pr8werk-gets-going").title == "Pr8werk gets going (edited)"
    assert Topic.objects.get(slug="swarm-session").name == "swarm meeting"


@pytest.mark.django_db
def test_demo_news_translations_share_block_ids(demo_site):
    """Each block of an English or German news page has the id of the same block on the Dutch page,
    as a translation made in wagtail-localize has, so block and translation pair up."""
    dutch_pages = NewsPage.objects.filter(locale__language_code="nl")
    assert dutch_pages.count() >= 10
    for dutch in dutch_pages:
        translations = [page.specific for page in dutch.get_translations()]
        assert len(translations) == 2
        for translation in translations:
            assert [block.id for block in translation.body] == [block.id for block in dutch.body]


@pytest.mark.django_db
def test_demo_site_in_three_languages(demo_site):
    assert set(Locale.objects.values_list("language_code", flat=True)) == {"nl", "en", "de"}
    homes = HomePage.objects.live()
    assert {home.locale.language_code for home in homes} == {"nl", "en", "de"}
    assert Site.objects.get(is_default_site=True).root_page.specific.locale.language_code == "nl"
    for language in ("nl", "en", "de"):
        assert Sector.objects.filter(locale__language_code=language).count() == 3
        assert PartnerQuote.objects.filter(locale__language_code=language, live=True).count() >= 3
    assert set(Sector.objects.values_list("slug", flat=True)) == {"ondernemers", "overheid", "organisaties"}


@pytest.mark.django_db
def test_demo_users_only_when_asked(demo_site):
    """Without --demo-users (the default outside dev settings) no account with a known password exists."""
    assert not get_user_model().objects.filter(username="admin").exists()


@pytest.mark.django_db
def test_what_the_demo_fills_in_later_is_there_in_every_language(demo_site):
    """The home page's call to action links the about page (made after it) in the page's own language,
    as the same block in every language; every network has its tags in every language."""
    dutch = HomePage.objects.get(locale__language_code="nl")
    for home in HomePage.objects.all():
        [block] = home.body
        assert block.id == dutch.body[0].id
        assert block.value["link_page"].locale_id == home.locale_id
        assert home.featured_quote.locale_id == home.locale_id
    networks = NetworkPage.objects.all()
    assert {network.locale.language_code for network in networks} == {"nl", "en", "de"}
    assert all(network.tags.exists() for network in networks)
