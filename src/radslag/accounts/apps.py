from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "radslag.accounts"
    verbose_name = _("Konton")

    def ready(self) -> None:
        from radslag.accounts import audit

        audit.connect()
