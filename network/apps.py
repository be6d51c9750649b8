from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    name = "network"
    verbose_name = _("Networks")

    def ready(self):
        # apps.py may import late: the registry is ready only here.
        from home import cache, sitemaps
        from home.demo import register_demo_content
        from home.models import register_quote_page_type
        from home.task_queue import watch_with_permission
        from network import signals
        from network.models import (
            FreshnessReminder,
            ListingRequest,
            NetworkIndexPage,
            NetworkPage,
            serve_listing_requests_with,
        )
        from network.views import listing_request_view

        # Listing requests and reminders are for staff; no public page shows them.
        cache.register_content(self.label, never_shown=[ListingRequest, FreshnessReminder])
        signals.connect(self)
        sitemaps.register_section("network", NetworkIndexPage, NetworkPage)
        # The directory page serves the listing-request form through a view it may not import.
        serve_listing_requests_with(listing_request_view)
        # A network's page shows the partner quotes pointed at it.
        register_quote_page_type("network.NetworkPage")
        # Whoever handles listing requests answers for their mails: they see when the queue stalls.
        watch_with_permission("network.view_listingrequest")
        # The directory right after the home page, the first section of the menu.
        register_demo_content("network.demo_content", order=10)
