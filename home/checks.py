from django.conf import settings
from django.core.cache import cache
from django.core.checks import Tags, Warning, register

from home.http import UNTRUSTED_FORWARDER_KEY


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


@register(Tags.security, deploy=True)
def check_forwarding_proxy(app_configs, **kwargs):
    """Requests came with X-Forwarded-For from a peer not in TRUSTED_PROXIES: a proxy not declared."""
    peer = cache.get(UNTRUSTED_FORWARDER_KEY)
    if not peer:
        return []
    return [
        Warning(
            f"Requests arrive with X-Forwarded-For from {peer}, which is not in TRUSTED_PROXIES.",
            hint=(
                "If that is your proxy, add it to TRUSTED_PROXIES: until then every visitor behind it "
                "shares one rate limit. If it is not, ignore this: the header is not believed."
            ),
            id="home.W002",
        )
    ]
