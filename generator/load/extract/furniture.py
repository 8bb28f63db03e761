"""Page furniture: the kinds of line a web page puts around its article, named by what they are.

Each kind is a rule about the shape of a line or the words it opens with, never a string of one
site: prompts to share, subscribe, log in or comment; links to other articles; cookie notices
and the standard government website banners; menus and breadcrumbs; image captions and source
credits; counters, bylines, relative times ("3 days ago"), host names, ISSN and ISBN lines, and
lines with no letters; language menus; prompts to advertise. Icons and bullets before a button's
word are no part of it ("\u25ba Register"), and a line of furniture glued to more furniture
("Contact usRead also") is furniture. The words of each kind, in the languages read, are in
`phrases`. `furniture_kind` names the kind of a line, `ends_article` tells the headings after
which a page holds only links to other pages.
"""

from __future__ import annotations

import re
import unicodedata

from generator.load.extract.dates import is_time_of_day
from generator.load.extract.lines import ends_prose, ends_sentence, word_count
from generator.load.extract.phrases import ADVERTISING, ENDINGS, OPENINGS, WHOLE_LINES

MAX_PROMPT_WORDS = 30
MAX_SHORT_WORDS = 12
MAX_TIMED_WORDS = 20
MIN_NAV_WORDS = 6
MAX_MENU_WORDS = 40
MAX_MENU_ITEM_WORDS = 12
MAX_CREDIT_CHARS = 120

# Openings that carry the article's own text after them on the same line (an image's alternative
# text glued to the lead, a label before the headline): only the opening is removed.
# A caption closed by its photo credit glued to the lead ("At the reception (Photo: VNA)Hanoi …")
# is such an opening too.
GLUED_OPENINGS = re.compile(
    r"(?:cover picture for the article|headline:|title:) ?"
    r"|[^()]{1,120}\((?:photo|picture|image|foto|bild)\b[^()]{0,40}\)(?=[^\W\d_])",
    re.I,
)

BYLINE = re.compile(r"(?:[Bb]y [A-Z]|[Ww]ritten by \w|[Pp]osted by \w|[Vv]on [A-Z])")
RELATIVE_TIME = re.compile(
    r"\b(?:\d+|an?) (?:second|minute|hour|day|week|month|year)s? ago\b", re.I
)
COUNT = re.compile(
    r"\d[\d,.]* (?:views?|comments?|repl(?:y|ies)|shares?|reads?|min(?:ute)?s? read)", re.I
)
READ_TIMES = re.compile(r"\bread \d[\d,.]* times\b", re.I)
ISSN = re.compile(r"\b(?:e-?)?(?:ISSN|ISBN)\b", re.I)
# An e-mail address alone, or after its label ("Email newsdesk@example.org").
EMAIL = re.compile(r"(?:e-?mail:? )?\S+@\S+\.\w+|(?:e-?mail:? )?\[email protected\]", re.I)
HOST_NAME = re.compile(r"[\w-]+(?:\.[\w-]+)*\.[^\W\d_]{2,}", re.I)
LABELLED_ID = re.compile(r"(?:[^\W\d_]+ ){0,2}[^\W\d_]+ ?:? ?\d{5,}")
SHORTCODE = re.compile(r"\[[\w -]{1,30}\]")
CREDIT_ONLY = re.compile(r"\([^()]{1,60}\)")
# A photo credit closing a caption: "… south of Khartoum, Sudan. (AFP)", "… / Photo: AA",
# "… last year. Photo: Xinhua", "Foreign Minister Dr A. Momen. Picture: File Photo".
CAPTION_CREDIT = re.compile(
    r"(?:[.!?\u2026]|\s[-\u2013\u2014]) ?\([A-Z][\w.&-]*(?: [A-Z][\w.&-]*){0,2}\)$"
    r"|/ ?Photo: ?.{1,40}$|\b[A-Z]{2,}/[A-Z][\w.-]+(?: [A-Z][\w.-]+){0,3}$"  # "REUTERS/Jane Doe"
    r"|(?:^|[.!?\u2026] )(?:Photo|Picture|Image|Foto|Bild)(?: credit)? ?: ?[^.!?]{1,40}$"
    r"|\((?:[^()/]{1,40} / ){1,4}[^()/]{1,40}\)$"  # "(picture alliance / dpa / Jane Doe)"
)
# A widget's line: marks and figures with no word of three letters ("+ \u21ba \u2212 16 px").
LETTER_RUN = re.compile(r"[^\W\d_]{3}")
MAX_WIDGET_WORDS = 6
# A button: an icon mark and a word or two in lower case ("+ posts", "\u25ba more").
ICON_BUTTON = re.compile(r"[+\u2295\u25b6\u25ba\u2192\u21ba] ?[^\W\d_]+(?: [^\W\d_]+)?")
# Icons, bullets and dashes before a button's word ("\u25ba Register", "- World"); quotes and
# brackets stay, since they belong to the words.
LEADING_MARKS = re.compile(r"^[^\w(\[\"'\u201c\u2018\u00ab\u00bf\u00a1]+")
GLUED_WORDS = re.compile(r"(?<=[a-z\u00e0-\u00ff])(?=[A-Z])")
# A language menu: locale codes and nothing else ("de-DE en-GB fr-FR").
LOCALES = re.compile(r"(?:[a-z]{2,3}[-_][A-Z]{2}\d* ?){2,}")
MENU_SEPARATORS = re.compile(r" ?[|\u00b7\u00bb\u203a] ?| > ")
NAV_START = re.compile(r"Home(?: ?[|\u00b7\u00bb\u203a>/]|[A-Z])")
GLUE = re.compile(r"[a-z][A-Z]")
PAGER_MARKS = ("\u00ab", "\u2039", "\u203a", "\u00bb")
SMALL_WORDS = (
    "a an and as at by for from in into of on or over the to with after amid says is are "
    "will has have was were than that this be"
)
FUNCTION_WORDS = frozenset(SMALL_WORDS.split())


