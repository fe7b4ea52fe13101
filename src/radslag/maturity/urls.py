from django.urls import path

from radslag.maturity import form_views, profile_views, views

app_name = "maturity"

urlpatterns = [
    path("", views.national, name="national"),
    path("modell/", views.model, name="model"),
    path("kommuner/<str:code>/", profile_views.profile, name="profile"),
    path("kommuner/<str:code>/<int:year>/", form_views.assessment, name="assessment"),
]
