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
from typing import Any

from generator.rules import common, de, en, es, fr, it, pt, ru, vi

LANGUAGE_MODULES: dict[str, ModuleType] = {
    "de": de, "en": en, "es": es, "fr": fr, "it": it, "pt": pt, "ru": ru, "vi": vi,
}


def _combine(named: list[tuple[str, str]]) -> tuple[_Lazy, tuple[str, ...]]:
    """Join (rule, pattern) pairs into one alternation, compiled when first needed; the empty
    group rN closing a branch stands for rule N (a group opening each branch would make
    Python's re far slower)."""
    parts = [f"(?:{pattern})(?P<r{i}>)" for i, (_, pattern) in enumerate(named)]
    return _Lazy("|".join(parts) or "(?!)"), tuple(rule for rule, _ in named)


_UNGROUP = re.compile(r"\(\?P<\w+>")
# Line lengths the quick tests are cut at; 402 passes over the cookie banners, which a leading
# "(?=.{0,400}$)" bounds to 400 characters (and a final newline).
LENGTH_STEPS = (0, 8, 16, 32, 64, 128, 256, 402, 512)
_ENDS = (re_parser.AT_END, re_parser.AT_END_STRING)


def _max_width(parsed: Any) -> int:
    """Return the longest text a parsed pattern can match (a large number when unbounded).

    A lookahead opening the pattern and running to the end of the text, as "(?=.{0,400}$)",
    bounds it too: a full match is no longer than the lookahead's own text and a final newline.
    """
    width = int(parsed.getwidth()[1])
    for op, av in parsed.data:
        if op is not re_parser.ASSERT or av[0] != 1:
            break  # only leading lookaheads, each tried at the start of the text
        body = av[1]
        if body.data and body.data[-1][0] is re_parser.AT and body.data[-1][1] in _ENDS:
            width = min(width, int(body.getwidth()[1]) + 1)
    return width


def _guard(parsed: Any) -> str | None:
    """Return a word a line must hold for a parsed pattern to match, when its opening lookaheads
    search the line for one ("(?=.*\\bcookies?\\b)"): a fast first test of a slow pattern."""
    best = ""
    for op, av in parsed.data:
        if op is not re_parser.ASSERT or av[0] != 1:
            break
        run = ""
        for item_op, item_av in av[1].data:  # the longest run of letters in the lookahead
            run = run + chr(item_av) if item_op is re_parser.LITERAL else ""
            best = max(best, run, key=len)
    return best if len(best) >= 4 else None


@dataclass(frozen=True)
class _Pattern:
    """A full-line pattern without named groups (which make Python's re several times slower),
    with what the quick tests need to know of it."""

    text: str
    width: int  # the longest line it can match
    guard: str | None  # a word a line must hold for it to match
    least: int = 0  # the shortest line it can match

    @classmethod
    def of(cls, pattern: str) -> _Pattern:
        plain = _UNGROUP.sub("(?:", pattern)
        parsed = re_parser.parse(plain, re.IGNORECASE)
        return cls(plain, _max_width(parsed), _guard(parsed), int(parsed.getwidth()[0]))


_SPECIAL = frozenset(".^$*+?{}[]\\|()")


def _top_level_bar(pattern: str) -> bool:
    """Say whether a pattern is an alternation at its top level ("a|b", not "(?:a|b)c")."""
    depth, i = 0, 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 1
        elif ch == "[":  # a set: on to its closing bracket, which may stand first ("[]a]")
            i += 2 if pattern[i + 1:i + 2] == "^" else 1
            i += 1 if pattern[i:i + 1] == "]" else 0
            while i < len(pattern) and pattern[i] != "]":
                i += 2 if pattern[i] == "\\" else 1
        elif ch in "()":
            depth += 1 if ch == "(" else -1
        elif ch == "|" and depth == 0:
            return True
        i += 1
    return False


def _alternation(patterns: list[str]) -> str:
    """Join patterns into one alternation, grouping those that open with the same plain letter
    behind it ("k(?:(?:ontakt)|(?:ommentar))"): the same lines fully match, with far fewer
    tries of Python's re at the start of each line."""
    groups: dict[str, list[str]] = {}
    alone: list[str] = []
    for p in patterns:
        if p and p[0] not in _SPECIAL and p[1:2] not in ("*", "+", "?", "{") \
                and not _top_level_bar(p):
            groups.setdefault(p[0], []).append(p[1:])
        else:
            alone.append(p)
    grouped = [re.escape(first) + "(?:" + "|".join(f"(?:{rest})" for rest in rests) + ")"
               for first, rests in groups.items()]
    return "|".join(grouped + [f"(?:{p})" for p in alone])


class _Lazy:
    """A case-insensitive regular expression compiled when first used: a build that cleans one
    edited dump meets lines of a few lengths only, and compiling every alternation of every
    length step would cost more than cleaning it."""

    __slots__ = ("_compiled", "source")

    def __init__(self, source: str) -> None:
        self.source = source
        self._compiled: re.Pattern[str] | None = None

    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(self.source, re.IGNORECASE)
        return self._compiled

    def fullmatch(self, text: str) -> re.Match[str] | None:
        return (self._compiled or self.compiled()).fullmatch(text)


