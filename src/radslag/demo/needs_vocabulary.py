"""The vocabulary of the example needs, read from ``data/needs.toml`` in the demo package.

A theme's options are chosen together so that every combination reads as something a
municipal official could write: a task names the objects it can be done to, and a place or
goal that fits only some of the theme's tasks, objects or places names them (``fits``). This
module reads the file, checks that every id it refers to exists, and answers which
combinations fit; :mod:`radslag.demo.needs_corpus` writes the texts.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from itertools import product
from typing import Any

from radslag.demo.datafiles import read_toml

Phrasings = tuple[str, ...]
KINDS = ("behov", "strategisk-fraga", "hinder")
SLOTS = ("task", "object", "place", "goal")


@dataclass(frozen=True)
class Option:
    id: str
    phrasings: Phrasings  # synonyms; a task's contain "{o}" where its object goes
    title: str = ""  # tasks only: the noun phrase that titles a submission, "{o}" for the object
    objects: frozenset[str] = frozenset()  # tasks only: the objects the task can be done to


@dataclass(frozen=True)
class Theme:
    name: str
    tasks: tuple[Option, ...]
    objects: tuple[Option, ...]
    places: tuple[Option, ...]
    goals: tuple[Option, ...]
    fits: dict[str, frozenset[str]]  # place or goal id: the task, object and place ids it fits
    contexts: tuple[str, ...]  # sentences that set the scene, written before a need
    personal_data: bool = True  # whether its needs handle personal data

    @property
    def area(self) -> str:
        """The application area code (``radslag.core.areas.Area``), before the colon."""
        return self.name.split(":", 1)[0]

    def options(self, slot: str) -> tuple[Option, ...]:
        return {
            "task": self.tasks,
            "object": self.objects,
            "place": self.places,
            "goal": self.goals,
        }[slot]

    def actions(self) -> set[tuple[str, str]]:
        """The (task, object) pairs this theme allows, by id."""
        return {(task.id, obj) for task in self.tasks for obj in task.objects}

    def combinations(self) -> list[tuple[int, int, int, int]]:
        """Every (task, object, place, goal), by index, in which each part fits the others."""
        ids = {slot: [option.id for option in self.options(slot)] for slot in SLOTS}
        found = []
        for task, obj, place, goal in product(*(range(len(ids[slot])) for slot in SLOTS)):
            chosen = {
                "task": ids["task"][task],
                "object": ids["object"][obj],
                "place": ids["place"][place],
            }
            if chosen["object"] not in self.tasks[task].objects:
                continue
            if self._fits(chosen["place"], chosen) and self._fits(ids["goal"][goal], chosen):
                found.append((task, obj, place, goal))
        return found

    def _fits(self, option: str, chosen: dict[str, str]) -> bool:
        """Whether ``option`` fits: for each slot its ``fits`` names, the chosen id is named."""
        named = self.fits.get(option)
        if named is None:
            return True
        for slot, value in chosen.items():
            of_slot = named & {o.id for o in self.options(slot)}
            if of_slot and value not in of_slot:
                return False
        return True


@dataclass(frozen=True)
class Obstacle:
    clause: str  # follows "men", "är att" or "eftersom"
    noun: str  # the same as a noun phrase, for titles
    personal: bool = False  # about personal data


@dataclass(frozen=True)
class Vocabulary:
    themes: tuple[Theme, ...]
    frames: dict[str, tuple[tuple[str, ...], ...]]  # kind: frames, each in one or two orders
    titles: dict[str, tuple[str, ...]]  # kind: title templates
    obstacles: tuple[Obstacle, ...]
    closings: tuple[str, ...]
    personal_closings: tuple[str, ...]  # closings about personal data

    def obstacles_for(self, theme: Theme) -> tuple[Obstacle, ...]:
        """The obstacles a need of ``theme`` can meet."""
        return tuple(o for o in self.obstacles if theme.personal_data or not o.personal)

    def closings_for(self, theme: Theme) -> tuple[str, ...]:
        """The closing sentences a text of ``theme`` can end with."""
        return self.closings + (self.personal_closings if theme.personal_data else ())


@cache
def vocabulary() -> Vocabulary:
    """The vocabulary in ``data/needs.toml``, checked."""
    data = read_toml("needs.toml")
    return Vocabulary(
        themes=tuple(parse_theme(entry) for entry in data["themes"]),
        frames={kind: tuple(tuple(frame) for frame in data["frames"][kind]) for kind in KINDS},
        titles={kind: tuple(data["titles"][kind]) for kind in KINDS},
        obstacles=tuple(
            Obstacle(o["clause"], o["noun"], o.get("personal", False)) for o in data["obstacles"]
        ),
        closings=tuple(data["closings"]["sentences"]),
        personal_closings=tuple(data["closings"]["personal"]),
    )


def parse_theme(entry: dict[str, Any]) -> Theme:
    """One ``[[themes]]`` entry of the file; an id that names nothing is refused."""
    name = entry["name"]

    def plain(slot: str) -> tuple[Option, ...]:
        return tuple(Option(key, tuple(words)) for key, words in entry[slot].items())

    tasks = tuple(
        Option(key, tuple(task["phrasings"]), task["title"], frozenset(task["objects"]))
        for key, task in entry["tasks"].items()
    )
    theme = Theme(
        name=name,
        tasks=tasks,
        objects=plain("objects"),
        places=plain("places"),
        goals=plain("goals"),
        fits={key: frozenset(ids) for key, ids in entry.get("fits", {}).items()},
        contexts=tuple(entry["contexts"]),
        personal_data=entry.get("personal_data", True),
    )
    ids = [option.id for slot in SLOTS for option in theme.options(slot)]
    if len(ids) != len(set(ids)):
        raise ValueError(f"{name}: an id is used in two slots")
    unknown = {obj for task in tasks for obj in task.objects} - {o.id for o in theme.objects}
    unknown |= set(theme.fits) - {o.id for o in theme.places + theme.goals}
    unknown |= {i for named in theme.fits.values() for i in named} - set(ids)
    if unknown:
        raise ValueError(f"{name}: unknown ids {sorted(unknown)}")
    if any("{o}" not in text for task in tasks for text in (*task.phrasings, task.title)):
        raise ValueError(f"{name}: a task without its object")
    return theme
