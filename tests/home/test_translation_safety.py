"""Translating one thing never changes the translation of another (wagtail-localize, as editors use it)."""

import datetime
import re

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from home.models import FooterText, PartnerQuote, Sector
from news.models import NewsIndexPage, NewsPage
from tests.site.pages import sitemap_paths

CSRF_INPUT = re.compile(r'<input type="hidden" name="csrfmiddlewaretoken" value="[^"]*">')


def snippets():
    """Every English and German snippet as a visitor could see it."""
    foreign = ("en", "de")
    return {
        "sectors": sorted(
            Sector.objects.filter(locale__language_code__in=foreign).values_list("pk", "name", "description")
        ),
        "quotes": sorted(
            PartnerQuote.objects.filter(locale__language_code__in=foreign).values_list(
                "pk", "quote", "role", "organisation", "live"
            )
        ),
        "footers": sorted(
            FooterText.objects.filter(locale__language_code__in=foreign).values_list("pk", "text")
        ),
    }


def english_and_german_pages(client):
    """The HTML of every English and German page in the sitemap (CSRF tokens aside, they differ per request)."""
    paths = [path for path in sitemap_paths(client) if path.startswith(("/en/", "/de/"))]
    assert len(paths) > 20
    return {path: CSRF_INPUT.sub("", client.get(path).content.decode()) for path in paths}


@pytest.mark.django_db
def test_translating_a_new_page_with_related_objects_changes_no_other_translation(
    demo_site, client, admin_user
):
    """Translate a new news page with a sector and a partner quote to en and de ("Select all"):
    every other English and German snippet and page stays as it was, and the new ones are drafts."""
    staff = Client()
    staff.force_login(admin_user)
    index = NewsIndexPage.objects.get(locale__language_code="nl")
    quote = PartnerQuote.objects.filter(locale__language_code="nl", live=True).first()
    news = NewsPage(
        title="Nieuwe thematafels in Groenlo",
        slug="nieuwe-thematafels-groenlo",
        date=datetime.date(2026, 12, 1),
        intro="De zwermsessie krijgt twee nieuwe thematafels.",
        body=[
            ("paragraph", "<p>Aan tafel bespreken zp'ers en opdrachtgevers hun plannen.</p>"),
            ("quote", {"partner_quote": quote, "text": "", "attribution": ""}),
        ],
    )
    index.add_child(instance=news)
    news.sectors.set(Sector.objects.filter(locale__language_code="nl", slug="overheid"))
    news.save_revision().publish()
    before_snippets, before_pages = snippets(), english_and_german_pages(client)

    response = staff.post(
        reverse("wagtail_localize:submit_page_translation", args=[news.pk]),
        {
            "select_all": "on",
            "locales": list(Locale.objects.exclude(language_code="nl").values_list("pk", flat=True)),
        },
    )

    assert response.status_code == 302
    translations = NewsPage.objects.filter(translation_key=news.translation_key).exclude(pk=news.pk)
    assert {page.locale.language_code for page in translations} == {"en", "de"}
    assert not any(page.live for page in translations), "a new translation must wait for its translator"
    assert snippets() == before_snippets
    assert english_and_german_pages(client) == before_pages
    # The language switcher of the Dutch page does not offer the drafts.
    html = client.get(news.url).content.decode()
    assert 'hreflang="en"' not in html or "/en/news/nieuwe-thematafels" not in html


@pytest.mark.django_db
def test_the_demo_translations_are_held_by_wagtail_localize(demo_site):
    """Every demo translation is known to wagtail-localize with its own text for every source string."""
    translations = Translation.objects.select_related("source")
    assert translations.count() > 50
    missing = [
        (translation.source.object_repr, translation.target_locale_id, segment.context.path)
        for translation in translations
        for segment in StringSegment.objects.filter(source=translation.source).select_related("context")
        if not StringTranslation.objects.filter(
            translation_of_id=segment.string_id,
            context_id=segment.context_id,
            locale=translation.target_locale,
        ).exists()
    ]
    assert missing == []


@pytest.mark.django_db
def test_syncing_a_demo_page_after_a_dutch_edit_keeps_the_english_text(demo_site, client, admin_user):
    """Edit a Dutch demo news page, then "Sync translated pages": English keeps what it had."""
    client.force_login(admin_user)
    dutch = NewsPage.objects.filter(locale__language_code="nl").first()
    english = dutch.get_translation(Locale.objects.get(language_code="en")).specific
    title, body = english.title, english.body.render_as_block()
    dutch.intro = "Een nieuwe inleiding, nog niet vertaald."
    dutch.save_revision().publish()
    source = TranslationSource.objects.get(object_id=dutch.translation_key, locale=dutch.locale)

    response = client.post(
        reverse("wagtail_localize:update_translations", args=[source.pk]), {"publish_translations": "on"}
    )

    assert response.status_code == 302
    english.refresh_from_db()
    assert english.title == title
    assert english.body.render_as_block() == body
