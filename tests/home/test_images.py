"""Images: modern formats with a fallback, no layout shift, lazy below the fold, renditions made ahead."""

import re
from types import SimpleNamespace

import pytest
from django.core.management import call_command
from django.db import connection
from django.template import Context, Template
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.utils.functional import cached_property
from wagtail.images import get_image_model
from wagtail.images.models import Filter

from events.models import SessionReportPage
from home.blocks import ImageBlock
from home.demo import demo_image
from home.images import (
    ALL_SPECS,
    GALLERY_SPECS,
    IMAGE_BLOCK_SPECS,
    NEWS_LEAD_SPECS,
    QUOTE_PHOTO_SPECS,
    generate_renditions,
    specs_for_image,
)
from news.models import NewsIndexPage, NewsPage

Rendition = get_image_model().get_rendition_model()


@pytest.fixture(autouse=True)
def no_cached_renditions():
    """Wagtail caches renditions by image id, and ids come back after a test's rollback."""
    Rendition.cache_backend.clear()


def pictures(html):
    return re.findall(r"<picture>.*?</picture>", html, flags=re.S)


def news_page_with_gallery():
    for page in NewsPage.objects.live().filter(locale__language_code="nl", lead_image__isnull=False):
        if any(block.block_type == "gallery" for block in page.body):
            return page
    raise AssertionError("the demo has a news page with a lead image and a gallery")


def report_with_gallery():
    for page in SessionReportPage.objects.live().filter(locale__language_code="nl"):
        if any(block.block_type == "gallery" for block in page.body):
            return page
    raise AssertionError("the demo has a report with a gallery")


def assert_modern_picture(picture):
    """AVIF first, then WebP, then a JPEG <img> with its size, so nothing shifts while it loads."""
    types = re.findall(r'<source[^>]* type="([^"]+)"', picture)
    assert types == ["image/avif", "image/webp"], picture
    for source in re.findall(r"<source[^>]*>", picture):
        assert re.search(r'srcset="[^"]+\.avif \d+w, [^"]+\.avif \d+w"|srcset="[^"]+\.webp \d+w, ', source)
        assert "sizes=" in source
    img = re.search(r"<img[^>]*>", picture).group(0)
    assert re.search(r'src="[^"]+\.jpg"', img) and re.search(r'srcset="[^"]+\.jpg \d+w, ', img), img
    assert re.search(r'width="\d+"', img) and re.search(r'height="\d+"', img), img
    return img


@pytest.mark.django_db
def test_news_page_lead_image_loads_at_once_and_gallery_photos_lazily(demo_site, client):
    page = news_page_with_gallery()
    html = client.get(page.url).content.decode()
    lead, *gallery = pictures(html)
    lead_img = assert_modern_picture(lead)
    assert 'loading="lazy"' not in lead_img
    assert f'alt="{page.lead_image.default_alt_text}"' in lead_img
    assert gallery, "the gallery photos are pictures too"
    for picture in gallery:
        img = assert_modern_picture(picture)
        assert 'loading="lazy"' in img and 'decoding="async"' in img
    # The thumbnail links to the large photo in the image's own format, which every browser opens.
    assert re.search(r'<a href="[^"]+max-1600x1200\.png"><picture>', html)


@pytest.mark.django_db
def test_report_gallery_is_the_shared_gallery_with_a_heading(demo_site, client):
    report = report_with_gallery()
    html = client.get(report.url).content.decode()
    gallery = re.search(r'<figure class="gallery">.*?</figure>', html, flags=re.S).group(0)
    assert re.search(r'<h3 class="gallery__title">[^<]+</h3>', gallery)
    photos = pictures(gallery)
    assert photos and gallery.count('class="gallery__item"') == len(photos)
    for picture in photos:
        assert 'loading="lazy"' in assert_modern_picture(picture)
    assert "report-gallery" not in html


@pytest.mark.django_db
def test_pages_make_no_renditions_once_they_were_generated(demo_site, client):
    call_command("generate_renditions", verbosity=0)
    news_index = NewsIndexPage.objects.get(locale__language_code="nl")
    paths = ["/", news_index.url, news_page_with_gallery().url, report_with_gallery().url]
    before = Rendition.objects.count()
    for path in paths:
        assert client.get(path).status_code == 200, path
    assert Rendition.objects.count() == before


@pytest.mark.django_db
def test_a_gallery_costs_the_same_queries_for_two_photos_or_nine(demo_site, client):
    """The gallery fetches its photos and their renditions in bulk, not one query per photo."""
    page = news_page_with_gallery()
    images = list(get_image_model().objects.order_by("pk"))
    assert len(images) >= 9

    def query_count(photos):
        photo_list = [{"image": image, "caption": ""} for image in photos]
        page.body = [("gallery", {"title": "Foto's", "images": photo_list, "credit": ""})]
        page.save_revision().publish()
        client.get(page.url)  # the first visit may still make renditions of a new use
        with CaptureQueriesContext(connection) as queries:
            html = client.get(page.url).content.decode()
        assert html.count('class="gallery__item"') == len(photos)
        return len(queries)

    assert query_count(images[:2]) == query_count(images[:9])


