"""Family: HR, medical, finance, legal, CRM and other working notes pasted into prompts."""
from .core import Doc, Ent, pieces as P
from . import values as V
from .texts import title, JOB_TITLES
from .prose import BUSINESS_CONTEXT

RELATION = {"f": {"en": ["wife", "mother", "sister", "daughter"], "de": ["Ehefrau", "Mutter", "Schwester", "Tochter"],
                  "fr": ["épouse", "mère", "sœur", "fille"], "es": ["esposa", "madre", "hermana", "hija"]},
            "m": {"en": ["husband", "father", "brother", "son"], "de": ["Ehemann", "Vater", "Bruder", "Sohn"],
                  "fr": ["mari", "père", "frère", "fils"], "es": ["marido", "padre", "hermano", "hijo"]},
            "u": {"en": ["partner"], "de": ["Partner/in"], "fr": ["conjoint(e)"], "es": ["pareja"]}}


def _wrap(ctx, asks, body):
    d = Doc()
    ask = ctx.ph(asks)
    first = ctx.chance(0.55)
    if first:
        d.add(ask, "\n\n")
        if ctx.chance(0.3):
            d.add(ctx.ph(BUSINESS_CONTEXT), "\n\n")
    d.add(body)
    if not first:
        d.add("\n\n" if ctx.chance(0.7) else "\n", ask)
    return d


def hr_note(ctx):
    emp, mgr, emc = ctx.person(), ctx.person(), ctx.person()
    kw = dict(emp=emp.ent(how=ctx.choice(["full", "full", "last_first", "form"]), rng=ctx.rng), job=ctx.choice(JOB_TITLES[ctx.lang]), mgr=mgr.ent(),
              first=emp.ent(how="first"), iban=ctx.iban(emp), emc=emc.ent(), rel=ctx.choice(RELATION[emc.gender if emc.gender in "fm" else "u"][ctx.lang]), phone=ctx.phone(emc),
              date=ctx.date(), pct=str(ctx.rng.randint(2, 9)), mail=ctx.email(emp))
    t = {"en": "Performance review – {emp}, {job}\nManager: {mgr}\nDate: {date}\n\n{first} exceeded targets in Q2 but had two conflicts with the team lead. Agreed: salary adjustment +{pct}% from next month. Payroll: new account {iban}.\nEmergency contact updated: {emc} ({rel}), {phone}.\nPrivate email for the letter: {mail}",
         "de": "Mitarbeitergespräch – {emp}, {job}\nFührungskraft: {mgr}\nDatum: {date}\n\n{first} hat die Ziele in Q2 übertroffen, es gab aber zwei Konflikte mit der Teamleitung. Vereinbart: Gehaltsanpassung +{pct} % ab nächstem Monat. Lohnbuchhaltung: neue Bankverbindung {iban}.\nNotfallkontakt aktualisiert: {emc} ({rel}), {phone}.\nPrivate Mail für das Schreiben: {mail}",
         "fr": "Entretien annuel – {emp}, {job}\nManager : {mgr}\nDate : {date}\n\n{first} a dépassé ses objectifs au T2 mais a eu deux conflits avec le chef d'équipe. Convenu : augmentation de {pct} % dès le mois prochain. Paie : nouveau compte {iban}.\nContact d'urgence mis à jour : {emc} ({rel}), {phone}.\nMail perso pour le courrier : {mail}",
         "es": "Evaluación de desempeño – {emp}, {job}\nResponsable: {mgr}\nFecha: {date}\n\n{first} superó los objetivos del T2, pero tuvo dos conflictos con el jefe de equipo. Acordado: subida salarial del {pct} % a partir del mes que viene. Nóminas: nueva cuenta {iban}.\nContacto de emergencia actualizado: {emc} ({rel}), {phone}.\nCorreo personal para la carta: {mail}"}
    asks = {"en": ["Turn these notes into a formal letter to the employee.", "Make this sound more neutral, it's going into the file."],
            "de": ["Mach aus den Notizen ein formelles Schreiben an den Mitarbeiter.", "Bitte neutraler formulieren, das kommt in die Personalakte."],
            "fr": ["Transforme ces notes en courrier formel au salarié.", "Formule ça de manière plus neutre, c'est pour le dossier."],
            "es": ["Convierte estas notas en una carta formal al empleado.", "Redáctalo de forma más neutra, va al expediente."]}
    return _wrap(ctx, asks, P(t[ctx.lang], **kw))


