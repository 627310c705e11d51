"""Family: tables pasted into a prompt (CSV, TSV, Markdown, JSON, SQL, aligned text ...).

Cells carry values without any words of context; headers come in four languages or are absent."""
from .core import Doc, Ent, Reject, flatten
from . import values as V

HEADERS = {
    "id": {"en": ["id", "ID", "customer_id", "record_id", "#"], "de": ["Nr", "ID", "Kundennr", "lfd_nr"], "fr": ["id", "N°", "ref", "num_client"], "es": ["id", "N.º", "num_cliente", "ref"]},
    "name": {"en": ["name", "full_name", "Name", "Customer", "customer_name", "contact", "Employee"], "de": ["Name", "Kunde", "Ansprechpartner", "Mitarbeiter", "name"], "fr": ["nom", "Nom complet", "client", "contact", "Salarié"], "es": ["nombre", "Nombre completo", "cliente", "titular", "Empleado"]},
    "first": {"en": ["first_name", "First Name", "firstname", "given_name"], "de": ["Vorname", "vorname"], "fr": ["prénom", "Prénom", "prenom"], "es": ["nombre", "Nombre"]},
    "last": {"en": ["last_name", "Last Name", "surname", "lastname"], "de": ["Nachname", "Familienname", "nachname"], "fr": ["nom", "Nom", "nom_famille"], "es": ["apellido", "apellidos", "Apellidos"]},
    "email": {"en": ["email", "Email", "e-mail", "email_address", "Email Address"], "de": ["E-Mail", "email", "Mail", "E-Mail-Adresse"], "fr": ["courriel", "email", "adresse_mail", "E-mail", "mail"], "es": ["correo", "email", "correo_electronico", "Correo", "e-mail"]},
    "phone": {"en": ["phone", "Phone", "mobile", "tel", "phone_number", "cell", "Mobile"], "de": ["Telefon", "Handy", "Mobil", "Tel.", "telefon", "Mobilnummer"], "fr": ["téléphone", "tel", "portable", "Téléphone", "mobile"], "es": ["teléfono", "telefono", "móvil", "movil", "Tel", "celular"]},
    "ssn": {"en": ["ssn", "SSN", "social_security", "ss_number", "SSN/TIN", "social"], "de": ["SSN", "ssn", "social_security"], "fr": ["SSN", "ssn", "social_security"], "es": ["SSN", "ssn", "social_security"]},
    "iban": {"en": ["iban", "IBAN", "bank_account", "account_iban", "payout_iban"], "de": ["IBAN", "Bankverbindung", "iban", "Konto (IBAN)"], "fr": ["IBAN", "iban", "RIB/IBAN", "compte"], "es": ["IBAN", "cuenta", "iban", "cuenta_bancaria", "Cuenta IBAN"]},
    "bic": {"en": ["bic", "BIC", "swift"], "de": ["BIC"], "fr": ["BIC"], "es": ["BIC", "swift"]},
    "card": {"en": ["card", "card_number", "cc_number", "pan", "Card Number", "cc"], "de": ["Karte", "Kartennummer", "karte", "Kreditkarte"], "fr": ["carte", "numéro_carte", "carte_bancaire", "CB", "n_carte"], "es": ["tarjeta", "numero_tarjeta", "tarjeta_credito", "Tarjeta", "num_tarjeta"]},
    "exp": {"en": ["exp", "expiry", "exp_date"], "de": ["gültig_bis", "Ablauf"], "fr": ["expiration", "date_exp"], "es": ["caducidad", "vencimiento"]},
    "password": {"en": ["password", "secret", "pwd", "pass", "Password", "initial_password"], "de": ["passwort", "Passwort", "kennwort", "pw", "Initialpasswort"], "fr": ["mot_de_passe", "mdp", "password", "Mot de passe"], "es": ["contraseña", "clave", "password", "contrasena", "Contraseña"]},
    "token": {"en": ["token", "api_key", "apikey", "access_token", "secret_key", "API Key", "key"], "de": ["token", "api_key", "API-Schlüssel", "Schlüssel"], "fr": ["token", "clé_api", "api_key", "jeton"], "es": ["token", "api_key", "clave_api", "llave"]},
    "ip": {"en": ["ip", "ip_address", "IP", "last_ip", "ip_addr", "source_ip", "host"], "de": ["IP", "IP-Adresse", "ip", "Adresse"], "fr": ["ip", "adresse_ip", "IP", "adresse IP"], "es": ["ip", "dirección_ip", "IP", "direccion_ip"]},
    "hostname": {"en": ["hostname", "server", "machine", "node"], "de": ["Hostname", "Server", "Rechner"], "fr": ["hôte", "serveur", "machine"], "es": ["servidor", "equipo", "hostname"]},
    "user": {"en": ["username", "login", "user", "account"], "de": ["Benutzer", "Login", "Benutzername"], "fr": ["identifiant", "login", "utilisateur"], "es": ["usuario", "login", "cuenta"]},
    "company": {"en": ["company", "Company", "account", "organisation"], "de": ["Firma", "Unternehmen", "firma"], "fr": ["société", "entreprise", "Société"], "es": ["empresa", "Empresa", "compañía"]},
    "city": {"en": ["city", "City", "location"], "de": ["Ort", "Stadt", "Wohnort"], "fr": ["ville", "Ville", "localité"], "es": ["ciudad", "Ciudad", "localidad"]},
    "date": {"en": ["created_at", "signup_date", "date", "joined", "start_date"], "de": ["Datum", "angelegt_am", "Eintritt", "erstellt"], "fr": ["date", "date_creation", "inscrit_le", "entrée"], "es": ["fecha", "fecha_alta", "creado", "alta"]},
    "amount": {"en": ["amount", "total", "balance", "salary", "monthly_fee"], "de": ["Betrag", "Summe", "Gehalt", "Saldo"], "fr": ["montant", "total", "salaire", "solde"], "es": ["importe", "total", "salario", "saldo"]},
    "status": {"en": ["status", "plan", "tier", "role"], "de": ["Status", "Tarif", "Rolle"], "fr": ["statut", "formule", "rôle"], "es": ["estado", "plan", "rol"]},
    "service": {"en": ["service", "provider", "system"], "de": ["Dienst", "Anbieter", "System"], "fr": ["service", "fournisseur", "outil"], "es": ["servicio", "proveedor", "sistema"]},
    "env": {"en": ["env", "environment", "stage"], "de": ["Umgebung", "env"], "fr": ["environnement", "env"], "es": ["entorno", "env"]},
    "dob": {"en": ["dob", "date_of_birth", "birthdate"], "de": ["Geburtsdatum", "geb."], "fr": ["date_naissance", "né(e) le"], "es": ["fecha_nacimiento", "nacimiento"]},
    "owner": {"en": ["owner", "created_by", "responsible"], "de": ["Verantwortlich", "Besitzer", "angelegt_von"], "fr": ["responsable", "propriétaire"], "es": ["responsable", "propietario"]},
    "notes": {"en": ["notes", "comment", "remarks"], "de": ["Bemerkung", "Notiz", "Kommentar"], "fr": ["remarque", "commentaire", "notes"], "es": ["notas", "comentario", "observaciones"]},
    "size": {"en": ["tshirt", "size", "diet"], "de": ["Größe", "Ernährung"], "fr": ["taille", "régime"], "es": ["talla", "dieta"]},
}

