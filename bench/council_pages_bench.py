"""Server time of the council's, the initiatives' and the recommendations' pages with the
example data (the load test's SQLite database, ``bench/load_bench.py``), as a visitor and as
the convener sees them.

The pages are requested through Django's test client in a `radslag shell` of that database,
so the figures are server time (routing, queries, templates), without network or browser; each
page once to warm what a running server has cached, then measured. Goal (issues "The council's
rounds", "Initiatives and recommendations" and "Council composition"): every page under
300 ms.
"""

from __future__ import annotations

import subprocess

from bench.load_bench import RADSLAG, prepare

REPEATS = 7

MEASURE = """
import statistics, time
from django.contrib.auth.models import User
from django.test import Client
from radslag.council.models import Round
from radslag.council.models import Composition
from radslag.initiatives.models import BudgetRound, Initiative

rounds = {r.kind + ":" + r.status: r.pk for r in Round.objects.filter(is_example=True)}
pages = [("/radet/", "the council's page")]
for key, pk in sorted(rounds.items()):
    pages.append((f"/radet/omgangar/{pk}/", "round " + key))
    if key.endswith("publicerad"):
        pages.append((f"/radet/omgangar/{pk}/resultat/", "results " + key))
        pages.append((f"/radet/omgangar/{pk}/resultat/?segment=county", "results by county " + key))
composed = Composition.objects.filter(is_example=True).first().pk
pages += [
    ("/radet/representativitet/", "how representative the council is"),
    ("/radet/sammansattning/", "compositions"),
    ("/radet/sammansattning/ny/", "new composition (form with suggested quotas)"),
    (f"/radet/sammansattning/{composed}/", "drawn composition, 290 probabilities"),
    (f"/radet/sammansattning/{composed}/spela-upp/", "replay of the draw"),
    (f"/radet/sammansattning/{composed}/lotteri.json", "the published lottery"),
    (f"/radet/sammansattning/{composed}/representativitet/", "the drawn council's audit"),
    ("/initiativ/", "initiatives"),
    (f"/initiativ/{Initiative.objects.filter(is_example=True).first().pk}/", "one initiative"),
    ("/initiativ/antaganden/", "the value model's assumptions"),
    (
        f"/initiativ/budget/{BudgetRound.objects.filter(status='stangd').first().pk}/",
        "closed budget round, explained",
    ),
    ("/rekommendationer/", "national recommendations"),
]
visitor = Client(HTTP_HOST="127.0.0.1")
convener = Client(HTTP_HOST="127.0.0.1")
convener.force_login(User.objects.get(username="samordnare"))
print("| page | what | visitor median ms | convener median ms |")
print("|---|---|---:|---:|")
for url, what in pages:
    cells = []
    for client in (visitor, convener):
        client.get(url)
        times = []
        for _ in range(REPEATS):
            start = time.perf_counter()
            answer = client.get(url)
            times.append((time.perf_counter() - start) * 1000)
        ok = answer.status_code == 200
        cells.append(f"{statistics.median(times):.0f}" if ok else str(answer.status_code))
    print(f"| `{url}` | {what} | {cells[0]} | {cells[1]} |")
"""


def main() -> None:
    env = {**prepare("sqlite"), "RADSLAG_DEMO": "1"}
    for step in (["migrate", "--no-input", "-v0"], ["demo-accounts"]):
        subprocess.run([RADSLAG, *step], env=env, check=True, stdout=subprocess.DEVNULL)
    done = subprocess.run(
        [RADSLAG, "shell", "-c", MEASURE.replace("REPEATS", str(REPEATS))],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    print(done.stdout)
