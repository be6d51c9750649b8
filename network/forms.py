from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from home.forms import CleanTextMixin, HoneypotMixin
from network.models import ListingRequest

CONSENT_TEXT = _(
    "I agree that Pr8werk stores these details to handle this request and contacts me about it. "
    "If the network is listed, its name, description, website and contact details appear in the "
    "directory."
)


class ListingRequestForm(CleanTextMixin, HoneypotMixin, forms.ModelForm):
    """The public "list our network" form. ``nickname`` is a honeypot: people never see it."""

    consent = forms.BooleanField(
        label=CONSENT_TEXT,
        error_messages={"required": _("Please give your consent, otherwise we cannot handle the request.")},
    )
    # Its own fields include a real website.
    honeypot_field = "nickname"

    class Meta:
        model = ListingRequest
        fields = ["name", "website", "contact_name", "email", "phone", "description"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 6}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "contact_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
            # Text, not type=url: a mistyped address is shown again as typed, which type=url forbids.
            "website": forms.TextInput(
                attrs={"inputmode": "url", "autocomplete": "url", "placeholder": "https://"}
            ),
        }
        help_texts = {
            "description": _("What the network does, for whom, and where in the Achterhoek."),
        }
        error_messages = {
            "name": {"required": _("Please enter the name of the network.")},
            "contact_name": {"required": _("Please enter the name of a contact person.")},
            "email": {
                "required": _("Please enter an email address."),
                "invalid": _("Please enter a valid email address, like name@example.nl."),
            },
            "website": {"invalid": _("Please enter a complete web address, like https://example.nl.")},
            "description": {"required": _("Please tell us a little about the network.")},
        }


class ListingRequestAdminForm(WagtailAdminModelForm):
    """Staff's edit form of a listing request.

    "Accepted" is not a status to pick here: only "Accept and onboard" accepts, because accepting
    makes the entry, the group and the account. Once that is done the status stays.
    """

    class Meta:
        model = ListingRequest
        fields = ["name", "website", "contact_name", "email", "phone", "description", "status"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        status = self.fields["status"]
        if self.instance.is_onboarded():
            status.disabled = True
            status.help_text = _("Accepted and onboarded.")
            return
        status.choices = [
            (value, label)
            for value, label in ListingRequest.STATUSES
            if value != ListingRequest.STATUS_ACCEPTED
        ]
        status.help_text = _('To accept the request, use "Accept and onboard" in the list of requests.')
        status.error_messages["invalid_choice"] = _(
            'Only "Accept and onboard" accepts a request: it creates the entry and the account.'
        )
