from django.urls import path

from radslag.accounts.views import audit

app_name = "audit"

urlpatterns = [
    path("", audit.audit_log, name="log"),
    path("<str:label>/<str:object_id>/", audit.object_history, name="history"),
]
