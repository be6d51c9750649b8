"""The demo loader: YAML objects built once in nl, en and de, as editors' translations, never overwritten."""

import datetime
import io
import uuid
from types import SimpleNamespace

import pytest
import yaml
from django.core.management import call_command
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import Page, Site
from wagtail_localize.models import Translation

from home.demo.loader import BLOCK_IDS, DemoYamlLoader, Loader, load_app
from home.models import ContentPage, FooterText, HomePage, Sector, SiteSettings

DATA = """
- model: wagtailimages.Image
  key: picture
  title: Test picture
  description: A test picture
  drawing: {seed: 3, size: [120, 80]}

- model: home.Sector
  key: sector
  nl: {name: Testsector, slug: testsector}
  en: {name: Test sector, slug: testsector}

- model: home.ContentPage
  key: page
  parent: site
  nl:
    title: Over ons
    slug: over-ons
    body:
    - paragraph: [Eerste alinea, Tweede alinea]
    - image: {image: picture, caption: Een foto, credit: Pr8werk}
  en:
    title: About us
    slug: about-us
    body:
    - paragraph: [First paragraph, Second paragraph]
    - image: {image: picture, caption: A picture, credit: Pr8werk}
"""


# A site from nothing: the home page in place of Wagtail's initial page, a link to a page made after
# it, and site settings.
SITE = """
- model: home.HomePage
  key: home
  parent: root
  site: Testsite
  nl: {title: Thuis, slug: home, mission_title: Missie, mission: Meer werk}
  en: {title: Home, slug: home-en, mission_title: Mission, mission: More work}

- model: home.ContentPage
  key: about
  parent: home
  nl: {title: Over ons, slug: over-ons}
  en: {title: About us, slug: about-us}

- fill: home
  nl: {body: [call_to_action: {title: Lees meer, link_page: about, link_label: Over ons}]}
  en: {body: [call_to_action: {title: Read more, link_page: about, link_label: About us}]}

- model: home.FooterText
  key: footer
  lookup: []
  nl: {text: [Voettekst]}

- model: home.SiteSettings
  contact_email: info@example.org
  footer_text: footer
  privacy_page: about
"""


SIDE_BY_SIDE = """
- model: home.ContentPage
  key: welcome
  parent: site
  body:
  - heading: {text: {nl: Welkom, en: Welcome, de: Willkommen}, level: h2}
  - id: programme
    heading: {text: {nl: Programma, en: Programme, de: Programm}, level: h2}
  nl: {title: Welkom, slug: welkom}
  en: {title: Welcome, slug: welcome}
  de: {title: Willkommen, slug: willkommen}
"""


def write_app(tmp_path, settings, data):
    settings.MEDIA_ROOT = tmp_path / "media"
    folder = tmp_path / "fixtures" / "demo"
    folder.mkdir(parents=True)
    (folder / "1-test.yaml").write_text(data, encoding="utf-8")
    return SimpleNamespace(path=str(tmp_path))


@pytest.fixture
def demo_app(tmp_path, settings):
    return write_app(tmp_path, settings, DATA)


def pages():
    return {page.locale.language_code: page for page in ContentPage.objects.select_related("locale")}


@pytest.mark.django_db
def test_loader_builds_translations_that_wagtail_localize_knows(home_pages, demo_app):
    load_app(demo_app, Loader())
    built = pages()
    assert built["en"].title == "About us"
    assert built["nl"].body[0].value.source == "<p>Eerste alinea</p><p>Tweede alinea</p>"
    assert built["en"].body[1].value["image"] == get_image_model().objects.get(title="Test picture")
    assert [block.id for block in built["en"].body] == [block.id for block in built["nl"].body]
    assert Translation.objects.filter(source__object_id=built["nl"].translation_key).count() == 1
    names = {sector.locale.language_code: sector.name for sector in Sector.objects.filter(slug="testsector")}
    assert names == {"nl": "Testsector", "en": "Test sector"}


