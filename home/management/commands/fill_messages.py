import fcntl
import json
from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = (
        "Fill translations into locale/{nl,en,de} from a JSON file "
        '{"English msgid": {"nl": "...", "de": "..."}}; plural msgids take a list per language. '
        "English msgstrs are copied from the msgid unless given; a msgid with a context is keyed "
        '"context\\u0004msgid". Run `make messages` first.'
    )

    def add_arguments(self, parser):
        parser.add_argument("json_file")

    def handle(self, json_file, **options):
        try:
            translations = json.loads(Path(json_file).read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise CommandError(f"Cannot read {json_file}: {error}") from error
        locale_dir = Path(settings.LOCALE_PATHS[0])
        with open(locale_dir / ".lock", "w") as lock:
            # `make messages` and other fillers hold the same lock: one writer at a time.
            fcntl.flock(lock, fcntl.LOCK_EX)
            for language in ("nl", "en", "de"):
                path = locale_dir / language / "LC_MESSAGES" / "django.po"
                catalogue = polib.pofile(str(path), wrapwidth=0)
                filled = 0
                for entry in catalogue:
                    if entry.obsolete:
                        continue
                    # An entry with a context (pgettext) is keyed as gettext keys it: "context\x04msgid".
                    key = f"{entry.msgctxt}\x04{entry.msgid}" if entry.msgctxt else entry.msgid
                    given = translations.get(key, {}).get(language)
                    if given is None and language == "en":
                        given = [entry.msgid, entry.msgid_plural] if entry.msgid_plural else entry.msgid
                    if given is None:
                        continue
                    if entry.msgid_plural:
                        forms = given if isinstance(given, list) else [given, given]
                        entry.msgstr_plural = dict(enumerate(forms))
                    else:
                        entry.msgstr = given
                    if "fuzzy" in entry.flags:
                        entry.flags.remove("fuzzy")
                    entry.previous_msgid = None
                    entry.previous_msgid_plural = None
                    filled += 1
                catalogue.save(str(path))
                catalogue.save_as_mofile(str(path.with_suffix(".mo")))
                self.stdout.write(f"{language}: {filled} entries filled")
