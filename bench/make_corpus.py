"""Generate a deterministic benchmark corpus: N news articles in fr/vi/en, in four forms.

    python bench/make_corpus.py N [--out DIR]        # default DIR: bench/corpus-N/

Writes, for the same N articles (article i is the same whatever N is):

- `dumps/NNNNN.txt`: scraped text dumps with outlet boilerplate, for our cleaner. A short
  front matter carries only the tags (a dump has no other way to have them), so that every tool
  builds the same output set: article pages, a paginated index, tag pages and one RSS feed.
- `markdown/NNNNN.md`: the same articles as Markdown with YAML front matter (our `.md` path).
- `hugo/`: a Hugo site (config.toml, minimal layouts) with the Markdown in `content/posts/`.
- `pelican/`: `pelicanconf.py`, `content/` in Pelican's own metadata header, a minimal theme.

Only the standard library; no clock, no global random state.
"""

from __future__ import annotations

import argparse
import random
import shutil
import unicodedata
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

SEED = 20240101
YEAR_START = datetime(2024, 1, 1)
LANGS = ("fr", "vi", "en")
ZONES = {"fr": ZoneInfo("Europe/Paris"), "vi": ZoneInfo("Asia/Ho_Chi_Minh"),
         "en": ZoneInfo("UTC")}
TARGET_WORDS = 670
BASE_URL = "https://bench.example/digest/"

TAGS: dict[str, tuple[str, ...]] = {
    "fr": ("Économie", "Politique", "Santé", "Éducation", "Énergie", "Climat", "Diplomatie",
           "Culture", "Sport", "Technologie", "Agriculture", "Transports", "Justice", "Sécurité",
           "Europe"),
    "vi": ("Kinh tế", "Chính trị", "Giáo dục", "Y tế", "Môi trường", "Du lịch", "Công nghệ",
           "Thể thao", "Giao thông", "Bất động sản", "Nông nghiệp", "Văn hóa", "Quốc phòng"),
    "en": ("Economy", "Politics", "Health", "Science", "Trade", "Elections", "Markets", "Climate",
           "Technology", "Asia", "Africa", "Migration"),
}  # 40 tags, drawn from the article's language

# Slot fillers per language: places, people, organisations, things.
FILL: dict[str, dict[str, tuple[str, ...]]] = {
    "fr": {
        "place": ("Pékin", "Hanoï", "Genève", "Bruxelles", "Montréal", "Dakar", "Lyon",
                  "Marseille", "Séoul", "Québec", "Athènes", "Besançon", "Nîmes", "Orléans"),
        "person": ("Sergueï Choïgou", "Hélène Lefèvre", "François Bérard", "Amélie Gaël",
                   "Jérôme Pétain", "Noémie Ducré", "Raphaël Côté", "Zoé Mégret"),
        "org": ("le ministère de l'Économie", "la Commission européenne", "l'Assemblée nationale",
                "la Banque de France", "l'Organisation mondiale de la santé", "le Sénat",
                "la préfecture régionale", "l'Agence française de développement"),
        "thing": ("la réforme des retraites", "le budget de l'État", "la transition énergétique",
                  "la sécurité alimentaire", "le prix de l'électricité", "la dette publique",
                  "les échanges commerciaux", "la qualité de l'air", "le réseau ferroviaire"),
    },
    "vi": {
        "place": ("Hà Nội", "TP.HCM", "Đà Nẵng", "Huế", "Cần Thơ", "Hải Phòng", "Nghệ An",
                  "Quảng Ninh", "Bắc Kinh", "Tokyo", "Seoul", "Washington", "Paris"),
        "person": ("ông Nguyễn Văn Hùng", "bà Trần Thị Lan", "ông Lê Quang Đức",
                   "bà Phạm Thu Hằng", "ông Võ Minh Tuấn", "bà Đặng Ngọc Ánh"),
        "org": ("Bộ Tài chính", "Ngân hàng Nhà nước", "Bộ Y tế", "UBND thành phố",
                "Bộ Giáo dục và Đào tạo", "Quốc hội", "Tổng cục Thống kê", "Bộ Công Thương"),
        "thing": ("giá xăng dầu", "thị trường bất động sản", "dự án đường sắt cao tốc",
                  "chương trình chuyển đổi số", "kim ngạch xuất khẩu", "học phí đại học",
                  "chất lượng không khí", "nguồn cung điện", "lãi suất cho vay"),
    },
    "en": {
        "place": ("Beijing", "Hanoi", "Geneva", "Brussels", "Nairobi", "Jakarta", "Manila",
                  "Singapore", "Chicago", "Toronto", "Lagos", "Canberra", "São Paulo"),
        "person": ("Maria Gonzalez", "David Chen", "Amara Okafor", "Liam O'Brien",
                   "Priya Raman", "Tomás Álvarez", "Hannah Müller", "Kenji Watanabe"),
        "org": ("the central bank", "the health ministry", "the European Commission",
                "the World Trade Organization", "the city council", "the finance ministry",
                "the national statistics office", "the energy regulator"),
        "thing": ("fuel prices", "the housing market", "the high-speed rail project",
                  "the digital transition", "export revenue", "university fees",
                  "air quality", "the power supply", "lending rates"),
    },
}

