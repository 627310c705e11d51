"""Family: hard negatives -- prompts with NO labelled value, full of look-alikes.

UUIDs, hashes, order/invoice/ticket/tracking numbers, Luhn-invalid 16-digit numbers, versions, prices,
dates, ISBN/EAN, product codes, postcodes, coordinates, place/brand/company names (incl. ones named after
people), job titles, month names, tech words, placeholders and public documentation example keys."""
from .core import Doc
from . import values as V
from . import devbits as B
from .core import extend
from .prose import CONTEXT

STREETS = ["Karl-Marx-Allee", "Goethestraße", "Rue Victor Hugo", "Boulevard Haussmann", "Calle de Alcalá", "Avenida Simón Bolívar",
           "Avenue Jean Jaurès", "Schillerplatz", "Via Giuseppe Garibaldi", "Paseo de Gracia", "Place Charles de Gaulle", "Bismarckstraße",
           "Martin-Luther-Ring", "Calle Cervantes", "Rue Émile Zola", "Abbey Road", "Washington Square", "Königin-Luise-Straße"]
PLACES = ["Washington", "San Francisco", "Victoria", "Florence", "Sydney", "Adelaide", "Georgia", "Lincoln", "Santiago", "Valencia",
          "Jordan", "Austin", "Charlotte", "Chelsea", "Augsburg", "Mont-Saint-Michel", "San Sebastián", "Saint-Denis", "Santa Cruz",
          "Lourdes", "Bolívar", "Darwin", "Wellington", "Victoria Station", "Heidelberg", "Kingston", "Salvador", "Alexandria"]
TECH = ["Kubernetes", "PostgreSQL", "Redis", "Kafka", "Terraform", "Grafana", "Prometheus", "Elasticsearch", "Jenkins", "Ansible",
        "Django", "React", "Next.js", "FastAPI", "Spring Boot", "RabbitMQ", "Airflow", "Snowflake", "dbt", "Keycloak"]
PRODUCTS = ["iPhone 15 Pro", "Galaxy S24", "ThinkPad X1 Carbon", "Model Y", "Golf GTI", "PlayStation 5", "Kindle Paperwhite",
            "Thermomix TM6", "Dyson V15", "Surface Laptop 5", "Pixel 8", "AirPods Pro", "Nespresso Vertuo", "Miele W1"]
ROLES = {"en": ["the CFO", "our account manager", "the new intern", "the head of sales", "the DPO", "the landlord", "the auditor", "the team lead"],
         "de": ["die Geschäftsführung", "unser Kundenbetreuer", "die neue Werkstudentin", "der Vertriebsleiter", "der Datenschutzbeauftragte", "die Hausverwaltung"],
         "fr": ["le DAF", "notre chargé de compte", "la nouvelle stagiaire", "le directeur commercial", "le DPO", "le syndic"],
         "es": ["el director financiero", "nuestro gestor de cuenta", "la becaria nueva", "el jefe de ventas", "el DPO", "la administración de fincas"]}


def _d(ctx, intro, body, outro=None):
    d = Doc()
    if intro and not getattr(ctx, "quiet", False):
        d.add(intro, "\n\n")
        if ctx.chance(0.35):
            d.add(ctx.ph(CONTEXT), "\n\n")
    d.add(body)
    if outro:
        d.add("\n", outro)
    return d


