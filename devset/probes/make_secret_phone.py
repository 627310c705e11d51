#!/usr/bin/env python3
"""Builds devset/probes/secret_phone.jsonl - a hand-written evaluation set for
SECRET / PHONE (plus EMAIL / PERSON) detection.

Texts are written with inline markers  ⟦T:value⟧  where T is
  S = SECRET, P = PHONE, E = EMAIL, N = PERSON (name).
The markers are stripped, the ordered (type, value) list is kept, and the
offsets are then computed by locating each value with str.index() starting
from a running position (end of the previous entity).  The running-position
result is cross-checked against the marker position, and every entity is
verified with text[start:end] == value and for non-overlap.
All values are invented.
"""
import os
import collections
import json
import random
import re
import sys

ITEMS = []


def add(locale, template, text):
    ITEMS.append((locale, template, text))

# ---------------------------------------------------------------- English
add("en", "support ticket pw reset", r"""
Hi team,
customer (Northwind Logistics) can't get into the reporting portal since this morning. I reset the password to ⟦S:vR4#pq8!Zx⟧ but she says it still bounces her back to the login page. Ticket #48213. Can someone check if SSO is overriding local auth? Her direct line is ⟦P:(555) 016-3382⟧.
thx ⟦N:Priya⟧
""")

add("en", "slack pw in prose", r"""
hey can you try the staging db again, pw is ⟦S:bluefish88⟧ now, ⟦N:Dan⟧ rotated it yesterday. ring me on ⟦P:07700 900275⟧ if it still fails
""")

add("en", "shell history PGPASSWORD", r"""
  501  cd ~/projects/billing
  502  export PGPASSWORD='⟦S:Tq7mL2vx9Rw⟧'
  503  psql -h db-billing.internal -U billing_ro -d invoices -c "select count(*) from invoice where status='open'"
  504  git pull --rebase
  505  make test
why does 503 hang forever?
""")

add("en", "python requests auth tuple", r"""
why does this return 401??

```python
import requests
r = requests.get(
    "https://api.internal.example.com/v2/reports",
    auth=("reporting-bot", "⟦S:Winter-Lantern-42⟧"),
    timeout=10,
)
print(r.status_code, r.text[:200])
```
""")

add("en", "curl bearer jwt", r"""
getting a 403 with this, token looks valid to me?
curl -s -H "Authorization: Bearer ⟦S:eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIzMTg1MCIsImlhdCI6MTcxNTU2ODczNSwicm9sZSI6InVzZXIifQ.Pdca95os9wMKQJH_bezytVrvrXiDRx_FsqRu2svfle4⟧" https://gateway.example.io/v1/accounts/7731/limits | jq .
""")

add("en", ".env to k8s secret", r"""
# .env.production
APP_ENV=production
APP_DEBUG=false
DB_HOST=10.20.4.11
DB_PORT=5432
DB_USER=shopfront
DB_PASSWORD=⟦S:n8Vq!2sLr$w0⟧
STRIPE_SECRET_KEY=⟦S:sk_live_mhyLbLuMMAgsNt7lRwSBmys5⟧
REDIS_URL=redis://cache.internal:6379/0

can you convert this to a k8s Secret manifest?
""")

add("en", "email signature US phones", r"""
Hi,

Thanks for the quick turnaround on the quote. We'd like to move ahead with the 3-year option; the PO will follow from procurement this week.

Best regards,
⟦N:Jennifer Walsh⟧
Senior Buyer | Halcyon Medical Supply
Direct: ⟦P:(555) 014-2287⟧
Mobile: ⟦P:555-019-4410⟧
⟦E:jennifer.walsh@halcyon-medical.example⟧

rewrite this to sound less stiff pls
""")

add("en", "chat call me UK mobile", r"""
call me on ⟦P:07700 900461⟧ when you're out of the meeting, vendor wants an answer before 4
""")

add("en", "NEG order/tracking/invoice", r"""
Order 4410-2281-7730 shipped on 2024-03-18, tracking 1Z 4F2 9X7 03 6618 2093. Invoice INV-2024-000318 for €1,249.00 was paid on 2024-03-20. The customer asks why the second parcel (order 4410-2281-7731) is still pending. Draft a polite reply.
""")

add("en", "NEG yaml placeholders", r"""
```yaml
database:
  host: localhost
  port: 5432
  user: app
  password: ${DB_PASSWORD}
smtp:
  host: smtp.example.com
  user: notifications
  password: changeme
```
what's the right way to override these in helm values?
""")

add("en", "NEG python env read", r"""
```python
import os

API_KEY = os.environ["PAYMENTS_API_KEY"]
DB_PASS = os.getenv("DB_PASS", "")

def client():
    return PaymentsClient(api_key=API_KEY, timeout=30)
```
is os.getenv with a default of "" a security risk?
""")

add("en", "git remote with token", r"""
$ git remote -v
origin	https://deploy-bot:⟦S:ghp_lpKoBoAlQW2v4Iw8THSRGUEBH74QzSwmiFgF⟧@github.com/acme-corp/infra-live.git (fetch)
origin	https://deploy-bot:⟦S:ghp_lpKoBoAlQW2v4Iw8THSRGUEBH74QzSwmiFgF⟧@github.com/acme-corp/infra-live.git (push)
how do I switch this to ssh without recloning
""")

add("en", "docker-compose keycloak", r"""
services:
  db:
    image: postgres:16
    environment:
      POSTGRES_USER: kc
      POSTGRES_PASSWORD: ⟦S:Keycl0ak!Db2024⟧
  keycloak:
    image: quay.io/keycloak/keycloak:24.0
    environment:
      KC_DB_URL: jdbc:postgresql://db:5432/keycloak
      KC_DB_USERNAME: kc
      KC_DB_PASSWORD: ⟦S:Keycl0ak!Db2024⟧
      KEYCLOAK_ADMIN: admin
      KEYCLOAK_ADMIN_PASSWORD: ⟦S:pR3tty-Secure-Admin⟧

keycloak wont start, log says FATAL: password authentication failed for user "kc"
""")

add("en", "js fetch x-api-key", r"""
const res = await fetch(`${BASE}/v3/shipments`, {
  method: "POST",
  headers: {
    "Content-Type": "application/json",
    "X-Api-Key": "⟦S:ak-4926fcfa607a655cb61a5f65a1343be4⟧",
  },
  body: JSON.stringify(payload),
});

why is req.body empty on the express side?
""")

add("en", "go sql.Open dsn", r"""
db, err := sql.Open("postgres", "postgres://orders_svc:⟦S:Zr8uE3wq1pXk⟧@orders-db.prod.internal:5432/orders?sslmode=require")
if err != nil {
    log.Fatal(err)
}
defer db.Close()

locally I get `pq: SSL is not enabled on the server`, how do I make sslmode configurable?
""")

add("en", "java jdbc positional", r"""
Connection conn = DriverManager.getConnection(
    "jdbc:mysql://10.0.3.17:3306/crm?useSSL=false",
    "crm_app",
    "⟦S:M0nday#Coffee⟧");

Why am I getting "Communications link failure" only on the build server?
""")

add("en", "appsettings connection string", r"""
appsettings.Production.json:
"ConnectionStrings": {
  "Default": "Server=tcp:acme-sql.database.windows.net,1433;Initial Catalog=Ledger;User ID=ledger_admin;Password=⟦S:7hG!vW2q@Lp9⟧;Encrypt=True;TrustServerCertificate=False;Connection Timeout=30;"
}
Update-Database just hangs. any idea?
""")

add("en", "ruby stripe restricted key", r"""
require "stripe"
Stripe.api_key = "⟦S:rk_live_KCdF2s8j1EjadEaKn736ejao⟧"
charge = Stripe::Charge.retrieve("ch_3OqK2vLkdIi8h0QW1c9pXq2R")
puts charge.status
# => NoMethodError: undefined method `status' for nil
""")

add("en", "php mysqli positional", r"""
<?php
$mysqli = new mysqli("localhost", "wp_user", "⟦S:sunflower2019⟧", "wordpress");
if ($mysqli->connect_errno) {
    echo "Failed: " . $mysqli->connect_error;
    exit();
}
site shows "Error establishing a database connection" since we moved hosts
""")

add("en", "rust reqwest header", r"""
let client = reqwest::Client::new();
let resp = client
    .post("https://api.linear.app/graphql")
    .header("Authorization", "⟦S:lin_api_CpFZY6KWe2xHvE5or6JT2HKA88fImO25ztoh4b3w⟧")
    .json(&body)
    .send()
    .await?;
the borrow checker complains about `body` moving, how to fix
""")

add("en", "sql create user", r"""
CREATE USER reporting WITH PASSWORD '⟦S:r3p0rt!ng-Q2⟧';
GRANT SELECT ON ALL TABLES IN SCHEMA analytics TO reporting;
-- oracle side:
ALTER USER etl_loader IDENTIFIED BY ⟦S:Lx2v9TqB0m⟧;
is there an equivalent of the GRANT for future tables in postgres?
""")

add("en", "CI log npm token", r"""
Run ./scripts/publish.sh
+ echo "//registry.npmjs.org/:_authToken=⟦S:npm_Lyxwuu6jsYYJdhGet63reUoHn4Q0WtcbbvfS⟧" > ~/.npmrc
+ npm publish --access public
npm ERR! code E403
npm ERR! 403 403 Forbidden - PUT https://registry.npmjs.org/@acme%2fui-kit - You cannot publish over the previously published versions: 2.4.1.
Error: Process completed with exit code 1.
""")

add("en", "stack trace db url in debug", r"""
2024-05-02 11:04:17,332 DEBUG settings loaded: DATABASE_URL=postgresql://worker:⟦S:Gh5!rT0pw8Ze⟧@pg-main.internal:5432/jobs
Traceback (most recent call last):
  File "/app/worker.py", line 41, in <module>
    engine.connect()
  File "/usr/local/lib/python3.11/site-packages/sqlalchemy/engine/base.py", line 3268, in connect
    return self._connection_cls(self)
sqlalchemy.exc.OperationalError: (psycopg2.OperationalError) connection to server at "pg-main.internal" (10.8.0.12), port 5432 failed: FATAL:  password authentication failed for user "worker"
""")

add("en", "csv site contacts", r"""
name,site,phone
⟦N:Lena Fischer⟧,Berlin,⟦P:+49 30 23125871⟧
⟦N:Owen Harris⟧,Leeds,⟦P:+44 113 496 0381⟧
can you turn this into a markdown table sorted by site
""")

