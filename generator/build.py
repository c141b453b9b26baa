"""Build a site: the pipeline stages in order, like Zola's Site::build."""

from __future__ import annotations

import ctypes
import gc
import hashlib
import json
import logging
import multiprocessing
import os
import pickle
import shutil
import signal
import sys
from collections import defaultdict, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from itertools import islice
from pathlib import Path
from typing import Any, TypeVar

from jinja2 import Environment

from generator.cache import (
    ArticleCache,
    DamagedEntry,
    Digests,
    Entry,
    FactsCache,
    Memo,
    Parts,
    Summaries,
    entry_key,
    fingerprint,
    load_entry,
    loads,
    split_entry,
    summary_of,
)
from generator.config import Config
from generator.extract import extract, share_language_model
from generator.learn import (
    MIN_FILES,
    Facts,
    Learned,
    facts_of,
    learn_from_facts,
    learn_outlet,
    learned_of,
    outlets_of,
)
from generator.models import Article, Problem
from generator.read import input_files, kind_of, read_input, walk_files
from generator.render import PageJob, make_env, render_article
from generator.report import article_record, write_report
from generator.site import page_jobs, plan_site, site_files
from generator.write import (
    InterruptedAfterPublish,
    Stage,
    WriteStats,
    check_output,
    finish_pending,
    publish,
    published,
    state_dir,
)

log = logging.getLogger("newsdigest")

IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif")  # no SVG: it can script
REPORT_NAME = "build-report.json"
PARALLEL_MIN = 16  # fewer inputs per worker than this are cleaned in-process
APART_MIN = 256  # inputs to measure for learning from which it runs in a child process


@dataclass(frozen=True)
class BuildResult:
    """What a build made and what went wrong."""

    articles: tuple[Article, ...]  # summaries: without body blocks (see cache.split_entry)
    rejected: tuple[Problem, ...]  # inputs left out, one problem each
    problems: tuple[Problem, ...]  # every warning and error, in input order
    stats: WriteStats | None
    report_path: Path | None
    cleaned: int = 0  # inputs cleaned in this build; the others came from the cache
    pages: int = 0  # HTML pages in the site
    feeds: int = 0  # RSS, Atom and JSON feeds in the site

    @property
    def exit_code(self) -> int:
        """0 when every input was built, 1 when any was rejected."""
        return 1 if self.rejected else 0


def repo_roots(*places: Path) -> list[Path]:
    """Return the version-control roots above the given folders (never to be overwritten)."""
    roots = []
    for place in places:
        for folder in [place.resolve(), *place.resolve().parents]:
            if (folder / ".git").exists() or (folder / ".hg").exists():
                roots.append(folder)
                break
    return roots


def find_images(source: Path, files: list[tuple[str, Path]] | None = None) -> dict[str, str]:
    """Map each image file name in the source folder to its output path below `media/`;
    `files` is the folder's `walk_files` when already made."""
    found: dict[str, str] = {}
    for rel, path in walk_files(source) if files is None else files:
        if path.suffix.lower() in IMAGE_SUFFIXES:
            found.setdefault(path.name, "media/" + rel)
    return found


def assign_slugs(articles: list[Article]) -> list[Article]:
    """Make slugs unique per language: the earliest article keeps the plain slug."""
    groups: dict[tuple[str, str], list[Article]] = defaultdict(list)
    for article in articles:
        groups[(article.lang, article.slug or "article")].append(article)
    result = []
    for (_, slug), group in groups.items():
        if len(group) == 1 and group[0].slug:  # most slugs are unique: nothing to settle
            result.append(group[0])
            continue
        group.sort(key=lambda a: (a.published is None, a.published and a.published.timestamp(),
                                  a.path))
        for i, article in enumerate(group):
            if i == 0 and article.slug:
                result.append(article)
                continue
            suffix = hashlib.sha1(article.guid.encode()).hexdigest()[:6]
            result.append(replace(article, slug=f"{slug}-{suffix}"))
    return sorted(result, key=lambda a: a.path)


def media_files(source: Path, images: dict[str, str]) -> dict[str, bytes]:
    """Return the images found in the source folder (by `find_images`), keyed by their output
    path."""
    return {out_path: (source / out_path.removeprefix("media/")).read_bytes()
            for out_path in images.values()}


