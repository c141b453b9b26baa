"""Tests of generator.read: bytes to RawDoc (encodings, line ends, front matter, inputs)."""

from __future__ import annotations

import codecs
import datetime as dt
import unicodedata
from pathlib import Path

import pytest

from generator.models import Problem
from generator.read import (
    decode,
    find_inputs,
    looks_binary,
    normalize_line,
    read_bytes,
    read_file,
)

VI_TEXT = "Hợp tác kinh tế, thương mại Trung Quốc-Nga\nViệt Nam\n"
VI_LINES = ("Hợp tác kinh tế, thương mại Trung Quốc-Nga", "Việt Nam")


# --- decoding ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        VI_TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + VI_TEXT.encode("utf-8"),
        codecs.BOM_UTF16_LE + VI_TEXT.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + VI_TEXT.encode("utf-16-be"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-le-bom", "utf-16-be-bom"],
)
def test_encodings_with_or_without_bom_give_the_same_lines(data: bytes) -> None:
    doc = read_bytes(data, "seeds/a.txt")
    assert doc.lines == VI_LINES
    assert doc.problems == ()
    assert doc.first_line == 1
    assert doc.kind == "text"


def test_utf8_bom_is_not_left_in_the_first_line() -> None:
    doc = read_bytes(codecs.BOM_UTF8 + b"Title\n", "a.txt")
    assert doc.lines == ("Title",)


def test_utf8_bom_before_front_matter_still_opens_the_block() -> None:
    doc = read_bytes(codecs.BOM_UTF8 + b"---\ntitle: T\n---\nbody\n", "a.txt")
    assert doc.meta == (("title", "T"),)
    assert doc.lines == ("body",)
    assert doc.first_line == 4


def test_invalid_utf8_gives_a_warning_naming_the_line() -> None:
    doc = read_bytes(b"line one\nline two\nbad \xff\xfe here\nline four\n", "seeds/bad.txt")
    assert doc.lines == ("line one", "line two", "bad \ufffd\ufffd here", "line four")
    assert doc.problems == (
        Problem(
            "seeds/bad.txt",
            3,
            "text is not valid UTF-8; bad bytes were replaced",
            "save the file as UTF-8 or declare encoding: in front matter",
        ),
    )
    assert doc.problems[0].severity == "warning"
    assert str(doc.problems[0]).startswith("seeds/bad.txt:3: warning: text is not valid UTF-8")


def test_decode_returns_text_and_no_problems_for_valid_utf8() -> None:
    assert decode("Lavrov à Pékin".encode(), "x.txt") == ("Lavrov à Pékin", [])


def test_declared_cp1258_front_matter_is_decoded_and_composed() -> None:
    # cp1258 writes Vietnamese with a base letter plus a combining tone mark:
    # "Việt" is V i ê(0xEA) dot-below(0xF2) t; "thương" uses ư(0xFD) ơ(0xF5).
    data = b"---\nencoding: cp1258\n---\nVi\xea\xf2t Nam, th\xfd\xf5ng ma\xf2i\n"
    doc = read_bytes(data, "a.txt")
    assert doc.lines == ("Việt Nam, thương mại",)
    assert unicodedata.is_normalized("NFC", doc.lines[0])
    assert doc.meta == (("encoding", "cp1258"),)
    assert doc.problems == ()


def test_declared_cp1252_in_toml_front_matter() -> None:
    text = '+++\nencoding = "cp1252"\n+++\nLe président a déclaré « ça » – 5 €\n'
    doc = read_bytes(text.encode("cp1252"), "fr.txt")
    assert doc.lines == ("Le président a déclaré « ça » – 5 €",)
    assert doc.meta == (("encoding", "cp1252"),)
    assert doc.problems == ()


def test_unknown_declared_encoding_is_reported_and_utf8_used() -> None:
    doc = read_bytes("---\nencoding: klingon\n---\nNgày\n".encode(), "a.txt")
    assert doc.lines == ("Ngày",)
    assert doc.problems == (
        Problem("a.txt", 1, 'unknown encoding "klingon"',
                "use a name such as utf-8, cp1258 or cp1252"),
    )


