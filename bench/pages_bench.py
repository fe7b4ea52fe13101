"""Server time of the heaviest pages, on a fresh SQLite database with the reference data.

Runs Django in this process with the test client, so the figures are server time (routing,
queries, template rendering), without the network or the browser.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from pathlib import Path

PAGES = [
    ("/kommuner/", "list of all 290 municipalities"),
    ("/kommuner/?sort=-density", "list sorted by density"),
    ("/kommuner/?q=berg", "list filtered by name"),
    ("/kommuner/0180/", "one municipality with charts"),
    ("/karta/", "choropleth map, density"),
    ("/karta/?figur=net_cost", "choropleth map, net cost"),
]
REPEATS = 15


def main() -> None:
    home = Path(tempfile.mkdtemp(prefix="radslag-bench-"))
    os.environ.update({"RADSLAG_DEMO": "1", "RADSLAG_HOME": str(home)})
    os.environ.pop("DATABASE_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "radslag.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client

    call_command("migrate", verbosity=0)
    with open(os.devnull, "w") as quiet:
        call_command("load_reference", stdout=quiet)
    client = Client(HTTP_HOST="127.0.0.1")
    print(f"| page | what | median ms | max ms | bytes |  (n={REPEATS}, SQLite)")
    print("|---|---|---:|---:|---:|")
    for url, what in PAGES:
        client.get(url)  # warm caches (boundaries, templates) as a running server has them
        timings = []
        size = 0
        for _ in range(REPEATS):
            start = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200, (url, response.status_code)
            size = len(response.content)
        print(
            f"| `{url}` | {what} | {statistics.median(timings):.1f} | {max(timings):.1f} | {size} |"
        )
