"""Family: source code in several languages with pasted credentials (and sometimes PII)."""
from .core import Doc, Ent
from . import values as V
from . import devbits as B
from .prose import wrap_dev

NOQ = "'\"\\"  # characters a password must not contain inside a quoted literal


def _api(ctx):
    return ctx.choice(["https://api.partner-hub.io/v1", "https://billing.internal/api", "https://api.shipfast.eu/v2",
                       "https://crm.acme-tools.com/rest", "https://hooks.example.net/ingest", "https://api.payroll-cloud.de/v3"])


def python_requests(ctx):
    rng = ctx.rng
    def body(d):
        d.add("import requests\n\n")
        if ctx.chance(0.5):
            d.add('API_TOKEN = "', ctx.token(), '"\n')
            d.add(f'BASE = "{_api(ctx)}"\n\n\ndef fetch_orders(since):\n'
                  '    r = requests.get(f"{BASE}/orders", params={"since": since},\n'
                  '                     headers={"Authorization": f"Bearer {API_TOKEN}"}, timeout=10)\n'
                  '    r.raise_for_status()\n    return r.json()["items"]\n')
        else:
            d.add(f'resp = requests.post("{_api(ctx)}/login",\n                     auth=("', ctx.choice(["integration", "api-user", "svc_export", "admin"]),
                  '", "', ctx.password(safe=NOQ), '"))\nprint(resp.status_code, resp.text[:200])\n')
        if ctx.chance(0.3):
            d.add('\n# TODO move to vault\nSLACK_WEBHOOK_TOKEN = "', ctx.secret("slack"), '"\n')
    return wrap_dev(ctx, Doc(), body, fence="python")


def python_db(ctx):
    def body(d):
        k = ctx.rng.random()
        if k < 0.4:
            d.add("import psycopg2\n\nconn = psycopg2.connect(host=\"", B.host(ctx), f"\", dbname=\"{B.dbname(ctx)}\",\n"
                  f"                        user=\"{B.user(ctx)}\", password=\"", ctx.password(safe=NOQ), "\")\n")
        elif k < 0.75:
            d.add("import pymysql\n\n# positional: host, user, password, db\nconn = pymysql.connect(\"", B.host(ctx), f"\", \"{B.user(ctx)}\", \"",
                  ctx.password(safe=NOQ), f"\", \"{B.dbname(ctx)}\")\n")
        else:
            d.add("from sqlalchemy import create_engine\n\nengine = create_engine(\"", B.conn_url(ctx, "postgresql"), "\", pool_pre_ping=True)\n")
        d.add("cur = conn.cursor()\ncur.execute(\"SELECT id, email FROM customers WHERE created_at > %s\", (since,))\n" if k < 0.75 else
              "with engine.connect() as c:\n    rows = c.execute(text(\"select * from invoices limit 10\")).all()\n")
    return wrap_dev(ctx, Doc(), body, fence="python")


def python_boto3(ctx):
    rng = ctx.rng
    def body(d):
        d.add("import boto3\n\ns3 = boto3.client(\n    \"s3\",\n    aws_access_key_id=\"", Ent("SECRET", V.aws_key_id(rng)),
              "\",\n    aws_secret_access_key=\"", Ent("SECRET", V.aws_secret(rng)), f"\",\n    region_name=\"{rng.choice(['eu-west-1', 'us-east-1', 'eu-central-1'])}\",\n)\n\n"
              f"for obj in s3.list_objects_v2(Bucket=\"{rng.choice(['acme-invoices', 'backup-prod', 'ml-datasets-eu', 'exports-tmp'])}\")[\"Contents\"]:\n    print(obj[\"Key\"])\n")
        if ctx.chance(0.3):
            d.add("\n# docs example, not ours: AKIAIOSFODNN7EXAMPLE / wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n")
    return wrap_dev(ctx, Doc(), body, fence="python")