def process_input(data: bytes, shown: str, config: Config, images: dict[str, str],
                  learned: Learned | None = None) -> Entry:
    """Read, clean and extract one input: a pure function of its bytes, name and settings."""
    raw = read_input(data, shown)
    errors = [p for p in raw.problems if p.severity == "error"]
    if not errors and not any(line.strip() for line in raw.lines):
        errors = [Problem(raw.path, 0, "file is empty" if not raw.lines else
                          "file holds only white space", "add the article's text or "
                          "remove the file", severity="error")]
        raw = replace(raw, problems=raw.problems + tuple(errors))
    if errors:
        return Entry(None, "", raw.problems)
    try:
        article = extract(raw, config, images, learned)
    except Exception as exc:  # one bad file must never stop the build
        log.debug("extract failed on %s", raw.path, exc_info=True)
        reason = Problem(raw.path, 0, f"could not be cleaned ({type(exc).__name__}: {exc})",
                         "please report this with the file", severity="error")
        return Entry(None, "", (*raw.problems, reason))
    record = _report_record(article)
    if not article.lead and not article.blocks:
        reason = Problem(raw.path, 0, "no article text found (every line is boilerplate)",
                         "check the file, or see its lines in the build report",
                         severity="error")
        return Entry(None, record, (*article.problems, reason))  # its lines go in the report
    return Entry(replace(article, lines=()), record, article.problems)


_WORKER: dict[str, Any] = {}


def _init_worker(config: Config, images: dict[str, str], parent: int | None = None) -> None:
    if parent is not None:
        die_with_parent(parent)
    _WORKER.update(config=config, images=images)


def die_with_parent(parent: int) -> None:
    """Make this worker process end when the build that started it is killed (else, blocked
    on its task queue, it would sleep forever). Linux only; elsewhere a no-op."""
    if sys.platform != "linux":
        return
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # no prctl here: nothing to do
        return
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)


Item = tuple[Path, str, "Learned | None"]  # input file, its name, what was learned for it


def _process(item: Item, config: Config, images: dict[str, str]) -> Entry:
    path, shown, learned = item
    try:
        data = path.read_bytes()
    except OSError as exc:
        return Entry(None, "", (Problem(shown, 0, f"could not be read ({exc.strerror})",
                                        "check the file's permissions", severity="error"),))
    return process_input(data, shown, config, images, learned)


def _work(item: Item) -> Parts:
    """Process one input in a worker; return the entry as the cache stores it (`split_entry`)."""
    return split_entry(_process(item, _WORKER["config"], _WORKER["images"]))


def _facts_work(item: tuple[Path, str]) -> Facts | None:
    """Measure one input for learning; None when it cannot be read (cleaning reports that)."""
    try:
        data = item[0].read_bytes()
    except OSError:
        return None
    return facts_of(read_input(data, item[1]))


def _freeze() -> None:
    """Move every object of this process out of the collector's sight before workers are
    forked: a collection (in the parent or in a worker) writes into the header of each object
    it visits, which copies every page it touches out of the memory the processes share.
    `gc.unfreeze` once the workers are gone."""
    gc.collect()
    gc.freeze()


T = TypeVar("T")
R = TypeVar("R")


def _chunk(fn: Callable[[T], R], items: list[T]) -> list[R]:
    return [fn(item) for item in items]


def _ahead(pool: ProcessPoolExecutor, fn: Callable[[T], R], items: Iterator[T], chunk: int,
           window: int) -> Iterator[R]:
    """Yield fn(item) for every item, in order, computed by the pool in chunks of `chunk`
    items, at most `window` chunks submitted and not yet taken."""
    pending: deque[Future[list[R]]] = deque()

    def submit() -> None:
        part = list(islice(items, chunk))
        if part:
            pending.append(pool.submit(_chunk, fn, part))

    for _ in range(window):
        submit()
    while pending:
        results = pending.popleft().result()
        submit()
        yield from results


