"""The council use of radslag.decide.committee.selection: run with `.venv/bin/python docs/council_example.py`.

The 290 municipalities are the pool, with size class and region (Sweden's three NUTS-1
landsdelar) as features; a 12-seat council is drawn by LEXIMIN with a published seed, and the
current council is audited against the 290.
"""

from __future__ import annotations

import csv
import time
from pathlib import Path

import numpy as np

import radslag
from radslag.decide.committee.selection import Pool, draw_panel, leximin_lottery, proportional_quotas
from radslag.decide.committee.audit import audit_panel

DATA = Path(radslag.__file__).parent / "data"
REGIONS = {
    "Östra Sverige": {"01", "03", "04", "05", "18", "19"},
    "Södra Sverige": {"06", "07", "08", "09", "10", "12", "13", "14"},
    "Norra Sverige": {"17", "20", "21", "22", "23", "24", "25"},
}
SIZES = ("under 15 000", "15 000–49 999", "50 000–199 999", "200 000+")
CURRENT_COUNCIL = [
    "Kristinehamn", "Herrljunga", "Vårgårda", "Gagnef", "Kungsbacka", "Värmdö", "Strängnäs",
    "Skövde", "Helsingborg", "Stockholm", "Göteborg", "Sundsvall", "Mellerud",
]  # fmt: skip


def size_of(population: float) -> int:
    return int(np.searchsorted([15_000, 50_000, 200_000], population, side="right"))


def load() -> tuple[list[str], Pool]:
    with (DATA / "geo" / "municipalities.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    population: dict[str, float] = {}
    path = DATA / "kolada" / "ddf--datapoints--n01951--by--geo--year.csv"
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if len(row["geo"]) == 4 and row["year"] == "2022":
                population[row["geo"]] = float(row["n01951"])
    region_names = list(REGIONS)
    codes = [
        (
            size_of(population[r["municipality_code"]]),
            next(i for i, n in enumerate(region_names) if r["county_code"] in REGIONS[n]),
        )
        for r in rows
    ]
    pool = Pool(("size", "region"), (SIZES, tuple(region_names)), np.array(codes, dtype=np.int64))
    return [r["municipality_name_short"] for r in rows], pool


def main() -> None:
    names, pool = load()
    quotas = proportional_quotas(pool, 12)
    start = time.perf_counter()
    lottery = leximin_lottery(pool, quotas)
    seconds = time.perf_counter() - start
    print(f"LEXIMIN over {len(names)} municipalities, 12 seats: {seconds:.2f} s, "
          f"{len(lottery.panels)} panels, min probability "
          f"{lottery.selection_probabilities.min():.4f} (k/n = {12 / len(names):.4f})")
    drawn = draw_panel(lottery, "2026-11-26 lottnummer 4711")
    print("Drawn council:", ", ".join(sorted(names[i] for i in drawn.members)))
    current = [names.index(name) for name in CURRENT_COUNCIL]
    audit = audit_panel(pool, current)
    print(audit.table())
    print("Worst represented first:", ", ".join(audit.worst_features))


if __name__ == "__main__":
    main()
