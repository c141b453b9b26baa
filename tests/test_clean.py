"""The cleaner labels every line of the samples exactly, each with its rule."""

from __future__ import annotations

import re

import pytest

from generator.clean import (
    CLUSTER_GAP,
    DATE_LIST_MIN,
    SUBHEAD_RUN,
    _continue_shape,
    _extend,
    _Labels,
    _lexicon_decision,
    _main_run,
    _shape,
    _take_back_subheads,
    _teaser_dates,
    clean_lines,
    is_anchor,
    is_caps_name,
    is_names,
    is_sentence,
    is_short_name,
    lexicon_decided,
    norm,
)
from generator.dates import find_date, is_dateline
from generator.models import LABELS, RawDoc
from generator.read import read_bytes, read_file
from generator.rules import LANGUAGE_MODULES, lexicon
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
    (27, "byline", "byline"),
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


def test_a_teaser_asking_a_question_is_dropped_with_its_related_header():
    labels = _rules([
        "Tiêu đề bài báo về kinh tế thế giới",
        "Đoạn mở đầu của bài báo này dài hơn tám mươi ký tự để được coi là một đoạn văn chắc chắn.",
        "TIN LIÊN QUAN",
        "Xung đột Nga-Ukraine: Tại sao 'đòn kinh tế' không ngăn được quyết đoán của ông Putin?",
        "Đoạn thân bài tiếp tục với nội dung chính, câu này cũng dài hơn tám mươi ký tự như vậy.",
        "Vì sao giá dầu tăng?",
        "Đoạn cuối cùng của bài báo, cũng đủ dài để được tính là một đoạn văn của bài viết này.",
    ])
    assert labels[2:] == [
        ("boilerplate", "vi/related-header"),
        ("boilerplate", "structure/related-block"),
        ("body", "structure/article-text"),
        ("body", "structure/article-text"),  # a question in the text is no teaser
        ("body", "structure/article-text"),
    ]


def test_teaser_cards_with_photos_are_dropped_under_a_see_more_header():
    labels = _rules([
        "Hanoi enregistre sa plus forte croissance depuis six ans",
        "La croissance économique de la capitale a atteint 8 % cette année, son plus haut niveau "
        "depuis six ans, selon le comité populaire de la ville.",
        "Hanoi (VNA) - Le nombre de nouvelles entreprises créées a lui aussi battu un record, et "
        "les investissements étrangers ont progressé de près d'un tiers sur un an. -VNA",
        "Voir plus",
        "teaser-hong-kong.jpg",
        "Une directrice d'entreprise dans son usine de Bac Ninh. Photo : VNA",
        "Les échanges commerciaux entre le Vietnam et Hong Kong prospèrent",
        "Les exportations vers Hong Kong ont atteint un niveau record au premier semestre.",
        "Vue de la conférence internationale, à Hanoi, le 16 décembre. Photo : VNA",
        "Le Vietnam célèbre ses 30 ans dans l'ASEAN",
    ])
    assert labels[3] == ("boilerplate", "fr/related-header")
    assert labels[4:] == [("boilerplate", "structure/related-block")] * 6
    # with no teaser's title after it, a photo under the header is the article's
    labels = _rules([
        "Hanoi enregistre sa plus forte croissance depuis six ans",
        "La croissance économique de la capitale a atteint 8 % cette année, son plus haut niveau "
        "depuis six ans, selon le comité populaire de la ville.",
        "Voir plus",
        "usine-bac-ninh.jpg",
        "Une directrice d'entreprise dans son usine de Bac Ninh. Photo : VNA",
        "Le nombre de nouvelles entreprises créées a lui aussi battu un record, et les "
        "investissements étrangers ont progressé de près d'un tiers sur un an.",
    ])
    assert [label for label, _ in labels[3:]] == ["image", "caption", "body"]


def test_a_standfirst_without_a_full_stop_under_the_headline_is_kept():
    story = ["Les tempêtes étaient à la mode cet automne, elles reviennent cet hiver. Ce lundi, "
             "de nombreuses coupures d'électricité ont été constatées en Bretagne : environ "
             "20.000 foyers bretons étaient privés d'électricité lundi après-midi, selon Enedis.",
             "En milieu d'après-midi, environ 10.000 foyers dans le Finistère et 5.000 dans le "
             "Morbihan étaient encore privés de courant, selon Enedis.",
             "Du côté des trains, c'est l'axe Guingamp-Saint-Brieuc qui a été le plus frappé, "
             "avec des chutes d'arbres sur les voies.",
             "Des rafales à plus de 110 km/h ont été enregistrées ce lundi matin dans le Finistère "
             "et sur les côtes du Morbihan.",
             "Météo-France a maintenu sa vigilance orange pour la nuit suivante dans trois "
             "départements de la région."]
    lines = ["Tempête : 20.000 foyers privés d'électricité en Bretagne",
             "Nuit éternelle•Le vent a soufflé fort et surtout en rafales ce lundi notamment en "
             "Ille-et-Vilaine", "C. A. avec AFP", *story, "Partager", "Facebook", "Twitter",
             "Newsletter", "Contact", "Mentions légales"]
    got = _rules(lines)
    assert got[:3] == [("title", "structure/headline"), ("body", "structure/standfirst"),
                       ("byline", "byline")]
    # sharing as many words with the lead as the headline does, the standfirst stays one
    story[1] = story[1].replace("dans le Finistère", "en Ille-et-Vilaine")
    story[2] = story[2].replace("c'est l'axe", "c'est surtout l'axe")
    got = _rules([*lines[:3], *story, *lines[8:]])
    assert got[:2] == [("title", "structure/headline"), ("body", "structure/standfirst")]