class Workers:
    """The processes running the per-input stages (learning, cleaning): a pool of `jobs`
    forked workers, started on first use by a stage with enough inputs, else this process."""

    def __init__(self, jobs: int, config: Config, images: dict[str, str],
                 share_model: bool = False) -> None:
        self.jobs, self.config, self.images = jobs, config, images
        self.share_model = share_model  # text dumps: their language is often left to the model
        self.pool: ProcessPoolExecutor | None = None
        self.release: Callable[[], None] = lambda: None  # frees what the workers shared

    def map(self, fn: Callable[[T], R], items: Iterable[T], count: int | None = None,
            ) -> Iterator[R]:
        """Yield fn(item) for every item, in order; `count` is how many items there are (when
        `items` is not a list).

        Items are handed out a few chunks ahead of the results taken, so that neither the
        items (a lazy iterable is read as the workers go) nor the results waiting to be taken
        pile up in this process.
        """
        if count is None:
            count = len(items) if isinstance(items, list) else 0
        if self.jobs <= 1 or count < 2 * PARALLEL_MIN:
            _init_worker(self.config, self.images)
            return map(fn, items)
        if self.pool is None:
            if self.share_model and sys.platform == "linux":  # shared by forked workers
                self.release = share_language_model()
            context = multiprocessing.get_context("fork" if sys.platform == "linux" else "spawn")
            _freeze()
            self.pool = ProcessPoolExecutor(max_workers=self.jobs, mp_context=context,
                                            initializer=_init_worker,
                                            initargs=(self.config, self.images, os.getpid()))
        chunk = max(1, min(64, count // (4 * self.jobs)))
        return _ahead(self.pool, fn, iter(items), chunk, 3 * self.jobs)

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown()
            self.pool = None
            gc.unfreeze()
        self.release()


_PAGES: dict[str, Any] = {}  # what forked page workers inherit: env, config, jobs, stage, whole


def _page_work(span: tuple[int, int]) -> list[tuple[str, str, bool]]:
    env, config, jobs, stage, whole = (_PAGES[k] for k in ("env", "config", "jobs", "stage",
                                                           "whole"))
    return [stage.put(path, render_article(env, config, whole(article), feeds).encode("utf-8"))
            for path, article, feeds in jobs[span[0]:span[1]]]


def write_pages(env: Environment, config: Config, jobs: list[PageJob], stage: Stage,
                workers: int, whole: Callable[[Article], Article] = lambda a: a,
                ) -> list[tuple[str, str, bool]]:
    """Render the article pages and stage the changed ones, in forked workers when many;
    `whole` gives the article of a summary (its body blocks read from the cache).

    Workers inherit the jobs by fork (nothing is pickled but index ranges and results).
    """
    if workers <= 1 or len(jobs) < 2 * PARALLEL_MIN or sys.platform != "linux":
        return [stage.put(path, render_article(env, config, whole(article), feeds)
                          .encode("utf-8")) for path, article, feeds in jobs]
    _PAGES.update(env=env, config=config, jobs=jobs, stage=stage, whole=whole)
    step = max(1, min(64, len(jobs) // (4 * workers)))
    _freeze()
    spans = [(i, min(len(jobs), i + step)) for i in range(0, len(jobs), step)]
    try:
        with ProcessPoolExecutor(max_workers=workers, initializer=die_with_parent,
                                 initargs=(os.getpid(),),
                                 mp_context=multiprocessing.get_context("fork")) as pool:
            return [result for part in pool.map(_page_work, spans) for result in part]
    finally:
        _PAGES.clear()
        gc.unfreeze()


@dataclass
class Loaded:
    """The articles of a build (as summaries: see `split_entry`) and what went wrong, in input
    order."""

    articles: list[Article] = field(default_factory=list)
    rejected_lines: dict[str, list[Any]] = field(default_factory=dict)  # labelled lines, by path
    rejected: list[Problem] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    keys: list[str] = field(default_factory=list)
    key_of: dict[str, str] = field(default_factory=dict)  # input path -> its cache key (which
    # also finds its report record in the cache)
    learned: list[dict[str, object]] = field(default_factory=list)  # outlet boilerplate learned
    cleaned: int = 0  # inputs cleaned in this build (the others came from the cache)
    images: dict[str, str] = field(default_factory=dict)  # image file name -> output path


def _text_keys(names: list[str], digests: list[bytes], code: str) -> dict[str, str]:
    """The cache key of every text input (the inputs learning measures), by name."""
    return {name: entry_key(code, name, digest)
            for name, digest in zip(names, digests, strict=True) if kind_of(name) == "text"}


def learn_inputs(names: list[str], digests: list[bytes], paths: list[Path], code: str,
                 cache: FactsCache | None, workers: Workers,
                 keys: dict[str, str] | None = None) -> Learned:
    """Learn the outlets' boilerplate from every text input, measuring only uncached ones
    (found by the hash of their bytes), and learning again only for outlets whose members
    changed; `keys` are the inputs' `_text_keys` when already made."""
    keys = _text_keys(names, digests, code) if keys is None else keys
    if cache is None:
        todo = [(path, name) for path, name in zip(paths, names, strict=True) if name in keys]
        return learn_from_facts([f for f in workers.map(_facts_work, todo) if f is not None])
    signatures = cache.signatures()
    todo = [(path, name) for path, name in zip(paths, names, strict=True)
            if name in keys and keys[name] not in signatures]
    measured: dict[str, Facts] = {}  # measured in this build: without lines (they wait in
    # the cache until their outlet is learned, so only one outlet's are ever in memory)
    for (_, name), facts in zip(todo, workers.map(_facts_work, todo), strict=True):
        if facts is not None:  # unreadable: cleaning reports it
            signatures[keys[name]] = cache.put(keys[name], facts)
            measured[name] = replace(facts, lines=())
    present = [name for name in keys if keys[name] in signatures]
    path_of = dict(zip(names, paths, strict=True))
    again: dict[str, Facts] = {}  # measured again: the cache could not give them back

    def facts_for(name: str, lines: bool) -> Facts:
        """An input's Facts (its lines only when asked), from this build or the cache."""
        if name in again:
            return again[name]
        stored = measured.get(name) or loads(signatures[keys[name]][0])
        got = cache.lines(keys[name]) if lines else ()
        if isinstance(stored, Facts) and got is not None:
            return replace(stored, lines=got)
        again[name] = _facts_work((path_of[name], name)) or Facts(name, None, (), (), ())
        return again[name]

    grouped = hashlib.blake2b(digest_size=16)
    for name in present:
        grouped.update(signatures[keys[name]][0])
    outlet_of = cache.recall("grouping " + grouped.hexdigest())
    if not isinstance(outlet_of, dict) or not set(present) <= outlet_of.keys():
        outlet_of = outlets_of([facts_for(name, False) for name in present])
        cache.remember("grouping " + grouped.hexdigest(), outlet_of)
    members: dict[str, list[str]] = defaultdict(list)
    for name in present:
        members[outlet_of[name]].append(name)
    tables = []
    for outlet, group in sorted(members.items()):
        if len(group) < MIN_FILES:
            continue
        memo = "outlet " + entry_key(code, outlet, b"".join(  # members' names and lines
            n.encode() + b"\0" + signatures[keys[n]][1] for n in group))
        table = cache.recall(memo)
        if not isinstance(table, tuple):
            table = learn_outlet(outlet, [facts_for(name, True) for name in group])
            cache.remember(memo, table)
        tables.append(table)
    cache.close(keys.values())
    return learned_of(tables)


def learn_apart(names: list[str], digests: list[bytes], paths: list[Path], code: str,
                cache: FactsCache | None, workers: Workers) -> Learned:
    """`learn_inputs`, in a forked child process when there are many inputs to measure.

    Learning holds every input's signature and one outlet's lines at a time: tens of MB at
    10,000 inputs, which a process does not give back to the system once freed (they stay in
    its heap, in pieces). Run in a child, only the learned table comes back; the child's
    workers measure the inputs (without the language model: measuring needs none).
    """
    keys = _text_keys(names, digests, code)
    if sys.platform != "linux":
        return learn_inputs(names, digests, paths, code, cache, workers, keys)
    known = cache.keys() if cache is not None else set()
    if sum(key not in known for key in keys.values()) < APART_MIN:
        return learn_inputs(names, digests, paths, code, cache, workers, keys)
    context = multiprocessing.get_context("fork")
    reader, writer = context.Pipe(duplex=False)
    parent = os.getpid()

    def run() -> None:
        die_with_parent(parent)
        reader.close()
        answer: tuple[str, object]
        try:
            mine = Workers(workers.jobs, workers.config, workers.images)
            try:
                answer = ("learned", learn_inputs(names, digests, paths, code, cache, mine,
                                                  keys))
            finally:
                mine.close()
        except BaseException as exc:  # raised again in the parent
            answer = ("error", exc)
        try:
            writer.send(answer)
        except Exception:  # an exception that cannot be pickled
            writer.send(("error", RuntimeError(repr(answer[1]))))

    child = context.Process(target=run, name="newsdigest-learn")
    child.start()
    writer.close()
    kind, value = "died", None
    try:
        kind, value = reader.recv()
    except EOFError:  # the child died without an answer (killed): learn here instead
        pass
    finally:
        reader.close()
        if child.is_alive() and kind == "died":
            child.kill()
        child.join()
    if kind == "error":
        assert isinstance(value, BaseException)
        raise value
    if isinstance(value, Learned):
        return value
    log.debug("learning in a child process failed (exit code %s); learning here", child.exitcode)
    return learn_inputs(names, digests, paths, code, cache, workers, keys)


def load_articles(source: Path, config: Config, cache: ArticleCache,
                  jobs: int = 1, on_progress: Callable[[int, int], None] | None = None,
                  facts: FactsCache | None = None, known: Digests | None = None,
                  summaries: Summaries | None = None) -> Loaded:
    """Read, clean and extract every input, from the cache when it has them.

    Inputs stream through: only their hashes, the articles and the cache keys stay in memory.
    """
    files = walk_files(source)
    images = find_images(source, files)
    code = fingerprint(config, repr(sorted(images.items())))
    base = source.resolve()
    loaded = Loaded(images=images)
    inputs = input_files(source, files)
    paths = [path for _, path in inputs]
    names = [f"{base.name}/{rel}" for rel, _ in inputs]  # "seeds/x.txt"
    known = known or Digests(None)
    digests = [known.of(p) for p in paths]
    known.save()
    workers = Workers(jobs, config, images,
                      share_model=any(kind_of(name) == "text" for name in names))
    try:
        return _load(loaded, paths, names, digests, code, images, cache, workers, on_progress,
                     facts, summaries or Summaries(None))
    finally:
        workers.close()


def _load(loaded: Loaded, paths: list[Path], names: list[str], digests: list[bytes], code: str,
          images: dict[str, str], cache: ArticleCache, workers: Workers,
          on_progress: Callable[[int, int], None] | None, facts: FactsCache | None,
          summaries: Summaries) -> Loaded:
    learned = learn_apart(names, digests, paths, code, facts, workers)
    del facts
    loaded.learned = learned.report()
    cached: list[bool] = []
    for shown, digest in zip(names, digests, strict=True):
        mine = learned.by_path.get(shown)
        key = entry_key(code, shown, digest + "\0".join(
            [next(iter(mine.values())).rule, *sorted(mine)]).encode() if mine else digest)
        loaded.keys.append(key)
        loaded.key_of[shown] = key
        cached.append(cache.has(key))
    todo = [i for i, hit in enumerate(cached) if not hit]
    # What each input needs of the learned lines is made as the workers take it (made for
    # all inputs at once, these tables would take more memory than the articles).
    items: Iterator[Item] = ((paths[i], names[i], learned.for_path(names[i])) for i in todo)
    results = workers.map(_work, items, len(todo))
    done = 0
    for path, name, key, hit in zip(paths, names, loaded.keys, cached, strict=True):
        blob = summaries.get(key) if hit else None
        entry = load_entry(blob)
        if entry is None and hit:  # not summarised (its summary file was lost)
            stored = cache.get(key)
            if stored is not None:
                entry = summary_of(stored)
                blob = pickle.dumps(entry, protocol=pickle.HIGHEST_PROTOCOL)
        if entry is None:  # not cached, or the cache entry became unreadable
            parts = next(results) if not hit else _work((path, name, learned.for_path(name)))
            blob = parts[2]
            entry = pickle.loads(blob)
            cache.put_parts(parts, key=key)
            if not hit:
                done += 1
                if on_progress:
                    on_progress(done, len(todo))
        assert blob is not None  # read, made or cleaned above, with the entry
        summaries.put(key, blob)
        loaded.problems += entry.problems
        if entry.article is None:
            loaded.rejected.append(next(p for p in reversed(entry.problems)
                                        if p.severity == "error"))
            if record := cache.record(key):
                loaded.rejected_lines[name] = json.loads(record)["lines"]
        else:
            loaded.articles.append(entry.article)
    workers.close()  # before what follows takes more memory: the workers' is given back first
    summaries.save()
    loaded.cleaned = len(todo)
    loaded.articles = assign_slugs(loaded.articles)
    return loaded


def build(source: Path, out: Path, config: Config, site_dir: Path, jobs: int | None = None,
          on_progress: Callable[[int, int], None] | None = None) -> BuildResult:
    """Build the site from `source` into `out`; the report goes beside `out`."""
    check_output(out, [source, site_dir, site_dir / "templates", site_dir / "static",
                       Path.cwd(), *repo_roots(source, site_dir)])
    finish_pending(out)
    shutil.rmtree(state_dir(out) / "articles", ignore_errors=True)  # 0.1.0's one file an entry
    (state_dir(out) / "learned.pickle").unlink(missing_ok=True)  # 0.2.0's facts
    cache = ArticleCache(state_dir(out) / "articles.sqlite")
    try:
        try:
            return _build(source, out, config, site_dir, jobs or os.cpu_count() or 1, cache,
                          on_progress)
        except DamagedEntry as exc:  # read after loading: forget it and build once again
            log.warning("%s; its input is cleaned again", exc)
            cache.forget(exc.key)
            cache.commit()
            return _build(source, out, config, site_dir, jobs or os.cpu_count() or 1, cache,
                          on_progress)
    finally:
        cache.close()


def _build(source: Path, out: Path, config: Config, site_dir: Path, workers: int,
           cache: ArticleCache, on_progress: Callable[[int, int], None] | None) -> BuildResult:
    loaded = load_articles(source, config, cache, workers, on_progress,
                           FactsCache(state_dir(out) / "learned.sqlite"),
                           Digests(state_dir(out) / "inputs.pickle"),
                           Summaries(state_dir(out) / "summaries.pickle"))
    cache.prune(loaded.keys)
    cache.commit()
    env = make_env(site_dir, state_dir(out) / "templates")
    memo = Memo(state_dir(out) / "pages.pickle", published(out))

    def key(article: Article) -> str:
        return loaded.key_of[article.path]

    def whole(article: Article) -> Article:
        return replace(article, blocks=cache.blocks(key(article)))
    # Article pages first: their workers are forked before the index pages and feeds are made
    # here, so they neither share nor copy that memory.
    stage = Stage(out)
    site = plan_site(config, loaded.articles)
    staged = write_pages(env, config, page_jobs(env, config, site, memo, key), stage, workers,
                         whole)
    files = site_files(env, config, site, site_dir, memo, key, whole=whole, listed=True)
    files.update(media_files(source, loaded.images))
    stats = publish(out, files, memo.kept, stage, staged)
    try:
        memo.save(stats.digests)
        def record(article: Article, key: str) -> Callable[[], str]:
            return lambda: with_url(_record(cache, key, article), article.url_path)
        records = ((f"{loaded.key_of[a.path]} {a.url_path}", record(a, loaded.key_of[a.path]))
                   for a in loaded.articles)  # in path order (`assign_slugs` sorts them)
        report = write_report(out.parent / REPORT_NAME, state_dir(out) / "report.pickle",
                              records, loaded.rejected, loaded.problems, loaded.learned,
                              loaded.rejected_lines)
    except KeyboardInterrupt as exc:
        raise InterruptedAfterPublish from exc
    feeds = sum(1 for p in stats.digests if p.endswith(("feed.xml", "atom.xml", "feed.json")))
    pages = sum(1 for p in stats.digests if p.endswith(".html"))
    return BuildResult(tuple(loaded.articles), tuple(loaded.rejected), tuple(loaded.problems),
                       stats, report, loaded.cleaned, pages, feeds)


def _record(cache: ArticleCache, key: str, article: Article) -> str:
    """Return an article's report record from the cache (made again from the article, without
    its lines, in the unlikely case the cache lost it since loading)."""
    return cache.record(key) or _report_record(article)


def _report_record(article: Article) -> str:
    """Return an article's JSON record for the build report, without its URL (final only once
    slugs are settled across all articles; see with_url)."""
    fields = article_record(article)
    del fields["url"]
    return json.dumps(fields, ensure_ascii=False)


def with_url(record: str, url: str) -> str:
    """Put the article's final URL into its JSON record (slugs are settled after cleaning)."""
    return '{"url": ' + json.dumps(url) + ", " + record[1:]