def js_fetch(ctx):
    def body(d):
        if ctx.chance(0.5):
            d.add("const TOKEN = '", ctx.token() if ctx.chance(0.5) else ctx.secret(ctx.choice(["openai", "anthropic", "hf"])), "';\n\n"
                  f"export async function getInvoices(customerId) {{\n  const res = await fetch(`{_api(ctx)}/customers/${{customerId}}/invoices`, {{\n"
                  "    headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },\n  });\n"
                  "  if (!res.ok) throw new Error(`HTTP ${res.status}`);\n  return res.json();\n}\n")
        else:
            d.add("const axios = require('axios');\n\nconst client = axios.create({\n  baseURL: '", _api(ctx), "',\n"
                  "  auth: { username: '", ctx.choice(["export", "admin", "apiuser", "reporting"]), "', password: '", ctx.password(safe=NOQ), "' },\n});\n\n"
                  "client.get('/reports/daily').then(r => console.log(r.data)).catch(console.error);\n")
    return wrap_dev(ctx, Doc(), body, fence=ctx.choice(["js", "javascript", "ts"]))


def ts_config(ctx):
    def body(d):
        d.add("export const config = {\n  env: 'production',\n  db: {\n    host: '", B.host(ctx), "',\n    user: '", B.user(ctx),
              "',\n    password: '", ctx.password(safe=NOQ), "',\n  },\n")
        d.add("  stripe: { secretKey: '", ctx.secret("stripe"), "' },\n")
        if ctx.chance(0.6):
            d.add("  shopify: { adminToken: '", ctx.secret("shopify"), "' },\n")
        if ctx.chance(0.5):
            d.add("  sentryDsn: process.env.SENTRY_DSN,\n  mapsKey: '<API_KEY>',\n")
        d.add("} as const;\n")
    return wrap_dev(ctx, Doc(), body, fence="ts")


def go_http(ctx):
    def body(d):
        if ctx.chance(0.5):
            d.add("package main\n\nimport (\n\t\"fmt\"\n\t\"net/http\"\n)\n\nconst apiToken = \"", ctx.token(), "\"\n\n"
                  f"func main() {{\n\treq, _ := http.NewRequest(\"GET\", \"{_api(ctx)}/status\", nil)\n"
                  "\treq.Header.Set(\"Authorization\", \"Bearer \"+apiToken)\n\tresp, err := http.DefaultClient.Do(req)\n"
                  "\tif err != nil {\n\t\tpanic(err)\n\t}\n\tfmt.Println(resp.Status)\n}\n")
        else:
            d.add("db, err := sql.Open(\"postgres\", \"", B.conn_url(ctx, "postgres"), "\")\nif err != nil {\n\tlog.Fatal(err)\n}\n"
                  "defer db.Close()\n\nrdb := redis.NewClient(&redis.Options{\n\tAddr:     \"", B.host(ctx), ":6379\",\n\tPassword: \"",
                  ctx.password(safe=NOQ), "\",\n\tDB:       0,\n})\n")
    return wrap_dev(ctx, Doc(), body, fence="go")


def java_jdbc(ctx):
    def body(d):
        d.add("public class ReportJob {\n    private static final String URL = \"jdbc:mysql://")
        d.add(B.host(ctx), f":3306/{B.dbname(ctx)}?useSSL=false\";\n\n    public static void main(String[] args) throws Exception {{\n"
              "        try (Connection con = DriverManager.getConnection(URL, \"", B.user(ctx), "\", \"", ctx.password(safe=NOQ), "\")) {\n"
              "            PreparedStatement ps = con.prepareStatement(\"SELECT * FROM orders WHERE status = ?\");\n"
              "            ps.setString(1, \"OPEN\");\n            ResultSet rs = ps.executeQuery();\n"
              "            while (rs.next()) System.out.println(rs.getString(\"id\"));\n        }\n    }\n}\n")
    return wrap_dev(ctx, Doc(), body, fence="java")


def csharp_creds(ctx):
    def body(d):
        p = ctx.person(native=False)
        sender = ctx.email(p)
        d.add("var smtp = new SmtpClient(\"smtp.office365.com\", 587)\n{\n    EnableSsl = true,\n    Credentials = new NetworkCredential(\"",
              sender, "\", \"", ctx.password(safe=NOQ), "\")\n};\n")
        to = ctx.person(native=False)
        d.add("var msg = new MailMessage(\"", sender, "\", \"", ctx.email(to),
              "\", \"Monthly report\", body);\nsmtp.Send(msg);\n")
    return wrap_dev(ctx, Doc(), body, fence="csharp")