add("en", "markdown on-call table", r"""
| Week | Primary | Phone |
|------|---------|-------|
| 14 | ⟦N:Tom⟧ | ⟦P:+1 555 010 3398⟧ |
| 15 | ⟦N:Aisha⟧ | ⟦P:+44 20 7946 0172⟧ |
add week 16 with the same layout, leave the name empty
""")

add("en", "meeting notes vendor hotline", r"""
Notes – vendor sync 12/03
- attendees: ⟦N:Raj⟧, ⟦N:Kim⟧, vendor PM
- vendor escalation line: ⟦P:+91 98450 12763⟧ (24/7)
- SLA credit for Feb outage: 8% of monthly fee
- next review 26/03
summarise in 3 bullets
""")

add("en", "handover note kiosk", r"""
Handover for the weekend:
- backup job on nas02 is flaky, restart with `systemctl restart borg-backup`
- if the UPS alarm goes off call facilities: ⟦P:020 7946 0815⟧
- local admin on the kiosk PCs: ⟦S:Kiosk!Admin77⟧ (yes i know, rotating monday)
- ⟦N:Sam⟧ is on call Sat
""")

add("en", "NEG password policy text", r"""
Our password policy requires at least 12 characters, including one uppercase letter, one digit and one special character. Passwords expire every 90 days and the last 5 passwords cannot be reused. Can you rewrite this paragraph in plainer language for the employee handbook?
""")

add("en", "NEG deploy ids sha uuid", r"""
deploy failed for commit 3134b65ab3adf32b1cc8fa650bdf6593d1b61b4b, request id 5f0c2a9e-7d41-4b8e-9c3a-1e2f7a6b8d90, build 2024.06.11-1842. roll back to v3.14.2 or hotfix?
""")

add("en", "NEG isbn part numbers", r"""
Please reorder for the training room:
- ISBN 978-1-4920-5234-1, qty 12
- part no. 4021-330-7781 (HDMI adapter), qty 4
- cable kit CK-2210-0450, qty 2
Budget code 7730-114. Write the request email.
""")

add("en", "nginx basic auth header", r"""
location /metrics {
    proxy_pass http://127.0.0.1:9100;
    proxy_set_header Authorization "Basic ⟦S:bW9uaXRvcjpHcjRmYW5hI09wcw==⟧";
}
prometheus still gets 401 from the exporter, what am I missing
""")

add("en", ".netrc heroku", r"""
~/.netrc
machine api.heroku.com
  login ⟦E:ops@brightlane.example⟧
  password ⟦S:4a7c2e19-8b3d-4f6a-9e21-c0d5b7a8f316⟧
machine git.heroku.com
  login ⟦E:ops@brightlane.example⟧
  password ⟦S:4a7c2e19-8b3d-4f6a-9e21-c0d5b7a8f316⟧
heroku cli keeps asking me to log in anyway
""")

add("en", ".pgpass", r"""
cat ~/.pgpass
# hostname:port:database:username:password
pg-replica-1.internal:5432:*:replicator:⟦S:rep1ic@te-Me-2024⟧
pg-replica-2.internal:5432:*:replicator:⟦S:Qw9!zzTp4kLm⟧
psql still prompts for a password, perms are 0644
""")

add("en", ".npmrc github packages", r"""
registry=https://npm.pkg.github.com/
//npm.pkg.github.com/:_authToken=⟦S:ghp_955U3kgXQMlO6UsBCho73EM2HPcNMZdV1CtP⟧
always-auth=true
does this file belong in the repo or in ~?
""")

add("en", ".pypirc token", r"""
[distutils]
index-servers =
    pypi

[pypi]
username = __token__
password = ⟦S:pypi-AgEIcHlwaS5vcmcQoY-lM4egoBy4oz6-njrxSQN5ONc8_4DpdZDr3MMT9362mwmfaC2sNl8ZZh4⟧

twine upload says 403 invalid or non-existent authentication information
""")

add("en", "ssh config + private key", r"""
Host bastion
  HostName 203.0.113.24
  User ec2-user
  IdentityFile ~/.ssh/bastion.pem

and bastion.pem is:
⟦S:-----BEGIN RSA PRIVATE KEY-----
MIIEowIBAAKCAQEAzsJmW3V/RCyAxC36Ztduv8ZsTexbrSos8KHOFYkD2Wi5Kexl
V/LWKdksSZ4Cw6hFz2YcbOKDzkC18xxDTdE/MTxJl1la0Upqo/93gzy5XyWTBRis
bsHMrMzF1L0vXBO+zON1n3OfNqBvf8SX4Cng14MjlqT0QYPclNFRkMLhY8KsZbAC
tZdiV4XVdtGwzAE5ZwCeVeNph9Xvk2YKNZ0mEB3Vmb2XYzPKzFiH66hBQuTH1lu4
gGqM7cNe9fNWJnrrBzqo/CSrAowGo9OFVEUYyxIYr3WVUeAd1XVgO/hXi426JGVY
-----END RSA PRIVATE KEY-----⟧
ssh says "Load key bastion.pem: invalid format"
""")

add("en", "terraform aws provider", r"""
provider "aws" {
  region     = "eu-central-1"
  access_key = "⟦S:AKIAWSWEXV23IJLQ31XG⟧"
  secret_key = "⟦S:cVFzbjcoP95wL0rKA53zmg7srxirfu19Ac+kKd2L⟧"
}
terraform plan works on my laptop but not in the pipeline
""")

add("en", "k8s secret stringData+data", r"""
apiVersion: v1
kind: Secret
metadata:
  name: smtp-creds
  namespace: notifications
type: Opaque
stringData:
  SMTP_USER: mailer
  SMTP_PASS: "⟦S:Sm7p-relay-Kx92⟧"
data:
  REDIS_PASSWORD: ⟦S:cmVkaXMtUGE1NS1wcm9kLTc=⟧
the pod sees SMTP_PASS but REDIS_PASSWORD is garbled?
""")

add("en", "xml datasource", r"""
<dataSource>
  <url>jdbc:oracle:thin:@//ora-prod:1521/FIN</url>
  <username>fin_batch</username>
  <password>⟦S:F1nance_Batch#88⟧</password>
  <maxPoolSize>20</maxPoolSize>
</dataSource>
ORA-01017 after the password change last night
""")

add("en", "spring properties", r"""
spring.datasource.url=jdbc:postgresql://localhost:5432/inventory
spring.datasource.username=inventory
spring.datasource.password=⟦S:inv3ntory-Pa55⟧
spring.mail.host=smtp.office365.com
spring.mail.username=
spring.mail.password=
spring.jpa.hibernate.ddl-auto=validate
""")

add("en", "gitea app.ini/toml", r"""
[database]
DB_TYPE = mysql
HOST = 127.0.0.1:3306
NAME = gitea
USER = gitea
PASSWD = `⟦S:T0ml-Gitea-91x⟧`

[mailer]
ENABLED = true
PASSWD = <your-smtp-password>
""")

add("en", "ini backup + env refs", r"""
[mysql]
host = db1.lan
user = backup
password = ⟦S:b4ckup-Nightly!⟧

[s3]
bucket = nightly-dumps
access_key = ${S3_ACCESS_KEY}
secret_key = ${S3_SECRET_KEY}
""")

add("en", "ecs task def env pairs", r"""
"environment": [
  {"name": "DB_HOST", "value": "orders.cluster-c8x2.eu-west-1.rds.amazonaws.com"},
  {"name": "DB_PASS", "value": "⟦S:aW3s0me-0rders-DB⟧"},
  {"name": "LOG_LEVEL", "value": "info"}
],
should I move DB_PASS into "secrets" with valueFrom?
""")

add("en", "mysql -p quoted", r"""
mysql -u root -p'⟦S:R00t!Maria#3⟧' -h 127.0.0.1 shop < dump_2024-05-02.sql
ERROR 1064 (42000) at line 2281: You have an error in your SQL syntax
""")

add("en", "curl -u jenkins api token", r"""
curl -u build-bot:⟦S:11a84bba07931db925306a0799dc6ebd71⟧ -X POST "https://ci.acme.example/job/nightly/buildWithParameters?BRANCH=main"
returns 403 No valid crumb was included in the request
""")

add("en", "docker login --password=", r"""
docker login registry.acme.example --username ci --password=⟦S:Rg7$kLq2Vn8w⟧
WARNING! Using --password via the CLI is insecure. Use --password-stdin.
whats the cleanest way to do --password-stdin in a makefile
""")

add("en", "vault token flag", r"""
./vault-agent --addr https://vault.internal:8200 --token ⟦S:hvs.85VB7NieMlQDs9sdmDSOJqFK⟧ --role deploy --once
Error: permission denied (403) on sys/leases/renew
""")

add("en", "webhook signing secret prose", r"""
endpoint secret for the new stripe webhook is ⟦S:whsec_72x2B5QrDz2CE8ZiC2N6mpSa7AfmLfWx⟧ — can you put it in the vault under payments/prod? ⟦N:Olga⟧ needs it by tomorrow (her mobile is ⟦P:07700 900814⟧ if slack is down)
""")

add("en", "app log token leak", r"""
[2024-05-14T09:12:33Z] DEBUG auth: incoming token=⟦S:eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI0NjA5OSIsImlhdCI6MTcwNTk4Njk1Mywicm9sZSI6InN2YyJ9.mT107qby9nxdjkxVkx7S5wTvoSok9S3TBEqx4eWPBVI⟧ aud=orders iss=https://login.acme.example
[2024-05-14T09:12:33Z] WARN  auth: token expired at 2024-05-14T09:00:00Z
[2024-05-14T09:12:34Z] INFO  http: 401 POST /v1/orders 3ms
why does the svc role get expired tokens
""")

add("en", "python openai client", r"""
from openai import OpenAI
client = OpenAI(api_key="⟦S:sk-proj-g5kpYYrDYo57oJP6hq6ItLy8k_QY0vPToTry_L31PNgqWbch⟧")
resp = client.chat.completions.create(model="gpt-4o-mini", messages=msgs)
how do I stream this instead
""")

add("en", "guest wifi passphrase", r"""
New wifi for the guest network is "⟦S:correct-violet-teapot-river⟧", old one stops working friday. can you make a little sign for reception, with "problems? call IT on ⟦P:020 7946 0639⟧" at the bottom
""")

add("en", "chat router password lol", r"""
lol he used ⟦S:Password123!⟧ for the router admin (the isp tech, number's on the box: ⟦P:0345 555 0127⟧). changed it to ⟦S:Tr0ub4dor&Sky⟧ for now, will put it in 1password later
""")

add("en", "crm export us phones no sep", r"""
customer_id,full_name,phone,signup
10443,⟦N:Carlos Mendez⟧,⟦P:5550148832⟧,2023-11-02
10444,⟦N:Beth Oduya⟧,⟦P:5550173390⟧,2023-11-02
dedupe against the mailing list by phone
""")