@pytest.mark.django_db
def test_loader_again_keeps_what_editors_changed(home_pages, demo_app):
    load_app(demo_app, Loader())
    english = pages()["en"]
    english.title = "About Pr8werk"
    english.save_revision().publish()
    Sector.objects.filter(name="Test sector").update(name="Sector under test")
    load_app(demo_app, Loader())
    assert ContentPage.objects.count() == 2
    assert pages()["en"].title == "About Pr8werk"
    assert Sector.objects.filter(slug="testsector").count() == 2
    assert Sector.objects.filter(name="Sector under test").exists()


@pytest.mark.django_db
def test_loader_builds_a_site_from_wagtails_initial_one(locales, tmp_path, settings):
    """The home page replaces Wagtail's "Welcome" page as the root of the default site; what is filled
    in later (a link to a later page, settings) is there in every language and kept when changed."""
    app = write_app(tmp_path, settings, SITE)
    load_app(app, Loader())
    homes = {home.locale.language_code: home for home in HomePage.objects.live()}
    site = Site.objects.get(is_default_site=True)
    assert (site.root_page.specific, site.site_name, site.root_url) == (
        homes["nl"],
        "Testsite",
        "http://testserver",
    )
    assert not Page.objects.filter(depth=2, content_type__app_label="wagtailcore").exists()
    about = {page.locale.language_code: page for page in ContentPage.objects.all()}
    for code, home in homes.items():
        assert home.body[0].value["link_page"].specific == about[code]
    assert homes["en"].body[0].id == homes["nl"].body[0].id
    settings = SiteSettings.for_site(site)
    assert (settings.contact_email, settings.privacy_page.specific) == ("info@example.org", about["nl"])
    assert settings.footer_text.text == "<p>Voettekst</p>"

    english = HomePage.objects.get(pk=homes["en"].pk)
    english.body = [("call_to_action", {**english.body[0].value, "title": "Read on"})]
    english.save_revision().publish()
    SiteSettings.objects.update(contact_email="press@example.org")
    load_app(app, Loader())
    assert HomePage.objects.get(pk=homes["en"].pk).body[0].value["title"] == "Read on"
    assert SiteSettings.for_site(site).contact_email == "press@example.org"
    assert (HomePage.objects.count(), FooterText.objects.count(), Site.objects.count()) == (2, 1, 1)


def test_today_tag_counts_days_from_the_day_of_loading():
    data = yaml.load("starts: !today +14\nended: !today -3", Loader=DemoYamlLoader)  # noqa: S506
    today = timezone.localdate()
    assert data == {
        "starts": today + datetime.timedelta(days=14),
        "ended": today - datetime.timedelta(days=3),
    }


def test_today_tag_with_a_time_is_that_time_of_day_in_the_site_time_zone():
    data = yaml.load("starts: !today +21 07:30", Loader=DemoYamlLoader)  # noqa: S506
    starts = timezone.localtime(data["starts"])
    assert starts.date() == timezone.localdate() + datetime.timedelta(days=21)
    assert (starts.hour, starts.minute) == (7, 30)


@pytest.mark.django_db
def test_values_side_by_side_per_language_and_named_block_ids(home_pages, tmp_path, settings):
    """One body written once with its three languages side by side; a named block keeps its id (an
    anchor) in every language and on every rebuild."""
    load_app(write_app(tmp_path, settings, SIDE_BY_SIDE), Loader())
    built = pages()
    assert {code: page.body[1].value["text"] for code, page in built.items()} == {
        "nl": "Programma",
        "en": "Programme",
        "de": "Programm",
    }
    assert {page.body[1].id for page in built.values()} == {str(uuid.uuid5(BLOCK_IDS, "programme"))}
    assert built["de"].body[0].id == built["nl"].body[0].id


def test_make_run_prints_the_demo_logins_of_every_role(settings):
    """`make run` ends its set-up by printing the accounts to try the admin with, one per role."""
    settings.DEMO_LOGINS = True
    output = io.StringIO()
    call_command("print_demo_logins", stdout=output)
    roles = [line.split("  ")[1].strip() for line in output.getvalue().splitlines()[1:]]
    assert {"Superuser", "Communications staff", "Network editor"} <= set(roles)


def test_production_prints_no_demo_logins(settings):
    settings.DEMO_LOGINS = False
    output = io.StringIO()
    call_command("print_demo_logins", stdout=output)
    assert output.getvalue() == ""
