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
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
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


def index_site(site_dir: Path) -> subprocess.CompletedProcess[str]:
    """Write the Pagefind index (in parts) and its search UI into `site_dir`; the result of
    the first Pagefind run that failed, or of the last one."""
    pages = sorted(
        path.relative_to(site_dir).as_posix()
        for path in site_dir.rglob("index.html")
        if not path.relative_to(site_dir).as_posix().startswith("pagefind")
    )
    parts = [pages[at : at + PAGES_PER_PART] for at in range(0, len(pages), PAGES_PER_PART)]
    result = subprocess.CompletedProcess[str]([], 0, "", "")
    for number, part in enumerate(parts or [[]], start=1):
        result = index_part(site_dir, part, part_folder(number))
        if result.returncode != 0:
            return result
    names = [f"../{part_folder(number)}/" for number in range(2, len(parts) + 1)]
    listing = json.dumps({"parts": names}) + "\n"
    (site_dir / part_folder(1) / PARTS_FILE).write_text(listing, encoding="utf-8")
    return result


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
