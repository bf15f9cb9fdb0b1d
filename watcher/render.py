"""Turns a ``Change`` or ``FeedHealth`` into the texts every alert channel sends.

Pure: values in, values out, no I/O. Everything that comes from the news (entity
names, titles, evidence, investors, URLs, feed errors) is untrusted and is escaped
separately for each target: the mail subject (one line, no control characters, so no
header can be injected), plain text (control characters removed, so no terminal escape
reaches a console), HTML (``html.escape``) and Slack mrkdwn (``&<>`` escaped, so
``<http://evil|click>`` shows literally instead of becoming a link).
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Any
from urllib.parse import urlsplit

from watcher.models import Change, Digest, EventAlert, FeedHealth, Money

__all__ = [
    "SUBJECT_MAX",
    "Message",
    "format_amount",
    "format_kind",
    "format_money",
    "format_round",
    "one_line",
    "pending_line",
    "plural",
    "render",
    "render_test",
    "slack_escape",
    "talks_summary",
]

SUBJECT_MAX = 200
SUBJECT_PREFIX = "[watcher] "
# Block Kit limits; Slack rejects the whole message with "invalid_blocks" beyond them.
_SLACK_HEADER_MAX = 150
_SLACK_FIELD_MAX = 1900
_SLACK_TEXT_MAX = 2900
_SLACK_FIELDS_MAX = 10
# Bounds what a hostile or broken page can push into one alert.
_EVIDENCE_MAX = 1000
_TITLE_MAX = 300
_ERROR_MAX = 500


@dataclass(frozen=True)
class Message:
    """One alert, ready for every channel. ``data`` is JSON-serialisable."""

    subject: str
    text: str
    html: str
    slack_text: str
    slack_blocks: tuple[dict[str, Any], ...] = field(hash=False)
    data: dict[str, Any] = field(hash=False)
    # For a correction: the alert id (on the same channel) of the alert it corrects, so an
    # email threads under it and Slack and webhooks can point at it.
    replies_to: int | None = None
    language: str = "en"
    # The name the channel's service gave the alert replied to (Slack's ``ts``), to thread under.
    thread: str | None = None

    def replying_to(
        self, alert_id: int | None, *, update: bool = False, thread: str | None = None
    ) -> Message:
        """This message as a reply to the alert ``alert_id`` of the same channel: a correction of
        it, or with ``update`` a later message about the same event."""
        if alert_id is None:
            return self
        data = {**self.data, "original_alert_id": alert_id}
        note = _words(self.language)["update_of" if update else "correction_of"].format(id=alert_id)
        return replace(self, replies_to=alert_id, data=data, slack_text=note + self.slack_text, thread=thread)


# ---------------------------------------------------------------------------
# Sanitising and escaping


def plural(n: int, word: str, many: str | None = None) -> str:
    """ "1 fact", "2 facts", "0 facts" (``many`` for an irregular plural: "entries")."""
    return f"{n} {word if n == 1 else many or word + 's'}"


def one_line(value: str, limit: int | None = None) -> str:
    """``value`` on one line: control, format and line/paragraph separator characters
    removed, whitespace runs collapsed, cut to ``limit`` characters with an ellipsis.

    Format characters (category Cf) go too: bidi overrides can make a subject read
    differently from what it says.
    """
    out: list[str] = []
    for ch in value:
        cat = unicodedata.category(ch)
        if ch in "\t\n\r\v\f" or cat in ("Zl", "Zp", "Zs"):
            out.append(" ")
        elif cat.startswith("C"):
            continue
        else:
            out.append(ch)
    text = re.sub(r" {2,}", " ", "".join(out)).strip()
    if limit is not None and len(text) > limit:
        text = text[: max(limit - 1, 0)].rstrip() + "…"
    return text


def slack_escape(value: str) -> str:
    """Escape the three characters Slack mrkdwn treats as control characters."""
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def safe_url(url: str) -> str | None:
    """``url`` if it is a plain http(s) URL worth making clickable, else None."""
    url = url.strip()
    if not url or any(unicodedata.category(ch).startswith("C") or ch.isspace() for ch in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url


def _slack_link(url: str | None, label: str) -> str:
    if url is None:
        return slack_escape(label)
    # "|" would end the URL part of <url|label> early; percent-encoding it keeps the URL intact.
    return f"<{slack_escape(url).replace('|', '%7C')}|{slack_escape(label)}>"


# ---------------------------------------------------------------------------
# Vocabulary

_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "valuation": "valuation",
        "funding_round": "funding round",
        "total_raised": "total raised",
        "new_round": "new funding round",
        "correction": "correction",
        "announced": "announced",
        "reported": "reported",
        "rumoured": "rumoured",
        "new": "new",
        "none": "none (first known value)",
        "entity": "Entity",
        "change": "Change",
        "previous": "Previous",
        "current": "Now",
        "amount": "Amount",
        "status": "Status",
        "round": "Round",
        "leads": "Lead investors",
        "investors": "Investors",
        "sources": "Sources",
        "source": "Source",
        "link": "Link",
        "evidence": "Evidence",
        "detected": "Detected",
        "one_source": "1 source",
        "n_sources": "{n} sources",
        "rumoured>announced": "rumour confirmed",
        "reported>announced": "report confirmed",
        "rumoured>reported": "rumour now reported by the press",
        "status_move": "status {old} -> {new}",
        "feed_down": "feed down",
        "feed_recovered": "feed recovered",
        "feed": "Feed",
        "url": "URL",
        "failures": "Consecutive failures",
        "error": "Last error",
        "feed_down_note": "watcher could not fetch this feed; its news is not being watched.",
        "feed_recovered_note": "The feed answers again; watching has resumed.",
        "footer": "Sent by watcher",
        "alert": "alert",
        "test_headline": "TEST: alert channel check, not a real change",
        "test_note": "TEST. This message only checks that watcher can reach this channel. "
        "No funding fact has changed.",
        "test_channel": "Channel",
        "test_entities": "Watching",
        "valuation_change": "valuation",
        "total_raised_change": "total raised",
        "status_change": "status",
        "investment": "investment",
        "digest_headline": "Daily digest {day}: {changes}, {feeds}",
        "digest_note": "What watcher saw since {since}.",
        "one_change": "1 change",
        "n_changes": "{n} changes",
        "one_failing": "1 failing feed",
        "n_failing": "{n} failing feeds",
        "no_changes": "no change",
        "pending": "Pending",
        "correction_of": "correction of alert #{id}: ",
        "update_of": "update of alert #{id}: ",
        "state_line": "{entity} now: {figures}",
        "state_sep": "; ",
        "state_none": "nothing confirmed known",
        "state_valuation": "valuation",
        "state_round": "round",
        "pending_line": "{entity}: {kind} {money} ({status}), fact #{id}, {note}; {url}",
        "talks": "talks",
        "at_about": "at about",
        "valued_about": "valuation about",
        "update": "update",
        "event": "Event",
        "figures": "Figures so far",
    },
    "fr": {
        "valuation": "valorisation",
        "funding_round": "levée",
        "total_raised": "total levé",
        "new_round": "nouvelle levée",
        "correction": "correction",
        "announced": "annoncé",
        "reported": "rapporté",
        "rumoured": "rumeur",
        "new": "nouveau",
        "none": "aucune (première valeur connue)",
        "entity": "Entreprise",
        "change": "Changement",
        "previous": "Avant",
        "current": "Maintenant",
        "amount": "Montant",
        "status": "Statut",
        "round": "Tour",
        "leads": "Investisseurs principaux",
        "investors": "Investisseurs",
        "sources": "Sources",
        "source": "Source",
        "link": "Lien",
        "evidence": "Extrait",
        "detected": "Détecté",
        "one_source": "1 source",
        "n_sources": "{n} sources",
        "rumoured>announced": "rumeur confirmée",
        "reported>announced": "information confirmée",
        "rumoured>reported": "rumeur reprise par la presse",
        "status_move": "statut {old} -> {new}",
        "feed_down": "flux en panne",
        "feed_recovered": "flux rétabli",
        "feed": "Flux",
        "url": "URL",
        "failures": "Échecs consécutifs",
        "error": "Dernière erreur",
        "feed_down_note": "watcher n'arrive plus à lire ce flux ; ses actualités ne sont plus surveillées.",
        "feed_recovered_note": "Le flux répond de nouveau ; la surveillance a repris.",
        "footer": "Envoyé par watcher",
        "alert": "alerte",
        "test_headline": "TEST : vérification du canal d'alerte, aucun changement réel",
        "test_note": "TEST. Ce message vérifie seulement que watcher peut joindre ce canal. "
        "Aucune donnée de financement n'a changé.",
        "test_channel": "Canal",
        "test_entities": "Surveillance",
        "valuation_change": "valorisation",
        "total_raised_change": "total levé",
        "status_change": "statut",
        "investment": "investissement",
        "digest_headline": "Résumé du {day} : {changes}, {feeds}",
        "digest_note": "Ce que watcher a vu depuis le {since}.",
        "one_change": "1 changement",
        "n_changes": "{n} changements",
        "one_failing": "1 flux en panne",
        "n_failing": "{n} flux en panne",
        "no_changes": "aucun changement",
        "pending": "En attente",
        "correction_of": "correction de l'alerte n° {id} : ",
        "update_of": "mise à jour de l'alerte n° {id} : ",
        "state_line": "{entity} aujourd'hui : {figures}",
        "state_sep": " ; ",
        "state_none": "rien de confirmé",
        "state_valuation": "valorisation",
        "state_round": "levée",
        # The ledger's note (why it waits) is English text: French says what it means instead.
        "pending_line": "{entity} : {kind} {money} ({status}), fait n° {id}, "
        "en attente de confirmation par d'autres sites ; {url}",
        "talks": "discussions",
        "at_about": "valorisation d'environ",
        "valued_about": "valorisation d'environ",
        "update": "mise à jour",
        "event": "Événement",
        "figures": "Chiffres jusqu'ici",
    },
}

# French typography quotes with guillemets and non-breaking spaces.
_QUOTES = {"en": ("“", "”"), "fr": ("«\u00a0", "\u00a0»")}

_FR_ROUNDS = {
    "pre_seed": "pré-amorçage",
    "seed": "amorçage",
    "growth": "croissance",
    "extension": "extension",
    "bridge": "bridge",
}


def _words(language: str) -> dict[str, str]:
    # An unknown language falls back to English rather than failing a delivery;
    # config is where a bad value should be refused.
    return _WORDS.get(language, _WORDS["en"])


def _lang(language: str) -> str:
    return language if language in _WORDS else "en"


def _status(status: str, w: dict[str, str]) -> str:
    return w[status] if status in ("announced", "reported", "rumoured") else one_line(status, 40)


def format_kind(kind: str, language: str = "en") -> str:
    """A fact or change kind for people: ``funding_round`` -> "funding round", ``new_round`` ->
    "new funding round"; JSON keeps the code."""
    return _words(language).get(kind, one_line(kind).replace("_", " "))


def alert_word(language: str) -> str:
    """ "alert" / "alerte": how a channel names one outbox row ("(alert #12)")."""
    return _words(language)["alert"]


def format_round(code: str, language: str = "en") -> str:
    """``series_c`` -> "Series C" / "Série C"; ``series_a_extension`` -> "Series A extension"."""
    parts = [p for p in one_line(code).lower().split("_") if p]
    words: list[str] = []
    i = 0
    fr = _lang(language) == "fr"
    while i < len(parts):
        if parts[i] == "series" and i + 1 < len(parts):
            words.append(("Série " if fr else "Series ") + parts[i + 1].upper())
            i += 2
            continue
        if parts[i] == "pre" and i + 1 < len(parts) and parts[i + 1] == "seed":
            words.append(_FR_ROUNDS["pre_seed"] if fr else "pre-seed")
            i += 2
            continue
        words.append(_FR_ROUNDS.get(parts[i], parts[i]) if fr else parts[i])
        i += 1
    label = " ".join(words) or one_line(code)
    return label[:1].upper() + label[1:]


# ---------------------------------------------------------------------------
# Money

_UNITS_EN = (
    (Decimal(10) ** 12, "tn"),
    (Decimal(10) ** 9, "bn"),
    (Decimal(10) ** 6, "M"),
    (Decimal(1000), "k"),
)
# "Md" (milliard) is the French press's unit; "Bn" (billion = 10^12) is rare but correct.
_UNITS_FR = (
    (Decimal(10) ** 12, " Bn"),
    (Decimal(10) ** 9, " Md"),
    (Decimal(10) ** 6, " M"),
    (Decimal(1000), " k"),
)
_CENT = Decimal("0.01")
_TENTH = Decimal("0.1")


def _number(value: Decimal, fr: bool) -> str:
    # Three significant digits are what a reader takes in (1.75bn, 11.7bn, 555.6M);
    # the exact amount stays in ``Message.data``.
    q = value.quantize(_CENT if value < 10 else _TENTH, rounding=ROUND_HALF_UP)
    text = f"{q:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", ",") if fr else text


def _scaled(amount: Decimal, fr: bool) -> str:
    units = _UNITS_FR if fr else _UNITS_EN
    size = abs(amount)
    for i, (factor, suffix) in enumerate(units):
        if size >= factor:
            scaled = (size / factor).quantize(_CENT, rounding=ROUND_HALF_UP)
            # 999.999M rounds to 1000M: show it as 1bn instead.
            if scaled >= 1000 and i > 0:
                factor, suffix = units[i - 1]
                scaled = size / factor
            return _number(scaled, fr) + suffix
    return _number(size, fr)


def sources_text(n: int, language: str = "en") -> str:
    """ "1 source", "3 sources": how alerts, the digest and the review page count sources."""
    w = _words(language)
    return w["one_source"] if n == 1 else w["n_sources"].format(n=n)


def format_amount(amount: Decimal, language: str = "en") -> str:
    """The number part of ``format_money``: "11.7bn", "103.7M" (charts label axes with the currency)."""
    return ("-" if amount < 0 else "") + _scaled(amount, _lang(language) == "fr")


def pending_line(
    entity: str, kind: str, money: Money, status: str, fact_id: int, note: str, url: str, language: str = "en"
) -> str:
    """One fact waiting for corroboration, as a digest lists it."""
    w = _words(language)
    return w["pending_line"].format(
        entity=entity,
        kind=format_kind(kind, language),
        money=format_money(money, language),
        status=_status(status, w),
        id=fact_id,
        note=note,
        url=url,
    )


@dataclass(frozen=True)
class StateFigure:
    """One figure of a company's current state, as a digest says it."""

    label: str  # "valuation" or "round"
    money: Money
    round: str | None
    status: str
    sources: int


