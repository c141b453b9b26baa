"""Read input files into RawDocs: bytes to text, front matter split off. The only input I/O."""

from __future__ import annotations

import codecs
import os
import posixpath
import re
import tomllib
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from generator.models import Problem, RawDoc

TEXT_SUFFIXES = (".txt",)
MARKDOWN_SUFFIXES = (".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm")
INPUT_SUFFIXES = TEXT_SUFFIXES + MARKDOWN_SUFFIXES + HTML_SUFFIXES

# Front-matter keys we understand; anything else is reported and ignored.
KNOWN_KEYS = frozenset(
    {"title", "date", "lang", "source", "author", "tags", "slug", "id", "encoding", "timezone"}
)

# C0/C1 control characters and other invisible troublemakers (tab and newline are handled apart).
# Control characters, zero-width space and word joiner, bidi embeddings and overrides (they can
# make a title read backwards), byte-order marks and non-characters.
_CONTROL = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b\u2060\u202a-\u202e\u2066-\u2069\ufeff\ufffe\uffff]"
)
_ANSI = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]")  # terminal colour codes pasted with the text
_FENCES = {"---": "yaml", "+++": "toml"}
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: 10x faster


def walk_files(source: Path) -> list[tuple[str, Path]]:
    """Return every file below a folder as (path relative to it, in POSIX form; path), sorted
    by the former. Symlinked folders are followed, each real folder once."""
    found: list[tuple[str, Path]] = []
    seen: set[tuple[int, int]] = set()

    def walk(folder: str, prefix: str) -> None:
        try:
            info = os.stat(folder)
            if (info.st_dev, info.st_ino) in seen:
                return
            seen.add((info.st_dev, info.st_ino))
            with os.scandir(folder) as listing:
                entries = list(listing)
        except OSError:  # unreadable or gone: as os.walk, skipped
            return
        for entry in entries:  # is_dir and is_file stat only symlinks: the type is listed
            if entry.is_dir():
                walk(entry.path, prefix + entry.name + "/")
            elif entry.is_file():
                found.append((prefix + entry.name, Path(entry.path)))

    walk(os.fspath(source), "")
    found.sort(key=lambda item: item[0])
    return found


def input_files(source: Path, files: list[tuple[str, Path]] | None = None,
                ) -> list[tuple[str, Path]]:
    """Return the input files below a folder as `walk_files` does, hidden files and folders
    skipped; `files` is the folder's `walk_files` when already made."""
    return [(rel, path) for rel, path in (walk_files(source) if files is None else files)
            if posixpath.splitext(rel)[1].lower() in INPUT_SUFFIXES
            and not any(part.startswith(".") for part in rel.split("/"))]


def find_inputs(source: Path, files: list[tuple[str, Path]] | None = None) -> list[Path]:
    """Return the input files below a folder, sorted, hidden files and folders skipped."""
    return [path for _, path in input_files(source, files)]


MAX_INPUT_BYTES = 16 * 1024 * 1024  # one article; larger files are rejected, not read
MAX_FRONT_MATTER_CHARS = 64 * 1024

# Letters that exist only in Vietnamese: many of them after a cp1258 decode means cp1258.
_VIETNAMESE = re.compile("[ơưđăạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", re.IGNORECASE)


# Accented letters of French, German, Spanish, Portuguese, Italian and typographic signs.
_WESTERN = frozenset("àâäáãåæçèéêëìíîïñòóôöõøœùúûüýÿßÀÂÄÁÃÅÆÇÈÉÊËÌÍÎÏÑÒÓÔÖÕØŒÙÚÛÜÝŸ"
                     "«»–—‘’“”…€°ºª¿¡·•\xa0")