SENTENCES: dict[str, tuple[str, ...]] = {
    "fr": (
        "Selon {org}, {thing} a connu une évolution marquée au cours des {n} derniers mois, "
        "ce qui inquiète de nombreux élus locaux à {place}.",
        "« Nous devons agir rapidement et avec détermination », a déclaré {person} lors d'une "
        "conférence de presse organisée à {place} jeudi matin.",
        "Les chiffres publiés mardi montrent une hausse de {n} % par rapport à l'année "
        "précédente, un niveau jamais atteint depuis plus d'une décennie.",
        "À {place}, les habitants interrogés se disent préoccupés par {thing} et réclament des "
        "mesures concrètes de la part des pouvoirs publics.",
        "{person} a rappelé que {org} avait déjà présenté un plan détaillé en {month}, sans "
        "obtenir pour autant le soutien de tous les partenaires.",
        "Les experts estiment que {thing} restera au cœur des débats jusqu'à la fin de l'année, "
        "notamment en raison des échéances électorales à venir.",
        "D'après un rapport rendu public à {place}, près de {n} 000 foyers seraient directement "
        "concernés par ces décisions dans les prochaines semaines.",
        "Le gouvernement a par ailleurs annoncé une enveloppe de {n} millions d'euros destinée "
        "à soutenir les régions les plus touchées.",
        "Plusieurs syndicats ont prévu de se réunir à {place} afin de coordonner leur réponse et "
        "de présenter des propositions communes à {org}.",
        "Cette décision intervient après des mois de négociations difficiles entre {org} et "
        "les représentants des collectivités territoriales.",
        "Interrogé sur la question, {person} a reconnu que « la situation reste fragile » mais "
        "s'est dit confiant quant à l'issue des discussions.",
        "Les premiers résultats devraient être connus d'ici {month}, a précisé un porte-parole "
        "de {org}, qui n'a pas souhaité donner davantage de détails.",
        "Dans un communiqué, {org} souligne que {thing} constitue une priorité et promet une "
        "évaluation indépendante avant la fin du trimestre.",
        "Pour de nombreux économistes, la hausse de {n} % observée cet été n'est que le début "
        "d'une tendance plus profonde et durable.",
    ),
    "vi": (
        "Theo {org}, {thing} đã có nhiều biến động trong {n} tháng qua, khiến người dân tại "
        "{place} không khỏi lo lắng.",
        "\"Chúng tôi cần hành động nhanh chóng và quyết liệt hơn nữa\", {person} phát biểu tại "
        "cuộc họp báo ở {place} sáng thứ năm.",
        "Số liệu công bố hôm thứ ba cho thấy mức tăng {n}% so với cùng kỳ năm trước, cao nhất "
        "trong hơn một thập kỷ qua.",
        "Tại {place}, nhiều người dân cho biết họ quan tâm đến {thing} và mong muốn chính quyền "
        "sớm có giải pháp cụ thể.",
        "{person} nhấn mạnh {org} đã trình kế hoạch chi tiết từ {month}, song chưa nhận được "
        "sự đồng thuận của tất cả các bên liên quan.",
        "Các chuyên gia nhận định {thing} sẽ tiếp tục là tâm điểm thảo luận đến cuối năm, nhất "
        "là khi nhiều chính sách mới sắp có hiệu lực.",
        "Theo báo cáo được công bố tại {place}, khoảng {n} nghìn hộ gia đình sẽ chịu ảnh hưởng "
        "trực tiếp trong những tuần tới.",
        "Chính phủ cũng đã phân bổ {n} nghìn tỷ đồng để hỗ trợ các địa phương bị ảnh hưởng "
        "nặng nề nhất.",
        "Đại diện doanh nghiệp tại {place} kiến nghị {org} sớm tháo gỡ khó khăn về thủ tục và "
        "nguồn vốn cho sản xuất.",
        "Quyết định này được đưa ra sau nhiều tháng đàm phán giữa {org} và lãnh đạo các tỉnh, "
        "thành phố trên cả nước.",
        "Trả lời câu hỏi của phóng viên, {person} thừa nhận \"tình hình vẫn còn nhiều thách "
        "thức\" nhưng tin tưởng vào kết quả cuối cùng.",
        "Kết quả bước đầu dự kiến được công bố trước {month}, người phát ngôn của {org} cho "
        "biết nhưng không nêu thêm chi tiết.",
        "Trong thông cáo, {org} khẳng định {thing} là ưu tiên hàng đầu và cam kết sẽ có đánh giá "
        "độc lập trước khi kết thúc quý.",
        "Nhiều nhà kinh tế cho rằng mức tăng {n}% ghi nhận trong mùa hè vừa qua chỉ là khởi đầu "
        "của một xu hướng dài hạn.",
    ),
    "en": (
        "According to {org}, {thing} has changed sharply over the past {n} months, worrying "
        "many local officials in {place}.",
        "\"We need to act quickly and decisively,\" {person} told a news conference in {place} "
        "on Thursday morning.",
        "Figures released on Tuesday show a rise of {n}% compared with the previous year, the "
        "highest level in more than a decade.",
        "In {place}, residents interviewed said they were concerned about {thing} and called "
        "for concrete measures from the authorities.",
        "{person} noted that {org} had already presented a detailed plan in {month}, without "
        "winning the support of every partner.",
        "Analysts expect {thing} to remain at the heart of the debate until the end of the "
        "year, not least because of upcoming elections.",
        "A report published in {place} found that nearly {n},000 households would be directly "
        "affected by the decisions in the coming weeks.",
        "The government also announced a package of {n} million dollars to support the "
        "regions hit hardest by the crisis.",
        "Several unions plan to meet in {place} to coordinate their response and submit joint "
        "proposals to {org}.",
        "The decision follows months of difficult negotiations between {org} and "
        "representatives of regional governments.",
        "Asked about the issue, {person} acknowledged that \"the situation remains fragile\" but "
        "said she was confident about the outcome of the talks.",
        "First results are expected by {month}, a spokesperson for {org} said, declining to "
        "give further details.",
        "In a statement, {org} said {thing} was a priority and promised an independent review "
        "before the end of the quarter.",
        "For many economists, the {n}% rise seen this summer is only the beginning of a deeper "
        "and more lasting trend.",
    ),
}