def state_text(entity: str, figures: Sequence[StateFigure], language: str = "en") -> str:
    """ "Mistral AI now: valuation EUR 11.7bn (announced, 11 sources)": where a company stands."""
    w = _words(language)
    parts = []
    for f in figures:
        round_ = f" {format_round(f.round, language)}" if f.round else ""
        sources = sources_text(f.sources, language)
        label = w[f"state_{f.label}"]
        parts.append(f"{label} {format_money(f.money, language)}{round_} ({_status(f.status, w)}, {sources})")
    return w["state_line"].format(entity=entity, figures=w["state_sep"].join(parts) or w["state_none"])


def format_money(money: Money, language: str = "en") -> str:
    """Human amount with its currency: "EUR 11.7bn", "~USD 600M"; French "11,7 Md EUR"."""
    fr = _lang(language) == "fr"
    sign = "-" if money.amount < 0 else ""
    body = sign + _scaled(money.amount, fr)
    currency = one_line(money.currency, 8).upper()
    text = f"{body} {currency}" if fr else f"{currency} {body}"
    return ("~" + text) if money.approx else text


def _equivalent(money: Money, base: Money | None, base_currency: str, language: str) -> str:
    if base is None or money.currency.upper() == base_currency.upper():
        return ""
    if base.currency.upper() == money.currency.upper():
        return ""
    return f" (≈ {format_money(Money(base.amount, base.currency), language)})"


