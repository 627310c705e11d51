"""Family: communication pasted into prompts: e-mail threads, tickets, chat exports, meeting notes, contact lists."""
from .core import Doc, Ent, pieces as P
from . import values as V
from .texts import greeting, signature, reply_header, quote, title, phone_line, JOB_TITLES
from .prose import BUSINESS_CONTEXT
from .ctx import phrase_is_test_only

HDR = {"en": ("From", "To", "Cc", "Date", "Subject"), "de": ("Von", "An", "Cc", "Datum", "Betreff"),
       "fr": ("De", "À", "Cc", "Date", "Objet"), "es": ("De", "Para", "CC", "Fecha", "Asunto")}
FWD = {"en": "---------- Forwarded message ---------", "de": "---------- Weitergeleitete Nachricht ----------",
       "fr": "---------- Message transféré ---------", "es": "---------- Mensaje reenviado ---------"}

EMAIL_ASKS = {
    "en": ["Can you draft a polite reply to this?", "Summarise this thread in three bullet points.", "What exactly do they want from us?",
           "Translate this into German please.", "Write a short answer saying we'll get back to them by Friday.",
           "Make my reply sound less passive-aggressive:", "Extract the action items and who owns them.", "reply for me, keep it short"],
    "de": ["Kannst du mir eine höfliche Antwort formulieren?", "Fass den Verlauf in drei Stichpunkten zusammen.", "Was genau wollen die von uns?",
           "Bitte ins Englische übersetzen.", "Schreib eine kurze Antwort, dass wir uns bis Freitag melden.",
           "Welche To-dos ergeben sich daraus und wer ist zuständig?", "antworte bitte kurz und freundlich"],
    "fr": ["Tu peux me rédiger une réponse polie ?", "Résume cet échange en trois points.", "Qu'est-ce qu'ils attendent de nous exactement ?",
           "Traduis ça en anglais stp.", "Écris une réponse courte pour dire qu'on revient vers eux d'ici vendredi.",
           "Liste les actions à mener et qui s'en occupe.", "réponds à ma place, court et poli"],
    "es": ["¿Me redactas una respuesta educada?", "Resume este hilo en tres puntos.", "¿Qué quieren exactamente de nosotros?",
           "Tradúcelo al inglés, por favor.", "Escribe una respuesta corta diciendo que les contestamos antes del viernes.",
           "Saca las tareas pendientes y quién se encarga.", "contéstale tú, breve y amable"],
}


# ---------------------------------------------------------------- e-mail scenarios

def sc_bank_change(ctx, s, r, co):
    ib = ctx.iban(s)
    kw = dict(company=co, iban=ib, bic=V.bic(ctx.rng, ib.value[:2]),
              month=ctx.choice(V.MONTHS[ctx.lang]), inv=V.invoice_no(ctx.rng))
    t = {"en": "Please note that our bank details have changed with immediate effect. From now on, please transfer all payments to:\n\nAccount holder: {company}\nIBAN: {iban}\nBIC: {bic}\n\nThe old account will be closed at the end of {month}. Invoice {inv} is still open – could you pay it to the new account?",
         "de": "bitte beachten Sie, dass sich unsere Bankverbindung geändert hat. Ab sofort bitten wir um Zahlung auf folgendes Konto:\n\nKontoinhaber: {company}\nIBAN: {iban}\nBIC: {bic}\n\nDas alte Konto wird zum Ende {month} aufgelöst. Die Rechnung {inv} ist noch offen – bitte überweisen Sie den Betrag auf das neue Konto.",
         "fr": "Nous vous informons que nos coordonnées bancaires ont changé. Merci d'effectuer désormais vos règlements sur le compte suivant :\n\nTitulaire : {company}\nIBAN : {iban}\nBIC : {bic}\n\nL'ancien compte sera clôturé fin {month}. La facture {inv} reste à régler, merci de la virer sur ce nouveau compte.",
         "es": "Le informamos de que nuestros datos bancarios han cambiado. A partir de ahora, le rogamos realice los pagos en la siguiente cuenta:\n\nTitular: {company}\nIBAN: {iban}\nBIC: {bic}\n\nLa cuenta antigua se cerrará a finales de {month}. La factura {inv} sigue pendiente; por favor, abónela en la nueva cuenta."}
    return P(t[ctx.lang], **kw)


def sc_double_charge(ctx, s, r, co):
    kw = dict(amount=ctx.price(), order=V.order_no(ctx.rng), date=ctx.date(), phone=ctx.phone(s), last4=str(ctx.rng.randint(1000, 9999)))
    t = {"en": "I was charged {amount} twice for order {order} ({date}). Both charges went to my card ending in {last4}. Can you refund one of them? You can reach me on {phone} during the day.",
         "de": "mir wurde für die Bestellung {order} vom {date} zweimal {amount} abgebucht (Karte mit Endziffern {last4}). Bitte erstatten Sie eine der Buchungen. Tagsüber erreichen Sie mich unter {phone}.",
         "fr": "J'ai été débité deux fois de {amount} pour la commande {order} du {date} (carte se terminant par {last4}). Pouvez-vous rembourser l'un des deux prélèvements ? Vous pouvez me joindre au {phone} en journée.",
         "es": "Me habéis cobrado dos veces {amount} por el pedido {order} del {date} (tarjeta acabada en {last4}). ¿Podéis devolverme uno de los cargos? Me podéis localizar en el {phone} por las mañanas."}
    out = P(t[ctx.lang], **kw)
    if ctx.chance(0.5):
        extra = {"en": "\n\nIf it's easier, the full card number is {card}, exp {exp}.", "de": "\n\nFalls es hilft: die Kartennummer ist {card}, gültig bis {exp}.",
                 "fr": "\n\nSi ça peut aider, le numéro complet de la carte est {card}, exp. {exp}.", "es": "\n\nPor si os sirve, el número completo de la tarjeta es {card}, caduca {exp}."}
        out += P(extra[ctx.lang], card=ctx.card(), exp=V.card_expiry(ctx.rng))
    else:
        extra = {"en": "\n\nOr just send it to my bank account: {iban}", "de": "\n\nAlternativ gerne auf mein Konto: {iban}",
                 "fr": "\n\nSinon vous pouvez virer sur mon compte : {iban}", "es": "\n\nO si preferís, a mi cuenta: {iban}"}
        out += P(extra[ctx.lang], iban=ctx.iban(s))
    return out