CITIES = ["Berlin", "München", "Hamburg", "Köln", "Wien", "Zürich", "Paris", "Lyon", "Marseille", "Lille", "Bruxelles",
          "Genève", "Madrid", "Barcelona", "Sevilla", "Valencia", "Bilbao", "Ciudad de México", "Bogotá", "Buenos Aires",
          "London", "Manchester", "Leeds", "Dublin", "New York", "Austin", "Chicago", "Toronto", "Sydney", "Lagos",
          "Nairobi", "Accra", "Johannesburg", "Cape Town", "Mumbai", "Bengaluru", "Tokyo", "Seoul", "Shanghai", "Hanoi",
          "Jakarta", "Manila", "Dubai", "Tel Aviv", "Istanbul", "Warszawa", "Praha", "Budapest", "Stockholm", "Oslo",
          "Helsinki", "Reykjavík", "Amsterdam", "Rotterdam", "Lisboa", "Porto", "São Paulo", "Milano", "Roma", "Athens",
          "Dakar", "Kuala Lumpur", "Dhaka", "Chennai", "Kraków", "Beograd", "Zagreb", "Bucureşti", "Kyiv"]
STATUS = {"en": ["active", "trial", "churned", "pro", "basic", "admin", "viewer", "pending"],
          "de": ["aktiv", "gekündigt", "Test", "Premium", "Basis", "Admin", "offen"],
          "fr": ["actif", "résilié", "essai", "premium", "standard", "admin", "en attente"],
          "es": ["activo", "baja", "prueba", "premium", "básico", "admin", "pendiente"]}
