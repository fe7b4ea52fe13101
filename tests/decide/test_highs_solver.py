"""HiGHS says nothing: not even the banner its first solver in a process prints."""

from __future__ import annotations

import subprocess
import sys

import pytest

KEMENY = (
    "from radslag.decide.rankings.ballots import kemeny\n"
    "print(kemeny([[1, 2, 3], [2, 1, 3], [1, 3, 2]]).order.tolist())\n"
)


def test_the_first_solve_in_a_process_prints_nothing_but_the_answer(
    capfd: pytest.CaptureFixture[str],
) -> None:
    # A fresh interpreter: the banner comes only with the first solver of a process.
    subprocess.run([sys.executable, "-c", KEMENY], check=True)
    out, err = capfd.readouterr()
    assert "HiGHS" not in out + err
    assert out.strip().startswith("[")
