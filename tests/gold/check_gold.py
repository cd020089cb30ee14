#!/usr/bin/env python3
"""Check that every mention in the gold files can be found in its input.

For each .gold file under tests/gold/, dev/ included (or the files named on
the command line), this reads the input named by its "# file:" line and looks
for each mention text the way the scorer does (docs/annotation.md, "Gold
files"): a forward search for the exact bytes, starting at the end of the
previous mention.  An "@skip<TAB>text" line moves the start past the next
occurrence of that text.

It reports every text it cannot find, every text it finds only inside a
longer word or number (the "5" of "25": an "@skip" line is needed), and every
line it cannot read, then prints a count of mentions per file.  It does not
judge types or values beyond checking that they use the words the guidelines
define.

With --show it also prints where each mention was found (line:column and
the text around it), for reading a gold file side by side with its input.

Usage: check_gold.py [--show] [FILE.gold ...]
Exit status: 0 when every file passes, 1 otherwise.
"""

import sys
from collections import Counter
from pathlib import Path

GOLD_DIR = Path(__file__).resolve().parent
ROOT = GOLD_DIR.parent.parent

TYPES = {"DATE", "TIME", "DURATION", "SET"}
MODS = {
    "",
    "START",
    "MID",
    "END",
    "MORE_THAN",
    "LESS_THAN",
    "APPROX",
    "EQUAL_OR_MORE",
    "EQUAL_OR_LESS",
}
FLAGS = {"inferred", "relative", "workdays"}
FIELDS = {"authority", "reference", "category", "outcome", "decision_date"}


def is_word_byte(b):
    """ASCII letters and digits; other bytes never join words here."""
    return chr(b).isascii() and chr(b).isalnum()


def on_word_boundary(text, start, end):
    """True unless the span cuts a run of letters or digits at either end."""
    if start > 0 and is_word_byte(text[start]) and is_word_byte(text[start - 1]):
        return False
    if end < len(text) and is_word_byte(text[end - 1]) and is_word_byte(text[end]):
        return False
    return True


def show_match(text, at, end, gold_line):
    """Prints one found mention with its line:column and some context."""
    line = text.count(b"\n", 0, at) + 1
    col = len(text[text.rfind(b"\n", 0, at) + 1 : at].decode("utf-8")) + 1
    before = text[max(0, at - 30) : at].decode("utf-8", "ignore")
    after = text[end : end + 30].decode("utf-8", "ignore")
    ctx = f"{before}[{text[at:end].decode('utf-8')}]{after}"
    ctx = ctx.replace("\r", "\\r").replace("\n", "\\n").replace("\u00a0", "\u2423")
    print(f"  {line}:{col}\t{gold_line}\n      {ctx}")


def check_file(gold_path, show=False):
    """Returns (problems, counts by type) for one gold file."""
    problems = []
    counts = Counter()

    def problem(lineno, msg):
        problems.append(f"{gold_path}:{lineno}: {msg}")

    try:
        raw = gold_path.read_bytes()
    except OSError as e:
        problem(0, f"cannot read: {e.strerror}")
        return problems, counts
    try:
        lines = raw.decode("utf-8").split("\n")
    except UnicodeDecodeError as e:
        problem(0, f"not UTF-8 at byte {e.start}")
        return problems, counts
    if lines and lines[-1] == "":
        lines.pop()

    text = None
    pos = 0
    seen_fields = set()
    for lineno, line in enumerate(lines, 1):
        if line.endswith("\r"):
            problem(lineno, "line ends with CR")
            line = line[:-1]
        if line == "":
            problem(lineno, "empty line")
            continue
        if line.startswith("#"):
            if line.startswith("# file:"):
                rel = line[len("# file:") :].strip()
                try:
                    text = (ROOT / rel).read_bytes()
                except OSError as e:
                    problem(lineno, f"input {rel}: {e.strerror}")
                    return problems, counts
            continue
        if text is None:
            problem(lineno, "no '# file:' line before the first item")
            return problems, counts
        parts = line.split("\t")
        if line.startswith("@"):
            key = parts[0][1:]
            if len(parts) != 2 or parts[1] == "":
                problem(lineno, f"'@{key}' needs exactly one value")
                continue
            if key == "skip":
                want = parts[1].encode("utf-8")
                at = text.find(want, pos)
                if at < 0:
                    problem(lineno, f"skipped text not found: {parts[1]!r}")
                else:
                    pos = at + len(want)
                continue
            if key not in FIELDS:
                problem(lineno, f"unknown field '@{key}'")
            elif key in seen_fields:
                problem(lineno, f"field '@{key}' given twice")
            seen_fields.add(key)
            continue
        if len(parts) < 3 or len(parts) > 5:
            problem(lineno, f"expected 3 to 5 tab-separated fields, got {len(parts)}")
            continue
        mention, typ, value = parts[0], parts[1], parts[2]
        mod = parts[3] if len(parts) > 3 else ""
        flags = parts[4].split(",") if len(parts) > 4 and parts[4] else []
        if mention == "" or mention != mention.strip(" "):
            problem(lineno, f"empty text or spaces around it: {mention!r}")
        if typ not in TYPES:
            problem(lineno, f"unknown type {typ!r}")
        if value == "":
            problem(lineno, "empty value")
        if mod not in MODS:
            problem(lineno, f"unknown mod {mod!r}")
        for flag in flags:
            if flag not in FLAGS:
                problem(lineno, f"unknown flag {flag!r}")
        want = mention.encode("utf-8")
        at = text.find(want, pos)
        if at < 0:
            earlier = text.find(want)
            where = (
                f" (it occurs earlier, at byte {earlier})" if earlier >= 0 else ""
            )
            problem(lineno, f"text not found after byte {pos}: {mention!r}{where}")
            continue
        pos = at + len(want)
        if not on_word_boundary(text, at, pos):
            problem(lineno, f"{mention!r} found inside a longer word, at byte {at}")
        counts[typ] += 1
        if show:
            show_match(text, at, pos, "  ".join(parts[1:]))
    if text is None:
        problem(0, "no '# file:' line")
    return problems, counts


def label(path):
    """The file's name relative to tests/gold/ when it is under it."""
    try:
        return str(path.resolve().relative_to(GOLD_DIR))
    except ValueError:
        return str(path)


def main(argv):
    args = argv[1:]
    show = "--show" in args
    args = [a for a in args if a != "--show"]
    paths = [Path(a) for a in args] or sorted(GOLD_DIR.rglob("*.gold"))
    if not paths:
        print(f"check_gold: no .gold files in {GOLD_DIR}", file=sys.stderr)
        return 1
    failed = 0
    total = Counter()
    for path in paths:
        if show:
            print(f"{label(path)}:")
        problems, counts = check_file(path, show)
        for p in problems:
            print(p, file=sys.stderr)
        n = sum(counts.values())
        total += counts
        detail = ", ".join(f"{t} {counts[t]}" for t in sorted(counts))
        status = "FAIL" if problems else "ok"
        noun = "mention" if n == 1 else "mentions"
        print(f"{label(path)}: {n} {noun} ({detail}) {status}")
        if problems:
            failed += 1
    detail = ", ".join(f"{t} {total[t]}" for t in sorted(total))
    print(f"total: {sum(total.values())} mentions ({detail}) in {len(paths)} files")
    if failed:
        print(f"check_gold: {failed} of {len(paths)} files failed", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
