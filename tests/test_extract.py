"""Extraction turns labelled lines into the article's metadata and body."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from generator.config import make_config
from generator.extract import (
    derive_title,
    detect_language,
    display_author,
    extract,
    make_guid,
    make_slug,
    safe_url,
)
from generator.models import Figure, RawDoc
from generator.read import read_bytes, read_file
from tests.conftest import FR_SAMPLE, VI_SAMPLE

VI_BODY_STARTS = ["Tại đây, Chủ nhiệm", "Theo ông Vương", "Kể từ khi thiết lập",
                  "Ông nhấn mạnh", "Trong khi đó, theo truyền thông", "Nga kiên định",
                  "Hai bên nhất trí"]


def test_vi_sample_metadata(config):
    a = extract(read_file(VI_SAMPLE), config)
    assert a.title == "Hợp tác kinh tế, thương mại Trung Quốc-Nga ngày càng trở nên sâu sắc"
    assert a.lang == "vi"
    assert a.published is not None
    assert a.published.isoformat() == "2023-09-20T14:40:00+07:00"
    assert a.author == "H Lan (tổng hợp)"
    assert a.source_url is None
    assert a.lead.startswith("Trong bối cảnh căng thẳng giữa Nga-Ukraine")
    assert len(a.body) == 7
    assert [p[: len(s)] for p, s in zip(a.body, VI_BODY_STARTS, strict=True)] == VI_BODY_STARTS
    [figure] = a.figures
    assert figure.caption == ("Trung Quốc, Nga tổ chức vòng tham vấn an ninh chiến lược "
                              "lần thứ 18.")
    assert figure.credit == "Bộ Ngoại giao Trung Quốc"
    assert figure.image_path is None  # the photo is not in seeds/
    assert a.slug == "hop-tac-kinh-te-thuong-mai-trung-quoc-nga-ngay-cang-tro-nen-sau-sac"
    assert not a.title_derived and not a.problems


def test_vi_body_is_unchanged_input_text(config):
    a = extract(read_file(VI_SAMPLE), config)
    source = [t.strip() for t in VI_SAMPLE.read_text(encoding="utf-8").splitlines()]
    positions = [source.index(p) for p in (a.lead, *a.body)]
    assert positions == sorted(positions)


def test_fr_sample_metadata(config):
    a = extract(read_file(FR_SAMPLE), config)
    assert a.lang == "fr"
    assert a.title_derived
    assert a.title == ("Deux hauts responsables chinois et russes ont déclaré leur volonté de "
                       "renforcer la coordination…")
    assert a.source_url == ("https://thanhnien.vn/nga-trung-quoc-nhan-manh-no-luc-chung-chong-"
                            "vong-kiem-toa-cua-my-185241112164938635.htm")
    assert a.published == datetime(2024, 11, 12, 16, 49, 38, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))
    assert a.published.isoformat() == "2024-11-12T16:49:38+07:00"
    assert a.lead.startswith("Deux hauts responsables chinois et russes")
    assert len(a.body) == 10
    assert a.body[0].startswith("Le 12 novembre, le secrétaire")
    assert a.body[-1] == ("Au cours de cette visite de travail, M. Shoigu devrait rencontrer des "
                          "dirigeants politiques chinois.")
    assert any(p.startswith("Le secrétaire du Conseil de sécurité russe, Sergueï Choïgou, et le "
                            "ministre") for p in a.body)
    [warning] = a.problems
    assert warning.path == str(FR_SAMPLE) and warning.line == 1
    assert "no headline found" in warning.message and warning.fix == "set title: in front matter"


def test_front_matter_overrides_detection(config):
    raw = read_file(FR_SAMPLE)
    text = FR_SAMPLE.read_bytes()
    front = (b"---\ntitle: Choigou a Pekin\ndate: 2024-11-13T08:00:00+01:00\nlang: fr\n"
             b"author: Jean Dupont\ntags: [Chine, Russie]\nsource: https://example.org/a\n---\n")
    a = extract(read_bytes(front + text, raw.path), config)
    assert a.title == "Choigou a Pekin" and not a.title_derived
    assert a.published is not None and a.published.isoformat() == "2024-11-13T08:00:00+01:00"
    assert a.author == "Jean Dupont"
    assert a.tags == ("Chine", "Russie")
    assert a.source_url == "https://example.org/a"
    assert a.lines[0].n == 9  # line numbers count the front matter


def test_configured_zone_by_language():
    config = make_config({"timezones": {"vi": "Asia/Bangkok"}})
    dump = "Tiêu đề bài báo\n20/09/2023, 14:40\n" + "Một đoạn văn dài của bài báo, " * 4 + "hết.\n"
    a = extract(read_bytes(dump.encode(), "x.txt"), config)
    assert a.published is not None
    assert a.published.tzinfo == ZoneInfo("Asia/Bangkok")


def test_impossible_date_is_reported(config):
    dump = ("Un titre d'article\n31/02/2024\n"
            "Un paragraphe de texte qui raconte une histoire assez longue pour compter ici.\n")
    a = extract(read_bytes(dump.encode(), "seeds/x.txt"), config)
    assert a.published is None
    said = [str(p) for p in a.problems]
    assert said[0] == ('seeds/x.txt:2: warning: date "31/02/2024" does not exist; fix it or '
                       "set date: in front matter")
    assert not any("no publication date" in s for s in said)  # said once, at the bad line
    assert said[1:] == ["seeds/x.txt: warning: only 106 of 106 characters kept as article text "
                        "(100%); check the labels of this file in build-report.json; add front "
                        "matter or report a cleaning rule if article text was dropped"]


def _dumped(dump: str, config):
    """Extract a dump given as text, as seeds/x.txt."""
    return extract(read_bytes(dump.encode(), "seeds/x.txt"), config)


def test_a_dateline_split_over_two_lines_gives_its_time_and_zone(config):
    dump = ("Chủ nhật, ngày 08 tháng 12 năm 2024\n16:02 (GMT +7)\n\n"
            "Xác định người có công: vẫn còn nhiều trăn trở\n\n"
            "Thời gian qua, công tác lịch sử của tỉnh đã đạt nhiều kết quả đáng ghi nhận, "
            "theo báo cáo của các cơ quan chức năng trong tỉnh.\n")
    a = _dumped(dump, config)
    assert a.published == datetime(2024, 12, 8, 16, 2, tzinfo=timezone(timedelta(hours=7)))
    assert [(ln.label, ln.rule) for ln in a.lines[:2]] == [("date", "dateline"),
                                                           ("date", "dateline-time")]


def test_a_clock_time_under_a_dateline_with_its_own_time_is_not_joined(config):
    dump = ("Un titre d'article assez long pour en être un\n12/11/2024 16:49\n10:30\n"
            "Un paragraphe de texte qui raconte une histoire assez longue pour compter ici.\n")
    a = _dumped(dump, config)
    assert (a.published.hour, a.published.minute) == (16, 49)
    assert a.lines[2].rule != "dateline-time"


def test_the_dateline_saying_published_wins_over_the_date_of_the_day(config):
    dump = ("Chủ Nhật, ngày 24 tháng 11 năm 2024\n\nCách thức Biden hàn gắn nước Mỹ\n\n"
            "Ngày phát hành: 08/01/2021 Lượt xem 1475\n\n"
            "Người dân Mỹ phải cố gắng tìm hiểu về nhau một lần nữa, và nhiều người đã thở "
            "phào nhẹ nhõm khi biết kết quả bầu cử.\n")
    a = _dumped(dump, config)
    assert a.published == datetime(2021, 1, 8, tzinfo=ZoneInfo("Asia/Bangkok"))
    assert (a.lines[4].label, a.lines[4].rule) == ("date", "dateline")


def test_a_dateline_by_the_headline_may_carry_a_section_or_a_byline(config):
    body = ("Ông Đỗ Hồng Sơn, giám đốc Sở Y tế, cho biết vừa nghe bệnh viện báo cáo về "
            "trường hợp bé trai tử vong trên đường chuyển viện.\n")
    a = _dumped("Bé trai bệnh sởi tử vong trên đường chuyển viện\n"
                "Đời sống 16/08/2025 20:45\n" + body, config)
    assert (a.lines[1].label, a.lines[1].rule) == ("date", "structure/dateline-by-headline")
    assert a.published == datetime(2025, 8, 16, 20, 45, tzinfo=ZoneInfo("Asia/Bangkok"))
    assert a.author is None  # a section's name is no author
    a = _dumped("A rescue in the hills ends after three days\n"
                "By JANE DOE - Nov 19, 2019, 10:31 pm CST\n"
                "Rescuers reached the climbers on Tuesday morning after a storm kept "
                "helicopters on the ground for three days.\n", config)
    assert a.lines[1].label == "date"
    assert (a.published.day, a.published.hour, a.published.minute) == (19, 22, 31)
    assert a.author == "Jane Doe"
    a = _dumped("Hà Nội công bố kế hoạch mới cho giao thông\nHÀ NỘI, 12/11/2024\n" + body,
                config)
    assert a.lines[1].label == "date" and a.author is None  # a place, not a byline


def test_the_publication_time_comes_before_an_update_and_a_date_of_the_day(config):
    body = ("Shoppers lined up before dawn on Monday as the first deals of the season went live "
            "across the country.\n")
    a = _dumped("Black Friday deals go live today\nBy Eric Song, IGN Staff\n"
                "Updated: 18 Nov 2019 9:38 pm\nPosted: 18 Nov 2019 8:11 pm\n" + body, config)
    assert (a.published.hour, a.published.minute) == (20, 11)
    a = _dumped("Thứ Hai, ngày 25/11/2024\nGiá xăng giảm mạnh từ chiều nay\n"
                "12/11/2024 16:49 GMT+7\n"
                "Giá xăng dầu trong nước giảm mạnh từ 15 giờ chiều nay theo quyết định "
                "của liên bộ Công Thương và Tài chính.\n", config)
    assert a.published == datetime(2024, 11, 12, 16, 49, tzinfo=timezone(timedelta(hours=7)))


def test_an_empty_cms_date_is_passed_over_and_a_written_by_line_is_the_byline(config):
    dump = ("Top 10 des articles les plus lus en 2016\n"
            "Écrit par Lepetitjournal Ho Chi Minh Ville\n"
            "Publié le 1 janvier 1970, mis à jour le 7 janvier 2018\n"
            "Et voilà une nouvelle année qui se termine ! L'occasion pour nous de vous proposer "
            "de découvrir le palmarès des articles les plus lus.\n")
    a = _dumped(dump, config)
    assert a.published == datetime(2018, 1, 7, tzinfo=ZoneInfo("Europe/Paris"))
    assert a.author == "Lepetitjournal Ho Chi Minh Ville"


def test_display_author():
    assert display_author("H LAN (TỔNG HỢP)") == "H Lan (tổng hợp)"
    assert display_author("MINH ANH") == "Minh Anh"
    assert display_author("TTXVN") == "TTXVN"
    assert display_author("Jean Dupont") == "Jean Dupont"


def test_derive_title_cuts_at_word_boundary():
    title = derive_title("Un " + "mot " * 60 + "fin.", "fr")
    assert title.endswith("…") and len(title) <= 101
    assert derive_title("Une phrase courte. Une autre.", "fr") == "Une phrase courte"


def test_derive_title_passes_over_abbreviations_and_short_sentences():
    assert derive_title("M. Legault, 61 ans, est devenu premier ministre. Suite.", "fr") \
        == "M. Legault, 61 ans, est devenu premier ministre"
    assert derive_title("10 heures. Le Roi est accueilli à Reyers. Puis il visite.", "fr") \
        == "10 heures. Le Roi est accueilli à Reyers"
    assert derive_title("Mr. J. Smith told U.S. officials on Monday. Then more.", "en") \
        == "Mr. J. Smith told U.S. officials on Monday"
    assert derive_title("Ông Tuấn đã đến Hà Nội. Sau đó ông về Huế.", "vi") \
        == "Ông Tuấn đã đến Hà Nội"  # a short place name ends a sentence


def test_safe_url_only_http():
    assert safe_url("https://a.example/x") == "https://a.example/x"
    for bad in ["javascript:alert(1)", "data:text/html,x", "//a.example", "ftp://a", "", None,
                "https://a.example/ x"]:
        assert safe_url(bad) is None


def test_slug_and_guid_are_stable():
    assert make_slug("Hợp tác kinh tế, Trung Quốc-Nga") == "hop-tac-kinh-te-trung-quoc-nga"
    assert make_slug("!!!") == ""
    a = RawDoc(path="seeds/x.txt", kind="text", lines=(), first_line=1)
    b = RawDoc(path="other/x.md", kind="markdown", lines=("changed",), first_line=1)
    assert make_guid(a) == make_guid(b)  # the file's name alone, not folder, suffix or content
    assert make_guid(a).startswith("urn:uuid:")
    c = RawDoc(path="x.txt", kind="text", lines=(), first_line=1, meta=(("id", "abc"),))
    assert make_guid(c) == "urn:newsdigest:abc"


def test_detect_language():
    assert detect_language("Le gouvernement a présenté mardi un budget pour l'année.", "en") == "fr"
    assert detect_language("Chính phủ đã trình bày ngân sách cho năm tới vào thứ ba.", "en") == "vi"
    assert detect_language("ok", "en") == "en"
    assert detect_language("Il governo ha presentato martedì una legge che non era stata "
                           "discussa con le regioni.", "en") == "it"
    assert detect_language("Правительство представило во вторник закон, который не был "
                           "согласован с регионами.", "en") == "ru"
    assert detect_language("El gobierno presentó el martes una ley que no fue discutida con "
                           "las regiones.", "en") == "es"


def test_markdown_item_is_sanitised(config):
    md = ("---\ntitle: Note\ndate: 2024-01-02\n---\nFirst paragraph here.\n\n"
          "Second <script>alert(1)</script> [x](javascript:alert(1)) **bold**\n\n"
          "<img src=x onerror=alert(1)>\n")
    a = extract(read_bytes(md.encode(), "n.md", "markdown"), config)
    assert a.lead == "First paragraph here."
    [block] = a.blocks
    assert block.kind == "html"
    assert "<script" not in block.text and "onerror" not in block.text
    assert "javascript:" not in block.text
    assert "<strong>bold</strong>" in block.text


def test_markdown_headings_get_ids_that_links_reach(config):
    md = ("---\ntitle: Note\ndate: 2024-01-02\n---\nFirst paragraph here.\n\n"
          "See [below](#tiêu-đề-một) and [the other](#main-1).\n\n## Tiêu đề một\n\nText.\n\n"
          "## Main\n\nMore.\n\n## Main\n\n<h3 id=\"main\" onclick=\"x()\">Raw</h3>\n")
    [block] = extract(read_bytes(md.encode(), "n.md", "markdown"), config).blocks
    assert '<h2 id="tiêu-đề-một">Tiêu đề một</h2>' in block.text
    assert '<a href="#tiêu-đề-một" rel="noopener nofollow">below</a>' in block.text
    # "main" is the page's own <main id="main">: a heading never takes it.
    assert '<h2 id="h-main">Main</h2>' in block.text and '<h2 id="h-main_1">Main</h2>' in block.text
    assert "onclick" not in block.text and "<h3>Raw</h3>" in block.text


def test_markdown_items_do_not_leak_into_each_other(config):
    """One converter serves every item of a process: nothing of one item reaches the next."""
    first = ("---\ntitle: A\ndate: 2024-01-02\n---\nLead of A.\n\n## Main\n\nText[^1] about "
             "HTML.\n\n[^1]: A's note.\n\n*[HTML]: Hyper Text\n")
    second = ("---\ntitle: B\ndate: 2024-01-02\n---\nLead of B.\n\n## Main\n\nHTML text[^1]."
              "\n\n[^1]: B's note.\n")
    alone = extract(read_bytes(second.encode(), "b.md", "markdown"), config).blocks
    extract(read_bytes(first.encode(), "a.md", "markdown"), config)
    after = extract(read_bytes(second.encode(), "b.md", "markdown"), config).blocks
    assert after == alone
    [block] = after
    assert "A's note" not in block.text and "<abbr" not in block.text
    assert '<h2 id="h-main">Main</h2>' in block.text and "B's note" in block.text


def test_a_credit_on_its_own_line_joins_its_photo_or_is_dropped(config):
    a = _dumped("Nông dân An Giang trúng mùa lúa hè thu\n"
                "Những ngày qua, giá lúa gạo trở thành chủ đề nóng với người dân Đồng bằng sông "
                "Cửu Long khi giá tăng cao.\n"
                "lua.jpg\nNông dân An Giang thu hoạch lúa hè thu.\nẢnh: Ngọc Thắng\n"
                "Nông dân các huyện Thoại Sơn, Tri Tôn bắt đầu thu hoạch lúa và bán được giá cao "
                "hơn mọi năm.\nPhoto : AFP\n"
                "Giá lúa tăng cao giúp nông dân có lãi lớn trong vụ này, theo các thương lái.\n",
                config)
    assert [(ln.label, ln.rule) for ln in a.lines[4:7:2]] == [
        ("caption", "photo-credit"), ("boilerplate", "structure/credit-alone")]
    assert a.figures == (Figure("lua.jpg", "Nông dân An Giang thu hoạch lúa hè thu.",
                                "Ngọc Thắng"),)
