"""Incremental builds: only changed inputs are cleaned again, and the result equals a cold build."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from generator.build import build
from generator.config import make_config
from tests.conftest import FR_SAMPLE, ROOT, VI_SAMPLE

TITLE = "Hợp tác kinh tế, thương mại Trung Quốc-Nga ngày càng trở nên sâu sắc"


def tree(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def cold(seeds: Path, where: Path) -> dict[str, str]:
    shutil.rmtree(where, ignore_errors=True)
    build(seeds, where / "_site", make_config({}), ROOT, jobs=1)
    return tree(where / "_site")


def write_vi(seeds: Path, i: int, extra: str = "") -> None:
    text = VI_SAMPLE.read_text(encoding="utf-8").replace(TITLE, f"{TITLE} {i}")
    (seeds / f"vi-{i:03d}.txt").write_text(text + extra, encoding="utf-8")


def vi_site(root: Path, count: int, jobs: int) -> tuple[Path, Path]:
    """Build `count` Vietnamese articles from root/seeds into root/_site; return both."""
    seeds = root / "seeds"
    seeds.mkdir()
    for i in range(count):
        write_vi(seeds, i)
    build(seeds, root / "_site", make_config({}), ROOT, jobs=jobs)
    return seeds, root / "_site"


def test_incremental_builds_equal_cold_builds(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(FR_SAMPLE, seeds)
    for i in range(40):
        write_vi(seeds, i)
    out = tmp_path / "inc" / "_site"
    first = build(seeds, out, make_config({}), ROOT, jobs=2)
    assert first.cleaned == 41
    assert tree(out) == cold(seeds, tmp_path / "cold")
    assert (tmp_path / "inc" / "build-report.json").read_bytes() == \
        (tmp_path / "cold" / "build-report.json").read_bytes()

    steps = [
        ("edit", lambda: write_vi(seeds, 3, "\nMột đoạn văn mới được thêm vào cuối bài báo này.\n")),
        ("add", lambda: write_vi(seeds, 99)),
        ("delete", lambda: (seeds / "vi-007.txt").unlink()),
        ("rename", lambda: (seeds / "vi-010.txt").rename(seeds / "vi-110.txt")),
    ]
    for name, change in steps:
        change()
        result = build(seeds, out, make_config({}), ROOT, jobs=2)
        assert result.cleaned == (0 if name == "delete" else 1), name
        assert result.stats is not None
        assert tree(out) == cold(seeds, tmp_path / "cold"), name
        assert (tmp_path / "inc" / "build-report.json").read_bytes() == \
            (tmp_path / "cold" / "build-report.json").read_bytes(), name
    again = build(seeds, out, make_config({}), ROOT, jobs=2)
    assert again.cleaned == 0 and again.stats is not None and again.stats.written == 0


def test_changed_settings_invalidate_the_cache(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(VI_SAMPLE, seeds)
    out = tmp_path / "_site"
    assert build(seeds, out, make_config({}), ROOT).cleaned == 1
    assert build(seeds, out, make_config({}), ROOT).cleaned == 0
    changed = build(seeds, out, make_config({"timezones": {"vi": "Asia/Bangkok"}}), ROOT)
    assert changed.cleaned == 1
    assert changed.articles[0].published is not None
    assert changed.articles[0].published.isoformat() == "2023-09-20T14:40:00+07:00"


def test_parallel_and_serial_builds_are_identical(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for i in range(60):
        write_vi(seeds, i)
    build(seeds, tmp_path / "a" / "_site", make_config({}), ROOT, jobs=1)
    build(seeds, tmp_path / "b" / "_site", make_config({}), ROOT, jobs=2)
    assert tree(tmp_path / "a" / "_site") == tree(tmp_path / "b" / "_site")


def test_only_pages_whose_inputs_changed_are_rendered_again(tmp_path, monkeypatch):
    from generator import build as build_module
    from generator import render

    seeds, out = vi_site(tmp_path, 30, jobs=1)
    rendered: list[str] = []
    real = render.render_article

    def counting(env, config, article, feeds=render.SITE_FEEDS):  # type: ignore[no-untyped-def]
        rendered.append(article.path)
        return real(env, config, article, feeds)

    monkeypatch.setattr(build_module, "render_article", counting)
    write_vi(seeds, 4, "\nMột đoạn văn mới được thêm vào cuối bài báo này, dài hơn tám mươi ký tự.\n")
    build(seeds, out, make_config({}), ROOT, jobs=1)
    assert rendered == ["seeds/vi-004.txt"]

    # A page deleted from the output by hand is made again, not trusted to the memo.
    victim = sorted(out.glob("vi/*/index.html"))[12]
    victim.unlink()
    rendered.clear()
    build(seeds, out, make_config({}), ROOT, jobs=1)
    assert len(rendered) == 1 and victim.is_file()

    # A changed template renders every article page again.
    site = tmp_path / "site"
    (site / "templates").mkdir(parents=True)
    base = (ROOT / "templates" / "base.html").read_text(encoding="utf-8")
    (site / "templates" / "base.html").write_text(base.replace("</body>", "<!-- x --></body>"),
                                                  encoding="utf-8")
    rendered.clear()
    build(seeds, out, make_config({}), site, jobs=1)
    assert len(rendered) == 30
    assert "<!-- x -->" in victim.read_text(encoding="utf-8")
    assert tree(out) == cold_with(seeds, tmp_path / "cold", site)


def test_an_edited_paragraph_learns_no_outlet_again(tmp_path, monkeypatch):
    from generator import build as build_module

    seeds, out = vi_site(tmp_path, 12, jobs=1)
    learned: list[str] = []
    real = build_module.learn_outlet

    def counting(outlet, group, *args):  # type: ignore[no-untyped-def]
        learned.append(outlet)
        return real(outlet, group, *args)

    monkeypatch.setattr(build_module, "learn_outlet", counting)
    write_vi(seeds, 4, "\nMột đoạn văn mới được thêm vào cuối bài báo này. Nó dài hơn một trăm "
                       "năm mươi ký tự, nên bộ làm sạch coi nó là một đoạn văn của bài báo, "
                       "không phải một dòng của trang.\n")
    assert build(seeds, out, make_config({}), ROOT, jobs=1).cleaned == 1
    assert learned == []  # the outlet's lines are those it had: its table is reused
    assert tree(out) == cold(seeds, tmp_path / "cold")

    learned.clear()  # the cold build learned too
    write_vi(seeds, 5, "\nĐọc thêm tin mới\n")  # a short line: a chrome candidate
    build(seeds, out, make_config({}), ROOT, jobs=1)
    assert learned == ["signature-1"]
    assert tree(out) == cold(seeds, tmp_path / "cold")


def cold_with(seeds: Path, where: Path, site: Path) -> dict[str, str]:
    shutil.rmtree(where, ignore_errors=True)
    build(seeds, where / "_site", make_config({}), site, jobs=1)
    return tree(where / "_site")


def test_a_damaged_cache_is_rebuilt_not_trusted(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(FR_SAMPLE, seeds)
    out = tmp_path / "_site"
    build(seeds, out, make_config({}), ROOT, jobs=1)
    want = tree(out)
    db = tmp_path / ".newsdigest-cache" / "_site" / "articles.sqlite"
    assert db.is_file()
    db.write_bytes(b"not a database at all" * 100)
    again = build(seeds, out, make_config({}), ROOT, jobs=1)
    assert again.cleaned == 1 and tree(out) == want
    import sqlite3
    with sqlite3.connect(db) as conn:  # an entry that no longer unpickles is cleaned again
        conn.execute("UPDATE articles SET entry = ?", (b"\x80\x05garbage",))
    third = build(seeds, out, make_config({}), ROOT, jobs=1)
    assert not third.rejected and tree(out) == want


def test_an_entry_damaged_after_loading_is_cleaned_again(tmp_path, caplog):
    """Builds hold summaries and read articles' bodies only to render them: an entry found
    damaged then (here: in forked page workers) is forgotten and the build made again."""
    seeds, out = vi_site(tmp_path, 40, jobs=2)
    want = tree(out)
    state = tmp_path / ".newsdigest-cache" / "_site"
    import sqlite3
    with sqlite3.connect(state / "articles.sqlite") as conn:
        conn.execute("UPDATE articles SET entry = ? WHERE rowid = 7", (b"\x80\x05garbage",))
    (state / "pages.pickle").unlink()  # every page is rendered again: the body is needed
    again = build(seeds, out, make_config({}), ROOT, jobs=2)
    assert again.cleaned == 1 and not again.rejected and tree(out) == want
    assert "is missing or damaged; its input is cleaned again" in caplog.text


def test_summaries_are_kept_between_builds_and_rewritten_only_when_changed(tmp_path):
    import pickle

    from generator.cache import Summaries

    path = tmp_path / "summaries.pickle"
    (tmp_path / "summaries.4242.tmp").write_bytes(b"left by a killed build")
    first = Summaries(path)
    assert not (tmp_path / "summaries.4242.tmp").exists()
    first.put("a", b"summary of a")
    first.put("b", b"summary of b")
    first.save()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["summaries.pickle"]

    same = Summaries(path)
    assert same.get("a") == b"summary of a" and same.get("c") is None
    before = path.stat().st_ino, path.stat().st_mtime_ns
    for key in ("a", "b"):
        blob = same.get(key)
        assert blob is not None
        same.put(key, blob)
    same.save()
    assert (path.stat().st_ino, path.stat().st_mtime_ns) == before  # nothing changed

    fewer = Summaries(path)
    fewer.put("a", b"summary of a, edited")
    fewer.save()
    assert Summaries(path).old == {"a": b"summary of a, edited"}

    Summaries(path).save()  # no article left
    assert not path.exists()

    path.write_bytes(pickle.dumps({"a": "an older layout"}))
    assert Summaries(path).old == {}
