"""Reading a Retry-After header (delta-seconds or HTTP-date) as seconds to wait."""

from __future__ import annotations

import math
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime


def parse_retry_after(value: str | None, now: datetime) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or HTTP-date), None if unusable.

    Delta-seconds are whole and unsigned, as RFC 9110 writes them: a feed server sending
    "-3" or "1.5" is misbehaving, and its value is dropped for the usual backoff.
    """
    if value is None:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    return _seconds_until(value, now)


def parse_retry_after_leniently(value: str | None, now: datetime) -> float | None:
    """Like ``parse_retry_after``, but any finite number counts as seconds (a negative one as 0).

    An alert that waits in the outbox is better served by a sloppy receiver's "1.5" than
    by guessing a delay of our own.
    """
    if not value or not value.strip():
        return None
    value = value.strip()
    try:
        seconds = float(value)
    except ValueError:
        return _seconds_until(value, now)
    if not math.isfinite(seconds):
        return None
    return max(seconds, 0.0)


def _seconds_until(http_date: str, now: datetime) -> float | None:
    try:
        when = parsedate_to_datetime(http_date)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:  # "-0000" means UTC for HTTP dates
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - now).total_seconds())
