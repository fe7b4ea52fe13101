"""Writes under load, a server killed in the middle of them, and concurrent edits of one record.

Part of ``python -m bench load`` (``make loadtest``), per engine, against `radslag serve` on the
load test's database (``bench/load_bench.py``):

- writes: :data:`WRITERS` clients submit needs through the API, each with an
  ``Idempotency-Key``, :data:`VOTERS` clients vote in a wiki survey through its page (the
  form's key), and a convener merges pairs of the submitted needs through the need's page, all
  for a fixed time. A write that got no answer (a refused connection, a reset, a 5xx) is sent
  again, unchanged and with the same key, until it is acknowledged or the retry time runs out;
  one acknowledged submission in ten is sent again on purpose, as a client that lost the
  answer would, and must come back as the same submission.
- kill: halfway through, the gunicorn master and every worker get SIGKILL at once; the server
  is started again on the same port while the clients keep retrying.
- count: afterwards the database is asked what it holds. Every acknowledged write must be
  stored exactly once (none lost, none doubled), and nothing stored that no client had asked
  for.
- concurrent edits (``bench/load_edits.py``): clients read the same use case (and the same
  need), then all send a change based on the version they read at once; exactly one may be
  saved, the others must be told 409, and the stored record must be the saved one's.

Every run stops by itself: the write load after :data:`DURATION` seconds plus at most
:data:`RETRY_FOR` seconds of retries, each edit round after one answer per client.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import random
import re
import signal
import subprocess
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from bench import load_edits

WRITERS = 20
VOTERS = 20
DURATION = 20.0 if os.environ.get("RADSLAG_BENCH_QUICK") else 40.0
RETRY_FOR = 60.0
ITEMS = 20
TEXT = (
    "Lasttest: vi behöver stöd för att införa taligenkänning i dokumentationen i hemtjänsten, "
    "så att personalen får mer tid med brukarna."
)

SETUP = """
import json, uuid
from django.contrib.auth import get_user_model
from radslag.accounts import tokens
from radslag.accounts.models import Membership, Role
from radslag.council import survey
from radslag.council.models import Item, Round
from radslag.municipalities.models import Municipality
from radslag.needs.models import Need
from radslag.needs.support import submit
from radslag.register.models import UseCase

run = uuid.uuid4().hex[:8]
people = get_user_model().objects
codes = list(Municipality.objects.order_by("code").values_list("code", flat=True))
keys = []
for n in range(WRITERS):
    person, _ = people.get_or_create(username=f"lasttest-{n}")
    Membership.objects.get_or_create(
        person=person, role=Role.REPRESENTATIVE, municipality_id=codes[n]
    )
    keys.append([codes[n], tokens.create(person, "lasttest")[1]])
