from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ChartsConfig(AppConfig):
    """Holds the charts' templates and their template filters; no models."""

    name = "radslag.charts"
    verbose_name = _("Diagram")
