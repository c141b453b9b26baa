"""French rules: boilerplate lexicon, bylines, credits, months, stopwords."""

TIMEZONE = "Europe/Paris"

BOILERPLATE: dict[str, list[str]] = {
    "comment-counter": [r"\(?\d+\)?\s*commentaires?", r"commentaires?\s*\(?\d*\)?",
                        r"réagir(?:\s*\(\d+\))?", r"voir les \d+ commentaires",
                        r"ajouter un commentaire", r"laisser un commentaire"],
    "follow-prompt": [r"suivez[- ]nous(?: sur .{1,40})?", r"suivre(?: ce sujet| cet auteur)?",
                      r"s'abonner", r"abonnez-vous.{0,100}", r"déjà abonné\s*\??.{0,40}",
                      r"se connecter", r"connexion"],
    "share-prompt": [r"partager l'article(?: (?:sur|par) .{1,20})?",
                     r"envoyer l'article par (?:e-?)?mail", r"partager(?: (?:sur|par) .{1,20})?(?: cet article)?", r"imprimer",
                     r"envoyer par e-?mail", r"copier le lien", r"lien copié",
                     r"sauvegarder(?: cet article)?", r"offrir(?: cet article)?",
                     r"ajouter à vos sélections", r"enregistrer",
                     r"réutiliser (?:ce|cet) (?:contenu|article)"],
    "section-promo": [r"à la une", r"les plus lus", r"les plus partagés", r"en continu",
                      r"dernières (?:infos|actualités|actus)", r"à découvrir",
                      r"nos (?:dernières )?vidéos", r"accueil(?:\s*[>›/].{0,100})?",
                      r"international", r"politique", r"économie", r"société", r"culture",
                      r"sport", r"sports", r"planète", r"sciences", r"idées", r"opinions?",
                      r"menu", r"rechercher", r"édition du jour", r"podcasts?", r"vidéos?",
                      r"newsletters?", r"le direct", r"en direct", r"live"],
    "newsletter": [r"votre adresse (?:e-?)?mail est collectée.{0,400}", r"(?:inscrivez-vous|abonnez-vous) à (?:la|notre|nos) newsletters?.{0,100}",
                   r"recevez (?:gratuitement )?(?:notre|nos|la) newsletters?.{0,100}",
                   r"newsletter.{0,60}\s*:.{0,100}", r"votre adresse e-?mail.{0,60}",
                   r"je m'inscris",
                   # a sign-up block: a newsletter and "you" (your address, a verb to you)
                   r"(?=.{0,400}$)(?=.*newsletter)(?=.*\bnewsletters?\b)(?=.*(?:votre adresse|"
                   r"vous envoyer|recevez|inscrivez|abonnez|désinscri|désabonn)).*"],
    "cookie": [
        r"(?=.{0,400}$)(?=.*\bcookies?\b)(?=.*(?:accept|consent|navigat|traceur|partenaire|paramétr|préférence|expérience|audience)).*",
        r"accepter(?: et fermer)?", r"tout accepter",
               r"paramétrer(?: les cookies)?", r"continuer sans accepter"],
    "paywall": [r"(?:cet article est réservé aux abonnés\.?\s*)?il vous reste \d+(?:[.,]\d+)?\s?% "
                r"(?:de cet article )?à (?:lire|découvrir)\.?.{0,120}",
                r"\d+(?:[.,]\d+)?\s?€ (?:par|/) ?mois.{0,100}"],
    "read-time": [r"(?:temps de )?lecture\s*:?\s*\d+\s*min(?:utes?)?\.?",
                  r"\d+\s*min(?:utes?)? de lecture", r"écouter(?: cet article| l'article)?",
                  r"article réservé aux abonnés", r"réservé aux abonnés",
                  r"la suite est réservée aux abonnés\.?", r"lire plus tard",
                  r"(?:lire la suite|continuer (?:la lecture|à lire))(?: de (?:l'|cet )article)?"
                  r"(?: sur .{2,40})?"],
    "tag-list": [r"(?:mots[- ]clés|tags?|sujets? associés|thèmes?)\s*:.{0,300}"],
    "cms-footer": [r"mentions légales", r"(?:politique de )?confidentialité",
                   r"conditions générales.{0,60}", r"plan du site", r"nous contacter",
                   r"contactez-nous", r"qui sommes-nous\s*\??", r"tous droits réservés\.?",
                   r"retour en haut(?: de page)?"],
}

