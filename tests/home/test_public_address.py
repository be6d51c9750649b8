"""`PORT=8080 make run`: links in mails, feeds and the sitemap name the port the site is served on."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.core import mail
from wagtail.models import Site

from home.demo.loader import build_items
from network.onboarding import onboard_network

ROOT = Path(__file__).resolve().parents[2]
SERVED = "http://127.0.0.1:8080"
HOST = "127.0.0.1:8080"


def clean_env(**overrides):
    dropped = {"SITE_BASE_URL", "PORT", "DJANGO_SETTINGS_MODULE", "DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {key: value for key, value in os.environ.items() if key not in dropped}
    env.update(overrides)
    return env


def dev_setting(name, **env):
    # The settings module alone, in a fresh process: what `manage.py` would read, without the second
    # of Django's and Wagtail's set-up per call.
    result = subprocess.run(  # noqa: S603 - our own settings module with fixed arguments
        [
            sys.executable,
            "-c",
            "import importlib, sys; sys.path[:0] = ['.', 'site']; "
            f"print(importlib.import_module('config.settings.dev').{name})",
        ],
        cwd=ROOT,
        env=clean_env(DJANGO_SETTINGS_MODULE="config.settings.dev", **env),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


def test_dev_settings_take_the_address_from_the_port():
    """The dev settings build SITE_BASE_URL (and the admin's) from PORT; an explicit SITE_BASE_URL wins."""
    assert dev_setting("SITE_BASE_URL", PORT="8080") == SERVED
    assert dev_setting("WAGTAILADMIN_BASE_URL", PORT="8080") == SERVED
    assert dev_setting("SITE_BASE_URL") == "http://127.0.0.1:8000"
    assert dev_setting("SITE_BASE_URL", PORT="8080", SITE_BASE_URL="https://dev.example.org/") == (
        "https://dev.example.org"
    )


def test_make_run_gives_every_command_the_port(tmp_path):
    """Each command `make run PORT=8080` runs (demo loader, logins, server) sees PORT=8080."""
    recorder = tmp_path / "manage"
    recorder.write_text('#!/bin/sh\necho "$1 PORT=$PORT"\n')
    recorder.chmod(0o755)
    result = subprocess.run(  # noqa: S603 - make with fixed arguments
        ["make", "-s", "-o", "migrate", "run", f"MANAGE={recorder}"],  # noqa: S607
        cwd=ROOT,
        env=clean_env(PORT="8080"),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split("\n")[:3] == [
        "load_demo_content PORT=8080",
        "print_demo_logins PORT=8080",
        "runserver PORT=8080",
    ]


@pytest.fixture
def served_on_8080(demo_site, settings):
    """The demo site as an earlier `make run` left it (port 8000), loaded again with PORT=8080."""
    Site.objects.filter(is_default_site=True).update(hostname="127.0.0.1", port=8000)
    settings.SITE_BASE_URL = settings.WAGTAILADMIN_BASE_URL = SERVED
    build_items("home", "home")
    return Site.objects.get(is_default_site=True)


@pytest.mark.django_db
def test_the_demo_loader_moves_its_site_record_to_the_port(served_on_8080, client):
    """The Site record follows the new port, so the sitemap's locations and alternates say 8080."""
    assert served_on_8080.root_url == SERVED
    index = client.get("/sitemap.xml", HTTP_HOST=HOST).content.decode()
    parts = re.findall(r"<loc>([^<]+)</loc>", index)
    assert all(part.startswith(SERVED + "/sitemap-") for part in parts), parts
    xml = "".join(
        client.get(part.removeprefix(SERVED), HTTP_HOST=HOST).content.decode()
        for part in parts
        if "?" not in part
    )
    locations = re.findall(r'(?:<loc>|href=")([^<"]+)', xml)
    assert len(locations) > 20
    assert all(location.startswith(SERVED + "/") for location in locations), locations[:5]
    assert f"<loc>{SERVED}/en/</loc>" in xml


@pytest.mark.django_db
def test_the_demo_loader_keeps_a_real_host(demo_site, settings):
    """An operator's own host in the Site record is never replaced by the demo loader."""
    Site.objects.filter(is_default_site=True).update(hostname="www.pr8werk.nl", port=443)
    settings.SITE_BASE_URL = SERVED
    build_items("home", "home")
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("www.pr8werk.nl", 443)


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/nieuws/rss/", "/en/news/atom/"])
def test_feed_links_say_the_port(served_on_8080, client, path):
    """Every link of the news feeds names the address served on."""
    xml = client.get(path, HTTP_HOST=HOST).content.decode()
    links = re.findall(r'<link>([^<]+)</link>|<link[^>]*href="([^"]+)"|<id>([^<]+)</id>', xml)
    links = [next(part for part in match if part) for match in links]
    assert len(links) > 3
    assert all(link.startswith(SERVED + "/") for link in links if link.startswith("http")), links
    assert ":8000" not in xml


@pytest.mark.django_db
def test_the_set_password_link_of_the_onboarding_mail_says_the_port(
    served_on_8080, django_capture_on_commit_callbacks
):
    """The welcome mail's set-password and edit links name the address served on."""
    with django_capture_on_commit_callbacks(execute=True):
        onboard_network("Zorgkring Lochem", "info@zorgkring.example", contact_person="Anna Jansen")

    [message] = [message for message in mail.outbox if message.to == ["info@zorgkring.example"]]
    links = re.findall(r"https?://\S+", message.body)
    assert any("/admin/password_reset/" in link for link in links), links
    assert len(links) >= 2 and all(link.startswith(SERVED + "/admin/") for link in links)
