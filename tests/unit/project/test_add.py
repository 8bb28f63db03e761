"""`briefing add`: new articles into seeds/, with metadata; duplicates and bad input refused."""

from __future__ import annotations

import hashlib
from pathlib import Path

from builders import FIXTURES, MiniProject
from click.testing import CliRunner, Result

from generator.cli import main

FIXTURE = FIXTURES / "new-article" / "wire-2026-02-12-lavrov-truce.txt"
DEMO_ARTICLE = "27-state-dept-readout-via-menafn-rubio-call-lavrov-2025-05-17"


def add(root: Path, *arguments: str, stdin: bytes | None = None) -> Result:
    return CliRunner().invoke(main, ["add", "--root", str(root), *arguments], input=stdin)


def seeds_digest(root: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in (root / "seeds").iterdir()}


def test_add_keeps_the_bytes_writes_a_sidecar_and_says_what_it_touches(
    project_copy: Path,
) -> None:
    result = add(
        project_copy, str(FIXTURE), "--outlet", "Example Wire", "--url", "https://example.org/a"
    )
    assert result.exit_code == 0, result.output
    new_id = "lavrov-dismisses-truce-offer-as-envoys-prepare-new-round-of-talks-2026-02-12"
    assert result.stdout.startswith(f"added {new_id}: seeds/{new_id}.txt, seeds/{new_id}.meta.yaml")
    assert "  mentions: Russia, Ukraine, Sergei Lavrov\n" in result.stdout
    assert "Ceasefire" in result.stdout and "Security guarantees for Ukraine" in result.stdout
    assert "  may make stale: Russia on Ceasefire (opposes, as of 2026-01-20)\n" in result.stdout
    assert (project_copy / "seeds" / f"{new_id}.txt").read_bytes() == FIXTURE.read_bytes()
    sidecar = (project_copy / "seeds" / f"{new_id}.meta.yaml").read_text(encoding="utf-8")
    assert "outlet: Example Wire\nurl: https://example.org/a\n" in sidecar
    check = CliRunner().invoke(main, ["check", "--root", str(project_copy)])
    assert check.exit_code == 0, check.output


def test_add_reads_standard_input_and_picks_a_free_id(project_copy: Path) -> None:
    text = b"Talks Resume\n\nKyiv and Moscow sent envoys to talk about a truce on Monday.\n"
    first = add(project_copy, "-", "--date", "2026-03-02", stdin=text)
    assert first.exit_code == 0, first.output
    other = b"Talks Resume\n\nWashington said the truce talks would go on for another week.\n"
    second = add(project_copy, "-", "--date", "2026-03-02", stdin=other)
    assert second.exit_code == 0, second.output
    assert first.stdout.startswith(
        "added talks-resume-2026-03-02: seeds/talks-resume-2026-03-02.txt"
    )
    assert second.stdout.startswith("added talks-resume-2026-03-02-2: ")
    assert (project_copy / "seeds" / "talks-resume-2026-03-02.txt").read_bytes() == text


def test_add_reads_markdown_and_html(project_copy: Path, tmp_path: Path) -> None:
    markdown = tmp_path / "note.md"
    markdown.write_text(
        "---\ntitle: A note on the truce\ndate: 2026-03-05\n---\nThe truce held overnight.\n",
        encoding="utf-8",
    )
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Envoys meet</title></head><body><article><h1>Envoys meet</h1>"
        "<p>The envoys of Ukraine met in Geneva to discuss security guarantees for the country "
        "after the war, officials said on Tuesday evening.</p></article></body></html>",
        encoding="utf-8",
    )
    result = add(project_copy, str(markdown), str(page))
    assert result.exit_code == 0, result.output
    assert "added a-note-on-the-truce-2026-03-05: seeds/a-note-on-the-truce-2026-03-05.md\n" in (
        result.stdout
    )
    assert "added envoys-meet: seeds/envoys-meet.html\n" in result.stdout
    check = CliRunner().invoke(main, ["check", "--root", str(project_copy)])
    assert check.exit_code == 0, check.output


def test_an_exact_duplicate_is_refused_naming_the_article(project_copy: Path) -> None:
    before = seeds_digest(project_copy)
    result = add(project_copy, str(project_copy / "seeds" / f"{DEMO_ARTICLE}.txt"))
    assert result.exit_code == 1
    assert f"same text as article '{DEMO_ARTICLE}'" in result.stderr
    assert seeds_digest(project_copy) == before


def test_a_near_duplicate_needs_force(project_copy: Path, tmp_path: Path) -> None:
    original = (project_copy / "seeds" / f"{DEMO_ARTICLE}.txt").read_text(encoding="utf-8")
    syndicated = tmp_path / "syndicated.txt"
    # An outlet's own lines, which no general rule knows as chrome.
    chrome = "Wire desk\n\nOur correspondents in Geneva and Vienna contributed to this report.\n"
    syndicated.write_text(original + "\n" + chrome, encoding="utf-8")
    before = seeds_digest(project_copy)
    refused = add(project_copy, str(syndicated))
    assert refused.exit_code == 1
    assert f"near duplicate of article '{DEMO_ARTICLE}' (9" in refused.stderr
    assert "--force" in refused.stderr
    assert seeds_digest(project_copy) == before
    kept = add(project_copy, str(syndicated), "--force")
    assert kept.exit_code == 0, kept.output
    assert f"% similar to {DEMO_ARTICLE}" in kept.stdout


def test_bad_input_is_reported_all_at_once_and_changes_nothing(
    project_copy: Path, tmp_path: Path
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("Advertisement\n\nSCROLL FOR NEXT\n", encoding="utf-8")
    photo = tmp_path / "photo.txt"
    photo.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    note = tmp_path / "note.md"
    note.write_text("Some text in Markdown.\n", encoding="utf-8")
    before = seeds_digest(project_copy)
    result = add(
        project_copy,
        str(tmp_path / "missing.txt"),
        str(empty),
        str(photo),
        str(tmp_path / "scan.pdf"),
        "--date",
        "2026-02-30",
        "--url",
        "ftp://example.org/x",
    )
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    for expected in (
        "missing.txt: cannot read the file: No such file or directory",
        "<options>:1:1: --date '2026-02-30' is not a date",
        "<options>:1:1: --url 'ftp://example.org/x' is not a web address",
        "empty.txt:1:1: no article text found",
        "photo.txt:1:1: binary file",
    ):
        assert expected in result.stderr
    markdown = add(project_copy, str(note), "--title", "A title")
    assert markdown.exit_code == 1
    assert "metadata options are for text and HTML" in markdown.stderr
    assert seeds_digest(project_copy) == before


def test_add_says_when_no_title_was_found(mini_project: MiniProject, tmp_path: Path) -> None:
    note = tmp_path / "note.md"
    note.write_text("---\ndate: 2026-03-05\n---\nThe truce held overnight.\n", encoding="utf-8")
    result = add(mini_project(), str(note))
    assert result.exit_code == 0, result.output
    assert "  title: note (none found: the file's name; give --title)\n" in result.stdout
