from django import forms
from django.utils.translation import gettext_lazy as _

from network.models import ListingRequest

CONSENT_TEXT = _(
    "I agree that Pr8werk stores these details to handle this request and contacts me about it. "
    "If the network is listed, its name, description, website and contact details appear in the "
    "directory."
)


class ListingRequestForm(forms.ModelForm):
    """The public "list our network" form. ``nickname`` is a honeypot: people never see it."""

    consent = forms.BooleanField(
        label=CONSENT_TEXT,
        error_messages={"required": _("Please give your consent, otherwise we cannot handle the request.")},
    )
    nickname = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

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

    def is_spam(self):
        return bool(self.cleaned_data.get("nickname"))
