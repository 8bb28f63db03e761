"""The engine named in briefings/briefing.yaml builds the site, and Pagefind indexes its output:
Zensical, Material for MkDocs' successor, and ProperDocs, a fork of MkDocs, from the same
configuration MkDocs builds it with."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from builders import copy_project, tree_digest

GENERATOR_TAG = '<meta name="generator"'


def build_with(engine: str, root: Path) -> Path:
    """`briefing build` of the demo copied to `root` with `engine: ENGINE`; its site/."""
    copy_project(root)
    settings = root / "briefings" / "briefing.yaml"
    settings.write_text(f"engine: {engine}\n{settings.read_text(encoding='utf-8')}", "utf-8")
    command = [sys.executable, "-m", "generator", "build", "--root", str(root)]
    result = subprocess.run(command, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site"


def test_zensical_builds_the_generated_site(built_site: Path, tmp_path: Path) -> None:
    site = build_with("zensical", tmp_path / "zensical")
    for page in (
        "index.html",
        "matrix/index.html",
        "changes/index.html",
        "actors/russia/index.html",
        "issues/ceasefire/index.html",
        "articles/000_1d2e21283015eb8c/index.html",
    ):
        assert (site / page).is_file(), page
    for data in ("feed.xml", "positions.json", "positions.schema.json", "matrix.csv"):
        assert (site / data).read_bytes() == (built_site / "generated" / data).read_bytes()
    # Zensical writes its search index to search.json; MkDocs to search/search_index.json.
    index = json.loads((site / "search.json").read_text(encoding="utf-8"))
    assert "Lavrov" in json.dumps(index)
    head = (site / "actors" / "russia" / "index.html").read_text(encoding="utf-8")
    assert 'type="application/atom+xml"' in head and 'href="../../feed.xml"' in head
    assert (site / "pagefind" / "pagefind.js").is_file()  # Pagefind indexed its output


def test_properdocs_builds_what_mkdocs_builds_but_its_name(
    built_site: Path, tmp_path: Path
) -> None:
    site = build_with("properdocs", tmp_path / "properdocs")
    mkdocs, properdocs = tree_digest(built_site / "site"), tree_digest(site)
    assert mkdocs.keys() == properdocs.keys()
    differing = {name for name in mkdocs if mkdocs[name] != properdocs[name]}
    # Every page names the engine that built it, and the index's list of parts digests pages.
    assert differing == {n for n in mkdocs if n.endswith(".html")} | {"pagefind/parts.json"}
    for name in sorted(n for n in differing if n.endswith(".html")):
        ours = (built_site / "site" / name).read_text(encoding="utf-8").splitlines()
        theirs = (site / name).read_text(encoding="utf-8").splitlines()
        assert [line for line in ours if GENERATOR_TAG not in line] == [
            line for line in theirs if GENERATOR_TAG not in line
        ], name
