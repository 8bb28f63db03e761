"""What a template sees: the site's context and its page's, as keyword arguments."""

from __future__ import annotations

import dataclasses

import pytest
from builders import make_briefing

from generator.model.relations import relate
from generator.model.review import review_queue
from generator.render.context import (
    NAMES,
    PAGE_KINDS,
    AboutPage,
    Page,
    SiteContext,
    arguments,
)

BRIEFING = make_briefing()
RELATIONS = relate(BRIEFING)
SITE = SiteContext(BRIEFING, RELATIONS, review_queue(BRIEFING, RELATIONS))


def test_a_template_sees_the_sites_names_and_its_pages_fields() -> None:
    assert arguments(SITE, AboutPage("../", ())) == {
        "briefing": BRIEFING,
        "relations": RELATIONS,
        "review": SITE.review,
        "root": "../",
        "licences": (),
    }
    shared = {"briefing": BRIEFING, "relations": RELATIONS, "review": SITE.review}
    assert arguments(SITE, Page("")) == {**shared, "root": ""}


@pytest.mark.parametrize("kind", PAGE_KINDS, ids=lambda kind: kind.__name__)
def test_no_page_field_hides_a_name_every_page_sees(kind: type[Page]) -> None:
    fields = [f.name for f in dataclasses.fields(kind)]
    assert fields[0] == "root"
    assert not set(fields) & set(NAMES[SiteContext])
    assert sum(bool(f.metadata.get("subject")) for f in dataclasses.fields(kind)) <= 1
