"""Bad input never breaks the build, never leaks into a page, never loses an article."""

from __future__ import annotations

import json
import re
import shutil
import unicodedata
from pathlib import Path

import pytest

from generator.build import build
from generator.config import make_config
from tests.conftest import FR_SAMPLE, ROOT, SEEDS, VI_SAMPLE
from tests.hostile import write_hostile

BASE = "https://user.github.io/repo/"
CONTROL = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def built_files(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file()}


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    seeds = root / "seeds"
    what = write_hostile(seeds)
    shutil.copy(VI_SAMPLE, seeds)
    shutil.copy(FR_SAMPLE, seeds)
    result = build(seeds, root / "_site", make_config({}, base_url=BASE), ROOT)
    report = json.loads((root / "build-report.json").read_text(encoding="utf-8"))
    return root, result, report, what


@pytest.fixture(scope="module")
def samples_alone(tmp_path_factory):
    root = tmp_path_factory.mktemp("alone")
    build(SEEDS, root / "_site", make_config({}, base_url=BASE), ROOT)
    report = json.loads((root / "build-report.json").read_text(encoding="utf-8"))
    return built_files(root / "_site"), report


def test_rejected_inputs_are_listed_with_reasons(hostile_build):
    _, result, report, _ = hostile_build
    assert result.exit_code == 1
    assert {p.path: p.message for p in result.rejected} == {
        "seeds/blank.txt": "file holds only white space",
        "seeds/chrome.txt": "no article text found (every line is boilerplate)",
        "seeds/empty.txt": "file is empty",
        "seeds/huge.txt": "file is 50 MiB, over the 16 MiB limit for one article",
        "seeds/image.txt": "file is binary, not text",
    }
    assert [r["path"] for r in report["rejected"]] == sorted(p.path for p in result.rejected)


def test_every_other_input_is_built_and_every_line_accounted(hostile_build):
    _, result, report, what = hostile_build
    built = {a.path for a in result.articles}
    rejected = {p.path for p in result.rejected}
    assert built | rejected == {f"seeds/{n}" for n in what} | {
        "seeds/004_e7a61553e3af466f.txt", "seeds/000_e86946429d9d5b77.txt"}
    assert not built & rejected
    for record in report["articles"]:
        numbers = [ln["n"] for ln in record["lines"]]
        assert numbers == list(range(numbers[0], numbers[0] + len(numbers))) if numbers else True
        assert all(ln["label"] and ln["rule"] for ln in record["lines"])


def test_problems_name_file_line_and_fix(hostile_build):
    _, result, _, _ = hostile_build
    said = [str(p) for p in result.problems]
    assert 'seeds/bad-date.txt:2: warning: date "31/02/2024" does not exist; fix it or set date: in front matter' in said
    assert any(s.startswith('seeds/unknown-key.txt:3: warning: unknown front-matter key "foo" ignored') for s in said)
    assert any(s.startswith("seeds/unclosed.txt:1: warning: front matter opened with --- is never closed") for s in said)
    assert any(s.startswith("seeds/bomb.txt:1: warning: YAML anchors and aliases are not allowed") for s in said)
    assert any(s.startswith("seeds/cp1258.txt:1: warning: text is not UTF-8; read as cp1258") for s in said)
    assert any(s.startswith("seeds/cp1252.txt:1: warning: text is not UTF-8; read as cp1252") for s in said)
    assert any(s.startswith("seeds/future.txt") and "in the future" in s for s in said)
    assert any(s.startswith("seeds/nested.txt:") for s in said)


def test_samples_come_out_as_when_built_alone(hostile_build, samples_alone):
    root, _, report, _ = hostile_build
    alone_files, alone_report = samples_alone
    files = built_files(root / "_site")
    pages = [p for p in alone_files if p.count("/") == 2 and p.endswith("/index.html")
             and p.split("/")[0] in ("fr", "vi")]
    assert len(pages) == 2
    for path in pages:
        assert files[path] == alone_files[path], path
    records = {r["path"]: r for r in report["articles"]}
    for record in alone_report["articles"]:
        assert records[record["path"]] == record


