"""Benchmark our builds against Hugo and Pelican and write bench/RESULTS.md.

    python bench/run.py [--sizes 1000 10000] [--repeat 3] [--profile]

For each size: generates bench/corpus-N/ when missing (bench/make_corpus.py), then runs each tool
in turn, `--repeat` times (ours-dumps, ours-markdown, hugo, pelican, pelican-cache, ours-dumps,
...), each time: a cold build, a rebuild after appending a sentence to one article, a rebuild
after adding one article; then the corpus is restored. Measures wall time and the peak RSS of the
child (os.wait4: the largest single process of its tree) and, sampled from /proc every 50 ms, the
peak RSS summed over the child's whole process tree. Raw samples go to bench/out/raw-N.json, so
runs of different sizes accumulate; RESULTS.md is rewritten from all of them.

Installs nothing: a peer that is not on PATH is skipped with a note. Standard library only.
"""

from __future__ import annotations

import argparse
import compileall
import hashlib
import io
import json
import os
import platform
import pstats
import shutil
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(BENCH))

from make_corpus import (  # noqa: E402
    dump_text,
    make_article,
    make_corpus,
    markdown_text,
    pelican_text,
)

SCENARIOS = ("cold", "edit", "add")
SCENARIO_NAMES = {"cold": "cold build", "edit": "rebuild after editing one article",
                  "add": "rebuild after adding one article"}
EDIT_SENTENCE = {"fr": " Une précision a été ajoutée à cet article.",
                 "vi": " Bài viết đã được cập nhật thêm thông tin.",
                 "en": " This article has been updated with a correction."}
PAGE = os.sysconf("SC_PAGE_SIZE")
MB = 1024 * 1024


@dataclass
class Sample:
    """One measured build."""

    wall: float  # seconds, e.g. 12.3
    peak_mb: float  # max RSS of the largest process of the child's tree (wait4), in MiB
    tree_mb: float  # max RSS summed over the child's process tree, sampled, in MiB
    rc: int  # exit code of the build
    pss_mb: float = float("nan")  # max PSS summed over the tree (shared pages counted once)


@dataclass
class Tool:
    """One way of building the corpus, with the files it reads."""

    name: str  # e.g. "ours-dumps"
    content: Path  # folder of its input articles
    suffix: str  # ".txt" or ".md"
    render: Callable[[int], str]  # article number -> file text
    command: Callable[[Path, bool], list[str]]  # (work dir, cold) -> argv
    cwd: Callable[[Path], Path]  # work dir -> folder to run in
    env: dict[str, str] = field(default_factory=dict)  # extra environment


@dataclass
class RunRecord:
    """Everything one run of one size measured, stored as bench/out/raw-N.json."""

    size: int
    repeat: int
    machine: dict[str, str]
    versions: dict[str, str]
    commands: dict[str, dict[str, str]]
    samples: dict[str, dict[str, list[dict[str, float]]]]  # tool -> scenario -> samples
    notes: list[str]
    finished: str  # UTC time of the end of the run, for the report only


def snapshot(out: Path, reuse: bool = False) -> tuple[Path, str]:
    """Copy our package and theme into `out`/snapshot; return its folder and a content hash.

    The repository may change while a run lasts (others edit it): every build of one run uses
    this frozen copy, so that all its samples measure the same code. With `reuse`, an existing
    copy is kept, so that several runs measure the same code.
    """
    folder = out / "snapshot"
    if not (reuse and (folder / "generator").is_dir()):
        if folder.exists():
            shutil.rmtree(folder)
        for name in ("generator", "templates", "static"):
            shutil.copytree(REPO / name, folder / name,
                            ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        # Byte-compiled as pip installs it (PYTHONDONTWRITEBYTECODE would else make every
        # build compile the package again, as an installed peer never does).
        compileall.compile_dir(folder / "generator", quiet=1)
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix != ".pyc"):
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes())
    head = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"],
                          capture_output=True, text=True, check=False).stdout.strip()
    return folder, f"{head or 'unknown'} + working tree, sha256 {digest.hexdigest()[:12]}"