def test_a_subheading_right_after_a_related_teaser_stays_in_the_article():
    labels = _rules([
        "Tiêu đề bài báo về tình hình thế giới hôm nay",
        "Đoạn mở đầu của bài báo này dài hơn tám mươi ký tự để được coi là một đoạn văn chắc chắn.",
        "TIN LIÊN QUAN",
        "Vì sao giá dầu thế giới khó giảm trong năm nay?",
        "Nga-Ukraine",
        "Ngày 3/4, truyền thông phương Tây đăng tải những bức ảnh về tình hình tại thị trấn, "
        "và đoạn văn này đủ dài để được coi là một đoạn văn của bài báo.",
        "Đoạn cuối cùng của bài báo, cũng đủ dài để được tính là một đoạn văn của bài viết này.",
    ])
    assert labels[2:5] == [("boilerplate", "vi/related-header"),
                           ("boilerplate", "structure/related-block"),
                           ("body", "structure/subheading")]


def test_a_headline_asking_a_question_is_the_title_when_none_stands_above():
    labels = _rules([
        "Tin thế giới 13/6: Severodonetsk thêm 'nóng', quan hệ Trung Quốc-Australia sẽ khác?",
        "",
        "Minh Vương",
        "Nga-Ukraine \"tranh giành từng mét đất\" ở Severodonetsk, Thủ tướng Đức tính thăm Kiev, "
        "là một số tin thế giới nổi bật ngày 13/6.",
        "Thành phố Severodonetsk và Lysychansk, vốn bị ngăn cách bởi một con sông, đã trở thành "
        "mục tiêu trong nhiều tuần.",
    ])
    assert labels == [
        ("title", "structure/headline"),
        ("boilerplate", "blank"),
        ("byline", "structure/name"),
        ("lead", "structure/first-paragraph"),
        ("body", "structure/article-text"),
    ]


GALLERY_STORY = [
    "New car sales plunge 10 percent in October",
    "By Paul Takahashi",
    "Published 4:00 am CST, Wednesday, November 20, 2019",
    "In this Sunday photograph, a long row of unsold sports-utility vehicles sits at a dealership "
    "in Littleton, Colorado, as sales cool off.",
    "Photo: David Zalubowski / Associated Press",
    "Image 1 of 9",
    "Caption",
    "Close",
    "Sales of new vehicles in October, the month before the holiday deals",
    "Photo: David Zalubowski / Associated Press",
    "Back to Gallery",
    "New vehicle sales in the Houston area plunged 10 percent last month, despite low interest "
    "rates and clearance deals on last year's models.",
    "Local auto dealers sold 30,154 new cars, trucks and SUVs in October, the second-highest "
    "sales volume of the year so far.",
]


def test_a_headline_signed_far_above_a_photo_gallery_is_the_title():
    labels = _rules(GALLERY_STORY)
    assert labels[0] == ("title", "structure/headline")
    assert labels[1] == ("byline", "byline")
    assert labels[2][0] == "date"
    assert {label for label, _ in labels[3:11]} == {"boilerplate"}  # the gallery box
    assert labels[11:] == [("lead", "structure/first-paragraph"), ("body", "structure/article-text")]
    # unsigned, the headline is too far up: the closest title-like line is taken
    unsigned = [GALLERY_STORY[0], *GALLERY_STORY[3:]]
    assert _rules(unsigned)[0] == ("boilerplate", "structure/before-title")


