"""Label every line of a dump: article text or boilerplate, each with the rule that decided.

The cleaner works in passes over the lines of one document:
1. lexicon: phrases and shapes that are boilerplate (or image, source, date, byline) anywhere;
2. related blocks: a "Bài liên quan" / "Lire aussi" header drops the teasers under it, and a
   row of datelines between teaser titles is dropped with them;
3. anchors: lines that are surely article paragraphs (long, sentence-like, scored as text by
   the line model); runs of them far from the article or under a block header are sidebars;
4. structure: the headline is found above the first anchor, the article runs from there to the
   last anchor and on to the first end marker; what lies outside is site chrome;
5. lists: a list the article began (numbered, or lines of one shape) runs on past its end.
When in doubt a line is kept: losing article text is worse than keeping a stray line.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache
from itertools import pairwise
from typing import TYPE_CHECKING

from generator import linemodel
from generator.dates import beside_date, find_date, is_dateline, is_timeline, may_hold_date
from generator.models import KEPT_LABELS, Label, Line, Problem, RawDoc
from generator.rules import Lexicon, lexicon

if TYPE_CHECKING:  # learn uses is_anchor: paragraphs are never learned
    from generator.learn import Learned

ANCHOR_MIN_CHARS = 80  # a paragraph this long and sentence-like is surely article text
TITLE_MAX_CHARS = 250
TEASER_MAX_CHARS = 300  # longer lines end a related-articles block
CAPTION_MAX_CHARS = 400
BYLINE_MAX_CHARS = 60
BYLINE_WITHIN = 4  # a name in capitals this close under the text signs it; further down, a menu
DATELINE_MAX_CHARS = 140
TITLE_SEARCH_LINES = 6  # undecided lines looked at above the first paragraph for the headline
HEADED_SEARCH_LINES = 25  # ... and, for a headline signed by a byline or a dateline under it
STANDFIRST_MIN_WORDS = 8  # a line this long right under the headline is its standfirst
STANDFIRST_WORDS = 15  # a title-like line this long is rather a standfirst than a headline
ANCHOR_MIN_SCORE = 0.15  # an anchor must also look like article text to the line model
COMMENT_RULE = "/comment-counter"  # lexicon group of comment headers and counters
LEARNED_MAX_CHARS = 400  # longer lines are never learned (generator.learn.MAX_LINE_CHARS)
LEARNED_RULE = "learned/"  # rules of lines learned as an outlet's boilerplate (generator.learn)
MODEL_MIN_LINES = 8  # the line model drops lines only in dumps with this many non-blank lines
CHROME_MAX_SCORE = 0.1  # a line inside the article scored below this is site chrome
CHROME_RULE = "model/chrome"  # rule of the lines the line model drops (with their score)
SUBHEAD_RUN = 5  # at most this many lines dropped by the line model between two paragraphs
CLUSTER_GAP = 15  # this many non-blank lines between two paragraphs part two runs of text
HEADER_MIN_SHARE = 0.15  # a run under a block header lighter than this share is teaser cards
HEADER_MAX_CHARS = 40  # a longer related line carries its teaser: "Read also: <title>"
_BLOCK_HEADERS = ("/related-header", "/section-promo")
CLUSTER_MIN_SHARE = 0.4  # a run of paragraphs lighter than this share of the heaviest is not
# the article (a sidebar quote, a teaser above the headline)

Model = tuple[dict[str, float], dict[str, float]]  # line-model weights (stage 1, stage 2)

_SENTENCE_ENDS = frozenset(".!?…。！？:;»\"”’)]」』")  # a sentence's last character, spaces aside
_SENTENCE_INSIDE = re.compile(r"[.!?…]\s+\S|[。！？]\S")  # (no space after a CJK full stop)
_WORD = re.compile(r"\w+")
_CJK = re.compile("[\u3040-\u9fff\uac00-\ud7af]")
_PARTICLES = frozenset(["de", "du", "des", "la", "le", "van", "von", "der", "da", "do", "dos",
                        "di", "del", "bin", "al", "el", "y", "e", "and", "et", "và"])


def norm(text: str) -> str:
    """Fold a line for comparisons: NFC, case-folded, punctuation and spacing removed."""
    return " ".join(_WORD.findall(unicodedata.normalize("NFC", text).casefold()))


Print = tuple[int, int]


def fingerprint(text: str) -> Print:
    """Count two letters of the folded text, several times faster than `norm`: lines with the
    same norm() have the same fingerprint (those letters are word characters, all kept)."""
    folded = unicodedata.normalize("NFC", text).casefold()
    return folded.count("e"), folded.count("n")


def word_count(text: str) -> int:
    """Count words (a CJK character counts as one word)."""
    cjk = 0 if text.isascii() else len(_CJK.findall(text))
    return len(text.split()) + cjk


def is_sentence(text: str) -> bool:
    """Say whether a line reads like running text rather than a label or a title."""
    return text.rstrip()[-1:] in _SENTENCE_ENDS or bool(_SENTENCE_INSIDE.search(text))


MENU_CAPS_SHARE = 0.7  # a long line of capitalised words and no sentence is a menu


def is_anchor(text: str) -> bool:
    """Say whether a line is surely an article paragraph (not a menu run together: "Arab
    Israeli Conflict Israel News Opinion Middle East Diaspora U.S. Politics ...")."""
    long_enough = len(text) >= ANCHOR_MIN_CHARS or word_count(text) >= 40
    if not long_enough:
        return False
    if is_sentence(text):
        return True
    words = text.split()
    return word_count(text) >= 15 \
        and sum(w[:1].isupper() for w in words) < MENU_CAPS_SHARE * len(words)


def is_title_like(text: str) -> bool:
    """Say whether a line could be a headline."""
    return (
        10 <= len(text) <= TITLE_MAX_CHARS
        and word_count(text) >= 2
        and not text.endswith((":", ";", ","))
        and not text.startswith(("http://", "https://"))
    )


def is_caps_name(text: str) -> bool:
    """Say whether a line is a name in capitals, as Vietnamese outlets sign: "H LAN (TỔNG HỢP)"."""
    if not 0 < len(text) <= BYLINE_MAX_CHARS or text.startswith("("):
        return False  # (a credit in brackets: "(KEYSTONE/EPA/IAN LANGSDON)")
    letters = "".join(filter(str.isalpha, text))
    return (
        len(letters) >= 3
        and sum(map(str.isupper, letters)) >= 0.8 * len(letters)
        and word_count(text) <= 8
        and not text.endswith((".", "!", "?", ":"))
    )


_INITIAL = re.compile(r"(?<!\w)\w\.(?=\s)")  # an initial in a name: "G." in "David G. Maciejewski"


def is_short_name(text: str) -> bool:
    """Say whether a line is a bare personal name, e.g. "Jean Dupont" under the last paragraph."""
    words = text.rstrip(".").split()
    return (
        2 <= len(words) <= 4
        and len(text) <= 40
        and all(w[:1].isupper() for w in words if len(w) > 1 and w.casefold() not in _PARTICLES)
        and not is_sentence(_INITIAL.sub("", text).rstrip("."))  # "David G. Maciejewski"
        # an elided article before a noun is French prose ("L'essentiel du Parisien"); a name
        # keeps its capital after the apostrophe (O'Brien, N'Golo)
        and not any(w[1:2] in ("'", "’") and w[2:3].islower() for w in words)
    )


_NAME_JOIN = re.compile(r"\s+(?:[-–&,/]|và|et|and|y|und|e)\s+|,\s+")


def is_names(text: str) -> bool:
    """Say whether a line is one or a few personal names: "Hoàng Sơn - Thanh Vân"."""
    if len(text) > 80 or ":" in text or not text[:1].isalpha():
        return False  # (a name opens with a letter: "• Download" is a widget)
    parts = _NAME_JOIN.split(text)
    return 0 < len(parts) <= 4 and all(
        is_short_name(p) or (len(p.split()) == 1 and p[:1].isupper() and len(parts) > 1)
        for p in parts)


class _Labels:
    """Labels being decided for one document, with the rule behind each, and facts about its
    lines worked out once: neighbours, counts of non-blank lines, folded texts."""

    def __init__(self, texts: list[str]) -> None:
        self.texts = texts
        self.label: list[Label | None] = [None] * len(texts)
        self.rule: list[str] = [""] * len(texts)
        self.before: list[int | None] = []  # the nearest non-blank line above each line
        self.filled = [0]  # the non-blank lines above each line (and, last, in all)
        last = None
        for i, text in enumerate(texts):
            self.before.append(last)
            self.filled.append(self.filled[-1] + 1 if text else self.filled[-1])
            last = i if text else last
        self.after: list[int | None] = [None] * len(texts)  # the nearest one below
        last = None
        for i in range(len(texts) - 1, -1, -1):
            self.after[i] = last
            last = i if texts[i] else last
        self._keys: list[str | None] = [None] * len(texts)
        self._prints: list[Print | None] = [None] * len(texts)

    def set(self, i: int, label: Label, rule: str) -> None:
        self.label[i] = label
        self.rule[i] = rule

    def free(self, i: int) -> bool:
        """Say whether line i is non-blank and not yet decided."""
        return self.label[i] is None and bool(self.texts[i])

    def after_image(self, i: int) -> bool:
        """Say whether the non-blank line above line i is an image (line i is its caption)."""
        prev = self.before[i]
        return prev is not None and self.label[prev] == "image"

    def next_nonblank(self, i: int) -> int | None:
        return self.after[i]

    def filled_between(self, a: int, b: int) -> int:
        """Count the non-blank lines strictly between lines a and b."""
        return max(0, self.filled[b] - self.filled[a + 1])

    def key(self, i: int) -> str:
        """Return norm() of line i."""
        if (key := self._keys[i]) is None:
            key = self._keys[i] = norm(self.texts[i])
        return key

    def print(self, i: int) -> Print:
        """Return the fingerprint of line i."""
        if (found := self._prints[i]) is None:
            found = self._prints[i] = fingerprint(self.texts[i])
        return found

    def is_norm(self, i: int, key: str, print_: Print | None) -> bool:
        """Say whether norm() of line i is key, of fingerprint print_ (tested first)."""
        return self.print(i) == print_ and self.key(i) == key

    def same(self, i: int, j: int) -> bool:
        """Say whether lines i and j have the same norm()."""
        return self.print(i) == self.print(j) and self.key(i) == self.key(j)


def forget_lines() -> None:
    """Empty the caches of per-line decisions and measurements (kept across the dumps of one
    process: menus and footers recur), so that a benchmark measures dumps not seen before."""
    _lexicon_decision.cache_clear()
    linemodel.forget_lines()


_DECORATION = "»«›‹>•·|*-–— "  # arrows and bullets a menu item is dressed in


@lru_cache(maxsize=1 << 10)  # a worker's menus and footers; more only costs memory
def _lexicon_decision(text: str) -> tuple[Label, str] | None:
    """Return (label, rule) when phrases and shapes decide a non-blank line alone.

    Cached by text: menus, prompts and footers recur across the dumps of a build.
    """
    lex = lexicon()
    if lex.image_file.fullmatch(text):
        return "image", "image-file"
    if lex.source_url(text):
        return "source", "source-link"
    if (found := lex.related.match(text)) is not None:
        return "boilerplate", found[0]
    if is_dateline(text):
        return "date", "dateline"
    if (found := lex.relative_date.match(text)) is not None:
        return "date", found[0]
    if len(text) <= DATELINE_MAX_CHARS and may_hold_date(text, year=True) \
            and (lead := lex.dateline_lead.search(text)) \
            and (hit := find_date(text[lead.end():])) and hit.year is not None:
        return "date", "dateline-with-author"  # "Ouest-France Mathieu Le Goff. Publié le ..."
    if (found := lex.boilerplate.match(text)) is not None:
        return "boilerplate", found[0]
    if lex.bare_url.fullmatch(text):
        return "boilerplate", "bare-url"
    bare = text.strip(_DECORATION)
    if bare != text and bare and (found := lex.boilerplate.match(bare)) is not None:
        return "boilerplate", found[0]  # "» Publicidade", "• Advertisement •"
    return None


def _lexicon_pass(doc: _Labels, lex: Lexicon) -> list[int]:
    """Label what phrases and shapes decide alone; return the related-block headers."""
    headers: list[int] = []
    seen_source = False
    for i, text in enumerate(doc.texts):
        if not text:
            doc.set(i, "boilerplate", "blank")
            continue
        decision = _lexicon_decision(text)
        if decision is None:
            continue
        label, rule = decision
        if label == "source":
            label = "source" if not seen_source else "boilerplate"
            seen_source = True
        elif rule.endswith("/related-header"):
            headers.append(i)
        doc.set(i, label, rule)
    return headers


DATE_LIST_GAP = 3  # at most this many lines between the dates of a list of teasers
DATE_LIST_MIN = 3  # this many dates so close together are teasers' dates, not the article's


def _teaser_dates(doc: _Labels) -> None:
    """Drop the dates of a list of teasers (title, date, title, date, ...): a row of datelines
    a few lines apart is no article's own date, and must not be taken for it."""
    dates = [i for i, lab in enumerate(doc.label) if lab == "date"]
    row: list[int] = []
    for i in [*dates, None]:
        if i is not None and row and 0 < doc.filled_between(row[-1], i) <= DATE_LIST_GAP \
                and not any(is_anchor(doc.texts[k]) for k in range(row[-1] + 1, i)):
            row.append(i)  # only titles between: a paragraph ends the row
            continue
        if len(row) >= DATE_LIST_MIN:
            for k in row:
                doc.set(k, "boilerplate", "structure/teaser-date")
        row = [i] if i is not None else []


TIMELINE_RULE = "dateline-time"  # rule of a clock time alone under a dateline without one


def _dateline_times(doc: _Labels) -> None:
    """Take a clock time alone on the line under a dateline without one as that dateline's
    time: "Chủ nhật, ngày 08 tháng 12 năm 2024" over "16:02 (GMT +7)"."""
    for i, label in enumerate(doc.label):
        if label != "date" or (j := doc.after[i]) is None or not doc.free(j):
            continue
        if is_timeline(doc.texts[j]) and (hit := find_date(doc.texts[i])) and hit.hour is None:
            doc.set(j, "date", TIMELINE_RULE)


def _related_blocks(doc: _Labels, headers: list[int], lex: Lexicon) -> None:
    """Drop the teasers under each related header: titles, each with an optional blurb and
    photo (its file name, its caption with a credit)."""

    def photo(j: int) -> bool:
        """Say whether line j is a photo's file name or a caption with a credit."""
        text = doc.texts[j]
        return doc.label[j] == "image" or (doc.free(j) and len(text) <= CAPTION_MAX_CHARS
                                           and lex.split_credit(text)[1] is not None)

    for h in headers:
        if len(doc.texts[h]) > 40 and (":" in doc.texts[h] or "|" in doc.texts[h]):
            continue  # "Lire aussi : <teaser title>" carries its teaser on the same line
        j = first = doc.next_nonblank(h)
        took_title = False
        taken: list[int] = []  # the teasers' lines dropped so far
        resumed = None  # the article's paragraph that ends the block
        while j is not None:
            text = doc.texts[j]
            if photo(j):  # a teaser's photo when a teaser's title follows (else the article's)
                photos = [j]
                while (k := doc.next_nonblank(photos[-1])) is not None and photo(k):
                    photos.append(k)
                if k is None or not doc.free(k) or is_sentence(doc.texts[k]):
                    break
                for p in photos:
                    doc.set(p, "boilerplate", "structure/related-block")
                j = k
                continue
            if doc.label[j] is not None and doc.label[j] != "boilerplate":
                break
            if len(text) > TEASER_MAX_CHARS:
                resumed = j
                break
            if doc.free(j):  # the first teaser's title may ask ("Tại sao ...?")
                title_like = not is_sentence(text) or (j == first and _question_headline(text))
                if not title_like and not took_title:
                    resumed = j
                    break
                after = doc.next_nonblank(j)
                if not title_like and after is not None and doc.free(after) \
                        and is_sentence(doc.texts[after]) and not photo(after):
                    resumed = j
                    break  # the article resumes: this sentence is body, not a teaser blurb
                doc.set(j, "boilerplate", "structure/related-block")
                taken.append(j)
                took_title = title_like
            j = doc.next_nonblank(j)
        if resumed is not None:
            _subheading_back(doc, taken, resumed)


SUBHEAD_MAX_WORDS = 4  # a line this short closing a related block over a paragraph heads it


def _subheading_back(doc: _Labels, taken: list[int], resumed: int) -> None:
    """Give the article back the last line taken as a teaser when it is a short title right
    over the paragraph where the article resumes: its subheading ("Nga-Ukraine", "L'opposition
    boycotte"), not another teaser."""
    last = doc.texts[taken[-1]] if len(taken) >= 2 else ""
    if last and is_anchor(doc.texts[resumed]) and not is_sentence(last) and ":" not in last \
            and word_count(last) <= SUBHEAD_MAX_WORDS and last.upper() != last:
        doc.set(taken[-1], "body", "structure/subheading")  # (not a label: "BREAKING",
        # "Photo: Getty Images")


def _find_title(doc: _Labels, lex: Lexicon, first_anchor: int, hint: str | None) -> int | None:
    """Find the headline: the title-like line closest above the first paragraph.

    Bylines, names and the caption under a photo between headline and paragraph are passed over.
    Past a few lines (photo galleries, share and video boxes), only a line signed by a byline
    or a dateline under it is still a candidate; a signed one sharing words with the lead wins.
    A line learned as the outlet's boilerplate is a candidate only when it shares two words
    with the lead or recurs at the foot of this dump: it is this article's headline, seen as a
    teaser in the outlet's other dumps.
    """
    if hint:
        wanted, wanted_print = norm(hint), fingerprint(hint)
        for i in range(len(doc.texts)):
            if (doc.free(i) or doc.rule[i].startswith(LEARNED_RULE)) \
                    and doc.is_norm(i, wanted, wanted_print):
                return i
    candidates: list[int] = []
    fallback = None
    skipped = 0
    lead: list[set[str]] = []  # the lead's words, found when first needed

    def lead_words() -> set[str]:
        if not lead:
            lead.append(_content_words(" ".join(doc.texts[first_anchor:first_anchor + 3])))
        return lead[0]

    headed: set[int] = set()  # candidates signed by a byline or a dateline right under them
    for i in range(first_anchor - 1, -1, -1):
        text = doc.texts[i]
        far = skipped > TITLE_SEARCH_LINES  # further up, only a headline over its byline or date
        if far and skipped > HEADED_SEARCH_LINES:
            break
        if not far and doc.rule[i].startswith(LEARNED_RULE) and is_title_like(text) and (
                len(_content_words(text) & lead_words()) >= 2 or _recurs_below(doc, i)):
            candidates.append(i)
            skipped += 1
            continue
        if not doc.free(i):
            continue
        skipped += 1
        if lex.byline_name(text) or is_caps_name(text) or doc.after_image(i) \
                or not is_title_like(text) or _loose_dateline(text) or lex.split_credit(text)[1]:
            continue  # (a caption ending with its photo's credit is no headline either)
        if is_short_name(text):
            fallback = i if fallback is None and not far else fallback
            continue
        signed = _signed(doc, lex, i)
        if signed or not far:
            candidates.append(i)
        if signed:
            headed.add(i)
    if len(candidates) <= 1:
        return candidates[0] if candidates else fallback
    # The headline shares its words with the paragraphs under it; menus and promos do not (a
    # caption may share more: a signed headline sharing any goes first).
    overlap = {i: len(_content_words(doc.texts[i]) & lead_words()) for i in candidates}
    # ties: a signed line, a headline over a standfirst (as many words as a paragraph), then
    # the closest
    best = max(candidates, key=lambda i: (i in headed and overlap[i] > 0, overlap[i],
                                          i in headed,
                                          word_count(doc.texts[i]) < STANDFIRST_WORDS, i))
    above = doc.before[best]  # a standfirst won on its many words: the headline is above it
    if above in overlap and overlap[above] >= 2 and not doc.texts[above].endswith(".") \
            and word_count(doc.texts[best]) >= STANDFIRST_WORDS \
            and word_count(doc.texts[above]) < STANDFIRST_WORDS:
        return above
    return best


def _signed(doc: _Labels, lex: Lexicon, i: int) -> bool:
    """Say whether line i, not a sentence ending with a full stop (a photo's caption), has a
    byline or a dateline among the two lines under it, photo credits aside: a headline's
    signature."""
    if doc.texts[i].endswith("."):
        return False
    j, seen = doc.after[i], 0
    while j is not None and seen < 2:
        text = doc.texts[j]
        if doc.label[j] == "date" or (doc.free(j) and len(text) <= BYLINE_MAX_CHARS and (
                lex.byline_name(text) or lex.published.fullmatch(text.rstrip(" :")))):
            return True  # (a date, a byline, a bare "Publicada" label)
        seen += not (len(text) <= CAPTION_MAX_CHARS and lex.split_credit(text)[1])
        j = doc.after[j]
    return False


def _recurs_below(doc: _Labels, i: int) -> bool:
    """Say whether line i's text comes back further down the dump (a headline at the foot)."""
    return any(doc.same(j, i) for j in range(i + 1, len(doc.texts)) if doc.texts[j])


def _content_words(text: str) -> set[str]:
    """Return the longer words of a text, case-folded: what a headline shares with its lead."""
    return {w for w in _WORD.findall(text.casefold()) if len(w) >= 4}


def _extend(doc: _Labels, lex: Lexicon, plain: list[int], anchors: list[int],
            gap: int = 2) -> list[int]:
    """Add the paragraphs standing close before the first anchor or after the last one; a
    byline or a photo's caption between them does not part them."""
    first, last = anchors[0], anchors[-1]
    before = [j for j in plain if j < first and is_sentence(doc.texts[j])]  # not a headline
    after = [j for j in plain if j > last]
    if not before and not after:
        return sorted(set(anchors))
    free = [0]  # the free lines above each line, bylines and captions aside
    for i, (label, text) in enumerate(zip(doc.label, doc.texts, strict=True)):
        apart = label is None and bool(text) and not (
            doc.after_image(i) or (len(text) <= BYLINE_MAX_CHARS and lex.byline_name(text)))
        free.append(free[-1] + apart)

    def close(a: int, b: int) -> bool:
        return free[b] - free[a + 1] <= gap

    for j in reversed(before):
        if close(j, first):
            first = j
    for j in after:
        if close(last, j):
            last = j
    return sorted(set(anchors) | {j for j in plain if first <= j < anchors[0]}
                  | {j for j in plain if anchors[-1] < j <= last})


def _label_article(doc: _Labels, lex: Lexicon, hint: str | None, probs: list[float]) -> None:
    """Decide every line left after the lexicon and related passes."""
    texts, labels = doc.texts, doc.label
    plain = [i for i, t in enumerate(texts) if t and labels[i] is None and is_anchor(t)]
    anchors = [i for i in plain if probs[i] >= ANCHOR_MIN_SCORE]
    if anchors:  # paragraphs right next to the article's own are article too
        anchors = _extend(doc, lex, plain, anchors)
    anchors = anchors or plain
    if anchors:  # readers' comments follow a comment header: the article ends there
        stop = next((i for i in range(anchors[0] + 1, len(texts))
                     if doc.rule[i].endswith(COMMENT_RULE)), None)
        if stop is not None and _article_above(doc, anchors, stop):
            anchors = [a for a in anchors if a < stop]
    if len(anchors) > 1:
        anchors = _main_run(doc, anchors)
    fallbacks: tuple[Callable[[str], bool], ...] = (  # a short item: sentences, then
        lambda t: is_sentence(t) and word_count(t) >= 5,  # lines of a few words, then anything
        lambda t: word_count(t) >= 3,
        lambda t: True,
    )
    for fits in fallbacks:
        anchors = anchors or [i for i in range(len(texts)) if doc.free(i) and fits(texts[i])]
    if not anchors:
        return
    if not hint and len(anchors) > 1 and is_title_like(texts[anchors[0]]) \
            and (not is_sentence(texts[anchors[0]]) or _dated_headline(doc, anchors[0])):
        anchors = anchors[1:]  # a long headline, not a paragraph: it is found just above
    # the headline is sought above the first paragraph that is no photo's caption with its
    # credit ("... in Littleton, Colo. (AP Photo/David Zalubowski)" in a gallery over the text)
    lead_at = next((a for a in anchors if not lex.split_credit(texts[a])[1]), anchors[0])
    title = _find_title(doc, lex, lead_at, hint)
    if title is None and not hint and len(anchors) > 1 and _question_headline(texts[anchors[0]]):
        title, anchors = anchors[0], anchors[1:]
    a0, a1 = anchors[0], anchors[-1]
    if title is not None:
        doc.set(title, "title", "structure/headline")
        _dateline_by_headline(doc, title)
    _head_datelines(doc, a0)

    start = title if title is not None else a0
    for i in range(start):
        if not doc.free(i):
            continue
        if title is None and doc.filled_between(i, a0) < BYLINE_WITHIN \
                and len(doc.texts[i]) <= BYLINE_MAX_CHARS and lex.byline_name(doc.texts[i]):
            doc.set(i, "byline", "byline")  # over the text of a dump with no headline
        else:
            doc.set(i, "boilerplate", "structure/before-title")

    # The end marker: the first decided line after the last anchor (byline, prompt, footer).
    end = next((i for i in range(a1 + 1, len(texts)) if texts[i] and not doc.free(i)),
               len(texts))
    anchor_set = set(anchors)
    if doc.filled[-1] < MODEL_MIN_LINES:
        probs = [1.0] * len(texts)  # too little context for the line model: keep what is left
    for i in range(start, end):
        if doc.free(i):
            _label_inside(doc, lex, i, (start, a0, a1), 1.0 if i in anchor_set else probs[i])
    _take_back_subheads(doc, a0, a1)
    if title is not None:
        _take_back_standfirst(doc, title, a0)
    after_body = True
    last_kept = max(start, end - 1)
    while last_kept > start and doc.label[last_kept] not in _CONTENT:
        last_kept -= 1
    for i in range(end, len(texts)):
        text = texts[i]
        if not text or doc.label[i] == "source" or (
                doc.label[i] == "date" and _near_after(doc, a1, i, 4)):
            continue
        if after_body and doc.label[i] in (None, "date") and (
            (named := lex.byline_name(text))
            or (is_caps_name(text) and _near_after(doc, last_kept, i, BYLINE_WITHIN))
        ):
            doc.set(i, "byline", "byline" if named else "structure/caps-name")
            continue
        if doc.label[i] != "boilerplate":
            doc.set(i, "boilerplate", "structure/after-article")
        after_body = after_body and doc.rule[i] != "structure/related-block"


ARTICLE_ABOVE_CHARS = 300  # paragraphs this long above a comment header are an article
COMMENTS_AFTER_MAX = 3.0  # shorter ones with this many times more text under the header are a
# standfirst over a share bar's "Comment" button, and the text under it is the article


def _article_above(doc: _Labels, anchors: list[int], stop: int) -> bool:
    """Say whether the paragraphs above a comment header are the article (and those under it
    readers' comments), rather than a standfirst above a share bar."""
    above = sum(len(doc.texts[a]) for a in anchors if a < stop)
    below = sum(len(doc.texts[a]) for a in anchors if a > stop)
    return above >= ARTICLE_ABOVE_CHARS or (above > 0 and below <= COMMENTS_AFTER_MAX * above)


DATELINE_LABEL_WORDS = 4  # words (a section, an author) a dateline by the headline may carry


def _dateline_by_headline(doc: _Labels, title: int) -> None:
    """Take a short line right by the headline holding a date with its year as the dateline,
    whatever few words stand with it: a section ("Đời sống 16/08/2025 20:45"), an author."""
    after = doc.after[title]
    for i in (doc.before[title], after, doc.after[after] if after is not None else None):
        if i is None or not doc.free(i) or len(doc.texts[i]) > DATELINE_MAX_CHARS:
            continue
        text = doc.texts[i]
        if not may_hold_date(text, year=True) or is_sentence(text):
            continue
        hit = find_date(text)
        if hit is not None and hit.year is not None and (i > title or hit.hour is not None) \
                and len(_WORD.findall(beside_date(text))) <= DATELINE_LABEL_WORDS:
            doc.set(i, "date", "structure/dateline-by-headline")  # (above it, with its time:
            # a teaser "Giá vàng hôm nay 12/11/2024" or the date of the day has none)


LOOSE_DATELINE_WORDS = 6  # words a dated line with its clock time over the text may carry


def _head_datelines(doc: _Labels, first_anchor: int) -> None:
    """Take a short line just over the first paragraph holding a date with its year and clock
    time as the dateline, whatever few words stand with it: an author, a place, share buttons
    ("Cristina Núñez Cáceres Lunes, 28 de octubre 2024, 11:18 Comenta Compartir")."""
    seen = 0
    for i in range(first_anchor - 1, -1, -1):
        if not doc.free(i):
            continue
        seen += 1
        if seen > TITLE_SEARCH_LINES:
            return
        if _loose_dateline(doc.texts[i]):
            doc.set(i, "date", "structure/dateline-loose")


def _loose_dateline(text: str) -> bool:
    """Say whether a line is a date with its year and clock time and a few other words."""
    if len(text) > DATELINE_MAX_CHARS or is_sentence(text) or not may_hold_date(text, year=True):
        return False
    hit = find_date(text)
    return hit is not None and hit.year is not None and hit.hour is not None \
        and len(_WORD.findall(beside_date(text))) <= LOOSE_DATELINE_WORDS


def _question_headline(text: str) -> bool:
    """Say whether a first paragraph with no headline above it is one: a single sentence asking
    or exclaiming ("..., quan hệ Trung Quốc-Australia sẽ khác?"), short enough for a title."""
    return is_title_like(text) and text.rstrip(linemodel.CLOSERS)[-1:] in ("?", "!") \
        and _SENTENCE_INSIDE.search(text) is None


def _dated_headline(doc: _Labels, i: int) -> bool:
    """Say whether line i is a headline with its dateline right under it: "Nantes. Un incendie
    ..., douze personnes relogées" over "Publié le 04/03/2024"; no sentence's end closes it."""
    after = doc.after[i]
    return doc.texts[i].rstrip()[-1:] not in _SENTENCE_ENDS and after is not None \
        and doc.label[after] == "date"


def _main_run(doc: _Labels, anchors: list[int]) -> list[int]:
    """Keep the runs of paragraphs that weigh like the article's: a run ends where many lines
    stand between two paragraphs; runs far lighter than the heaviest are sidebars. Paragraphs
    under a block header ("Most read", "Related") that weigh little are teaser cards."""
    runs: list[list[int]] = [[anchors[0]]]
    headed: list[bool] = [False]  # whether the run begins under a block header
    for a, b in pairwise(anchors):
        if doc.filled_between(a, b) >= CLUSTER_GAP:
            runs.append([])
            headed.append(False)
        elif any(doc.rule[k].endswith(_BLOCK_HEADERS) and len(doc.texts[k]) <= HEADER_MAX_CHARS
                 for k in range(a + 1, b)):
            runs.append([])
            headed.append(True)
        runs[-1].append(b)
    if len(runs) == 1:
        return anchors
    own = [sum(len(doc.texts[i]) for i in run) for run in runs]
    weights = own[:]  # a run counts with the runs under headers below it
    for k in range(len(runs) - 1, 0, -1):
        if headed[k]:
            weights[k - 1] += weights[k]
    heaviest = max(weights)
    # text that resumes under more than one header is an article broken by boxes ("Don't
    # miss", "Trending"): its runs are all kept
    floor = HEADER_MIN_SHARE * heaviest if sum(headed) == 1 else 0
    return [i for run, w, o, head in zip(runs, weights, own, headed, strict=True)
            if (o >= floor if head else w >= CLUSTER_MIN_SHARE * heaviest) for i in run]


def _next_to_date(doc: _Labels, i: int) -> bool:
    """Say whether the non-blank line before or after line i is a dateline."""
    before, after = doc.before[i], doc.after[i]
    return (before is not None and doc.label[before] == "date") \
        or (after is not None and doc.label[after] == "date")


def _near_after(doc: _Labels, anchor: int, i: int, within: int = 3) -> bool:
    """Say whether line i is among the first non-blank lines after the anchor line."""
    return doc.filled_between(anchor, i) < within


def _label_inside(doc: _Labels, lex: Lexicon, i: int, bounds: tuple[int, int, int],
                  prob: float) -> None:
    """Label a free line inside the article (from its headline or first paragraph, through its
    first and last paragraphs): byline, caption or body."""
    text = doc.texts[i]
    start, first_anchor, last_anchor = bounds
    if doc.after_image(i) and len(text) <= CAPTION_MAX_CHARS:
        doc.set(i, "caption", "structure/after-image")
    elif len(text) <= CAPTION_MAX_CHARS and lex.split_credit(text)[1]:
        doc.set(i, "caption", "photo-credit")
    elif lex.credit_alone(text):  # a credit on its own line: its photo's, under its caption
        prev = doc.before[i]
        if prev is not None and doc.label[prev] in ("image", "caption"):
            doc.set(i, "caption", "photo-credit")
        else:  # the credit of a photo the dump lacks
            doc.set(i, "boilerplate", "structure/credit-alone")
    elif len(text) <= BYLINE_MAX_CHARS and lex.byline_name(text):
        doc.set(i, "byline", "byline")
    elif (_heads(doc, start, first_anchor, i) or _next_to_date(doc, i)
          or (i > last_anchor and _near_after(doc, last_anchor, i))) \
            and (is_caps_name(text) or is_names(text)):
        doc.set(i, "byline", "structure/caps-name" if is_caps_name(text) else "structure/name")
    elif prob < CHROME_MAX_SCORE:
        doc.set(i, "boilerplate", f"{CHROME_RULE} p={prob:.2f}")
    else:
        doc.set(i, "body", "structure/article-text")


def _heads(doc: _Labels, start: int, first_anchor: int, i: int) -> bool:
    """Say whether line i stands in the article's head, where bylines go: close under the
    headline or right over the first paragraph (video and promo boxes may stand between)."""
    return i < first_anchor and (_near_after(doc, start, i, BYLINE_WITHIN)
                                 or doc.filled_between(i, first_anchor) < 2)


_LIST_ITEM = re.compile(r"(\d{1,3})[.)]\s+\S")  # "1) Lego ...", "2. Le ..."
LIST_GAP = 2  # lines (a link, a price) that may stand between two items of a list
_TAKEN_BACK = ("structure/after-article", "structure/outside-article", CHROME_RULE, "bare-url")


def _continue_list(doc: _Labels) -> None:
    """Take back the rest of a numbered list the article began: items numbered on from its last
    kept item, the few lines between them (dropped only by structure or as bare links), and the
    same lines after the last item when every item has them (its link)."""
    labels, texts, rules = doc.label, doc.texts, doc.rule
    items = [(i, int(m[1])) for i, lab in enumerate(labels)
             if lab == "body" and (m := _LIST_ITEM.match(texts[i]))]
    if not items:
        return
    last, n = items[-1]
    between: list[int] = []
    gaps: set[tuple[str, ...]] = set()  # the rules of the lines between two items
    for j in range(last + 1, len(texts)):
        if not texts[j]:
            continue
        if not rules[j].startswith(_TAKEN_BACK):
            break
        m = _LIST_ITEM.match(texts[j])
        if m and int(m[1]) == n + 1:
            n, last = n + 1, j
            gaps.add(tuple(rules[k] for k in between))
            for k in (*between, j):
                doc.set(k, "body", "structure/list-continued")
            between = []
        elif len(between) < LIST_GAP:
            between.append(j)
        else:
            break
    if len(gaps) == 1:
        (gap,) = gaps
        tail = between[:len(gap)]
        if gap and tuple(rules[k] for k in tail) == gap:
            for k in tail:
                doc.set(k, "body", "structure/list-continued")


_SHAPE_MARK = re.compile(r"[^\w\s,.'’]")  # a list item's telling mark: "Q:", "Oct. 9 – Irving"
SHAPE_AT = 40  # the mark must stand within this many characters of the line's start
SHAPE_RUN = 3  # kept lines of one shape in a row make a list


def _shape(text: str) -> str:
    """Return a line's list shape: its first mark near the start ("" when it has none)."""
    m = _SHAPE_MARK.search(text, 1, SHAPE_AT)
    return m[0] if m else ""


def _continue_shape(doc: _Labels) -> None:
    """Take back dropped lines shaped like the list of kept lines right above them."""
    labels, rules = doc.label, doc.rule
    shape, run = "", 0  # the shape of the last kept line, and how many in a row have it
    for i, text in enumerate(doc.texts):
        if not text:
            continue
        if labels[i] == "body":
            found = _shape(text)
            run = run + 1 if found == shape else 1
            shape = found
        elif run >= SHAPE_RUN and shape and rules[i].startswith(_TAKEN_BACK) \
                and _shape(text) == shape:
            doc.set(i, "body", "structure/list-shaped")
        else:
            shape, run = "", 0


def _take_back_standfirst(doc: _Labels, title: int, a0: int) -> None:
    """Keep the line right under the headline that the line model dropped when it is long
    enough to be the standfirst ("Nuit éternelle•Le vent a soufflé fort ... en Ille-et-Vilaine",
    a kicker glued to it and no full stop)."""
    i = doc.after[title]
    if i is None or i >= a0 or not doc.rule[i].startswith(CHROME_RULE):
        return
    text = doc.texts[i]
    words = _WORD.findall(text)
    if len(words) >= STANDFIRST_MIN_WORDS and not may_hold_date(text, year=True) \
            and sum(w[0].isupper() for w in words[1:]) < 0.4 * len(words):
        doc.set(i, "body", "structure/standfirst")  # (not a dated byline, not Title Case)


def _take_back_subheads(doc: _Labels, a0: int, a1: int) -> None:
    """Keep a short run of lines the line model dropped between two kept paragraphs: a
    subheading, a list (ingredients, tour dates), a question and its answer."""
    labels, texts = doc.label, doc.texts
    run: list[int] = []
    for i in range(a0 + 1, a1 + 1):
        if not texts[i]:
            continue
        if doc.rule[i].startswith(CHROME_RULE):
            run.append(i)
            continue
        if run and labels[i] == "body" and len(run) <= SUBHEAD_RUN:
            before = doc.before[run[0]]
            if before is not None and labels[before] == "body":
                for k in run:
                    doc.set(k, "body", "structure/subheading")
        run = []


def _finish(doc: _Labels) -> None:
    """Mark the lead, drop repeats of the headline and duplicated paragraphs."""
    labels = doc.label
    title = next((i for i, lab in enumerate(labels) if lab == "title"), None)
    title_key, title_print = (doc.key(title), doc.print(title)) if title is not None else ("", None)
    seen: dict[Print, list[int]] = {}  # the kept lines so far, by fingerprint
    lead_done = False
    for i, lab in enumerate(labels):
        if lab not in _FINISHED:
            continue
        if lab != "lead" and title_key and doc.is_norm(i, title_key, title_print):
            doc.set(i, "boilerplate", "structure/title-repeated")
        elif lab in ("body", "caption") and _repeats(doc, seen, i) and len(doc.key(i)) > 20:
            doc.set(i, "boilerplate", "structure/duplicate")
        elif lab == "body" and not lead_done and is_sentence(doc.texts[i]) \
                and len(doc.texts[i]) >= 40:
            doc.set(i, "lead", "structure/first-paragraph")
            lead_done = True
        if lab in ("body", "lead", "caption", "date"):  # (a dateline's copy is no paragraph)
            seen.setdefault(doc.print(i), []).append(i)
    if title is not None:
        texts = doc.texts
        for i in range(title + 1, len(labels)):
            if labels[i] == "boilerplate" and (texts[i] or not title_key) \
                    and doc.is_norm(i, title_key, title_print):  # norm("") is ""
                doc.rule[i] = "structure/title-repeated"


_CONTENT = frozenset(["body", "caption", "title"])  # labels of the article's own text
_FINISHED = frozenset(["body", "caption", "byline", "date", "lead"])  # labels _finish looks at


def _repeats(doc: _Labels, seen: dict[Print, list[int]], i: int) -> bool:
    """Say whether line i has the norm() of one of the lines seen (listed by fingerprint)."""
    return any(doc.same(i, j) for j in seen.get(doc.print(i), ()))


def lexicon_decided(texts: list[str]) -> list[bool]:
    """Say for each line whether the lexicon and related-block passes decide it alone."""
    doc = _Labels(texts)
    lex = lexicon()
    _related_blocks(doc, _lexicon_pass(doc, lex), lex)
    return [bool(t) and lab is not None for t, lab in zip(texts, doc.label, strict=True)]


def _learned_pass(doc: _Labels, lex: Lexicon, raw: RawDoc, learned: Learned) -> None:
    """Drop the lines learned as this outlet's boilerplate.

    Bylines, names and paragraphs (anchors) are kept: a paragraph recurring in an outlet's
    dumps is syndicated text, not chrome. A headline recurring as other dumps' teaser is
    taken back by `_find_title`.
    """
    for i, text in enumerate(doc.texts):
        if not doc.free(i) or len(text) > LEARNED_MAX_CHARS or is_anchor(text):
            continue  # (tested first: cheaper than the lookup, which folds the line)
        found = learned.lookup(raw.path, text)
        if found is None or lex.byline_name(text) or is_caps_name(text) or is_short_name(text):
            continue
        doc.set(i, "boilerplate", found.rule)


def clean_lines(raw: RawDoc, title_hint: str | None = None, learned: Learned | None = None,
                model: Model | None = None) -> tuple[Line, ...]:
    """Label every line of a document with one label and the rule that decided it.

    `learned` is the corpus-wide boilerplate from `generator.learn.learn_boilerplate`; `model`
    replaces the shipped line-model weights (for training and cross-validation).
    """
    texts = [line.strip() for line in raw.lines]
    if raw.kind == "markdown":
        return tuple(
            Line(raw.first_line + i, t, "body" if t else "boilerplate",
                 "markdown" if t else "blank")
            for i, t in enumerate(texts)
        )
    lex = lexicon()
    doc = _Labels(texts)
    headers = _lexicon_pass(doc, lex)
    if learned is not None:
        _learned_pass(doc, lex, raw, learned)
    _related_blocks(doc, headers, lex)
    _teaser_dates(doc)
    _dateline_times(doc)
    decided = [bool(t) and lab is not None for t, lab in zip(texts, doc.label, strict=True)]
    probs = linemodel.line_scores(texts, decided, model)
    _label_article(doc, lex, title_hint, probs)
    for i, lab in enumerate(doc.label):
        if lab is None:
            doc.set(i, "boilerplate", "structure/outside-article")
    _continue_list(doc)
    _continue_shape(doc)
    _finish(doc)
    labels: list[Label] = [lab or "boilerplate" for lab in doc.label]
    first = raw.first_line
    return tuple(map(Line, range(first, first + len(texts)), texts, labels, doc.rule))


THIN_SHARE = 0.4  # kept text under this share of the dump's text is worth a look
THIN_CHARS = 300  # kept text under this many characters is worth a look


def thin_warning(raw: RawDoc, lines: tuple[Line, ...]) -> Problem | None:
    """Return a warning when the cleaned article looks cut: under 40% or 300 characters kept."""
    if raw.kind != "text":
        return None
    total = sum(len(ln.text) for ln in lines if ln.text)
    kept = sum(len(ln.text) for ln in lines if ln.label in KEPT_LABELS)
    if total == 0 or (kept >= THIN_CHARS and kept >= THIN_SHARE * total):
        return None
    return Problem(
        raw.path, 0,
        f"only {kept} of {total} characters kept as article text ({kept / total:.0%})",
        "check the labels of this file in build-report.json; add front matter or report a "
        "cleaning rule if article text was dropped")
