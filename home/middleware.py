from urllib.parse import urlsplit

from django.conf import settings

# Public pages load nothing from another host and run no inline script: everything comes from the
# site itself, except uploaded images when MEDIA_URL names another host (MEDIA_S3_CUSTOM_DOMAIN; see
# with_media_host). JSON-LD blocks are data, not script, so CSP does not block them.
PUBLIC_CSP_DIRECTIVES = [
    "default-src 'self'",
    "img-src 'self' data:",
    "style-src 'self'",
    "script-src 'self'",
    "font-src 'self'",
    "connect-src 'self'",
    "frame-src 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
]

# Wagtail 8's admin still writes inline scripts (date and time widgets, inline panels, chooser
# modals that run the scripts of the HTML they load) and inline styles, and has no nonce support,
# so the admin needs 'unsafe-inline' for both. Everything else stays on the site itself: image
# uploads show blob: thumbnails, icons and the preview's own images use data: URLs, the live preview
# and the block previews are iframes of the admin's own URLs. Gravatar is switched off in the
# settings, so no avatar comes from another host.
ADMIN_CSP_DIRECTIVES = [
    "default-src 'self'",
    "img-src 'self' data: blob:",
    "style-src 'self' 'unsafe-inline'",
    "script-src 'self' 'unsafe-inline'",
    "font-src 'self' data:",
    "connect-src 'self'",
    "frame-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
]
# Only the views Wagtail itself marks as frameable (X-Frame-Options: SAMEORIGIN: the page and
# snippet previews and the block previews) may be framed, and only by the admin; browsers let
# frame-ancestors override X-Frame-Options, so it must say the same.
ADMIN_DIRECTIVES = [*ADMIN_CSP_DIRECTIVES, "frame-ancestors 'none'"]
ADMIN_FRAMEABLE_DIRECTIVES = [*ADMIN_CSP_DIRECTIVES, "frame-ancestors 'self'"]

PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"


class SecurityHeadersMiddleware:
    """Content Security Policy and Permissions-Policy: a strict one for the public site, one for the admin.

    A page preview is rendered by Wagtail through the whole middleware chain again, with a dummy
    request for the page's public address, so the inner pass gives it the public policy. The outer
    pass (the /admin/ URL the editor's browser asked for) replaces it with the admin's.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = getattr(settings, "WAGTAIL_ADMIN_PREFIX", "/admin/")
        self.public_csp = with_media_host(PUBLIC_CSP_DIRECTIVES)
        self.admin_csp = with_media_host(ADMIN_DIRECTIVES)
        self.admin_frameable_csp = with_media_host(ADMIN_FRAMEABLE_DIRECTIVES)

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        if request.path.startswith(self.admin_prefix):
            frameable = response.headers.get("X-Frame-Options", "").upper() == "SAMEORIGIN"
            response.headers["Content-Security-Policy"] = (
                self.admin_frameable_csp if frameable else self.admin_csp
            )
        else:
            response.headers.setdefault("Content-Security-Policy", self.public_csp)
        return response


def with_media_host(directives):
    """The policy, with images allowed from MEDIA_URL's host too when uploads are linked there."""
    media = urlsplit(settings.MEDIA_URL)
    if media.netloc:
        origin = f"{media.scheme}://{media.netloc}"
        directives = [f"{d} {origin}" if d.startswith("img-src ") else d for d in directives]
    return "; ".join(directives)
