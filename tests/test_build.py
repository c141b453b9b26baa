"""End to end: seeds/ builds into a site whose pages and feed carry the cleaned articles."""

from __future__ import annotations

import hashlib
import html
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import feedparser
import pytest

from generator.build import build
from generator.config import make_config
from generator.extract import extract
from generator.read import read_file
from tests.conftest import FR_SAMPLE, ROOT, SEEDS, VI_SAMPLE

BOILERPLATE = ["Theo dõi trên", "(0) Bình luận", "Bài liên quan",
               "New Zealand: Sơ tán một trường tiểu học vì hỏa hoạn",
               "Trường tiểu học Cockle Bay", "Nổi bật", "Đừng bỏ lỡ",
               "POWERED BY ONECMS", "Comment (0)",
               "nga-trung-quoc-hop-tac-an-ninh-chien-luoc-tham-van-lan-18-bo-ngoai-giao-trung-quoc"]
BASE = "https://user.github.io/repo/"


def tree(folder: Path) -> dict[str, str]:
    """Hash every file below a folder."""
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def text_of(page: str) -> str:
    """Visible text of a page, unescaped, with spacing folded."""
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", page)))


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    out = tmp_path_factory.mktemp("b") / "_site"
    result = build(SEEDS, out, make_config({}, base_url=BASE), ROOT)
    return out, result


def test_build_result(site):
    out, result = site
    assert result.exit_code == 0 and not result.rejected
    assert len(result.articles) == 2
    assert sorted(tree(out)) == sorted([
        ".nojekyll", "404.html", "atom.xml", "feed.json", "feed.xml", "fr/feed.xml",
        "vi/feed.xml", "index.html", "robots.txt", "sitemap.xml", "static/favicon.svg",
        "static/style.css",
        "fr/deux-hauts-responsables-chinois-et-russes-ont-declare-leur-volonte-de-renforcer/"
        "index.html",
        "vi/hop-tac-kinh-te-thuong-mai-trung-quoc-nga-ngay-cang-tro-nen-sau-sac/index.html",
    ])


