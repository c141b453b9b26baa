"""Turn labelled lines into an Article: title, language, time with zone, author, source, body."""

from __future__ import annotations

import re
import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from functools import cache
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import nh3
from slugify import slugify

from generator.clean import TIMELINE_RULE, clean_lines, is_caps_name, thin_warning
from generator.config import Config
from generator.dates import (
    DateHit,
    beside_date,
    date_from_url,
    find_date,
    find_dates,
    is_timeline,
)
from generator.learn import Learned
from generator.models import Article, Block, Figure, Line, Problem, RawDoc
from generator.rules import LANGUAGE_MODULES, lexicon, stopwords

if TYPE_CHECKING:
    import markdown

TITLE_MAX_CHARS = 100  # derived titles are cut at a word boundary below this
SLUG_MAX_CHARS = 80
GUID_NAMESPACE = uuid.UUID("bc29669e-8ad4-5cff-9737-6cb566b5f453")  # uuid5(URL, project page)

# Tags and attributes allowed in Markdown items after sanitising.
ALLOWED_TAGS = {"p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "li",
                "strong", "em", "b", "i", "code", "pre", "a", "img", "figure", "figcaption",
                "table", "thead", "tbody", "tr", "th", "td", "sup", "sub"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "img": {"src", "alt", "title"},
                      "th": {"align"}, "td": {"align"},
                      **{f"h{n}": {"id"} for n in range(1, 7)}}  # ids from _heading_id
PAGE_IDS = frozenset(["main"])  # ids the templates use; a heading never takes one


def _is_page_id(value: str) -> bool:
    """Say whether the templates use an id: "main", or a day heading's "day-2024-11-12"."""
    return value in PAGE_IDS or value.startswith("day-")


def _no_page_id(tag: str, attribute: str, value: str) -> str | None:
    """Drop an id written in raw HTML that the page's templates use (nh3 attribute filter)."""
    return None if attribute == "id" and _is_page_id(value) else value


def _heading_id(text: str, separator: str) -> str:
    """Give a Markdown heading an id that `#...` links can reach, as GitHub does ("tiêu-đề")."""
    from markdown.extensions.toc import slugify_unicode  # imported when Markdown is built

    found = slugify_unicode(text, separator)
    return f"h-{found}" if _is_page_id(found) else found


def safe_url(url: Any) -> str | None:
    """Return an http(s) URL with a host, or None for anything else."""
    if not isinstance(url, str):
        return None
    text: str = url.strip()
    parts = urlsplit(text)
    if parts.scheme.lower() in ("http", "https") and parts.netloc and not re.search(r"\s", text):
        return text
    return None


@cache
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def share_language_model() -> Callable[[], None]:
    """Load the language identifier's model (78 MB) now, before worker processes are forked,
    so that they share this copy instead of each loading its own; return what frees it."""
    _identifier()
    return _identifier.cache_clear


_WORDS = re.compile(r"\w+")


def _by_stopwords(sample: str) -> str | None:
    """Name the language when its stopwords clearly dominate (cheap, for our lexicon languages)."""
    words = Counter(_WORDS.findall(sample.lower()))
    total = sum(words.values())
    if total < 30:
        return None
    counts = sorted(((sum(words[w] for w in words.keys() & stops), lang)
                     for lang, stops in _stopword_sets().items()), reverse=True)
    (best, lang), (second, _) = counts[0], counts[1]
    return lang if best >= 0.1 * total and best >= 1.8 * max(second, 1) else None


@cache
def _stopword_sets() -> dict[str, frozenset[str]]:
    return {lang: stopwords(lang) for lang in sorted(LANGUAGE_MODULES)}


def detect_language(text: str, fallback: str) -> str:
    """Return the ISO 639-1 language of a text; `fallback` when too short or unsure."""
    sample = text[:1500]
    if len(sample.strip()) < 20:
        return fallback
    quick = _by_stopwords(sample)
    if quick:
        return quick
    lang, prob = _identifier().classify(sample)
    return str(lang) if prob >= 0.5 else fallback


