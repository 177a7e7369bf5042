"""Remember each file's checklist results by its content fingerprint, so that a check after
editing one story re-reads only that story. Kept in .beenthere-cache/ (never committed, never
published); anything unexpected there is ignored and rebuilt."""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

from generator import __version__
from generator.findings import Finding
from generator.model import Identity

CACHE_DIR = ".beenthere-cache"
FORMAT = 2


@lru_cache(maxsize=1)
def ruleset_version() -> str:
    """Changes whenever any of the generator's code or data changes."""
    package = Path(__file__).resolve().parent
    digest = hashlib.sha256(f"{FORMAT}:{__version__}:{sys.version_info[:2]}".encode())
    for path in sorted(package.rglob("*")):
        if path.suffix in {".py", ".txt"} and path.is_file():
            digest.update(path.relative_to(package).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def run_key(config_file: Path, today: date, sensitive_terms: tuple[str, ...]) -> str:
    """Everything besides a file itself that its results depend on."""
    digest = hashlib.sha256(ruleset_version().encode())
    digest.update(config_file.read_bytes())
    digest.update(today.isoformat().encode())
    digest.update("\0".join(sensitive_terms).encode())
    return digest.hexdigest()


def file_digest(path: Path, images: list[Path] = ()) -> str:
    """The file's bytes, and the size and time of each image beside it."""
    digest = hashlib.sha1(path.read_bytes())  # noqa: S324 (a change detector, not security)
    for image in images:
        stat = image.stat()
        digest.update(f"{image.name}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()


@dataclass
class Entry:
    digest: str
    identity: Identity | None
    """Enough of the document for the cross-file rules."""
    load_findings: list[Finding]
    check_findings: list[Finding] | None = None
    """Its per-document findings, waivers applied (severity overrides are applied later)."""


@dataclass
class CheckCache:
    path: Path
    key: str
    entries: dict[str, Entry] = field(default_factory=dict)
    used: set[str] = field(default_factory=set)
    changed: bool = False

    @classmethod
    def open(cls, root: Path, key: str) -> CheckCache:
        path = root / CACHE_DIR / "check.pickle"
        cache = cls(path, key)
        try:
            with path.open("rb") as stream:
                stored_key, entries = pickle.load(stream)  # noqa: S301 (our own local file)
        except (
            OSError,
            EOFError,
            pickle.UnpicklingError,
            ValueError,
            TypeError,
            AttributeError,
            ImportError,
        ):
            return cache
        if stored_key == key and isinstance(entries, dict):
            cache.entries = entries
        return cache

    def get(self, rel: str, digest: str) -> Entry | None:
        entry = self.entries.get(rel)
        if entry is not None and entry.digest == digest:
            self.used.add(rel)
            return entry
        return None

    def put(self, rel: str, entry: Entry) -> None:
        self.entries[rel] = entry
        self.used.add(rel)
        self.changed = True

    def save(self) -> None:
        """Keep the entries of files seen in this run; write atomically, fail silently."""
        if not self.changed and self.used == set(self.entries):
            return  # nothing new: keep the file as it is
        kept = {rel: self.entries[rel] for rel in self.used if rel in self.entries}
        try:
            self.path.parent.mkdir(exist_ok=True)
            (self.path.parent / ".gitignore").write_text("*\n")
            handle, temp = tempfile.mkstemp(dir=self.path.parent, prefix=".check-")
            with os.fdopen(handle, "wb") as stream:
                pickle.dump((self.key, kept), stream, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temp, self.path)
        except OSError:
            pass  # a cache that cannot be written only costs time
