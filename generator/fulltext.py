"""The full-text index of the built site: Pagefind, run over site/ after the MkDocs build.

Material's own search keeps one JSON index that every reader downloads whole; with the text of
10,000 articles it would weigh tens of megabytes. Pagefind splits its index into fragments
fetched as a reader types, so the article texts are searched by Pagefind (the full-text search
page) and Material's search covers the briefing pages only (see the README).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

# Pages are read from Material's content area only, so that the navigation, header and footer
# repeated on every page do not make every page match; the '¶' permalinks are left out.
PAGEFIND_OPTIONS = (
    "--glob",
    "**/index.html",
    "--root-selector",
    "article.md-content__inner",
    "--exclude-selectors",
    ".headerlink",
)


def index_site(site_dir: Path) -> subprocess.CompletedProcess[str]:
    """Write the Pagefind index and its search UI into `site_dir`/pagefind/."""
    command = [sys.executable, "-m", "pagefind_bin", "--site", str(site_dir), "--quiet"]
    return subprocess.run(
        [*command, *PAGEFIND_OPTIONS], capture_output=True, text=True, check=False
    )
