"""`briefing diff`: the briefing at two git revisions, compared in the briefing's own terms.

Each test makes a git repository of the demo inputs in a temporary folder and commits to it
with a fixed author and date, so commit ids (and so the golden output) never change.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from builders import DEMO, TESTS
from click.testing import CliRunner, Result

from generator.cli import main
from generator.diff.compare import word_diff

if TYPE_CHECKING:
    from conftest import Goldens

HERE = TESTS
REPO = DEMO
GOLDEN = HERE / "golden" / "diff"
RUSSIA = "briefings/actors/russia.yaml"
FOUNDING = "000_1d2e21283015eb8c"

GIT_ENV = {
    "GIT_AUTHOR_NAME": "Analyst",
    "GIT_AUTHOR_EMAIL": "analyst@example.org",
    "GIT_AUTHOR_DATE": "2026-02-01T12:00:00Z",
    "GIT_COMMITTER_NAME": "Analyst",
    "GIT_COMMITTER_EMAIL": "analyst@example.org",
    "GIT_COMMITTER_DATE": "2026-02-01T12:00:00Z",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
}

ONE_STANCE_ONE_QUOTE = [
    (
        "    stance: opposes\n    summary: >-\n      Rejects talk of a ceasefire",
        "    stance: conditional\n    summary: >-\n      Rejects talk of a ceasefire",
    ),
    (
        'framing them as a ploy to give the West more time to arm Ukraine."\n',
        'framing them as a ploy to give the West more time to arm Ukraine."\n'
        f"      - article: {FOUNDING}\n"
        "        quote: \"Moscow's stance on peace talks has been consistent and "
        'uncompromising."\n',
    ),
]


def git(root: Path, *arguments: str) -> str:
    environment = {**os.environ, **GIT_ENV}
    done = subprocess.run(
        ["git", *arguments], cwd=root, env=environment, capture_output=True, text=True, check=True
    )
    return done.stdout.strip()


def commit_all(root: Path, message: str) -> str:
    git(root, "add", "-A")
    git(root, "commit", "--quiet", "-m", message)
    return git(root, "rev-parse", "HEAD")


def demo_repository(tmp_path: Path) -> Path:
    """A git repository on branch main whose one commit holds the demo's inputs."""
    root = tmp_path / "repo"
    root.mkdir()
    for name in ("seeds", "briefings"):
        shutil.copytree(REPO / name, root / name)
    git(root, "init", "--quiet", "--initial-branch=main")
    commit_all(root, "Demo briefing")
    return root


def edit(root: Path, path: str, replacements: list[tuple[str, str]]) -> None:
    target = root / path
    text = target.read_text(encoding="utf-8")
    for old, new in replacements:
        assert old in text, f"edit does not apply: {old!r}"
        text = text.replace(old, new, 1)
    target.write_text(text, encoding="utf-8")


def diff(root: Path, *arguments: str) -> Result:
    return CliRunner().invoke(main, ["diff", "--root", str(root), *arguments])


def test_one_stance_and_one_quote_read_at_a_glance(tmp_path: Path, goldens: Goldens) -> None:
    root = demo_repository(tmp_path)
    edit(root, RUSSIA, ONE_STANCE_ONE_QUOTE)
    commit_all(root, "Russia: conditional on a ceasefire")
    result = diff(root, "HEAD~1", "HEAD")
    assert result.exit_code == 0, result.output
    assert "Russia on Ceasefire: opposes → conditional" in result.stdout
    goldens.check(GOLDEN / "one-stance-one-quote.md", result.stdout)
    as_json = diff(root, "--format", "json", "HEAD~1", "HEAD")
    goldens.check(GOLDEN / "one-stance-one-quote.json", as_json.stdout)


def test_a_lone_stance_change_is_one_line(tmp_path: Path) -> None:
    root = demo_repository(tmp_path)
    edit(root, RUSSIA, ONE_STANCE_ONE_QUOTE[:1])
    result = diff(root, "main")
    lines = [line for line in result.stdout.splitlines() if line]
    assert lines[1:] == ["- **Russia on Ceasefire: opposes → conditional**"]


