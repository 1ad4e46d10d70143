#!/usr/bin/env python3
"""Every schema/*.json is a valid JSON Schema 2020-12 (Debian's
python3-jsonschema checks it against the meta-schema) and compiles under
Ajv's strict mode (`new Ajv2020({strict: true})`), the mode editors' and CI
tools' validators use. Debian 12 packages only Ajv 6 (node-ajv), which has no
2020-12, so the strict rules that matter are checked here, offline, the way
Ajv 8 applies them (ajv.js.org/strict-mode.html):
- strictSchema: no unknown keywords, no `format` (Ajv knows none by default);
- strictTypes: a keyword that applies to one type (properties, required,
  items, pattern, minimum, ...) needs that type in `type` of its own schema
  object or of an enclosing one at the same data (allOf, anyOf, oneOf, not,
  if/then/else; `$ref` starts afresh); a subschema's type must be one its
  context allows; no union types other than [T, "null"];
- strictRequired: a `required` name is defined in `properties` of the same
  schema object (Ajv sees the enclosing `properties` only after oneOf/anyOf);
- strictTuples: `prefixItems` with `minItems` and `items: false` or `maxItems`;
- no `if` without `then` or `else`, no `then` or `else` without `if`;
- every local `$ref` resolves.
The checker is tested first on schemas with each problem."""
import json
import sys
from pathlib import Path

import jsonschema

KNOWN = {
    # core
    "$schema", "$id", "$ref", "$anchor", "$dynamicRef", "$dynamicAnchor", "$vocabulary", "$comment", "$defs",
    # applicator
    "allOf", "anyOf", "oneOf", "not", "if", "then", "else", "dependentSchemas", "prefixItems", "items",
    "contains", "properties", "patternProperties", "additionalProperties", "propertyNames",
    # unevaluated
    "unevaluatedItems", "unevaluatedProperties",
    # validation
    "type", "const", "enum", "multipleOf", "maximum", "exclusiveMaximum", "minimum", "exclusiveMinimum",
    "maxLength", "minLength", "pattern", "maxItems", "minItems", "uniqueItems", "maxContains", "minContains",
    "maxProperties", "minProperties", "required", "dependentRequired",
    # meta-data and content
    "title", "description", "default", "deprecated", "readOnly", "writeOnly", "examples",
    "contentEncoding", "contentMediaType", "contentSchema",
}
TYPED = {
    "object": {"properties", "patternProperties", "additionalProperties", "propertyNames", "required",
               "dependentRequired", "dependentSchemas", "minProperties", "maxProperties", "unevaluatedProperties"},
    "array": {"items", "prefixItems", "contains", "minItems", "maxItems", "uniqueItems", "minContains",
              "maxContains", "unevaluatedItems"},
    "string": {"pattern", "minLength", "maxLength", "contentEncoding", "contentMediaType", "contentSchema"},
    "number": {"minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"},
}
SAME_DATA = {"allOf", "anyOf", "oneOf", "not", "if", "then", "else", "dependentSchemas"}


def applies(context, kind):
    return kind in context or (kind == "number" and "integer" in context)


