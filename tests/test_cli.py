"""The ``radslag`` command runs management commands with the settings preset."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def test_it_accepts_hyphenated_command_names(tmp_path: Path) -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "radslag", "load-reference", "--help"],
        env={**os.environ, "RADSLAG_DEMO": "1", "RADSLAG_HOME": str(tmp_path)},
        capture_output=True,
        text=True,
        check=False,
    )

    assert completed.returncode == 0, completed.stderr
    assert "Load the municipalities" in completed.stdout