def test_feed_parses_with_every_item(site):
    out, _ = site
    feed = feedparser.parse((out / "feed.xml").read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.feed.link == BASE
    assert any(link.rel == "self" and link.href == BASE + "feed.xml" for link in feed.feed.links)
    assert feed.feed.updated == "Tue, 12 Nov 2024 16:49:38 +0700"  # newest item, not the clock
    fr, vi = feed.entries
    assert fr.link == BASE + ("fr/deux-hauts-responsables-chinois-et-russes-ont-declare-leur-"
                              "volonte-de-renforcer/")
    assert fr.published == "Tue, 12 Nov 2024 16:49:38 +0700"
    assert vi.title == "Hợp tác kinh tế, thương mại Trung Quốc-Nga ngày càng trở nên sâu sắc"
    assert vi.link == BASE + "vi/hop-tac-kinh-te-thuong-mai-trung-quoc-nga-ngay-cang-tro-nen-sau-sac/"
    assert vi.published == "Wed, 20 Sep 2023 14:40:00 +0700"
    assert vi.author == "H Lan (tổng hợp)"
    assert vi.summary.startswith("Trong bối cảnh căng thẳng")
    assert [t.term for t in vi.tags] == ["Vietnamese"]
    assert vi.id.startswith("urn:uuid:") and vi.guidislink is False
    assert fr.id != vi.id
    content = html.unescape(vi.content[0].value)
    a = extract(read_file(VI_SAMPLE), make_config({}))
    for paragraph in (a.lead, *a.body):
        assert paragraph in content
    assert "Bộ Ngoại giao Trung Quốc" in content


def test_no_boilerplate_anywhere_and_every_paragraph_published(site):
    out, _ = site
    texts = {p: p.read_text(encoding="utf-8") for p in out.rglob("*") if p.suffix in
             (".html", ".xml")}
    for path, content in texts.items():
        for phrase in BOILERPLATE:
            assert phrase not in html.unescape(content), (phrase, path)
    for sample in (VI_SAMPLE, FR_SAMPLE):
        a = extract(read_file(sample), make_config({}))
        page = text_of((out / a.url_path / "index.html").read_text(encoding="utf-8"))
        for paragraph in (a.lead, *a.body):
            assert paragraph in page
    vi_page = next(out.glob("vi/*/index.html")).read_text(encoding="utf-8")
    assert "<img" not in vi_page
    assert "Trung Quốc, Nga tổ chức vòng tham vấn an ninh chiến lược lần thứ 18." in vi_page
    assert '<time datetime="2023-09-20T14:40:00+07:00">' in vi_page
    assert "H Lan (tổng hợp)" in vi_page
    fr_page = next(out.glob("fr/*/index.html")).read_text(encoding="utf-8")
    assert '<html lang="fr">' in fr_page and '<html lang="vi">' in vi_page
    assert 'href="https://thanhnien.vn/nga-trung-quoc' in fr_page


def test_index_newest_first_grouped_by_day(site):
    out, _ = site
    index = (out / "index.html").read_text(encoding="utf-8")
    days = re.findall(r'<h2 id="day-([\d-]+)"', index)
    assert days == ["2024-11-12", "2023-09-20"]
    assert index.index("Deux hauts responsables") < index.index("Hợp tác kinh tế")
    assert "thanhnien.vn" in index


def test_every_link_resolves_under_a_sub_path(site):
    out, _ = site
    pages = [p for p in out.rglob("*.html") if p.name != "404.html"]
    checked = 0
    for page in pages:
        url = BASE + page.relative_to(out).as_posix()
        content = page.read_text(encoding="utf-8")
        assert 'type="application/rss+xml"' in content
        for ref in re.findall(r'(?:href|src)="([^"]+)"', content):
            target = urljoin(url, html.unescape(ref))
            if not target.startswith(BASE):
                assert urlsplit(target).netloc != "user.github.io", (page, ref)
                continue
            rel = urlsplit(target).path[len(urlsplit(BASE).path):]
            rel = rel + "index.html" if rel.endswith("/") or not rel else rel
            assert (out / rel).is_file(), (page, ref)
            checked += 1
    assert checked > 10
    not_found = (out / "404.html").read_text(encoding="utf-8")
    assert 'href="/repo/static/style.css"' in not_found


def test_report_beside_output_lists_every_line(site):
    out, _ = site
    report = json.loads((out.parent / "build-report.json").read_text(encoding="utf-8"))
    assert not (out / "build-report.json").exists()
    by_path = {a["path"]: a for a in report["articles"]}
    vi = by_path["seeds/004_e7a61553e3af466f.txt"]
    assert len(vi["lines"]) == len(VI_SAMPLE.read_text(encoding="utf-8").splitlines())
    removed = [ln for ln in vi["lines"] if ln["label"] == "boilerplate" and ln["text"]]
    assert {ln["rule"] for ln in removed} >= {"vi/comment-counter", "structure/related-block",
                                              "structure/title-repeated"}
    assert report["rejected"] == []
    assert report["problems"] == [
        'seeds/000_e86946429d9d5b77.txt:1: warning: no headline found; title "Deux hauts '
        'responsables chinois et russes ont déclaré leur volonté de renforcer la coordination…"'
        " was made from the lead; set title: in front matter"]


def test_two_builds_are_byte_identical(tmp_path):
    config = make_config({}, base_url=BASE)
    build(SEEDS, tmp_path / "a" / "_site", config, ROOT)
    build(SEEDS, tmp_path / "b" / "_site", config, ROOT)
    assert tree(tmp_path / "a" / "_site") == tree(tmp_path / "b" / "_site")
    assert (tmp_path / "a" / "build-report.json").read_bytes() == \
        (tmp_path / "b" / "build-report.json").read_bytes()
    again = build(SEEDS, tmp_path / "a" / "_site", config, ROOT)
    assert again.stats is not None and again.stats.written == 0


def test_image_in_seeds_is_published(tmp_path):
    seeds = tmp_path / "seeds"
    (seeds / "images").mkdir(parents=True)
    shutil.copy(VI_SAMPLE, seeds)
    name = "nga-trung-quoc-hop-tac-an-ninh-chien-luoc-tham-van-lan-18-bo-ngoai-giao-trung-quoc.jpg"
    (seeds / "images" / name).write_bytes(b"\xff\xd8\xff\xe0fakejpeg")
    out = tmp_path / "_site"
    build(seeds, out, make_config({}), tmp_path)
    assert (out / "media" / "images" / name).read_bytes() == b"\xff\xd8\xff\xe0fakejpeg"
    page = next(out.glob("vi/*/index.html")).read_text(encoding="utf-8")
    assert f'<img src="../../media/images/{name}"' in page
    feed = feedparser.parse((out / "feed.xml").read_bytes())
    assert f'src="http://127.0.0.1:8000/media/images/{name}"' in feed.entries[0].content[0].value


def test_bad_file_is_rejected_and_the_rest_built(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(VI_SAMPLE, seeds)
    (seeds / "broken.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    (seeds / "chrome.txt").write_text("Nổi bật\nĐừng bỏ lỡ\n(0) Bình luận\n", encoding="utf-8")
    result = build(seeds, tmp_path / "_site", make_config({}), tmp_path)
    assert result.exit_code == 1
    assert len(result.articles) == 1
    assert [str(p) for p in result.rejected] == [
        "seeds/broken.txt: error: file is binary, not text; remove it or save it as UTF-8 text",
        "seeds/chrome.txt: error: no article text found (every line is boilerplate); check the "
        "file, or see its lines in the build report",
    ]
    report = json.loads((tmp_path / "build-report.json").read_text(encoding="utf-8"))
    assert [r["path"] for r in report["rejected"]] == ["seeds/broken.txt", "seeds/chrome.txt"]


def test_colliding_titles_get_stable_unique_slugs(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    body = "Le texte de l'article est assez long pour former un vrai paragraphe de presse ici."
    for name, date in (("a.txt", "2024-01-01"), ("b.txt", "2024-02-01")):
        (seeds / name).write_text(f"---\ndate: {date}\n---\nMême titre\n{body}\n",
                                  encoding="utf-8")
    result = build(seeds, tmp_path / "_site", make_config({}), tmp_path)
    slugs = {a.path: a.slug for a in result.articles}
    assert slugs["seeds/a.txt"] == "meme-titre"
    assert re.fullmatch(r"meme-titre-[0-9a-f]{6}", slugs["seeds/b.txt"])
    (seeds / "c.txt").write_text(f"---\ndate: 2024-03-01\n---\nMême titre\n{body}\n",
                                 encoding="utf-8")
    again = build(seeds, tmp_path / "_site", make_config({}), tmp_path)
    assert {a.path: a.slug for a in again.articles if a.path != "seeds/c.txt"} == slugs


def test_site_overrides_theme_file_by_file(tmp_path):
    (tmp_path / "templates").mkdir()
    (tmp_path / "static").mkdir()
    (tmp_path / "templates" / "404.html").write_text("custom {{ site.title }}", encoding="utf-8")
    (tmp_path / "static" / "extra.css").write_text("body{}", encoding="utf-8")
    out = tmp_path / "_site"
    build(SEEDS, out, make_config({"title": "Mon digest"}), tmp_path)
    assert (out / "404.html").read_text(encoding="utf-8") == "custom Mon digest"
    assert (out / "static" / "extra.css").exists() and (out / "static" / "style.css").exists()
    assert "Mon digest" in (out / "index.html").read_text(encoding="utf-8")


def test_cli_builds_a_folder_holding_only_seeds(tmp_path):
    shutil.copytree(SEEDS, tmp_path / "seeds")
    run = subprocess.run([sys.executable, "-m", "generator", "build"], cwd=tmp_path,
                         capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stderr
    assert "built 2 articles" in run.stdout
    assert "no headline found" in run.stderr
    assert (tmp_path / "_site" / "index.html").is_file()
    assert (tmp_path / "_site" / "static" / "style.css").is_file()
    assert (tmp_path / "build-report.json").is_file()


def test_cli_refuses_bad_config(tmp_path):
    (tmp_path / "seeds").mkdir()
    (tmp_path / "site.toml").write_text('titel = "x"\n', encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "generator", "build"], cwd=tmp_path,
                         capture_output=True, text=True, check=False)
    assert run.returncode == 2
    assert 'site.toml: unknown key "titel"' in run.stderr


def test_saved_html_page_is_built(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "page.html").write_text(
        '<!DOCTYPE html><html lang="fr"><head><title>Budget - Journal</title>'
        '<link rel="canonical" href="https://journal.example.fr/budget-2025.html">'
        '<meta property="article:published_time" content="2024-11-12T16:49:00+01:00">'
        '<meta name="author" content="Jean Dupont"></head><body><nav><a href="/">Accueil</a></nav>'
        "<article><h1>Le budget 2025 adopté par l'Assemblée</h1>"
        "<p>Les députés ont adopté mardi le budget 2025 après plusieurs semaines de débats "
        "souvent houleux dans l'hémicycle, selon le ministre.</p>"
        "<p>Le texte prévoit des économies importantes dans plusieurs ministères, tandis que "
        "l'opposition dénonce un budget d'austérité.</p></article>"
        "<footer>© 2024 Journal</footer></body></html>", encoding="utf-8")
    result = build(seeds, tmp_path / "_site", make_config({}), ROOT)
    [article] = result.articles
    assert article.title == "Le budget 2025 adopté par l'Assemblée"
    assert article.published is not None
    assert article.published.isoformat() == "2024-11-12T16:49:00+01:00"
    assert (article.author, article.lang) == ("Jean Dupont", "fr")
    assert article.source_url == "https://journal.example.fr/budget-2025.html"
    assert article.lead.startswith("Les députés ont adopté mardi")
    page = (tmp_path / "_site" / article.url_path / "index.html").read_text(encoding="utf-8")
    assert "Accueil" not in page.split("<main")[1] and "© 2024 Journal" not in page


def test_rejected_boilerplate_file_lists_its_lines(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(VI_SAMPLE, seeds)
    (seeds / "chrome.txt").write_text("Nổi bật\nĐừng bỏ lỡ\n(0) Bình luận\n", encoding="utf-8")
    build(seeds, tmp_path / "_site", make_config({}), tmp_path)
    report = json.loads((tmp_path / "build-report.json").read_text(encoding="utf-8"))
    [item] = report["rejected"]
    assert item["path"] == "seeds/chrome.txt"
    assert [(ln["n"], ln["label"], ln["rule"]) for ln in item["lines"]] == [
        (1, "boilerplate", "vi/section-promo"), (2, "boilerplate", "vi/section-promo"),
        (3, "boilerplate", "vi/comment-counter")]
