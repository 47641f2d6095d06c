#!/usr/bin/env python3
"""Validates every line of JSON-lines files against a JSON Schema (draft 2020-12), after
checking the schema itself.

    python3 scripts/validate-json-lines.py schemas/dedup-pair.schema.json pairs.jsonl [more.jsonl ...]
    python3 scripts/validate-json-lines.py --document schemas/report.schema.json report.json

With --document each file is one JSON document (the report's pretty-printed object), not lines.

Prints `FILE:LINE: message` for each line that is not valid and exits 1 if any; exits 2 when the
schema is not a valid schema or python3's jsonschema is missing (scripts/install-deps.sh installs
it). Used by the tests (Tests/neardupTests/SchemaCLITests.swift) on real outputs.
"""
import json
import sys

try:
    import jsonschema
except ImportError:
    sys.exit("validate-json-lines: python3's jsonschema is missing: run scripts/install-deps.sh (or pip install jsonschema)")


def main():
    document = len(sys.argv) > 1 and sys.argv[1] == "--document"
    if document:
        del sys.argv[1]
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    with open(sys.argv[1], encoding="utf-8") as handle:
        schema = json.load(handle)
    try:
        jsonschema.Draft202012Validator.check_schema(schema)
    except jsonschema.SchemaError as error:
        print(f"{sys.argv[1]}: not a valid schema: {error.message}", file=sys.stderr)
        sys.exit(2)
    validator = jsonschema.Draft202012Validator(schema)
    bad = lines = 0
    for path in sys.argv[2:]:
        with open(path, encoding="utf-8") as handle:
            for number, line in enumerate([handle.read()] if document else handle, 1):
                lines += 1
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as error:
                    print(f"{path}:{number}: not JSON: {error}", file=sys.stderr)
                    bad += 1
                    continue
                for error in validator.iter_errors(record):
                    where = "/".join(str(p) for p in error.absolute_path)
                    print(f"{path}:{number}: {where or '(record)'}: {error.message}", file=sys.stderr)
                    bad += 1
    print(f"{lines} lines, {bad} problems")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
