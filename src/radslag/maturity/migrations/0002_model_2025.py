"""Load version 2025 of the maturity model (radslag.maturity.definitions.MODEL_2025)."""

from django.db import migrations


def load(apps, schema_editor):
    from radslag.maturity.definitions import MODEL_2025
    from radslag.maturity.loading import load_definition

    load_definition(MODEL_2025, apps)


class Migration(migrations.Migration):
    dependencies = [("maturity", "0001_initial")]

    # Reversing leaves the version in place: assessments may refer to it.
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