def medical_intake(ctx):
    rng = ctx.rng
    pat, doc, rel = ctx.person(), ctx.person(native=False), ctx.person(gender="f")
    t_doc = {"en": "Dr. ", "de": "Dr. ", "fr": "Dr ", "es": "Dra. " if doc.gender == "f" else "Dr. "}[ctx.lang]
    kw = dict(pat=Ent("PERSON", pat.last_first().upper() if not pat.native and ctx.chance(0.3) else pat.last_first()) if ctx.chance(0.5) else pat.ent(),
              dob=ctx.date("local").replace("202", "19" + str(rng.randint(4, 9)), 1), phone=ctx.phone(pat), doc=doc.ent(how="last") if ctx.chance(0.5) else doc.ent(),
              ins=f"{rng.choice('ABKTX')}{rng.randint(100000000, 999999999)}", rel=rel.ent(), relphone=ctx.phone(rel), t=t_doc, bp=f"{rng.randint(110, 165)}/{rng.randint(65, 100)}")
    t = {"en": "Patient: {pat}\nDOB: {dob}   Phone: {phone}\nReferred by {t}{doc}\nInsurance member ID: {ins}\n\nC/o chest tightness on exertion for 3 weeks, no syncope. BP {bp}. Started on ramipril 2.5 mg. Daughter {rel} ({relphone}) to be informed of results.",
         "de": "Patient/in: {pat}\nGeb.: {dob}   Tel.: {phone}\nÜberweisung durch {t}{doc}\nVersichertennr.: {ins}\n\nSeit 3 Wochen Engegefühl in der Brust bei Belastung, keine Synkope. RR {bp}. Ramipril 2,5 mg angesetzt. Befunde bitte an die Tochter {rel} ({relphone}).",
         "fr": "Patient(e) : {pat}\nNé(e) le : {dob}   Tél. : {phone}\nAdressé(e) par le {t}{doc}\nN° d'assuré : {ins}\n\nOppression thoracique à l'effort depuis 3 semaines, pas de syncope. TA {bp}. Début ramipril 2,5 mg. Prévenir la fille, {rel} ({relphone}), des résultats.",
         "es": "Paciente: {pat}\nF. nacimiento: {dob}   Tel.: {phone}\nDerivado por {t}{doc}\nN.º de afiliado: {ins}\n\nOpresión torácica al esfuerzo desde hace 3 semanas, sin síncope. TA {bp}. Se inicia ramipril 2,5 mg. Informar de los resultados a su hija, {rel} ({relphone})."}
    asks = {"en": ["Write a short referral letter to cardiology based on this.", "Summarise for the discharge summary.", "Explain this to the patient in plain language."],
            "de": ["Schreib daraus einen kurzen Überweisungsbrief an die Kardiologie.", "Fass das für den Arztbrief zusammen.", "Erklär das dem Patienten in einfacher Sprache."],
            "fr": ["Rédige un courrier d'adressage au cardiologue à partir de ça.", "Résume pour le compte rendu de sortie.", "Explique ça au patient simplement."],
            "es": ["Redacta un volante breve para cardiología a partir de esto.", "Resúmelo para el informe de alta.", "Explícaselo al paciente con palabras sencillas."]}
    return _wrap(ctx, asks, P(t[ctx.lang], **kw))


