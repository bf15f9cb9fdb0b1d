"""Load and strictly validate config.toml into ``Settings``.

Every problem is one ``ConfigError`` line naming the file, the key and what to do.
Relative paths resolve against the config file's folder, so the daemon can be started
from anywhere.
"""

from __future__ import annotations

import ipaddress
import os
import re
import tempfile
import tomllib
from collections.abc import Callable, Mapping, Sequence
from datetime import time
from decimal import Decimal, InvalidOperation
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

if TYPE_CHECKING:
    # Only `feeds add` and `feeds remove` edit the file; tomlkit costs every other command
    # its import, so the editing functions import it themselves.
    import tomlkit

from watcher.errors import ConfigError
from watcher.models import Entity
from watcher.settings import (
    DEFAULT_RATES_PER_EUR,
    AlertSettings,
    DigestSettings,
    EmailSettings,
    FeedSettings,
    FileSettings,
    HttpSettings,
    ServeSettings,
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


# Key names whose values are secrets, and values that look like one wherever they are:
# neither is ever repeated in an error message, which may end up in a log or a CI transcript.
_SECRET_KEY = re.compile(r"(password|secret|token|webhook|_env$|headers)", re.IGNORECASE)
# A long run of letters and digits (an API token), a Slack webhook, a URL with credentials.
_SECRET_VALUE = re.compile(r"^(?=\S{20,}$)(?=.*\d)(?=.*[A-Za-z])|hooks\.slack\.com|://[^/\s]*@")


def shown(key: str, value: Any) -> str:
    """``value`` as an error message may show it: repr, or a placeholder if it may be a secret."""
    if isinstance(value, str) and (_SECRET_KEY.search(key) or _SECRET_VALUE.search(value.strip())):
        return "(value hidden: it may be a secret)"
    return repr(value)


class _Table:
    """One TOML table being read: tracks which keys were consumed to reject unknown ones.

    Mistakes in one key (wrong type, bad duration, out of range) are recorded in ``errors``
    and the default is used, so that ``check-config`` can list every mistake at once;
    ``settings_from_mapping`` raises them together at the end.
    """

    def __init__(self, path: Path, where: str, data: Mapping[str, Any], errors: list[str]):
        self.path = path
        self.where = where
        self.data = data
        self.used: set[str] = set()
        self.errors = errors

    def fail(self, key: str | None, message: str) -> ConfigError:
        at = f"{self.where}.{key}" if key and self.where else key or self.where
        return ConfigError(f"{self.path}: {at}: {message}")

    def record(self, key: str | None, message: str) -> None:
        self.errors.append(str(self.fail(key, message)))

    def _get(self, key: str, types: tuple[type, ...], type_name: str, required: bool) -> Any:
        self.used.add(key)
        if key not in self.data:
            if required:
                raise self.fail(key, f"missing; add {key} = <{type_name}>")
            return None
        value = self.data[key]
        # bool is an int subclass; a flag where a number is expected is a mistake.
        if (isinstance(value, bool) and bool not in types) or not isinstance(value, types):
            got = repr(value) if isinstance(value, bool) else f"{type(value).__name__} {shown(key, value)}"
            if required:
                raise self.fail(key, f"expected {type_name}, got {got}")
            self.record(key, f"expected {type_name}, got {got}")
            return None
        return value

    def attempt(self, build: Callable[[], T], default: T) -> T:
        """``build()``, or ``default`` with its error recorded, so the next key is still read."""
        return _attempt(self.errors, build, default)

    def opt_str(self, key: str, default: str | None = None, *, required: bool = False) -> str | None:
        value = self._get(key, (str,), "a string", required)
        if value is None:
            return default
        if not value.strip():
            if required:
                raise self.fail(key, "must not be empty")
            self.record(key, "must not be empty")
            return default
        return str(value)

    def req_str(self, key: str) -> str:
        value = self.opt_str(key, required=True)
        assert value is not None
        return value

    def need_str(self, key: str) -> str | None:
        """A required string, or None with its mistake recorded (the table's other keys are still read)."""
        return self.attempt(lambda: self.req_str(key), None)

    def integer(self, key: str, default: int, *, minimum: int = 0) -> int:
        value = self._get(key, (int,), "an integer", False)
        if value is None:
            return default
        if value < minimum:
            self.record(key, f"must be at least {minimum}, got {value}")
            return default
        return int(value)

    def number(self, key: str, default: float, *, minimum: float = 0.0) -> float:
        value = self._get(key, (int, float), "a number", False)
        if value is None:
            return default
        if value < minimum:
            self.record(key, f"must be at least {minimum}, got {value}")
            return default
        return float(value)

    def flag(self, key: str, default: bool) -> bool:
        value = self._get(key, (bool,), "true or false", False)
        return default if value is None else bool(value)

    def duration(self, key: str, default: float | None) -> float | None:
        value = self._get(key, (str, int, float), 'a duration such as "30s", "15m" or "2h"', False)
        if value is None:
            return default
        if isinstance(value, (int, float)):
            # 900 could be seconds or minutes; a unit makes the intent unmistakable.
            hint = f'"{value:g}s"' if value > 0 else '"30s"'
            self.record(key, f'{value!r} has no unit; write a duration such as {hint}, "15m" or "2h"')
            return default
        if re.fullmatch(r"\s*\d+(\.\d+)?\s*", value):
            self.record(
                key, f'{value!r} has no unit; write a duration such as "{value.strip()}s", "15m" or "2h"'
            )
            return default
        if not _DURATION.match(value):
            self.record(key, f'{value!r} is not a duration; use e.g. "30s", "15m" or "2h"')
            return default
        try:
            return parse_duration(value)
        except ValueError:
            self.record(key, f"{value!r} is zero; a duration must be longer than that")
            return default

    def str_list(self, key: str) -> tuple[str, ...]:
        value = self._get(key, (list,), "a list of strings", False)
        if value is None:
            return ()
        bad = [item for item in value if not isinstance(item, str) or not item.strip()]
        if bad:
            self.record(key, f"expected a list of non-empty strings, got {shown(key, bad[0])} in it")
        return tuple(item for item in value if item not in bad)

    def table(self, key: str) -> _Table | None:
        value = self._get(key, (dict,), "a table", False)
        if value is None:
            return None
        return _Table(self.path, f"{self.where}.{key}" if self.where else key, value, self.errors)

    def tables(self, key: str) -> list[_Table]:
        value = self._get(key, (list,), f"an array of tables [[{key}]]", False)
        if value is None:
            return []
        out = []
        for i, item in enumerate(value):
            if not isinstance(item, dict):
                self.record(key, f"item {i + 1} must be a table [[{key}]]")
                continue
            out.append(_Table(self.path, f"{key}[{i + 1}]", item, self.errors))
        return out

    def finish(self) -> None:
        known = ", ".join(sorted(self.used)) or "none"
        for key in sorted(set(self.data) - self.used):
            self.record(key, f"unknown key; known keys here: {known}")


def _env_name(t: _Table, key: str) -> str | None:
    name = t.opt_str(key)
    if name is not None and not _ENV_NAME.match(name):
        # What was written is probably the secret itself: say so without repeating it.
        t.record(
            key,
            "is not an environment variable name (value hidden: it may be the secret itself); "
            "put the secret in an environment variable and write that variable's name here",
        )
        return None
    return name


def _url(t: _Table, key: str, value: str, *, secret: bool = False) -> str:
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise t.fail(key, f"{shown(key if secret else '', value)} is not an http(s) URL")
    return value


def _currency(t: _Table, key: str, value: str) -> str:
    if not _CURRENCY.match(value):
        raise t.fail(key, f"{value!r} is not an ISO currency code such as EUR or USD")
    return value


def _optional(table: _Table | None, build: Callable[[_Table], T | None]) -> T | None:
    if table is None:
        return None
    result = table.attempt(lambda: build(table), None)
    table.finish()
    return result


def _email(t: _Table) -> EmailSettings | None:
    # Every key is read whatever the others hold, so one run lists every mistake of the table.
    tls = t.opt_str("tls", "starttls") or "starttls"
    if tls not in ("starttls", "ssl", "none"):
        t.record("tls", f'{tls!r} is not one of "starttls", "ssl", "none"')
        tls = "starttls"
    recipients = t.str_list("recipients")
    if t.data.get("recipients") in (None, []):
        t.record("recipients", 'missing or empty; add recipients = ["you@example.com"]')
    port_default = {"starttls": 587, "ssl": 465, "none": 25}[tls]
    port = t.integer("port", port_default, minimum=1)
    if port > 65535:
        t.record("port", f"{port} is not a TCP port")
        port = port_default
    username = t.opt_str("username")
    password_env = _env_name(t, "password_env")
    plaintext = t.flag("allow_plaintext_auth", False)
    if tls == "none" and (username or "password_env" in t.data) and not plaintext:
        t.record(
            "tls",
            '"none" would send the SMTP password in clear; use "starttls" or "ssl",'
            " or set allow_plaintext_auth = true for a server on a trusted link",
        )
    host = t.need_str("host")
    sender = t.need_str("sender")
    timeout = t.duration("timeout", 30.0) or 30.0
    if host is None or sender is None or not recipients:
        return None
    return EmailSettings(
        host=host,
        port=port,
        sender=sender,
        recipients=recipients,
        username=username,
        password_env=password_env,
        tls=tls,
        timeout=timeout,
        allow_plaintext_auth=plaintext,
    )


def _slack(t: _Table) -> SlackSettings | None:
    env = _env_name(t, "webhook_url_env")
    raw = t.opt_str("webhook_url")
    url = t.attempt(lambda: _url(t, "webhook_url", raw, secret=True), None) if raw is not None else None
    timeout = t.duration("timeout", 15.0) or 15.0
    if "webhook_url_env" not in t.data and "webhook_url" not in t.data:
        t.record(None, 'needs webhook_url_env = "NAME_OF_ENV_VARIABLE" holding the Slack webhook URL')
    if env is None and url is None:
        return None
    return SlackSettings(webhook_url_env=env, webhook_url=url, timeout=timeout)


def _digest(t: _Table) -> DigestSettings | None:
    at_text = t.need_str("at")
    at: time | None = None
    if at_text is not None:
        m = re.fullmatch(r"\s*(\d{1,2}):(\d{2})\s*", at_text)
        if not m or int(m.group(1)) > 23 or int(m.group(2)) > 59:
            t.record("at", f'{at_text!r} is not a time of day; write e.g. at = "08:00"')
        else:
            at = time(int(m.group(1)), int(m.group(2)))
    zone = t.opt_str("timezone")
    if zone is not None:
        try:
            ZoneInfo(zone)
        except (ZoneInfoNotFoundError, ValueError):
            t.record("timezone", f'{zone!r} is not a time zone name such as "Europe/Paris"')
            zone = None
    return DigestSettings(at=at, timezone=zone) if at is not None else None


def _webhook(t: _Table) -> WebhookSettings | None:
    raw = t.need_str("url")
    url = t.attempt(lambda: _url(t, "url", raw, secret=True), None) if raw is not None else None
    headers: dict[str, str] = {}
    h = t.table("headers_env")
    if h is not None:
        for name in list(h.data):
            env = _env_name(h, name)
            if env is not None:
                headers[name] = env
        h.finish()
    timeout = t.duration("timeout", 15.0) or 15.0
    return WebhookSettings(url=url, headers_env=headers, timeout=timeout) if url is not None else None


def _unit_interval(t: _Table, key: str, default: float) -> float:
    value = t.number(key, default)
    if value > 1:
        t.record(key, f"must be between 0 and 1, got {value}")
        return default
    return value


def _alerts(t: _Table | None, base: Path, state_dir: Path) -> AlertSettings:
    if t is None:
        return AlertSettings()
    language = t.opt_str("language", "en") or "en"
    if language not in ("en", "fr"):
        t.record("language", f'{language!r} is not "en" or "fr"')
        language = "en"
    errors = t.errors
    group = t.attempt(lambda: t.opt_str("group", AlertSettings.group), None) or AlertSettings.group
    if group not in ("event", "cycle"):
        why = f'{group!r} is not "event" (one message per event) or "cycle" (one per company per poll)'
        t.record("group", why)
        group = AlertSettings.group
    email_table = _attempt(errors, lambda: t.table("email"), None)
    email = _optional(email_table, _email)
    slack = _optional(_attempt(errors, lambda: t.table("slack"), None), _slack)
    webhook = _optional(_attempt(errors, lambda: t.table("webhook"), None), _webhook)

    def file_settings(ft: _Table) -> FileSettings:
        return FileSettings(path=_path(base, ft.opt_str("path", str(state_dir / "alerts.jsonl")) or ""))

    file = _optional(_attempt(errors, lambda: t.table("file"), None), file_settings)
    digest = _optional(_attempt(errors, lambda: t.table("digest"), None), _digest)
    # A digest beside a broken [alerts.email] is not a second mistake: the email one is said.
    if "digest" in t.data and email_table is None:
        t.record("digest", "the digest goes by email; configure [alerts.email] too")
    console_table = t.table("console")
    # Console is on by default only when no other channel is configured.
    console_default = not (email or slack or webhook or file)
    console = console_default
    if console_table is not None:
        console = console_table.flag("enabled", True)
        console_table.finish()
    settings = AlertSettings(
        language=language,
        group=group,
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
        digest=digest,
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
        max_articles_per_feed=t.integer("max_articles_per_feed", d.max_articles_per_feed, minimum=1),
        backoff_base=t.duration("backoff_base", d.backoff_base) or d.backoff_base,
        backoff_max=t.duration("backoff_max", d.backoff_max) or d.backoff_max,
        allow_private=_allow_private(t),
    )
    t.finish()
    return settings


_HOST_NAME = re.compile(r"^(?=.{1,253}$)[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,62})(?:\.[A-Za-z0-9_-]{1,63})*\.?$")


def _allow_private(t: _Table) -> tuple[str, ...]:
    good: list[str] = []
    for item in t.str_list("allow_private"):
        try:
            host, _port = split_allow_entry(item)
        except ValueError:
            t.record("allow_private", f'{item!r} has a bad port; use e.g. "127.0.0.1:8080"')
            continue
        if "/" in host or ":" in host or host.replace(".", "").isdigit():
            try:
                ipaddress.ip_network(host, strict=False)
            except ValueError:
                t.record("allow_private", f'{item!r} is not a network such as "10.0.0.0/8" or "127.0.0.1"')
                continue
        elif not _HOST_NAME.match(host):
            t.record("allow_private", f'{item!r} is not a host name such as "intranet.example"')
            continue
        good.append(item.strip())
    return tuple(good)


def _serve(t: _Table | None) -> ServeSettings:
    d = ServeSettings()
    if t is None:
        return d
    port = t.integer("port", d.port, minimum=1)
    if port > 65535:
        t.record("port", f"must be at most 65535, got {port}")
        port = d.port
    settings = ServeSettings(
        host=t.opt_str("host", d.host) or d.host, port=port, token_env=_env_name(t, "token_env")
    )
    t.finish()
    return settings


def _path(base: Path, value: str) -> Path:
    p = Path(value).expanduser()
    return p if p.is_absolute() else (base / p)


def _database(w: _Table, base: Path, value: str | None) -> Path | str:
    """``[watcher] db``: a SQLite file (relative to the config's folder), or a PostgreSQL URL
    (``postgresql://user@host:5432/watcher``), whose password is never written in the file."""
    if not value or not value.startswith(("postgresql://", "postgres://")):
        return _path(base, value or "state/watcher.db")
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018  # a port that is not a number raises here
    except ValueError:
        w.record("db", "is not a valid postgresql:// URL; write postgresql://user@host:5432/database")
        return value
    if parts.password is not None:
        w.record(
            "db",
            "has a password in its URL (hidden here); remove it and set PGPASSWORD, or name an"
            " environment variable holding it in [watcher] password_env",
        )
        return value
    if not parts.path.strip("/"):
        w.record("db", "names no database; end the URL with /<database>, e.g. postgresql://user@host/watcher")
    return value


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


def _attempt(errors: list[str], build: Callable[[], T], default: T) -> T:
    """``build()``, or ``default`` with its error recorded: one bad table does not hide the next."""
    try:
        return build()
    except ConfigError as e:
        errors.append(str(e))
        return default


def settings_from_mapping(data: Mapping[str, Any], path: Path) -> Settings:
    """Validate ``data``; raise one ``ConfigError`` listing every problem, one per line."""
    base = path.resolve().parent
    errors: list[str] = []
    root = _Table(path, "", data, errors)

    w = _attempt(errors, lambda: root.table("watcher"), None) or _Table(path, "watcher", {}, errors)
    db = _database(w, base, _attempt(errors, lambda: w.opt_str("db", "state/watcher.db"), None))
    db_password_env = _env_name(w, "password_env")
    if db_password_env is not None and not isinstance(db, str):
        w.record("password_env", "is the password of a postgresql:// db; remove it for a SQLite file")
    interval = w.duration("interval", 900.0) or 900.0
    base_currency = _attempt(
        errors, lambda: _currency(w, "base_currency", w.opt_str("base_currency", "EUR") or "EUR"), "EUR"
    )

    def min_change_value() -> Decimal:
        raw = w._get("min_change", (int, float, str), "a number such as 0.10", False)
        try:
            value = Decimal(str(raw if raw is not None else "0.10"))
        except InvalidOperation:
            raise w.fail("min_change", f"{raw!r} is not a number such as 0.10") from None
        if not (Decimal(0) <= value < Decimal(10)):
            raise w.fail("min_change", f"{value} must be a relative change such as 0.10 (10 %)")
        return value

    min_change = _attempt(errors, min_change_value, Decimal("0.10"))
    retention_days = w.integer("retention_days", 180, minimum=1)
    log_file_raw = _attempt(errors, lambda: w.opt_str("log_file"), None)
    stop_timeout = _attempt(errors, lambda: w.duration("stop_timeout", 10.0) or 10.0, 10.0)
    w.finish()

    def entity(t: _Table) -> Entity | None:
        name = t.need_str("name")
        seeds = t.opt_str("seeds")
        if seeds is not None and not _path(base, seeds).is_dir():
            t.record("seeds", f"{_path(base, seeds)} is not a readable folder; fix the path or remove it")
            seeds = None
        domains = tuple(d.strip().lower().removeprefix("www.") for d in t.str_list("official_domains"))
        aliases = t.str_list("aliases")
        t.finish()
        # A company whose other keys have mistakes keeps its name: feeds naming it are not wrong too.
        if name is None:
            return None
        return Entity(name=name.strip(), aliases=aliases, seeds=seeds, official_domains=domains)

    entity_tables: list[_Table] = _attempt(errors, lambda: root.tables("entities"), [])
    entities = [e for e in map(entity, entity_tables) if e is not None]
    if not entity_tables and data.get("entities") in (None, []):
        errors.append(str(root.fail("entities", 'no entity to track; add [[entities]] with name = "..."')))
    names = [e.name.casefold() for e in entities]
    if len(set(names)) != len(names):
        errors.append(str(root.fail("entities", "the same entity name appears twice")))
    by_name = {e.name.casefold(): e.name for e in entities}
    # Names written in [[entities]] but unusable are said there, not again by each feed naming them.
    unreadable = {
        str(t.data["name"]).strip().casefold()
        for t in entity_tables
        if isinstance(t.data.get("name"), str) and t.data["name"].strip().casefold() not in by_name
    }

    seen_urls: set[str] = set()

    def feed(t: _Table) -> FeedSettings | None:
        raw = t.need_str("url")
        url = t.attempt(lambda: _url(t, "url", raw), None) if raw is not None else None
        if url is not None and url in seen_urls:
            t.record("url", f"{url} is listed twice")
            url = None
        if url is not None:
            seen_urls.add(url)
        served: list[str] = []
        for name in t.str_list("entities"):
            key = name.strip().casefold()
            if key in by_name:
                served.append(by_name[key])
            elif key not in unreadable:
                # A few names, not 10,000 of them on one line.
                known = ", ".join(repr(e.name) for e in entities[:5]) or "none"
                if len(entities) > 5:
                    known += f" and {len(entities) - 5:,} more"
                t.record("entities", f"{name!r} is not an [[entities]] name (known: {known})")
        name = t.opt_str("name", "") or ""
        interval = t.duration("interval", None)
        t.finish()
        if url is None:
            return None
        return FeedSettings(url=url, name=name, interval=interval, entities=tuple(served))

    feed_tables: list[_Table] = _attempt(errors, lambda: root.tables("feeds"), [])
    feeds = [f for f in map(feed, feed_tables) if f is not None]

    rates = dict(DEFAULT_RATES_PER_EUR)
    ct = _attempt(errors, lambda: root.table("currencies"), None)
    if ct is not None:

        def rate(code: str) -> Decimal:
            ct.used.add(code)
            _currency(ct, code, code)
            value = ct._get(code, (int, float, str), "a number of units per 1 EUR", True)
            try:
                result = Decimal(str(value))
            except InvalidOperation:
                raise ct.fail(code, f"{value!r} is not a number") from None
            if result <= 0:
                raise ct.fail(code, "must be positive (units of this currency per 1 EUR)")
            return result

        for code in list(ct.data):
            value = _attempt(errors, partial(rate, code), None)
            if value is not None:
                rates[code] = value
        ct.finish()
    if base_currency not in rates:
        errors.append(str(w.fail("base_currency", f"{base_currency} has no rate; add it under [currencies]")))

    http = _attempt(errors, lambda: _http(root.table("http")), HttpSettings())
    state_dir = db.parent if isinstance(db, Path) else base / "state"
    alerts = _attempt(errors, lambda: _alerts(root.table("alerts"), base, state_dir), AlertSettings())
    serve = _attempt(errors, lambda: _serve(root.table("serve")), ServeSettings())
    root.finish()
    if errors:
        # Duplicates would only come from one mistake seen by two checks.
        raise ConfigError("\n".join(dict.fromkeys(errors)))
    return Settings(
        config_path=path.resolve(),
        db=db,
        db_password_env=db_password_env,
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
        serve=serve,
    )


def config_warnings(settings: Settings, environ: Mapping[str, str]) -> list[str]:
    """What will not work at run time although the file is valid: unset environment
    variables, and secrets written in the file. Names are shown, values never."""
    path = settings.config_path
    out: list[str] = []

    def env(where: str, name: str | None, what: str) -> None:
        if name is not None and not environ.get(name):
            out.append(f"{path}: {where}: environment variable {name} is not set; {what} will fail")

    env("serve.token_env", settings.serve.token_env, "`watcher serve` on a non-loopback address")
    env("watcher.password_env", settings.db_password_env, "connecting to PostgreSQL")
    a = settings.alerts
    if a.email is not None:
        env("alerts.email.password_env", a.email.password_env, "sending email")
    if a.slack is not None:
        env("alerts.slack.webhook_url_env", a.slack.webhook_url_env, "Slack alerts")
        if a.slack.webhook_url is not None:
            out.append(
                f"{path}: alerts.slack.webhook_url: a Slack webhook URL is a secret and is written in "
                'the file; move it to an environment variable and write webhook_url_env = "NAME"'
            )
    if a.webhook is not None:
        for header, name in sorted(a.webhook.headers_env.items()):
            env(f"alerts.webhook.headers_env.{header}", name, "webhook alerts")
        parts = urlsplit(a.webhook.url)
        if parts.password or _SECRET_VALUE.search(parts.query or ""):
            out.append(
                f"{path}: alerts.webhook.url: the URL carries a credential; pass it in a header "
                "named by headers_env instead"
            )
    return out


# -- editing config.toml in place ---------------------------------------------------


def _edit(path: Path, change: Callable[[tomlkit.TOMLDocument], None]) -> Settings:
    """Apply ``change`` to the file's document, validate the result, then replace the file.

    tomlkit keeps comments, order and formatting of everything not changed. The new text
    is validated first, so a mistake never leaves a broken file behind.
    """
    import tomlkit
    import tomlkit.exceptions

    try:
        text = path.read_text(encoding="utf-8")
        doc = tomlkit.parse(text)
    except OSError as e:
        raise ConfigError(f"{path}: cannot read: {e.strerror}") from e
    except (UnicodeDecodeError, tomlkit.exceptions.TOMLKitError) as e:
        raise ConfigError(f"{path}: cannot edit: {e}") from e
    change(doc)
    new_text = tomlkit.dumps(doc)
    settings = settings_from_mapping(tomllib.loads(new_text), path)
    _replace(path, new_text)
    return settings


def _replace(path: Path, text: str) -> None:
    """Write ``text`` to a temporary file of its own in ``path``'s folder, then rename it over
    ``path``: readers see the old file or the new one, never half of one, and two writers
    never share (and truncate) one temporary file."""
    try:
        fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as e:
        raise ConfigError(f"{path}: cannot write: {e.strerror}") from e
    tmp = Path(name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        if path.exists():
            os.chmod(tmp, path.stat().st_mode & 0o7777)
        os.replace(tmp, path)
    except OSError as e:
        tmp.unlink(missing_ok=True)
        raise ConfigError(f"{path}: cannot write: {e.strerror}") from e


def add_feed(
    path: Path, url: str, *, name: str = "", entities: Sequence[str] = (), interval: str | None = None
) -> FeedSettings:
    """Append a ``[[feeds]]`` table to the config file; return the feed as validated."""
    import tomlkit
    import tomlkit.items

    def change(doc: tomlkit.TOMLDocument) -> None:
        table = tomlkit.table()
        table.add("url", url)
        if name:
            table.add("name", name)
        if entities:
            table.add("entities", list(entities))
        if interval:
            table.add("interval", interval)
        # A blank line before the new table, as a person would write it.
        spaced = tomlkit.dumps(doc).endswith("\n\n")
        feeds = doc.get("feeds")
        if feeds is None:
            if not spaced:
                doc.add(tomlkit.nl())
            doc.add("feeds", tomlkit.aot())
            feeds = doc["feeds"]
        elif not spaced:
            table.trivia.indent = "\n"
        if not isinstance(feeds, tomlkit.items.AoT):
            raise ConfigError(f"{path}: feeds: expected an array of tables [[feeds]]")
        if any(str(t.get("url", "")) == url for t in feeds):
            raise ConfigError(f"{path}: feeds: {url} is already configured")
        feeds.append(table)

    settings = _edit(path, change)
    return next(f for f in settings.feeds if f.url == url)


def remove_feed(path: Path, which: str) -> FeedSettings:
    """Remove the ``[[feeds]]`` table whose url or name is ``which``; return it."""
    import tomlkit.items

    removed: list[FeedSettings] = []

    def change(doc: tomlkit.TOMLDocument) -> None:
        feeds = doc.get("feeds")
        tables = list(feeds) if isinstance(feeds, tomlkit.items.AoT) else []
        matches = [
            i for i, t in enumerate(tables) if which in (str(t.get("url", "")), str(t.get("name", "")))
        ]
        if not matches:
            raise ConfigError(
                f"{path}: no [[feeds]] entry with url or name {which!r}; see `watcher feeds list`"
            )
        if len(matches) > 1:
            raise ConfigError(f"{path}: {len(matches)} feeds are named {which!r}; remove one by its url")
        t = tables[matches[0]]
        removed.append(FeedSettings(url=str(t.get("url", "")), name=str(t.get("name", ""))))
        assert isinstance(feeds, tomlkit.items.AoT)
        del feeds[matches[0]]
        if not len(feeds):
            del doc["feeds"]

    _edit(path, change)
    return removed[0]


def add_entity(path: Path, name: str, *, aliases: Sequence[str] = ()) -> Entity:
    """Append an ``[[entities]]`` table to the config file; return the company as validated."""
    import tomlkit
    import tomlkit.items

    def change(doc: tomlkit.TOMLDocument) -> None:
        table = tomlkit.table()
        table.add("name", name.strip())
        if aliases:
            table.add("aliases", [a.strip() for a in aliases])
        entities = doc.get("entities")
        if entities is not None and not isinstance(entities, tomlkit.items.AoT):
            raise ConfigError(f"{path}: entities: expected an array of tables [[entities]]")
        for t in entities or []:
            names = [str(t.get("name", "")), *(str(a) for a in t.get("aliases", []))]
            if name.strip().casefold() in (n.strip().casefold() for n in names):
                raise ConfigError(f"{path}: entities: {name!r} is already tracked (as {t.get('name')!r})")
        spaced = tomlkit.dumps(doc).endswith("\n\n")
        if entities is None:
            if not spaced:
                doc.add(tomlkit.nl())
            doc.add("entities", tomlkit.aot())
            entities = doc["entities"]
            assert isinstance(entities, tomlkit.items.AoT)
        elif not spaced:
            table.trivia.indent = "\n"
        entities.append(table)

    settings = _edit(path, change)
    return next(e for e in settings.entities if e.name == name.strip())


def remove_entity(path: Path, which: str) -> Entity:
    """Remove the ``[[entities]]`` table named ``which`` (any case, or an alias); return it.

    A feed read only for this company would name an unknown one: that is refused, naming
    the feeds, rather than quietly widening them to every company.
    """
    import tomlkit.items

    removed: list[Entity] = []

    def change(doc: tomlkit.TOMLDocument) -> None:
        entities = doc.get("entities")
        tables = list(entities) if isinstance(entities, tomlkit.items.AoT) else []
        wanted = which.strip().casefold()
        matches = [
            i
            for i, t in enumerate(tables)
            if wanted
            in (
                n.strip().casefold()
                for n in [str(t.get("name", "")), *(str(a) for a in t.get("aliases", []))]
            )
        ]
        if not matches:
            raise ConfigError(f"{path}: no [[entities]] entry named {which!r}; see `watcher entities list`")
        if len(matches) > 1:
            raise ConfigError(f"{path}: {len(matches)} entities answer to {which!r}; remove one by its name")
        t = tables[matches[0]]
        name = str(t.get("name", ""))
        feeds = doc.get("feeds")
        serving = [
            str(f.get("name") or f.get("url"))
            for f in (feeds if isinstance(feeds, tomlkit.items.AoT) else [])
            if name.casefold() in (str(e).strip().casefold() for e in f.get("entities", []))
        ]
        if serving:
            raise ConfigError(
                f"{path}: feeds {', '.join(serving)} are read only for {name}; "
                "remove them (`watcher feeds remove`) or their entities entry first"
            )
        removed.append(Entity(name=name, aliases=tuple(str(a) for a in t.get("aliases", []))))
        assert isinstance(entities, tomlkit.items.AoT)
        del entities[matches[0]]
        if not len(entities):
            del doc["entities"]

    _edit(path, change)
    return removed[0]
