"""Uploaded media with the production settings: images from /media/, documents only through Wagtail."""

import pytest
from django.core.files.base import ContentFile
from django.test import override_settings
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection, CollectionViewRestriction

pytestmark = pytest.mark.django_db

YEAR = "max-age=31536000"


@pytest.fixture(autouse=True)
def production_media(tmp_path):
    """Production's file storage in MEDIA_ROOT, DEBUG off and HTTPS required, as the README runs it."""
    with override_settings(
        DEBUG=False,
        MEDIA_ROOT=tmp_path / "media",
        STORAGES={
            "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        },
        SECURE_SSL_REDIRECT=True,
    ):
        yield tmp_path / "media"


def get(client, url, **headers):
    return client.get(url, secure=True, HTTP_ACCEPT_ENCODING="gzip, br", **headers)


def body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.fixture
def image():
    return get_image_model().objects.create(title="Ontbijt", file=get_test_image_file("ontbijt.png"))


def make_document(collection=None, name="agenda.pdf", content=b"%PDF-1.4 agenda"):
    document = get_document_model()(title="Agenda", collection=collection or Collection.get_first_root_node())
    document.file.save(name, ContentFile(content), save=False)
    document.save()
    return document


def test_original_image_is_served_with_a_year_of_caching(client, image, production_media):
    response = get(client, image.file.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert YEAR in response["Cache-Control"] and "public" in response["Cache-Control"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "Content-Encoding" not in response  # a PNG is compressed already
    assert body(response) == (production_media / image.file.name).read_bytes()


def test_rendition_is_served_and_revalidates(client, image):
    rendition = image.get_rendition("fill-80x60|format-webp")
    response = get(client, rendition.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/webp"
    assert YEAR in response["Cache-Control"]
    assert response["X-Content-Type-Options"] == "nosniff"
    again = get(client, rendition.url, HTTP_IF_MODIFIED_SINCE=response["Last-Modified"])
    assert again.status_code == 304


def test_media_serves_images_only(client, image, production_media):
    document = make_document()
    assert (production_media / document.file.name).exists()
    (production_media / "images").mkdir(exist_ok=True)
    (production_media / "images" / "page.html").write_text("<script>alert(1)</script>")
    for url in (
        document.file.url,  # documents only through their serve view
        "/media/images/page.html",
        "/media/original_images/../" + document.file.name,
        "/media/images/missing.png",
    ):
        assert get(client, url).status_code == 404, url


def test_document_download_has_wagtails_safe_headers(client):
    document = make_document()
    assert document.url.startswith("/documents/")
    response = get(client, document.url)
    assert response.status_code == 200
    assert body(response) == b"%PDF-1.4 agenda"
    assert (
        response["Content-Disposition"].startswith("inline")
        or "attachment" in response["Content-Disposition"]
    )
    assert response["Content-Security-Policy"] == "default-src 'none'"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "public" in response["Cache-Control"]


def test_word_document_is_an_attachment(client):
    response = get(client, make_document(name="verslag.docx", content=b"PK docx").url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")


def test_private_collection_document_is_refused(client, django_user_model):
    private = Collection.get_first_root_node().add_child(name="Intern")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    document = make_document(private)

    response = get(client, document.url)
    assert response.status_code == 302 and "/login" in response["Location"]

    client.force_login(django_user_model.objects.create_user("lid", "lid@example.org", "pw"))
    response = get(client, document.url)
    assert response.status_code == 200
    assert "private" in response["Cache-Control"]  # no shared cache may hand it to the next visitor
