"""Write the YAML reference of the documentation from the JSON Schemas the tool checks with
(jsonschema2md), so that the reference cannot drift from what is checked.

`python -m docs.reference` writes docs/src/reference/yaml.md (not committed).
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema2md

from generator.load.schema import SCHEMA_DIR

TARGET = Path(__file__).parent / "src" / "reference" / "yaml.md"
FILES = (
    ("briefing", "`briefings/briefing.yaml`: what the briefing covers"),
    ("actor", "`briefings/actors/<id>.yaml`: an actor and its positions"),
    ("issue", "`briefings/issues/<id>.yaml`: an issue"),
    ("article", "an article's metadata: `seeds/<id>.meta.yaml`, or a Markdown front matter"),
    ("sources", "`briefings/sources.yaml`: the outlets, how their pages are known, their chrome"),
    ("dismissed", "`briefings/dismissed.yaml`: suggested evidence set aside"),
    ("positions", "`positions.json`, the data export of a built site"),
)
INTRO = """# YAML files

Every input file has a JSON Schema (Draft 2020-12), shipped with the tool and copied into a
project's `schemas/` folder by `briefing init`. The build checks each file against its schema
and reports what is wrong at its line; an editor with yaml-language-server completes keys and
underlines mistakes as you type. This page is written from those schemas.
"""


def reference() -> str:
    """The reference page: one section per schema."""
    parser = jsonschema2md.Parser(examples_as_yaml=True, show_examples="all", header_level=1)
    parts = [INTRO]
    for name, what in FILES:
        schema = json.loads((SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8"))
        parts.append(f"\n{what}.\n\n" + "".join(parser.parse_schema(schema)))
    return "\n".join(parts)


if __name__ == "__main__":
    TARGET.write_text(reference(), encoding="utf-8")
