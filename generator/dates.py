"""Find dates in datelines, running text and URLs. Pure functions, no clock."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from functools import cache

from generator.rules import common, date_words, months


@dataclass(frozen=True)
class DateHit:
    """A date found in text; fields missing from the text are None."""

    year: int | None
    month: int
    day: int
    hour: int | None = None
    minute: int = 0
    second: int = 0
    offset: timedelta | None = None  # explicit UTC offset written in the text, e.g. GMT+7
    start: int = 0  # span of the date in the text
    end: int = 0

    def to_datetime(self, year: int | None = None) -> datetime | None:
        """Return a naive datetime (or aware when an offset was written); None if impossible."""
        y = self.year or year
        if y is None:
            return None
        try:
            value = datetime(y, self.month, self.day, self.hour or 0, self.minute, self.second)
        except ValueError:
            return None
        return value.replace(tzinfo=timezone(self.offset)) if self.offset is not None else value


_TIME = r"(?P<H>\d{1,2})\s*(?:[:h]|giờ|\.(?=\d{2}(?![\d.])))\s*(?P<M>\d{2})?" \
        r"(?:\s*(?::|phút)\s*(?P<S>\d{2})(?:[.,]\d{1,9})?)?(?:\s*(?P<ampm>[ap]\.?m\.?))?"
_OFFSET = re.compile(r"\b(?:gmt|utc)\s*(?P<sign>[+-])\s*(?P<h>\d{1,2})(?::?(?P<m>\d{2}))?",
                     re.IGNORECASE)


def _names(words: list[str]) -> str:
    """Return an alternation of words, longest first, with those of one first letter grouped:
    the same matches, far fewer tries at each position of a line for Python's re."""
    groups: dict[str, list[str]] = {}
    for word in sorted(words, key=lambda w: len(re.escape(w)), reverse=True):
        groups.setdefault(word[:1], []).append(re.escape(word[1:]))
    if any(re.fullmatch(re.escape(a), b, re.IGNORECASE) for a in groups for b in groups
           if a != b) or "" in groups:  # two first letters alike when case is ignored
        return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))
    return "|".join(f"{re.escape(first)}(?:{'|'.join(tails)})" for first, tails in groups.items())


@cache
def _patterns() -> list[re.Pattern[str]]:
    """Compile the date shapes."""
    names = _names(list(months()))
    shapes = [
        r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?:[T ]\s*" + _TIME + r")?"
        r"(?P<tz>Z|[+-]\d{2}:?\d{2})?",
        r"(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})\s*[/.-]\s*(?P<y>\d{4})",
        r"(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{2})(?![/\d])",  # 03/09/24 (20 Minutes)
        r"ngày\s+(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})(?:\s+năm\s+(?P<y>\d{4}))?",
        r"(?P<d>\d{1,2})(?:er|st|nd|rd|th|º|\.)?\s+(?:de\s+)?(?P<mn>" + names + r")\.?,?"
        r"(?:\s+(?:de\s+)?(?P<y>\d{4}))?",  # 12 novembre 2024, 12. November, 12 de mayo de

        r"(?P<mn>" + names + r")\.?\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?(?:\s+(?P<y>\d{4}))?",
        r"(?P<d>\d{1,2})/(?P<m>\d{1,2})(?![/\d])",
    ]
    return [re.compile(r"(?<![\w])" + s + r"(?![\w])", re.IGNORECASE) for s in shapes]


_TIME_RE = re.compile(r"(?<![\w:])" + _TIME + r"(?![\w:])", re.IGNORECASE)


def _offset(text: str) -> timedelta | None:
    m = _OFFSET.search(text)
    if not m:
        return None
    delta = timedelta(hours=int(m["h"]), minutes=int(m["m"] or 0))
    return -delta if m["sign"] == "-" else delta