def finance_wire(ctx):
    ben, appr = ctx.person(), ctx.person(native=False)
    co = ctx.company()
    ib = ctx.iban(ben)
    kw = dict(amount=ctx.price(), ben=ben.ent() if ctx.chance(0.6) else co, iban=ib, bic=V.bic(ctx.rng, ib.value[:2]),
              ref=V.invoice_no(ctx.rng), appr=appr.ent(), date=ctx.date(), co=co)
    t = {"en": "Payment instruction\nAmount: {amount}\nBeneficiary: {ben}\nIBAN: {iban}\nBIC: {bic}\nReference: {ref}\nValue date: {date}\nApproved by: {appr}",
         "de": "Zahlungsanweisung\nBetrag: {amount}\nEmpfänger: {ben}\nIBAN: {iban}\nBIC: {bic}\nVerwendungszweck: {ref}\nValuta: {date}\nFreigabe: {appr}",
         "fr": "Ordre de virement\nMontant : {amount}\nBénéficiaire : {ben}\nIBAN : {iban}\nBIC : {bic}\nRéférence : {ref}\nDate de valeur : {date}\nValidé par : {appr}",
         "es": "Orden de transferencia\nImporte: {amount}\nBeneficiario: {ben}\nIBAN: {iban}\nBIC: {bic}\nConcepto: {ref}\nFecha valor: {date}\nAprobado por: {appr}"}
    asks = {"en": ["Check this payment instruction for anything that looks off.", "Write the approval email to treasury."],
            "de": ["Prüf die Zahlungsanweisung auf Auffälligkeiten.", "Schreib die Freigabe-Mail an die Treasury."],
            "fr": ["Vérifie cet ordre de virement, quelque chose cloche ?", "Rédige le mail de validation pour la trésorerie."],
            "es": ["Revisa esta orden de transferencia por si hay algo raro.", "Escribe el correo de aprobación para tesorería."]}
    return _wrap(ctx, asks, P(t[ctx.lang], **kw))


def legal_contract(ctx):
    seller, rep, w1, w2 = ctx.person(), ctx.person(native=False), ctx.person(), ctx.person()
    co = ctx.company()
    kw = dict(seller=seller.ent(), dob=ctx.date("long").replace("202", "19" + str(ctx.rng.randint(5, 8)), 1), co=co, rep=rep.ent(),
              w1=w1.ent(), w2=w2.ent(), iban=ctx.iban(seller), price=ctx.price(), mail=ctx.email(seller))
    t = {"en": "PURCHASE AGREEMENT\n\nbetween {seller}, born {dob} (the \"Seller\"), and {co}, represented by its managing director {rep} (the \"Buyer\").\n\n§ 3 The purchase price of {price} shall be paid to the Seller's account {iban} within 14 days.\n§ 9 Notices to the Seller: {mail}.\n\nWitnesses: {w1}, {w2}",
         "de": "KAUFVERTRAG\n\nzwischen {seller}, geb. {dob} (\"Verkäufer\"), und der {co}, vertreten durch den Geschäftsführer {rep} (\"Käufer\").\n\n§ 3 Der Kaufpreis von {price} ist binnen 14 Tagen auf das Konto des Verkäufers {iban} zu zahlen.\n§ 9 Mitteilungen an den Verkäufer: {mail}.\n\nZeugen: {w1}, {w2}",
         "fr": "CONTRAT DE VENTE\n\nentre {seller}, né(e) le {dob} (le « Vendeur »), et {co}, représentée par son gérant {rep} (l'« Acheteur »).\n\nArt. 3 Le prix de {price} sera versé sur le compte du Vendeur {iban} sous 14 jours.\nArt. 9 Notifications au Vendeur : {mail}.\n\nTémoins : {w1}, {w2}",
         "es": "CONTRATO DE COMPRAVENTA\n\nentre {seller}, nacido/a el {dob} (el «Vendedor»), y {co}, representada por su administrador {rep} (el «Comprador»).\n\nCláusula 3. El precio de {price} se abonará en la cuenta del Vendedor {iban} en 14 días.\nCláusula 9. Notificaciones al Vendedor: {mail}.\n\nTestigos: {w1}, {w2}"}
    asks = {"en": ["Is § 3 enforceable as written? What's missing?", "Translate this contract into Spanish."],
            "de": ["Ist § 3 so wirksam? Was fehlt?", "Übersetze den Vertrag ins Englische."],
            "fr": ["L'article 3 est-il valable tel quel ? Qu'est-ce qui manque ?", "Traduis ce contrat en anglais."],
            "es": ["¿Es válida la cláusula 3 tal como está? ¿Qué falta?", "Traduce este contrato al inglés."]}
    return _wrap(ctx, asks, P(t[ctx.lang], **kw))