def release_notes(ctx):
    rng = ctx.rng
    lines = []
    changes = [("fix", "retry webhook delivery on 502"), ("feat", "add CSV export for invoices"), ("fix", "handle daylight saving in scheduler"),
               ("chore", "drop support for Node 16"), ("perf", "cache currency rates for 10 min"), ("fix", "race condition when two workers claim the same job"),
               ("feat", "per-tenant rate limits"), ("docs", "document the /v2/exports endpoint"), ("fix", "timezone offset in PDF invoices"),
               ("perf", "batch inserts in the sync job (~4x faster)"), ("feat", "SAML login for enterprise plans"), ("fix", "memory leak in the image resizer"),
               ("chore", "remove unused feature flags"), ("fix", "off-by-one in pagination cursor"), ("feat", "dark mode in the admin UI")]
    changes += [("chore", f"bump {t} client to {V.semver(rng)}") for t in rng.sample(TECH, 4)] + [("chore", f"migrate to {t}") for t in rng.sample(TECH, 2)]
    rng.shuffle(changes)
    for _ in range(rng.randint(1, 3)):
        lines.append(f"## v{V.semver(rng)} ({ctx.date('iso')})\n")
        for _ in range(rng.randint(3, 8)):
            if not changes:
                break
            kind, text = changes.pop()
            lines.append(f"- {kind}: {text} ({V.git_sha(rng, True)}, {V.ticket_no(rng)})\n")
        lines.append("\n")
    lines.append(f"\nDocker image: ghcr.io/acme/{B.app(ctx)}@{V.container_digest(rng)}\n")
    intro = ctx.ph({"en": ["Turn these release notes into a customer-friendly announcement.", "Summarise what changed in this release."],
                    "de": ["Mach aus den Release Notes eine kundenfreundliche Ankündigung.", "Was hat sich in diesem Release geändert?"],
                    "fr": ["Transforme ces notes de version en annonce pour les clients.", "Résume ce qui a changé dans cette version."],
                    "es": ["Convierte estas notas de versión en un anuncio para clientes.", "Resume qué cambió en esta versión."]})
    return _d(ctx, intro, lines)


def order_status(ctx):
    rng = ctx.rng
    kw = dict(order=V.order_no(rng), track=V.tracking_no(rng), price=ctx.price(), date=ctx.date(), ref=V.luhn_invalid_16(rng, ctx.choice([" ", "-", ""])),
              street=ctx.choice(STREETS), pc=V.postcode(rng, {"en": ctx.choice(["us", "gb"]), "de": "de", "fr": "fr", "es": "es"}[ctx.lang]), place=ctx.choice(PLACES), inv=V.invoice_no(rng))
    t = {"en": "My order {order} ({price}) was supposed to arrive on {date}. Tracking {track} says it's stuck in {place}. The invoice {inv} lists the delivery address as {street} 14, {pc}. Your hotline gave me reference number {ref}. What can I do?",
         "de": "Meine Bestellung {order} ({price}) sollte am {date} ankommen. Laut Sendungsverfolgung {track} hängt sie in {place} fest. Auf der Rechnung {inv} steht als Lieferadresse {street} 14, {pc}. Die Hotline hat mir die Vorgangsnummer {ref} gegeben. Was kann ich tun?",
         "fr": "Ma commande {order} ({price}) devait arriver le {date}. Le suivi {track} indique qu'elle est bloquée à {place}. Sur la facture {inv}, l'adresse de livraison est {street} 14, {pc}. Le service client m'a donné le numéro de dossier {ref}. Que faire ?",
         "es": "Mi pedido {order} ({price}) tenía que llegar el {date}. El seguimiento {track} dice que está parado en {place}. En la factura {inv} figura como dirección {street} 14, {pc}. En atención al cliente me dieron el número de incidencia {ref}. ¿Qué puedo hacer?"}
    d = Doc()
    d.fmt(t[ctx.lang], **kw)
    d.add("\n\n", ctx.ph({"en": ["Write a complaint for me.", "How long do they legally have?"], "de": ["Schreib mir eine Beschwerde.", "Wie lange dürfen die sich Zeit lassen?"],
                          "fr": ["Rédige une réclamation pour moi.", "Combien de temps ont-ils légalement ?"], "es": ["Escríbeme una reclamación.", "¿Cuánto tiempo tienen legalmente?"]}))
    return d


