"""Hostile inputs for the robustness tests, written into a folder on demand.

Large ones (the 50 MB file, the 1 MB line) are generated, not checked in. `write_hostile(folder)`
returns {file name: what it exercises}.
"""

from __future__ import annotations

import codecs
import unicodedata
from pathlib import Path

BODY_FR = ("Le gouvernement a présenté mardi un budget qui prévoit des économies importantes "
           "pour l'année prochaine, selon le ministre.")
BODY_VI = ("Chính phủ đã trình bày ngân sách cho năm tới vào thứ ba, với nhiều khoản tiết kiệm "
           "quan trọng theo bộ trưởng tài chính.")


def to_cp1258(text: str) -> bytes:
    """Encode Vietnamese in Windows-1258: base letters precomposed, tones combining."""
    out = b""
    for ch in unicodedata.normalize("NFC", text):
        decomposed = unicodedata.normalize("NFD", ch)
        for k in range(len(decomposed), 0, -1):
            try:
                out += (unicodedata.normalize("NFC", decomposed[:k]).encode("cp1258")
                        + decomposed[k:].encode("cp1258"))
                break
            except UnicodeEncodeError:
                continue
    return out


SECOND_FR = ("Les députés doivent examiner le texte avant la fin du mois, et l'opposition a déjà "
             "annoncé qu'elle déposerait de nombreux amendements.")


def article(title: str, body: str = BODY_FR, front: str = "") -> str:
    second = SECOND_FR if body == BODY_FR else "Quốc hội sẽ xem xét dự thảo trước cuối tháng này."
    return (f"---\n{front}---\n" if front else "") + f"{title}\n12/11/2024, 16:49\n{body}\n{second}\n"


def write_hostile(folder: Path) -> dict[str, str]:
    """Write every hostile fixture into folder; return {name: what it exercises}."""
    folder.mkdir(parents=True, exist_ok=True)
    vi = article("Ngân sách năm tới được trình bày", BODY_VI)
    files: dict[str, tuple[bytes, str]] = {
        "utf8-bom.txt": (codecs.BOM_UTF8 + article("Budget avec BOM").encode(), "UTF-8 BOM"),
        "utf16le.txt": (codecs.BOM_UTF16_LE + article("Budget UTF-16 LE").encode("utf-16-le"),
                        "UTF-16 LE"),
        "utf16be.txt": (codecs.BOM_UTF16_BE + article("Budget UTF-16 BE").encode("utf-16-be"),
                        "UTF-16 BE"),
        "cp1258.txt": (to_cp1258(article("Ngân sách mã cũ", BODY_VI)), "Windows-1258"),
        "cp1252.txt": (article("Budget à l'ancienne").encode("cp1252"), "Windows-1252"),
        "declared.txt": (b"---\nencoding: cp1252\n---\n" + article("Encodage d\xe9clar\xe9").encode(
            "latin-1", errors="replace"), "declared encoding"),
        "nfd.txt": (unicodedata.normalize("NFD", vi).encode(), "NFD Vietnamese"),
        "crlf.txt": (article("Fin de ligne CRLF").replace("\n", "\r\n").encode(), "CRLF"),
        "cr.txt": (article("Fin de ligne CR").replace("\n", "\r").encode(), "CR"),
        "controls.txt": (article("Contr\x00ôle\x07 et\ttabulation\x1b[31m", BODY_FR + "\x0c").encode(),
                         "NUL and control characters"),
        "empty.txt": (b"", "empty file"),
        "blank.txt": (b"  \n\t\n   \n", "whitespace only"),
        "chrome.txt": ("Nổi bật\nĐừng bỏ lỡ\n(0) Bình luận\nComment (0)\n".encode(), "only boilerplate"),
        "image.txt": (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, "binary misnamed .txt"),
        "huge.txt": (b"x" * (50 * 1024 * 1024), "50 MB file"),
        "long-line.txt": (("Titre de la ligne longue\n" + "mot " * 250_000 + ".\n").encode(),
                          "1 MB line"),
        "nested.txt": (("---\na: " + "[" * 5000 + "]" * 5000 + "\n---\n" + article("Front matter imbriqué")).encode(),
                       "deeply nested front matter"),
        "unclosed.txt": (("---\ntitle: Jamais fermé\n" + article("Front matter ouvert")).encode(),
                         "unclosed front matter"),
        "bomb.txt": (("---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a]\n"
                      "c: [*b, *b, *b, *b, *b, *b]\n---\n" + article("Bombe YAML")).encode(),
                     "YAML alias bomb"),
        "unknown-key.txt": (article("Clé inconnue", front="title: Clé inconnue\nfoo: bar\n").encode(),
                            "unknown front-matter key"),
        "bad-date.txt": (("Date impossible dans ce texte\n31/02/2024\n" + BODY_FR + "\n").encode(),
                         "date that does not exist"),
        "future.txt": (article("Date future", front="date: 2999-01-01\n").encode(), "future date"),
        "script.txt": (article("<script>alert('t')</script> Titre",
                               BODY_FR + " <img src=x onerror=alert(1)> {{ 7*7 }} {% raw %}")
                       .encode() + b"Source : javascript:alert(1)\n", "HTML and template injection"),
        "data-url.txt": (article("Un lien data en source", front="source: data:text/html,<script>x</script>\n")
                         .encode(), "data: URL as source"),
        "md-inject.md": (b"---\ntitle: Markdown hostile\ndate: 2024-01-01\n---\nTexte "
                         b"<script>alert(1)</script> [x](javascript:alert(1)) "
                         b"<iframe src=x></iframe>\n", "Markdown raw HTML"),
        "long-title.txt": (article("Titre", front="title: " + "Titre très long " * 125 + "\n").encode(),
                           "2,000-character title"),
        "rtl.txt": (article("عنوان \u202eتجريبي\u200b مع\u200d", BODY_FR).encode(), "RTL and zero-width"),
        "collide-a.txt": (article("Même titre partout").encode(), "slug collision"),
        "collide-b.txt": (article("Même titre partout").encode(), "slug collision"),
        "nothing.txt": (article("!!! ??? ...", front='title: "!!! ???"\n').encode(),
                        "title slugifying to nothing"),
        "escape.txt": (article("Évasion", front="title: Évasion\nslug: ../../etc/passwd\n").encode(),
                       ".. in front-matter slug"),
        "with space é.txt": (article("Nom de fichier avec espace").encode(), "space and non-ASCII name"),
        "-dash.txt": (article("Nom commençant par un tiret").encode(), "leading dash"),
    }
    for name, (data, _) in files.items():
        (folder / name).write_bytes(data)
    return {name: what for name, (_, what) in files.items()}