add("en", "regional support lines EU", r"""
Regional support lines (mon-fri 8-18 local):
- Italy: ⟦P:+39 02 8945 1203⟧
- Netherlands: ⟦P:+31 20 794 6621⟧
- Switzerland: ⟦P:+41 44 668 1820⟧
- Austria: ⟦P:+43 1 253 4410⟧
make this a table with a timezone column
""")

add("en", "regional lines more EU", r"""
Belgium ⟦P:+32 2 555 12 34⟧ | Poland ⟦P:+48 22 594 30 11⟧ | Sweden ⟦P:+46 8 123 456 78⟧
these go in the footer of the Nordic/Benelux newsletter, check formatting
""")

add("en", "whatsapp brazil", r"""
ping me on whatsapp ⟦P:+55 11 98765-4321⟧ if the container gets stuck at customs again. ⟦N:Rafael⟧
""")

add("en", "field agents intl", r"""
Field agents for the pilot:
⟦N:Thabo⟧ (Cape Town) ⟦P:+27 21 555 0198⟧
Nairobi desk ⟦P:+254 712 555 018⟧
Lagos desk ⟦P:+234 803 555 0142⟧
""")

add("en", "APAC/LatAm offices", r"""
offices: Mexico City ⟦P:+52 55 5278 4100⟧, Tokyo ⟦P:+81 3-6823-4410⟧, Sydney ⟦P:+61 2 9274 5512⟧. all numbers go to reception, not sales.
""")

add("en", "billing desk with extension", r"""
You can reach our billing desk at ⟦P:(555) 010-7788⟧ ext. 214 between 9 and 5 EST, or email ⟦E:billing@corvid-software.example⟧. Please quote your invoice number (e.g. CS-88120) when calling.
""")

add("en", "UK signature +44 (0)", r"""
Kind regards,

⟦N:Fiona McAllister⟧
Practice Manager
Westgate Dental
T: ⟦P:+44 (0)161 496 0722⟧
M: ⟦P:07700 900 318⟧
""")

add("en", "NEG metrics timestamps prices", r"""
Between 2024-02-01 08:00 and 2024-02-01 09:30 UTC we processed 1,284,559 events with a peak of 12,003/s. Monthly cost went from $1,204.55 to $1,899.10. Write a one-paragraph incident summary for finance.
""")

add("en", "NEG versions", r"""
after upgrading mariadb from 10.4.32 to 11.2.3 and node from 18.19.0 to 20.11.1 the healthcheck on 10.0.4.12:8080 flaps every ~30s. changelog for 11.2.3 mentions nothing. ideas?
""")

add("en", "NEG checksum", r"""
sha256sum of the release tarball: 9ba41cbb44f0753903870712d5f63adfa395d6cff31aeea03bdba261ad590acb
the website lists 9ba41cbb44f0753903870712d5f63adfa395d6cff31aeea03bdba261ad590acc — is this a mismatch or a typo on their side?
""")

add("en", "NEG readme placeholders", r"""
## Local setup
1. Copy `.env.example` to `.env`
2. Set `API_TOKEN=<your-token-here>` and `DB_PASSWORD=<choose-a-password>`
3. Run `make dev`

The local admin password is whatever you put in `ADMIN_PASSWORD` (default: empty).
Can you turn this into a CONTRIBUTING.md section?
""")

add("en", "NEG masked log", r"""
2024-06-03 07:41:10 INFO  connecting to db host=pg01 port=5432 user=app password=**** sslmode=require
2024-06-03 07:41:15 WARN  connection attempt 3/5 failed: timeout after 5000ms
2024-06-03 07:41:20 ERROR giving up
""")

add("en", "NEG curl with xxx", r"""
the docs say:
curl -H "Authorization: Bearer xxx" https://api.example.com/v1/me
"replace xxx with your personal token". where do I generate the personal token?
""")

add("en", "NEG error codes dates", r"""
Windows update KB5034441 fails with 0x80070643 on 14 of 30 laptops (asset tags 2023-0412 to 2023-0441). Started 01/09/2024. Is there a known fix?
""")

add("en", "NEG sql schema", r"""
CREATE TABLE users (
  id BIGSERIAL PRIMARY KEY,
  email_address TEXT NOT NULL UNIQUE,
  password_hash TEXT NOT NULL,
  api_key_prefix CHAR(8),
  created_at TIMESTAMPTZ DEFAULT now()
);
should password_hash be bytea instead?
""")

add("en", "NEG terraform var refs", r"""
resource "aws_db_instance" "main" {
  engine         = "postgres"
  instance_class = "db.t3.medium"
  username       = "app"
  password       = var.db_password
  tags = { CostCenter = "4410-22" }
}
how do I mark var.db_password as sensitive
""")

add("en", "ticket callback request", r"""
Customer ⟦N:Wendy Park⟧ called from ⟦P:+1 (555) 013-6620⟧ about a double charge on order 77120934. She'd like a callback after 3pm her time. Can you draft the follow-up note?
""")

add("en", "india mobile chat", r"""
my number changed btw, new one is ⟦P:98201 55432⟧. old one ends 1187, pls update the escalation sheet
""")

add("en", "temp pw + phone verify", r"""
pls reset pw for ⟦N:Gary⟧'s account, temp pw ⟦S:Welcome2024!⟧, he's at ⟦P:555.014.9021⟧ if you need to verify
""")

add("en", "mongo uri", r"""
const uri = "mongodb+srv://app_rw:⟦S:Xk82mPq0LzTw⟧@cluster0.k2j9p.mongodb.net/prod?retryWrites=true&w=majority";
const client = new MongoClient(uri);
getting MongoServerSelectionError after 30000ms
""")

add("en", "redis url password only", r"""
REDIS_URL=redis://:⟦S:8uJ3!vQp2Lr⟧@10.30.1.5:6379/2
celery says "invalid username-password pair", but there's no username?
""")

add("en", "azure storage conn string", r"""
"AzureWebJobsStorage": "DefaultEndpointsProtocol=https;AccountName=acmefuncstore;AccountKey=⟦S:uCzi1npXTSXmNPRyGimKwjZVVlYVI3HmQ1QHdrtfDz/PyLwtygZt5YrGXkBRUUv2JMnGQcn8p8krsjf6WCg2Dw==⟧;EndpointSuffix=core.windows.net"
function app won't start in the portal
""")

add("en", "twilio sid + auth token", r"""
from twilio.rest import Client
account_sid = "AC791b353b191fd0bae5e67bb9d2759235"
auth_token = "⟦S:8b8c764d1c0acb3dea13519a60a077bb⟧"
client = Client(account_sid, auth_token)
client.messages.create(to="⟦P:+15550182277⟧", from_="⟦P:+15550109931⟧", body="Your table is ready")
""")

add("en", "datadog yaml api key", r"""
# /etc/datadog-agent/datadog.yaml
api_key: ⟦S:d142880e8427abeec12975fd55911ea2⟧
site: datadoghq.eu
logs_enabled: true
agent status shows API Key invalid
""")

add("en", "google maps key js", r"""
<script src="https://maps.googleapis.com/maps/api/js?key=⟦S:AIzaN-kvkdgK7FI0b4iiLl3Ezomr0odA_v4-ffD⟧&callback=initMap" async></script>
map shows "for development purposes only" watermark
""")

add("en", "sendgrid key in env block", r"""
environment:
  - SENDGRID_API_KEY=⟦S: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⟧
  - MAIL_FROM=⟦E:no-reply@tallyhome.example⟧
emails land in spam at gmail, SPF is set
""")

add("en", "made-up vendor tok_live", r"""
Integration partner sent us creds for their sandbox->prod switch:
  client id: partner-4471
  token: ⟦S:tok_live_hJ5CjNkWaHKQFc645bmJEaOQdIdt⟧
  escalation: ⟦P:+44 20 7946 0457⟧ (24h NOC)
do we store this in ssm or secrets manager?
""")

add("en", "digitalocean token shell", r"""
$ doctl auth init --access-token ⟦S:dop_v1_9a748a9a7bb604c3039b4b1f56ee62dd5a7618638bcdd0a13aa1830943f84ed9⟧
Validating token... OK
$ doctl kubernetes cluster kubeconfig save prod-ams3
# DO support said to call them back on ⟦P:+1 646 555 0193⟧ if the cluster stays degraded
""")

add("en", "slack bot token python", r"""
from slack_sdk import WebClient
client = WebClient(token="⟦S:xoxb-426162134728-3483393542814-1VcHUgIRdxNSJlJfSkaFamow⟧")
client.chat_postMessage(channel="#deploys", text=f"{svc} deployed to {env}")
# slack_sdk.errors.SlackApiError: not_in_channel
""")

add("en", "gitlab ci variable leak", r"""
$ echo $CI_JOB_TOKEN
[MASKED]
$ git clone https://oauth2:⟦S:glpat-EoAXHmGRZ2XsTS5MivpF⟧@gitlab.acme.example/platform/charts.git
Cloning into 'charts'...
fatal: Authentication failed
""")

add("en", "hf token cli", r"""
huggingface-cli login --token ⟦S: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⟧
then `from_pretrained` still says 401 for the gated repo, why
""")

add("en", "email w/ creds to contractor", r"""
From: ⟦N:Mark Ellison⟧ <⟦E:m.ellison@quarrybank.example⟧>
To: contractor

VPN user is qb-ext-17, initial password ⟦S:Qb!ext-17-Tmp⟧ — you will be asked to change it at first login. Helpdesk: ⟦P:0113 496 0544⟧.
""")

add("en", "jira api token basic", r"""
curl -u ⟦E:svc-jira@acme.example⟧:⟦S:ATATT3xweRMrlT43yDnqS4ZXIHAbIVertTdTlQdnDpG7fxp⟧ \
  -H "Accept: application/json" \
  "https://acme.atlassian.net/rest/api/3/search?jql=project=OPS"
""")

add("en", "handover sloppy passwords", r"""
handover from nightshift:
printer in 2nd floor jammed again (ticket 55821)
the wms admin login changed, its now ⟦S:Forklift#2024⟧ , user whadmin
carrier hotline if trucks dont show: ⟦P:1-555-010-4420⟧
""")

add("en", "shopify admin token js", r"""
const shopify = shopifyApi({ apiSecretKey: process.env.SHOPIFY_SECRET, hostName: "shop.example" });
const session = { shop: "tallyhome.myshopify.com", accessToken: "⟦S: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⟧" };
why do I need both here
""")

