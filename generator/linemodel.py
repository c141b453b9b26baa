"""Score each line of a dump: how likely it is article text rather than site chrome.

A two-stage logistic model over cues a text dump still carries: the line's length, sentence
punctuation, stopword density in the page's language, capitalisation, digits, its position, and
its neighbours (a run of short lines is a menu; a short line between two paragraphs is a
subheading). Stage 2 adds the stage-1 scores of the neighbouring lines. Every feature is a named
binary cue; the weights are data (`linemodel.json`, trained by `bench/train_linemodel.py`).
Inference is pure Python: a sum of weights per line.

For speed each cue has a fixed id (its index in `_NAMES`; `features` names them for training):
inference sums weights looked up by id in the order of the named features, so its scores are
bit-identical to `score` on the names. A line's own measurements are cached by its text, and
are mostly taken on its bytes in a single-byte code learnt as characters are met (byte tables
fold and split the words), rather than by regex.
"""

from __future__ import annotations

import codecs
import json
import math
import re
import threading
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterable
from functools import cache, lru_cache
from importlib import resources
from itertools import accumulate, repeat
from typing import NamedTuple

from generator.rules import all_stopwords

WINDOW = 3  # lines either side counted as context
DECIDED_SCORE = 0.02  # stage-1 score given to lines the lexicon decided (not scored)
GAP = 3  # other lines allowed between two text lines of one cluster
_CACHE = 2048  # lines whose own measurements are kept (per worker: 16,384 took 23 MB)
_WORD = re.compile(r"[^\W\d_]+")
_TERMINALS = ".!?…。！？"  # a sentence ends with one of these ...
CLOSERS = "'\"”’»)]"  # ... then any of these
_INNER_STOP = re.compile(r"[.!?…。！？]['\"”’»)]*\s+\S")
_SEPARATORS = re.compile(r"\s[|•·›»/]\s|\s[|•·›»]|[|•·›»]\s")
_SEPARATOR_CHAR = re.compile(r"[|•·›»/]")  # needed by _SEPARATORS
_URLISH = re.compile(r"https?://|www\.|@\w|\.com\b", re.IGNORECASE)
_DIGIT = re.compile(r"\d")
_BULLET = re.compile(r"^(?:[-–—•*·▪►]|\d{1,2}[.)])\s")

_LEN_BINS = (5, 10, 20, 35, 60, 100, 160, 250, 400)
_POS_BINS = (0.05, 0.15, 0.3, 0.5, 0.7, 0.85, 0.95)
_RATIO_BINS = (0.0001, 0.1, 0.2, 0.3, 0.45)
_PROB_BINS = (0.1, 0.25, 0.4, 0.6, 0.75, 0.9)
_CAPS_BINS = (0.2, 0.5, 0.8, 0.99)
_DIGIT_BINS = (0.0001, 0.1, 0.3)
_NEIGHBOUR_BINS = (20, 60, 120)
_DIST_BINS = (2, 3, 5, 8)
_EDGE_BINS = (2, 4, 8, 16)
_SHARE_BINS = (0.0001, 0.05, 0.15, 0.4, 0.7)


def _bin(value: float, bins: tuple[float, ...]) -> int:
    """Return the index of the first bound above value (len(bins) when none)."""
    return bisect_right(bins, value)


# The cue names: each family takes consecutive ids, one per bin.
_NAMES: list[str] = []


def _family(names: Iterable[str]) -> int:
    """Append a family of cue names to `_NAMES` and return the id of its first."""
    start = len(_NAMES)
    _NAMES.extend(names)
    return start


def _binned(prefix: str, bins: tuple[float, ...], suffix: str = "") -> list[str]:
    return [f"{prefix}{b}{suffix}" for b in range(len(bins) + 1)]


def _neighbour(name: str) -> list[str]:
    """Name a neighbour's cues; its code is 2 * length bin + sentence, then lex, then none."""
    return [f"{name}-len{b}-s{s}" for b in range(len(_NEIGHBOUR_BINS) + 1) for s in (0, 1)] \
        + [f"{name}-lex", f"{name}-none"]


