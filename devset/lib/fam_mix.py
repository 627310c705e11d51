"""Family: longer composite prompts (config + logs, code + trace, e-mail + attached table, long threads, incident write-ups)."""
from .core import Doc, extend
from . import fam_config, fam_code, fam_logs, fam_comms, fam_tables
from .prose import DEV_INTRO, CONTEXT
from .texts import greeting, signature, reply_header, quote
from . import values as V
from .ctx import phrase_is_test_only

CONNECT_LOG = {"en": ["And this is what the logs say:", "Error output:", "Here's the log from the container:", "Logs from last night:"],
               "de": ["Und das steht im Log:", "Fehlerausgabe:", "Hier das Log aus dem Container:", "Logs von heute Nacht:"],
               "fr": ["Et voilà ce que disent les logs :", "Sortie d'erreur :", "Voici le log du conteneur :", "Les logs de cette nuit :"],
               "es": ["Y esto es lo que dicen los logs:", "Salida de error:", "Este es el log del contenedor:", "Logs de anoche:"]}
CONNECT_TABLE = {"en": ["Here's the list they attached:", "Attachment (pasted from Excel):", "The spreadsheet from the mail:"],
                 "de": ["Hier die angehängte Liste:", "Anhang (aus Excel kopiert):", "Die Tabelle aus der Mail:"],
                 "fr": ["Voici la liste jointe :", "Pièce jointe (copiée depuis Excel) :", "Le tableau du mail :"],
                 "es": ["Esta es la lista que adjuntaron:", "Adjunto (copiado de Excel):", "La hoja del correo:"]}


def _pick(ctx, variants):
    pool = [v for v in variants if ctx.part == "test" or not v[2]]
    return ctx.choice(pool)[1]


def _quiet(ctx, fn):
    ctx.quiet = True
    try:
        return fn(ctx)
    finally:
        ctx.quiet = False


def config_and_log(ctx):
    d = Doc()
    d.add(ctx.ph(DEV_INTRO), "\n\n")
    if ctx.chance(0.5):
        d.add(ctx.ph(CONTEXT), "\n\n")
    extend(d, _quiet(ctx, _pick(ctx, fam_config.variants())))
    d.add("\n", ctx.ph(CONNECT_LOG), "\n\n")
    extend(d, _quiet(ctx, _pick(ctx, fam_logs.variants())))
    return d


def code_and_trace(ctx):
    d = Doc()
    d.add(ctx.ph(DEV_INTRO), "\n\n")
    extend(d, _quiet(ctx, _pick(ctx, fam_code.variants())))
    d.add("\n", ctx.ph(CONNECT_LOG), "\n\n")
    extend(d, _quiet(ctx, fam_logs.stack_trace if ctx.chance(0.6) else fam_logs.app_json_log))
    if ctx.chance(0.5):
        d.add("\n", ctx.ph(CONTEXT))
    return d


def email_and_table(ctx):
    d = Doc()
    pool = [s for s in fam_comms.SCENARIOS if ctx.part == "test" or not s[2]]
    extend(d, fam_comms.email_thread(ctx, ctx.choice(pool)[1]))
    d.add("\n\n", ctx.ph(CONNECT_TABLE), "\n\n")
    theme = ctx.choice(["crm", "contacts_min", "vendors", "registrations" if ctx.part == "test" else "crm_split"])
    cols, _ = fam_tables.THEMES[theme]
    headers = [ctx.choice(fam_tables.HEADERS[c][ctx.lang]) for c in cols]
    style = fam_tables.make_style(ctx, cols)
    rows = fam_tables.build_rows(ctx, cols, ctx.rng.randint(4, 40), style)
    d.add(fam_tables.render(ctx, ctx.choice(["csv", "tsv", "markdown", "semicolon_excel" if ctx.part == "test" else "csv"]), headers, rows))
    return d


