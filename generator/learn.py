"""Learn each outlet's boilerplate from the whole corpus of a build.

A line that recurs in several dumps of the same outlet is that outlet's chrome (a menu entry, a
footer, a promo), even in a language we have no lexicon for. Dumps are grouped into outlets by
their source domain (front matter `source:` or a source/URL line in the dump) and, for dumps
without one, by a shared signature: two dumps that open or end with the same short lines come
from the same site. Paragraphs (`clean.is_anchor`) are never learned: a paragraph recurring in
an outlet's dumps is syndicated text, kept. Pure functions: RawDocs in, a `Learned` table out;
nothing is read or written.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from generator.clean import LEARNED_MAX_CHARS, is_anchor
from generator.models import RawDoc

MIN_FILES = 3  # a line must recur in this many dumps of one outlet to be learned
MAX_LINE_CHARS = LEARNED_MAX_CHARS  # longer lines are article paragraphs, even when syndicated
SIGNATURE_LINES = 8  # short lines at the top and the foot of a dump that make its signature
_WORD = re.compile(r"\w+")
_URL = re.compile(r"https?://[^\s<>\"')]+", re.IGNORECASE)


def line_key(text: str) -> str:
    """Fold a line for matching across dumps: case, punctuation and spacing ignored."""
    return " ".join(_WORD.findall(text.casefold()))


@dataclass(frozen=True)
class LearnedLine:
    """One line learned as an outlet's boilerplate, with the dumps it was seen in."""

    text: str  # the line as first seen, e.g. "Đọc tiếp trên thanhnien.vn"
    outlet: str  # domain or signature group, e.g. "thanhnien.vn" or "signature-1"
    files: tuple[str, ...]  # dump paths it recurs in, e.g. ("seeds/a.txt", "seeds/b.txt", ...)

    @property
    def rule(self) -> str:
        """The rule name shown in reports, e.g. "learned/thanhnien.vn"; the report's "learned"
        list names the files. The count stays out of it, so adding a dump to an outlet does
        not change the rule of every other dump (and re-clean them all)."""
        return f"learned/{self.outlet}"


@dataclass(frozen=True)
class Learned:
    """Learned boilerplate of every outlet of a build, looked up by dump path."""

    by_path: dict[str, dict[str, LearnedLine]] = field(default_factory=dict)  # path -> key -> line

    def lookup(self, path: str, text: str) -> LearnedLine | None:
        """Return the learned line matching text in the dump at path, or None."""
        table = self.by_path.get(path)
        return table.get(line_key(text)) if table else None

    def for_path(self, path: str) -> Learned | None:
        """Return what cleaning the dump at path needs, or None: its lines and rules, without
        the lists of files (those are for the report, and pickling them to every worker costs
        more than the cleaning)."""
        table = self.by_path.get(path)
        if not table:
            return None
        return Learned({path: {key: LearnedLine(item.text, item.outlet, ())
                               for key, item in table.items()}})

    def report(self) -> list[dict[str, object]]:
        """List every learned line once, for build-report.json: outlet, text, files."""
        seen: dict[tuple[str, str], LearnedLine] = {}
        for table in self.by_path.values():
            for key, item in table.items():
                seen.setdefault((item.outlet, key), item)
        return [{"outlet": item.outlet, "text": item.text, "rule": item.rule,
                 "files": list(item.files)}
                for _, item in sorted(seen.items())]


def source_domain(raw: RawDoc) -> str | None:
    """Return the outlet's domain of a dump: front-matter source, else the first URL line."""
    candidates: list[str] = []
    meta = raw.meta_get("source")
    if isinstance(meta, str):
        candidates.append(meta)
    for line in raw.lines:
        found = _URL.search(line) if "://" in line else None
        if found and len(line) <= len(found[0]) + 40:  # "Source: URL", "Nguồn: URL", a bare URL
            candidates.append(found[0])
            break
    for url in candidates:
        host = urlsplit(url.strip()).hostname or ""
        host = host.removeprefix("www.").removeprefix("m.").removeprefix("amp.")
        if "." in host:
            return host
    return None


