"""Rules that hold in every language: file names, URLs, symbols, CMS footers."""

# Full-line patterns (case-insensitive) by rule group; a match makes the line boilerplate.
BOILERPLATE: dict[str, list[str]] = {
    "comment-counter": [r"\(?\d+\)?\s*(?:💬|🗨)", r"(?:💬|🗨)\s*\d+"],
    "cms-footer": [
        r"powered by .{2,60}",
        r"(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?.{0,120}",
        r"all rights reserved\.?",
    ],
    "share-prompt": [
        r"(?:facebook|twitter|x|linkedin|whatsapp|telegram|email|e-mail|zalo|messenger|"
        r"pinterest|reddit|copy link|print|in bài|sao chép liên kết)"
        r"(?:\s*[|/·•,]\s*(?:facebook|twitter|x|linkedin|whatsapp|telegram|email|e-mail|zalo|"
        r"messenger|pinterest|reddit|copy link|print))*",
    ],
    "tag-list": [r"(?:#[^#\s][^#]{0,40}){2,}"],  # "#FDI #đầu tư nước ngoài"
    "photo-credit": [r"\(?(?:image|photo|picture|foto|bild) (?:copyright|credit|source)s?\s*:?\s*[^()]{1,80}\)?"],
    "symbol-only": [r"[\W_\d]{1,40}"],
    # a trail of pages: "BLOG > Weight Loss > Weight Loss Tips", "Accueil › Sport › Football"
    "breadcrumb": [r"[^<>»›.!?]{1,40}(?:\s(?:>|»|›)\s[^<>»›.!?]{1,80}){2,}…?"],
    "embed-code": [r"(?=.{0,1000}$)(?=.*iframe)(?=.*<iframe\b).*"],  # an embed's HTML as text
    # a link to another article behind arrows, a headline and no sentence: ">> Le Courrier du
    # Vietnam fête son trentenaire", "» Tin liên quan ..."
    "related-link": [r"(?:>>|»|›)\s*(?=\w)[^.!?…\s]+\s[^.!?…]{2,200}[?!]?"],
    "advert": [r"(?:advertisement|advertising|adverts?|ads?|publicité|quảng cáo|anzeige|publicidad|"
               r"publicidade|pubblicità|iklan|реклама|広告|광고)"],
}

# A line that is only an image file name (the photo itself is not in the dump).
IMAGE_FILE = r"[^\s/\\]{1,200}\.(?:jpe?g|png|gif|webp|avif|svg|bmp|tiff?)(?:\?\S*)?"

# A line that is only a URL.
BARE_URL = r"(?:<)?https?://\S+?(?:>)?"

# A labelled link to the original article, in any language; group "url".
SOURCE: list[str] = [
    r"(?:source|sources|nguồn|quelle|fuente|fonte|via|original|originally published at"
    r"|lien|link|bài gốc|xem bài gốc)\s*:?\s*(?P<url>https?://\S+)",
]

# Photo credits at the end of a caption; group "credit" (language files add their own).
CREDIT: list[str] = [
    r"\(?\s*(?:©|\(c\))\s*(?P<credit>[^()]{2,80}?)\s*\)?\s*\.?",
]

# Publication times that outlets encode in article URLs (naive local time), most specific
# first. Groups: y (2 or 4 digits), m, d, and optionally H, M, S.
URL_DATES: list[str] = [
    # Thanh Niên, and other VCCorp-style CMSs: "-185" + yymmddHHMMSS + serial, e.g.
    # ...-185241112164938635.htm is 2024-11-12 16:49:38.
    r"-18\d(?P<y>\d{2})(?P<m>[01]\d)(?P<d>[0-3]\d)(?P<H>[0-2]\d)(?P<M>[0-5]\d)(?P<S>[0-5]\d)"
    r"\d*\.html?(?:$|[?#])",
    # Tuổi Trẻ, Dân Trí, Người Lao Động: "-" + yyyymmddHHMMSS + serial + ".htm".
    r"-(?P<y>20\d{2})(?P<m>[01]\d)(?P<d>[0-3]\d)(?P<H>[0-2]\d)(?P<M>[0-5]\d)(?P<S>[0-5]\d)"
    r"\d*\.html?(?:$|[?#])",
    # /2024/11/12/ in the path (Le Monde, WordPress, most English outlets).
    r"/(?P<y>(?:19|20)\d{2})/(?P<m>[01]?\d)/(?P<d>[0-3]?\d)/",
    # 2024-11-12 or 20241112 as a path segment or slug part.
    r"[/_-](?P<y>(?:19|20)\d{2})-?(?P<m>[01]\d)-?(?P<d>[0-3]\d)(?:[/_.-]|$)",
]

# UTC offsets by the domain's country code, for outlets that write local time with no zone.
DOMAIN_TIMEZONES: dict[str, str] = {
    ".vn": "Asia/Ho_Chi_Minh", ".fr": "Europe/Paris", ".be": "Europe/Brussels",
    ".ch": "Europe/Zurich", ".de": "Europe/Berlin", ".at": "Europe/Vienna",
    ".es": "Europe/Madrid", ".pt": "Europe/Lisbon", ".br": "America/Sao_Paulo",
    ".it": "Europe/Rome", ".uk": "Europe/London", ".ie": "Europe/Dublin",
    ".ca": "America/Toronto", ".au": "Australia/Sydney", ".jp": "Asia/Tokyo",
    ".kr": "Asia/Seoul", ".cn": "Asia/Shanghai", ".ru": "Europe/Moscow",
    ".id": "Asia/Jakarta", ".in": "Asia/Kolkata",
    # Outlets with a generic domain whose datelines are local time.
    "france24.com": "Europe/Paris", "rfi.fr": "Europe/Paris", "vietnamplus.vn": "Asia/Ho_Chi_Minh",
}
