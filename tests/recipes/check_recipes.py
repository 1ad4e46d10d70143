#!/usr/bin/env python3
"""Checks the CI recipes in examples/ci: each is valid YAML with the expected
structure, and every `ato-sync ...` command line in them, and every command
and args given to the ato-sync action or component, uses a command and flags
that the built binary accepts (read from its --help). A command that this
build lacks may appear only behind a test that it exists (`ato-sync pull
--help`), as the recipes do for commands of later releases."""
import re
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

binary, source = sys.argv[1], Path(sys.argv[2])
failures = []


def fail(message):
    failures.append(message)


def help_text(*args):
    return subprocess.run([binary, *args, "--help"], capture_output=True, text=True).stdout


def strings_in(node):
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from strings_in(value)
    elif isinstance(node, list):
        for value in node:
            yield from strings_in(value)


commands = set(re.findall(r"^  (\w+)\s", help_text(), re.M))
if not commands:
    fail("ato-sync --help lists no commands")
global_flags = {"--config", "--token-file", "--cacert", "--no-color", "--verbose", "--help"}


def check_command(path, command, rest, line, guarded):
    if command not in commands:
        if command not in guarded:
            fail(f"{path}: unknown command in: {line.strip()}")
        return
    flags_help = help_text(command)
    try:
        words = shlex.split(rest.replace("$", ""))
    except ValueError:  # prose around the command (a quote that closes later)
        words = rest.split()
    for word in words:
        flag = word.split("=")[0]
        if flag.startswith("-") and flag not in global_flags and not re.search(
            r"(^|[\s,])" + re.escape(flag) + r"\b", flags_help
        ):
            fail(f"{path}: 'ato-sync {command}' has no flag {flag}: {line.strip()}")


def check_command_lines(path, document):
    for text in strings_in(document):
        guarded = set(re.findall(r"\bif ! ato-sync (\w[\w-]*) --help\b", text))
        for line in text.splitlines():
            # A command is followed by a blank or the end ("ato-sync pull: ..." is prose).
            match = re.search(r"\bato-sync (\w[\w-]*)(?=\s|$)([^|>;&]*)", line)
            if match:
                check_command(path, match.group(1), match.group(2), line, guarded)


# The action's and the component's inputs `command` and `args`.
def check_inputs(path, inputs):
    if "command" in inputs:
        args = str(inputs.get("args", ""))
        check_command(path, inputs["command"], args, f"{inputs['command']} {args}", set())


github = yaml.safe_load((source / "examples/ci/github/ato-sync.yml").read_text())
jobs = github.get("jobs", {})
for job in ("plan", "apply", "drift"):
    if job not in jobs or not jobs[job].get("steps"):
        fail(f"github recipe: job '{job}' missing or without steps")
for job in jobs.values():
    for step in job.get("steps", []):
        if re.fullmatch(r"[\w.-]+/ato-sync@[\w.-]+", step.get("uses", "")):
            check_inputs("github/ato-sync.yml", step.get("with", {}))
check_command_lines("github/ato-sync.yml", github)

gitlab = yaml.safe_load((source / "examples/ci/gitlab/.gitlab-ci.yml").read_text())
component_jobs = {}
for item in gitlab.get("include", []):
    if isinstance(item, dict) and "component" in item:
        inputs = item.get("inputs", {})
        component_jobs[inputs.get("job-name", "ato-sync")] = inputs
        check_inputs("gitlab/.gitlab-ci.yml", inputs)
for job in ("validate", "plan:mr", "plan:main", "apply", "drift"):
    if job not in gitlab or ("script" not in gitlab[job] and job not in component_jobs):
        fail(f"gitlab recipe: job '{job}' missing, or without script and not the component's")
check_command_lines("gitlab/.gitlab-ci.yml", gitlab)
# The scripts of the action and the component (their descriptions are prose).
action = yaml.safe_load((source / "action.yml").read_text())
check_command_lines("action.yml", [step.get("run", "") for step in action["runs"]["steps"]])
for document in yaml.safe_load_all((source / "templates/ato-sync.yml").read_text()):
    for job in document.values():
        if isinstance(job, dict) and "script" in job:
            check_command_lines("templates/ato-sync.yml", [job.get("before_script", []), job["script"]])

pre_commit = yaml.safe_load((source / "examples/ci/pre-commit/.pre-commit-config.yaml").read_text())
hooks = [h for repo in pre_commit.get("repos", []) for h in repo.get("hooks", [])]
if not any(h.get("entry", "").startswith("ato-sync validate") for h in hooks):
    fail("pre-commit recipe: no hook runs 'ato-sync validate'")
if "fmt" in commands and not any(h.get("entry", "").startswith("ato-sync fmt --check") for h in hooks):
    fail("pre-commit recipe: ato-sync has fmt, but no hook runs 'ato-sync fmt --check'")
check_command_lines("pre-commit", pre_commit)

# One rule everywhere: the pre-commit hook, the CI recipes and the workflow
# that `init` writes run validate with the same flags, so that a commit that
# passes locally passes in CI.
def validate_lines(document):
    for text in strings_in(document):
        for line in text.splitlines():
            match = re.search(r"\bato-sync validate\b([^|>;&]*)", line)
            if match:
                yield " ".join(sorted(shlex.split(match.group(1))))


with tempfile.TemporaryDirectory() as starter:
    subprocess.run([binary, "init"], cwd=starter, capture_output=True, check=True)
    init_workflow = yaml.safe_load((Path(starter) / ".github/workflows/ato-sync.yml").read_text())
validate_flags = {}
for name, document in (("github", github), ("gitlab", gitlab), ("pre-commit", pre_commit),
                       ("init's workflow", init_workflow)):
    for flags in validate_lines(document):
        validate_flags.setdefault(flags, []).append(name)
if set(validate_flags) != {"--strict"}:
    fail(f"validate runs with different flags: {validate_flags} (want --strict everywhere)")

for message in failures:
    print("FAIL:", message)
print(f"{'0' if failures else '1'} passed, {len(failures)} failed")
sys.exit(1 if failures else 0)
