from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from home.cache import remembered
from home.chrome import landmark_page
from home.translation_buttons import TranslatableSnippetViewSet
from news.models import NewsIndexPage, NewsPage, Topic, with_list_images

HOME_NEWS_COUNT = 3


@hooks.register("home_page_sections")
def latest_news(request, page):
    """The three newest news items of the home page's language, remembered until content changes:
    the home page is the most visited one, and these three were most of its queries. Their cards
    are kept rendered too ({% news_cards %}), images included."""
    return remembered(f"home-section:latest-news:{page.pk}", lambda: _latest_news(page))


def _latest_news(page):
    items = list(
        with_list_images(
            NewsPage.objects.descendant_of(page)
            .live()
            .public()
            .order_by("-date", "-first_published_at", "-pk")
        )[:HOME_NEWS_COUNT]
    )
    if not items:
        return None
    index = landmark_page(NewsIndexPage, path__startswith=page.path)
    return {"template": "news/includes/home_news.html", "order": 20, "items": items, "index": index}


class TopicViewSet(TranslatableSnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = _("Topics")
    list_display = ["name", "slug", "locale"]
    list_filter = ["locale"]
    search_fields = ["name"]


register_snippet(TopicViewSet)
