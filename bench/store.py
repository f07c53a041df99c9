"""The build -> store -> export -> query path at scale, phase by phase, with peak memory.

    python bench/store.py [--articles 10000] [--stances 10000 100000] [--rdflib-max 10000]
    python bench/store.py --scaled 100000 [--templates 2000] [--scaled-formats ttl,trig]
    python bench/store.py --aggregates 200000

Two tables, each size measured in a fresh process (so peak memory is that size's own):

1. End to end on a generated corpus of articles on disk (paragraphs of the seed articles
   recombined, with front matter): extraction (reported apart: it is the extractor's cost),
   writing the graph's N-Quads, loading the on-disk Oxigraph store, the Turtle + TriG exports,
   the HTML page; then an unchanged re-build of the same folder.
2. Synthetic stance graphs over the real actor dictionary and issue scheme: store load, the time
   to open the store read-only, and the median latency of every question as its command asks
   it, on the store (reading the aggregate nodes), answered by scanning the stances
   (kg/sparql/scan/, no aggregates) up to --scan-max stances, and on rdflib's in-memory store
   (loaded from the TriG export) up to --rdflib-max stances; then every canned query as
   `kg query NAME` runs it.
3. --scaled N: `kg build` of N articles on disk when extracting them all would take too long
   here: a few thousand are extracted for real, the N articles reuse their texts under their own
   ids and dates with the saved extraction, and the build reads, hashes, stores and exports
   all N, phase by phase, with its peak memory (measured in its own process).
4. --aggregates N: making the aggregates graph of N synthetic stances, streamed in slices as a
   build makes it (`aggregate_parts`) and held whole (`aggregate_graph`), each in its own
   process: seconds (wall and CPU), then the peak of Python's allocations while making it
   (tracemalloc, a second run) and the process's peak resident memory.
5. --viz DIR: `kg viz` of a built graph (an out folder, e.g. DIR/stances-N of --keep-stores),
   run as the command in its own process: seconds (wall and CPU), peak resident memory and the
   page's size; with --viz-scan also the page drawn from every statement read one by one
   (`kg.viz.scan_store_page`, what `kg viz` did before it read the aggregates), checked to be
   the same bytes.

6. --validate OUT: `kg validate` of a built graph with --jobs 1 and with as many processes as the
   machine has cores, each run as the command in its own process: seconds (wall and CPU) and peak
   resident memory.

    python bench/store.py --articles --stances 1000000 --keep-stores DIR   # makes DIR/stances-1000000
    python bench/store.py --viz DIR/stances-1000000 [--viz-scan]
    python bench/store.py --validate OUT
"""
from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from kg.build import BuildResult, build_graph, write_build  # noqa: E402
from kg.dictionary import load_dictionary  # noqa: E402
from kg.export import write_files  # noqa: E402
from kg.model import Article, Method, Polarity, Stance  # noqa: E402
from kg.queries import canned_query, canned_query_dir, run_query, scan_query  # noqa: E402
from kg.store import connect, open_store  # noqa: E402

STANCES_PER_ARTICLE = 10