def crm_call_note(ctx):
    contact, dm = ctx.person(), ctx.person(native=False)
    co = ctx.company()
    upper = ctx.chance(0.3)
    kw = dict(contact=Ent("PERSON", contact.full().upper()) if upper and not contact.native else contact.ent(how="first"), co=co,
              phone=ctx.phone(contact), dm=dm.ent(), dmail=ctx.work_email(dm, ctx.company_domain(co)), date=ctx.date(), seats=str(ctx.rng.randint(5, 400)))
    t = {"en": "CALL NOTE – {co}\nCONTACT: {contact} ({phone})\nInterested in the premium plan for ~{seats} seats. Decision maker is {dm} (CFO, {dmail}). Follow up on {date}.",
         "de": "GESPRÄCHSNOTIZ – {co}\nKONTAKT: {contact} ({phone})\nInteresse am Premium-Tarif für ca. {seats} Lizenzen. Entscheider ist {dm} (CFO, {dmail}). Wiedervorlage am {date}.",
         "fr": "NOTE D'APPEL – {co}\nCONTACT : {contact} ({phone})\nIntéressé par l'offre premium pour ~{seats} licences. Le décideur est {dm} (DAF, {dmail}). Relance le {date}.",
         "es": "NOTA DE LLAMADA – {co}\nCONTACTO: {contact} ({phone})\nInteresado en el plan premium para unas {seats} licencias. Decide {dm} (director financiero, {dmail}). Seguimiento el {date}."}
    asks = {"en": ["Draft a follow-up email to the decision maker.", "Log this in a cleaner format for Salesforce."],
            "de": ["Entwirf eine Follow-up-Mail an den Entscheider.", "Bitte sauber fürs CRM formatieren."],
            "fr": ["Rédige un mail de relance pour le décideur.", "Mets ça au propre pour le CRM."],
            "es": ["Redacta un correo de seguimiento para quien decide.", "Déjalo limpio para el CRM."]}
    return _wrap(ctx, asks, P(t[ctx.lang], **kw))


def insurance_claim(ctx):
    cl, tp = ctx.person(), ctx.person()
    kw = dict(cl=Ent("PERSON", cl.full().upper()) if not cl.native else cl.ent(), pol=f"POL-{ctx.rng.randint(1000000, 9999999)}", date=ctx.date(),
              tp=tp.ent(), tpphone=ctx.phone(tp), plate=f"{ctx.choice(['M', 'B', 'HH', 'K'])}-{ctx.choice(['AB', 'XY', 'KL'])} {ctx.rng.randint(100, 9999)}",
              iban=ctx.iban(cl), amount=ctx.price(), mail=ctx.email(cl))
    t = {"en": "CLAIM FORM\nPolicyholder: {cl}\nPolicy: {pol}\nDate of loss: {date}\nThird party: {tp}, tel. {tpphone}, vehicle {plate}\nEstimated damage: {amount}\nPay out to: {iban}\nContact: {mail}",
         "de": "SCHADENMELDUNG\nVersicherungsnehmer: {cl}\nPolice: {pol}\nSchadentag: {date}\nUnfallgegner: {tp}, Tel. {tpphone}, Kennzeichen {plate}\nGeschätzter Schaden: {amount}\nAuszahlung an: {iban}\nKontakt: {mail}",
         "fr": "DÉCLARATION DE SINISTRE\nAssuré : {cl}\nContrat : {pol}\nDate du sinistre : {date}\nTiers : {tp}, tél. {tpphone}, véhicule {plate}\nDommages estimés : {amount}\nVersement sur : {iban}\nContact : {mail}",
         "es": "PARTE DE SINIESTRO\nTomador: {cl}\nPóliza: {pol}\nFecha del siniestro: {date}\nContrario: {tp}, tel. {tpphone}, matrícula {plate}\nDaños estimados: {amount}\nAbono en: {iban}\nContacto: {mail}"}
    asks = {"en": ["Write the cover letter to the insurer.", "Is anything missing from this claim?"], "de": ["Schreib das Anschreiben an die Versicherung.", "Fehlt in der Schadenmeldung etwas?"],
            "fr": ["Rédige la lettre d'accompagnement pour l'assureur.", "Il manque quelque chose dans cette déclaration ?"],
            "es": ["Escribe la carta para la aseguradora.", "¿Falta algo en este parte?"]}
    return _wrap(ctx, asks, P(t[ctx.lang], **kw))