def product_table(ctx):
    rng = ctx.rng
    hdr = {"en": "sku,name,ean,price,stock,warehouse", "de": "Artikelnr;Bezeichnung;EAN;Preis;Bestand;Lager",
           "fr": "ref;designation;ean;prix;stock;entrepot", "es": "ref;nombre;ean;precio;stock;almacen"}[ctx.lang]
    sep = "," if ctx.lang == "en" else ";"
    rows = [hdr + "\n"]
    for _ in range(rng.choice([rng.randint(5, 30), rng.randint(30, 150)])):
        sku = ctx.choice([f"{rng.randint(100, 999)}-{rng.randint(1000, 9999)}-{rng.randint(10, 99)}", f"SKU-{rng.randint(10000, 99999)}", f"ART{rng.randint(100000, 999999)}"])
        price = f"{rng.randint(1, 899)}.{rng.randint(0, 99):02d}" if ctx.lang == "en" else f"{rng.randint(1, 899)},{rng.randint(0, 99):02d}"
        rows.append(sep.join([sku, ctx.choice(PRODUCTS), V.ean13(rng), price, str(rng.randint(0, 500)), ctx.choice(["Berlin-Süd", "Lyon Nord", "Getafe", "Leeds DC", "Venlo"])]) + "\n")
    intro = ctx.ph({"en": ["Which products are out of stock? Also flag EANs that look wrong.", "Convert this to JSON grouped by warehouse."],
                    "de": ["Welche Artikel sind nicht vorrätig? Markier auch EANs, die falsch aussehen.", "Bitte als JSON, gruppiert nach Lager."],
                    "fr": ["Quels produits sont en rupture ? Signale aussi les EAN qui semblent faux.", "Convertis en JSON groupé par entrepôt."],
                    "es": ["¿Qué productos están agotados? Marca también los EAN que parezcan erróneos.", "Pásalo a JSON agrupado por almacén."]})
    return _d(ctx, intro, rows)


def code_placeholders(ctx):
    rng = ctx.rng
    body = ["```python\nimport os\n\nDB_URL = os.environ[\"DATABASE_URL\"]\nAPI_KEY = os.getenv(\"API_KEY\", \"", B.placeholder(ctx), "\")\n",
            f"REQUEST_ID = \"{V.uuid4(rng)}\"\nCACHE_KEY = \"{V.sha256(rng)}\"\n",
            "# example from the AWS docs, not a real key:\n# AKIAIOSFODNN7EXAMPLE / wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n" if ctx.chance(0.5) else "",
            f"\ndef password_is_strong(pw: str) -> bool:\n    return len(pw) >= 12 and any(c.isdigit() for c in pw)\n\n",
            f"TIMEOUT = {rng.randint(5, 60)}  # seconds\nVERSION = \"{V.semver(rng)}\"\nCOMMIT = \"{V.git_sha(rng)}\"\n```\n"]
    intro = ctx.ph({"en": ["Is it OK to have these defaults in the code?", "Review this settings module."],
                    "de": ["Ist es okay, diese Defaults im Code zu haben?", "Schau dir bitte dieses Settings-Modul an."],
                    "fr": ["C'est ok d'avoir ces valeurs par défaut dans le code ?", "Relis ce module de configuration."],
                    "es": ["¿Está bien tener estos valores por defecto en el código?", "Revisa este módulo de configuración."]})
    return _d(ctx, intro, body)


def k8s_refs(ctx):
    body = ["```yaml\nenv:\n  - name: DB_PASSWORD\n    valueFrom:\n      secretKeyRef:\n        name: db-credentials\n        key: password\n",
            "  - name: STRIPE_KEY\n    value: \"${STRIPE_KEY}\"\n  - name: SMTP_PASS\n    value: \"<your-password>\"\n",
            f"image: registry.example.com/{B.app(ctx)}:{V.semver(ctx.rng)}\nresources:\n  limits:\n    memory: 512Mi\n    cpu: 500m\n```\n"]
    intro = ctx.ph({"en": ["Why does the pod crash with CreateContainerConfigError?", "Is this the right way to reference the secret?"],
                    "de": ["Warum crasht der Pod mit CreateContainerConfigError?", "Ist das so richtig mit dem Secret-Verweis?"],
                    "fr": ["Pourquoi le pod plante avec CreateContainerConfigError ?", "C'est la bonne façon de référencer le secret ?"],
                    "es": ["¿Por qué el pod falla con CreateContainerConfigError?", "¿Es así como se referencia el secreto?"]})
    return _d(ctx, intro, body)


