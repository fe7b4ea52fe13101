"""Wiki-survey votes under load: 50 voters at once against `radslag serve` on loopback, on
SQLite and PostgreSQL.

Each engine's database is the load test's (reference and example data, ``bench/load_bench.py``)
with an open wiki survey of 30 items and a link for every municipality added. Fifty voters, each
a browser of its own with a municipality's link, load the page, look at the pair for a moment
(2–6 s, as a person reading two short texts and choosing; without a pause 50 clients would
be a denial of service, not voters), and vote; the measured time is the vote's POST and the
redirect to the next pair, i.e. "the vote stored and the next pair returned". Afterwards the
stored votes are counted against the acknowledged ones. ``RADSLAG_BENCH_QUICK=1`` runs 15 s per
engine instead of 60 s. Goal (issue "The council's rounds"): p95 under 50 ms.
"""

from __future__ import annotations

import asyncio
import json
import random
import re
import subprocess
import time
from dataclasses import dataclass, field

import httpx

from bench.load_bench import DURATION, HOME, RADSLAG, free_port, percentile, prepare

VOTERS = 50
WARM_UP = 20
ITEMS = 30
# Seconds a voter spends on a pair: reading two short items and choosing.
THINK = (2.0, 6.0)

SETUP = """
import json
from radslag.council import survey
from radslag.council.models import Item, PairVote, Round
from radslag.municipalities.models import Municipality
Round.objects.filter(title="Belastningstest").delete()
round_ = Round.objects.create(title="Belastningstest", question="?", kind="parvis", status="oppen")
Item.objects.bulk_create(Item(round=round_, label=f"Alternativ {n}") for n in range(ITEMS))
tokens = [survey.create_link(round_, m, None)[1] for m in Municipality.objects.order_by("code")]
print(json.dumps({"round": round_.pk, "tokens": tokens}))
"""

COUNT = """
from radslag.council.models import PairVote
print(PairVote.objects.filter(round_id=ROUND).count())
"""


@dataclass
class Tally:
    latencies: list[float] = field(default_factory=list)
    acknowledged: int = 0
    failures: dict[str, int] = field(default_factory=dict)


def shell(env: dict[str, str], code: str) -> str:
    done = subprocess.run(
        [RADSLAG, "shell", "-c", code], env=env, check=True, capture_output=True, text=True
    )
    return done.stdout.strip().splitlines()[-1]


async def voter(base: str, token: str, deadline: float, tally: Tally, seed: int) -> None:
    pace = random.Random(seed)
    async with httpx.AsyncClient(base_url=base, timeout=30) as client:
        page = (await client.get(f"/radet/delta/{token}/")).text
        while time.monotonic() < deadline:
            left = re.search(r'name="left" value="(\d+)"', page)
            right = re.search(r'name="right" value="(\d+)"', page)
            csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
            if not (left and right and csrf):
                break
            await asyncio.sleep(pace.uniform(*THINK))
            data = {
                "left": left.group(1),
                "right": right.group(1),
                "choice": pace.choice(["vanster", "hoger"]),
                "csrfmiddlewaretoken": csrf.group(1),
            }
            began = time.perf_counter()
            try:
                answer = await client.post(f"/radet/delta/{token}/", data=data)
                if answer.status_code == 302:
                    following = await client.get(answer.headers["location"])
                    status = str(following.status_code)
                    page = following.text
                else:
                    status = str(answer.status_code)
            except httpx.HTTPError as error:
                status = type(error).__name__
            elapsed = time.perf_counter() - began
            if status == "200":
                tally.acknowledged += 1
                tally.latencies.append(elapsed)
            else:
                tally.failures[status] = tally.failures.get(status, 0) + 1


async def vote_load(base: str, tokens: list[str]) -> tuple[Tally, int]:
    chosen = random.Random(1).sample(tokens, VOTERS)
    # Warm every worker up (imports, templates, the first fit), as a running server is, with
    # votes through other municipalities' links that are not measured.
    others = [token for token in tokens if token not in chosen][:WARM_UP]
    warm = Tally()
    await asyncio.gather(
        *(voter(base, token, time.monotonic() + 5, warm, -n) for n, token in enumerate(others))
    )
    tally = Tally()
    deadline = time.monotonic() + DURATION
    await asyncio.gather(
        *(voter(base, token, deadline, tally, seed) for seed, token in enumerate(chosen))
    )
    return tally, warm.acknowledged


def run_engine(engine: str) -> None:
    # The server speaks plain HTTP on loopback, where a browser would not send cookies marked
    # Secure; in production TLS sits in front and they stay Secure.
    env = {**prepare(engine), "SESSION_COOKIE_SECURE": "0", "CSRF_COOKIE_SECURE": "0"}
    # The database was made once; bring it to this version's migrations.
    subprocess.run([RADSLAG, "migrate", "--no-input", "-v0"], env=env, check=True)
    made = json.loads(shell(env, SETUP.replace("ITEMS", str(ITEMS))))
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log = (HOME / engine / "votes-server.log").open("wb")
    server = subprocess.Popen(
        [RADSLAG, "serve", "--bind", f"127.0.0.1:{port}"], env=env, stdout=log, stderr=log
    )
    try:
        for _ in range(120):
            try:
                httpx.get(base + "/halsa/", timeout=5)
                break
            except httpx.TransportError:
                time.sleep(0.5)
        tally, warmed = asyncio.run(vote_load(base, made["tokens"]))
    finally:
        server.terminate()
        server.wait(timeout=60)
        log.close()
    # The warm-up's votes are in the round too; the measured ones are the rest.
    stored = int(shell(env, COUNT.replace("ROUND", str(made["round"])))) - warmed
    if not tally.latencies:
        print(f"| {engine} | {VOTERS} | 0 | {stored} | no vote went through: {tally.failures} |")
        return
    print(
        f"| {engine} | {VOTERS} | {tally.acknowledged} | {stored} | "
        f"{tally.acknowledged / DURATION:.1f} | {percentile(tally.latencies, 0.5):.0f} | "
        f"{percentile(tally.latencies, 0.95):.0f} | {percentile(tally.latencies, 0.99):.0f} | "
        f"{sum(tally.failures.values())} {tally.failures or ''} |",
        flush=True,
    )


def main() -> None:
    print(
        f"Votes: {VOTERS} voters for {DURATION:.0f} s per engine against `radslag serve` on "
        f"loopback, each pausing {THINK[0]}–{THINK[1]} s on a pair before voting; a round of "
        f"{ITEMS} items; time = the vote's POST and the next pair's page.\n"
    )
    print(
        "| engine | voters | votes acknowledged | votes stored | per second | p50 ms | "
        "p95 ms | p99 ms | failed |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---|")
    for engine in ("sqlite", "postgresql"):
        run_engine(engine)
