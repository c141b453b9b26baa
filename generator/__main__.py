"""Command line: `python -m generator build|clean|serve|check` (also installed as `newsdigest`)."""

from __future__ import annotations

import argparse
import json
import logging
import signal
import sys
import time
from pathlib import Path

from generator import __version__
from generator.check import FeedError
from generator.config import Config, ConfigError, load_config
from generator.extract import extract
from generator.models import KEPT_LABELS
from generator.progress import progress
from generator.read import read_bytes, read_file
from generator.report import article_record
from generator.write import InterruptedAfterPublish, OutputError

log = logging.getLogger("newsdigest")

EXIT_OK, EXIT_INPUT, EXIT_USAGE = 0, 1, 2


def _site_arguments(parser: argparse.ArgumentParser, base_url_help: str,
                    out_help: str = "output folder", source: bool = True) -> None:
    """Add the options naming a site's sources (unless `source` is False), output, settings
    and URL."""
    if source:
        parser.add_argument("--source", type=Path, default=Path("seeds"), help="folder of .txt "
                            "dumps, .md items and .html pages (default: seeds)")
    parser.add_argument("--out", type=Path, default=Path("_site"),
                        help=f"{out_help} (default: _site)")
    parser.add_argument("--config", type=Path, default=None,
                        help="site.toml (default: ./site.toml when it exists)")
    parser.add_argument("--base-url", default=None, help=base_url_help)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsdigest", description="Build a news digest site from scraped article dumps.")
    parser.add_argument("--version", action="version", version=f"newsdigest {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    build = sub.add_parser("build", help="build the site from seeds/ into _site/")
    _site_arguments(build, "absolute site URL, overriding url in site.toml")
    build.add_argument("--strict", action="store_true", help="treat warnings as errors")
    build.add_argument("--quiet", "-q", action="store_true", help="print only problems")
    build.add_argument("--jobs", "-j", type=_positive, default=None,
                       help="processes cleaning in parallel (default: all cores)")

    clean = sub.add_parser("clean", help="label the lines of dumps (- reads standard input)")
    clean.add_argument("files", nargs="+", help="dump files, or - for standard input")
    clean.add_argument("--format", choices=["labels", "text", "json"], default="labels",
                       help="labels: every line with label and rule; text: kept lines only; "
                            "json: one object per file")
    clean.add_argument("--config", type=Path, default=None, help="site.toml")

    serve = sub.add_parser("serve", help="build, serve under the site's sub-path, rebuild on "
                                         "changes")
    _site_arguments(serve, "absolute site URL, overriding url in site.toml; its path is the "
                           "path served, e.g. http://127.0.0.1:8000/repo/")
    serve.add_argument("--bind", default="127.0.0.1", help="address to listen on "
                                                           "(default: 127.0.0.1)")
    serve.add_argument("--port", type=int, default=8000, help="port (default: 8000)")

    check = sub.add_parser("check", help="crawl a built site and validate every feed")
    _site_arguments(check, "the URL the site was built for, when it was built with --base-url",
                    "built site folder", source=False)
    return parser


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return number


def _config(path: Path | None, base_url: str | None = None) -> Config:
    return load_config(path if path is not None else Path("site.toml"), base_url)


def cmd_build(args: argparse.Namespace) -> int:
    """Build the site and print one line per problem and a summary."""
    from generator.build import build

    started = time.perf_counter()
    config = _config(args.config, args.base_url)
    site_dir = args.config.parent if args.config else Path.cwd()
    if not args.source.is_dir():
        log.error("%s: source folder not found; create it and add .txt dumps, or pass --source",
                  args.source)
        return EXIT_USAGE
    with progress(args.quiet) as advance:
        result = build(args.source, args.out, config, site_dir, jobs=args.jobs,
                       on_progress=advance)
    for problem in result.problems:
        log.warning("%s", problem)
    warnings = sum(1 for p in result.problems if p.severity == "warning")
    if not args.quiet:
        stats = result.stats
        print(f"built {len(result.articles)} articles ({result.cleaned} cleaned, the rest "
              f"cached), {result.pages} pages, {result.feeds} feeds into {args.out}/ "
              f"({stats.written if stats else 0} files written, "
              f"{stats.unchanged if stats else 0} unchanged, "
              f"{stats.deleted if stats else 0} deleted), {len(result.rejected)} rejected, "
              f"{warnings} warnings, report in {result.report_path}, "
              f"{time.perf_counter() - started:.2f} s")
    if args.strict and warnings:
        return EXIT_INPUT
    return result.exit_code


def cmd_clean(args: argparse.Namespace) -> int:
    """Print the labels of each file's lines, its kept text, or its JSON record."""
    config = _config(args.config)
    status = EXIT_OK
    out = sys.stdout
    for name in args.files:
        try:
            raw = read_bytes(sys.stdin.buffer.read(), "-") if name == "-" else read_file(
                Path(name), name)
        except OSError as exc:
            log.error("%s: cannot read (%s)", name, exc.strerror or exc)
            status = EXIT_INPUT
            continue
        for problem in raw.problems:
            log.warning("%s", problem)
        if any(p.severity == "error" for p in raw.problems):
            status = EXIT_INPUT
            continue
        article = extract(raw, config)
        if args.format == "json":
            out.write(json.dumps(article_record(article, name), ensure_ascii=False) + "\n")
        elif args.format == "text":
            for line in article.lines:
                if line.label in KEPT_LABELS:
                    out.write(line.text + "\n")
        else:
            if len(args.files) > 1:
                out.write(f"==> {name} <==\n")
            for line in article.lines:
                out.write(f"{line.n:4d}  {line.label:<11} {line.rule:<28} {line.text}\n")
    return status


def cmd_serve(args: argparse.Namespace) -> int:
    """Build, serve the site under its sub-path and rebuild on changes until Ctrl+C."""
    from generator.build import build
    from generator.serve import serve

    site_dir = args.config.parent if args.config else Path.cwd()
    config = _config(args.config, args.base_url)
    if not args.source.is_dir():
        log.error("%s: source folder not found; create it and add .txt dumps, or pass --source",
                  args.source)
        return EXIT_USAGE

    def build_once() -> str:
        started = time.perf_counter()
        current = _config(args.config, args.base_url)  # site.toml may have changed
        if current.base_path != config.base_path:
            log.warning("url path changed to %s; restart serve to serve it there",
                        current.base_path)
        result = build(args.source, args.out, current, site_dir)
        for problem in result.problems:
            log.warning("%s", problem)
        return (f"built {len(result.articles)} articles, {len(result.rejected)} rejected "
                f"({time.perf_counter() - started:.2f} s)")

    serve(build_once, args.out, args.source, site_dir, config.base_path, args.bind, args.port)
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    """Crawl a built site from its index and validate its feeds; list every problem."""
    from generator.check import check_site

    config = _config(args.config, args.base_url)
    report = check_site(args.out, config)
    for problem in report.problems:
        print(problem)
    print(f"checked {report.pages} pages, {report.links} internal links and {report.feeds} "
          f"feeds under {config.url}: "
          + (f"{len(report.problems)} problems" if report.problems else "no problems"))
    return EXIT_INPUT if report.problems else EXIT_OK


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    logging.basicConfig(format="%(message)s", level=logging.INFO, stream=sys.stderr)
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="replace")
    args = _parser().parse_args(argv)
    try:
        if args.command == "build":
            return cmd_build(args)
        if args.command == "serve":
            return cmd_serve(args)
        if args.command == "check":
            return cmd_check(args)
        return cmd_clean(args)
    except (ConfigError, OutputError) as exc:
        log.error("error: %s", exc)
        return EXIT_USAGE
    except FeedError as exc:
        log.error("error: %s", exc)
        return EXIT_INPUT
    except InterruptedAfterPublish:
        log.error("interrupted after the new site was published; build-report.json was not "
                  "updated: build again to write it")
        return 130
    except KeyboardInterrupt:
        log.error("interrupted; the previous site is left as it was")
        return 130


def run() -> None:
    """The command line's entry point: exit with main's code. Ctrl-C once main has returned
    (while worker processes are reaped) changes nothing any more, so it is ignored."""
    code = main()
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    sys.exit(code)


if __name__ == "__main__":
    run()
