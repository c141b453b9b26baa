"""The cleaner labels every line of the samples exactly, each with its rule."""

from __future__ import annotations

import pytest

from generator.clean import clean_lines, is_anchor, is_caps_name, norm
from generator.models import LABELS, RawDoc
from generator.read import read_bytes, read_file
from tests.conftest import FR_SAMPLE, VI_SAMPLE

VI_EXPECTED = [
    (1, "boilerplate", "vi/follow-prompt"),
    (2, "boilerplate", "blank"),
    (3, "title", "structure/headline"),
    (4, "boilerplate", "blank"),
    (5, "date", "dateline"),
    (6, "boilerplate", "blank"),
    (7, "lead", "structure/first-paragraph"),
    (8, "boilerplate", "blank"),
    (9, "body", "structure/article-text"),
    (10, "boilerplate", "blank"),
    (11, "image", "image-file"),
    (12, "boilerplate", "blank"),
    (13, "caption", "structure/after-image"),
    (14, "boilerplate", "blank"),
    (15, "body", "structure/article-text"),
    (16, "boilerplate", "blank"),
    (17, "body", "structure/article-text"),
    (18, "boilerplate", "blank"),
    (19, "body", "structure/article-text"),
    (20, "boilerplate", "blank"),
    (21, "body", "structure/article-text"),
    (22, "boilerplate", "blank"),
    (23, "body", "structure/article-text"),
    (24, "boilerplate", "blank"),
    (25, "body", "structure/article-text"),
    (26, "boilerplate", "blank"),
    (27, "byline", "structure/caps-name"),
    (28, "boilerplate", "blank"),
    (29, "boilerplate", "blank"),
    (30, "boilerplate", "vi/comment-counter"),
    (31, "boilerplate", "vi/related-header"),
    (32, "boilerplate", "structure/related-block"),
    (33, "boilerplate", "structure/related-block"),
    (34, "boilerplate", "vi/section-promo"),
    (35, "boilerplate", "vi/section-promo"),
    (36, "boilerplate", "common/cms-footer"),
    (37, "boilerplate", "structure/title-repeated"),
]

FR_EXPECTED = [
    (1, "lead", "structure/first-paragraph"),
    *[(n, "body", "structure/article-text") for n in range(2, 12)],
    (12, "source", "source-link"),
    (13, "boilerplate", "en/comment-counter"),
]


@pytest.mark.parametrize(("path", "expected"), [(VI_SAMPLE, VI_EXPECTED),
                                                (FR_SAMPLE, FR_EXPECTED)])
def test_sample_labels_exact(path, expected):
    lines = clean_lines(read_file(path))
    assert [(ln.n, ln.label, ln.rule) for ln in lines] == expected


def test_every_input_line_gets_one_label():
    for path in (VI_SAMPLE, FR_SAMPLE):
        text = path.read_text(encoding="utf-8").splitlines()
        lines = clean_lines(read_file(path))
        assert [ln.text for ln in lines] == [t.strip() for t in text]
        assert all(ln.label in LABELS and ln.rule for ln in lines)


def test_vi_boilerplate_texts():
    lines = {ln.text: ln for ln in clean_lines(read_file(VI_SAMPLE))}
    for text in ["Theo dõi trên", "(0) Bình luận", "Bài liên quan", "Nổi bật", "Đừng bỏ lỡ",
                 "POWERED BY ONECMS - A PRODUCT OF NEKO",
                 "New Zealand: Sơ tán một trường tiểu học vì hỏa hoạn"]:
        assert lines[text].label == "boilerplate", text
    teaser = next(t for t in lines if t.startswith("Ngày 19/9, học sinh"))
    assert lines[teaser].rule == "structure/related-block"