convener, _ = people.get_or_create(username="lasttest-samordnare")
convener.set_password(PASSWORD)
convener.save()
Membership.objects.get_or_create(person=convener, role=Role.CONVENER)
round_ = Round.objects.create(
    title=f"Lasttest {run}", question="?", kind="parvis", status="oppen"
)
Item.objects.bulk_create(Item(round=round_, label=f"Alternativ {n}") for n in range(ITEMS))
voting = Municipality.objects.order_by("code")[:VOTERS]
links = [survey.create_link(round_, m, None)[1] for m in voting]
case = UseCase.objects.create(
    title=f"Lasttest {run}", summary="Redigeras samtidigt.", organisation_id=codes[0],
    status="publicerad",
)
need = submit(
    Need(title=f"Lasttest {run}", text=TEXT, area="aldreomsorg", municipality_id=codes[0])
)
made = {"run": run, "keys": keys, "round": round_.pk, "links": links}
print(json.dumps(made | {"case": case.pk, "need": need.pk}))
"""

COUNT = """
import json
from django.db.models import Count
from radslag.council.models import PairVote
from radslag.needs.models import Merge, Need
needs = Need.objects.filter(
    created_by__username__startswith="lasttest-", title__startswith="Lasttest RUN "
)
votes = PairVote.objects.filter(round_id=ROUND)
merges = Merge.objects.filter(kept__in=needs, undone_at__isnull=True)
print(json.dumps({
    "needs": list(needs.values_list("idempotency_key", "pk")),
    "votes": list(votes.values_list("idempotency_key", flat=True)),
    "merges": [[kept, merged] for kept, merged in merges.values_list("kept_id", "merged_id")],
}))
"""


@dataclass
class Writes:
    """What the clients were told: each acknowledged write by its key."""

    needs: dict[str, int] = field(default_factory=dict)  # idempotency key -> need id
    votes: set[str] = field(default_factory=set)
    merges: list[tuple[int, int]] = field(default_factory=list)
    replays: int = 0
    replays_matched: int = 0
    # Retries after a lost answer that the server answered with the write stored the first
    # time: the case the idempotency key exists for.
    recovered: int = 0
    retries: int = 0
    gave_up: int = 0
    latencies: list[float] = field(default_factory=list)
    answers: dict[str, int] = field(default_factory=dict)

    def saw(self, answer: str) -> None:
        self.answers[answer] = self.answers.get(answer, 0) + 1


class Server:
    """`radslag serve` on a fixed port, which can be killed and started again."""

    def __init__(self, radslag: str, env: dict[str, str], port: int, log: Path) -> None:
        self.command = [radslag, "serve", "--bind", f"127.0.0.1:{port}"]
        self.env, self.base, self.log = env, f"http://127.0.0.1:{port}", log
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(self.command, env=self.env, stdout=log, stderr=log)
        for _ in range(240):
            try:
                if httpx.get(self.base + "/halsa/", timeout=5).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.25)
        raise RuntimeError(f"the server did not start; see {self.log}")

    def kill(self) -> int:
        """SIGKILL the master and all its workers at once; the number of processes killed."""
        assert self.process is not None
        master = self.process.pid
        workers = _children(master)
        for pid in [master, *workers]:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        self.process.wait(timeout=30)
        return 1 + len(workers)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=60)


def _children(pid: int) -> list[int]:
    found = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(child) for child in found.read_text().split()] if found.exists() else []


def _failed(status: int | str) -> bool:
    """An answer that says nothing about whether the write was stored: send it again."""
    return not isinstance(status, int) or status >= 500


async def _send(
    client: httpx.AsyncClient, writes: Writes, give_up: float, method: str, path: str, **kw: object
) -> httpx.Response | None:
    """Send until a definite answer; the same request each time, so the same key."""
    while True:
        began = time.perf_counter()
        try:
            response = await client.request(method, path, **kw)  # type: ignore[arg-type]
            status: int | str = response.status_code
        except httpx.HTTPError as error:
            status = type(error).__name__
        writes.saw(f"{method} {status}")
        if not _failed(status):
            if method != "GET":
                writes.latencies.append(time.perf_counter() - began)
            return response
        if time.monotonic() > give_up:
            writes.gave_up += 1
            return None
        writes.retries += 1
        await asyncio.sleep(0.5)


async def _writer(
    base: str, code: str, key: str, run: str, stop: float, writes: Writes, seed: int
) -> None:
    pace = random.Random(seed)
    headers = {"Authorization": f"Bearer {key}"}
    async with httpx.AsyncClient(base_url=base, timeout=30, headers=headers) as client:
        number = 0
        while time.monotonic() < stop:
            number += 1
            idempotency_key = str(uuid.uuid4())
            body = {
                "kind": "behov",
                "title": f"Lasttest {run} {code}-{number}",
                "text": f"{TEXT} ({code}-{number})",
                "area": "aldreomsorg",
                "municipality": code,
            }
            send = {"json": body, "headers": {"Idempotency-Key": idempotency_key}}
            answer = await _send(client, writes, stop + RETRY_FOR, "POST", "/api/v1/behov/", **send)
            if answer is None or answer.status_code != 201:
                continue
            need = int(answer.json()["id"])
            writes.needs[idempotency_key] = need
            writes.recovered += answer.headers.get("Idempotent-Replayed") == "true"
            if pace.random() < 0.1:  # the answer "lost": the client sends it again
                again = await _send(
                    client, writes, stop + RETRY_FOR, "POST", "/api/v1/behov/", **send
                )
                writes.replays += 1
                if again is not None and again.status_code == 201:
                    writes.replays_matched += int(again.json()["id"]) == need


def _hidden(page: str, name: str) -> str | None:
    found = re.search(rf'name="{name}" value="([^"]*)"', page)
    return found.group(1) if found else None


async def _voter(base: str, link: str, stop: float, writes: Writes) -> None:
    async with httpx.AsyncClient(base_url=base, timeout=30) as client:
        path = f"/radet/delta/{link}/"
        while time.monotonic() < stop:
            page = await _send(client, writes, stop + RETRY_FOR, "GET", path)
            if page is None:
                return
            data = {
                name: _hidden(page.text, name)
                for name in ("left", "right", "idempotency_key", "csrfmiddlewaretoken")
            }
            if None in data.values():
                return  # every pair voted on
            data["choice"] = random.choice(["vanster", "hoger"])
            answer = await _send(client, writes, stop + RETRY_FOR, "POST", path, data=data)
            if answer is not None and answer.status_code == 302:
                writes.votes.add(str(data["idempotency_key"]))


async def _convener(base: str, password: str, stop: float, writes: Writes) -> None:
    async with httpx.AsyncClient(base_url=base, timeout=30) as client:
        give_up = stop + RETRY_FOR
        login = await _send(client, writes, give_up, "GET", "/konto/logga-in/")
        if login is None:
            return
        signed_in = await _send(
            client,
            writes,
            give_up,
            "POST",
            "/konto/logga-in/",
            data={
                "username": "lasttest-samordnare",
                "password": password,
                "csrfmiddlewaretoken": _hidden(login.text, "csrfmiddlewaretoken") or "",
            },
        )
        listing = await _send(client, writes, give_up, "GET", "/behov/")
        if signed_in is None or listing is None:
            return
        token = _hidden(listing.text, "csrfmiddlewaretoken") or ""
        merged: set[int] = set()
        while time.monotonic() < stop:
            await asyncio.sleep(0.3)
            open_ids = [pk for pk in writes.needs.values() if pk not in merged]
            if len(open_ids) < 2:
                continue
            kept, other = random.sample(open_ids, 2)
            data = {"other": str(other), "bekrafta": "1", "csrfmiddlewaretoken": token}
            answer = await _send(
                client, writes, stop + RETRY_FOR, "POST", f"/behov/{kept}/sla-ihop/", data=data
            )
            if answer is None or answer.status_code != 302:
                continue
            page = await _send(client, writes, stop + RETRY_FOR, "GET", answer.headers["location"])
            if page is not None and "är sammanslaget hit" in page.text:
                writes.merges.append((kept, other))
                merged.add(other)


async def write_load(server: Server, made: dict[str, object], password: str) -> tuple[Writes, int]:
    writes = Writes()
    stop = time.monotonic() + DURATION
    run = str(made["run"])
    keys: list[list[str]] = made["keys"]  # type: ignore[assignment]
    links: list[str] = made["links"]  # type: ignore[assignment]
    clients = [
        *(
            _writer(server.base, code, key, run, stop, writes, seed)
            for seed, (code, key) in enumerate(keys)
        ),
        *(_voter(server.base, link, stop, writes) for link in links),
        _convener(server.base, password, stop, writes),
    ]
    tasks = [asyncio.create_task(client) for client in clients]
    await asyncio.sleep(DURATION / 2)
    killed = server.kill()
    await asyncio.sleep(1.0)  # the clients meet a closed port and keep retrying
    await asyncio.to_thread(server.start)
    await asyncio.gather(*tasks)
    return writes, killed


def checked(writes: Writes, stored: dict[str, list]) -> dict[str, int]:  # type: ignore[type-arg]
    """Acknowledged against stored, by key: lost, doubled, and stored without acknowledgement."""
    stored_needs = [key for key, _pk in stored["needs"]]
    need_keys = set(stored_needs)
    stored_votes = list(stored["votes"])
    merges = [tuple(pair) for pair in stored["merges"]]
    return {
        "needs acknowledged": len(writes.needs),
        "needs stored": len(stored_needs),
        "needs lost": len(set(writes.needs) - need_keys),
        "needs doubled": len(stored_needs) - len(need_keys),
        "needs stored, never acknowledged": len(need_keys - set(writes.needs)),
        "votes acknowledged": len(writes.votes),
        "votes stored": len(stored_votes),
        "votes lost": len(writes.votes - set(stored_votes)),
        "votes doubled": len(stored_votes) - len(set(stored_votes)),
        "votes stored, never acknowledged": len(set(stored_votes) - writes.votes),
        "merges acknowledged": len(writes.merges),
        "merges stored": len(merges),
        "merges lost": len(set(writes.merges) - set(merges)),
        "merges doubled": len(merges) - len(set(merges)),
    }


def shell(radslag: str, env: dict[str, str], code: str) -> str:
    done = subprocess.run(
        [radslag, "shell", "-c", code], env=env, check=True, capture_output=True, text=True
    )
    return done.stdout.strip().splitlines()[-1]


def run_faults(radslag: str, env: dict[str, str], port: int, log: Path) -> list[str]:
    """The write load with a kill halfway, then the concurrent edits; table rows, as printed."""
    # Plain HTTP on loopback, where a client does not send cookies marked Secure; in
    # production TLS sits in front and they stay Secure.
    env = {**env, "SESSION_COOKIE_SECURE": "0", "CSRF_COOKIE_SECURE": "0"}
    password = uuid.uuid4().hex
    setup = SETUP
    for name, value in (
        ("WRITERS", WRITERS),
        ("VOTERS", VOTERS),
        ("ITEMS", ITEMS),
        ("PASSWORD", repr(password)),
        ("TEXT", repr(TEXT)),
    ):
        setup = setup.replace(name, str(value))
    made = json.loads(shell(radslag, env, setup))
    server = Server(radslag, env, port, log)
    server.start()
    try:
        writes, killed = asyncio.run(write_load(server, made, password))
        key = made["keys"][0][1]
        paths = [f"/api/v1/anvandningsfall/{made['case']}/", f"/api/v1/behov/{made['need']}/"]
        edits = asyncio.run(load_edits.edit_load(server.base, key, paths))
    finally:
        server.stop()
    count = COUNT.replace("RUN", str(made["run"])).replace("ROUND", str(made["round"]))
    found = checked(writes, json.loads(shell(radslag, env, count)))
    from bench.load_bench import percentile  # here: load_bench imports this module

    writes_done = len(writes.needs) + len(writes.votes) + len(writes.merges)
    return [
        f"writes for {DURATION:.0f} s ({WRITERS} submitters, {VOTERS} voters, 1 convener "
        f"merging); SIGKILL to {killed} server processes at {DURATION / 2:.0f} s, restarted",
        f"acknowledged writes: {writes_done} ({writes_done / DURATION:.1f}/s), write p50 "
        f"{percentile(writes.latencies, 0.5):.0f} ms, p95 {percentile(writes.latencies, 0.95):.0f} "
        f"ms; retries after no answer: {writes.retries}, given up: {writes.gave_up}",
        "answers: " + ", ".join(f"{k} {v}" for k, v in sorted(writes.answers.items())),
        ", ".join(f"{name} {value}" for name, value in found.items()),
        f"submissions whose answer was lost, stored once and found by their retry: "
        f"{writes.recovered}; sent again after an acknowledgement: {writes.replays}, answered "
        f"with the same submission: {writes.replays_matched}",
        f"concurrent edits: {len(paths)} records × {load_edits.ROUNDS} rounds × "
        f"{load_edits.EDITORS} clients "
        f"on the same version: saved {edits.saved}, refused 409 {edits.refused}, other "
        f"{edits.other or 0}, rounds with a lost or doubled update {edits.lost}",
    ]
