"""Family: short questions and one-paragraph prompts (names as the only value, appositions, case variants)."""
from .core import Doc, Ent, pieces as P
from . import values as V

NAME_ONLY = {
    "en": ["Write a short birthday message for {first}.", "who is {full}?", "Can you write a LinkedIn recommendation for {full}? We worked together for 3 years.",
           "How do you pronounce {full}?", "Draft a farewell card text for {first}, who is leaving after 12 years.", "is {full} a man's or woman's name?",
           "{full} – is that the right spelling for a formal letter?", "Write a haiku about {first}'s cat.", "give me a toast for {first} and {first2}'s wedding",
           "Make a welcome post for our new colleague {full} for the intranet."],
    "de": ["Schreib einen kurzen Geburtstagsgruß für {first}.", "wer ist {full}?", "Kannst du eine Empfehlung für {full} schreiben? Wir haben 3 Jahre zusammengearbeitet.",
           "Wie spricht man {full} aus?", "Text für eine Abschiedskarte für {first}, geht nach 12 Jahren in Rente.", "Ist {full} richtig geschrieben für einen förmlichen Brief?",
           "Schreib eine Rede für die Hochzeit von {first} und {first2}.", "Begrüßungstext fürs Intranet für unser neues Teammitglied {full}, bitte."],
    "fr": ["Écris un petit message d'anniversaire pour {first}.", "c'est qui {full} ?", "Tu peux rédiger une recommandation LinkedIn pour {full} ? On a bossé 3 ans ensemble.",
           "Comment on prononce {full} ?", "Texte pour la carte de départ de {first}, qui part après 12 ans.", "Écris un discours pour le mariage de {first} et {first2}.",
           "Un message de bienvenue sur l'intranet pour la nouvelle recrue, {full}."],
    "es": ["Escribe un mensaje corto de cumpleaños para {first}.", "¿quién es {full}?", "¿Me escribes una recomendación de LinkedIn para {full}? Trabajamos juntos 3 años.",
           "¿Cómo se pronuncia {full}?", "Texto para la tarjeta de despedida de {first}, que se jubila tras 12 años.", "Escribe un brindis para la boda de {first} y {first2}.",
           "Un mensaje de bienvenida en la intranet para la nueva incorporación, {full}."],
}
APPOSITION = {
    "en": ["The real owner of the account, {full}, says the transfer was never authorised. How do we handle this?",
           "Our landlord, {full}, wants to keep the whole deposit. Is that legal in Germany?",
           "My neighbour {full} keeps parking in front of my garage. Write a polite but firm note.",
           "Applicant {last_first} has a gap in the CV between 2019 and 2021. What should I ask in the interview?",
           "Contact person on their side is {title} {last}. Write the first outreach email."],
    "de": ["Laut dem eigentlichen Kontoinhaber, {full}, wurde die Überweisung nie autorisiert. Wie gehen wir vor?",
           "Die Vermieterseite, {full}, will die komplette Kaution einbehalten. Ist das zulässig?",
           "{full} von nebenan parkt ständig vor meiner Garage. Schreib eine höfliche, aber klare Notiz.",
           "Bewerbung von {last_first}: Lücke im Lebenslauf zwischen 2019 und 2021. Was sollte ich im Gespräch fragen?",
           "Ansprechpartner auf deren Seite ist {title} {last}. Schreib die erste Kontaktmail."],
    "fr": ["Selon le vrai titulaire du compte, {full}, le virement n'a jamais été autorisé. On fait comment ?",
           "Notre propriétaire, {full}, veut garder tout le dépôt de garantie. C'est légal ?",
           "{full}, qui habite à côté, se gare tout le temps devant mon garage. Écris un mot poli mais ferme.",
           "Candidature de {last_first} : trou dans le CV entre 2019 et 2021. Que demander en entretien ?",
           "Notre interlocuteur chez eux est {title} {last}. Écris le premier mail de prise de contact."],
    "es": ["Según la persona titular de la cuenta, {full}, la transferencia nunca se autorizó. ¿Cómo lo gestionamos?",
           "Quien nos alquila el piso, {full}, quiere quedarse con toda la fianza. ¿Puede hacerlo?",
           "{full}, que vive al lado, aparca siempre delante de mi garaje. Escribe una nota educada pero firme.",
           "Candidatura de {last_first}: hueco en el CV entre 2019 y 2021. ¿Qué pregunto en la entrevista?",
           "La persona de contacto por su parte es {title} {last}. Escribe el primer correo."],
}
CASE_VARIANTS = {
    "en": ["please email {lower} and tell them the meeting is moved to thursday", "CUSTOMER: {upper}\nISSUE: wants refund, very angry. write reply",
           "can you remind me what {lower_first} said about the budget? it came up in the standup", "REQUESTER {upper} / PHONE {phone} / call back asap - draft a voicemail script",
           "ask {lower} for the signed nda, email is {email}"],
    "de": ["schreib bitte {lower} eine mail, dass das meeting auf donnerstag verschoben ist", "KUNDE: {upper}\nANLIEGEN: will Geld zurück, sehr verärgert. Antwort formulieren",
           "ANRUFER {upper} / TEL {phone} / bitte Rückruf – schreib mir einen Gesprächsleitfaden", "frag {lower} nach dem unterschriebenen NDA, mail ist {email}"],
    "fr": ["envoie un mail à {lower} pour dire que la réunion est décalée à jeudi", "CLIENT : {upper}\nPROBLÈME : veut un remboursement, très énervé. rédige une réponse",
           "APPELANT {upper} / TÉL {phone} / rappeler vite – écris-moi un script d'appel", "demande à {lower} le NDA signé, son mail c'est {email}"],
    "es": ["manda un correo a {lower} diciendo que la reunión pasa al jueves", "CLIENTE: {upper}\nINCIDENCIA: quiere reembolso, muy enfadado. redacta respuesta",
           "LLAMANTE {upper} / TEL {phone} / devolver llamada – escríbeme un guion", "pídele a {lower} el NDA firmado, su correo es {email}"],
}
VALUE_CHECK = {
    "en": ["Is this IBAN valid? {iban}", "my card {card} keeps getting declined on your site, why?", "is {ssn} a valid SSN format? it's for a W-2",
           "whois {ip} – who owns this IP? it's hammering our login page", "Can you tell me what scopes this token has: {secret}", "is {phone} a mobile or landline number?",
           "I accidentally pasted my password '{pw}' in a public channel, what should I do now?", "convert {iban} to the grouped format with spaces"],
    "de": ["Ist diese IBAN gültig? {iban}", "meine Karte {card} wird bei euch im Shop immer abgelehnt, warum?", "whois {ip} – wem gehört die IP? Die hämmert auf unsere Login-Seite",
           "Welche Rechte hat dieser Token: {secret}", "ist {phone} eine Handy- oder Festnetznummer?", "Hab aus Versehen mein Passwort '{pw}' in einen öffentlichen Kanal gepostet, was jetzt?",
           "Schreib {iban} bitte in Vierergruppen"],
    "fr": ["Cet IBAN est-il valide ? {iban}", "ma carte {card} est toujours refusée sur votre site, pourquoi ?", "whois {ip} – à qui appartient cette IP ? elle bombarde notre page de login",
           "Quels droits a ce jeton : {secret}", "le {phone}, c'est un portable ou un fixe ?", "J'ai collé par erreur mon mot de passe « {pw} » dans un canal public, je fais quoi ?",
           "écris {iban} avec des espaces tous les 4 caractères"],
    "es": ["¿Es válido este IBAN? {iban}", "mi tarjeta {card} me la rechazan siempre en vuestra web, ¿por qué?", "whois {ip} – ¿de quién es esta IP? está atacando el login",
           "¿Qué permisos tiene este token?: {secret}", "¿el {phone} es móvil o fijo?", "He pegado sin querer mi contraseña «{pw}» en un canal público, ¿qué hago?",
           "pon {iban} en grupos de cuatro"],
}
TRANSLATE = {
    "en": ["Translate into Spanish: \"Dear {title} {last}, thank you for your call. As agreed, {first2} will send the documents to {email} tomorrow.\"",
           "Translate to French please:\n\nHi {first}, your appointment with Dr. {last2} is confirmed for Tuesday. If you need to cancel, call {phone}."],
    "de": ["Übersetze ins Englische: \"Sehr geehrte/r {title} {last}, vielen Dank für Ihren Anruf. Wie besprochen schickt {first2} Ihnen die Unterlagen morgen an {email}.\"",
           "Bitte auf Französisch:\n\nHallo {first}, dein Termin bei Dr. {last2} ist für Dienstag bestätigt. Absagen bitte unter {phone}."],
    "fr": ["Traduis en anglais : « {title} {last}, merci pour votre appel. Comme convenu, {first2} vous enverra les documents demain à {email}. »",
           "En allemand stp :\n\nBonjour {first}, votre rendez-vous avec le Dr {last2} est confirmé pour mardi. Pour annuler, appelez le {phone}."],
    "es": ["Traduce al inglés: «Estimado/a {title} {last}, gracias por su llamada. Como acordamos, {first2} le enviará mañana los documentos a {email}.»",
           "Al francés, por favor:\n\nHola {first}, tu cita con la Dra. {last2} está confirmada para el martes. Para cancelar, llama al {phone}."],
}


