"""Site configuration: a frozen Config read from `site.toml`, every key optional."""

from __future__ import annotations

import logging
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from generator.rules import common


class ConfigError(Exception):
    """A configuration problem; the message names the file, the key and the fix."""


@dataclass(frozen=True)
class Config:
    """Settings of one digest site. Defaults build the sample in `seeds/`."""

    title: str = "News digest"  # site name in headers and feeds
    description: str = "Articles collected and cleaned by newsdigest."  # feed description
    url: str = "http://127.0.0.1:8000/"  # absolute base URL with sub-path, e.g. https://u.github.io/repo/
    language: str = "en"  # language of the site's own words (index, navigation)
    timezone: str = "UTC"  # zone used to group the index by day and for dates with no other zone
    author: str = ""  # site author, used in feeds
    feed_limit: int = 50  # number of newest items in each feed
    cname: str = ""  # custom domain for GitHub Pages; writes CNAME when set
    # Zones by language ("vi") or by source domain ("thanhnien.vn", ".vn"), overriding defaults.
    timezones: dict[str, str] = field(default_factory=dict)

    @property
    def base_path(self) -> str:
        """The URL path of the site root, always starting and ending with a slash."""
        path = urlsplit(self.url).path or "/"
        return path if path.endswith("/") else path + "/"

    def zone_for(self, lang: str, source_url: str | None) -> ZoneInfo:
        """Return the zone an outlet's local times are in: by domain, then language, then site."""
        from generator.rules import default_timezone

        host = (urlsplit(source_url).hostname or "") if source_url else ""
        table = {**common.DOMAIN_TIMEZONES, **self.timezones}
        if host:
            labels = host.split(".")
            for i in range(len(labels)):
                domain = ".".join(labels[i:])
                keys = (domain, "." + domain) if "." in domain else ("." + domain,)
                for key in keys:  # a bare key such as "fr" names a language, not a domain
                    if key in table:
                        return ZoneInfo(table[key])
        zone = self.timezones.get(lang) or default_timezone(lang) or self.timezone
        return ZoneInfo(zone)


def _check(path: str, key: str, value: Any, kind: type) -> Any:
    if kind is int and isinstance(value, bool):
        raise ConfigError(f"{path}: {key} must be a whole number, not {value!r}")
    if not isinstance(value, kind):
        noun = {int: "whole number", str: "string", dict: "table"}.get(kind, kind.__name__)
        raise ConfigError(f"{path}: {key} must be a {noun}, not {value!r}")
    return value


def make_config(data: dict[str, Any], path: str = "site.toml",
                base_url: str | None = None) -> Config:
    """Validate a mapping of settings into a Config; unknown keys are errors."""
    known = {f.name: f for f in fields(Config)}
    values: dict[str, Any] = {}
    for key, value in data.items():
        if key not in known:
            raise ConfigError(f'{path}: unknown key "{key}"; known keys: {", ".join(known)}')
        kind = {"feed_limit": int, "timezones": dict}.get(key, str)
        values[key] = _check(path, key, value, kind)
    if base_url:
        values["url"] = base_url
    url = values.get("url", Config.url)
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ConfigError(f'{path}: url "{url}" must be absolute, e.g. https://user.github.io/repo/')
    values["url"] = url if url.endswith("/") else url + "/"
    cname = str(values.get("cname", "")).strip().lower()
    host = (parts.hostname or "").lower()
    if cname and not base_url and cname.removeprefix("www.") != host.removeprefix("www."):
        logging.getLogger("newsdigest").warning(
            '%s: warning: cname "%s" is not the host of url "%s": GitHub Pages will serve the '
            'site at https://%s/ while feeds and canonical links point to %s; set url = '
            '"https://%s/" (or remove cname)', path, cname, values["url"], cname, host, cname)
    if values.get("feed_limit", 1) < 1:
        raise ConfigError(f"{path}: feed_limit must be at least 1")
    for key, zone in [("timezone", values.get("timezone", "UTC"))] + [
        (f"timezones.{k}", v) for k, v in values.get("timezones", {}).items()
    ]:
        try:
            ZoneInfo(str(zone))
        except (ZoneInfoNotFoundError, ValueError):
            raise ConfigError(
                f'{path}: {key} "{zone}" is not a known time zone; use an IANA name such as '
                '"Asia/Ho_Chi_Minh"'
            ) from None
    return Config(**values)


def load_config(path: Path | None, base_url: str | None = None) -> Config:
    """Read `site.toml` (when it exists) into a Config; raise ConfigError on any problem."""
    if path is None or not path.exists():
        if path is not None and path.name != "site.toml":
            raise ConfigError(f"{path}: no such configuration file")
        return make_config({}, "defaults", base_url)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc}); fix the syntax") from None
    return make_config(data, str(path), base_url)
