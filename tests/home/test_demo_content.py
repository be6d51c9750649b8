import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Revision, Site

from events.models import EventPage, Registration
from events.reports import ReportOutcome, SessionReportPage
from home.models import FooterText, HomePage, PartnerQuote, Sector
from network.models import NetworkPage
from news.models import NewsPage


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
    """A second load (here the second and third, the first one adding the demo accounts) adds nothing."""
    call_command("load_demo_content", "--demo-users", verbosity=0)
    first = counts()
    call_command("load_demo_content", "--demo-users", verbosity=0)
    assert counts() == first
    assert first["users"] >= 1
    assert get_user_model().objects.get(username="admin").is_superuser


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
