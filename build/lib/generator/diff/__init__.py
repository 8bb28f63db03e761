"""`briefing diff`: the briefing at two git revisions, compared in its own terms."""
