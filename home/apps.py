from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Pr8werk"

    def ready(self):
        # apps.py may import late: the registry is ready only here.
        from home import checks, images, purge, signals, translations  # noqa: F401 - checks registers itself
        from home.cache import connect_signals
        from home.demo import register_demo_content
        from home.routing import install_view_restriction_shortcut

        connect_signals()
        images.connect_signals()
        purge.connect_signals()
        translations.connect_signals()
        install_view_restriction_shortcut()
        signals.connect(self)
        # The demo site's home page, menu and settings come first: every other part hangs under them.
        register_demo_content("home.demo_content", order=0)
