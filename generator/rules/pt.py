"""Portuguese rules: boilerplate lexicon, bylines, credits, months, stopwords."""

TIMEZONE = "UTC"  # spoken in several zones: the source domain decides (.de, .es, .br)

BOILERPLATE: dict[str, list[str]] = {
    "comment-counter": [r"\(?\d+\)?\s*comentários?", r"comentários?\s*\(?\d*\)?",
                        r"(?:deixe|escreva) (?:um|seu) comentário", r"ver \d* ?comentários"],
    "follow-prompt": [r"siga(?:-nos)?(?: no .{1,40}| nas .{1,40})?", r"seguir", r"assine.{0,80}",
                      r"entrar", r"cadastre-se", r"já sou assinante"],
    "share-prompt": [r"compartilh(?:ar|e)(?: no .{1,20}| esta notícia)?", r"partilhar", r"imprimir",
                     r"enviar por e-?mail", r"copiar link", r"salvar"],
    "section-promo": [r"página inicial", r"início", r"mais lidas?", r"últimas notícias",
                      r"veja também", r"buscar", r"pesquisar", r"menu"],
    "newsletter": [r"(?:assine|receba) (?:a nossa|nossa|a) newsletter.{0,80}",
                   r"newsletter.{0,80}", r"seu e-?mail.{0,60}"],
    "cookie": [r"(?=.{0,400}$)(?=.*\bcookies?\b)(?=.*(?:aceit|consent|naveg|configur|privacidade)).*",
               r"aceitar(?: todos)?", r"configurar cookies"],
    "read-time": [r"(?:tempo de leitura\s*:?\s*)?\d+\s*min(?:utos?)?(?: de leitura)?",
                  r"ouvir(?: (?:esta )?(?:notícia|matéria|artigo))?"],
    "tag-list": [r"(?:tags|assuntos|temas|etiquetas)\s*:.{0,300}"],
    "cms-footer": [r"política de privacidade", r"termos de uso", r"fale conosco", r"expediente",
                   r"todos os direitos reservados\.?", r"voltar ao topo"],
}

RELATED: list[str] = [r"(?:leia|veja|ler) (?:também|mais)(?:\s*:.{0,200})?",
                      r"notícias relacionadas", r"matérias relacionadas", r"relacionadas",
                      r"mais notícias", r"saiba mais(?:\s*:.{0,200})?",
                      r"(?:as )?(?:notícias )?mais (?:lidas|vistas)(?: da semana| do dia)?"]

BYLINE: list[str] = [
    r"por\s+(?P<name>[A-ZÁÉÍÓÚÂÊÔÃÕÇ][\w'.-]*(?:\s+(?:de |da |do |dos |e )?[A-ZÁÉÍÓÚÂÊÔÃÕÇ][\w'.-]*){0,5})",
]

CREDIT: list[str] = [r"\(?\s*(?:foto|fotografia|imagem|crédito)\s*:\s*(?P<credit>[^()]{2,80}?)\s*\)?\s*\.?"]

RELATIVE_DATES: list[str] = [r"(?:publicado|atualizado)?\s*há \d+ (?:minutos?|horas?|dias?)"]

DATELINE_LEADS: list[str] = [r"publicado em", r"atualizado em"]

PUBLISHED: list[str] = [r"publicad[oa](?: em)?"]

MONTHS: dict[str, int] = {
    "janeiro": 1, "fevereiro": 2, "março": 3, "marco": 3, "abril": 4, "maio": 5, "junho": 6,
    "julho": 7, "agosto": 8, "setembro": 9, "outubro": 10, "novembro": 11, "dezembro": 12,
    "fev": 2, "dez": 12,
}

DATE_WORDS: list[str] = [r"publicado(?: em)?", r"atualizado(?: em)?", r"em", r"às", r"de",
                         r"segunda-feira", r"terça-feira", r"quarta-feira", r"quinta-feira",
                         r"sexta-feira", r"sábado", r"domingo", r"h", r"min"]

STOPWORDS = frozenset(["de", "a", "o", "que", "e", "do", "da", "em", "um", "para", "é", "com", "não", "uma", "os", "no", "se", "na", "por", "mais", "as", "dos", "como", "mas", "foi", "ao", "ele", "das", "tem", "à", "seu", "sua", "ou", "ser", "quando", "muito", "há", "nos", "já", "está", "também", "só", "pelo", "pela", "até", "isso", "ela", "entre"])