def _clock(m: re.Match[str]) -> tuple[int, int, int] | None:
    """Return (hour, minute, second) of a time match, or None when it is not a time."""
    if m["H"] is None or (m["M"] is None and not m["ampm"]):
        return None
    hour, minute = int(m["H"]), int(m["M"] or 0)
    if m["ampm"]:
        pm = m["ampm"].lower().startswith("p")
        hour = hour % 12 + (12 if pm else 0)
    if hour < 24 and minute < 60:
        return hour, minute, int(m["S"] or 0)
    return None


def _time(text: str, start: int = 0,
          end: int | None = None) -> tuple[int, int, int, int, int] | None:
    """Return (hour, minute, second, start, end) of the first clock time in text[start:end]."""
    for m in _TIME_RE.finditer(text, start, len(text) if end is None else end):
        clock = _clock(m)
        if clock:
            return (*clock, m.start(), m.end())
    return None


@cache
def _months() -> dict[str, int]:
    """Return `months()`, built once."""
    return months()


# Quick tests. Every date shape has a digit (the day at least); a year is four digits or the
# year of "03/09/24"; a clock time has a digit before ":", "h" or "giờ". Each opens with the
# digit, which lets re skip quickly to the digits of a line.
_DIGIT = re.compile(r"\d")
_YEAR = re.compile(r"\d(?:\d{3}|/\d{1,2}/\d{2})")
_YEAR_OR_CLOCK = re.compile(r"\d(?:\d{3}|/\d{1,2}/\d{2}|\s*(?:[:h]|giờ))", re.IGNORECASE)


def may_hold_date(text: str, year: bool = False) -> bool:
    """Say whether text can hold a date (with its year): a quick test before `find_date`."""
    return (_YEAR if year else _DIGIT).search(text) is not None


def _date_matches(text: str) -> list[tuple[re.Match[str], int, int, int | None]]:
    """Return every valid date match as (match, month, day, year), first written first."""
    if not may_hold_date(text):
        return []
    table = _months()
    found = []
    for pattern in _patterns():
        for m in pattern.finditer(text):
            groups = m.groupdict()
            month = table.get(groups["mn"].lower().rstrip(".")) if groups.get("mn") else None
            month = month or (int(groups["m"]) if groups.get("m") else None)
            if month is None or not 1 <= month <= 12:
                continue
            day = int(groups["d"])
            year = int(groups["y"]) if groups.get("y") else None
            if year is not None and year < 100:
                year += 2000
            if not 1 <= day <= 31 or (year is not None and not 1900 <= year <= 2200):
                continue
            found.append((m, month, day, year))
    found.sort(key=lambda f: (f[0].start(), -f[0].end()))
    kept: list[tuple[re.Match[str], int, int, int | None]] = []
    for item in found:  # drop matches overlapping an earlier, longer one
        if not kept or item[0].start() >= kept[-1][0].end():
            kept.append(item)
    return kept


def find_dates(text: str) -> list[DateHit]:
    """Return every date written in text, each with the clock time written after it."""
    matches = _date_matches(text)
    if not matches:
        return []
    hits = []
    offset = _offset(text)
    for i, (m, month, day, year) in enumerate(matches):
        clock = _clock(m) if "H" in m.re.groupindex else None
        if clock:
            tz = m.groupdict().get("tz")
            zone = offset if not tz else timedelta(0) if tz == "Z" else _tz_delta(tz)
            hits.append(DateHit(year, month, day, *clock, zone, m.start(), m.end()))
            continue
        limit = matches[i + 1][0].start() if i + 1 < len(matches) else len(text)
        after = _time(text, m.end(), limit)
        if after is None and i == 0:  # "14:40, 20/09/2023": a time written before the date
            after = _time(text, 0, m.start())
        if after:
            hour, minute, second, t0, t1 = after
            hits.append(DateHit(year, month, day, hour, minute, second, offset,
                                min(m.start(), t0), max(m.end(), t1)))
        else:
            hits.append(DateHit(year, month, day, offset=offset, start=m.start(), end=m.end()))
    return hits