def test_encoding_line_in_the_body_is_not_a_declaration() -> None:
    data = "---\ntitle: Bảng mã\n---\nencoding: cp1252 là bảng mã cũ\nViệt Nam\n".encode()
    doc = read_bytes(data, "a.md", "markdown")
    assert doc.lines == ("encoding: cp1252 là bảng mã cũ", "Việt Nam")
    assert doc.meta == (("title", "Bảng mã"),)


def test_bytes_invalid_in_the_declared_encoding_are_reported() -> None:
    doc = read_bytes(b"---\nencoding: utf-8\n---\nbad \xff byte\n", "a.txt")
    assert doc.lines == ("bad \ufffd byte",)
    assert [(p.line, p.severity) for p in doc.problems] == [(4, "warning")]


# --- line ends, normalisation, control characters ---------------------------------------------


@pytest.mark.parametrize("newline", [b"\r\n", b"\r", b"\n"], ids=["crlf", "cr", "lf"])
def test_line_ends_are_all_split_the_same(newline: bytes) -> None:
    data = newline.join([b"one", b"two", b"", b"four"]) + newline
    doc = read_bytes(data, "a.txt")
    assert doc.lines == ("one", "two", "", "four")


def test_mixed_line_ends() -> None:
    doc = read_bytes(b"a\r\nb\rc\nd", "a.txt")
    assert doc.lines == ("a", "b", "c", "d")


def test_crlf_front_matter() -> None:
    doc = read_bytes(b"---\r\ntitle: T\r\nlang: fr\r\n---\r\nbody\r\n", "a.txt")
    assert doc.meta == (("lang", "fr"), ("title", "T"))
    assert doc.lines == ("body",)
    assert doc.front_lines == 4


def test_nfd_vietnamese_input_gives_nfc_lines() -> None:
    nfc = "Hợp tác kinh tế Việt Nam"
    nfd = unicodedata.normalize("NFD", nfc)
    assert len(nfd) > len(nfc)  # the input really is decomposed
    doc = read_bytes(nfd.encode("utf-8"), "a.txt")
    assert doc.lines == (nfc,)
    assert len(doc.lines[0]) == 24


def test_control_characters_and_nul_are_stripped_tabs_become_spaces() -> None:
    data = b"a\tb\x00c\x07d\x1b\x7fe\xc2\x85f\xc2\x9fg\xef\xbb\xbfh\n"
    doc = read_bytes(data, "a.txt")
    assert doc.lines == ("a bcdefgh",)
    assert doc.problems == ()


def test_normalize_line_directly() -> None:
    assert normalize_line("\tNga\u0323\x0c\x0b") == " Ngạ"


# --- binary files -----------------------------------------------------------------------------


BINARY_ERROR = Problem("img.txt", 0, "file is binary, not text",
                       "remove it or save it as UTF-8 text", severity="error")


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        b"\xff\xd8\xff\xe0\x00\x10JFIF",
        b"%PDF-1.7\n",
        b"abc\x00\x00\x00def" * 3,
    ],
    ids=["png", "jpeg", "pdf", "nuls"],
)
def test_binary_input_gives_an_error_problem_and_no_lines(data: bytes) -> None:
    doc = read_bytes(data, "img.txt")
    assert doc.lines == ()
    assert doc.problems == (BINARY_ERROR,)
    assert doc.meta == ()


def test_a_single_stray_nul_is_text_not_binary() -> None:
    data = b"Hello\x00 world, this is an ordinary line of text\n"
    assert not looks_binary(data)
    assert read_bytes(data, "a.txt").lines == ("Hello world, this is an ordinary line of text",)


def test_utf16_with_bom_is_not_binary_despite_its_nuls() -> None:
    assert not looks_binary(codecs.BOM_UTF16_LE + "plain ascii".encode("utf-16-le"))
    assert looks_binary("plain ascii text here".encode("utf-16-le"))


def test_empty_file() -> None:
    doc = read_bytes(b"", "e.txt")
    assert (doc.lines, doc.first_line, doc.front_lines, doc.problems) == ((), 1, 0, ())


# --- front matter -----------------------------------------------------------------------------


