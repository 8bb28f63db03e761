"""Commands that make or change a project's inputs: init, new, add."""