def sc_it_access(ctx, s, r, co):
    kw = dict(user=r.username(ctx.rng), pw=ctx.password(), ip=ctx.ip(v6=0, private=False), phone=ctx.phone(s, intl=False))
    t = {"en": "your account is ready. Username: {user}, temporary password: {pw} – you'll be asked to change it at first login. VPN gateway is {ip} (use the FortiClient profile 'Corp'). If anything doesn't work, call the helpdesk on {phone}.",
         "de": "dein Konto ist eingerichtet. Benutzername: {user}, Initialpasswort: {pw} – beim ersten Login wirst du aufgefordert, es zu ändern. Das VPN-Gateway ist {ip}. Bei Problemen ruf den Helpdesk unter {phone} an.",
         "fr": "ton compte est prêt. Identifiant : {user}, mot de passe provisoire : {pw} (à changer à la première connexion). La passerelle VPN est {ip}. En cas de souci, appelle le support au {phone}.",
         "es": "ya tienes la cuenta creada. Usuario: {user}, contraseña temporal: {pw} (te pedirá cambiarla al entrar). La puerta de enlace VPN es {ip}. Si algo falla, llama a soporte al {phone}."}
    return P(t[ctx.lang], **kw)


def sc_intro(ctx, s, r, co):
    b = ctx.person()
    kw = dict(a_first=r.ent(how="first"), b_first=b.ent(how="first"), b_first2=b.ent(how="first"), b_full=b.ent(), company=co,
              a_full=r.ent(), phone=ctx.phone(r), b_mail=ctx.email(b))
    t = {"en": "{a_first}, {b_first} – connecting you two as promised. {b_full} runs procurement at {company} and is looking for exactly what you built. {b_first2}, {a_full} is a former colleague of mine who now freelances; best number is {phone}. I'll let you take it from here (cc: {b_mail}).",
         "de": "{a_first}, {b_first} – wie versprochen bringe ich euch zusammen. {b_full} leitet den Einkauf bei {company} und sucht genau das, was ihr gebaut habt. {b_first2}, {a_full} ist ein ehemaliger Kollege von mir und inzwischen selbstständig, am besten erreichbar unter {phone}. Ab hier übernehmt ihr (cc: {b_mail}).",
         "fr": "{a_first}, {b_first}, je vous mets en relation comme promis. {b_full} dirige les achats chez {company} et cherche exactement ce que vous avez développé. {b_first2}, {a_full} est un ancien collègue, aujourd'hui freelance ; le plus simple est de l'appeler au {phone}. Je vous laisse poursuivre (cc : {b_mail}).",
         "es": "{a_first}, {b_first}: os pongo en contacto como os prometí. {b_full} lleva compras en {company} y busca justo lo que habéis desarrollado. {b_first2}, {a_full} es un antiguo compañero que ahora trabaja por su cuenta; su móvil es el {phone}. Os dejo seguir a vosotros (cc: {b_mail})."}
    return P(t[ctx.lang], **kw)


def sc_references(ctx, s, r, co):
    r1, r2 = ctx.person(), ctx.person()
    kw = dict(date=ctx.date(), r1=r1.ent(), r1mail=ctx.email(r1), company=co, r2=r2.ent(), phone=ctx.phone(r2), date2=ctx.date("long"))
    t = {"en": "thank you for the interview on {date}. As discussed, here are my references: {r1} ({r1mail}), my former team lead at {company}, and {r2}, who you can reach on {phone}. I could start on {date2}.",
         "de": "vielen Dank für das Gespräch am {date}. Wie besprochen hier meine Referenzen: {r1} ({r1mail}), meine frühere Teamleitung bei {company}, sowie {r2}, erreichbar unter {phone}. Ich könnte zum {date2} anfangen.",
         "fr": "merci pour l'entretien du {date}. Comme convenu, voici mes références : {r1} ({r1mail}), mon ancien responsable chez {company}, et {r2}, joignable au {phone}. Je pourrais commencer le {date2}.",
         "es": "gracias por la entrevista del {date}. Como hablamos, estas son mis referencias: {r1} ({r1mail}), mi antigua jefa de equipo en {company}, y {r2}, con quien puede hablar en el {phone}. Podría incorporarme el {date2}."}
    return P(t[ctx.lang], **kw)


def sc_deposit(ctx, s, r, co):
    col = ctx.person()
    kw = dict(date=ctx.date(), colleague=col.ent(how="first"), amount=ctx.price(), iban=ctx.iban(s), me=s.ent(), phone=ctx.phone(s))
    t = {"en": "I moved out on {date} and handed the keys to your colleague {colleague}. Could you please transfer the deposit of {amount} to my account {iban} (account holder: {me})? My new number is {phone}.",
         "de": "ich bin am {date} ausgezogen und habe die Schlüssel an Ihre Kollegin {colleague} übergeben. Bitte überweisen Sie die Kaution von {amount} auf mein Konto {iban} (Kontoinhaber: {me}). Meine neue Nummer ist {phone}.",
         "fr": "j'ai quitté le logement le {date} et remis les clés à votre collègue {colleague}. Pourriez-vous virer le dépôt de garantie de {amount} sur mon compte {iban} (titulaire : {me}) ? Mon nouveau numéro est le {phone}.",
         "es": "dejé el piso el {date} y entregué las llaves a tu compañera {colleague}. ¿Me podrías transferir la fianza de {amount} a mi cuenta {iban} (titular: {me})? Mi nuevo teléfono es el {phone}."}
    return P(t[ctx.lang], **kw)


