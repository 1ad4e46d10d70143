#!/usr/bin/env python3
"""Validates the GitHub Action, the GitLab CI/CD component and the CI recipes
against the JSON Schemas of their formats (shipped in schemas/, offline), and
checks what a schema cannot: every input used is declared, inputs reach
scripts only through the environment, and the recipes pass only inputs that
the action and the component declare. The GitLab recipe is validated as
GitLab sees it: with the component's jobs included and merged.
Usage: check_formats.py SOURCE_DIR"""
import json
import os
import re
import sys
from pathlib import Path

import jsonschema
import yaml

source = Path(sys.argv[1])
schemas = Path(__file__).parent / "schemas"
failures = []
checks = 0


class Yaml12Loader(yaml.SafeLoader):
    """YAML as GitHub and GitLab read it: `on`, `yes` and `no` are strings (YAML 1.2)."""


Yaml12Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
Yaml12Loader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
                                   list("tTfF"))


def load(path):
    return yaml.load((source / path).read_text(), Loader=Yaml12Loader)


def fail(message):
    failures.append(message)


def validator(name):
    store = {}
    for path in schemas.glob("*.json"):
        schema = json.loads(path.read_text())
        store[schema["$id"]] = schema
    schema = json.loads((schemas / name).read_text())
    resolver = jsonschema.RefResolver(schema["$id"], schema, store=store)
    return jsonschema.Draft7Validator(schema, resolver=resolver)


def validate(label, document, schema_name):
    global checks
    checks += 1
    for error in sorted(validator(schema_name).iter_errors(document), key=lambda e: list(e.path)):
        where = "/".join(str(p) for p in error.path) or "(root)"
        fail(f"{label}: {where}: {error.message[:300]}")


def strings_in(node):
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from strings_in(key)
            yield from strings_in(value)
    elif isinstance(node, list):
        for value in node:
            yield from strings_in(value)


# --- the GitHub Action -------------------------------------------------------
action = load("action.yml")
validate("action.yml", action, "github-action.json")
action_inputs = set(action.get("inputs", {}))
action_outputs = set(action.get("outputs", {}))
steps = action.get("runs", {}).get("steps", [])
step_ids = {step["id"] for step in steps if "id" in step}
for text in strings_in(action):
    for name in re.findall(r"\binputs\.([\w-]+)", text):
        if name not in action_inputs:
            fail(f"action.yml: input '{name}' is used but not declared")
    for step_id in re.findall(r"\bsteps\.([\w-]+)\.outputs", text):
        if step_id not in step_ids:
            fail(f"action.yml: no step with id '{step_id}'")
for step in steps:
    if "run" not in step:
        continue
    if step.get("shell") != "bash":
        fail(f"action.yml: step '{step.get('name')}' needs `shell: bash`")
    # An expression in a script is spliced into its text: an input could inject code.
    if "${{" in step["run"]:
        fail(f"action.yml: step '{step.get('name')}' splices an expression into its script; pass it in `env:`")
    for script in re.findall(r"\$GITHUB_ACTION_PATH/([\w./-]+)", step["run"]):
        if not os.access(source / script, os.X_OK):
            fail(f"action.yml: {script} is not an executable file of the repository")

# --- the GitLab CI/CD component ----------------------------------------------
component_text = (source / "templates/ato-sync.yml").read_text()
documents = list(yaml.load_all(component_text, Loader=Yaml12Loader))
if len(documents) != 2:
    fail(f"templates/ato-sync.yml: {len(documents)} YAML documents, not 2 (the spec header, then the jobs)")
    documents += [{}] * 2
header, component_jobs = documents[0], documents[1]
validate("templates/ato-sync.yml (spec header)", header, "gitlab-ci.json")
validate("templates/ato-sync.yml (jobs)", component_jobs, "gitlab-ci.json")
spec_inputs = header.get("spec", {}).get("inputs", {}) or {}
for name in re.findall(r"\$\[\[\s*inputs\.([\w-]+)\s*\]\]", component_text):
    if name not in spec_inputs:
        fail(f"templates/ato-sync.yml: input '{name}' is used but not declared in spec:inputs")
for name in ("stage", "command", "args", "working-directory"):
    if name not in spec_inputs:
        fail(f"templates/ato-sync.yml: no input '{name}'")