HEADS = {  # the head of a dump: its lines and the labels expected of some of them
    "a dated line with its clock time over the text is no headline": ([
        "Cristina Núñez Cáceres Lunes, 28 de octubre 2024, 11:18 Comenta Compartir",
        "La Policía Judicial de la Guardia Civil de Cáceres detuvo a un hombre este domingo por su "
        "presunta implicación en la muerte violenta de un vecino de Moraleja.",
        "Desde la Guardia Civil señalan que las diligencias policiales continúan en curso, y que "
        "el detenido será puesto a disposición judicial en las próximas horas.",
    ], {0: ("date", "structure/dateline-loose"), 1: ("lead", "structure/first-paragraph")}),
    "a byline over the text of a dump without headline is kept": ([
        "Von Julian Hans",
        "Als im Februar bekannt wurde, dass unter den Kunden eines mehrfach verurteilten "
        "Drogendealers auch Polizisten waren, war das ein Schock für die Stadt.",
        "Am Mittwoch nun haben 170 Ermittler des Landeskriminalamts 30 Wohnungen und sieben "
        "Dienststellen durchsucht, wie die Staatsanwaltschaft mitteilte.",
    ], {0: ("byline", "byline")}),
    "the headline above a long standfirst is the title": ([
        "SmartNews Keeping you current",
        "Three Cases of Plague Diagnosed in China",
        "Officials say the risk of an outbreak is low, but many are concerned that information "
        "about the cases is being restricted",
        "By Brigit Katz",
        "Chinese officials have confirmed three cases of plague in China this month, two of them "
        "of pneumonic plague, the most dangerous form of the disease.",
        "The cases were diagnosed in Beijing and in Inner Mongolia, where plague-carrying rodents "
        "are common on the grasslands.",
    ], {1: ("title", "structure/headline"), 3: ("byline", "byline")}),
}


@pytest.mark.parametrize("case", HEADS)
def test_the_head_of_a_dump(case):
    lines, expected = HEADS[case]
    labels = _rules(lines)
    assert {i: labels[i] for i in expected} == expected


def test_the_headline_is_sought_above_the_text_not_above_a_gallerys_captions(monkeypatch):
    caption = ("In this Sunday, Nov. 10, 2019, photograph, a long row of unsold sports-utility "
               "vehicles sits at a dealership in Littleton, Colo. (AP Photo/David Zalubowski)")
    lines = [*GALLERY_STORY[:3], caption, caption, "Photo: David Zalubowski", "Image 1 of / 9",
             "Caption", "Close", "Image 1 of 9", "Gallery", caption, caption,
             "Photo: David Zalubowski", GALLERY_STORY[0], "1 / 9", "Back to Gallery",
             *GALLERY_STORY[-2:]]
    # the line model takes the gallery's last caption for text, as it did on a real page
    keen = {11, len(lines) - 2, len(lines) - 1}
    monkeypatch.setattr("generator.linemodel.line_scores", lambda texts, decided, model=None:
                        [0.9 if i in keen else 0.0 for i in range(len(texts))])
    got = _rules(lines)
    assert got[:2] == [("title", "structure/headline"), ("byline", "byline")]
    assert got[3] == ("caption", "photo-credit") and got[11][1] == "structure/duplicate"
    assert got[-2] == ("lead", "structure/first-paragraph")


def test_menus_and_breadcrumbs_are_no_article_text():
    assert _lexicon_decision("BLOG > Weight Loss > Weight Loss Tips") == (
        "boilerplate", "common/breadcrumb")
    assert _lexicon_decision("Trang chủ » Thời sự » Chính trị") == (
        "boilerplate", "common/breadcrumb")
    assert _lexicon_decision("If a > b and b > c then a > c.") is None
    menu = ("Arab Israeli Conflict Israel News Opinion Middle East Diaspora American Politics WORLD "
            "NEWS Premium Health Science Business Tech")
    assert not is_anchor(menu)
    assert is_anchor(menu.lower().capitalize())  # the same words as prose are a paragraph


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
    assert not is_caps_name("(KEYSTONE/EPA/IAN LANGSDON)")  # a photo credit in brackets
    assert not is_names("• Download")  # a widget behind a bullet
    assert is_anchor("x " * 50 + "fin.")
    assert not is_anchor("Nổi bật")
    assert norm("  Hợp TÁC, kinh-tế! ") == "hợp tác kinh tế"
    assert is_short_name("Conan O'Brien") and is_short_name("N'Golo Kanté")
    assert not is_short_name("L'essentiel du Parisien")  # an elided article: French prose
    assert is_short_name("David G. Maciejewski")  # an initial is no sentence's end
    assert is_sentence("東京で会議が開かれた。") and is_sentence("会議が開かれた。首相も出席した")


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


def test_lexicons_cover_italian_and_russian():
    lex = lexicon()
    for text in ["Commenti (3)", "Condividi su Facebook", "Leggi anche", "Riproduzione riservata",
                 "Комментарии (5)", "Материалы по теме", "Читайте также: Новый закон",
                 "Все права защищены."]:
        assert lex.boilerplate.match(text) or lex.related.match(text), text
    assert lex.byline_name("di Marco Rossi") == "Marco Rossi"
    assert lex.byline_name("Автор: Анна Петрова") == "Анна Петрова"
    assert is_dateline("Опубликовано 20 ноября 2019") is not None
    hit = find_date("Pubblicato il 20 novembre 2019 alle 10:30")
    assert hit is not None and (hit.year, hit.month, hit.day, hit.hour) == (2019, 11, 20, 10)