SERVICES = ["Stripe", "SendGrid", "GitHub", "GitLab", "Slack", "AWS", "Twilio", "Datadog", "OpenAI", "Anthropic",
            "Shopify", "DigitalOcean", "HuggingFace", "npm", "PyPI", "Google Maps", "Mailgun", "Sentry", "Notion", "Linear"]
SERVICE_KIND = {"Stripe": "stripe", "SendGrid": "sendgrid", "GitHub": "github", "GitLab": "gitlab", "Slack": "slack",
                "AWS": "aws", "Twilio": "twilio", "Datadog": "datadog", "OpenAI": "openai", "Anthropic": "anthropic",
                "Shopify": "shopify", "DigitalOcean": "do", "HuggingFace": "hf", "npm": "npm", "PyPI": "pypi",
                "Google Maps": "google", "Mailgun": "mailgun", "Sentry": "sentry", "Notion": "notion", "Linear": "linear"}
HOST_PREFIX = ["web", "db", "app", "api", "worker", "cache", "mail", "vpn", "jump", "build", "k8s-node", "nas", "ldap", "backup", "git"]
NOTES = {"en": ["VIP", "call after 5pm", "prefers email", "", "", "", "duplicate?", "moved", "do not call", "late payer"],
         "de": ["VIP", "nur vormittags", "", "", "", "Dublette?", "umgezogen", "Mahnstufe 1", "bitte nicht anrufen"],
         "fr": ["VIP", "rappeler", "", "", "", "doublon ?", "a déménagé", "relance 1", "préfère le mail"],
         "es": ["VIP", "llamar por la tarde", "", "", "", "¿duplicado?", "se mudó", "moroso", "prefiere correo"]}
SIZES = ["S", "M", "L", "XL", "vegan", "vegetarian", "halal", "none", "gluten-free"]

# theme -> (columns, test_only)
THEMES = {
    "crm": (["id", "name", "email", "phone", "company", "city", "date"], False),
    "crm_split": (["id", "first", "last", "email", "phone", "city", "status"], False),
    "payroll_us": (["id", "name", "ssn", "dob", "amount", "status"], False),
    "payroll": (["id", "name", "iban", "bic", "amount", "date"], False),
    "it_access": (["hostname", "ip", "user", "password", "owner", "env"], False),
    "payments": (["name", "card", "exp", "amount", "email"], False),
    "signups": (["email", "ip", "date", "status", "city"], False),
    "api_keys": (["service", "env", "token", "owner", "date"], False),
    "vendors": (["company", "name", "iban", "email", "phone"], False),
    "contacts_min": (["name", "phone"], False),
    "patients": (["id", "name", "dob", "phone", "email", "notes"], True),
    "registrations": (["name", "email", "phone", "size", "company"], True),
    "benefits_us": (["name", "ssn", "phone", "email", "status"], True),
}

FORMATS = {"csv": False, "tsv": False, "markdown": False, "json": False, "sql": False, "aligned": False,
           "headerless": False, "semicolon_excel": True, "jsonl": True}