def display_author(name: str) -> str:
    """Turn a byline in capitals into a readable name: "H LAN (TỔNG HỢP)" -> "H Lan (tổng hợp)"."""
    name = re.sub(r"\s+", " ", name).strip(" .,-–—")
    if not is_caps_name(name) or (len(name.split()) < 2 and "(" not in name):
        return name
    main, _, rest = name.partition("(")
    words = [w if len(w) == 1 else w[:1] + w[1:].lower() for w in main.split()]
    shown = " ".join(words)
    return f"{shown} ({rest.rstrip(')').strip().lower()})" if rest else shown


def _dateline_author(text: str) -> str | None:
    """Return the author a dateline names beside its date as a byline does ("By Jane Doe -
    Nov 19, 2019"); a bare name there may be a place ("HÀ NỘI, 12/11/2024") and is not taken."""
    rest = beside_date(text)
    name = lexicon().byline_name(rest) if rest else None
    return display_author(name) if name else None


_SENTENCE_BREAK = re.compile(r"(?<=[.!?…])\s+")
_ABBREVIATION = re.compile(  # an initial, "U.S.", a title before a name: "M.", "Mme.", "Dr."
    r"(?:\w|\w+\.\w+|mme|mlle|mgr|mr|mrs|ms|dr|st|ste|me|pr|prof|jr|sr|sra|gen|gov|sen|rep|"
    r"lt|col|capt|sgt|no|nr)\.", re.IGNORECASE)
TITLE_MIN_WORDS = 3  # a shorter first sentence ("10 heures.") goes on with the next one


def derive_title(lead: str, lang: str) -> str:
    """Make a headline from a lead: its first sentence, cut at a word boundary.

    A full stop after a short capitalised word ("M. Legault") is an abbreviation's, not a
    sentence's end; a sentence of fewer than three words is joined to the next.
    """
    text = lead.strip()
    first = text
    for gap in _SENTENCE_BREAK.finditer(text):
        head = text[:gap.start()]
        words = head.split()
        if len(words) >= TITLE_MIN_WORDS and not _ABBREVIATION.fullmatch(words[-1]):
            first = head
            break
    first = first.rstrip(".")
    if len(first) <= TITLE_MAX_CHARS:
        return first
    words = first[:TITLE_MAX_CHARS].rsplit(" ", 1)[0].split()
    small = stopwords(lang)
    while len(words) > 3 and (words[-1].lower() in small or len(words[-1]) <= 2):
        words.pop()
    return " ".join(words).rstrip(",;:") + "…"


def make_slug(text: str) -> str:
    """Return an ASCII URL segment for a title, e.g. "hop-tac-kinh-te"."""
    return slugify(text, max_length=SLUG_MAX_CHARS, word_boundary=True) or ""


def make_guid(raw: RawDoc) -> str:
    """Return a permanent id: front matter `id`, else one derived from the file's name only."""
    given = raw.meta_get("id")
    if given:
        return str(given) if ":" in str(given) else f"urn:newsdigest:{given}"
    stem = PurePosixPath(raw.path).with_suffix("").name
    return f"urn:uuid:{uuid.uuid5(GUID_NAMESPACE, stem)}"


def _meta_date(value: Any, zone_of: Callable[[], Any]) -> datetime | None:
    """Read a front-matter date (TOML/YAML date or datetime, or a string)."""
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=zone_of())
    if isinstance(value, date):
        return datetime.combine(value, time(), zone_of())
    if isinstance(value, str):
        try:
            parsed = datetime.fromisoformat(value.strip())
        except ValueError:
            hit = find_date(value)
            parsed_hit = hit.to_datetime() if hit else None
            if parsed_hit is None:
                raise ValueError(value) from None
            parsed = parsed_hit
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=zone_of())
    raise ValueError(str(value))


_EPOCH = frozenset([(1970, 1, 1), (1969, 12, 31)])  # time 0, shown in UTC or west of it


def _real_date(text: str) -> DateHit | None:
    """Return the first date of a dateline that is not a CMS's empty one: "Publié le 1 janvier
    1970, mis à jour le 7 janvier 2018" (a zero timestamp shown as the Unix epoch)."""
    return next((hit for hit in find_dates(text) if (hit.year, hit.month, hit.day) not in _EPOCH),
                None)