def _prob(name: str) -> list[str]:
    return [*_binned(name, _PROB_BINS), f"{name}-none"]


_NLEN = len(_LEN_BINS) + 1
_NPROB = len(_PROB_BINS) + 1  # also the offset of "-none" in a _prob family
_LEX_CODE = 2 * (len(_NEIGHBOUR_BINS) + 1)  # neighbour code of a lexicon line
_NONE_CODE = _LEX_CODE + 1  # ... and of no line
_LEN = _family(_binned("len", _LEN_BINS))
_POS = _family(_binned("pos", _POS_BINS))
_STOP_UNKNOWN = _family(["stop-unknown"])
_STOP = _family(_binned("stop", _RATIO_BINS))
_STOP_LEN = _family(f"stop{a}-len{b}" for a in range(len(_RATIO_BINS) + 1) for b in range(_NLEN))
_END_SENTENCE = _family(["end-sentence"])
_END_OPEN = _family(["end-open"])
_END_LEN = _family(f"end{s}-len{b}" for s in (0, 1) for b in range(_NLEN))
_INNER = _family(f"inner{n}" for n in range(4))
_END_COLON = _family(["end-colon"])
_CAPS = _family(_binned("caps", _CAPS_BINS))
_ALL_CAPS = _family(["all-caps"])
_DIGIT_SHARE = _family(_binned("digits", _DIGIT_BINS))
_SEPARATED = _family(["separators"])
_URL = _family(["urlish"])
_BULLETED = _family(["bullet"])
_STARTS_LOWER = _family(["starts-lower"])
_COMMA = _family(["comma"])
_DUPLICATE = _family(["duplicate"])
_CTX_SHORT = _family(f"ctx-short{n}" for n in range(2 * WINDOW + 1))
_CTX_LONG = _family(f"ctx-long{n}" for n in range(2 * WINDOW + 1))
_CTX_LEX = _family(f"ctx-lex{n}" for n in range(4))
_PREV = _family(_neighbour("prev"))
_NEXT = _family(_neighbour("next"))
_BETWEEN = _family(_binned("between-paragraphs-len", _NEIGHBOUR_BINS))
_DIST = _family(_binned("dist", _DIST_BINS))
_IN_MAIN = _family(["in-main"])
_BEFORE_MAIN = _family(_binned("before-main", _EDGE_BINS))
_AFTER_MAIN = _family(_binned("after-main", _EDGE_BINS))
_SHARE = _family(_binned("cluster-share", _SHARE_BINS))
_P_PREV = _family(_prob("p-prev"))
_P_NEXT = _family(_prob("p-next"))
_P_PREV2 = _family(_prob("p-prev2"))
_P_NEXT2 = _family(_prob("p-next2"))
_P_WIN = _family(_binned("p-win", _PROB_BINS))
_P_SELF = _family(_binned("p-self", _PROB_BINS))
_P_MAX = _family(f"p-max-before{a}-after{b}" for a in range(_NPROB) for b in range(_NPROB))


@cache
def _stopword_table() -> dict[str, frozenset[str]]:
    return all_stopwords()


# Stopword hits are counted for every language at once, packed in one int: _FIELD bits each.
_FIELD = 32
_MASK = (1 << _FIELD) - 1


@cache
def _stop_hits() -> dict[str, int]:
    """Map every stopword to its languages, packed (1 in the field of each)."""
    packed: dict[str, int] = {}
    for n, stops in enumerate(_stopword_table().values()):
        for w in stops:
            packed[w] = packed.get(w, 0) + (1 << (_FIELD * n))
    return packed


def _unpack(hits: int, lang: int) -> int:
    return (hits >> (_FIELD * lang)) & _MASK


def _is_word_char(char: str) -> bool:
    return _WORD.match(char) is not None


def _folds_alike(char: str) -> bool:
    """Tell whether casefolding a character keeps it a word character (or a non-word one)."""
    folded = char.casefold()
    if _is_word_char(char):
        return _WORD.fullmatch(folded) is not None
    return _WORD.search(folded) is None