def _money_line(money: Money, base: Money | None, date: str | None, base_currency: str, language: str) -> str:
    text = format_money(money, language) + _equivalent(money, base, base_currency, language)
    if date:
        text += f", {one_line(date, 32)}"
    return text


def _money_data(
    money: Money | None, date: str | None = None, with_date: bool = True
) -> dict[str, Any] | None:
    if money is None:
        return None
    amount: int | float = (
        int(money.amount) if money.amount == money.amount.to_integral_value() else float(money.amount)
    )
    out: dict[str, Any] = {"amount": amount, "currency": money.currency, "approx": money.approx}
    if with_date:
        out["date"] = date
    return out


def _when(moment: datetime) -> str:
    if moment.tzinfo is None:
        return moment.isoformat(sep=" ", timespec="minutes")
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")


# ---------------------------------------------------------------------------
# Layout shared by every target: a headline, rows of (label, value), and extras


@dataclass(frozen=True)
class _Layout:
    headline: str  # one line, unescaped, without the "[watcher]" prefix
    rows: tuple[tuple[str, str], ...]  # cleaned, unescaped
    title: str = ""
    url: str = ""
    evidence: str = ""
    note: str = ""
    link_label: str = "Link"
    evidence_label: str = "Evidence"
    source_label: str = "Source"
    footer: str = ""
    quotes: tuple[str, str] = ("“", "”")
    header_fields: int = 1  # leading rows the Slack header already says
    # A link per row, "" for none (a digest's changes): a clickable link in HTML and Slack,
    # the bare URL after the value in plain text. Cleaned, unescaped, like the rows.
    row_links: tuple[str, ...] = ()

    def linked_rows(self) -> list[tuple[str, str, str]]:
        """(label, value, link) for every row."""
        links = self.row_links + ("",) * (len(self.rows) - len(self.row_links))
        return [(label, value, link) for (label, value), link in zip(self.rows, links, strict=False)]