def _time_below(lines: tuple[Line, ...], k: int) -> tuple[int, int, int, timedelta | None] | None:
    """Return the clock time on the line under dateline k when the cleaner joined it there."""
    below = next((line for line in lines[k + 1:] if line.text), None)
    if below is None or below.rule != TIMELINE_RULE:
        return None
    return is_timeline(below.text)


def _published(raw: RawDoc, lines: tuple[Line, ...], source_url: str | None,
               zone_of: Callable[[], Any]) -> tuple[datetime | None, list[Problem]]:
    """Find the publication time: front matter, the best dateline (see `rank`), then the
    source URL."""
    problems: list[Problem] = []
    if raw.meta_get("date") is not None:
        try:
            return _meta_date(raw.meta_get("date"), zone_of), problems
        except ValueError:
            problems.append(Problem(raw.path, 1, f'front-matter date "{raw.meta_get("date")}" '
                                    "is not a date", "write it as 2024-11-12 or 2024-11-12T16:49"))
    url_time = date_from_url(source_url) if source_url else None
    hits: dict[int, DateHit] = {}
    for k, line in enumerate(lines):
        if line.label == "date" and (hit := _real_date(line.text)) is not None:
            if hit.hour is None and (clock := _time_below(lines, k)) is not None:
                hit = replace(hit, hour=clock[0], minute=clock[1], second=clock[2],
                              offset=hit.offset if clock[3] is None else clock[3])
            hits[k] = hit
    lex = lexicon()

    def rank(k: int) -> int:
        """The dateline saying "published" first, then those with a clock time (an update's
        after the others), then dates alone (a site's date of the day has no time)."""
        if lex.published.search(lines[k].text):
            return 0
        if hits[k].hour is None:
            return 3
        return 2 if lex.dateline_lead.search(lines[k].text) else 1

    for k in sorted(hits, key=lambda k: (rank(k), k)):
        line, hit = lines[k], hits[k]
        found = hit.to_datetime(url_time.year if url_time else None)
        if found is None:
            problems.append(Problem(raw.path, line.n, f'date "{line.text}" does not exist',
                                    "fix it or set date: in front matter"))
            continue
        return (found if found.tzinfo else found.replace(tzinfo=zone_of())), problems
    if url_time is not None:
        return url_time.replace(tzinfo=zone_of()), problems
    if not problems:
        problems.append(Problem(raw.path, 0, "no publication date found",
                                "set date: in front matter"))
    return None, problems


def _figures_and_body(lines: tuple[Line, ...], lead_n: int | None,
                      images: dict[str, str]) -> tuple[Block, ...]:
    """Build the body blocks in reading order: paragraphs and photos with captions."""
    lex = lexicon()
    blocks: list[Block] = []
    pending: str | None = None
    for line in lines:
        if line.label == "image":
            if pending is not None and pending in images:
                blocks.append(Block("figure", figure=Figure(pending, "", None, images[pending])))
            pending = line.text
        elif line.label == "caption":
            caption, credit = lex.split_credit(line.text)
            if credit is None and (alone := lex.credit_alone(line.text)) is not None:
                caption, credit = "", alone  # a credit on its own line ...
                last = blocks[-1].figure if blocks and pending is None else None
                if last is not None and last.credit is None:  # ... under its photo's caption
                    blocks[-1] = Block("figure", figure=replace(last, credit=credit))
                    continue
            path = images.get(pending) if pending else None
            blocks.append(Block("figure", figure=Figure(pending, caption, credit, path)))
            pending = None
        elif line.label == "body" and line.n != lead_n:
            blocks.append(Block("p", line.text))
    if pending is not None and pending in images:
        blocks.append(Block("figure", figure=Figure(pending, "", None, images[pending])))
    return tuple(blocks)