_SPARE = "\ufffe"  # a free slot of a code (charmap codecs' mark of an unmapped byte)


@cache
def _codable(char: str) -> bool:
    """Tell whether a character can take a slot in a `_Code` (its casefold taking another)."""
    folded = char.casefold()
    if char == _SPARE or char > "\uffff":  # (astral characters make slow codecs)
        return False
    if _is_word_char(char):
        return len(folded) == 1 and _is_word_char(folded) and folded.casefold() == folded
    return _WORD.search(folded) is None


class _Words(NamedTuple):
    """What the model needs of a line's words (runs of letters) and other characters."""

    total: int
    capitalised: int  # words starting with a capital
    hits: int  # casefolded words in every language's stopwords, packed
    alike: bool  # the words of text.casefold() are these words casefolded
    digits: int
    maybe_caps: bool  # False when str.upper() surely changes the line
    url_hint: bool  # False when _URLISH surely does not match


def _url_hint(raw: bytes) -> bool:
    """Tell whether a line encoded ASCII-compatibly may match _URLISH: only ASCII letters
    match its letters, "s" aside (in "https://", so "://" tells)."""
    low = raw.lower()
    return b"://" in low or b"@" in low or b"www." in low or b".com" in low


class _Code:
    """A single-byte code of up to 256 characters, with the byte tables measuring lines in it.

    The code holds the casefold of its word characters. `fold` maps the byte of a word
    character to its casefold's, `case` to U (a capital), l (changed by str.upper) or o; both
    map other bytes to a space. So a line's words are the runs of word bytes, with no regex.
    """

    def __init__(self, slots: str) -> None:
        self.slots = slots
        self.chars = frozenset(slots)
        padded = slots.ljust(256, _SPARE)
        byte = {c: b for b, c in enumerate(padded)}
        fold, case = bytearray(b" " * 256), bytearray(b" " * 256)
        for b, c in enumerate(slots):
            if _is_word_char(c):
                fold[b] = byte[c.casefold()]
                case[b] = ord("U" if c.isupper() else "l" if c.upper() != c else "o")
        self.fold, self.case = bytes(fold), bytes(case)
        self.digits = bytes(b for b, c in enumerate(slots) if _DIGIT.match(c))
        self.map = codecs.charmap_build(padded)
        self.stops = {self.encode(w): hits for w, hits in _stop_hits().items()
                      if self.chars.issuperset(w)}

    def encode(self, text: str) -> bytes:
        return codecs.charmap_encode(text, "strict", self.map)[0]

    def measure(self, raw: bytes) -> _Words:
        """Measure a line from its bytes in this code."""
        folded = raw.translate(self.fold).split()
        case = raw.translate(self.case)
        stops = self.stops
        return _Words(len(folded), (b" " + case).count(b" U"),
                      sum(map(stops.__getitem__, filter(stops.__contains__, folded))), True,
                      len(raw) - len(raw.translate(None, self.digits)), b"l" not in case,
                      _url_hint(raw))


