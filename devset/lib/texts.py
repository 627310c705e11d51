"""Shared prose pieces: greetings, sign-offs, job titles, signature blocks, reply headers."""
from .core import Ent
from . import values as V

JOB_TITLES = {
    "en": ["Account Manager", "Head of Operations", "Senior Software Engineer", "HR Business Partner", "CFO", "Office Manager",
           "Customer Success Lead", "Procurement Specialist", "Finance Director", "IT Administrator", "Sales Executive",
           "Practice Manager", "Legal Counsel", "Payroll Specialist", "Project Coordinator", "Managing Director"],
    "de": ["Leiterin Buchhaltung", "Vertriebsleiter", "Teamleiter IT", "Personalreferentin", "Geschäftsführer", "Sachbearbeiterin Debitoren",
           "Projektleiterin", "Einkauf", "Systemadministrator", "Key Account Manager", "Assistenz der Geschäftsführung", "Lohnbuchhaltung"],
    "fr": ["Responsable comptable", "Chef de projet", "Directrice des ressources humaines", "Chargé de clientèle", "Gérant",
           "Assistante de direction", "Responsable informatique", "Juriste", "Acheteuse", "Directeur commercial", "Gestionnaire de paie"],
    "es": ["Responsable de cuentas", "Jefe de proyecto", "Directora de RRHH", "Administrativo", "Gerente", "Responsable de compras",
           "Técnico de sistemas", "Asesora jurídica", "Director financiero", "Coordinadora de eventos", "Gestor de nóminas"],
}
SIGNOFF = {
    "en": ["Best,", "Thanks,", "Kind regards,", "Cheers,", "Best regards,", "Many thanks,", "Regards,"],
    "de": ["Viele Grüße", "Beste Grüße", "Mit freundlichen Grüßen", "LG", "Danke und Gruß", "Herzliche Grüße", "Gruß"],
    "fr": ["Cordialement,", "Bien à vous,", "Merci,", "Bonne journée,", "Bien cordialement,", "Belle journée,"],
    "es": ["Un saludo,", "Saludos,", "Gracias,", "Atentamente,", "Un abrazo,", "Saludos cordiales,"],
}
PHONE_LABEL = {
    "en": [("T: ", ""), ("Tel: ", ""), ("Direct: ", ""), ("Mobile: ", ""), ("M: ", ""), ("Office: ", " ext. {ext}"), ("Phone: ", " x{ext}")],
    "de": [("Tel. ", ""), ("Telefon: ", ""), ("Mobil: ", ""), ("Fon ", ""), ("Tel.: ", " (Durchwahl -{ext})"), ("Handy: ", "")],
    "fr": [("Tél. : ", ""), ("Tél : ", ""), ("Portable : ", ""), ("Mob. ", ""), ("Ligne directe : ", ""), ("Standard : ", " poste {ext}")],
    "es": [("Tel.: ", ""), ("Teléfono: ", ""), ("Móvil: ", ""), ("Tlf. ", ""), ("Ext. ", ""), ("Centralita: ", " ext. {ext}")],
}
DISCLAIMER = {
    "en": "This e-mail and any attachments are confidential and intended solely for the addressee. If you have received it in error, please notify the sender and delete it.",
    "de": "Diese E-Mail enthält vertrauliche Informationen. Wenn Sie nicht der richtige Adressat sind, informieren Sie bitte sofort den Absender und löschen Sie diese Mail.",
    "fr": "Ce message et ses pièces jointes sont confidentiels. Si vous l'avez reçu par erreur, merci d'en avertir l'expéditeur et de le supprimer.",
    "es": "Este mensaje y sus anexos son confidenciales. Si lo ha recibido por error, comuníquelo al remitente y elimínelo.",
}
WEEKDAY_ABBR = {"en": ["Mon", "Tue", "Wed", "Thu", "Fri"], "de": ["Mo.", "Di.", "Mi.", "Do.", "Fr."],
                "fr": ["lun.", "mar.", "mer.", "jeu.", "ven."], "es": ["lun", "mar", "mié", "jue", "vie"]}


def title(ctx, person, lang=None):
    lang = lang or ctx.lang
    g = person.gender
    if g not in "fm":
        return None
    return {"en": {"f": ctx.choice(["Ms", "Ms.", "Mrs", "Dr."]), "m": ctx.choice(["Mr", "Mr.", "Dr."])},
            "de": {"f": ctx.choice(["Frau", "Frau Dr."]), "m": ctx.choice(["Herr", "Herr Dr."])},
            "fr": {"f": ctx.choice(["Madame", "Mme", "Mme"]), "m": ctx.choice(["Monsieur", "M.", "M."])},
            "es": {"f": ctx.choice(["Sra.", "Dña.", "Dra."]), "m": ctx.choice(["Sr.", "D.", "Dr."])}}[lang][g]