# (ask, columns the ask needs: any of them must be present; empty = generic)
ASKS = {
    "en": [("Can you dedupe this list and tell me which rows look like the same person?", "name first email"),
           ("Convert this to JSON please, one object per row.", ""), ("Normalise the phone numbers to E.164 and keep everything else as is.", "phone"),
           ("Which of these rows are missing an email? List them.", "email"), ("Sort this by city and give me a count per city.", "city"),
           ("write a pandas snippet that loads this and drops rows with an empty phone", "phone"), ("Turn this into a markdown table I can paste in Confluence.", ""),
           ("Here's the export from our old CRM. Map the columns to our new schema (full_name, email, phone, company) and flag anything weird.", "email phone"),
           ("I need this as an INSERT statement for Postgres.", ""), ("Please check the data below for obvious typos.", ""),
           ("Can you split the name column into first and last name?", "name"), ("Import failed for some of these rows, can you see why?", ""),
           ("Our payment provider rejected a few of these. Any idea which ones and why?", "card iban"), ("Group these by status and summarise.", "status"),
           ("make this a csv with semicolons, excel in the office doesn't open it otherwise", ""),
           ("Which IBANs are from outside the SEPA zone? We can only pay SEPA.", "iban"), ("Check which of these IBANs have a wrong length for their country.", "iban"),
           ("Which accounts share the same password? We need to fix that before the audit.", "password"), ("Write a script that moves these credentials into HashiCorp Vault.", "password token"),
           ("Which of these keys should we rotate first?", "token"), ("Are any of these IPs from outside the EU?", "ip"),
           ("Mask everything except the last 4 digits of the card numbers.", "card"), ("Generate a short onboarding email for each of these people (just the template + merge fields).", "email")],
    "de": [("Kannst du die Liste bereinigen und Dubletten markieren?", "name first email"), ("Bitte in JSON umwandeln, ein Objekt pro Zeile.", ""),
           ("Telefonnummern bitte einheitlich ins internationale Format bringen.", "phone"), ("Welche Zeilen haben keine E-Mail-Adresse?", "email"),
           ("Bitte nach Ort sortieren und pro Ort zählen.", "city"), ("Schreib mir ein kurzes Python-Skript, das die Datei einliest und leere Telefonnummern rauswirft.", "phone"),
           ("Mach daraus bitte eine Markdown-Tabelle fürs Wiki.", ""), ("Das ist der Export aus dem alten CRM. Ordne die Spalten bitte unserem neuen Schema zu und markiere Auffälligkeiten.", "email phone"),
           ("Ich brauche das als INSERT für MySQL.", ""), ("Kannst du die Daten auf offensichtliche Tippfehler prüfen?", ""),
           ("Der Import ist bei ein paar Zeilen fehlgeschlagen – siehst du warum?", ""), ("Bitte die Namensspalte in Vor- und Nachname aufteilen.", "name"),
           ("Die Bank hat einige Lastschriften zurückgegeben. Woran könnte das liegen?", "iban"), ("Welche IBANs sind nicht aus dem SEPA-Raum?", "iban"),
           ("Welche Konten haben dasselbe Passwort? Muss vor dem Audit weg.", "password"), ("Welche Schlüssel sollten wir zuerst rotieren?", "token"),
           ("Maskiere die Kartennummern bis auf die letzten vier Ziffern.", "card"), ("Sind IPs von außerhalb der EU dabei?", "ip")],
    "fr": [("Tu peux dédoublonner cette liste et me dire quelles lignes semblent être la même personne ?", "name first email"), ("Convertis ça en JSON stp, un objet par ligne.", ""),
           ("Normalise les numéros de téléphone au format international.", "phone"), ("Quelles lignes n'ont pas d'adresse mail ?", "email"),
           ("Trie par ville et donne-moi le nombre par ville.", "city"), ("écris un petit script pandas qui charge ça et supprime les lignes sans téléphone", "phone"),
           ("Mets-moi ça sous forme de tableau Markdown.", ""), ("Voici l'export de notre ancien CRM. Fais correspondre les colonnes à notre nouveau schéma et signale ce qui cloche.", "email phone"),
           ("J'ai besoin d'une requête INSERT pour PostgreSQL à partir de ces données.", ""), ("Peux-tu vérifier s'il y a des erreurs de saisie évidentes ?", ""),
           ("L'import a planté sur certaines lignes, tu vois pourquoi ?", ""), ("Sépare la colonne nom en prénom et nom de famille.", "name"),
           ("La banque a rejeté plusieurs prélèvements, tu vois pourquoi ?", "iban"), ("Quels comptes partagent le même mot de passe ?", "password"),
           ("Quelles clés faut-il faire tourner en priorité ?", "token"), ("Masque les numéros de carte sauf les 4 derniers chiffres.", "card"), ("Y a-t-il des IP hors UE ?", "ip")],
    "es": [("¿Puedes quitar duplicados de esta lista y decirme qué filas parecen la misma persona?", "name first email"), ("Pásalo a JSON, un objeto por fila.", ""),
           ("Normaliza los teléfonos al formato internacional.", "phone"), ("¿Qué filas no tienen correo?", "email"), ("Ordénalo por ciudad y dame el total por ciudad.", "city"),
           ("hazme un script de pandas que cargue esto y elimine las filas sin teléfono", "phone"), ("Conviértelo en una tabla Markdown.", ""),
           ("Este es el export del CRM antiguo. Mapea las columnas al nuevo esquema y marca lo que veas raro.", "email phone"), ("Necesito esto como INSERT para MySQL.", ""),
           ("¿Puedes revisar si hay errores de tecleo evidentes?", ""), ("La importación falló en algunas filas, ¿ves por qué?", ""),
           ("Separa la columna de nombre en nombre y apellidos.", "name"), ("El banco devolvió varios recibos, ¿por qué puede ser?", "iban"),
           ("¿Qué cuentas comparten contraseña?", "password"), ("¿Qué claves deberíamos rotar primero?", "token"),
           ("Enmascara las tarjetas salvo los 4 últimos dígitos.", "card"), ("¿Hay IPs de fuera de la UE?", "ip")],
}