add("en", "anthropic key env export", r"""
export ANTHROPIC_API_KEY=⟦S:sk-ant-api03-Qj_QKhCHD4__UjgjfXudzTQXGqi-x8PikL2t_yiRbiMdYN2fFq6oCoS1UFyVlYONgEUsYx1ihEeGY14iiMyD5FAA⟧
python eval.py --model claude --n 200
it errors with 429 after 40 requests
""")

add("en", "NEG uuid api resource ids", r"""
GET /v2/projects/0b6f3e2a-91c4-4d7e-a5f8-3c2d1e0f9a8b/runs?cursor=eyJvZmZzZXQiOjUwfQ&limit=50
the cursor keeps returning the same page. is it because I'm url-encoding it?
""")

add("en", "NEG k8s secretKeyRef", r"""
env:
  - name: DB_PASSWORD
    valueFrom:
      secretKeyRef:
        name: app-db
        key: password
  - name: API_TOKEN
    valueFrom:
      secretKeyRef:
        name: partner-api
        key: token
is there a way to mount all keys of a secret as env at once?
""")

add("en", "NEG phone-like serials", r"""
Serial numbers of the returned units: 0412-7788-2019, 0412-7788-2020, 0412-7788-2023. RMA 2024-05571. Batch produced 2023-11-14. Are these in the recalled range 0412-7788-2000 to 0412-7788-2099?
""")

add("en", "NEG ci log no secrets", r"""
##[group]Run actions/setup-node@v4
with:
  node-version: 20.11.1
  cache: npm
##[endgroup]
Found in cache @ /opt/hostedtoolcache/node/20.11.1/x64
npm ci
added 1432 packages in 38s
> tsc -p tsconfig.build.json
src/api/client.ts(118,7): error TS2322: Type 'string | undefined' is not assignable to type 'string'.
""")

add("en", "NEG sprint notes", r"""
sprint 41 retro:
- deploy pipeline down to 11 min (was 19)
- flaky e2e test in checkout, 3 of 20 runs fail
- decided: rotate all service credentials quarterly, owner platform team
- action: move secrets from .env files to vault by end of Q3
""")

add("en", "stack trace with phone in payload", r"""
ValidationError: 1 validation error for Contact
phone
  value is not a valid phone number [type=value_error, input_value='⟦P:+44 7700 900123⟧', input_type=str]
the number looks fine to me, is it the spaces?
""")

add("en", "support ticket callback UK", r"""
Subject: Broken boiler – urgent
Hi, this is ⟦N:Harriet⟧ from flat 3B. Nobody has come yet. Please ring my landline ⟦P:020 7946 0331⟧ or mobile ⟦P:07700900642⟧.
""")

add("en", "terse pw chat", r"""
pw for the shared figma acct: ⟦S:Pix3l-Pushers-9⟧ dont share outside design. if it asks for 2fa text me, ⟦P:555-016-7720⟧
""")

add("en", "java props api key", r"""
# application-prod.properties
payments.api.base-url=https://api.paynexa.example/v2
payments.api.key=⟦S:pk_prod_PBpHQIntDGaWPWea1Ri77VsE1xb55N⟧
payments.api.timeout-ms=4000
""")

add("en", "csharp httpclient header", r"""
using var http = new HttpClient();
http.DefaultRequestHeaders.Add("X-Auth-Token", "⟦S:zx_sec_jSkACXH58U1TX8ZW7ZzRF1pcPv⟧");
var json = await http.GetStringAsync("https://status.zxmon.example/api/checks");
// TaskCanceledException after 100s
""")

add("en", "sql connection in dbt profile", r"""
# profiles.yml
analytics:
  target: prod
  outputs:
    prod:
      type: snowflake
      account: ab12345.eu-central-1
      user: DBT_SVC
      password: "⟦S:Snowfl4ke-Dbt-Prod!⟧"
      role: TRANSFORMER
      warehouse: WH_XS
""")

add("en", "openssh private key ask", r"""
is this key encrypted? it doesn't ask for a passphrase
⟦S:-----BEGIN OPENSSH PRIVATE KEY-----
b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW
QyNTUxOQAAACAtSk6QEZMLBDCVbV2Uq4br99gnVs4S/4GdsAxeOMpUlXjv4GgF8sKmVFDBZ
2iUUtVOiq6cRwIp0TQmTzNZ0WdAbbHuFUzDeAg5nQ1yZH4Jd3EwBEsrkJVR3rt5D9C69UX
f4ajPfZ1hE839Yg1UneHt018ole4Clq/1gMQ8T3x+hYRmVXomCBZdkujpR==
-----END OPENSSH PRIVATE KEY-----⟧
""")

add("en", "sloppy email bank pw", r"""
hey ⟦N:jess⟧ the login for the supplier portal is our usual one but with the year bumped, so ⟦S:Harbour2025$⟧ , if it locks call ⟦N:Dave⟧ on ⟦P:555 013 7742⟧
""")

add("en", "netlify/vercel made-up token", r"""
VERCEL_TOKEN is fine locally but in CI I pasted it into the wrong var:
  NETLIFY_AUTH_TOKEN=⟦S:nbl-d9a825ad-a20f-7c715a5324ee52fc57c7⟧
does netlify cli pick it up from NETLIFY_AUTH_TOKEN automatically?
""")

add("en", "NEG env example file", r"""
# .env.example — copy to .env
DATABASE_URL=postgres://user:password@localhost:5432/app_dev
STRIPE_SECRET_KEY=sk_test_xxxxxxxxxxxxxxxxxxxx
SENTRY_DSN=
JWT_SECRET=<generate with openssl rand -hex 32>
is it ok to commit this file?
""")

add("en", "NEG invoice table", r"""
| Invoice | Date | Amount | Status |
|---|---|---|---|
| 2024-0318 | 18.03.2024 | 1.249,00 € | paid |
| 2024-0412 | 12.04.2024 | 3.880,50 € | open |
| 2024-0507 | 07.05.2024 | 615,00 € | open |
total the open ones
""")

add("en", "lowercase chat phone + email", r"""
ok so the caterer is ⟦N:maria⟧, ⟦E:maria@lunchbox-catering.example⟧, cell ⟦P:555 017 2290⟧. she needs final headcount by wed
""")

add("en", "go hardcoded key const", r"""
package notify

const (
	apiBase   = "https://api.pushwave.example/v1"
	apiSecret = "⟦S:PNWqDDdnJfOmi1mI5SIWFUEuStfbLJjTydZVy1HI⟧"
)

func New() *Client { return &Client{base: apiBase, secret: apiSecret} }
// golangci-lint: G101 potential hardcoded credentials — how to silence properly?
""")

add("en", "ssh one-liner sshpass", r"""
sshpass -p '⟦S:Lab-Switch#0417⟧' ssh -o StrictHostKeyChecking=no admin@10.10.0.2 'show running-config' > sw-core-1.cfg
loop this over 12 switches from a csv
""")
# ---------------------------------------------------------------- German
add("de", "Ticket Kennwort lautet", r"""
Hallo zusammen,
Herr ⟦N:Brandt⟧ aus der Buchhaltung kommt seit dem Update nicht mehr ins DATEV-Portal. Ich habe das Kennwort zurückgesetzt, es lautet jetzt ⟦S:Herbstlaub2023!⟧. Bitte prüfen, ob die Zwei-Faktor-Anmeldung noch aktiv ist. Er ist unter ⟦P:0421 5598312⟧ erreichbar.
Gruß
⟦N:Simone⟧
""")

add("de", "E-Mail-Signatur Tel/Mobil", r"""
Sehr geehrte Damen und Herren,

anbei das Angebot Nr. 2024-0871 wie besprochen. Die Preise gelten bis 30.06.2024.

Mit freundlichen Grüßen
⟦N:Katrin Vogel⟧
Vertriebsinnendienst
Tel.: ⟦P:030 20459873⟧
Mobil: ⟦P:0170 5538214⟧

Bitte formeller formulieren und auf Englisch übersetzen.
""")

add("de", "Durchwahl nicht im Span", r"""
Bei Rückfragen erreichen Sie mich unter ⟦P:089 2180 3344⟧, Durchwahl 23, oder per Mail an ⟦E:t.huber@alpenwerk.example⟧.
""")

add("de", "Durchwahl mit Bindestrich", r"""
Zentrale: ⟦P:0211 93847-0⟧
Service-Hotline: ⟦P:0211 93847-15⟧
Fax: ⟦P:0211 93847-99⟧
Bitte als vCard formatieren.
""")

add("de", "Signatur +49 (0)", r"""
Viele Grüße aus Berlin
⟦N:Jonas Petersen⟧ | Teamlead Infrastruktur
T ⟦P:+49 (0)30 5567321⟧
""")

add("de", "Handy mit Schrägstrich", r"""
hi, bin heute im homeoffice, handy: ⟦P:0172/5839201⟧ – festnetz geht grad nicht. ⟦N:Uwe⟧
""")

add("de", "Festnetz Schrägstrich alt", r"""
Kontakt Hausmeister: Herr ⟦N:Kowalski⟧, Tel. ⟦P:030/8827341⟧ (Mo–Fr 7–15 Uhr). Schlüssel für den Serverraum liegt beim Empfang.
""")

add("de", "Österreich/Schweiz Nummern", r"""
Unsere Partner:
- Wien: Frau ⟦N:Eder⟧, ⟦P:+43 664 1234587⟧
- Zürich: Herr ⟦N:Baumann⟧, ⟦P:+41 79 318 45 67⟧
Bitte in die Partnerliste übernehmen.
""")

add("de", "mysql -p angeklebt", r"""
mysql -u shop -p⟦S:Gr8Lager!2023⟧ -h db-shop.intern warenwirtschaft -e "SELECT COUNT(*) FROM bestellung WHERE status='offen';"
warum kommt "Access denied for user 'shop'@'10.1.4.22'"?
""")

add("de", "docker-compose mit Kommentaren", r"""
# Nextcloud für das Team
services:
  db:
    image: mariadb:11
    environment:
      MYSQL_ROOT_PASSWORD: ⟦S:Wolke7-Root!99⟧   # TODO: ändern
      MYSQL_PASSWORD: ⟦S:nxtCld-db-4471⟧
      MYSQL_DATABASE: nextcloud
      MYSQL_USER: nextcloud
  app:
    image: nextcloud:29
    ports: ["8080:80"]
Nach dem Update zeigt Nextcloud nur noch "Internal Server Error".
""")

add("de", "Übergabe WLAN + Telefon", r"""
Übergabe Spätschicht → Frühschicht
- Scanner 4 im Lager neu gestartet, läuft wieder
- WLAN-Schlüssel Lager (neu): ⟦S:Palette-Kran-Gabel-42⟧
- Spedition Weserland hat sich nicht gemeldet, bitte morgen anrufen: ⟦P:06151 3928-40⟧
""")