def travel(ctx):
    rng = ctx.rng
    kw = dict(fl=f"{ctx.choice(['LH', 'AF', 'IB', 'BA', 'KL', 'TP'])} {rng.randint(100, 2999)}", t1=V.time_(rng), t2=V.time_(rng), pl1=ctx.choice(PLACES),
              pl2=ctx.choice(PLACES), hotel=ctx.choice(["Hotel Adlon", "Hilton Garden Inn", "Marriott Courtyard", "Ibis Styles", "NH Collection", "Meliá"]),
              booking=V.rand_str(rng, "ABCDEFGHJKLMNPQRSTUVWXYZ23456789", 6), price=ctx.price(), street=ctx.choice(STREETS), date=ctx.date("long"))
    t = {"en": "Trip on {date}: flight {fl} departs {t1}, lands {pl1} {t2}. Hotel {hotel} on {street}, booking ref {booking}, {price} per night. Day 2 I want to visit {pl2}. Can you plan the day?",
         "de": "Reise am {date}: Flug {fl} ab {t1}, Ankunft {pl1} {t2}. Hotel {hotel} in der {street}, Buchungsnummer {booking}, {price} pro Nacht. Am zweiten Tag möchte ich nach {pl2}. Kannst du den Tag planen?",
         "fr": "Voyage le {date} : vol {fl} départ {t1}, arrivée {pl1} {t2}. Hôtel {hotel}, {street}, réservation {booking}, {price} la nuit. Le 2e jour je veux visiter {pl2}. Tu peux organiser la journée ?",
         "es": "Viaje el {date}: vuelo {fl} sale a las {t1}, llega a {pl1} a las {t2}. Hotel {hotel} en {street}, localizador {booking}, {price} la noche. El segundo día quiero ir a {pl2}. ¿Me organizas el día?"}
    d = Doc()
    d.fmt(t[ctx.lang], **kw)
    return d


def brands(ctx):
    co1, co2 = ctx.company(surname_based=True), ctx.company(surname_based=True)
    kw = dict(b1=ctx.brand(), b2=ctx.brand(), b3=ctx.brand(), co1=co1, co2=co2, role=ctx.choice(ROLES[ctx.lang]), month=ctx.choice(V.MONTHS[ctx.lang]),
              price=ctx.choice(["€450", "€520", "£480", "$610"]) if ctx.lang == "en" else ctx.choice(["450 €", "520 €", "610 €"]),
              prod=ctx.choice(PRODUCTS))
    t = {"en": "We're choosing a supplier for the company car fleet. Offers from {co1} and {co2}; {role} prefers {b1} over {b2}, but {b3} has the better service network. Leasing cap is {price} per month and car. Staff also get a {prod}. Decision due in {month}. Pros and cons?",
         "de": "Wir wählen einen Anbieter für die Dienstwagenflotte. Angebote von {co1} und {co2}; {role} bevorzugt {b1} gegenüber {b2}, aber {b3} hat das bessere Servicenetz. Leasingobergrenze {price} pro Monat und Fahrzeug. Dazu gibt es für alle ein {prod}. Entscheidung im {month}. Vor- und Nachteile?",
         "fr": "On choisit un fournisseur pour la flotte de véhicules de fonction. Offres de {co1} et {co2} ; {role} préfère {b1} à {b2}, mais {b3} a le meilleur réseau d'entretien. Plafond de leasing : {price} par mois et par véhicule. Chacun reçoit aussi un {prod}. Décision en {month}. Avantages et inconvénients ?",
         "es": "Estamos eligiendo proveedor para la flota de coches de empresa. Ofertas de {co1} y {co2}; {role} prefiere {b1} a {b2}, pero {b3} tiene mejor red de talleres. Tope de renting: {price} al mes por coche. Además cada persona recibe un {prod}. Decidimos en {month}. ¿Pros y contras?"}
    d = Doc()
    d.fmt(t[ctx.lang], **kw)
    return d