RELATED: list[str] = [r"(?:[àa] )?lire aussi(?:\s*:.{0,200})?", r"lire également(?:\s*:.{0,200})?",
                      r"sur le même sujet", r"articles? (?:similaires|associés|liés)",
                      r"dans la même rubrique", r"voir aussi(?:\s*:.{0,200})?",
                      r"à voir aussi", r"vous aimerez aussi", r"nos articles sur le sujet",
                      r"les articles? les plus lus", r"pour aller plus loin", r"voir plus",
                      r"(?:[àa] )?(?:lire|voir|écouter) (?:aussi|également)(?: [^|]{1,40})?\s*\|.{0,200}"]

BYLINE: list[str] = [
    r"(?:texte )?par\s*:\s*(?P<name>[\w' .-]{2,50})",
    r"(?!par\s)(?P<name>[A-ZÀ-Ý0-9][\w'.-]*(?:\s+[A-ZÀ-Ý0-9][\w'.-]*){0,4}\s+avec\s+"
    r"(?:afp|reuters|ap|agences?))",
    r"(?:(?:écrit|rédigé|propos recueillis) )?par\s+(?P<name>[A-ZÀ-Ý][\w'.-]*"
    r"(?:\s+(?:de |du |d'|le |la |et |avec )?[A-ZÀ-Ý][\w'.-]*)"
    r"{0,5}(?:\s*(?:,|avec|\()\s*[\w ()',.-]{2,40})?)",
    r"(?P<name>avec not(?:re|s) (?:correspondante?s?|envoyée?s? spéciale?s?) (?:à|au|en|aux) .{2,60})",
    r"(?P<name>[A-ZÀ-Ý][\w'.-]+(?:\s+[A-ZÀ-Ý][\w'.-]+){0,4}\s+(?:avec|\()\s*(?:afp|reuters|ap|"
    r"ansa|dpa)\)?)",
    r"(?P<name>(?:le monde|le figaro|france 24|rfi|ouest-france|libération|20 minutes|"
    r"le parisien|la rédaction|la rédaction .{1,30}) avec (?:afp|reuters|ap))",
]

CREDIT: list[str] = [r"\(?\s*(?:photo|photos|crédit(?: photo)?|illustration|image|vidéo)"
                     r"\s*:\s*(?P<credit>[^()]{2,80}?)\s*\)?\s*\.?"]

# Relative datelines, labelled as dates though they carry no calendar date.
RELATIVE_DATES: list[str] = [
    r"(?:publié|mis à jour|modifié)(?:\s+le)?\s+(?:hier|aujourd['’]hui|avant-hier|il y a .{1,20}?)"
    r"(?:\s+à\s+\d{1,2}\s*[:h]\s*\d{2})?(?:\s*[,|–—-]\s*(?:mis à jour|modifié)"
    r"(?:\s+(?:hier|aujourd['’]hui|il y a .{1,20}?))?(?:\s+à\s+\d{1,2}\s*[:h]\s*\d{2})?)?",
]

# Words that announce a dateline when an author's name stands before them on the same line.
DATELINE_LEADS: list[str] = [r"publié(?:e)? le", r"mis à jour le"]

# Words saying a dateline gives the publication time: it wins over other datelines (a
# site's date of the day, an update).
PUBLISHED: list[str] = [r"publié(?:e)?(?: le)?"]

MONTHS: dict[str, int] = {
    "janvier": 1, "janv": 1, "février": 2, "fevrier": 2, "févr": 2, "fév": 2, "mars": 3,
    "avril": 4, "avr": 4, "mai": 5, "juin": 6, "juillet": 7, "juil": 7, "août": 8, "aout": 8,
    "septembre": 9, "sept": 9, "octobre": 10, "oct": 10, "novembre": 11, "nov": 11,
    "décembre": 12, "decembre": 12, "déc": 12, "dec": 12,
}

DATE_WORDS: list[str] = [r"publié(?:e)?(?: le)?", r"mis à jour(?: le)?", r"modifié(?: le)?",
                         r"le", r"à", r"lundi", r"mardi", r"mercredi", r"jeudi", r"vendredi",
                         r"samedi", r"dimanche", r"heure de paris", r"\(?(?:utc|gmt)[+-]?\d*\)?",
                         r"il y a \d+ (?:min|h|heures?|jours?)", r"mise à jour",
                         r"vues?", r"lecture", r"min(?:utes?)? de lecture"]

STOPWORDS = frozenset(["le", "la", "les", "de", "des", "du", "un", "une", "et", "est", "en", "que", "qui", "dans", "pour", "pas", "sur", "au", "aux", "il", "elle", "ils", "elles", "ce", "cette", "ces", "son", "sa", "ses", "leur", "leurs", "par", "plus", "avec", "ne", "se", "a", "été", "être", "ont", "mais", "ou", "où", "comme", "nous", "vous"])
