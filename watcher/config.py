"""Load and strictly validate config.toml into ``Settings``.

Every problem is one ``ConfigError`` line naming the file, the key and what to do.
Relative paths resolve against the config file's folder, so the daemon can be started
from anywhere.
"""

from __future__ import annotations

import ipaddress
import re
import tomllib
from collections.abc import Callable, Mapping
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlsplit

from watcher.errors import ConfigError
from watcher.models import Entity
from watcher.settings import (
    DEFAULT_RATES_PER_EUR,
    AlertSettings,
    EmailSettings,
    FeedSettings,
    FileSettings,
    HttpSettings,
    Settings,
    SlackSettings,
    WebhookSettings,
    split_allow_entry,
)

_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)\s*$")
_UNIT_SECONDS = {"ms": 0.001, "s": 1.0, "m": 60.0, "h": 3600.0, "d": 86400.0}
_CURRENCY = re.compile(r"^[A-Z]{3}$")
_ENV_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")

T = TypeVar("T")


def parse_duration(value: str) -> float:
    """'30s', '15m', '2h', '1d' -> seconds. Raises ValueError on anything else."""
    m = _DURATION.match(value)
    if not m:
        raise ValueError(value)
    seconds = float(m.group(1)) * _UNIT_SECONDS[m.group(2)]
    if seconds <= 0:
        raise ValueError(value)
    return seconds


class _Table:
    """One TOML table being read: tracks which keys were consumed to reject unknown ones."""

    def __init__(self, path: Path, where: str, data: Mapping[str, Any]):
        self.path = path
        self.where = where
        self.data = data
        self.used: set[str] = set()

    def fail(self, key: str | None, message: str) -> ConfigError:
        at = f"{self.where}.{key}" if key else self.where
        return ConfigError(f"{self.path}: {at}: {message}")

    def _get(self, key: str, types: tuple[type, ...], type_name: str, required: bool) -> Any:
        self.used.add(key)
        if key not in self.data:
            if required:
                raise self.fail(key, f"missing; add {key} = <{type_name}>")
            return None
        value = self.data[key]
        # bool is an int subclass; a flag where a number is expected is a mistake.
        if isinstance(value, bool) and bool not in types:
            raise self.fail(key, f"expected {type_name}, got {value!r}")
        if not isinstance(value, types):
            raise self.fail(key, f"expected {type_name}, got {type(value).__name__} {value!r}")
        return value

    def opt_str(self, key: str, default: str | None = None, *, required: bool = False) -> str | None:
        value = self._get(key, (str,), "a string", required)
        if value is None:
            return default
        if not value.strip():
            raise self.fail(key, "must not be empty")
        return str(value)

    def req_str(self, key: str) -> str:
        value = self.opt_str(key, required=True)
        assert value is not None
        return value

    def integer(self, key: str, default: int, *, minimum: int = 0) -> int:
        value = self._get(key, (int,), "an integer", False)
        if value is None:
            return default
        if value < minimum:
            raise self.fail(key, f"must be at least {minimum}, got {value}")
        return int(value)

    def number(self, key: str, default: float, *, minimum: float = 0.0) -> float:
        value = self._get(key, (int, float), "a number", False)
        if value is None:
            return default
        if value < minimum:
            raise self.fail(key, f"must be at least {minimum}, got {value}")
        return float(value)

    def flag(self, key: str, default: bool) -> bool:
        value = self._get(key, (bool,), "true or false", False)
        return default if value is None else bool(value)

    def duration(self, key: str, default: float | None) -> float | None:
        value = self._get(key, (str, int, float), 'a duration such as "30s", "15m" or "2h"', False)
        if value is None:
            return default
        if isinstance(value, (int, float)):
            if value <= 0:
                raise self.fail(key, f"must be positive, got {value}")
            return float(value)
        try:
            return parse_duration(value)
        except ValueError:
            raise self.fail(key, f'{value!r} is not a duration; use e.g. "30s", "15m" or "2h"') from None

    def str_list(self, key: str) -> tuple[str, ...]:
        value = self._get(key, (list,), "a list of strings", False)
        if value is None:
            return ()
        for item in value:
            if not isinstance(item, str) or not item.strip():
                raise self.fail(key, f"expected a list of non-empty strings, got {item!r} in it")
        return tuple(value)

    def table(self, key: str) -> _Table | None:
        value = self._get(key, (dict,), "a table", False)
        if value is None:
            return None
        return _Table(self.path, f"{self.where}.{key}" if self.where else key, value)

    def tables(self, key: str) -> list[_Table]:
        value = self._get(key, (list,), f"an array of tables [[{key}]]", False)
        if value is None:
            return []
        out = []
        for i, item in enumerate(value):
            if not isinstance(item, dict):
                raise self.fail(key, f"item {i + 1} must be a table [[{key}]]")
            out.append(_Table(self.path, f"{key}[{i + 1}]", item))
        return out

    def finish(self) -> None:
        unknown = sorted(set(self.data) - self.used)
        if unknown:
            known = ", ".join(sorted(self.used)) or "none"
            raise self.fail(unknown[0], f"unknown key; known keys here: {known}")


