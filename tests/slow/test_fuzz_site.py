"""Property-based tests that build whole sites: random texts in every field, random YAML files."""

from __future__ import annotations

from typing import TYPE_CHECKING

import yaml
from builders import temporary, tree_digest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.cli import main
from generator.engine.build import SiteName, content_epoch, generate, write_docs
from generator.engine.publish import publish
from generator.load.decode import clean_text
from generator.problems import BriefingError

if TYPE_CHECKING:
    from builders import MiniProject

# Pieces of Markdown, HTML, Jinja and YAML syntax, and characters that have broken parsers:
# random text built from them reaches the interesting paths far more often than plain text.
TOKENS = (
    *("<", ">", "&", "&lt;", "[", "]", "(", ")", "{", "}", "{:", "`", "```", "*", "_", "#"),
    *("!!! ", "~~~", "|", "\\", "- ", "1. ", "> ", "===", "[TOC]", "<!--", "-->", "<script>"),
    *("{{", "}}", "{%", "%}", "{#", "javascript:", "data:", "http://[", "https://x"),
    *(": ", "'", '"', "? ", "&a ", "*a", "!!", "!x ", "%YAML 1.1", "---", "...", ",", "@"),
    *(" ", "  ", "\t", "\n", "\n\n", "\r", "\r\n", "\x00", "\x01", "\x1b", "\x7f", "\x85"),
    *("\u00ad", "\u200b", "\u200d", "\u202e", "\u2066", "\ufeff", "\ufffe", "\U0001f600"),
    *('"\\ud800"', '"\\x00"', '"\\e"', "9" * 5000, "[" * 60, "Northland", "talks", "berg"),
)
hostile_text = st.lists(st.sampled_from(TOKENS) | st.text(max_size=4), max_size=12).map("".join)
any_text = st.text(max_size=30) | hostile_text
scalars = st.none() | st.booleans() | st.integers() | st.floats() | any_text
structures = st.recursive(
    scalars,
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            any_text | st.sampled_from(("name", "kind", "title")), children, max_size=4
        )
    ),
    max_leaves=12,
)
YAML_FILES = (
    "briefings/briefing.yaml",
    "briefings/actors/northland.yaml",
    "briefings/actors/berg.yaml",
    "briefings/issues/ceasefire.yaml",
)
ARTICLE_NAMES = ("new.txt", "new.md", "new.html", "talks.md")


DISPLAY_FIELDS = {
    "briefings/briefing.yaml": ("title", "description"),
    "briefings/actors/northland.yaml": ("name",),
    "briefings/actors/berg.yaml": ("name", "role"),
    "briefings/issues/ceasefire.yaml": ("title", "question"),
}


@given(st.data())
@settings(max_examples=4)
def test_random_display_texts_build_a_strict_site(
    mini_project: MiniProject, data: st.DataObject
) -> None:
    with temporary(mini_project) as root:
        for path, keys in DISPLAY_FIELDS.items():
            content = yaml.safe_load((root / path).read_text(encoding="utf-8"))
            for key in keys:
                content[key] = data.draw(hostile_text.filter(lambda t: clean_text(t).strip()))
            dumped = yaml.safe_dump(content, allow_unicode=True)
            (root / path).write_text(dumped, encoding="utf-8", errors="surrogatepass")
        try:
            generated = generate(root)
        except BriefingError as error:
            assert error.problems
            return
        # raises SiteBuildFailed if the strict MkDocs build fails
        briefing = generated.briefing
        name = SiteName(briefing.title, briefing.description)
        publish(root, generated.pages, content_epoch(briefing), name)
        assert (root / "site" / "index.html").is_file()


@given(hostile_text, st.sampled_from(YAML_FILES))
@settings(max_examples=25)
def test_cli_exits_0_or_1_and_a_failed_build_writes_nothing(
    mini_project: MiniProject, text: str, path: str
) -> None:
    with temporary(mini_project) as root:
        write_docs(root, generate(root))
        (root / "site").mkdir()
        (root / "site" / "index.html").write_text("the last good site\n", encoding="utf-8")
        before = tree_digest(root / "generated"), tree_digest(root / "site")
        (root / path).write_text(text, encoding="utf-8", errors="surrogatepass")
        result = CliRunner().invoke(main, ["build", "--root", str(root)])
        assert result.exception is None or isinstance(result.exception, SystemExit), result
        assert result.exit_code in (0, 1), result.output
        assert "Traceback" not in result.output
        if result.exit_code == 1:
            assert (tree_digest(root / "generated"), tree_digest(root / "site")) == before
