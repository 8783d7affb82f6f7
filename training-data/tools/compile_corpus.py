#!/usr/bin/env python3
"""Compiles the authored slices in training-data/src/*.txt into training-data/corpus.jsonl.

Authors write sentences with inline span markup, because hand-counting character offsets is error-prone;
this tool computes the offsets. Format of a slice (UTF-8, one sentence per line, tab-separated):

    # topic: immigration            <- first non-blank line, names the topic of the slice
    <group>\t<style>\t<N|L>\t<text with {{phrase|device}} markers>

Lines that start with '#' and blank lines are ignored. Sentences sharing a <group> key in a slice are one
contrastive group (pair_id); the split (train/dev/test, 80/10/10) is a stable hash of the pair_id, so a
group never straddles splits.

Usage:
    python3 training-data/tools/compile_corpus.py            # compile all slices
    python3 training-data/tools/compile_corpus.py --check F  # check one slice, print problems, write nothing
"""
import argparse
import hashlib
import json
import re
import sys
from pathlib import Path

DEVICES = {
    "loaded_wording", "name_calling", "exaggeration", "fear",
    "doubt", "flag_waving", "oversimplification", "imputed_motive",
}
STYLES = {"wire", "tabloid", "partisan_left", "partisan_right", "state_media", "op_ed", "advocacy"}
MARK = re.compile(r"\{\{(.+?)\|([a-z_]+)\}\}")
WORD = re.compile(r"\w", re.UNICODE)


def split_of(pair_id):
    bucket = int(hashlib.sha256(pair_id.encode("utf-8")).hexdigest()[:8], 16) % 10
    return "test" if bucket == 0 else "dev" if bucket == 1 else "train"


def parse_text(marked):
    """Returns (plain text, spans) or raises ValueError."""
    out, spans, pos = [], [], 0
    for m in MARK.finditer(marked):
        out.append(marked[pos:m.start()])
        start = sum(len(s) for s in out)
        phrase, device = m.group(1), m.group(2)
        if device not in DEVICES:
            raise ValueError(f"unknown device '{device}'")
        if phrase != phrase.strip() or not phrase:
            raise ValueError(f"span '{phrase}' has leading/trailing space")
        out.append(phrase)
        spans.append({"start": start, "end": start + len(phrase), "device": device})
        pos = m.end()
    out.append(marked[pos:])
    text = "".join(out)
    if "{{" in text or "}}" in text or "|" in text:
        raise ValueError("unbalanced or malformed {{...|device}} marker")
    for s in spans:
        a, b = s["start"], s["end"]
        if a > 0 and WORD.match(text[a - 1]) and WORD.match(text[a]):
            raise ValueError(f"span '{text[a:b]}' starts inside a word")
        if b < len(text) and WORD.match(text[b - 1]) and WORD.match(text[b]):
            raise ValueError(f"span '{text[a:b]}' ends inside a word")
    return text, spans


def normalise(text):
    return re.sub(r"[^a-z0-9 ]", "", text.lower()).strip()


def read_slice(path, problems):
    rows, topic = [], None
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        if line.startswith("#"):
            m = re.match(r"#\s*topic:\s*([a-z_]+)\s*$", line)
            if m and topic is None:
                topic = m.group(1)
            continue
        where = f"{path.name}:{n}"
        if topic is None:
            problems.append(f"{where}: no '# topic: name' line before the first sentence")
            return rows
        parts = line.split("\t")
        if len(parts) != 4:
            problems.append(f"{where}: expected 4 tab-separated fields, got {len(parts)}")
            continue
        group, style, label, marked = (p.strip() for p in parts)
        if style not in STYLES:
            problems.append(f"{where}: unknown style '{style}'")
            continue
        if label not in ("N", "L"):
            problems.append(f"{where}: label must be N or L, got '{label}'")
            continue
        try:
            text, spans = parse_text(marked)
        except ValueError as e:
            problems.append(f"{where}: {e}")
            continue
        if label == "L" and not spans:
            problems.append(f"{where}: LOADED sentence without a {{...|device}} span")
            continue
        if label == "N" and spans:
            problems.append(f"{where}: NEUTRAL sentence with a span")
            continue
        words = len(text.split())
        if words < 5 or words > 60:
            problems.append(f"{where}: {words} words; keep sentences between 5 and 60")
            continue
        pair_id = f"{topic}-{group}"
        rows.append({
            "text": text,
            "label": "LOADED" if label == "L" else "NEUTRAL",
            "spans": spans,
            "devices": sorted({s["device"] for s in spans}),
            "topic": topic,
            "style": style,
            "pair_id": pair_id,
            "split": split_of(pair_id),
            "_where": where,
        })
    return rows


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--check", type=Path)
    args = ap.parse_args()
    root = Path(__file__).resolve().parent.parent
    files = [args.check] if args.check else sorted((root / "src").glob("*.txt"))
    problems, rows = [], []
    for f in files:
        rows.extend(read_slice(f, problems))
    seen = {}
    for r in rows:
        key = normalise(r["text"])
        if key in seen:
            problems.append(f"{r['_where']}: duplicate of {seen[key]}")
        seen.setdefault(key, r["_where"])
    loaded = sum(r["label"] == "LOADED" for r in rows)
    print(f"{len(rows)} sentences, {loaded} loaded ({100.0 * loaded / max(1, len(rows)):.1f}%), "
          f"{len({r['pair_id'] for r in rows})} groups, {len(problems)} problems", file=sys.stderr)
    for p in problems:
        print(p, file=sys.stderr)
    if problems:
        sys.exit(1)
    if args.check:
        return
    counters = {}
    with open(root / "corpus.jsonl", "w", encoding="utf-8") as out:
        for r in rows:
            topic = r["topic"]
            counters[topic] = counters.get(topic, 0) + 1
            r = {"id": f"{topic}-{counters[topic]:05d}", **{k: v for k, v in r.items() if k != "_where"}}
            out.write(json.dumps(r, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