def find_date(text: str) -> DateHit | None:
    """Return the first date written in text, with its clock time when there is one."""
    hits = find_dates(text)
    return hits[0] if hits else None


def _tz_delta(tz: str) -> timedelta:
    sign = -1 if tz[0] == "-" else 1
    digits = tz[1:].replace(":", "")
    return sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:4] or 0))


@cache
def _filler_words() -> str:
    """Return the words that may stand around a date, as one alternation, longest first."""
    return "|".join(sorted(date_words(), key=len, reverse=True))


@cache
def _filler() -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{_filler_words()})(?!\w)", re.IGNORECASE)


_NOT_LETTERS = re.compile(r"[\W\d_]+")


def is_dateline(text: str) -> DateHit | None:
    """Return the date when a line is a dateline: a date, a time and filler words only."""
    if len(text) > 140 or _YEAR_OR_CLOCK.search(text) is None:
        return None  # a dateline's date has its year or a clock time
    hits = find_dates(text)
    if not hits or (hits[0].year is None and hits[0].hour is None):
        return None
    leftover = _NOT_LETTERS.sub("", _rest(text, hits))
    return hits[0] if len(leftover) <= 2 else None


def _rest(text: str, hits: list[DateHit]) -> str:
    """Return a line without its dates, times, offsets and the words around dates."""
    return _filler().sub(" ", _without_dates(text, hits))


def _without_dates(text: str, hits: list[DateHit]) -> str:
    """Return a line without its dates (hits), clock times and UTC offsets."""
    for hit in reversed(hits):
        text = text[: hit.start] + " " + text[hit.end:]
    return _TIME_RE.sub(" ", _OFFSET.sub(" ", text))


_SEPARATORS = " \t-–—|/·•,:;"


def beside_date(text: str) -> str:
    """Return the words a dateline holds besides its date and the words around dates: "By Jane
    Le Goff - Nov 19, 2019, 10:31 pm CST" -> "By Jane Le Goff" (an author, a section, a place)."""
    rest = re.sub(r"\s+", " ", _without_dates(text, find_dates(text))).strip(_SEPARATORS)
    edge = _edge_filler()
    while (shorter := edge.sub("", rest).strip(_SEPARATORS)) != rest:
        rest = shorter  # only at the ends: "Le" in "Jean Le Goff" is a name
    return rest


@cache
def _edge_filler() -> re.Pattern[str]:
    words = _filler_words()
    return re.compile(rf"^(?:{words})(?!\w)|(?<!\w)(?:{words})$", re.IGNORECASE)


TIMELINE_MAX_CHARS = 40


def is_timeline(text: str) -> tuple[int, int, int, timedelta | None] | None:
    """Return (hour, minute, second, offset) when a line is a clock time alone, the second half
    of a dateline split in two ("Chủ nhật, ngày 08 tháng 12 năm 2024" over "16:02 (GMT +7)")."""
    if len(text) > TIMELINE_MAX_CHARS or _DIGIT.search(text) is None or _date_matches(text):
        return None
    found = _time(text)
    if found is None:
        return None
    hour, minute, second, start, end = found
    rest = _OFFSET.sub(" ", text[:start] + " " + text[end:])
    if _NOT_LETTERS.sub("", _filler().sub(" ", rest)):
        return None
    return hour, minute, second, _offset(text)


@cache
def _url_patterns() -> list[re.Pattern[str]]:
    return [re.compile(p) for p in common.URL_DATES]


def date_from_url(url: str) -> datetime | None:
    """Return the publication time an outlet encodes in its article URLs, naive local time."""
    for pattern in _url_patterns():
        m = pattern.search(url)
        if not m:
            continue
        g = m.groupdict()
        year = int(g["y"]) if len(g["y"]) == 4 else 2000 + int(g["y"])
        try:
            return datetime(year, int(g["m"]), int(g["d"]), int(g.get("H") or 0),
                            int(g.get("M") or 0), int(g.get("S") or 0))
        except ValueError:
            continue
    return None
