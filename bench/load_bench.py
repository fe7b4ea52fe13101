"""Load on the production server: 50 concurrent readers against `radslag serve` on loopback.

For each engine (SQLite and PostgreSQL) this sets up a database with the reference data and
the example data (once; kept under ``var/loadtest/``), starts the production server exactly as
the README's production section does (gunicorn, hashed static files, no debug), and runs
50 concurrent clients over the main public pages and the API for a fixed time, after a warm-up
of the same load (each worker keeps its own cache of computed pages, so each computes each page
once; the warm-up's figures are printed too). It reports requests, throughput and latency
percentiles, and counts every answer that is not a 200. Then the writes, the kill and the
concurrent edits of ``bench/load_faults.py`` run against the same database.

The clients run in this process on the same two cores as the server, so the figures are a
lower bound for a server with a separate load generator. ``RADSLAG_BENCH_QUICK=1`` runs 15 s
per engine instead of 60 s; ``RADSLAG_LOAD_ENGINES=sqlite`` runs one engine.
"""

from __future__ import annotations

import asyncio
import os
import re
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from bench import load_faults

CLIENTS = 50
DURATION = 15.0 if os.environ.get("RADSLAG_BENCH_QUICK") else 60.0
WARM_UP = 30.0
POSTGRES = "postgres://postgres@127.0.0.1:5432"
HOME = Path("var/loadtest").resolve()
RADSLAG = str(Path(sys.executable).with_name("radslag"))
READ_PATHS = [
    "/",
    "/kommuner/",
    "/kommuner/?lan=01",
    "/kommuner/0180/",
    "/karta/",
    "/anvandningsfall/",
    "/anvandningsfall/statistik/",
    "/behov/",
    "/behov/teman/",
    "/mognad/",
    "/mognad/kommuner/0180/",
    "/api/v1/kommuner/",
    "/api/v1/kommuner/0180/",
    "/api/v1/anvandningsfall/?limit=50",
    "/api/v1/statistik/",
]


@dataclass
class Result:
    latencies: list[float] = field(default_factory=list)
    failures: dict[str, int] = field(default_factory=dict)
    by_path: dict[str, list[float]] = field(default_factory=dict)

    def slowest(self, count: int) -> list[tuple[str, float]]:
        medians = {path: sorted(times)[len(times) // 2] for path, times in self.by_path.items()}
        return sorted(medians.items(), key=lambda item: -item[1])[:count]


def environment(engine: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "RADSLAG_DEMO"}}
    env.update(
        {
            "RADSLAG_HOME": str(HOME / engine),
            "SECRET_KEY": "radslag-load-test-" + "x" * 40,
            "ALLOWED_HOSTS": "127.0.0.1",
            "DJANGO_SETTINGS_MODULE": "radslag.settings",
        }
    )
    env.pop("DATABASE_URL", None)
    if engine == "postgresql":
        env["DATABASE_URL"] = f"{POSTGRES}/radslag_load"
    return env


def prepare(engine: str) -> dict[str, str]:
    """A database with reference and example data, made once and reused."""
    env = environment(engine)
    ready = HOME / engine / "ready"
    if ready.exists():
        # A database made by an earlier version of Rådslag gets its newer migrations.
        subprocess.run([RADSLAG, "migrate", "--no-input", "-v0"], env=env, check=True)
        return env
    (HOME / engine).mkdir(parents=True, exist_ok=True)
    if engine == "postgresql":
        recreate = [
            "-c",
            "DROP DATABASE IF EXISTS radslag_load WITH (FORCE)",
            "-c",
            "CREATE DATABASE radslag_load",
        ]
        subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-q", *recreate], check=True)
    steps = [
        ["migrate", "--no-input", "-v0"],
        ["load-reference"],
        ["import-pstw"],
        ["demo-data", "--seed", "1"],
        ["collectstatic", "--no-input", "-v0"],
    ]
    for step in steps:
        print(f"  {engine}: radslag {' '.join(step)}", flush=True)
        subprocess.run([RADSLAG, *step], env=env, check=True, stdout=subprocess.DEVNULL)
    ready.touch()
    return env


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def discover(base: str) -> list[str]:
    """Add detail pages of real rows to the paths read."""
    paths = list(READ_PATHS)
    for listing, pattern in (
        ("/anvandningsfall/", r'href="(/anvandningsfall/\d+/)"'),
        ("/behov/", r'href="(/behov/\d+/)"'),
    ):
        found = re.findall(pattern, httpx.get(base + listing, timeout=30).text)
        paths.extend(list(dict.fromkeys(found))[:4])
    return paths


async def reader(
    client: httpx.AsyncClient, paths: list[str], start: int, deadline: float, result: Result
) -> None:
    index = start
    while time.monotonic() < deadline:
        path = paths[index % len(paths)]
        index += 7  # a stride coprime to the list, so clients spread over the pages
        began = time.perf_counter()
        try:
            response = await client.get(path)
            status = str(response.status_code)
        except httpx.HTTPError as error:
            status = type(error).__name__
        elapsed = time.perf_counter() - began
        if status == "200":
            result.latencies.append(elapsed)
            result.by_path.setdefault(path, []).append(elapsed)
        else:
            result.failures[status] = result.failures.get(status, 0) + 1


async def read_load(base: str, paths: list[str], duration: float) -> Result:
    result = Result()
    limits = httpx.Limits(max_connections=CLIENTS, max_keepalive_connections=CLIENTS)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as client:
        deadline = time.monotonic() + duration
        await asyncio.gather(*(reader(client, paths, i, deadline, result) for i in range(CLIENTS)))
    return result


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] * 1000