def _pss(pid: int) -> int:
    """Return a process's proportional set size in bytes: its private pages plus its share of
    the pages it shares (a forked worker's copy-on-write pages count once over the tree)."""
    with open(f"/proc/{pid}/smaps_rollup", "rb") as handle:
        for line in handle:
            if line.startswith(b"Pss:"):
                return int(line.split()[1]) * 1024
    return 0


def _tree_rss(pid: int) -> tuple[int, int]:
    """Return the RSS and the PSS in bytes, each summed over `pid` and all its descendants
    (0 when gone)."""
    total, pss, stack = 0, 0, [pid]
    while stack:
        current = stack.pop()
        try:
            with open(f"/proc/{current}/statm", "rb") as handle:
                total += int(handle.read().split()[1]) * PAGE
            pss += _pss(current)
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children", "rb") as handle:
                    stack.extend(int(child) for child in handle.read().split())
        except (OSError, ValueError):
            continue
    return total, pss


def measure(argv: list[str], cwd: Path, env: dict[str, str], log: Path) -> Sample:
    """Run one build; return its wall time, peak RSS and exit code (stderr into `log`)."""
    peak_tree = peak_pss = 0
    done = threading.Event()
    full_env = {**os.environ, **env}
    with open(log, "ab") as err:
        err.write(f"$ (cd {cwd} && {' '.join(argv)})\n".encode())
        err.flush()
        started = time.perf_counter()
        child = subprocess.Popen(argv, cwd=cwd, env=full_env, stdout=subprocess.DEVNULL,
                                 stderr=err)

        def sample() -> None:
            nonlocal peak_tree, peak_pss
            while not done.wait(0.05):
                rss, pss = _tree_rss(child.pid)
                peak_tree, peak_pss = max(peak_tree, rss), max(peak_pss, pss)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - started
        done.set()
        sampler.join()
    child.returncode = os.waitstatus_to_exitcode(status)
    peak = usage.ru_maxrss * 1024  # KiB on Linux
    return Sample(wall=wall, peak_mb=peak / MB, tree_mb=max(peak_tree, peak) / MB,
                  rc=child.returncode, pss_mb=peak_pss / MB)


def tools(corpus: Path, code: Path) -> tuple[list[Tool], list[str]]:
    """Return the tools to run on `corpus` (ours from `code`, peers when installed), notes."""
    python = sys.executable
    ours_env = {"PYTHONPATH": str(code)}
    notes: list[str] = []

    def ours(folder: str) -> Callable[[Path, bool], list[str]]:
        return lambda w, cold: [python, "-m", "generator", "build", "--source",
                                str(corpus / folder), "--out", str(w / "_site"), "-q"]

    result = [
        Tool("ours-dumps", corpus / "dumps", ".txt", lambda n: dump_text(make_article(n)),
             ours("dumps"), lambda w: w, ours_env),
        Tool("ours-markdown", corpus / "markdown", ".md",
             lambda n: markdown_text(make_article(n)), ours("markdown"), lambda w: w, ours_env),
    ]
    if shutil.which("hugo"):
        result.append(Tool(
            "hugo", corpus / "hugo" / "content" / "posts", ".md",
            lambda n: markdown_text(make_article(n)),
            lambda w, cold: ["hugo", "--source", str(corpus / "hugo"), "--destination",
                             str(w / "public"), "--quiet", *(["--gc"] if cold else [])],
            lambda w: w))
    else:
        notes.append("hugo not on PATH: skipped (install the Debian package `hugo`).")
    if shutil.which("pelican"):
        def pelican(cache: bool) -> Callable[[Path, bool], list[str]]:
            flag = "true" if cache else "false"
            return lambda w, cold: [
                "pelican", "content", "-o", str(w / "output"), "-s", "pelicanconf.py",
                "--cache-path", str(w / "cache"), "-e", f"CACHE_CONTENT={flag}",
                f"LOAD_CONTENT_CACHE={flag}"]
        for name, cache in (("pelican", False), ("pelican-cache", True)):
            result.append(Tool(name, corpus / "pelican" / "content", ".md",
                               lambda n: pelican_text(make_article(n)), pelican(cache),
                               lambda w: corpus / "pelican"))
    else:
        notes.append("pelican not on PATH: skipped (pip install pelican[markdown]).")
    return result, notes