SERVICES = {"en": ["Consulting (hours)", "Support plan – monthly", "Onboarding workshop", "Travel expenses", "Licence renewal", "Data migration"],
            "de": ["Beratung (Std.)", "Supportvertrag – monatlich", "Onboarding-Workshop", "Reisekosten", "Lizenzverlängerung", "Datenmigration"],
            "fr": ["Conseil (heures)", "Contrat de support – mensuel", "Atelier de démarrage", "Frais de déplacement", "Renouvellement de licence", "Migration de données"],
            "es": ["Consultoría (horas)", "Plan de soporte – mensual", "Taller de arranque", "Gastos de viaje", "Renovación de licencia", "Migración de datos"]}


def invoice_text(ctx):
    rng = ctx.rng
    co = ctx.company(surname_based=ctx.chance(0.5))
    cc = {"en": "gb", "de": "de", "fr": "fr", "es": "es"}[ctx.lang]
    cur = {"en": "£", "de": "€", "fr": "€", "es": "€"}[ctx.lang]

    def money(x):
        s = f"{x:,.2f}"
        if ctx.lang == "en":
            return f"{cur}{s}"
        s = s.replace(",", "X").replace(".", ",").replace("X", "." if ctx.lang != "fr" else "\u202f")
        return f"{s} {cur}"
    lines = [f"{co}\n{ctx.choice(STREETS)} {rng.randint(1, 120)}, {V.postcode(rng, cc)} {ctx.choice(PLACES)}\n",
             f"VAT ID: {cc.upper() if cc != 'gb' else 'GB'}{rng.randint(100000000, 999999999)}\n\n",
             f"{ {'en': 'Invoice', 'de': 'Rechnung', 'fr': 'Facture', 'es': 'Factura'}[ctx.lang]} {V.invoice_no(rng)} — {ctx.date()}\n"]
    total = 0.0
    for _ in range(rng.randint(2, 8)):
        qty, unit = rng.randint(1, 20), rng.choice([45, 95, 120, 150, 480, 900, 1250])
        total += qty * unit
        lines.append(f"{qty} x {ctx.choice(SERVICES[ctx.lang])}  {money(unit)}  {money(qty * unit)}\n")
    vat = rng.choice([19, 20, 21]) if ctx.lang != "en" else 20
    lines.append(f"\nNet: {money(total)}  VAT {vat}%: {money(total * vat / 100)}  Total: {money(total * (1 + vat / 100))}\n")
    intro = ctx.ph({"en": ["Check this invoice against our PO, anything odd?", "Extract the line items as JSON."], "de": ["Prüf die Rechnung, fällt was auf?", "Extrahiere die Positionen als JSON."],
                    "fr": ["Vérifie cette facture, quelque chose d'anormal ?", "Extrais les lignes en JSON."], "es": ["Revisa esta factura, ¿algo raro?", "Extrae las líneas en JSON."]})
    return _d(ctx, intro, lines)


