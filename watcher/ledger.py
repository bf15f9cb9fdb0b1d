"""Record a cycle's articles in one fixed order, and turn their facts into changes.

Articles are extracted concurrently but decided here, one after another, in the order of
their publication date, then their content, then their URL, so the same articles give the
same changes whatever order the feeds list them in or extraction finishes. The content
comes before the URL because one article can sit at different URLs in different feeds.

Per article, in one savepoint: the document, each fact with its decision, and the user's
earlier rejections re-applied. An article that raises is rolled back alone and reported;
the rest of the cycle is recorded. An article naming several companies is decided one company
at a time, each in a savepoint of its own marked done with its facts (the store's
``document_decisions``): one company's decision that raises costs only that company's facts of
it, which a later cycle decides (reading the article again) without deciding the others' twice,
as with one decide job per company on workers. After every article is in, each event that gained a
change is given its best supported figure, an alerted event whose figure moved materially
gets one correction, and pending facts that found corroboration are alerted. Changes and
their outbox rows are written in the same transaction as the facts.
"""

from __future__ import annotations

import logging
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from decimal import Decimal
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

from watcher.diff import (
    ROUND_TOLERANCE,
    Decision,
    KnownFact,
    Mention,
    convert,
    correction,
    diff_against_known,
    event_figure,
)
from watcher.errors import DecisionFailed, StoreError
from watcher.events import closed_rounds, event_round, place, talks
from watcher.models import Change, Entity, Fact
from watcher.plausible import oversized_round, valuation_jump
from watcher.settings import Settings
from watcher.state import clamp_period as clamp_period  # part of this module's API
from watcher.state import contested, happened
from watcher.store import NewDocument, Store, StoredFact

log = logging.getLogger("watcher.ledger")


@lru_cache(maxsize=1)
def _domain_list() -> Callable[[str], Any]:
    """tldextract with its bundled public suffix list, built at first use (~6 MB, 0.1-0.3 s)."""
    import tldextract

    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


def load_domain_list() -> None:
    """Build the public suffix list now (~6 MB, a few tenths of a second) rather than at the first article.

    A daemon calls this at start, so that its memory after the first cycle is its working size.
    tldextract reads its list at the first lookup, not when it is made: hence one lookup.
    """
    _domain_list()("example.com")