def _rules(lines: list[str]) -> list[tuple[str, str]]:
    return [(ln.label, ln.rule) for ln in clean_lines(read_bytes("\n".join(lines).encode(), "x.txt"))]


LISTICLE = [
    "Black Friday per nostalgici: le occasioni da non perdere",
    "Il black Friday incombe su di noi: per chi non lo sapesse, il venerdì nero apre la stagione "
    "degli acquisti natalizi con sconti speciali in tutti i negozi.",
    "Ecco allora le offerte per i nostalgici degli anni Ottanta e Novanta, scelte per voi tra le "
    "migliori del giorno e controllate una per una stamattina.",
    "1) Lego Star Wars 75188 Bombardiere della Resistenza",
    "http://amzn.to/2iJFhRj",
    "2) Polistil 960574 Pista Elettrica Sorpasso",
    "http://amzn.to/2hZfWFJ",
    "3) Blade Runner The Final Cut (4K Ultra HD + Blu-Ray)",
    "http://amzn.to/2hWEIX7",
    "Condividi",
    "1) Il più letto di oggi",
    "2) Il secondo più letto",
]


def test_numbered_list_runs_on_past_the_last_paragraph():
    got = _rules(LISTICLE)
    assert got[3] == ("body", "structure/article-text")
    assert got[4:9] == [("body", "structure/list-continued")] * 5
    # a list that starts again at 1 after the article is another list (most read)
    assert [label for label, _ in got[9:]] == ["boilerplate"] * 3


def _decided(rows: list[tuple[str, str, str]]) -> _Labels:
    """A document whose lines carry the (label, rule) given beside each text."""
    doc = _Labels([text for _, _, text in rows])
    for i, (label, rule, _) in enumerate(rows):
        if label:
            doc.set(i, label, rule)
    return doc


PARAGRAPH = "A paragraph of the article, long enough and ending as sentences do."


def test_lines_the_model_dropped_between_paragraphs_are_subheadings():
    chrome = ("boilerplate", "model/chrome p=0.03")
    rows = [("body", "structure/article-text", PARAGRAPH), (*chrome, "Ingredients"),
            (*chrome, "1 tsp cinnamon"), ("", "", ""), (*chrome, "1 lemon"),
            ("body", "structure/article-text", PARAGRAPH)]
    doc = _decided(rows)
    _take_back_subheads(doc, 0, 5)
    assert [doc.rule[i] for i in (1, 2, 4)] == ["structure/subheading"] * 3
    # a longer run is a block of its own (a teaser box), and so is one closed by a prompt
    long_run = [rows[0], *[(*chrome, f"Teaser {k}") for k in range(SUBHEAD_RUN + 1)], rows[0]]
    doc = _decided(long_run)
    _take_back_subheads(doc, 0, len(long_run) - 1)
    assert all(rule.startswith("model/chrome") for rule in doc.rule[1:-1])
    closed = [rows[0], rows[1], ("boilerplate", "en/share-prompt", "Share this:"), rows[0]]
    doc = _decided(closed)
    _take_back_subheads(doc, 0, 3)
    assert doc.rule[1].startswith("model/chrome")


def test_paragraphs_far_from_the_article_and_light_are_a_sidebar():
    doc = _Labels(["Quote of the day: a sentence long enough to count as a paragraph here.",
                   *[f"Menu item {k}" for k in range(CLUSTER_GAP)],
                   *[PARAGRAPH + " " + PARAGRAPH] * 3])
    anchors = [0, CLUSTER_GAP + 1, CLUSTER_GAP + 2, CLUSTER_GAP + 3]
    assert _main_run(doc, anchors) == anchors[1:]
    near = _Labels([doc.texts[0], *doc.texts[CLUSTER_GAP:]])  # one menu line between: one run
    assert _main_run(near, [0, 2, 3, 4]) == [0, 2, 3, 4]


def test_a_name_in_capitals_signs_the_article_only_close_under_it():
    menu = ["HOME", "Contact us today", "Our team and partners", "Privacy and cookies", "NFL"]
    paragraphs = [f"{PARAGRAPH[:-1]}, number {k}." for k in range(3)]
    dump = ["A headline about the city council budget vote", *paragraphs, "H LAN", *menu]
    got = _rules(dump)
    assert got[4] == ("byline", "structure/caps-name")
    assert got[-1][0] == "boilerplate"  # "NFL", far below the text, is a menu item


def doc_rows(doc: _Labels, lines: range) -> list[tuple[str, str, str]]:
    """The (label, rule, text) rows of some lines of a document, to build another from."""
    return [(doc.label[i] or "", doc.rule[i], doc.texts[i]) for i in lines]