add("de", "Mitarbeiterliste Telefon-Spalte", r"""
| Name | Abteilung | Telefon |
|---|---|---|
| ⟦N:Sabine Krüger⟧ | Einkauf | ⟦P:040 3012 8841⟧ |
| ⟦N:Mehmet Yıldız⟧ | Lager | ⟦P:0157 34812290⟧ |
Sortier bitte nach Abteilung.
""")

add("de", "Python login positional", r"""
# Export der offenen Posten aus dem Altsystem
session = erp.login("buchhaltung", "⟦S:Kasse#Juli24⟧")
rows = session.query("SELECT * FROM op WHERE faellig < CURRENT_DATE")
Warum ist rows leer, obwohl es offene Posten gibt?
""")

add("de", "Basic-Auth URL Intranet", r"""
Der Link aus der alten Doku funktioniert nicht mehr: https://admin:⟦S:Intr4net_Alt#1⟧@intranet.firma.local/wiki/Urlaubsantrag
Gibt es eine neue Adresse?
""")

add("de", "Protokoll Meeting", r"""
Protokoll Jour fixe 14.05.
Teilnehmer: ⟦N:A. Schulze⟧, ⟦N:Dieter⟧, ⟦N:Fatma Aydin⟧
1. Umzug Rechenzentrum auf KW 27 verschoben
2. Notfallnummer Dienstleister: ⟦P:0800 7734 221⟧
3. Nächster Termin 28.05.
""")

add("de", "JSON mit Token (Deutsch)", r"""
Hier die Konfig vom Webhook-Dienst, der Token ist noch vom Testsystem:
{
  "endpoint": "https://hooks.lagerfuchs.example/v1/events",
  "token": "⟦S:5bqyhPzDalfDsnqdVtx8qRuzg1ODn5N5⟧",
  "retries": 3
}
Warum kommen Events doppelt an?
""")

add("de", "Java Mail Authenticator", r"""
Session session = Session.getInstance(props, new Authenticator() {
    protected PasswordAuthentication getPasswordAuthentication() {
        return new PasswordAuthentication("⟦E:rechnung@stadtwerke-nord.example⟧", "⟦S:Strom&Gas_2024⟧");
    }
});
// javax.mail.AuthenticationFailedException: 535 5.7.3
""")

add("de", "GitLab Token im Chat", r"""
kannst du mal mit meinem Token testen? ⟦S:glpat-9k9jz89iLWeajzV6xuRX⟧ (läuft Freitag ab). Bin ab 14 Uhr nur übers Handy erreichbar: ⟦P:0151 40382219⟧
""")

add("de", "WhatsApp Nummer", r"""
Schreib mir am besten auf WhatsApp: ⟦P:+49 176 48392017⟧. Bin bis Donnerstag auf der Messe in Hannover. LG ⟦N:Nils⟧
""")

add("de", "k8s Secret deutsch", r"""
Kannst du daraus ein SealedSecret machen?
apiVersion: v1
kind: Secret
metadata:
  name: dms-ldap
stringData:
  LDAP_BIND_DN: cn=dms,ou=services,dc=firma,dc=local
  LDAP_BIND_PW: ⟦S:Ldap-Bind-Dms-77⟧
""")

add("de", "Terraform Frage Passwort", r"""
resource "azurerm_mssql_server" "erp" {
  name                         = "erp-sql-weu"
  administrator_login          = "erpadmin"
  administrator_login_password = "⟦S:Qv8#mT2!xWz6⟧"
}
Wie bekomme ich das Passwort aus dem Code raus, am besten in Key Vault?
""")

add("de", "Kundenanruf Rückruf", r"""
Frau ⟦N:Lehmann⟧ hat angerufen wegen der Nebenkostenabrechnung 2023, bittet um Rückruf unter ⟦P:0341 9928 4410⟧ (ab 16 Uhr). Vertragsnummer 100-4471-22.
""")

add("de", "Mail Zugangsdaten neuer MA", r"""
Hallo ⟦N:Lukas⟧,

willkommen an Bord! Deine Zugangsdaten:
Benutzer: ma-0624
Initialpasswort: ⟦S:Start!Onb-0624⟧
Bitte beim ersten Login ändern. Bei Problemen: IT-Hotline ⟦P:+49 221 4711 300⟧
""")

add("de", "sloppy chat passwort", r"""
pw vom nas is jetzt ⟦S:katzenklo99⟧ , frag nicht
""")

add("de", "ssh Passwort Flag", r"""
ich hab das so im cronjob:
rsync -az -e "sshpass -p ⟦S:Sicherung_Nacht7⟧ ssh" /srv/daten/ backup@192.168.178.40:/volume1/sicherung/
geht das eleganter?
""")

add("de", ".env deutsch", r"""
Die .env vom Shop:
SHOP_URL=https://shop.gartenwelt.example
MAILER_DSN=smtp://shop-mailer:⟦S:Rasen-Maeher-55⟧@smtp.gartenwelt.example:587
PAYPAL_SECRET=⟦S:EH2kY7rQpN4vXw8ZcL1mB6tS9uD3fA0gJ5hK⟧
APP_SECRET=${APP_SECRET}
Mails kommen nicht an, was ist an der MAILER_DSN falsch?
""")

add("de", "NEG Bestell/Rechnungsnummer", r"""
Bestellnummer 300-2281-4471, Rechnung RE-2024-03318 vom 18.03.2024 über 1.249,00 €. Sendungsnummer DHL 00340434161234567890. Kunde fragt, warum die Lieferung noch nicht da ist. Bitte kurze Antwort formulieren.
""")

add("de", "NEG Platzhalter Konfig", r"""
[smtp]
server = mail.firma.local
benutzer = scanner
passwort = ********

[ldap]
bind_pw = <hier Passwort eintragen>
Welche Rechte braucht der Scanner-Benutzer mindestens?
""")

add("de", "NEG Passwortrichtlinie", r"""
Bitte formuliere die Passwortrichtlinie verständlicher: Passwörter müssen mindestens 14 Zeichen lang sein, Groß- und Kleinbuchstaben, Ziffern und Sonderzeichen enthalten und dürfen keine Namen oder Geburtsdaten enthalten. Ein Wechsel ist nur bei Verdacht auf Kompromittierung nötig.
""")

add("de", "NEG EAN/Artikelnummern", r"""
Artikel 4006381333931 (EAN) ist doppelt angelegt, einmal als Art.-Nr. 0815-2240-11 und einmal als 0815-2240-12. Lagerplatz 03-12-04. Welche Nummer soll bleiben?
""")

add("de", "NEG Versionsnummern", r"""
Nach dem Update von Version 7.4.33 auf 8.2.12 läuft das Plugin 2.0.1.45 nicht mehr. Build vom 12.04.2024 14:32. Server 10.0.12.8.
""")

add("de", "NEG env aus Umgebung Go", r"""
pw := os.Getenv("SMTP_PASSWORD")
if pw == "" {
    log.Fatal("SMTP_PASSWORD nicht gesetzt")
}
Ist es besser, das über ein Secret-File zu lesen?
""")

add("de", "NEG Kontonummer ungültig Beispiel", r"""
Im Formular steht als Beispiel "DE00 0000 0000 0000 0000 00" und Kundennummer "K-000000". Soll das Feld validiert werden, bevor wir speichern?
""")

add("de", "Bearer Token curl deutsch", r"""
Warum bekomme ich 401?
curl -H "Authorization: Bearer ⟦S:eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI2MDkzOCIsImlhdCI6MTcxNjYyNzg4MCwicm9sZSI6ImFkbWluIn0.ewOyMQO4YD_rHgGEPDJ46rdweudec_1-ClGwFr7OShw⟧" https://api.lager.intern/v2/bestand
""")

add("de", "SAP RFC ini", r"""
[SAP_PRD]
ASHOST=sapprd.firma.local
SYSNR=00
CLIENT=100
USER=RFC_BW
PASSWD=⟦S:Rfc!Bw#2024q2⟧
LANG=DE
""")

add("de", "Handzettel Notfallnummern", r"""
Notfallnummern Standort Köln:
Betriebsarzt ⟦P:0221 3380 1920⟧
Sicherheitsdienst ⟦P:0160 9914 2238⟧
Schlüsseldienst 0221 XXX (neu suchen)
""")

add("de", "CI Log Token im Klartext", r"""
[build 8812] Schritt 4/7: Artefakte hochladen
+ curl -sf --user ci-upload:⟦S:Nx9$Art1fakt-Up⟧ -T target/app-2.3.0.jar https://nexus.firma.local/repository/releases/
curl: (22) The requested URL returned error: 400
""")

add("de", "Excel-Export Kontakte", r"""
Nachname;Vorname;Telefon;E-Mail
⟦N:Hoffmann⟧;⟦N:Petra⟧;⟦P:+49 711 2349 8812⟧;⟦E:p.hoffmann@schwabenbau.example⟧
Bitte in vCard umwandeln.
""")

add("de", "Schweiz Ticket Handy", r"""
Guten Tag, mein Router zeigt seit gestern rot. Kundennummer 77-40021. Erreichbar unter ⟦P:079 412 88 36⟧. Freundliche Grüsse, ⟦N:Reto Keller⟧
""")

add("de", "Passwort im Satz Leetspeak", r"""
Das Admin-Passwort für die Telefonanlage ist ⟦S:T3l3f0n!Anl4ge⟧ – bitte nach der Wartung durch Fa. Telko sofort ändern. Techniker-Hotline Telko: ⟦P:0911 8836 5520⟧
""")

add("de", "NEG Doku Secrets aus Vault", r"""
Die Zugangsdaten werden beim Start aus Vault gelesen (Pfad secret/data/erp/prod). In der application.yml steht nur password: ${ERP_DB_PASSWORD}. Wie teste ich lokal ohne Vault?
""")

add("de", "Redis CLI -a", r"""
redis-cli -h 10.2.0.9 -a '⟦S:Cache-Lager-8821⟧' --no-auth-warning INFO memory
used_memory_human:7.81G — ist das zu viel für eine 8GB-VM?
""")

add("de", "Rückrufnotiz", r"""
Rückruf bei Herrn ⟦N:Albers⟧ (Stahlbau Nord) unter ⟦P:0421 3398 7712⟧ wegen Reklamation 4471 – Lieferschein 80012-33 fehlt.
""")

add("de", "neue Handynummer Chat", r"""
meine neue handynr: ⟦P:0160 93827144⟧ – die alte bitte aus dem verteiler löschen
""")