def test_default_compares_the_merge_base_with_the_working_tree(tmp_path: Path) -> None:
    root = demo_repository(tmp_path)
    git(root, "checkout", "--quiet", "-b", "proposal")
    edit(root, RUSSIA, ONE_STANCE_ONE_QUOTE[:1])
    commit_all(root, "Russia: conditional")
    (root / "briefings" / "actors" / "poland.yaml").write_text("name: Poland\nkind: state\n")
    result = diff(root)
    assert result.stdout.startswith("## Briefing changes: merge base with main (")
    assert "→ the working tree" in result.stdout.splitlines()[0]
    assert "- Actors added: Poland (`poland`)" in result.stdout
    assert "opposes → conditional" in result.stdout


def test_exit_code_says_whether_anything_changed(tmp_path: Path) -> None:
    root = demo_repository(tmp_path)
    assert diff(root, "--exit-code", "main").exit_code == 0
    edit(root, RUSSIA, [("    as_of: 2026-01-20", "    as_of: 2026-01-21")])
    result = diff(root, "--exit-code", "main")
    assert result.exit_code == 1
    headline = (
        "**Russia on Security guarantees for Ukraine: opposes** · as of 2026-01-20 → 2026-01-21"
    )
    assert headline in result.stdout
    assert diff(root, "main").exit_code == 0


def test_display_names_take_no_part_in_the_comparison(tmp_path: Path) -> None:
    root = demo_repository(tmp_path)
    meta = root / "seeds" / f"{FOUNDING}.meta.yaml"
    meta.write_text(meta.read_text(encoding="utf-8") + "title: Retitled\n", encoding="utf-8")
    edit(root, "briefings/actors/putin.yaml", [("name: Vladimir Putin", "name: V. Putin")])
    result = diff(root, "--exit-code", "main")
    assert result.exit_code == 0, result.output
    assert result.stdout.endswith("No change to the briefing.\n")


def test_a_quote_copied_with_other_spaces_and_quote_marks_is_the_same(tmp_path: Path) -> None:
    root = demo_repository(tmp_path)
    edit(root, RUSSIA, [("From Moscow's perspective,", "From  Moscow’s perspective,")])
    assert diff(root, "--exit-code", "main").exit_code == 0


def test_summary_edits_are_shown_word_by_word(tmp_path: Path) -> None:
    root = demo_repository(tmp_path)
    edit(root, RUSSIA, [("Rejects talk of a ceasefire:", "Refuses any ceasefire:")])
    result = diff(root, "main")
    assert "summary edited" in result.stdout
    assert "Summary: [-Rejects talk of a-] {+Refuses any+} ceasefire: according to" in (
        result.stdout
    )


def test_word_diff_marks_only_the_changed_words() -> None:
    def mark(left: str, right: str):  # type: ignore[no-untyped-def]
        return lambda words: f"{left}{words}{right}"

    marked = word_diff("a b c d", "a x c d e", mark("[-", "-]"), mark("{+", "+}"), str)
    assert marked == "a [-b-] {+x+} c d {+e+}"


LONG_EDIT = [
    ("Rejects talk of a ceasefire:", "Refuses any ceasefire:"),
    (
        'more time to arm Ukraine."\n        type: reported\n',
        'more time to arm Ukraine."\n        type: reported\n'
        + "".join(
            f'      - article: {FOUNDING}\n        quote: "{words}"\n'
            for words in (
                "Divergent Views",
                "The Russian Position",
                "security guarantees",
                "Moscow",
            )
        )
        + "    history:\n      - {as_of: 2025-11-27, stance: conditional, note: Earlier.}\n",
    ),
]


def test_long_details_fold_into_a_details_element(tmp_path: Path) -> None:
    root = demo_repository(tmp_path)
    edit(root, RUSSIA, LONG_EDIT)
    result = diff(root, "main")
    assert result.exit_code == 0, result.output
    summary = "summary edited, 4 quotes added, 1 history entry added"
    assert f"<details><summary>Russia on Ceasefire: {summary}</summary>" in result.stdout
    assert result.stdout.endswith("- 2025-11-27, conditional: Earlier.\n\n</details>\n")


def test_no_mention_anywhere_notifies_anyone(tmp_path: Path) -> None:
    root = demo_repository(tmp_path)
    edit(root, RUSSIA, [*LONG_EDIT, ("name: Russia", "name: Russia @everyone")])
    result = diff(root, "main")
    assert result.exit_code == 0, result.output
    assert "<details><summary>Russia @\u200beveryone on Ceasefire:" in result.stdout
    assert "- **Russia @\u200beveryone on Ceasefire: opposes** · summary edited" in result.stdout
    assert "@everyone" not in result.stdout


