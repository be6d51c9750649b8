"""The visitor's address behind proxies, and the deploy check that notices an undeclared one."""

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.test import RequestFactory

from home.checks import check_forwarding_proxy
from home.http import client_ip


def request_from(peer, forwarded=None):
    headers = {"REMOTE_ADDR": peer}
    if forwarded is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **headers)


@pytest.mark.parametrize(
    ("peer", "forwarded", "visitor"),
    [
        # No proxy: the peer is the visitor.
        ("198.51.100.4", None, "198.51.100.4"),
        # Through the trusted balancer: the entry it appended.
        ("10.0.0.1", "198.51.100.4", "198.51.100.4"),
        # The client wrote entries of its own first: only the proxy's is believed.
        ("10.0.0.1", "1.2.3.4, 198.51.100.4", "198.51.100.4"),
        # Two trusted proxies in a row (CDN, then balancer): the last entry not theirs.
        ("10.0.0.1", "1.2.3.4, 198.51.100.4, 10.0.0.7", "198.51.100.4"),
        # IPv6 behind a trusted IPv6 proxy.
        ("fd00::1", "2001:db8::5", "2001:db8::5"),
        # Not from a trusted proxy: the header is anybody's to write, and ignored.
        ("203.0.113.9", "198.51.100.4", "203.0.113.9"),
        # Garbage in the header from a trusted proxy: never an error.
        ("10.0.0.1", "not an address, , ", "not an address"),
    ],
)
def test_the_visitor_is_the_last_address_no_trusted_proxy_wrote(settings, peer, forwarded, visitor):
    settings.TRUSTED_PROXIES = ["10.0.0.0/8", "fd00::/8"]
    settings.EVENTS_TRUST_X_FORWARDED_FOR = False
    assert client_ip(request_from(peer, forwarded)) == visitor


def test_deploy_check_warns_about_forwarding_from_an_untrusted_peer(settings):
    settings.TRUSTED_PROXIES = []
    settings.EVENTS_TRUST_X_FORWARDED_FOR = False
    cache.clear()
    assert check_forwarding_proxy(None) == []

    client_ip(request_from("172.16.5.5", "198.51.100.4"))

    [warning] = check_forwarding_proxy(None)
    assert warning.id == "home.W002"
    with pytest.raises(SystemCheckError, match=r"172\.16\.5\.5, which is not in TRUSTED_PROXIES"):
        call_command("check", "--deploy", "--tag", "security", "--fail-level", "WARNING")
