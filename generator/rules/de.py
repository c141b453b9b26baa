"""German rules: boilerplate lexicon, bylines, credits, months, stopwords."""

TIMEZONE = "UTC"  # spoken in several zones: the source domain decides (.de, .es, .br)

BOILERPLATE: dict[str, list[str]] = {
    "comment-counter": [r"\(?\d+\)?\s*kommentare?", r"kommentare?\s*\(?\d*\)?",
                        r"kommentar (?:schreiben|verfassen)", r"(?:alle )?kommentare anzeigen"],
    "follow-prompt": [r"folgen sie uns(?: auf .{1,40})?", r"folgen", r"abonnieren",
                      r"jetzt abonnieren.{0,60}", r"anmelden", r"einloggen", r"registrieren",
                      r"bereits abonnent\??.{0,40}"],
    "share-prompt": [r"teilen(?: auf .{1,20})?", r"artikel teilen", r"drucken", r"merken",
                     r"link kopieren", r"per e-?mail (?:teilen|versenden)", r"artikel verschenken"],
    "section-promo": [r"startseite", r"meistgelesen(?:e artikel)?", r"neueste artikel",
                      r"top-?themen", r"das könnte sie auch interessieren", r"mehr zum thema",
                      r"politik", r"wirtschaft", r"kultur", r"wissen", r"panorama", r"suche"],
    "newsletter": [r"newsletter.{0,80}", r"jetzt (?:zum|für den) newsletter anmelden.{0,80}",
                   r"ihre e-?mail-adresse.{0,60}"],
    "cookie": [r"(?=.{0,400}$)(?=.*\bcookies?\b)(?=.*(?:zustimm|akzeptier|einwillig|datenschutz|einstellung)).*",
               r"alle akzeptieren", r"akzeptieren(?: und schließen)?", r"einstellungen verwalten"],
    "read-time": [r"(?:lesezeit\s*:?\s*)?\d+\s*min(?:uten)?\.?(?: lesezeit)?",
                  r"(?:artikel )?(?:vor)?(?:an)?hören", r"audio-?version.{0,40}"],
    "tag-list": [r"(?:schlagwörter|schlagworte|themen|stichworte)\s*:.{0,300}"],
    "cms-footer": [r"impressum", r"datenschutz(?:erklärung)?", r"kontakt", r"nach oben",
                   r"alle rechte vorbehalten\.?", r"nutzungsbedingungen", r"agb"],
}

RELATED: list[str] = [r"mehr zum thema(?:\s*:.{0,200})?", r"lesen sie auch(?:\s*:.{0,200})?",
                      r"auch interessant(?:\s*:.{0,200})?", r"weitere (?:artikel|beiträge|nachrichten)(?: zum thema| aus .{1,40})?",
                      r"meistgelesene?(?: artikel| nachrichten)?", r"das könnte sie auch interessieren",
                      r"verwandte (?:artikel|themen)", r"siehe auch(?:\s*:.{0,200})?"]

BYLINE: list[str] = [
    r"von\s+(?P<name>[A-ZÄÖÜ][\w'.-]*(?:\s+(?:und |von |van |de )?[A-ZÄÖÜ][\w'.-]*){0,5})",
]

CREDIT: list[str] = [r"\(?\s*(?:foto|bild|fotos|quelle|grafik)\s*:\s*(?P<credit>[^()]{2,80}?)\s*\)?\s*\.?"]

RELATIVE_DATES: list[str] = [r"(?:veröffentlicht|aktualisiert)?\s*vor \d+ (?:minuten|stunden|tagen)"]

DATELINE_LEADS: list[str] = [r"veröffentlicht am", r"aktualisiert am"]

PUBLISHED: list[str] = [r"veröffentlicht(?: am)?"]

MONTHS: dict[str, int] = {
    "januar": 1, "jänner": 1, "februar": 2, "märz": 3, "maerz": 3, "april": 4, "mai": 5,
    "juni": 6, "juli": 7, "august": 8, "september": 9, "oktober": 10, "november": 11,
    "dezember": 12, "okt": 10, "dez": 12,
}

DATE_WORDS: list[str] = [r"veröffentlicht(?: am)?", r"aktualisiert(?: am)?", r"stand", r"am",
                         r"um", r"uhr", r"montag", r"dienstag", r"mittwoch", r"donnerstag",
                         r"freitag", r"samstag", r"sonntag", r"\(?(?:mez|mesz)\)?"]

STOPWORDS = frozenset(["der", "die", "das", "und", "in", "zu", "den", "von", "mit", "ist", "des", "sich", "nicht", "auf", "für", "ein", "eine", "als", "auch", "es", "an", "er", "sie", "dem", "im", "hat", "wird", "werden", "nach", "bei", "aus", "einer", "um", "noch", "wie", "über", "so", "sind", "war", "dass", "oder", "aber", "vor", "zum", "zur", "wir", "ich", "man"])