TITLES: dict[str, tuple[str, ...]] = {
    "fr": ("{place} : {thing} au cœur des inquiétudes", "{person} défend {thing} à {place}",
           "Hausse de {n} % : {org} tire la sonnette d'alarme",
           "À {place}, {thing} divise les élus", "Ce que change {thing} pour les ménages",
           "{org} annonce un plan de {n} millions d'euros"),
    "vi": ("{place}: {thing} tăng {n}% so với cùng kỳ", "{person} bàn về {thing} tại {place}",
           "{org} công bố gói hỗ trợ {n} nghìn tỷ đồng", "Người dân {place} lo lắng vì {thing}",
           "Những thay đổi về {thing} từ tháng tới", "{org} đề xuất điều chỉnh {thing}"),
    "en": ("{place} grapples with {thing} as costs rise {n}%",
           "{person} defends {thing} in {place}", "{org} unveils {n} million dollar plan",
           "Why {thing} divides officials in {place}", "What {thing} means for households",
           "{org} warns of a {n}% rise in {thing}"),
}

MONTHS: dict[str, tuple[str, ...]] = {
    "fr": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
           "octobre", "novembre", "décembre"),
    "vi": tuple(f"tháng {i}" for i in range(1, 13)),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
}

AUTHORS: dict[str, tuple[str, ...]] = {
    "fr": ("Jean Dupont", "Élodie Marchand", "Loïc Perrin", "Céline Faure", "Mathéo Roussel"),
    "vi": ("Hà Lan", "Minh Khôi", "Thu Trang", "Đức Anh", "Ngọc Diệp"),
    "en": ("Jane Doe", "Michael Grant", "Sofia Ortega", "Ravi Patel", "Emily Clarke"),
}