@pytest.mark.django_db
def test_a_new_image_gets_its_renditions_from_the_task(locales, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        image = demo_image("Nieuwe foto", seed=7)
    specs = set(image.renditions.values_list("filter_spec", flat=True))
    assert specs == set(ALL_SPECS)
    assert {"width-1200|format-avif", "fill-480x360|format-webp", "max-1600x1200"} <= specs
    # Saving it again (a new focal point) only makes what the new crop needs.
    image.focal_point_x, image.focal_point_y, image.focal_point_width, image.focal_point_height = (
        10,
        10,
        50,
        50,
    )
    with django_capture_on_commit_callbacks(execute=True):
        image.save()
    cropped = image.renditions.filter(filter_spec="fill-480x360|format-avif")
    assert cropped.count() == 2


@pytest.mark.django_db
def test_generated_specs_follow_the_uses_of_an_image(demo_site):
    """A lead image gets the lead and list sizes, a gallery photo the gallery sizes, a new one everything."""
    page = news_page_with_gallery()
    lead_specs = specs_for_image(page.lead_image)
    assert set(NEWS_LEAD_SPECS) <= set(lead_specs)
    assert not set(IMAGE_BLOCK_SPECS) & set(lead_specs)
    report = report_with_gallery()
    photo = next(block for block in report.body if block.block_type == "gallery").value["images"][0]["image"]
    assert set(specs_for_image(photo)) >= set(GALLERY_SPECS)

    assert specs_for_image(demo_image("Nog niet gebruikt", seed=8)) == ALL_SPECS


@pytest.mark.django_db
def test_publishing_a_page_makes_the_renditions_of_its_images(demo_site, django_capture_on_commit_callbacks):
    """A library image put in a gallery gets the gallery sizes when the page goes live, not on the first visit."""
    page = news_page_with_gallery()
    image = get_image_model().objects.exclude(pk=page.lead_image_id).order_by("pk").first()
    image.renditions.all().delete()
    photos = [{"image": image, "caption": ""}, {"image": page.lead_image, "caption": ""}]
    page.body = [("gallery", {"title": "", "images": photos, "credit": ""})]
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    specs = set(image.renditions.values_list("filter_spec", flat=True))
    assert set(GALLERY_SPECS) <= specs
    assert not set(IMAGE_BLOCK_SPECS) & specs


@pytest.mark.django_db
@pytest.mark.parametrize("use", ["image_block", "partner_quote"])
def test_templates_show_exactly_the_specs_that_were_made(locales, use):
    """The spec lists of home.images and the tags in the templates name the same renditions."""
    image = demo_image("Portret", seed=9, size=(600, 600))
    if use == "image_block":
        generate_renditions(image, IMAGE_BLOCK_SPECS)
        html = ImageBlock().render({"image": image, "caption": "", "credit": ""})
    else:
        generate_renditions(image, QUOTE_PHOTO_SPECS)
        quote = SimpleNamespace(
            photo=image, quote="Samen", person_name="Pim", link="", role="", organisation=""
        )
        html = render_to_string("includes/partner_quote.html", {"quote": quote})
    assert image.renditions.count() == len(IMAGE_BLOCK_SPECS if use == "image_block" else QUOTE_PHOTO_SPECS)
    assert_modern_picture(pictures(str(html))[0])
    assert 'loading="lazy"' in html


@pytest.mark.django_db
def test_image_tags_render_as_wagtails_own_and_parse_each_filter_once(locales, monkeypatch):
    """site_images gives the markup of wagtailimages_tags, from filters parsed once per process."""
    image = demo_image("Kaart", seed=4, size=(800, 600))
    tags = (
        '{% picture image fill-{400x225,640x360} format-{avif,jpeg} sizes="50vw" class="x" alt="" %}'
        "{% srcset_image image max-{160x120,320x240} as logos %}{{ logos.renditions.1.url }}"
        '{% image image fill-1200x630 alt="" %}'
    )
    own = Template("{% load wagtailimages_tags %}" + tags).render(Context({"image": image}))
    parsed = []
    operations = Filter.operations.func
    monkeypatch.setattr(
        Filter, "operations", cached_property(lambda self: parsed.append(self.spec) or operations(self))
    )
    Filter.operations.__set_name__(Filter, "operations")
    template = Template("{% load site_images %}" + tags)
    ours = [template.render(Context({"image": image})) for _ in range(3)]
    assert ours == [own] * 3
    assert 'type="image/avif"' in own
    # Wagtail's tags parse every spec again on each render; shared filters at most once.
    assert sorted(parsed) == sorted(set(parsed))
