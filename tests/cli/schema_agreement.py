#!/usr/bin/env python3
"""The JSON schemas and `ato-sync validate` agree on which files are valid:
every fixture under schema_fixtures/{valid,invalid}/{cases,configs} is run
through Debian's python3-jsonschema and through the real binary."""
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import jsonschema
import yaml

binary, source = sys.argv[1], Path(sys.argv[2])
fixtures = source / "tests/cli/schema_fixtures"
schemas = {kind: json.loads((source / f"schema/{kind}.schema.json").read_text()) for kind in ("case", "config")}
for schema in schemas.values():
    jsonschema.Draft202012Validator.check_schema(schema)

CONFIG = "endpoint: https://a\nproject: 1\nintegrations: {JIRA: {id: 1}}\n"


def schema_accepts(kind, path):
    try:
        document = yaml.safe_load(path.read_text())
        jsonschema.Draft202012Validator(schemas[kind]).validate(document)
        return True
    except (jsonschema.ValidationError, yaml.YAMLError):
        return False


def validate_accepts(kind, path):
    with tempfile.TemporaryDirectory() as repo:
        repo = Path(repo)
        (repo / "cases").mkdir()
        if kind == "case":
            (repo / "ato-sync.yaml").write_text(CONFIG)
            (repo / "cases" / "case.yaml").write_text(path.read_text())
        else:
            (repo / "ato-sync.yaml").write_text(path.read_text())
        result = subprocess.run([binary, "validate"], cwd=repo, capture_output=True, text=True)
        return result.returncode == 0


passed = failed = 0
for expected in ("valid", "invalid"):
    for kind, folder in (("case", "cases"), ("config", "configs")):
        for path in sorted((fixtures / expected / folder).glob("*.yaml")):
            by_schema, by_validate = schema_accepts(kind, path), validate_accepts(kind, path)
            want = expected == "valid"
            if by_schema == want and by_validate == want:
                passed += 1
            else:
                failed += 1
                print(f"FAIL {expected}/{folder}/{path.name}: schema says {by_schema}, validate says {by_validate}")
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
