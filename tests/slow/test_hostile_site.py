"""Hostile text in every field of a briefing is shown as text and never changes a page.

Two sites are built from the mini fixture plus, for each string of HOSTILE, an article (in a
paragraph and in its metadata), an actor (name, role, alias, summary, quote, history note) and
an issue (title, question) holding it; the twin site holds a harmless text in the same places.
The hostile site must show each string as text, have no script, event handler or script link
of its own, and have exactly the elements of its harmless twin on every page.
"""

from __future__ import annotations

import copy
import hashlib
import json
import unicodedata
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

import lxml.html
import pytest
import yaml
from click.testing import CliRunner
from playwright.sync_api import Browser, ConsoleMessage, Dialog, Error, expect

from generator.cli import main
from generator.render.markdown import escape_markdown
from generator.render.templates import make_environment

if TYPE_CHECKING:
    from builders import MiniProject

HOSTILE = (
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '<a href="javascript:alert(1)">link</a>',
    "[x](javascript:alert(1))",
    "![x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "<https://example.org> and [ref]: javascript:alert(1)",
    '{: onclick="alert(1)" }',
    "{{ 7*7 }}",
    "{% raw %}{{ x }}{% endraw %}",
    "<!-- an unclosed comment",
    "</title><script>alert(1)</script>",
    "a | b | c",
    "# heading",
    "- item",
    "1. item",
    "> quoted",
    "!!! note",
    "~~~",
    "```",
    "`code`",
    "*emphasis* _under_ **strong**",
    "\\",
    "[TOC]",
    "===",
    "&lt;b&gt; &amp;",
    "    indented code",
    "line one\n\n# line two\n- three",
    "NUL\x00and\x01control\x1b[31m\x7fchars",
    "\u202eevil\u202c reversed",
    "\u2066isolated\u2069 and zero\u200bwidth",
)
HARMLESS = tuple(f"Harmless text number {index}" for index in range(len(HOSTILE)))
DANGEROUS_SCHEMES = ("javascript:", "data:", "vbscript:")
URL_ATTRIBUTES = ("href", "src", "action", "formaction", "srcset", "xlink:href", "poster")


def shown(text: str) -> str:
    """The text as the README says a page shows it: controls as spaces, format characters
    removed (but the joiners), whitespace runs as one space."""
    kept = (
        " " if unicodedata.category(c) == "Cc" else c
        for c in text
        if unicodedata.category(c) != "Cf" or c in "\u200c\u200d"
    )
    return " ".join("".join(kept).split())


def in_article(text: str) -> str:
    """The string as an article file can hold it: on one line (an article's line breaks are its
    own structure) and without NUL, which makes a file binary."""
    return text.replace("\n", " ").replace("\0", " ")


def add_briefing(root: Path, texts: tuple[str, ...]) -> None:
    """Add an article, an actor and an issue holding each of `texts` to the project."""
    dump(root / "briefings/briefing.yaml", {"title": texts[10], "description": texts[0]})
    for index, text in enumerate(texts):
        name = f"hostile-{index}"
        body = (
            f"{in_article(text)} was said in Geneva by the delegate, who then left.\n\n"
            f"The other delegate replied in Geneva with {in_article(text)} and nothing more.\n"
        )
        (root / f"seeds/{name}.txt").write_text(body, encoding="utf-8")
        meta = {"title": text, "date": "2026-02-01", "date_note": text, "outlet": text}
        meta |= {"url": f"https://example.org/{index}", "licence": text, "attribution": text}
        dump(root / f"seeds/{name}.meta.yaml", meta)
        issue = {"title": text, "question": text, "aliases": ["Geneva"]}
        dump(root / f"briefings/issues/{name}.yaml", issue)
        dump(root / f"briefings/actors/{name}.yaml", actor(name, text))


def actor(name: str, text: str) -> dict[str, Any]:
    """A person holding `text` everywhere an actor file has text; every actor mentions every
    article (through 'Geneva'), so that the hostile and harmless sites link alike."""
    evidence = {"article": name, "quote": text, "speaker": name}
    history = {"as_of": "2026-01-01", "stance": "opposes", "note": text}
    position = {"stance": "supports", "summary": text, "as_of": "2026-02-02"}
    position |= {"evidence": [evidence], "history": [history]}
    return {
        "name": text,
        "kind": "person",
        "role": text,
        "speaks_for": "northland",
        "aliases": ["Geneva", text],
        "positions": {name: position},
    }


