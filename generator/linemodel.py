"""Score each line of a dump: how likely it is article text rather than site chrome.

A two-stage logistic model over cues a text dump still carries: the line's length, sentence
punctuation, stopword density in the page's language, capitalisation, digits, its position, and
its neighbours (a run of short lines is a menu; a short line between two paragraphs is a
subheading). Stage 2 adds the stage-1 scores of the neighbouring lines. Every feature is a named
binary cue; the weights are data (`linemodel.json`, trained by `bench/train_linemodel.py`).
Inference is pure Python: a sum of weights per line.
"""

from __future__ import annotations

import json
import math
import re
from bisect import bisect_right
from collections import Counter
from functools import cache
from importlib import resources
from itertools import repeat

from generator.rules import all_stopwords

WINDOW = 3  # lines either side counted as context
DECIDED_SCORE = 0.02  # stage-1 score given to lines the lexicon decided (not scored)
GAP = 3  # other lines allowed between two text lines of one cluster
_WORD = re.compile(r"[^\W\d_]+")
_TERMINAL = re.compile(r"[.!?…。！？]['\"”’»)\]]*$")
_INNER_STOP = re.compile(r"[.!?…。！？]['\"”’»)]*\s+\S")
_SEPARATORS = re.compile(r"\s[|•·›»/]\s|\s[|•·›»]|[|•·›»]\s")
_URLISH = re.compile(r"https?://|www\.|@\w|\.com\b", re.IGNORECASE)
_DIGIT = re.compile(r"\d")
_BULLET = re.compile(r"^(?:[-–—•*·▪►]|\d{1,2}[.)])\s")

_LEN_BINS = (5, 10, 20, 35, 60, 100, 160, 250, 400)
_POS_BINS = (0.05, 0.15, 0.3, 0.5, 0.7, 0.85, 0.95)
_RATIO_BINS = (0.0001, 0.1, 0.2, 0.3, 0.45)
_PROB_BINS = (0.1, 0.25, 0.4, 0.6, 0.75, 0.9)


def _bin(value: float, bins: tuple[float, ...]) -> int:
    """Return the index of the first bound above value (len(bins) when none)."""
    return bisect_right(bins, value)


@cache
def _stopword_table() -> dict[str, frozenset[str]]:
    return all_stopwords()


def guess_language(texts: list[str]) -> str | None:
    """Return the language whose stopwords a page uses most, or None when none fits."""
    counts: Counter[str] = Counter()
    table = _stopword_table()
    words = Counter(_WORD.findall(" ".join(texts).casefold()))
    if not words:
        return None
    for lang, stops in table.items():
        counts[lang] = sum(words[w] for w in stops if w in words)
    lang, hits = counts.most_common(1)[0] if counts else ("", 0)
    return lang if hits >= max(3, 0.05 * words.total()) else None


class _Line:
    """The per-line measurements the features are built from."""

    __slots__ = ("chars", "dup", "lex", "sentence", "short", "stop", "tokens", "words")

    def __init__(self, text: str, stops: frozenset[str], lex: bool, dup: bool) -> None:
        self.chars = len(text)
        self.sentence = bool(_TERMINAL.search(text))
        # Lines the lexicon decided are only context: their words are not needed.
        words = [] if lex else _WORD.findall(text)
        self.tokens = words
        self.words = len(words)
        hits = sum(1 for w in words if w.casefold() in stops) if stops else 0
        self.stop = hits / len(words) if words and stops else -1.0
        self.short = self.chars < 40 and not self.sentence
        self.lex = lex
        self.dup = dup


