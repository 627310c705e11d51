#!/usr/bin/env python3
"""Write negatives.jsonl (beside this script): 200 hand-written HARD NEGATIVE prompts
for a PII detector (en/de/fr/es).

Every prompt below was written individually by hand. None contains personal
data: no person names, e-mail addresses, phone numbers, card numbers, IBANs,
social security numbers, IP addresses or real secrets. They are deliberately
full of look-alikes (eponymous brands/places/diseases/units, order numbers,
versions, hashes, placeholders, table headers, ...), so "entities" is always [].

Output is deterministic: no randomness, fixed order, fixed JSON serialisation.
Usage:  python3 make_negatives.py
"""
import json
import os

PROMPTS = []


def add(locale, text):
    assert locale in ("en", "de", "fr", "es"), locale
    PROMPTS.append((locale, text.strip("\n")))


# ---------------------------------------------------------------------------
# Prompts (hand-written, one add() call per prompt)
# ---------------------------------------------------------------------------

# ----- batch 1 -------------------------------------------------------------

add("en", r"""
Can you summarise this incident log for the weekly ops review? Keep it under 150 words and end with one recommended action.

2024-03-15T08:42:17.331Z WARN  kafka-consumer-7 lag=18234 topic=orders.v2 partition=11
2024-03-15T08:42:19.002Z ERROR jenkins-agent-03 build #4471 failed: exit code 137 (OOMKilled)
2024-03-15T08:43:01.560Z INFO  grafana alert "Checkout p95 latency" state=firing value=2.31s
2024-03-15T08:47:45.118Z INFO  hadoop-yarn nm-12 container_1710491537_0042_01_000003 released
2024-03-15T09:05:12.004Z INFO  kafka-consumer-7 lag=0 topic=orders.v2 partition=11

Context: jenkins-agent-03 was moved to a node pool with 16 GiB RAM last Tuesday.
""")

add("de", r"""
Hallo zusammen, ich brauche Hilfe bei einer Mail an die Filialleitung am Standort Bismarckstraße. Inhalt: Die Lieferung von Siemens (Bestellnr. 4500183377, Pos. 20, Materialnr. 6ES7214-1AG40-0XB0) kommt erst in KW 14 statt KW 11. Bitte höflich, aber klar formulieren und einen Ersatztermin für die Inbetriebnahme vorschlagen (Dienstag oder Donnerstag, jeweils ab 7:30 Uhr).
""")

add("fr", r"""
Traduis en anglais (ton luxe, pas trop littéral) ce texte pour la fiche produit du site :

« Chanel N°5 Eau de Parfum, 100 ml – réf. 125530. Un bouquet floral aldéhydé, signature de la Maison depuis 1921. »
« Dior Sauvage Eau de Toilette, 60 ml – réf. F066524009. Une fraîcheur radicale, des notes de bergamote de Calabre. »

Garde les références et les volumes tels quels.
""")

add("es", r"""
¿Puedes revisar esta consulta? Tarda casi 40 segundos en producción y solo queremos el total de pedidos por ciudad del último trimestre.

SELECT c.ciudad, COUNT(p.id_pedido) AS pedidos, SUM(p.importe_eur) AS total
FROM pedidos p
JOIN clientes c ON c.id_cliente = p.id_cliente
WHERE p.fecha_pedido BETWEEN '2024-01-01' AND '2024-03-31'
  AND c.ciudad IN ('San Sebastián', 'Santiago de Compostela', 'San Fernando', 'Santa Cruz de Tenerife')
  AND UPPER(p.estado) <> 'CANCELADO'
GROUP BY c.ciudad
ORDER BY total DESC;

La tabla pedidos tiene unos 48 millones de filas y solo hay un índice sobre (id_cliente).
""")

add("en", r"""
Rewrite our password policy so it sounds less aggressive but keeps every rule:

- Minimum 12 characters, at least one uppercase letter, one digit and one symbol (!@#$%^&*)
- No reuse of your last 10 passwords
- Passwords expire every 90 days; the account locks for 15 minutes after 5 failed attempts
- Never share your password, not even with the IT Service Desk
- Use the "Forgot password?" link on the sign-in page to reset it yourself

Audience: all staff, including the warehouse shifts in Port Elizabeth and São Paulo.
""")

add("en", r"""
What's the practical difference between Kafka Streams and Apache Flink for exactly-once processing? One paragraph, no bullet points.
""")

add("de", r"""
Mach aus diesen Stichpunkten ein sauberes Jira-Ticket (Titel, Beschreibung, Akzeptanzkriterien):

- Jenkins-Pipeline bricht bei Stage "Deploy-Staging" ab
- Fehler: Error: UPGRADE FAILED: another operation (install/upgrade/rollback) is in progress
- betrifft Helm-Release checkout-api im Namespace shop-stg
- seit Build #2291, davor alles grün
- Zuständig: Team Plattform, Priorität: Hoch
""")

add("en", r"""
Here's our Q1 department-store sales extract. Which brand has the highest revenue per unit, and what share of total revenue comes from Beauty?

brand,category,region,units,revenue_eur
Hugo Boss,Menswear,DACH,1240,186000.00
Tommy Hilfiger,Menswear,Benelux,980,97020.50
Chanel,Beauty,France,2210,287300.00
Dior,Beauty,France,1875,243750.00
Hermès,Accessories,France,312,405600.00
Ralph Lauren,Womenswear,UK,660,72600.00
Ben & Jerry's,Food Hall,UK,15400,61600.00
""")

add("fr", r"""
Peux-tu rendre ce message plus chaleureux sans l'allonger ?

« Bonjour à tous,
Les bureaux de la rue de Rivoli seront fermés le lundi 20 mai (lundi de Pentecôte) et le vendredi 1er novembre (Toussaint). La hotline reste joignable via le portail, ticket catégorie « Accès & badges ».
Merci,
La Direction des Services Généraux »
""")

add("es", r"""
Redacta un aviso breve para la intranet: la oficina de Alicante cerrará el lunes 24 de junio por el Día de San Juan y el domingo 23 el almacén trabajará de 8:00 a 14:00. Firma como "Recursos Humanos". Máximo 60 palabras.
""")

add("en", r"""
Why doesn't this validation accept plain 5-digit ZIP codes like 10001, while ZIP+4 values like 98052-6399 pass?

const zipRe = /^\d{5}(-\d{4})$/;
console.log(zipRe.test("98052-6399")); // true
console.log(zipRe.test("10001"));      // false ??
""")

add("en", r"""
Classify the intent of each user turn and tell me whether the bot handled the conversation well.

User: hi, my order hasn't arrived, tracking says "label created" since Monday
Bot: Sorry to hear that! Could you share your order number? It starts with ORD- followed by 10 digits.
User: ORD-2024118830
Bot: Thanks. Order ORD-2024118830 was handed to the carrier on 11 March at 16:42, tracking ID 1Z999AA10123456784. The status hasn't changed since then.
User: so where is it??
Bot: I've opened case CS-558102 with the carrier. You'll get an update within 48 hours.
User: ok thanks
Bot: You're welcome! Anything else I can help with?
""")

add("de", r"""
Fasse diesen Absatz aus unserer Pressemitteilung in drei Sätzen zusammen:

"Die Stiftung fördert im Jahr 2024 insgesamt 14 Forschungsprojekte zu Morbus Parkinson und Alzheimer-Demenz mit einem Volumen von 3,2 Mio. €. Schwerpunkte sind Biomarker im Blutserum, digitale Gangschrittanalyse und die Früherkennung per Sprachmuster. Die Ausschreibung für 2025 startet am 1. Oktober, Einreichungsschluss ist der 15. Januar 2025 um 12:00 Uhr MEZ."
""")

add("fr", r"""
J'ai cette erreur dans une vue Django 4.2, tu vois le problème ?

Traceback (most recent call last):
  File "/srv/app/catalogue/views.py", line 58, in detail_produit
    produit = Produit.objects.get(sku=sku)
catalogue.models.Produit.DoesNotExist: Produit matching query does not exist.

Le SKU demandé était « HRM-SAC-0042-NR ». Je voudrais renvoyer une 404 propre au lieu d'une 500.
""")

add("es", r"""
Ayúdame a contestar a este proveedor. Quiero decirle que aceptamos la subida pero solo a partir del 1 de julio.

"Estimados señores:
Les informamos de que a partir del 01/06/2024 el precio de la referencia EAN 8412345678905 (caja de 12 uds.) pasa de 18,40 € a 19,95 € (+8,4 %), IVA del 21 % no incluido. Pedido abierto afectado: PED-24-00871.
Atentamente,
Departamento Comercial"
""")

add("en", r"""
Our Terraform plan keeps showing a diff on this block even when nothing changed. Any idea why?

resource "aws_db_instance" "reporting" {
  identifier        = "reporting-pg15"
  engine            = "postgres"
  engine_version    = "15.5"
  instance_class    = "db.r6g.large"
  username          = var.db_username
  password          = var.db_password   # injected via TF_VAR_db_password in CI
  allocated_storage = 200
  port              = 5432
  tags = {
    owner_team  = "data-platform"
    cost_center = "CC-4410"
  }
}
""")

add("en", r"""
Translate into German, French and Spanish: "Please reset your password using the link on the sign-in page. The link expires after 30 minutes."
""")

add("en", r"""
Explain this exception like I'm new to Spring Boot, then suggest a fix.

com.fasterxml.jackson.databind.exc.InvalidFormatException: Cannot deserialize value of type `java.time.LocalDate` from String "31/04/2024"
 at [Source: (PushbackInputStream); line: 3, column: 19] (through reference chain: com.acme.billing.InvoiceRequest["dueDate"])
	at com.fasterxml.jackson.databind.exc.InvalidFormatException.from(InvalidFormatException.java:67)
	at com.fasterxml.jackson.databind.DeserializationContext.weirdStringException(DeserializationContext.java:1991)
	at org.springframework.http.converter.json.AbstractJackson2HttpMessageConverter.readJavaType(AbstractJackson2HttpMessageConverter.java:395)

Request body:
{
  "invoiceNumber": "INV-2024-004417",
  "dueDate": "31/04/2024",
  "amount": 1299.00,
  "currency": "EUR"
}
""")

add("fr", r"""
Mets en forme ces notes en compte rendu (décisions / actions / prochaine échéance) :

comité projet migration ERP – jeudi 14/03, 10h-11h30
- bascule prévue le week-end du 6-7 avril, gel des changements à partir du 25/03
- équipe Finance : valider les soldes d'ouverture (écart de 1 284,17 € sur le compte 401000)
- équipe Infra : snapshot des VM SAP avant 18h le vendredi
- équipe Achats : relancer Bosch et Schneider Electric pour les factures en attente
- le point sur les flux EDI avec Carrefour est reporté à la semaine prochaine
""")

