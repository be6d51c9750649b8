"""What the home page costs to transfer, photos aside, and how static files are served in production.

The test settings serve static files uncompressed from the finders; the production storage (hashed
names, gzip and brotli variants) is built here once with collectstatic into a temporary folder and
served by WhiteNoise the way production does.
"""

import gzip
import re
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import brotli
import pytest
from django.contrib.staticfiles import finders
from django.core.management import call_command
from django.test import Client, override_settings

from config.settings import base

pytestmark = pytest.mark.walk

BUDGET = 100 * 1024
HOME_PAGES = ["/", "/en/", "/de/"]


class Resources(HTMLParser):
    """Stylesheets, scripts, icons and other files a browser fetches for a page, images left out."""

    def __init__(self):
        super().__init__()
        self.urls = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script" and attrs.get("src"):
            self.urls.append(attrs["src"])
        elif tag == "link" and attrs.get("href"):
            rel = set((attrs.get("rel") or "").lower().split())
            if rel & {"stylesheet", "icon", "preload", "modulepreload", "manifest", "apple-touch-icon"}:
                self.urls.append(attrs["href"])


def css_urls(css):
    """Fonts, icons and imported stylesheets a stylesheet pulls in (data: URLs cost nothing extra)."""
    found = re.findall(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)""", css)
    found += re.findall(r"""@import\s+['"]([^'"]+)['"]""", css)
    return [url for url in found if not url.startswith(("data:", "#"))]


def fetch(client, url):
    if url.startswith("/static/"):
        # The test settings do not serve static files; read them where the finders would.
        path = finders.find(url.removeprefix("/static/"))
        assert path, url
        with open(path, "rb") as file:
            return file.read()
    response = client.get(url)
    assert response.status_code == 200, url
    return b"".join(response.streaming_content) if response.streaming else response.content


def page_weight(client, url):
    """Bytes of the page's HTML and of every non-photo file it loads: raw, gzip and brotli."""
    html = fetch(client, url)
    parser = Resources()
    parser.feed(html.decode())
    files = {}
    queue = [urljoin(url, found) for found in parser.urls]
    while queue:
        found = queue.pop()
        path = urlsplit(found).path
        if path in files:
            continue
        assert not urlsplit(found).netloc or urlsplit(found).netloc == "testserver", found
        files[path] = body = fetch(client, path)
        if path.endswith(".css"):
            queue += [urljoin(path, nested) for nested in css_urls(body.decode())]

    def sizes(body):
        # Compressed like WhiteNoise's collectstatic does: gzip level 9, brotli at its default.
        return {"raw": len(body), "gzip": len(gzip.compress(body, 9)), "br": len(brotli.compress(body))}

    return sizes(html), {path: sizes(body) for path, body in files.items()}


@pytest.mark.django_db
@pytest.mark.parametrize("url", HOME_PAGES)
def test_home_page_photos_aside_transfers_under_100_kb(demo_site, client, url):
    html, files = page_weight(client, url)
    assert any(path.endswith(".css") for path in files)
    assets_gzip = sum(size["gzip"] for size in files.values())
    assets_br = sum(size["br"] for size in files.values())
    # Even counted uncompressed (a client that does not accept gzip) the page stays in budget.
    assert html["raw"] + assets_gzip < BUDGET, (html, files)
    assert html["gzip"] + assets_gzip < BUDGET / 4, (html, files)
    assert html["br"] + assets_br <= html["gzip"] + assets_gzip


@pytest.mark.django_db
def test_home_page_loads_only_its_own_stylesheet_and_no_webfonts(demo_site, client):
    """The budget holds because nothing heavy is pulled in: a single stylesheet, system fonts."""
    for url in HOME_PAGES:
        _, files = page_weight(client, url)
        assert not [path for path in files if re.search(r"\.(woff2?|ttf|otf|eot)$", path)]
        assert all(path.startswith("/static/") for path in files)


PRODUCTION_STATIC = {
    "STORAGES": {**base.STORAGES, "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"}},
    "WHITENOISE_AUTOREFRESH": False,
    "WHITENOISE_USE_FINDERS": False,
    "DEBUG": False,
}


@pytest.fixture(scope="module")
def collected(tmp_path_factory):
    """STATIC_ROOT as `collectstatic` fills it with the production storage."""
    root = tmp_path_factory.mktemp("static")
    with override_settings(STATIC_ROOT=root, **PRODUCTION_STATIC):
        call_command("collectstatic", interactive=False, verbosity=0)
    return root


@pytest.fixture
def production_client(collected):
    # A new Client builds its middleware on the first request, so WhiteNoise indexes STATIC_ROOT anew.
    with override_settings(STATIC_ROOT=collected, **PRODUCTION_STATIC):
        yield Client()


def test_production_storage_compresses_and_hashes():
    assert (
        base.STORAGES["staticfiles"]["BACKEND"] == "whitenoise.storage.CompressedManifestStaticFilesStorage"
    )
    assert "whitenoise.middleware.WhiteNoiseMiddleware" in base.MIDDLEWARE


@pytest.mark.django_db
def test_pages_link_hashed_static_files(demo_site, production_client):
    for url in HOME_PAGES:
        html = production_client.get(url).content.decode()
        assert re.search(r'<link rel="stylesheet" href="/static/css/pr8werk\.[0-9a-f]{12}\.css">', html)


def stylesheet_url(collected):
    [hashed] = [path.name for path in (collected / "css").glob("pr8werk.*.css")]
    return f"/static/css/{hashed}"


def test_hashed_files_are_cached_forever(collected, production_client):
    response = production_client.get(stylesheet_url(collected))
    assert response.status_code == 200
    cache_control = response.headers["Cache-Control"]
    assert "immutable" in cache_control
    assert "public" in cache_control
    assert int(re.search(r"max-age=(\d+)", cache_control).group(1)) >= 365 * 24 * 3600


def test_unhashed_names_are_not_cached_forever(production_client):
    response = production_client.get("/static/css/pr8werk.css")
    assert response.status_code == 200
    assert "immutable" not in response.headers["Cache-Control"]


@pytest.mark.parametrize(
    ("accept", "encoding", "decompress"),
    [("br, gzip", "br", brotli.decompress), ("gzip", "gzip", gzip.decompress), ("", None, bytes)],
)
def test_static_files_are_served_compressed(collected, production_client, accept, encoding, decompress):
    url = stylesheet_url(collected)
    original = (collected / url.removeprefix("/static/")).read_bytes()
    response = production_client.get(url, headers={"Accept-Encoding": accept})
    assert response.status_code == 200
    assert response.headers.get("Content-Encoding") == encoding
    assert "Accept-Encoding" in response.headers["Vary"]
    body = b"".join(response.streaming_content)
    assert decompress(body) == original
    if encoding:
        assert len(body) < len(original) / 3


@pytest.mark.django_db
def test_pages_are_sent_compressed(demo_site, client):
    plain = client.get("/")
    compressed = client.get("/", headers={"accept-encoding": "gzip"})
    assert "Content-Encoding" not in plain
    assert compressed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in compressed["Vary"]
    assert gzip.decompress(compressed.content) == plain.content
    assert len(compressed.content) < len(plain.content) / 2
