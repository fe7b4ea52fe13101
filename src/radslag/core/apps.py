from django.apps import AppConfig
from django.urls import register_converter
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "radslag.core"
    verbose_name = _("Gemensamt")

    def ready(self) -> None:
        from radslag.core.converters import MunicipalityCodeConverter

        # Registered before any URLconf is imported: the apps' urls modules use `<kommun:code>`.
        register_converter(MunicipalityCodeConverter, "kommun")