add("de", r"""
Erkläre für unsere interne Wiki-Seite (Zielgruppe: Werkstudierende in der Messtechnik) den Unterschied zwischen einem Gauß-Filter und einem Median-Filter. Ergänze kurz, warum man vor einer Fourier-Transformation oft ein Hann-Fenster anwendet und was der Nyquist-Shannon-Satz für unsere Abtastrate von 48 kHz bedeutet.
""")

add("es", r"""
Resume en tres viñetas este parte de incidencias para dirección:

Semana 2 (11-17 enero). Por la borrasca Filomena el centro logístico de Getafe estuvo cerrado 72 h. Se reprogramaron 1.846 expediciones; 312 con retraso superior a 5 días. Coste extra de transporte estimado: 27.430 €. Los camiones de la ruta A-4 quedaron retenidos a la altura del km 48. Reapertura parcial el 13/01 a las 06:00 y total el 15/01.
""")

add("en", r"""
Can you review this Deployment manifest and tell me what's missing for production?

apiVersion: apps/v1
kind: Deployment
metadata:
  name: grafana-proxy
  namespace: observability
spec:
  replicas: 1
  selector:
    matchLabels: {app.kubernetes.io/name: grafana-proxy}
  template:
    metadata:
      labels: {app.kubernetes.io/name: grafana-proxy, owner_team: sre}
    spec:
      containers:
        - name: proxy
          image: nginx:1.25.3
          ports: [{containerPort: 8080}]
          env:
            - name: GF_SECURITY_ADMIN_PASSWORD
              valueFrom:
                secretKeyRef: {name: grafana-admin, key: password}
""")

add("en", r"""
Write three subject lines (max 45 characters each) for our St. Patrick's Day newsletter. This year the promo features Guinness, Jameson and Baileys: 15% off from 14 to 17 March, no voucher code needed.
""")

# ----- batch 2 -------------------------------------------------------------

add("en", r"""
We're still on Ubuntu 20.04.6 LTS (kernel 5.4.0-173-generic) on the build farm. Standard support ended in April 2025. Should we move to Ubuntu 22.04 "Jammy Jellyfish", 24.04 "Noble Numbat", or Debian 12 "Bookworm"? Our main constraints: Jenkins agents need OpenJDK 17, Ansible 2.15 for provisioning, and the GPU boxes use NVIDIA driver 535.
""")

add("en", r"""
Draft a short, polite email to Dell ProSupport asking them to extend the warranty on the following Latitude 5440 laptops. Mention that all were bought on PO 4500219931 on 2023-09-18.

Service tag | Model         | Ship date  | Warranty end
7XK2M93     | Latitude 5440 | 2023-09-21 | 2024-09-20
3FJ9Q12     | Latitude 5440 | 2023-09-21 | 2024-09-20
B8TR4L7     | Latitude 5440 | 2023-09-22 | 2024-09-21

Sign it "IT Asset Management".
""")

add("de", r"""
Ich habe in Excel eine Spalte "Kundennummer" im Format K-000000 (z. B. K-004711) und eine Spalte "Artikelnummer" wie 400-2231-07. Ich brauche eine Formel, die beide zu einem Schlüssel "K004711_400223107" zusammenfügt, also ohne Bindestriche. Am besten für Excel 365 mit deutscher Funktionssprache.
""")

add("fr", r"""
Rédige une entrée de FAQ pour l'intranet : « J'ai oublié mon mot de passe, que faire ? »
Points à couvrir :
- utiliser le lien « Mot de passe oublié » sur la page de connexion
- le lien de réinitialisation est valable 30 minutes
- le nouveau mot de passe doit faire au moins 12 caractères, avec une majuscule, un chiffre et un caractère spécial
- ne jamais communiquer son mot de passe par téléphone, même au support
- en cas de blocage, ouvrir un ticket catégorie « Identité / SSO »
""")

add("es", r"""
Traduce al inglés esta oferta de empleo, manteniendo el tono cercano:

"Buscamos Jefe/a de Proyecto SAP S/4HANA para nuestra sede de Valencia. Reportarás a la Dirección de Sistemas y coordinarás un equipo de 6 consultores. Requisitos: 5 años de experiencia en módulos FI/CO, inglés B2, disponibilidad para viajar a São Paulo dos semanas al trimestre. Ofrecemos contrato indefinido, 23 días laborables de vacaciones y horario flexible de 7:30 a 9:30."
""")

add("en", r"""
Proofread this paragraph from a patient information leaflet (UK English, reading age around 12):

"This medicine is used to treat moderate to severe Crohn's disease and ulcerative colitis in adults. It is given as an infusion into a vein over 30 minutes, at week 0, week 2 and week 6, and then every 8 weeks. Do not use it if you have ever had Hodgkin lymphoma or any other lymphoma, and tell your doctor if you have had tuberculosis."
""")

add("en", r"""
Turn these commit messages into Conventional Commits format and group them for a changelog:

a3f9c1e fixed the flaky kafka test again
7b20d44 bump django from 4.2.10 to 4.2.11 (CVE-2024-27351)
e91c0aa add grafana dashboard for checkout latency
0d4f8b2 removed hardcoded DB_PASSWORD from docker-compose, now read from env
5c6e7a9 WIP
c82b113 jenkinsfile: parallelise unit + integration stages
""")

add("de", r"""
Hilf mir bitte, eine Schadensmeldung an unsere Gebäudeversicherung zu formulieren. Fakten: Durch das Sturmtief Sabine am 10.02.2020 wurde am Lager in Kassel das Dach der Halle 3 auf ca. 40 m² beschädigt. Eindringendes Wasser hat 18 Paletten (Artikel 7710-0043, Karton à 24 Stück) unbrauchbar gemacht. Warenwert laut Inventur: 9.842,16 € netto. Versicherungsschein-Nr. GV-88-1204577, Schadentag: Montag. Ton: sachlich.
""")

add("fr", r"""
Fais un résumé d'une page de ce rapport interne pour le comité de direction :

La tempête Ciarán (nuit du 1er au 2 novembre 2023) a provoqué des coupures d'électricité sur nos sites de Brest et de Saint-Brieuc pendant 26 h et 41 h. 3 200 colis ont été détournés vers la plateforme de Rennes. Les groupes électrogènes ont couvert 80 % des besoins ; la chambre froide n°2 a atteint +9 °C pendant 4 h, entraînant la destruction de 1,7 t de produits frais. Coût total estimé : 212 000 € HT, dont 64 000 € pris en charge par l'assurance.
""")

add("es", r"""
Tengo este JSON de ventas por tienda. ¿Me haces un resumen por país y señalas la tienda con peor margen?

[
  {"tienda": "MX-017", "ciudad": "Ciudad Victoria", "pais": "MX", "ventas": 182340.50, "margen_pct": 21.4},
  {"tienda": "MX-022", "ciudad": "San Luis Potosí", "pais": "MX", "ventas": 240110.00, "margen_pct": 18.9},
  {"tienda": "CR-003", "ciudad": "San José", "pais": "CR", "ventas": 98760.25, "margen_pct": 24.1},
  {"tienda": "BO-001", "ciudad": "Santa Cruz de la Sierra", "pais": "BO", "ventas": 67320.00, "margen_pct": 12.7},
  {"tienda": "VE-009", "ciudad": "Ciudad Bolívar", "pais": "VE", "ventas": 45120.80, "margen_pct": 9.3}
]
""")

add("en", r"""
This Flask app works locally but on the server it crashes at startup. What's wrong?

import os
from flask import Flask

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["FLASK_SECRET_KEY"]
app.config["SQLALCHEMY_DATABASE_URI"] = os.getenv("DATABASE_URL", "")

@app.route("/health")
def health():
    return {"status": "ok", "version": "2.8.1"}, 200

Error on the server: KeyError: 'FLASK_SECRET_KEY'
""")

add("en", r"""
We're building a meeting-room booking skill. Compare what it would take to support Alexa, Siri (via App Intents / Shortcuts) and Cortana. I've heard Cortana was retired in Windows 11 - is it still worth targeting? A short table would be great.
""")

add("en", r"""
AP style question: is it "Alzheimer's disease" or "Alzheimer disease"? And same for "Parkinson's" vs "Parkinson disease"?
""")

add("en", r"""
Please turn this into a clean Markdown table sorted by status, and flag anything overdue as of today (Friday 12 April 2024):

service: checkout-api | owner_team: payments | status: green | next review: 2024-05-02
service: search-indexer | owner_team: discovery | status: amber | next review: 2024-04-05
service: confluence-sync | owner_team: internal-tools | status: red | next review: 2024-03-28
service: kibana-gateway | owner_team: sre | status: green | next review: 2024-06-14
""")

add("de", r"""
Für ein Bewerbungsformular exportieren wir eine leere CSV-Vorlage mit dieser Kopfzeile:

Vorname;Nachname;E-Mail;Telefon;Straße;PLZ;Ort;Eintrittsdatum

Schreib mir bitte eine kurze Python-Funktion, die prüft, ob eine hochgeladene Datei genau diese Spalten in genau dieser Reihenfolge hat und das Trennzeichen ";" verwendet. Die Datei selbst hat noch keine Datenzeilen.
""")

add("fr", r"""
Je prépare une formation « biais et lois empiriques en gestion de projet ». Peux-tu m'expliquer en 2-3 lignes chacune, avec un exemple tiré du quotidien d'une DSI : la loi de Parkinson, la loi de Pareto, l'effet Dunning-Kruger, la loi de Brooks et la loi de Conway ?
""")

add("es", r"""
En Kibana quiero ver solo los errores 5xx del servicio de pagos de las últimas 24 h, excluyendo el health check. ¿Cómo sería la consulta KQL? Los campos son service.name, http.response.status_code y url.path (el health check es /healthz).
""")

add("en", r"""
Our engineering library wants to order these titles. Can you check that the ISBN-13s are well-formed and tell me which one looks wrong?

- "Designing Data-Intensive Applications" - 978-1-4493-7332-0
- "Site Reliability Engineering" - 978-1-4919-2912-4
- "The Pragmatic Programmer", 20th anniversary ed. - 978-0-13-595705-9
- "Kafka: The Definitive Guide", 2nd ed. - 978-1-4920-4308-6
""")

add("en", r"""
How do I verify that the image we pulled is the one that was scanned? The scan report says:

image: registry.internal/payments/checkout-api:2.8.1
digest: sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08
scanner: trivy 0.50.1, 0 CRITICAL, 3 HIGH (CVE-2023-44487, CVE-2023-39325, CVE-2024-24786)
""")

add("en", r"""
In our proxy logs I see this header on some requests and nobody knows where it comes from:

X-Debug-Echo: aGVsbG8gd29ybGQ=

The Authorization header is masked as "Bearer ********" in the same log line. Is X-Debug-Echo something to worry about? What does it decode to?
""")

