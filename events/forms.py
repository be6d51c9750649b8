from django import forms
from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.models import Locale

from events.models import EventPage, Registration
from home.forms import CleanTextMixin, HoneypotMixin

CONSENT_TEXT = _(
    "I agree that Pr8werk keeps my details to organise this session, as described in the privacy "
    "statement; they are erased {days} days after the session."
)


class RegistrationForm(CleanTextMixin, HoneypotMixin, forms.ModelForm):
    """The sign-up form. ``website`` is a honeypot: hidden from people, filled in by bots."""

    consent = forms.BooleanField(
        required=True, error_messages={"required": _("Please agree to the privacy statement to sign up.")}
    )

    class Meta:
        model = Registration
        fields = ["name", "email", "organisation", "role", "remarks"]
        labels = {"remarks": _("Remarks, such as dietary wishes")}
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "organisation": forms.TextInput(attrs={"autocomplete": "organization"}),
            "remarks": forms.Textarea(attrs={"rows": 3}),
        }
        error_messages = {
            "name": {"required": _("Please enter your name.")},
            "email": {
                "required": _("Please enter your email address."),
                "invalid": _("Please enter a valid email address, such as name@example.nl."),
            },
            "role": {"required": _("Please choose your role.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = [("", _("Choose your role")), *Registration.Role.choices]
        self.fields["consent"].label = self.consent_text()

    @staticmethod
    def consent_text():
        return str(CONSENT_TEXT).format(days=settings.EVENTS_PURGE_AFTER_DAYS)

    def registration_data(self, language):
        data = {field: self.cleaned_data[field] for field in self._meta.fields}
        data["language"] = language
        data["consent_text"] = f"[{settings.EVENTS_PRIVACY_VERSION}] {self.consent_text()}"
        return data


class StaffRegistrationForm(WagtailAdminModelForm):
    """Staff sign someone up by hand (a phone call): the same seat rules and mails as the site's form."""

    consent = forms.BooleanField(
        label=_("The registrant agreed to the privacy statement"),
        required=True,
        error_messages={"required": _("Ask the registrant to agree to the privacy statement first.")},
    )

    class Meta:
        model = Registration
        fields = ["event", "name", "email", "organisation", "role", "remarks", "language"]
        help_texts = {"language": _("The registrant's mails are in this language.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Registrations belong to a session's first page; its translations share the seats.
        now = timezone.now()
        sessions = (
            EventPage.objects.live()
            .filter(start__gt=now, is_cancelled=False, locale=Locale.get_default())
            .exclude(signup_closes__lte=now)
            .order_by("start")
        )
        self.fields["event"].queryset = sessions
        self.fields["language"].initial = settings.LANGUAGE_CODE

    def registration_data(self, user):
        data = {field: self.cleaned_data[field] for field in self._meta.fields if field != "event"}
        with translation.override(data["language"]):
            consent = RegistrationForm.consent_text()
            entered = gettext("given by phone, entered by %(user)s") % {"user": user.get_username()}
        data["consent_text"] = f"[{settings.EVENTS_PRIVACY_VERSION}] {consent} ({entered})"
        return data
