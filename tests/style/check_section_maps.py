#!/usr/bin/env python3
"""A file that opens with a section map tells the truth about its body (the Dear ImGui style the project
keeps): every section in the map is marked where it starts, in the map's order, and every marker in the
body names a section of the map (or a part the map lists in parentheses, "loop (set-up, frame)").

The map is the first "Sections:" line in the file's first 40 lines, either inline ("Sections: a | b · c",
continued on the next comment lines while a separator or an open parenthesis says it goes on) or one
section per line under a bare "Sections:" ("//   1. name: what it does"). "(details)" are not part of
a section's name, nor, in the one-per-line form, what follows a ':'.

A marker is a comment line that begins with the section's name and is either opened by four or more
dashes ("// ---- records ----", "// ---- records: what they hold ----") or sits directly under a dashed rule
(a banner: "// ----------" / "// 2. records" / "// ----------"). Leading numbers ("2.", "1b.") and
backticks are ignored on both sides, case and runs of spaces too.

Usage: check_section_maps.py ROOT   (exit 1 and one line per problem when there is any)
       check_section_maps.py --self-test
"""
import os
import re
import sys

SOURCE_DIRS = ["bench", "common", "config", "drivers", "kiosk", "offline", "server", "shared", "tests",
               "text", "tools", "ui"]
EXTENSIONS = (".h", ".cpp")
SEPARATOR = r"[|·]"
RULE = re.compile(r"^\s*//\s*[-=─]{4,}\s*$")  # a dashed rule line on its own (banner top/bottom)
FRAMED = re.compile(r"^\s*//\s*[-=─]{4,}\s*(.*?)\s*[-=─]*\s*$")  # "// ---- name ----"


def comment_text(line):
    return line.strip().lstrip("/").strip()


def stops_map(line):
    """An empty comment line, code, or the checklist ends a map that runs over several lines."""
    return (not line.lstrip().startswith("//") or not comment_text(line)
            or re.match(r"(Checklist|Implemented|\[[ x]\])", comment_text(line)))


def strip_details(text):
    """Drops "(details)", nested or not."""
    while True:
        stripped = re.sub(r"\s*\([^()]*\)", " ", text)
        if stripped == text:
            return text
        text = stripped


def section_names(lines):
    """The names in the file's section map, the map's own text, and the index of the line after it."""
    for i, line in enumerate(lines[:40]):
        m = re.search(r"Sections:(.*)", line)
        if not m:
            continue
        text = re.sub(r"Checklist:.*", "", m.group(1)).strip()
        j = i + 1
        if not text:  # one section per line
            items = []
            while j < len(lines) and not stops_map(lines[j]):
                items.append(comment_text(lines[j]))
                j += 1
            names = [strip_details(item).split(":")[0] for item in items]
            return [n for n in (clean(n) for n in names) if n], " ".join(items), j
        while j < len(lines) and not stops_map(lines[j]):
            goes_on = (re.search(SEPARATOR + r"$", text) or text.count("(") > text.count(")")
                       or re.match(SEPARATOR, comment_text(lines[j])))
            if not goes_on:
                break
            text += " " + re.sub(r"Checklist:.*", "", comment_text(lines[j])).strip()
            j += 1
        parts = re.split(r"\s*" + SEPARATOR + r"\s*", strip_details(text))
        return [n for n in (clean(p) for p in parts) if n], text, j
    return None, "", 0


def clean(name):
    name = name.strip().rstrip(".").strip()
    name = re.sub(r"^\d+[a-z]?[.)]\s*", "", name)  # "2. parseConfig", "1b. preScan"
    return re.sub(r"\s+,", ",", name).strip()


def normalise(s):
    s = re.sub(r"^\d+[a-z]?[.)]\s*", "", s.strip())
    return re.sub(r"\s+", " ", s.replace("`", "").lower()).strip()


def begins_with(text, name):
    """text begins with name as a whole word or phrase ("parse" begins "parse per type", not "parser")."""
    text, name = normalise(text), normalise(name)
    return text.startswith(name) and (len(text) == len(name) or not text[len(name)].isalnum())


