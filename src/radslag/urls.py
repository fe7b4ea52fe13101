from django.contrib import admin
from django.urls import include, path

from radslag import health, views

# 404 and 403 are rendered by Django with the request; only 500 needs Rådslag's own handler.
handler500 = "radslag.errors.server_error"

urlpatterns = [
    path("", views.home, name="home"),
    path("halsa/", health.health, name="health"),
    path("kommuner/", include("radslag.municipalities.urls")),
    path("kommuner/", include("radslag.guidance.urls")),
    path("karta/", include("radslag.municipalities.map_urls")),
    path("anvandningsfall/", include("radslag.register.urls")),
    path("mognad/", include("radslag.maturity.urls")),
    path("behov/", include("radslag.needs.urls")),
    path("api/v1/", include("radslag.api.urls")),
    path("konto/", include("radslag.accounts.urls")),
    path("granskning/", include("radslag.accounts.audit_urls")),
    path("om/", include("radslag.statements.urls")),
    path("radet/", include("radslag.council.urls")),
    path("", include("radslag.initiatives.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]