def rust_reqwest(ctx):
    def body(d):
        d.add("let client = reqwest::Client::new();\nlet resp = client\n    .post(\"", _api(ctx), "/events\")\n    .bearer_auth(\"",
              ctx.token() if ctx.chance(0.6) else ctx.secret(ctx.choice(["github", "linear", "notion"])),
              "\")\n    .json(&payload)\n    .send()\n    .await?;\nprintln!(\"{}\", resp.status());\n")
    return wrap_dev(ctx, Doc(), body, fence="rust")


def php_pdo(ctx):
    def body(d):
        d.add("<?php\n$dsn = 'mysql:host=", B.host(ctx), f";dbname={B.dbname(ctx)};charset=utf8mb4';\n"
              f"$pdo = new PDO($dsn, '{B.user(ctx)}', '", ctx.password(safe=NOQ), "', [PDO::ATTR_ERRMODE => PDO::ERRMODE_EXCEPTION]);\n"
              "$stmt = $pdo->query('SELECT email FROM newsletter WHERE confirmed = 1');\n")
    return wrap_dev(ctx, Doc(), body, fence="php")


def ruby_smtp(ctx):
    def body(d):
        if ctx.chance(0.5):
            d.add("require 'net/smtp'\n\nNet::SMTP.start('smtp.gmail.com', 587, 'localhost', '", ctx.email(ctx.person(native=False)), "', '",
                  ctx.password(safe=NOQ), "', :login) do |smtp|\n  smtp.send_message msg, from, to\nend\n")
        else:
            d.add("client = Octokit::Client.new(access_token: '", ctx.secret("github"), "')\nclient.auto_paginate = true\n"
                  "repos = client.org_repos('acme-corp')\nputs repos.map(&:full_name)\n")
    return wrap_dev(ctx, Doc(), body, fence="ruby")


def shell_script(ctx):
    rng = ctx.rng
    def body(d):
        d.add("#!/usr/bin/env bash\nset -euo pipefail\n\n")
        d.add("export PGPASSWORD='", ctx.password(safe="'"), "'\n")
        d.add("BACKUP_HOST=", ctx.ip(v6=0, private=True), "\n")
        d.add(f"DATE=$(date +%F)\n\npg_dump -h \"$BACKUP_HOST\" -U {B.user(ctx)} {B.dbname(ctx)} | gzip > /backups/db-$DATE.sql.gz\n")
        d.add("mysql -u root -p'", ctx.password(safe="'"), "' -e 'FLUSH LOGS;'\n")
        if ctx.chance(0.5):
            d.add("curl -fsS -X POST -H 'Authorization: Bearer ", ctx.token(), "' https://hc-ping.example.org/backup-ok\n")
        if ctx.chance(0.4):
            d.add("aws s3 cp /backups/db-$DATE.sql.gz s3://", rng.choice(["acme-backups", "db-dumps-eu"]), "/ --profile prod\n")
    return wrap_dev(ctx, Doc(), body, fence="bash")


def sql_users(ctx):
    def body(d):
        app_user = B.user(ctx)
        d.add(f"CREATE USER {app_user} WITH PASSWORD '", ctx.password(safe="'"), f"';\nGRANT CONNECT ON DATABASE {B.dbname(ctx)} TO {app_user};\n")
        d.add("ALTER ROLE reporting PASSWORD '", ctx.password(safe="'"), "' VALID UNTIL '2026-01-01';\n")
        if ctx.chance(0.5):
            d.add("-- MySQL side\nCREATE USER 'etl'@'", ctx.ip(v6=0, private=True), "' IDENTIFIED BY '", ctx.password(safe="'"), "';\n")
    return wrap_dev(ctx, Doc(), body, fence="sql")


