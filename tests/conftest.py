"""Fixtures shared by every app's tests: locales, the home pages of the three languages, the demo site."""

import pytest
from django.core.management import call_command
from wagtail.models import Locale


@pytest.fixture
def locales(db):
    """The nl, en and de locales, keyed by language code."""
    from home.demo import ensure_locales

    return ensure_locales()


@pytest.fixture
def home_pages(locales):
    """The Dutch home page as root of the default site, with English and German translations."""
    from home.demo_content import build_home_pages

    return build_home_pages()


@pytest.fixture
def home_page(home_pages):
    return home_pages["nl"]


@pytest.fixture
def demo_site(db):
    """The whole demo site, as `make run` builds it (without the demo accounts)."""
    call_command("load_demo_content", verbosity=0)
    return {locale.language_code: locale for locale in Locale.objects.all()}


@pytest.fixture
def admin_user(django_user_model):
    return django_user_model.objects.create_superuser("staff", "staff@example.org", "secret-pass-123")
