"""Tests of generator.dates: datelines, dates in running text and dates in article URLs."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from generator.dates import DateHit, date_from_url, find_date, is_dateline, is_timeline

GMT7 = timezone(timedelta(hours=7))
CET = timezone(timedelta(hours=1))


DATELINES = [
    ("20/09/2023, 14:40", datetime(2023, 9, 20, 14, 40)),
    ("Thứ tư, 20/9/2023, 14:40 (GMT+7)", datetime(2023, 9, 20, 14, 40, tzinfo=GMT7)),
    ("Publié le 12 novembre 2024 à 16h49", datetime(2024, 11, 12, 16, 49)),
    ("Mis à jour le 13/11/2024 à 08:05", datetime(2024, 11, 13, 8, 5)),
    ("12 nov. 2024 à 16:49", datetime(2024, 11, 12, 16, 49)),
    ("November 12, 2024 4:49 PM", datetime(2024, 11, 12, 16, 49)),
    ("Updated 2024-11-12T16:49:38+01:00", datetime(2024, 11, 12, 16, 49, 38, tzinfo=CET)),
    ("2024-11-12T16:49:38Z", datetime(2024, 11, 12, 16, 49, 38, tzinfo=UTC)),
    ("Cập nhật: 20/09/2023 14:40", datetime(2023, 9, 20, 14, 40)),
    ("Cập nhật lúc 14:40 ngày 20/9/2023", datetime(2023, 9, 20, 14, 40)),
    ("20/9/2023 14 giờ 40", datetime(2023, 9, 20, 14, 40)),
    ("Chủ nhật, 12/11/2024 - 08:05", datetime(2024, 11, 12, 8, 5)),
    ("Ngày 12 tháng 11 năm 2024", datetime(2024, 11, 12)),
    ("12.11.2024 16:49", datetime(2024, 11, 12, 16, 49)),
    ("Tuesday, 12 November 2024, 16:49 GMT", datetime(2024, 11, 12, 16, 49)),
    ("Le 12 novembre 2024 à 16h49 (heure de Paris)", datetime(2024, 11, 12, 16, 49)),
    ("Nov 12, 2024 at 8:05 a.m. ET", datetime(2024, 11, 12, 8, 5)),
    ("Sept. 5, 2024 12:30 AM", datetime(2024, 9, 5, 0, 30)),
    ("Posted on 2024-11-12", datetime(2024, 11, 12)),
    ("13 novembre 2024", datetime(2024, 11, 13)),
    ("Tue 12 Nov 2024 16.49 GMT", datetime(2024, 11, 12, 16, 49)),
    ("Last Modified: November 12, 2024 at 4:49 p.m.", datetime(2024, 11, 12, 16, 49)),
    ("Ngày phát hành: 08/01/2021 Lượt xem 1475", datetime(2021, 1, 8)),
    ("Nov 18, 2019 at 9:24 pm ET • 2 min read", datetime(2019, 11, 18, 21, 24)),
]


@pytest.mark.parametrize(("text", "expected"), DATELINES, ids=[t for t, _ in DATELINES])
def test_datelines_are_recognised_with_their_time(text: str, expected: datetime) -> None:
    hit = is_dateline(text)
    assert hit is not None
    value = hit.to_datetime()
    assert value == expected
    # Aware only when the text wrote an offset; equality alone ignores the difference.
    assert value is not None
    assert value.utcoffset() == expected.utcoffset()
    assert find_date(text) == hit


def test_vietnamese_dateline_fields_and_span() -> None:
    text = "Thứ tư, 20/9/2023, 14:40 (GMT+7)"
    assert find_date(text) == DateHit(2023, 9, 20, 14, 40, 0, timedelta(hours=7), 8, 24)
    assert text[8:24] == "20/9/2023, 14:40"


def test_iso_offset_beats_a_gmt_word() -> None:
    hit = find_date("2024-11-12T16:49:38-05:00")
    assert hit is not None
    assert hit.offset == timedelta(hours=-5)


def test_negative_gmt_offset() -> None:
    hit = find_date("12/11/2024 08:05 GMT-3:30")
    assert hit is not None
    assert hit.to_datetime() == datetime(
        2024, 11, 12, 8, 5, tzinfo=timezone(-timedelta(hours=3, minutes=30))
    )


def test_impossible_date_is_a_dateline_but_has_no_datetime() -> None:
    hit = is_dateline("31/02/2024")
    assert hit == DateHit(2024, 2, 31, start=0, end=10)
    assert hit.to_datetime() is None


def test_date_without_year_takes_the_year_given() -> None:
    hit = is_dateline("12/11 14:00")
    assert hit is not None
    assert (hit.year, hit.month, hit.day, hit.hour) == (None, 11, 12, 14)
    assert hit.to_datetime() is None
    assert hit.to_datetime(2024) == datetime(2024, 11, 12, 14, 0)


def test_day_and_month_alone_are_not_a_dateline() -> None:
    assert find_date("12/11") == DateHit(None, 11, 12, start=0, end=5)
    assert is_dateline("12/11") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The summit was held on 12 November 2024 in Beijing, officials said.",
         datetime(2024, 11, 12)),
        ("Ngày 20/9/2023, Bộ Ngoại giao Trung Quốc thông báo chuyến thăm của ông Lavrov.",
         datetime(2023, 9, 20)),
        ("Le 12 novembre 2024, les deux ministres se sont rencontrés à Pékin pour discuter.",
         datetime(2024, 11, 12)),
        ("Theo kế hoạch, ngày 20/9/2023 hai bên sẽ ký kết 12 văn kiện hợp tác quan trọng.",
         datetime(2023, 9, 20)),
        ("Score: 2-1 on 12/11/2024 after extra time at 21:30",
         datetime(2024, 11, 12, 21, 30)),
    ],
)
def test_body_sentences_with_a_date_are_not_datelines(text: str, expected: datetime) -> None:
    hit = find_date(text)
    assert hit is not None
    assert hit.to_datetime() == expected
    assert not is_dateline(text)


def test_long_lines_are_never_datelines() -> None:
    text = "12/11/2024 08:05 " + "x" * 80
    assert find_date(text) is not None
    assert is_dateline(text) is None


@pytest.mark.parametrize(
    "text",
    ["Nhiệt độ 20/25 độ C", "No date here at all", "Room 14:40", "", "99/99/2024", "1/13/2024"],
)
def test_text_without_a_real_date(text: str) -> None:
    assert find_date(text) is None
    assert is_dateline(text) is None


def test_year_outside_range_is_ignored() -> None:
    assert find_date("12/11/1850") is None
    assert find_date("12/11/2201") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-11-12T15:49:38.000Z", datetime(2024, 11, 12, 15, 49, 38, tzinfo=UTC)),
        ("2024-11-12T16:49:38.123+01:00", datetime(2024, 11, 12, 16, 49, 38, tzinfo=CET)),
    ],
)
def test_iso_with_fractional_seconds_keeps_its_offset(text: str, expected: datetime) -> None:
    hit = find_date(text)
    assert hit is not None
    value = hit.to_datetime()
    assert value is not None
    assert value.utcoffset() == expected.utcoffset()


def test_iso_date_with_12_hour_clock() -> None:
    hit = find_date("2024-11-12 4:49 PM")
    assert hit is not None
    assert hit.to_datetime() == datetime(2024, 11, 12, 16, 49)


def test_find_date_returns_the_first_date_written() -> None:
    hit = find_date("12 novembre 2024 à 16h49, mis à jour le 13/11/2024 à 08h05")
    assert hit is not None
    assert hit.to_datetime() == datetime(2024, 11, 12, 16, 49)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://thanhnien.vn/hop-tac-kinh-te-thuong-mai-trung-quoc-nga-185241112164938635.htm",
         datetime(2024, 11, 12, 16, 49, 38)),
        ("https://tuoitre.vn/trung-quoc-nga-hop-tac-20241112164938123.htm",
         datetime(2024, 11, 12, 16, 49, 38)),
        ("https://tuoitre.vn/trung-quoc-nga-20241112164938123.htm?utm_source=rss",
         datetime(2024, 11, 12, 16, 49, 38)),
        ("https://www.lemonde.fr/international/article/2024/11/12/chine-russie_6390000_3210.html",
         datetime(2024, 11, 12)),
        ("https://example.com/2024/3/5/slug/", datetime(2024, 3, 5)),
        ("https://example.com/news/2024-11-12-china-russia", datetime(2024, 11, 12)),
        ("https://example.com/news/20241112/china-russia", datetime(2024, 11, 12)),
    ],
)
def test_date_from_url(url: str, expected: datetime) -> None:
    value = date_from_url(url)
    assert value == expected
    assert value is not None
    assert value.tzinfo is None


@pytest.mark.parametrize(
    "url",
    [
        "https://example.com/news/china-russia",
        "https://thanhnien.vn/bai-viet-185241332164938635.htm",  # month 13
        "https://example.com/2024/02/31/impossible/",
        "https://example.com/id/123456789012345",
        "",
    ],
)
def test_url_without_a_usable_date(url: str) -> None:
    assert date_from_url(url) is None


@pytest.mark.parametrize(("text", "expected"), [
    ("12. November 2024, 14:30 Uhr", (2024, 11, 12, 14, 30)),
    ("Publicado el 12 de mayo de 2024 a las 10:30", (2024, 5, 12, 10, 30)),
    ("Publicado em 3 de março de 2024 às 14h05", (2024, 3, 3, 14, 5)),
    ("Publié le 03/09/24 à 07h05", (2024, 9, 3, 7, 5)),
])
def test_datelines_in_more_languages(text, expected):
    hit = is_dateline(text)
    assert hit is not None
    assert (hit.year, hit.month, hit.day, hit.hour, hit.minute) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("16:02 (GMT +7)", (16, 2, 0, timedelta(hours=7))),
    ("| 10:30 GMT+7", (10, 30, 0, timedelta(hours=7))),
    ("lúc 16h02", (16, 2, 0, None)),
    ("Updated 5:32 p.m.", (17, 32, 0, None)),
])
def test_a_clock_time_alone_is_a_timeline(text: str, expected: tuple[object, ...]) -> None:
    assert is_timeline(text) == expected


@pytest.mark.parametrize("text", ["Score 2:1", "16:02 - Hà Nội", "(GMT+7)", "12/11/2024 16:49",
                                  "Le match reprend à 16:02 après la pause"])
def test_other_lines_are_not_timelines(text: str) -> None:
    assert is_timeline(text) is None
