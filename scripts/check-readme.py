#!/usr/bin/env python3
"""Runs every ```sh block of README.md and of docs/*.md, in order, from the repository root, and
checks the links between them.

The README and the guides in docs/ promise that their examples run as written, top to bottom,
from a clone (after `make test` or `make report`). This script keeps that promise honest: CI
runs it (.ci/run). README.md runs first, in one bash session; then each docs/*.md file, in
sorted order, each in a bash session of its own (a guide sets up what it needs itself, so it
can be run alone). A block is left out only when the line before it says why:

    <!-- not run by scripts/check-readme.py: REASON -->

It also checks, without running anything:
- every relative link of those files ([text](path) or [text](path#anchor)) names a file of the
  repository, and an anchor names a heading of the Markdown file it points to;
- the README and the DocC article GettingStarted.md show the same package dependency block, and
  its `from:` version is `NearDupPackage.version`.

It deletes and recreates `out/` (git-ignored), where the examples write. Exit status: 0 when
every check passed and every block ran, 1 when one failed (naming its file and line), 2 on a
usage error.

    python3 scripts/check-readme.py [--list] [FILE.md ...]     (default: README.md docs/*.md)
"""
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SKIP = re.compile(r"^<!-- not run by scripts/check-readme\.py: (.+) -->$")
LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)\)")
GETTING_STARTED = "Sources/NearDup/NearDup.docc/GettingStarted.md"
VERSION_FILE = "Sources/NearDupCore/NearDupPackage.swift"


def documents():
    """README.md, then the Markdown files of docs/, as paths from the repository root."""
    return ["README.md"] + sorted(os.path.relpath(p, ROOT) for p in glob.glob(os.path.join(ROOT, "docs", "*.md")))


def fenced(markdown):
    """(line number, language, text, reason-not-run or None) for each fenced block."""
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
            previous = next((lines[j].strip() for j in range(start - 1, -1, -1) if lines[j].strip()), "")
            skip = SKIP.match(previous)
            found.append((start + 1, language, "\n".join(body), skip.group(1) if skip else None))
        i += 1
    return found


def blocks(markdown):
    """(line number, text, reason-not-run or None) for each ```sh block."""
    return [(line, text, reason) for line, language, text, reason in fenced(markdown) if language == "sh"]


def slug(heading):
    """GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens."""
    text = re.sub(r"`", "", heading.strip().lower())
    text = re.sub(r"[^\w\- ]", "", text)
    return text.replace(" ", "-")


def anchors(markdown):
    outside = []
    in_fence = False
    for line in markdown.split("\n"):
        if line.strip().startswith("```"):
            in_fence = not in_fence
        elif not in_fence:
            outside.append(line)
    return {slug(m.group(1)) for m in (re.match(r"^#{1,6}\s+(.*)$", line) for line in outside) if m}


def link_problems(path, markdown):
    """Relative links of one file that name no file of the repository, or no heading of it."""
    problems = []
    in_fence = False
    for number, line in enumerate(markdown.split("\n"), 1):
        if line.strip().startswith("```"):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        for match in LINK.finditer(line):
            target = match.group(1)
            if re.match(r"^[a-z]+:", target):
                continue  # http:, https:, mailto:, doc:
            file_part, _, anchor = target.partition("#")
            resolved = os.path.normpath(os.path.join(os.path.dirname(os.path.join(ROOT, path)), file_part)) if file_part \
                else os.path.join(ROOT, path)
            if os.path.relpath(resolved, ROOT).startswith(".."):
                problems.append(f"{path}:{number}: the link {target} leaves the repository")
                continue
            if not os.path.exists(resolved):
                problems.append(f"{path}:{number}: the link {target} names no file")
                continue
            if anchor and resolved.endswith(".md"):
                with open(resolved, encoding="utf-8") as f:
                    if anchor not in anchors(f.read()):
                        problems.append(f"{path}:{number}: the link {target} names no heading of {os.path.relpath(resolved, ROOT)}")
    return problems


def dependency_problems():
    """The README's and GettingStarted's package dependency blocks must be one, at the version."""
    def block(path):
        with open(os.path.join(ROOT, path), encoding="utf-8") as f:
            found = [text for _, _, text, _ in fenced(f.read()) if ".package(url:" in text]
        return found[0] if len(found) == 1 else None
    readme, article = block("README.md"), block(GETTING_STARTED)
    problems = []
    if readme is None or article is None:
        return [f"README.md and {GETTING_STARTED} must each show one block with the `.package(url: …)` line"]
    if readme.strip() != article.strip():
        problems.append(f"README.md and {GETTING_STARTED} show different package dependency blocks")
    with open(os.path.join(ROOT, VERSION_FILE), encoding="utf-8") as f:
        version = re.search(r'static let version = "([^"]+)"', f.read())
    shown = re.search(r'from: "([^"]+)"', readme)
    if not version or not shown or version.group(1) != shown.group(1):
        problems.append(f"the dependency block's version ({shown.group(1) if shown else 'none'}) is not "
                        f"NearDupPackage.version ({version.group(1) if version else 'not found'})")
    return problems


def run(path, found):
    """Runs a file's blocks in one bash session; returns (blocks run, exit status)."""
    script = ["set -euo pipefail", f'trap \'echo "check-readme: the block at {path}:$BLOCK failed" >&2\' ERR']
    ran = 0
    for line, text, reason in found:
        if reason:
            print(f"check-readme: {path}:{line} not run: {reason}")
            continue
        ran += 1
        script.append(f"BLOCK={line}")
        script.append(f"echo '==> {path}:{line}' >&2")
        script.append(text)
    if ran == 0:
        return 0, 0
    with tempfile.NamedTemporaryFile("w", suffix=".sh", delete=False) as f:
        f.write("\n".join(script) + "\n")
        script_path = f.name
    try:
        return ran, subprocess.call(["bash", script_path], cwd=ROOT)
    finally:
        os.unlink(script_path)


def main(argv):
    listing = "--list" in argv[1:]
    names = [a for a in argv[1:] if a != "--list"]
    if any(a.startswith("-") or not a.endswith(".md") for a in names):
        print(__doc__, file=sys.stderr)
        return 2
    paths = names or documents()
    texts = {}
    for path in paths:
        try:
            with open(os.path.join(ROOT, path), encoding="utf-8") as f:
                texts[path] = f.read()
        except OSError as error:
            print(f"check-readme: {path}: {error.strerror}", file=sys.stderr)
            return 2
    if listing:
        for path in paths:
            for line, text, reason in blocks(texts[path]):
                print(f"{path}:{line}: {'not run: ' + reason if reason else 'runs'}")
        return 0
    problems = [p for path in paths for p in link_problems(path, texts[path])] + dependency_problems()
    for problem in problems:
        print(f"check-readme: {problem}", file=sys.stderr)
    if problems:
        return 1
    shutil.rmtree(os.path.join(ROOT, "out"), ignore_errors=True)
    total_run = total = 0
    for path in paths:
        found = blocks(texts[path])
        ran, status = run(path, found)
        total_run += ran
        total += len(found)
        if status != 0:
            print(f"check-readme: {path} failed (exit status {status})", file=sys.stderr)
            return 1
    print(f"check-readme: {total_run} blocks of {', '.join(paths)} ran as written; "
          f"{total - total_run} not run (reasons above); links and the dependency block checked")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