def sc_benefits(ctx, s, r, co):
    d1, d2 = ctx.person(), ctx.person()
    kw = dict(d1=d1.ent(how="first"), s1=ctx.ssn(), d2=d2.ent(how="first"), s2=ctx.ssn(), s3=ctx.ssn(), date=ctx.date())
    t = {"en": "To finish your benefits enrollment we still need the SSNs of your dependents: {d1} ({s1}) and {d2} ({s2}). Please also confirm the SSN we have on file for you: {s3}. Open enrollment closes {date}.",
         "de": "für die Anmeldung bei den US-Benefits fehlen uns noch die SSNs deiner Angehörigen: {d1} ({s1}) und {d2} ({s2}). Bitte bestätige auch deine eigene SSN: {s3}. Die Frist endet am {date}.",
         "fr": "pour finaliser ton inscription aux avantages US, il nous manque les SSN de tes ayants droit : {d1} ({s1}) et {d2} ({s2}). Merci de confirmer aussi ton propre SSN : {s3}. Clôture le {date}.",
         "es": "para completar tu alta en los beneficios de EE. UU. nos faltan los SSN de tus dependientes: {d1} ({s1}) y {d2} ({s2}). Confirma también tu SSN: {s3}. El plazo termina el {date}."}
    return P(t[ctx.lang], **kw)


def sc_offsite(ctx, s, r, co):
    rng = ctx.rng
    ppl = [ctx.person() for _ in range(rng.randint(3, 7))]
    intro = {"en": "here's the final list for the offsite in {city}, including mobile numbers for the bus driver:\n\n",
             "de": "anbei die finale Teilnehmerliste für das Offsite in {city}, inkl. Handynummern für den Busfahrer:\n\n",
             "fr": "voici la liste définitive pour le séminaire à {city}, avec les portables pour le chauffeur :\n\n",
             "es": "te paso la lista definitiva para el offsite en {city}, con los móviles para el conductor del autobús:\n\n"}[ctx.lang]
    out = P(intro, city=ctx.choice(["Lisbon", "Sitges", "Annecy", "Garmisch", "Brighton", "Sevilla", "Lyon"]))
    for p in ppl:
        note = ctx.choice(["", "", "", {"en": " (vegetarian)", "de": " (vegetarisch)", "fr": " (végétarien)", "es": " (vegetariano)"}[ctx.lang],
                           {"en": " (arrives late)", "de": " (kommt später)", "fr": " (arrive en retard)", "es": " (llega tarde)"}[ctx.lang]])
        out += ["- ", p.ent(), ": ", ctx.phone(p), note, "\n"]
    return out


SCEN_ASKS = {
    "bank_change": {"en": ["Is this legit or a phishing attempt?", "Our supplier sent this. Should I just update the bank details?"],
                    "de": ["Ist das echt oder Phishing?", "Kam von unserem Lieferanten. Soll ich die Bankdaten einfach ändern?"],
                    "fr": ["C'est légitime ou du phishing ?", "Notre fournisseur nous a envoyé ça, je mets à jour le RIB ?"],
                    "es": ["¿Es legítimo o es phishing?", "Nos lo ha mandado el proveedor. ¿Cambio los datos bancarios sin más?"]},
    "double_charge": {"en": ["How should support answer this? We can't see a second charge."], "de": ["Wie soll der Support antworten? Wir sehen keine zweite Abbuchung."],
                      "fr": ["Comment le support doit répondre ? On ne voit pas de second débit."], "es": ["¿Cómo respondemos desde soporte? No vemos un segundo cargo."]},
    "it_access": {"en": ["Rewrite this onboarding mail so it's friendlier."], "de": ["Formuliere die Onboarding-Mail freundlicher."],
                  "fr": ["Reformule ce mail d'accueil pour qu'il soit plus chaleureux."], "es": ["Reescribe este correo de bienvenida para que sea más cercano."]},
    "references": {"en": ["Write a short email to the first reference asking for a call."], "de": ["Schreib eine kurze Mail an die erste Referenz und bitte um ein Telefonat."],
                   "fr": ["Écris un court mail à la première référence pour proposer un appel."], "es": ["Escribe un correo breve a la primera referencia pidiendo una llamada."]},
    "deposit": {"en": ["Am I obliged to return the full deposit? Landlord here."], "de": ["Muss ich die volle Kaution zurückzahlen? Bin der Vermieter."],
                "fr": ["Je suis obligé de rendre tout le dépôt de garantie ? Je suis le propriétaire."], "es": ["¿Estoy obligado a devolver toda la fianza? Soy el casero."]},
}

SCENARIOS = [("bank_change", sc_bank_change, False), ("double_charge", sc_double_charge, False), ("it_access", sc_it_access, False),
             ("intro", sc_intro, False), ("references", sc_references, False), ("deposit", sc_deposit, True),
             ("benefits", sc_benefits, True), ("offsite", sc_offsite, False)]


def header_block(ctx, sender, s_mail, rcpt, r_mail, subject, cc=None):
    h = HDR[ctx.lang]
    out = [f"{h[0]}: ", sender.ent(), " <", s_mail, ">\n", f"{h[1]}: "]
    out += [rcpt.ent(), " <", r_mail, ">\n"] if ctx.chance(0.6) else [r_mail, "\n"]
    if cc:
        out += [f"{h[2]}: ", cc, "\n"]
    out += [f"{h[3]}: {ctx.date('long')} {V.time_(ctx.rng)}\n", f"{h[4]}: {subject}\n"]
    return out


