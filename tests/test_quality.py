"""Style and types are checked by the same command as the tests: ruff and mypy, pinned in
the dev extra, run over the package, the tests and the benchmarks."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TARGETS = ["watcher", "tests", "benchmarks"]


@pytest.mark.parametrize(
    "command",
    [
        ["ruff", "check", *TARGETS],
        ["ruff", "format", "--check", *TARGETS],
        ["mypy"],
    ],
    ids=["ruff-check", "ruff-format", "mypy"],
)
def test_quality_gate(command: list[str]) -> None:
    res = subprocess.run(
        [sys.executable, "-m", *command], cwd=ROOT, capture_output=True, text=True, timeout=600
    )
    assert res.returncode == 0, f"{' '.join(command)} failed:\n{res.stdout}\n{res.stderr}"
