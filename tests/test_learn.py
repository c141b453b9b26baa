"""Learning each outlet's boilerplate from the whole corpus of a build."""

from __future__ import annotations

from generator.clean import clean_lines
from generator.learn import learn_boilerplate, line_key, outlets, source_domain
from generator.models import RawDoc


def dump(path: str, *lines: str) -> RawDoc:
    return RawDoc(path=path, kind="text", lines=lines, first_line=1)


def article(n: int, source: str, footer: str = "Hàng ngày cập nhật tin tức mới nhất từ khắp nơi") -> RawDoc:
    return dump(
        f"seeds/{source.split('/')[2]}-{n}.txt",
        f"Tiêu đề bài báo số {n} về một sự kiện quan trọng",
        f"Đoạn mở đầu của bài báo số {n} dài hơn tám mươi ký tự để được coi là một đoạn văn chắc chắn.",
        f"Đoạn thân bài số {n} tiếp tục với nội dung chính, câu này cũng dài hơn tám mươi ký tự như vậy.",
        footer,
        f"Nguồn: {source}-{n}.htm",
    )


def test_a_line_recurring_in_an_outlets_dumps_is_learned_with_its_files():
    docs = [article(n, "https://baomoi.example.vn/tin") for n in range(3)]
    learned = learn_boilerplate(docs)
    found = learned.lookup("seeds/baomoi.example.vn-0.txt",
                           "HÀNG NGÀY cập nhật tin tức mới nhất từ khắp nơi!")
    assert found is not None
    assert found.outlet == "baomoi.example.vn"
    assert found.files == tuple(sorted(d.path for d in docs))
    assert found.rule == "learned/baomoi.example.vn"
    report = learned.report()
    assert [r["text"] for r in report] == ["Hàng ngày cập nhật tin tức mới nhất từ khắp nơi"]
    assert report[0]["files"] == sorted(d.path for d in docs)


def test_clean_lines_drops_learned_lines_and_names_the_rule():
    docs = [article(n, "https://baomoi.example.vn/tin") for n in range(3)]
    learned = learn_boilerplate(docs)
    without = clean_lines(docs[0])
    with_learned = clean_lines(docs[0], learned=learned)
    assert [ln.label for ln in without][3] != "boilerplate"
    line = with_learned[3]
    assert (line.label, line.rule) == ("boilerplate", "learned/baomoi.example.vn")
    # Article text is untouched.
    assert [ln.label for ln in with_learned][:3] == ["title", "lead", "body"]


def test_two_dumps_are_not_enough_and_outlets_do_not_mix():
    two = [article(n, "https://a.example.com/x") for n in range(2)]
    assert learn_boilerplate(two).by_path == {}
    mixed = [*two, article(9, "https://b.example.org/y")]
    assert learn_boilerplate(mixed).by_path == {}


def test_dumps_without_a_source_are_grouped_by_their_signature():
    menu = ("Trang chủ của chúng tôi", "Chuyên mục thời sự")
    docs = [dump(f"seeds/{n}.txt", *menu, f"Một bài báo số {n} với nội dung riêng của nó, đủ dài.",
                 "Bản tin được cung cấp bởi hãng tin XYZ")
            for n in range(3)]
    docs.append(dump("seeds/other.txt", "Bản tin được cung cấp bởi hãng tin XYZ", "Khác"))
    groups = outlets(docs)
    assert groups["seeds/0.txt"] == groups["seeds/1.txt"] == groups["seeds/2.txt"]
    assert groups["seeds/other.txt"] != groups["seeds/0.txt"]
    learned = learn_boilerplate(docs)
    assert learned.lookup("seeds/0.txt", "Bản tin được cung cấp bởi hãng tin XYZ") is not None
    assert learned.lookup("seeds/other.txt", "Bản tin được cung cấp bởi hãng tin XYZ") is None


def test_bylines_are_never_learned_away():
    docs = [dump(f"seeds/{n}.txt", f"Tiêu đề số {n} của một bài báo dài",
                 f"Đoạn văn số {n} của bài báo này dài hơn tám mươi ký tự để được coi là đoạn văn chắc chắn.",
                 "Theo TTXVN", "Source: https://x.example.vn/a.htm") for n in range(3)]
    learned = learn_boilerplate(docs)
    assert learned.lookup("seeds/0.txt", "Theo TTXVN") is not None
    assert clean_lines(docs[0], learned=learned)[2].label == "byline"


def test_source_domain_and_line_key():
    assert source_domain(dump("a.txt", "x", "Source : https://www.lemonde.fr/a.html")) == "lemonde.fr"
    assert source_domain(RawDoc("a.txt", "text", ("x",), 1, meta=(("source", "https://m.vnexpress.net/a"),))) \
        == "vnexpress.net"
    assert source_domain(dump("a.txt", "no url here")) is None
    assert line_key("  Hợp TÁC, kinh-tế! ") == "hợp tác kinh tế"


def test_a_headline_seen_as_other_dumps_teaser_stays_the_headline_and_paragraphs_stay():
    headline = "Giá xăng dầu tăng mạnh trong tháng mười một"
    paragraph = ("Đoạn văn này được nhiều bài của cùng một tờ báo dẫn lại nguyên văn, dài hơn tám "
                 "mươi ký tự để là một đoạn văn thật sự.")
    docs = [dump(f"seeds/{n}.txt",
                 headline if n == 0 else f"Tiêu đề riêng của bài số {n} về thời tiết",
                 f"Giá xăng dầu trong tháng này tăng mạnh, bài báo số {n} cho biết, một đoạn mở đầu dài.",
                 paragraph,
                 "Bài liên quan" if n else "Hàng ngày cập nhật tin tức",
                 headline if n else "Hàng ngày cập nhật tin tức mới",
                 "Nguồn: https://baomoi.example.vn/tin") for n in range(4)]
    learned = learn_boilerplate(docs)
    assert learned.lookup("seeds/0.txt", headline) is not None
    assert learned.lookup("seeds/0.txt", paragraph) is None  # paragraphs are never learned
    labels = [(ln.label, ln.rule) for ln in clean_lines(docs[0], learned=learned)]
    assert labels[0] == ("title", "structure/headline")
    assert labels[2] == ("body", "structure/article-text")
    # In the other dumps the same line is a teaser under "Bài liên quan": still dropped.
    assert clean_lines(docs[1], learned=learned)[4].label == "boilerplate"