def python_fixture(ctx):
    rng = ctx.rng
    def body(d):
        d.add("import pytest\n\n# copied a few real rows from prod so the test is realistic\nCUSTOMERS = [\n")
        for _ in range(rng.randint(2, 5)):
            p = ctx.person(native=False)
            d.add("    {\"name\": \"", p.ent(), "\", \"email\": \"", ctx.email(p), "\", ")
            k = rng.random()
            if k < 0.3:
                d.add("\"card\": \"", ctx.card(), "\"},\n")
            elif k < 0.45:
                d.add("\"ssn\": \"", ctx.ssn(), "\"},\n")
            elif k < 0.7:
                d.add("\"iban\": \"", ctx.iban(p), "\"},\n")
            else:
                d.add("\"phone\": \"", ctx.phone(p), "\"},\n")
        d.add("]\n\n\n@pytest.mark.parametrize(\"c\", CUSTOMERS)\ndef test_import(c, client):\n    assert client.post(\"/import\", json=c).status_code == 201\n")
    intro = {"en": ["Why does this test fail on CI only?", "Can you turn this into a factory_boy factory?"],
             "de": ["Warum schlägt der Test nur in der CI fehl?", "Kannst du daraus eine factory_boy-Factory machen?"],
             "fr": ["Pourquoi ce test échoue uniquement en CI ?", "Tu peux transformer ça en factory factory_boy ?"],
             "es": ["¿Por qué este test solo falla en CI?", "¿Puedes convertir esto en una factory de factory_boy?"]}
    return wrap_dev(ctx, Doc(), body, intro=intro, fence="python")


def js_jwt(ctx):
    def body(d):
        d.add("const jwt = require('jsonwebtoken');\n\n// token from the failing request\nconst token = '", ctx.secret("jwt"), "';\n"
              "const secret = '", ctx.token(), "';\n\ntry {\n  console.log(jwt.verify(token, secret));\n} catch (e) {\n  console.error(e.message);\n}\n")
    intro = {"en": ["jwt.verify throws 'invalid signature', what am I doing wrong?"], "de": ["jwt.verify wirft 'invalid signature' – was mache ich falsch?"],
             "fr": ["jwt.verify renvoie 'invalid signature', je fais quoi de travers ?"], "es": ["jwt.verify lanza 'invalid signature', ¿qué hago mal?"]}
    return wrap_dev(ctx, Doc(), body, intro=intro, fence="js")


def powershell(ctx):
    def body(d):
        p = ctx.person(native=False)
        d.add("$pw = ConvertTo-SecureString \"", ctx.password(safe=NOQ + "$`"), "\" -AsPlainText -Force\n"
              "$cred = New-Object System.Management.Automation.PSCredential(\"", ctx.choice(["CORP\\svc-backup", "administrator", "CONTOSO\\admin"]) if ctx.chance(0.5) else ctx.email(p),
              "\", $pw)\nInvoke-Command -ComputerName ", ctx.ip(v6=0, private=True), " -Credential $cred -ScriptBlock { Get-Service }\n")
    return wrap_dev(ctx, Doc(), body, fence="powershell")


def kotlin_android(ctx):
    def body(d):
        d.add("object ApiKeys {\n    const val MAPS = \"", ctx.secret("google"), "\"\n    const val BACKEND_TOKEN = \"", ctx.token(), "\"\n"
              "    const val PLACEHOLDER = \"<insert token here>\"\n}\n")
    return wrap_dev(ctx, Doc(), body, fence="kotlin")


def python_smtp(ctx):
    def body(d):
        sender = ctx.person(native=False)
        to = ctx.person(native=False)
        from_addr = ctx.email(sender)
        d.add("import smtplib\nfrom email.message import EmailMessage\n\nmsg = EmailMessage()\nmsg[\"From\"] = \"", from_addr,
              "\"\nmsg[\"To\"] = \"", ctx.email(to), "\"\nmsg[\"Subject\"] = \"Your contract\"\nmsg.set_content(\"Hi ", to.ent(how="first"),
              ",\\nplease find attached ...\")\n\nwith smtplib.SMTP_SSL(\"smtp.gmail.com\", 465) as s:\n    s.login(\"",
              from_addr, "\", \"", Ent("SECRET", " ".join(V.rand_str(ctx.rng, "abcdefghijklmnopqrstuvwxyz", 4) for _ in range(4))),
              "\")\n    s.send_message(msg)\n")
    return wrap_dev(ctx, Doc(), body, fence="python")