class _Codes:
    """The codes learnt so far, indexed by the characters beyond ASCII they hold.

    The first holds ASCII and most of Latin-1. A line no code holds has its characters (and
    their casefold) added to the code sharing most of them, or to a new code when it shares
    none (unless they are FEW). A line with a character no code can hold, or that no longer
    fits, is not encoded.
    """

    MAX = 64
    FEW = 8  # characters sharing none with any code that still join one with room

    def __init__(self) -> None:
        latin = {c for c in map(chr, range(0xA0, 0x100)) if _codable(c)}
        self.codes: list[_Code] = []
        self.holding: dict[str, list[_Code]] = {}
        self.lock = threading.Lock()
        self._put(None, latin.union(map(str.casefold, latin)))

    def measure(self, text: str) -> _Words | None:
        """Measure a line in a code, or return None when it fits none."""
        if text.isascii():
            return self.codes[0].measure(text.encode("ascii"))
        first = _BEYOND_ASCII.search(text)
        for code in self.holding.get(first.group() if first else "", ()):
            try:
                return code.measure(code.encode(text))
            except UnicodeEncodeError:
                pass
        learnt = self.learn(set(text))
        return None if learnt is None else learnt.measure(learnt.encode(text))

    def learn(self, chars: set[str]) -> _Code | None:
        """Return a code holding chars, adding them to one; None when none can."""
        if not all(map(_codable, chars)):
            return None
        needed = chars.union(c.casefold() for c in chars if _is_word_char(c)).difference(_ASCII)
        with self.lock:
            fits = [code for code in self.codes if len(code.chars | needed) <= 256]
            best = max(fits, key=lambda code: len(code.chars & needed), default=None)
            if (best is None or (best.chars.isdisjoint(needed) and len(needed) > self.FEW)) \
                    and len(self.codes) < self.MAX and len(_ASCII) + len(needed) <= 256:
                return self._put(None, needed)
            return None if best is None else self._put(best, needed)

    def _put(self, old: _Code | None, chars: set[str]) -> _Code:
        """Add a code holding ASCII and chars, or old's characters and chars in its place."""
        slots = _ASCII if old is None else old.slots
        code = _Code(slots + "".join(sorted(chars.difference(slots))))
        if old is None:
            self.codes.append(code)
        else:
            self.codes[self.codes.index(old)] = code
        for c in code.chars.difference(_ASCII):
            self.holding[c] = [code, *(held for held in self.holding.get(c, ()) if held is not old)]
        return code


_ASCII = "".join(map(chr, range(128)))
_BEYOND_ASCII = re.compile(r"[^\x00-\x7f]")
_CODES = _Codes()


def _words(text: str) -> _Words:
    """Measure a line's words."""
    measured = _CODES.measure(text)
    if measured is not None:
        return measured
    words = _WORD.findall(text)
    hits = _stop_hits()
    return _Words(len(words), sum(1 for w in words if w[0].isupper()),
                  sum(map(hits.__getitem__, filter(hits.__contains__, map(str.casefold, words)))),
                  all(map(_folds_alike, set(text))), len(_DIGIT.findall(text)), True, True)


def forget_lines() -> None:
    """Empty the caches of line measurements (see `clean.forget_lines`)."""
    _guess_words.cache_clear()
    _shape.cache_clear()


@lru_cache(maxsize=_CACHE)
def _guess_words(text: str) -> tuple[int, int]:
    """Count the words of a casefolded line and the stopwords of every language among them."""
    measured = _CODES.measure(text)
    if measured is not None:
        return measured.total, measured.hits
    hits = _stop_hits()
    words = _WORD.findall(text.casefold())
    return len(words), sum(map(hits.__getitem__, filter(hits.__contains__, words)))


def _pick_language(lines: Iterable[tuple[int, int]]) -> int | None:
    """Return the index of the language whose stopwords the page's words hit most, or None
    when none fits, from every line's word count and stopword hits."""
    counted = list(lines)
    total, packed = sum(n for n, _ in counted), sum(h for _, h in counted)
    if not total or not _stopword_table():
        return None
    hits = [_unpack(packed, n) for n in range(len(_stopword_table()))]
    best = max(range(len(hits)), key=hits.__getitem__)
    return best if hits[best] >= max(3, 0.05 * total) else None


def guess_language(texts: list[str]) -> str | None:
    """Return the language whose stopwords a page uses most, or None when none fits."""
    best = _pick_language(_guess_words(t) for t in texts if t)
    return None if best is None else list(_stopword_table())[best]


def _ends_sentence(text: str) -> bool:
    """Tell whether a line ends a sentence: a terminal, then only closing quotes or brackets."""
    if text.endswith("\n"):  # as `$` matches before a final newline
        text = text[:-1]
    text = text.rstrip(CLOSERS)
    return bool(text) and text[-1] in _TERMINALS


