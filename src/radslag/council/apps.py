from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CouncilConfig(AppConfig):
    name = "radslag.council"
    verbose_name = _("Rådet")

    def ready(self) -> None:
        from radslag.council.seats import on_reference_loaded
        from radslag.municipalities.reference import reference_loaded

        # The council's seats are reference data loaded with the municipalities they name.
        reference_loaded.connect(on_reference_loaded, dispatch_uid="council-seats")
