from django.urls import path

from radslag.maturity.views import assessment, national, profile, reopen

app_name = "maturity"

urlpatterns = [
    path("", national.national, name="national"),
    path("modell/", national.model, name="model"),
    path("kommuner/<str:code>/", profile.profile, name="profile"),
    path("kommuner/<str:code>/<int:year>/", assessment.assessment, name="assessment"),
    path(
        "kommuner/<str:code>/<int:year>/oppna-igen/",
        reopen.reopen_assessment,
        name="reopen",
    ),
]