def _alternations(patterns: list[_Pattern]) -> tuple[_Lazy | None, ...]:
    """Give, for each length step, the alternation of the patterns that can match a line that
    long (None: none can), compiled when first needed: those neither too short for the step's
    lines nor too long ("Theo dõi chúng tôi trên Google News" for a line of 6 characters)."""
    ends = [*LENGTH_STEPS[1:], 1 << 62]
    alternations = [_alternation([p.text for p in patterns if p.width >= step and p.least < end])
                    for step, end in zip(LENGTH_STEPS, ends, strict=True)]
    return tuple(_Lazy(alt) if alt else None for alt in alternations)


_NEVER = _Lazy("(?!)")
Guarded = tuple[tuple[str, _Lazy], ...]  # (guard word casefolded, test) pairs


@dataclass(frozen=True)
class QuickTest:
    """A fast yes/no test of full-line patterns: could one of them match a line?"""

    quick: tuple[_Lazy, ...]  # by length step: the patterns without a guard word
    guarded: tuple[Guarded, ...]  # by length step: the others, tried if their word is there

    @classmethod
    def of(cls, patterns: list[str]) -> QuickTest:
        """Compile the tests of some patterns."""
        by_guard: dict[str | None, list[_Pattern]] = {}
        for pattern in map(_Pattern.of, patterns):
            by_guard.setdefault(pattern.guard, []).append(pattern)
        tests = [(word.casefold(), _alternations(found))
                 for word, found in by_guard.items() if word is not None]
        guarded = tuple(tuple((word, test) for word, quick in tests
                              if (test := quick[step]) is not None)
                        for step in range(len(LENGTH_STEPS)))
        quick = tuple(test or _NEVER for test in _alternations(by_guard.get(None, [])))
        return cls(quick, guarded)

    def __call__(self, text: str) -> bool:
        step = bisect_right(LENGTH_STEPS, len(text)) - 1
        if self.quick[step].fullmatch(text) is not None:
            return True
        guarded = self.guarded[step]
        if not guarded:
            return False
        folded = text.casefold()  # a substring test per word: far faster than a regex search
        return any(word in folded and test.fullmatch(text) is not None for word, test in guarded)


@dataclass(frozen=True)
class Matcher:
    """Full-line patterns, each named by the rule it stands for."""

    regex: _Lazy  # every pattern, each closed by an empty group naming it
    rules: tuple[str, ...]
    test: QuickTest

    @classmethod
    def of(cls, named: list[tuple[str, str]]) -> Matcher:
        """Build a matcher from (rule, pattern) pairs."""
        regex, rules = _combine(named)
        return cls(regex, rules, QuickTest.of([p for _, p in named]))

    def match(self, text: str) -> tuple[str, re.Match[str]] | None:
        """Return (rule, match) for the first pattern matching the whole line."""
        if not self.test(text):
            return None
        m = self.regex.fullmatch(text)
        if m is None:
            return None
        key = m.lastgroup  # the group closing the branch that matched
        if key is not None and key[0] == "r" and key[1:].isdigit():
            return self.rules[int(key[1:])], m
        for key, value in m.groupdict().items():  # pragma: no cover - lastgroup names it
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


def _needs(items: Any) -> set[str] | None:
    """Return signs (caseless characters) one of which every match of a parsed sequence holds."""
    for op, av in items:
        found = None
        if op is re_parser.LITERAL:
            sign = chr(av)
            plain = not sign.isalnum() and sign.lower() == sign.upper() == sign.casefold() == sign
            found = {sign} if plain else None
        elif op is re_parser.SUBPATTERN:
            found = _needs(av[3].data)
        elif op is re_parser.BRANCH:
            options = [_needs(branch.data) for branch in av[1]]
            found = {sign for signs in options if signs for sign in signs} \
                if all(options) else None
        elif op in (re_parser.MAX_REPEAT, re_parser.MIN_REPEAT) and av[0] >= 1:
            found = _needs(av[2].data)
        if found:
            return found
    return None


def _marks(patterns: list[str]) -> tuple[str, ...]:
    """Return signs one of which every match of any pattern holds ("" when some has none)."""
    found: set[str] = set()
    for pattern in patterns:
        signs = _needs(re_parser.parse(pattern, re.IGNORECASE).data)
        if signs is None:
            return ("",)
        found |= signs
    return tuple(sorted(found))


CREDIT_TAIL = 140  # a photo credit stands in the last characters of a caption
CREDIT_LEAD = 40  # an agency's name may stand this far before a credit's keyword, in brackets
# Words that open the keyword of every CREDIT pattern, after its optional "(" and spaces:
# "Photo", "Ảnh", "Nguồn ảnh", "©" (a fast first test, and where the search starts; keep in
# step with them: tests/test_clean.py tries every keyword).
CREDIT_HINTS = ("©", "(c)", "photo", "pictur", "imag", "credit", "crédit", "illustr", "vid",
                "ảnh", "nguồn", "đồ h", "foto", "bild", "quelle", "grafik", "immagin", "fonte",
                "фото", "изображ", "источник")