def _kw(ctx):
    p, q, r = ctx.person(), ctx.person(), ctx.person(native=False)
    from .texts import title
    t = title(ctx, p) or {"en": "Dr.", "de": "Dr.", "fr": "Dr", "es": "Dr."}[ctx.lang]
    return dict(first=p.ent(how="first"), full=p.ent(how="form", rng=ctx.rng), first2=q.ent(how="first"), last=p.ent(how="last"),
                last_first=p.ent(how="last_first"), title=t, lower=Ent("PERSON", r.full().lower()), lower_first=Ent("PERSON", r.first.lower()),
                upper=Ent("PERSON", r.full().upper()), phone=ctx.phone(r), email=ctx.email(r if ctx.chance(0.7) else p), iban=ctx.iban(p),
                card=ctx.card(), ssn=ctx.ssn(), ip=ctx.ip(v6=0.25, private=False), secret=ctx.secret(), pw=ctx.password(safe="'\"«»"),
                last2=q.ent(how="last"))


PAD = {
    "en": ["Keep it short please.", "Thanks in advance!", "It's a bit urgent.", "Tone: friendly but professional.", "Max 80 words.",
           "No emojis please.", "I need it in the next 10 minutes, sorry!"],
    "de": ["Bitte kurz halten.", "Danke vorab!", "Ist etwas eilig.", "Ton: freundlich, aber professionell.", "Maximal 80 Wörter.", "Bitte ohne Emojis."],
    "fr": ["Fais court stp.", "Merci d'avance !", "C'est un peu urgent.", "Ton : cordial mais pro.", "80 mots max.", "Sans émojis stp."],
    "es": ["Que sea breve, porfa.", "¡Gracias de antemano!", "Es un poco urgente.", "Tono: cercano pero profesional.", "Máximo 80 palabras.", "Sin emojis, por favor."],
}


def short(ctx, bank):
    d = Doc()
    if ctx.chance(0.15):
        d.add(ctx.choice({"en": ["quick one: ", "Hi! ", "hey, "], "de": ["Kurze Frage: ", "Hi! ", "hey, "], "fr": ["Petite question : ", "Salut ! "],
                          "es": ["Pregunta rápida: ", "¡Hola! "]}[ctx.lang]))
    d.add(P(ctx.ph(bank), **_kw(ctx)))
    pads = list(PAD[ctx.lang])
    ctx.rng.shuffle(pads)
    while len(d.text().encode("utf-8")) < 100 and pads:
        d.add(" " if ctx.chance(0.7) else "\n", pads.pop())
    return d


def variants():
    return [("short.name_only", lambda ctx: short(ctx, NAME_ONLY), False), ("short.apposition", lambda ctx: short(ctx, APPOSITION), False),
            ("short.case_variants", lambda ctx: short(ctx, CASE_VARIANTS), False), ("short.value_check", lambda ctx: short(ctx, VALUE_CHECK), False),
            ("short.translate", lambda ctx: short(ctx, TRANSLATE), True)]