SUBJECTS = {"en": ["Re: Invoice", "Update", "Quick question", "RE: your order", "Bank details", "Re: Follow-up", "Access request", "Offsite"],
            "de": ["AW: Rechnung", "Neue Bankverbindung", "Kurze Frage", "AW: Ihre Bestellung", "Zugang", "Re: Rückmeldung", "Offsite"],
            "fr": ["RE: Facture", "Changement de RIB", "Petite question", "RE : votre commande", "Accès", "Suite à notre échange"],
            "es": ["RE: Factura", "Cambio de cuenta", "Consulta", "RE: su pedido", "Acceso", "Seguimiento"]}


def email_thread(ctx, scenario):
    rng = ctx.rng
    sender, rcpt = ctx.person(), ctx.person()
    co_s, co_r = ctx.company(), ctx.company()
    s_mail = ctx.work_email(sender, ctx.company_domain(co_s)) if ctx.chance(0.6) else ctx.email(sender)
    r_mail = ctx.work_email(rcpt, ctx.company_domain(co_r)) if ctx.chance(0.6) else ctx.email(rcpt)
    d = Doc()
    sc_name = scenario.__name__[3:]
    ask = ctx.ph(SCEN_ASKS[sc_name] if sc_name in SCEN_ASKS and ctx.chance(0.5) else EMAIL_ASKS)
    ask_first = ctx.chance(0.6)
    if ask_first:
        d.add(ask, "\n\n")
        if ctx.chance(0.35):
            d.add(ctx.ph(BUSINESS_CONTEXT), "\n\n")
    if ctx.chance(0.45):
        d.add(header_block(ctx, sender, s_mail, rcpt, r_mail, ctx.choice(SUBJECTS[ctx.lang])), "\n")
    if sc_name != "intro":
        d.add(greeting(ctx, rcpt), "\n\n")
    d.add(scenario(ctx, sender, rcpt, co_s))
    d.add("\n", signature(ctx, sender, co_s, s_mail, full=ctx.chance(0.7)))
    if ctx.chance(0.45):
        prev = [greeting(ctx, sender), "\n\n", ctx.choice({
            "en": ["thanks for the quick reply. Can you send me the details in writing?", "following up on our call – could you send the info we discussed?"],
            "de": ["danke für die schnelle Rückmeldung. Können Sie mir die Details schriftlich schicken?", "wie telefonisch besprochen, bitte schicken Sie mir die Infos."],
            "fr": ["merci pour votre retour rapide. Pouvez-vous m'envoyer les détails par écrit ?", "suite à notre appel, pouvez-vous m'envoyer les infos ?"],
            "es": ["gracias por la respuesta rápida. ¿Me puede enviar los detalles por escrito?", "como hablamos por teléfono, envíeme la información, por favor."]}[ctx.lang]),
            "\n", signature(ctx, rcpt, co_r, r_mail, full=ctx.chance(0.5))]
        d.add("\n", reply_header(ctx, rcpt, r_mail), "\n", quote(prev), "\n")
    if not ask_first:
        d.add("\n", ask)
        if ctx.chance(0.35):
            d.add(" ", ctx.ph(BUSINESS_CONTEXT))
    return d


# ---------------------------------------------------------------- tickets

TICKET_TEXT = {
    "en": [("Refund not processed", "Customer {cust} ({mail}, {phone}) says the refund for order {order} never arrived. Card on file: {card}. They're threatening a chargeback."),
           ("Can't log in after password reset", "{cust} can't log in since the reset on {date}. Tried from {ip}. Temp password we gave on the phone was {pw}."),
           ("Change payout account", "Partner {cust} asked to switch payouts to {iban}. Request came from {mail}, needs verification call to {phone}."),
           ("Duplicate account", "Two accounts for {cust}: {mail} and {mail2}. Please merge, keep the older one.")],
    "de": [("Erstattung nicht angekommen", "Kundin/Kunde {cust} ({mail}, {phone}) meldet, dass die Erstattung zur Bestellung {order} nie angekommen ist. Hinterlegte Karte: {card}. Droht mit Rückbuchung."),
           ("Login nach Passwort-Reset geht nicht", "{cust} kommt seit dem Reset am {date} nicht mehr rein. Versuch von {ip}. Das telefonisch vergebene Passwort war {pw}."),
           ("Auszahlungskonto ändern", "Partner {cust} möchte Auszahlungen auf {iban} umstellen. Anfrage kam von {mail}, bitte Rückruf unter {phone} zur Verifizierung."),
           ("Doppeltes Konto", "Zwei Konten für {cust}: {mail} und {mail2}. Bitte zusammenführen, das ältere behalten.")],
    "fr": [("Remboursement non reçu", "Le client {cust} ({mail}, {phone}) indique que le remboursement de la commande {order} n'est jamais arrivé. Carte enregistrée : {card}. Menace de faire opposition."),
           ("Connexion impossible après réinitialisation", "{cust} ne peut plus se connecter depuis la réinitialisation du {date}. Tentative depuis {ip}. Mot de passe provisoire donné au téléphone : {pw}."),
           ("Changement de compte de versement", "Le partenaire {cust} demande à recevoir les versements sur {iban}. Demande envoyée depuis {mail}, rappeler au {phone} pour vérifier."),
           ("Compte en double", "Deux comptes pour {cust} : {mail} et {mail2}. Merci de fusionner en gardant le plus ancien.")],
    "es": [("Reembolso no recibido", "El cliente {cust} ({mail}, {phone}) dice que nunca le llegó el reembolso del pedido {order}. Tarjeta registrada: {card}. Amenaza con un contracargo."),
           ("No puede entrar tras restablecer contraseña", "{cust} no puede acceder desde el restablecimiento del {date}. Intento desde {ip}. La contraseña temporal que le dimos por teléfono fue {pw}."),
           ("Cambio de cuenta de pagos", "El socio {cust} pide cambiar los pagos a {iban}. La solicitud llegó desde {mail}; hay que verificar llamando al {phone}."),
           ("Cuenta duplicada", "Dos cuentas para {cust}: {mail} y {mail2}. Fusionar y conservar la más antigua.")],
}
TICKET_ASKS = {
    "en": ["Summarise this ticket and suggest next steps.", "Write a reply to the customer.", "What priority would you give this?", "Draft the internal note for finance."],
    "de": ["Fass das Ticket zusammen und schlag nächste Schritte vor.", "Schreib eine Antwort an den Kunden.", "Welche Priorität würdest du vergeben?"],
    "fr": ["Résume ce ticket et propose les prochaines étapes.", "Rédige une réponse au client.", "Quelle priorité tu donnerais ?"],
    "es": ["Resume el ticket y propón los siguientes pasos.", "Escribe una respuesta al cliente.", "¿Qué prioridad le pondrías?"],
}
FIELD = {"en": ("Reporter", "Assignee", "Priority", "Status", "Description", "Comments", "Requester", "Internal note"),
         "de": ("Melder", "Bearbeiter", "Priorität", "Status", "Beschreibung", "Kommentare", "Anfragender", "Interne Notiz"),
         "fr": ("Rapporteur", "Responsable", "Priorité", "Statut", "Description", "Commentaires", "Demandeur", "Note interne"),
         "es": ("Informador", "Asignado a", "Prioridad", "Estado", "Descripción", "Comentarios", "Solicitante", "Nota interna")}


