"""Page furniture: the kinds of line a web page puts around its article, named by what they are.

Each kind is a rule about the shape of a line or the words it opens with, never a string of one
site: prompts to share, subscribe, log in or comment; links to other articles; cookie notices
and the standard government website banners; menus and breadcrumbs; image captions and source
credits; counters, bylines, relative times ("3 days ago"), host names, ISSN and ISBN lines, and
lines with no letters. `furniture_kind` names the kind of a line, `ends_article` tells the
headings after which a page holds only links to other pages.
"""

from __future__ import annotations

import re

from generator.load.extract.dates import is_time_of_day
from generator.load.extract.lines import ends_prose, ends_sentence, word_count

MAX_PROMPT_WORDS = 30
MAX_SHORT_WORDS = 12
MAX_TIMED_WORDS = 20
MIN_NAV_WORDS = 6
MAX_MENU_WORDS = 40
MAX_MENU_ITEM_WORDS = 12

# Whole lines (case-insensitive, closing punctuation ignored) that are furniture wherever they
# appear: navigation, tool buttons, prompts.
WHOLE_LINES = frozenset(
    {
        "scroll for next",  # "next story" pager
        "na",  # R's missing value, left by scrapers that export data frames
        "advertisement",
        "skip to main content",
        "back to top",
        "home",
        "menu",
        "left menu",
        "main menu",
        "search",
        "close",
        "contact",
        "contact us",
        "latest news",
        "news archive",
        "archive",
        "top stories",
        "most popular",
        "most read",
        "trending",
        "print",
        "email",
        "email this",
        "blogthis",
        "tweet",
        "share",
        "free trial",
        "subscribe",
        "subscribe now",
        "sign up",
        "sign in",
        "log in",
        "login",
        "register",
        "lost password",
        "forgot password",
        "feel free to contribute",
        "want to join the discussion",
        "view video",
        "watch video",
        "play video",
        "view gallery",
        "accept",
        "accept all",
        "accept cookies",
    }
)
# Headings after which a page lists other articles, comments or tags: the article has ended.
ENDINGS = re.compile(
    r"(?:related(?: articles| posts| news| stories| content| links| topics)?|read also|also read"
    r"|see also|check also|more stories(?: from .*)?|more from .*|you (?:may|might) also like"
    r"|(?:other|more|latest|popular) (?:[\w-]+ ){0,3}(?:columns|stories|articles|posts|videos)"
    r"|recommended(?: for you)?|comments?|\d+ comments?|\d+ repl(?:y|ies)|leave a (?:reply|comment)"
    r"|add a comment.*|your comment|comments are closed|to read the full story.*"
    r"|previous and next news|tags|share this(?: story| article)?)",
)
# Lines that open with these words are furniture of the kind named.
OPENINGS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "a link to other articles",
        re.compile(
            r"(?:read (?:also|more|next)|also read|see also|related ?:|more stories from"
            r"|read the rest at|continue reading|to read the full story|click here to)\b"
        ),
    ),
    (
        "a share or subscribe prompt",
        re.compile(
            r"(?:share (?:this|on)|%d bloggers like this|like this ?:|subscribe (?:to|now|for)"
            r"|sign up (?:for|to|now)|you are subscribed to|get the .{1,40} in your inbox"
            r"|newsletter|follow us|social media auto publish|powered by)"
        ),
    ),
    (
        "a login or comment prompt",
        re.compile(
            r"(?:to leave a comment|log ?in (?:to|using|with)|sign in (?:to|with)|you must be "
            r"logged in|your email address will not be published|this site uses akismet"
            r"|required fields are marked|comments are closed)"
        ),
    ),
    (
        "a cookie notice",
        re.compile(
            r"(?:we use cookies|this (?:web)?site uses cookies|by continuing to use"
            r"|diese (?:web)?seite verwendet cookies|diese website verwendet cookies"
            r"|cookie (?:policy|settings|preferences))"
        ),
    ),
    (
        "a government website banner",
        re.compile(
            r"(?:an official website of the|an official (?:eu|\.gov) website|official websites "
            r"use \.gov|a \.gov website belongs to|secure \.gov websites use https|a lock \( ?\)"
            r"|here'?s how you know)"
        ),
    ),
    (
        "an image caption",
        re.compile(
            r"(?:cover picture for the article|this (?:image|photo|picture) (?:is|was|shows)"
            r"|(?:image|photo|picture|media) ?(?:caption|credit)?:|file photo)"
        ),
    ),
    # Accessibility toolbars: "Select font Arial ...", "Character spacing (Kerning): ...".
    ("a reading tool", re.compile(r"(?:select font|character spacing|font size|line spacing)")),
    ("a source credit", re.compile(r"(?:source|sources|kaynak|quelle|fuente)\s*[:\u2013\u2014-]")),
    ("a counter", re.compile(r"(?:this (?:news|article|story) has been (?:read|viewed))")),
)
# Openings that carry the article's own text after them on the same line (an image's alternative
# text glued to the lead, a label before the headline): only the opening is removed.
GLUED_OPENINGS = re.compile(r"(?:cover picture for the article|headline:|title:) ?", re.I)

