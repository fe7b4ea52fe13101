from django.apps import AppConfig
from django.urls import register_converter
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "radslag.core"
    verbose_name = _("Gemensamt")

    def ready(self) -> None:
        from django.db.backends.signals import connection_created
        from django.db.models.signals import post_migrate, pre_migrate

        from radslag.core import freshness
        from radslag.core.converters import MunicipalityCodeConverter

        connection_created.connect(freshness.install, dispatch_uid="radslag-freshness")
        pre_migrate.connect(freshness.pause, dispatch_uid="radslag-freshness-pause")
        post_migrate.connect(freshness.resume, dispatch_uid="radslag-freshness-resume")

        # Registered before any URLconf is imported: the apps' urls modules use `<kommun:code>`.
        register_converter(MunicipalityCodeConverter, "kommun")