def _tags(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = value.split(",")
    if not isinstance(value, list):
        return ()
    return tuple(dict.fromkeys(str(t).strip() for t in value if str(t).strip()))


@cache
def _converter(part: str) -> markdown.Markdown:
    """Return this process's Markdown converter for an item's body or lead, made once (making
    one costs more than converting an article), reset before each use."""
    import markdown  # 40 ms to import: only when a Markdown item is built
    from markdown.extensions.toc import TocExtension

    if part == "lead":
        return markdown.Markdown()
    return markdown.Markdown(output_format="html", extensions=[
        "extra", "sane_lists", TocExtension(slugify=_heading_id)])


def _markdown_blocks(raw: RawDoc) -> tuple[str, tuple[Block, ...]]:
    """Render a Markdown item; return (lead text, sanitised HTML block)."""
    text = "\n".join(raw.lines)
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
    lead_md = next((p for p in paragraphs if not p.startswith(("#", "!", "<", "|", "-", "*"))),
                   "")
    rest = text.replace(lead_md, "", 1) if lead_md else text
    html = _converter("body").reset().convert(rest)
    clean = nh3.clean(html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES,
                      url_schemes={"http", "https", "mailto"}, link_rel="noopener nofollow",
                      attribute_filter=_no_page_id)
    lead = nh3.clean(_converter("lead").reset().convert(lead_md), tags=set()) if lead_md else ""
    return lead.strip(), ((Block("html", clean),) if clean.strip() else ())


def extract(raw: RawDoc, config: Config, images: dict[str, str] | None = None,
            learned: Learned | None = None) -> Article:
    """Clean a document and pull out everything the site shows about it."""
    images = images or {}
    hint = raw.meta_get("title")
    lines = clean_lines(raw, str(hint) if hint else None, learned=learned)
    problems = list(raw.problems)
    thin = thin_warning(raw, lines)  # said last, after the problems of particular lines
    kept = [ln for ln in lines if ln.label in ("title", "lead", "body", "caption")]
    lang_meta = raw.meta_get("lang")
    lang = str(lang_meta).strip().lower()[:8] if lang_meta else detect_language(
        "\n".join(ln.text for ln in kept), config.language)
    lang = re.sub(r"[^a-z0-9-]", "", lang) or config.language

    lex = lexicon()
    source_url = safe_url(raw.meta_get("source"))
    if source_url is None:
        for line in lines:
            if line.label == "source":
                source_url = safe_url(lex.source_url(line.text) or line.text)
                break

    def zone_of() -> Any:
        return config.zone_for(lang, source_url)

    published, date_problems = _published(raw, lines, source_url, zone_of)
    problems += date_problems
    if published is not None and published > datetime.now(UTC) + timedelta(days=1):
        problems.append(Problem(raw.path, 0, f"date {published.isoformat()} is in the future",
                                "check it, or set date: in front matter"))

    author = str(raw.meta_get("author")).strip() if raw.meta_get("author") else None
    if author is None:  # the first byline, alone on its line or beside a date
        author = next(filter(None, (
            display_author(lex.byline_name(ln.text) or ln.text) if ln.label == "byline"
            else _dateline_author(ln.text) for ln in lines if ln.label in ("byline", "date"))),
            None)

    lead_line = next((ln for ln in lines if ln.label == "lead"), None)
    if raw.kind == "markdown":
        lead, blocks = _markdown_blocks(raw)
    else:
        if lead_line is None:
            lead_line = next((ln for ln in lines if ln.label == "body"), None)
        lead = lead_line.text if lead_line else ""
        blocks = _figures_and_body(lines, lead_line.n if lead_line else None, images)

    title_line = next((ln for ln in lines if ln.label == "title"), None)
    title = str(hint).strip() if hint else (title_line.text if title_line else "")
    derived = False
    if not title:
        title = derive_title(lead, lang) if lead else PurePosixPath(raw.path).stem
        derived = True
        problems.append(Problem(raw.path, lead_line.n if lead_line else 0,
                                f'no headline found; title "{title}" was made from the lead',
                                "set title: in front matter"))
    if thin is not None:
        problems.append(thin)
    slug_source = str(raw.meta_get("slug") or "") or title
    return Article(
        path=raw.path,
        title=title,
        lang=lang,
        published=published,
        author=author,
        source_url=source_url,
        lead=lead,
        blocks=blocks,
        lines=lines,
        slug=make_slug(slug_source),
        guid=make_guid(raw),
        tags=_tags(raw.meta_get("tags")),
        title_derived=derived,
        problems=tuple(problems),
    )


def with_slug(article: Article, slug: str) -> Article:
    """Return the article with its final, unique slug."""
    return replace(article, slug=slug)