def _change_what(change: Change, language: str) -> str:
    """What changed, in one phrase: "valuation EUR 5.8bn -> EUR 11.7bn (announced)"."""
    w = _words(language)
    new = format_money(change.new, language)
    old = format_money(change.old, language) if change.old is not None else None
    status = _status(change.status, w)
    round_label = format_round(change.round, language) if change.round else ""

    if change.kind == "new_round":
        quals = ", ".join(q for q in (round_label, status) if q)
        return f"{w['new_round']} {new} ({quals})"
    if change.kind in ("valuation_change", "total_raised_change"):
        label = w["valuation"] if change.kind == "valuation_change" else w["total_raised"]
        return f"{label} {old} -> {new} ({status})" if old else f"{label} {new} ({w['new']}, {status})"
    if change.kind == "status_change":
        label = w.get(change.fact_kind, one_line(change.fact_kind))
        if round_label:
            label = f"{label} {round_label}"
        return f"{label} {new}: {_transition(change, w)}"
    if change.kind == "correction":
        label = w.get(change.fact_kind, one_line(change.fact_kind))
        if round_label:
            label = f"{label} {round_label}"
        return f"{w['correction']}: {label} {old} -> {new} ({status})"
    return f"{one_line(change.kind, 40)} {new} ({status})"


