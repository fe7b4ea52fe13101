"""A fresh SQLite database with the reference data, for the benchmarks that run Django."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def fresh_database(prefix: str) -> None:
    """Set Django up on a new database under a temporary folder, migrated, reference loaded.

    ``make bench`` runs every family in one process, where Django can be set up only once: a
    later family then works on the first one's database, which holds the same reference data.
    """
    home = Path(tempfile.mkdtemp(prefix=f"radslag-{prefix}-bench-"))
    os.environ.update({"RADSLAG_DEMO": "1", "RADSLAG_HOME": str(home)})
    os.environ.pop("DATABASE_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "radslag.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    with open(os.devnull, "w") as quiet:
        call_command("load_reference", stdout=quiet)