def markers(body, first_line):
    """(line number, marker text) for every marker in the body: dash-framed lines and banner titles."""
    found = []
    for k, line in enumerate(body):
        if RULE.match(line):
            continue
        framed = FRAMED.match(line)
        if framed and framed.group(1):
            found.append((first_line + k, framed.group(1)))
        elif k > 0 and RULE.match(body[k - 1]) and line.lstrip().startswith("//") and comment_text(line):
            found.append((first_line + k, comment_text(line)))
    return found


def check_file(path, rel):
    with open(path, encoding="utf-8", errors="replace") as fh:
        return check_lines(fh.readlines(), rel)


def check_lines(lines, rel):
    names, map_text, end = section_names(lines)
    if not names:
        return []
    problems = []
    marks = markers(lines[end:], end + 1)
    where = {}
    for n in names:
        at = [ln for ln, text in marks if begins_with(text, n)]
        if not at:
            problems.append(f"{rel}: section '{n}' is in the map but not marked in the body "
                            f"(add a '// ---- {n} ----' line where it starts)")
        else:
            where[n] = at[0]
    listed = [n for n in names if n in where]
    for before, after in zip(listed, listed[1:]):
        if where[after] < where[before]:
            problems.append(f"{rel}: section '{after}' (line {where[after]}) comes before '{before}' "
                            f"(line {where[before]}) in the body but after it in the map "
                            f"(put the map in the body's order)")
    mentioned = normalise(map_text)
    for ln, text in marks:
        name = re.split(r"[:(]", text)[0].strip()
        if name and not any(begins_with(text, n) for n in names) and normalise(name) not in mentioned:
            problems.append(f"{rel}:{ln}: marker '{text}' names no section in the map "
                            f"(add '{name}' to the map, or make the line a plain comment)")
    return problems


# --self-test: each rule catches what it is for, and a file that keeps them all passes (so a checker
# broken into passing everything fails its own test).
SELF_TEST = {
    "good": ("// Sections: a | b (details) ·\n//   c · d\nint x;\n// ---- a ----\n// ---- b: more ----\n"
             "    // ---- details ----\n// ----------\n// 3. c\n// ----------\n// ---- d ----\n", None),
    "list form": ("// Sections:\n//   1. alpha: what it does\n//   2. beta (parts), gamma\n//\n"
                  "// ---- alpha ----\n// ---- beta, gamma ----\n", None),
    "missing": ("// Sections: a | b\n// ---- a ----\n", "section 'b' is in the map but not marked"),
    "plain comment": ("// Sections: a\nint x;\n// a is said here but not marked\n",
                      "section 'a' is in the map"),
    "continued map": ("// Sections: a · b (over\n// two lines) · c\n// ---- a ----\n// ---- b ----\n",
                      "section 'c' is in the map"),
    "order": ("// Sections: a | b\n// ---- b ----\n// ---- a ----\n",
              "section 'b' (line 2) comes before 'a'"),
    "unlisted": ("// Sections: a\n// ---- a ----\n// ---- z ----\n", "marker 'z' names no section"),
}


def self_test():
    failed = 0
    for case, (text, want) in SELF_TEST.items():
        problems = check_lines(text.splitlines(keepends=True), case)
        ok = not problems if want is None else any(want in p for p in problems)
        if not ok:
            failed += 1
            print(f"self-test '{case}': expected {want or 'no problem'}, got {problems or 'no problem'}")
    print(f"self-test: {len(SELF_TEST) - failed} of {len(SELF_TEST)} cases as expected")
    return 1 if failed else 0


def main():
    if sys.argv[1:] == ["--self-test"]:
        return self_test()
    root = sys.argv[1] if len(sys.argv) > 1 else "."
    problems = []
    for d in SOURCE_DIRS:
        for dirpath, dirnames, files in os.walk(os.path.join(root, d)):
            dirnames.sort()
            for f in sorted(files):
                if f.endswith(EXTENSIONS):
                    path = os.path.join(dirpath, f)
                    problems += check_file(path, os.path.relpath(path, root))
    for p in problems:
        print(p)
    if problems:
        print(f"{len(problems)} problem(s) with section maps")
        return 1
    print("every section map is marked in its file, in order")
    return 0


if __name__ == "__main__":
    sys.exit(main())
