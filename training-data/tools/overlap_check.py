#!/usr/bin/env python3
"""Reports project sentences that share a run of N words with the external datasets.

The corpus must be the project's own writing (see GUIDELINES.md, section 7). This check makes that visible: it
collects every N-word run (default 8, lower-cased, punctuation dropped) from the text files under the external
data folder and lists each corpus sentence or slice line that contains one, for a person to judge: stock phrases
("did not respond to a request for comment") are expected, a shared clause is not. Exit status 1 when anything
is listed. It prints only a note when the folder is absent, so it can run anywhere.

    python3 training-data/tools/overlap_check.py                       # corpus.jsonl vs ../shared/datasets
    python3 training-data/tools/overlap_check.py --n 6 src/new.txt     # one slice, 6-word runs
"""
import argparse
import csv
import json
import re
import sys
from pathlib import Path

WORD = re.compile(r"[a-z0-9']+")
HERE = Path(__file__).resolve().parent.parent


def words(text):
    return WORD.findall(text.lower())


def runs(text, n):
    w = words(text)
    return {" ".join(w[i:i + n]) for i in range(len(w) - n + 1)}


def external_texts(folder):
    csv.field_size_limit(sys.maxsize)
    for path in sorted(folder.rglob("*")):
        if path.suffix == ".txt":
            yield path.read_text(encoding="utf-8", errors="replace")
        elif path.suffix == ".csv":
            with path.open(encoding="utf-8", errors="replace", newline="") as f:
                for row in csv.reader(f):
                    yield " ".join(row)
        elif path.suffix == ".json":
            yield path.read_text(encoding="utf-8", errors="replace")


def project_sentences(paths):
    for path in paths:
        if path.suffix == ".jsonl":
            for line in path.open(encoding="utf-8"):
                row = json.loads(line)
                yield f"{path.name}:{row['id']}", row["text"]
        else:
            for number, line in enumerate(path.open(encoding="utf-8"), 1):
                parts = line.rstrip("\n").split("\t")
                if len(parts) == 4:
                    yield f"{path.name}:{number}", re.sub(r"\{\{(.+?)\|[a-z_]+\}\}", r"\1", parts[3])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, help="corpus.jsonl or slice files (default: corpus.jsonl)")
    parser.add_argument("--n", type=int, default=8, help="run length in words (default: 8)")
    parser.add_argument("--external", type=Path, default=HERE.parent.parent / "shared" / "datasets")
    args = parser.parse_args()
    if not args.external.is_dir():
        print(f"{args.external} not found: nothing to compare with")
        return 0
    seen = set()
    for text in external_texts(args.external):
        seen |= runs(text, args.n)
    files = args.files or [HERE / "corpus.jsonl"]
    checked = hits = 0
    for where, text in project_sentences(files):
        checked += 1
        shared = sorted(runs(text, args.n) & seen)
        if shared:
            hits += 1
            print(f"{where}\t{shared[0]!r}\t{text}")
    print(f"{checked} sentences checked against {len(seen):,} external {args.n}-word runs: {hits} share one")
    return 1 if hits else 0


if __name__ == "__main__":
    sys.exit(main())
