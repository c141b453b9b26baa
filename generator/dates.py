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


_TIME = r"(?P<H>\d{1,2})\s*(?:[:h]|giờ)\s*(?P<M>\d{2})?(?:\s*(?::|phút)\s*(?P<S>\d{2}))?" \
        r"(?:\s*(?P<ampm>[ap]\.?m\.?))?"
_OFFSET = re.compile(r"\b(?:gmt|utc)\s*(?P<sign>[+-])\s*(?P<h>\d{1,2})(?::?(?P<m>\d{2}))?",
                     re.IGNORECASE)


@cache
def _patterns() -> list[re.Pattern[str]]:
    """Compile the date shapes, most specific first."""
    names = "|".join(sorted((re.escape(m) for m in months()), key=len, reverse=True))
    shapes = [
        r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?:[T ]\s*" + _TIME + r")?"
        r"(?P<tz>Z|[+-]\d{2}:?\d{2})?",
        r"(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})\s*[/.-]\s*(?P<y>\d{4})",
        r"ngày\s+(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})(?:\s+năm\s+(?P<y>\d{4}))?",
        r"(?P<d>\d{1,2})(?:er|st|nd|rd|th)?\s+(?P<mn>" + names + r")\.?,?(?:\s+(?P<y>\d{4}))?",
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


def _time(text: str) -> tuple[int, int, int, int, int] | None:
    """Return (hour, minute, second, start, end) of the first clock time in text."""
    for m in _TIME_RE.finditer(text):
        if m["M"] is None and not m["ampm"]:
            continue
        hour, minute = int(m["H"]), int(m["M"] or 0)
        if m["ampm"]:
            pm = m["ampm"].lower().startswith("p")
            hour = hour % 12 + (12 if pm else 0)
        if hour < 24 and minute < 60:
            return hour, minute, int(m["S"] or 0), m.start(), m.end()
    return None


def find_date(text: str) -> DateHit | None:
    """Return the first date written in text, with a clock time near it when there is one."""
    table = months()
    for pattern in _patterns():
        for m in pattern.finditer(text):
            groups = m.groupdict()
            month = table.get(groups["mn"].lower().rstrip(".")) if groups.get("mn") else None
            month = month or (int(groups["m"]) if groups.get("m") else None)
            if month is None or not 1 <= month <= 12:
                continue
            day = int(groups["d"])
            year = int(groups["y"]) if groups.get("y") else None
            if not 1 <= day <= 31 or (year is not None and not 1900 <= year <= 2200):
                continue
            hit = DateHit(year, month, day, start=m.start(), end=m.end(), offset=_offset(text))
            if groups.get("H"):
                hour, minute = int(groups["H"]), int(groups.get("M") or 0)
                second = int(groups.get("S") or 0)
                tz = groups.get("tz")
                offset = hit.offset
                if tz:
                    offset = timedelta(0) if tz == "Z" else _tz_delta(tz)
                return DateHit(year, month, day, hour, minute, second, offset, m.start(), m.end())
            found = _time(text[: m.start()] + " " * (m.end() - m.start()) + text[m.end():])
            if found:
                hour, minute, second, t0, t1 = found
                return DateHit(year, month, day, hour, minute, second, hit.offset,
                               min(m.start(), t0), max(m.end(), t1))
            return hit
    return None


def _tz_delta(tz: str) -> timedelta:
    sign = -1 if tz[0] == "-" else 1
    digits = tz[1:].replace(":", "")
    return sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:4] or 0))


@cache
def _filler() -> re.Pattern[str]:
    words = sorted(date_words(), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(words) + r")(?!\w)", re.IGNORECASE)


def is_dateline(text: str) -> DateHit | None:
    """Return the date when a line is a dateline: a date, a time and filler words only."""
    if len(text) > 90:
        return None
    hit = find_date(text)
    if hit is None or (hit.year is None and hit.hour is None):
        return None
    rest = text[: hit.start] + " " + text[hit.end:]
    rest = _OFFSET.sub(" ", rest)
    time_hit = _time(rest)
    if time_hit:
        rest = rest[: time_hit[3]] + " " + rest[time_hit[4]:]
    rest = _filler().sub(" ", rest)
    leftover = re.sub(r"[\W\d_]+", "", rest)
    return hit if len(leftover) <= 2 else None


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