add("de", r"""
Erstelle aus diesen Angaben einen übersichtlichen Schichtplan als Tabelle (Zeilen = Wochentage, Spalten = Schicht):

KW 19 (6.-12. Mai): Frühschicht 6:00-14:00 Team Nord, Spätschicht 14:00-22:00 Team Süd, Nachtschicht 22:00-6:00 Team Mitte.
Ausnahmen: Donnerstag ist Christi Himmelfahrt (Feiertag), da nur Frühschicht mit Team Mitte. Samstag und Sonntag nur Notbetrieb durch die Leitwarte.
""")

add("fr", r"""
Dans notre base, la colonne « nom » de la table articles contient le nom commercial du produit (ex. « Lampe Boulanger LED 9W », « Cafetière Moulinex Subito »). Je veux une requête SQL qui renvoie les 20 noms les plus vendus en mars, avec le chiffre d'affaires TTC (TVA à 20 %). Tables : articles(id, nom, prix_ht), ventes(article_id, quantite, date_vente).
""")

add("es", r"""
Necesito una expresión regular para validar códigos postales españoles (5 dígitos, del 01000 al 52999). ¿Me la explicas paso a paso? Ejemplos válidos: 28013, 08001, 46001. Inválidos: 53000, 00123, 2801.
""")

add("en", r"""
Summarise this maintenance finding for a non-technical audience (2-3 sentences):

"Boeing 737-800, MSN 35280. During the C-check, corrosion was found on the aft pressure bulkhead, P/N 149A3301-17. Damage within SRM 53-10-01 limits; blend-out performed, corrosion inhibitor applied. Next inspection at 3,000 FH or 18 months, whichever comes first. Aircraft released to service 2024-02-27 23:40 UTC."
""")

add("en", r"""
Update our travel policy paragraph to reflect that, from 1 June, flights to New York must land at Kennedy Airport (JFK) or Newark rather than LaGuardia, and Paris trips should use Charles de Gaulle instead of Orly unless the meeting is south of the city. Keep the tone neutral and the paragraph under 80 words.
""")

# ----- batch 3 -------------------------------------------------------------

add("en", r"""
Our DLP tool keeps blocking warehouse reports because it thinks our internal 16-digit pallet IDs are credit card numbers. Examples from yesterday's export:

pallet_id         | site | sku         | qty
4012 8800 1234 5670 | DUS  | 77100-043   | 48
5500 1234 0056 7811 | RTM  | 77100-118   | 36
3401 7700 0091 8243 | DUS  | 88210-007   | 120

None of these pass the Luhn check as far as I know. Help me write a short justification for the security team asking for an exception rule scoped to the column pallet_id.
""")

add("en", r"""
Condense these broker notes into a 4-line morning brief for the treasury team:

- Goldman Sachs raised its 12-month target on the sector ETF to $212 from $198, citing margin recovery in H2.
- Morgan Stanley stays at Equal-weight; sees EUR/USD at 1.06 by Q4.
- Wells Fargo Investment Institute cut its 10-year Treasury yield forecast to 4.00-4.50%.
- Ernst & Young's latest IPO barometer: Q1 volumes up 7% YoY, proceeds down 3%.
""")

add("en", r"""
Build me a comparison table from these figures (FY2023, USD bn) and add a column for net margin:

Company            Revenue  Net income  HQ
Procter & Gamble   82.0     14.7        Cincinnati
Johnson & Johnson  85.2     35.2        New Brunswick
Colgate-Palmolive  19.5     2.3         New York
Kimberly-Clark     20.4     1.8         Irving

Note: J&J's net income includes a one-off gain from the Kenvue separation, please footnote that.
""")

add("en", r"""
I'm fitting a Gaussian to sensor noise and then doing a simple Bayesian update. Is this right?

import numpy as np
from scipy.stats import norm

readings = np.array([20.12, 19.98, 20.05, 20.31, 19.87, 20.02])  # degrees Celsius
mu, sigma = norm.fit(readings)
prior_mu, prior_sigma = 20.0, 0.5
post_var = 1 / (1/prior_sigma**2 + len(readings)/sigma**2)
post_mu = post_var * (prior_mu/prior_sigma**2 + readings.sum()/sigma**2)
print(round(post_mu, 3), round(post_var**0.5, 3))
""")

add("en", r"""
For our public API docs, explain when a client gets HTTP 429 vs 503, and what Retry-After means in each case. Our limits: 600 requests/minute per API key, burst of 50. Keep it to two short paragraphs.
""")

add("en", r"""
Windows Update fails on about 40 laptops with error 0x80070005. They're all on Windows 10 22H2, build 10.0.19045.3803, and the agent version in Intune shows 1.2.3.4 for some reason. The failing update is KB5034441. What should I check first?
""")

add("en", r"""
I'm writing a business continuity training module. Give me a one-page case study on how Hurricane Katrina (August 2005) disrupted supply chains along the Gulf Coast, especially the port of New Orleans and the oil refineries. End with five discussion questions for a workshop.
""")

add("en", r"""
Review this PowerShell script; it's supposed to clean up old log files on our file servers.

$LogRoot = "D:\Logs\Confluence"
$Days = 30
Get-ChildItem -Path $LogRoot -Recurse -Filter *.log |
    Where-Object { $_.LastWriteTime -lt (Get-Date).AddDays(-$Days) } |
    Remove-Item -Force -WhatIf
Write-Host "Cleanup finished at $(Get-Date -Format 'yyyy-MM-dd HH:mm:ss')"
""")

add("en", r"""
Improve this e-mail template for our renewal campaign. Keep the merge fields exactly as they are.

Subject: Your {{product_name}} subscription renews on {{renewal_date}}

Hi {{first_name}},

Your plan ({{plan_tier}}) will renew automatically for {{amount}} {{currency}}. If you'd like to change seats or billing frequency, visit {{account_url}} before {{cutoff_date}}.

Thanks,
The Customer Success team
""")

add("en", r"""
What do these OIDs mean in our TLS certificate, and is anything unusual?

Subject: CN=checkout.shop.internal, OU=Payments Platform, O=Example Retail Ltd, L=Victoria, C=CA
X509v3 Extended Key Usage: 1.3.6.1.5.5.7.3.1, 1.3.6.1.5.5.7.3.2
Certificate Policies: 2.23.140.1.2.2
Attribute type: 2.5.4.3
Serial Number: 4f:1a:93:00:00:00:00:2b:6c:d7
Not After : Nov 30 23:59:59 2025 GMT
""")

add("en", r"""
Reply to this customer complaint. Apologise, confirm the refund and don't promise anything about delivery times.

"Dear Sir or Madam, I ordered a Dyson V15 (order 112-4471930-2281) on 3 February. It arrived with a cracked dust bin. I returned it on 10 February, return label RMA-77812, and I still have not received the refund of £599.99. This is unacceptable."

Refund was issued today; it takes 3-5 working days to appear.
""")

add("de", r"""
Aktualisiere bitte unsere Dienstwagenrichtlinie. Neue Obergrenzen ab 01.07.2024 (Bruttolistenpreis):

Stufe | Funktion                 | Grenze     | Beispiele
A     | Außendienst              | 45.000 €   | VW ID.4, Škoda Enyaq
B     | Bereichsleitung          | 65.000 €   | Mercedes-Benz EQE, BMW i4
C     | Geschäftsführung         | 95.000 €   | Porsche Taycan, Audi e-tron GT

Hinweis: Ferrari und Maserati sind grundsätzlich ausgeschlossen. Verbrenner nur noch mit Ausnahmegenehmigung. Bitte als Fließtext mit Tabelle ausgeben.
""")

add("de", r"""
Kannst du diese Preisübersicht auswerten? Welcher Händler ist im Schnitt günstiger, und wo ist der größte Unterschied?

Artikel;Lidl;Aldi Süd;Kaufland
Milch 1 l;0,99;0,99;1,05
Butter 250 g;1,99;2,09;2,19
Kaffee 500 g;5,49;5,29;5,99
Haribo Goldbären 175 g;0,99;0,95;1,11
Dr. Oetker Ristorante;1,89;1,99;2,29
""")

add("de", r"""
Schreib einen kurzen Aufruf für unser Intranet: Die Betriebs-Kita feiert am Montag, den 11. November, Martinstag mit Laternenumzug ab 17:00 Uhr auf dem Firmengelände. Eltern aus allen Abteilungen sind willkommen, Glühwein und Weckmänner gibt's am Empfang. Treffpunkt: Tor 2. Gruß vom Orga-Team.
""")

add("de", r"""
Wandle für unser Datenblatt die folgenden Werte in die jeweils andere Einheit um und runde sinnvoll:

- Betriebstemperatur: -20 °C bis +60 °C (in Kelvin)
- Nenndruck: 16 bar (in Pascal bzw. MPa)
- Anzugsdrehmoment: 25 Nm (in lbf·ft)
- Leistungsaufnahme: 1,1 kW bei 400 V (Strom in Ampere, cos φ = 0,85, Drehstrom)
""")

add("fr", r"""
Résume pour la newsletter interne, en 5 lignes maximum, les résultats annuels du secteur luxe :

LVMH : chiffre d'affaires 2023 de 86,2 Md€ (+9 % en organique), la division Mode & Maroquinerie, portée par Louis Vuitton et Dior, représente 42,2 Md€.
Hermès : 13,4 Md€ (+21 % à taux constants), marge opérationnelle 42,1 %.
Kering : 19,6 Md€ (-2 % en publié), recul de Gucci de 6 %.
""")

add("fr", r"""
Propose trois accroches pour notre campagne Saint-Valentin (14 février) sur l'appli. Produits mis en avant : coffret Lindt Excellence, bougie Diptyque, bouquet « Roses rouges x12 ». Remise de 10 % du 7 au 14 février. Ton léger, pas mièvre, 90 caractères max par accroche.
""")

add("fr", r"""
Ce code JavaScript doit formater un montant en euros, mais j'obtiens « 1 234,5 € » au lieu de « 1 234,50 € ». Tu peux corriger ?

function formatEUR(v) {
  return new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', maximumFractionDigits: 1 }).format(v);
}
console.log(formatEUR(1234.5));
""")

add("fr", r"""
Traduis cette clause en anglais juridique en gardant les champs entre crochets :

« Le Prestataire s'engage à restituer à [RAISON SOCIALE DU CLIENT] l'ensemble des données dans un délai de trente (30) jours à compter de la date de fin du contrat, soit au plus tard le [JJ/MM/AAAA], au format CSV ou JSON, puis à procéder à leur destruction certifiée. »
""")

add("fr", r"""
Nos numéros de suivi Colissimo sont au format 6A + 11 chiffres (ex. 6A20198376514) et ceux de Chronopost au format XY123456789FR. Écris-moi une fonction Python qui dit de quel transporteur vient un numéro, et qui renvoie None si le format est inconnu.
""")

add("es", r"""
Redacta un correo para todo el personal: a partir del lunes 3 de junio la oficina de Caracas se traslada de la Avenida Simón Bolívar a la Torre Norte del Centro Empresarial, piso 12. El horario no cambia (8:00-17:00). Las tarjetas de acceso actuales dejan de funcionar el viernes 31 de mayo a las 18:00; las nuevas se recogen en Recepción. Firma: Servicios Generales.
""")