def _env_name(t: _Table, key: str) -> str | None:
    name = t.opt_str(key)
    if name is not None and not _ENV_NAME.match(name):
        raise t.fail(key, f"{name!r} is not an environment variable name; name the variable, not its value")
    return name


def _url(t: _Table, key: str, value: str) -> str:
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise t.fail(key, f"{value!r} is not an http(s) URL")
    return value


def _currency(t: _Table, key: str, value: str) -> str:
    if not _CURRENCY.match(value):
        raise t.fail(key, f"{value!r} is not an ISO currency code such as EUR or USD")
    return value


def _optional(table: _Table | None, build: Callable[[_Table], T]) -> T | None:
    if table is None:
        return None
    result = build(table)
    table.finish()
    return result


def _email(t: _Table) -> EmailSettings:
    tls = t.opt_str("tls", "starttls") or "starttls"
    if tls not in ("starttls", "ssl", "none"):
        raise t.fail("tls", f'{tls!r} is not one of "starttls", "ssl", "none"')
    recipients = t.str_list("recipients")
    if not recipients:
        raise t.fail("recipients", 'missing or empty; add recipients = ["you@example.com"]')
    port_default = {"starttls": 587, "ssl": 465, "none": 25}[tls]
    port = t.integer("port", port_default, minimum=1)
    if port > 65535:
        raise t.fail("port", f"{port} is not a TCP port")
    username = t.opt_str("username")
    password_env = _env_name(t, "password_env")
    plaintext = t.flag("allow_plaintext_auth", False)
    if tls == "none" and (username or password_env) and not plaintext:
        raise t.fail(
            "tls",
            '"none" would send the SMTP password in clear; use "starttls" or "ssl",'
            " or set allow_plaintext_auth = true for a server on a trusted link",
        )
    return EmailSettings(
        host=t.req_str("host"),
        port=port,
        sender=t.req_str("sender"),
        recipients=recipients,
        username=username,
        password_env=password_env,
        tls=tls,
        timeout=t.duration("timeout", 30.0) or 30.0,
        allow_plaintext_auth=plaintext,
    )


def _slack(t: _Table) -> SlackSettings:
    env = _env_name(t, "webhook_url_env")
    url = t.opt_str("webhook_url")
    if url is not None:
        _url(t, "webhook_url", url)
    if env is None and url is None:
        raise t.fail(None, 'needs webhook_url_env = "NAME_OF_ENV_VARIABLE" holding the Slack webhook URL')
    return SlackSettings(webhook_url_env=env, webhook_url=url, timeout=t.duration("timeout", 15.0) or 15.0)


def _webhook(t: _Table) -> WebhookSettings:
    url = _url(t, "url", t.req_str("url"))
    headers: dict[str, str] = {}
    h = t.table("headers_env")
    if h is not None:
        for name in list(h.data):
            env = _env_name(h, name)
            assert env is not None
            headers[name] = env
        h.finish()
    return WebhookSettings(url=url, headers_env=headers, timeout=t.duration("timeout", 15.0) or 15.0)


