"""Uploaded files in an S3-compatible bucket, switched on by MEDIA_S3_BUCKET (site/config/settings/base.py).

Every app server then reads what any of them stored: the original an editor uploaded through one
server, the rendition another one made of it. The bucket stays private. Documents are read only by
Wagtail's serve view, which applies collection privacy. Images are linked under ``MEDIA_URL``:
``/media/`` by default, served from the bucket by ``home.media.serve_image``, or the public address
of ``MEDIA_S3_CUSTOM_DOMAIN`` (a CDN before the bucket's image folders). Never a signed URL: it
expires, in cached pages, feeds and shared links too, and changes at every render, so no browser or
proxy could keep the image.
"""

from django.conf import settings
from django.utils.encoding import filepath_to_uri
from storages.backends.s3 import S3Storage
from storages.utils import clean_name

from home.media import IMAGE_FOLDERS, IMAGE_MAX_AGE, IMAGE_TYPES


class MediaStorage(S3Storage):
    def get_object_parameters(self, name):
        params = super().get_object_parameters(name)
        extension = name.rpartition(".")[2].lower()
        if name.startswith(IMAGE_FOLDERS) and extension in IMAGE_TYPES:
            # What a CDN gets from the bucket is what home/media.py sends: a rendition of a new file
            # or focal point gets a new name, so a year of caching is safe.
            params.setdefault("ContentType", IMAGE_TYPES[extension])
            params.setdefault("CacheControl", f"public, max-age={IMAGE_MAX_AGE}")
        else:
            # Should the bucket ever be opened, a document is downloaded, never shown on its host.
            params.setdefault("ContentDisposition", "attachment")
        return params

    def url(self, name, parameters=None, expire=None, http_method=None):
        return settings.MEDIA_URL + filepath_to_uri(clean_name(name))