def pick_ask(ctx, cols):
    fits = {lang: [a for a, need in opts if not need or any(c in cols for c in need.split())] for lang, opts in ASKS.items()}
    return ctx.ph(fits)


THEME_INTROS = {
    "payroll_us": {"en": ["Payroll export for the US team (Q{q}):", "Here's the benefits/payroll sheet HR sent over:"], "de": ["Lohnexport US-Team:", "Gehaltsliste der US-Kollegen:"], "fr": ["Export paie de l'équipe US :", "Fichier paie US :"], "es": ["Exportación de nóminas del equipo de EE. UU.:", "Nómina del equipo USA:"]},
    "payroll": {"en": ["Payroll run for {month}:", "Salary payments file:"], "de": ["Gehaltslauf {month}:", "Überweisungsliste Gehälter {month}:"], "fr": ["Virements salaires {month} :", "Fichier de paie {month} :"], "es": ["Nóminas de {month}:", "Transferencias de nómina {month}:"]},
    "it_access": {"en": ["Server inventory (don't judge, it's old):", "Inherited this from the previous admin:"], "de": ["Serverliste vom Vorgänger:", "Unsere Zugangsliste (ja, ich weiß):"], "fr": ["Inventaire des serveurs hérité de l'ancien admin :", "Liste des accès :"], "es": ["Inventario de servidores que heredé:", "Lista de accesos:"]},
    "payments": {"en": ["Failed charges from last night:", "Chargeback list:"], "de": ["Fehlgeschlagene Zahlungen von gestern:", "Rückbuchungen:"], "fr": ["Paiements refusés cette nuit :", "Liste des impayés :"], "es": ["Cobros fallidos de anoche:", "Lista de contracargos:"]},
    "api_keys": {"en": ["Our key inventory spreadsheet:", "All the API keys we have (need to rotate them):"], "de": ["Unsere Schlüsselübersicht:", "Alle API-Keys, die rotiert werden müssen:"], "fr": ["Inventaire de nos clés :", "Toutes les clés API à faire tourner :"], "es": ["Inventario de claves:", "Todas las API keys que hay que rotar:"]},
}