@dataclass(frozen=True)
class Facts:
    """What learning needs of one dump; small, so a build can cache it by the dump's bytes."""

    path: str  # e.g. "seeds/a.txt"
    domain: str | None  # source domain, e.g. "vnexpress.net"
    top: tuple[str, ...]  # keys of the short lines at its top, e.g. ("trang chủ", "thời sự")
    foot: tuple[str, ...]  # keys of the short lines at its foot
    lines: tuple[tuple[str, str], ...]  # (key, text) of each distinct line that may be chrome:
    # up to MAX_LINE_CHARS and not an anchor (cleaning keeps a paragraph even when it recurs)


def facts_of(raw: RawDoc) -> Facts:
    """Measure a dump once for learning."""
    texts = [t for t in map(str.strip, raw.lines) if t]
    short = [k for k in (line_key(t) for t in texts if len(t) <= 80) if k]
    lines = {line_key(t): t for t in reversed(texts)
             if len(t) <= MAX_LINE_CHARS and not is_anchor(t)}
    lines.pop("", None)
    return Facts(raw.path, source_domain(raw), tuple(sorted(set(short[:SIGNATURE_LINES]))),
                 tuple(sorted(set(short[-SIGNATURE_LINES:]))), tuple(sorted(lines.items())))


def outlets_of(facts: Sequence[Facts]) -> dict[str, str]:
    """Group dumps into outlets: return the outlet name of every dump path.

    Dumps of one source domain are one outlet; so are dumps sharing two short lines at their
    top, or two at their foot (a site's menu, its footer).
    """
    parent = list(range(len(facts)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        parent[find(i)] = find(j)

    first_of: dict[object, int] = {}
    for i, f in enumerate(facts):
        if f.domain is not None:
            union(i, first_of.setdefault(f.domain, i))
        for end, keys in (("top", f.top), ("foot", f.foot)):
            for a in range(len(keys)):
                for b in range(a + 1, len(keys)):
                    first = first_of.setdefault((end, keys[a], keys[b]), i)
                    if first != i:
                        union(i, first)
    names: dict[int, str] = {}
    for i, f in enumerate(facts):  # a group is named by its domain when it has one
        if f.domain is not None:
            names.setdefault(find(i), f.domain)
    for i in range(len(facts)):
        names.setdefault(find(i), f"signature-{len(names) + 1}")
    return {f.path: names[find(i)] for i, f in enumerate(facts)}


def outlets(docs: Sequence[RawDoc]) -> dict[str, str]:
    """Group dumps into outlets: return the outlet name of every dump path."""
    return outlets_of([facts_of(d) for d in docs])


def learn_boilerplate(docs: Iterable[RawDoc], min_files: int = MIN_FILES) -> Learned:
    """Learn, per outlet, the lines that recur in at least min_files of its dumps."""
    return learn_from_facts([facts_of(d) for d in docs if d.kind == "text"], min_files)


OutletLines = tuple[tuple[str, LearnedLine], ...]  # what one outlet learned: (line key, line)


def learn_outlet(outlet: str, group: Sequence[Facts],
                 min_files: int = MIN_FILES) -> OutletLines:
    """Learn the lines that recur in at least min_files of one outlet's dumps."""
    if len(group) < min_files:
        return ()
    files_of: dict[str, list[str]] = defaultdict(list)
    first_text: dict[str, str] = {}
    for f in group:
        for key, text in f.lines:
            files_of[key].append(f.path)
            first_text.setdefault(key, text)
    return tuple((key, LearnedLine(first_text[key], outlet, tuple(sorted(paths))))
                 for key, paths in files_of.items() if len(paths) >= min_files)


def learned_of(tables: Iterable[OutletLines]) -> Learned:
    """Put the outlets' learned lines together, by dump path."""
    by_path: dict[str, dict[str, LearnedLine]] = {}
    for table in tables:
        for key, line in table:
            for path in line.files:
                by_path.setdefault(path, {})[key] = line
    return Learned(by_path)


def learn_from_facts(facts: Sequence[Facts], min_files: int = MIN_FILES,
                     outlet_of: dict[str, str] | None = None) -> Learned:
    """Learn from dumps already measured by `facts_of` (a build caches them); `outlet_of` is
    their grouping into outlets when known (by `signatures_key`), else worked out."""
    outlet_of = outlets_of(facts) if outlet_of is None else outlet_of
    members: dict[str, list[Facts]] = defaultdict(list)
    for f in facts:
        members[outlet_of[f.path]].append(f)
    return learned_of(learn_outlet(outlet, group, min_files)
                      for outlet, group in sorted(members.items()))