def _unit_interval(t: _Table, key: str, default: float) -> float:
    value = t.number(key, default)
    if value > 1:
        raise t.fail(key, f"must be between 0 and 1, got {value}")
    return value


def _alerts(t: _Table | None, base: Path, state_dir: Path) -> AlertSettings:
    if t is None:
        return AlertSettings()
    language = t.opt_str("language", "en") or "en"
    if language not in ("en", "fr"):
        raise t.fail("language", f'{language!r} is not "en" or "fr"')
    email = _optional(t.table("email"), _email)
    slack = _optional(t.table("slack"), _slack)
    webhook = _optional(t.table("webhook"), _webhook)

    def file_settings(ft: _Table) -> FileSettings:
        return FileSettings(path=_path(base, ft.opt_str("path", str(state_dir / "alerts.jsonl")) or ""))

    file = _optional(t.table("file"), file_settings)
    console_table = t.table("console")
    # Console is on by default only when no other channel is configured.
    console_default = not (email or slack or webhook or file)
    console = console_default
    if console_table is not None:
        console = console_table.flag("enabled", True)
        console_table.finish()
    settings = AlertSettings(
        language=language,
        max_attempts=t.integer("max_attempts", 8, minimum=1),
        retry_base=t.duration("retry_base", 30.0) or 30.0,
        retry_max=t.duration("retry_max", 3600.0) or 3600.0,
        feed_down_after=t.integer("feed_down_after", 3, minimum=1),
        min_confidence=_unit_interval(t, "min_confidence", AlertSettings.min_confidence),
        corroborate=t.integer("corroborate", AlertSettings.corroborate, minimum=1),
        corroboration_window=t.duration("corroboration_window", AlertSettings.corroboration_window)
        or AlertSettings.corroboration_window,
        console=console,
        email=email,
        slack=slack,
        webhook=webhook,
        file=file,
    )
    t.finish()
    return settings


def _http(t: _Table | None) -> HttpSettings:
    d = HttpSettings()
    if t is None:
        return d
    settings = HttpSettings(
        user_agent=t.opt_str("user_agent", d.user_agent) or d.user_agent,
        connect_timeout=t.duration("connect_timeout", d.connect_timeout) or d.connect_timeout,
        read_timeout=t.duration("read_timeout", d.read_timeout) or d.read_timeout,
        total_timeout=t.duration("total_timeout", d.total_timeout) or d.total_timeout,
        max_bytes=t.integer("max_bytes", d.max_bytes, minimum=1024),
        max_redirects=t.integer("max_redirects", d.max_redirects, minimum=0),
        concurrency=t.integer("concurrency", d.concurrency, minimum=1),
        per_host=t.integer("per_host", d.per_host, minimum=1),
        extract_timeout=t.duration("extract_timeout", d.extract_timeout) or d.extract_timeout,
        backoff_base=t.duration("backoff_base", d.backoff_base) or d.backoff_base,
        backoff_max=t.duration("backoff_max", d.backoff_max) or d.backoff_max,
        allow_private=_allow_private(t),
    )
    t.finish()
    return settings


_HOST_NAME = re.compile(r"^(?=.{1,253}$)[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,62})(?:\.[A-Za-z0-9_-]{1,63})*\.?$")


def _allow_private(t: _Table) -> tuple[str, ...]:
    items = t.str_list("allow_private")
    for item in items:
        try:
            host, _port = split_allow_entry(item)
        except ValueError:
            raise t.fail("allow_private", f'{item!r} has a bad port; use e.g. "127.0.0.1:8080"') from None
        if "/" in host or ":" in host or host.replace(".", "").isdigit():
            try:
                ipaddress.ip_network(host, strict=False)
            except ValueError:
                raise t.fail(
                    "allow_private", f'{item!r} is not a network such as "10.0.0.0/8" or "127.0.0.1"'
                ) from None
        elif not _HOST_NAME.match(host):
            raise t.fail("allow_private", f'{item!r} is not a host name such as "intranet.example"')
    return tuple(i.strip() for i in items)


def _path(base: Path, value: str) -> Path:
    p = Path(value).expanduser()
    return p if p.is_absolute() else (base / p)


