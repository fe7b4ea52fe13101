from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MunicipalitiesConfig(AppConfig):
    name = "radslag.municipalities"
    verbose_name = _("Kommuner")