add("de", "Abwesenheitsnotiz Vertretung", r"""
Vielen Dank für Ihre Nachricht. Ich bin bis einschließlich 12.08. nicht im Büro. In dringenden Fällen wenden Sie sich bitte an meine Kollegin Frau ⟦N:Sommer⟧, Tel. ⟦P:+49 89 4521 7703⟧, ⟦E:a.sommer@isarlogistik.example⟧.
""")

add("de", "Vereinsliste TSV", "Name\tTelefon\tFunktion\n⟦N:Jürgen Bauer⟧\t⟦P:0231 4478812⟧\tKassenwart\n⟦N:Heike Brandl⟧\t⟦P:0176 22019384⟧\tJugendtrainerin\nBitte als Tabelle für den Aushang.")
# ---------------------------------------------------------------- French
add("fr", "ticket mot de passe c'est", r"""
Bonjour,
la cliente n'arrive plus à se connecter à l'extranet depuis ce matin. J'ai réinitialisé son accès, le mot de passe c'est ⟦S:Printemps#2024⟧ mais elle a toujours « identifiants invalides ». Elle est joignable au ⟦P:05 56 12 78 40⟧. Vous pouvez regarder ?
Merci, ⟦N:Julien⟧
""")

add("fr", "signature Tél/Portable", r"""
Cordialement,

⟦N:Claire Dubois⟧
Responsable administrative
Cabinet Rive Gauche & Associés
Tél. : ⟦P:01 42 68 53 19⟧
Portable : ⟦P:06 12 48 93 27⟧

Peux-tu raccourcir cette signature pour mobile ?
""")

add("fr", "chat mdp", r"""
mdp du compte partagé canva : ⟦S:chaton-rouge-77⟧ (pas de 2FA, je sais)
""")

add("fr", "numéro avec points", r"""
Pour toute question sur votre facture, appelez le service client au ⟦P:04.72.18.66.03⟧ du lundi au vendredi.
""")

add("fr", "whatsapp +33", r"""
Écris-moi sur WhatsApp au ⟦P:+33 6 71 28 45 90⟧, je suis sur le salon toute la journée. ⟦N:Mathilde⟧
""")

add("fr", "contacts francophones intl", r"""
Nos bureaux :
Bruxelles ⟦P:+32 2 512 44 80⟧
Genève ⟦P:+41 22 318 45 00⟧
Montréal ⟦P:+1 514 555 0142⟧
Casablanca ⟦P:+212 522 49 81 30⟧
""")

add("fr", "python commentaires fr", r"""
# connexion à la base de prod (temporaire !!)
conn = psycopg2.connect(host="pg-prod.interne", user="compta", password="⟦S:Bilan2023_Compta!⟧", dbname="compta")
# TODO déplacer dans le coffre
pourquoi j'ai "too many connections" le soir ?
""")

add("fr", "NEG commande/facture/SIRET", r"""
Commande n° 2024-118834 du 12/03/2024, facture FA-2024-0412, montant 1 249,00 € TTC. SIRET du fournisseur : 732 829 320 00074. Numéro de suivi Colissimo 6A12345678901. Rédige une relance polie.
""")

add("fr", "compte-rendu réunion", r"""
Compte-rendu – point hebdo 21/05
Présents : ⟦N:Nadia⟧, ⟦N:Olivier Garnier⟧, ⟦N:Sophie⟧
- migration messagerie repoussée à juin
- astreinte ce week-end : ⟦P:07 81 22 40 96⟧
""")

add("fr", ".env Symfony", r"""
###> doctrine/doctrine-bundle ###
DATABASE_URL="mysql://app:⟦S:Sf6-Doctr1ne!x⟧@127.0.0.1:3306/boutique?serverVersion=8.0&charset=utf8mb4"
###< doctrine/doctrine-bundle ###
MAILER_DSN=null://null
APP_SECRET=⟦S:8995efeba9032050d09c5892503e12b4⟧
le cache:clear plante en prod, une idée ?
""")

add("fr", "laravel config", r"""
'mysql' => [
    'driver' => 'mysql',
    'host' => env('DB_HOST', '127.0.0.1'),
    'database' => env('DB_DATABASE', 'forge'),
    'username' => env('DB_USERNAME', 'forge'),
    'password' => env('DB_PASSWORD', '⟦S:L4ravel-Forge-Def⟧'),
],
c'est grave d'avoir un mot de passe par défaut ici ?
""")

add("fr", "ansible vars", r"""
# group_vars/prod.yml
postgres_admin_user: postgres
postgres_admin_password: "⟦S:Ans1ble-Pg-Prod⟧"
smtp_relay_password: "{{ vault_smtp_relay_password }}"
comment chiffrer seulement la première variable avec ansible-vault ?
""")

add("fr", "numéro vert", r"""
Le numéro vert ⟦P:0 800 71 42 19⟧ est gratuit depuis un fixe. Le support technique est joignable au ⟦P:+33 (0)1 44 55 66 77⟧ pour l'international.
""")

add("fr", "mail accès prestataire", r"""
Bonjour Monsieur ⟦N:Lefèvre⟧,
Voici vos accès au VPN : identifiant presta-ext-12, mot de passe provisoire ⟦S:Vpn!Presta-0611⟧. Il faudra le changer à la première connexion.
Bien à vous,
⟦N:Camille Roux⟧ – DSI
""")

add("fr", "NEG doc mots de passe", r"""
Réécris ce paragraphe de la charte informatique : « Le mot de passe doit comporter au moins 12 caractères, dont une majuscule, un chiffre et un caractère spécial. Il ne doit jamais être communiqué, y compris au service informatique. »
""")

add("fr", "NEG placeholders yaml", r"""
spring:
  datasource:
    url: jdbc:postgresql://localhost:5432/rh
    username: rh
    password: <votre-mot-de-passe>
  mail:
    password: "xxx"
ça marche en local mais pas en recette, pourquoi ?
""")

add("fr", "NEG variables d'env node", r"""
const secret = process.env.JWT_SECRET;
if (!secret) throw new Error("JWT_SECRET manquant");
const token = jwt.sign({ sub: user.id }, secret, { expiresIn: "1h" });
faut-il un secret différent par environnement ?
""")

add("fr", "NEG dates prix versions", r"""
La version 3.8.1 sortie le 14/02/2024 corrige le bug de TVA à 5,5 %. Mise à jour prévue le 02/03 à 22h00. Coût estimé : 1 850 € HT.
""")

add("fr", "curl token fr", r"""
quand je fais
curl -X GET "https://api.fournisseur.example/v1/stocks" -H "X-Api-Key: ⟦S:key_2f6c420c422dcd1c14e0b3e6dec1⟧"
j'ai une 429, c'est quoi la limite ?
""")

add("fr", "git clone basic auth", r"""
git clone https://integration:⟦S:Jx7pQ2rt-Bb9⟧@git.agence-web.example/clients/boulangerie-rivage.git
fatal: unable to access … SSL certificate problem
""")

add("fr", "tableau contacts astreinte", r"""
| Nom | Rôle | Téléphone |
|---|---|---|
| ⟦N:Hugo Lambert⟧ | N1 | ⟦P:06 45 82 19 33⟧ |
| ⟦N:Inès Moreau⟧ | N2 | ⟦P:+33 7 52 90 14 61⟧ |
""")

add("fr", "passe-phrase wifi", r"""
Le code wifi de la salle de formation a changé : ⟦S:plage-sable-mouette-2024⟧ . Merci de ne pas l'afficher sur la porte cette fois.
""")

add("fr", "logs avec jeton", r"""
2024-04-09 10:22:01,118 INFO  [http-nio-8080-exec-3] Appel API paiement, en-tête Authorization=Bearer ⟦S:eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI0MDkyNCIsImlhdCI6MTcxNjg2MjU1Niwicm9sZSI6InVzZXIifQ.izsVcWCjR3FFTvpOtWmySa8OwLWu8HBBAJTA1V4nnjE⟧
2024-04-09 10:22:01,406 ERROR [http-nio-8080-exec-3] Réponse 401 : jeton invalide
""")

add("fr", "code C# fr", r"""
// identifiants du service SMS (à sortir du code)
var client = new SmsClient("agence-lyon", "⟦S:tZZ6pgfRfnwOo0Te2eV9RmRj7QcMwVRa1RCrNdKf⟧");
await client.SendAsync("⟦P:+33612044871⟧", "Votre rendez-vous est confirmé");
""")

add("fr", "ticket client rappel", r"""
M. ⟦N:Bertrand Caron⟧ a appelé pour un problème de livraison (commande 558120). Il souhaite être rappelé au ⟦P:06 33 27 81 05⟧ avant 18h.
""")

add("fr", "mot de passe humain simple", r"""
le mdp de la box du bureau c'est ⟦S:marseille13⟧ , je l'ai pas changé depuis l'install. si ça bloque appelle le technicien au ⟦P:06 98 41 27 03⟧
""")

add("fr", "NEG numéro de produit ressemblant", r"""
Référence produit 06 12 34 000 (gamme 2024), code douanier 8471 30 00, lot 2403-118. Est-ce que le code douanier est correct pour un ordinateur portable ?
""")

add("fr", "ssh config + mot de passe sudo", r"""
Host recette
  HostName 192.168.10.45
  User deploy
  Port 2222
le sudo demande un mot de passe, c'est ⟦S:Rec3tte!Sudo⟧ , comment je le mets dans ansible sans le laisser en clair ?
""")

add("fr", "handover fr", r"""
Passation avant congés :
- sauvegardes OK, vérifier le NAS lundi
- le certificat du site expire le 30/07, renouvellement chez OVH
- contact hébergeur : ⟦N:Yannick⟧ ⟦P:09 72 10 34 58⟧
- compte admin WordPress : admin / ⟦S:Wp-Adm1n-Ete24⟧
""")

add("fr", "signature belge", r"""
Bien cordialement,
⟦N:Amélie Peeters⟧
Gestionnaire de dossiers
T. ⟦P:+32 470 12 34 56⟧
⟦E:a.peeters@notaire-wavre.example⟧
""")

add("fr", "jdbc properties", r"""
db.url=jdbc:oracle:thin:@ora-rh:1521/RH
db.user=PAIE
db.password=⟦S:Pa1e-Mensuelle#9⟧
pourquoi j'ai ORA-28001 : the password has expired ?
""")

add("fr", "NEG CI log fr", r"""
[INFO] Construction du projet facturation 4.2.0-SNAPSHOT
[INFO] Tests run: 412, Failures: 2, Errors: 0, Skipped: 7
[ERROR] FactureServiceTest.calculTva:88 expected:<20.00> but was:<19.99>
[INFO] BUILD FAILURE
[INFO] Total time:  02:41 min
""")