add("es", r"""
Analiza esta tabla de cuota de mercado de comida rápida en México (2023) y escríbeme tres conclusiones:

cadena;restaurantes;cuota_pct;crecimiento_pct
McDonald's;410;18,2;3,1
Burger King;395;15,6;4,8
Domino's;850;14,9;6,2
Little Caesars;1020;13,7;2,0
KFC;380;9,8;1,4
Carl's Jr.;310;7,1;-0,5
""")

add("es", r"""
Hola, necesito ayuda para explicarle a mi equipo cómo enlazar una página de Confluence con un épico de Jira. El épico es PAGOS-1284 y la página se llama "Arquitectura de conciliación v3". Usamos Jira Cloud y Confluence Cloud. Dame los pasos numerados.
""")

add("es", r"""
¿Ves algo raro en este fichero .env de ejemplo que vamos a subir al repositorio?

APP_ENV=production
APP_DEBUG=false
DB_HOST=
DB_PORT=5432
DB_USER=
DB_PASSWORD=
STRIPE_SECRET_KEY=<YOUR_STRIPE_SECRET_KEY>
JWT_SECRET=changeme
SENTRY_DSN=
""")

# ----- batch 4 -------------------------------------------------------------

add("en", r"""
This Ansible task fails with "Attempting to decrypt but no vault secrets found". How do I fix it without committing the vault password?

- name: Configure Grafana datasource
  hosts: monitoring
  vars_files:
    - group_vars/monitoring/vault.yml   # contains vault_grafana_admin_password
  tasks:
    - name: Template datasource
      ansible.builtin.template:
        src: datasource.yml.j2
        dest: /etc/grafana/provisioning/datasources/prometheus.yml
        mode: "0640"

I run it with: ansible-playbook site.yml -l monitoring --check
""")

add("en", r"""
Our service catalogue export looks like this. Normalise it so "Owner" always contains a team and "Contact" always contains a Slack channel or queue, and list rows that break the rule.

| Name             | Owner            | Contact              | Tier |
|------------------|------------------|----------------------|------|
| Checkout API     | Payments         | #payments-oncall     | 1    |
| Search Indexer   | Discovery        | JIRA: DISC queue     | 2    |
| Jenkins          | Developer Experience | #devex-help      | 2    |
| Confluence       | Internal Tools   | ServiceNow: IT-APPS  | 3    |
| Watson NLU proxy | TBD              | TBD                  | 3    |
""")

add("en", r"""
Turn these messy notes from today's engineering sync into a tidy summary with owners (teams only) and due dates:

- checkout p95 still ~2.3s, payments team to profile the tax service by Wed 17 Apr
- Postgres 15.5 -> 15.6 upgrade window Sat 20 Apr 02:00-04:00 CEST, SRE owns
- security found 2 hosts still on OpenSSL 1.1.1w, platform team to patch by end of sprint 24.08
- data team: Airflow 2.9 migration blocked by the Hadoop connector, revisit next week
- nobody owns the old Cortana integration anymore -> propose deprecation
""")

add("en", r"""
Write the text for an A4 first-aid poster for our canteen: how to recognise choking and perform the Heimlich manoeuvre (abdominal thrusts) on an adult. Max 8 numbered steps, plain language, and a line at the bottom: "First aiders are listed on the notice board next to Lift B."
""")

add("en", r"""
Code review please: is there a problem with how this Go function generates request IDs?

func newRequestID() string {
	return uuid.NewString() // e.g. "3f2b8c1e-9a47-4d2e-b8f1-6c0e5a7d9b42"
}

func handler(w http.ResponseWriter, r *http.Request) {
	id := r.Header.Get("X-Request-ID")
	if id == "" {
		id = newRequestID()
	}
	w.Header().Set("X-Request-ID", id)
	log.Printf("req=%s path=%s status=%d dur=%s", id, r.URL.Path, 200, "12ms")
}
""")

add("en", r"""
Explain what happened in these application logs and whether the retry logic behaved correctly:

[2024-04-09 14:02:11,204] INFO  req=7c1d0e4a order=SO-2024-88120 reserving stock sku=DL-5440-I7-16
[2024-04-09 14:02:11,981] WARN  req=7c1d0e4a inventory-svc responded 503, attempt 1/3, backoff 200ms
[2024-04-09 14:02:12,190] WARN  req=7c1d0e4a inventory-svc responded 503, attempt 2/3, backoff 400ms
[2024-04-09 14:02:12,596] ERROR req=7c1d0e4a inventory-svc responded 503, attempt 3/3, giving up
[2024-04-09 14:02:12,598] INFO  req=7c1d0e4a order=SO-2024-88120 status=PENDING_STOCK
""")

add("en", r"""
We're opening a sales office in Washington and I'm confused: does "Washington" in our tax memo mean Washington State or Washington, D.C.? The memo mentions a 6.5% state sales tax and a Seattle office, so I think it's the state. Can you list the questions I should ask our tax advisers before we sign the lease?
""")

add("en", r"""
Why does this Rust code not compile, and what's the idiomatic fix?

#[derive(Debug)]
struct Sku { code: String, price_cents: u64 }

fn cheapest(items: &Vec<Sku>) -> &Sku {
    items.iter().min_by_key(|s| s.price_cents)
}

fn main() {
    let v = vec![Sku { code: "HB-0042".into(), price_cents: 1999 }];
    println!("{:?}", cheapest(&v));
}
""")

add("en", r"""
Quick one: what's the German word for "Heimlich maneuver", and what do French and Spanish first-aid courses call it?
""")

add("en", r"""
Give me a 200-word explainer for our logistics newsletter on what the Ever Given grounding in the Suez Canal (23-29 March 2021) taught shipping companies like Maersk, Hapag-Lloyd and CMA CGM about route risk. Neutral tone, no speculation.
""")

add("de", r"""
Formuliere diese Grafana-Alarmregel als verständliche Beschreibung für das Runbook:

Regel: "Checkout Fehlerquote"
Abfrage: sum(rate(http_requests_total{service="checkout-api",code=~"5.."}[5m])) / sum(rate(http_requests_total{service="checkout-api"}[5m]))
Bedingung: > 0.02 für 10m
Labels: severity=critical, owner_team=payments
Benachrichtigung: Kanal #alarm-zahlungen, Eskalation nach 15 Minuten an Rufbereitschaft Plattform
""")

add("de", r"""
Wir haben eine Reklamation für zwei Geräte aus dem Kundencenter. Schreib mir eine Mail an den Hersteller-Service:

Gerät 1: Miele Waschmaschine WWD 320, Seriennummer 000/123456789, Fehlercode F55, gekauft am 14.08.2023
Gerät 2: Bosch Geschirrspüler SMS4HTI45E, FD-Nummer 9911 00321, Fehler E24, gekauft am 02.11.2023

Beide Geräte stehen in der Teeküche im 3. OG. Wir bitten um Terminvorschläge für einen Techniker, vormittags.
""")

add("de", r"""
Plane mir eine Anreise für unser Teamevent: Start Hamburg Hbf, Ziel Berlin Alexanderplatz, Ankunft spätestens 10:30 Uhr am Donnerstag. Alternativ fliegt das Team aus München nach BER „Willy Brandt“ – welche Verbindung ab Flughafen ist am schnellsten zum Alexanderplatz? Bitte mit ungefähren Fahrzeiten.
""")

add("de", r"""
Ich verstehe diesen Git-Konflikt nicht. Was bedeutet das und welche Version sollte ich behalten?

<<<<<<< HEAD
KAFKA_BOOTSTRAP_SERVERS=${KAFKA_BOOTSTRAP_SERVERS:-kafka-0.kafka-headless:9092}
=======
KAFKA_BOOTSTRAP_SERVERS=kafka.prod.svc.cluster.local:9093
>>>>>>> feature/tls-kafka

Der Feature-Branch stellt auf TLS (Port 9093) um.
""")

add("de", r"""
Kurze Frage: Heißt es "die Jira" oder "das Jira"? Und sagt man "im Confluence" oder "in Confluence"?
""")

add("fr", r"""
Explique simplement, pour un nouvel arrivant dans l'équipe data, ce qu'est la transformée de Fourier rapide (FFT) et pourquoi on l'utilise sur nos capteurs de vibration (fréquence d'échantillonnage 25,6 kHz, fenêtres de 4 096 points). Donne un exemple en Python avec numpy.
""")

add("fr", r"""
Voici les ventes de la semaine 15 par enseigne partenaire. Fais un graphique en barres (description textuelle suffit) et commente en 3 phrases.

enseigne        ventes_ttc   evolution
Leroy Merlin    48 210 €     +6 %
Boulanger       31 870 €     -2 %
Darty           29 440 €     +1 %
Fnac            12 305 €     +14 %
Castorama       22 960 €     -5 %
""")

add("fr", r"""
Analyse cette conversation du chatbot SAV et propose une meilleure réponse au 3e message :

Client : bonjour, mon aspirateur Rowenta ne charge plus
Agent virtuel : Bonjour ! Pouvez-vous me donner la référence du produit (ex. RH9890WO) ?
Client : RH6933WO, acheté en décembre
Agent virtuel : Je n'ai pas compris votre demande.
Client : ...
""")

add("fr", r"""
Remplace tous les secrets par des variables d'environnement dans ce docker-compose, avec des valeurs par défaut vides :

services:
  db:
    image: postgres:16.2
    environment:
      POSTGRES_USER: app
      POSTGRES_PASSWORD: "********"
  kibana:
    image: docker.elastic.co/kibana/kibana:8.13.0
    environment:
      ELASTICSEARCH_PASSWORD: "REDACTED"
""")

add("fr", r"""
Corrige l'orthographe et la grammaire de ce courrier :

« Madame, Monsieur,
Suite à votre commande n° CMD-2024-03-1187 du 12 mars, nous vous informons que les articles réf. 3017620422003 (Nutella 400 g) et 3045140105502 (Milka Oreo 100 g) sont actuellement en ruptures de stock. Nous vous proposons un avoir de 14,68 € ou un remplacement par des produits équivalent.
Cordialement,
Le Service Relation Client »
""")

add("es", r"""
Hola a todos: necesito un texto breve para el canal de la oficina de Barcelona. El 23 de abril celebramos Sant Jordi: habrá un puesto de libros y rosas en el vestíbulo de 9:00 a 13:00, y se sortearán 20 ejemplares de "Don Quijote de la Mancha" y de "La sombra del viento". Tono alegre, en castellano, con una frase en catalán al final.
""")