def test_yaml_front_matter_values_and_line_numbers() -> None:
    data = (
        "---\n"
        "title: Hợp tác Trung Quốc-Nga\n"
        "date: 2023-09-20 14:40\n"
        "id: 2023-09-20 14:40:00\n"
        "lang: vi\n"
        "tags: [kinh tế, Nga]\n"
        "source: https://thanhnien.vn/x-185230920144000123.htm\n"
        "---\n"
        "First body line\n"
        "Second\n"
    ).encode()
    doc = read_bytes(data, "seeds/a.md", "markdown")
    assert doc.kind == "markdown"
    assert doc.meta == (
        ("date", "2023-09-20 14:40"),  # YAML needs seconds for a timestamp
        ("id", dt.datetime(2023, 9, 20, 14, 40)),
        ("lang", "vi"),
        ("source", "https://thanhnien.vn/x-185230920144000123.htm"),
        ("tags", ["kinh tế", "Nga"]),
        ("title", "Hợp tác Trung Quốc-Nga"),
    )
    assert doc.meta_get("lang") == "vi"
    assert doc.meta_get("author", "nobody") == "nobody"
    assert doc.lines == ("First body line", "Second")
    assert doc.front_lines == 8
    assert doc.first_line == 9
    assert doc.problems == ()


def test_yaml_block_may_close_with_dots() -> None:
    doc = read_bytes(b"---\ntitle: T\n...\nbody\n", "a.md")
    assert doc.meta == (("title", "T"),)
    assert doc.lines == ("body",)
    assert doc.front_lines == 3


def test_toml_front_matter_values_and_line_numbers() -> None:
    data = (
        b'+++\ntitle = "T"\ndate = 2024-11-12T16:49:00+07:00\ntags = ["a", "b"]\n+++\n'
        b"x\ny\n"
    )
    doc = read_bytes(data, "a.md")
    assert doc.meta == (
        ("date", dt.datetime(2024, 11, 12, 16, 49, tzinfo=dt.timezone(dt.timedelta(hours=7)))),
        ("tags", ["a", "b"]),
        ("title", "T"),
    )
    assert doc.lines == ("x", "y")
    assert doc.front_lines == 5
    assert doc.first_line == 6


def test_empty_front_matter_block() -> None:
    doc = read_bytes(b"---\n---\nbody\n", "a.md")
    assert (doc.meta, doc.lines, doc.front_lines, doc.first_line) == ((), ("body",), 2, 3)
    assert doc.problems == ()


def test_keys_are_lower_cased() -> None:
    doc = read_bytes(b"---\nTitle: X\nLANG: fr\n---\nb\n", "a.md")
    assert doc.meta == (("lang", "fr"), ("title", "X"))


def test_unclosed_front_matter_is_a_warning_and_the_file_is_read_as_text() -> None:
    doc = read_bytes(b"---\ntitle: x\nbody\n", "seeds/u.md")
    assert doc.lines == ("---", "title: x", "body")
    assert doc.first_line == 1
    assert doc.front_lines == 0
    assert doc.meta == ()
    assert doc.problems == (
        Problem("seeds/u.md", 1, "front matter opened with --- is never closed",
                "add a closing --- line; the file was read as text"),
    )


def test_unclosed_toml_front_matter() -> None:
    doc = read_bytes(b'+++\ntitle = "x"\n', "a.md")
    assert doc.lines == ("+++", 'title = "x"')
    assert [p.message for p in doc.problems] == ["front matter opened with +++ is never closed"]


@pytest.mark.parametrize(
    ("data", "line"),
    [
        (b"---\ntitle: a: b\nlang: vi\n---\nbody\n", 2),
        (b"---\ntitle: ok\nlang: vi\n  bad: : x\n---\nbody\n", 4),
        (b"---\ntitle: ok\ntags: a\n\t- b\n---\nbody\n", 4),
    ],
    ids=["line-2", "indent-line-4", "tab-line-4"],
)
def test_invalid_yaml_names_the_input_line(data: bytes, line: int) -> None:
    doc = read_bytes(data, "seeds/y.md")
    assert doc.problems == (
        Problem("seeds/y.md", line, "front matter is not valid yaml",
                "fix the syntax; the block was ignored"),
    )
    assert doc.meta == ()
    # The block is still consumed: the body starts after the closing fence.
    assert doc.lines == ("body",)
    assert doc.first_line == data.count(b"\n")


