"""Broken and hostile input files: each gives exactly the expected report, and writes nothing.

Refresh the reports with `pytest --update-goldens` and read their diff before committing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from builders import TESTS
from click.testing import CliRunner

from generator.cli import main
from generator.load.files import is_inside

if TYPE_CHECKING:
    from conftest import Edit, Goldens, MiniProject

GOLDEN = TESTS / "golden" / "bad-input"

NORTHLAND = "briefings/actors/northland.yaml"
CEASEFIRE = "briefings/issues/ceasefire.yaml"
TALKS = "seeds/talks.md"
PLAIN = "The delegations met in Geneva on Monday and agreed to meet again.\n"


@dataclass(frozen=True, slots=True)
class Case:
    """Edits to the mini project, by path (see conftest.Edit), and extra CLI arguments."""

    edits: dict[str, Edit]
    args: tuple[str, ...] = field(default=())


def billion_laughs() -> str:
    lines = ['lol0: &l0 "lol"']
    lines += [f"lol{n}: &l{n} [{', '.join([f'*l{n - 1}'] * 10)}]" for n in range(1, 10)]
    return "\n".join(["title: Laughs", "question: How many?", *lines]) + "\n"


CASES: dict[str, Case] = {
    # Names that would escape their folder or clash with a generated page.
    "actor-file-dot-dot": Case({"briefings/actors/..northland.yaml": "name: X\nkind: state\n"}),
    "actor-file-with-dots": Case({"briefings/actors/north.land.yaml": "name: X\nkind: state\n"}),
    "actor-file-reserved": Case({"briefings/actors/index.yaml": "name: X\nkind: state\n"}),
    "issue-file-device-name": Case({"briefings/issues/con.yaml": "title: X\nquestion: Y?\n"}),
    "article-file-with-space": Case({"seeds/my article.txt": PLAIN}),
    "article-file-dot-dot": Case({"seeds/..evil.txt": PLAIN}),
    "article-file-reserved": Case({"seeds/index.txt": PLAIN}),
    "article-id-traversal": Case({TALKS: ("title:", "id: ../../etc/passwd\ntitle:")}),
    "article-id-reserved": Case({TALKS: ("title:", "id: index\ntitle:")}),
    "speaks-for-traversal": Case(
        {"briefings/actors/berg.yaml": ("speaks_for: northland", "speaks_for: ../northland")}
    ),
    "evidence-article-path": Case({NORTHLAND: ("article: talks", "article: /seeds/talks")}),
    "link-out-of-project": Case({"seeds/passwd.txt": Path("/etc/passwd")}),
    # Metadata where it is never read.
    "sidecar-beside-markdown": Case({"seeds/talks.meta.yaml": "title: [Another title\n"}),
    "sidecar-for-no-article": Case({"seeds/talk.meta.yaml": "title: Talks\n"}),
    # YAML that would take the loader down, or that PyYAML turns into exceptions.
    "yaml-billion-laughs": Case({CEASEFIRE: billion_laughs()}),
    "yaml-deep-nesting": Case({CEASEFIRE: "aliases: " + "[" * 10_000 + "]" * 10_000 + "\n"}),
    "yaml-merge-key": Case({NORTHLAND: ("kind: state", "<<: {kind: state}")}),
    "yaml-merge-key-of-alias": Case({NORTHLAND: ("kind: state", "base: &b {kind: state}\n<<: *b")}),
    "yaml-python-tag": Case(
        {NORTHLAND: ("kind: state", "kind: !!python/object/apply:os.system ['echo hi']")}
    ),
    "yaml-control-character": Case({NORTHLAND: ("name: Northland", "name: North\x1bland")}),
    "yaml-huge-number": Case({NORTHLAND: ("name: Northland", "name: " + "9" * 5000)}),
    "yaml-empty-file": Case({NORTHLAND: ""}),
    "invisible-text": Case({NORTHLAND: ("name: Northland", 'name: "\\u202e\\u200b"\nrole: "  "')}),
    "invisible-single-source": Case(
        {
            "briefings/actors/southland.yaml": (
                "    evidence:",
                '    single_source: "\\u200b "\n    evidence:',
            ),
            NORTHLAND: ("aliases: [Northlander]", 'aliases: [Northlander, "\\u200d"]'),
        }
    ),
    # Size limits.
    "article-too-big": Case({"seeds/huge.txt": PLAIN * 40_000}),
    "yaml-too-big": Case(
        {NORTHLAND: ("kind: state", "kind: state\n# " + "x" * 2000)}, ("--max-file-bytes", "1000")
    ),
    # Encodings and binary files.
    "binary-article": Case({"seeds/photo.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"}),
    "undecodable-article": Case({"seeds/noise.txt": bytes(range(128, 256)) * 8}),
    "bad-utf16-article": Case({"seeds/broken.txt": b"\xff\xfeA\x00\x00\xd8B\x00"}),
    "binary-yaml": Case({CEASEFIRE: b"title: Ceasefire\x00\nquestion: Why?\n"}),
    # Links that are not http(s).
    "javascript-url": Case({TALKS: ("url: https://example.org/talks", "url: javascript:alert(1)")}),
    "data-url": Case(
        {
            TALKS: (
                "url: https://example.org/talks",
                "url: 'data:text/html,<script>alert(1)</script>'",
            )
        }
    ),
    "url-without-host": Case(
        {TALKS: ("url: https://example.org/talks", "url: https:///etc/passwd")}
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_input_report_matches_golden(
    case: str, mini_project: MiniProject, goldens: Goldens
) -> None:
    root = mini_project(CASES[case].edits)
    result = CliRunner().invoke(main, ["build", "--root", str(root), *CASES[case].args])
    goldens.check_failed_build(result, root, GOLDEN / f"{case}.txt")


def test_a_file_is_inside_the_project_unless_a_link_leads_out(tmp_path: Path) -> None:
    root, outside = tmp_path / "project", tmp_path / "outside"
    (root / "seeds" / "deep").mkdir(parents=True)
    outside.mkdir()
    (outside / "a.txt").write_text("a", encoding="utf-8")
    (root / "seeds" / "plain.txt").write_text("p", encoding="utf-8")
    (root / "seeds" / "in.txt").symlink_to(root / "seeds" / "plain.txt")
    (root / "seeds" / "out.txt").symlink_to(outside / "a.txt")
    (root / "seeds" / "deep" / "folder").symlink_to(outside)
    inside = ["plain.txt", "in.txt", "missing.txt", "deep/../plain.txt"]
    for name in inside:
        assert is_inside(root, root / "seeds" / name), name
    for name in ["out.txt", "deep/folder/a.txt", "../../outside/a.txt"]:
        assert not is_inside(root, root / "seeds" / name), name
    assert is_inside(Path("."), Path("seeds/plain.txt"))


def test_a_loop_of_links_is_not_inside(tmp_path: Path) -> None:
    root = tmp_path / "project"
    (root / "seeds").mkdir(parents=True)
    (root / "seeds" / "loop.txt").symlink_to(root / "seeds" / "loop.txt")
    assert not is_inside(root, root / "seeds" / "loop.txt")