add("es", r"""
Compara estas dos opciones de viaje para el equipo de ventas (12 personas) que va de Madrid a Bogotá en septiembre:

Opción A: salida desde el Aeropuerto Adolfo Suárez Madrid-Barajas T4, vuelo directo, 10 h 40 min, 742 € por persona.
Opción B: salida desde Barcelona-El Prat Josep Tarradellas con escala en Miami, 14 h 15 min, 598 € por persona, más AVE Madrid-Barcelona a 72 €.

Incluye coste total, horas perdidas y una recomendación.
""")

add("es", r"""
Este script de Python debería sumar importes de un CSV con coma decimal pero me da error. ¿Qué falla?

import csv
total = 0
with open("facturas_marzo.csv", encoding="utf-8") as f:
    for fila in csv.DictReader(f, delimiter=";"):
        total += float(fila["importe"])   # ejemplo: "1.284,17"
print(f"Total: {total:.2f} €")

ValueError: could not convert string to float: '1.284,17'
""")

add("es", r"""
Resume en un párrafo los resultados del primer semestre de nuestras marcas para el informe al consejo:

Zara: +10,4 % en ventas comparables; Massimo Dutti: +7,1 %; Pull&Bear: +5,8 %; Bershka: +4,2 %; Oysho: -1,3 %. El margen bruto del grupo fue del 58,9 % y se abrieron 47 tiendas, principalmente en São Paulo, Ciudad de México y Riad.
""")

add("es", r"""
En el log de la aplicación aparece esto cada noche a las 02:15. ¿Qué significa y cómo lo soluciono?

2024-05-06 02:15:00.118 ERROR [batch-conciliacion] java.sql.SQLSyntaxErrorException: ORA-00942: table or view does not exist
    at oracle.jdbc.driver.T4CTTIoer11.processError(T4CTTIoer11.java:630)
    at es.empresa.conciliacion.job.CargaMovimientos.run(CargaMovimientos.java:88)
Tabla consultada: TESORERIA.MOVIMIENTOS_BANCO_2024
""")

# ----- batch 5 -------------------------------------------------------------

add("en", r"""
Can you make this backup script safer? It's run by cron at 01:30 every night.

#!/bin/bash
export PGHOST=${PGHOST:?missing}
export PGUSER=${PGUSER:?missing}
# PGPASSWORD comes from /etc/backup/.pgpass, never hardcode it here
STAMP=$(date +%Y%m%d_%H%M%S)
pg_dump -Fc -d erp_prod -f /backup/erp_prod_${STAMP}.dump
find /backup -name 'erp_prod_*.dump' -mtime +14 -delete
echo "done ${STAMP}"
""")

add("en", r"""
Our product page says the speed sensor "uses the Doppler effect at 24.125 GHz". Marketing wants one paragraph explaining what that means for a non-technical buyer, plus a one-line footnote on why it works through rain and fog. Accuracy spec: ±0.5 km/h up to 250 km/h.
""")

add("en", r"""
Help me plan our blog calendar. We want one post per month from April to September:
April - Earth Day sustainability report
May - customer case study (retail)
June - mid-year product roundup
July - no post (summer freeze)
August - "Back to school" integrations with Google Classroom
September - preview of the October release, v5.0
Suggest titles and a publication weekday for each (we avoid Mondays and Fridays).
""")

add("en", r"""
Rewrite this reorg announcement so it's clearer. No names, just roles.

"Effective 1 July, the Chief Financial Officer will also oversee Procurement. The Head of Procurement will report to the CFO instead of the COO. The Data Protection Officer remains independent and reports to the Board. The IT Security Manager moves from Infrastructure into the new Risk & Compliance department, led by the General Counsel."
""")

add("en", r"""
Polish this reminder, keep it friendly and short:

"Hi team,
Expense reports for March have to be submitted in Concur by Friday 5 April, 17:00 CET. Receipts over €25 need to be attached as PDF. Mileage is reimbursed at €0.30/km. Late reports will be processed in the May payroll run.
Thanks,
the Finance team"
""")

add("en", r"""
Which of these shipping lanes is the most expensive per kg, and is there anything odd in the data?

origin,destination,weight_kg,cost_usd,transit_days
Memphis,Charlotte,1200,1860.00,2
Memphis,Orlando,950,1710.50,3
Louisville,Lincoln,400,892.00,3
Louisville,Florence,2200,2904.00,2
Los Angeles,Sydney,600,7980.00,19
London Heathrow,Victoria (BC),300,3120.00,4
""")

add("en", r"""
We're running a book club for the engineering department. Write a short poll announcement with these four options and one sentence on why each is relevant to software teams: "The Great Gatsby" (wildcard), "Frankenstein", "Moby-Dick", "The Mythical Man-Month". Voting closes Wednesday at noon.
""")

add("en", r"""
Create a playlist description for the summer party (max 50 words). The social committee picked classic rock and indie: Pink Floyd, Dire Straits, Franz Ferdinand, Arctic Monkeys, The Killers and Florence + the Machine. The bands should be mentioned in the description.
""")

add("en", r"""
I'm running git bisect between v3.14.0 (good, 4e1f2a9) and v3.15.0 (bad, 9c0d3b7). After 5 steps it says:

b71c2de0f4a5e3d8c1b9a7f6e5d4c3b2a1908f7e is the first bad commit
commit b71c2de0f4a5e3d8c1b9a7f6e5d4c3b2a1908f7e
    refactor(tax): switch VAT rounding to half-even (DE 19%, FR 20%, ES 21%)

How do I confirm it's really this commit and not a flaky test?
""")

add("en", r"""
Clean up this feature flag list: tell me which ones look safe to remove (fully rolled out for >90 days) and which need an owner.

flag_key                        | rollout | last_changed | owner_team
checkout.new_tax_engine         | 100%    | 2023-11-02   | payments
search.semantic_ranking_v2      | 25%     | 2024-03-20   | discovery
ui.dark_mode                    | 100%    | 2023-06-14   | web
billing.legacy_invoice_pdf      | 0%      | 2022-12-01   |
exp_siri_shortcuts_beta         | 5%      | 2023-09-30   |
""")

add("en", r"""
Convert these Unix timestamps from our audit log to human-readable UTC and Europe/Berlin time: 1712662931, 1712666531, 1704067200. Also tell me which one is exactly midnight and on which date.
""")

add("en", r"""
Write a short internal advisory about CVE-2021-44228 (Log4Shell) for teams that still run old Java apps. Include: affected versions (Log4j 2.0-beta9 to 2.14.1), the fixed version to upgrade to, how to check the version in a fat JAR, and a reminder to open a ticket in the SEC-VULN queue. Max 200 words.
""")

add("de", r"""
Erkläre mir bitte verständlich, was "Consumer Lag" bei Kafka bedeutet. In unserem Dashboard steht für die Consumer-Group rechnungsversand bei Topic invoices.v3 ein Lag von 184.220 auf Partition 4, bei allen anderen Partitionen unter 100. Woran kann das liegen?
""")

add("de", r"""
Formuliere eine Stellenanzeige aus diesen Stichpunkten (gendergerecht, ca. 150 Wörter):

- Teamleitung (m/w/d) Kreditorenbuchhaltung, Standort Stuttgart-Vaihingen
- 6 Mitarbeitende, SAP S/4HANA, Rechnungseingang über Workflow
- Berichtet an die kaufmännische Leitung
- 30 Tage Urlaub, Jobrad, Kantine, hybrides Arbeiten (3 Tage Büro)
- Bewerbung nur über das Karriereportal, Kennziffer FIN-2024-117
""")

add("de", r"""
Welche Feiertage fallen 2025 in Bayern auf einen Werktag? Ich brauche die Liste für die Kapazitätsplanung (Format: Datum, Wochentag, Feiertag). Bitte auch Fronleichnam und Mariä Himmelfahrt berücksichtigen, und sag mir, ob Nikolaus (6.12.) ein Feiertag ist.
""")

add("de", r"""
Warum läuft dieser GitLab-CI-Job nie auf dem main-Branch?

deploy_prod:
  stage: deploy
  image: alpine/helm:3.14.2
  script:
    - helm upgrade --install shop ./chart -f values-prod.yaml --set image.tag=$CI_COMMIT_SHORT_SHA
  rules:
    - if: '$CI_COMMIT_BRANCH == "master"'
      when: manual
  environment:
    name: production
""")

add("de", r"""
Erstelle aus dieser Liste eine Übersicht für den Reifenwechsel unserer Poolfahrzeuge im Oktober, sortiert nach Standort:

Kennung  | Fahrzeug              | Standort  | Reifen
POOL-03  | VW Passat Variant     | Köln      | Continental WinterContact TS 870
POOL-07  | Ford Transit Custom   | Köln      | Michelin Alpin 6
POOL-11  | Opel Astra Sports Tourer | Bonn   | Pirelli Cinturato Winter 2
POOL-14  | Mercedes-Benz Vito    | Bonn      | Continental VanContact Winter
""")

add("fr", r"""
Pour un module de formation interne, explique la différence entre l'architecture de von Neumann et l'architecture Harvard, avec un exemple concret (microcontrôleur vs PC). 10 lignes maximum, niveau BTS.
""")

add("fr", r"""
Rédige le planning d'astreinte pour les fêtes sous forme de tableau :
- du mardi 24 décembre 18h au jeudi 26 décembre 8h : équipe Réseau
- Saint-Sylvestre, du 31 décembre 18h au 1er janvier 12h : équipe Systèmes
- du 1er janvier 12h au 2 janvier 8h : équipe Applications
Escalade : responsable d'exploitation de permanence via la ligne d'astreinte interne. Ajoute une ligne d'en-tête « Période / Équipe / Escalade ».
""")

add("fr", r"""
Peux-tu vérifier les totaux de ce budget prévisionnel et me dire s'il y a une erreur ?

Poste                     T1        T2        T3        Total
Licences Jira/Confluence  12 400    12 400    12 400    37 200
Hébergement (OVHcloud)    8 950     9 200     9 450     27 600
Prestations Accenture     45 000    38 000    22 000    106 000
Formation                 3 200     0         4 800     8 000
Total                     69 550    59 600    48 650    178 800
""")

add("fr", r"""
Nous déménageons notre agence de l'avenue Victor-Hugo (Paris 16e) vers un plateau près de la gare Saint-Lazare. Rédige un court message pour informer nos partenaires : date du déménagement le vendredi 28 juin, fermeture exceptionnelle de l'agence ce jour-là, réouverture le lundi 1er juillet à 9h. Signature : l'équipe de l'agence Paris Ouest.
""")

add("fr", r"""
Avec pandas, comment je calcule la moyenne mobile sur 7 jours des ventes par magasin ? Mon DataFrame a les colonnes « date », « magasin » (ex. « Lyon Part-Dieu », « Marseille Saint-Charles », « Lille Europe ») et « ca_ht ».
""")

add("es", r"""
Tengo dos hojas en Excel: en "Pedidos" la columna B tiene el ID de cliente (formato CLI-000000, p. ej. CLI-004417) y en "Clientes" la columna A tiene el mismo ID y la columna D el segmento (Oro, Plata, Bronce). ¿Qué fórmula pongo en Pedidos!F2 para traer el segmento? Uso Excel en español.
""")

