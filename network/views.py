from django.conf import settings
from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext as _

from home.http import count_post, over_limit
from home.task_queue import enqueue_with_transaction
from network.forms import CONSENT_TEXT, ListingRequestForm
from network.tasks import send_listing_request_mail, send_listing_request_receipt

RATE_LIMIT_WINDOW = 60 * 60


LISTING_SCOPE = "network:listing-request"


def listing_request_view(request, directory):
    """The public form where a network that is not listed yet asks to be (GET shows, POST saves)."""
    context = {"page": directory, "self": directory}
    if request.method == "POST":
        form = ListingRequestForm(request.POST)
        if over_limit(request, LISTING_SCOPE, settings.NETWORK_LISTING_REQUESTS_PER_HOUR):
            form.is_valid()
            form.add_error(
                None, _("You have sent too many requests in a short time. Please try again in an hour.")
            )
            context["form"] = form
            return TemplateResponse(request, "network/listing_request.html", context, status=429)
        if form.is_valid():
            # A request that was sent counts (a bot's too); one with mistakes to correct does not.
            count_post(request, LISTING_SCOPE, RATE_LIMIT_WINDOW)
            if not form.is_spam():
                with transaction.atomic():
                    listing_request = form.save(commit=False)
                    listing_request.consent_text = str(CONSENT_TEXT)
                    listing_request.language = translation.get_language() or settings.LANGUAGE_CODE
                    listing_request.save()
                    enqueue_with_transaction(send_listing_request_mail, request_id=listing_request.pk)
                    enqueue_with_transaction(send_listing_request_receipt, request_id=listing_request.pk)
            # A bot that filled the honeypot sees the same thank-you page and learns nothing.
            return redirect(request.path + "?sent=1")
        context["form"] = form
        return TemplateResponse(request, "network/listing_request.html", context, status=400)
    if request.GET.get("sent"):
        return TemplateResponse(request, "network/listing_request_done.html", context)
    context["form"] = ListingRequestForm()
    return TemplateResponse(request, "network/listing_request.html", context)
