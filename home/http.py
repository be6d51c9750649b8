"""Who is asking, and how often: the visitor's address and the per-address rate limit of public forms."""

from django.conf import settings
from django.core.cache import cache


def client_ip(request):
    # REMOTE_ADDR is the proxy's address behind a load balancer; trust X-Forwarded-For only when
    # the operator says the proxy sets it.
    if settings.EVENTS_TRUST_X_FORWARDED_FOR:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            # The last entry is the one our proxy added; the ones before it come from the client,
            # who could write anything there to dodge the rate limit.
            return forwarded.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")


def rate_limited(request, scope, limit, period):
    """Count this post under scope for the visitor's address; True once more than limit in period seconds.

    Per address, never one counter for everybody: behind a load balancer that would refuse the
    whole site after a few posts.
    """
    key = f"{scope}:{client_ip(request) or 'unknown'}"
    cache.add(key, 0, timeout=period)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=period)
        count = 1
    return count > limit