def test_decoding_and_normalisation(hostile_build):
    _, result, _, _ = hostile_build
    titles = {a.path: a.title for a in result.articles}
    assert titles["seeds/cp1258.txt"] == "Ngân sách mã cũ"
    assert titles["seeds/cp1252.txt"] == "Budget à l'ancienne"
    assert titles["seeds/utf16le.txt"] == "Budget UTF-16 LE"
    assert titles["seeds/utf16be.txt"] == "Budget UTF-16 BE"
    assert titles["seeds/utf8-bom.txt"] == "Budget avec BOM"
    assert titles["seeds/crlf.txt"] == "Fin de ligne CRLF" and titles["seeds/cr.txt"] == "Fin de ligne CR"
    nfd = next(a for a in result.articles if a.path == "seeds/nfd.txt")
    assert nfd.title == unicodedata.normalize("NFC", nfd.title) == "Ngân sách năm tới được trình bày"
    assert nfd.slug == "ngan-sach-nam-toi-duoc-trinh-bay"


def test_nfd_and_nfc_build_the_same(tmp_path):
    text = "Ngân sách năm tới được trình bày\n12/11/2024, 16:49\n" + "Chính phủ đã trình bày ngân sách cho năm tới vào thứ ba, với nhiều khoản tiết kiệm.\n"
    outs = []
    for form in ("NFC", "NFD"):
        seeds = tmp_path / form / "seeds"
        seeds.mkdir(parents=True)
        (seeds / "a.txt").write_text(unicodedata.normalize(form, text), encoding="utf-8")
        build(seeds, tmp_path / form / "_site", make_config({}), ROOT)
        outs.append(built_files(tmp_path / form / "_site"))
    assert outs[0] == outs[1]


def test_output_is_safe(hostile_build):
    root, result, _, _ = hostile_build
    out = root / "_site"
    for path, data in built_files(out).items():
        assert not CONTROL.search(data), path
        text = data.decode("utf-8")
        assert "<script" not in text.lower() or path.endswith(".json"), path
        assert not re.search(r"""(?:href|src)\s*=\s*["']?\s*(?:javascript|data|vbscript):""", text, re.I), path
        assert "<iframe" not in text and "onerror=" not in text.replace("onerror=alert(1)&gt;", ""), path
    script = next(a for a in result.articles if a.path == "seeds/script.txt")
    page = (out / script.url_path / "index.html").read_text(encoding="utf-8")
    assert "{{ 7*7 }} {% raw %}" in page  # template syntax in text is shown, never run
    assert "&lt;script&gt;alert(&#39;t&#39;)&lt;/script&gt; Titre" in page
    assert script.source_url is None
    escape = next(a for a in result.articles if a.path == "seeds/escape.txt")
    assert escape.slug == "etc-passwd"
    assert all(p.resolve().is_relative_to(out.resolve()) for p in out.rglob("*"))
    assert sorted(p.name for p in root.iterdir()) == [".newsdigest-cache", "_site", "build-report.json", "seeds"]


def test_hostile_names_and_slugs(hostile_build):
    _, result, _, _ = hostile_build
    slugs = [(a.lang, a.slug) for a in result.articles]
    assert len(slugs) == len(set(slugs))
    by_path = {a.path: a for a in result.articles}
    a, b = by_path["seeds/collide-a.txt"], by_path["seeds/collide-b.txt"]
    assert a.slug == "meme-titre-partout" and re.fullmatch(r"meme-titre-partout-[0-9a-f]{6}", b.slug)
    assert re.fullmatch(r"article-[0-9a-f]{6}", by_path["seeds/nothing.txt"].slug)
    assert len(by_path["seeds/long-title.txt"].slug) <= 80
    assert "seeds/with space é.txt" in by_path and "seeds/-dash.txt" in by_path
    long_line = by_path["seeds/long-line.txt"]
    assert len(long_line.lead) > 900_000


@pytest.mark.parametrize("where", ["seeds", ".", "templates", "static", "docs"])
def test_unsafe_output_folders_are_refused(tmp_path, where):
    from generator.write import OutputError

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(VI_SAMPLE, seeds)
    for name in ("templates", "static"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "keep.txt").write_text("mine", encoding="utf-8")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "notes.md").write_text("not built by newsdigest", encoding="utf-8")
    before = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    with pytest.raises(OutputError):
        build(seeds, tmp_path / where, make_config({}), tmp_path)
    assert {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()} == before
