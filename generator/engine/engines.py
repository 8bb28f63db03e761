"""The site engines that can build the generated pages, named in this one place.

briefings/briefing.yaml's `engine` picks one (its schema's enum lists the same names, and a
test holds the two together). MkDocs builds with the tool's page cache, as its own process
(generator/engine/sitebuild.py); ProperDocs, a fork of MkDocs that reads the same
configuration, themes and plugins, and Zensical, Material for MkDocs' successor, are run as
their own commands on the configuration written for the build (`.build.mkdocs.yml`). Pagefind
then indexes what any of them built (generator/engine/fulltext.py). The live preview is
always MkDocs' (generator/engine/serve.py): its server and its build of single pages are.
"""

from __future__ import annotations

import importlib.util
import sys
from dataclasses import dataclass

from generator.engine.sitebuild import site_build_command
from generator.problems import BriefingError, Problem, whole

BRIEFING_FILE = "briefings/briefing.yaml"


@dataclass(frozen=True, slots=True)
class Engine:
    """A site engine: its name in briefing.yaml and in messages, the Python module that runs
    it, and the package that installs it."""

    name: str
    title: str
    module: str
    package: str

    def command(self, config_file: str) -> list[str]:
        """The strict, clean build of `config_file` (relative to the project, where it runs)."""
        if self.name == "mkdocs":
            return site_build_command(config_file)
        run = [sys.executable, "-m", self.module, "build", "--strict"]
        # Zensical's --clean empties its own cache; ProperDocs' empties the site folder (the
        # stage's, new on every build), as MkDocs' does.
        return [*run, "--clean", "--config-file", config_file]

    def installed(self) -> bool:
        """Whether this Python can run the engine."""
        return importlib.util.find_spec(self.module) is not None


ENGINES = {
    "mkdocs": Engine("mkdocs", "MkDocs", "mkdocs", "mkdocs"),
    "properdocs": Engine("properdocs", "ProperDocs", "properdocs", "properdocs"),
    "zensical": Engine("zensical", "Zensical", "zensical", "zensical"),
}


def engine_problem(name: str) -> Problem | None:
    """What stops `name` from building the site here (not installed), or None."""
    engine = ENGINES[name]
    if engine.installed():
        return None
    message = f"the site engine '{name}' is not installed"
    hint = (
        f"install it in the Python that runs briefing ('pip install {engine.package}'), "
        "or remove 'engine:' to build with MkDocs"
    )
    return Problem(whole(BRIEFING_FILE), message, hint)


def require_engine(name: str) -> Engine:
    """The engine named `name`; raise BriefingError when it is not installed."""
    problem = engine_problem(name)
    if problem is not None:
        raise BriefingError((problem,))
    return ENGINES[name]
