"""Writing briefings/dismissed.yaml: suggestions the editors set aside with `briefing suggest`.

The file is rewritten whole, its entries kept in the order they were dismissed, the new ones
after them; an entry already there is not written twice. It is written to a temporary file
beside it and renamed over it (generator/project/write.py: never through a link out of the
project), so an interrupted run leaves the old file or the new one.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

from generator.model.dismissals import DISMISSED_PATH
from generator.model.quotes import fold
from generator.model.suggest import Suggestion
from generator.project.write import replace_file

HEADER = """\
# yaml-language-server: $schema=../schemas/dismissed.schema.json
# Suggested evidence set aside: `briefing suggest` does not suggest these sentences again.
# Written by `briefing suggest --dismiss`; an entry without actor (or issue) covers every one.
"""


def dismiss(root: Path, suggestions: Iterable[Suggestion]) -> int:
    """Add the suggestions to the dismissed file; how many were new."""
    path = root / DISMISSED_PATH
    entries = read_entries(path)
    known = {key(entry) for entry in entries}
    added = 0
    for s in suggestions:
        entry = {
            "article": s.article_id,
            "actor": s.actor_id,
            "issue": s.issue_id,
            "quote": s.quote,
        }
        if key(entry) not in known:
            entries.append(entry)
            known.add(key(entry))
            added += 1
    if added:
        replace_file(root, path, (HEADER + dumped(entries)).encode())
    return added


def read_entries(path: Path) -> list[dict[str, Any]]:
    """The entries of an existing file (the build has checked its form), else none."""
    if not path.is_file():
        return []
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return list(data.get("dismissed") or [])


def key(entry: dict[str, Any]) -> tuple[str, str, str, str]:
    """What makes two entries the same: article, actor, issue and the quote as matched."""
    article, actor, issue = (str(entry.get(k) or "") for k in ("article", "actor", "issue"))
    return article, actor, issue, fold(str(entry.get("quote", "")))


def dumped(entries: list[dict[str, Any]]) -> str:
    return yaml.safe_dump(
        {"dismissed": entries}, allow_unicode=True, sort_keys=False, width=100, indent=2
    )