def _guess_legacy(data: bytes) -> str:
    """Guess the encoding of text that is not UTF-8: cp1258 for Vietnamese, else detected."""
    as_vi = unicodedata.normalize("NFC", data.decode("cp1258", errors="replace"))
    if len(_VIETNAMESE.findall(as_vi)) >= max(3, len(as_vi) // 200):
        return "cp1258"
    try:
        as_west = data.decode("cp1252")
    except UnicodeDecodeError:
        as_west = ""
    accents = [ch for ch in as_west if ord(ch) > 127]
    if accents and sum(ch in _WESTERN for ch in accents) >= 0.8 * len(accents):
        return "cp1252"
    if data.decode("utf-8", errors="replace").count("\ufffd") <= max(3, len(data) // 2000):
        return "utf-8"  # UTF-8 with a few damaged bytes, not a legacy file
    from charset_normalizer import from_bytes

    best = from_bytes(data[:65536]).best()
    return best.encoding if best is not None else "cp1252"


def decode(data: bytes, shown: str, declared: str | None = None) -> tuple[str, list[Problem]]:
    """Decode bytes by BOM, declared encoding, UTF-8 or a guess; report what was not clean."""
    problems: list[Problem] = []
    for bom, enc in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                     (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            return data[len(bom):].decode(enc, errors="replace"), problems
    encoding = "utf-8"
    if declared:
        try:
            encoding = codecs.lookup(declared).name
        except LookupError:
            problems.append(Problem(shown, 1, f'unknown encoding "{declared}"',
                                    "use a name such as utf-8, cp1258 or cp1252"))
    try:
        return data.decode(encoding), problems
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        guess = _guess_legacy(data) if encoding == "utf-8" and not declared else encoding
        if guess != "utf-8" and not declared:
            problems.append(Problem(shown, line, f"text is not UTF-8; read as {guess}",
                                    f"save the file as UTF-8 or declare encoding: {guess} in "
                                    "front matter"))
            return data.decode(guess, errors="replace"), problems
        problems.append(Problem(shown, line, f"text is not valid {encoding.upper()}; bad bytes "
                                "were replaced", "save the file as UTF-8 or declare encoding: "
                                "in front matter"))
        return data.decode(encoding, errors="replace"), problems


def _declared_encoding(data: bytes) -> str | None:
    """Find an `encoding:` key inside an ASCII-compatible front-matter block."""
    head = data[:4096].decode("latin-1").replace("\r\n", "\n").replace("\r", "\n")
    lines = head.split("\n")
    if not lines or lines[0].strip() not in _FENCES:
        return None
    for line in lines[1:]:
        if line.strip() in (lines[0].strip(), "..."):
            break
        match = re.match(r"""encoding\s*[:=]\s*["']?([\w.-]+)""", line)
        if match:
            return match.group(1)
    return None


def normalize_line(line: str) -> str:
    """Return a line (or lines) in NFC with control characters removed and tabs as spaces."""
    line = _ANSI.sub("", line) if "\x1b" in line else line
    return unicodedata.normalize("NFC", _CONTROL.sub("", line.replace("\t", " ")))


def looks_binary(data: bytes) -> bool:
    """Say whether bytes are not text (NULs outside UTF-16, or a known image header)."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    head = data[:8192]
    magic = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"RIFF", b"%PDF", b"PK\x03\x04")
    return head.startswith(magic) or head.count(b"\x00") > max(1, len(head) // 100)


def _has_yaml_alias(block: str) -> bool:
    """Say whether YAML uses aliases (which can expand a small block into gigabytes)."""
    try:
        return any(isinstance(token, yaml.AliasToken) for token in yaml.scan(block))
    except yaml.YAMLError:
        return False  # the parser reports the syntax error itself


def split_front_matter(
    lines: list[str], shown: str
) -> tuple[dict[str, Any], int, list[Problem]]:
    """Parse a leading `---` YAML or `+++` TOML block; return (meta, lines used, problems)."""
    if not lines or lines[0].strip() not in _FENCES:
        return {}, 0, []
    fence = lines[0].strip()
    closers = {fence, "..."} if fence == "---" else {fence}
    end = next((i for i in range(1, len(lines)) if lines[i].strip() in closers), None)
    if end is None:
        return {}, 0, [Problem(shown, 1, f"front matter opened with {fence} is never closed",
                               f"add a closing {fence} line; the file was read as text")]
    block = "\n".join(lines[1:end])
    if len(block) > MAX_FRONT_MATTER_CHARS:
        return {}, end + 1, [Problem(shown, 1, "front matter is larger than 64 KiB",
                                     "keep only title, date, lang, source, author, tags; the "
                                     "block was ignored")]
    if fence == "---" and "*" in block and _has_yaml_alias(block):
        return {}, end + 1, [Problem(shown, 1, "YAML anchors and aliases are not allowed in "
                                     "front matter", "write the values out; the block was "
                                     "ignored")]
    try:
        raw = yaml.load(block, Loader=_YAML_LOADER) if fence == "---" else tomllib.loads(block)
    except (yaml.YAMLError, tomllib.TOMLDecodeError, RecursionError, ValueError,
            TypeError) as exc:
        mark = getattr(exc, "problem_mark", None)
        at = re.search(r"at line (\d+)", str(exc))
        line = 2 + mark.line if mark is not None else 1 + int(at.group(1)) if at else 1
        return {}, end + 1, [Problem(shown, line, f"front matter is not valid {_FENCES[fence]}",
                                     "fix the syntax; the block was ignored")]
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        return {}, end + 1, [Problem(shown, 2, "front matter is not a key: value mapping",
                                     "write one key: value per line; the block was ignored")]
    meta: dict[str, Any] = {}
    problems: list[Problem] = []
    for key, value in raw.items():
        name = str(key).strip().lower()
        if name not in KNOWN_KEYS:
            line = next((i + 1 for i in range(1, end) if re.match(
                rf"""\s*["']?{re.escape(str(key))}["']?\s*[:=]""", lines[i])), 1)
            problems.append(Problem(shown, line, f'unknown front-matter key "{key}" ignored',
                                    "known keys: " + ", ".join(sorted(KNOWN_KEYS))))
            continue
        meta[name] = value
    return meta, end + 1, problems


def read_bytes(data: bytes, shown: str, kind: str = "text") -> RawDoc:
    """Turn the bytes of one input into a RawDoc."""
    if len(data) > MAX_INPUT_BYTES:
        problem = Problem(shown, 0, f"file is {len(data) / 2**20:.0f} MiB, over the "
                          f"{MAX_INPUT_BYTES // 2**20} MiB limit for one article",
                          "split it into one file per article", severity="error")
        return RawDoc(path=shown, kind="text", lines=(), first_line=1, problems=(problem,))
    if looks_binary(data):
        problem = Problem(shown, 0, "file is binary, not text",
                          "remove it or save it as UTF-8 text", severity="error")
        return RawDoc(path=shown, kind="text", lines=(), first_line=1, problems=(problem,))
    text, problems = decode(data, shown, _declared_encoding(data))
    raw_lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if raw_lines and raw_lines[-1] == "":
        raw_lines.pop()
    meta, used, fm_problems = split_front_matter(raw_lines, shown)
    # Normalised all at once: no rule of normalize_line joins or splits lines (none matches "\n").
    body = tuple(normalize_line("\n".join(raw_lines[used:])).split("\n")) \
        if used < len(raw_lines) else ()
    return RawDoc(
        path=shown,
        kind="markdown" if kind == "markdown" else "text",
        lines=body,
        first_line=used + 1,
        meta=tuple(sorted(meta.items())),
        front_lines=used,
        problems=tuple(problems + fm_problems),
    )


def kind_of(name: str) -> str:
    """Say how an input is read by its suffix: "text", "markdown" or "html"."""
    suffix = posixpath.splitext(name)[1].lower()
    return ("markdown" if suffix in MARKDOWN_SUFFIXES else
            "html" if suffix in HTML_SUFFIXES else "text")


def read_input(data: bytes, shown: str) -> RawDoc:
    """Turn the bytes of an input into a RawDoc by its kind (saved HTML pages via trafilatura)."""
    kind = kind_of(shown)
    if kind == "html":
        if len(data) > MAX_INPUT_BYTES:
            return read_bytes(data, shown)  # reports the size limit
        from generator.html_input import html_to_rawdoc

        return html_to_rawdoc(data, shown)
    return read_bytes(data, shown, kind)


def read_file(path: Path, shown: str | None = None) -> RawDoc:
    """Read one input file; `shown` is the name used in reports (default: the path)."""
    return read_input(path.read_bytes(), shown or str(path))


def iter_docs(paths: list[Path], root: Path | None = None) -> Iterator[RawDoc]:
    """Read files one at a time, naming each relative to `root` when given."""
    for path in paths:
        shown = path.relative_to(root).as_posix() if root else str(path)
        yield read_file(path, shown)