def peak_mb() -> float:
    """Peak resident memory of this process so far, in MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(action):
    start = time.perf_counter()
    value = action()
    return time.perf_counter() - start, value


def write_corpus(folder: Path, n_articles: int, seed: int = 0) -> None:
    """`n_articles` files of 5-12 seed paragraphs each, deterministic, with a date and publisher."""
    paragraphs: list[str] = []
    for path in sorted((REPO / "sources").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        if text.startswith("---"):
            text = text.split("---", 2)[2]
        paragraphs.extend(p.strip() for p in text.split("\n") if len(p.strip()) > 40)
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n_articles):
        day = date(2025, 1, 1) + timedelta(days=i % 330)
        body = "\n\n".join(rng.sample(paragraphs, rng.randint(5, min(12, len(paragraphs)))))
        header = f"---\ntitle: Generated article {i}\npublisher: Wire {i % 17}\npublished: {day.isoformat()}\n---\n"
        (folder / f"gen_{i:06d}.txt").write_text(header + body + "\n", encoding="utf-8")


def synthetic(n_stances: int, seed: int = 7) -> BuildResult:
    """Articles of fixed text and `n_stances` random but valid stances over the real dictionary."""
    dictionary = load_dictionary()
    rng = random.Random(seed)
    holders = sorted(dictionary.holder_ids())
    issues = sorted(dictionary.issues)
    text = "Israel insists on disarmament before reconstruction, while Washington pushes for rebuilding. " * 4
    articles, stances = [], []
    for a in range((n_stances + STANCES_PER_ARTICLE - 1) // STANCES_PER_ARTICLE):
        published = date(2025, 1, 1) + timedelta(days=a % 330)
        article = Article(source_id=f"syn_{a:07d}", text=text, published=published, title=f"Synthetic {a}",
                          publisher=f"Wire {a % 23}")
        articles.append(article)
        for k in range(min(STANCES_PER_ARTICLE, n_stances - a * STANCES_PER_ARTICLE)):
            polarity = rng.choice(list(Polarity))
            issue = rng.choice(issues)
            start = rng.randrange(0, len(text) - 60)
            stances.append(
                Stance(
                    source_id=article.source_id, holder=rng.choice(holders), issue=issue, polarity=polarity,
                    condition=rng.choice([i for i in issues if i != issue]) if polarity is Polarity.CONDITIONAL else None,
                    quote=text[start:start + 50 + k], char_start=start, char_end=start + 50 + k,
                    method=Method.RULE, rule="bench.synthetic", confidence=0.8, published=published,
                )
            )
    return BuildResult(articles=articles, stances=stances, dictionary=dictionary)


def write_to_store(result: BuildResult, out: Path, formats: list[str]) -> dict[str, float]:
    """The store half of `kg build`, phase by phase: N-Quads made and loaded into the store, then the exports."""
    phases: dict[str, float] = {}
    write_build(result, out, formats, timings=phases)
    return {"store": phases["store"], "exports": phases["exports"]}


def child_end_to_end(n_articles: int) -> dict:
    from kg.viz import build_page, page_path

    with tempfile.TemporaryDirectory() as tmp:
        folder, out = Path(tmp) / "sources", Path(tmp) / "out"
        write_corpus(folder, n_articles)
        row: dict = {"articles": n_articles}
        row["extract"], result = timed(lambda: build_graph(folder, annotations=[], cache_dir=out / ".cache", jobs=2))
        row["stances"] = len(result.stances)
        row.update(write_to_store(result, out, ["ttl", "trig"]))
        row["page"], page = timed(lambda: build_page(result))
        write_files({page_path(out): page})
        row["triples"] = len(open_store(out))
        row["full"] = row["store"] + row["exports"] + row["page"]
        row["peak_mb"] = peak_mb()

        def rebuild() -> None:
            # What `kg build` does on an unchanged folder: read and hash every article, take the
            # stances from the cache, find every graph unchanged, leave the files alone.
            row["unchanged_read"], again = timed(lambda: build_graph(folder, annotations=[], cache_dir=out / ".cache", jobs=2))
            write_build(again, out, ["ttl", "trig"], extra={page_path(out): lambda: build_page(again)})

        write_build(result, out, ["ttl", "trig"], extra={page_path(out): page})
        row["unchanged"], _ = timed(rebuild)
        return row


def child_prepare_scaled(n_articles: int, templates: int, folder: Path, cache_dir: Path) -> dict:
    """A folder of `n_articles` articles and the extraction cache `kg build` would have written for it.

    `templates` generated articles are extracted for real (timed); article i of the large folder
    has the text of template i mod `templates` under its own id, date and publisher, and its
    cached stances are the template's stances under that id and date: what extracting it gives,
    since extraction reads only the text and the date. The build that follows reads every file
    and hashes it as usual; only the extraction itself is taken from the cache.
    """
    from dataclasses import replace

    from kg.build import extract_all
    from kg.cache import ExtractionCache, article_key
    from kg.extract import extraction_fingerprint, load_lexicon, load_rule_book
    from kg.sources import load_articles

    row: dict = {"templates": templates}
    with tempfile.TemporaryDirectory() as tmp:
        write_corpus(Path(tmp) / "t", templates)
        dictionary = load_dictionary()
        template_articles = load_articles(Path(tmp) / "t").articles
        row["extract_templates"], (stances, _) = timed(lambda: extract_all(template_articles, dictionary, jobs=2))
    by_template: dict[str, list[Stance]] = {}
    for stance in stances:
        by_template.setdefault(stance.source_id, []).append(stance)
    bodies = [(a.source_id, a.text) for a in sorted(template_articles, key=lambda a: a.source_id)]
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n_articles):
        day = date(2024, 1, 1) + timedelta(days=i % 700)
        header = f"---\ntitle: Scaled article {i}\npublisher: Wire {i % 41}\npublished: {day.isoformat()}\n---\n"
        (folder / f"art_{i:07d}.txt").write_text(header + bodies[i % len(bodies)][1], encoding="utf-8")
    fingerprint = extraction_fingerprint(dictionary, load_lexicon(None), load_rule_book(None))
    cache = ExtractionCache(cache_dir)
    count = 0
    for i, article in enumerate(load_articles(folder).articles):
        template = bodies[int(article.source_id.split("_")[1]) % len(bodies)][0]
        own = [replace(s, source_id=article.source_id, published=article.published) for s in by_template.get(template, [])]
        cache.put(article_key(article, fingerprint), own)
        count += len(own)
    cache.save()
    row["stances"] = count
    return row


def child_build_scaled(folder: Path, out: Path, formats: list[str]) -> dict:
    """`kg build` of the prepared folder (extraction from its cache), phase by phase, with peak memory;
    then an unchanged re-build of the same folder, as `kg build` runs it again."""
    import gc

    from kg.viz import build_page, page_path

    def all_cached(done: int, total: int) -> None:
        if done < total:  # the extraction code changed since the folder was prepared: it would extract for hours
            raise SystemExit("the saved extraction is not the current extractor's: prepare the folder again")

    def read() -> BuildResult:
        return build_graph(folder, annotations=[], cache_dir=out / ".cache", on_progress=all_cached)

    import kg.build

    row: dict = {"formats": ",".join(formats) or "none"}
    # The process's high-water mark at the end of each phase: the store (when the exports start),
    # the exports (when the page starts), the page (the end).
    peaks: dict[str, float] = {}
    write_exports = kg.build.write_exports

    def exports_marked(*args, **kwargs):
        peaks["store"] = peak_mb()
        return write_exports(*args, **kwargs)

    def page_marked() -> bytes:
        peaks.setdefault("store", peak_mb())
        peaks["exports"] = peak_mb()
        page = build_page(result)
        row["page_mb"] = len(page) / 1e6
        return page

    kg.build.write_exports = exports_marked
    cpu = time.process_time()
    row["read"], result = timed(read)
    peaks["read"] = peak_mb()
    row["articles"], row["stances"] = len(result.articles), len(result.stances)
    row["cached"] = result.cached_articles
    phases: dict[str, float] = {}
    extra = {page_path(out): page_marked} if formats else {}
    row["write"], _ = timed(lambda: write_build(result, out, formats, extra=extra, timings=phases))
    kg.build.write_exports = write_exports
    row.update(store=phases["store"], exports=phases["exports"], page=phases["extra"])
    row["full"] = row["read"] + row["write"]
    # CPU seconds of this process (all its threads): what the build costs when other jobs share the cores.
    row["full_cpu"] = time.process_time() - cpu
    row["peak_mb"] = peak_mb()
    row["phase_peaks_mb"] = {**peaks, "end": row["peak_mb"]}
    row["load_average"] = os.getloadavg()
    row["triples"] = len(open_store(out))
    result = extra = None  # the first build's graph is let go before the second read
    gc.collect()
    cpu = time.process_time()
    row["unchanged_read"], again = timed(read)
    again_extra = {page_path(out): lambda: build_page(again)} if formats else {}
    row["unchanged_write"], written = timed(lambda: write_build(again, out, formats, extra=again_extra))
    row["unchanged"] = row["unchanged_read"] + row["unchanged_write"]
    row["unchanged_cpu"] = time.process_time() - cpu
    row["unchanged_files"] = len(written)
    # `kg build` itself, in its own process (start-up included): the first run after the library
    # build above reads the extraction cache and remembers what it read; the next finds nothing
    # changed since and reads nothing.
    command = [sys.executable, "-m", "kg", "build", str(folder), "--out", str(out), "--no-annotations"]
    command += ["--export", ",".join(formats)] if formats else ["--no-export"]
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    for name in ("command_unchanged", "command_nothing_changed"):
        row[name], done = timed(lambda: subprocess.run(command, check=True, capture_output=True, text=True, env=env))
        row[name + "_said"] = done.stdout.strip().splitlines()[-2:]
    return row


#: What latencies are measured with: wall time, or (--clock cpu) the CPU time of this process,
#: which other jobs on a shared machine inflate far less.
CLOCK = {"wall": time.perf_counter, "cpu": time.process_time}
clock = CLOCK["wall"]


def median_latency(action, repeat: int, budget: float = 5.0) -> float:
    """Median time of `action` (on `clock`) over `repeat` runs after a warm-up run; an action whose
    first run takes longer than `budget` seconds is reported by that run alone (marked in the table)."""
    def once() -> float:
        start = clock()
        action()
        return clock() - start

    first = once()
    if first > budget:
        return first
    return statistics.median(once() for _ in range(repeat))


def query_latencies(store, names: list[str], repeat: int = 5, scan: bool = False) -> dict[str, float]:
    """Median latency of canned queries run as `kg query NAME` runs them (unbound, with their LIMIT)."""
    out = {}
    for name in names:
        text = scan_query(name) if scan else canned_query(name)
        out[name] = median_latency(lambda: run_query(store, text), repeat)
    return out


def question_latencies(store, repeat: int, sample_stance: str) -> dict[str, float]:
    """Median latency of each question as its command asks it (a page of 100 rows unless --limit
    says otherwise), vocabulary lookup included."""
    from kg import answers

    questions = {
        "positions": lambda: answers.positions(store),
        "positions --actor Israel": lambda: answers.positions(store, actors=["Israel"]),
        "conflicts": lambda: answers.conflicts(store, limit=100),
        "conflicts --issue reconstruction": lambda: answers.conflicts(store, issues=["reconstruction"], limit=100),
        "coalitions": lambda: answers.coalitions(store),
        "conditions": lambda: answers.conditions(store, limit=100),
        "timeline --actor Israel": lambda: answers.timeline(store, "Israel"),
        "timeline --actor Israel --issue reconstruction": lambda: answers.timeline(store, "Israel", ["reconstruction"]),
        "stances --actor Israel --issue reconstruction": lambda: answers.stances(store, ["Israel"], ["reconstruction"]),
        "stances --actor Israel": lambda: answers.stances(store, ["Israel"]),
        "stances --polarity oppose": lambda: answers.stances(store, polarity="oppose"),
        "stances --since D --until D+1": lambda: answers.stances(store, since="2025-06-01", until="2025-06-02"),
        "stances --source ID": lambda: answers.stances(store, sources=["syn_0000042"]),
        "stances (first 100 of all)": lambda: answers.stances(store),
        "stances --limit 1000": lambda: answers.stances(store, limit=1000),
        "stances --actor Israel --limit 1000": lambda: answers.stances(store, ["Israel"], limit=1000),
        "stances --polarity oppose --limit 1000": lambda: answers.stances(store, polarity="oppose", limit=1000),
        "timeline --actor Israel --limit 1000": lambda: answers.timeline(store, "Israel", limit=1000),
        "conflicts --limit 0 (every row)": lambda: answers.conflicts(store),
        "conditions --limit 0 (every row)": lambda: answers.conditions(store),
        "provenance HASH": lambda: answers.provenance(store, sample_stance),
        "provenance SHORT_HASH": lambda: answers.provenance(store, sample_stance[:10]),
    }
    return {name: median_latency(action, repeat) for name, action in questions.items()}


def scan_latencies(store, repeat: int, budget: float) -> dict[str, float | None]:
    """The same questions answered by scanning the stances (kg/sparql/scan/, no aggregates); a query
    that takes longer than `budget` seconds once is reported once, not repeated."""
    import pyoxigraph

    from kg.queries import bind_values, with_limit

    israel = {"holder": [pyoxigraph.NamedNode("https://w3id.org/stancegraph/id/actor/Israel")]}
    texts = {name: scan_query(name) for name in ("positions", "conflicts", "coalitions", "conditions")}
    texts["timeline --actor Israel"] = bind_values(with_limit(scan_query("timeline"), None), israel)
    return {name: median_latency(lambda: run_query(store, text), repeat, budget) for name, text in texts.items()}


def child_stances(n_stances: int, rdflib_max: int, only: list[str] | None = None, scan_max: int = 1_000_000,
                  keep: Path | None = None) -> dict:
    names = sorted(p.stem for p in canned_query_dir().glob("*.rq") if not only or p.stem in only)
    with tempfile.TemporaryDirectory() as tmp:
        out = keep / f"stances-{n_stances}" if keep else Path(tmp)
        made = out / "bench.json"
        if made.is_file():  # --keep-stores: the store of an earlier run, with what loading it took
            row = json.loads(made.read_text(encoding="utf-8"))
            sample = row.pop("sample")
        else:
            result = synthetic(n_stances)
            sample = result.stances[len(result.stances) // 2].stance_id
            formats = ["trig"] if n_stances <= rdflib_max else []
            times = write_to_store(result, out, formats)
            row = {"stances": n_stances, "load": times["store"], "peak_mb": peak_mb()}
            del result
            if keep:
                made.write_text(json.dumps({**row, "sample": sample}), encoding="utf-8")
        row["open"], store = timed(lambda: open_store(out))
        row["triples"] = len(store)
        repeat = 5 if n_stances <= 100_000 else 3
        before = os.getloadavg()[0]
        row["oxigraph"] = query_latencies(store, names, repeat=repeat)
        row["questions"] = question_latencies(store, repeat, sample)
        if n_stances <= scan_max:
            row["scan"] = scan_latencies(store, repeat, budget=5.0)
        if n_stances <= rdflib_max:
            memory = connect("memory", out)
            row["rdflib"] = question_latencies(memory, 1, sample)
        after = os.getloadavg()[0]
        row["load_average"] = (min(before, after), max(before, after))
        return row


def child_aggregates(n_stances: int, how: str) -> dict:
    """Make the aggregates of `n_stances` synthetic stances `how` (streamed or whole): once timed, once traced."""
    import gc
    import tracemalloc

    from kg.aggregates import aggregate_graph, aggregate_parts

    result = synthetic(n_stances)
    gc.collect()

    def make() -> int:
        if how == "streamed":
            return sum(len(part) for part in aggregate_parts(result.articles, result.stances))
        return len(aggregate_graph(result.articles, result.stances).nquads)

    row: dict = {"stances": n_stances, "how": how, "stances_mb": peak_mb()}
    wall, cpu = time.perf_counter(), time.process_time()
    row["chars"] = make()
    row["seconds"], row["cpu"] = time.perf_counter() - wall, time.process_time() - cpu
    row["peak_mb"] = peak_mb()
    gc.collect()
    tracemalloc.start()
    make()
    row["traced_mb"] = tracemalloc.get_traced_memory()[1] / 1e6
    tracemalloc.stop()
    return row


#: The page drawn from every statement, as `kg viz` drew it before it read the aggregate nodes.
_SCAN_PAGE = """
import sys
from pathlib import Path
from kg.store import open_store
from kg.viz import scan_store_page
Path(sys.argv[2]).write_bytes(scan_store_page(open_store(sys.argv[1])))
"""


def time_process(command: list[str]) -> dict:
    """Run a command in its own process: wall and CPU seconds (user + system), its peak resident
    memory (its own, from wait4), and the load average before and after."""
    before = os.getloadavg()[0]
    start = time.perf_counter()
    child = subprocess.Popen(command, env={**os.environ, "PYTHONPATH": str(REPO)}, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode:
        raise SystemExit(f"{' '.join(command)} failed ({child.returncode})")
    after = os.getloadavg()[0]
    return {"seconds": wall, "cpu": usage.ru_utime + usage.ru_stime, "peak_mb": usage.ru_maxrss / 1024,
            "load_average": (min(before, after), max(before, after))}


def viz_timings(out: Path, scan: bool) -> None:
    """Time `kg viz` on the built graph in `out` (and, with `scan`, the page of every statement) and print them."""
    with tempfile.TemporaryDirectory() as tmp:
        pages = {"kg viz": Path(tmp) / "viz.html", "every statement": Path(tmp) / "scan.html"}
        runs = {"kg viz": [sys.executable, "-m", "kg", "viz", "--out", str(out), "-o", str(pages["kg viz"])]}
        if scan:
            runs["every statement"] = [sys.executable, "-c", _SCAN_PAGE, str(out), str(pages["every statement"])]
        print(f"Network page of {out} (each in its own process; seconds, peak resident memory, page size):")
        for name, command in runs.items():
            r = time_process(command)
            print(f"  {name:<16} {r['seconds']:>7.1f} s wall {r['cpu']:>7.1f} s CPU {r['peak_mb']:>6.0f} MB peak "
                  f"{pages[name].stat().st_size / 1e6:>5.1f} MB page; load average {r['load_average'][0]:.1f} to {r['load_average'][1]:.1f}")
        if scan:
            same = pages["kg viz"].read_bytes() == pages["every statement"].read_bytes()
            print("  the two pages are " + ("the same bytes" if same else "DIFFERENT"))
            if not same:
                raise SystemExit(1)


def validate_timings(out: Path) -> None:
    """Time `kg validate` on the built graph in `out`, in one process and in one per core, and print them."""
    print(f"Validation of {out} (each run in its own process; CPU includes the validating processes', memory is the largest process's):")
    for jobs in sorted({1, os.cpu_count() or 1}):
        r = time_process([sys.executable, "-m", "kg", "validate", "--out", str(out), "--jobs", str(jobs)])
        print(f"  --jobs {jobs:<3} {r['seconds']:>7.1f} s wall {r['cpu']:>7.1f} s CPU {r['peak_mb']:>6.0f} MB peak; "
              f"load average {r['load_average'][0]:.1f} to {r['load_average'][1]:.1f}")


def run_child(args: list[str]) -> dict:
    output = subprocess.run([sys.executable, __file__, *args], check=True, capture_output=True, text=True).stdout
    return json.loads(output.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, nargs="*", default=[1000, 10000])
    parser.add_argument("--stances", type=int, nargs="*", default=[10000, 100000])
    parser.add_argument("--rdflib-max", type=int, default=10000, help="largest size also timed on rdflib's store")
    parser.add_argument("--scan-max", type=int, default=1_000_000, help="largest size also timed scanning the stances")
    parser.add_argument("--queries", nargs="*", default=None, help="canned queries to time (default: all)")
    parser.add_argument("--scaled", type=int, default=0, metavar="N",
                        help="build N articles end to end with extraction taken from a saved extraction of --templates articles")
    parser.add_argument("--templates", type=int, default=2000, help="articles extracted for real for --scaled")
    parser.add_argument("--scaled-formats", default="ttl,trig", help="exports of the --scaled build ('' for --no-export)")
    parser.add_argument("--workdir", default=None, help="folder for --scaled (default: a temporary one)")
    parser.add_argument("--aggregates", type=int, nargs="*", default=[], metavar="N",
                        help="time and trace making the aggregates of N synthetic stances, streamed and held whole (and nothing else)")
    parser.add_argument("--keep-stores", default=None, metavar="DIR",
                        help="keep the synthetic stores in DIR/stances-N and time the ones already there again")
    parser.add_argument("--clock", choices=sorted(CLOCK), default="wall",
                        help="time latencies by wall clock or by this process's CPU time (a shared machine inflates wall time)")
    parser.add_argument("--viz", default=None, metavar="OUT",
                        help="time `kg viz` on the graph built in OUT (e.g. DIR/stances-N of --keep-stores), and nothing else")
    parser.add_argument("--viz-scan", action="store_true",
                        help="with --viz, also time the page drawn from every statement and check both pages are the same")
    parser.add_argument("--validate", default=None, metavar="OUT",
                        help="time `kg validate` on the graph built in OUT, in one process and in one per core, and nothing else")
    parser.add_argument("--child", nargs=2, metavar=("KIND", "N"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if any(n < 1 for n in [*args.articles, *args.stances, *args.aggregates]):
        parser.error("every size of --articles, --stances and --aggregates must be at least 1")
    global clock
    clock = CLOCK[args.clock]
    if args.viz:
        viz_timings(Path(args.viz), args.viz_scan)
        return
    if args.validate:
        validate_timings(Path(args.validate))
        return
    if args.child and args.child[0] in ("prepare", "build"):
        work = Path(args.workdir)
        if args.child[0] == "prepare":
            row = child_prepare_scaled(int(args.child[1]), args.templates, work / "sources", work / "out" / ".cache")
        else:
            row = child_build_scaled(work / "sources", work / "out", [f for f in args.scaled_formats.split(",") if f])
        print(json.dumps(row))
        return
    if args.scaled:
        work = Path(args.workdir or tempfile.mkdtemp(prefix="stancegraph-scaled-"))
        prepared = run_child(["--child", "prepare", str(args.scaled), "--templates", str(args.templates), "--workdir", str(work)])
        print(f"{args.templates} generated articles extracted for real in {prepared['extract_templates']:.1f} s (2 processes); "
              f"{args.scaled} articles written with their saved extraction ({prepared['stances']} stances)")
        r = run_child(["--child", "build", str(args.scaled), "--workdir", str(work), "--scaled-formats", args.scaled_formats])
        print(f"kg build of {r['articles']} articles ({r['cached']} from the saved extraction), {r['stances']} stances, "
              f"{r['triples']} triples, exports: {r['formats']}")
        print(f"  read + hash + cache {r['read']:.1f} s, N-Quads made and loaded into the store {r['store']:.1f} s, "
              f"exports {r['exports']:.1f} s, page {r['page']:.1f} s; after extraction {r['full']:.1f} s; "
              f"peak memory {r['peak_mb']:.0f} MB; CPU {r['full_cpu']:.1f} s")
        print("  peak memory at the end of each phase: " + ", ".join(f"{phase} {mb:.0f} MB" for phase, mb in r["phase_peaks_mb"].items())
              + (f"; page {r['page_mb']:.1f} MB" if "page_mb" in r else "")
              + "; load average after the build {:.1f} / {:.1f} / {:.1f}".format(*r["load_average"]))
        print(f"  unchanged re-build {r['unchanged']:.2f} s ({r['unchanged_read']:.2f} s reading the folder and the cache), "
              f"{100 * r['unchanged'] / r['full']:.1f}% of the build after extraction; CPU {r['unchanged_cpu']:.2f} s; "
              f"{r['unchanged_files']} file(s) rewritten")
        print(f"  kg build, unchanged, in its own process: {r['command_unchanged']:.2f} s "
              f"({100 * r['command_unchanged'] / r['full']:.1f}%); again, nothing changed since: "
              f"{r['command_nothing_changed']:.2f} s ({100 * r['command_nothing_changed'] / r['full']:.1f}%; "
              f"it said: {' / '.join(r['command_nothing_changed_said'])})")
        return
    if args.child and args.child[0].startswith("aggregates-"):
        print(json.dumps(child_aggregates(int(args.child[1]), args.child[0].removeprefix("aggregates-"))))
        return
    if args.aggregates:
        print("Making the aggregates graph (seconds; peak MB: Python's allocations while making it, traced in a second run;"
              " the process's peak resident memory, the stances included)")
        print(f"{'stances':>8} {'how':>9} {'text MB':>8} {'seconds':>8} {'CPU s':>6} {'traced MB':>10} {'stances MB':>11} {'peak MB':>8}")
        for n in args.aggregates:
            for how in ("streamed", "whole"):
                r = run_child(["--child", f"aggregates-{how}", str(n)])
                print(f"{r['stances']:>8} {how:>9} {r['chars'] / 1e6:>8.0f} {r['seconds']:>8.1f} {r['cpu']:>6.1f} "
                      f"{r['traced_mb']:>10.0f} {r['stances_mb']:>11.0f} {r['peak_mb']:>8.0f}")
        return
    if args.child:
        kind, n = args.child[0], int(args.child[1])
        keep = Path(args.keep_stores) if args.keep_stores else None
        row = child_end_to_end(n) if kind == "articles" else child_stances(n, args.rdflib_max, args.queries, args.scan_max, keep)
        print(json.dumps(row))
        return
    if args.articles:
        print("End to end (seconds; extraction apart, 'full' = everything after extraction):")
        print(f"{'articles':>8} {'stances':>8} {'triples':>9} {'extract':>8} {'store':>7} "
              f"{'exports':>8} {'page':>6} {'full':>7} {'peak MB':>8} {'unchanged':>10} {'(reading)':>10}")
        for n in args.articles:
            r = run_child(["--child", "articles", str(n)])
            print(f"{r['articles']:>8} {r['stances']:>8} {r['triples']:>9} {r['extract']:>8.1f} "
                  f"{r['store']:>7.1f} {r['exports']:>8.1f} {r['page']:>6.1f} {r['full']:>7.1f} {r['peak_mb']:>8.0f} "
                  f"{r['unchanged']:>10.1f} {r['unchanged_read']:>10.1f}")
    if args.stances:
        print(f"\nStance graphs (store load in s, open in ms, median latency in ms after the store is open, {args.clock} clock):")
        for n in args.stances:
            extra = ["--queries", *args.queries] if args.queries else []
            if args.keep_stores:
                extra += ["--keep-stores", args.keep_stores]
            r = run_child(["--child", "stances", str(n), "--rdflib-max", str(args.rdflib_max), "--scan-max", str(args.scan_max),
                           "--clock", args.clock, *extra])
            print(f"{r['stances']} stances, {r['triples']} triples: load {r['load']:.1f} s, "
                  f"open {r['open'] * 1000:.0f} ms, peak {r['peak_mb']:.0f} MB; "
                  f"load average while timing {r['load_average'][0]:.1f} to {r['load_average'][1]:.1f}")
            print("  questions (as the commands ask them)        store     scan  rdflib")
            for name, latency in r["questions"].items():
                scan = r.get("scan", {}).get(name)
                rdflib = r.get("rdflib", {}).get(name)
                print(f"    {name:<46} {ms(latency):>9} {ms(scan):>9} {ms(rdflib):>9}")
            print("  kg query NAME (unbound, with the query's own LIMIT)")
            for name, latency in r["oxigraph"].items():
                print(f"    {name:<44} {ms(latency):>9}")
            print("  (* one run, over 5 s: not repeated)")


def ms(value: float | None) -> str:
    # A time over the budget of median_latency is one run, not a median: marked with '*'.
    return "" if value is None else f"{value * 1000:.1f}" + ("*" if value > 5.0 else "")

if __name__ == "__main__":
    main()
