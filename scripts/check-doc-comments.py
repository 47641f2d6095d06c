#!/usr/bin/env python3
"""Checks that every public symbol of a target has a doc comment, and that every public function,
initialiser and subscript documents each parameter, its return value and what it throws.

DocC's --warnings-as-errors catches broken links and parameters documented under a wrong name,
but not a symbol without a comment or a parameter left out of a comment that has none. This
reads the symbol graph that scripts/docs.sh extracted (.build/symbol-graphs/TARGET; it runs this after).

    scripts/check-doc-comments.py NearDup [NearDupCorpusGenerator ...]

Exit status 1 when anything is missing, with one line per symbol and problem.
"""
import glob
import json
import re
import sys

CALLABLE = ("swift.func", "swift.method", "swift.init", "swift.type.method", "swift.subscript", "swift.func.op")


def problems(graph_path):
    graph = json.load(open(graph_path))
    for symbol in graph["symbols"]:
        if symbol.get("accessLevel") not in ("public", "open"):
            continue
        uri = symbol.get("location", {}).get("uri")
        if uri is None:  # synthesised or inherited: nothing to write in our sources
            continue
        where = "%s:%d" % (uri.split("/Sources/")[-1], symbol["location"]["position"]["line"] + 1)
        name = ".".join(symbol["pathComponents"])
        comment = symbol.get("docComment")
        if not comment:
            yield where, name, "no doc comment"
            continue
        text = "\n".join(line["text"] for line in comment["lines"])
        signature = symbol.get("functionSignature")
        if signature is None or symbol["kind"]["identifier"] not in CALLABLE:
            continue
        for parameter in signature.get("parameters", []):
            internal = parameter.get("internalName", parameter["name"])
            if not re.search(r"-\s*(Parameter\s+)?" + re.escape(internal) + r"\s*:", text):
                yield where, name, "parameter '%s' not documented" % internal
        returns = "".join(part["spelling"] for part in signature.get("returns", []))
        if symbol["kind"]["identifier"] != "swift.init" and returns not in ("", "()", "Void") \
                and not re.search(r"-\s*Returns\s*:", text):
            yield where, name, "return value (%s) not documented" % returns
        declaration = "".join(part["spelling"] for part in symbol.get("declarationFragments", []))
        if re.search(r"\b(throws|rethrows)\b", declaration) and not re.search(r"-\s*Throws\s*:", text):
            yield where, name, "what it throws is not documented"


def main(targets):
    missing = 0
    for target in targets:
        graphs = glob.glob(".build/symbol-graphs/%s/%s.symbols.json" % (target, target))
        if not graphs:
            print("check-doc-comments: no symbol graph for %s; build its documentation first" % target)
            return 2
        graph = max(graphs, key=lambda path: __import__("os").path.getmtime(path))
        for where, name, problem in problems(graph):
            print("%s: %s: %s" % (where, name, problem))
            missing += 1
    if missing:
        print("check-doc-comments: %d problems" % missing)
        return 1
    print("check-doc-comments: every public symbol of %s is documented" % ", ".join(targets))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:] or ["NearDup"]))