def schema_sql(ctx):
    body = ["```sql\nCREATE TABLE customers (\n  id BIGSERIAL PRIMARY KEY,\n  first_name VARCHAR(100) NOT NULL,\n  last_name VARCHAR(100) NOT NULL,\n",
            "  email VARCHAR(254) UNIQUE,\n  phone VARCHAR(32),\n  iban VARCHAR(34),\n  ssn CHAR(11),\n  card_last4 CHAR(4),\n  password_hash TEXT NOT NULL,\n",
            "  created_at TIMESTAMPTZ DEFAULT now()\n);\n\nSELECT id, email FROM customers WHERE email = %s AND created_at > %s;\n```\n"]
    intro = ctx.ph({"en": ["Which of these columns should be encrypted at rest for GDPR?", "Is storing the SSN like this a problem?"],
                    "de": ["Welche Spalten sollten wir für die DSGVO verschlüsseln?", "Ist es ein Problem, die SSN so zu speichern?"],
                    "fr": ["Quelles colonnes faut-il chiffrer pour le RGPD ?", "Stocker le SSN comme ça, c'est un problème ?"],
                    "es": ["¿Qué columnas deberíamos cifrar por el RGPD?", "¿Es un problema guardar el SSN así?"]})
    return _d(ctx, intro, body)


def app_log_clean(ctx):
    rng = ctx.rng
    lines = []
    for ts in V.ts_seq(rng, rng.choice([rng.randint(5, 30), rng.randint(30, 120)]), "iso", 30):
        lines.append(f"{ts} {ctx.choice(['INFO', 'WARN', 'ERROR', 'DEBUG'])} [{ctx.choice(['worker-1', 'http-nio-8080-exec-4', 'scheduler', 'main'])}] "
                     f"{ctx.choice(['job finished', 'retrying request', 'cache miss', 'GC pause', 'connection pool exhausted', 'order synced'])} "
                     f"request_id={V.uuid4(rng)} duration={rng.randint(1, 9000)}ms status={ctx.choice([200, 201, 404, 500, 503])} order={V.order_no(rng)}\n")
    intro = ctx.ph({"en": ["What's causing the 503s here?", "Group these log lines by error type."], "de": ["Was verursacht hier die 503er?", "Gruppiere die Logzeilen nach Fehlerart."],
                    "fr": ["Qu'est-ce qui cause les 503 ici ?", "Regroupe ces lignes par type d'erreur."], "es": ["¿Qué provoca los 503?", "Agrupa estas líneas por tipo de error."]})
    return _d(ctx, intro, lines)


def stats_question(ctx):
    rng = ctx.rng
    kw = dict(n=str(rng.randint(200, 90000)), p=f"{rng.uniform(0.1, 40):.1f}", coords=V.coords(rng), isbn=V.isbn13(rng), month=ctx.choice(V.MONTHS[ctx.lang]),
              wd=ctx.choice(V.WEEKDAYS[ctx.lang]), ver=V.semver(rng), tech=ctx.choice(TECH))
    t = {"en": "Our survey had {n} responses, {p}% from the site at {coords}. Response rate drops every {wd} and spikes in {month}. I'm citing the methods book (ISBN {isbn}). How do I test if the {wd} effect is significant? I'm on {tech} {ver}.",
         "de": "Unsere Umfrage hatte {n} Antworten, {p} % vom Standort {coords}. Die Rücklaufquote sinkt jeden {wd} und steigt im {month}. Ich zitiere das Methodenbuch (ISBN {isbn}). Wie teste ich, ob der {wd}-Effekt signifikant ist? Nutze {tech} {ver}.",
         "fr": "Notre enquête a eu {n} réponses, dont {p} % du site {coords}. Le taux de réponse chute chaque {wd} et grimpe en {month}. Je cite le manuel de méthodes (ISBN {isbn}). Comment tester si l'effet du {wd} est significatif ? J'utilise {tech} {ver}.",
         "es": "La encuesta tuvo {n} respuestas, un {p} % desde el centro en {coords}. La tasa baja cada {wd} y sube en {month}. Cito el manual de métodos (ISBN {isbn}). ¿Cómo pruebo si el efecto del {wd} es significativo? Uso {tech} {ver}."}
    d = Doc()
    d.fmt(t[ctx.lang], **kw)
    return d