def _cell(ctx, col, row, style):
    """Return a piece (str, Ent, or list) for one cell."""
    rng = ctx.rng
    p = row.get("person")
    if col == "id":
        return str(style["id0"] + row["i"])
    if col == "name":
        if style["name"] == "last_first":
            return p.ent(how="last_first")
        if style["name"] == "upper":
            return Ent("PERSON", p.full().upper())
        if style["name"] == "mixed":
            return Ent("PERSON", p.form(rng))
        return p.ent()
    if col == "first":
        return Ent("PERSON", p.given())
    if col == "last":
        return Ent("PERSON", p.family())
    if col == "email":
        if ctx.chance(0.05):
            return ""
        if "company" in row and ctx.chance(0.8):
            return row.setdefault("email", ctx.work_email(p, ctx.company_domain(row["company"])))
        return row.setdefault("email", ctx.email(p, style.get("domain")) if style.get("domain") and ctx.chance(0.7) else ctx.email(p))
    if col == "phone":
        if ctx.chance(0.04):
            return ""
        return ctx.phone(p, intl=style["intl"] if not style["mixed_phone"] else None,
                         country=None if style["mixed_phone"] else ctx.country)
    if col == "ssn":
        return ctx.ssn(style["ssn"])
    if col == "iban":
        return ctx.iban(p, grouped=style["iban_grouped"] if not ctx.chance(0.1) else None)
    if col == "bic":
        return V.bic(rng, rng.choice(["DE", "FR", "ES", "GB", "NL", "IT", "CH"]))
    if col == "card":
        return ctx.card(sep=style["card_sep"] if ctx.chance(0.85) else None)
    if col == "exp":
        return V.card_expiry(rng)
    if col == "password":
        return ctx.password()
    if col == "token":
        svc = row.get("service")
        return ctx.secret(SERVICE_KIND.get(svc)) if svc and ctx.chance(0.8) else ctx.token()
    if col == "ip":
        return ctx.ip(v6=0.15)
    if col == "hostname":
        return f"{rng.choice(HOST_PREFIX)}{rng.randint(1, 12):02d}"
    if col == "user":
        return rng.choice(["root", "admin", "deploy", "svc_backup", "ubuntu", "administrator", "jenkins", "postgres", p.username(rng)])
    if col == "owner":
        return Ent("PERSON", p.given() if ctx.chance(0.4) else p.full())
    if col == "company":
        return row.setdefault("company", ctx.company())
    if col == "city":
        return rng.choice(CITIES)
    if col in ("date", "dob"):
        if col == "dob":
            return ctx.date(style["date"]).replace("202", "19" + str(rng.randint(5, 9)), 1)
        return ctx.date(style["date"])
    if col == "amount":
        if style["amount"] == "plain":
            return f"{rng.randint(800, 9800)}.{rng.choice(['00', '50', '25'])}"
        if style["amount"] == "comma":
            return f"{rng.randint(800, 9800)},{rng.choice(['00', '50', '25'])}"
        return V.price(rng, ctx.lang)
    if col == "status":
        return rng.choice(STATUS[ctx.lang])
    if col == "service":
        return row["service"]
    if col == "env":
        return rng.choice(["prod", "staging", "dev", "test", "prod-eu", "qa"])
    if col == "notes":
        return rng.choice(NOTES[ctx.lang])
    if col == "size":
        return rng.choice(SIZES)
    raise KeyError(col)


def build_rows(ctx, cols, n, style):
    rows = []
    for i in range(n):
        row = {"i": i}
        if any(c in cols for c in ("name", "first", "last", "email", "phone", "owner", "iban", "user")):
            row["person"] = ctx.person(native=None if ctx.chance(0.5) else False)
        if "service" in cols:
            row["service"] = ctx.rng.choice(SERVICES)
        order = sorted(range(len(cols)), key=lambda k: cols[k] != "company")  # company first: emails may use its domain
        cells = {}
        for k in order:
            cells[k] = _cell(ctx, cols[k], row, style)
        row["cells"] = [cells[k] for k in range(len(cols))]
        rows.append(row)
    return rows


