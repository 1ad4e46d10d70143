#!/usr/bin/env python3
"""The JSON schemas and `ato-sync validate` agree on which files are valid:
every fixture under schema_fixtures/{valid,invalid}/{cases,configs,shared-steps,test-plans}
is run through Debian's python3-jsonschema and through the real binary. Case
fixtures may `use: auth/login`: the repository they are validated in has it.

The schema sees the YAML as editors do: yaml-language-server reads YAML 1.2
(core schema), where `42` and `true` are a number and a boolean but `yes`,
`on` and `2024-01-01` are text; PyYAML alone would read YAML 1.1."""
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import jsonschema
import yaml

binary, source = sys.argv[1], Path(sys.argv[2])
fixtures = source / "tests/cli/schema_fixtures"
schemas = {kind: json.loads((source / f"schema/{kind}.schema.json").read_text())
           for kind in ("case", "config", "shared-step", "test-plan")}
for schema in schemas.values():
    jsonschema.Draft202012Validator.check_schema(schema)

class Yaml12Loader(yaml.SafeLoader):
    """PyYAML's safe loader with the YAML 1.2 core schema's implicit types."""


Yaml12Loader.yaml_implicit_resolvers = {}
for tag, pattern, first in (
    ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", "-+0123456789"),
    ("float", r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
     "-+0123456789."),
    ("null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
):
    Yaml12Loader.add_implicit_resolver(f"tag:yaml.org,2002:{tag}", re.compile(pattern), list(first))


def construct_int(loader, node):
    text = loader.construct_scalar(node)
    if text.startswith("0o"):
        return int(text[2:], 8)
    return int(text, 16) if text.startswith("0x") else int(text, 10)


def construct_float(loader, node):
    text = loader.construct_scalar(node).lower()
    return float(text.replace(".inf", "inf").replace(".nan", "nan"))


Yaml12Loader.add_constructor("tag:yaml.org,2002:int", construct_int)
Yaml12Loader.add_constructor("tag:yaml.org,2002:float", construct_float)
Yaml12Loader.add_constructor("tag:yaml.org,2002:bool", lambda loader, node: loader.construct_scalar(node).lower() == "true")

CONFIG = "endpoint: https://a\nproject: 1\nintegrations: {JIRA: {id: 1}}\nlints: [unused-shared-step]\n"
LOGIN = "id: auth/login\nname: Log in\nsteps: [Open /login]\n"


def schema_accepts(kind, path):
    try:
        document = yaml.load(path.read_text(), Loader=Yaml12Loader)
        jsonschema.Draft202012Validator(schemas[kind]).validate(document)
        return True
    except (jsonschema.ValidationError, yaml.YAMLError):
        return False


def validate_accepts(kind, path):
    with tempfile.TemporaryDirectory() as repo:
        repo = Path(repo)
        (repo / "cases").mkdir()
        (repo / "shared-steps").mkdir()
        if kind == "case":
            # The files that case fixtures attach: the schema cannot see files, validate does.
            shutil.copytree(fixtures / "attachment-files", repo / "cases" / "files")
            (repo / "ato-sync.yaml").write_text(CONFIG)
            (repo / "cases" / "case.yaml").write_text(path.read_text())
            (repo / "shared-steps" / "login.yaml").write_text(LOGIN)
        elif kind == "shared-step":
            (repo / "ato-sync.yaml").write_text(CONFIG)
            (repo / "shared-steps" / "step.yaml").write_text(path.read_text())
        elif kind == "test-plan":
            # Its globs match a case, so that no lint warning stands in for an error.
            (repo / "ato-sync.yaml").write_text(CONFIG)
            (repo / "cases" / "case.yaml").write_text("id: checkout/guest\nname: Guest\nlayer: UI\nsteps: [Open /cart]\n")
            (repo / "test-plans").mkdir()
            (repo / "test-plans" / "plan.yaml").write_text(path.read_text())
        else:
            (repo / "ato-sync.yaml").write_text(path.read_text())
        result = subprocess.run([binary, "validate"], cwd=repo, capture_output=True, text=True)
        return result.returncode == 0, result.stderr.strip()


passed = failed = 0
for expected in ("valid", "invalid"):
    for kind, folder in (("case", "cases"), ("config", "configs"), ("shared-step", "shared-steps"), ("test-plan", "test-plans")):
        for path in sorted((fixtures / expected / folder).glob("*.yaml")):
            by_schema, (by_validate, said) = schema_accepts(kind, path), validate_accepts(kind, path)
            want = expected == "valid"
            if by_schema == want and by_validate == want:
                passed += 1
            else:
                failed += 1
                print(f"FAIL {expected}/{folder}/{path.name}: schema says {by_schema}, validate says {by_validate}")
                if said:
                    print("  validate: " + said.replace("\n", "\n  "))
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