def test_paragraphs_under_a_block_header_that_weigh_little_are_teaser_cards():
    article = [PARAGRAPH + " " + PARAGRAPH] * 6
    cards = ["A teaser card that reads as a sentence. Its blurb runs on for a while too."] * 2
    doc = _decided([("", "", t) for t in article]
                   + [("boilerplate", "en/section-promo", "Most Read")]
                   + [("", "", t) for t in cards])
    anchors = [0, 1, 2, 3, 4, 5, 7, 8]
    assert _main_run(doc, anchors) == anchors  # the cards weigh over HEADER_MIN_SHARE
    doc.texts[7] = doc.texts[8] = "A teaser card, its title and blurb glued together."
    assert _main_run(doc, anchors) == anchors[:6]
    # text resuming under two headers is an article broken by boxes: nothing is dropped
    boxed = _decided([*doc_rows(doc, range(9)), ("boilerplate", "en/section-promo", "Trending"),
                      ("", "", doc.texts[8])])
    assert _main_run(boxed, [*anchors, 10]) == [*anchors, 10]
    # the paragraphs above a header are judged with what stands under it: a short top run
    # of the article is not dropped because a related box follows it
    doc = _decided([("", "", article[0]), ("boilerplate", "en/related-header", "More in Politics"),
                    *[("", "", t) for t in article]])
    assert _main_run(doc, [0, *range(2, 8)]) == [0, *range(2, 8)]
    # a related line that carries its teaser ("Read also: <title>") does not split the text
    doc = _decided([*[("", "", t) for t in article[:3]],
                    ("boilerplate", "en/related-header", "Read more: " + "a teaser title " * 3),
                    ("", "", cards[0])])
    assert _main_run(doc, [0, 1, 2, 4]) == [0, 1, 2, 4]


TOUR = [
    "The band announced a summer tour on Tuesday, its first in a decade, with shows across the "
    "country and a new album to follow in the autumn.",
    "Tickets go on sale Friday at 10 a.m. local time through the band's website and the usual "
    "outlets; the dates are below.",
    "July 22 – Cuyahoga Falls, OH @ Blossom Music Center",
    "July 26 – Saratoga Springs, NY @ Saratoga Performing Arts Center",
    "August 2 – Clarkston, MI @ DTE Energy Music Theatre",
    "August 4 – Cincinnati, OH @ Riverbend Music Center",
    "September 5 – Seattle, WA @ White River Amphitheatre",
    "October 10 – Houston, TX @ The Cynthia Woods Mitchell Pavilion",
    "Privacy Policy",
    "Site map and contact",
]


def test_lines_shaped_like_the_list_above_them_continue_it():
    chrome = ("boilerplate", "model/chrome p=0.02")
    rows = [("body", "structure/article-text", t) for t in TOUR[:6]] \
        + [(*chrome, t) for t in TOUR[6:8]] + [(*chrome, t) for t in TOUR[8:]]
    doc = _decided(rows)
    _continue_shape(doc)
    assert doc.rule[6:8] == ["structure/list-shaped"] * 2
    assert doc.rule[8].startswith("model/chrome")  # no "–" near its start: not the list's
    # two kept lines of one shape are not yet a list; a lexicon line is never taken back
    doc = _decided([rows[0], rows[1], rows[2], rows[3], rows[6]])
    _continue_shape(doc)
    assert doc.rule[4].startswith("model/chrome")
    doc = _decided([*rows[:6], ("boilerplate", "en/share-prompt", "Share – Tweet – Email")])
    _continue_shape(doc)
    assert doc.rule[6] == "en/share-prompt"
    assert _shape("Q: Favorite athlete?") == _shape("A: Lebron James, of course.") == ":"
    assert _shape("A sentence, with commas, and a full stop.") == ""