def _csv_cell(piece, sep):
    text = flatten(piece)
    if '"' in text:
        raise Reject("quote in csv cell")
    if sep in text or "\n" in text:
        return ['"', piece, '"']
    return piece


def render(ctx, fmt, headers, rows, table="customers"):
    d = []
    rng = ctx.rng
    if fmt in ("csv", "headerless", "semicolon_excel", "tsv"):
        sep = {"csv": ",", "headerless": ",", "semicolon_excel": ";", "tsv": "\t"}[fmt]
        quote_all = fmt == "csv" and ctx.chance(0.25)
        if fmt != "headerless":
            d.append(sep.join(f'"{h}"' if quote_all else h for h in headers) + "\n")
        for r in rows:
            cells = []
            for c in r["cells"]:
                cells.append(['"', c, '"'] if quote_all else _csv_cell(c, sep))
            for k, c in enumerate(cells):
                d.append(c)
                d.append(sep if k < len(cells) - 1 else "\n")
    elif fmt == "markdown":
        d.append("| " + " | ".join(headers) + " |\n")
        d.append("|" + "|".join("---" for _ in headers) + "|\n")
        for r in rows:
            d.append("| ")
            for k, c in enumerate(r["cells"]):
                d.append(c)
                d.append(" | " if k < len(r["cells"]) - 1 else " |\n")
    elif fmt == "aligned":
        widths = [max([len(h)] + [len(flatten(r["cells"][k])) for r in rows]) for k, h in enumerate(headers)]
        psql = ctx.chance(0.5)
        sep = " | " if psql else "  "
        d.append((" " if psql else "") + sep.join(h.ljust(w) for h, w in zip(headers, widths)).rstrip() + "\n")
        d.append(("-" + "-+-".join("-" * w for w in widths) + "-" if psql else "  ".join("-" * w for w in widths)) + "\n")
        for r in rows:
            if psql:
                d.append(" ")
            for k, c in enumerate(r["cells"]):
                d.append(c)
                pad = widths[k] - len(flatten(c))
                if k < len(headers) - 1:
                    d.append(" " * pad + sep)
            d.append("\n")
        if psql:
            d.append(f"({len(rows)} rows)\n")
    elif fmt in ("json", "jsonl"):
        keys = [h.lower().replace(" ", "_").replace("-", "_").replace(".", "").replace("(", "").replace(")", "") for h in headers]
        indent = "  " if fmt == "json" else ""
        if fmt == "json":
            d.append("[\n")
        for i, r in enumerate(rows):
            d.append(indent + "{")
            for k, c in enumerate(r["cells"]):
                text = flatten(c)
                if '"' in text or "\\" in text:
                    raise Reject("json escape")
                d.append(f'"{keys[k]}": ')
                if text.isdigit() and len(text) < 9 and headers[k].lower() in ("id", "nr", "#", "n°", "n.º"):
                    d.append(c)
                elif text == "":
                    d.append("null")
                else:
                    d.extend(['"', c, '"'])
                if k < len(r["cells"]) - 1:
                    d.append(", ")
            d.append("}")
            if fmt == "json":
                d.append(",\n" if i < len(rows) - 1 else "\n")
            else:
                d.append("\n")
        if fmt == "json":
            d.append("]\n")
    elif fmt == "sql":
        cols = [h.lower().replace(" ", "_").replace("-", "_").replace(".", "").replace("(", "").replace(")", "") for h in headers]
        d.append(f"INSERT INTO {table} ({', '.join(cols)}) VALUES\n")
        for i, r in enumerate(rows):
            d.append("  (")
            for k, c in enumerate(r["cells"]):
                text = flatten(c)
                if "'" in text or "\\" in text:
                    raise Reject("sql quote")
                if text.isdigit() and (cols[k].endswith("id") or cols[k] in ("nr", "#", "kundennr", "lfd_nr")):
                    d.append(c)
                elif text == "":
                    d.append("NULL")
                else:
                    d.extend(["'", c, "'"])
                if k < len(r["cells"]) - 1:
                    d.append(", ")
            d.append(")" + (",\n" if i < len(rows) - 1 else ";\n"))
    return d


