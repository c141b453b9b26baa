"""English rules: boilerplate lexicon, bylines, credits, months, stopwords."""

TIMEZONE = "UTC"

BOILERPLATE: dict[str, list[str]] = {
    "comment-counter": [r"comments?\s*\(?\d*\)?", r"\(?\d+\)?\s*comments?", r"add a comment",
                        r"leave a (?:comment|reply)", r"view \d+ comments", r"show comments",
                        r"join the (?:conversation|discussion)", r"post a comment",
                        # comment sections of WordPress-style and forum CMSs
                        r"\[?\s*\d+\s+(?:comments?|responses?|replies)\s*\]?(?: to .{0,200})?",
                        r"(?:\d+|one|no)\s+(?:thoughts?|responses?|comments?) on .{0,200}",
                        r"[\w.-]{1,40}\s+says:", r"top rated comments",
                        r"\[?\s*(?:view|read|see|load|show) (?:all|more)(?: \d+)? comments\s*\]?",
                        r"view comments?", r"show comments?", r"hide comments?", r"read comments?"],
    "follow-prompt": [r"subscribe to .{1,80}", r"join our .{1,80}", r"stay up to date.{0,100}",
                      r"email me.{0,80}", r"follow(?: us)?(?: on .{1,40})?", r"subscribe(?: now| today)?",
                      r"sign (?:in|up)", r"log ?in", r"register", r"already a subscriber\??",
                      r"log ?out", r"breaking news (?:e-?mails|alerts)",
                      r"(?:subscribe|sign in|sign up|log ?in|register)"
                      r"(?:\s{0,3}[|/·•]?\s{0,3}(?:subscribe|sign in|sign up|log ?in|log ?out|register))"
                      r"{1,3}",
                      r"follow (?:the )?(?:topic|author)s?(?: .{1,40})?"],
    "share-prompt": [r"share\s*(?:tweet|pin|email|whatsapp)(?:\s*[|/·•]?\s*\w+){0,4}", r"share this:?", r"click to (?:share|email|print).{0,80}", r"like this:?",
                     r"like loading\.{0,3}", r"share(?: this(?: article| story| page)?)?(?: on .{1,20})?",
                     r"tweet", r"email this(?: article)?", r"save(?: article| for later)?",
                     r"print(?: this)?(?: article| page)?", r"copy(?: the)? link",
                     r"link copied", r"gift (?:this )?article", r"pin it",
                     r"share (?:on|via)\s{0,3}:.{0,80}", r"like this (?:story|article)\?.{0,80}",
                     r"order reprints?", r"share (?:to|with|via) .{1,20}",
                     r"(?:\d[\d.,]{0,6}\s{0,2}[km]?\s{0,3})?shares"],
    "section-promo": [r"(?:previous|next) (?:post|article|story|page)(?:\s*:.{0,200})?",
                      r"breaking news", r"back to .{1,40}", r"trending", r"latest", r"recommended",
                      r"home", r"news", r"menu", r"search", r"skip to (?:main )?content",
                      r"more from .{1,40}", r"sponsored(?: content)?",
                      # an inline teaser: "Also on rt.com Journalists threatened with ..."
                      r"also on [a-z0-9-]{1,40}(?:\.[a-z0-9-]{1,40}){1,3}\s.{10,200}"],
    # photo galleries and page widgets: "Image 2 of 5", "Previous Next", "Copied!"
    "widget": [r"(?:(?:image|photo|picture|slide)s?\s{1,3})?\d{1,4}\s{1,3}of\s{1,3}\d{1,4}",
               # a gallery's card: "Best gifts for co-workers under $50 on A... SEE FULL GALLERY"
               r"(?=.{0,200}$)(?=.*full gallery$).{0,180}\b(?:see|view) (?:the )?full gallery",
               r"(?:previous|prev|next)(?:\s{0,3}[|/·]?\s{0,3}(?:previous|prev|next))?",
               r"(?:get |copy )?(?:the )?short (?:url|link)",
               r"close(?: (?:x|window|gallery))?", r"copied!?", r"view all(?: \(\d{1,6}\))?",
               r"(?:view|see|read) (?:recent|more|all|latest|other) (?:articles|stories|posts)",
               r"(?:expand|enlarge)(?: this image)?", r"show (?:more|less)",
               r"(?:load|see) more", r"skip (?:ad|advert(?:isement)?)",
               r"(?:continue reading|read (?:the )?full (?:story|article))(?: (?:the )?(?:main )?"
               r"(?:story|article)| below)?(?: (?:on|at) .{2,40})?",
               r"(?=.{0,200}$)(?=.*javascript).*\b(?:requires|enable) javascript\b.*",
               r"to read the full (?:story|article)", r"video", r"play video", r"watch video",
               # browser and app notices: "IE 11 is not supported. For an optimal experience
               # visit our site on another browser.", "View CBS News In" / "CBS News App Open"
               r"(?=.{0,200}$)(?=.*browser).*\b(?:is not supported|not supported|unsupported|"
               r"outdated|another browser|(?:update|upgrade) your browser)\b.*",
               r"view [\w .'&-]{2,40} in", r"[\w .'&-]{2,40} app open",
               r"(?:chrome|safari|firefox|edge|opera)(?:\s+(?:chrome|safari|firefox|edge|opera|"
               r"continue|open)){1,4}",
               r"download|transcript|embed(?: code)?",
               # a donation appeal: "Your support helps us to tell the story", "Your support
               # makes all the difference."
               r"your support (?:helps us|makes all the difference|is (?:vital|crucial)).{0,200}",
               r"(?=.{0,600}$)(?=.*donation)(?=.*\byour donation allows us\b).*"],
    # contact lines under the article: "Write to Al Root at al@example.com", "Email Tariq
    # Malik at ... or follow him @x", "Follow Newsbeat on Instagram, Facebook and YouTube."
    "contact": [r"have a (?:news )?tip\?.{0,300}",
                r"(?=.{0,120}$)(?=.*get the ).*\bget the [\w ]{1,30} app\b.*",
                r"(?:write|e-?mail|contact) (?:to )?.{1,60}? at [\w.+-]{1,64}@[\w-]{1,64}\.[\w.]{1,64}"
                r".{0,300}",
                r"follow (?:me|us|\w{1,30}(?: \w{1,30})?) on (?:twitter|instagram|facebook|linkedin|"
                r"youtube|tiktok|threads)\b.{0,200}"],
    "newsletter": [r"sign up (?:for|to) (?:our|the) .{0,60}newsletters?.{0,100}",
                   r"get (?:our|the) .{0,40}newsletter.{0,100}", r"enter your e-?mail.{0,60}",
                   r"newsletter.{0,40}", r"thanks? for (?:signing up|subscribing).{0,80}",
                   r"sign up\s{0,3}:.{0,200}",
                   # a sentence or two of newsletter prompt: "... Sign up for X to get the
                   # free daily newsletter", "I agree that X can send me the Y newsletter."
                   r"(?=.{0,300}$)(?=.*newsletter)(?=.*\bnewsletters?\b)"
                   r"(?=.*\b(?:sign up|subscrib\w*|inbox|send me|delivered)\b).*",
                   r"(?=.{0,300}$)(?=.*alerts\b)(?=.*\b(?:delivered|inbox)\b).*",
                   r"(?=.{0,300}$)(?=.*unsubscribe at any time).*"],
    "cookie": [
        r"(?=.{0,400}$)(?=.*\bcookies?\b)(?=.*(?:accept|consent|browsing|experience|privacy|settings|preferences)).*",
        r"accept(?: all)?(?: cookies)?", r"i agree",
               r"manage (?:cookies|preferences|settings)", r"privacy (?:policy|settings)",
               r"(?=.{0,300}$)(?=.*protected by recaptcha).*"],
    "read-time": [r"\d+\s*min(?:ute)?s?\s*read", r"listen(?: to this article)?(?: \d.{0,20})?",
                  r"listen\s{0,3}:\s{0,3}https?://\S{1,200}",
                  r"reading time\s*:?\s*\d+\s*min(?:ute)?s?"],
    "tag-list": [r"(?:tags?|topics?|filed under|categories)\s*:.{0,300}",
                 r"related (?:tags|topics)", r"tags?", r"topics?"],
    "cms-footer": [r"terms (?:of (?:use|service)|and conditions)", r"(?:how to )?contact us",
                   r"about us", r"site ?map", r"back to top", r"report (?:an )?error",
                   r"(?:quick|useful) links",
                   r"corrections? policy",
                   r"(?=.{0,400}$)(?=.*may not be ).*\bmay not be (?:published|reproduced|broadcast|"
                   r"rewritten|redistributed)\b.*",
                   r"(?=.{0,400}$)(?=.*subject to copyright).*"],
}