add("fr", "Suisse romande ticket", r"""
Bonjour, je vous écris de Lausanne. Mon imprimante affiche l'erreur E-52. Vous pouvez me joindre au ⟦P:021 634 77 12⟧ ou sur mon natel ⟦P:078 914 20 55⟧. Meilleures salutations, ⟦N:Léa⟧
""")

add("fr", "pypi/npm token fr", r"""
dans le pipeline j'ai mis NPM_TOKEN=⟦S:npm_ivnGM8KlcjzwO5xpRtfq2YOYuzi0MBXUqwXR⟧ en variable non masquée, c'est grave ?
""")

add("fr", "NEG docker-compose variables", r"""
services:
  db:
    image: postgres:15
    environment:
      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:?mot de passe requis}
  pgadmin:
    environment:
      PGADMIN_DEFAULT_PASSWORD: ""
pourquoi compose refuse de démarrer sans .env ?
""")

add("fr", "mongo uri fr", r"""
MONGO_URI=mongodb://reporting:⟦S:Rap0rts-Mens-2024⟧@mongo1.interne:27017,mongo2.interne:27017/stats?replicaSet=rs0
j'ai "not primary" de temps en temps
""")

add("fr", "clé API service inventé", r"""
La clé API de l'outil de signature électronique : ⟦S:phc_V8uxCz5u8PQiI1p4X7c8yIHIdtwOuIErxCqj58tzHRK⟧. Tu peux la rajouter dans le gestionnaire de secrets stp ? Le support de l'éditeur : ⟦P:+33 9 70 73 28 16⟧. ⟦N:Élodie⟧
""")

add("fr", "messagerie appel", r"""
rappelle-moi au ⟦P:0612345679⟧ dès que tu peux, c'est pour le devis ⟦N:Karim⟧
""")

add("fr", "NEG RGPD doc", r"""
Peux-tu résumer cet article du RGPD sur la conservation des données ? Il ne contient aucune donnée personnelle, c'est pour une formation interne de 30 minutes le 18 juin.
""")

add("fr", "message répondeur", r"""
Transcription du répondeur : « Bonjour, c'est ⟦N:Sandrine⟧ de l'agence immobilière, pouvez-vous me rappeler au ⟦P:02 40 89 13 57⟧ pour l'état des lieux ? Merci. »
""")

add("fr", "TSV fournisseurs", "Fournisseur\tContact\tTél.\nImprimerie du Port\tM. ⟦N:Renaud⟧\t⟦P:02 98 44 61 20⟧\nTransports Azur\tMme ⟦N:Khelifi⟧\t⟦P:04 93 27 58 11⟧\ntrie par ordre alphabétique")

add("fr", "message d'absence", r"""
Je suis absent jusqu'au 26 août inclus. Pour toute urgence, merci de contacter ⟦N:Thomas Girard⟧ au ⟦P:+33 1 70 38 92 14⟧.
""")

add("fr", "code portail + tel", r"""
le code d'accès du portail RH c'est ⟦S:RhPortail-Sept24⟧ (compte générique accueil). en cas de souci appeler le support au ⟦P:03 88 24 61 09⟧
""")
# ---------------------------------------------------------------- Spanish
add("es", "ticket contraseña nueva", r"""
Hola equipo,
el usuario de almacén no puede entrar al ERP desde el cambio de servidor. Le he puesto la contraseña nueva: ⟦S:Almacen#2024!⟧ pero le sigue diciendo "credenciales incorrectas". Está en el ⟦P:944 12 33 80⟧. ¿Alguien lo puede mirar?
Gracias, ⟦N:Marta⟧
""")

add("es", "firma móvil/fijo", r"""
Un saludo,

⟦N:Javier Ortega Ruiz⟧
Director Comercial
Tel. ⟦P:91 538 27 64⟧
Móvil ⟦P:617 204 389⟧
""")

add("es", "whatsapp +34", r"""
Mándame un WhatsApp al ⟦P:+34 655 812 390⟧ cuando llegue el camión, porfa. ⟦N:Pablo⟧
""")

add("es", "número pegado +34", r"""
El proveedor nos pide devolver la llamada al ⟦P:+34612998417⟧ antes del viernes por el tema de la factura.
""")

add("es", "contactos LatAm", r"""
Oficinas:
- CDMX: ⟦P:+52 55 4170 8823⟧
- Buenos Aires: ⟦P:+54 9 11 4382-7710⟧
- Bogotá: ⟦P:+57 601 742 3390⟧
- Santiago: ⟦P:+56 9 8123 4567⟧
""")

add("es", "python comentarios es", r"""
# conexión a la bbdd de producción, NO subir al repo
db = mysql.connector.connect(
    host="10.0.8.21",
    user="ventas",
    password="⟦S:V3ntas-Q3-prod⟧",
    database="crm"
)
¿por qué me da "Lost connection to MySQL server during query"?
""")

add("es", "NEG pedido factura", r"""
Pedido nº 2024-55812 del 03/04/2024, factura F-2024-01277 por importe de 1.249,00 €, número de seguimiento Correos PQ4F6B0712345610128004M. El cliente pregunta por qué no ha llegado. Redacta una respuesta.
""")

add("es", "acta reunión", r"""
Acta reunión semanal 07/05
Asistentes: ⟦N:Lucía⟧, ⟦N:Andrés Vidal⟧, ⟦N:Rocío⟧
- Migración del correo: se retrasa a junio
- Teléfono de guardia este finde: ⟦P:699 214 873⟧
""")

add("es", "clave en chat", r"""
la clave del wifi de invitados es ⟦S:cafe-con-leche-42⟧, la cambian cada mes. si no va llama a recepción al ⟦P:958 27 40 16⟧
""")

add("es", ".env node es", r"""
PORT=3000
MONGO_URL=mongodb://api:⟦S:Tienda-Api-7781⟧@localhost:27017/tienda
JWT_SECRET=⟦S:cbd390b656a4d2bad821df997d529975⟧
# la de sendgrid la pide el de marketing
SENDGRID_KEY=
¿cómo valido que todas estas variables existan al arrancar?
""")

add("es", "java positional es", r"""
// conexión al ftp del banco
FTPClient ftp = new FTPClient();
ftp.connect("sftp.banco-ejemplo.example");
ftp.login("remesas_empresa", "⟦S:R3mesas!Banco22⟧");
me da 530 Login incorrect, pero desde FileZilla entra
""")

add("es", "curl -u es", r"""
curl -u soporte/token:⟦S:Zendesk-Sop-2024⟧ https://ayuda.tiendaverde.example/api/v2/tickets.json?page=2
devuelve 401, ¿hay que usar /token?
""")

add("es", "correo credenciales nuevo empleado", r"""
Hola ⟦N:Carmen⟧:

Bienvenida. Tus credenciales de acceso son:
Usuario: emp-2291
Contraseña provisional: ⟦S:Bienvenida-Alm!7⟧
Cualquier duda, llama al CAU: ⟦P:93 412 08 77⟧
""")

add("es", "tabla guardias", r"""
| Nombre | Turno | Teléfono |
|---|---|---|
| ⟦N:Diego Herrera⟧ | mañana | ⟦P:622 481 903⟧ |
| ⟦N:Alba Santos⟧ | noche | ⟦P:+34 634 902 115⟧ |
""")

add("es", "NEG doc política contraseñas", r"""
¿Puedes resumir nuestra política de contraseñas? Dice que deben tener mínimo 12 caracteres, que caducan cada 180 días y que no se pueden reutilizar las últimas 10. No incluyas ejemplos de contraseñas.
""")

add("es", "NEG placeholder config", r"""
[correo]
servidor = smtp.empresa.local
usuario = avisos
clave = TU_CLAVE_AQUI

[bbdd]
password = ${BBDD_PASSWORD}
¿está bien poner el placeholder o mejor dejarlo vacío?
""")

add("es", "NEG lectura de env php", r"""
$clave = getenv('PASARELA_SECRET');
if ($clave === false) {
    throw new RuntimeException('Falta PASARELA_SECRET');
}
¿es seguro usar getenv con php-fpm?
""")

add("es", "NEG números producto fechas", r"""
El modelo 612-345-A fue sustituido por el 612-346-B el 15/01/2024. Código EAN 8412345678905, lote 2401-77. ¿Cuál pedimos para la tienda de Sevilla?
""")

add("es", "token bearer es", r"""
Este es el token que me dio el proveedor:
Authorization: Bearer ⟦S:sq0atp-kzylOJf8N45JFieDi3YY4s⟧
¿Lo guardo en el keychain o en variables de entorno del servidor?
""")

add("es", "México ticket", r"""
Buenas tardes, me comunico de Guadalajara, mi pedido no llega. Mi celular es ⟦P:33 1234 5678⟧ y mi correo ⟦E:rosa.mtz@correo-ejemplo.example⟧. Gracias, ⟦N:Rosa Martínez⟧
""")

add("es", "docker-compose es", r"""
services:
  wordpress:
    image: wordpress:6.5
    environment:
      WORDPRESS_DB_HOST: db
      WORDPRESS_DB_USER: wp
      WORDPRESS_DB_PASSWORD: ⟦S:Bl0g-Viajes-wp⟧
  db:
    image: mysql:8.0
    environment:
      MYSQL_ROOT_PASSWORD: ⟦S:Raiz!Mysql-993⟧
¿por qué wordpress no encuentra la base de datos?
""")

add("es", "notas de traspaso", r"""
Notas de traspaso (me voy de vacas):
- el backup del servidor de ficheros falla los martes, relanzar a mano
- usuario admin del firewall: admin / ⟦S:Fortin-Cort4fuegos⟧
- si hay corte de fibra llamar a la operadora: ⟦P:900 123 456⟧ (ref. incidencia 88120)
""")

add("es", "go dsn es", r"""
dsn := "facturacion:⟦S:F4ctur4s-2024⟧@tcp(10.1.2.3:3306)/facturacion?parseTime=true"
db, err := sql.Open("mysql", dsn)
// ¿cómo pongo un timeout de conexión?
""")

add("es", "NEG logs ci es", r"""
Paso 3/5: ejecutando tests
  ✓ calcula el IVA al 21% (12 ms)
  ✗ redondea importes negativos (8 ms)
    Expected: -10.50  Received: -10.49
Tests: 1 failed, 118 passed, 119 total
Time: 4.211 s
""")

add("es", "clave en prosa formal", r"""
Estimado Sr. ⟦N:Gómez⟧:
Le confirmo que la contraseña del portal de proveedores ha sido restablecida. La nueva es ⟦S:Prov-Portal#5521⟧ y deberá cambiarla en el primer acceso.
Atentamente,
Departamento de Compras
""")

