"""The briefing-site generator: articles and position summaries in, Markdown pages out."""
