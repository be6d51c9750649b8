from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm

from home.text import one_line, printable_lines


class CleanTextMixin:
    """Every text field keeps printable text only: a single-line field one line, a text area its lines.

    At the form, so that nothing stored can later break a mail header or a spreadsheet export.
    """

    def clean(self):
        cleaned = super().clean()
        for name, field in self.fields.items():
            value = cleaned.get(name)
            if isinstance(value, str) and isinstance(field, forms.CharField):
                multi_line = isinstance(field.widget, forms.Textarea)
                cleaned[name] = printable_lines(value) if multi_line else one_line(value)
        return cleaned


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


class AdminLoginForm(LoginForm):
    """Wagtail's login form with its password field named in the admin's language.

    Wagtail declares the field without a label, so Django names it after the field, in English:
    the Dutch login page asked for "Gebruikersnaam" and "Password".
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Password")