add("es", "rust config es", r"""
// TODO: sacar de aquí la clave del servicio de mapas
const MAPS_KEY: &str = "⟦S:AIzaNH0qdN7VExMzj83pcgPIrWZHt7OSGqx7KXM⟧";
fn url(lat: f64, lon: f64) -> String {
    format!("https://maps.googleapis.com/maps/api/geocode/json?latlng={lat},{lon}&key={MAPS_KEY}")
}
""")

add("es", "móvil sin espacios", r"""
te paso el número del electricista: ⟦P:678901234⟧, dile que vas de mi parte (⟦N:Quique⟧)
""")

add("es", "sql usuario es", r"""
CREATE USER 'informes'@'%' IDENTIFIED BY '⟦S:Inf0rmes_Mensuales⟧';
GRANT SELECT ON ventas.* TO 'informes'@'%';
¿tengo que hacer FLUSH PRIVILEGES?
""")

add("es", "NEG uuid hash es", r"""
El job 7c9e6679-7425-40de-944b-e07fc1f90ae7 terminó con el commit 171b2f3a9f889eeaf77ee09a4496e0ed7afceaa8 a las 03:12:44. ¿Por qué tardó 47 minutos?
""")

add("es", "firma formal con email y fijo", r"""
Reciba un cordial saludo,
⟦N:María José Castillo⟧
Asesoría Fiscal Guadalquivir
⟦P:+34 954 21 88 30⟧ · ⟦E:mjcastillo@asesoria-castillo.example⟧
""")

add("es", "github token es", r"""
Para el deploy usé este token personal: ⟦S: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⟧ , ¿cómo lo cambio por un deploy key?
""")

add("es", "clave humana simple", r"""
oye la contraseña del instagram de la tienda es ⟦S:zapatos2020⟧ no? me dice que es incorrecta
""")

add("es", "azure key es", r"""
"Values": {
  "CosmosDb:Endpoint": "https://pedidos-cosmos.documents.azure.com:443/",
  "CosmosDb:Key": "⟦S:oMyyq92Aq/OIJCB9FhUdIbp797RMblxQFq5hyXx51nYqeSsIEQQb48ime5K09dLkBX5kU9M7NH9y6kdqzBnukw==⟧"
}
local.settings.json, ¿lo tengo que meter en el .gitignore?
""")

add("es", "NEG variables k8s es", r"""
env:
- name: PASARELA_KEY
  valueFrom:
    secretKeyRef: {name: pasarela, key: api-key}
- name: LOG_LEVEL
  value: "debug"
¿cómo hago para que el pod se reinicie si cambia el secret?
""")

add("es", "argentina whatsapp", r"""
cualquier cosa escribime al wsp ⟦P:+54 9 351 612-4470⟧, estoy en Córdoba hasta el lunes. ⟦N:Facu⟧
""")

add("es", "token inventado API interna", r"""
La API de inventario usa la cabecera X-Inv-Token. El de producción es ⟦S:pat_EXFZI7YG8AjZblX7dXEhckPCfFVqX8⟧ y el de pruebas está en el wiki. ⟦N:Sergio⟧ lo rota cada trimestre (móvil ⟦P:611 83 92 04⟧).
""")

add("es", "NEG placeholder estrellas", r"""
En la captura de pantalla se ve "Contraseña: ••••••••" y "Usuario: admin". ¿Eso significa que el campo está relleno o vacío?
""")

add("es", "llamada fijo barcelona", r"""
Llamaron de la gestoría, que les devuelvas la llamada al ⟦P:93 218 44 70⟧ extensión 12.
""")

add("es", "ci log token es", r"""
Run docker login -u ci-bot -p ⟦S:Dk8r-Hub-Tk9vX2⟧ registry.tienda.example
WARNING! Using --password via the CLI is insecure. Use --password-stdin.
Error response from daemon: Get "https://registry.tienda.example/v2/": x509: certificate signed by unknown authority
""")

add("es", "mensaje de voz transcrito", r"""
Mensaje de voz: "Hola, soy ⟦N:Nuria⟧ de la gestoría, llámame al ⟦P:954 22 81 03⟧ cuando puedas, es por lo del modelo 303."
""")

add("es", "TSV proveedores", "Proveedor\tContacto\tTeléfono\nGráficas Levante\t⟦N:Vicente⟧\t⟦P:963 51 28 40⟧\nTransportes Norte\t⟦N:Iker Etxeberria⟧\t⟦P:+34 688 40 12 77⟧\nordénalos por provincia")

add("es", "fuera de oficina", r"""
Estaré fuera de la oficina hasta el 20 de agosto. Para cualquier urgencia, contacte con ⟦N:Elena Prieto⟧ en el ⟦P:+34 915 48 22 96⟧.
""")

add("es", "clave router + técnico", r"""
la contraseña del router de la oficina es ⟦S:Ofi-Router_8834⟧. si no va, llama al técnico, ⟦N:Jordi⟧, ⟦P:644 71 20 95⟧
""")

# ================================================================ build
MARK = re.compile(r"⟦([SPEN]):(.*?)⟧", re.S)
TYPES = {"S": "SECRET", "P": "PHONE", "E": "EMAIL", "N": "PERSON"}
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "secret_phone.jsonl")


def build(src):
    """Strip markers; return plain text, ordered [(type, value)] and the
    marker-derived offsets (used only to cross-check)."""
    src = src.strip("\n")
    parts, ordered, marker_pos = [], [], []
    last, plen = 0, 0
    for m in MARK.finditer(src):
        chunk = src[last:m.start()]
        parts.append(chunk)
        plen += len(chunk)
        typ, val = TYPES[m.group(1)], m.group(2)
        ordered.append((typ, val))
        marker_pos.append(plen)
        parts.append(val)
        plen += len(val)
        last = m.end()
    parts.append(src[last:])
    text = "".join(parts)
    assert "⟦" not in text and "⟧" not in text, text[:80]
    return text, ordered, marker_pos


def locate(text, ordered):
    """Offsets by str.index from a running position (handles repeats)."""
    ents, pos = [], 0
    for typ, val in ordered:
        start = text.index(val, pos)
        end = start + len(val)
        ents.append({"type": typ, "start": start, "end": end, "value": val})
        pos = end
    return ents


def check(rec):
    text, ents = rec["text"], rec["entities"]
    errs = []
    for e in ents:
        if text[e["start"]:e["end"]] != e["value"]:
            errs.append("offset mismatch %r" % e)
        if e["value"] != e["value"].strip():
            errs.append("value has outer whitespace %r" % e["value"])
    s = sorted(ents, key=lambda e: e["start"])
    for a, b in zip(s, s[1:]):
        if b["start"] < a["end"]:
            errs.append("overlap %r / %r" % (a, b))
    if len(ents) > 4:
        errs.append("more than 4 entities (%d)" % len(ents))
    # every occurrence of a SECRET/PHONE/EMAIL value should be labelled
    spans = {(e["start"], e["end"]) for e in ents}
    for e in ents:
        if e["type"] == "PERSON":
            continue
        i = text.find(e["value"])
        while i != -1:
            j = i + len(e["value"])
            inside = any(a <= i and j <= b for a, b in spans)
            if not inside:
                errs.append("unlabelled repeat of %r at %d" % (e["value"], i))
            i = text.find(e["value"], i + 1)
    # phone span rule: first char is +, ( or digit; last char is a digit
    for e in ents:
        if e["type"] == "PHONE":
            v = e["value"]
            if not (v[0] in "+(" or v[0].isdigit()) or not v[-1].isdigit():
                errs.append("phone span rule %r" % v)
    return errs


def main():
    items = list(ITEMS)
    random.Random(20240611).shuffle(items)
    records, problems, warnings = [], [], []
    seen_values = collections.Counter()
    for n, (loc, tpl, src) in enumerate(items, 1):
        text, ordered, marker_pos = build(src)
        ents = locate(text, ordered)
        for e, mp in zip(ents, marker_pos):
            if e["start"] != mp:
                problems.append("%s: running-index found %r at %d but marker at %d"
                                % (tpl, e["value"], e["start"], mp))
        rec = {"id": "sp-%04d" % n, "locale": loc, "template": tpl,
               "text": text, "entities": ents}
        for err in check(rec):
            problems.append("%s (%s): %s" % (rec["id"], tpl, err))
        for v in {e["value"] for e in ents if e["type"] in ("SECRET", "PHONE", "EMAIL")}:
            seen_values[v] += 1
        records.append(rec)
    for v, c in seen_values.items():
        if c > 1:
            warnings.append("value reused across prompts: %r (%d)" % (v, c))
    if problems:
        print("PROBLEMS:")
        for p in problems:
            print("  ", p)
        sys.exit(1)
    for w in warnings:
        print("WARN", w)
    with open(OUT, "w", encoding="utf-8") as f:
        for rec in records:
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")

    # ---------------------------------------------------------- stats
    ent_count = collections.Counter()
    prompt_with = collections.Counter()
    by_loc = collections.Counter()
    loc_type = collections.Counter()
    none = collections.Counter()
    for rec in records:
        by_loc[rec["locale"]] += 1
        types = {e["type"] for e in rec["entities"]}
        for e in rec["entities"]:
            ent_count[e["type"]] += 1
            loc_type[(rec["locale"], e["type"])] += 1
        for t in types:
            prompt_with[t] += 1
        if not rec["entities"]:
            none[rec["locale"]] += 1
    total = len(records)
    print("wrote %s: %d prompts, %d entities" % (OUT, total, sum(ent_count.values())))
    print("\nper type            entities  prompts  %prompts")
    for t in ("SECRET", "PHONE", "EMAIL", "PERSON"):
        print("  %-16s %8d %8d   %5.1f%%" % (t, ent_count[t], prompt_with[t],
                                            100.0 * prompt_with[t] / total))
    print("  %-16s %8s %8d   %5.1f%%" % ("(no entity)", "-", sum(none.values()),
                                        100.0 * sum(none.values()) / total))
    print("\nper locale  prompts  %     no-entity  SECRET PHONE EMAIL PERSON")
    for loc in ("en", "de", "fr", "es"):
        print("  %-8s %7d  %4.1f%%  %9d  %6d %5d %5d %6d" % (
            loc, by_loc[loc], 100.0 * by_loc[loc] / total, none[loc],
            loc_type[(loc, "SECRET")], loc_type[(loc, "PHONE")],
            loc_type[(loc, "EMAIL")], loc_type[(loc, "PERSON")]))


if __name__ == "__main__":
    main()