def meeting_roles(ctx):
    rng = ctx.rng
    roles = rng.sample(ROLES[ctx.lang], 3)
    kw = dict(r1=roles[0], r2=roles[1], r3=roles[2], date=ctx.date("long"), t=V.time_(rng), wd=ctx.choice(V.WEEKDAYS[ctx.lang]), tkt=V.ticket_no(rng),
              tech=ctx.choice(TECH), price=ctx.price())
    t = {"en": "Notes {date}, {t}\nPresent: {r1}, {r2}, {r3}\n- Migration to {tech} slips to {wd}.\n- {tkt} blocked on legal.\n- Budget approved: {price}.\nPlease turn this into a short update for the board.",
         "de": "Notizen {date}, {t}\nAnwesend: {r1}, {r2}, {r3}\n- Migration auf {tech} verschiebt sich auf {wd}.\n- {tkt} hängt bei der Rechtsabteilung.\n- Budget freigegeben: {price}.\nBitte daraus ein kurzes Update für den Vorstand machen.",
         "fr": "Notes du {date}, {t}\nPrésents : {r1}, {r2}, {r3}\n- La migration vers {tech} glisse à {wd}.\n- {tkt} bloqué côté juridique.\n- Budget validé : {price}.\nFais-en un court point pour le comité de direction.",
         "es": "Notas {date}, {t}\nAsistentes: {r1}, {r2}, {r3}\n- La migración a {tech} se retrasa al {wd}.\n- {tkt} bloqueado por legal.\n- Presupuesto aprobado: {price}.\nConviértelo en una actualización breve para el consejo."}
    d = Doc()
    d.fmt(t[ctx.lang], **kw)
    return d


def card_policy(ctx):
    rng = ctx.rng
    kw = dict(bad=V.luhn_invalid_16(rng, ctx.choice([" ", "-"])), last4=str(rng.randint(1000, 9999)), err=ctx.choice(["card_declined", "incorrect_number", "expired_card"]),
              order=V.order_no(rng), price=ctx.price())
    t = {"en": "A customer typed {bad} at checkout and Stripe returned {err}. Our form already rejects numbers failing the Luhn check, so how did it get through? Order {order}, {price}. We only store the last four ({last4}).",
         "de": "Ein Kunde hat im Checkout {bad} eingegeben und Stripe meldet {err}. Unser Formular lehnt Nummern ohne gültige Luhn-Prüfsumme eigentlich ab – wie kam die durch? Bestellung {order}, {price}. Wir speichern nur die letzten vier Ziffern ({last4}).",
         "fr": "Un client a saisi {bad} au paiement et Stripe a renvoyé {err}. Notre formulaire rejette pourtant les numéros qui échouent au contrôle de Luhn, comment c'est passé ? Commande {order}, {price}. On ne stocke que les 4 derniers chiffres ({last4}).",
         "es": "Un cliente escribió {bad} en el checkout y Stripe devolvió {err}. Nuestro formulario ya rechaza números que no pasan Luhn, ¿cómo se coló? Pedido {order}, {price}. Solo guardamos los cuatro últimos ({last4})."}
    d = Doc()
    d.fmt(t[ctx.lang], **kw)
    return d


def recipe(ctx):
    rng = ctx.rng
    t = {"en": "Scale this recipe from 4 to 11 servings: 250 g flour, 3 eggs, 0.5 l milk, 1 tsp salt, 40 g butter. Oven 180 °C for 35–40 min. It's for a party on {wd}, {date}.",
         "de": "Rechne das Rezept von 4 auf 11 Portionen um: 250 g Mehl, 3 Eier, 0,5 l Milch, 1 TL Salz, 40 g Butter. Ofen 180 °C, 35–40 Min. Ist für eine Feier am {wd}, {date}.",
         "fr": "Adapte cette recette de 4 à 11 personnes : 250 g de farine, 3 œufs, 0,5 l de lait, 1 c. à c. de sel, 40 g de beurre. Four 180 °C, 35–40 min. C'est pour une fête le {wd} {date}.",
         "es": "Adapta esta receta de 4 a 11 raciones: 250 g de harina, 3 huevos, 0,5 l de leche, 1 cdta de sal, 40 g de mantequilla. Horno a 180 °C, 35–40 min. Es para una fiesta el {wd} {date}."}
    d = Doc()
    d.fmt(t[ctx.lang], wd=ctx.choice(V.WEEKDAYS[ctx.lang]), date=ctx.date("long"))
    return d