add("es", r"""
Nuestra API devuelve 401 aunque el token sea correcto. Esta es la petición (el token lo he sustituido por un marcador):

curl -X GET "https://api.example.com/v2/facturas?estado=pendiente&desde=2024-04-01" \
  -H "Authorization: Bearer <TOKEN>" \
  -H "Accept: application/json"

Respuesta: {"error":"invalid_token","error_description":"audience mismatch","status":401}
""")

add("es", r"""
Analiza los resultados de la encuesta interna (escala Likert de 1 a 5, n = 412) y dime qué tres aspectos deberíamos priorizar:

pregunta;media;desv_tipica
Claridad de objetivos;3,8;0,9
Herramientas de trabajo (Jira, Confluence, Teams);3,1;1,2
Reconocimiento;2,7;1,1
Equilibrio vida-trabajo;3,5;1,0
Formación;2,9;1,3
""")

add("es", r"""
Explícame el teorema de Bayes con un ejemplo de nuestro filtro antifraude: el 0,5 % de las transacciones son fraudulentas, el modelo detecta el 92 % de los fraudes y marca por error el 3 % de las legítimas. ¿Qué probabilidad hay de que una transacción marcada sea realmente fraude?
""")

# ----- batch 6 -------------------------------------------------------------

add("en", r"""
We're migrating our support bot from IBM Watson Assistant to a new platform. Give me a migration checklist (intents, entities, dialog nodes, webhooks, analytics) and the top 3 risks. The Watson workspace has 142 intents and 38 entities; go-live target is Monday 2 September.
""")

add("en", r"""
Rate how well the agent handled this password-reset chat (1-5) and explain what they did right:

Customer: I'm locked out of the portal, can you just tell me my password?
Agent: I'm sorry, I can't see or send passwords - they're stored encrypted. I can send a reset link to the address on your account instead.
Customer: fine
Agent: Done. The link is valid for 30 minutes. Your new password needs at least 12 characters including a number and a symbol.
Customer: got it, thanks
Agent: Anything else? Your ticket reference is SR-2024-061733.
""")

add("en", r"""
Write TypeScript types for this API response and a function that returns the product names sorted by stock:

{
  "items": [
    {"id": "a7e3c9d2-5b14-4f8e-9c21-0d6b3e8f4a17", "name": "Ferrari SF-24 1:43 model", "sku": "FER-SF24-143", "stock": 14},
    {"id": "c2d94b61-8e07-4a3f-b5d8-71e0f9a62c35", "name": "Porsche 911 GT3 RS Lego Technic", "sku": "LEGO-42056", "stock": 3},
    {"id": "e815f0a3-2c69-4d7b-8a14-93b5c7e0d286", "name": "Mercedes-AMG F1 cap", "sku": "MAMG-CAP-24", "stock": 121}
  ],
  "page": 1,
  "total": 3
}
""")

add("en", r"""
Explain what this PromQL query does and whether the threshold makes sense:

histogram_quantile(0.99, sum by (le, route) (rate(http_server_request_duration_seconds_bucket{job="django-api"}[5m]))) > 1.5
""")

add("en", r"""
This C# code reads the connection string but the password placeholder isn't being replaced. Why?

var cs = builder.Configuration.GetConnectionString("Erp");
// appsettings.json: "Erp": "Server=sql-erp-01;Database=ERP;User Id=svc_erp;Password=${DB_PASSWORD};TrustServerCertificate=True"
using var conn = new SqlConnection(cs);
await conn.OpenAsync();

Error: Login failed for user 'svc_erp'. (SqlException 18456, State 8)
""")

add("en", r"""
Turn this into customer-facing release notes (friendly, bullet points, no internal ticket numbers):

Release 5.2.0 (build 20240611.3), rolled out Tue 11 Jun 2024 06:00 UTC
- PAY-2291 Apple Pay support in checkout (iOS 17.4+)
- SRCH-877 typo tolerance for search (Levenshtein distance <= 2)
- CORE-1450 upgrade Django 4.2.13, Celery 5.4.0
- WEB-3310 dark mode for reports
- fix: CSV export used semicolons for en-US locale (CORE-1462)
""")

add("en", r"""
Our QA lab sent this titration summary. Can you check the mean and standard deviation and tell me if trial 4 should be excluded (Grubbs' test, alpha 0.05)?

Trial | Titrant volume (mL) | Temp (°C)
1     | 24.52               | 21.0
2     | 24.48               | 21.1
3     | 24.55               | 21.0
4     | 25.10               | 21.4
5     | 24.50               | 20.9

Equipment: 50 mL burette, 250 mL Erlenmeyer flask, magnetic stirrer set to 300 rpm.
""")

add("en", r"""
Translate these UI strings into French, German and Spanish. Keep the placeholders exactly:

"Welcome back! You have {0} unread messages."
"Your session expires in %d minutes."
"Password must be at least {min_length} characters."
"Last sync: {timestamp}"
"Order #{order_id} has shipped."
""")

add("en", r"""
Draft a maintenance announcement:

"Hi all,
The ERP system will be unavailable on Saturday 15 June from 22:00 to Sunday 16 June 04:00 CEST (16:00-22:00 EDT on Saturday) for the upgrade to SAP S/4HANA 2023 FPS01. Jenkins and Jira are not affected.
Thanks,
IT Operations"

Make it shorter and add what users should do before the window.
""")

add("en", r"""
I'm implementing Dijkstra's algorithm for our route planner. With 12,000 depots and ~90,000 edges, my Python version takes 40 seconds. Here's the core loop - what's wrong?

dist = {n: float("inf") for n in graph}
dist[src] = 0
unvisited = set(graph)
while unvisited:
    u = min(unvisited, key=lambda n: dist[n])
    unvisited.remove(u)
    for v, w in graph[u]:
        dist[v] = min(dist[v], dist[u] + w)
""")

add("en", r"""
For a GDPR data-mapping exercise I need to classify columns by sensitivity. No data, just the schema:

CREATE TABLE crm_contact (
  contact_id      BIGINT PRIMARY KEY,
  first_name      VARCHAR(80),
  last_name       VARCHAR(80),
  email           VARCHAR(254),
  phone           VARCHAR(32),
  date_of_birth   DATE,
  marketing_optin BOOLEAN DEFAULT FALSE,
  created_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);

Give each column a category (identifier, contact, special, technical) and a suggested retention period.
""")

add("de", r"""
Fasse die Quartalszahlen für unseren internen Branchen-Newsletter zusammen (max. 80 Wörter):

Porsche AG, Q1 2024: Umsatz 7,3 Mrd. € (-8,4 %), operative Rendite 14,2 %, Auslieferungen 77.640 Fahrzeuge (-4 %). Belastend: Modellwechsel bei Macan und Panamera. Ausblick 2024 bestätigt: Umsatz 39-41 Mrd. €.
""")

add("de", r"""
In unserem SAP-System erscheint beim Buchen dieser Fehler. Was bedeutet er und was kann die Fachabteilung selbst tun?

Meldungsnr. F5 155: Buchungsperiode 013 2024 ist nicht offen
Buchungskreis 1000, Belegart KR, Buchungsdatum 31.12.2024, Referenz RE-2024-12-0877
""")

add("de", r"""
Schreib eine Schritt-für-Schritt-Anleitung für unsere Mitarbeitenden: "SAP-Passwort vergessen oder Benutzer gesperrt". Inhalte: Self-Service-Portal aufrufen, Identität per Authenticator-App bestätigen, neues Initialkennwort setzen (mind. 10 Zeichen, keine Wiederverwendung der letzten 5), beim ersten Login ändern. Hinweis: Der IT-Support fragt niemals nach Ihrem Kennwort.
""")

add("de", r"""
Bitte prüfe diese Messreihe aus dem Klimaschrank auf Ausreißer und gib Mittelwert und Standardabweichung an:

Zeitpunkt;Temperatur_°C;rel_Feuchte_%;Druck_hPa
08:00;23,1;45,2;1013,4
09:00;23,3;44,8;1013,1
10:00;27,9;38,0;1012,9
11:00;23,2;45,0;1012,6
12:00;23,4;44,6;1012,2
""")

add("de", r"""
Warum bekomme ich diesen Fehler in meinem Skript?

Traceback (most recent call last):
  File "/opt/etl/lade_lieferanten.py", line 41, in <module>
    df = pd.read_csv("lieferanten_2024.csv", sep=";", encoding="utf-8")
UnicodeDecodeError: 'utf-8' codec can't decode byte 0xe4 in position 1187: invalid continuation byte

Die Datei kommt aus einem alten Windows-Export (Spalten: Lieferant;Ort;PLZ;Umsatz), z. B. mit Orten wie "Fürth" und "Lörrach".
""")

add("fr", r"""
Relis ce paragraphe de notre brochure mutuelle santé et simplifie-le (niveau grand public) :

« Les affections de longue durée (ALD) telles que la maladie de Crohn, la maladie d'Alzheimer, la maladie de Parkinson ou le lymphome de Hodgkin ouvrent droit à une prise en charge à 100 % sur la base du tarif de la Sécurité sociale, pour les soins en rapport avec l'affection, sur protocole établi par le médecin traitant. »
""")

add("fr", r"""
À partir de ces enregistrements JSON, calcule le délai moyen de livraison par ville et signale les retards > 48 h :

{"commande": "CMD-88213", "ville": "Saint-Étienne", "cp": "42000", "expedie": "2024-05-02T09:14:00+02:00", "livre": "2024-05-03T16:40:00+02:00"}
{"commande": "CMD-88214", "ville": "Saint-Denis", "cp": "93200", "expedie": "2024-05-02T10:02:00+02:00", "livre": "2024-05-06T11:25:00+02:00"}
{"commande": "CMD-88219", "ville": "Villeneuve-d'Ascq", "cp": "59650", "expedie": "2024-05-03T08:30:00+02:00", "livre": "2024-05-04T12:05:00+02:00"}
""")

add("fr", r"""
Compare en un tableau ces trois véhicules pour notre flotte de techniciens (coût total sur 4 ans, 25 000 km/an) :
- Peugeot e-Partner, LLD 389 € HT/mois, 0,17 kWh/km
- Renault Kangoo E-Tech, LLD 369 € HT/mois, 0,18 kWh/km
- Citroën ë-Berlingo Van, LLD 379 € HT/mois, 0,17 kWh/km
Électricité : 0,21 € HT/kWh. Ajoute une recommandation.
""")

add("fr", r"""
J'ai besoin d'une expression régulière qui vérifie le format d'un numéro de TVA intracommunautaire français : « FR », puis une clé de 2 caractères, puis les 9 chiffres du SIREN. Pas besoin de contrôler la clé, juste la structure. Explique chaque partie de la regex.
""")

