from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InitiativesConfig(AppConfig):
    name = "radslag.initiatives"
    verbose_name = _("Initiativ och rekommendationer")

    def ready(self) -> None:
        from radslag.guidance import sources
        from radslag.initiatives.next_steps import initiatives_to_join

        sources.contribute("initiatives", initiatives_to_join, order=30)