for job in component_jobs.values():
    for script in job.get("before_script", []) + job.get("script", []):
        if "$[[" in script:
            fail("templates/ato-sync.yml: a script interpolates an input; pass it in `variables:`")
        for path in re.findall(r"\.ato-sync-src/([\w./-]+)", script):
            if not os.access(source / path, os.X_OK):
                fail(f"templates/ato-sync.yml: {path} is not an executable file of the repository")


def interpolate(node, inputs):
    """The component's jobs as GitLab includes them: inputs replace $[[ ]] in strings."""
    if isinstance(node, str):
        return re.sub(r"\$\[\[\s*inputs\.([\w-]+)\s*\]\]", lambda m: str(inputs.get(m.group(1), m.group(0))), node)
    if isinstance(node, dict):
        return {interpolate(k, inputs): interpolate(v, inputs) for k, v in node.items()}
    if isinstance(node, list):
        return [interpolate(v, inputs) for v in node]
    return node


def merge(base, override):
    """GitLab's deep merge of a job defined twice: hashes merge, the rest is replaced."""
    merged = dict(base)
    for key, value in override.items():
        merged[key] = merge(base[key], value) if isinstance(base.get(key), dict) and isinstance(value, dict) else value
    return merged


# --- the recipes ---------------------------------------------------------------
workflow = load("examples/ci/github/ato-sync.yml")
validate("github/ato-sync.yml", workflow, "github-workflow.json")
uses_action = 0
for job_name, job in workflow.get("jobs", {}).items():
    action_step_ids = set()
    for step in job.get("steps", []):
        if not re.fullmatch(r"[\w.-]+/ato-sync@[\w.-]+", step.get("uses", "")):
            continue
        uses_action += 1
        action_step_ids.add(step.get("id"))
        for name in step.get("with", {}):
            if name not in action_inputs:
                fail(f"github/ato-sync.yml: job {job_name}: the action has no input '{name}'")
    for text in strings_in(job):
        for step_id, output in re.findall(r"\bsteps\.([\w-]+)\.outputs\.([\w-]+)", text):
            if step_id in action_step_ids and output not in action_outputs:
                fail(f"github/ato-sync.yml: job {job_name}: the action has no output '{output}'")
if uses_action == 0:
    fail("github/ato-sync.yml: no step uses the ato-sync action")

gitlab = load("examples/ci/gitlab/.gitlab-ci.yml")
validate("gitlab/.gitlab-ci.yml", gitlab, "gitlab-ci.json")
includes = [item for item in gitlab.get("include", []) if isinstance(item, dict) and "component" in item]
if not includes:
    fail("gitlab/.gitlab-ci.yml: does not include the ato-sync component")
merged = {key: value for key, value in gitlab.items() if key != "include"}
for item in includes:
    given = item.get("inputs", {})
    for name in given:
        if name not in spec_inputs:
            fail(f"gitlab/.gitlab-ci.yml: the component has no input '{name}'")
    for name, spec in spec_inputs.items():
        if (spec is None or "default" not in spec) and name not in given:
            fail(f"gitlab/.gitlab-ci.yml: the component's input '{name}' is required")
    inputs = {name: (spec or {}).get("default") for name, spec in spec_inputs.items()} | given
    for job_name, job in interpolate(component_jobs, inputs).items():
        if job_name in gitlab and not job_name.startswith("."):
            job = merge(job, gitlab[job_name])
        merged[job_name] = job
validate("gitlab/.gitlab-ci.yml merged with the component", merged, "gitlab-ci.json")
for job_name, job in merged.items():
    if isinstance(job, dict) and "stage" in job and job["stage"] not in merged.get("stages", []):
        fail(f"gitlab/.gitlab-ci.yml: job {job_name} is in stage '{job['stage']}', which `stages` lacks")
    if isinstance(job, dict) and "rules" in job and "script" not in job:
        fail(f"gitlab/.gitlab-ci.yml: job {job_name} has no script (no component job of that name)")

pre_commit = load("examples/ci/pre-commit/.pre-commit-config.yaml")
validate("pre-commit/.pre-commit-config.yaml", pre_commit, "pre-commit-config.json")

for message in failures:
    print("FAIL:", message)
print(f"{checks} schema validations and the input checks: {len(failures)} problems")
print(f"{1 if not failures else 0} passed, {1 if failures else 0} failed")
sys.exit(1 if failures else 0)