add("fr", r"""
Écris un court message d'accueil pour le canal Teams de la nouvelle équipe Data : « Bonjour à tous » + rappel des rituels (daily à 9h30 sauf le mercredi, rétro un vendredi sur deux, démo le dernier jeudi du mois) + lien vers l'espace Confluence « DATA ». Signe « L'équipe Data ».
""")

add("es", r"""
Prepárame un resumen del pedido para el distribuidor de bebidas de cara al verano:

referencia;producto;formato;unidades;precio_ud
ED-33-24;Estrella Damm;lata 33 cl pack 24;180;16,90
MA-33-24;Mahou Cinco Estrellas;lata 33 cl pack 24;150;16,40
AL-50-12;Alhambra Reserva 1925;botella 33 cl pack 12;60;14,75
FX-75-06;Freixenet Carta Nevada;botella 75 cl caja 6;40;32,10

Calcula el total sin IVA y con IVA (21 %).
""")

add("es", r"""
Escribe un informe breve para el comité de riesgos sobre el impacto del huracán Otis (octubre de 2023) en nuestro hotel de Acapulco: cierre de 94 días, 212 habitaciones afectadas, daños estimados en 18,4 millones de USD, cobertura del seguro del 80 % tras franquicia. Incluye lecciones aprendidas sobre planes de evacuación.
""")

add("es", r"""
¿Cómo obtengo, para cada almacén, el producto con más unidades vendidas en mayo? Tengo la tabla ventas(almacen, sku, unidades, fecha) en PostgreSQL 15. Prefiero una solución con funciones de ventana.
""")

add("es", r"""
Traduce al español neutro estos mensajes de error de la app, sin cambiar los códigos:

E1001: "Session expired. Please sign in again."
E1002: "Too many attempts. Try again in 15 minutes."
E2040: "Payment declined by issuer (code 05)."
E3007: "The file exceeds the 25 MB limit."
""")

add("es", r"""
Resume esta conversación de soporte y dime si el agente siguió el protocolo:

Agente: Buenos días, gracias por contactar con el servicio técnico. ¿En qué puedo ayudarle?
Cliente: La impresora de la planta 3 marca error 0x00000709 al imprimir desde Windows 11.
Agente: Entendido. ¿Me indica el número de inventario de la impresora? Está en la pegatina frontal.
Cliente: INV-IMP-00318
Agente: Gracias. Es un problema conocido tras la actualización KB5005565. He abierto la incidencia INC0048812 y un técnico pasará hoy antes de las 13:00.
Cliente: Perfecto, gracias.
""")

# ----- batch 7 -------------------------------------------------------------

add("en", r"""
What's 451 degrees Fahrenheit in Celsius? It's for a trivia question about the book "Fahrenheit 451" at our team quiz.
""")

add("en", r"""
Half our pods are stuck. What's going on here and what should I run next?

$ kubectl get pods -n streaming
NAME                        READY   STATUS             RESTARTS        AGE
kafka-0                     1/1     Running            0               6d
kafka-1                     0/1     CrashLoopBackOff   27 (2m ago)     6d
kafka-2                     1/1     Running            0               6d
zookeeper-0                 1/1     Running            1 (3d ago)      6d
schema-registry-7d9f8c-x2kq 0/1     Init:0/1           0               41m

$ kubectl describe pod kafka-1 -n streaming | tail -3
  Warning  BackOff  2m   kubelet  Back-off restarting failed container
  Last State: Terminated, Reason: Error, Exit Code: 1
  Message: java.io.IOException: No space left on device
""")

add("en", r"""
Please review this Jenkinsfile; the integration tests sometimes run against the wrong Postgres.

pipeline {
  agent { label 'linux-docker' }
  environment {
    DB_URL = "jdbc:postgresql://pg-test:5432/app_it"
    DB_CREDS = credentials('pg-test-readwrite')   // Jenkins credentials ID, not the secret itself
  }
  stages {
    stage('Unit') { steps { sh './gradlew test' } }
    stage('Integration') {
      steps { sh './gradlew integrationTest -PdbUrl=$DB_URL -PdbUser=$DB_CREDS_USR -PdbPass=$DB_CREDS_PSW' }
    }
  }
}
""")

add("en", r"""
Our spare-parts list got mangled in the export. Can you reformat it as a table with part number, description, qty and unit price, and sum the total?

P/N 310-42-7781 bearing kit front axle x4 @ 18.50
P/N 044-18-2290 hydraulic seal set x10 @ 3.20
P/N 712-09-5531 drive belt 1450mm x2 @ 41.00
P/N 0471 889 223 sensor cable M12 5-pin x6 @ 12.75
""")

add("en", r"""
Someone committed this Kubernetes Secret to the repo. The value is just "changeme" base64-encoded, but explain why this is still bad practice and what we should use instead (we have Vault and External Secrets Operator):

apiVersion: v1
kind: Secret
metadata:
  name: reporting-db
  namespace: analytics
type: Opaque
data:
  username: cmVwb3J0aW5n
  password: Y2hhbmdlbWU=
""")

add("en", r"""
Write a README section explaining how to verify the installer downloads. Our published checksums are:

agent-4.7.2-linux-amd64.tar.gz   sha256  a3c1f0e5b7d9284c6e1f0a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d
agent-4.7.2-windows-x64.msi      sha256  0f9e8d7c6b5a49382716f5e4d3c2b1a0f9e8d7c6b5a4938271605f4e3d2c1b0a
agent-4.7.2-darwin-arm64.pkg     sha256  e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855

Wait - isn't that last one the hash of an empty file? Please flag it.
""")

add("en", r"""
Sort our supplier list by payment terms and flag anyone over 60 days:

supplier           | category       | terms   | annual_spend_eur
Nestlé Professional| Beverages      | net 30  | 412,000
Kellogg's          | Cereals        | net 45  | 138,500
Heinz              | Condiments     | net 90  | 96,200
Ferrero            | Confectionery  | net 60  | 221,750
Dr. Oetker         | Frozen pizza   | net 75  | 187,300
""")

add("en", r"""
Update our hotel booking guidance: preferred chains are Marriott, Hilton and Hyatt, capped at $240/night in San Francisco and Washington, D.C., $190 in Austin and Denver, and €170 in Frankfurt. Bookings must go through the travel portal, not directly. Rewrite this as a concise FAQ with 4 questions.
""")

add("en", r"""
Which of our two warehouses is closer to the Port of Hamburg terminal at 53.5320, 9.9376? Warehouse A is at 53.4613, 10.0325 and warehouse B at 53.6312, 9.8844. Show the haversine calculation.
""")

add("en", r"""
What's the difference between HTTP 301 and 308 redirects, and which one should we use when moving the docs from /v1/reference to /v2/reference? Our clients include older Java 8 HTTP clients.
""")

add("en", r"""
We still have a Delphi (Object Pascal) tool that computes label barcodes. Port this function to Python, keeping the behaviour identical:

function EAN13CheckDigit(const S: string): Integer;
var i, sum: Integer;
begin
  sum := 0;
  for i := 1 to 12 do
    if Odd(i) then sum := sum + StrToInt(S[i])
    else sum := sum + 3 * StrToInt(S[i]);
  Result := (10 - (sum mod 10)) mod 10;
end;

Test value: 400638133393 should give 1 (full EAN 4006381333931).
""")

add("de", r"""
Kannst du mir kurz erklären, wann in der Gastronomie 7 % und wann 19 % Umsatzsteuer gelten (Stand 2024)? Beispiele aus unserer Kantine: Mittagsmenü vor Ort, Coffee to go, Getränke aus dem Automaten, belegte Brötchen zum Mitnehmen.
""")

add("de", r"""
Formuliere eine Nachricht an alle Mitarbeitenden am Standort Karl-Marx-Allee: Ab Montag, 2. September, ist der Haupteingang wegen Bauarbeiten gesperrt, Zugang nur über den Hof (Tor 3). Die Baumaßnahme dauert voraussichtlich bis Ende Oktober. Fahrradstellplätze ziehen auf den Parkplatz P2. Absender: Facility Management.
""")

add("de", r"""
Ich brauche eine Excel-Formel, die aus einem Datum in A2 (z. B. 31.12.2024) die ISO-Kalenderwoche und das zugehörige Jahr im Format "2025-KW01" erzeugt. Warum liefert KALENDERWOCHE() bei manchen Daten eine andere Woche als ISOKALENDERWOCHE()?
""")

add("de", r"""
Bitte übersetze diese Warnhinweise aus der Bedienungsanleitung ins Englische:

"Achtung: Vor Wartungsarbeiten Netzstecker ziehen. Maximaler Betriebsdruck 10 bar (1 MPa). Nicht bei Umgebungstemperaturen unter 5 °C betreiben. Gerätetyp KX-220, Baujahr 2023, Schutzart IP54."
""")

add("de", r"""
Wie richte ich in Jira einen Filter ein, der alle offenen Tickets des Teams "Zahlungsverkehr" zeigt, die seit mehr als 14 Tagen nicht aktualisiert wurden und Priorität "Hoch" oder "Kritisch" haben? Bitte die JQL und eine kurze Erklärung.
""")

add("fr", r"""
Dans Jira, je veux la liste des tickets du projet CRM ouverts en avril, de type Bug, avec le composant « Facturation », triés par priorité. Tu peux m'écrire la requête JQL ?
""")

add("fr", r"""
Notre centre d'appels reçoit en moyenne 14 appels par heure entre 9h et 10h. En supposant une loi de Poisson, quelle est la probabilité d'en recevoir plus de 20 sur ce créneau ? Et comment ça change si on passe à une loi normale comme approximation ?
""")

add("fr", r"""
Traduis en espagnol cette notice courte pour la fiche produit :

« Autocuiseur Tefal Clipso Minut' 6 L – réf. P4620768. Compatible tous feux dont induction. Soupape de sécurité, panier vapeur inclus. Garantie 10 ans sur les pièces détachées. À ne pas utiliser au four. »
""")

add("fr", r"""
Rédige un courrier ferme mais cordial à notre fournisseur (service grands comptes de Ferrero France) : nous refusons la hausse tarifaire de 6,5 % annoncée au 1er mars sur les références Kinder Bueno (EAN 8000500066645) et Nutella 750 g, et proposons un rendez-vous la semaine 10. Signature : Direction des Achats.
""")

add("fr", r"""
Peux-tu m'écrire une regex Python qui extrait l'heure, le niveau et le message de ces lignes de log ?

2024-06-03 07:58:12,044 | WARNING | hadoop.hdfs.DataNode | Slow BlockReceiver write packet to mirror took 3812ms
2024-06-03 07:58:15,902 | ERROR | kafka.server.ReplicaManager | Error processing append operation on partition orders-7
""")

add("es", r"""
Explícame este bloque de Terraform como si no supiera nada de Azure:

resource "azurerm_key_vault_secret" "db" {
  name         = "sql-admin-password"
  value        = var.sql_admin_password   # se pasa con TF_VAR_sql_admin_password, nunca en el código
  key_vault_id = azurerm_key_vault.main.id
  tags         = { equipo = "plataforma", entorno = "pre" }
}
""")