@pytest.mark.parametrize("line, rule", [
    ("Related: Possible Water Plumes on Europa: The Discovery in Images", "en/related-header"),
    ("[Related: Salesforce Dreamforce Keynote: AI, Integration And Protestors]",
     "en/related-header"),
    ("More in Trump Impeachment Inquiry", "en/related-header"),
    ("Most read in world news", "en/related-header"),
    ("Popular on IndieWire", "en/related-header"),
    ("More Great WIRED Stories", "en/related-header"),
    ("Next Up In Science & Health", "en/related-header"),
    ("Image 2 of 5", "en/widget"),
    ("1 of 6", "en/widget"),
    ("Previous Next", "en/widget"),
    ("Copied!", "en/widget"),
    ("View all (23)", "en/widget"),
    ("Advert", "common/advert"),
    ("Write to Al Root at allen.root@example.com", "en/contact"),
    ("Email Tariq Malik at tmalik@example.com or follow him @tariqjmalik. Follow us on Twitter.",
     "en/contact"),
    ("Follow Newsbeat on Instagram, Facebook, Twitter and YouTube.", "en/contact"),
    ("Listen: http://po.st/TP_615", "en/read-time"),
    ("Sign Up: Stay on top of the latest breaking film and TV news!", "en/newsletter"),
    ("There's plenty more where that came from. Sign up for The Daily today to get the free "
     "daily newsletter delivered to your inbox.", "en/newsletter"),
    ("The Latest", "en/related-header"),
    ("Trending News", "en/related-header"),
    ("Most Popular Videos", "en/related-header"),
    ("More:", "en/related-header"),
    ("More Business News", "en/related-header"),
    ("Latest", "en/section-promo"),  # a bare menu item: not a header of teasers
    ("View Comments", "en/comment-counter"),
    ("Subscribe Sign In", "en/follow-prompt"),
    ("Pin It", "en/share-prompt"),
    ("Related Topics", "en/tag-list"),
    ("There was a problem subscribing you to the newsletter. Check your email and try again.",
     "en/newsletter"),
    ("This document is subject to copyright. No part may be reproduced without permission.",
     "en/cms-footer"),
    ("Weitere Beiträge zum Thema", "de/related-header"),
    ("Lo más leído", "es/related-header"),
    ("As mais lidas da semana", "pt/related-header"),
    ("Continue reading the main story", "en/widget"),
    ("Lire la suite", "fr/read-time"),
    ("Trở lại Khoa học", "vi/section-promo"),
    ("Đọc tiếp", "vi/section-promo"),
    ("» Publicidade", "common/advert"),  # a menu item dressed in an arrow
    ("Tags", "en/tag-list"),
    ("Quick Links", "en/cms-footer"),
    ("Continue Reading Below", "en/widget"),
    ("This slideshow requires JavaScript.", "en/widget"),
    ("To Read the Full Story", "en/widget"),
    ("Get breaking news alerts and special reports, delivered weekday mornings.",
     "en/newsletter"),
    ("No spam, we promise. You can unsubscribe at any time.", "en/newsletter"),
    ("Share on: Facebook Twitter Reddit", "en/share-prompt"),
    ("Share to LinkedIn", "en/share-prompt"),
    ("1.2K Shares", "en/share-prompt"),
    ("View recent articles", "en/widget"),
    ("How to contact us", "en/cms-footer"),
    ("Best gifts for co-workers under $50 on Amazon SEE FULL GALLERY", "en/widget"),
    ("Also on rt.com Journalists threatened with sedition arrests as Bolivia's crisis deepens",
     "en/section-promo"),
    ("Like this story? Share it with a friend!", "en/share-prompt"),
    ("Have a tip? Amy may be reached at amy@example.com.", "en/contact"),
    ("CLICK HERE TO GET THE FOX NEWS APP", "en/contact"),
    ("This site is protected by reCAPTCHA and the Google Privacy Policy.", "en/cookie"),
    ("Short Url", "en/widget"),
    ("IE 11 is not supported. For an optimal experience visit our site on another browser.",
     "en/widget"),
    ("CBS News App Open", "en/widget"),
    ("• Transcript", "en/widget"),
    ("Your support helps us to tell the story", "en/widget"),
    ('• <iframe src="" width="100%" height="290" frameborder="0"></iframe>',
     "common/embed-code"),
    (">> Le Courrier du Vietnam fête son trentenaire", "common/related-link"),
    ("» Tin liên quan: Giá xăng giảm mạnh từ chiều nay", "common/related-link"),
    ("Continue reading on The Verge", "en/widget"),
    ("Continuer la lecture de cet article sur RFI AFRIQUE", "fr/read-time"),
    ("France Télévisions utilise votre adresse e-mail afin de vous envoyer la newsletter "
     "\"Société\". Vous pouvez vous désinscrire à tout moment.", "fr/newsletter"),
    ("Tous les jours, recevez l’actualité de votre région par newsletter.", "fr/newsletter"),
    ("Iklan", "common/advert"),
    ("Реклама", "common/advert"),
])
def test_english_widget_and_teaser_lines(line, rule):
    assert lexicon_decided([line]) == [True]
    found = _lexicon_decision(line)
    assert found is not None and found[1] == rule


@pytest.mark.parametrize("line", ["Publié aujourd’hui à 06h00, modifié à 08h39",
                                  "Publié hier à 18h20, mis à jour aujourd'hui à 07h15"])
def test_relative_french_datelines_with_either_apostrophe(line):
    assert _lexicon_decision(line) == ("date", "fr/relative-dateline")


@pytest.mark.parametrize("line", [
    "– Oui, dit-il, nous reviendrons l'an prochain.",  # a dialogue dash is not a menu's bullet
    "Trở lại sân cỏ",  # "Back on the pitch": a subheading, not a link back to a section
    "UP NEXT",  # AP's sports recaps close on the teams' next games under this subheading
    "More from the minister's speech came later in the day, when she took questions.",
    "The company said it would email customers at the weekend to explain the change.",
    "Volker said he was one of 6 officials on the call.",
    "Shares in the company fell 4% after the announcement.",
    "Also on the agenda: a vote on the budget for the new hospital in the city.",
    "La newsletter du journal compte désormais 10 000 abonnés, selon la direction.",
    "» Il a dit. Puis il est parti.",  # a quote's closing mark, sentences: no link
    "The browser war is over, says Mozilla's chief in an interview on Monday.",
    "Download the full report from the ministry's website before Friday.",
])
def test_english_body_lines_the_widget_rules_spare(line):
    assert _lexicon_decision(line) is None