def _host(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


@lru_cache(maxsize=4096)
def registered_domain(url: str) -> str:
    """The site a URL belongs to (news.bbc.co.uk -> bbc.co.uk); the host itself for an IP or a name."""
    host = _host(url)
    if not host:
        return url
    found = _domain_list()(host).top_domain_under_public_suffix
    return found or host


@dataclass(frozen=True)
class ArticleFacts:
    """One article, ready to decide: its identity, date and the facts found per entity."""

    url: str
    title: str
    published: str | None  # already clamped to the fetch time; None when unknown (a seed)
    document: NewDocument
    facts: tuple[tuple[Entity, tuple[Fact, ...]], ...]
    after: Callable[[Store, int], None] | None = None  # writes the feed entries naming it
    # Every company whose facts of the article are decided, by name, when ``facts`` holds only
    # some of them (a decide job's, on a worker): the others' decisions are left to be done.
    deciding: tuple[str, ...] = ()

    def order(self) -> tuple[str, str, str]:
        return (self.published or "", self.document.text_hash, self.url)

    def companies(self) -> tuple[str, ...]:
        """Every company whose facts of this article are to be decided, by name."""
        return self.deciding or tuple(e.name for e, facts in self.facts if facts)


@dataclass
class _Decided:
    """What deciding one company's facts of one article gave, taken into the ledger only once
    its savepoint is kept: a decision rolled back leaves nothing behind (no change to write
    for a fact whose row, and id, went with it)."""

    new: dict[int, tuple[str, Change]] = field(default_factory=dict)
    touched: set[tuple[str, int]] = field(default_factory=set)
    pending: set[tuple[str, int]] = field(default_factory=set)
    facts: int = 0


@dataclass
class LedgerReport:
    facts: int = 0
    changes: list[Change] = field(default_factory=list)
    alerts_enqueued: int = 0
    failed: dict[str, str] = field(default_factory=dict)  # url -> error
    pending: int = 0


class Ledger:
    """Decides and records the facts of one cycle (or of the baseline) against the store."""

    def __init__(self, store: Store, settings: Settings, now: datetime, *, one_company: bool = False):
        self.store = store
        self.settings = settings
        self.now = now
        # A decide job on a worker (watcher.jobs) decides one company's facts: another company's
        # job may store the same article at the same time, and the scheduler expires the pending
        # facts of every company once all jobs are done.
        self.one_company = one_company
        self.entity_ids: dict[str, int] = {}
        # Changes of this cycle, by event head, written once every article is in.
        self._new: dict[int, tuple[str, Change]] = {}
        self._touched: set[tuple[str, int]] = set()
        self._pending: set[tuple[str, int]] = set()
        # Heads read this cycle, by id: valid while their rows are (see ``_heads``). An article
        # that fails is rolled back, and a rolled-back id may be given again: the cache goes too.
        self._known_heads: dict[int, KnownFact] = {}
        self.report = LedgerReport()

    # -- one article --------------------------------------------------------

    def record_all(self, articles: Iterable[ArticleFacts]) -> None:
        """``record`` each of these articles in turn (a cycle's, in its fixed order), their heads'
        counts of sources written once at the end (``Store.held_counts`` says why)."""
        with self.store.held_counts():
            for article in articles:
                self.record(article)

    def record(self, article: ArticleFacts, *, baseline: bool = False, strict: bool = False) -> None:
        """Write one article and decide its facts, atomically per company; a failure loses this
        article's facts of that company only, until a later cycle decides them.

        With ``strict`` the failure is raised instead (the baseline must load whole or not at all).
        """
        try:
            with self.store.savepoint():
                decided, failed = self._record(article, baseline=baseline, strict=strict)
        except Exception as e:
            self._known_heads.clear()
            # A StoreError is the database's trouble, not the article's: the cycle stops and is redone.
            # One article's bug must not cost the rest of the cycle; the caller retries it later.
            if strict or isinstance(e, StoreError):
                raise
            self.report.failed[article.url] = str(e) if isinstance(e, DecisionFailed) else _line(e)
            return
        for d in decided:
            self._take(d)
        if failed:
            self.report.failed[article.url] = "; ".join(failed)

    def _record(
        self, article: ArticleFacts, *, baseline: bool, strict: bool
    ) -> tuple[list[_Decided], list[str]]:
        """The article's document, then each company's decision not done yet; what was decided,
        and the line of each company whose decision raised (rolled back alone, left to do)."""
        document_id, done = self._document(article)
        todo = [(e, f) for e, f in article.facts if f and self.entity_id(e) not in done]
        # Companies decided elsewhere (the other decide jobs): not done until they are.
        mine = {e.name for e, _ in article.facts}
        others = [i for name in sorted(set(article.companies()) - mine) if (i := self._id_of(name))]
        self.store.expect_decisions(document_id, others)
        decided: list[_Decided] = []
        failed: list[tuple[Entity, Exception]] = []
        for entity, facts in todo:
            try:
                # Alone, its failure is the article's (rolled back whole): no savepoint to pay for.
                with self._unit(alone=len(todo) == 1):
                    decided.append(self._decide(entity, document_id, article, facts, baseline=baseline))
                    self.store.set_decided(document_id, self.entity_id(entity), self.now)
            except StoreError:
                raise
            except Exception as e:
                if strict:
                    raise
                self._known_heads.clear()
                failed.append((entity, e))
        lines = [f"{entity.name}: {_line(e)}" for entity, e in failed]
        if failed and not decided:
            raise DecisionFailed("; ".join(lines)) from failed[0][1]
        self.store.expect_decisions(document_id, [self.entity_id(e) for e, _ in failed])
        # Its feed entries once every company's decision of it is done: until then it is read again.
        if article.after is not None and not failed:
            article.after(self.store, document_id)
        return decided, lines

    def _document(self, article: ArticleFacts) -> tuple[int, set[int]]:
        """The article's document, stored now unless it is, and the companies decided of it."""
        existing = self.store.document_id(article.url)
        if existing is not None:
            # Read again for the companies whose decision of it failed: the others are done.
            return existing, self.store.decided_entities(existing)
        if self.one_company:
            return self.store.ensure_document(article.document, self.now), set()
        return self.store.add_document(article.document, self.now), set()

    @contextmanager
    def _unit(self, *, alone: bool) -> Iterator[None]:
        with nullcontext() if alone else self.store.savepoint():
            yield

    def _id_of(self, name: str) -> int | None:
        """A company's id by name, read (not written: another decide job may be writing it)."""
        if name not in self.entity_ids:
            found = self.store.entity_id(name)
            if found is None:
                return None
            self.entity_ids[name] = found
        return self.entity_ids[name]

    def _take(self, d: _Decided) -> None:
        self._new.update(d.new)
        self._touched |= d.touched
        self._pending |= d.pending
        self.report.facts += d.facts
        self.report.pending += len(d.pending)

    def decide_document(
        self,
        entity: Entity,
        document_id: int,
        url: str,
        title: str,
        published: str | None,
        facts: Sequence[Fact],
    ) -> None:
        """Decide the facts of a baseline document already stored (a seed that was edited)."""
        document = NewDocument(
            url=url, title=title, published=published, text_hash="", language=None, source="seed"
        )
        article = ArticleFacts(url=url, title=title, published=published, document=document, facts=())
        if facts:
            self._take(self._decide(entity, document_id, article, facts, baseline=True))

    def known_for(self, entity: str, facts: Sequence[Fact]) -> list[KnownFact]:
        """What deciding ``facts`` needs: the current state and every head they may match."""
        wanted = [
            (f.kind, convert(f.money, "EUR", self.settings.rates), f.round)
            for f in facts
            if f.kind in ("valuation", "funding_round", "total_raised")
        ]
        heads = self._heads(self.store.decision_fact_ids(entity, wanted))
        alternates = [
            KnownFact(sf.corroborates, sf.fact, sf.period, alternate=True)
            for sf in self.store.conflicting_mentions(entity)
        ]
        return _with_tied_sources(self.store, heads, alternates) + alternates

    def _heads(self, fact_ids: Sequence[int]) -> list[KnownFact]:
        """These heads, ordered by period then id, each read from the store once per cycle.

        What a decision reads of a head (its fact, period and baseline flag) never changes once
        written; reading and rebuilding the same twenty heads for every article was a good part
        of a first cycle's main-process time. Which heads count is still asked every time.
        """
        missing = [i for i in fact_ids if i not in self._known_heads]
        for sf in self.store.facts_by_id(missing, count_sources=False):
            self._known_heads[sf.id] = _known(sf)
        heads = [self._known_heads[i] for i in fact_ids if i in self._known_heads]
        return sorted(heads, key=lambda k: (k.period or "", k.id or 0))

    def _decide(
        self,
        entity: Entity,
        document_id: int,
        article: ArticleFacts,
        facts: Sequence[Fact],
        *,
        baseline: bool,
    ) -> _Decided:
        out = _Decided()
        entity_id = self.entity_id(entity)
        known = self.known_for(entity.name, facts)
        official = not baseline and self._official(entity, article.url)
        decisions = diff_against_known(
            facts,
            known,
            entity=entity.name,
            period=article.published,
            url=article.url,
            title=article.title,
            now=self.now,
            base_currency=self.settings.base_currency,
            rates=self.settings.rates,
            min_change=self.settings.min_change,
            held=None if baseline or official else valuation_jump,
        )
        for d in decisions:
            if d.duplicate:
                continue
            state, note = self._state_of(
                entity_id, article, d, (facts, known), baseline=baseline, official=official
            )
            fact_id = self.store.add_fact(
                entity_id,
                document_id,
                d.fact,
                period=article.published,
                baseline=baseline,
                now=self.now,
                corroborates=d.corroborates,
                state=state,
                note=note,
                base_amount=convert(d.fact.money, "EUR", self.settings.rates),
                pending_until=self._pending_until() if state == "pending" else None,
                outcome=d.outcome,
            )
            out.facts += 1
            if state == "pending":
                out.pending.add((entity.name, fact_id))
            elif state == "active" and d.change is not None and not baseline:
                out.new[fact_id] = (entity.name, replace(d.change, confidence=d.fact.confidence))
            elif state == "active" and d.corroborates is not None and not baseline:
                out.touched.add((entity.name, d.corroborates))
        return out

    def _state_of(
        self,
        entity_id: int,
        article: ArticleFacts,
        d: Decision,
        context: tuple[Sequence[Fact], Sequence[KnownFact]],
        *,
        baseline: bool,
        official: bool,
    ) -> tuple[str, str]:
        """The state a decided fact is stored in; ``context`` is the article's facts and what was known,
        ``official`` whether the article is on one of the entity's own sites."""
        rejected = self.store.rejection(entity_id, article.url, d.fact)
        if rejected is not None:
            return "rejected", rejected or "rejected by the user"
        if d.implausible:
            return "implausible", d.note
        if baseline or d.change is None:
            return "active", d.note
        if d.held is not None:
            return "pending", f"{d.held}: waiting for corroboration"
        held = oversized_round(d.change, *context, self.settings.rates)
        if held is not None and not official:
            return "pending", f"{held}: waiting for corroboration"
        if official or d.fact.confidence >= self.settings.alerts.min_confidence:
            return "active", d.note
        return "pending", f"confidence {d.fact.confidence:.2f}: waiting for corroboration"

    def _official(self, entity: Entity, url: str) -> bool:
        if not entity.official_domains:
            # Nothing to compare with: the public suffix list is not built for it (0.1 s of a
            # first cycle). The URL is still parsed, so one that cannot be fails as it did.
            _host(url)
            return False
        domain = registered_domain(url)
        return any(domain == d or domain.endswith("." + d) for d in entity.official_domains)

    def _pending_until(self) -> datetime:
        return self.now + timedelta(seconds=self.settings.alerts.corroboration_window)

    def entity_id(self, entity: Entity) -> int:
        if entity.name not in self.entity_ids:
            self.entity_ids[entity.name] = self.store.ensure_entity(entity)
        return self.entity_ids[entity.name]

    # -- after every article: events, corrections, pending --------------------

    def finish(self) -> LedgerReport:
        """Write this cycle's changes with their best supported figures, corrections and outbox rows."""
        self._promote_corroborated()
        found: list[tuple[str, int, Change]] = []
        for head_id in sorted(self._new):
            entity, change = self._new[head_id]
            figure = self._figure(head_id)
            if figure is not None:
                change = _with_figure(change, figure, self.settings)
            found.append((entity, head_id, change))
        for entity, head_id in sorted(self._touched):
            if head_id not in self._new and (fixed := self._correction(entity, head_id)) is not None:
                found.append((entity, head_id, fixed))
        for entity in dict.fromkeys(entity for entity, _, _ in found):
            self._emit(entity, [(head, change) for e, head, change in found if e == entity])
        if not self.one_company:
            expire_pending(self.store, self.now)
        return self.report

    def _figure(self, head_id: int) -> Mention | None:
        mentions = [_mention(sf) for sf in self.store.event_mentions(head_id)]
        if not mentions:
            return None
        return event_figure(
            mentions,
            base_currency=self.settings.base_currency,
            rates=self.settings.rates,
            min_change=self.settings.min_change,
        )

    def _correction(self, entity: str, head_id: int) -> Change | None:
        alerted = self.store.event_change(head_id)
        figure = self._figure(head_id)
        if alerted is None or figure is None:
            return None
        return correction(
            alerted,
            figure,
            base_currency=self.settings.base_currency,
            rates=self.settings.rates,
            min_change=self.settings.min_change,
            now=self.now,
        )

    def _emit(self, entity: str, found: Sequence[tuple[int, Change]]) -> None:
        """Write one entity's changes of this cycle, then one outbox row per channel per message:
        changes of one event go in one message, and one that moves nothing in none (``events``)."""
        entity_id = self.entity_ids.get(entity) or self.store.entity_id(entity)
        assert entity_id is not None
        previous = self.store.changes(entity, rejected=False)
        rounds = self.store.round_history(entity)
        named, implied = closed_rounds(rounds), closed_rounds(rounds, implied=True)
        new: list[Change] = []
        for head_id, change in found:
            if change.kind != "correction":
                # Talks of the next round often recap the last one: its name is not this event's.
                closed = implied if talks(change) else named
                change = replace(change, round=event_round(change.round, change.new_date, closed))
            change_id = self.store.add_change(entity_id, head_id, change, self.settings.base_currency)
            new.append(replace(change, id=change_id))
        placed = place(previous, new, group=self.settings.alerts.group, min_change=self.settings.min_change)
        for p in placed:
            self.store.place_change(p.change_id, p.thread, p.message)
        for lead in dict.fromkeys(p.message for p in placed if p.message is not None):
            for channel in self.settings.alerts.channels:
                self.store.enqueue(channel, now=self.now, change_id=lead)
                self.report.alerts_enqueued += 1
        self.report.changes.extend(self.store.changes(ids=[c.id for c in new if c.id is not None]))

    def _promote_corroborated(self) -> None:
        """Alert a pending fact once enough independent sites report its event."""
        alerts = self.settings.alerts
        for entity in sorted({entity for entity, _ in self._pending}):
            pending = self.store.pending_facts(entity)
            index = _PendingIndex(pending, self.settings)
            decided: set[int] = set()
            for sf in pending:
                if sf.id in decided or index.sites(sf.fact.kind) < alerts.corroborate:
                    continue
                candidates = [o for o in index.candidates(sf) if o.id not in decided]
                # Only as many sites as the candidates come from can corroborate: most often one.
                if not _from_sites(candidates, alerts.corroborate):
                    continue
                group = [o for o in candidates if _same(sf, o, self.settings)]
                domains = {registered_domain(o.document_url) for o in group}
                if len(domains) < alerts.corroborate:
                    continue
                decided.update(o.id for o in group)
                self.activate(entity, group, note=f"corroborated by {len(domains)} sites")

    def activate(self, entity: str, group: Sequence[StoredFact], *, note: str) -> None:
        """Make waiting facts of one event count, and decide the first of them as it would have been."""
        head, *rest = group
        self.store.set_fact_state(head.id, "active", note)
        for o in rest:
            self.store.set_fact_state(o.id, "active", f"re-reports fact #{head.id}")
            self.store.repoint_fact(o.id, head.id)
        known = [k for k in self.known_for(entity, [head.fact]) if k.id != head.id]
        [d] = diff_against_known(
            [head.fact],
            known,
            entity=entity,
            period=head.period,
            url=head.document_url,
            title=head.document_title,
            now=self.now,
            base_currency=self.settings.base_currency,
            rates=self.settings.rates,
            min_change=self.settings.min_change,
        )
        if d.change is not None:
            self._new[head.id] = (entity, replace(d.change, confidence=head.fact.confidence))


def _line(e: BaseException) -> str:
    return f"{type(e).__name__}: {e}"


def expire_pending(store: Store, now: datetime) -> None:
    """Drop the pending facts of every company whose wait for corroboration is over."""
    for sf in store.pending_facts():
        until = store.pending_until(sf.id)
        if until is not None and until <= now:
            store.set_fact_state(sf.id, "dropped", "not corroborated in time")


class _PendingIndex:
    """Pending facts by kind and amount, so that each is compared only with those that can be its event.

    Comparing every pending fact with every other is quadratic: a cycle that leaves thousands
    waiting (a first poll of a busy company) spent most of its time there. One event's mentions
    have the same kind and amounts within the tolerance, or the same round name (``diff``'s
    ``same_event``); the window here is twice that wide, for amounts compared through a stated
    equivalent rather than the rates. Candidates come back in the order of ``pending``.
    """

    def __init__(self, pending: Sequence[StoredFact], settings: Settings) -> None:
        self._settings = settings
        self._order = {sf.id: i for i, sf in enumerate(pending)}
        widest = max(ROUND_TOLERANCE, settings.min_change)
        self._factor = Decimal(2) / (1 - widest) if widest < 1 else None
        self._by_kind: dict[str, list[StoredFact]] = {}
        self._amounts: dict[str, list[tuple[Decimal, int]]] = {}  # (base amount, index) sorted
        self._named: dict[tuple[str, str], list[StoredFact]] = {}
        self._unpriced: dict[str, list[StoredFact]] = {}
        self._sites: dict[str, int] = {}
        for i, sf in enumerate(pending):
            kind = sf.fact.kind
            self._by_kind.setdefault(kind, []).append(sf)
            points = self._points(sf)
            if not points:
                self._unpriced.setdefault(kind, []).append(sf)
            for point in points:
                self._amounts.setdefault(kind, []).append((point, i))
            if sf.fact.round:
                self._named.setdefault((kind, sf.fact.round), []).append(sf)
        for amounts in self._amounts.values():
            amounts.sort()
        self._pending = list(pending)

    def _points(self, sf: StoredFact) -> list[Decimal]:
        """Where a fact sits on the amount line: its amount, and its stated equivalent, in base currency."""
        stated = [sf.fact.money] + ([sf.fact.equivalent] if sf.fact.equivalent is not None else [])
        out = []
        for money in stated:
            base = convert(money, self._settings.base_currency, self._settings.rates)
            if base is not None and base > 0:
                out.append(base)
        return out

    def sites(self, kind: str) -> int:
        """How many different sites the pending facts of this kind come from."""
        if kind not in self._sites:
            self._sites[kind] = len(
                {registered_domain(sf.document_url) for sf in self._by_kind.get(kind, [])}
            )
        return self._sites[kind]

    def candidates(self, sf: StoredFact) -> list[StoredFact]:
        kind = sf.fact.kind
        points = self._points(sf)
        if self._factor is None or len(points) <= (sf.fact.equivalent is not None):
            # An amount without a known rate can match anything of its kind.
            return self._by_kind.get(kind, [])
        amounts = self._amounts.get(kind, [])
        found: dict[int, StoredFact] = {}
        for point in points:
            lo = bisect_left(amounts, (point / self._factor, -1))
            hi = bisect_right(amounts, (point * self._factor, len(self._pending)))
            found.update((self._pending[i].id, self._pending[i]) for _, i in amounts[lo:hi])
        for o in self._unpriced.get(kind, []):
            found[o.id] = o
        if sf.fact.round:
            for o in self._named.get((kind, sf.fact.round), []):
                found[o.id] = o
        return sorted(found.values(), key=lambda o: self._order[o.id])


def _with_tied_sources(store: Store, heads: list[KnownFact], others: Sequence[KnownFact]) -> list[KnownFact]:
    """The heads, with their number of sources counted where a decision can need it.

    A decision ranks the matches of a new fact by when they happened, then by sources
    (``diff._best``), and the current state ranks the figures of one event by status, then by
    sources (``state.latest_of``): sources only matter between facts of one kind that happened
    at the same time, or within one event. Counting every head's re-reports on every decision
    grows with the coverage (hundreds of re-reports per head after a busy first cycle), so only
    those that tie are counted.
    """
    when = Counter((k.fact.kind, happened(k)) for k in (*heads, *others))
    tied = [k.id for k in heads if k.id is not None and when[(k.fact.kind, happened(k))] > 1]
    # And the figures of each kind's latest event: which of them stands goes by sources too.
    tied = sorted({*tied, *contested(heads)})
    if not tied:
        return heads
    counts = store.source_counts(tied)
    return [replace(k, sources=counts[k.id]) if k.id in counts else k for k in heads]


def _from_sites(facts: Sequence[StoredFact], needed: int) -> bool:
    """Whether ``facts`` come from at least ``needed`` different sites."""
    sites: set[str] = set()
    for sf in facts:
        sites.add(registered_domain(sf.document_url))
        if len(sites) >= needed:
            return True
    return False


def _same(a: StoredFact, b: StoredFact, settings: Settings) -> bool:
    if a.id == b.id:
        return True
    [d] = diff_against_known(
        [b.fact],
        [_known(a)],
        entity=a.entity,
        period=b.period,
        url=b.document_url,
        title="",
        now=a.created_at,
        base_currency=settings.base_currency,
        rates=settings.rates,
        min_change=settings.min_change,
    )
    return d.corroborates == a.id


def _known(sf: StoredFact) -> KnownFact:
    return KnownFact(sf.id, sf.fact, sf.period, sources=sf.sources, baseline=sf.baseline)


def _mention(sf: StoredFact) -> Mention:
    return Mention(sf.fact, sf.period, sf.document_url, sf.document_title)


def _with_figure(change: Change, figure: Mention, settings: Settings) -> Change:
    """The change as the event's best supported mention states it."""
    f = figure.fact
    if f.money == change.new and f.evidence == change.evidence:
        return change
    base = convert(f.money, settings.base_currency, settings.rates)
    return replace(
        change,
        new=f.money,
        new_base=None
        if base is None
        else replace(f.money, amount=base.quantize(Decimal(1)), currency=settings.base_currency),
        round=f.round or change.round,
        evidence=f.evidence,
        url=figure.url,
        title=figure.title,
        lead_investors=f.lead_investors or change.lead_investors,
        investors=f.investors or change.investors,
        confidence=max(change.confidence, f.confidence),
    )