def check(schema):
    problems = []
    root = schema

    def resolve(ref):
        if not ref.startswith("#"):
            return False
        node = root
        for part in filter(None, ref[1:].split("/")):
            part = part.replace("~1", "/").replace("~0", "~")
            if not isinstance(node, dict) or part not in node:
                return False
            node = node[part]
        return True

    def walk(node, path, context):
        if isinstance(node, bool):
            return
        if not isinstance(node, dict):
            problems.append(f"{path}: a schema must be an object or a boolean")
            return
        for key in node:
            if key not in KNOWN:
                problems.append(f"{path}: unknown keyword \"{key}\"")
        if "format" in node:
            problems.append(f"{path}: unknown format \"{node['format']}\" (Ajv strict knows no formats)")
        types = node.get("type", [])
        types = [types] if isinstance(types, str) else list(types)
        if len(types) > 1 and not (len(types) == 2 and "null" in types):
            problems.append(f"{path}: union type {types} (use allowUnionTypes, or oneOf)")
        if types and context:
            for t in types:
                if not applies(context, t) and not (t == "integer" and "number" in context):
                    problems.append(f"{path}: type \"{t}\" not allowed by context {sorted(context)}")
            here = [t for t in context if t in types or (t == "number" and "integer" in types)]
        else:
            here = types or context
        for kind, keywords in TYPED.items():
            for keyword in sorted(keywords & node.keys()):
                if not applies(here, kind):
                    problems.append(f"{path}: missing type \"{kind}\" for keyword \"{keyword}\"")
        for name in node.get("required", []):
            if name not in node.get("properties", {}):
                problems.append(f"{path}: required property \"{name}\" is not defined in its properties")
        if "prefixItems" in node and ("minItems" not in node or (node.get("items") is not False and "maxItems" not in node)):
            problems.append(f"{path}: prefixItems without minItems and items: false or maxItems")
        if "if" in node and "then" not in node and "else" not in node:
            problems.append(f"{path}: \"if\" without \"then\" and \"else\" is ignored")
        for branch in ("then", "else"):
            if branch in node and "if" not in node:
                problems.append(f"{path}: \"{branch}\" without \"if\" is ignored")
        if "$ref" in node and not resolve(node["$ref"]):
            problems.append(f"{path}: $ref {node['$ref']} does not resolve")

        for key, value in node.items():
            at = f"{path}/{key}"
            if key in SAME_DATA:
                children = value.items() if key == "dependentSchemas" else (
                    enumerate(value) if isinstance(value, list) else [(None, value)])
                for index, child in children:
                    walk(child, at if index is None else f"{at}/{index}", here)
            elif key in ("properties", "patternProperties", "$defs"):
                for name, child in value.items():
                    walk(child, f"{at}/{name}", [])
            elif key in ("additionalProperties", "items", "contains", "unevaluatedItems", "unevaluatedProperties"):
                walk(value, at, [])
            elif key == "propertyNames":
                walk(value, at, ["string"])
            elif key == "prefixItems":
                for index, child in enumerate(value):
                    walk(child, f"{at}/{index}", [])
    walk(schema, "#", [])
    return problems


SELF_TESTS = [
    ({"allOf": [{"properties": {"a": True}}]}, "missing type \"object\" for keyword \"properties\""),
    ({"type": "object", "allOf": [{"properties": {"a": True}}]}, None),
    ({"type": "object", "properties": {"a": {"$ref": "#/$defs/x"}}, "$defs": {"x": {"minLength": 1}}},
     "missing type \"string\" for keyword \"minLength\""),
    ({"type": ["string", "object"]}, "union type"),
    ({"type": ["string", "null"], "pattern": "x"}, None),
    ({"type": "string", "oneOf": [{"type": "array"}]}, "not allowed by context"),
    ({"$defs": {"x": {"expected": {"type": "string"}}}}, "unknown keyword \"expected\""),
    ({"type": "object", "properties": {"a": True}, "oneOf": [{"required": ["a"]}]}, "is not defined"),
    ({"type": "object", "properties": {"a": True}, "oneOf": [{"properties": {"a": True}, "required": ["a"]}]}, None),
    ({"type": "string", "format": "uri"}, "unknown format"),
    ({"$ref": "#/$defs/missing"}, "does not resolve"),
    ({"type": "object", "propertyNames": {"pattern": "^a"}}, None),
    ({"type": "integer", "minimum": 1}, None),
    ({"if": {"type": "object"}}, "without \"then\" and \"else\""),
    ({"then": {"type": "object"}}, "\"then\" without \"if\""),
]


def main():
    failed = 0
    for schema, expected in SELF_TESTS:
        problems = check(schema)
        ok = (not problems) if expected is None else any(expected in p for p in problems)
        if not ok:
            failed += 1
            print(f"FAIL checker on {json.dumps(schema)}: wanted {expected or 'no problem'}, got {problems}")
    source = Path(sys.argv[1])
    schemas = sorted((source / "schema").glob("*.json"))
    if not schemas:
        failed += 1
        print("FAIL no schema/*.json")
    for path in schemas:
        schema = json.loads(path.read_text())
        try:
            jsonschema.Draft202012Validator.check_schema(schema)
        except jsonschema.SchemaError as e:
            failed += 1
            print(f"FAIL {path.name}: not a valid 2020-12 schema: {e.message}")
        if schema.get("$schema") != "https://json-schema.org/draft/2020-12/schema":
            failed += 1
            print(f"FAIL {path.name}: $schema is not 2020-12")
        for problem in check(schema):
            failed += 1
            print(f"FAIL {path.name}: {problem}")
    print(f"{len(SELF_TESTS) + len(schemas) - failed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


main()
