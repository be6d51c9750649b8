"""The demo loader: YAML objects built once in nl, en and de, as editors' translations, never overwritten."""

import datetime
from types import SimpleNamespace

import pytest
import yaml
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail_localize.models import Translation

from home.demo.loader import DemoYamlLoader, Loader, load_app
from home.models import ContentPage, Sector

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


@pytest.fixture
def demo_app(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    folder = tmp_path / "fixtures" / "demo"
    folder.mkdir(parents=True)
    (folder / "1-test.yaml").write_text(DATA, encoding="utf-8")
    return SimpleNamespace(path=str(tmp_path))


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


def test_today_tag_counts_days_from_the_day_of_loading():
    data = yaml.load("starts: !today +14\nended: !today -3", Loader=DemoYamlLoader)  # noqa: S506
    today = timezone.localdate()
    assert data == {
        "starts": today + datetime.timedelta(days=14),
        "ended": today - datetime.timedelta(days=3),
    }
