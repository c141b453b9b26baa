"""The command line: clean in three formats, reading files or standard input."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import FR_SAMPLE, ROOT, VI_SAMPLE


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=ROOT, input=stdin,
                          capture_output=True, check=False)


def test_clean_text_prints_only_kept_lines():
    result = run("clean", "--format", "text", str(VI_SAMPLE))
    assert result.returncode == 0
    lines = result.stdout.decode().splitlines()
    assert lines[0] == "Hợp tác kinh tế, thương mại Trung Quốc-Nga ngày càng trở nên sâu sắc"
    assert lines[1] == "20/09/2023, 14:40"
    assert lines[-1] == "H LAN (TỔNG HỢP)"
    assert len(lines) == 12  # title, date, lead, 7 body, caption, byline and nothing else
    for dropped in ("Theo dõi trên", "(0) Bình luận", "Nổi bật", "POWERED BY ONECMS - A PRODUCT OF NEKO",
                    "nga-trung-quoc-hop-tac-an-ninh-chien-luoc-tham-van-lan-18-bo-ngoai-giao-trung-quoc.jpg"):
        assert dropped not in lines


def test_clean_reads_standard_input():
    result = run("clean", "--format", "text", "-", stdin=FR_SAMPLE.read_bytes())
    assert result.returncode == 0
    lines = result.stdout.decode().splitlines()
    assert len(lines) == 12 and "Comment (0)" not in lines
    assert lines[-1].startswith("Source : https://thanhnien.vn/")


def test_clean_json_one_object_per_file():
    result = run("clean", "--format", "json", str(VI_SAMPLE), str(FR_SAMPLE))
    assert result.returncode == 0
    records = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert [r["path"] for r in records] == [str(VI_SAMPLE), str(FR_SAMPLE)]
    vi, fr = records
    assert set(vi) >= {"path", "title", "lang", "published", "author", "source_url", "lead",
                       "body", "figures", "lines"}
    assert vi["published"] == "2023-09-20T14:40:00+07:00" and fr["published"] == "2024-11-12T16:49:38+07:00"
    assert vi["figures"] == [{"image": "nga-trung-quoc-hop-tac-an-ninh-chien-luoc-tham-van-lan-18-bo-ngoai-giao-trung-quoc.jpg",
                              "caption": "Trung Quốc, Nga tổ chức vòng tham vấn an ninh chiến lược lần thứ 18.",
                              "credit": "Bộ Ngoại giao Trung Quốc"}]
    assert vi["lines"][0] == {"n": 1, "text": "Theo dõi trên", "label": "boilerplate",
                              "rule": "vi/follow-prompt"}
    assert fr["lang"] == "fr" and fr["source_url"].endswith("185241112164938635.htm")


def test_clean_labels_format_and_missing_file():
    result = run("clean", str(VI_SAMPLE), "no-such-file.txt")
    assert result.returncode == 1
    out = result.stdout.decode()
    assert "   3  title       structure/headline" in out
    assert b"no-such-file.txt: cannot read" in result.stderr


def test_usage_error_exit_code():
    assert run("frobnicate").returncode == 2


def test_build_exit_codes_and_strict(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_bytes(VI_SAMPLE.read_bytes())
    build = [sys.executable, "-m", "generator", "build", "-q"]

    def run_build(*extra: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([*build, *extra], cwd=tmp_path, capture_output=True, text=True,
                              check=False)

    assert run_build().returncode == 0
    (seeds / "b.txt").write_bytes(FR_SAMPLE.read_bytes())  # builds, with a warning
    warned = run_build()
    assert warned.returncode == 0 and "seeds/b.txt:1: warning: no headline found" in warned.stderr
    assert run_build("--strict").returncode == 1
    (seeds / "c.txt").write_bytes(b"")
    rejected = run_build()
    assert rejected.returncode == 1
    assert "seeds/c.txt: error: file is empty; add the article's text or remove the file" in rejected.stderr
    assert (tmp_path / "_site" / "vi").is_dir() and (tmp_path / "_site" / "fr").is_dir()
    assert run_build("--source", "nowhere").returncode == 2
