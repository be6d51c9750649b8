from wagtail import hooks

from home.chrome import landmark_page
from news.models import NewsIndexPage, NewsPage, with_list_images

HOME_NEWS_COUNT = 3


@hooks.register("home_page_sections")
def latest_news(request, page):
    """The three newest news items of the home page's language."""
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
