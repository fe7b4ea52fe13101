"""The simulators' data files: archetypes, templates and vocabularies under ``demo/data/``."""

from __future__ import annotations

import tomllib
from importlib.resources import files
from typing import Any


def read_toml(name: str) -> dict[str, Any]:
    """The TOML file ``data/<name>`` of the demo package, as shipped with it."""
    return tomllib.loads(files("radslag.demo").joinpath("data", name).read_text("utf-8"))