_CREDIT_HINT = re.compile("|".join(map(re.escape, CREDIT_HINTS)), re.IGNORECASE)  # all at once


@dataclass(frozen=True)
class Lexicon:
    """Every language's rules compiled for fast full-line matching."""

    boilerplate: Matcher  # rule names like "vi/comment-counter"
    related: Matcher  # rule names like "fr/related-header"
    byline: Matcher
    source: Matcher
    credit: re.Pattern[str]  # searched at the end of a caption
    credit_quick: re.Pattern[str]  # the same without named groups: a fast first test
    credit_marks: tuple[str, ...]  # signs one of which every credit holds, as ":" or "©"
    image_file: re.Pattern[str]
    bare_url: re.Pattern[str]
    relative_date: Matcher  # "Publié hier à 18:20", "3 hours ago"
    dateline_lead: re.Pattern[str]  # "Publié le" after an author's name on a dateline
    published: re.Pattern[str]  # "Publié le", "Ngày phát hành": a dateline of the publication

    def byline_name(self, text: str) -> str | None:
        """Return the author named by a byline line, or None. A name written in a script with
        capitals has one ("By subject", a menu's sorting link, names nobody)."""
        found = self.byline.match(text)
        name = _group(found[1], "name") if found else None
        if name and not any(ch.isupper() for ch in name) \
                and any(ch.lower() != ch.upper() for ch in name):
            return None
        return name

    def source_url(self, text: str) -> str | None:
        """Return the URL of a labelled source line, or None."""
        found = self.source.match(text)
        return _group(found[1], "url") if found else None

    def credit_alone(self, text: str) -> str | None:
        """Return the credit when a whole line is a photo's credit ("Ảnh: Ngọc Thắng",
        "Photo : AFP", "© Reuters"), else None."""
        if len(text) > CREDIT_TAIL or not any(mark in text for mark in self.credit_marks):
            return None
        m = self.credit.match(text)
        credit = _group(m, "credit") if m else None
        return credit.strip(" .") if credit else None

    def split_credit(self, caption: str) -> tuple[str, str | None]:
        """Split a trailing photo credit off a caption: (caption, credit or None)."""
        tail = max(0, len(caption) - CREDIT_TAIL)
        end = caption[tail:]
        if not any(mark in end for mark in self.credit_marks):
            return caption, None
        low = end.lower()
        if len(low) == len(end):  # a substring search per hint: far faster than one regex
            found = [at for hint in CREDIT_HINTS if (at := low.find(hint)) >= 0]
            if not found:
                return caption, None
            start = tail + min(found)
        elif (hint := _CREDIT_HINT.search(caption, tail)) is not None:
            start = hint.start()  # (lower() moved the characters: "İ" is two)
        else:
            return caption, None
        # A credit opens with its keyword, after an optional "(" and spaces: no match starts
        # before the first keyword and what precedes it (trying every place before it costs
        # more than the rest of cleaning the caption).
        while start > tail and (caption[start - 1] == "(" or caption[start - 1].isspace()):
            start -= 1
        opening = caption.rfind("(", max(tail, start - CREDIT_LEAD), start)
        if opening >= 0 and ")" not in caption[opening:start]:
            start = opening  # "(AP Photo/Evan Vucci)": an agency's name before the keyword
        if self.credit_quick.search(caption, start) is None:
            return caption, None
        m = self.credit.search(caption, start)
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
    relative = [(f"{lang}/relative-dateline", p) for lang, m in modules
                for p in getattr(m, "RELATIVE_DATES", [])]
    return Lexicon(
        boilerplate=Matcher.of(boiler),
        related=Matcher.of(related),
        byline=Matcher.of(byline),
        source=Matcher.of(source),
        credit=re.compile("(?:" + "|".join(credit) + r")\s*$", re.IGNORECASE),
        credit_quick=re.compile(_UNGROUP.sub("(?:", "(?:" + "|".join(credit) + r")\s*$"),
                                re.IGNORECASE),
        credit_marks=_marks(credit),
        image_file=re.compile(common.IMAGE_FILE, re.IGNORECASE),
        bare_url=re.compile(common.BARE_URL, re.IGNORECASE),
        relative_date=Matcher.of(relative),
        dateline_lead=_words_pattern(
            [p for _, m in modules for p in getattr(m, "DATELINE_LEADS", [])]),
        published=_words_pattern([p for _, m in modules for p in getattr(m, "PUBLISHED", [])]),
    )


def _words_pattern(words: list[str]) -> re.Pattern[str]:
    """Compile a search for any of some words (patterns), as whole words, case ignored."""
    return re.compile(r"(?<!\w)(?:" + "|".join(words) + r")(?!\w)", re.IGNORECASE)


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
