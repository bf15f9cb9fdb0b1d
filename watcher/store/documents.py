"""Entities (the tracked companies), documents (the articles and seeds facts come from), and
which company's decision of which document is done (``document_decisions``)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime

from watcher.models import Entity
from watcher.store.base import StoreBase
from watcher.store.records import DocumentText, NewDocument, iso


class DocumentsMixin(StoreBase):
    """Entities and documents."""

    def ensure_entity(self, entity: Entity) -> int:
        self._exec(
            "INSERT INTO entities (name, aliases) VALUES (?, ?)"
            " ON CONFLICT(name) DO UPDATE SET aliases = excluded.aliases",
            (entity.name, json.dumps(list(entity.aliases))),
        )
        return int(self._rows("SELECT id FROM entities WHERE name = ?", (entity.name,))[0]["id"])

    def entity_id(self, name: str) -> int | None:
        rows = self._rows("SELECT id FROM entities WHERE name = ?", (name,))
        return int(rows[0]["id"]) if rows else None

    def entity_ids(self) -> dict[str, int]:
        """Every company's id, by name (one read where a command needs them all)."""
        return {str(r["name"]): int(r["id"]) for r in self._rows("SELECT id, name FROM entities")}

    def entity_names(self) -> list[str]:
        return [r["name"] for r in self._rows("SELECT name FROM entities ORDER BY name")]

    def document_id(self, url: str) -> int | None:
        rows = self._rows("SELECT id FROM documents WHERE url = ?", (url,))
        return int(rows[0]["id"]) if rows else None

    def document_hash(self, url: str) -> str | None:
        rows = self._rows("SELECT text_hash FROM documents WHERE url = ?", (url,))
        return str(rows[0]["text_hash"]) if rows else None

    def document_text_source(self, url: str) -> str | None:
        """Where a stored article's text came from: page, summary, capped (page over the time cap), file."""
        rows = self._rows("SELECT text_source FROM documents WHERE url = ?", (url,))
        return str(rows[0]["text_source"]) if rows else None

    def add_document(self, doc: NewDocument, now: datetime) -> int:
        return self._insert_document(doc, now)

    def _insert_document(self, doc: NewDocument, now: datetime, on_conflict: str = "") -> int:
        return self._insert(
            "INSERT INTO documents (url, title, published, fetched, text_hash, language, source,"
            f" text_source, feed_url, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?){on_conflict}",
            (
                doc.url,
                doc.title,
                doc.published,
                iso(now),
                doc.text_hash,
                doc.language,
                doc.source,
                doc.text_source,
                doc.feed_url,
                doc.text,
            ),
        )

    def document_text(self, url: str) -> DocumentText | None:
        """The text a stored article was read from, as kept; None if no document has ``url``."""
        rows = self._rows("SELECT url, title, text, text_hash FROM documents WHERE url = ?", (url,))
        if not rows:
            return None
        r = rows[0]
        text = r["text"]
        return DocumentText(
            str(r["url"]), str(r["title"]), None if text is None else str(text), str(r["text_hash"])
        )

    def ensure_document(self, doc: NewDocument, now: datetime) -> int:
        """The document of ``doc.url``, stored unless it is: two companies' decide jobs may store
        the same article at once (the second waits for the first's commit, then finds it)."""
        new_id = self._insert_document(doc, now, " ON CONFLICT (url) DO NOTHING")
        if new_id:
            return new_id
        found = self.document_id(doc.url)
        assert found is not None
        return found

    # -- which company's decision of which document is done --------------------

    def document_done(self, url: str) -> bool:
        """Whether the article at ``url`` is stored with every company's decision of it done: a
        cycle reads it again otherwise (a decision that failed), to decide the companies left."""
        rows = self._rows(
            "SELECT NOT EXISTS (SELECT 1 FROM document_decisions p WHERE p.document_id = d.id"
            " AND p.decided_at IS NULL) AS done FROM documents d WHERE d.url = ?",
            (url,),
        )
        return bool(rows) and bool(rows[0]["done"])

    def decided_entities(self, document_id: int) -> set[int]:
        """The companies (ids) whose facts of this document are decided already."""
        rows = self._rows(
            "SELECT entity_id FROM document_decisions WHERE document_id = ? AND decided_at IS NOT NULL",
            (document_id,),
        )
        return {int(r["entity_id"]) for r in rows}

    def expect_decisions(self, document_id: int, entity_ids: Iterable[int]) -> None:
        """These companies' facts of the document are to be decided (elsewhere, or later): until
        they are, the document is not done. A company's row already there is left as it is."""
        for entity_id in entity_ids:
            self._exec(
                "INSERT INTO document_decisions (document_id, entity_id) VALUES (?, ?)"
                " ON CONFLICT DO NOTHING",
                (document_id, entity_id),
            )

    def set_decided(self, document_id: int, entity_id: int, now: datetime) -> None:
        """This company's facts of the document are decided: written with them, never again."""
        self._exec(
            "INSERT INTO document_decisions (document_id, entity_id, decided_at) VALUES (?, ?, ?)"
            " ON CONFLICT (document_id, entity_id) DO UPDATE SET decided_at = excluded.decided_at",
            (document_id, entity_id, iso(now)),
        )

    def update_document(self, document_id: int, doc: NewDocument, now: datetime) -> None:
        self._exec(
            "UPDATE documents SET title = ?, published = ?, fetched = ?, text_hash = ?, language = ?,"
            " text = ? WHERE id = ?",
            (doc.title, doc.published, iso(now), doc.text_hash, doc.language, doc.text, document_id),
        )
