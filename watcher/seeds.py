"""Read an entity's seed folder: plain-text documents plus an optional manifest.

``manifest.toml`` gives each document's publication period; a document without an
entry still loads, with an unknown date.
"""

from __future__ import annotations

import hashlib
import tomllib
from dataclasses import dataclass
from pathlib import Path

from watcher.errors import ConfigError

MANIFEST = "manifest.toml"
# What a seed document may be; anything else in the folder (notes, drafts, images) is not read.
SEED_SUFFIXES = (".txt", ".md", ".html")


@dataclass(frozen=True)
class SeedDocument:
    name: str
    url: str  # a stable identity in the store: seed://<folder>/<name>
    title: str
    text: str
    published: str | None
    text_hash: str


def text_hash(text: str) -> str:
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


def _manifest(folder: Path) -> dict[str, dict[str, str]]:
    path = folder / MANIFEST
    if not path.exists():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as e:
        raise ConfigError(f"{path}: cannot read the seed manifest: {e}") from e
    docs = data.get("documents", {})
    if not isinstance(docs, dict):
        raise ConfigError(f"{path}: [documents] must be a table of per-file tables")
    out: dict[str, dict[str, str]] = {}
    for name, entry in docs.items():
        if not isinstance(entry, dict):
            raise ConfigError(f'{path}: documents."{name}" must be a table with published = "YYYY-MM"')
        published = entry.get("published")
        if published is not None and not isinstance(published, str):
            raise ConfigError(f'{path}: documents."{name}".published must be a string such as "2024-06"')
        out[name] = {k: str(v) for k, v in entry.items()}
    return out


def load_seed_folder(folder: Path) -> list[SeedDocument]:
    """Every text document of ``folder``, oldest first (unknown dates last), then by name."""
    if not folder.is_dir():
        raise ConfigError(f"{folder}: seed folder not found; fix 'seeds' in the config")
    manifest = _manifest(folder)
    docs = []
    for path in sorted(folder.iterdir()):
        if not path.is_file() or path.suffix.lower() not in SEED_SUFFIXES:
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as e:
            raise ConfigError(f"{path}: cannot read the seed document as UTF-8 text: {e}") from e
        if path.suffix.lower() == ".html":
            text = _html_text(path, text)
        entry = manifest.get(path.name, {})
        first_line = next((line.strip() for line in text.splitlines() if line.strip()), path.name)
        docs.append(
            SeedDocument(
                name=path.name,
                url=f"seed://{folder.name}/{path.name}",
                title=entry.get("title", first_line[:200]),
                text=text,
                published=entry.get("published"),
                text_hash=text_hash(text),
            )
        )
    docs.sort(key=lambda d: (d.published is None, d.published or "", d.name))
    return docs


def ignored_seed_files(folder: Path) -> list[Path]:
    """Files of ``folder`` that are not read as seed documents (not the manifest, not hidden)."""
    if not folder.is_dir():
        return []
    return [
        p
        for p in sorted(folder.iterdir())
        if p.is_file()
        and p.name != MANIFEST
        and not p.name.startswith(".")
        and p.suffix.lower() not in SEED_SUFFIXES
    ]


def _html_text(path: Path, page: str) -> str:
    # A saved article page: its main text, as the feed pipeline would read it.
    import trafilatura

    text = trafilatura.extract(page, include_comments=False, include_tables=False, favor_precision=True)
    if not text:
        raise ConfigError(f"{path}: no article text found in this HTML page; save it as .txt instead")
    return str(text)