def make_style(ctx, cols):
    rng = ctx.rng
    return {
        "id0": rng.choice([1, 100, 1001, 20431, 5000]),
        "name": rng.choices(["full", "last_first", "upper", "mixed"], weights=[60, 15, 8, 17])[0],
        "intl": ctx.chance(0.4),
        "mixed_phone": ctx.chance(0.35),
        "ssn": rng.choices(["dash", "bare", "space"], weights=[55, 35, 10])[0],
        "iban_grouped": ctx.chance(0.5),
        "card_sep": rng.choices([" ", "-", "", "."], weights=[45, 25, 27, 3])[0],
        "date": rng.choice(["iso", "local"]) if ctx.lang != "en" else rng.choice(["iso", "local_us" if ctx.country in ("us", "ca") else "local_eu"]),
        "amount": rng.choice(["plain", "plain", "comma" if ctx.lang != "en" else "plain", "price"]),
        "domain": ctx.company_domain(ctx.company(surname_based=False)) if ctx.chance(0.6) and set(cols) & {"ssn", "password", "token", "owner"} else None,
    }


def table_prompt(ctx, fmt, theme, n_rows=None):
    rng = ctx.rng
    cols, _ = THEMES[theme]
    cols = list(cols)
    # occasionally drop or add a column to vary shapes
    if len(cols) > 3 and ctx.chance(0.3):
        cols.pop(rng.randrange(1, len(cols)))
    if theme in ("crm", "signups") and ctx.chance(0.25):
        cols.append("notes")
    header_lang = ctx.lang if ctx.chance(0.75) else "en"
    headers = [rng.choice(HEADERS[c][header_lang]) for c in cols]
    if theme.startswith(("payroll", "benefits")) and "name" in cols:
        headers[cols.index("name")] = rng.choice({"en": ["Employee", "employee_name", "name"], "de": ["Mitarbeiter", "Name"],
                                                  "fr": ["Salarié", "nom"], "es": ["Empleado", "nombre"]}[header_lang])
    if len(set(headers)) < len(headers):
        raise Reject("dup header")
    if n_rows is None:
        n_rows = rng.choices([rng.randint(2, 6), rng.randint(7, 25), rng.randint(26, 70), rng.randint(80, 200)],
                             weights=[22, 40, 27, 11])[0]
    style = make_style(ctx, cols)
    rows = build_rows(ctx, cols, n_rows, style)
    body = render(ctx, fmt, headers, rows, table=rng.choice(["customers", "users", "contacts", "employees", "kunden", "clientes", "clients"]))
    d = Doc()
    intro = THEME_INTROS.get(theme)
    ask = pick_ask(ctx, cols)
    fence = fmt in ("json", "jsonl", "sql") and ctx.chance(0.6) or fmt in ("aligned",) and ctx.chance(0.5)
    lang_tag = {"json": "json", "jsonl": "", "sql": "sql"}.get(fmt, "")
    if ctx.chance(0.6):
        d.add(ask, "\n\n")
        if intro and ctx.chance(0.5):
            d.add(ctx.ph(intro).format(q=rng.randint(1, 4), month=rng.choice(V.MONTHS[ctx.lang])), "\n")
    else:
        if intro:
            d.add(ctx.ph(intro).format(q=rng.randint(1, 4), month=rng.choice(V.MONTHS[ctx.lang])), "\n\n")
    if fence:
        d.add(f"```{lang_tag}\n")
    d.add(body)
    if fence:
        d.add("```\n")
    if len(d.parts) and not d.text().startswith(ask):
        d.add("\n", ask)
    return d


def variants():
    out = []
    for fmt, fmt_test in FORMATS.items():
        for theme, (_, theme_test) in THEMES.items():
            if fmt in ("sql", "json", "jsonl") and theme == "contacts_min":
                continue
            name = f"table.{fmt}.{theme}"
            out.append((name, (lambda f, t: (lambda ctx: table_prompt(ctx, f, t)))(fmt, theme), fmt_test or theme_test))
    return out
