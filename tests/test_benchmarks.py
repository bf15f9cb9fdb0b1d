"""The benchmarks' structure (issue 18, item 8): each imports the shared harness, never another
benchmark. Read from their source (ast), not by running them: they take minutes."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


def imported(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module.split(".")[0])
    return names


# Modules the scripts share, not benchmarks: the harness, and the judges' scoring that the
# extractor's eval_dev and train_extractor share (from main).
SHARED = {"harness", "judging"}


def test_no_benchmark_imports_another() -> None:
    scripts = sorted(BENCHMARKS.glob("*.py"))
    own = {p.stem for p in scripts}
    assert "harness" in own
    offending = {p.name: sorted((imported(p) & own) - SHARED) for p in scripts}
    assert {name: found for name, found in offending.items() if found} == {}
    for shared in SHARED & own:
        assert imported(BENCHMARKS / f"{shared}.py") & own == set()


def test_bench_entities_runs_small() -> None:
    """A short run: the matcher and the old per-company path agree on every entry it times."""
    run = subprocess.run(
        [sys.executable, str(BENCHMARKS / "bench_entities.py"), "--companies", "20,50", "--entries", "60"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    assert "anchor: parse_feed" in run.stdout
    assert "x anchor" in run.stdout