def test_added_and_removed_things_are_listed(tmp_path: Path) -> None:
    root = demo_repository(tmp_path)
    (root / "briefings" / "actors" / "united-kingdom.yaml").unlink()
    shutil.copy(HERE / "fixtures" / "mini" / "seeds" / "talks.md", root / "seeds" / "talks.md")
    issue = "title: Prisoner exchanges\nquestion: Should all prisoners be exchanged?\n"
    (root / "briefings" / "issues" / "prisoners.yaml").write_text(issue, encoding="utf-8")
    russia = (root / RUSSIA).read_text(encoding="utf-8").split("  neutrality:\n")[0]
    (root / RUSSIA).write_text(russia, encoding="utf-8")
    result = diff(root, "--format", "json", "main")
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["changed"] is True
    assert document["actors"] == {
        "added": [],
        "removed": [{"id": "united-kingdom", "name": "United Kingdom"}],
    }
    assert document["issues"]["added"] == [{"id": "prisoners", "name": "Prisoner exchanges"}]
    assert document["articles"]["added"] == [{"id": "talks", "name": "Talks resume in Geneva"}]
    removed = [p["headline"] for p in document["positions"] if p["status"] == "removed"]
    assert "Russia on Ukraine's neutrality and NATO: position removed (was supports)" in removed
    assert "United Kingdom on Ceasefire: position removed (was supports)" in removed


def test_broken_briefing_on_one_side_is_a_located_error(tmp_path: Path) -> None:
    root = demo_repository(tmp_path)
    edit(root, RUSSIA, [("  ceasefire:\n", "  ceasfire:\n")])
    commit_all(root, "Typo")
    result = diff(root, "HEAD", "HEAD~1")
    assert result.exit_code == 2
    assert result.exception is None or isinstance(result.exception, SystemExit)
    commit = git(root, "rev-parse", "--short=7", "HEAD")
    assert result.stderr.startswith(f"base, HEAD ({commit}): the briefing has errors\n")
    assert "briefings/actors/russia.yaml:24:3: unknown issue 'ceasfire'" in result.stderr
    assert "did you mean 'ceasefire'?" in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.parametrize("revision", ["no-such-branch", "-p", "HEAD~5"])
def test_a_revision_that_does_not_exist_is_named(tmp_path: Path, revision: str) -> None:
    root = demo_repository(tmp_path)
    result = diff(root, "--", "main", revision)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"head: '{revision}' is not")
    assert "hint: name a branch, a tag or a commit" in result.stderr


def test_outside_a_repository_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "briefings").mkdir()
    result = diff(tmp_path, "main")
    assert result.exit_code == 2
    assert "is not in a git repository" in result.stderr


def test_a_project_in_a_folder_of_the_repository(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    project = root / "briefing"
    for name in ("seeds", "briefings"):
        shutil.copytree(REPO / name, project / name)
    git(root, "init", "--quiet", "--initial-branch=main")
    commit_all(root, "Demo briefing in a folder")
    edit(project, RUSSIA, ONE_STANCE_ONE_QUOTE[:1])
    result = diff(project, "main")
    assert result.exit_code == 0, result.output
    assert "- **Russia on Ceasefire: opposes → conditional**" in result.stdout


def test_every_committed_link_out_of_the_repository_is_named(tmp_path: Path) -> None:
    root = demo_repository(tmp_path)
    (root / "seeds" / "passwords.md").symlink_to("/etc/passwd")
    (root / "seeds" / "hosts.md").symlink_to("../../etc/hosts")
    commit_all(root, "Links out")
    result = diff(root, "HEAD~1", "HEAD")
    assert result.exit_code == 2
    assert result.stderr == (
        "head: 2 committed files cannot be unpacked\n"
        "seeds/hosts.md: a link out of the repository (to '../../etc/hosts')\n"
        "seeds/passwords.md: a link out of the repository (to '/etc/passwd')\n"
        "2 errors in 2 files\n"
        "  hint: a committed link must lead to a file of the repository: commit the file instead\n"
    )
