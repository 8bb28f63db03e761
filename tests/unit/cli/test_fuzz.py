"""Property-based tests: whatever the input, a clean build or clean errors, never a traceback.

The loaders get random bytes and text; the whole pipeline gets the mini fixture with random
bytes as an article, random YAML-ish text or random structures as a briefing file, and random
strings in its fields. Each run ends in a built site or in a BriefingError listing located
problems; the CLI exits 0 or 1 without a traceback, and a failed build leaves its outputs as
they were. A few examples of the field fuzzing are built by a strict MkDocs build too.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
from builders import temporary
from hypothesis import example, given, settings
from hypothesis import strategies as st

from generator.engine.build import generate, write_docs
from generator.load.decode import Refused, clean_text, decode
from generator.load.extract import extract_html, extract_markdown, extract_text
from generator.load.marked_yaml import parse_yaml
from generator.problems import BriefingError, Problems
from generator.render.markdown import (
    BLOCK_START,
    escape_block_start,
    escape_inline,
    escape_line_start,
)

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


def generate_cleanly(root: Path) -> bool:
    """Run the pipeline to the written Markdown; True when it built, False on clean errors."""
    try:
        generated = generate(root)
    except BriefingError as error:
        assert error.problems, "a BriefingError names its problems"
        for problem in error.problems:
            assert problem.location.path and problem.location.line >= 1, problem
        return False
    write_docs(root, generated)
    return True


# --- the loaders ----------------------------------------------------------------------------


@given(st.binary(max_size=3000))
@example(b"\xff\xfe\x00\xd8")  # UTF-16 mark, lone surrogate
@example(b"\xef\xbb\xbf\xff")  # UTF-8 mark, invalid UTF-8
@settings(max_examples=300)
def test_decode_gives_text_or_a_reason(data: bytes) -> None:
    decoded = decode(data)
    if isinstance(decoded, Refused):
        assert decoded.message and decoded.hint
    else:
        assert "\r" not in decoded


@given(
    st.text().filter(lambda t: not t.startswith("\ufeff")),
    st.sampled_from(("utf-8", "utf-8-sig", "utf-16", "utf-32")),
)
@settings(max_examples=200)
def test_decode_reads_unicode_encodings_back(text: str, encoding: str) -> None:
    if encoding == "utf-8" and "\0" in text:
        return  # NUL without a byte order mark is a binary file, tested with the bad inputs
    if encoding == "utf-16" and text.startswith("\0"):
        return  # FF FE 00 00 is the UTF-32 mark: such a file reads as UTF-32 (see decode)
    assert decode(text.encode(encoding)) == text.replace("\r\n", "\n").replace("\r", "\n")


@given(st.text())
@settings(max_examples=200)
def test_clean_text_leaves_no_control_or_format_character(text: str) -> None:
    cleaned = clean_text(text)
    for character in cleaned:
        category = unicodedata.category(character)
        assert category not in ("Cs", "Cf") or character in "\u200c\u200d", repr(character)
        assert category != "Cc" or character in "\t\n", repr(character)
    assert clean_text(cleaned) == cleaned


@given(hostile_text | st.text())
@settings(max_examples=500)
def test_escaping_is_one_regular_expression_per_rule(text: str) -> None:
    # The filter replaces character by character for speed; this is the rule it implements.
    flat = re.sub(r"\s+", " ", clean_text(text))
    flat = flat.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    assert escape_inline(text) == re.sub(r"([\\`*_{}\[\]|])", r"\\\1", flat)
    for line in (text, text.strip(), "1" + text, "\u0663." + text):
        assert escape_line_start(line) == BLOCK_START.sub(escape_block_start, line)


@given(hostile_text | st.text())
@example("a: [")
@example("[" * 10_000)
@example("a: &x 1\nb: *x\n")
@example("a: !!int x\n")
@example("? [a]\n: b\n")
@example("<<: {a: 1}\n")
@settings(max_examples=400)
def test_parse_yaml_gives_data_or_located_problems(text: str) -> None:
    problems = Problems()
    parse_yaml("briefings/x.yaml", text, problems)
    lines = len(re.findall(r"\r\n|[\r\n\x85\u2028\u2029]", text)) + 1  # YAML's line breaks
    for problem in problems.items:
        assert problem.location.path == "briefings/x.yaml"
        assert 1 <= problem.location.line <= lines + 1, problem


@given(hostile_text | st.text())
@example("Original article link: http://[oops\n\nThe talks went on for hours today.\n")
@settings(max_examples=200)
def test_extraction_gives_clean_blocks(text: str) -> None:
    for extracted in (extract_text(text), extract_markdown(text), extract_html(text)):
        for block in extracted.blocks:
            assert block.text and block.text == " ".join(block.text.split())
            assert clean_text(block.text) == block.text
        assert extracted.url is None or extracted.url.startswith(("http://", "https://"))


# --- the whole pipeline ---------------------------------------------------------------------


@given(st.binary(max_size=2000) | hostile_text.map(str.encode), st.sampled_from(ARTICLE_NAMES))
@settings(max_examples=60)
def test_any_article_bytes_build_or_fail_cleanly(
    mini_project: MiniProject, data: bytes, name: str
) -> None:
    with temporary(mini_project) as root:
        (root / "seeds" / name).write_bytes(data)
        generate_cleanly(root)


@given(hostile_text | st.text(), st.sampled_from(YAML_FILES))
@settings(max_examples=80)
def test_any_yaml_text_builds_or_fails_cleanly(
    mini_project: MiniProject, text: str, path: str
) -> None:
    with temporary(mini_project) as root:
        (root / path).write_text(text, encoding="utf-8", errors="surrogatepass")
        generate_cleanly(root)


@given(structures, st.sampled_from(YAML_FILES))
@settings(max_examples=80)
def test_any_yaml_structure_builds_or_fails_cleanly(
    mini_project: MiniProject, data: Any, path: str
) -> None:
    with temporary(mini_project) as root:
        (root / path).write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        generate_cleanly(root)


def replace_strings(data: Any, draw: Any) -> Any:
    """`data` with each string either kept or replaced by a drawn random text."""
    if isinstance(data, dict):
        return {key: replace_strings(value, draw) for key, value in data.items()}
    if isinstance(data, list):
        return [replace_strings(item, draw) for item in data]
    if isinstance(data, str):
        return draw(st.just(data) | any_text)
    return data


def fuzz_fields(root: Path, draw: Any, paths: tuple[str, ...]) -> None:
    """Replace strings of the YAML files at `paths` (and the article's front matter)."""
    for path in paths:
        data = yaml.safe_load((root / path).read_text(encoding="utf-8"))
        dumped = yaml.safe_dump(replace_strings(data, draw), allow_unicode=True)
        (root / path).write_text(dumped, encoding="utf-8", errors="surrogatepass")


@given(st.data())
@settings(max_examples=60)
def test_random_strings_in_every_field_build_or_fail_cleanly(
    mini_project: MiniProject, data: st.DataObject
) -> None:
    with temporary(mini_project) as root:
        fuzz_fields(root, data.draw, YAML_FILES)
        front_matter, body = (root / "seeds/talks.md").read_text("utf-8").split("---\n")[1:]
        meta = replace_strings(yaml.safe_load(front_matter), data.draw)
        article = f"---\n{yaml.safe_dump(meta, allow_unicode=True)}---\n{body}"
        (root / "seeds/talks.md").write_text(article, "utf-8", errors="surrogatepass")
        generate_cleanly(root)
