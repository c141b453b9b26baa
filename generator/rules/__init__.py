"""Boilerplate lexicons and structure patterns, kept as data per language.

Each language module (`fr.py`, `vi.py`, ...) defines the same names: BOILERPLATE (rule group ->
full-line patterns), RELATED (lines opening a related-articles block), BYLINE (group "name"),
CREDIT (group "credit"), MONTHS, DATE_WORDS, STOPWORDS and TIMEZONE. `common.py` holds what is
the same in every language. Patterns match a whole stripped line, case-insensitively. All
languages' lexicons are applied to every article: outlets mix languages (a French page of a
Vietnamese site says "Comment (0)").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache
from re import _parser as re_parser  # type: ignore[attr-defined]
from types import ModuleType

from generator.rules import common, de, en, es, fr, pt, vi

LANGUAGE_MODULES: dict[str, ModuleType] = {
    "de": de, "en": en, "es": es, "fr": fr, "pt": pt, "vi": vi,
}


def _combine(named: list[tuple[str, str]]) -> tuple[re.Pattern[str], tuple[str, ...]]:
    """Compile (rule, pattern) pairs into one alternation; group rN stands for rule N."""
    parts = [f"(?P<r{i}>{pattern})" for i, (_, pattern) in enumerate(named)]
    regex = re.compile("|".join(parts) or "(?!)", re.IGNORECASE)
    return regex, tuple(rule for rule, _ in named)


_UNGROUP = re.compile(r"\(\?P<\w+>")
LENGTH_STEPS = (0, 8, 16, 32, 64, 128, 256, 512)  # line lengths the quick tests are cut at


def _max_width(pattern: str) -> int:
    """Return the longest text a pattern can match (a large number when unbounded)."""
    return int(re_parser.parse(pattern, re.IGNORECASE).getwidth()[1])


def _quick(patterns: list[str]) -> tuple[re.Pattern[str], ...]:
    """Compile, for each length step, the alternation (without named groups, which make Python's
    re several times slower) of the patterns that can match a line that long."""
    plain = [_UNGROUP.sub("(?:", p) for p in patterns]
    widths = [_max_width(p) for p in plain]
    return tuple(
        re.compile("|".join(f"(?:{p})" for p, w in zip(plain, widths, strict=True) if w >= step)
                   or "(?!)", re.IGNORECASE)
        for step in LENGTH_STEPS)


@dataclass(frozen=True)
class Matcher:
    """Full-line patterns, each named by the rule it stands for."""

    regex: re.Pattern[str]
    rules: tuple[str, ...]
    quick: tuple[re.Pattern[str], ...]  # fast yes/no tests by line length (see LENGTH_STEPS)

    @classmethod
    def of(cls, named: list[tuple[str, str]]) -> Matcher:
        """Build a matcher from (rule, pattern) pairs."""
        regex, rules = _combine(named)
        return cls(regex, rules, _quick([p for _, p in named]))

    def match(self, text: str) -> tuple[str, re.Match[str]] | None:
        """Return (rule, match) for the first pattern matching the whole line."""
        step = bisect_right(LENGTH_STEPS, len(text)) - 1
        if self.quick[step].fullmatch(text) is None:
            return None
        m = self.regex.fullmatch(text)
        if m is None:
            return None
        for key, value in m.groupdict().items():
            if value is not None and key[0] == "r" and key[1:].isdigit():
                return self.rules[int(key[1:])], m
        return None  # pragma: no cover - an alternation always has one group set


def _group(m: re.Match[str], name: str) -> str | None:
    """Return the first non-empty group called `name` or `name_N` in a combined match."""
    for key, value in m.groupdict().items():
        if value and (key == name or key.startswith(name + "_")):
            return value
    return None


def _renumber(pattern: str, name: str, i: int) -> str:
    """Give a named group a unique name so patterns can share one alternation."""
    return pattern.replace(f"(?P<{name}>", f"(?P<{name}_{i}>")


CREDIT_TAIL = 140  # a photo credit stands in the last characters of a caption
# Words one of which every CREDIT pattern contains (a fast first test; keep in step with them).
CREDIT_HINTS = ("©", "(c)", "photo", "pictur", "imag", "credit", "crédit", "illustr", "vid",
                "ảnh", "đồ h", "foto", "bild", "quelle", "grafik")


@dataclass(frozen=True)
class Lexicon:
    """Every language's rules compiled for fast full-line matching."""

    boilerplate: Matcher  # rule names like "vi/comment-counter"
    related: Matcher  # rule names like "fr/related-header"
    byline: Matcher
    source: Matcher
    credit: re.Pattern[str]  # searched at the end of a caption
    credit_quick: re.Pattern[str]  # the same without named groups: a fast first test
    image_file: re.Pattern[str]
    bare_url: re.Pattern[str]
    relative_date: Matcher  # "Publié hier à 18:20", "3 hours ago"
    dateline_lead: re.Pattern[str]  # "Publié le" after an author's name on a dateline

    def byline_name(self, text: str) -> str | None:
        """Return the author named by a byline line, or None."""
        found = self.byline.match(text)
        return _group(found[1], "name") if found else None

    def source_url(self, text: str) -> str | None:
        """Return the URL of a labelled source line, or None."""
        found = self.source.match(text)
        return _group(found[1], "url") if found else None

    def split_credit(self, caption: str) -> tuple[str, str | None]:
        """Split a trailing photo credit off a caption: (caption, credit or None)."""
        tail = max(0, len(caption) - CREDIT_TAIL)
        end = caption[tail:].casefold()
        if not any(hint in end for hint in CREDIT_HINTS) \
                or self.credit_quick.search(caption, tail) is None:
            return caption, None
        m = self.credit.search(caption, tail)
        if not m or m.start() == 0:
            return caption, None
        credit = _group(m, "credit")
        return caption[: m.start()].rstrip(" ,;-–—"), credit.strip(" .") if credit else None


