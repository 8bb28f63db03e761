"""The GitHub workflows read as GitHub runs them for an event: the jobs and steps whose
conditions hold, their expressions worked out, and the commands they run.

The expressions are worked out by a small evaluator of the forms the workflows use (names,
strings, == != && || ! and parentheses); both test tiers read the workflows through it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

REPOSITORY = "desk/briefing"
"""The repository the workflows run in, for the events made here."""


def load(path: Path) -> dict[str, Any]:
    """A workflow file as a mapping, its triggers under 'on'."""
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    # YAML 1.1 reads the bare key `on` as true.
    data["on"] = data.pop(True, data.get("on"))
    return data


def skeleton_workflow(root: Path) -> Path:
    """The workflow of a project made by `briefing init` at `root`."""
    return root / ".github" / "workflows" / "briefing.yml"


TOKEN = re.compile(r"\s*(?:'((?:[^']|'')*)'|(==|!=|&&|\|\||!|\(|\))|([A-Za-z_][\w.-]*))")
WORDS = {"true": "True", "false": "False", "null": "None"}


def evaluate(expression: str, context: dict[str, Any]) -> Any:
    """The value of a GitHub expression made of names, strings, == != && || ! and parentheses
    (&& and || give an operand, as Python's `and` and `or` do)."""
    code, at = [], 0
    operators = {"&&": " and ", "||": " or ", "!": " not "}
    while at < len(expression.rstrip()):
        token = TOKEN.match(expression, at)
        assert token, f"the evaluator does not read {expression[at:]!r}"
        text, operator, name = token.groups()
        if text is not None:
            code.append(repr(text.replace("''", "'")))
        elif operator is not None:
            code.append(operators.get(operator, operator))
        else:
            code.append(WORDS.get(name, f"look({name!r})"))
        at = token.end()
    return eval("".join(code), {"__builtins__": {}}, {"look": lambda n: look(context, n)})


def look(context: dict[str, Any], name: str) -> Any:
    value: Any = context
    for part in name.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    return value


def expand(text: str, context: dict[str, Any]) -> str:
    """`text` with each `${{ … }}` replaced by its value."""
    return re.sub(r"\$\{\{(.*?)\}\}", lambda m: str(evaluate(m[1], context) or ""), text)


def holds(condition: Any, context: dict[str, Any]) -> bool:
    if condition is None:
        return True
    if isinstance(condition, bool):
        return condition
    inner = re.fullmatch(r"\s*\$\{\{(.*)\}\}\s*", condition)
    return bool(evaluate(inner[1] if inner else condition, context))


@dataclass(frozen=True)
class Event:
    """What starts a run: the event, its branch (a pull request's own branch, which is to main),
    and whether a pull request comes from a fork."""

    name: str
    branch: str = "main"
    fork: bool = False

    def context(self) -> dict[str, Any]:
        """The `github` context of the run, as far as the workflows read it."""
        pull_request = self.name == "pull_request"
        head = "someone/briefing" if self.fork else REPOSITORY
        github = {
            "event_name": self.name,
            # A pull request runs on its merge commit, whose ref is no branch.
            "ref": "refs/pull/1/merge" if pull_request else f"refs/heads/{self.branch}",
            "head_ref": self.branch if pull_request else "",
            "base_ref": "main" if pull_request else "",
            "repository": REPOSITORY,
            "event": {"pull_request": {"head": {"repo": {"full_name": head}}}},
        }
        return {"github": github}


PULL_REQUEST_EVENT = Event("pull_request", "feature")
PUSH_TO_MAIN = Event("push", "main")


def triggers(workflow: dict[str, Any], event: Event) -> bool:
    """Whether the event starts the workflow (pull requests are to main)."""
    on = workflow["on"]
    if event.name not in on:
        return False
    branches = (on[event.name] or {}).get("branches")
    target = "main" if event.name == "pull_request" else event.branch
    return branches is None or target in branches


@dataclass(frozen=True)
class Step:
    job: str
    step: dict[str, Any]
    run: str
    """The step's command, its expressions worked out ('' for a step that uses an action)."""


def run_steps(workflow: dict[str, Any], event: Event) -> list[Step]:
    """The steps that run for `event`, job by job, in the workflow's order."""
    if not triggers(workflow, event):
        return []
    context, ran, found = event.context(), set(), []
    for name, job in workflow["jobs"].items():
        needs = job.get("needs", [])
        needs = [needs] if isinstance(needs, str) else needs
        if not set(needs) <= ran or not holds(job.get("if"), context):
            continue
        ran.add(name)
        for step in job.get("steps", []):
            if holds(step.get("if"), context):
                found.append(Step(name, step, expand(step.get("run", ""), context)))
    return found


def commands(steps: list[Step]) -> list[str]:
    """The command lines the steps run, each with its words one space apart."""
    lines = (line for step in steps for line in step.run.splitlines())
    return [" ".join(line.split()) for line in lines if line.strip()]


def briefing_commands(steps: list[Step]) -> list[str]:
    """The `briefing` commands the steps run, without what the shell does with their output."""
    found = (line for line in commands(steps) if line.startswith("briefing "))
    return [re.split(r"\s+(?:\d?>|\|\|?|&&|;|\\$)", line)[0] for line in found]


def actions(steps: list[Step]) -> list[str]:
    return [s.step["uses"].split("@")[0] for s in steps if "uses" in s.step]


def jobs_of(steps: list[Step]) -> list[str]:
    return list(dict.fromkeys(step.job for step in steps))
