#!/usr/bin/env python3
"""Throughput (articles/s) and peak memory of endorsetrack's extraction vs plain spaCy.

Four runs, each in a fresh process so peak RSS (``ru_maxrss``) belongs to one run:

  endorsetrack/dev   read_records + process_records over the dev articles (x --repeat)
  spacy/dev          build_nlp() then nlp.pipe over the full text of the same files
  endorsetrack/mix   the dev articles (once) mixed with --mix-ratio x as many
                     non-political news articles generated here: what the cue scan saves
  spacy/mix          plain spaCy over the same news mix

Both sides use the same model (build_nlp) and the same nlp.pipe batch size. Model
load time is measured apart and not counted in articles/s. See benchmarks/README.md.

usage: benchmarks/throughput.py [--repeat N] [--batch-size B] [--mix-ratio R] [--json]
                                [--articles FILE...]
       benchmarks/throughput.py --alternate ROUNDS [--articles FILE...] [--json]

``--alternate`` measures in ONE process, alternating endorsetrack and the plain-spaCy peer
over the same files ROUNDS times each, and reports the CPU seconds of every pass: on a
shared machine both sides then meet the same competition, and the ratio of their CPU
times is the figure to compare (see benchmarks/README.md).
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEV_DIR = REPO / ".." / "shared" / "corpus" / "dev"
RUNS = (("endorsetrack", "dev"), ("spacy", "dev"), ("endorsetrack", "mix"), ("spacy", "mix"))
#: Non-political articles per political one in the news mix: ~5% political, the share
#: DESIGN.md assumes for a general news feed.
DEFAULT_MIX_RATIO = 19
#: Passes over the articles in the two dev runs: with 22 dev articles, 4 passes make
#: each dev run ~5-10 s and the whole benchmark ~50 s on a 2-core machine.
DEFAULT_REPEAT = 4
SEED = 20240601

SPORTS = [
    "{team} beat {team2} {a}-{b} on {day} night, their {nth} straight win at home.",
    "{person} scored {n} points and grabbed {m} rebounds in 3{n} minutes on the floor.",
    "The {team} rallied from a {n}-point deficit in the fourth quarter.",
    "Coach {person} said the defense had played its best game of the season.",
    "The injury report listed {person} as questionable with a sprained ankle.",
    "Tickets for the home opener sold out within an hour, the club said.",
    "{team} will face {team2} next {day} with a playoff spot on the line.",
    "A crowd of {n},{m}00 filled the stadium, the largest since it reopened.",
    "The goalkeeper made {n} saves, including a diving stop in stoppage time.",
    "The league fined the club ${n},000 for fielding an ineligible player.",
    "{person} signed a three-year contract extension worth a reported ${m}{n} million.",
    "The match was delayed for {m}{n} minutes after lightning was spotted nearby.",
    "It was the first time since {year} that {team} had won on the road in {city}.",
    "The rookie finished with {n} tackles and an interception.",
]
WEATHER = [
    "Temperatures in {city} are expected to reach {t} degrees on {day}.",
    "The National Weather Service issued a flood watch for the county through {day} evening.",
    "Showers will move in after midnight, with up to {n} inches of rain possible in the hills.",
    "Winds from the northwest could gust to {m}{n} miles per hour along the coast.",
    "Forecasters put the chance of thunderstorms on {day} afternoon at {m}0 percent.",
    "Road crews treated bridges and overpasses ahead of the overnight freeze.",
    "The dry spell is the longest {city} has seen since records began in {year}.",
    "Skies will clear by the weekend, with highs in the {t}s and light winds.",
    "Snow totals of {lo} to {hi} inches are likely above {n},000 feet.",
    "Residents near the river were told to move cars to higher ground.",
    "The heat advisory remains in effect until 8 p.m. {day}.",
    "Fog reduced visibility to a quarter mile on the interstate early {day}.",
    "Pollen counts are running high, the county health office said.",
    "A cold front will drop overnight lows into the {t}s by {day}.",
]
BUSINESS = [
    "Shares of {company} rose {n} percent in early trading after the company raised its outlook.",
    "{company} said quarterly revenue climbed to ${n}{m}0 million from ${n}{n}0 million a year earlier.",
    "The retailer plans to open {n}{m} new stores next year and hire about {m},000 workers.",
    "Analysts had expected earnings of {m}{n} cents a share.",
    "The central bank left its benchmark rate unchanged at its meeting on {day}.",
    "{company} agreed to buy a regional rival for ${n}{m}0 million in cash.",
    "The chief executive said supply problems had eased since the spring.",
    "Oil prices slipped as traders weighed rising inventories.",
    "The plant in {city} will add a second shift in March.",
    "{company} will cut about {n}{m}0 jobs as it closes two warehouses.",
    "The airline said it would add daily flights between {city} and {city2}.",
    "Sales of new homes fell for the second month in a row.",
    "The company expects to finish the merger by the end of the year.",
    "Its stock has gained about a third since January.",
]
FILL = {
    "team": ["the Hawks", "the Rangers", "City", "the Tigers", "United", "the Comets"],
    "team2": ["the Sharks", "the Pirates", "Rovers", "the Bears", "Athletic", "the Storm"],
    "person": ["Maria Lopez", "Tom Becker", "Aisha Grant", "Kenji Mori", "Dan O'Neill"],
    "company": ["Northwind Foods", "Harbor Steel", "Bluepeak Software", "Cedar Mills Inc."],
    "city": ["Tulsa", "Spokane", "Dayton", "Fresno", "Albany", "Reno"],
    "city2": ["Denver", "Boise", "Omaha", "Raleigh", "Tucson"],
    "nth": ["third", "fourth", "fifth", "sixth"],
    "day": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
}


def news_article(rng: random.Random) -> str:
    """A non-political article: 8-11 distinct sentences of one beat, 2-3 per paragraph.

    About one template in ten carries a word the cue scan reacts to ("percent",
    "rallied", "Pollen"), as ordinary news does; the runs report how many articles
    the scan sent to the parser.
    """
    beat = rng.choice([SPORTS, WEATHER, BUSINESS])
    sentences = []
    for template in rng.sample(beat, rng.randint(8, 11)):
        lo = rng.randint(2, 5)
        text = template.format(a=rng.randint(80, 120), b=rng.randint(60, 79), n=rng.randint(2, 9),
                               m=rng.randint(1, 9), lo=lo, hi=lo + rng.randint(2, 6),
                               t=rng.choice([40, 50, 60, 70, 80, 90]), year=rng.randint(1950, 2015),
                               **{k: rng.choice(v) for k, v in FILL.items()})
        sentences.append(text[0].upper() + text[1:])
    paragraphs = []
    while sentences:
        size = rng.randint(2, 3)
        paragraphs.append(" ".join(sentences[:size]))
        sentences = sentences[size:]
    return "\n\n".join(paragraphs)


def write_workloads(articles: list[Path], repeat: int, mix_ratio: int, out: Path) -> dict:
    """Write the workloads under ``out``; return their path lists.

    "dev" is the articles ``repeat`` times; "mix" is the articles once, shuffled
    with ``mix_ratio`` generated news articles per article (a fixed seed).
    """
    rng = random.Random(SEED)
    texts = {src.name: src.read_text(encoding="utf-8") for src in articles}
    dev = [_write(out / "dev" / f"r{r:02d}_{name}", text)
           for r in range(repeat) for name, text in texts.items()]
    mix = [_write(out / "mix" / name, text) for name, text in texts.items()]
    mix += [_write(out / "mix" / f"news_{i:06d}.txt", news_article(rng))
            for i in range(mix_ratio * len(texts))]
    rng.shuffle(mix)
    return {"dev": dev, "mix": mix}


def _write(path: Path, text: str) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return str(path)


def measure(runner: str, list_file: str, batch_size: int) -> dict:
    """Child process body: load the model, then time one run over the listed files."""
    from dataclasses import replace

    from endorsetrack.nlp.build import build_nlp
    from endorsetrack.settings import DEFAULT

    paths = Path(list_file).read_text(encoding="utf-8").split("\n")
    started = time.perf_counter()
    # the peer is the plain model: spaCy's own attribute ruler and lemmatizer, not nlp/speed.py's
    nlp = build_nlp(fast=False) if runner == "spacy" else build_nlp()
    load_seconds = time.perf_counter() - started
    rss_after_load = _peak_rss_mb()
    cpu_started = _cpu_seconds()
    started = time.perf_counter()
    articles = chars = parsed = parsed_articles = failed = 0
    if runner == "spacy":  # the peer: every article through the full pipeline
        texts = (Path(p).read_text(encoding="utf-8") for p in paths)
        for doc in nlp.pipe(texts, batch_size=batch_size):
            articles += 1
            chars += len(doc.text)
        parsed, parsed_articles = chars, articles
    else:
        from endorsetrack.ingest import read_records
        from endorsetrack.pipeline import process_records
        from endorsetrack.types import DocumentError

        settings = replace(DEFAULT, batch_size=batch_size)
        for outcome in process_records(read_records(paths), settings=settings, nlp=nlp):
            articles += 1
            if isinstance(outcome, DocumentError):
                failed += 1
                continue
            chars += len(outcome.article.text)
            parsed += outcome.parsed_chars
            parsed_articles += outcome.parsed_chars > 0
    seconds = time.perf_counter() - started
    cpu = _cpu_seconds() - cpu_started
    return {"articles": articles, "seconds": round(seconds, 2),
            "articles_per_s": round(articles / seconds, 1) if seconds else None,
            "cpu_seconds": round(cpu, 2),
            "articles_per_cpu_s": round(articles / cpu, 1) if cpu else None,
            "peak_rss_mb": round(_peak_rss_mb()), "rss_after_model_load_mb": round(rss_after_load),
            "model_load_s": round(load_seconds, 2), "failed": failed,
            "parsed_articles_share": round(parsed_articles / articles, 3) if articles else None,
            "parsed_chars_share": round(parsed / chars, 3) if chars else None}


def alternate(paths: list[str], rounds: int, batch_size: int) -> dict:
    """Both sides in this one process, alternately: ours, peer, ours, peer, ...

    Each pass reads the files again; model loading is not counted. Ours is the whole
    of process_records (reading, normalising, the cue scan, parsing, extraction,
    resolution); the peer is nlp.pipe over the raw file texts."""
    from dataclasses import replace

    from endorsetrack.ingest import read_records
    from endorsetrack.nlp.build import build_nlp
    from endorsetrack.pipeline import process_records
    from endorsetrack.settings import DEFAULT
    from endorsetrack.types import DocumentError

    settings = replace(DEFAULT, batch_size=batch_size)
    ours, peer = build_nlp(), build_nlp(fast=False)
    passes: dict[str, list[float]] = {"endorsetrack": [], "spacy": []}
    tokens = {"endorsetrack": 0, "spacy": 0}
    for _ in range(rounds):
        started = _cpu_seconds()
        outcomes = list(process_records(read_records(paths), settings=settings, nlp=ours))
        passes["endorsetrack"].append(round(_cpu_seconds() - started, 2))
        assert not any(isinstance(o, DocumentError) for o in outcomes)
        started = _cpu_seconds()
        texts = (Path(p).read_text(encoding="utf-8") for p in paths)
        docs = list(peer.pipe(texts, batch_size=batch_size))
        passes["spacy"].append(round(_cpu_seconds() - started, 2))
        tokens["spacy"] = sum(len(d) for d in docs)
    best = {side: min(times) for side, times in passes.items()}
    return {"articles": len(paths), "rounds": rounds, "batch_size": batch_size,
            "cpu_seconds": passes, "best_cpu_seconds": best,
            "articles_per_cpu_s": {side: round(len(paths) / t, 1) for side, t in best.items()},
            "speed_vs_spacy": round(best["spacy"] / best["endorsetrack"], 2),
            "peer_tokens": tokens["spacy"], "peak_rss_mb": round(_peak_rss_mb())}


def _cpu_seconds() -> float:
    """User + system CPU time of this process: unlike wall time, it barely moves when
    other processes compete for the cores."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def run_child(runner: str, workload: str, paths: list[str], batch_size: int,
              workdir: Path) -> dict:
    """Run one measurement in a fresh interpreter, so its peak RSS is its own."""
    list_file = workdir / f"{runner}-{workload}.list"
    list_file.write_text("\n".join(paths), encoding="utf-8")
    proc = subprocess.run([sys.executable, __file__, "--measure", runner, str(list_file),
                           "--batch-size", str(batch_size)],
                          capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        sys.exit(f"benchmark run {runner}/{workload} failed:\n{proc.stderr.strip()}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=DEFAULT_REPEAT,
                        help=f"passes over the articles in the dev runs (default {DEFAULT_REPEAT}); "
                             "the news mix holds them once")
    parser.add_argument("--batch-size", type=int, default=None,
                        help="nlp.pipe batch size for both sides (default: settings.batch_size)")
    parser.add_argument("--mix-ratio", type=int, default=DEFAULT_MIX_RATIO,
                        help=f"non-political articles per article in the news mix "
                             f"(default {DEFAULT_MIX_RATIO})")
    parser.add_argument("--articles", nargs="+", type=Path, default=None,
                        help="article files (default: shared/corpus/dev/*.txt)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--alternate", type=int, metavar="ROUNDS", default=None,
                        help="instead of the four runs: ours and the peer alternately in one process, "
                             "ROUNDS passes each over the articles (CPU seconds compared)")
    parser.add_argument("--measure", nargs=2, metavar=("RUNNER", "LIST"), help=argparse.SUPPRESS)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.batch_size is None:
        from endorsetrack.settings import DEFAULT

        args.batch_size = DEFAULT.batch_size
    if args.measure:
        print(json.dumps(measure(args.measure[0], args.measure[1], args.batch_size)))
        return 0
    articles = args.articles or sorted(DEV_DIR.glob("*.txt"))
    if not articles:
        sys.exit(f"no articles: {DEV_DIR} is absent; pass --articles FILE... "
                 "(e.g. --articles samples/*)")
    if args.alternate:
        result = {"date": time.strftime("%Y-%m-%d"), "machine": machine(),
                  **alternate([str(a) for a in articles], args.alternate, args.batch_size)}
        print(json.dumps(result, indent=2) if args.json else alternate_table(result))
        return 0
    host = machine()  # before the runs: the load average is the competition they met
    with tempfile.TemporaryDirectory(prefix="endorsetrack-bench-") as tmp:
        work = Path(tmp)
        workloads = write_workloads(articles, args.repeat, args.mix_ratio, work)
        runs = []
        for runner, workload in RUNS:
            result = run_child(runner, workload, workloads[workload], args.batch_size, work)
            runs.append({"run": f"{runner}/{workload}", **result})
            if not args.json:
                print(f"  done {runner}/{workload}: {result['articles_per_s']} articles/s",
                      file=sys.stderr)
    report = {"date": time.strftime("%Y-%m-%d"), "machine": host,
              "articles": len(articles), "repeat": args.repeat, "batch_size": args.batch_size,
              "mix_ratio": args.mix_ratio, "runs": runs}
    print(json.dumps(report, indent=2) if args.json else table(report))
    return 0


def machine() -> dict:
    return {"cores": os.cpu_count(), "python": platform.python_version(),
            "platform": platform.platform(terse=True),
            "load_avg_1m_at_start": round(os.getloadavg()[0], 2)}


def alternate_table(result: dict) -> str:
    lines = [f"{result['date']}, {result['machine']['cores']} cores, load average "
             f"{result['machine']['load_avg_1m_at_start']} at start, {result['articles']} articles, "
             f"{result['rounds']} alternating rounds in one process, batch size {result['batch_size']}",
             f"{'side':14s} {'CPU s per pass':>30s} {'best art/cpu-s':>15s}"]
    for side, times in result["cpu_seconds"].items():
        lines.append(f"{side:14s} {', '.join(f'{t:.2f}' for t in times):>30s} "
                     f"{result['articles_per_cpu_s'][side]:15.1f}")
    lines.append(f"endorsetrack vs plain spaCy (best pass each): {result['speed_vs_spacy']:.2f}x; "
                 f"peak RSS {result['peak_rss_mb']} MB (both pipelines loaded)")
    return "\n".join(lines)


def table(report: dict) -> str:
    lines = [f"{report['date']}, {report['machine']['cores']} cores, {report['articles']} "
             f"articles x {report['repeat']}, batch size {report['batch_size']}, "
             f"news mix 1:{report['mix_ratio']}, load average "
             f"{report['machine']['load_avg_1m_at_start']} at start",
             f"{'run':18s} {'articles':>8s} {'seconds':>8s} {'art/s':>7s} {'art/cpu-s':>10s} "
             f"{'peak RSS MB':>12s} {'model MB':>9s} {'parsed art.':>12s} {'parsed chars':>13s}"]
    for r in report["runs"]:
        lines.append(f"{r['run']:18s} {r['articles']:8d} {r['seconds']:8.2f} "
                     f"{r['articles_per_s']:7.1f} {r['articles_per_cpu_s']:10.1f} "
                     f"{r['peak_rss_mb']:12d} "
                     f"{r['rss_after_model_load_mb']:9d} {r['parsed_articles_share']:12.1%} "
                     f"{r['parsed_chars_share']:13.1%}")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
