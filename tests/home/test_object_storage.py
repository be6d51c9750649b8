"""Scale-out: uploads live in an S3 bucket, so a second app server serves what the first stored.

The bucket is moto's S3 server on the loopback interface. Server A is this test process (the admin
through Django's test client); server B is a real gunicorn process with production settings from
the environment, its own empty MEDIA_ROOT and its own cache, on the same database and bucket.
"""

import json
import re
import urllib.error
import urllib.request
import uuid
from io import BytesIO
from types import SimpleNamespace

import boto3
import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import override_settings
from django.urls import reverse
from moto.server import ThreadedMotoServer
from PIL import Image as PillowImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection, CollectionViewRestriction

from home.images import IMAGE_BLOCK_SPECS
from home.media import IMAGE_FOLDERS
from home.models import ContentPage
from tests.bench import storm

YEAR = "max-age=31536000"
KEYS = {"aws_access_key_id": "testing", "aws_secret_access_key": "testing"}


@pytest.fixture(scope="module")
def s3_endpoint():
    port = storm.free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    yield f"http://127.0.0.1:{port}"
    server.stop()


@pytest.fixture
def bucket(s3_endpoint):
    """A bucket of this test's own, and a client that reads it as the operator would."""
    name = f"pr8werk-{uuid.uuid4().hex[:12]}"
    client = boto3.client("s3", endpoint_url=s3_endpoint, region_name="us-east-1", **KEYS)
    client.create_bucket(Bucket=name)
    return SimpleNamespace(name=name, endpoint=s3_endpoint, client=client)


def keys(bucket):
    return {entry["Key"] for entry in bucket.client.list_objects_v2(Bucket=bucket.name).get("Contents", [])}


def stored(bucket, key):
    return bucket.client.get_object(Bucket=bucket.name, Key=key)["Body"].read()


def bucket_storages(bucket):
    """The storages base settings make of MEDIA_S3_BUCKET, MEDIA_S3_ENDPOINT_URL, MEDIA_S3_REGION and keys."""
    options = {
        "bucket_name": bucket.name,
        "endpoint_url": bucket.endpoint,
        "region_name": "us-east-1",
        "default_acl": None,
        "file_overwrite": False,
        "access_key": KEYS["aws_access_key_id"],
        "secret_key": KEYS["aws_secret_access_key"],
    }
    return {
        "default": {"BACKEND": "home.storage.MediaStorage", "OPTIONS": options},
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


def files_in(folder):
    return [path for path in folder.rglob("*") if path.is_file()] if folder.exists() else []


def test_without_a_custom_domain_images_go_out_through_media_from_the_bucket(db, client, bucket, tmp_path):
    """The default with a bucket: stable /media/ addresses that read the bucket, documents never there."""
    with override_settings(STORAGES=bucket_storages(bucket), MEDIA_ROOT=tmp_path / "media"):
        image = get_image_model().objects.create(title="Ontbijt", file=get_test_image_file("ontbijt.png"))
        twin = get_image_model().objects.create(title="Ook ontbijt", file=get_test_image_file("ontbijt.png"))
        rendition = image.get_rendition("fill-80x60|format-webp")
        document = get_document_model()(title="Agenda", collection=Collection.get_first_root_node())
        document.file.save("agenda.pdf", ContentFile(b"%PDF-1.4 agenda"), save=False)
        document.save()

        assert twin.file.name != image.file.name  # the second "ontbijt.png" replaced nothing
        assert {image.file.name, twin.file.name, rendition.file.name, document.file.name} <= keys(bucket)
        assert files_in(tmp_path / "media") == []
        assert image.file.url == f"/media/{image.file.name}"

        response = client.get(rendition.url)
        assert response.status_code == 200
        assert response["Content-Type"] == "image/webp"
        assert YEAR in response["Cache-Control"] and "public" in response["Cache-Control"]
        assert response["X-Content-Type-Options"] == "nosniff"
        assert b"".join(response.streaming_content) == stored(bucket, rendition.file.name)

        assert client.get(document.file.url).status_code == 404  # not past the serve view
        response = client.get(document.url)
        assert response.status_code == 200
        assert b"".join(response.streaming_content) == b"%PDF-1.4 agenda"
        assert response["Content-Security-Policy"] == "default-src 'none'"

    original = bucket.client.head_object(Bucket=bucket.name, Key=image.file.name)
    assert original["ContentType"] == "image/png" and YEAR in original["CacheControl"]
    pdf = bucket.client.head_object(Bucket=bucket.name, Key=document.file.name)
    assert pdf["ContentDisposition"] == "attachment"
    acl = bucket.client.get_object_acl(Bucket=bucket.name, Key=image.file.name)
    assert [grant["Permission"] for grant in acl["Grants"]] == ["FULL_CONTROL"]  # the owner's only


@override_settings(MEDIA_URL="https://media.pr8werk.nl/")
def test_pages_and_the_admin_allow_images_from_the_custom_domain_only(admin_client):
    """With MEDIA_S3_CUSTOM_DOMAIN images come from that host: img-src allows it, nothing else does."""
    for url in ("/robots.txt", "/admin/"):
        policy = admin_client.get(url)["Content-Security-Policy"]
        directives = {name: sources for name, *sources in (part.split() for part in policy.split(";"))}
        assert "https://media.pr8werk.nl" in directives["img-src"], url
        others = [source for name, sources in directives.items() if name != "img-src" for source in sources]
        assert not any("media.pr8werk.nl" in source for source in others), url


def database_url():
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    login = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{login}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def fetch(url):
    """Status, headers and body of a GET from a real server, errors included."""
    request = urllib.request.Request(url)  # noqa: S310 - loopback addresses made by this test
    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(request, timeout=60) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def image_addresses(html):
    """Every address in the src and srcset attributes of the page."""
    addresses = []
    for attribute, value in re.findall(r'\b(src|srcset)="([^"]+)"', html):
        parts = value.split(",") if attribute == "srcset" else [value]
        addresses += [part.strip().split(" ")[0] for part in parts]
    return addresses


def public_images_policy(bucket_name):
    return {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Effect": "Allow",
                "Principal": "*",
                "Action": "s3:GetObject",
                "Resource": [f"arn:aws:s3:::{bucket_name}/{folder}*" for folder in IMAGE_FOLDERS],
            }
        ],
    }