add("es", r"""
Crea un pequeño glosario (una línea por término) para el manual de nuevos gestores de proyecto: diagrama de Gantt, tablero Kanban, principio de Pareto, ley de Parkinson, ley de Murphy, diagrama de Ishikawa, técnica Pomodoro y matriz de Eisenhower.
""")

add("es", r"""
Redacta tres titulares para la campaña "Días de Oro" de El Corte Inglés en la sección de tecnología. Marcas destacadas: Samsung, Philips, Dyson y Braun. Descuentos de hasta el 30 % del 2 al 11 de octubre. Máximo 60 caracteres cada uno.
""")

add("es", r"""
Un cliente minorista en recargo de equivalencia nos compra 240 unidades a 3,15 € (IVA general). ¿Cuánto es la base, el IVA del 21 %, el recargo del 5,2 % y el total de la factura FV-2024-001392? Muéstrame el cálculo.
""")

add("es", r"""
Mejora este aviso para el tablón:

"Hola a todos, a partir del lunes el comedor abre de 13:00 a 15:30. El menú del día cuesta 6,50 € con la tarjeta de empresa. Los jueves habrá opción vegana. Saludos, el equipo de Servicios Generales"
""")

# ----- batch 8 -------------------------------------------------------------

add("en", r"""
Legal asked for a status table of open matters for the quarterly board pack. Reformat this, sort by exposure, and keep the references as they are:

LIT-2023-0412 | supplier dispute, Hamburg regional court | exposure EUR 1.2m | next hearing 2024-07-09
LIT-2024-0037 | trademark opposition, EUIPO ref. 018904412 | exposure n/a | decision expected Q3
LIT-2024-0115 | customs classification appeal, HS code 8471.30 | exposure EUR 310k | written submission due 30/06/2024
""")

add("en", r"""
Explain the Peter principle and Goodhart's law in two sentences each - I want to use them in a slide about why we're changing our sales KPIs.
""")

add("en", r"""
Draft a short customer apology for yesterday's outage. Facts: checkout was down from 14:07 to 14:52 UTC on Tuesday 4 June; about 3% of orders failed with HTTP 502; root cause was an expired internal TLS certificate on the payment gateway; all failed payments were voided automatically, nobody was charged twice. Sign off with "Thanks for your patience, the Platform team".
""")

add("en", r"""
Here's our meeting-room list. Which rooms can host a 14-person workshop with video conferencing on Thursday afternoon?

room        | floor | seats | vc  | thu_pm
Washington  | 2     | 16    | yes | booked
Victoria    | 2     | 8     | yes | free
Florence    | 3     | 20    | no  | free
Charlotte   | 3     | 14    | yes | free
Lincoln     | 4     | 30    | yes | free
""")

add("en", r"""
A conveyor motor needs to push a 120 kg pallet up a 5° incline. Ignoring friction, what force in newtons is needed, and what power in watts at 0.4 m/s? Please show the steps, g = 9.81 m/s².
""")

add("en", r"""
Our GitHub Actions workflow fails at the publish step with "Resource not accessible by integration". Here's the relevant part:

jobs:
  publish:
    runs-on: ubuntu-22.04
    steps:
      - uses: actions/checkout@v4
      - run: npm ci && npm run build
      - run: npm publish
        env:
          NODE_AUTH_TOKEN: ${{ secrets.NPM_TOKEN }}
      - uses: softprops/action-gh-release@v2
        with:
          tag_name: v${{ env.PKG_VERSION }}
          token: ${{ secrets.GITHUB_TOKEN }}
""")

add("en", r"""
I have monthly customer states (active, at-risk, churned) and this transition matrix from last year. Can you estimate, with a Markov chain, how many of our 10,000 active accounts will still be active after 6 months?

from\to    active  at-risk  churned
active     0.90    0.08     0.02
at-risk    0.35    0.45     0.20
churned    0.00    0.00     1.00
""")

add("en", r"""
For the office lighting tender, what's the practical difference between 3000 K, 4000 K and 6500 K colour temperature, and which one is recommended for open-plan offices under EN 12464-1 (500 lux at desk level)?
""")

add("en", r"""
Summarise this HR bot conversation and tell me if the bot gave correct information based on our policy (25 days' annual leave, max 5 days carried over to 31 March):

User: how many holiday days can I take into next year?
Bot: You can carry over up to 5 days of unused annual leave. They must be used by 31 March.
User: and if I have 8 left?
Bot: The remaining 3 days will be paid out in the December payroll.
User: really? I thought they expire
Bot: Let me check with the HR Operations team. I've created request HR-REQ-20931.
""")

add("en", r"""
Write a regex that matches semantic versions like 1.4.0, 10.0.19045, 2.0.0-rc.1 and 3.1.4+build.5926 but not 1.2 or 01.2.3. Then list which of these it would accept: "v2.8.1", "2.8.1", "1.2.3.4", "4.0.0-beta+exp.sha.5114f85".
""")

add("en", r"""
Write a one-paragraph summary of how Storm Ciarán and Storm Eunice affected rail freight in the UK, for a risk register entry. Keep it factual and add a suggested mitigation.
""")

add("de", r"""
Wir haben zwei Pakete, die seit Tagen nicht zugestellt wurden. Schreib mir eine kurze Nachfrage an den Geschäftskundenservice des Paketdienstes:

Sendung 1: Hermes, Sendungsnummer H1002340056178903421, Status seit 14.05. "Im Depot"
Sendung 2: DHL, Sendungsnummer 00340434161094027318, Status seit 15.05. "Zustellung nicht möglich"

Empfänger ist unsere Poststelle, Gebäude C, Warenannahme Mo-Fr 7-15 Uhr.
""")

add("de", r"""
Werte diese Ticketstatistik aus und gib mir drei Auffälligkeiten für das Monatsreporting:

Kategorie;Mär;Apr;Mai
Passwort zurücksetzen;412;388;521
VPN;97;143;160
Drucker;210;198;176
Jira/Confluence Zugriff;64;71;139
Hardware-Bestellung;58;61;49
""")

add("de", r"""
Mein Ansible-Playbook soll auf allen Debian-12-Servern die Zeitzone auf Europe/Berlin setzen und chrony installieren. Kannst du mir eine minimale Rolle dafür schreiben (tasks/main.yml und handlers/main.yml)?
""")

add("de", r"""
Hallo zusammen,

bitte formuliere diese Einladung etwas lockerer:

"Das Sommerfest findet am Freitag, den 12. Juli, ab 16:00 Uhr im Innenhof statt. Für Essen und Getränke ist gesorgt. Bei Regen weichen wir in die Kantine aus. Anmeldung bis 28. Juni über das Intranet-Formular.
Viele Grüße
Euer Festkomitee"
""")

add("de", r"""
Was ist der Unterschied zwischen Scrum Master, Product Owner und Projektleitung? Bitte als Tabelle mit Verantwortung, typischen Aufgaben und Entscheidungsbefugnissen, für eine Schulung der Fachabteilungen.
""")

add("fr", r"""
Voici les émissions de notre bilan carbone 2023 par poste. Calcule la part de chaque poste et propose deux actions prioritaires :

poste                      tCO2e
Déplacements professionnels 412,6
Trajets domicile-travail    588,1
Énergie des bâtiments       233,9
Achats IT                   701,4
Data centers (OVHcloud)     96,2
""")

add("fr", r"""
Améliore les réponses de ce robot conversationnel (ton plus naturel) :

Utilisateur : c'est ouvert le dimanche ?
Robot : Horaires : lundi-samedi 9h00-19h30. Dimanche : fermé. Exception : dimanche 22 et 29 décembre 10h00-18h00.
Utilisateur : et le 1er mai ?
Robot : Jour férié. Fermé.
""")

add("fr", r"""
Écris une requête SQL (PostgreSQL) qui compte les commandes par statut (« en_attente », « expediee », « livree », « annulee ») pour chaque semaine ISO de 2024, à partir de la table commandes(id, statut, cree_le).
""")

add("fr", r"""
Mon script Python plante à la lecture d'un fichier Excel exporté par le logiciel de paie. Tu peux m'aider ?

ValueError: Excel file format cannot be determined, you must specify an engine manually.

Le fichier s'appelle « export_conges_T2.xls » et fait 4,2 Mo. J'utilise pandas 2.2.1 sous Debian 12.
""")

add("es", r"""
En Django, ¿cómo hago que este campo acepte solo referencias internas con el formato PRD-AAAA-NNNNN (por ejemplo PRD-2024-00417)?

class Producto(models.Model):
    referencia = models.CharField(max_length=14, unique=True)
    nombre = models.CharField(max_length=120)   # nombre comercial, p. ej. "Cafetera Cecotec Power Espresso 20"
    precio = models.DecimalField(max_digits=8, decimal_places=2)
""")

add("es", r"""
Con estos datos de ventas por delegación, ¿me ayudas a montar una tabla dinámica (filas: región, columnas: trimestre, valores: suma de importe) y comentar la tendencia?

region;trimestre;importe
Norte;T1;182.400
Norte;T2;199.850
Levante;T1;240.100
Levante;T2;228.700
Andalucía;T1;156.300
Andalucía;T2;171.920
""")

add("es", r"""
Escribe una reclamación formal a Iberia en nombre de la empresa: en el vuelo IB3166 del 18 de marzo (Madrid-París Charles de Gaulle) se extraviaron 3 maletas con material de feria del equipo comercial. Referencias del parte de equipaje: CDGIB45821, CDGIB45822 y CDGIB45823. Reclamamos 2.340 € de material. Firma: Departamento de Viajes.
""")

add("es", r"""
Resume en lenguaje sencillo para el comité de dirección qué es la vulnerabilidad CVE-2024-3094 (la puerta trasera en xz/liblzma 5.6.0 y 5.6.1), si nos afecta teniendo servidores Debian 12 y Ubuntu 22.04, y qué hemos hecho (versión comprobada: 5.4.1).
""")

add("es", r"""
Pasa a limpio el acta de la reunión semanal, con acciones por equipo:

- lunes 10/06, 9:30, sala Valencia
- equipo de Marketing: campaña de vuelta al cole lista para el 26/08
- equipo de Datos: el informe de cohortes se retrasa por el cambio a BigQuery
- equipo de Sistemas: renovación del certificado comodín antes del 30/06
- próxima reunión: lunes 17/06 misma hora
""")


# ---------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------

def main():
    out_path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "negatives.jsonl")
    with open(out_path, "w", encoding="utf-8", newline="\n") as fh:
        for i, (locale, text) in enumerate(PROMPTS, start=1):
            rec = {"id": "ng-%04d" % i, "locale": locale, "text": text, "entities": []}
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print("wrote %d prompts to %s" % (len(PROMPTS), out_path))


if __name__ == "__main__":
    main()