def test_a_byline_or_caption_does_not_part_a_standfirst_from_the_article():
    rows = [("", "", "Pour son troisième album, la chanteuse mêle chaâbi, électro et chanson "
                     "réaliste, et raconte ses nuits blanches à Paris."),
            ("", "", "par Julien Mercier"), ("date", "dateline", "publié le 7 février 2024"),
            ("image", "image-file", "portrait.jpg"),
            ("", "", "Nadia Belkacem, à Paris, le 30 janvier."),
            ("", "", "Votre album s'intitule «Nuits blanches». Pourquoi ce titre ?"),
            ("", "", PARAGRAPH + " " + PARAGRAPH)]
    assert _extend(_decided(rows), lexicon(), [0, 6], [6]) == [0, 6]
    # a long headline without a sentence's punctuation is found by the title search instead
    headline = ("", "", "Budget 2025 : les députés rejettent la partie recettes du projet de loi "
                        "de finances présenté par le gouvernement")
    assert _extend(_decided([headline, *rows[1:]]), lexicon(), [0, 6], [6]) == [6]
    # other text between them does part them
    rows[1], rows[3] = ("", "", "Un menu de la rubrique"), ("", "", "Un autre menu")
    assert _extend(_decided(rows), lexicon(), [0, 6], [6]) == [6]


def test_a_headline_with_a_full_stop_inside_is_known_by_the_dateline_under_it():
    dump = [
        "Ouest-France", "Pays de la Loire", "Loire-Atlantique", "Nantes", "Faits divers",
        "Nantes. Un incendie dans un immeuble du quartier Malakoff, douze personnes relogées",
        "Publié le 04/03/2024 à 08h15", "Modifié le 04/03/2024 à 10h40",
        "Un incendie s'est déclaré dans la nuit de dimanche à lundi au troisième étage d'un "
        "immeuble de la rue de Malakoff, selon les pompiers de Loire-Atlantique.",
        "L'alerte a été donnée vers 2 h 30 par des voisins qui ont aperçu des flammes s'échapper "
        "d'une fenêtre ; une quarantaine de pompiers ont été engagés.",
    ]
    got = [label for label, _ in _rules(dump)]
    assert got == ["boilerplate"] * 5 + ["title", "date", "date", "lead", "body"]
    # a paragraph that ends as sentences do is not taken for a headline, dateline or not
    dump[5] += "."
    assert _rules(dump)[5][0] != "title"


def test_a_row_of_dates_between_teaser_titles_is_dropped_and_not_the_articles_date():
    rows = [("date", "dateline", "Published 12 November 2024"),
            ("date", "dateline", "Updated 13 November 2024"),  # the article's pair: kept
            ("", "", PARAGRAPH + " " + PARAGRAPH)]
    for k in range(DATE_LIST_MIN):
        rows += [("", "", f"Teaser title number {k}"), ("date", "dateline", f"{k + 1} May 2017")]
    doc = _decided(rows)
    _teaser_dates(doc)
    assert [doc.label[i] for i in (0, 1)] == ["date", "date"]
    assert [doc.rule[i] for i in range(4, len(rows), 2)] == ["structure/teaser-date"] * 3
    doc = _decided(rows[:-2])  # two teasers' dates are not yet a list
    _teaser_dates(doc)
    assert doc.label[-1] == "date"


STORY = [
    "Three years ago, over breakfast, my friend handed me a novel about a quest that she said "
    "would change how I read fantasy for good.",
    "The book is an unfolding cabinet of wonders, written over a decade before the genre's "
    "current fashion for history retold with magic.",
    "I wanted to buy a copy, but it was out of print, and used copies were selling for far more "
    "than I could pay at the time.",
    "It would take me eighteen months to answer my questions, and the quest brought me to the "
    "writer's friends, his family and his papers.",
]


def test_a_comment_button_under_a_standfirst_does_not_end_the_article():
    dump = ["The Disappearance of a Beloved Writer",
            "I wanted to learn why a beloved science fiction writer fell into obscurity after "
            "his death.",
            "Tweet", "Share", "Comment", *STORY]
    got = [label for label, _ in _rules(dump)]
    assert got[-4:] == ["body"] * 4
    # under an article of its own, a comment header does end it: what follows is comments
    comments = ["Great piece, thanks for writing it and for all the research you put in.",
                "I read this book in 1990 and still think about it every year around now."]
    got = _rules(["The Disappearance of a Beloved Writer", *STORY, "Comments (2)", *comments])
    assert [label for label, _ in got[1:5]] == ["lead", "body", "body", "body"]
    assert [label for label, _ in got[-2:]] == ["boilerplate", "boilerplate"]


