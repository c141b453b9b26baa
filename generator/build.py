"""Build a site: the pipeline stages in order, like Zola's Site::build."""

from __future__ import annotations

import hashlib
import logging
from collections import defaultdict
from dataclasses import dataclass, replace
from pathlib import Path

from generator.config import Config
from generator.extract import extract
from generator.models import Article, Problem
from generator.read import find_inputs as find_inputs
from generator.read import iter_docs
from generator.render import make_env
from generator.report import build_report
from generator.site import site_files
from generator.write import WriteStats, check_output, publish, write_beside

log = logging.getLogger("newsdigest")

IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif")  # no SVG: it can script
REPORT_NAME = "build-report.json"


@dataclass(frozen=True)
class BuildResult:
    """What a build made and what went wrong."""

    articles: tuple[Article, ...]
    rejected: tuple[Problem, ...]  # inputs left out, one problem each
    problems: tuple[Problem, ...]  # every warning and error, in input order
    stats: WriteStats | None
    report_path: Path | None

    @property
    def exit_code(self) -> int:
        """0 when every input was built, 1 when any was rejected."""
        return 1 if self.rejected else 0


def find_images(source: Path) -> dict[str, str]:
    """Map each image file name in the source folder to its output path below `media/`."""
    found: dict[str, str] = {}
    for path in sorted(source.rglob("*"), key=lambda p: p.as_posix()):
        if path.suffix.lower() in IMAGE_SUFFIXES and path.is_file():
            found.setdefault(path.name, "media/" + path.relative_to(source).as_posix())
    return found


def assign_slugs(articles: list[Article]) -> list[Article]:
    """Make slugs unique per language: the earliest article keeps the plain slug."""
    groups: dict[tuple[str, str], list[Article]] = defaultdict(list)
    for article in articles:
        groups[(article.lang, article.slug or "article")].append(article)
    result = []
    for (_, slug), group in sorted(groups.items()):
        group.sort(key=lambda a: (a.published is None, a.published and a.published.timestamp(),
                                  a.path))
        for i, article in enumerate(group):
            suffix = hashlib.sha1(article.guid.encode()).hexdigest()[:6]
            unique = slug if i == 0 and article.slug else f"{slug}-{suffix}"
            result.append(replace(article, slug=unique))
    return sorted(result, key=lambda a: a.path)


def media_files(source: Path) -> dict[str, bytes]:
    """Return the images found in the source folder, keyed by their output path."""
    return {out_path: (source / out_path.removeprefix("media/")).read_bytes()
            for out_path in find_images(source).values()}


def load_articles(source: Path, config: Config) -> tuple[list[Article], list[Problem],
                                                         list[Problem]]:
    """Read, clean and extract every input; return (articles, rejected, problems)."""
    images = find_images(source)
    articles: list[Article] = []
    rejected: list[Problem] = []
    problems: list[Problem] = []
    base = source.resolve()
    inputs = [p.resolve() for p in find_inputs(source)]
    for raw in iter_docs(inputs, root=base.parent):  # named "seeds/x.txt" in every report
        errors = [p for p in raw.problems if p.severity == "error"]
        if errors:
            rejected.append(errors[0])
            problems += raw.problems
            continue
        article = extract(raw, config, images)
        problems += article.problems
        if not article.lead and not article.blocks:
            reason = Problem(raw.path, 0, "no article text found (every line is boilerplate)",
                             "check the file, or see its lines in the build report",
                             severity="error")
            rejected.append(reason)
            problems.append(reason)
            continue
        articles.append(article)
    return assign_slugs(articles), rejected, problems


def build(source: Path, out: Path, config: Config, site_dir: Path) -> BuildResult:
    """Build the site from `source` into `out`; the report goes beside `out`."""
    check_output(out, [source, site_dir / "templates", site_dir / "static", Path.cwd()])
    articles, rejected, problems = load_articles(source, config)
    env = make_env(site_dir)
    files = site_files(env, config, articles, site_dir)
    files.update(media_files(source))
    stats = publish(out, files)
    report = write_beside(out, REPORT_NAME, build_report(articles, rejected, problems))
    return BuildResult(tuple(articles), tuple(rejected), tuple(problems), stats, report)
