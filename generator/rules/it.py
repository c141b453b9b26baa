"""Italian rules: boilerplate lexicon, bylines, credits, months, stopwords."""

TIMEZONE = "Europe/Rome"

BOILERPLATE: dict[str, list[str]] = {
    "comment-counter": [r"\(?\d+\)?\s*comment[io]", r"comment[io]\s*\(?\d*\)?",
                        r"(?:lascia|scrivi) un commento", r"(?:mostra|leggi) (?:i )?commenti"],
    "follow-prompt": [r"seguici(?: su .{1,40})?", r"iscriviti.{0,80}", r"abbonati.{0,80}",
                      r"accedi", r"registrati", r"sei già abbonato\??.{0,40}"],
    "share-prompt": [r"condividi(?: su .{1,20})?(?: questo articolo)?", r"stampa",
                     r"invia (?:per|via) e-?mail", r"copia (?:il )?link", r"salva"],
    "section-promo": [r"home ?page", r"i più letti", r"più lett[ie]", r"ultime notizie",
                      r"in evidenza", r"cerca", r"menu"],
    "newsletter": [r"(?:iscriviti|registrati) alla (?:nostra )?newsletter.{0,80}",
                   r"la tua e-?mail.{0,60}"],
    "cookie": [r"(?=.{0,400}$)(?=.*\bcookies?\b)(?=.*(?:accett|consens|navigazione|impostazioni|"
               r"privacy)).*", r"accetta(?: tutto| tutti)?", r"rifiuta(?: tutto| tutti)?"],
    "read-time": [r"(?:tempo di lettura\s*:?\s*)?\d+\s*min(?:uti)?(?: di lettura)?",
                  r"ascolta(?: l'articolo| questo articolo)?"],
    "tag-list": [r"(?:tag|argomenti|temi)\s*:.{0,300}"],
    "cms-footer": [r"note legali", r"privacy policy", r"contatti", r"torna su",
                   r"tutti i diritti riservati\.?", r"riproduzione riservata\.?",
                   r"p\.? ?iva\s*:?.{0,80}"],
}

RELATED: list[str] = [r"(?:leggi|guarda) anche(?:\s*:.{0,200})?", r"articoli correlati",
                      r"potrebbe interessarti(?: anche)?", r"ti potrebbe interessare",
                      r"\(?leggi anche su\s*:.{0,200}", r"notizie correlate",
                      r"(?:i )?più letti(?: della settimana| di oggi)?"]

BYLINE: list[str] = [
    r"di\s+(?P<name>[A-Z][\w'.-]*(?:\s+(?:de |di |da |del |della |e )?[A-Z][\w'.-]*){0,5})",
]

CREDIT: list[str] = [r"\(?\s*(?:foto|immagine|fonte)\s*:\s*(?P<credit>[^()]{2,80}?)\s*\)?\s*\.?"]

RELATIVE_DATES: list[str] = [r"(?:pubblicato|aggiornato)?\s*\d+ (?:minuti|ore|giorni) fa"]

DATELINE_LEADS: list[str] = [r"pubblicato(?: il)?", r"aggiornato(?: il)?"]

PUBLISHED: list[str] = [r"pubblicato(?: il)?"]

MONTHS: dict[str, int] = {
    "gennaio": 1, "febbraio": 2, "marzo": 3, "aprile": 4, "maggio": 5, "giugno": 6,
    "luglio": 7, "agosto": 8, "settembre": 9, "ottobre": 10, "novembre": 11, "dicembre": 12,
    "gen": 1, "mag": 5, "giu": 6, "lug": 7, "ago": 8, "set": 9, "ott": 10, "dic": 12,
}

DATE_WORDS: list[str] = [r"pubblicato(?: il)?", r"aggiornato(?: il)?", r"il", r"alle", r"ore",
                         r"lunedì", r"martedì", r"mercoledì", r"giovedì", r"venerdì", r"sabato",
                         r"domenica"]

STOPWORDS = frozenset(["il", "di", "che", "e", "la", "per", "un", "in", "non", "una", "sono", "da", "del", "della", "le", "si", "con", "ha", "gli", "lo", "al", "dei", "anche", "ma", "come", "più", "nel", "alla", "questo", "delle", "nella", "era", "ci", "se", "o", "dal", "hanno", "essere", "stato", "loro", "sul", "tra", "cui", "sua", "suo"])
