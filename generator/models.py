"""The frozen types passed between the pipeline stages."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

Label = Literal[
    "title", "date", "lead", "body", "image", "caption", "byline", "source", "boilerplate"
]
LABELS: tuple[Label, ...] = (
    "title", "date", "lead", "body", "image", "caption", "byline", "source", "boilerplate"
)
# Labels whose text is published (everything but boilerplate and bare image names).
KEPT_LABELS: frozenset[str] = frozenset(LABELS) - {"boilerplate", "image"}


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input, said as `path:line: message; fix`."""

    path: str  # as shown to the user, e.g. "seeds/x.txt"
    line: int  # 1-based input line, 0 when it concerns the whole file
    message: str  # what is wrong, e.g. 'date "31/02/2024" does not exist'
    fix: str = ""  # what to do about it, e.g. "set date: in front matter"
    severity: Literal["warning", "error"] = "warning"

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        fix = f"; {self.fix}" if self.fix else ""
        return f"{where}: {self.severity}: {self.message}{fix}"


@dataclass(frozen=True)
class RawDoc:
    """One input file, decoded, with its front matter split off."""

    path: str  # as given or relative to the source folder, e.g. "seeds/004_e7a6.txt"
    kind: Literal["text", "markdown"]  # a scraped dump or a hand-written Markdown item
    lines: tuple[str, ...]  # body lines after front matter, control characters removed
    first_line: int  # 1-based input line number of lines[0]
    meta: tuple[tuple[str, Any], ...] = ()  # front matter as sorted (key, value) pairs
    front_lines: int = 0  # how many input lines the front matter block took
    problems: tuple[Problem, ...] = ()

    def meta_get(self, key: str, default: Any = None) -> Any:
        """Return a front-matter value."""
        return dict(self.meta).get(key, default)


@dataclass(frozen=True)
class Line:
    """One input line with the label the cleaner gave it and the rule that decided."""

    n: int  # 1-based line number in the input file
    text: str  # the line as read (stripped of surrounding white space)
    label: Label  # e.g. "body"
    rule: str  # e.g. "vi/comment-counter", "structure/related-block"


@dataclass(frozen=True)
class Figure:
    """A photo: the image file (when it exists in the source) and its caption."""

    image: str | None  # file name as written in the dump, e.g. "nga-trung-quoc.jpg"; never
    # published unless the file exists (then image_path is set)
    caption: str  # caption text without the credit
    credit: str | None  # e.g. "Bộ Ngoại giao Trung Quốc"
    image_path: str | None = None  # output path when the file was found, e.g. "media/x.jpg"


@dataclass(frozen=True)
class Block:
    """A piece of the article body in reading order."""

    kind: Literal["p", "figure", "html"]  # paragraph, photo, or sanitised Markdown HTML
    text: str = ""  # paragraph text, or sanitised HTML for kind "html"
    figure: Figure | None = None


@dataclass(frozen=True)
class Article:
    """An article carried from extraction to rendering."""

    path: str  # input file, e.g. "seeds/004_e7a61553e3af466f.txt"
    title: str  # headline, e.g. "Hợp tác kinh tế, thương mại Trung Quốc-Nga ..."
    lang: str  # ISO 639-1 code, e.g. "vi"
    published: datetime | None  # timezone-aware publication time
    author: str | None  # display form, e.g. "H Lan (tổng hợp)"
    source_url: str | None  # original article, http(s) only
    lead: str  # first paragraph
    blocks: tuple[Block, ...]  # body after the lead, in order
    lines: tuple[Line, ...]  # every input line, labelled
    slug: str = ""  # URL segment, e.g. "hop-tac-kinh-te-thuong-mai"
    guid: str = ""  # permanent id, independent of URL and title, e.g. "urn:uuid:..."
    tags: tuple[str, ...] = ()
    title_derived: bool = False  # True when no headline was found and one was made from the lead
    problems: tuple[Problem, ...] = field(default=(), compare=False)

    @property
    def body(self) -> tuple[str, ...]:
        """Paragraph texts of the body, without the lead."""
        return tuple(b.text for b in self.blocks if b.kind == "p")

    @property
    def figures(self) -> tuple[Figure, ...]:
        """Photos in reading order."""
        return tuple(b.figure for b in self.blocks if b.figure is not None)

    @property
    def url_path(self) -> str:
        """Path of the article page below the site root, e.g. "vi/hop-tac/"."""
        return f"{self.lang}/{self.slug}/"
