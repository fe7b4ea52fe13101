from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StatementsConfig(AppConfig):
    name = "radslag.statements"
    verbose_name = _("Redogörelser")

    def ready(self) -> None:
        from radslag.statements import checks  # noqa: F401  (registers the deploy check)