@cache
def lexicon() -> Lexicon:
    """Compile all languages' rules once."""
    modules = [("common", common), *sorted(LANGUAGE_MODULES.items())]
    boiler: list[tuple[str, str]] = []
    related: list[tuple[str, str]] = []
    byline: list[tuple[str, str]] = []
    source: list[tuple[str, str]] = []
    credit: list[str] = []
    for lang, module in modules:
        for group, patterns in module.BOILERPLATE.items():
            boiler += [(f"{lang}/{group}", p) for p in patterns]
        related += [(f"{lang}/related-header", p) for p in getattr(module, "RELATED", [])]
        byline += [(f"{lang}/byline", _renumber(p, "name", len(byline) + i))
                   for i, p in enumerate(getattr(module, "BYLINE", []))]
        source += [(f"{lang}/source", _renumber(p, "url", len(source) + i))
                   for i, p in enumerate(getattr(module, "SOURCE", []))]
        credit += [_renumber(p, "credit", len(credit) + i)
                   for i, p in enumerate(getattr(module, "CREDIT", []))]
    return Lexicon(
        boilerplate=Matcher.of(boiler),
        related=Matcher.of(related),
        byline=Matcher.of(byline),
        source=Matcher.of(source),
        credit=re.compile("(?:" + "|".join(credit) + r")\s*$", re.IGNORECASE),
        credit_quick=re.compile(_UNGROUP.sub("(?:", "(?:" + "|".join(credit) + r")\s*$"),
                                re.IGNORECASE),
        image_file=re.compile(common.IMAGE_FILE, re.IGNORECASE),
        bare_url=re.compile(common.BARE_URL, re.IGNORECASE),
        relative_date=Matcher.of([(f"{lang}/relative-dateline", p) for lang, m in modules
                                  for p in getattr(m, "RELATIVE_DATES", [])]),
        dateline_lead=re.compile(r"(?<!\w)(?:" + "|".join(
            p for _, m in modules for p in getattr(m, "DATELINE_LEADS", [])) + r")(?!\w)",
            re.IGNORECASE),
    )


def stopwords(lang: str) -> frozenset[str]:
    """Return the stopwords of a language (empty when we have none)."""
    module = LANGUAGE_MODULES.get(lang)
    return frozenset(module.STOPWORDS) if module else frozenset()


def all_stopwords() -> dict[str, frozenset[str]]:
    """Return every language's stopwords, by ISO 639-1 code."""
    return {lang: frozenset(m.STOPWORDS) for lang, m in sorted(LANGUAGE_MODULES.items())}


def default_timezone(lang: str) -> str | None:
    """Return the zone a language's outlets usually write datelines in, if any."""
    module = LANGUAGE_MODULES.get(lang)
    zone = getattr(module, "TIMEZONE", None) if module else None
    return zone if zone and zone != "UTC" else None


def months() -> dict[str, int]:
    """Return month names of every language, lower case, mapped to 1-12."""
    table: dict[str, int] = {}
    for module in LANGUAGE_MODULES.values():
        table.update(module.MONTHS)
    return table


def date_words() -> list[str]:
    """Return the patterns of words that may stand around a date in a dateline."""
    words: list[str] = []
    for module in LANGUAGE_MODULES.values():
        words += module.DATE_WORDS
    return words