CREDITS = ("Reuters", "AFP", "AP", "EPA", "Getty Images")
VI_WEEKDAYS = ("Thứ hai", "Thứ ba", "Thứ tư", "Thứ năm", "Thứ sáu", "Thứ bảy", "Chủ nhật")
OUTLETS = {"fr": "lequotidien.example", "vi": "baomoi.example.vn", "en": "dailynews.example"}


@dataclass(frozen=True)
class Article:
    """One generated article, the common source of its four forms."""

    number: int  # position in the corpus, e.g. 42 -> files 00042.*
    lang: str  # "fr", "vi" or "en"
    title: str  # headline, e.g. "Hà Nội: giá xăng dầu tăng 12% so với cùng kỳ"
    published: datetime  # aware local time, e.g. 2024-11-12 16:49+07:00
    author: str  # e.g. "Jean Dupont"
    tags: tuple[str, ...]  # 1-3 tags from TAGS[lang]
    lead: str  # first paragraph
    paragraphs: tuple[str, ...]  # body paragraphs after the lead
    figure_at: int  # index in paragraphs before which the photo stands
    image: str  # image file name, e.g. "anh-12345.jpg"
    caption: str  # caption text, without the credit
    credit: str  # e.g. "Reuters"
    source_url: str  # outlet URL or "" when the dump carries none
    teasers: tuple[tuple[str, str], ...]  # two (title, sentence) related-article teasers
    blank_lines: bool  # whether the dump separates its lines with blank lines

    @property
    def slug(self) -> str:
        """Return an ASCII slug unique in the corpus, e.g. "ha-noi-gia-xang-00042"."""
        ascii_title = unicodedata.normalize("NFKD", self.title.replace("đ", "d").replace(
            "Đ", "D")).encode("ascii", "ignore").decode().lower()
        words = "".join(c if c.isalnum() else " " for c in ascii_title).split()
        return "-".join([*words[:8], f"{self.number:05d}"])


def _fill(template: str, lang: str, rng: random.Random) -> str:
    """Fill a template's slots with words of its language."""
    words = FILL[lang]
    return template.format(place=rng.choice(words["place"]), person=rng.choice(words["person"]),
                           org=rng.choice(words["org"]), thing=rng.choice(words["thing"]),
                           n=rng.randint(2, 98), month=rng.choice(MONTHS[lang]))


def _capitalize(text: str) -> str:
    """Upper-case the first letter only, keeping the rest of the sentence."""
    return text[:1].upper() + text[1:]


def make_article(number: int) -> Article:
    """Generate article `number`, the same whatever the size of the corpus."""
    rng = random.Random(SEED * 1_000_003 + number)
    lang = LANGS[number % 3]
    title = _capitalize(_fill(rng.choice(TITLES[lang]), lang, rng))
    local = YEAR_START + timedelta(days=rng.randrange(366), minutes=rng.randrange(7 * 60, 23 * 60))
    published = local.replace(tzinfo=ZONES[lang])
    sentences: list[str] = []
    words = 0
    while words < TARGET_WORDS:
        sentence = _capitalize(_fill(rng.choice(SENTENCES[lang]), lang, rng))
        sentences.append(sentence)
        words += len(sentence.split())
    count = rng.randint(6, 10)  # lead + body paragraphs
    cuts = sorted(rng.sample(range(1, len(sentences)), count - 1))
    paragraphs = [" ".join(sentences[a:b]) for a, b in zip([0, *cuts], [*cuts, len(sentences)],
                                                           strict=True)]
    caption = _fill(rng.choice(SENTENCES[lang]), lang, rng).rstrip(".")
    credit = rng.choice(CREDITS)
    source_url = ""
    if rng.random() < 0.4:
        source_url = f"https://{OUTLETS[lang]}/{{slug}}.htm"  # filled in below
    teasers = tuple((_capitalize(_fill(rng.choice(TITLES[lang]), lang, rng)),
                     _fill(rng.choice(SENTENCES[lang]), lang, rng)) for _ in range(2))
    article = Article(
        number=number, lang=lang, title=title, published=published,
        author=rng.choice(AUTHORS[lang]), tags=tuple(rng.sample(TAGS[lang], rng.randint(1, 3))),
        lead=paragraphs[0], paragraphs=tuple(paragraphs[1:]),
        figure_at=rng.randint(1, len(paragraphs) - 2), image=f"photo-{number:05d}.jpg",
        caption=caption, credit=credit, source_url=source_url, teasers=teasers,
        blank_lines=rng.random() < 0.5)
    return replace(article, source_url=source_url.format(slug=article.slug))


