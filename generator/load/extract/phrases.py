"""The words page furniture is written in, by kind: English, and the same kinds in French,
German, Spanish, Italian and Portuguese (the Western European languages whose dates are read).

Each kind is a thing every site has (a button, a prompt to share or to log in, a heading above
links to other articles), never a string of one site. Everything is matched folded to lower
case, on whole lines or on the opening words of a line (see `furniture`).
"""

from __future__ import annotations

import re

# Whole lines (closing punctuation ignored) that are furniture wherever they appear: navigation,
# tool buttons, prompts.
WHOLE_LINES = frozenset(
    {
        "scroll for next",  # "next story" pager
        "na",  # R's missing value, left by scrapers that export data frames
        # the page's own navigation
        *("home", "accueil", "startseite", "inicio", "portada", "zur startseite"),
        *("retour à l'accueil", "volver al inicio", "torna alla home", "página inicial"),
        *("menu", "menü", "menú", "left menu", "main menu", "skip to main content"),
        *("back to top", "nach oben", "haut de page", "volver arriba", "torna su", "top of page"),
        "voltar ao topo",
        *("search", "suche", "recherche", "rechercher", "buscar", "cerca", "pesquisar"),
        *("advanced search", "поиск", "меню", "главная"),
        # an author box's label
        *("about the author", "about post author", "about author", "à propos de l'auteur"),
        *("close", "schließen", "fermer", "cerrar", "chiudi", "fechar"),
        *("contact", "contact us", "kontakt", "contactez-nous", "contacto", "contáctenos"),
        *("contatti", "contato", "fale conosco"),
        *("latest news", "news archive", "archive", "top stories", "most popular", "most read"),
        *("trending", "advertisement", "anzeige", "werbung", "publicité", "publicidad"),
        *("pubblicità", "publicidade"),
        # tool buttons
        *("print", "drucken", "imprimer", "imprimir", "stampa", "email", "email this"),
        *("blogthis", "tweet", "share", "teilen", "partager", "compartir", "condividi"),
        *("compartilhar", "free trial", "view video", "watch video", "play video", "view gallery"),
        *("get short url", "short url", "short link", "copy link", "permalink"),
        *("print this page", "print this document", "print this article", "print page"),
        *("printer-friendly version", "printer friendly version", "print friendly"),
        *("imprimer cette page", "seite drucken", "imprimir página", "stampa questa pagina"),
        # prompts to subscribe, log in, register, accept cookies
        *("subscribe", "subscribe now", "abonnieren", "s'abonner", "abonnez-vous", "suscríbete"),
        *("suscribirse", "iscriviti", "assine", "sign up", "sign in", "log in", "login"),
        *("anmelden", "einloggen", "se connecter", "connexion", "iniciar sesión", "accedi"),
        *("entrar", "register", "registrieren", "s'inscrire", "registrarse", "registrati"),
        *("lost password", "forgot password", "feel free to contribute"),
        *("want to join the discussion", "accept", "accept all", "accept cookies"),
        *("akzeptieren", "accepter", "aceptar", "accetta", "aceitar"),
    }
)

