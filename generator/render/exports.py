"""Machine-readable data for the site, from the same model as the pages (pure: no I/O).

`positions.json` (described by `positions.schema.json`, shipped beside it), `positions.csv`
(one row per position) and `matrix.csv` (actors × issues). Order follows the model, which is
sorted by explicit keys, so the bytes change only when the briefing does.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from importlib.resources import files
from typing import Any

from generator.load.schema import SCHEMA_DIR
from generator.model import STANCES, Actor, Briefing, Issue
from generator.model.articles import Article
from generator.model.positions import Position
from generator.render.matrix import build_matrix
from generator.render.urls import MATRIX_CSV, POSITIONS_CSV, POSITIONS_JSON, POSITIONS_SCHEMA

EXPORT_FORMAT = "briefing-positions/1"
"""Names the shape of positions.json; bump the number when a consumer would need to change."""

# A spreadsheet runs a cell that starts with one of these as a formula; briefing text is
# untrusted, so such a cell gets a leading apostrophe (OWASP's advice for CSV exports).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def render_exports(briefing: Briefing) -> dict[str, str]:
    """The data files of the site, keyed by their path in the docs folder: the exports, and
    the schemas of the briefing's own files (`schemas/`), so that the site documents them."""
    schema = files("generator").joinpath("schemas", POSITIONS_SCHEMA).read_text("utf-8")
    return {
        POSITIONS_JSON: positions_json(briefing),
        POSITIONS_SCHEMA: schema,
        POSITIONS_CSV: positions_csv(briefing),
        MATRIX_CSV: matrix_csv(briefing),
        **{
            f"schemas/{path.name}": path.read_text(encoding="utf-8")
            for path in sorted(SCHEMA_DIR.glob("*.schema.json"))
        },
    }


def positions_json(briefing: Briefing) -> str:
    """Every actor, issue, article and position, as JSON with a stable order of keys."""
    document = {
        "$schema": POSITIONS_SCHEMA,
        "format": EXPORT_FORMAT,
        "title": briefing.title,
        "description": briefing.description,
        "stances": [{"id": s.id, "symbol": s.symbol, "definition": s.definition} for s in STANCES],
        "actors": [actor_record(actor) for actor in briefing.actors],
        "issues": [issue_record(issue) for issue in briefing.issues],
        "articles": [article_record(article) for article in briefing.articles],
        "positions": [position_record(position) for position in briefing.positions],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def actor_record(actor: Actor) -> dict[str, Any]:
    return {
        "id": actor.id,
        "name": actor.name,
        "kind": actor.kind,
        "role": actor.role,
        "speaks_for": actor.speaks_for,
        "aliases": list(actor.aliases),
    }


def issue_record(issue: Issue) -> dict[str, Any]:
    return {"id": issue.id, "title": issue.title, "question": issue.question}


def article_record(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "title": article.title,
        "date": article.date.isoformat() if article.date else None,
        "outlet": article.outlet,
        "url": article.url,
        "licence": article.licence,
        "excerpt": article.excerpt,
    }


def position_record(position: Position) -> dict[str, Any]:
    return {
        "actor": position.actor_id,
        "issue": position.issue_id,
        "stance": position.stance,
        "summary": position.summary,
        "as_of": position.as_of.isoformat(),
        "draft": position.draft,
        "evidence": [
            {
                "article": e.article_id,
                "paragraph": e.paragraph,
                "quote": e.quote,
                "speaker": e.speaker_id,
                "type": e.type.id if e.type else None,
            }
            for e in position.evidence
        ],
        "history": [
            {"as_of": h.as_of.isoformat(), "stance": h.stance, "note": h.note}
            for h in position.history
        ],
    }


POSITION_COLUMNS = (
    "actor",
    "actor_name",
    "issue",
    "issue_title",
    "stance",
    "as_of",
    "draft",
    "summary",
    "quotes",
    "history",
)


def positions_csv(briefing: Briefing) -> str:
    """One row per position; `history` lists earlier stances as 'date stance', newest first."""
    rows = (
        (
            p.actor_id,
            briefing.actor_by_id[p.actor_id].name,
            p.issue_id,
            briefing.issue_by_id[p.issue_id].title,
            p.stance,
            p.as_of.isoformat(),
            "true" if p.draft else "false",
            p.summary,
            str(len(p.evidence)),
            "; ".join(f"{h.as_of} {h.stance}" for h in p.history),
        )
        for p in briefing.positions
    )
    return write_csv(POSITION_COLUMNS, rows)


def matrix_csv(briefing: Briefing) -> str:
    """Actors with a position (rows) against issues (columns); a draft reads 'stance (draft)'."""
    matrix = build_matrix(briefing)
    header = ("actor", "actor_name", *(issue.id for issue in matrix.issues))
    rows = (
        (row.actor.id, row.actor.name, *(matrix_cell(cell.position) for cell in row.cells))
        for row in matrix.rows
    )
    return write_csv(header, rows)


def matrix_cell(position: Position | None) -> str:
    if position is None:
        return ""
    return f"{position.stance} (draft)" if position.draft else position.stance


def write_csv(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """CSV with a header row, '\\n' line ends, quotes only where needed, formulas defused."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([defuse(cell) for cell in row] for row in rows)
    return buffer.getvalue()


def defuse(cell: str) -> str:
    """A cell a spreadsheet will show as text, never run as a formula."""
    return f"'{cell}" if cell.startswith(FORMULA_STARTS) else cell
