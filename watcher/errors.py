"""The one error tree of watcher.

Outside errors (httpx, sqlite3, smtplib, tomllib) are converted at the module boundary
with ``raise ... from e`` so callers only ever catch ``WatcherError``.
"""


class WatcherError(Exception):
    """Base of every error watcher raises on purpose."""


class ConfigError(WatcherError):
    """The configuration (file or command line) is unusable; the CLI exits 2."""


class StoreError(WatcherError):
    """The SQLite store could not be opened, migrated, read or written."""


class SchemaError(StoreError):
    """The database is not one this watcher may use as it is: upgraded by a newer watcher,
    too old for a read command (which never upgrades), or an empty file."""


class FetchError(WatcherError):
    """A feed or page could not be fetched or parsed."""


class InternalAddressError(FetchError):
    """A fetch was refused: its host is (or resolves to) an internal address.

    The message is the reason alone; ``http_get`` prefixes the URL it was fetching.
    """


class DeliveryError(WatcherError):
    """An alert channel refused or failed to take a message.

    ``permanent`` says retrying cannot help (a Slack 400, a bad recipient);
    ``retry_after`` is the server's requested delay in seconds, if it sent one.
    """

    def __init__(self, message: str, *, permanent: bool = False, retry_after: float | None = None):
        super().__init__(message)
        self.permanent = permanent
        self.retry_after = retry_after


class LockedError(WatcherError):
    """Another watcher daemon already holds the database lock; ``holder`` is its pid as it wrote it."""

    def __init__(self, message: str, *, holder: str = "unknown"):
        super().__init__(message)
        self.holder = holder


class ExtractionError(WatcherError):
    """Reading an article's text or facts in an extraction worker raised (a bug or hostile input)."""


class ExtractionAborted(ExtractionError):
    """An article's reading was stopped: it ran past the per-article time cap, or its worker died."""


class DecisionFailed(WatcherError):
    """Deciding one company's facts of one article raised (a bug, bad input); its message names
    the company and the error. The article is recorded as failed and read again on a later
    cycle, which decides only the companies whose decision of it is not done."""


class JobFailed(WatcherError):
    """A job on a worker (watcher.jobs) gave up, or ended without leaving its result; its message
    is the error line, saying where to look."""


class DecideJobFailed(JobFailed):
    """A company's decide job on a worker (watcher.jobs) raised; its message is the worker's error
    line. Nothing of that company was written; the cycle fails and is run again, as in one process."""


class ArticleJobFailed(JobFailed):
    """A worker could not read the article; its message is the worker's error line. The article
    is recorded as failed and read again on a later cycle, as in one process."""
