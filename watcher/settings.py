"""Typed settings, built by ``config`` from config.toml and consumed by the I/O edges.

They live at the bottom layer (beside ``models``) so that ``config``, ``feeds`` and the
alert channels can share them without importing each other.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import time
from decimal import Decimal
from pathlib import Path

from watcher.models import Entity

# Units of the currency per 1 EUR; overridable under [currencies] in config.toml.
DEFAULT_RATES_PER_EUR: dict[str, Decimal] = {
    "EUR": Decimal("1"),
    "USD": Decimal("1.08"),
    "GBP": Decimal("0.85"),
    "CHF": Decimal("0.95"),
    "JPY": Decimal("160"),
    "CAD": Decimal("1.47"),
    "AUD": Decimal("1.63"),
    "CNY": Decimal("7.8"),
    "INR": Decimal("90"),
    "SEK": Decimal("11.5"),
    # The CFA francs are pegged to the euro.
    "XOF": Decimal("655.957"),
    "XAF": Decimal("655.957"),
}


@dataclass(frozen=True)
class FeedSettings:
    url: str
    name: str = ""
    interval: float | None = None  # seconds; None means [watcher].interval
    # The companies this feed is read for; empty means every tracked company. A news search
    # made for one company would otherwise feed its articles to all of them.
    entities: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        return self.name or self.url

    def serves(self, entity: str) -> bool:
        return not self.entities or entity in self.entities


def split_allow_entry(item: str) -> tuple[str, int | None]:
    """An ``[http] allow_private`` entry as (network or host, port or None).

    "10.0.0.0/8", "intranet.example", "127.0.0.1:8080", "[::1]:8080", "fd00::/8".
    Raises ValueError for a port that is not a number from 1 to 65535.
    """
    text = item.strip()
    port: str | None = None
    if text.startswith("["):
        host, sep, rest = text[1:].partition("]")
        if not sep or (rest and not rest.startswith(":")):
            raise ValueError(item)
        port = rest[1:] if rest else None
    elif text.count(":") == 1:
        host, _, port = text.partition(":")
    else:
        host = text
    if port is None:
        return host, None
    if not port.isdigit() or not 0 < int(port) < 65536:
        raise ValueError(item)
    return host, int(port)


@dataclass(frozen=True)
class HttpSettings:
    """How politely and defensively watcher talks HTTP."""

    user_agent: str = "watcher/0.1 (+https://github.com/watcher/watcher; news funding monitor)"
    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    total_timeout: float = 45.0  # cap per request, whatever the server trickles
    max_bytes: int = 5 * 1024 * 1024
    max_redirects: int = 8
    concurrency: int = 16
    per_host: int = 2
    extract_timeout: float = 5.0  # seconds of trafilatura per page at most
    # New articles one feed may have fetched per cycle; the rest wait for later cycles, so a
    # feed of 3,000 new items does not send 3,000 requests to one site at once.
    max_articles_per_feed: int = 200
    backoff_base: float = 60.0
    backoff_max: float = 6 * 3600.0
    # Networks ("10.0.0.0/8") and host names, each with an optional ":port", that may be
    # fetched although internal.
    allow_private: tuple[str, ...] = ()


@dataclass(frozen=True)
class EmailSettings:
    host: str
    port: int
    sender: str
    recipients: tuple[str, ...]
    username: str | None = None
    password_env: str | None = None
    tls: str = "starttls"  # "starttls" | "ssl" | "none"
    timeout: float = 30.0
    allow_plaintext_auth: bool = False  # tls = "none" with a login, on purpose


@dataclass(frozen=True)
class SlackSettings:
    webhook_url_env: str | None = None
    webhook_url: str | None = None  # only for local tests; prefer the env variable
    timeout: float = 15.0


@dataclass(frozen=True)
class WebhookSettings:
    url: str
    headers_env: dict[str, str] = field(default_factory=dict)  # header name -> env variable
    timeout: float = 15.0


@dataclass(frozen=True)
class FileSettings:
    path: Path


@dataclass(frozen=True)
class DigestSettings:
    """``[alerts.digest]``: one email a day at ``at`` (local time in ``timezone``)."""

    at: time
    timezone: str | None = None  # an IANA name such as "Europe/Paris"; None is the machine's


@dataclass(frozen=True)
class AlertSettings:
    language: str = "en"  # "en" | "fr"
    # "event": one message per event (a round and its valuation, the talks before a round),
    # later news of it threaded under it; "cycle": one message per company per poll cycle.
    group: str = "event"
    max_attempts: int = 8
    retry_base: float = 30.0
    retry_max: float = 3600.0
    feed_down_after: int = 3  # consecutive failed cycles before one feed_down alert
    # A fact this sure is alerted at once; a less sure one waits until ``corroborate``
    # independent sites (registered domains) report it within ``corroboration_window`` seconds.
    min_confidence: float = 0.55
    corroborate: int = 2
    corroboration_window: float = 3 * 86400.0
    console: bool = True
    email: EmailSettings | None = None
    slack: SlackSettings | None = None
    webhook: WebhookSettings | None = None
    file: FileSettings | None = None
    digest: DigestSettings | None = None

    @property
    def channels(self) -> tuple[str, ...]:
        names = [n for n in ("email", "slack", "webhook", "file") if getattr(self, n) is not None]
        if self.console:
            names.insert(0, "console")
        return tuple(names)


@dataclass(frozen=True)
class ServeSettings:
    """``[serve]``: the review page (``watcher serve``)."""

    host: str = "127.0.0.1"  # loopback: only this machine's users reach it
    port: int = 8470
    # The environment variable holding the token every request needs; required to bind any
    # address other than loopback (the token itself never goes in the file).
    token_env: str | None = None


@dataclass(frozen=True)
class Settings:
    config_path: Path
    # A SQLite file, or a postgresql:// URL (without its password) for a shared database.
    db: Path | str
    interval: float  # seconds
    base_currency: str
    min_change: Decimal
    entities: tuple[Entity, ...]
    feeds: tuple[FeedSettings, ...]
    rates: dict[str, Decimal]  # units per 1 EUR
    http: HttpSettings = field(default_factory=HttpSettings)
    alerts: AlertSettings = field(default_factory=AlertSettings)
    retention_days: int = 180
    log_file: Path | None = None
    stop_timeout: float = 10.0  # seconds from SIGTERM to exit, at most
    serve: ServeSettings = field(default_factory=ServeSettings)
    # The environment variable holding the PostgreSQL password (else libpq reads PGPASSWORD).
    db_password_env: str | None = None

    @property
    def postgres(self) -> bool:
        return isinstance(self.db, str)

    @property
    def lock_path(self) -> Path:
        """The file the daemon lock is taken beside: the SQLite file, or for PostgreSQL a file in
        the config's state folder (one daemon per machine; the database's own lock elects the
        scheduler among machines)."""
        if isinstance(self.db, Path):
            return self.db
        return self.config_path.parent / "state" / "postgres.db"

    def find_entity(self, name: str) -> Entity | None:
        """The entity called ``name``, whatever its case, or by one of its aliases."""
        wanted = name.strip().casefold()
        return next((e for e in self.entities if wanted in (n.casefold() for n in e.names)), None)

    def seed_dir(self, entity: Entity) -> Path | None:
        if entity.seeds is None:
            return None
        return (self.config_path.parent / entity.seeds).resolve()