@pytest.fixture
def server_a(transactional_db, bucket, tmp_path, admin_user, client):
    """This process as the first app server: the bucket, a MEDIA_ROOT of its own, and no worker yet
    (queued tasks wait), so that no rendition is made here."""
    with override_settings(
        STORAGES=bucket_storages(bucket),
        MEDIA_ROOT=tmp_path / "a-media",
        TASKS={"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}},
    ):
        client.force_login(admin_user)
        yield client


def test_a_second_app_server_renders_and_serves_what_the_first_stored(server_a, bucket, home_page, tmp_path):
    # A transactional test before this one flushed the migrations' root collection with everything else.
    collection = Collection.get_first_root_node() or Collection.add_root(name="Root")
    private = collection.add_child(name="Intern")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    photo = get_test_image_file("zwermsessie.png", size=(120, 90)).file.getvalue()
    for view, data in (
        ("wagtailimages:add", {"title": "Zwermsessie", "file": SimpleUploadedFile("zwermsessie.png", photo)}),
        (
            "wagtaildocs:add",
            {"title": "Opbrengst", "file": SimpleUploadedFile("opbrengst.pdf", b"%PDF-1.4 opbrengst")},
        ),
        (
            "wagtaildocs:add",
            {"title": "Intern", "file": SimpleUploadedFile("intern.pdf", b"%PDF-1.4 intern")},
        ),
    ):
        target = private if data["title"] == "Intern" else collection
        response = server_a.post(reverse(view), {**data, "collection": target.pk})
        assert response.status_code == 302, response.content[:2000]
    image = get_image_model().objects.get(title="Zwermsessie")
    documents = {document.title: document for document in get_document_model().objects.all()}
    page = home_page.add_child(
        instance=ContentPage(
            title="Opbrengsten",
            slug="opbrengsten",
            locale=home_page.locale,
            body=[
                ("image", {"image": image, "caption": "", "credit": ""}),
                ("document", {"document": documents["Opbrengst"], "title": ""}),
            ],
        )
    )
    page.save_revision().publish()
    assert image.renditions.count() == 0  # made by neither the upload nor the publish on server A
    assert {image.file.name, documents["Opbrengst"].file.name, documents["Intern"].file.name} <= keys(bucket)
    assert files_in(tmp_path / "a-media") == []

    # What the README asks of an operator with MEDIA_S3_CUSTOM_DOMAIN: the image folders readable
    # by anyone, everything else private (here the bucket's own address stands in for the CDN).
    bucket.client.put_bucket_policy(Bucket=bucket.name, Policy=json.dumps(public_images_policy(bucket.name)))
    media = f"{bucket.endpoint}/{bucket.name}"
    env = storm.server_env(
        database_url(),
        "tests.home.object_storage_settings",
        MEDIA_ROOT=str(tmp_path / "b-media"),
        MEDIA_S3_BUCKET=bucket.name,
        MEDIA_S3_ENDPOINT_URL=bucket.endpoint,
        MEDIA_S3_REGION="us-east-1",
        MEDIA_S3_ACCESS_KEY_ID=KEYS["aws_access_key_id"],
        MEDIA_S3_SECRET_ACCESS_KEY=KEYS["aws_secret_access_key"],
        MEDIA_S3_CUSTOM_DOMAIN=media,
        LOG_LEVEL="WARNING",
    )
    with storm.gunicorn(env, workers=1, threads=2) as port:
        server_b = f"http://127.0.0.1:{port}"
        status, headers, body = fetch(server_b + page.url)
        assert status == 200, body.decode(errors="replace")[:2000]
        html = body.decode()
        assert f"img-src 'self' data: {bucket.endpoint};" in headers["Content-Security-Policy"]

        # Server B made the renditions, from the original server A stored, into the bucket.
        renditions = list(image.renditions.all())
        assert len(renditions) == len(IMAGE_BLOCK_SPECS)
        assert {rendition.file.name for rendition in renditions} <= keys(bucket)
        linked = [address for address in image_addresses(html) if "/images/" in address]
        assert set(linked) == {f"{media}/{rendition.file.name}" for rendition in renditions}

        # The page's image address is the bucket's own: its bytes, type and a year of caching.
        jpeg = next(address for address in linked if address.endswith(".jpg"))
        status, headers, body = fetch(jpeg)
        assert status == 200
        assert headers["Content-Type"] == "image/jpeg" and YEAR in headers["Cache-Control"]
        assert PillowImage.open(BytesIO(body)).format == "JPEG"
        for document in documents.values():
            assert fetch(f"{media}/{document.file.name}")[0] == 403

        # Documents only through Wagtail's view on server B, and the private one to nobody anonymous.
        link = re.search(r'<a href="(/documents/[^"]+)">Opbrengst</a>', html).group(1)
        status, headers, body = fetch(server_b + link)
        assert status == 200 and body == b"%PDF-1.4 opbrengst"
        assert headers["Content-Security-Policy"] == "default-src 'none'"
        assert headers["X-Content-Type-Options"] == "nosniff"
        status, headers, body = fetch(server_b + documents["Intern"].url)
        assert status == 302 and "/login" in headers["Location"]
        assert b"intern" not in body

    assert files_in(tmp_path / "b-media") == []