def load_config(path: str | Path) -> Settings:
    """Read and validate ``path``; raise ``ConfigError`` with one clear line on any problem."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such file; pass --config PATH or create config.toml") from None
    except OSError as e:
        raise ConfigError(f"{path}: cannot read: {e.strerror}") from e
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as e:
        raise ConfigError(f"{path}: not UTF-8 text (byte {e.start}); save it as UTF-8") from e
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(f"{path}: invalid TOML: {e}") from e
    return settings_from_mapping(data, path)


def settings_from_mapping(data: Mapping[str, Any], path: Path) -> Settings:
    base = path.resolve().parent
    root = _Table(path, "", data)

    w = root.table("watcher") or _Table(path, "watcher", {})
    db = _path(base, w.opt_str("db", "state/watcher.db") or "")
    interval = w.duration("interval", 900.0) or 900.0
    base_currency = _currency(w, "base_currency", w.opt_str("base_currency", "EUR") or "EUR")
    min_change_raw = w._get("min_change", (int, float, str), "a number such as 0.10", False)
    try:
        min_change = Decimal(str(min_change_raw if min_change_raw is not None else "0.10"))
    except InvalidOperation:
        raise w.fail("min_change", f"{min_change_raw!r} is not a number such as 0.10") from None
    if not (Decimal(0) <= min_change < Decimal(10)):
        raise w.fail("min_change", f"{min_change} must be a relative change such as 0.10 (10 %)")
    retention_days = w.integer("retention_days", 180, minimum=1)
    log_file_raw = w.opt_str("log_file")
    stop_timeout = w.duration("stop_timeout", 10.0) or 10.0
    w.finish()

    entities: list[Entity] = []
    for t in root.tables("entities"):
        name = t.req_str("name")
        seeds = t.opt_str("seeds")
        if seeds is not None and not _path(base, seeds).is_dir():
            raise t.fail("seeds", f"{_path(base, seeds)} is not a readable folder; fix the path or remove it")
        domains = tuple(d.strip().lower().removeprefix("www.") for d in t.str_list("official_domains"))
        entities.append(
            Entity(name=name.strip(), aliases=t.str_list("aliases"), seeds=seeds, official_domains=domains)
        )
        t.finish()
    if not entities:
        raise root.fail("entities", 'no entity to track; add [[entities]] with name = "..."')
    names = [e.name.casefold() for e in entities]
    if len(set(names)) != len(names):
        raise root.fail("entities", "the same entity name appears twice")

    feeds: list[FeedSettings] = []
    seen_urls: set[str] = set()
    for t in root.tables("feeds"):
        url = _url(t, "url", t.req_str("url"))
        if url in seen_urls:
            raise t.fail("url", f"{url} is listed twice")
        seen_urls.add(url)
        feeds.append(
            FeedSettings(url=url, name=t.opt_str("name", "") or "", interval=t.duration("interval", None))
        )
        t.finish()

    rates = dict(DEFAULT_RATES_PER_EUR)
    ct = root.table("currencies")
    if ct is not None:
        for code in list(ct.data):
            _currency(ct, code, code)
            value = ct._get(code, (int, float, str), "a number of units per 1 EUR", True)
            try:
                rate = Decimal(str(value))
            except InvalidOperation:
                raise ct.fail(code, f"{value!r} is not a number") from None
            if rate <= 0:
                raise ct.fail(code, "must be positive (units of this currency per 1 EUR)")
            rates[code] = rate
        ct.finish()
    if base_currency not in rates:
        raise w.fail("base_currency", f"{base_currency} has no rate; add it under [currencies]")

    http = _http(root.table("http"))
    alerts = _alerts(root.table("alerts"), base, db.parent)
    root.finish()
    return Settings(
        config_path=path.resolve(),
        db=db,
        interval=interval,
        base_currency=base_currency,
        min_change=min_change,
        entities=tuple(entities),
        feeds=tuple(feeds),
        rates=rates,
        http=http,
        alerts=alerts,
        retention_days=retention_days,
        log_file=_path(base, log_file_raw) if log_file_raw else None,
        stop_timeout=stop_timeout,
    )
