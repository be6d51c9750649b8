from django import forms
from django.utils.translation import gettext_lazy as _


class HoneypotMixin:
    """Adds a field people never see and bots fill in; ``is_spam()`` says whether it was filled.

    The template hides the field (its name is ``honeypot_field``); a form whose own fields include
    ``website`` picks another name.
    """

    honeypot_field = "website"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[self.honeypot_field] = forms.CharField(
            label=_("Leave this field empty"),
            required=False,
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )

    def is_spam(self):
        return bool(self.data.get(self.add_prefix(self.honeypot_field)))