def furniture_kind(line: str) -> str | None:
    """The kind of page furniture a line is, in a few words; None when it is not furniture."""
    kind = phrase_kind(line)
    if kind is None and GLUE.search(line) and all(map(phrase_kind, GLUED_WORDS.split(line))):
        kind = "page furniture"  # pieces of furniture glued together: "Contact usRead also"
    return kind or shape_kind(line)


def fold(line: str) -> str:
    """A line as its words are matched: lower case, without the marks before its first word or
    the punctuation after its last."""
    folded = line.casefold()
    if not folded[:1].isalnum():  # only then can marks stand first
        folded = LEADING_MARKS.sub("", folded, count=1)
    return folded.rstrip(" :!?.").strip()


def phrase_kind(line: str) -> str | None:
    """The kind of furniture a line is by its words (see `phrases`), or None."""
    folded = fold(line)
    if folded in WHOLE_LINES or ENDINGS.fullmatch(folded) or SHORTCODE.fullmatch(line):
        return "page furniture"
    if word_count(line) > MAX_PROMPT_WORDS:
        return None
    for kind, opening in OPENINGS:
        if opening.match(folded):
            return kind
    if word_count(line) <= MAX_SHORT_WORDS and ADVERTISING.search(folded):
        return "a prompt to advertise"
    return None


def shape_kind(line: str) -> str | None:
    """The kind of furniture a line is by its shape alone (no letters, a menu, a count…)."""
    if not any(char.isalpha() for char in line) or len(line) <= 2:
        return "a line with no words"
    if is_widget(line):
        return "a widget's buttons"
    if word_count(line) <= MAX_MENU_WORDS and is_menu(line):
        return "a menu"
    if word_count(line) <= MAX_SHORT_WORDS:
        return short_kind(line)
    if word_count(line) <= MAX_TIMED_WORDS and RELATIVE_TIME.search(line) and not ends_prose(line):
        return "a relative time"
    return "a caption" if is_caption(line) else None