def run_engine(engine: str) -> None:
    env = prepare(engine)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log = (HOME / engine / "server.log").open("wb")
    server = subprocess.Popen(
        [RADSLAG, "serve", "--bind", f"127.0.0.1:{port}"],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        for _ in range(120):
            try:
                httpx.get(base + "/halsa/", timeout=5)
                break
            except httpx.TransportError:
                time.sleep(0.5)
        paths = discover(base)
        # The same load, not measured, until every worker has computed every page once (a
        # worker's cache is its own), as a server that has been running has; shown apart.
        cold = asyncio.run(read_load(base, paths, WARM_UP))
        result = asyncio.run(read_load(base, paths, DURATION))
    finally:
        server.terminate()
        server.wait(timeout=60)
        log.close()
    print(
        f"| {engine}, first {WARM_UP:.0f} s (cold caches) | {len(paths)} | "
        f"{len(cold.latencies) + sum(cold.failures.values())} | "
        f"{len(cold.latencies) / WARM_UP:.1f} | {percentile(cold.latencies, 0.5):.0f} | "
        f"{percentile(cold.latencies, 0.95):.0f} | {percentile(cold.latencies, 0.99):.0f} | "
        f"{sum(cold.failures.values())} |",
        flush=True,
    )
    done = len(result.latencies)
    failed = sum(result.failures.values())
    print(
        f"| {engine} | {len(paths)} | {done + failed} | {done / DURATION:.1f} | "
        f"{percentile(result.latencies, 0.5):.0f} | {percentile(result.latencies, 0.95):.0f} | "
        f"{percentile(result.latencies, 0.99):.0f} | "
        f"{failed} {dict(sorted(result.failures.items())) or ''} |",
        flush=True,
    )
    slowest = ", ".join(f"`{path}` {seconds * 1000:.0f}" for path, seconds in result.slowest(5))
    print(f"|  | slowest medians, ms: {slowest} | | | | | | |", flush=True)


def run_faults(engine: str) -> None:
    env = prepare(engine)
    log = HOME / engine / "faults-server.log"
    print(f"\n{engine}:", flush=True)
    for line in load_faults.run_faults(RADSLAG, env, free_port(), log):
        print(f"- {line}", flush=True)


def main() -> None:
    print(
        f"Reads: {CLIENTS} concurrent clients for {DURATION:.0f} s per engine against "
        f"`radslag serve` (default workers) on loopback, after {WARM_UP:.0f} s of the same "
        "load that fills every worker's cache; example data, seed 1.\n"
    )
    print("| engine | paths | requests | per second (200s) | p50 ms | p95 ms | p99 ms | not 200 |")
    print("|---|---:|---:|---:|---:|---:|---:|---|")
    engines = [
        e
        for e in ("sqlite", "postgresql")
        if e in os.environ.get("RADSLAG_LOAD_ENGINES", "sqlite,postgresql")
    ]
    for engine in engines:
        run_engine(engine)
    print("\nWrites, a kill and concurrent edits (bench/load_faults.py):")
    for engine in engines:
        run_faults(engine)