def _change_layout(change: Change, language: str, base_currency: str) -> _Layout:
    w = _words(language)
    entity = one_line(change.entity, 120) or "?"
    status = _status(change.status, w)
    round_label = format_round(change.round, language) if change.round else ""
    what = _change_what(change, language)

    rows: list[tuple[str, str]] = [(w["entity"], entity)]
    # A status change is about one value; "previous" would only repeat it.
    if change.kind not in ("new_round", "status_change") or change.old is not None:
        previous = (
            _money_line(change.old, change.old_base, change.old_date, base_currency, language)
            if change.old is not None
            else w["none"]
        )
        rows.append((w["previous"], previous))
    now_label = w["amount"] if change.kind == "new_round" else w["current"]
    rows.append(
        (now_label, _money_line(change.new, change.new_base, change.new_date, base_currency, language))
    )
    status_text = status
    if change.kind == "status_change":
        status_text = f"{_transition(change, w)} ({status})"
    rows.append((w["status"], status_text))
    if round_label:
        rows.append((w["round"], round_label))
    if change.lead_investors:
        rows.append((w["leads"], one_line(", ".join(change.lead_investors), 500)))
    if change.investors:
        rows.append((w["investors"], one_line(", ".join(change.investors), 500)))
    n = max(change.sources, 0)
    rows.append((w["sources"], w["one_source"] if n == 1 else w["n_sources"].format(n=n)))
    rows.append((w["detected"], _when(change.detected_at)))

    return _Layout(
        headline=f"{entity}: {what}",
        rows=tuple(rows),
        title=one_line(change.title, _TITLE_MAX),
        url=one_line(change.url),
        evidence=one_line(change.evidence, _EVIDENCE_MAX),
        link_label=w["link"],
        evidence_label=w["evidence"],
        source_label=w["source"],
        footer=w["footer"],
        quotes=_QUOTES[_lang(language)],
    )


def _spread(changes: list[Change], language: str) -> str:
    """The figures of one kind as a range: "EUR 1bn–2bn", or one figure when they agree."""
    # As the sources state it when they agree on the currency ("USD 10bn", not "EUR 9.26bn");
    # else in the base currency, so that the range compares like with like.
    shown = [c.new for c in changes]
    currency = shown[0].currency
    if any(m.currency != currency for m in shown):
        shown = [c.new_base or c.new for c in changes]
        currency = shown[0].currency
    amounts = [m.amount for m in shown if m.currency == currency]
    lo, hi = min(amounts), max(amounts)
    if lo == hi:
        return format_money(Money(lo, currency), language)
    if _lang(language) == "fr":
        return f"{format_amount(lo, language)}–{format_money(Money(hi, currency), language)}"
    return f"{one_line(currency, 8).upper()} {format_amount(lo, language)}–{format_amount(hi, language)}"


