"""Family: logs (application, web server, auth, mail, audit) and stack traces."""
import json

from .core import Doc, Ent
from . import values as V
from . import devbits as B
from .prose import wrap_dev, LOG_INTRO

PATHS = ["/", "/login", "/api/v1/orders", "/api/v1/customers/8812", "/wp-login.php", "/checkout", "/static/app.3f9a1c.js",
         "/health", "/api/v2/invoices?page=3", "/.env", "/admin", "/graphql", "/favicon.ico", "/api/v1/cart/items",
         "/robots.txt", "/phpmyadmin/index.php", "/account/settings", "/api/v1/auth/refresh"]
UAS = ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36",
       "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1",
       "curl/8.5.0", "python-requests/2.31.0", "Go-http-client/1.1", "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
       "okhttp/4.12.0", "Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0"]


def _ips(ctx, n, v6=0.3):
    """A small set of client IPs that repeat, like in real logs."""
    return [ctx.ip(v6=v6, private=False) if ctx.chance(0.7) else ctx.ip(v6=0, private=True) for _ in range(n)]


def nginx_access(ctx):
    rng = ctx.rng
    ips = _ips(ctx, rng.randint(2, 6))
    n = rng.choices([rng.randint(4, 12), rng.randint(13, 40), rng.randint(60, 110)], weights=[35, 45, 20])[0]
    tss = V.ts_seq(rng, n, "clf", 20)

    def body(d):
        for ts in tss:
            ip = rng.choice(ips)
            path = rng.choice(PATHS)
            status = rng.choice([200, 200, 200, 301, 302, 304, 401, 403, 404, 404, 499, 500, 502])
            d.add(ip, f" - - [{ts}] \"{rng.choice(['GET', 'GET', 'POST', 'HEAD'])} {path}")
            if path.startswith("/api") and ctx.chance(0.08):
                d.add("&" if "?" in path else "?", "access_token=", ctx.token())
            d.add(f" HTTP/1.1\" {status} {rng.randint(0, 48000)} \"-\" \"{rng.choice(UAS)}\"\n")
    return wrap_dev(ctx, Doc(), body, intro=LOG_INTRO, outro=False, fence="" if ctx.chance(0.5) else None)


def app_json_log(ctx):
    rng = ctx.rng
    n = rng.choices([rng.randint(3, 10), rng.randint(11, 35), rng.randint(50, 90)], weights=[35, 45, 20])[0]
    users = [ctx.person(native=False) for _ in range(rng.randint(1, 4))]
    emails = [ctx.email(p) for p in users]
    ips = _ips(ctx, len(users) + 1)
    tss = V.ts_seq(rng, n, "iso", 30)

    def body(d):
        for ts in tss:
            k = rng.random()
            rid = V.uuid4(rng)
            if k < 0.35:
                i = rng.randrange(len(users))
                d.add('{"ts":"', ts, '","level":"info","msg":"login ok","user":"', emails[i], '","ip":"', ips[i], f'","request_id":"{rid}"}}\n')
            elif k < 0.55:
                i = rng.randrange(len(users))
                d.add('{"ts":"', ts, '","level":"error","msg":"payment declined","customer":"', users[i].ent(), '","card_last4":"',
                      str(rng.randint(1000, 9999)), f'","amount":{rng.randint(5, 900)}.{rng.randint(0, 99):02d},"order":"{V.order_no(rng)}"}}\n')
            elif k < 0.62:
                d.add('{"ts":"', ts, '","level":"debug","msg":"raw payload","body":{"pan":"', ctx.card(sep=""), f'","exp":"{V.card_expiry(rng)}","cvc":"***"}}}}\n')
            elif k < 0.7:
                d.add('{"ts":"', ts, '","level":"warn","msg":"auth header","authorization":"Bearer ', ctx.secret("jwt") if ctx.chance(0.5) else ctx.token(), '"}\n')
            elif k < 0.75:
                i = rng.randrange(len(users))
                d.add('{"ts":"', ts, '","level":"info","msg":"kyc submitted","user":"', emails[i], '","ssn":"', ctx.ssn(), f'","dob":"{ctx.date("iso").replace("202", "19" + str(rng.randint(5, 9)), 1)}"}}\n')
            elif k < 0.85:
                d.add(f'{{"ts":"{ts}","level":"info","msg":"GET /api/v1/orders 200","duration_ms":{rng.randint(3, 900)},"trace_id":"{V.rand_str(rng, V.HEX, 32)}"}}\n')
            else:
                d.add(f'{{"ts":"{ts}","level":"warn","msg":"slow query","table":"orders","rows":{rng.randint(1000, 90000)},"ms":{rng.randint(800, 9000)}}}\n')
    return wrap_dev(ctx, Doc(), body, intro=LOG_INTRO, outro=False, fence="json" if ctx.chance(0.4) else None)


