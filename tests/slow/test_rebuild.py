"""The daily loop: drop a new article into seeds/, run one command, see what it touches."""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

from builders import FIXTURES
from click.testing import CliRunner

from generator.cli import main

NEW_ARTICLE = FIXTURES / "new-article"
NEW_ID = "wire-2026-02-12-lavrov-truce"
TITLE = "Lavrov Dismisses Truce Offer as Envoys Prepare New Round of Talks"
CHROME = ("Skip to main content", "Select font", "Font size", "Advertisement", "SCROLL FOR NEXT")


def digests(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in folder.rglob("*")
        if p.is_file()
    }


def build(root: Path) -> str:
    result = CliRunner().invoke(main, ["build", "--root", str(root)])
    assert result.exit_code == 0, result.output
    return result.stdout


def section(markdown: str, heading: str) -> str:
    """The text of a '## heading' section, up to the next '## '."""
    start = markdown.index(f"## {heading}")
    end = markdown.find("\n## ", start + 1)
    return markdown[start : end if end != -1 else None]


def test_a_dropped_article_reaches_the_site_and_the_review_queue(project_copy: Path) -> None:
    build(project_copy)
    before = digests(project_copy / "generated")
    for path in NEW_ARTICLE.iterdir():
        shutil.copy(path, project_copy / "seeds" / path.name)

    output = build(project_copy)

    after = digests(project_copy / "generated")
    changed = {path for path, digest in after.items() if before.get(path) != digest}
    assert changed == {
        f"articles/{NEW_ID}.md",
        "articles/index.md",
        "articles/months/2026-02.md",
        "review.md",
        "actors/russia.md",
        "actors/ukraine.md",
        "actors/lavrov.md",
        "issues/ceasefire.md",
        "issues/security-guarantees.md",
        "issues/european-troops.md",
        "positions.json",  # the data export lists every article
        "about.md",  # its outlet is new: the About page lists the outlets by licence
        "index.md",  # the front page's "updated" date is the newest date of the content
    }
    assert f"generated/: {len(changed)} written, 0 deleted" in output

    html = (project_copy / "site" / "articles" / NEW_ID / "index.html").read_text(encoding="utf-8")
    content = re.search(r'<article class="md-content__inner.*?</article>', html, re.DOTALL)
    assert content is not None
    assert f'<h1 id="{TITLE.lower().replace(" ", "-")}">{TITLE}' in content.group()
    # The chrome is nowhere on the page but in the collapsed list of what was removed.
    removed = re.search(r'<details class="removed-chrome".*?</details>', content.group(), re.S)
    assert removed is not None
    text = content.group().replace(removed.group(), "")
    for chrome in CHROME:
        assert chrome not in text and chrome in removed.group(), chrome

    review = (project_copy / "generated" / "review.md").read_text(encoding="utf-8")
    link = f"(articles/{NEW_ID}.md)"
    assert link in section(review, "Articles cited by no position")
    stale = section(review, "Positions that may be stale")
    for actor, issue in (
        ("russia", "ceasefire"),
        ("lavrov", "ceasefire"),
        ("ukraine", "security-guarantees"),
    ):
        entry = re.search(rf"^- .*\(actors/{actor}\.md#{issue}\).*\n(?:    - .*\n)*", stale, re.M)
        assert entry is not None and link in entry.group(), (actor, issue)


def test_status_prints_the_review_queue(project_copy: Path) -> None:
    for path in NEW_ARTICLE.iterdir():
        shutil.copy(path, project_copy / "seeds" / path.name)
    result = CliRunner().invoke(main, ["status", "--root", str(project_copy), "--limit", "2"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Positions that may be stale: ")
    assert lines[1].startswith("  ") and lines[2] == f"    2026-02-12  {NEW_ID}  {TITLE}"
    assert "Articles cited by no position: 2" in lines
    assert f"  2026-02-12  {NEW_ID}  {TITLE}" in lines
    assert any(re.fullmatch(r"  … and \d+ more \(--limit 0 lists all\)", line) for line in lines)
    everything = CliRunner().invoke(main, ["status", "--root", str(project_copy), "--limit", "0"])
    assert "more (--limit 0" not in everything.stdout
