"""What public pages read from the query string, read in one place.

Visitors, crawlers and scanners send anything: NUL characters (which PostgreSQL refuses in a query
with an error), lone surrogates, control characters, numbers past Python's limit, megabytes of text.
A value that cannot name anything is a 404; free text is cleaned before it reaches a query or a page.
"""

import re

from django.http import Http404

from home.text import one_line

SLUG = re.compile(r"[-\w]{1,100}")
YEAR = re.compile(r"[0-9]{4}")
WORD = re.compile(r"\w+")
MAX_TEXT_LENGTH = 200


def slug_param(request, name):
    """The slug in ``?name=``, "" when absent; anything that is not a slug is a 404."""
    value = request.GET.get(name, "").strip()
    if value and not SLUG.fullmatch(value):
        raise Http404(f"?{name}= is not a slug")
    return value


def year_param(request, name="year"):
    """The year in ``?name=`` as a number, None when absent; anything but four digits is a 404."""
    value = request.GET.get(name, "").strip()
    if not value:
        return None
    if not YEAR.fullmatch(value):
        raise Http404(f"?{name}= is not a year")
    return int(value)


def row_id(value):
    """``value`` as a row id when it is one the database can hold (a bigint), else None.

    A longer number is no row, but a lookup with it fails on SQLite (OverflowError). The length is
    checked first: int() refuses thousands of digits itself.
    """
    value = str(value)
    if value.isascii() and value.isdigit() and len(value) <= 19 and int(value) < 2**63:
        return int(value)
    return None


def text_param(request, name, max_length=None):
    """Free text in ``?name=``: printable characters only, runs of white space as one space.

    Not cut to ``max_length`` silently: callers that refuse long text see how long it was, up to one
    character past the limit.
    """
    limit = max_length or MAX_TEXT_LENGTH
    return one_line(request.GET.get(name, "")[: limit * 4 + 1])[: limit + 1]


def search_words(text):
    """The words of a search, lower case, without punctuation.

    Quotes, brackets and upper-case AND/OR/NOT/NEAR are syntax to SQLite's full-text engine; a
    visitor typing them means plain words.
    """
    return " ".join(WORD.findall(text.lower()))
