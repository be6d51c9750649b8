import re
from pathlib import Path

import polib
import pytest
import wagtail
import wagtail_localize
from django.utils import translation

LOCALE_DIR = Path(__file__).resolve().parents[2] / "locale"


@pytest.mark.parametrize("language", ["nl", "en", "de"])
def test_catalogue_is_complete(language):
    """Every msgid of the site is translated, none is fuzzy, in every language."""
    catalogue = polib.pofile(str(LOCALE_DIR / language / "LC_MESSAGES" / "django.po"))
    untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert not untranslated, f"untranslated in {language}: {untranslated[:10]}"
    assert not fuzzy, f"fuzzy in {language}: {fuzzy[:10]}"
    assert len(catalogue) > 50


def their_catalogues(language):
    """Wagtail's and wagtail-localize's compiled catalogues, as Django loads them."""
    for package in (wagtail, wagtail_localize):
        yield from Path(package.__file__).parent.rglob(f"locale/{language}/LC_MESSAGES/django.mo")


def translations(catalogue):
    return {
        (entry.msgctxt, entry.msgid): entry.msgstr or entry.msgstr_plural.get(0, "")
        for entry in catalogue
        if entry.msgstr or entry.msgstr_plural
    }


@pytest.mark.parametrize("language", ["nl", "de"])
def test_no_msgid_of_the_site_changes_a_wagtail_label(language):
    """The site's catalogue comes first: a shared msgid with another translation relabels Wagtail's admin."""
    ours = translations(polib.pofile(str(LOCALE_DIR / language / "LC_MESSAGES" / "django.po")))
    clashes = []
    for path in their_catalogues(language):
        for key, theirs in translations(polib.mofile(str(path))).items():
            if key in ours and ours[key] != theirs:
                clashes.append(
                    f"{key[1]!r}: ours {ours[key]!r}, {path.parent.parent.parent.parent.name} {theirs!r}"
                )
    assert len(list(their_catalogues(language))) > 10
    assert not clashes, "use pgettext for the site's own meaning:\n" + "\n".join(sorted(clashes))


def test_the_promote_tab_keeps_wagtails_name():
    """Every page editor's Promote tab reads "Eigenschappen" in the Dutch admin, not the waiting list's action."""
    with translation.override("nl"):
        assert translation.gettext("Promote") == "Eigenschappen"
        assert translation.pgettext("registration action", "Promote") == "Bevestigen"


@pytest.mark.parametrize(
    ("language", "other_form"),
    [("nl", r"\b(u|U|uw|Uw|uzelf)\b"), ("de", r"\b(du|Du|dich|Dich|dir|Dir|dein\w*|Dein\w*)\b")],
)
def test_one_form_of_address(language, other_form):
    """Dutch says "je" everywhere (site, mails, the network editor's dashboard); German says "Sie"."""
    catalogue = polib.pofile(str(LOCALE_DIR / language / "LC_MESSAGES" / "django.po"))
    found = [text for text in translations(catalogue).values() if re.search(other_form, text)]
    assert not found