def _credit_keywords(pattern: str) -> list[str]:
    """The keywords of a CREDIT pattern's "(?:photo|photos|crédit(?: photo)?|...)" group,
    spelled out ("crédit", "crédit photo")."""
    start = pattern.index("(?:") + 3
    depth, i, words, word = 0, start, [], ""
    while depth >= 0:
        ch = pattern[i]
        depth += {"(": 1, ")": -1}.get(ch, 0)
        if depth < 0 or (ch == "|" and depth == 0):
            words.append(word)
            word = ""
        else:
            word += ch
        i += 1
    spelled = []
    for word in words:
        spelled.append(re.sub(r"\(\?:([^)]*)\)\?", "", word))
        spelled.append(re.sub(r"\(\?:([^)]*)\)\?", r"\1", word))
    return sorted(set(spelled))


@pytest.mark.parametrize("lang", sorted(LANGUAGE_MODULES))
def test_every_credit_keyword_is_split_off_a_caption(lang):
    # the patterns of a keyword and a colon ("Ảnh: Reuters"); those in brackets only want them
    patterns = [p for p in LANGUAGE_MODULES[lang].CREDIT if re.search(r"\)\\s\*:", p)]
    assert patterns
    for pattern in patterns:
        for keyword in _credit_keywords(pattern):
            captions = [f"Người dân xếp hàng tại Hà Nội sáng 20/9. ({keyword.title()}: Reuters)"]
            if not pattern.startswith(r"\(\s*"):
                captions.append(f"People queue in Hanoi on Sept. 20. {keyword.upper()}: Reuters")
            for caption in captions:
                assert lexicon().split_credit(caption)[1] == "Reuters", caption


def test_agency_photo_credits_in_brackets_are_split_off_captions():
    lex = lexicon()
    assert lex.split_credit("Ukrainian President Volodymyr Zelenskyy speaks in Kyiv, Ukraine. "
                            "(AP Photo/Efrem Lukatsky)") == (
        "Ukrainian President Volodymyr Zelenskyy speaks in Kyiv, Ukraine.",
        "AP Photo/Efrem Lukatsky")
    assert lex.split_credit("Fans cheer at the stadium (in Doha) on Sunday. "
                            "(Photo by Jane Doe/Getty Images)")[1] == "Jane Doe/Getty Images"
    assert lex.split_credit("Cảnh tan hoang ở Bucha, Ukraine. (Nguồn: AP)") == (
        "Cảnh tan hoang ở Bucha, Ukraine.", "AP")
    assert lex.split_credit("Shares of the firm (photos/videos maker) rose 3%")[1] is None
    assert lex.split_credit("Giá xăng tăng mạnh. Nguồn: Bộ Công Thương")[1] is None


def test_copyright_credits_are_split_off_captions():
    for caption in ("People queue in Hanoi. (© AFP)", "People queue in Hanoi. © AFP",
                    "People queue in Hanoi (c) Getty Images"):
        assert lexicon().split_credit(caption)[1] in ("AFP", "Getty Images"), caption
    assert lexicon().split_credit("People queue in Hanoi. Photos are on page 3.")[1] is None


def test_a_byline_names_someone_with_a_capital():
    lex = lexicon()
    assert lex.byline_name("By subject") is None  # a menu's "sort by" link
    assert lex.byline_name("By Jane Doe") == "Jane Doe"
    assert lex.byline_name("BY JANE DOE") == "JANE DOE"
    assert lex.byline_name("Par Jean Dupont") == "Jean Dupont"
    assert lex.byline_name("Theo TTXVN") == "TTXVN"


def test_a_vietnamese_byline_of_a_compilation():
    lex = lexicon()
    assert lex.byline_name("M. K (t/hợp) |") == "M. K (t/hợp)"
    assert lex.byline_name("Hà Anh (lược dịch)") == "Hà Anh (lược dịch)"
    assert lex.byline_name("giá vàng (tổng hợp)") is None  # no capital: no name


def test_a_french_byline_with_an_agency_names_no_par():
    lex = lexicon()
    assert lex.byline_name("Par Le Figaro avec AFP") == "Le Figaro avec AFP"
    assert lex.byline_name("Jean Dupont avec AFP") == "Jean Dupont avec AFP"


def test_a_credit_is_found_after_its_keyword_used_earlier_in_the_caption():
    lex = lexicon()
    caption = "The photo exhibition opens today in Hanoi; images by 40 artists. (Photo: Reuters)"
    assert lex.split_credit(caption) == (
        "The photo exhibition opens today in Hanoi; images by 40 artists.", "Reuters")
    assert lex.split_credit("Ảnh chụp màn hình cho thấy đoạn video. Ảnh: Reuters") == (
        "Ảnh chụp màn hình cho thấy đoạn video.", "Reuters")
