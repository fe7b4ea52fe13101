"""Run the benchmarks: ``python -m bench`` runs all, ``python -m bench pairwise`` one family.

Each module ``bench/<family>_bench.py`` has a ``main() -> None`` that runs Rådslag's method and
the peer library in this same process and prints a table of timings, ratios and correctness.
"""

from __future__ import annotations

import importlib
import pkgutil
import platform
import sys
import time
from pathlib import Path


def _families() -> list[str]:
    folder = Path(__file__).parent
    return sorted(
        info.name.removesuffix("_bench")
        for info in pkgutil.iter_modules([str(folder)])
        if info.name.endswith("_bench")
    )


def main(argv: list[str]) -> int:
    available = _families()
    chosen = argv or available
    unknown = [name for name in chosen if name not in available]
    if unknown:
        print(f"unknown benchmark(s): {', '.join(unknown)}; available: {', '.join(available)}")
        return 2
    print(f"# Rådslag benchmarks, {time.strftime('%Y-%m-%d %H:%M')}")
    print(f"# machine: {platform.node()}, {platform.machine()}, Python {platform.python_version()}")
    for name in chosen:
        print(f"\n## {name}\n", flush=True)
        module = importlib.import_module(f"bench.{name}_bench")
        module.main()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