def auth_log(ctx):
    rng = ctx.rng
    host = rng.choice(["web01", "bastion", "ip-10-0-3-17", "vps-4411", "nas", "gitlab"])
    attackers = _ips(ctx, rng.randint(1, 3), v6=0.1)
    good = ctx.ip(v6=0, private=True)
    n = rng.randint(6, 60)
    tss = V.ts_seq(rng, n, "syslog", 40)

    def body(d):
        for ts in tss:
            pid = rng.randint(1000, 99999)
            k = rng.random()
            if k < 0.55:
                u = rng.choice(["admin", "root", "test", "oracle", "ubuntu", "postgres", "git", "user", "support", "pi"])
                inv = "invalid user " if u not in ("root", "ubuntu", "git") else ""
                d.add(f"{ts} {host} sshd[{pid}]: Failed password for {inv}{u} from ", rng.choice(attackers), f" port {rng.randint(30000, 65000)} ssh2\n")
            elif k < 0.7:
                d.add(f"{ts} {host} sshd[{pid}]: Accepted publickey for deploy from ", good, f" port {rng.randint(30000, 65000)} ssh2: ED25519 SHA256:{V.rand_str(rng, V.B62, 43)}\n")
            elif k < 0.8:
                d.add(f"{ts} {host} sshd[{pid}]: Connection closed by authenticating user root ", rng.choice(attackers), f" port {rng.randint(30000, 65000)} [preauth]\n")
            elif k < 0.9:
                d.add(f"{ts} {host} sudo:   deploy : TTY=pts/0 ; PWD=/home/deploy ; USER=root ; COMMAND=/usr/bin/systemctl restart nginx\n")
            else:
                d.add(f"{ts} {host} sshd[{pid}]: pam_unix(sshd:session): session opened for user deploy(uid=1001) by (uid=0)\n")
    return wrap_dev(ctx, Doc(), body, intro=LOG_INTRO, outro=False, fence="" if ctx.chance(0.4) else None)


def signin_log(ctx):
    rng = ctx.rng
    users = [ctx.person(native=False) for _ in range(rng.randint(1, 4))]
    dom = ctx.company_domain(ctx.company(surname_based=False))
    mails = [ctx.work_email(p, dom) for p in users]
    def body(d):
        d.add("Date (UTC)\tUser\tUsername\tApplication\tIP address\tLocation\tStatus\n")
        for ts in V.ts_seq(rng, rng.randint(4, 25), "plain", 7200):
            i = rng.randrange(len(users))
            d.add(f"{ts}\t", users[i].ent(), "\t", mails[i],
                  f"\t{rng.choice(['Office 365 Exchange Online', 'Azure Portal', 'Microsoft Teams', 'Salesforce', 'VPN'])}\t", ctx.ip(v6=0.15, private=False),
                  f"\t{rng.choice(['Frankfurt am Main, DE', 'Lagos, NG', 'Madrid, ES', 'Paris, FR', 'Ashburn, US', 'Singapore, SG', 'São Paulo, BR'])}"
                  f"\t{rng.choice(['Success', 'Success', 'Failure: 50126', 'Interrupted: 50074', 'Failure: 50053'])}\n")
    intro = {"en": ["Azure AD sign-in export. Does any of this look like account takeover?", "Which of these logins should we worry about?"],
             "de": ["Export der Azure-AD-Anmeldungen. Sieht das nach Kontoübernahme aus?", "Welche Anmeldungen sind verdächtig?"],
             "fr": ["Export des connexions Azure AD. Ça ressemble à une prise de contrôle de compte ?"],
             "es": ["Export de inicios de sesión de Azure AD. ¿Ves algo que parezca robo de cuenta?"]}
    return wrap_dev(ctx, Doc(), body, intro=intro, outro=False, fence=None)


def stack_trace(ctx):
    rng = ctx.rng
    def body(d):
        k = rng.random()
        if k < 0.4:
            d.add("Traceback (most recent call last):\n  File \"/app/worker.py\", line 88, in <module>\n    main()\n"
                  "  File \"/app/worker.py\", line 41, in main\n    engine = create_engine(settings.DB_URL)\n"
                  "  File \"/usr/local/lib/python3.11/site-packages/sqlalchemy/engine/create.py\", line 560, in create_engine\n"
                  "sqlalchemy.exc.OperationalError: (psycopg2.OperationalError) connection to server at \"", B.host(ctx),
                  "\", port 5432 failed: FATAL:  password authentication failed for user \"", B.user(ctx), "\"\n"
                  "(Background on this error at: https://sqlalche.me/e/20/e3q8)\nDB_URL was: ", B.conn_url(ctx, "postgresql"), "\n")
        elif k < 0.75:
            d.add("java.sql.SQLException: Access denied for user '", B.user(ctx), "'@'", ctx.ip(v6=0, private=True), "' (using password: YES)\n"
                  "\tat com.mysql.cj.jdbc.exceptions.SQLError.createSQLException(SQLError.java:130)\n"
                  "\tat com.mysql.cj.jdbc.ConnectionImpl.createNewIO(ConnectionImpl.java:825)\n"
                  "\tat com.zaxxer.hikari.pool.PoolBase.newConnection(PoolBase.java:359)\n"
                  "\tat com.acme.billing.ReportJob.run(ReportJob.java:57)\n"
                  "Caused by: config loaded from /etc/billing/app.properties (spring.datasource.password=", ctx.password(safe=" )"), ")\n")
        else:
            p = ctx.person(native=False)
            d.add("Unhandled exception. System.Net.Mail.SmtpException: Mailbox unavailable. The server response was: 5.7.1 Unable to relay for ",
                  ctx.email(p), "\n   at System.Net.Mail.SmtpTransport.SendMail(MailAddress sender, MailAddressCollection recipients)\n"
                  "   at Notifier.Program.Main(String[] args) in C:\\src\\Notifier\\Program.cs:line 33\n"
                  "   Customer: ", p.ent(), f" (id {rng.randint(10000, 99999)})\n")
    return wrap_dev(ctx, Doc(), body, intro=LOG_INTRO, outro=True, fence="" if ctx.chance(0.5) else None)


