"""The public URLs of the demo site, as search engines and visitors find them: the sitemap."""

import re
from urllib.parse import urlsplit

SITEMAP_LOC = re.compile(r"<loc>([^<]+)</loc>")


def sitemap_paths(client):
    """Paths of every URL in /sitemap.xml (every public page in every language)."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    return [urlsplit(url).path for url in SITEMAP_LOC.findall(response.content.decode())]
