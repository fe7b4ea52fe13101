"""The needs pages with 10 000 submissions stored: the duplicate check on submit, the pages.

Runs Django in this process on a fresh SQLite database with the reference data, the PSTW
catalogue and the example data of ``radslag demo-data`` scaled to 10 000 needs, so the times
are server time (queries, the text index, template rendering) without network or browser.
The first request of a process builds the text index; it is timed on its own.
"""

from __future__ import annotations

import statistics
import time

from bench.database import fresh_database

N_NEEDS = 10_000
REPEATS = 15
NEW_TEXTS = [
    "Vi behöver stöd för att införa taligenkänning i dokumentationen i hemtjänsten.",
    "Hur kan vi låta AI besvara invånarnas vanligaste frågor i kontaktcentret dygnet runt?",
    "Vi vill hitta läckor i VA-nätet med sensordata men saknar kompetens att upphandla AI.",
    "Kan AI hjälpa oss att granska bygglovsansökningarna så att handläggningen går fortare?",
    "Vi önskar en gemensam lösning för schemaläggning av personalen i äldreomsorgen.",
]


def _ms(start: float) -> float:
    return (time.perf_counter() - start) * 1000


def _setup() -> None:
    fresh_database("needs")
    from django.core.management import call_command

    from radslag.register.pstw import import_pstw

    import_pstw()
    call_command("demo_use_cases", seed=1)
    start = time.perf_counter()
    call_command("demo_needs", seed=1, count=N_NEEDS)
    print(f"(stored and grouped into themes in {_ms(start) / 1000:.1f} s)\n")


def main() -> None:
    _setup()
    from django.test import Client

    from radslag.needs import index
    from radslag.needs.models import Need, Theme

    client = Client(HTTP_HOST="127.0.0.1")
    start = time.perf_counter()
    index.need_index()
    print(f"text index of {Need.objects.open().count()} open needs built in {_ms(start):.0f} ms")
    need = Need.objects.open().with_support().order_by("-support_count").first()
    theme = Theme.objects.first()
    assert need is not None
    assert theme is not None
    client.get("/behov/liknande/", {"text": "värm upp"})  # templates load on first use
    checks = []
    for _ in range(3):
        for text in NEW_TEXTS:
            start = time.perf_counter()
            response = client.get("/behov/liknande/", {"text": text})
            checks.append(_ms(start))
            assert response.status_code == 200
    print(f"\n| what | median ms | max ms | target |  (n={REPEATS}, SQLite, {N_NEEDS} needs)")
    print("|---|---:|---:|---|")
    print(
        f"| duplicate check on submit (`/behov/liknande/`), {len(NEW_TEXTS)} new texts × 3 "
        f"| {statistics.median(checks):.1f} | {max(checks):.1f} | < 300 ms |"
    )
    for url, what in (
        ("/behov/", "list, most support first"),
        ("/behov/?q=taligenkänning&area=aldreomsorg", "list, search and filter"),
        (f"/behov/{need.pk}/", "one need: near-duplicates and solutions"),
        ("/behov/teman/", "themes with support by size class"),
        (f"/behov/teman/{theme.pk}/", "one theme with solutions"),
    ):
        timings = []
        client.get(url)
        for _ in range(REPEATS):
            start = time.perf_counter()
            response = client.get(url)
            timings.append(_ms(start))
            assert response.status_code == 200, (url, response.status_code)
        print(
            f"| page `{url}` ({what}) | {statistics.median(timings):.1f} | {max(timings):.1f} | |"
        )


if __name__ == "__main__":
    main()
