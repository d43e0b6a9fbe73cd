#!/usr/bin/env python3
"""Builds a news-like JSONL corpus for the throughput benchmark, reproducibly.

Documents are recombined from the repo's own sentences (tests/acceptance/corpus.txt and the stories in
samples/), with a fixed random seed, so every run of the benchmark codes the same bytes.

usage: python3 scripts/make_bench_corpus.py OUT.jsonl [MEGABYTES]   (default 12)
"""
import json
import random
import re
import sys
from pathlib import Path

root = Path(__file__).resolve().parent.parent
out = Path(sys.argv[1])
target = int(float(sys.argv[2]) if len(sys.argv) > 2 else 12) * 1_000_000

sentences = []
for line in (root / "tests/acceptance/corpus.txt").read_text(encoding="utf-8").splitlines():
    if line and not line[0].isspace() and not line.startswith(("#", "@")):
        sentences.append(line.strip())
for line in (root / "samples/news.jsonl").read_text(encoding="utf-8").splitlines():
    text = json.loads(line)["text"]
    # Whole paragraphs are kept: they carry datelines, quotes and abbreviations the splitter must handle.
    sentences.extend(p.strip() for p in text.split("\n\n") if p.strip())

rng = random.Random(20161705)
written = 0
n = 0
with out.open("w", encoding="utf-8") as f:
    while written < target:
        k = rng.randint(8, 30)
        paras = []
        for _ in range(0, k, 3):
            paras.append(" ".join(rng.choice(sentences) for _ in range(3)))
        doc = {
            "id": f"bench-{n}",
            "date": f"20{rng.randint(16, 24)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            "text": "\n\n".join(paras),
        }
        line = json.dumps(doc, ensure_ascii=False) + "\n"
        f.write(line)
        written += len(line.encode("utf-8"))
        n += 1
print(f"{out}: {n} documents, {written / 1e6:.1f} MB", file=sys.stderr)
