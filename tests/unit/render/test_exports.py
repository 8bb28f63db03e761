"""The data files of the site: valid against their schema, complete, and safe in a spreadsheet."""

from __future__ import annotations

import csv
import io
import json

import jsonschema
from builders import DEMO

from generator.engine.build import generate
from generator.render.exports import defuse

REPO = DEMO


def test_positions_json_validates_against_its_shipped_schema() -> None:
    pages = generate(REPO).pages
    document = json.loads(pages["positions.json"])
    schema = json.loads(pages["positions.schema.json"])
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema).validate(document)
    assert document["$schema"] == "positions.schema.json"


def test_positions_json_holds_every_position_with_its_evidence() -> None:
    generated = generate(REPO)
    document = json.loads(generated.pages["positions.json"])
    briefing = generated.briefing
    keys = [(p["actor"], p["issue"]) for p in document["positions"]]
    assert keys == [(p.actor_id, p.issue_id) for p in briefing.positions]
    quotes = sum(len(p["evidence"]) for p in document["positions"])
    assert quotes == sum(len(p.evidence) for p in briefing.positions)
    assert [a["id"] for a in document["articles"]] == [a.id for a in briefing.articles]


def test_positions_csv_has_one_row_per_position() -> None:
    generated = generate(REPO)
    rows = list(csv.DictReader(io.StringIO(generated.pages["positions.csv"])))
    assert len(rows) == len(generated.briefing.positions)
    ukraine = next(
        r for r in rows if (r["actor"], r["issue"]) == ("ukraine", "security-guarantees")
    )
    assert ukraine["stance"] == "supports" and ukraine["history"] == "2022-03-29 supports"


def test_matrix_csv_has_an_actor_per_row_and_an_issue_per_column() -> None:
    generated = generate(REPO)
    rows = list(csv.reader(io.StringIO(generated.pages["matrix.csv"])))
    briefing = generated.briefing
    assert rows[0] == ["actor", "actor_name", *(i.id for i in briefing.issues)]
    russia = next(row for row in rows if row[0] == "russia")
    column = rows[0].index("security-guarantees")
    assert russia[column] == "opposes"


def test_a_cell_that_looks_like_a_formula_is_kept_as_text() -> None:
    assert defuse('=HYPERLINK("http://x")') == '\'=HYPERLINK("http://x")'
    assert defuse("@SUM(A1)") == "'@SUM(A1)"
    assert defuse("no-public-position") == "no-public-position"