def talks_summary(event: list[Change], language: str = "en") -> str:
    """What the talks before a round say so far: "talks: EUR 1bn–2bn at about EUR 10bn"."""
    w = _words(language)
    rounds = [c for c in event if c.fact_kind == "funding_round" and c.kind != "correction"]
    values = [c for c in event if c.fact_kind == "valuation" and c.kind != "correction"]
    text = w["talks"] + (" :" if _lang(language) == "fr" else ":")
    if rounds:
        text += f" {_spread(rounds, language)}"
        if values:
            sep = "," if _lang(language) == "fr" else ""
            text += f"{sep} {w['at_about']} {_spread(values, language)}"
    elif values:
        text += f" {w['valued_about']} {_spread(values, language)}"
    return text


def _event_layout(alert: EventAlert, language: str, base_currency: str) -> _Layout:
    w = _words(language)
    entity = one_line(alert.entity, 120) or "?"
    carried = list(alert.changes)
    latest = max(carried, key=lambda c: (c.new_date or "", c.id or 0))
    is_talks = all(c.status == "rumoured" and c.kind in ("new_round", "valuation_change") for c in carried)
    if is_talks:
        what = talks_summary(list(alert.event) or carried, language)
    else:
        what = "; ".join(_change_what(c, language) for c in carried)
    if alert.follows is not None:
        what = f"{w['update']}: {what}"
    rows: list[tuple[str, str]] = [(w["entity"], entity)]
    for c in carried:
        line = _money_line(c.new, c.new_base, c.new_date, base_currency, language)
        rows.append((format_kind(c.kind if not is_talks else c.fact_kind, language).capitalize(), line))
    rows.append((w["status"], ", ".join(dict.fromkeys(_status(c.status, w) for c in carried))))
    rounds = [format_round(c.round, language) for c in carried if c.round]
    if rounds:
        rows.append((w["round"], ", ".join(dict.fromkeys(rounds))))
    leads = [x for c in carried for x in c.lead_investors]
    if leads:
        rows.append((w["leads"], one_line(", ".join(dict.fromkeys(leads)), 500)))
    earlier = [c for c in alert.event if c not in carried]
    if is_talks and earlier:
        figures = ", ".join(format_money(c.new, language) for c in alert.event)
        rows.append((w["figures"], one_line(figures, 500)))
    n = max(max((c.sources for c in carried), default=1), 0)
    rows.append((w["sources"], w["one_source"] if n == 1 else w["n_sources"].format(n=n)))
    rows.append((w["detected"], _when(latest.detected_at)))
    return _Layout(
        headline=f"{entity}: {what}",
        rows=tuple(rows),
        title=one_line(latest.title, _TITLE_MAX),
        url=one_line(latest.url),
        evidence=one_line(latest.evidence, _EVIDENCE_MAX),
        link_label=w["link"],
        evidence_label=w["evidence"],
        source_label=w["source"],
        footer=w["footer"],
        quotes=_QUOTES[_lang(language)],
    )


def _event_data(alert: EventAlert) -> dict[str, Any]:
    return {
        "event": "event",
        "entity": alert.entity,
        "changes": [_change_data(c) for c in alert.changes],
        "event_change_ids": [c.id for c in alert.event],
        "follows": alert.follows,
    }


def _transition(change: Change, w: dict[str, str]) -> str:
    key = f"{change.old_status}>{change.status}"
    if key in w:
        return w[key]
    old = _status(change.old_status, w) if change.old_status else "?"
    return w["status_move"].format(old=old, new=_status(change.status, w))


def _digest_layout(digest: Digest, language: str) -> _Layout:
    w = _words(language)
    n, f = len(digest.changes), len(digest.failing_feeds)
    headline = w["digest_headline"].format(
        day=one_line(digest.day, 20),
        changes=w["one_change"] if n == 1 else w["n_changes"].format(n=n),
        feeds=w["one_failing"] if f == 1 else w["n_failing"].format(n=f),
    )
    rows: list[tuple[str, str]] = []
    links: list[str] = []
    for c in digest.changes:
        rows.append((one_line(c.entity, 120) or "?", _change_what(c, language)))
        links.append(one_line(c.url) if c.url else "")
    if not digest.changes:
        rows.append((w["change"], w["no_changes"]))
    for line in digest.states:
        rows.append((w["current"], one_line(line, 300)))
    for p in digest.pending:
        rows.append((w["pending"], one_line(p, 300)))
    for h in digest.failing_feeds:
        name = one_line(h.feed_name or h.feed_url, 120) or "?"
        rows.append((w["feed"], f"{name}: {one_line(h.error, _ERROR_MAX)} ({w['failures']}: {h.failures})"))
    return _Layout(
        headline=headline,
        rows=tuple(rows),
        note=w["digest_note"].format(since=_when(digest.since)),
        link_label=w["link"],
        footer=w["footer"],
        header_fields=0,
        row_links=tuple(links),
    )