# Headings after which a page lists other articles, comments or tags: the article has ended.
ENDINGS = re.compile(
    r"(?:related(?: articles| posts| news| stories| content| links| topics)?|read also|also read"
    r"|see also|check also|more stories(?: from .*)?|more from .*|you (?:may|might) also like"
    r"|(?:other|more|latest|popular) (?:[\w-]+ ){0,3}(?:columns|stories|articles|posts|videos)"
    r"|recommended(?: for you)?|comments?|\d+ comments?|\d+ repl(?:y|ies)|leave a (?:reply|comment)"
    r"|add a comment.*|your comment|comments are closed|to read the full story.*"
    r"|no comments(?: yet)?|post a comment|keine kommentare|aucun commentaire|no hay comentarios"
    r"|publicar un comentario|nessun commento|nenhum comentário"
    r"|read the full (?:article|story|text)(?: (?:at|on|in) .*)?"
    r"|previous and next news|tags|share this(?: story| article)?"
    # a press release's contact block
    r"|(?:for )?(?:further|more) information|media (?:enquiries|inquiries|contacts?)"
    r"|press contacts?|notes to editors|pressekontakt|contact presse|contacto de prensa"
    # the same headings in French, German, Spanish, Italian, Portuguese
    r"|(?:à |a )?lire aussi|voir aussi|articles (?:similaires|liés)|sur le même sujet"
    r"|(?:plus d'|autres )(?:articles|actualités|infos)|weitere (?:artikel|nachrichten|meldungen)"
    r"|más (?:historias|noticias)|otras noticias|altre notizie|mais notícias|outras notícias"
    r"|commentaires?|laisser un commentaire|lire l'article complet.*"
    r"|lesen sie (?:auch|mehr)|auch interessant|mehr zum thema|ähnliche artikel|verwandte artikel"
    r"|kommentare?|kommentar schreiben|schreiben sie einen kommentar"
    r"|lea también|lee también|ver también|artículos relacionados|noticias relacionadas"
    r"|comentarios?|deja (?:un|tu) comentario"
    r"|leggi anche|articoli correlati|commenti|lascia un commento"
    r"|leia também|veja também|notícias relacionadas|comentários|deixe (?:um|seu) comentário"
    # and in Russian
    r"|читайте (?:также|ещё|еще)|смотрите также|см\. также|по теме|похожие (?:статьи|новости)"
    r"|комментарии|другие новости)",
)

# Lines that open with these words are furniture of the kind named.
OPENINGS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "a link to other articles",
        re.compile(
            r"(?:read (?:also|more|next)|also read|see also|related ?:|more stories from"
            r"|read the rest at|continue reading|to read the full story|click here to"
            r"|read the full (?:article|story|text|version)|(?:still )?want to read (?:the|more)"
            r"|return to (?:this |the )?(?:article|story|page|list)"
            r"|back to (?:the )?(?:article|list)"
            r"|retour à (?:l'article|la liste)|zurück zu(?:r|m)? (?:artikel|übersicht|liste)"
            r"|(?:à |a )?lire (?:aussi|la suite)|voir aussi|lesen sie (?:auch|mehr|weiter)"
            r"|weiterlesen|lea también|lee también|leer más|sigue leyendo|leggi anche"
            r"|continua a leggere|leia (?:também|mais)|continue lendo"
            r"|читайте (?:также|ещё|еще)|смотрите также|подробнее)\b"
        ),
    ),
    (
        "a share or subscribe prompt",
        re.compile(
            r"(?:share (?:this|on)|%?d bloggers like this|like this ?:|subscribe (?:to|now|for)"
            r"|sign up (?:for|to|now)|you are subscribed to|get the .{1,40} in your inbox"
            r"|newsletter|follow us|social media auto publish|powered by"
            r"|follow (?:the )?[\w .&-]{1,40} on (?:twitter|x|facebook|instagram|linkedin|youtube)"
            r"|suivez-nous|abonnez-vous|partagez|inscrivez-vous|folgen sie uns|teilen sie"
            r"|abonnieren sie|síguenos|suscríbete|comparte|seguici|iscriviti|siga-nos"
            r"|inscreva-se)"
        ),
    ),
    (
        "a login or comment prompt",
        re.compile(
            r"(?:to leave a comment|log ?in (?:to|using|with)|sign in (?:to|with)|you must be "
            r"logged in|your email address will not be published|this site uses akismet"
            r"|required fields are marked|comments are closed"
            r"|this (?:content|article|story|post) is (?:not open|closed) (?:to|for) comments"
            r"|ce contenu n'est pas ouvert aux commentaires|les commentaires sont fermés"
            r"|kommentare sind (?:geschlossen|deaktiviert)|los comentarios están cerrados"
            r"|i commenti sono chiusi|os comentários estão fechados"
            r"|connectez-vous|l'espace des commentaires|votre adresse (?:e-mail|de messagerie) "
            r"ne sera pas publiée|melden sie sich an|ihre e-mail-adresse wird nicht "
            r"veröffentlicht|inicia sesión|tu dirección de correo electrónico no será publicada"
            r"|il tuo indirizzo email non sarà pubblicato|o seu endereço de e-mail não será "
            r"publicado)"
        ),
    ),
    (
        "a cookie notice",
        re.compile(
            r"(?:we use cookies|this (?:web)?site uses cookies|by continuing to use"
            r"|diese (?:web)?seite verwendet cookies|diese website verwendet cookies"
            r"|cookie (?:policy|settings|preferences)|nous utilisons des cookies"
            r"|ce site utilise des cookies|utilizamos cookies|este sitio (?:web )?utiliza cookies"
            r"|questo sito utilizza (?:i )?cookie|este site (?:usa|utiliza) cookies)"
        ),
    ),
    (
        "a government website banner",
        re.compile(
            r"(?:an official website of the|an official (?:eu|\.gov) website|official websites "
            r"use \.gov|a \.gov website belongs to|secure \.gov websites use https|a lock \( ?\)"
            r"|here'?s how you know)"
        ),
    ),
    (
        "an image caption",
        re.compile(
            r"(?:cover picture for the article|this (?:image|photo|picture) (?:is|was|shows)"
            r"|(?:image|photo|picture|media) ?(?:caption|credit)?:|file photo"
            r"|(?:crédit|credit) photo|foto ?:|bild ?:|crédito ?:)"
        ),
    ),
    # Accessibility toolbars: "Select font Arial ...", "Character spacing (Kerning): ...".
    ("a reading tool", re.compile(r"(?:select font|character spacing|font size|line spacing)")),
    (
        "a source credit",
        re.compile(r"(?:source|sources|kaynak|quelle|fuente|fonte)\s*[:\u2013\u2014-]"),
    ),
    ("a counter", re.compile(r"(?:this (?:news|article|story) has been (?:read|viewed))")),
    # Notices of a page's own history: archived, published under a former government, old.
    (
        "an archive notice",
        re.compile(
            r"(?:this (?:was|(?:page|article|story|content|document|news story|speech"
            r"|press release|statement) (?:was|has been|is)) (?:published under|archived"
            r"|no longer (?:updated|current|maintained))|this is an archived"
            r"|archived (?:content|page|article)|this (?:article|story) is (?:more than|over) "
            r"\w+ years? old|cette page (?:a été|est) archivée|archivierte? (?:seite|inhalte?)"
            r"|contenido archivado|página archivada|contenuto archiviato|conteúdo arquivado)"
        ),
    ),
)

