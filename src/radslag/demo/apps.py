from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """The example-data simulators and their `demo-*` commands; no product module imports them."""

    name = "radslag.demo"
    verbose_name = _("Exempeldata")