def _digest_data(digest: Digest) -> dict[str, Any]:
    return {
        "event": "digest",
        "day": digest.day,
        "since": digest.since.isoformat(),
        "changes": [_change_data(c) for c in digest.changes],
        "failing_feeds": [_feed_data(h) for h in digest.failing_feeds],
        "pending": list(digest.pending),
        "states": list(digest.states),
    }


def _feed_layout(health: FeedHealth, language: str) -> _Layout:
    w = _words(language)
    name = one_line(health.feed_name or health.feed_url, 120) or "?"
    down = health.kind != "feed_recovered"
    rows: list[tuple[str, str]] = [(w["feed"], name), (w["url"], one_line(health.feed_url, 500))]
    if health.failures:
        rows.append((w["failures"], str(health.failures)))
    if health.error:
        rows.append((w["error"], one_line(health.error, _ERROR_MAX)))
    rows.append((w["detected"], _when(health.detected_at)))
    return _Layout(
        headline=f"{w['feed_down'] if down else w['feed_recovered']}: {name}",
        rows=tuple(rows),
        note=w["feed_down_note"] if down else w["feed_recovered_note"],
        link_label=w["link"],
        footer=w["footer"],
    )


# ---------------------------------------------------------------------------
# Targets


def _quoted(text: str, quotes: tuple[str, str]) -> str:
    return f"{quotes[0]}{text}{quotes[1]}"


def _text(layout: _Layout) -> str:
    pairs = [(label, f"{value} {link}" if link else value) for label, value, link in layout.linked_rows()]
    if layout.title:
        pairs.append((layout.source_label, layout.title))
    if layout.url:
        pairs.append((layout.link_label, layout.url))
    if layout.evidence:
        pairs.append((layout.evidence_label, _quoted(layout.evidence, layout.quotes)))
    width = max(len(label) for label, _ in pairs) + 2
    lines = [layout.headline, ""]
    if layout.note:
        lines += [layout.note, ""]
    lines += [f"{label + ':':<{width}}{value}" for label, value in pairs]
    lines += ["", f"-- {layout.footer}"]
    return "\n".join(lines) + "\n"


def _html(layout: _Layout, language: str) -> str:
    def e(value: str) -> str:
        return html.escape(value, quote=True)

    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{e(_lang(language))}"><head><meta charset="utf-8">',
        f"<title>{e(layout.headline)}</title></head>",
        '<body style="font-family:sans-serif">',
        f"<h2>{e(layout.headline)}</h2>",
    ]
    if layout.note:
        parts.append(f"<p>{e(layout.note)}</p>")
    parts.append('<table cellpadding="4" style="border-collapse:collapse">')
    for label, value, link in layout.linked_rows():
        # Only http(s) links are made clickable; anything else stays text, escaped.
        safe = safe_url(link) if link else None
        cell = e(value)
        if safe:
            cell += f' <a href="{e(safe)}">{e(link)}</a>'
        elif link:
            cell += f" {e(link)}"
        parts.append(f'<tr><th align="left" valign="top">{e(label)}</th><td>{cell}</td></tr>')
    parts.append("</table>")
    if layout.evidence:
        parts.append(
            f'<blockquote style="border-left:3px solid #ccc;margin:1em 0;padding-left:1em">'
            f"{e(_quoted(layout.evidence, layout.quotes))}</blockquote>"
        )
    url = safe_url(layout.url)
    if layout.title or layout.url:
        label = e(layout.title or layout.url)
        link = f'<a href="{e(url)}">{label}</a>' if url else label
        parts.append(f"<p>{e(layout.source_label)}: {link}</p>")
    parts.append(f'<p style="color:#888;font-size:small">{e(layout.footer)}</p>')
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def _slack(layout: _Layout) -> tuple[str, tuple[dict[str, Any], ...]]:
    fallback = slack_escape(layout.headline)
    blocks: list[dict[str, Any]] = [
        {
            "type": "header",
            # plain_text is not parsed for links or mentions, so it needs no escaping.
            "text": {
                "type": "plain_text",
                "text": one_line(layout.headline, _SLACK_HEADER_MAX),
                "emoji": False,
            },
        }
    ]
    if layout.note:
        blocks.append({"type": "section", "text": {"type": "mrkdwn", "text": slack_escape(layout.note)}})
    fields = [
        {
            "type": "mrkdwn",
            "text": (
                f"*{slack_escape(label)}*\n{slack_escape(value)}"
                + (f" {_slack_link(safe_url(link), link)}" if link else "")
            )[:_SLACK_FIELD_MAX],
        }
        for label, value, link in layout.linked_rows()[layout.header_fields :]
    ][:_SLACK_FIELDS_MAX]
    if fields:
        blocks.append({"type": "section", "fields": fields})
    if layout.evidence:
        quote = f"> {slack_escape(_quoted(layout.evidence, layout.quotes))}"
        blocks.append({"type": "section", "text": {"type": "mrkdwn", "text": quote[:_SLACK_TEXT_MAX]}})
    if layout.title or layout.url:
        link = _slack_link(safe_url(layout.url), layout.title or layout.url)
        blocks.append({"type": "context", "elements": [{"type": "mrkdwn", "text": link[:_SLACK_TEXT_MAX]}]})
    return fallback, tuple(blocks)


