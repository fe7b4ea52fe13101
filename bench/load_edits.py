"""Concurrent edits of one record through the API: optimistic locking under load.

:data:`EDITORS` clients read the same record, then all send a change based on the version they
read at once, :data:`ROUNDS` times per record. In every round exactly one change may be saved
and the others must be answered 409, and the record as stored must be the saved change: a
round with two saved changes, or whose stored record is not the saved one, is a lost update.
Part of ``bench/load_faults.py``.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field

import httpx

EDITORS = 10
ROUNDS = 10


@dataclass
class EditRounds:
    saved: int = 0
    refused: int = 0
    other: dict[str, int] = field(default_factory=dict)
    lost: int = 0  # rounds whose stored record is not the one saved change, or with two saved


async def _edit_round(base: str, key: str, path: str, round_: int, tally: EditRounds) -> None:
    headers = {"Authorization": f"Bearer {key}"}
    async with httpx.AsyncClient(base_url=base, timeout=30, headers=headers) as client:
        version = (await client.get(path)).json()["version"]
        titles = [f"Lasttest redigering {round_}-{n}" for n in range(EDITORS)]
        answers = await asyncio.gather(
            *(client.patch(path, json={"title": title, "version": version}) for title in titles)
        )
        saved = [
            title
            for title, answer in zip(titles, answers, strict=True)
            if answer.status_code == 200
        ]
        for answer in answers:
            if answer.status_code not in (200, 409):
                tally.other[str(answer.status_code)] = (
                    tally.other.get(str(answer.status_code), 0) + 1
                )
        tally.saved += len(saved)
        tally.refused += sum(answer.status_code == 409 for answer in answers)
        stored = (await client.get(path)).json()["title"]
        tally.lost += len(saved) != 1 or stored != saved[0]


async def edit_load(base: str, key: str, paths: list[str]) -> EditRounds:
    tally = EditRounds()
    for path in paths:
        for round_ in range(ROUNDS):
            await _edit_round(base, key, path, round_, tally)
    return tally