RELATED: list[str] = [r"related(?: articles| stories| news| posts| coverage| content)?",
                      r"read (?:more|also|next)(?:\s*:.{0,200})?", r"see also(?:\s*:.{0,200})?",
                      r"more (?:on this|stories|news|articles)(?: .{1,40})?",
                      r"you might also like", r"recommended (?:stories|articles|reading)",
                      r"further reading", r"also read(?:\s*:.{0,200})?",
                      # "Related: <title>", "[Related: <title>]", "Related post: <title>"
                      r"related(?: \w{1,30}){0,2}\s{0,3}:.{0,200}",
                      r"\[related(?: \w{1,30}){0,2}\s{0,3}:.{0,200}",
                      r"more in .{1,60}", r"popular (?:on|in) .{1,40}",
                      r"most (?:read|popular|viewed|shared) (?:in|on) .{1,40}",
                      r"more (?:great )?[\w.'’-]{1,30} stories", r"what to read next",
                      r"(?:next up|up next) in .{1,40}",
                      # headers of teaser lists, in the article or beside it
                      r"most (?:read|popular|viewed|shared)(?: (?:videos?|articles?|stories|posts|news))?",
                      r"trending (?:now|news|stories)", r"top stories",
                      r"the latest", r"latest (?:news|stories|articles)", r"editor'?s picks?",
                      r"don'?t miss", r"recommended for you", r"you may (?:also )?like",
                      r"more\s{0,3}:", r"latest headlines", r"top videos?",
                      r"more [\w&' -]{1,30} news"]