def _local(text: str, m: _Line, pos: float) -> list[str]:
    """Name the cues of one line on its own."""
    f = [f"len{_bin(m.chars, _LEN_BINS)}", f"pos{_bin(pos, _POS_BINS)}"]
    if m.stop < 0:
        f.append("stop-unknown")
    else:
        f.append(f"stop{_bin(m.stop, _RATIO_BINS)}")
        f.append(f"stop{_bin(m.stop, _RATIO_BINS)}-len{_bin(m.chars, _LEN_BINS)}")
    f.append("end-sentence" if m.sentence else "end-open")
    f.append(f"end{int(m.sentence)}-len{_bin(m.chars, _LEN_BINS)}")
    inner = len(_INNER_STOP.findall(text))
    f.append(f"inner{min(inner, 3)}")
    if text.endswith(":"):
        f.append("end-colon")
    if m.words:
        caps = sum(1 for w in m.tokens if w[0].isupper()) / m.words
        f.append(f"caps{_bin(caps, (0.2, 0.5, 0.8, 0.99))}")
        if m.words >= 2 and text.upper() == text:
            f.append("all-caps")
    digits = len(_DIGIT.findall(text)) / max(1, m.chars)
    f.append(f"digits{_bin(digits, (0.0001, 0.1, 0.3))}")
    if _SEPARATORS.search(text):
        f.append("separators")
    if _URLISH.search(text):
        f.append("urlish")
    if _BULLET.match(text):
        f.append("bullet")
    if text[:1].islower():
        f.append("starts-lower")
    if "," in text:
        f.append("comma")
    if m.dup:
        f.append("duplicate")
    if m.lex:
        f.append("lexicon")
    return f


def _clusters(ms: list[_Line]) -> tuple[list[int], list[float], int, int]:
    """Group text-like lines into clusters (gaps of at most GAP other lines).

    Return the cluster of every line (-1 for none), each cluster's share of the page's text,
    and the first and last line of the biggest cluster: the likely article.
    """
    text_like = [m.sentence and m.chars >= 60 and not m.lex for m in ms]
    cluster = [-1] * len(ms)
    weight: list[float] = []
    bounds: list[tuple[int, int]] = []
    last = -GAP - 2
    for k, m in enumerate(ms):
        if not text_like[k]:
            continue
        if k - last > GAP + 1 or not weight:
            weight.append(0.0)
            bounds.append((k, k))
        weight[-1] += m.chars
        bounds[-1] = (bounds[-1][0], k)
        for j in range(max(last + 1, bounds[-1][0]), k + 1):
            cluster[j] = len(weight) - 1
        last = k
    total = sum(weight) or 1.0
    shares = [w / total for w in weight]
    if not weight:
        return cluster, shares, len(ms), -1
    main = max(range(len(weight)), key=weight.__getitem__)
    return cluster, shares, bounds[main][0], bounds[main][1]


def _region(k: int, cluster: list[int], shares: list[float], first: int, last: int) -> list[str]:
    """Name where a line stands relative to the page's text clusters."""
    if first <= k <= last:
        place = "in-main"
    elif k < first:
        place = f"before-main{_bin(first - k, (2, 4, 8, 16))}"
    else:
        place = f"after-main{_bin(k - last, (2, 4, 8, 16))}"
    share = shares[cluster[k]] if cluster[k] >= 0 else 0.0
    return [place, f"cluster-share{_bin(share, (0.0001, 0.05, 0.15, 0.4, 0.7))}"]