def short_kind(line: str) -> str | None:
    """The kind of furniture a short line is, or None."""
    checks = (
        ("a time of day", is_time_of_day(line)),
        ("a relative time", RELATIVE_TIME.search(line) is not None and not ends_prose(line)),
        ("a counter", bool(COUNT.fullmatch(line) or READ_TIMES.search(line))),
        ("an ISSN or ISBN line", ISSN.search(line) is not None),
        ("a host name", HOST_NAME.fullmatch(line) is not None),
        ("an e-mail address", EMAIL.fullmatch(line) is not None),
        ("a language menu", LOCALES.fullmatch(LEADING_MARKS.sub("", line, count=1)) is not None),
        ("an identifier", LABELLED_ID.fullmatch(line) is not None),
        ("a source credit", CREDIT_ONLY.fullmatch(line) is not None),
        ("a byline", BYLINE.match(line) is not None and not ends_sentence(line)),
        ("a caption", is_caption(line)),
    )
    return next((kind for kind, found in checks if found), None)


def is_menu(line: str) -> bool:
    """A menu or breadcrumb: three short items or more split by '|', '·', '»', '›' or '>'; a trail
    that starts at 'Home'; a run of words glued together; a pager between guillemets; or a run of
    six capitalised words or more without the punctuation and the small words a headline has (a
    list of tags)."""
    items = [item for item in MENU_SEPARATORS.split(line) if item.strip()]
    short = all(word_count(item.strip()) <= MAX_MENU_ITEM_WORDS for item in items)
    if (len(items) >= 3 and short and not ends_sentence(line)) or NAV_START.match(line):
        return True
    if " " not in line and len(GLUE.findall(line)) >= 2:
        return True
    if "|" in line and (line.startswith(PAGER_MARKS) or line.endswith(PAGER_MARKS[-2:])):
        return True  # a pager: "« Previous post | Main | Next post »"
    return is_word_run(line)


def is_word_run(line: str) -> bool:
    """A run of six capitalised words or more with none of the punctuation and the small words
    of a headline: a list of tags or a menu, or a headline in title case with no small word."""
    words = line.split()
    return (
        len(words) >= MIN_NAV_WORDS
        and not ends_sentence(line)
        and all(
            (word[:1].isupper() or word == "&") and word.casefold() not in FUNCTION_WORDS
            for word in words
        )
    )


def is_widget(line: str) -> bool:
    """A few marks, figures and letters with no word among them, or an icon before a word or
    two in lower case: a widget's buttons, not text."""
    if ICON_BUTTON.fullmatch(line) and line == line.lower():
        return True
    few = word_count(line) <= MAX_WIDGET_WORDS and LETTER_RUN.search(line) is None
    return few and any(unicodedata.category(char).startswith("S") for char in line)


def is_caption(line: str) -> bool:
    """An image caption: a line closed by a photo credit."""
    if word_count(line) > 2 * MAX_PROMPT_WORDS:
        return False
    # A credit is a few words at the end: only the end of the line is searched.
    return CAPTION_CREDIT.search(line, max(0, len(line) - MAX_CREDIT_CHARS)) is not None


def ends_article(line: str) -> bool:
    """Whether a line is a heading after which the page holds only links, comments or tags."""
    return ENDINGS.fullmatch(fold(line)) is not None


# Links glued to the end of a teaser cut short: "… and… Source – Full Article".
GLUED_CLOSINGS = re.compile(
    r"(?<=[\u2026.]) ?(?:source ?[:\u2013\u2014-] ?[^.]{1,40}|read more|continue reading)$", re.I
)


# A counter of views glued to a paragraph's last sentence ("… this cessation holds.2982").
GLUED_COUNTER = re.compile(r"(?<=[^\W\d_][.!?])\d{3,7}$")


def strip_counter(line: str) -> tuple[str, str]:
    """Split a counter glued to the end of a line off it: (the rest; the counter, or '')."""
    found = GLUED_COUNTER.search(line, max(0, len(line) - 10))
    return (line, "") if found is None else (line[: found.start()], found[0])


def strip_closing(line: str) -> tuple[str, str]:
    """Split a link glued to the end of a cut line off it: (the rest; the link, or '')."""
    found = GLUED_CLOSINGS.search(line)
    if found is None or found.start() == 0:
        return line, ""
    return line[: found.start()].rstrip(), found[0].strip()


def strip_opening(line: str) -> tuple[str, str]:
    """Split a glued opening off a line: (the opening, or ''; the rest)."""
    found = GLUED_OPENINGS.match(line)
    if found is None or found.end() == len(line):
        return "", line
    return found[0].strip(), line[found.end() :]