BYLINE = re.compile(r"(?:[Bb]y [A-Z]|[Ww]ritten by \w|[Pp]osted by \w|[Vv]on [A-Z])")
RELATIVE_TIME = re.compile(
    r"\b(?:\d+|an?) (?:second|minute|hour|day|week|month|year)s? ago\b", re.I
)
COUNT = re.compile(
    r"\d[\d,.]* (?:views?|comments?|repl(?:y|ies)|shares?|reads?|min(?:ute)?s? read)", re.I
)
READ_TIMES = re.compile(r"\bread \d[\d,.]* times\b", re.I)
ISSN = re.compile(r"\b(?:e-?)?(?:ISSN|ISBN)\b", re.I)
HOST_NAME = re.compile(r"[\w-]+(?:\.[\w-]+)*\.[^\W\d_]{2,}", re.I)
LABELLED_ID = re.compile(r"(?:[^\W\d_]+ ){0,2}[^\W\d_]+ ?:? ?\d{5,}")
SHORTCODE = re.compile(r"\[[\w -]{1,30}\]")
CREDIT_ONLY = re.compile(r"\([^()]{1,60}\)")
# A photo credit closing a caption: "… south of Khartoum, Sudan. (AFP)", "… / Photo: AA".
CAPTION_CREDIT = re.compile(
    r"(?:[.!?\u2026]|\s[-\u2013\u2014]) ?\([A-Z][\w.&-]*(?: [A-Z][\w.&-]*){0,2}\)$"
    r"|/ ?Photo: ?.{1,40}$|\b[A-Z]{2,}/[A-Z][\w.-]+(?: [A-Z][\w.-]+){0,3}$"  # "REUTERS/Jane Doe"
)
MENU_SEPARATORS = re.compile(r" ?[|\u00b7\u00bb\u203a] ?| > ")
NAV_START = re.compile(r"Home(?: ?[|\u00b7\u00bb\u203a>/]|[A-Z])")
GLUE = re.compile(r"[a-z][A-Z]")
SMALL_WORDS = (
    "a an and as at by for from in into of on or over the to with after amid says is are "
    "will has have was were than that this be"
)
FUNCTION_WORDS = frozenset(SMALL_WORDS.split())


def furniture_kind(line: str) -> str | None:
    """The kind of page furniture a line is, in a few words; None when it is not furniture."""
    folded = line.casefold().rstrip(" :!?.").strip()
    if folded in WHOLE_LINES or ENDINGS.fullmatch(folded) or SHORTCODE.fullmatch(line):
        return "page furniture"
    if word_count(line) <= MAX_PROMPT_WORDS:
        for kind, opening in OPENINGS:
            if opening.match(folded):
                return kind
    return shape_kind(line)


def shape_kind(line: str) -> str | None:
    """The kind of furniture a line is by its shape alone (no letters, a menu, a count…)."""
    if not any(char.isalpha() for char in line) or len(line) <= 2:
        return "a line with no words"
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
        ("an identifier", LABELLED_ID.fullmatch(line) is not None),
        ("a source credit", CREDIT_ONLY.fullmatch(line) is not None),
        ("a byline", BYLINE.match(line) is not None and not ends_sentence(line)),
        ("a caption", is_caption(line)),
    )
    return next((kind for kind, found in checks if found), None)


def is_menu(line: str) -> bool:
    """A menu or breadcrumb: three short items or more split by '|', '·', '»', '›' or '>'; a trail
    that starts at 'Home'; a run of words glued together; or a run of six capitalised words or
    more without the punctuation and the small words a headline has (a list of tags)."""
    items = [item for item in MENU_SEPARATORS.split(line) if item.strip()]
    short = all(word_count(item.strip()) <= MAX_MENU_ITEM_WORDS for item in items)
    if (len(items) >= 3 and short and not ends_sentence(line)) or NAV_START.match(line):
        return True
    if " " not in line and len(GLUE.findall(line)) >= 2:
        return True
    words = line.split()
    return (
        len(words) >= MIN_NAV_WORDS
        and not ends_sentence(line)
        and all(
            (word[:1].isupper() or word == "&") and word.casefold() not in FUNCTION_WORDS
            for word in words
        )
    )


def is_caption(line: str) -> bool:
    """An image caption: a line closed by a photo credit."""
    return CAPTION_CREDIT.search(line) is not None and word_count(line) <= 2 * MAX_PROMPT_WORDS


def ends_article(line: str) -> bool:
    """Whether a line is a heading after which the page holds only links, comments or tags."""
    return ENDINGS.fullmatch(line.casefold().rstrip(" :!?.").strip()) is not None


# Links glued to the end of a teaser cut short: "… and… Source – Full Article".
GLUED_CLOSINGS = re.compile(
    r"(?<=[\u2026.]) ?(?:source ?[:\u2013\u2014-] ?[^.]{1,40}|read more|continue reading)$", re.I
)


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
