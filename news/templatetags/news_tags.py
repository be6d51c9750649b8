import re

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

from home.cache import remembered_fragments

register = template.Library()


@register.simple_tag(takes_context=True)
def news_cards(context, items, heading="h2"):
    """The cards (``news/includes/news_card.html``) of ``items``, each rendered once per content
    change and shared by the news index, its topic pages, the home page and the related news of an
    item. A card shows a live item, also in a preview of another page."""
    with context.push(heading=heading):
        return remembered_fragments(
            context,
            "news/includes/news_card.html",
            "item",
            items,
            lambda item: f"{item.pk}:{heading}",
        )


@register.filter
def highlight(text, query):
    """``text`` escaped, with the words of ``query`` wrapped in <mark>."""
    text = str(text or "")
    words = sorted(set(re.findall(r"\w{2,}", query or "")), key=len, reverse=True)
    if not words:
        return escape(text)
    pattern = re.compile("|".join(re.escape(word) for word in words), re.IGNORECASE)
    # Match on the raw text and escape each piece, so a match never lands inside an HTML entity.
    parts, last = [], 0
    for match in pattern.finditer(text):
        parts += [escape(text[last : match.start()]), f"<mark>{escape(match.group(0))}</mark>"]
        last = match.end()
    parts.append(escape(text[last:]))
    return mark_safe("".join(parts))  # noqa: S308 - every piece is escaped


@register.filter
def search_summary(page):
    """The text shown under a search result: the page's introduction or its search description."""
    summary = getattr(page, "intro", "") or page.search_description or ""
    if not isinstance(summary, str):
        summary = ""
    return Truncator(summary).words(40)
