"""Version 1 of the value model's assumptions, from data/value_assumptions.toml."""

import tomllib
from decimal import Decimal
from pathlib import Path

from django.db import migrations

DATA = Path(__file__).resolve().parent.parent / "data" / "value_assumptions.toml"


def load(apps, schema_editor):
    AssumptionSet = apps.get_model("initiatives", "AssumptionSet")
    AreaAssumption = apps.get_model("initiatives", "AreaAssumption")
    data = tomllib.loads(DATA.read_text(encoding="utf-8"))
    if AssumptionSet.objects.exists():
        return
    assumptions = AssumptionSet.objects.create(
        version=1, note=data["note"], target_percent=Decimal(str(data["target_percent"]))
    )
    for area, values in data["areas"].items():
        share = values.get("share_of_total")
        AreaAssumption.objects.create(
            assumptions=assumptions,
            area=area,
            kpis=",".join(values.get("kpis", [])),
            kpis_less=",".join(values.get("kpis_less", [])),
            share_of_total=None if share is None else Decimal(str(share)),
            addressable_low=values["addressable"][0],
            addressable_central=values["addressable"][1],
            addressable_high=values["addressable"][2],
            effect_low=values["effect"][0],
            effect_central=values["effect"][1],
            effect_high=values["effect"][2],
        )


def unload(apps, schema_editor):
    apps.get_model("initiatives", "AssumptionSet").objects.filter(version=1).delete()


class Migration(migrations.Migration):
    dependencies = [("initiatives", "0001_initiatives")]
    operations = [migrations.RunPython(load, unload)]