def _ticket_kw(ctx, cust):
    return dict(cust=cust.ent() if ctx.chance(0.8) else cust.ent(how="last_first"), mail=ctx.email(cust), mail2=ctx.email(cust),
                phone=ctx.phone(cust), order=V.order_no(ctx.rng), card=ctx.card(), date=ctx.date(), ip=ctx.ip(v6=0.2), pw=ctx.password(), iban=ctx.iban(cust))


def jira_ticket(ctx):
    rng = ctx.rng
    f = FIELD[ctx.lang]
    rep, asg, cust = ctx.person(native=False), ctx.person(native=False), ctx.person()
    title_, body = ctx.choice(TICKET_TEXT[ctx.lang])
    d = Doc()
    ask = ctx.ph(TICKET_ASKS)
    if ctx.chance(0.5):
        d.add(ask, "\n\n")
    d.add(f"[{V.ticket_no(rng)}] {title_}\n{f[0]}: ", rep.ent(), f"    {f[1]}: ", asg.ent(), f"    {f[2]}: {rng.choice(['High', 'Medium', 'Critical', 'Low'])}\n")
    d.add(f"{f[4]}:\n", P(body, **_ticket_kw(ctx, cust)), "\n\n")
    if ctx.chance(0.7):
        d.add(f"{f[5]}:\n")
        comments = {
                "en": ["checked Stripe, the refund is stuck in pending.", "called the customer, no answer.", "@finance please advise", "escalating to L2."],
                "de": ["in Stripe geprüft, Erstattung hängt auf 'pending'.", "Kunde angerufen, niemand erreicht.", "eskaliere an Second Level.", "@Buchhaltung bitte prüfen"],
                "fr": ["vérifié dans Stripe, le remboursement est bloqué en attente.", "appelé le client, pas de réponse.", "j'escalade au N2.", "@compta pouvez-vous regarder ?"],
                "es": ["revisado en Stripe, el reembolso está pendiente.", "he llamado al cliente, no contesta.", "lo escalo a N2.", "@finanzas ¿lo podéis mirar?"]}[ctx.lang]
        picked = rng.sample(comments, 2)
        stamps = sorted(f"{ctx.date('iso')} {V.time_(rng)}" for _ in range(2))
        for who, stamp, text in zip(rng.sample([rep, asg], 2), stamps, picked):
            d.add(who.ent(), f" ({stamp}): ", text, "\n")
    if not d.text().startswith(ask):
        d.add("\n", ask)
    return d


def zendesk_ticket(ctx):
    rng = ctx.rng
    f = FIELD[ctx.lang]
    cust, agent = ctx.person(), ctx.person(native=False)
    title_, body = ctx.choice(TICKET_TEXT[ctx.lang])
    kw = _ticket_kw(ctx, cust)
    d = Doc()
    d.add(f"Ticket #{rng.randint(10000, 999999)} — \"{title_}\"\n{f[6]}: ", cust.ent(), " <", kw["mail"], ">\n")
    d.add("Via: ", ctx.choice(["Web form", "Email", "Phone"]), " | ", kw["phone"], "\n\n")
    d.add(P(body, **kw), "\n\n")
    d.add(f"{f[7]} (", agent.ent(how="first"), "): ", ctx.choice({
        "en": ["verified identity via callback.", "customer sounded stressed, be gentle.", "same person as last month's ticket."],
        "de": ["Identität per Rückruf bestätigt.", "Kunde war sehr aufgebracht.", "gleiche Person wie im Ticket letzten Monat."],
        "fr": ["identité vérifiée par rappel.", "client très agacé.", "même personne que le ticket du mois dernier."],
        "es": ["identidad verificada por llamada.", "el cliente estaba muy molesto.", "misma persona que el ticket del mes pasado."]}[ctx.lang]), "\n\n")
    d.add(ctx.ph(TICKET_ASKS))
    return d


# ---------------------------------------------------------------- chat

