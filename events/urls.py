from django.urls import path
from django.utils.translation import gettext_lazy as _

from events import views

app_name = "events"

urlpatterns = [
    path(_("sign-up/<int:pk>/"), views.signup, name="signup"),
    path(_("sign-up/<int:pk>/received/"), views.signup_received, name="signup_received"),
    path(_("registration/<str:token>/"), views.registration_detail, name="registration"),
]
