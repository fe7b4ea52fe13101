"""Server time of the heaviest pages, on a fresh SQLite database with the reference data.

Runs Django in this process with the test client, so the figures are server time (routing,
queries, template rendering), without the network or the browser.
"""

from __future__ import annotations

import statistics
import time

from bench.database import fresh_database

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
    fresh_database("pages")
    from django.test import Client

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