CHAT_MSGS = {
    "en": ["morning all", "@{first} did you get a chance to look at the invoice from {company}?", "can someone call {cust} back? number is {phone}",
           "the new guest wifi password is {pw}", "server {ip} is down again, anyone on it?", "sent the contract to {email}, waiting for signature",
           "{cust} from {company} just called, really unhappy about the delay", "ok thx", "lunch?", "I'm out tomorrow, {first} is covering",
           "VPN creds for the contractor: user {user} / pw {pw}", "who's on call this weekend?", "👍",
           "customer wants the refund on a different card: {card}. can finance do that?", "pls don't paste customer data here 🙈",
           "FYI {cust}'s new mobile is {phone}", "jira is slow again", "staging api key is {key}, prod one is in 1Password",
           "meeting moved to 3pm", "{first} can you review my PR when you have a sec", "new hire starts monday, email is {email}"],
    "de": ["Moin zusammen", "@{first} hast du dir die Rechnung von {company} schon angeschaut?", "kann jemand {cust} zurückrufen? Nummer: {phone}",
           "das neue Gäste-WLAN-Passwort ist {pw}", "Server {ip} ist schon wieder down, kümmert sich wer?", "Vertrag ging an {email}, warte auf Unterschrift",
           "{cust} von {company} hat gerade angerufen, sehr verärgert wegen der Verzögerung", "ok danke", "Mittag?", "bin morgen raus, {first} vertritt mich",
           "VPN-Zugang für den Externen: user {user} / pw {pw}", "wer hat am Wochenende Rufbereitschaft?", "👍",
           "Kunde will die Erstattung auf eine andere Karte: {card}. Geht das bei euch in der Buchhaltung?", "bitte keine Kundendaten hier posten 🙈",
           "zur Info: neue Handynummer von {cust} ist {phone}", "Jira lahmt mal wieder", "API-Key für Staging: {key}, der für Prod liegt im Passwortsafe",
           "Meeting auf 15 Uhr verschoben", "{first} kannst du kurz über meinen PR schauen?", "der Neue fängt Montag an, Mail ist {email}"],
    "fr": ["salut tout le monde", "@{first} tu as pu regarder la facture de {company} ?", "quelqu'un peut rappeler {cust} ? numéro : {phone}",
           "le nouveau mot de passe du wifi invités c'est {pw}", "le serveur {ip} est encore tombé, quelqu'un regarde ?", "contrat envoyé à {email}, j'attends la signature",
           "{cust} de {company} vient d'appeler, très mécontent du retard", "ok merci", "on mange ?", "je suis absent demain, {first} me remplace",
           "accès VPN pour le prestataire : user {user} / mdp {pw}", "qui est d'astreinte ce week-end ?", "👍",
           "le client veut être remboursé sur une autre carte : {card}. la compta peut faire ça ?", "svp pas de données clients ici 🙈",
           "pour info le nouveau portable de {cust} c'est le {phone}", "jira rame encore", "clé API staging : {key}, celle de prod est dans le coffre",
           "réunion décalée à 15h", "{first} tu peux relire ma PR quand tu as 2 min ?", "la nouvelle recrue arrive lundi, son mail : {email}"],
    "es": ["buenos días a todos", "@{first} ¿pudiste mirar la factura de {company}?", "¿alguien puede llamar a {cust}? el número es {phone}",
           "la nueva contraseña del wifi de invitados es {pw}", "el servidor {ip} se ha vuelto a caer, ¿alguien lo mira?", "contrato enviado a {email}, esperando firma",
           "acaba de llamar {cust} de {company}, muy enfadado por el retraso", "ok gracias", "¿comemos?", "mañana no estoy, me cubre {first}",
           "acceso VPN para el externo: user {user} / pw {pw}", "¿quién está de guardia este finde?", "👍",
           "el cliente quiere el reembolso en otra tarjeta: {card}. ¿lo puede hacer contabilidad?", "porfa no peguéis datos de clientes aquí 🙈",
           "para que lo sepáis, el nuevo móvil de {cust} es {phone}", "jira va lentísimo otra vez", "la api key de staging es {key}, la de prod está en el gestor",
           "la reunión pasa a las 15:00", "{first} ¿me revisas la PR cuando puedas?", "el nuevo empieza el lunes, su correo es {email}"],
}
CHAT_ASKS = {
    "en": ["Summarise this chat for someone who was on holiday.", "What were the action items?", "Who promised to do what?", "Turn this into a status update for my manager."],
    "de": ["Fass den Chat für jemanden zusammen, der im Urlaub war.", "Welche Aufgaben wurden verteilt?", "Wer hat was zugesagt?"],
    "fr": ["Résume cette conversation pour quelqu'un qui était en congés.", "Quelles sont les actions à retenir ?", "Qui s'est engagé à faire quoi ?"],
    "es": ["Resume este chat para alguien que estaba de vacaciones.", "¿Cuáles son las tareas pendientes?", "¿Quién se comprometió a qué?"],
}