class _Shape(NamedTuple):
    """A scored line's own measurements, whatever its page."""

    sentence: bool
    length: int  # its length bin
    tail: tuple[int, ...]  # its own cues after the position and stopword ones
    words: int
    hits: int  # its casefolded words in every language's stopwords, packed
    guess: tuple[int, int]  # what it adds to the page's language guess


def _tail(text: str, words: _Words, sentence: bool) -> tuple[int, ...]:
    """Return the ids of a line's own cues from its end on."""
    chars = len(text)
    f = [_END_SENTENCE if sentence else _END_OPEN,
         _END_LEN + sentence * _NLEN + bisect_right(_LEN_BINS, chars),
         _INNER + min(len(_INNER_STOP.findall(text)), 3)]
    if text.endswith(":"):
        f.append(_END_COLON)
    if words.total:
        f.append(_CAPS + bisect_right(_CAPS_BINS, words.capitalised / words.total))
        if words.total >= 2 and words.maybe_caps and text.upper() == text:
            f.append(_ALL_CAPS)
    f.append(_DIGIT_SHARE + bisect_right(_DIGIT_BINS, words.digits / max(1, chars)))
    if _SEPARATOR_CHAR.search(text) and _SEPARATORS.search(text):
        f.append(_SEPARATED)
    if words.url_hint and _URLISH.search(text):
        f.append(_URL)
    if _BULLET.match(text):
        f.append(_BULLETED)
    if text[:1].islower():
        f.append(_STARTS_LOWER)
    if "," in text:
        f.append(_COMMA)
    return tuple(f)


@lru_cache(maxsize=_CACHE)
def _shape(text: str) -> _Shape:
    """Measure a line the model scores (one the lexicon did not decide)."""
    words = _words(text)
    sentence = _ends_sentence(text)
    guess = (words.total, words.hits) if words.alike else _guess_words(text)
    return _Shape(sentence, bisect_right(_LEN_BINS, len(text)), _tail(text, words, sentence),
                  words.total, words.hits, guess)


def _own(shapes: list[_Shape], scored: list[int], lang: int | None, dup: list[bool],
         ) -> list[list[int]]:
    """Return the ids of the cues of the scored lines on their own (lang: the page's)."""
    n = max(1, len(dup) - 1)
    out = []
    for shape, k in zip(shapes, scored, strict=True):
        f = [_LEN + shape.length, _POS + bisect_right(_POS_BINS, k / n)]
        if shape.words and lang is not None:
            ratio = bisect_right(_RATIO_BINS, _unpack(shape.hits, lang) / shape.words)
            f += (_STOP + ratio, _STOP_LEN + ratio * _NLEN + shape.length)
        else:
            f.append(_STOP_UNKNOWN)
        f += shape.tail
        if dup[k]:
            f.append(_DUPLICATE)
        out.append(f)
    return out


def _add_context(cues: list[list[int]], scored: list[int], chars: list[int],
                 sentence: list[bool], lex: list[bool]) -> None:
    """Append the ids of the neighbour cues of the scored lines."""
    n = len(chars)
    short = [c < 40 and not s for c, s in zip(chars, sentence, strict=True)]
    long = [c >= 80 and s for c, s in zip(chars, sentence, strict=True)]
    code = [_NONE_CODE, *(_LEX_CODE if x else 2 * bisect_right(_NEIGHBOUR_BINS, c) + s
                          for c, s, x in zip(chars, sentence, lex, strict=True)), _NONE_CODE]
    shorts, longs, lexs = (list(accumulate(v, initial=0)) for v in (short, long, lex))
    far = WINDOW * 3 + 1  # the distance to the nearest other long line, when none is nearer
    at = [-far, *(k for k, is_long in enumerate(long) if is_long), n + far]
    for f, k in zip(cues, scored, strict=True):
        lo = k - WINDOW if k > WINDOW else 0
        hi = k + WINDOW + 1 if k + WINDOW < n else n
        lexs_near = lexs[hi] - lexs[lo]
        f += (_CTX_SHORT + shorts[hi] - shorts[lo] - short[k],
              _CTX_LONG + longs[hi] - longs[lo] - long[k],
              _CTX_LEX + (lexs_near if lexs_near < 3 else 3), _PREV + code[k], _NEXT + code[k + 2])
        if 0 < k < n - 1 and long[k - 1] and long[k + 1]:
            f.append(_BETWEEN + bisect_right(_NEIGHBOUR_BINS, chars[k]))
        dist = min(k - at[bisect_left(at, k) - 1], at[bisect_right(at, k)] - k, far)
        f.append(_DIST + bisect_right(_DIST_BINS, dist))


