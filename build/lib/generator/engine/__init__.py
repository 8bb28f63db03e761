"""Stage 4 and after: write the pages, build the site with the engine, index it, serve it."""
