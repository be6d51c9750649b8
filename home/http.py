"""Who is asking, and how often: the visitor's address and the per-address rate limit of public forms."""

import ipaddress
from functools import lru_cache

from django.conf import settings
from django.core.cache import cache

# Where a request forwarded by an untrusted peer is noted, for `check --deploy` (home/checks.py).
UNTRUSTED_FORWARDER_KEY = "http:untrusted-forwarder"
_noted_untrusted = set()


@lru_cache(maxsize=8)
def _networks(proxies):
    return tuple(ipaddress.ip_network(proxy.strip(), strict=False) for proxy in proxies if proxy.strip())


def is_trusted_proxy(address):
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in _networks(tuple(settings.TRUSTED_PROXIES)))


def client_ip(request):
    """The visitor's address.

    REMOTE_ADDR is the proxy's address behind a load balancer. X-Forwarded-For is believed only from a
    trusted proxy, and only from the right: each proxy appends the address it saw, while the entries
    before come from the client, who could write anything there to dodge a rate limit.
    """
    peer = request.META.get("REMOTE_ADDR", "")
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if not forwarded:
        return peer
    if not (settings.EVENTS_TRUST_X_FORWARDED_FOR or is_trusted_proxy(peer)):
        _note_untrusted_forwarder(peer)
        return peer
    hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
    for hop in reversed(hops):
        if not is_trusted_proxy(hop):
            return hop
    return hops[0] if hops else peer


def _note_untrusted_forwarder(peer):
    # Once per process and address: this runs on requests, the deploy check reads it later.
    if peer not in _noted_untrusted:
        _noted_untrusted.add(peer)
        cache.set(UNTRUSTED_FORWARDER_KEY, peer, 7 * 24 * 3600)


def _key(request, scope):
    return f"{scope}:{client_ip(request) or 'unknown'}"


def over_limit(request, scope, limit):
    """Whether the visitor already sent ``limit`` posts under ``scope`` in the current period."""
    return cache.get(_key(request, scope), 0) >= limit


def count_post(request, scope, period):
    """Count a post that did something (saved, mailed) under ``scope`` for ``period`` seconds.

    Only such posts count: a visitor who corrects a mistake in the form is not sent away. Per
    address, never one counter for everybody: behind a load balancer that would refuse the whole
    site after a few posts.
    """
    key = _key(request, scope)
    cache.add(key, 0, timeout=period)
    try:
        cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=period)
