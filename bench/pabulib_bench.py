"""Every real pabulib file: Rådslag's reader and Method of Equal Shares against pabutools.

The 44 real files (Polish cities 2016-2023) that pabutools' repository carries
(``tests/pabulib/All``), copied to ``../shared/data/pabulib`` (``../../shared`` from a
worktree); ``RADSLAG_PABULIB`` names another folder (Pabulib: Stolicki, Szufa & Talmon 2020,
arXiv:2012.06539). For each file both libraries read it and run the Method of Equal Shares
with cost utilities (pabutools: ``method_of_equal_shares`` with ``Cost_Sat``, exact ``gmpy2``
fractions); "identical" means the same projects bought in the same order. pabutools runs in a
child process stopped after ``RADSLAG_PABUTOOLS_LIMIT`` seconds (default 300); a file it does
not finish is listed apart, with Rådslag's outcome, and left out of the totals.
"""

from __future__ import annotations

import multiprocessing
import os
import time
from pathlib import Path
from typing import Any, NamedTuple

_REPOSITORY = Path(__file__).resolve().parent.parent
# ../shared beside the checkout; a worktree under wt/ finds it one level further up.
FOLDERS = [
    up / "shared" / "data" / "pabulib" for up in (_REPOSITORY.parent, _REPOSITORY.parent.parent)
]
LIMIT = 300.0


class _Result(NamedTuple):
    name: str
    voters: int
    projects: int
    ours: tuple[str, ...] | None
    ours_read: float
    ours_rule: float
    theirs: tuple[str, ...] | None
    theirs_read: float
    theirs_rule: float
    error: str


def main() -> None:
    """Print one row per file, then the counts and total times."""
    given = os.environ.get("RADSLAG_PABULIB")
    folder = Path(given) if given else next((f for f in FOLDERS if f.is_dir()), FOLDERS[0])
    limit = float(os.environ.get("RADSLAG_PABUTOOLS_LIMIT", LIMIT))
    files = sorted(folder.glob("*.pb"))
    if not files:
        print(f"No pabulib files in {folder}: set RADSLAG_PABULIB to a folder of .pb files.")
        return
    print(" | ".join(("file", "projects", "voters", "identical", "ours s", "pabutools s", "ratio")))
    print(" | ".join("---" for _ in range(7)))
    results = [_compare(path, limit) for path in files]
    finished = [r for r in results if r.theirs is not None and r.ours is not None]
    same = [r for r in finished if r.ours == r.theirs]
    ours_total = sum(r.ours_rule for r in finished)
    theirs_total = sum(r.theirs_rule for r in finished)
    print(
        f"\nfiles: {len(files)}; read by Rådslag: {sum(r.ours is not None for r in results)};"
        f" read and run by pabutools within {limit:.0f} s: {len(finished)};"
        f" identical outcomes: {len(same)} of {len(finished)}"
    )
    print(
        f"Equal Shares on those {len(finished)} files: Rådslag {ours_total:.3f} s,"
        f" pabutools {theirs_total:.1f} s ({theirs_total / ours_total:.0f}x); reading them:"
        f" Rådslag {sum(r.ours_read for r in finished):.2f} s,"
        f" pabutools {sum(r.theirs_read for r in finished):.1f} s"
    )
    for r in results:
        if r.theirs is None or r.ours is None:
            print(f"apart: {r.name}: {r.error}; Rådslag bought {r.ours}")


def _compare(path: Path, limit: float) -> _Result:
    ours, voters, projects, ours_read, ours_rule, error = _ours(path)
    theirs, theirs_read, theirs_rule = None, 0.0, 0.0
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        job = pool.apply_async(_theirs, (str(path),))
        try:
            theirs, theirs_read, theirs_rule = job.get(timeout=limit)
        except multiprocessing.TimeoutError:
            error = f"pabutools did not finish in {limit:.0f} s"
        except Exception as failure:
            error = f"pabutools failed: {failure}"
    identical = "yes" if ours is not None and ours == theirs else ("NO" if theirs else "n/a")
    ratio = f"{theirs_rule / ours_rule:.0f}x" if theirs is not None and ours_rule else ""
    print(
        " | ".join(
            (
                path.stem,
                str(projects),
                str(voters),
                identical,
                f"{ours_rule:.4f}",
                f"{theirs_rule:.3f}" if theirs is not None else error,
                ratio,
            )
        ),
        flush=True,
    )
    return _Result(
        path.stem,
        voters,
        projects,
        ours,
        ours_read,
        ours_rule,
        theirs,
        theirs_read,
        theirs_rule,
        error,
    )


def _ours(path: Path) -> tuple[tuple[str, ...] | None, int, int, float, float, str]:
    from radslag.decide.budgets.budgeting import equal_shares
    from radslag.decide.budgets.pabulib import read_pabulib

    start = time.perf_counter()
    try:
        election = read_pabulib(path)
    except ValueError as error:
        return None, 0, 0, 0.0, 0.0, f"Rådslag refused it: {error}"
    read = time.perf_counter() - start
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        outcome = equal_shares(election.instance, election.profile, "cost")
        best = min(best, time.perf_counter() - start)
    costs = dict(zip(election.instance.project_ids, election.instance.exact_costs, strict=True))
    bought = tuple(p for p in outcome.selected if costs[p] > 0)
    n, m = election.profile.n_voters, len(election.instance.project_ids)
    return bought, n, m, read, best, ""


def _theirs(path: str) -> tuple[tuple[str, ...], float, float]:
    from pabutools.election import Cost_Sat
    from pabutools.election import parse_pabulib as pabutools_parse
    from pabutools.rules import method_of_equal_shares

    start = time.perf_counter()
    instance, profile = pabutools_parse(path)
    read = time.perf_counter() - start
    start = time.perf_counter()
    outcome: Any = method_of_equal_shares(instance, profile, sat_class=Cost_Sat)
    rule = time.perf_counter() - start
    # pabutools lists free projects first as a set; compare the bought ones in order.
    return tuple(p.name for p in outcome if p.cost > 0), read, rule


if __name__ == "__main__":
    main()