def dump(path: Path, data: dict[str, Any]) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def seeds_digest(root: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in (root / "seeds").iterdir()}


def build_project(root: Path, texts: tuple[str, ...]) -> Path:
    add_briefing(root, texts)
    seeds = seeds_digest(root)
    result = CliRunner().invoke(main, ["build", "--root", str(root)])
    assert result.exit_code == 0, result.output
    assert seeds_digest(root) == seeds, "a build must not touch the articles"
    return root


class Sites(NamedTuple):
    hostile: Path
    harmless: Path


@pytest.fixture(scope="module")
def sites(mini_project: MiniProject) -> Sites:
    """The hostile and the harmless site, built once for this module; read-only."""
    hostile = build_project(mini_project(), HOSTILE)
    harmless = build_project(mini_project(), HARMLESS)
    return Sites(hostile / "site", harmless / "site")


def pages(site: Path) -> dict[str, lxml.html.HtmlElement]:
    """Every HTML page of a built site, parsed, keyed by its path in the site."""
    return {
        p.relative_to(site).as_posix(): lxml.html.fromstring(p.read_bytes())
        for p in sorted(site.rglob("*.html"))
    }


LINKS_ABOUT_TEXT = (
    "ancestor::a[contains(@class, 'headerlink') or contains(@class, 'paragraph-number')]"
    " or ancestor::sup[contains(@class, 'cited-by')]"
)
"""What a page adds to a text about it: permalinks, paragraph numbers, links to citers."""


def text_of(element: lxml.html.HtmlElement) -> str:
    """An element's visible text, whitespace-collapsed, without heading permalinks (¶), the
    numbers of article paragraphs and the links after a quoted passage."""
    parts = element.xpath(f".//text()[not({LINKS_ABOUT_TEXT})]")
    return " ".join("".join(parts).split())


def test_no_script_handler_or_script_link(sites: Sites) -> None:
    harmless = pages(sites.harmless)
    for path, page in pages(sites.hostile).items():
        scripts = [(s.get("src"), s.text) for s in page.iter("script")]
        twin = [(s.get("src"), s.text) for s in harmless[path].iter("script")]
        assert scripts == twin, f"{path} has a script of its own"
        for element in page.iter():
            if not isinstance(element.tag, str):
                continue
            handlers = [name for name in element.attrib if name.lower().startswith("on")]
            assert not handlers, f"{path}: <{element.tag}> has {handlers}"
            for name in URL_ATTRIBUTES:
                value = "".join(element.get(name, "").split()).lower()
                assert not value.startswith(DANGEROUS_SCHEMES), f"{path}: {name}={value!r}"


def test_pages_have_the_elements_of_their_harmless_twin(sites: Sites) -> None:
    harmless = pages(sites.harmless)
    hostile = pages(sites.hostile)
    assert sorted(hostile) == sorted(harmless)
    for path, page in hostile.items():
        tags = Counter(e.tag for e in without_suggestions(page).iter() if isinstance(e.tag, str))
        twin = without_suggestions(harmless[path])
        twin_tags = Counter(e.tag for e in twin.iter() if isinstance(e.tag, str))
        assert tags == twin_tags, (
            f"{path}: {tags - twin_tags} more, {twin_tags - tags} fewer than with plain text"
        )