BYLINE: list[str] = [
    r"(?:written |reporting |reported |story )?by\s+(?P<name>[A-Z][\w'.-]*(?:\s+(?:and |& |de |"
    r"van |von )?[A-Z][\w'.-]*){0,6}(?:\s*[,|]\s*[\w .'-]{2,40})?)",
]

CREDIT: list[str] = [r"\(?\s*(?:photo|photograph|picture|image|credit|photo credit|"
                     r"illustration|video)\s*:\s*(?P<credit>[^()]{2,80}?)\s*\)?\s*\.?",
                     # "(AP Photo/Evan Vucci)", "(Photo by Jane Doe/Getty Images)"
                     r"\(\s*(?P<credit>[^()/:]{1,40}?\s+photos?\s*/\s*[^()]{2,80}?)\s*\)\s*\.?",
                     r"\(\s*(?:photos?|photograph|picture|image)\s+(?:by|courtesy(?: of)?)\s+"
                     r"(?P<credit>[^()]{2,80}?)\s*\)\s*\.?"]

RELATIVE_DATES: list[str] = [
    r"(?:published|updated|posted)?\s*(?:\d+\s+(?:minutes?|mins?|hours?|hrs?|days?|weeks?)\s+ago|"
    r"yesterday|today)(?:\s+at\s+\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?)?",
]

DATELINE_LEADS: list[str] = [r"published(?: on)?", r"updated(?: on)?", r"posted(?: on)?"]

PUBLISHED: list[str] = [r"published(?: on)?", r"posted(?: on)?"]

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
}

DATE_WORDS: list[str] = [r"published(?: on)?", r"updated(?: on)?", r"posted(?: on)?",
                         r"last updated", r"(?:last )?modified(?: on)?", r"on", r"at", r"monday", r"tuesday", r"wednesday",
                         r"thursday", r"friday", r"saturday", r"sunday", r"mon", r"tue", r"wed",
                         r"thu", r"fri", r"sat", r"sun", r"am", r"pm", r"a\.m\.", r"p\.m\.",
                         r"\(?(?:utc|gmt|et|est|edt|ct|cst|cdt|mt|mst|mdt|pt|pst|pdt|akst|akdt|hst|bst|cet|cest)"
                         r"[+-]?\d*\)?",
                         r"views?", r"min(?:ute)?s? read"]

STOPWORDS = frozenset(["the", "of", "and", "to", "a", "in", "is", "that", "for", "it", "on", "was", "with", "as", "he", "she", "they", "his", "her", "by", "at", "be", "this", "from", "are", "have", "has", "had", "not", "but", "or", "an", "were", "which", "their", "said", "will", "would", "been", "its", "who"])