def test_related_block_ends_before_resumed_body():
    dump = "\n".join([
        "Tiêu đề bài báo về kinh tế thế giới",
        "Đoạn mở đầu của bài báo này dài hơn tám mươi ký tự để được coi là một đoạn văn chắc chắn.",
        "Xem thêm",
        "Một bài khác không liên quan",
        "Đoạn thân bài tiếp tục với nội dung chính, câu này cũng dài hơn tám mươi ký tự như vậy.",
        "Đoạn cuối cùng của bài báo, cũng đủ dài để được tính là một đoạn văn của bài viết này.",
    ]).encode()
    labels = [ln.label for ln in clean_lines(read_bytes(dump, "x.txt"))]
    assert labels == ["title", "lead", "boilerplate", "boilerplate", "body", "body"]


def test_inline_read_also_drops_only_its_line():
    dump = "\n".join([
        "Le gouvernement présente son budget pour l'année prochaine",
        "Le gouvernement a présenté mardi un budget qui prévoit des économies importantes cette année.",
        "Lire aussi : Les impôts augmentent dans trois régions",
        "Court paragraphe final.",
        "Le ministre a défendu ce texte devant les députés, qui doivent le voter avant la fin du mois.",
    ]).encode()
    labels = [(ln.label, ln.rule) for ln in clean_lines(read_bytes(dump, "x.txt"))]
    assert labels == [
        ("title", "structure/headline"),
        ("lead", "structure/first-paragraph"),
        ("boilerplate", "fr/related-header"),
        ("body", "structure/article-text"),
        ("body", "structure/article-text"),
    ]


def test_markdown_lines_are_body():
    raw = RawDoc(path="a.md", kind="markdown", lines=("# Hi", "", "Some *text*."), first_line=4)
    lines = clean_lines(raw)
    assert [(ln.n, ln.label) for ln in lines] == [(4, "body"), (5, "boilerplate"), (6, "body")]


def test_title_hint_from_front_matter_picks_the_line():
    dump = ("---\ntitle: Un titre précis\n---\nMenu\nUn titre précis\n"
            "Le texte de l'article commence ici et il est assez long pour être un vrai paragraphe.\n")
    lines = clean_lines(read_bytes(dump.encode(), "x.txt"), "Un titre précis")
    assert [(ln.n, ln.label) for ln in lines] == [(4, "boilerplate"), (5, "title"), (6, "lead")]


def test_helpers():
    assert is_caps_name("H LAN (TỔNG HỢP)")
    assert not is_caps_name("POWERED BY ONECMS - A PRODUCT OF NEKO.")
    assert not is_caps_name("Hợp tác kinh tế")
    assert is_anchor("x " * 50 + "fin.")
    assert not is_anchor("Nổi bật")
    assert norm("  Hợp TÁC, kinh-tế! ") == "hợp tác kinh tế"


def test_thin_result_gets_a_warning_naming_the_file():
    from generator.clean import thin_warning

    menu = [f"Rubrique {n}" for n in range(40)]
    dump = "\n".join([*menu, "Un court paragraphe, le seul de la page, qui ne fait pas trois cents caractères."])
    raw = read_bytes(dump.encode(), "seeds/thin.txt")
    problem = thin_warning(raw, clean_lines(raw))
    assert problem is not None and problem.path == "seeds/thin.txt" and problem.severity == "warning"
    assert "characters kept" in problem.message
    raw = read_file(VI_SAMPLE)
    assert thin_warning(raw, clean_lines(raw)) is None


def test_lexicons_cover_german_spanish_portuguese():
    from generator.rules import lexicon

    lex = lexicon()
    for text in ["Kommentare (12)", "Artikel teilen", "Lesezeit: 4 Min.", "Compartir en Facebook",
                 "Lo más leído", "Leia também", "Todos os direitos reservados.", "#FDI #đầu tư"]:
        assert lex.boilerplate.match(text) or lex.related.match(text), text
    assert lex.byline_name("Por María García") == "María García"
    assert lex.byline_name("Von Hans Müller") == "Hans Müller"
