"""Stage 3, render: the model as Markdown pages and data files (pure: no I/O)."""