def _clusters(chars: list[int], sentence: list[bool], lex: list[bool],
              ) -> tuple[list[int], list[float], int, int]:
    """Group text-like lines into clusters (gaps of at most GAP other lines).

    Return the cluster of every line (-1 for none), each cluster's share of the page's text,
    and the first and last line of the biggest cluster: the likely article.
    """
    cluster = [-1] * len(chars)
    weight: list[float] = []
    bounds: list[tuple[int, int]] = []
    last = -GAP - 2
    for k, size in enumerate(chars):
        if not (sentence[k] and size >= 60 and not lex[k]):
            continue
        if k - last > GAP + 1 or not weight:
            weight.append(0.0)
            bounds.append((k, k))
        weight[-1] += size
        bounds[-1] = (bounds[-1][0], k)
        for j in range(max(last + 1, bounds[-1][0]), k + 1):
            cluster[j] = len(weight) - 1
        last = k
    total = sum(weight) or 1.0
    shares = [w / total for w in weight]
    if not weight:
        return cluster, shares, len(chars), -1
    main = max(range(len(weight)), key=weight.__getitem__)
    return cluster, shares, bounds[main][0], bounds[main][1]


def _add_regions(cues: list[list[int]], scored: list[int], chars: list[int],
                 sentence: list[bool], lex: list[bool]) -> None:
    """Append the ids of where the scored lines stand relative to the page's text clusters."""
    cluster, shares, first, last = _clusters(chars, sentence, lex)
    for f, k in zip(cues, scored, strict=True):
        if first <= k <= last:
            f.append(_IN_MAIN)
        elif k < first:
            f.append(_BEFORE_MAIN + bisect_right(_EDGE_BINS, first - k))
        else:
            f.append(_AFTER_MAIN + bisect_right(_EDGE_BINS, k - last))
        f.append(_SHARE + bisect_right(_SHARE_BINS, shares[cluster[k]] if cluster[k] >= 0 else 0.0))


def _cues(texts: list[str], lexicon: list[bool]) -> tuple[list[int], list[int], list[list[int]]]:
    """Return the non-blank line indices, which of those the model scores (not decided by the
    lexicon), and their stage-1 cue ids."""
    idx = [i for i, t in enumerate(texts) if t]
    lines = [texts[i] for i in idx]
    lex = [lexicon[i] for i in idx]
    shapes = [None if x else _shape(t) for t, x in zip(lines, lex, strict=True)]
    lang = _pick_language(_guess_words(t) if s is None else s.guess
                          for t, s in zip(lines, shapes, strict=True))
    if lang is not None and not list(_stopword_table().values())[lang]:
        lang = None
    scored = [k for k, x in enumerate(lex) if not x]
    seen = Counter(lines)
    cues = _own([s for s in shapes if s is not None], scored, lang, [seen[t] > 1 for t in lines])
    chars = list(map(len, lines))
    sentence = [_ends_sentence(t) if s is None else s.sentence
                for t, s in zip(lines, shapes, strict=True)]
    _add_context(cues, scored, chars, sentence, lex)
    _add_regions(cues, scored, chars, sentence, lex)
    return idx, scored, cues


@cache
def weights() -> tuple[dict[str, float], dict[str, float]]:
    """Load the trained weights of both stages."""
    data = json.loads(resources.files("generator").joinpath("linemodel.json").read_text("utf-8"))
    return data["stage1"], data["stage2"]


