from django.urls import path

from radslag.accounts.views import session

app_name = "accounts"

urlpatterns = [
    path("logga-in/", session.login, name="login"),
    path("logga-ut/", session.logout, name="logout"),
]
