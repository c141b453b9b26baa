"""Tests of generator.config: site.toml into a frozen Config, and zones for outlets."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from generator.config import Config, ConfigError, load_config, make_config


def write_toml(tmp_path: Path, text: str, name: str = "site.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# --- defaults ---------------------------------------------------------------------------------


def test_defaults() -> None:
    config = Config()
    assert config.title == "News digest"
    assert config.description == "Articles collected and cleaned by newsdigest."
    assert config.url == "http://127.0.0.1:8000/"
    assert config.language == "en"
    assert config.timezone == "UTC"
    assert config.author == ""
    assert config.feed_limit == 50
    assert config.cname == ""
    assert config.timezones == {}
    assert config.base_path == "/"


def test_config_is_frozen() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        Config().title = "x"  # type: ignore[misc]


def test_make_config_of_nothing_equals_the_defaults() -> None:
    assert make_config({}) == Config()


def test_load_config_without_a_path_or_with_a_missing_site_toml(tmp_path: Path) -> None:
    assert load_config(None) == Config()
    assert load_config(tmp_path / "site.toml") == Config()


def test_load_config_of_a_missing_file_with_another_name_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "mysite.toml"
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert str(info.value) == f"{path}: no such configuration file"


# --- reading site.toml ------------------------------------------------------------------------


def test_load_config_reads_every_key(tmp_path: Path) -> None:
    path = write_toml(
        tmp_path,
        'title = "Tin tổng hợp"\n'
        'description = "Bản tin"\n'
        'url = "https://user.github.io/digest"\n'
        'language = "vi"\n'
        'timezone = "Asia/Ho_Chi_Minh"\n'
        'author = "H Lan"\n'
        "feed_limit = 20\n"
        'cname = "news.example.org"\n'
        "[timezones]\n"
        'fr = "Europe/Brussels"\n'
        '"lemonde.fr" = "Europe/Paris"\n',
    )
    config = load_config(path)
    assert config == Config(
        title="Tin tổng hợp",
        description="Bản tin",
        url="https://user.github.io/digest/",
        language="vi",
        timezone="Asia/Ho_Chi_Minh",
        author="H Lan",
        feed_limit=20,
        cname="news.example.org",
        timezones={"fr": "Europe/Brussels", "lemonde.fr": "Europe/Paris"},
    )
    assert config.base_path == "/digest/"


def test_unknown_key_names_the_file_and_the_key(tmp_path: Path) -> None:
    path = write_toml(tmp_path, 'title = "x"\nbase_url = "https://example.org/"\n')
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert str(info.value) == (
        f'{path}: unknown key "base_url"; known keys: title, description, url, language, '
        "timezone, author, feed_limit, cname, timezones"
    )


def test_invalid_toml_names_the_file(tmp_path: Path) -> None:
    path = write_toml(tmp_path, 'title = "unterminated\n')
    with pytest.raises(ConfigError) as info:
        load_config(path)
    message = str(info.value)
    assert message.startswith(f"{path}: not valid TOML (")
    assert message.endswith("); fix the syntax")


def test_non_utf8_site_toml_is_a_config_error(tmp_path: Path) -> None:
    path = tmp_path / "site.toml"
    path.write_bytes(b'title = "caf\xe9"\n')
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_config(path)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"title": 5}, "site.toml: title must be a string, not 5"),
        ({"url": ["https://x.org/"]}, "site.toml: url must be a string, not ['https://x.org/']"),
        ({"feed_limit": "5"}, "site.toml: feed_limit must be a whole number, not '5'"),
        ({"feed_limit": 2.5}, "site.toml: feed_limit must be a whole number, not 2.5"),
        ({"feed_limit": True}, "site.toml: feed_limit must be a whole number, not True"),
        ({"feed_limit": 0}, "site.toml: feed_limit must be at least 1"),
        ({"timezones": "Asia/Tokyo"}, "site.toml: timezones must be a table, not 'Asia/Tokyo'"),
    ],
)
def test_wrong_types(data: dict[str, Any], message: str) -> None:
    with pytest.raises(ConfigError) as info:
        make_config(data)
    assert str(info.value) == message


def test_wrong_type_in_a_file_names_the_file(tmp_path: Path) -> None:
    path = write_toml(tmp_path, "feed_limit = \"many\"\n")
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert str(info.value) == f"{path}: feed_limit must be a whole number, not 'many'"


@pytest.mark.parametrize(
    ("data", "key", "zone"),
    [
        ({"timezone": "Mars/Olympus"}, "timezone", "Mars/Olympus"),
        ({"timezone": "GMT+7"}, "timezone", "GMT+7"),
        ({"timezone": ""}, "timezone", ""),
        ({"timezone": "../../etc/passwd"}, "timezone", "../../etc/passwd"),
        ({"timezones": {"vi": "Nowhere/X"}}, "timezones.vi", "Nowhere/X"),
        ({"timezones": {"vi": 7}}, "timezones.vi", "7"),
    ],
)
def test_bad_timezone_names(data: dict[str, Any], key: str, zone: str) -> None:
    with pytest.raises(ConfigError) as info:
        make_config(data, "conf/site.toml")
    assert str(info.value) == (
        f'conf/site.toml: {key} "{zone}" is not a known time zone; use an IANA name such as '
        '"Asia/Ho_Chi_Minh"'
    )


@pytest.mark.parametrize(
    "url", ["/repo/", "user.github.io/repo/", "ftp://example.org/", "https://", "mailto:a@b.c"]
)
def test_relative_or_non_http_url_is_rejected(url: str) -> None:
    with pytest.raises(ConfigError) as info:
        make_config({"url": url})
    assert str(info.value) == (
        f'site.toml: url "{url}" must be absolute, e.g. https://user.github.io/repo/'
    )


# --- url, base_url and base_path --------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "stored", "base_path"),
    [
        ("https://example.org", "https://example.org/", "/"),
        ("https://example.org/", "https://example.org/", "/"),
        ("https://user.github.io/repo", "https://user.github.io/repo/", "/repo/"),
        ("http://localhost:8000/a/b/", "http://localhost:8000/a/b/", "/a/b/"),
    ],
)
def test_url_gets_a_trailing_slash_and_base_path(url: str, stored: str, base_path: str) -> None:
    config = make_config({"url": url})
    assert config.url == stored
    assert config.base_path == base_path


def test_base_path_of_a_config_built_directly_without_slash() -> None:
    assert Config(url="https://example.org/sub").base_path == "/sub/"
    assert Config(url="https://example.org").base_path == "/"


def test_base_url_overrides_the_file(tmp_path: Path) -> None:
    path = write_toml(tmp_path, 'url = "https://example.org/"\ntitle = "T"\n')
    config = load_config(path, base_url="https://user.github.io/preview")
    assert config.url == "https://user.github.io/preview/"
    assert config.base_path == "/preview/"
    assert config.title == "T"


def test_base_url_without_a_file() -> None:
    assert load_config(None, base_url="https://a.org/x").url == "https://a.org/x/"


def test_empty_base_url_keeps_the_configured_url() -> None:
    assert make_config({"url": "https://a.org/"}, base_url="").url == "https://a.org/"


def test_relative_base_url_is_rejected() -> None:
    with pytest.raises(ConfigError, match=r'url "/preview/" must be absolute'):
        load_config(None, base_url="/preview/")


# --- zones ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "source", "zone"),
    [
        ("vi", "https://thanhnien.vn/hop-tac-185241112164938635.htm", "Asia/Ho_Chi_Minh"),
        ("en", "https://thanhnien.vn/x.htm", "Asia/Ho_Chi_Minh"),  # domain before language
        ("en", "https://WWW.TuoiTre.VN/x.htm", "Asia/Ho_Chi_Minh"),
        ("en", "https://www.france24.com/en/asia-pacific/", "Europe/Paris"),
        ("vi", "https://www.lemonde.fr/international/", "Europe/Paris"),
        ("fr", None, "Europe/Paris"),  # language fallback
        ("vi", None, "Asia/Ho_Chi_Minh"),
        ("fr", "https://example.com/a", "Europe/Paris"),  # generic domain: by language
        ("en", "https://example.com/a", "UTC"),  # English has no zone of its own: site zone
        ("de", None, "UTC"),  # unknown language: site zone
        ("fr", "not a url", "Europe/Paris"),
    ],
)
def test_zone_for_defaults(lang: str, source: str | None, zone: str) -> None:
    assert Config().zone_for(lang, source) == ZoneInfo(zone)


def test_site_timezone_is_the_fallback_for_unknown_languages() -> None:
    config = make_config({"timezone": "America/New_York"})
    assert config.zone_for("de", None) == ZoneInfo("America/New_York")
    assert config.zone_for("en", "https://example.com/x") == ZoneInfo("America/New_York")
    assert config.zone_for("vi", None) == ZoneInfo("Asia/Ho_Chi_Minh")


def test_config_timezones_override_by_language() -> None:
    config = make_config({"timezones": {"fr": "Europe/Brussels", "en": "Europe/London"}})
    assert config.zone_for("fr", None) == ZoneInfo("Europe/Brussels")
    assert config.zone_for("en", "https://example.com/x") == ZoneInfo("Europe/London")
    assert config.zone_for("vi", None) == ZoneInfo("Asia/Ho_Chi_Minh")


def test_config_timezones_override_by_domain() -> None:
    config = make_config(
        {"timezones": {"thanhnien.vn": "Asia/Bangkok", ".ch": "Europe/Paris",
                       "example.com": "Asia/Tokyo"}}
    )
    assert config.zone_for("vi", "https://thanhnien.vn/a.htm") == ZoneInfo("Asia/Bangkok")
    assert config.zone_for("vi", "https://www.thanhnien.vn/a.htm") == ZoneInfo("Asia/Bangkok")
    assert config.zone_for("vi", "https://tuoitre.vn/a.htm") == ZoneInfo("Asia/Ho_Chi_Minh")
    assert config.zone_for("fr", "https://www.letemps.ch/a") == ZoneInfo("Europe/Paris")
    assert config.zone_for("fr", "https://news.example.com/a") == ZoneInfo("Asia/Tokyo")


def test_domain_override_beats_language_override() -> None:
    config = make_config({"timezones": {"vi": "Asia/Bangkok", "thanhnien.vn": "Asia/Tokyo"}})
    assert config.zone_for("vi", "https://thanhnien.vn/a.htm") == ZoneInfo("Asia/Tokyo")
    assert config.zone_for("vi", "https://example.com/a") == ZoneInfo("Asia/Bangkok")


def test_language_key_is_not_mistaken_for_a_top_level_domain() -> None:
    config = make_config({"timezones": {"fr": "America/Toronto"}})
    # Documented order: by domain (".fr" -> Paris) first, then by language.
    assert config.zone_for("fr", "https://www.lemonde.fr/a") == ZoneInfo("Europe/Paris")


def test_a_cname_other_than_the_url_host_is_warned_about(tmp_path: Path, caplog) -> None:
    path = write_toml(tmp_path, 'url = "https://user.github.io/digest/"\n'
                                'cname = "news.example.org"\n')
    load_config(path)
    assert f'{path}: warning: cname "news.example.org" is not the host of url' in caplog.text
    assert 'set url = "https://news.example.org/"' in caplog.text
    caplog.clear()
    for url in ("https://news.example.org/", "https://www.news.example.org/"):
        load_config(write_toml(tmp_path, f'url = "{url}"\ncname = "news.example.org"\n'))
    load_config(path, base_url="http://127.0.0.1:8000/")  # serve's local address: no warning
    assert caplog.text == ""
