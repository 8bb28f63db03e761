"""Regenerate generated/ only when something it is made from has changed.

Writing only changed files keeps a rebuild's output small, but reading, checking and rendering
10,000 articles still takes seconds. So the last successful regeneration leaves a note,
`.build/generated.json`: a digest of the bytes of every input file (seeds/, briefings/,
templates/, pages/, mkdocs.yml), of the generator itself (its code, schemas and the versions
of the libraries whose output it depends on) and of the options that shape the pages (drafts,
the file size limit), and the size and modification time of every file it left in generated/.
When the inputs hash the same and generated/ holds exactly those files, untouched, there is
nothing to generate: nothing is read beyond the hashing.

`briefing build` writes generated/ only once MkDocs has built the site from the pages (see
publish.py), so it asks `prepare` for the pages and calls `remember` after publishing them;
`regenerate`, and the live preview's `Regeneration`, commit generated/ alone, all of its pages
or none (generator/engine/commit.py).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import platform
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

from generator.engine.articlecache import ArticleCache
from generator.engine.build import SiteName, content_epoch, generate
from generator.engine.publish import update_docs
from generator.engine.workspace import DOCS_DIR, WORK_DIR, attempt
from generator.engine.write import write_atomically
from generator.load.files import check_file, list_folder, walk_files
from generator.load.inputs import MAX_FILE_BYTES
from generator.load.reuse import Reuse
from generator.problems import BriefingError, Location, Problem

STATE_FILE = WORK_DIR / "generated.json"
INPUTS = ("seeds", "briefings", "templates", "pages", "overrides", "mkdocs.yml")
CHUNK = 1 << 20
"""Bytes of an input read at a time for its digest."""
GENERATOR = Path(__file__).resolve().parent.parent
# Libraries whose behaviour shapes the generated Markdown (extraction, parsing, templates).
LIBRARIES = (
    "briefing-site",
    "jinja2",
    "jsonschema-rs",
    "nltk",
    "pyahocorasick",
    "pyyaml",
    "trafilatura",
)


@dataclass(frozen=True, slots=True)
class Regenerated:
    """What a regeneration did; `skipped` when the inputs had not changed since the last one."""

    written: tuple[str, ...]
    deleted: tuple[str, ...]
    unchanged: int
    warnings: tuple[Problem, ...]
    epoch: str
    name: SiteName
    skipped: bool


@dataclass(frozen=True, slots=True)
class State:
    """The note a successful regeneration leaves for the next one."""

    inputs: str
    outputs: dict[str, list[int]]
    warnings: tuple[Problem, ...]
    epoch: str
    name: SiteName
    engine: str


@dataclass(frozen=True, slots=True)
class Prepared:
    """What the next build publishes: new pages, or None when generated/ is current."""

    pages: dict[str, str | bytes] | None
    warnings: tuple[Problem, ...]
    epoch: str
    name: SiteName
    inputs: str
    engine: str
    """The site engine that builds the pages (briefing.yaml's `engine`)."""


def prepare(
    root: Path, drafts: bool = True, strict: bool = False, max_file_bytes: int = MAX_FILE_BYTES
) -> Prepared:
    """Generate the pages unless generated/ already holds them, taking again the articles an
    earlier build read (engine/articlecache.py); raise BriefingError on problems (under
    `strict`, on warnings too, those of the last run included)."""
    options = f"drafts={drafts} max_file_bytes={max_file_bytes}"
    digest = inputs_digest(root, options, max_file_bytes)
    state = read_state(root)
    if state is not None and state.inputs == digest and outputs_of(root) == state.outputs:
        if strict and state.warnings:
            raise BriefingError(state.warnings, strict)
        return Prepared(None, state.warnings, state.epoch, state.name, digest, state.engine)
    kept = ArticleCache(root, generator_fingerprint())
    generated = generate(root, drafts, strict, max_file_bytes, lasting=kept)
    kept.save()
    briefing = generated.briefing
    name, epoch = SiteName(briefing.title, briefing.description), content_epoch(briefing)
    return Prepared(generated.pages, generated.warnings, epoch, name, digest, briefing.engine)


def remember(root: Path, prepared: Prepared) -> None:
    """Note that generated/ now holds the prepared pages, for the next `prepare`."""
    outputs = outputs_of(root)
    state = State(
        prepared.inputs, outputs, prepared.warnings, prepared.epoch, prepared.name, prepared.engine
    )
    save_state(root, state)


def regenerate(root: Path, max_file_bytes: int = MAX_FILE_BYTES) -> Regenerated:
    """Make generated/ match the inputs in place, doing nothing if it already does; raise
    BriefingError (and write nothing) when the inputs have problems."""
    prepared = prepare(root, max_file_bytes=max_file_bytes)
    if prepared.pages is None:
        unchanged = len(outputs_of(root))
        return Regenerated(
            (), (), unchanged, prepared.warnings, prepared.epoch, prepared.name, True
        )
    report = update_docs(root, prepared.pages)
    remember(root, prepared)
    return Regenerated(
        report.written,
        report.deleted,
        report.unchanged,
        prepared.warnings,
        prepared.epoch,
        prepared.name,
        False,
    )


class Regeneration:
    """The live preview's regenerations, one after another in one process: each takes again
    what the previous one computed from unchanged inputs (generator/load/reuse.py), so only
    the files edited are read and only the pages whose inputs changed are rendered, and
    compares with generated/ only the pages it rendered (any other is the text it wrote
    before); they are committed all or none, as a build commits (generator/engine/commit.py)."""

    def __init__(self, root: Path, max_file_bytes: int = MAX_FILE_BYTES) -> None:
        self.root, self.max_file_bytes = root, max_file_bytes
        self.reuse = Reuse()
        self.written: dict[str, str | bytes] = {}
        self.name = SiteName("", "")
        """What the last good regeneration found the site is called."""

    def run(self) -> Regenerated:
        """Bring generated/ up to date; raise BriefingError (writing nothing) on problems,
        Fault (generated/ as it was) when the system refuses a step. The caller holds the
        project (publish.exclusive)."""
        try:
            generated = generate(self.root, max_file_bytes=self.max_file_bytes, reuse=self.reuse)
        except BriefingError:
            self.reuse.finish(complete=False)
            raise
        self.reuse.finish(complete=True)
        pages = generated.pages
        current = {name for name, content in pages.items() if self.written.get(name) is content}
        report = update_docs(self.root, pages, current)
        self.written = pages
        briefing = generated.briefing
        name = self.name = SiteName(briefing.title, briefing.description)
        unchanged = len(generated.pages) - len(report.written)
        return Regenerated(
            report.written,
            report.deleted,
            unchanged,
            generated.warnings,
            content_epoch(briefing),
            name,
            False,
        )


def read_docs(root: Path) -> dict[str, str | bytes]:
    """The files generated/ holds, keyed by path, as bytes (which the commit writes as they
    are: hand-written images and fonts are among them); raise Fault."""
    folder = root / DOCS_DIR
    with attempt(root, f"cannot read {DOCS_DIR}/ to build it again"):
        return {name: (folder / name).read_bytes() for name in walk_files(folder)}


def inputs_digest(root: Path, options: str, max_bytes: int = MAX_FILE_BYTES) -> str:
    """A digest of every input file's path and bytes, of the generator and of the options.

    Each file is checked before it is read as the loader checks it (generator.load.files):
    one the loader would refuse adds its refusal instead of its bytes (which the loader then
    reports), and the bytes of the others are read in pieces, never all at once.
    """
    digest = hashlib.sha256(f"{generator_fingerprint()} {options}".encode())
    plain: set[str] = set()  # folders seen to be no link
    for name in INPUTS:
        path = root / name
        listing = list_folder(path)
        for folder, why in listing.unlisted:
            digest.update(f"{name}/{folder}\0unlisted\0{why}\0".encode())
        names = [name] if not path.is_dir() and os.path.lexists(path) else []
        for shown in names + [f"{name}/{inside}" for inside in listing.files]:
            add_file(digest, root, shown, max_bytes, plain)
    return digest.hexdigest()


def add_file(digest: Any, root: Path, shown: str, max_bytes: int, plain: set[str]) -> None:
    """Add the path and bytes of one input to `digest`, or why it cannot be read."""
    path = root / shown
    refused = check_file(root, path, max_bytes, plain)
    try:
        if refused is None:
            size = 0
            digest.update(f"{shown}\0".encode())
            with open(path, "rb") as file:
                while chunk := file.read(CHUNK):
                    digest.update(chunk)
                    size += len(chunk)
            digest.update(f"\0{size}\0".encode())  # where the file ends
            return
    except OSError as error:
        digest.update(f"{shown}\0unread\0{error.strerror}\0".encode())
        return
    digest.update(f"{shown}\0refused\0{refused.message}\0".encode())


def generator_fingerprint() -> str:
    """The generator's code, schemas and defaults (templates, pages, theme, base settings),
    the Python and library versions it runs with."""
    digest = hashlib.sha256(platform.python_version().encode())
    for name in tool_files():
        digest.update(name.encode() + (GENERATOR / name).read_bytes())
    for name in LIBRARIES:
        digest.update(f"{name}={library_version(name)}".encode())
    return digest.hexdigest()


def tool_files() -> list[str]:
    """The files of the package that shape its output, by path, sorted; the folders a link
    names are walked too (the default templates are the repository's templates/, linked)."""
    found = []
    for folder, folders, files in os.walk(GENERATOR, followlinks=True):
        folders[:] = [name for name in folders if name != "__pycache__"]
        inside = os.path.relpath(folder, GENERATOR).replace(os.sep, "/")
        found += [f"{inside}/{name}" for name in files if not name.endswith((".pyc", ".pyo"))]
    return sorted(found)


def library_version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "absent"


def outputs_of(root: Path) -> dict[str, list[int]]:
    """Every file of generated/ with its size and modification time (nanoseconds)."""
    top = root / DOCS_DIR
    found = {}
    for name in walk_files(top):
        try:
            status = os.stat(top / name)
        except FileNotFoundError:  # removed meanwhile
            continue
        found[name] = [status.st_size, status.st_mtime_ns]
    return found


def read_state(root: Path) -> State | None:
    """The note of the last regeneration, or None if there is none or it cannot be read."""
    try:
        data = json.loads((root / STATE_FILE).read_text(encoding="utf-8"))
        warnings = tuple(
            Problem(Location(*w["location"]), w["message"], w["hint"], "warning")
            for w in data["warnings"]
        )
        name = SiteName(data["title"], data["description"])
        engine = data["engine"]
        return State(data["inputs"], data["outputs"], warnings, data["epoch"], name, engine)
    except (OSError, ValueError, KeyError, TypeError):
        return None


def save_state(root: Path, state: State) -> None:
    """Leave the note for the next regeneration (written whole, then renamed into place).

    The note only saves time: when it cannot be written, the one there is removed (it no
    longer describes generated/) and the next run regenerates.
    """
    warnings = [
        {
            "location": [w.location.path, w.location.line, w.location.column],
            "message": w.message,
            "hint": w.hint,
        }
        for w in state.warnings
    ]
    data = {
        "inputs": state.inputs,
        "outputs": state.outputs,
        "warnings": warnings,
        "epoch": state.epoch,
        "title": state.name.title,
        "description": state.name.description,
        "engine": state.engine,
    }
    path = root / STATE_FILE
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, (json.dumps(data, sort_keys=True) + "\n").encode("utf-8"))
    except OSError:
        with contextlib.suppress(OSError):
            path.unlink(missing_ok=True)