def _edit(path: Path, lang: str) -> None:
    """Append a sentence to the longest line of an article (a body paragraph)."""
    lines = path.read_text(encoding="utf-8").split("\n")
    longest = max(range(len(lines)), key=lambda i: len(lines[i]))
    lines[longest] += EDIT_SENTENCE[lang]
    path.write_text("\n".join(lines), encoding="utf-8")


def run_tool(tool: Tool, size: int, work: Path, log: Path) -> dict[str, Sample]:
    """Cold build, edit one article and rebuild, add one and rebuild; then restore the corpus."""
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    edited = tool.content / f"{size // 2:05d}{tool.suffix}"
    added = tool.content / f"{size:05d}{tool.suffix}"
    original = edited.read_bytes()
    samples: dict[str, Sample] = {}
    try:
        samples["cold"] = measure(tool.command(work, True), tool.cwd(work), tool.env, log)
        _edit(edited, make_article(size // 2).lang)
        samples["edit"] = measure(tool.command(work, False), tool.cwd(work), tool.env, log)
        added.write_text(tool.render(size), encoding="utf-8")
        samples["add"] = measure(tool.command(work, False), tool.cwd(work), tool.env, log)
    finally:
        edited.write_bytes(original)
        added.unlink(missing_ok=True)
    return samples


def _output(argv: list[str], env: dict[str, str] | None = None) -> str:
    """Return the first line of a command's output, or "absent"."""
    try:
        done = subprocess.run(argv, capture_output=True, text=True, check=False, timeout=60,
                              env={**os.environ, **(env or {})}, cwd=BENCH)
    except OSError:
        return "absent"
    return (done.stdout or done.stderr).strip().splitlines()[0] if done.returncode == 0 else \
        "absent"


def machine() -> dict[str, str]:
    """Describe the machine: cores, CPU model, memory, OS."""
    model = "unknown"
    with open("/proc/cpuinfo", encoding="utf-8") as cpuinfo:
        for line in cpuinfo:
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    memory = "unknown"
    with open("/proc/meminfo", encoding="utf-8") as meminfo:
        for line in meminfo:
            if line.startswith("MemTotal"):
                memory = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    return {"nproc": str(len(os.sched_getaffinity(0))), "cpu": model, "memory": memory,
            "os": platform.platform()}


def versions(code: Path, code_id: str) -> dict[str, str]:
    """Return the versions of Python, ours (with the snapshot's identity) and the peers."""
    return {"python": platform.python_version(),
            "newsdigest": _output([sys.executable, "-m", "generator", "--version"],
                                  {"PYTHONPATH": str(code)}) + f" ({code_id})",
            "hugo": _output(["hugo", "version"]),
            "pelican": _output(["pelican", "--version"])}


def has_jobs_option(code: Path) -> bool:
    """Tell whether our CLI has grown a --jobs option (we pass none: default all cores)."""
    done = subprocess.run([sys.executable, "-m", "generator", "build", "--help"],
                          capture_output=True, text=True, check=False, cwd=BENCH,
                          env={**os.environ, "PYTHONPATH": str(code)})
    return "--jobs" in done.stdout


SINGLE_PROCESS = """import cProfile, os, runpy, sys
os.cpu_count = lambda: 1  # our build defaults its pool to os.cpu_count(): one process
prof, sys.argv = sys.argv[1], ["generator", *sys.argv[2:]]
cProfile.run("runpy.run_module('generator', run_name='__main__', alter_sys=True)", prof)
"""


def _top(stats_path: Path) -> list[str]:
    """Return the top functions of a cProfile dump, by cumulative and by own time."""
    text = []
    for key, count in (("cumulative", 25), ("tottime", 15)):
        buffer = io.StringIO()
        stats = pstats.Stats(str(stats_path), stream=buffer)
        stats.strip_dirs().sort_stats(key).print_stats(count)
        body = buffer.getvalue()
        body = body[body.find("   ncalls"):] if "   ncalls" in body else body
        text += [f"Top {count} by {key} time:", "", body.rstrip(), ""]
    return text


def profile(corpus: Path, work: Path, code: Path) -> str:
    """Profile our cold build of the dumps with cProfile; return the top functions as text.

    Twice: as run (a pool's workers are invisible to cProfile, the parent shows them as waiting
    on a lock) and in one process (`--jobs 1` when the CLI has it, else os.cpu_count patched to
    1), which shows where the per-article work goes.
    """
    env = {**os.environ, "PYTHONPATH": str(code)}
    build_args = ["build", "--source", str(corpus / "dumps"), "-q"]
    single: list[str]
    if has_jobs_option(code):
        single = [sys.executable, "-m", "cProfile", "-o", "{prof}", "-m", "generator",
                  *build_args, "--jobs", "1"]
    else:
        single = [sys.executable, "-c", SINGLE_PROCESS, "{prof}", *build_args]
    runs = {"as run (default jobs)": [sys.executable, "-m", "cProfile", "-o", "{prof}", "-m",
                                      "generator", *build_args],
            "in one process": single}
    text: list[str] = []
    for index, (label, template) in enumerate(runs.items()):
        folder = work / f"profile-{index}"
        if folder.exists():
            shutil.rmtree(folder)
        folder.mkdir(parents=True)
        prof = folder / "build.prof"
        argv = [a.replace("{prof}", str(prof)) for a in template] + ["--out",
                                                                     str(folder / "_site")]
        started = time.perf_counter()
        subprocess.run(argv, cwd=folder, env=env, check=False, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        wall = time.perf_counter() - started
        shown = " ".join(_shown(a) for a in argv).replace(SINGLE_PROCESS, "<SINGLE_PROCESS>")
        text += [f"### {label}", "", f"$ {shown}", f"wall under the profiler: {wall:.1f} s", ""]
        text += _top(prof) if prof.exists() else ["(no profile written: the build failed)", ""]
    return "\n".join(text)


def run_size(size: int, repeat: int, out: Path, code: Path, code_id: str) -> RunRecord:
    """Benchmark one corpus size and store the raw samples."""
    corpus = BENCH / f"corpus-{size}"
    if not (corpus / "dumps").is_dir():
        print(f"generating {corpus} ...", flush=True)
        make_corpus(size, corpus)
    work_root = out / f"work-{size}"
    log = out / f"build-{size}.log"
    log.unlink(missing_ok=True)
    chosen, notes = tools(corpus, code)
    load_before = os.getloadavg()
    samples: dict[str, dict[str, list[dict[str, float]]]] = {
        t.name: {s: [] for s in SCENARIOS} for t in chosen}
    for round_number in range(repeat):
        for tool in chosen:
            measured = run_tool(tool, size, work_root / tool.name, log)
            for scenario, sample in measured.items():
                samples[tool.name][scenario].append(asdict(sample))
                if sample.rc:
                    notes.append(f"{tool.name} {scenario} (round {round_number + 1}) exited "
                                 f"{sample.rc}; see bench/out/build-{size}.log")
            print(f"N={size} round {round_number + 1}/{repeat} {tool.name}: " + ", ".join(
                f"{s} {m.wall:.2f} s {m.tree_mb:.0f} MB" for s, m in measured.items()),
                flush=True)
    commands = {t.name: {"cwd": _shown(t.cwd(work_root / t.name)),
                         "cold": " ".join([*(f"{k}={_shown(v)}" for k, v in t.env.items()),
                                           *(_shown(a) for a in t.command(work_root / t.name,
                                                                           True))]),
                         "rebuild": " ".join(_shown(a) for a in
                                             t.command(work_root / t.name, False))}
                for t in chosen}
    load_after = os.getloadavg()
    before, after = (", ".join(f"{x:.1f}" for x in load) for load in (load_before, load_after))
    notes.append(f"load average (1, 5, 15 min) at start {before}, at end {after} (other work "
                 "on the machine adds noise)")
    if has_jobs_option(code):
        notes.append("our CLI has --jobs; none passed (default: all cores).")
    record = RunRecord(size=size, repeat=repeat, machine=machine(),
                       versions=versions(code, code_id), commands=commands, samples=samples,
                       notes=notes,
                       finished=time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()))
    (out / f"raw-{size}.json").write_text(json.dumps(asdict(record), indent=1) + "\n",
                                          encoding="utf-8")
    return record


def _shown(arg: str | Path) -> str:
    """Show a path relative to the repository when it is inside it."""
    text = str(arg)
    if text == sys.executable:
        return "python"
    return text.replace(str(REPO) + "/", "")


def _median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def _cell(record: RunRecord, tool: str, scenario: str, key: str) -> float:
    return _median([s.get(key, float("nan"))
                    for s in record.samples.get(tool, {}).get(scenario, [])])


def _ratio(a: float, b: float) -> str:
    return "–" if a != a or b != b or not b else f"{a / b:.2f}"


def _goals(record: RunRecord) -> list[str]:
    """Compare one size's medians with the goals of issue 6."""
    def wall(tool: str, scenario: str) -> float:
        return _cell(record, tool, scenario, "wall")

    lines = []
    cold = wall("ours-dumps", "cold") / wall("hugo", "cold")
    lines.append(f"- cold build of the dumps ≤ 0.7 × Hugo cold: {cold:.2f} × "
                 f"({'met' if cold <= 0.7 else 'not met'})")
    edit, ours_edit = wall("ours-dumps", "edit") / wall("hugo", "edit"), wall("ours-dumps", "edit")
    lines.append(f"- rebuild after one edit ≤ 0.15 × Hugo's rebuild and < 1 s: {edit:.2f} ×, "
                 f"{ours_edit:.2f} s ({'met' if edit <= 0.15 and ours_edit < 1 else 'not met'})")
    speed = wall("pelican", "cold") / wall("ours-markdown", "cold")
    lines.append(f"- our Markdown path ≥ 3 × faster than Pelican cold: {speed:.2f} × "
                 f"({'met' if speed >= 3 else 'not met'})")
    for key, what in (("pss_mb", "PSS of the whole process tree: forked workers' shared "
                                 "pages counted once"),
                      ("peak_mb", "RSS of the largest single process"),
                      ("tree_mb", "RSS summed over the process tree, shared pages counted in "
                                  "every process")):
        peak = max(_cell(record, t, s, key) for t in ("ours-dumps", "ours-markdown")
                   for s in SCENARIOS)
        verdict = "not measured" if peak != peak else "met" if peak <= 250 else "not met"
        lines.append(f"- peak memory ≤ 250 MB (largest median over our builds, {what}): "
                     f"{peak:.0f} MB ({verdict})")
    return lines


OUTPUT_FOLDERS = {"ours-dumps": "_site", "ours-markdown": "_site", "hugo": "public",
                  "pelican": "output", "pelican-cache": "output"}


def _size(path: Path) -> tuple[int, float]:
    """Return the number of files under `path` (or 1 for a file) and their size in MiB."""
    files = [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file()]
    return len(files), sum(p.stat().st_size for p in files) / MB


def _outputs(out: Path, size: int) -> list[str]:
    """Describe what each tool wrote in its last round at `size` (files and MiB)."""
    rows = []
    for tool, folder in OUTPUT_FOLDERS.items():
        work = out / f"work-{size}" / tool
        if not (work / folder).is_dir():
            continue
        files, mib = _size(work / folder)
        extra = []
        for name in ("build-report.json", ".newsdigest-cache", "cache"):
            if (work / name).exists():
                extra_files, extra_mib = _size(work / name)
                extra.append(f"{name}: {extra_files} files, {extra_mib:.0f} MB")
        rows.append(f"| {size} | {tool} | {files} | {mib:.0f} | {'; '.join(extra) or '–'} |")
    return rows


def render_results(out: Path) -> str:
    """Render RESULTS.md from every bench/out/raw-N.json and profile-N.txt."""
    records = sorted((RunRecord(**json.loads(p.read_text(encoding="utf-8")))
                      for p in out.glob("raw-*.json")), key=lambda r: r.size)
    if not records:
        return "# Benchmark results\n\nNo run yet: `python bench/run.py`.\n"
    last = records[-1]
    text = ["# Benchmark results", "",
            "Written by `python bench/run.py` (corpus: `bench/make_corpus.py`). Medians of each "
            "build run alternately in one run (ours-dumps, ours-markdown, hugo, pelican, "
            "pelican-cache, ours-dumps, ...). *peak MB*: max RSS of the largest single process "
            "(`os.wait4`); *tree MB*: max RSS summed over the build's process tree, sampled "
            "every 50 ms (counts a process pool's workers together, and the pages a forked worker "
            "shares with its parent once in each); *tree PSS MB*: max proportional set size "
            "summed over the tree (`/proc/PID/smaps_rollup`; each shared page split among the "
            "processes sharing it, so counted once in all): the memory the build really "
            "occupies.", "",
            "## Machine", ""]
    text += [f"- {k}: {v}" for k, v in last.machine.items()]
    text += ["", "## Versions", ""] + [f"- {k}: {v}" for k, v in last.versions.items()]
    text += ["", "## Commands", "",
             "Per tool and round: a cold build into a fresh work folder (ours: no "
             "`.newsdigest-cache/`; Hugo: fresh `--destination` and `--gc`; Pelican: fresh "
             "output and cache folder), then a sentence appended to the longest line of "
             "article N/2 and a rebuild into the same folder, then article N (new) written and a "
             "rebuild; then the corpus is restored. `pelican` runs with `CACHE_CONTENT=false "
             "LOAD_CONTENT_CACHE=false`; `pelican-cache` with both true (its cold build writes "
             "the cache, its rebuilds load it). Ours runs with `PYTHONPATH=bench/out/snapshot`: a "
             "copy of `generator/`, `templates/` and `static/` taken when the run starts (the "
             "repository changes while it runs), identified by the hash below; it runs in its "
             "work folder, so no `site.toml` applies.", ""]
    for record in records:
        text.append(f"N = {record.size} ({record.repeat} rounds, finished {record.finished}; "
                    f"ours: {record.versions['newsdigest']}):")
        text.append("")
        text.append("```")
        for name, command in record.commands.items():
            text.append(f"# {name} (in {command['cwd']})")
            text.append(f"cold:    {command['cold']}")
            text.append(f"rebuild: {command['rebuild']}")
        text.append("```")
        text.append("")
    text += ["## Results (medians)", "",
             "| N | scenario | tool | wall s | peak MB | tree MB | tree PSS MB | runs |",
             "| ---: | --- | --- | ---: | ---: | ---: | ---: | ---: |"]
    for record in records:
        for scenario in SCENARIOS:
            for tool, by_scenario in record.samples.items():
                runs = by_scenario[scenario]
                text.append(
                    f"| {record.size} | {scenario} | {tool} | "
                    f"{_cell(record, tool, scenario, 'wall'):.2f} | "
                    f"{_cell(record, tool, scenario, 'peak_mb'):.0f} | "
                    f"{_cell(record, tool, scenario, 'tree_mb'):.0f} | "
                    f"{_cell(record, tool, scenario, 'pss_mb'):.0f} | {len(runs)} |")
    text += ["", "## Ratios of wall time (ours / peer; below 1 means we are faster)", "",
             "| N | scenario | dumps / Hugo | markdown / Hugo | dumps / Pelican | "
             "markdown / Pelican | markdown / Pelican with cache |",
             "| ---: | --- | ---: | ---: | ---: | ---: | ---: |"]
    for record in records:
        for scenario in SCENARIOS:
            def w(tool: str, scenario: str = scenario, record: RunRecord = record) -> float:
                return _cell(record, tool, scenario, "wall")
            text.append(f"| {record.size} | {scenario} | {_ratio(w('ours-dumps'), w('hugo'))} | "
                        f"{_ratio(w('ours-markdown'), w('hugo'))} | "
                        f"{_ratio(w('ours-dumps'), w('pelican'))} | "
                        f"{_ratio(w('ours-markdown'), w('pelican'))} | "
                        f"{_ratio(w('ours-markdown'), w('pelican-cache'))} |")
    text += ["", "## Goals of issue 6", "",
             "The goals are stated at N = 10,000 on a 2-core machine; smaller sizes are shown "
             "for the trend."]
    for record in records:
        text += ["", f"N = {record.size}:", *_goals(record)]
    text += ["", "## Output sets", "",
             "What each tool wrote in the last round (after adding one article), to judge how "
             "comparable the builds are. All write one page per article, a paginated index "
             "(50 a page) and one RSS feed of 50 full items; Hugo and Pelican also write an "
             "HTML page per tag (Hugo also pagination aliases and a tag list); ours writes no "
             "tag page but an RSS feed per tag and per language, Atom, JSON Feed, sitemap, "
             "robots.txt and 404 (plus its build report and cache beside the site).", "",
             "| N | tool | files | MB | beside the output |", "| ---: | --- | ---: | ---: | --- |"]
    for record in records:
        text += _outputs(out, record.size)
    notes = [f"N = {r.size}: {n}" for r in records for n in r.notes]
    if notes:
        text += ["", "## Notes", "", *[f"- {n}" for n in notes]]
    analysis = BENCH / "ANALYSIS.md"  # written by hand from py-spy profiles of every process
    if analysis.exists():
        text += ["", analysis.read_text(encoding="utf-8").rstrip()]
    profiles = sorted(out.glob("profile-*.txt"))
    if profiles:
        text += ["", "## Where the time goes: cProfile", "",
                 "Our cold build of the dumps under cProfile (`python bench/run.py --profile`). "
                 "cProfile sees only the main process: work done in a process pool's workers "
                 "shows up as waiting."]
        for path in profiles:
            text += ["", f"N = {path.stem.split('-')[1]}:", "", "```",
                     path.read_text(encoding="utf-8").rstrip(), "```"]
    return "\n".join(text) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and write bench/RESULTS.md."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000],
                        help="corpus sizes (default: 1000 10000)")
    parser.add_argument("--repeat", type=int, default=3, help="rounds per size (default: 3)")
    parser.add_argument("--profile", action="store_true",
                        help="also profile our cold build at each size with cProfile "
                             "(--repeat 0 --profile: profile only)")
    parser.add_argument("--out", type=Path, default=BENCH / "out",
                        help="work folder for builds and raw results (default: bench/out)")
    parser.add_argument("--reuse-snapshot", action="store_true",
                        help="measure the copy of our code left by the previous run "
                             "(bench/out/snapshot) instead of copying the repository again")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    if args.repeat <= 0 and not args.profile:  # only rewrite RESULTS.md from stored runs
        args.sizes = []
    else:
        code, code_id = snapshot(args.out, args.reuse_snapshot)
        print(f"our code: {code_id}", flush=True)
    for size in args.sizes:
        if args.repeat > 0:
            run_size(size, args.repeat, args.out, code, code_id)
        if args.profile:
            corpus = BENCH / f"corpus-{size}"
            if not (corpus / "dumps").is_dir():
                make_corpus(size, corpus)
            print(f"profiling our cold build at N={size} ...", flush=True)
            text = profile(corpus, args.out / f"work-{size}", code)
            (args.out / f"profile-{size}.txt").write_text(f"code: {code_id}\n{text}\n",
                                                          encoding="utf-8")
    (BENCH / "RESULTS.md").write_text(render_results(args.out), encoding="utf-8")
    print(f"wrote {BENCH / 'RESULTS.md'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