def _dateline(article: Article, rng: random.Random) -> str:
    """Return the dateline an outlet of the article's language prints."""
    d = article.published
    if article.lang == "vi":
        if rng.random() < 0.5:
            return f"{d:%d/%m/%Y, %H:%M}"
        return f"{VI_WEEKDAYS[d.weekday()]}, {d.day}/{d.month}/{d.year}, {d:%H:%M} (GMT+7)"
    if article.lang == "fr":
        return f"Publié le {d.day} {MONTHS['fr'][d.month - 1]} {d.year} à {d:%Hh%M}"
    hour = d.hour % 12 or 12
    return f"{MONTHS['en'][d.month - 1]} {d.day}, {d.year} {hour}:{d:%M} {d:%p}"


def dump_text(article: Article) -> str:
    """Return the article as a scraped page dump, boilerplate included."""
    rng = random.Random(article.number * 7919 + 1)
    lang = article.lang
    before = {
        "vi": ["Theo dõi trên Google News", "Thời sự", "Thế giới", "Chia sẻ"],
        "fr": ["Partager", "International", "Économie", "Publicité"],
        "en": ["Share", "World", "Business", "Skip to content"],
    }[lang]
    photo_credit = {"vi": f"Ảnh: {article.credit}", "fr": f"(Photo : {article.credit})",
                    "en": f"(Photo: {article.credit})"}[lang]
    byline = {"vi": f"{article.author.upper()} (TỔNG HỢP)", "fr": f"Par {article.author}",
              "en": f"By {article.author}"}[lang]
    after = {
        "vi": [f"({rng.randint(0, 40)}) Bình luận", "Bài liên quan"],
        "fr": [f"{rng.randint(2, 80)} commentaires", "Lire aussi"],
        "en": [f"Comment ({rng.randint(0, 40)})", "Related articles"],
    }[lang]
    promos = {
        "vi": ["Nổi bật", "Đừng bỏ lỡ",
               "Giấy phép số 123/GP-BTTTT do Bộ Thông tin và Truyền thông cấp. "
               "Bản quyền thuộc về Báo Mới. Ghi rõ nguồn khi phát hành lại."],
        "fr": ["À ne pas manquer", "Les plus lus",
               "© Le Quotidien 2024 - Tous droits réservés. Mentions légales. "
               "Politique de confidentialité."],
        "en": ["Don't miss", "Most read",
               "© 2024 The Daily Example. All rights reserved. Terms of use. Privacy policy."],
    }[lang]
    lines = [*before[: rng.randint(2, len(before))], article.title, _dateline(article, rng),
             article.lead]
    for index, paragraph in enumerate(article.paragraphs):
        if index == article.figure_at:
            lines += [article.image, f"{article.caption}. {photo_credit}"]
        lines.append(paragraph)
    lines.append(byline)
    if article.source_url:
        lines.append(f"Source : {article.source_url}")
    lines.append(after[0])
    lines.append(after[1])
    for teaser_title, teaser in article.teasers:
        lines += [teaser_title, teaser]
    lines += [*promos, article.title]
    tags = ", ".join(article.tags)
    front = f"---\ntags: [{tags}]\n---\n"
    return front + ("\n\n" if article.blank_lines else "\n").join(lines) + "\n"