def without_suggestions(page: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    """The page without the review queue's suggested evidence (its heading, what follows it,
    and its entry in the contents): which sentences are suggested depends on their words, so
    the hostile and harmless texts rightly get different lists. The hostile list is still
    checked for scripts and handlers, and its sentences as text."""
    page = copy.deepcopy(page)
    for link in page.xpath("//a[@href='#suggested']"):
        link.getparent().remove(link)
    for heading in page.xpath("//h2[@id='suggested']"):
        for element in [heading, *heading.itersiblings()]:
            element.getparent().remove(element)
    return page


def test_suggested_sentences_are_shown_as_text(sites: Sites) -> None:
    """Each suggested sentence reads on the review page as it reads in its article's page."""
    paragraphs = [
        text_of(p)
        for page in pages(sites.hostile).values()
        for p in page.xpath("//article//p[starts-with(@id, 'p')]")
    ]
    items = page_at(sites.hostile, "review").xpath("//h2[@id='suggested']/following-sibling::ul/li")
    assert len(items) > len(HOSTILE)
    for item in items:
        quoted = text_of(item).split("” (¶")[0].removeprefix("“")
        assert any(quoted in paragraph for paragraph in paragraphs), quoted


@pytest.mark.parametrize("index", range(len(HOSTILE)))
def test_hostile_text_is_shown_as_text(sites: Sites, index: int) -> None:
    text = shown(HOSTILE[index])
    article = page_at(sites.hostile, f"articles/hostile-{index}")
    assert text_of(article.xpath("//article//h1")[0]) == text
    assert text_of(article.get_element_by_id("p1")).startswith(text)
    assert article.findtext(".//title").startswith(f"{text} - ")
    for row in ("Outlet", "Licence", "Attribution"):
        assert text_of(article.xpath(f"//article//tr[td[1]='{row}']/td[2]")[0]) == text
    person = page_at(sites.hostile, f"actors/hostile-{index}")
    assert text_of(person.xpath("//article//h1")[0]) == text
    content = text_of(person.xpath("//article")[0])
    assert f"{text}, speaking for Northland. Also called: Geneva, {text}." in content
    assert f"“{text}”" in content  # the quote
    assert [td for td in person.xpath("//article//td") if text_of(td) == text], "no note"
    assert [p for p in person.xpath("//article//p") if text_of(p) == text], "no summary"
    issue = page_at(sites.hostile, f"issues/hostile-{index}")
    assert text_of(issue.xpath("//article//h1")[0]) == text
    assert f"The question: {text}" in text_of(issue.xpath("//article")[0])


def test_jinja_syntax_in_data_stays_text(sites: Sites) -> None:
    article = page_at(sites.hostile, f"articles/hostile-{HOSTILE.index('{{ 7*7 }}')}")
    assert "49" not in text_of(article.xpath("//article")[0])
    # Data is passed to the templates as values, never compiled: template syntax in it is text.
    template = make_environment({"page.md.j2": "{{ name | md }}|{{ name }}"}).get_template(
        "page.md.j2"
    )
    for text in ("{{ 7*7 }}", "{% raw %}", "{% include 'page.md.j2' %}", "{# x"):
        assert template.render(name=text) == f"{escape_markdown(text)}|{text}"


def test_search_index_holds_no_markup(sites: Sites) -> None:
    index = json.loads((sites.hostile / "search" / "search_index.json").read_text("utf-8"))
    for document in index["docs"]:
        for key in ("title", "text"):
            assert "<script" not in document[key] and "<img" not in document[key], document


def page_at(site: Path, folder: str) -> lxml.html.HtmlElement:
    return lxml.html.fromstring((site / folder / "index.html").read_bytes())


def test_hostile_article_runs_nothing_in_a_browser(
    sites: Sites, browser: Browser, serve_folder: Any
) -> None:
    base = serve_folder(sites.hostile)
    dialogs: list[str] = []
    errors: list[str] = []

    def on_dialog(dialog: Dialog) -> None:
        dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            errors.append(f"console error: {message.text}")

    def on_page_error(error: Error) -> None:
        errors.append(f"page error: {error.message}")

    context = browser.new_context()
    try:
        page = context.new_page()
        page.on("dialog", on_dialog)
        page.on("console", on_console)
        page.on("pageerror", on_page_error)
        for text in ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>"):
            page.goto(f"{base}articles/hostile-{HOSTILE.index(text)}/")
            expect(page.locator("article h1")).to_contain_text(text)
            expect(page.locator("#p1")).to_contain_text(text)
            expect(page.locator("article img")).to_have_count(0)
        # Article texts are searched on the full-text search page (Pagefind), whose results show
        # the titles and excerpts of the hostile articles.
        page.goto(f"{base}full-text-search/")
        page.locator(".pagefind-ui__search-input").fill("delegate")  # in every hostile article
        expect(page.locator(".pagefind-ui__result-link").first).to_be_visible()
        expect(page.locator(".pagefind-ui__result img")).to_have_count(0)
    finally:
        context.close()
    assert not dialogs and not errors, "\n".join(dialogs + errors)
