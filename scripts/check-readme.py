#!/usr/bin/env python3
"""Runs every ```sh block of README.md, in order, in one bash session, from the repository root.

The README promises that its examples run as written, top to bottom, from a fresh clone (after
`make test` or `make report`). This script keeps that promise honest: CI runs it (.ci/run). A
block is left out only when the line before it says why:

    <!-- not run by scripts/check-readme.py: REASON -->

It deletes and recreates `out/` (git-ignored), where the README's examples write. Exit status:
0 when every block ran, 1 when one failed (naming its line), 2 on a usage error.

    python3 scripts/check-readme.py [--list]
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SKIP = re.compile(r"^<!-- not run by scripts/check-readme\.py: (.+) -->$")


def blocks(markdown):
    """(line number, text, reason-not-run or None) for each ```sh block."""
    lines = markdown.split("\n")
    found = []
    i = 0
    while i < len(lines):
        fence = lines[i].strip()
        if fence.startswith("```"):
            language = fence[3:].strip()
            start = i
            i += 1
            body = []
            while i < len(lines) and lines[i].strip() != "```":
                body.append(lines[i])
                i += 1
            if language == "sh":
                previous = next((lines[j].strip() for j in range(start - 1, -1, -1) if lines[j].strip()), "")
                skip = SKIP.match(previous)
                found.append((start + 1, "\n".join(body), skip.group(1) if skip else None))
        i += 1
    return found


def main(argv):
    if len(argv) > 1 and argv[1] not in ("--list",):
        print(__doc__, file=sys.stderr)
        return 2
    with open(os.path.join(ROOT, "README.md"), encoding="utf-8") as f:
        found = blocks(f.read())
    if len(argv) > 1:
        for line, text, reason in found:
            print(f"README.md:{line}: {'not run: ' + reason if reason else 'runs'}")
        return 0
    script = ["set -euo pipefail", 'trap \'echo "check-readme: the block at README.md:$BLOCK failed" >&2\' ERR']
    run = 0
    for line, text, reason in found:
        if reason:
            print(f"check-readme: README.md:{line} not run: {reason}")
            continue
        run += 1
        script.append(f"BLOCK={line}")
        script.append(f"echo '==> README.md:{line}' >&2")
        script.append(text)
    shutil.rmtree(os.path.join(ROOT, "out"), ignore_errors=True)
    with tempfile.NamedTemporaryFile("w", suffix=".sh", delete=False) as f:
        f.write("\n".join(script) + "\n")
        path = f.name
    try:
        status = subprocess.call(["bash", path], cwd=ROOT)
    finally:
        os.unlink(path)
    if status != 0:
        print(f"check-readme: failed (exit status {status})", file=sys.stderr)
        return 1
    print(f"check-readme: {run} blocks of README.md ran as written; {len(found) - run} not run (reasons above)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