def test_invalid_toml_is_reported_and_block_ignored() -> None:
    doc = read_bytes(b'+++\ntitle = "unterminated\n+++\nbody\n', "t.md")
    assert [p.message for p in doc.problems] == ["front matter is not valid toml"]
    assert doc.lines == ("body",)
    assert doc.meta == ()


def test_impossible_yaml_date_is_a_problem_not_a_crash() -> None:
    doc = read_bytes(b"---\ntitle: T\ndate: 2024-02-30\n---\nbody\n", "d.md")
    assert doc.lines == ("body",)
    assert len(doc.problems) == 1


@pytest.mark.parametrize(
    ("data", "lines"),
    [
        (b"---\n- a\n- b\n---\nbody\n", 4),
        (b"---\njust a sentence\n---\nbody\n", 3),
    ],
    ids=["list", "scalar"],
)
def test_front_matter_that_is_not_a_mapping(data: bytes, lines: int) -> None:
    doc = read_bytes(data, "m.md")
    assert doc.problems == (
        Problem("m.md", 2, "front matter is not a key: value mapping",
                "write one key: value per line; the block was ignored"),
    )
    assert doc.meta == ()
    assert doc.front_lines == lines
    assert doc.lines == ("body",)


def test_unknown_key_is_a_warning_naming_the_key_and_is_dropped() -> None:
    doc = read_bytes(b"---\ntitle: X\ncolour: red\n---\nbody\n", "k.md")
    assert doc.meta == (("title", "X"),)
    (problem,) = doc.problems
    assert problem.path == "k.md"
    assert problem.severity == "warning"
    assert problem.message == 'unknown front-matter key "colour" ignored'
    assert problem.fix == (
        "known keys: author, date, encoding, id, lang, slug, source, tags, timezone, title"
    )


def test_every_unknown_key_is_reported() -> None:
    doc = read_bytes(b"---\nfoo: 1\nbar: 2\nlang: vi\n---\nb\n", "k.md")
    assert [p.message for p in doc.problems] == [
        'unknown front-matter key "foo" ignored',
        'unknown front-matter key "bar" ignored',
    ]
    assert doc.meta == (("lang", "vi"),)


def test_dashes_not_on_the_first_line_are_body_text() -> None:
    doc = read_bytes(b"Title\n---\ntitle: x\n---\n", "a.txt")
    assert doc.lines == ("Title", "---", "title: x", "---")
    assert doc.meta == ()
    assert doc.problems == ()


# --- files ------------------------------------------------------------------------------------


def test_read_file_sets_kind_by_suffix_and_shown_name(tmp_path: Path) -> None:
    md = tmp_path / "item.MD"
    md.write_bytes(b"# Heading\n")
    txt = tmp_path / "dump.txt"
    txt.write_bytes(b"Line\n")
    assert read_file(md, "seeds/item.MD").kind == "markdown"
    assert read_file(md, "seeds/item.MD").path == "seeds/item.MD"
    doc = read_file(txt)
    assert doc.kind == "text"
    assert doc.path == str(txt)
    assert doc.lines == ("Line",)


def test_find_inputs_sorted_skips_hidden_and_other_suffixes(tmp_path: Path) -> None:
    for rel in [
        "b.txt",
        "a.md",
        "sub/z.markdown",
        "sub/deeper/c.TXT",
        "A_upper.txt",
        "notes.rst",
        "image.png",
        "noext",
        ".hidden.txt",
        ".git/config.txt",
        "sub/.cache/x.md",
    ]:
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x", encoding="utf-8")
    (tmp_path / "folder.txt").mkdir()  # a folder named like an input is not an input
    found = [p.relative_to(tmp_path).as_posix() for p in find_inputs(tmp_path)]
    assert found == ["A_upper.txt", "a.md", "b.txt", "sub/deeper/c.TXT", "sub/z.markdown"]


def test_find_inputs_under_a_hidden_source_folder_itself(tmp_path: Path) -> None:
    source = tmp_path / ".seeds"
    source.mkdir()
    (source / "a.txt").write_text("x", encoding="utf-8")
    # Only parts below the source folder count as hidden.
    assert find_inputs(source) == [source / "a.txt"]


def test_find_inputs_of_an_empty_folder(tmp_path: Path) -> None:
    assert find_inputs(tmp_path) == []
