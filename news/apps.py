from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = _("News")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # apps.py may import late: the registry is ready only here.
        from home import cache, sitemaps
        from home.demo import register_demo_content
        from news import signals
        from news.models import NewsIndexPage, NewsPage

        cache.register_content(self.label)
        sitemaps.register_section("news", NewsIndexPage, NewsPage)
        signals.connect(self)
        # Pages are made in menu order: the news index after the directory, before the agenda.
        register_demo_content(self.name, order=20)