def postfix_log(ctx):
    rng = ctx.rng
    def body(d):
        for ts in V.ts_seq(rng, rng.randint(4, 30), "syslog", 60):
            p = ctx.person(native=False) if len(ctx.persons) < 12 else rng.choice(ctx.persons)
            qid = V.rand_str(rng, "0123456789ABCDEF", 10)
            mx = ctx.ip(v6=0.1, private=False)
            d.add(f"{ts} mail postfix/smtp[{rng.randint(1000, 30000)}]: {qid}: to=<", ctx.email(p),
                  f">, relay={rng.choice(['gmail-smtp-in.l.google.com', 'mx1.web.de', 'mx.orange.fr', 'eur.olc.protection.outlook.com'])}[", mx,
                  f"]:25, delay={rng.uniform(0.2, 9):.1f}, dsn={rng.choice(['2.0.0', '2.0.0', '4.7.0', '5.1.1'])}, status={rng.choice(['sent', 'sent', 'deferred', 'bounced'])}\n")
    return wrap_dev(ctx, Doc(), body, intro=LOG_INTRO, outro=False, fence=None)


def k8s_env_dump(ctx):
    rng = ctx.rng
    def body(d):
        d.add(f"$ kubectl logs deploy/{B.app(ctx)} --previous\n")
        t0, t1 = V.ts_seq(rng, 2, "iso", 5)
        d.add(f"{t0} starting with config:\n")
        d.add("  DB_HOST=", B.host(ctx), "\n  DB_PASSWORD=", ctx.password(safe=" "), "\n  REDIS_URL=", B.conn_url(ctx, "redis"), "\n")
        d.add("  HF_TOKEN=", ctx.secret("hf"), "\n  LOG_LEVEL=debug\n")
        d.add(f"{t1} panic: dial tcp ", ctx.ip(v6=0, private=True), ":5432: connect: connection refused\n")
    return wrap_dev(ctx, Doc(), body, intro=LOG_INTRO, outro=False, fence="" if ctx.chance(0.5) else None)


def audit_csv(ctx):
    rng = ctx.rng
    users = [ctx.person(native=False) for _ in range(rng.randint(2, 5))]
    def body(d):
        d.add("timestamp,actor,action,target,source_ip\n")
        for ts in V.ts_seq(rng, rng.randint(5, 30), "iso", 3600):
            a = rng.choice(users)
            t = rng.choice(users)
            d.add(f"{ts},", a.ent(), f",{rng.choice(['user.role_changed', 'user.password_reset', 'file.shared_externally', 'export.created', 'user.login', 'apikey.created'])},",
                  t.ent() if ctx.chance(0.6) else rng.choice(["billing-export.csv", "Q3-forecast.xlsx", "workspace:finance"]), ",", ctx.ip(v6=0.2), "\n")
    intro = {"en": ["Audit log from our SaaS admin console. Who did what and is anything suspicious?"],
             "de": ["Audit-Log aus der Admin-Konsole. Wer hat was gemacht, ist was verdächtig?"],
             "fr": ["Journal d'audit de la console d'admin. Qui a fait quoi, quelque chose de suspect ?"],
             "es": ["Log de auditoría de la consola de administración. ¿Quién hizo qué y hay algo sospechoso?"]}
    return wrap_dev(ctx, Doc(), body, intro=intro, outro=False, fence=None)


def variants():
    return [
        ("log.nginx_access", nginx_access, False), ("log.app_json", app_json_log, False), ("log.auth_log", auth_log, False),
        ("log.signin_export", signin_log, False), ("log.stack_trace", stack_trace, False),
        ("log.postfix", postfix_log, True), ("log.k8s_env_dump", k8s_env_dump, True), ("log.audit_csv", audit_csv, True),
    ]
