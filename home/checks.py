from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.caches, deploy=True)
def check_shared_cache(app_configs, **kwargs):
    """Page cache, menus and rate limits are dropped or counted per process unless the cache is shared."""
    backend = settings.CACHES.get("default", {}).get("BACKEND", "")
    if not backend.endswith("LocMemCache"):
        return []
    return [
        Warning(
            "The cache is local to each server process.",
            hint=(
                "Set REDIS_URL. With several gunicorn workers, a publish empties the page cache of one "
                "worker only and the others serve old pages; rate limits count per worker."
            ),
            id="home.W001",
        )
    ]