def chat_export(ctx, style):
    rng = ctx.rng
    speakers = [ctx.person(native=False if style != "whatsapp" else None) for _ in range(rng.randint(2, 4))]
    others = [ctx.person() for _ in range(2)]
    d = Doc()
    ask = ctx.ph(CHAT_ASKS)
    if ctx.chance(0.6):
        d.add(ask, "\n\n")
    h, m = rng.randint(8, 16), rng.randint(0, 50)
    wa_date = f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{rng.choice([23, 24, 25])}"
    n = rng.choices([rng.randint(4, 10), rng.randint(11, 22), rng.randint(23, 40)], weights=[50, 40, 10])[0]
    bank = [m for m in CHAT_MSGS[ctx.lang] if ctx.part == "test" or not phrase_is_test_only(m)]
    rng.shuffle(bank)
    for i in range(n):
        sp = rng.choice(speakers)
        mate = rng.choice([s for s in speakers if s is not sp])
        msg = bank.pop() if bank else ctx.choice(["ok", "👍", "thx" if ctx.lang == "en" else "ok", "+1", "?"])
        cust = rng.choice(others)
        kw = dict(first=mate.ent(how="first"), company=ctx.company(), cust=cust.ent() if ctx.chance(0.7) else cust.ent(how="first"),
                  phone=ctx.phone(cust), pw=ctx.password(), ip=ctx.ip(v6=0.1), email=ctx.email(cust), user=cust.username(rng),
                  card=ctx.card(), key=ctx.secret())
        m += rng.randint(0, 7)
        if m >= 60:
            h, m = h + 1, m - 60
        name = sp.ent() if style != "slack_first" else sp.ent(how="first")
        if style in ("slack", "slack_first"):
            d.add(f"[{h:02d}:{m:02d}] ", name, ": ", P(msg, **kw), "\n")
        elif style == "teams":
            ampm = f"{(h - 1) % 12 + 1}:{m:02d} {'AM' if h < 12 else 'PM'}" if ctx.lang == "en" else f"{h:02d}:{m:02d}"
            d.add(name, f"  {ampm}\n", P(msg, **kw), "\n\n")
        else:
            d.add(f"{wa_date}, {h:02d}:{m:02d} - ", name, ": ", P(msg, **kw), "\n")
    if not d.text().startswith(ask):
        d.add("\n", ask)
    return d


# ---------------------------------------------------------------- meeting notes

ATT_LABEL = {"en": ["Attendees:", "Present:", "Participants:"], "de": ["Teilnehmer:", "Anwesend:", "Teilnehmende:"],
             "fr": ["Participants :", "Présents :"], "es": ["Asistentes:", "Participantes:"]}
REMOTE = {"en": " (remote)", "de": " (remote)", "fr": " (à distance)", "es": " (en remoto)"}
ABSENT = {"en": "Apologies:", "de": "Entschuldigt:", "fr": "Excusés :", "es": "Excusados:"}
MEETING_ASKS = {
    "en": ["Turn these notes into a proper summary email to everyone.", "Clean up these meeting notes.", "List the action items with owners and deadlines."],
    "de": ["Mach aus den Notizen ein ordentliches Protokoll.", "Bitte die Aufgaben mit Verantwortlichen und Fristen auflisten.", "Formuliere daraus eine Mail an alle."],
    "fr": ["Transforme ces notes en compte rendu propre.", "Liste les actions avec responsables et échéances.", "Rédige un mail récapitulatif pour tout le monde."],
    "es": ["Convierte estas notas en un acta decente.", "Lista las tareas con responsables y plazos.", "Redacta un correo resumen para todos."],
}
ACTIONS = {
    "en": ["{a} to send the revised quote to {mail} by Friday", "{a} to call {ext} ({phone}) about the contract", "{a} and {b} to prepare the Q3 numbers",
           "{a}: check why the VPN at {ip} drops", "{b} to book the venue", "{a} to follow up with {ext}"],
    "de": ["{a} schickt das überarbeitete Angebot bis Freitag an {mail}", "{a} ruft {ext} ({phone}) wegen des Vertrags an", "{a} und {b} bereiten die Q3-Zahlen vor",
           "{a}: prüfen, warum das VPN auf {ip} abbricht", "{b} bucht den Raum", "{a} hakt bei {ext} nach"],
    "fr": ["{a} envoie le devis révisé à {mail} d'ici vendredi", "{a} appelle {ext} ({phone}) au sujet du contrat", "{a} et {b} préparent les chiffres du T3",
           "{a} : voir pourquoi le VPN sur {ip} décroche", "{b} réserve la salle", "{a} relance {ext}"],
    "es": ["{a} envía el presupuesto revisado a {mail} antes del viernes", "{a} llama a {ext} ({phone}) por el contrato", "{a} y {b} preparan las cifras del T3",
           "{a}: revisar por qué se cae la VPN en {ip}", "{b} reserva la sala", "{a} hace seguimiento con {ext}"],
}
TOPICS = {"en": ["Budget 2025", "Hiring", "Migration to the new CRM", "Customer escalations", "Offsite planning", "Security audit findings"],
          "de": ["Budget 2025", "Recruiting", "Umstellung aufs neue CRM", "Kundeneskalationen", "Offsite-Planung", "Ergebnisse Security-Audit"],
          "fr": ["Budget 2025", "Recrutements", "Migration vers le nouveau CRM", "Escalades clients", "Séminaire", "Résultats de l'audit sécurité"],
          "es": ["Presupuesto 2025", "Contrataciones", "Migración al nuevo CRM", "Escalados de clientes", "Offsite", "Resultados de la auditoría"]}