def tenant_application(ctx):
    a, b, ll = ctx.person(), ctx.person(), ctx.person()
    kw = dict(a=a.ent(), b=b.ent(), ll=ll.ent(), llphone=ctx.phone(ll), ssn=ctx.ssn(), inc=ctx.price(), mail=ctx.email(a), phone=ctx.phone(a))
    t = {"en": "Rental application – Apt 4B\nApplicants: {a} and {b}\nCurrent landlord: {ll}, {llphone}\nCombined monthly income: {inc}\nSSN (for credit check): {ssn}\nReach us at {mail} / {phone}",
         "de": "Mietbewerbung – Whg. 4B\nBewerber: {a} und {b}\nAktueller Vermieter: {ll}, {llphone}\nGemeinsames Nettoeinkommen: {inc}\nSSN (US-Bonitätsprüfung): {ssn}\nErreichbar unter {mail} / {phone}",
         "fr": "Dossier de location – Appt 4B\nCandidats : {a} et {b}\nBailleur actuel : {ll}, {llphone}\nRevenus mensuels cumulés : {inc}\nSSN (vérification de crédit US) : {ssn}\nContact : {mail} / {phone}",
         "es": "Solicitud de alquiler – Piso 4B\nSolicitantes: {a} y {b}\nCasero actual: {ll}, {llphone}\nIngresos mensuales conjuntos: {inc}\nSSN (comprobación de crédito en EE. UU.): {ssn}\nContacto: {mail} / {phone}"}
    asks = {"en": ["Write a cover letter for this application, make us sound reliable."], "de": ["Schreib ein Anschreiben zu dieser Bewerbung, wir sollen zuverlässig wirken."],
            "fr": ["Écris une lettre de motivation pour ce dossier, qu'on paraisse fiables."], "es": ["Escribe una carta de presentación para esta solicitud, que parezcamos fiables."]}
    return _wrap(ctx, asks, P(t[ctx.lang], **kw))


def school_note(ctx):
    parent, kid_src, pick = ctx.person(), ctx.person(), ctx.person()
    kw = dict(parent=parent.ent(), kid=kid_src.ent(how="first"), pick=pick.ent(), phone=ctx.phone(pick), pphone=ctx.phone(parent), cls=f"{ctx.rng.randint(1, 6)}{ctx.choice('abc')}")
    t = {"en": "Hi, this is {parent}, {kid}'s parent (class {cls}). On Friday {kid} will be picked up by {pick} ({phone}). If anything comes up, my mobile is {pphone}.",
         "de": "Hallo, hier ist {parent}, Elternteil von {kid} (Klasse {cls}). Am Freitag holt {pick} ({phone}) {kid} ab. Falls was ist: meine Handynummer ist {pphone}.",
         "fr": "Bonjour, ici {parent}, parent de {kid} (classe {cls}). Vendredi, {kid} sera récupéré(e) par {pick} ({phone}). En cas de besoin, mon portable : {pphone}.",
         "es": "Hola, soy {parent}, madre/padre de {kid} (clase {cls}). El viernes recogerá a {kid} {pick} ({phone}). Si pasa algo, mi móvil es el {pphone}."}
    asks = {"en": ["Make this note to the teacher a bit more polite.", "Translate this message for the teacher into French."],
            "de": ["Formulier die Nachricht an die Lehrerin etwas höflicher."], "fr": ["Rends ce mot pour l'enseignante un peu plus poli."],
            "es": ["Haz este mensaje para la profe un poco más educado."]}
    return _wrap(ctx, asks, P(t[ctx.lang], **kw))


