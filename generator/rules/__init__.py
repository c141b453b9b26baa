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
from dataclasses import dataclass
from functools import cache
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


@dataclass(frozen=True)
class Matcher:
    """Full-line patterns, each named by the rule it stands for."""

    regex: re.Pattern[str]
    rules: tuple[str, ...]

    @classmethod
    def of(cls, named: list[tuple[str, str]]) -> Matcher:
        """Build a matcher from (rule, pattern) pairs."""
        regex, rules = _combine(named)
        return cls(regex, rules)

    def match(self, text: str) -> tuple[str, re.Match[str]] | None:
        """Return (rule, match) for the first pattern matching the whole line."""
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


@dataclass(frozen=True)
class Lexicon:
    """Every language's rules compiled for fast full-line matching."""

    boilerplate: Matcher  # rule names like "vi/comment-counter"
    related: Matcher  # rule names like "fr/related-header"
    byline: Matcher
    source: Matcher
    credit: re.Pattern[str]  # searched at the end of a caption
    image_file: re.Pattern[str]
    bare_url: re.Pattern[str]

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
        m = self.credit.search(caption)
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
        image_file=re.compile(common.IMAGE_FILE, re.IGNORECASE),
        bare_url=re.compile(common.BARE_URL, re.IGNORECASE),
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
