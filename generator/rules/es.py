"""Spanish rules: boilerplate lexicon, bylines, credits, months, stopwords."""

TIMEZONE = "UTC"  # spoken in several zones: the source domain decides (.de, .es, .br)

BOILERPLATE: dict[str, list[str]] = {
    "comment-counter": [r"\(?\d+\)?\s*comentarios?", r"comentarios?\s*\(?\d*\)?",
                        r"(?:deja|escribe) (?:un|tu) comentario", r"ver (?:los )?\d* ?comentarios"],
    "follow-prompt": [r"síguenos(?: en .{1,40})?", r"seguir", r"suscríbete.{0,80}",
                      r"iniciar sesión", r"regístrate", r"ya soy suscriptor"],
    "share-prompt": [r"compartir(?: en .{1,20})?(?: este artículo)?", r"imprimir",
                     r"enviar por (?:e-?mail|correo)", r"copiar enlace", r"guardar"],
    "section-promo": [r"portada", r"inicio", r"lo más leído", r"últimas noticias",
                      r"te puede interesar", r"noticias relacionadas", r"buscar", r"menú"],
    "newsletter": [r"(?:suscríbete|apúntate) a (?:nuestra|la) newsletter.{0,80}",
                   r"boletín.{0,80}", r"tu (?:correo|e-?mail).{0,60}"],
    "cookie": [r"(?=.{0,400}$)(?=.*\bcookies?\b)(?=.*(?:acept|consent|naveg|configur|privacidad)).*",
               r"aceptar(?: todo| todas)?", r"configurar cookies"],
    "read-time": [r"(?:tiempo de lectura\s*:?\s*)?\d+\s*min(?:utos?)?(?: de lectura)?",
                  r"escuchar(?: (?:este )?artículo| noticia)?"],
    "tag-list": [r"(?:etiquetas|temas|tags)\s*:.{0,300}"],
    "cms-footer": [r"aviso legal", r"política de (?:privacidad|cookies)", r"contacto",
                   r"todos los derechos reservados\.?", r"volver arriba", r"mapa del sitio"],
}

RELATED: list[str] = [r"(?:lee|leer|lea) (?:también|además|más)(?:\s*:.{0,200})?",
                      r"noticias relacionadas", r"te puede interesar", r"más noticias",
                      r"artículos relacionados", r"contenido relacionado", r"ver también(?:\s*:.{0,200})?",
                      r"también te puede interesar",
                      r"lo más (?:leído|visto)", r"(?:las )?(?:noticias )?más (?:leídas|vistas)"]

BYLINE: list[str] = [
    r"por\s+(?P<name>[A-ZÁÉÍÓÚÑ][\w'.-]*(?:\s+(?:de |del |la |y )?[A-ZÁÉÍÓÚÑ][\w'.-]*){0,5})",
]

CREDIT: list[str] = [r"\(?\s*(?:foto|fotografía|imagen|crédito)\s*:\s*(?P<credit>[^()]{2,80}?)\s*\)?\s*\.?"]

RELATIVE_DATES: list[str] = [r"(?:publicado|actualizado)?\s*hace \d+ (?:minutos?|horas?|días?)"]

DATELINE_LEADS: list[str] = [r"publicado el", r"actualizado el"]

PUBLISHED: list[str] = [r"publicad[oa](?: el)?"]

MONTHS: dict[str, int] = {
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7,
    "agosto": 8, "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11,
    "diciembre": 12, "ene": 1, "dic": 12,
}

DATE_WORDS: list[str] = [r"publicado(?: el)?", r"actualizado(?: el)?", r"el", r"a las", r"de",
                         r"lunes", r"martes", r"miércoles", r"jueves", r"viernes", r"sábado",
                         r"domingo", r"hora", r"h"]

STOPWORDS = frozenset(["de", "la", "que", "el", "en", "y", "los", "del", "se", "las", "por", "un", "para", "con", "no", "una", "su", "al", "lo", "como", "más", "pero", "sus", "le", "ya", "o", "este", "ha", "sí", "porque", "esta", "entre", "cuando", "muy", "sin", "sobre", "también", "me", "hasta", "hay", "donde", "quien", "desde", "todo", "nos", "durante", "es", "fue"])
