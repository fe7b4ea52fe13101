from django.urls import path

from radslag.maturity.views import assessment, national, profile, reopen

app_name = "maturity"

urlpatterns = [
    path("", national.national, name="national"),
    path("modell/", national.model, name="model"),
    path("kommuner/<kommun:code>/", profile.profile, name="profile"),
    path("kommuner/<kommun:code>/<int:year>/", assessment.assessment, name="assessment"),
    path(
        "kommuner/<kommun:code>/<int:year>/oppna-igen/",
        reopen.reopen_assessment,
        name="reopen",
    ),
]
