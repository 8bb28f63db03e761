"""Dismissed suggestions: sentences the editors have read and set aside (briefings/dismissed.yaml).

The file is written by `briefing suggest --dismiss` and may be edited by hand. Each entry names
an article and the suggested sentence, and the actor and issue it was suggested for; without an
actor (or an issue) the sentence is set aside for every one. An entry naming an article, actor
or issue the briefing no longer has sets nothing aside and is reported as a warning, so that a
renamed article does not stop the build over a list of things not to show.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from generator.load.inputs import YamlFile
from generator.load.marked_yaml import MarkedDict
from generator.load.shape import check_shape
from generator.problems import Location, Problems, did_you_mean

DISMISSED_PATH = "briefings/dismissed.yaml"


@dataclass(frozen=True, slots=True)
class Dismissal:
    """A suggested sentence set aside for an actor on an issue (None: for every one)."""

    location: Location
    article_id: str
    quote: str
    actor_id: str | None
    issue_id: str | None


@dataclass(frozen=True, slots=True)
class Known:
    """The ids a dismissal may name."""

    articles: Collection[str]
    actors: Collection[str]
    issues: Collection[str]


def build_dismissals(
    source: YamlFile | None, known: Known, problems: Problems
) -> tuple[Dismissal, ...]:
    """The dismissals of briefings/dismissed.yaml (none when there is no such file)."""
    if source is None or source.data is None or not check_shape(source, "dismissed", problems):
        return ()
    entries = (dismissal(item, known, problems) for item in source.data["dismissed"])
    return tuple(entry for entry in entries if entry is not None)


def dismissal(item: MarkedDict, known: Known, problems: Problems) -> Dismissal | None:
    """One entry, or None (with a warning) when it names something unknown."""
    checks = (("article", known.articles), ("actor", known.actors), ("issue", known.issues))
    fine = True
    for key, ids in checks:
        if key in item and item[key] not in ids:
            hint = f"{did_you_mean(item[key], ids)} (or remove the entry: it sets nothing aside)"
            problems.warning(item.where(key), f"dismissal for unknown {key} '{item[key]}'", hint)
            fine = False
    if not fine:
        return None
    return Dismissal(
        item.location, item["article"], item["quote"], item.get("actor"), item.get("issue")
    )