# Prompts to advertise on the site, anywhere in a short line ("Want to advertise with us?").
ADVERTISING = re.compile(
    r"advertise (?:with|on|here)|\byour (?:ad|advert)\b|votre publicité|ihre (?:anzeige|werbung)"
    r"|su (?:anuncio|publicidad)|la tua pubblicità|sua publicidade"
)

# The labels of a page's fields of metadata ("Speaker: …", "Lieu : …"), by what they give: the
# date (read from the value), and fields that give nothing the article keeps (people, place,
# occasion, category).
DATE_FIELDS = frozenset(
    {"date", "dated", "datum", "fecha", "data", "дата", "date of publication", "publication date"}
)
OTHER_FIELDS = frozenset(
    {
        *("author", "authors", "by", "speaker", "speakers", "reporter", "writer", "editor"),
        *("auteur", "auteurs", "orateur", "intervenant", "rédacteur", "autor", "autorin"),
        *("autoren", "redner", "rednerin", "verfasser", "autore", "relatore", "orador"),
        *("ponente", "autores", "автор", "докладчик", "location", "place", "venue", "lieu"),
        *("ort", "lugar", "luogo", "local", "место", "event", "occasion", "événement"),
        *("veranstaltung", "anlass", "evento", "событие", "category", "categories", "topic"),
        *("topics", "catégorie", "rubrique", "thème", "kategorie", "rubrik", "categoría"),
        *("categoria", "рубрика", "type", "genre", "format"),
    }
)
