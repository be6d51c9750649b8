from django.urls import path
from django.utils.translation import gettext_lazy as _

from news import views

# Translated address: /zoeken/, /en/search/, /de/suche/ (the language switcher translates it).
urlpatterns = [
    path(_("search/"), views.search, name="search"),
]