def features(texts: list[str], lexicon: list[bool]) -> tuple[list[int], list[list[str]]]:
    """Return the non-blank line indices and their stage-1 feature names.

    Lines the lexicon decided get no features (an empty list): they are not scored, only
    counted as context of their neighbours.
    """
    idx, scored, cues = _cues(texts, lexicon)
    names: list[list[str]] = [[] for _ in idx]
    for k, f in zip(scored, cues, strict=True):
        names[k] = [_NAMES[c] for c in f]
    return idx, names


def _stage2(probs: list[float], lines: Iterable[int]) -> list[list[int]]:
    """Return the stage-2 cue ids of the given lines (of the non-blank ones)."""
    none = [_NPROB, _NPROB]
    bins = none + [bisect_right(_PROB_BINS, p) for p in probs] + none  # line k at k + 2
    before = list(accumulate(probs[:-1], max, initial=0.0))  # best score above each line
    after = list(accumulate(reversed(probs[1:]), max, initial=0.0))[::-1]  # ... below
    out = []
    for k in lines:
        window = probs[k - WINDOW if k > WINDOW else 0:k] + probs[k + 1:k + WINDOW + 1]
        mean = sum(window) / len(window) if window else 0.0
        out.append([_P_PREV + bins[k + 1], _P_NEXT + bins[k + 3], _P_PREV2 + bins[k],
                    _P_NEXT2 + bins[k + 4], _P_WIN + bisect_right(_PROB_BINS, mean),
                    _P_SELF + bins[k + 2], _P_MAX + bisect_right(_PROB_BINS, before[k]) * _NPROB
                    + bisect_right(_PROB_BINS, after[k])])
    return out


def stage2_all(probs: list[float]) -> list[list[str]]:
    """Name the stage-2 cues of every non-blank line from the stage-1 scores."""
    return [[_NAMES[c] for c in f] for f in _stage2(probs, range(len(probs)))]


def stage2_features(probs: list[float], k: int, before: float, after: float) -> list[str]:
    """Name the cues drawn from the stage-1 scores around line k (of the non-blank lines)."""
    f = [_NAMES[c] for c in _stage2(probs, [k])[0]]
    f[-1] = f"p-max-before{_bin(before, _PROB_BINS)}-after{_bin(after, _PROB_BINS)}"
    return f


def _logistic(z: float) -> float:
    z = z if z < 30.0 else 30.0  # as max(-30.0, min(30.0, z)), a little quicker
    return 1.0 / (1.0 + math.exp(-(z if z > -30.0 else -30.0)))


def score(feats: list[str], w: dict[str, float]) -> float:
    """Return the probability a line is article text from its feature names."""
    return _logistic(w.get("bias", 0.0) + sum(map(w.get, feats, repeat(0.0))))


_Stage = tuple[float, Callable[[int], float]]  # a stage's bias and weight by cue id


def _stage(w: dict[str, float]) -> _Stage:
    """Index a stage's weights by cue id (0.0 for a cue it lacks)."""
    return w.get("bias", 0.0), [w.get(name, 0.0) for name in _NAMES].__getitem__


@cache
def _shipped() -> tuple[_Stage, _Stage]:
    w1, w2 = weights()
    return _stage(w1), _stage(w2)


def line_scores(texts: list[str], lexicon: list[bool],
                model: tuple[dict[str, float], dict[str, float]] | None = None) -> list[float]:
    """Return, for every line, the probability it is article text (0.0 for blank lines).

    Each sum runs over the same weights in the same order as `score` on the named features.
    """
    (b1, w1), (b2, w2) = _shipped() if model is None else (_stage(model[0]), _stage(model[1]))
    idx, scored, cues = _cues(texts, lexicon)
    p1 = [DECIDED_SCORE] * len(idx)
    for k, f in zip(scored, cues, strict=True):
        p1[k] = _logistic(b1 + sum(map(w1, f)))
    out = [0.0] * len(texts)
    for k, f, f2 in zip(scored, cues, _stage2(p1, scored), strict=True):
        out[idx[k]] = _logistic(b2 + sum(map(w2, f + f2)))
    return out