def expense_report(ctx):
    rng = ctx.rng
    emp = ctx.person()
    d_lines = []
    for _ in range(rng.randint(3, 8)):
        d_lines += [f"{ctx.date('iso')}  {ctx.choice(['Hotel', 'Taxi', 'Train', 'Dinner w/ client', 'Flight', 'Parking', 'Conference fee'])}  {ctx.price()}\n"]
    kw = dict(emp=emp.ent(), card=ctx.card(), co=ctx.company(), mgr=ctx.person(native=False).ent())
    head = {"en": "Expense report – {emp} ({co})\nCorporate card: {card}\nApprover: {mgr}\n\n", "de": "Reisekostenabrechnung – {emp} ({co})\nFirmenkarte: {card}\nGenehmiger: {mgr}\n\n",
            "fr": "Note de frais – {emp} ({co})\nCarte entreprise : {card}\nValidateur : {mgr}\n\n", "es": "Hoja de gastos – {emp} ({co})\nTarjeta de empresa: {card}\nAprobador: {mgr}\n\n"}
    asks = {"en": ["Which of these expenses break a €150/night hotel policy?", "Total this up by category."], "de": ["Welche Positionen verstoßen gegen die Hotelrichtlinie (150 €/Nacht)?", "Summiere nach Kategorie."],
            "fr": ["Quelles dépenses dépassent la politique hôtel de 150 €/nuit ?", "Fais le total par catégorie."], "es": ["¿Qué gastos incumplen la política de hotel de 150 €/noche?", "Suma por categoría."]}
    return _wrap(ctx, asks, P(head[ctx.lang], **kw) + d_lines)


def us_tax_form(ctx):
    emp, spouse = ctx.person(), ctx.person()
    co = ctx.company(lang="en")
    kw = dict(emp=emp.ent(how=ctx.choice(["full", "full", "last_first"])), ssn=ctx.ssn(), sp=spouse.ent(), ssn2=ctx.ssn(), co=co, phone=ctx.phone(emp, country="us"),
              mail=ctx.email(emp), date=ctx.date(), addr=f"{ctx.rng.randint(10, 9999)} {ctx.choice(['Maple Ave', 'Oak St', 'Sunset Blvd', 'Elm Dr', 'Main St'])}",
              city=ctx.choice(["Austin, TX", "Columbus, OH", "Portland, OR", "Raleigh, NC", "Denver, CO"]))
    t = {"en": "Form W-4 / onboarding data for {co}\nEmployee: {emp}\nSSN: {ssn}\nAddress: {addr}, {city}\nFiling status: married filing jointly\nSpouse: {sp}, SSN {ssn2}\nPhone: {phone} · Email: {mail}\nStart date: {date}",
         "de": "Formular W-4 / Onboarding-Daten für {co} (US-Tochter)\nMitarbeiter/in: {emp}\nSSN: {ssn}\nAdresse: {addr}, {city}\nSteuerstatus: married filing jointly\nEhepartner: {sp}, SSN {ssn2}\nTelefon: {phone} · E-Mail: {mail}\nEintritt: {date}",
         "fr": "Formulaire W-4 / données d'embauche pour {co} (filiale US)\nSalarié(e) : {emp}\nSSN : {ssn}\nAdresse : {addr}, {city}\nStatut fiscal : married filing jointly\nConjoint : {sp}, SSN {ssn2}\nTél. : {phone} · Mail : {mail}\nDate d'entrée : {date}",
         "es": "Formulario W-4 / datos de alta para {co} (filial en EE. UU.)\nEmpleado/a: {emp}\nSSN: {ssn}\nDirección: {addr}, {city}\nEstado civil fiscal: married filing jointly\nCónyuge: {sp}, SSN {ssn2}\nTel.: {phone} · Correo: {mail}\nFecha de alta: {date}"}
    asks = {"en": ["Does the withholding look right for married filing jointly? Anything missing on the form?", "Put this into the JSON format our payroll API expects."],
            "de": ["Fehlt auf dem Formular etwas? Die Kollegen in den USA brauchen es bis Freitag.", "Bitte ins JSON-Format für die Payroll-API bringen."],
            "fr": ["Il manque quelque chose sur ce formulaire ? Les collègues US en ont besoin vendredi.", "Mets ça au format JSON attendu par l'API de paie."],
            "es": ["¿Falta algo en el formulario? Lo necesitan en EE. UU. el viernes.", "Pásalo al formato JSON que espera la API de nóminas."]}
    return _wrap(ctx, asks, P(t[ctx.lang], **kw))


