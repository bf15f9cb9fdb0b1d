"""What every part of the store stands on: one connection, its transactions, and the three
ways a statement is run (rows read, rows changed, a row inserted), with the database's own
errors turned into ``StoreError`` lines here, at the boundary."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any, Protocol

from watcher.errors import StoreError
from watcher.store.dialect import Dialect
from watcher.store.records import Row

Params = Sequence[Any]


class Connection(Protocol):
    """One backend's connection, as the store uses it (``sqlite.SqliteConnection``,
    ``postgres.PostgresConnection``)."""

    dialect: Dialect
    errors: tuple[type[BaseException], ...]

    def rows(self, sql: str, params: Params) -> list[Row]: ...

    def execute(self, sql: str, params: Params) -> int:
        """Run a statement; the number of rows it changed."""
        ...

    def insert(self, sql: str, params: Params) -> int:
        """Run an INSERT into a table with an ``id``; the new row's id (0 if none was inserted)."""
        ...

    @property
    def in_transaction(self) -> bool: ...

    def close(self) -> None: ...

    def error_line(self, what: str, e: BaseException) -> str:
        """One line naming the database, what failed and why."""
        ...


class StoreBase:
    """The connection and its units of work; each aggregate module adds its tables' methods."""

    path: Path
    db: Connection

    @property
    def where(self) -> str:
        """The database as messages name it: its file, or its URL without the password."""
        url = getattr(self.db, "url", None)
        return url if isinstance(url, str) else str(self.path)

    @property
    def dialect(self) -> Dialect:
        return self.db.dialect

    def close(self) -> None:
        self.db.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One atomic unit of work: everything inside commits together or not at all."""
        db = self.db
        try:
            db.execute(db.dialect.begin, ())
        except db.errors as e:
            raise StoreError(db.error_line("cannot start a transaction", e)) from e
        try:
            yield
        except BaseException:
            if db.in_transaction:
                with suppress(*db.errors):
                    db.execute("ROLLBACK", ())
            raise
        else:
            try:
                db.execute("COMMIT", ())
            except db.errors as e:
                # A failed COMMIT (a full disk) can leave the transaction open; without this
                # rollback every later BEGIN on this connection would fail too.
                if db.in_transaction:
                    with suppress(*db.errors):
                        db.execute("ROLLBACK", ())
                raise StoreError(db.error_line("commit failed", e)) from e

    @contextmanager
    def savepoint(self) -> Iterator[None]:
        """A unit inside a transaction that can fail alone: rolled back on error, kept otherwise."""
        self._exec("SAVEPOINT unit")
        try:
            yield
        except BaseException:
            self._exec("ROLLBACK TO SAVEPOINT unit")
            self._exec("RELEASE SAVEPOINT unit")
            raise
        else:
            self._exec("RELEASE SAVEPOINT unit")

    def _rows(self, sql: str, params: Params = ()) -> list[Row]:
        try:
            return self.db.rows(sql, params)
        except self.db.errors as e:
            raise StoreError(self.db.error_line("query failed", e)) from e

    def _exec(self, sql: str, params: Params = ()) -> int:
        """Run a write; the number of rows it changed."""
        try:
            return self.db.execute(sql, params)
        except self.db.errors as e:
            raise StoreError(self.db.error_line("write failed", e)) from e

    def _insert(self, sql: str, params: Params = ()) -> int:
        """Insert a row into a table with an ``id``; its id (0 if a conflict left it out)."""
        try:
            return self.db.insert(sql, params)
        except self.db.errors as e:
            raise StoreError(self.db.error_line("write failed", e)) from e
