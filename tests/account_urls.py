"""Rådslag's addresses with Django's own login and logout, for the tests of the header's slot."""

from django.contrib.auth import views as auth_views
from django.urls import include, path

from radslag.urls import urlpatterns

accounts = (
    [
        path("logga-in/", auth_views.LoginView.as_view(), name="login"),
        path("logga-ut/", auth_views.LogoutView.as_view(), name="logout"),
    ],
    "accounts",
)

urlpatterns = [*urlpatterns, path("konto/", include(accounts))]