def greeting(ctx, person):
    """Greeting line pieces for a letter to `person`."""
    lang = ctx.lang
    t = title(ctx, person)
    first = person.ent(how="first")
    formal = t is not None and ctx.chance(0.4)
    if formal:
        last = person.ent(how="last")
        return {"en": ["Dear ", t, " ", last, ","],
                "de": ["Sehr geehrte" if person.gender == "f" else "Sehr geehrter", " ", t, " ", last, ","],
                "fr": ["Bonjour ", t, " ", last, ","],
                "es": ["Estimada" if person.gender == "f" else "Estimado", " ", t, " ", last, ":"]}[lang]
    opts = {"en": [["Hi ", first, ","], ["Hello ", first, ","], ["Hey ", first, " -"], ["Good morning ", first, ","], [first, ","]],
            "de": [["Hallo ", first, ","], ["Hi ", first, ","], ["Moin ", first, ","], ["Liebe " if person.gender == "f" else "Lieber ", first, ","]],
            "fr": [["Bonjour ", first, ","], ["Salut ", first, ","], ["Chère " if person.gender == "f" else "Cher ", first, ","]],
            "es": [["Hola ", first, ":"], ["Hola ", first, ","], ["Buenos días, ", first, ":"], ["Buenas ", first, ","]]}[lang]
    return ctx.choice(opts)


def phone_line(ctx, person, lang=None):
    lang = lang or ctx.lang
    label, suffix = ctx.choice(PHONE_LABEL[lang])
    suffix = suffix.replace("{ext}", str(ctx.rng.randint(10, 499)))
    work = ctx.chance(0.6)
    return [label, ctx.phone(person, country=ctx.country if work else None), suffix]


def signature(ctx, person, company=None, email=None, full=True):
    """Signature block pieces (starts with a newline)."""
    lang = ctx.lang
    rng = ctx.rng
    out = ["\n", ctx.choice(SIGNOFF[lang]), "\n"]
    if not full:
        out += [person.ent(how="first") if ctx.chance(0.6) else person.ent(), "\n"]
        return out
    style = rng.random()
    cache = ctx.__dict__.setdefault("sig_cache", {})
    key = person.full()
    if key not in cache:
        cache[key] = (ctx.choice(JOB_TITLES[lang]), phone_line(ctx, person), phone_line(ctx, person))
    title_, ph1, ph2 = cache[key]
    if style < 0.2:
        out += [person.ent(), " | ", title_, " | ", company or "", "\n"]
        out += ph1 + ["\n"]
        return out
    if style < 0.35:
        out += ["-- \n"]
    out += [person.ent(), "\n", title_, "\n"]
    if company:
        out += [company, "\n"]
    out += ph1 + ["\n"]
    if ctx.chance(0.4):
        out += ph2 + ["\n"]
    if email is not None and ctx.chance(0.6):
        out += [email, "\n"]
    if ctx.chance(0.25):
        out += ["\n", DISCLAIMER[lang], "\n"]
    if lang == "de" and company and ctx.chance(0.25):
        gf = ctx.person(native=False)
        out += [f"{company} · Sitz: {rng.choice(['München', 'Hamburg', 'Köln', 'Stuttgart'])} · Amtsgericht {rng.choice(['München', 'Hamburg', 'Köln'])} HRB {rng.randint(10000, 299999)}\n"
                "Geschäftsführung: ", gf.ent(), f" · USt-IdNr. DE{rng.randint(100000000, 999999999)}\n"]
    return out


def reply_header(ctx, person, email, when=None):
    """'On <date>, Name <email> wrote:' in the prose language. when = datetime or None."""
    rng = ctx.rng
    lang = ctx.lang
    if when is None:
        d, mi, y, t = rng.randint(1, 28), rng.randint(0, 11), rng.choice([2024, 2025]), V.time_(rng)
        wd = ctx.choice(WEEKDAY_ABBR[lang])
    else:
        d, mi, y, t = when.day, when.month - 1, when.year, f"{when:%H:%M}"
        wd = (WEEKDAY_ABBR[lang] + {"en": ["Sat", "Sun"], "de": ["Sa.", "So."], "fr": ["sam.", "dim."], "es": ["sáb", "dom"]}[lang])[when.weekday()]
    if lang == "en":
        mon = V.MONTHS["en"][mi][:3]
        return [f"On {wd}, {mon} {d}, {y} at {t}, ", person.ent(), " <", email, "> wrote:"]
    if lang == "de":
        return [f"Am {d:02d}.{mi + 1:02d}.{y} um {t} schrieb ", person.ent(), " <", email, ">:"]
    if lang == "fr":
        return [f"Le {wd} {d} {V.MONTHS['fr'][mi]} {y} à {t}, ", person.ent(), " <", email, "> a écrit :"]
    return [f"El {wd}, {d} {V.MONTHS['es'][mi][:3]} {y} a las {t}, ", person.ent(), " (<", email, ">) escribió:"]


def quote(pieces):
    """Prefix every line of the given pieces with '> ' (keeps entity pieces intact)."""
    flat = []

    def walk(x):
        if isinstance(x, (list, tuple)):
            for y in x:
                walk(y)
        elif x is not None:
            flat.append(x)
    walk(pieces)
    out = ["> "]
    for p in flat:
        if isinstance(p, str) and "\n" in p:
            segs = p.split("\n")
            for i, s in enumerate(segs):
                out.append(s)
                if i < len(segs) - 1:
                    out.append("\n> ")
        else:
            out.append(p)
    return out