LONG_BODIES = {
    "en": ["Following up on the below – we still haven't received the payment. Can you check with your accounts team?",
           "Sorry for the delay, I was travelling. I've forwarded this to our finance colleague, who will get back to you.",
           "Thanks. One more thing: the PO number on the invoice is wrong, it should be {po}. Could you reissue it?",
           "Just to confirm, the meeting on {date} at {time} still stands? I'll bring the signed copies.",
           "Looping in my colleague {cc}, who is taking over this account from next week. Please keep them in copy."],
    "de": ["Ich komme noch einmal auf die Mail unten zurück – die Zahlung ist bei uns noch nicht eingegangen. Können Sie das bitte mit der Buchhaltung klären?",
           "Entschuldigung für die späte Antwort, ich war unterwegs. Ich habe das an unsere Buchhaltung weitergeleitet, die meldet sich bei Ihnen.",
           "Danke. Noch eine Sache: Die Bestellnummer auf der Rechnung ist falsch, richtig ist {po}. Können Sie die Rechnung neu ausstellen?",
           "Nur zur Bestätigung: Der Termin am {date} um {time} bleibt? Ich bringe die unterschriebenen Exemplare mit.",
           "Ich nehme meine Kollegin {cc} mit in den Verteiler, sie übernimmt den Kunden ab nächster Woche."],
    "fr": ["Je reviens vers vous concernant le message ci-dessous : nous n'avons toujours pas reçu le paiement. Pouvez-vous vérifier avec votre comptabilité ?",
           "Désolé pour le délai, j'étais en déplacement. J'ai transféré à notre service comptable qui reviendra vers vous.",
           "Merci. Autre point : le numéro de bon de commande sur la facture est erroné, c'est {po}. Pouvez-vous la rééditer ?",
           "Pour confirmer, le rendez-vous du {date} à {time} est maintenu ? J'apporterai les exemplaires signés.",
           "J'ajoute en copie ma collègue {cc}, qui reprend le dossier à partir de la semaine prochaine."],
    "es": ["Retomo el correo de abajo: todavía no hemos recibido el pago. ¿Podéis revisarlo con contabilidad?",
           "Perdona el retraso, estaba de viaje. Lo he reenviado a nuestro compañero de finanzas, que te contestará.",
           "Gracias. Otra cosa: el número de pedido de la factura está mal, es {po}. ¿La podéis volver a emitir?",
           "Solo para confirmar: ¿sigue en pie la reunión del {date} a las {time}? Llevaré las copias firmadas.",
           "Pongo en copia a mi compañera {cc}, que se encarga de la cuenta a partir de la semana que viene."],
}


def long_thread(ctx):
    """A 3-5 message thread, newest first, each older message quoted one level deeper."""
    from .core import pieces as P
    a, b = ctx.person(), ctx.person()
    co_a, co_b = ctx.company(), ctx.company()
    mail = {id(a): ctx.work_email(a, ctx.company_domain(co_a)), id(b): ctx.work_email(b, ctx.company_domain(co_b))}
    n = ctx.rng.randint(3, 5)
    bodies = [b for b in LONG_BODIES[ctx.lang] if ctx.part == "test" or not phrase_is_test_only(b)]
    ctx.rng.shuffle(bodies)
    msgs = []
    for i in range(n):
        sender, rcpt = (a, b) if i % 2 == 0 else (b, a)
        co = co_a if sender is a else co_b
        if i == n - 1:
            pool = [s for s in fam_comms.SCENARIOS if ctx.part == "test" or not s[2]]
            body = ctx.choice(pool)[1](ctx, sender, rcpt, co)
        else:
            body = P(bodies.pop() if bodies else ctx.ph(LONG_BODIES), po=f"PO-{ctx.rng.randint(2023, 2025)}-{ctx.rng.randint(100, 9999)}", date=ctx.date(),
                     time=V.time_(ctx.rng), cc=ctx.person(gender="f").ent())
        msgs.append((sender, [greeting(ctx, rcpt), "\n\n", body, "\n", signature(ctx, sender, co, mail[id(sender)], full=ctx.chance(0.5))]))
    d = Doc()
    ask = ctx.ph(fam_comms.EMAIL_ASKS)
    d.add(ask, "\n\n")
    d.add(msgs[0][1])
    # message k quotes message k+1, which quotes k+2, ... (dates go back in time)
    import datetime as _dt
    t = _dt.datetime(ctx.rng.choice([2024, 2025]), ctx.rng.randint(1, 12), ctx.rng.randint(1, 28), ctx.rng.randint(8, 18), ctx.rng.randint(0, 59))
    whens = []
    for _ in msgs[1:]:
        t -= _dt.timedelta(hours=ctx.rng.randint(2, 96), minutes=ctx.rng.randint(0, 59))
        whens.append(t)
    nested = []
    for (sender, body), when in zip(reversed(msgs[1:]), reversed(whens)):
        inner = [reply_header(ctx, sender, mail[id(sender)], when), "\n", body]
        if nested:
            inner += ["\n"] + quote(nested)
        nested = inner
    d.add("\n", quote(nested) if ctx.chance(0.7) else nested, "\n")
    return d


def incident(ctx):
    from .core import pieces as P
    lead = ctx.person(native=False)
    d = Doc()
    t = {"en": "Incident write-up draft – please improve the wording and structure. Incident lead: {lead}.\n\n",
         "de": "Entwurf Incident-Bericht – bitte sprachlich und inhaltlich glätten. Incident Lead: {lead}.\n\n",
         "fr": "Brouillon de rapport d'incident – merci d'améliorer la forme et la structure. Responsable : {lead}.\n\n",
         "es": "Borrador del informe de incidente: mejora la redacción y la estructura. Responsable: {lead}.\n\n"}
    d.add(P(t[ctx.lang], lead=lead.ent()))
    d.add(ctx.ph(CONTEXT), "\n\n")
    extend(d, _quiet(ctx, _pick(ctx, fam_logs.variants())))
    d.add("\n")
    extend(d, fam_comms.chat_export(ctx, ctx.choice(["slack", "teams"])))
    return d


def variants():
    return [("mix.config_and_log", config_and_log, False), ("mix.code_and_trace", code_and_trace, False),
            ("mix.email_and_table", email_and_table, False), ("mix.long_thread", long_thread, False), ("mix.incident", incident, True)]