def _context(ms: list[_Line], k: int) -> list[str]:
    """Name the cues of a line's neighbours."""
    n = len(ms)
    lo, hi = max(0, k - WINDOW), min(n, k + WINDOW + 1)
    shorts = sum(1 for j in range(lo, hi) if j != k and ms[j].short)
    longs = sum(1 for j in range(lo, hi) if j != k and ms[j].sentence and ms[j].chars >= 80)
    lexs = sum(1 for j in range(lo, hi) if j != k and ms[j].lex)
    f = [f"ctx-short{shorts}", f"ctx-long{longs}", f"ctx-lex{min(lexs, 3)}"]
    prev = ms[k - 1] if k > 0 else None
    nxt = ms[k + 1] if k + 1 < n else None
    for name, other in (("prev", prev), ("next", nxt)):
        if other is None:
            f.append(f"{name}-none")
        elif other.lex:
            f.append(f"{name}-lex")
        else:
            f.append(f"{name}-len{_bin(other.chars, (20, 60, 120))}-s{int(other.sentence)}")
    me = ms[k]
    if prev is not None and nxt is not None and prev.chars >= 80 and nxt.chars >= 80 \
            and prev.sentence and nxt.sentence:
        f.append(f"between-paragraphs-len{_bin(me.chars, (20, 60, 120))}")
    # Distance to the nearest long sentence line, either way.
    dist = WINDOW * 3 + 1
    for d in range(1, WINDOW * 3 + 1):
        if (k - d >= 0 and ms[k - d].sentence and ms[k - d].chars >= 80) or \
                (k + d < n and ms[k + d].sentence and ms[k + d].chars >= 80):
            dist = d
            break
    f.append(f"dist{_bin(dist, (2, 3, 5, 8))}")
    return f


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
    lang = guess_language(texts)
    stops = _stopword_table().get(lang or "", frozenset())
    seen = Counter(t for t in texts if t)
    idx = [i for i, t in enumerate(texts) if t]
    ms = [_Line(texts[i], stops, lexicon[i], seen[texts[i]] > 1) for i in idx]
    n = max(1, len(idx) - 1)
    cluster, shares, first, last = _clusters(ms)
    return idx, [[] if ms[k].lex else _local(texts[i], ms[k], k / n) + _context(ms, k)
                 + _region(k, cluster, shares, first, last) for k, i in enumerate(idx)]


def stage2_all(probs: list[float]) -> list[list[str]]:
    """Name the stage-2 cues of every non-blank line from the stage-1 scores."""
    n = len(probs)
    before = [0.0] * n  # best score above each line
    after = [0.0] * n  # best score below each line
    for k in range(1, n):
        before[k] = max(before[k - 1], probs[k - 1])
    for k in range(n - 2, -1, -1):
        after[k] = max(after[k + 1], probs[k + 1])
    return [stage2_features(probs, k, before[k], after[k]) for k in range(n)]


def stage2_features(probs: list[float], k: int, before: float, after: float) -> list[str]:
    """Name the cues drawn from the stage-1 scores around line k (of the non-blank lines)."""
    n = len(probs)
    f = []
    for name, j in (("p-prev", k - 1), ("p-next", k + 1), ("p-prev2", k - 2), ("p-next2", k + 2)):
        f.append(f"{name}{_bin(probs[j], _PROB_BINS)}" if 0 <= j < n else f"{name}-none")
    window = [probs[j] for j in range(max(0, k - WINDOW), min(n, k + WINDOW + 1)) if j != k]
    mean = sum(window) / len(window) if window else 0.0
    f.append(f"p-win{_bin(mean, _PROB_BINS)}")
    f.append(f"p-self{_bin(probs[k], _PROB_BINS)}")
    f.append(f"p-max-before{_bin(before, _PROB_BINS)}-after{_bin(after, _PROB_BINS)}")
    return f


def _logistic(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def score(feats: list[str], w: dict[str, float]) -> float:
    """Return the probability a line is article text from its feature names."""
    return _logistic(w.get("bias", 0.0) + sum(map(w.get, feats, repeat(0.0))))


def line_scores(texts: list[str], lexicon: list[bool],
                model: tuple[dict[str, float], dict[str, float]] | None = None) -> list[float]:
    """Return, for every line, the probability it is article text (0.0 for blank lines)."""
    w1, w2 = model or weights()
    idx, feats = features(texts, lexicon)
    p1 = [score(f, w1) if f else DECIDED_SCORE for f in feats]
    out = [0.0] * len(texts)
    f2 = stage2_all(p1)
    for k, i in enumerate(idx):
        if feats[k]:
            out[i] = score(feats[k] + f2[k], w2)
    return out
