"""Property-based tests: random text, random bytes and mutated samples never break anything."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.build import build
from generator.clean import clean_lines
from generator.config import make_config
from generator.models import KEPT_LABELS, LABELS
from generator.read import read_bytes
from tests.conftest import FR_SAMPLE, ROOT, VI_SAMPLE

SAMPLE_LINES = (VI_SAMPLE.read_text(encoding="utf-8").splitlines()
                + FR_SAMPLE.read_text(encoding="utf-8").splitlines())
HOSTILE = ["<script>alert(1)</script>", "javascript:alert(1)", "<img src=x onerror=alert(1)>",
           "{{ 7*7 }}", "{% raw %}", "]]>", "\x00", "\u202e", "---", "+++", "Source : javascript:x"]
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Derandomized: the same examples on every run, so a failure is reproducible (and CI is not
# failed by a draw); counterexamples found by random runs are kept below as their own tests.
SLOW = settings(max_examples=60, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

lines_strategy = st.lists(
    st.one_of(st.sampled_from(SAMPLE_LINES), st.sampled_from(HOSTILE), st.text(max_size=200)),
    max_size=40,
)


def kept(data: bytes) -> list[str]:
    return [ln.text for ln in clean_lines(read_bytes(data, "x.txt")) if ln.label in KEPT_LABELS]


@SLOW
@given(st.binary(max_size=4000))
def test_random_bytes_are_read(data):
    doc = read_bytes(data, "x.txt")
    assert all(not CONTROL.search(line) for line in doc.lines)
    lines = clean_lines(doc)
    assert len(lines) == len(doc.lines)


@SLOW
@given(lines_strategy)
def test_every_line_gets_exactly_one_label(lines):
    data = "\n".join(lines).encode("utf-8", errors="surrogatepass")
    doc = read_bytes(data, "x.txt")
    labelled = clean_lines(doc)
    assert [ln.n for ln in labelled] == list(range(doc.first_line, doc.first_line + len(doc.lines)))
    assert all(ln.label in LABELS and ln.rule for ln in labelled)
    assert sum(ln.label == "title" for ln in labelled) <= 1
    assert sum(ln.label == "lead" for ln in labelled) <= 1


@SLOW
@given(st.lists(st.sampled_from(SAMPLE_LINES), min_size=1, max_size=40))
def test_cleaning_is_idempotent_on_mutated_samples(lines):
    first = kept("\n".join(lines).encode())
    assert kept("\n".join(first).encode()) == first


def test_cleaning_is_idempotent_on_a_found_counterexample():
    # Hypothesis found it: a repeated byline before a paragraph was read as body in the first
    # pass and as the article's end in the second (the line model scored the paragraph low)
    lines = [
        "Theo dõi trên",
        "Trung Quốc, Nga tổ chức vòng tham vấn an ninh chiến lược lần thứ 18. Ảnh: Bộ Ngoại giao "
        "Trung Quốc.",
        "Hợp tác kinh tế, thương mại Trung Quốc-Nga ngày càng trở nên sâu sắc",
        "20/09/2023, 14:40",
        "H LAN (TỔNG HỢP)",
        "H LAN (TỔNG HỢP)",
        "Deux hauts responsables chinois et russes ont déclaré leur volonté de renforcer la "
        "coordination conjointe en matière de sécurité et ont souligné leur opposition à la "
        "politique d'endiguement des États-Unis.",
    ]
    assert all(line in SAMPLE_LINES for line in lines)
    first = kept("\n".join(lines).encode())
    assert kept("\n".join(first).encode()) == first


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(lines_strategy, min_size=1, max_size=3))
def test_whole_build_never_fails_and_never_leaks(docs):
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        seeds = root / "seeds"
        seeds.mkdir()
        for i, lines in enumerate(docs):
            text = "\n".join(lines).encode("utf-8", errors="surrogatepass")
            (seeds / f"{i}.txt").write_bytes(text)
        result = build(seeds, root / "_site", make_config({}), ROOT)
        assert len(result.articles) + len(result.rejected) == len(docs)
        for path in (root / "_site").rglob("*"):
            if path.is_file() and path.suffix in (".html", ".xml"):
                text = path.read_text(encoding="utf-8")
                assert "<script" not in text.lower()
                assert not re.search(r"""(?:href|src)=["']?javascript:""", text, re.I)
                assert not CONTROL.search(text)
