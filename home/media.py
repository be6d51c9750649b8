"""Uploaded files in production: images from the storage, documents only through Wagtail's serve view.

gunicorn serves nothing of ``MEDIA_ROOT`` by itself, and Django's ``static()`` helper only works with
DEBUG. Files are read from the default storage: ``MEDIA_ROOT``, or the bucket of ``MEDIA_S3_BUCKET``
(home/storage.py). Images (originals and renditions) are public by design and get a year of caching: Wagtail
gives a rendition of a new file or focal point a new name. Documents are never served from
``/media/``: Wagtail's view at ``/documents/<id>/<name>`` checks collection privacy and the
``before_serve_document`` hooks (network/documents.py keeps a network's documents private until the
network is online) and sends its safe download headers (``Content-Disposition``,
``Content-Security-Policy: default-src 'none'``, nosniff). This module adds what a shared cache
must know: a document that not everybody may read is ``private``.
"""

import posixpath
import re

from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation
from django.http import FileResponse, Http404, HttpResponseNotModified
from django.middleware.gzip import GZipMiddleware
from django.urls import re_path
from django.utils.cache import patch_cache_control
from django.utils.http import http_date
from django.views.static import was_modified_since
from wagtail.documents import get_document_model
from wagtail.documents.views.serve import serve as wagtail_serve_document
from wagtail.images import get_image_model

# The formats WAGTAILIMAGES_EXTENSIONS accepts and renditions are written in, with their types;
# nothing else (no SVG, no HTML) is served from the image folders.
IMAGE_TYPES = {
    "avif": "image/avif",
    "gif": "image/gif",
    "jpeg": "image/jpeg",
    "jpg": "image/jpeg",
    "png": "image/png",
    "webp": "image/webp",
}
IMAGE_FOLDERS = ("original_images/", "images/")
IMAGE_MAX_AGE = 365 * 24 * 3600


def serve_image(request, path):
    name = posixpath.normpath(path)
    extension = name.rpartition(".")[2].lower()
    if name != path or not name.startswith(IMAGE_FOLDERS) or extension not in IMAGE_TYPES:
        raise Http404
    storage = get_image_model()._meta.get_field("file").storage
    try:
        if not storage.exists(name):
            raise Http404
        modified = int(storage.get_modified_time(name).timestamp())
    except (SuspiciousFileOperation, NotImplementedError, OSError) as error:
        raise Http404 from error
    if not was_modified_since(request.META.get("HTTP_IF_MODIFIED_SINCE"), modified):
        response = HttpResponseNotModified()
    else:
        response = FileResponse(storage.open(name), content_type=IMAGE_TYPES[extension])
    response["Last-Modified"] = http_date(modified)
    patch_cache_control(response, public=True, max_age=IMAGE_MAX_AGE)
    response["X-Content-Type-Options"] = "nosniff"
    return response


def serve_document(request, document_id, document_filename):
    """Wagtail's document view; what a restriction guards, or a logged-in user got, stays private."""
    response = wagtail_serve_document(request, document_id, document_filename)
    if response.status_code not in (200, 304):
        return response
    document = get_document_model().objects.select_related("collection").get(pk=document_id)
    if request.user.is_authenticated or document.collection.get_view_restrictions().exists():
        patch_cache_control(response, private=True, no_cache=True)
    else:
        # Not longer than pages: a document moved into a private collection leaves shared caches soon.
        patch_cache_control(response, public=True, max_age=getattr(settings, "PAGE_CACHE_MAX_AGE", 60))
    return response


def urlpatterns():
    """``/media/`` for images and ``/documents/`` through :func:`serve_document`, before Wagtail's own."""
    patterns = [re_path(r"^documents/(\d+)/(.*)$", serve_document)]
    if settings.MEDIA_URL.startswith("/"):  # not when the files live on another host (a CDN, S3)
        prefix = re.escape(settings.MEDIA_URL.lstrip("/"))
        patterns.append(re_path(rf"^{prefix}(?P<path>.+)$", serve_image, name="media_image"))
    return patterns


class TextGZipMiddleware(GZipMiddleware):
    """Django's gzip for text only: images and documents are compressed formats already, and a
    download should keep its Content-Length."""

    def process_response(self, request, response):
        content_type = response.get("Content-Type", "").split(";")[0].strip().lower()
        main, _slash, sub = content_type.partition("/")
        if main == "text" or sub.endswith(("json", "xml", "javascript")):
            return super().process_response(request, response)
        return response
