from django.apps import AppConfig
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class InitiativesConfig(AppConfig):
    name = "radslag.initiatives"
    verbose_name = _("Initiativ och rekommendationer")

    def ready(self) -> None:
        from radslag.council import item_sources
        from radslag.guidance import sources
        from radslag.initiatives.next_steps import initiatives_to_join
        from radslag.initiatives.round_items import initiatives_to_prioritise

        sources.contribute("initiatives", initiatives_to_join, order=30)
        item_sources.contribute(
            "initiativ", _("Initiativen (utom klara och avbrutna)"), initiatives_to_prioritise, 30
        )
        item_sources.contribute_link(
            "initiatives.initiative", lambda pk: reverse("initiatives:detail", args=[int(pk)])
        )