def error_codes(ctx):
    rng = ctx.rng
    body = [f"Event ID {rng.randint(1000, 9999)}: 0x{rng.randint(0x80000000, 0x8FFFFFFF):08X}\nHRESULT 0x80070005 (E_ACCESSDENIED)\n",
            f"Build {rng.randint(10, 99)}.{rng.randint(0, 9)}.{rng.randint(20000, 26000)}.{rng.randint(1000, 4000)}\n",
            f"KB{rng.randint(5000000, 5099999)} failed to install at {V.timestamp(rng, 'plain')}\nCorrelation: {V.uuid4(rng)}\n"]
    intro = ctx.ph({"en": ["Windows Update keeps failing with this. Ideas?"], "de": ["Windows Update scheitert immer damit. Ideen?"],
                    "fr": ["Windows Update échoue toujours avec ça. Des idées ?"], "es": ["Windows Update falla siempre con esto. ¿Ideas?"]})
    return _d(ctx, intro, body)


def runbook(ctx):
    """A long, PII-free operations document: context, settings, logs and release notes."""
    d = Doc()
    d.add(ctx.ph({"en": ["I'm writing a runbook for the on-call team. Please restructure this into clear steps.", "Turn my notes below into a proper wiki page."],
                  "de": ["Ich schreibe ein Runbook für die Rufbereitschaft. Bitte in klare Schritte gliedern.", "Mach aus meinen Notizen unten eine ordentliche Wiki-Seite."],
                  "fr": ["J'écris un runbook pour l'astreinte. Restructure ça en étapes claires.", "Transforme mes notes ci-dessous en vraie page wiki."],
                  "es": ["Estoy escribiendo un runbook para guardias. Reestructúralo en pasos claros.", "Convierte mis notas de abajo en una página de wiki decente."]}), "\n\n")
    d.add(ctx.ph(CONTEXT), "\n\n")
    heads = {"en": ["Settings module", "Deployment snippet", "Typical log output", "Recent releases", "Schema", "Known Windows error"],
             "de": ["Settings-Modul", "Deployment-Ausschnitt", "Typische Logausgabe", "Letzte Releases", "Schema", "Bekannter Windows-Fehler"],
             "fr": ["Module de config", "Extrait de déploiement", "Logs typiques", "Dernières versions", "Schéma", "Erreur Windows connue"],
             "es": ["Módulo de configuración", "Fragmento de despliegue", "Salida de log típica", "Últimas versiones", "Esquema", "Error de Windows conocido"]}[ctx.lang]
    parts = list(zip(heads, [code_placeholders, k8s_refs, app_log_clean, release_notes, schema_sql, error_codes]))
    for head, part in ctx.rng.sample(parts, ctx.rng.randint(2, 4)):
        d.add(f"### {head}\n\n")
        ctx.quiet = True
        try:
            sub = part(ctx)
        finally:
            ctx.quiet = False
        extend(d, sub)
        d.add("\n\n")
    return d


def variants():
    return [("neg.release_notes", release_notes, False), ("neg.order_status", order_status, False), ("neg.product_table", product_table, False),
            ("neg.code_placeholders", code_placeholders, False), ("neg.k8s_refs", k8s_refs, False), ("neg.travel", travel, False),
            ("neg.brands", brands, False), ("neg.schema_sql", schema_sql, False), ("neg.app_log_clean", app_log_clean, False),
            ("neg.invoice_text", invoice_text, False), ("neg.stats_question", stats_question, True), ("neg.meeting_roles", meeting_roles, True),
            ("neg.runbook", runbook, False), ("neg.card_policy", card_policy, True), ("neg.recipe", recipe, True), ("neg.error_codes", error_codes, True)]
