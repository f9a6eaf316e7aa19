#!/usr/bin/env python3
"""Sanity checks for holdout2/gold.jsonl (standard library only).

usage: python3 validate.py            # checks gold, then scores gold against itself via score.py

Checks: every line parses; every doc exists; evidence strings are verbatim substrings of the
article text (for .html, of the visible text: no <head>, <script>, <style>; entities decoded;
whitespace runs collapsed on both sides); stances, stages, endorser types and poll fields are
from the allowed sets; the endorser/candidate name or one alias occurs in the article (warning).
"""
import json
import os
import re
import subprocess
import sys
import tempfile
from html.parser import HTMLParser

HERE = os.path.dirname(os.path.abspath(__file__))
SCORE = "/work/shared/eval/score.py"
STANCES = {"endorses", "will_endorse", "declines", "undecided", "rescinds", "opposes"}
STAGES = {"primary", "general", None}
TYPES = {"union", "organization", "person", "newspaper", "party", "other"}
DATE = re.compile(r"^(\d{4}(-\d{2}(-\d{2})?)?|--\d{2}(-\d{2})?)$")


class Visible(HTMLParser):
    SKIP = {"head", "script", "style", "noscript", "template"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self.depth = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self.depth += 1
        elif tag in {"p", "div", "li", "h1", "h2", "h3", "br", "figcaption", "time", "section", "article", "aside"}:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in self.SKIP:
            self.depth -= 1
        elif tag in {"p", "div", "li", "h1", "h2", "h3"}:
            self.parts.append("\n")

    def handle_data(self, data):
        if self.depth == 0:
            self.parts.append(data)


def article_text(path):
    raw = open(path, encoding="utf-8").read()
    if path.endswith((".html", ".htm")):
        v = Visible()
        v.feed(raw)
        raw = "".join(v.parts)
    return raw


def squash(s):
    return " ".join(s.split())


def main():
    errors, warnings = [], []
    gold_path = os.path.join(HERE, "gold.jsonl")
    docs = []
    with open(gold_path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                docs.append((n, json.loads(line)))
            except json.JSONDecodeError as e:
                errors.append(f"line {n}: not JSON: {e}")
    seen = set()
    n_end = n_end_opt = n_poll = n_poll_opt = 0
    for n, d in docs:
        doc = d.get("doc")
        where = f"line {n} ({doc})"
        if doc in seen:
            errors.append(f"{where}: duplicate doc")
        seen.add(doc)
        path = os.path.join(HERE, doc or "")
        if not doc or not os.path.isfile(path):
            errors.append(f"{where}: file missing")
            continue
        text = squash(article_text(path))
        low = text.lower()
        pub = d.get("published")
        if pub is not None and not DATE.match(pub):
            errors.append(f"{where}: bad published {pub!r}")
        for i, e in enumerate(d.get("endorsements", [])):
            w = f"{where} endorsement {i}"
            n_end += 1
            n_end_opt += bool(e.get("optional"))
            if e.get("stance") not in STANCES:
                errors.append(f"{w}: bad stance {e.get('stance')!r}")
            if e.get("stage") not in STAGES:
                errors.append(f"{w}: bad stage {e.get('stage')!r}")
            en = e.get("endorser") or {}
            if en.get("type") not in TYPES:
                errors.append(f"{w}: bad endorser type {en.get('type')!r}")
            if not isinstance(en.get("aliases", []), list) or not en.get("name"):
                errors.append(f"{w}: bad endorser")
            c = e.get("candidate")
            if c is not None and (not c.get("name") or not isinstance(c.get("aliases", []), list)):
                errors.append(f"{w}: bad candidate")
            if not isinstance(e.get("optional"), bool):
                errors.append(f"{w}: optional must be a bool")
            ev = e.get("evidence") or ""
            if not ev or squash(ev) not in text:
                errors.append(f"{w}: evidence not in article: {ev!r}")
            for ent, role in ((en, "endorser"), (c, "candidate")):
                if ent and not any(x and x.lower() in low for x in [ent["name"]] + ent.get("aliases", [])):
                    warnings.append(f"{w}: {role} {ent['name']!r} (and aliases) not found in text")
        for i, p in enumerate(d.get("polls", [])):
            w = f"{where} poll {i}"
            n_poll += 1
            n_poll_opt += bool(p.get("optional"))
            if not (p.get("pollster") or {}).get("name"):
                errors.append(f"{w}: no pollster")
            rel = p.get("released")
            if rel is not None and not DATE.match(rel):
                errors.append(f"{w}: bad released {rel!r}")
            pop = p.get("population")
            if pop is not None and not pop.get("name"):
                errors.append(f"{w}: bad population")
            for r in p.get("results", []):
                if not isinstance(r.get("share"), (int, float)) or not r.get("candidate", {}).get("name"):
                    errors.append(f"{w}: bad result {r!r}")
            ev = p.get("evidence") or ""
            if not ev or squash(ev) not in text:
                errors.append(f"{w}: evidence not in article: {ev!r}")
    files = sorted(f for f in os.listdir(HERE) if re.match(r"h\d\d_.*\.(txt|html)$", f))
    for f in files:
        if f not in seen:
            errors.append(f"{f}: article without gold line")
    for w in warnings:
        print("warning:", w)
    for e in errors:
        print("ERROR:", e)
    print(f"{len(docs)} docs; endorsements {n_end} ({n_end_opt} optional); polls {n_poll} ({n_poll_opt} optional)")
    if errors:
        sys.exit(1)

    # Gold -> prediction format, then score gold against itself (expects F1 = 1.0 everywhere).
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as tmp:
        for _, d in docs:
            pred = {"doc": d["doc"],
                    "endorsements": [{"endorser": e["endorser"]["name"],
                                      "candidate": (e["candidate"] or {}).get("name"),
                                      "stance": e["stance"], "stage": e["stage"]}
                                     for e in d["endorsements"] if not e.get("optional")],
                    "polls": [{"pollster": p["pollster"]["name"],
                               "population": (p["population"] or {}).get("name"),
                               "results": [{"candidate": r["candidate"]["name"], "share": r["share"]}
                                           for r in p["results"]]}
                              for p in d["polls"] if not p.get("optional")]}
            tmp.write(json.dumps(pred, ensure_ascii=False) + "\n")
    out = subprocess.run([sys.executable, SCORE, gold_path, tmp.name, "--show-errors"],
                         capture_output=True, text=True)
    os.unlink(tmp.name)
    print(out.stdout, out.stderr, sep="")
    if out.returncode != 0 or "F1=1.000" not in out.stdout or out.stdout.count("F1=1.000") != 3:
        sys.exit("self-score is not 1.0")


if __name__ == "__main__":
    main()
