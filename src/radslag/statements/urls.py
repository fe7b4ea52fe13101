from django.urls import path

from radslag.statements.views import pages

app_name = "statements"

urlpatterns = [
    path("tillganglighet/", pages.accessibility, name="accessibility"),
    path("personuppgifter/", pages.privacy, name="privacy"),
]
