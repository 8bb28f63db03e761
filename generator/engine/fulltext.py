"""The full-text index of the built site: Pagefind, run over site/ after the MkDocs build.

Material's own search keeps one JSON index that every reader downloads whole; with the text of
10,000 articles it would weigh tens of megabytes. Pagefind splits its index into pieces
fetched as a reader types, so the article texts are searched by Pagefind (the full-text search
page) and Material's search covers the briefing pages only (see the README).

Pagefind's indexer holds everything it indexes in memory, about 270 kB per page of 650 words:
2.5 GB for 10,000 articles. So the pages are indexed in parts of at most PAGES_PER_PART, each
by its own Pagefind run over a staging folder of hard links to that part's pages, and the
search page merges the parts (Pagefind's `mergeIndex`). The first part is `site/pagefind/`,
the others `site/pagefind-2/`, `site/pagefind-3/`…, listed in `site/pagefind/parts.json`.
Each further part adds to a reader's first search the index pieces of that part for each word
searched (at 10,000 articles, about 20 kB a word and part).

Which part a page is in depends only on the set of pages, never on earlier builds, so that an
incremental build gives the bytes of a build from scratch, and is chosen so that one edit
touches few parts: pages are grouped by the folder their folder is in (`articles/` for
`articles/<id>/index.html`); the groups smaller than a part all go into the first part, and
a larger group is spread over as many parts as it needs by a hash of each page's path. A new
article then changes the first part (the lists and pages that mention it) and the one part its
page is hashed into. `parts.json` also says what each part was made from (a digest of
Pagefind's version and options and of the part's pages, paths and bytes), so a part whose pages
are those of the previous build's part is not indexed again: its folder is hard-linked from the
previous site.
"""

from __future__ import annotations

import hashlib
import json
import os
import posixpath
import shutil
import subprocess
import sys
import tempfile
from importlib import metadata
from pathlib import Path

PAGES_PER_PART = 2500
"""At about 270 kB of indexer memory per page, a part stays under 700 MB."""
PARTS_FILE = "parts.json"
# Pages are read from Material's content area only, so that the navigation, header and footer
# repeated on every page do not make every page match; the '¶' permalinks are left out.
PAGEFIND_OPTIONS = (
    "--root-selector",
    "article.md-content__inner",
    "--exclude-selectors",
    ".headerlink",
)


def index_site(site_dir: Path, previous: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Write the Pagefind index (in parts) and its search UI into `site_dir`; the result of
    the first Pagefind run that failed, or of the last one. With `previous` (the last built
    site), its parts made from the same pages are taken from it."""
    pages = sorted(
        path.relative_to(site_dir).as_posix()
        for path in site_dir.rglob("index.html")
        if not path.relative_to(site_dir).as_posix().startswith("pagefind")
    )
    parts = split_parts(pages)
    known = previous_sources(previous)
    digests: dict[str, str] = {}
    result = subprocess.CompletedProcess[str]([], 0, "", "")
    for number, part in enumerate(parts or [[]], start=1):
        folder = part_folder(number)
        digests[folder] = part_digest(site_dir, part)
        reusable = previous is not None and known.get(folder) == digests[folder]
        if reusable and link_tree(previous / folder, site_dir / folder):  # type: ignore[operator]
            continue
        result = index_part(site_dir, part, folder)
        if result.returncode != 0:
            return result
    names = [f"../{part_folder(number)}/" for number in range(2, len(parts) + 1)]
    listing = json.dumps({"parts": names, "sources": digests}, sort_keys=True) + "\n"
    listed = site_dir / part_folder(1) / PARTS_FILE
    temporary = listed.with_name(f".{PARTS_FILE}.tmp")
    temporary.write_text(listing, encoding="utf-8")
    os.replace(temporary, listed)  # never written through a link into the previous site
    return result


def split_parts(pages: list[str]) -> list[list[str]]:
    """The parts of the index, from the sorted paths of the pages alone (module docstring):
    small groups fill parts in the order of their names, a large one is hashed into its own."""
    groups: dict[str, list[str]] = {}
    for page in pages:
        groups.setdefault(posixpath.dirname(posixpath.dirname(page)), []).append(page)
    parts: list[list[str]] = []
    filling: list[str] = []
    for name in sorted(groups):
        group = groups[name]
        if len(group) > PAGES_PER_PART:
            continue
        if len(filling) + len(group) > PAGES_PER_PART:
            parts.append(filling)
            filling = []
        filling += group
    parts += [filling] if filling else []
    for name in sorted(groups):
        if len(groups[name]) > PAGES_PER_PART:
            parts += hashed(groups[name], -(-len(groups[name]) // PAGES_PER_PART))
    return [sorted(part) for part in parts]


def hashed(pages: list[str], count: int) -> list[list[str]]:
    """`pages` spread over `count` parts by a hash of each path: a page keeps its part as
    others come and go, as long as the count stays."""
    spread: list[list[str]] = [[] for _ in range(count)]
    for page in pages:
        spread[int(hashlib.sha256(page.encode()).hexdigest(), 16) % count].append(page)
    return [part for part in spread if part]


def part_digest(site_dir: Path, pages: list[str]) -> str:
    """What a part's index is made from: Pagefind's version and options, its pages' bytes."""
    digest = hashlib.sha256(f"{pagefind_version()} {PAGEFIND_OPTIONS}".encode())
    for page in pages:
        with open(site_dir / page, "rb") as file:
            digest.update(f"{page}\0".encode() + hashlib.file_digest(file, "sha256").digest())
    return digest.hexdigest()


def pagefind_version() -> str:
    try:
        return metadata.version("pagefind-bin")
    except metadata.PackageNotFoundError:
        return "absent"


def previous_sources(previous: Path | None) -> dict[str, str]:
    """What each part of the previous site's index was made from, as its parts.json says."""
    if previous is None:
        return {}
    try:
        data = json.loads((previous / part_folder(1) / PARTS_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    sources = data.get("sources") if isinstance(data, dict) else None
    return sources if isinstance(sources, dict) else {}


def link_tree(source: Path, target: Path) -> bool:
    """Make `target` a copy of folder `source` made of hard links (copies where links cannot
    be made); False, with nothing left at `target`, if `source` cannot be read."""
    if not source.is_dir():
        return False
    try:
        for folder, _, names in os.walk(source):
            made = target / Path(folder).relative_to(source)
            made.mkdir(parents=True, exist_ok=True)
            for name in names:
                stage(Path(folder) / name, made / name)
    except OSError:
        shutil.rmtree(target, ignore_errors=True)
        return False
    return True


def part_folder(number: int) -> str:
    return "pagefind" if number == 1 else f"pagefind-{number}"


def index_part(site_dir: Path, pages: list[str], folder: str) -> subprocess.CompletedProcess[str]:
    """One Pagefind run over `pages`, seen at their own paths, writing `site_dir`/`folder`."""
    with tempfile.TemporaryDirectory(prefix=".pagefind-", dir=site_dir.parent) as staging:
        for page in pages:
            stage(site_dir / page, Path(staging) / page)
        command = [sys.executable, "-m", "pagefind_bin", "--site", staging, "--quiet"]
        command += ["--output-path", str((site_dir / folder).resolve()), *PAGEFIND_OPTIONS]
        return subprocess.run(command, capture_output=True, text=True, check=False)


def stage(source: Path, target: Path) -> None:
    """Put `source` at `target`: a hard link, or a copy where links cannot be made."""
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)