def _yaml_str(text: str) -> str:
    """Quote a string for YAML front matter."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def markdown_body(article: Article) -> str:
    """Return the article body as Markdown: lead, paragraphs, captioned photo."""
    credit = {"vi": "Ảnh", "fr": "Photo", "en": "Photo"}[article.lang]
    blocks = [article.lead]
    for index, paragraph in enumerate(article.paragraphs):
        if index == article.figure_at:
            blocks.append(f"*{article.caption}. {credit}: {article.credit}*")
        blocks.append(paragraph)
    if article.source_url:
        blocks.append(f"Source: <{article.source_url}>")
    return "\n\n".join(blocks) + "\n"


def markdown_text(article: Article) -> str:
    """Return the article as Markdown with YAML front matter (ours and Hugo's input)."""
    tags = ", ".join(_yaml_str(t) for t in article.tags)
    return (f"---\ntitle: {_yaml_str(article.title)}\n"
            f"date: {article.published.isoformat()}\n"
            f"lang: {article.lang}\ntags: [{tags}]\nauthor: {_yaml_str(article.author)}\n"
            f"slug: {article.slug}\n---\n\n{markdown_body(article)}")


def pelican_text(article: Article) -> str:
    """Return the article in Pelican's Markdown metadata header form."""
    return (f"Title: {article.title}\nDate: {article.published.isoformat()}\n"
            f"Tags: {', '.join(article.tags)}\nLang: {article.lang}\n"
            f"Author: {article.author}\nSlug: {article.slug}\n\n{markdown_body(article)}")


HUGO_CONFIG = f"""baseURL = "{BASE_URL}"
languageCode = "en"
title = "News digest"
paginate = 50
rssLimit = 50
disableKinds = ["sitemap", "robotsTXT", "section"]

[taxonomies]
  tag = "tags"

[outputs]
  home = ["HTML", "RSS"]
  taxonomy = ["HTML"]
  term = ["HTML"]
  page = ["HTML"]
"""

HUGO_LAYOUTS = {
    "_default/baseof.html": """<!DOCTYPE html>
<html lang="{{ with .Params.lang }}{{ . }}{{ else }}{{ site.LanguageCode }}{{ end }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if not .IsHome }}{{ .Title }} · {{ end }}{{ site.Title }}</title>
<link rel="canonical" href="{{ .Permalink }}">
<link rel="stylesheet" href="{{ "style.css" | relURL }}">
<link rel="alternate" type="application/rss+xml" title="{{ site.Title }}" href="{{ "index.xml" | relURL }}">
</head>
<body>
<header><a href="{{ "" | relURL }}">{{ site.Title }}</a> <a href="{{ "index.xml" | relURL }}">RSS</a></header>
<main>{{ block "main" . }}{{ end }}</main>
<footer><p>Built with Hugo.</p></footer>
</body>
</html>
""",  # noqa: E501
    "_default/single.html": """{{ define "main" }}
<article>
  <h1>{{ .Title }}</h1>
  <p class="meta"><time datetime="{{ .Date.Format "2006-01-02T15:04:05-07:00" }}">{{ .Date.Format "2 January 2006 15:04" }}</time>
  {{ with .Params.author }}<span class="byline">{{ . }}</span>{{ end }} <span class="lang">{{ .Params.lang }}</span></p>
  <div class="content">{{ .Content }}</div>
  {{ with .Params.tags }}<ul class="tags">{{ range . }}<li><a href="{{ "tags/" | relURL }}{{ . | urlize }}/">{{ . }}</a></li>{{ end }}</ul>{{ end }}
</article>
{{ end }}
""",  # noqa: E501
    "_default/list.html": """{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ $paginator := .Paginate .Pages }}
{{ range $paginator.Pages }}
<article class="item">
  <h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2>
  <p class="meta"><time datetime="{{ .Date.Format "2006-01-02T15:04:05-07:00" }}">{{ .Date.Format "2 January 2006 15:04" }}</time></p>
  <p class="lead">{{ .Summary }}</p>
</article>
{{ end }}
{{ template "_internal/pagination.html" . }}
{{ end }}
""",  # noqa: E501
    "index.html": """{{ define "main" }}
{{ $paginator := .Paginate (where site.RegularPages "Section" "posts") }}
{{ range $paginator.Pages }}
<article class="item">
  <h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2>
  <p class="meta"><time datetime="{{ .Date.Format "2006-01-02T15:04:05-07:00" }}">{{ .Date.Format "2 January 2006 15:04" }}</time></p>
  <p class="lead">{{ .Summary }}</p>
</article>
{{ end }}
{{ template "_internal/pagination.html" . }}
{{ end }}
""",  # noqa: E501
    "_default/terms.html": """{{ define "main" }}
<h1>{{ .Title }}</h1>
<ul>{{ range .Data.Terms.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>{{ end }}</ul>
{{ end }}
""",  # noqa: E501
    "_default/rss.xml": """{{- $pages := where site.RegularPages "Section" "posts" -}}
{{- $limit := site.Config.Services.RSS.Limit -}}
{{- $pages = $pages | first $limit -}}
{{- printf "<?xml version=\\"1.0\\" encoding=\\"utf-8\\" standalone=\\"yes\\"?>" | safeHTML }}
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>{{ site.Title }}</title>
    <link>{{ .Permalink }}</link>
    <description>Articles collected by the benchmark</description>
    <language>{{ site.LanguageCode }}</language>
    {{ with $pages }}<lastBuildDate>{{ (index . 0).Date.Format "Mon, 02 Jan 2006 15:04:05 -0700" | safeHTML }}</lastBuildDate>{{ end }}
    {{- with .OutputFormats.Get "RSS" }}
    {{ printf "<atom:link href=%q rel=\\"self\\" type=%q />" .Permalink .MediaType | safeHTML }}
    {{- end }}
    {{- range $pages }}
    <item>
      <title>{{ .Title }}</title>
      <link>{{ .Permalink }}</link>
      <pubDate>{{ .Date.Format "Mon, 02 Jan 2006 15:04:05 -0700" | safeHTML }}</pubDate>
      <author>{{ .Params.author }}</author>
      <guid>{{ .Permalink }}</guid>
      <description>{{ .Content | html }}</description>
    </item>
    {{- end }}
  </channel>
</rss>
""",  # noqa: E501
}

STYLE_CSS = """body { font: 1rem/1.5 system-ui, sans-serif; max-width: 42rem; margin: 0 auto;
  padding: 1rem; color: #222; background: #fff; }
@media (prefers-color-scheme: dark) { body { color: #ddd; background: #111; } a { color: #8bf; } }
.meta { color: #666; font-size: .9rem; }
.tags { list-style: none; padding: 0; } .tags li { display: inline; margin-right: .5rem; }
"""

PELICAN_CONF = f'''"""Pelican settings for the benchmark corpus, written by bench/make_corpus.py."""

AUTHOR = "newsdigest bench"
SITENAME = "News digest"
SITEURL = "{BASE_URL.rstrip("/")}"
PATH = "content"
THEME = "theme"
TIMEZONE = "UTC"
DEFAULT_LANG = "en"
DEFAULT_PAGINATION = 50
RELATIVE_URLS = True

# One RSS feed of 50 full items, nothing else.
FEED_ALL_RSS = "feed.xml"
FEED_ALL_ATOM = None
FEED_MAX_ITEMS = 50
RSS_FEED_SUMMARY_ONLY = False
CATEGORY_FEED_ATOM = None
CATEGORY_FEED_RSS = None
TAG_FEED_ATOM = None
TAG_FEED_RSS = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
TRANSLATION_FEED_ATOM = None
TRANSLATION_FEED_RSS = None

# Article pages, paginated index and tag pages; no category, author or archive pages.
ARTICLE_URL = "{{lang}}/{{slug}}/"
ARTICLE_SAVE_AS = "{{lang}}/{{slug}}/index.html"
ARTICLE_LANG_URL = ARTICLE_URL
ARTICLE_LANG_SAVE_AS = ARTICLE_SAVE_AS
TAG_URL = "tags/{{slug}}/"
TAG_SAVE_AS = "tags/{{slug}}/index.html"
DIRECT_TEMPLATES = ["index"]
CATEGORY_SAVE_AS = ""
CATEGORIES_SAVE_AS = ""
AUTHOR_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
ARCHIVES_SAVE_AS = ""
TAGS_SAVE_AS = ""
PAGE_SAVE_AS = ""
PAGE_LANG_SAVE_AS = ""
DRAFT_SAVE_AS = ""
DRAFT_LANG_SAVE_AS = ""

# No cache unless the run asks for it (-e CACHE_CONTENT=true LOAD_CONTENT_CACHE=true).
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False
'''

PELICAN_TEMPLATES = {
    "base.html": """<!DOCTYPE html>
<html lang="{% block lang %}{{ DEFAULT_LANG }}{% endblock %}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{% block title %}{{ SITENAME }}{% endblock %}</title>
<link rel="stylesheet" href="{{ SITEURL }}/{{ THEME_STATIC_DIR }}/style.css">
<link rel="alternate" type="application/rss+xml" title="{{ SITENAME }}" href="{{ FEED_DOMAIN }}/{{ FEED_ALL_RSS }}">
</head>
<body>
<header><a href="{{ SITEURL }}/">{{ SITENAME }}</a> <a href="{{ FEED_DOMAIN }}/{{ FEED_ALL_RSS }}">RSS</a></header>
<main>{% block content %}{% endblock %}</main>
<footer><p>Built with Pelican.</p></footer>
</body>
</html>
""",  # noqa: E501
    "index.html": """{% extends "base.html" %}
{% block content %}
{% for article in articles_page.object_list %}
<article class="item">
  <h2><a href="{{ SITEURL }}/{{ article.url }}">{{ article.title }}</a></h2>
  <p class="meta"><time datetime="{{ article.date.isoformat() }}">{{ article.locale_date }}</time></p>
  <p class="lead">{{ article.summary }}</p>
</article>
{% endfor %}
{% if articles_page.has_other_pages() %}
<nav class="pagination">
  {% if articles_page.has_previous() %}<a rel="prev" href="{{ SITEURL }}/{{ articles_previous_page.url }}">Newer</a>{% endif %}
  <span>{{ articles_page.number }} / {{ articles_paginator.num_pages }}</span>
  {% if articles_page.has_next() %}<a rel="next" href="{{ SITEURL }}/{{ articles_next_page.url }}">Older</a>{% endif %}
</nav>
{% endif %}
{% endblock %}
""",  # noqa: E501
    "article.html": """{% extends "base.html" %}
{% block lang %}{{ article.lang }}{% endblock %}
{% block title %}{{ article.title }} · {{ SITENAME }}{% endblock %}
{% block content %}
<article>
  <h1>{{ article.title }}</h1>
  <p class="meta"><time datetime="{{ article.date.isoformat() }}">{{ article.locale_date }}</time>
  {% if article.author %}<span class="byline">{{ article.author }}</span>{% endif %} <span class="lang">{{ article.lang }}</span></p>
  <div class="content">{{ article.content }}</div>
  {% if article.tags %}<ul class="tags">{% for tag in article.tags %}<li><a href="{{ SITEURL }}/{{ tag.url }}">{{ tag }}</a></li>{% endfor %}</ul>{% endif %}
</article>
{% endblock %}
""",  # noqa: E501
    "tag.html": """{% extends "index.html" %}
{% block title %}{{ tag }} · {{ SITENAME }}{% endblock %}
""",
}


def write(path: Path, text: str) -> None:
    """Write UTF-8 text, creating parent folders."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="\n")


def write_article(out: Path, article: Article) -> list[Path]:
    """Write one article in its four forms into the corpus at `out`; return the paths."""
    name = f"{article.number:05d}"
    md = markdown_text(article)
    paths = [(out / "dumps" / f"{name}.txt", dump_text(article)),
             (out / "markdown" / f"{name}.md", md),
             (out / "hugo" / "content" / "posts" / f"{name}.md", md),
             (out / "pelican" / "content" / f"{name}.md", pelican_text(article))]
    for path, text in paths:
        write(path, text)
    return [path for path, _ in paths]


def write_sites(out: Path) -> None:
    """Write the peers' configurations, layouts and themes."""
    write(out / "hugo" / "config.toml", HUGO_CONFIG)
    for name, text in HUGO_LAYOUTS.items():
        write(out / "hugo" / "layouts" / name, text)
    write(out / "hugo" / "static" / "style.css", STYLE_CSS)
    write(out / "pelican" / "pelicanconf.py", PELICAN_CONF)
    for name, text in PELICAN_TEMPLATES.items():
        write(out / "pelican" / "theme" / "templates" / name, text)
    write(out / "pelican" / "theme" / "static" / "style.css", STYLE_CSS)


def make_corpus(count: int, out: Path) -> None:
    """Write a corpus of `count` articles into `out`, replacing any previous one."""
    if out.exists():
        shutil.rmtree(out)
    write_sites(out)
    for number in range(count):
        write_article(out, make_article(number))


def main(argv: list[str] | None = None) -> int:
    """Parse the command line and write the corpus."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("count", type=int, metavar="N", help="number of articles")
    parser.add_argument("--out", type=Path, default=None,
                        help="corpus folder (default: bench/corpus-N/)")
    args = parser.parse_args(argv)
    out = args.out or Path(__file__).parent / f"corpus-{args.count}"
    make_corpus(args.count, out)
    print(f"wrote {args.count} articles into {out}/")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
