"""Saved HTML pages become RawDocs: trafilatura's text and metadata, then the same cleaning."""

from __future__ import annotations

from generator.clean import clean_lines
from generator.html_input import html_to_rawdoc

PAGE = """<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<title>Le port de Dakar s'agrandit - Exemple Info</title>
<link rel="canonical" href="https://www.exemple-info.fr/afrique/2024/11/12/port-dakar_123.html">
<meta name="author" content="Awa Ndiaye">
<meta property="article:published_time" content="2024-11-12T16:49:00+01:00">
<meta property="og:title" content="Le port de Dakar s'agrandit">
</head>
<body>
<nav><a href="/">Accueil</a> <a href="/afrique">Afrique</a> <a href="/sport">Sport</a></nav>
<article>
<h1>Le port de Dakar s'agrandit</h1>
<p>Le Sénégal a lancé mardi les travaux d'extension du port de Dakar, qui doit doubler sa capacité
d'accueil des porte-conteneurs d'ici à 2027, selon le ministère des transports.</p>
<p>Le chantier, confié à un consortium international, représente un investissement d'environ un
milliard d'euros et devrait créer plusieurs milliers d'emplois dans la région.</p>
<p>« C'est un projet structurant pour toute l'Afrique de l'Ouest », a déclaré le ministre lors de
la cérémonie de lancement, en présence de nombreux partenaires étrangers.</p>
</article>
<footer>Mentions légales · Contact · © 2024 Exemple Info</footer>
</body>
</html>
""".encode()


def test_html_page_gives_text_lines_and_metadata():
    raw = html_to_rawdoc(PAGE, "seeds/dakar.html")
    assert raw.path == "seeds/dakar.html" and raw.kind == "text"
    assert raw.lines[0] == "Le port de Dakar s'agrandit"
    assert any(line.startswith("Le Sénégal a lancé mardi") for line in raw.lines)
    assert not any("Mentions légales" in line or line == "Accueil" for line in raw.lines)
    meta = dict(raw.meta)
    assert meta["title"] == "Le port de Dakar s'agrandit"
    assert meta["date"] == "2024-11-12T16:49:00+01:00"
    assert meta["author"] == "Awa Ndiaye"
    assert meta["source"] == "https://www.exemple-info.fr/afrique/2024/11/12/port-dakar_123.html"
    assert meta["lang"] == "fr"
    assert raw.problems == ()


def test_html_page_goes_through_the_same_cleaning():
    raw = html_to_rawdoc(PAGE, "seeds/dakar.html")
    lines = clean_lines(raw, raw.meta_get("title"))
    labels = [ln.label for ln in lines]
    assert labels[0] == "title"
    assert "lead" in labels
    kept = " ".join(ln.text for ln in lines if ln.label in ("lead", "body"))
    assert "milliard d'euros" in kept and "Afrique de l'Ouest" in kept


def test_page_without_article_text_is_reported():
    raw = html_to_rawdoc(b"<html><head><title></title></head><body></body></html>", "seeds/empty.html")
    assert raw.lines == ()
    assert [p.path for p in raw.problems] == ["seeds/empty.html"]
    assert "no article text" in raw.problems[0].message