def loan_application(ctx):
    a = ctx.person()
    emp = ctx.person(native=False)
    kw = dict(a=a.ent(), ssn=ctx.ssn(), phone=ctx.phone(a, country="us"), mail=ctx.email(a), iban_or_card=ctx.card(), emp=emp.ent(), emphone=ctx.phone(emp, country="us"),
              inc=ctx.choice(["$84,000", "$112,500", "$61,200", "$145,000"]))
    t = {"en": "Loan pre-qualification\nApplicant: {a}\nSSN: {ssn}\nAnnual income: {inc}\nEmployer contact (HR): {emp}, {emphone}\nCard for the application fee: {iban_or_card}\nReach me at {phone} or {mail}.",
         "de": "Kreditvoranfrage (USA)\nAntragsteller/in: {a}\nSSN: {ssn}\nJahreseinkommen: {inc}\nArbeitgeber (HR): {emp}, {emphone}\nKarte für die Bearbeitungsgebühr: {iban_or_card}\nErreichbar unter {phone} oder {mail}.",
         "fr": "Pré-demande de prêt (USA)\nDemandeur : {a}\nSSN : {ssn}\nRevenu annuel : {inc}\nContact employeur (RH) : {emp}, {emphone}\nCarte pour les frais de dossier : {iban_or_card}\nJoignable au {phone} ou {mail}.",
         "es": "Precalificación de préstamo (EE. UU.)\nSolicitante: {a}\nSSN: {ssn}\nIngresos anuales: {inc}\nContacto del empleador (RR. HH.): {emp}, {emphone}\nTarjeta para la comisión: {iban_or_card}\nContacto: {phone} o {mail}."}
    asks = {"en": ["Write a cover email to the lender with this information.", "Is it safe to send this by normal email?"],
            "de": ["Schreib eine Begleitmail an die Bank mit diesen Angaben.", "Kann ich das einfach per normaler Mail schicken?"],
            "fr": ["Rédige un mail d'accompagnement pour la banque avec ces infos.", "C'est sûr d'envoyer ça par mail normal ?"],
            "es": ["Escribe un correo para el banco con estos datos.", "¿Es seguro mandar esto por correo normal?"]}
    return _wrap(ctx, asks, P(t[ctx.lang], **kw))


def variants():
    return [("notes.hr_review", hr_note, False), ("notes.medical_intake", medical_intake, False), ("notes.finance_wire", finance_wire, False),
            ("notes.legal_contract", legal_contract, False), ("notes.crm_call", crm_call_note, False), ("notes.expense_report", expense_report, False),
            ("notes.us_tax_form", us_tax_form, False), ("notes.loan_application", loan_application, True),
            ("notes.insurance_claim", insurance_claim, True), ("notes.tenant_application", tenant_application, True), ("notes.school_note", school_note, True)]