def _change_data(change: Change) -> dict[str, Any]:
    return {
        "event": "change",
        "id": change.id,
        "entity": change.entity,
        "kind": change.kind,
        "fact_kind": change.fact_kind,
        "status": change.status,
        "old_status": change.old_status,
        "old": _money_data(change.old, change.old_date),
        "new": _money_data(change.new, change.new_date),
        "old_base": _money_data(change.old_base, with_date=False),
        "new_base": _money_data(change.new_base, with_date=False),
        "round": change.round,
        "lead_investors": list(change.lead_investors),
        "investors": list(change.investors),
        "url": change.url,
        "title": change.title,
        "evidence": change.evidence,
        "sources": change.sources,
        "detected_at": change.detected_at.isoformat(),
        "corrects": change.corrects,
        "confidence": change.confidence,
    }


def _feed_data(health: FeedHealth) -> dict[str, Any]:
    return {
        "event": "feed_health",
        "kind": health.kind,
        "feed_url": health.feed_url,
        "feed_name": health.feed_name,
        "error": health.error,
        "failures": health.failures,
        "detected_at": health.detected_at.isoformat(),
    }


def render_test(channel: str, entities: list[str], language: str = "en") -> Message:
    """A channel check that cannot be mistaken for news: TEST in the subject and first line,
    no amount, no entity headline, ``event: "test"`` in the data."""
    w = _words(language)
    layout = _Layout(
        headline=w["test_headline"],
        rows=(
            (w["test_channel"], one_line(channel, 40)),
            (w["test_entities"], one_line(", ".join(entities), 300)),
        ),
        note=w["test_note"],
        link_label=w["link"],
        footer=w["footer"],
        header_fields=0,
    )
    slack_text, slack_blocks = _slack(layout)
    return Message(
        subject=one_line(SUBJECT_PREFIX + layout.headline, SUBJECT_MAX),
        text=_text(layout),
        html=_html(layout, language),
        slack_text=slack_text,
        slack_blocks=slack_blocks,
        data={"event": "test", "channel": channel, "entities": list(entities), "language": _lang(language)},
        language=_lang(language),
    )


def render(
    alert_subject: Change | EventAlert | FeedHealth | Digest, language: str = "en", base_currency: str = "EUR"
) -> Message:
    """Every channel's text for one change, one event, a feed-health event or the daily digest."""
    if isinstance(alert_subject, Change):
        layout = _change_layout(alert_subject, language, base_currency)
        data = _change_data(alert_subject)
    elif isinstance(alert_subject, EventAlert):
        layout = _event_layout(alert_subject, language, base_currency)
        data = _event_data(alert_subject)
    elif isinstance(alert_subject, Digest):
        layout = _digest_layout(alert_subject, language)
        data = _digest_data(alert_subject)
    else:
        layout = _feed_layout(alert_subject, language)
        data = _feed_data(alert_subject)
    slack_text, slack_blocks = _slack(layout)
    return Message(
        subject=one_line(SUBJECT_PREFIX + layout.headline, SUBJECT_MAX),
        text=_text(layout),
        html=_html(layout, language),
        slack_text=slack_text,
        slack_blocks=slack_blocks,
        data=data,
        language=_lang(language),
    )
