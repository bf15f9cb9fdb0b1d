"""`feeds add` and `feeds remove` run side by side: every edit lands, the file stays valid.

Real `watcher` processes on one config file; nothing mocked.
"""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

from watcher.config import load_config

CONFIG = """# kept: a comment people wrote
[watcher]
db = "state/w.db"

[[entities]]
name = "Mistral AI"

[[feeds]]
url = "https://wire.example/first.xml"
name = "First"
"""


def _cli(cfg: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "watcher", "--config", str(cfg), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _urls(cfg: Path) -> set[str]:
    return {f["url"] for f in tomllib.loads(cfg.read_text(encoding="utf-8")).get("feeds", [])}


def test_twenty_concurrent_feeds_add_all_land(tmp_path: Path) -> None:
    cfg = tmp_path / "config.toml"
    cfg.write_text(CONFIG, encoding="utf-8")
    urls = [f"https://wire.example/feed-{i}.xml" for i in range(20)]
    procs = [_cli(cfg, "feeds", "add", url, "--name", f"Feed {i}") for i, url in enumerate(urls)]
    outs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0] * 20, outs
    # Before the lock, 20 adds exited 0 and only 3 or 4 of them were in the file.
    assert _urls(cfg) == {"https://wire.example/first.xml", *urls}
    assert "# kept: a comment people wrote" in cfg.read_text(encoding="utf-8")
    assert len(load_config(cfg).feeds) == 21
    # No temporary file is left beside the config.
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")) == []


def test_concurrent_adds_and_removes_keep_every_other_edit(tmp_path: Path) -> None:
    cfg = tmp_path / "config.toml"
    keep = [f"https://wire.example/keep-{i}.xml" for i in range(5)]
    drop = [f"https://wire.example/drop-{i}.xml" for i in range(5)]
    text = CONFIG + "".join(f'\n[[feeds]]\nurl = "{u}"\n' for u in drop)
    cfg.write_text(text, encoding="utf-8")
    procs = [_cli(cfg, "feeds", "add", u) for u in keep] + [_cli(cfg, "feeds", "remove", u) for u in drop]
    outs = [p.communicate(timeout=120) for p in procs]
    assert all(p.returncode == 0 for p in procs), outs
    assert _urls(cfg) == {"https://wire.example/first.xml", *keep}
