from django.conf import settings

# Public pages load nothing from another host and run no inline script: everything comes from the
# site itself. JSON-LD blocks are data, not script, so CSP does not block them.
PUBLIC_CSP = "; ".join(
    [
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
)
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"


class SecurityHeadersMiddleware:
    """Content Security Policy and Permissions-Policy for the public site.

    The Wagtail admin (and its page previews) relies on inline scripts and styles, so it keeps
    Django's defaults and gets no CSP from here.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = getattr(settings, "WAGTAIL_ADMIN_PREFIX", "/admin/")

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        if not request.path.startswith(self.admin_prefix):
            response.headers.setdefault("Content-Security-Policy", PUBLIC_CSP)
        return response
