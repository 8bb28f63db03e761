"""`briefing new`: skeletons valid as written, and a position checked, then added as a draft
with the rest of its actor's file left as it was."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
import yaml
from builders import MiniProject, make_yaml_file, tree_digest

from generator.engine.build import load_model
from generator.load.shape import check_shape
from generator.problems import BriefingError, Problems
from generator.project.new import NewPosition, new_actor, new_issue, new_position, with_position

NORTHLAND = "briefings/actors/northland.yaml"
BORDERS = "title: Borders\nquestion: Where should the border run?\n"


def passes(root: Path, path: Path, schema: str) -> bool:
    """Whether the file written at `path` passes its schema, its schema comment included."""
    text = (root / path).read_text(encoding="utf-8")
    return check_shape(make_yaml_file(path.as_posix(), text), schema, Problems())


def refusal(error: pytest.ExceptionInfo[BriefingError]) -> list[str]:
    return [f"{p.location.path}: {p.message}" for p in error.value.problems]


def test_a_new_actor_and_issue_pass_their_schemas(tmp_path: Path) -> None:
    name = 'Côte d\'Ivoire: #1 "state"'
    path = new_actor(tmp_path, "ivory-coast", name, "state", None)
    assert path == Path("briefings/actors/ivory-coast.yaml")
    assert passes(tmp_path, path, "actor")
    assert yaml.safe_load((tmp_path / path).read_text(encoding="utf-8"))["name"] == name
    person = new_actor(tmp_path, "berg", "Ana Berg", "person", "ivory-coast")
    assert passes(tmp_path, person, "actor")
    assert yaml.safe_load((tmp_path / person).read_text())["speaks_for"] == "ivory-coast"
    issue = new_issue(tmp_path, "borders", "Borders: where?", "Where should the border run?")
    assert issue == Path("briefings/issues/borders.yaml") and passes(tmp_path, issue, "issue")


@pytest.mark.parametrize(
    ("actor_id", "message"),
    [
        ("Northland", "<options>: 'Northland' is not a valid id"),
        ("aux", "<options>: 'aux' is a device name on Windows, where no file may be called so"),
        ("southland", "<options>: actor 'southland' exists"),
        ("westland", "<options>: actor 'westland' exists"),
    ],
)
def test_an_id_that_is_taken_or_not_valid_is_refused_and_nothing_written(
    tmp_path: Path, actor_id: str, message: str
) -> None:
    (tmp_path / "briefings" / "actors").mkdir(parents=True)
    (tmp_path / "briefings" / "actors" / "southland.yaml").write_text("name: S\n")
    (tmp_path / "briefings" / "actors" / "westland.yml").write_text("name: W\n")
    before = tree_digest(tmp_path)
    with pytest.raises(BriefingError) as error:
        new_actor(tmp_path, actor_id, "A name", "state", None)
    assert refusal(error) == [message]
    assert tree_digest(tmp_path) == before


def test_only_a_person_speaks_for_another_actor(tmp_path: Path) -> None:
    with pytest.raises(BriefingError) as error:
        new_actor(tmp_path, "norway", "Norway", "state", "nato")
    assert refusal(error) == ["<options>: --speaks-for is for persons"]
    assert not (tmp_path / "briefings").exists()


def position(**fields: object) -> NewPosition:
    given: dict[str, object] = {
        "actor_id": "southland",
        "issue_id": "borders",
        "stance": "opposes",
        "summary": "Will not redraw the border.",
        "article_id": "talks",
        "quotes": ("cannot come before guarantees",),
        "speaker_id": None,
        "as_of": None,
    }
    return NewPosition(**{**given, **fields})  # type: ignore[arg-type]


def project(mini_project: MiniProject) -> Path:
    return mini_project({"briefings/issues/borders.yaml": BORDERS})


def test_a_new_position_is_added_as_a_draft_after_the_others(mini_project: MiniProject) -> None:
    root = project(mini_project)
    before = (root / "briefings/actors/southland.yaml").read_text(encoding="utf-8")
    path = new_position(root, load_model(root, Problems())[1], position())
    assert path == Path("briefings/actors/southland.yaml")
    after = (root / path).read_text(encoding="utf-8")
    assert after.startswith(before), "the file as it was, then the new position"
    _, briefing = load_model(root, Problems())
    added = briefing.actor_by_id["southland"].positions[0]
    assert (added.issue_id, added.stance, added.draft) == ("borders", "opposes", True)
    assert added.as_of == datetime.date(2026, 2, 2), "the article's date"


@pytest.mark.parametrize(
    ("positions", "expected"),
    [
        ("positions: {} # none yet\n", "positions:\n  borders:\n"),
        ("", "positions:\n  borders:\n"),
    ],
)
def test_an_actor_without_positions_gets_its_first(positions: str, expected: str) -> None:
    text = with_position(f"name: W\nkind: state\n{positions}", "w.yaml", "borders", {"stance": "x"})
    assert text == f"name: W\nkind: state\n{expected}    stance: x\n"


def test_positions_written_on_one_line_are_left_alone() -> None:
    with pytest.raises(BriefingError) as error:
        with_position("name: W\npositions: {a: {}}\n", "w.yaml", "borders", {})
    assert refusal(error) == ["w.yaml: positions are written on one line"]
    assert str(error.value.problems[0].location) == "w.yaml:2:12"


def test_every_mistake_of_a_new_position_is_reported_and_nothing_written(
    mini_project: MiniProject,
) -> None:
    root = project(mini_project)
    briefing = load_model(root, Problems())[1]
    before = tree_digest(root)
    wrong = position(
        issue_id="ceasefire",
        stance="support",
        speaker_id="southland",
        quotes=("cannot come before guarantees", "never said"),
    )
    with pytest.raises(BriefingError) as error:
        new_position(root, briefing, wrong)
    assert [m.split(": ", 1)[1] for m in refusal(error)] == [
        "Southland already has a position on 'ceasefire'",
        "quote not found in article 'talks': “never said”",
        "speaker 'southland' is not a person actor",
        "unknown stance 'support'",
    ]
    with pytest.raises(BriefingError) as error:
        new_position(root, briefing, position(actor_id="eastland", article_id="talk"))
    assert [m.split(": ", 1)[1] for m in refusal(error)] == [
        "unknown actor 'eastland'",
        "unknown article 'talk'",
    ]
    assert tree_digest(root) == before