def git_log(ctx):
    rng = ctx.rng
    def body(d):
        for _ in range(rng.randint(2, 4)):
            p = ctx.person(native=False)
            d.add(f"commit {V.git_sha(rng)}\nAuthor: ", p.ent(), " <", ctx.email(p), ">\n"
                  f"Date:   {rng.choice(['Mon', 'Tue', 'Wed', 'Thu', 'Fri'])} {rng.choice(['Mar', 'Apr', 'May', 'Jun'])} {rng.randint(1, 28)} {V.time_(rng, True)} 2025 +0200\n\n"
                  f"    {rng.choice(['fix: retry on 502', 'chore: bump deps', 'feat: add export endpoint', 'refactor config loading'])}\n\n")
        d.add("diff --git a/config/settings.py b/config/settings.py\n-API_KEY = os.environ[\"API_KEY\"]\n+API_KEY = \"", ctx.secret(), "\"\n")
    intro = {"en": ["Someone committed a key, how do I scrub it from history?", "Which commit introduced the hardcoded key?"],
             "de": ["Jemand hat einen Key committet – wie entferne ich den aus der History?"],
             "fr": ["Quelqu'un a commité une clé, comment la virer de l'historique ?"],
             "es": ["Alguien ha subido una clave al repo, ¿cómo la quito del historial?"]}
    return wrap_dev(ctx, Doc(), body, intro=intro, fence=None)


def jwt_signing_key(ctx):
    rng = ctx.rng
    kind = ctx.choice(["RSA", "PKCS8", "EC"])
    def body(d):
        if ctx.chance(0.5):
            d.add("import jwt, time\n\nPRIVATE_KEY = \"\"\"", Ent("SECRET", V.pem_private_key(rng, kind)), "\"\"\"\n\n"
                  "def make_token(sub):\n    now = int(time.time())\n    return jwt.encode({\"sub\": sub, \"iat\": now, \"exp\": now + 900},\n"
                  f"                      PRIVATE_KEY, algorithm=\"{'ES256' if kind == 'EC' else 'RS256'}\")\n")
        else:
            d.add("const fs = require('fs');\nconst jwt = require('jsonwebtoken');\n\n// TODO: load from file, inlined for now\nconst privateKey = `",
                  Ent("SECRET", V.pem_private_key(rng, kind)), "`;\n\nmodule.exports = (userId) =>\n"
                  f"  jwt.sign({{ sub: userId }}, privateKey, {{ algorithm: '{'ES256' if kind == 'EC' else 'RS256'}', expiresIn: '15m' }});\n")
    intro = {"en": ["The tokens this produces are rejected by the gateway with 'invalid signature'. Why?", "How do I rotate this key without logging everyone out?"],
             "de": ["Die erzeugten Tokens lehnt das Gateway mit 'invalid signature' ab. Warum?", "Wie rotiere ich den Schlüssel, ohne alle auszuloggen?"],
             "fr": ["Les tokens générés sont rejetés par la gateway avec 'invalid signature'. Pourquoi ?", "Comment faire tourner cette clé sans déconnecter tout le monde ?"],
             "es": ["El gateway rechaza los tokens que genera esto con 'invalid signature'. ¿Por qué?", "¿Cómo roto esta clave sin desconectar a todo el mundo?"]}
    return wrap_dev(ctx, Doc(), body, intro=intro, fence=None)


def variants():
    return [
        ("code.python_requests", python_requests, False), ("code.python_db", python_db, False), ("code.python_boto3", python_boto3, False),
        ("code.js_fetch", js_fetch, False), ("code.ts_config", ts_config, False), ("code.go_http", go_http, False),
        ("code.java_jdbc", java_jdbc, False), ("code.csharp_creds", csharp_creds, False), ("code.rust_reqwest", rust_reqwest, False),
        ("code.php_pdo", php_pdo, False), ("code.ruby", ruby_smtp, False), ("code.shell_script", shell_script, False),
        ("code.sql_users", sql_users, False), ("code.python_fixture", python_fixture, False),
        ("code.jwt_signing_key", jwt_signing_key, False), ("code.js_jwt", js_jwt, True), ("code.powershell", powershell, True), ("code.kotlin_android", kotlin_android, True),
        ("code.python_smtp", python_smtp, True), ("code.git_log", git_log, True),
    ]