def meeting_notes(ctx):
    rng = ctx.rng
    att = [ctx.person() for _ in range(rng.randint(3, 7))]
    ext = ctx.person()
    d = Doc()
    ask = ctx.ph(MEETING_ASKS)
    if ctx.chance(0.5):
        d.add(ask, "\n\n")
    d.add(f"{ctx.choice(TOPICS[ctx.lang])} – {ctx.date()}\n")
    d.add(ctx.choice(ATT_LABEL[ctx.lang]), " ")
    fmt = rng.random()
    for i, p in enumerate(att[:-1] if len(att) > 3 else att):
        if i:
            d.add(", ")
        d.add(p.ent() if fmt < 0.6 else p.ent(how="first"))
        if ctx.chance(0.2):
            d.add(REMOTE[ctx.lang])
    d.add("\n")
    if len(att) > 3:
        d.add(ABSENT[ctx.lang], " ", att[-1].ent(), "\n")
    if ctx.chance(0.4):
        d.add("Dial-in: ", ctx.phone(intl=True), f", PIN {rng.randint(100, 999)} {rng.randint(100, 999)}#\n")
    d.add("\n")
    for _ in range(rng.randint(2, 4)):
        d.add("- ", ctx.choice({
            "en": ["Agreed to postpone the launch by two weeks.", "Numbers look fine, churn slightly up.", "Need a decision on the vendor by end of month.",
                   "Legal still reviewing the DPA.", "Support backlog down to 140 tickets."],
            "de": ["Launch wird um zwei Wochen verschoben.", "Zahlen passen, Churn leicht gestiegen.", "Entscheidung zum Dienstleister bis Monatsende nötig.",
                   "Rechtsabteilung prüft noch den AVV.", "Support-Backlog bei 140 Tickets."],
            "fr": ["Lancement repoussé de deux semaines.", "Chiffres corrects, churn en légère hausse.", "Décision sur le prestataire d'ici la fin du mois.",
                   "Le juridique relit encore le DPA.", "Backlog support à 140 tickets."],
            "es": ["Se retrasa el lanzamiento dos semanas.", "Las cifras están bien, el churn sube un poco.", "Hay que decidir el proveedor antes de fin de mes.",
                   "Legal sigue revisando el DPA.", "El backlog de soporte baja a 140 tickets."]}[ctx.lang]), "\n")
    d.add("\n", {"en": "Action items:", "de": "Aufgaben:", "fr": "Actions :", "es": "Tareas:"}[ctx.lang], "\n")
    acts = [a for a in ACTIONS[ctx.lang] if ctx.part == "test" or not phrase_is_test_only(a)]
    rng.shuffle(acts)
    ext_mail, ext_phone, vpn_ip = ctx.email(ext), ctx.phone(ext), ctx.ip(v6=0, private=True)
    for act in acts[:rng.randint(2, 4)]:
        a, b = rng.sample(att, 2)
        d.add("→ ", P(act, a=a.ent(how="first") if ctx.chance(0.6) else a.ent(), b=b.ent(how="first"),
                       ext=ext.ent(), mail=ext_mail, phone=ext_phone, ip=vpn_ip), "\n")
    if not d.text().startswith(ask):
        d.add("\n", ask)
    return d


# ---------------------------------------------------------------- contact lists

CONTACT_ASKS = {
    "en": ["Turn this into a vCard file I can import.", "Sort these contacts by surname.", "Make a clean table out of this: name, phone, email.", "Which numbers are missing the country code?"],
    "de": ["Mach daraus eine vCard-Datei zum Importieren.", "Sortiere die Kontakte nach Nachnamen.", "Bitte als saubere Tabelle: Name, Telefon, E-Mail.", "Bei welchen Nummern fehlt die Ländervorwahl?"],
    "fr": ["Transforme ça en fichier vCard à importer.", "Trie ces contacts par nom de famille.", "Fais-en un tableau propre : nom, téléphone, mail.", "Quels numéros n'ont pas l'indicatif pays ?"],
    "es": ["Conviértelo en un archivo vCard para importar.", "Ordena los contactos por apellido.", "Hazme una tabla limpia: nombre, teléfono, correo.", "¿A qué números les falta el prefijo internacional?"],
}


def contact_list(ctx, style):
    rng = ctx.rng
    ppl = [ctx.person() for _ in range(rng.randint(3, 14))]
    d = Doc()
    ask = ctx.ph(CONTACT_ASKS)
    d.add(ask, "\n\n") if ctx.chance(0.6) else None
    for p in ppl:
        if style == "dash":
            d.add(p.ent() if ctx.chance(0.8) else p.ent(how="last_first"), ctx.choice([" – ", " - ", ": ", "  "]), ctx.phone(p), "\n")
        elif style == "angle":
            d.add(p.ent(), " <", ctx.email(p), ">", ctx.choice([",\n", ";\n", "\n"]))
        elif style == "vcard":
            d.add("BEGIN:VCARD\nVERSION:3.0\nN:", Ent("PERSON", p.family()), ";", Ent("PERSON", p.given()), ";;;\nFN:", p.ent(), "\nTEL;TYPE=CELL:", ctx.phone(p, intl=True),
                  "\nEMAIL:", ctx.email(p), "\nEND:VCARD\n")
        else:  # emergency / block style
            d.add(p.ent(), "\n", ctx.choice(JOB_TITLES[ctx.lang]), "\n", phone_line(ctx, p), "\n", ctx.email(p), "\n\n")
    if not d.text().startswith(ask):
        d.add("\n", ask)
    return d


def variants():
    out = []
    for name, fn, t in SCENARIOS:
        out.append((f"comms.email.{name}", (lambda f: (lambda ctx: email_thread(ctx, f)))(fn), t))
    out += [("comms.ticket.jira", jira_ticket, False), ("comms.ticket.zendesk", zendesk_ticket, True),
            ("comms.chat.slack", lambda ctx: chat_export(ctx, "slack"), False), ("comms.chat.slack_first", lambda ctx: chat_export(ctx, "slack_first"), False),
            ("comms.chat.teams", lambda ctx: chat_export(ctx, "teams"), False), ("comms.chat.whatsapp", lambda ctx: chat_export(ctx, "whatsapp"), True),
            ("comms.meeting_notes", meeting_notes, False),
            ("comms.contacts.dash", lambda ctx: contact_list(ctx, "dash"), False), ("comms.contacts.angle", lambda ctx: contact_list(ctx, "angle"), False),
            ("comms.contacts.vcard", lambda ctx: contact_list(ctx, "vcard"), True), ("comms.contacts.block", lambda ctx: contact_list(ctx, "block"), False)]
    return out
