import re

import pytest


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/", "/en/", "/de/ueber-pr8werk/", "/bestaat-niet/"])
def test_public_pages_send_security_headers(demo_site, client, url):
    response = client.get(url)
    csp = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "script-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert "camera=()" in response.headers["Permissions-Policy"]


@pytest.mark.django_db
def test_public_pages_load_nothing_from_other_hosts(demo_site, client):
    """No CDN fonts, scripts or styles: every src and stylesheet is on the site itself."""
    for url in ("/", "/en/about/"):
        html = client.get(url).content.decode()
        assert not re.search(r'<(?:img|iframe|video|audio|source)[^>]+src="https?://', html)
        assert not re.search(r'<script[^>]+src="https?://', html)
        assert not re.search(r'<link[^>]+rel="stylesheet"[^>]+href="https?://', html)


@pytest.mark.django_db
def test_admin_keeps_working_without_the_public_csp(client, admin_user):
    client.force_login(admin_user)
    response = client.get("/admin/")
    assert response.status_code == 200
    assert "Content-Security-Policy" not in response.headers


@pytest.mark.django_db
def test_admin_requires_login(client):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
