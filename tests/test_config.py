"""Config loading: the committed config works; every mistake is one clear line, exit 2."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from watcher.config import load_config, parse_duration
from watcher.errors import ConfigError

ROOT = Path(__file__).resolve().parent.parent

ENTITIES = """
[[entities]]
name = "Mistral AI"
aliases = ["Mistral"]
"""
MINIMAL = '[watcher]\ndb = "state/w.db"\n' + ENTITIES


def write(tmp_path: Path, text: str) -> Path:
    p = tmp_path / "config.toml"
    p.write_text(text, encoding="utf-8")
    return p


def test_committed_config_is_valid() -> None:
    s = load_config(ROOT / "config.toml")
    assert s.entities[0].name == "Mistral AI"
    assert "Mistral" in s.entities[0].aliases
    assert s.seed_dir(s.entities[0]) == (ROOT / "seeds").resolve()
    assert s.base_currency == "EUR"
    assert s.min_change == Decimal("0.10")
    assert len(s.feeds) >= 4
    assert all(f.url.startswith("https://") for f in s.feeds)


def test_minimal_config_defaults_and_relative_paths(tmp_path: Path) -> None:
    s = load_config(write(tmp_path, MINIMAL))
    assert s.db == tmp_path / "state" / "w.db"
    assert s.interval == 900
    assert s.alerts.channels == ("console",)
    assert s.rates["USD"] > 0


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("30s", 30), ("15m", 900), ("2h", 7200), ("1d", 86400), ("1.5m", 90), ("500ms", 0.5)],
)
def test_durations(text: str, seconds: float) -> None:
    assert parse_duration(text) == seconds


@pytest.mark.parametrize("bad", ["15", "15x", "m15", "", "-5m", "0s"])
def test_bad_durations(bad: str) -> None:
    with pytest.raises(ValueError):
        parse_duration(bad)


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        ('[watcher]\ninterval = "15x"\n', "watcher.interval: '15x' is not a duration"),
        ("[watcher]\nmin_change = true\n", "watcher.min_change: expected a number"),
        ('[watcher]\nbase_currency = "euro"\n', "not an ISO currency code"),
        ("[watcher]\nbogus = 1\n", "watcher.bogus: unknown key"),
        ('[[feeds]]\nurl = "ftp://x"\n', "feeds[1].url: 'ftp://x' is not an http(s) URL"),
        ('[[feeds]]\nname = "x"\n', "feeds[1].url: missing"),
        ('[[feeds]]\nurl = "https://a.example/f"\nintervall = "1m"\n', "feeds[1].intervall: unknown key"),
        ('[alerts]\nlanguage = "de"\n', "alerts.language"),
        ('[alerts.email]\nhost = "h"\nsender = "a@b"\n', "alerts.email.recipients"),
        ('[alerts.email]\nhost="h"\nsender="a@b"\nrecipients=["c@d"]\ntls="tls"\n', "alerts.email.tls"),
        (
            '[alerts.email]\nhost="h"\nsender="a@b"\nrecipients=["c@d"]\npassword_env="hunter 2"\n',
            "password_env",
        ),
        ("[alerts.slack]\n", "alerts.slack: needs webhook_url_env"),
        ("[currencies]\nUSD = -1\n", "currencies.USD: must be positive"),
        ("[currencies]\nusd = 1.1\n", "not an ISO currency code"),
        ("topkey = 3\n", "topkey: unknown key"),
    ],
)
def test_config_errors_name_file_and_key(tmp_path: Path, extra: str, expected: str) -> None:
    # Appending keeps [[entities]] valid; the extra table is what is wrong.
    path = write(tmp_path, extra + ENTITIES)
    with pytest.raises(ConfigError) as info:
        load_config(path)
    message = str(info.value)
    assert str(path) in message
    assert expected in message
    assert "\n" not in message


def test_duplicate_watcher_table_is_a_toml_error(tmp_path: Path) -> None:
    path = write(tmp_path, MINIMAL + "[watcher]\n")
    with pytest.raises(ConfigError, match="invalid TOML"):
        load_config(path)


def test_missing_seed_folder(tmp_path: Path) -> None:
    path = write(tmp_path, MINIMAL + 'seeds = "nope"\n')
    with pytest.raises(ConfigError, match=r"entities\[1\]\.seeds: .*nope is not a readable folder"):
        load_config(path)


def test_no_entities(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no entity to track"):
        load_config(write(tmp_path, '[watcher]\ndb = "x.db"\n'))


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no such file"):
        load_config(tmp_path / "absent.toml")


def test_console_default_off_when_another_channel(tmp_path: Path) -> None:
    s = load_config(write(tmp_path, MINIMAL + '[alerts.file]\npath = "out.jsonl"\n'))
    assert s.alerts.channels == ("file",)
    assert s.alerts.file is not None and s.alerts.file.path == tmp_path / "out.jsonl"


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "watcher", *args], capture_output=True, text=True, cwd=cwd, timeout=120
    )


def test_check_config_cli_exit_codes(tmp_path: Path) -> None:
    ok = run_cli("--config", str(ROOT / "config.toml"), "check-config")
    assert ok.returncode == 0, ok.stderr
    assert "ok" in ok.stdout
    bad = write(tmp_path, MINIMAL + '[watcher2]\ninterval = "5"\n')
    res = run_cli("--config", str(bad), "check-config")
    assert res.returncode == 2
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1
    assert str(bad) in lines[0] and "watcher2" in lines[0]


def test_default_config_is_found_in_current_folder(tmp_path: Path) -> None:
    write(tmp_path, MINIMAL)
    res = run_cli("check-config", cwd=tmp_path)
    assert res.returncode == 0, res.stderr


def test_a_postgresql_db_is_a_url_kept_whole(tmp_path: Path) -> None:
    text = '[watcher]\ndb = "postgresql://watcher@db.internal:5432/watcher"\npassword_env = "WATCHER_PG"\n'
    s = load_config(write(tmp_path, text + ENTITIES))
    assert s.db == "postgresql://watcher@db.internal:5432/watcher" and s.postgres
    assert s.db_password_env == "WATCHER_PG"
    assert s.lock_path == tmp_path / "state" / "postgres.db"


@pytest.mark.parametrize(
    ("db", "extra", "expected"),
    [
        ("postgresql://watcher:hunter2@db:5432/watcher", "", "has a password in its URL (hidden here)"),
        ("postgresql://watcher@db:port/watcher", "", "is not a valid postgresql:// URL"),
        ("postgresql://watcher@db:5432", "", "names no database"),
        ("state/w.db", 'password_env = "PG"\n', "password_env: is the password of a postgresql:// db"),
    ],
)
def test_postgresql_mistakes_are_one_line_and_never_show_the_password(
    tmp_path: Path, db: str, extra: str, expected: str
) -> None:
    with pytest.raises(ConfigError) as err:
        load_config(write(tmp_path, f'[watcher]\ndb = "{db}"\n{extra}' + ENTITIES))
    [line] = str(err.value).splitlines()
    assert expected in line and "hunter2" not in line and str(tmp_path) in line
