"""Small building blocks for developer prompts: hosts, users, db names, placeholders."""
import base64

from .core import Ent
from . import values as V

HOSTNAMES = ["db.internal", "prod-db-01", "pg-primary.svc.cluster.local", "mysql.intra.lan", "db-replica-2",
             "mydb.c9akciq32rvl.eu-west-1.rds.amazonaws.com", "postgres", "mariadb", "sql01.corp.local", "redis-master",
             "cache.internal", "mongo-0.mongo", "cluster0.x8kq2.mongodb.net", "rabbitmq", "ldap.corp.local", "smtp.office365.com",
             "smtp.sendgrid.net", "mail.example-shop.de", "sftp.partner-portal.com", "bastion.eu-central-1", "es-node-3",
             "kafka-1.kafka-headless", "nas.home", "vault.service.consul"]
DB_USERS = ["app", "app_rw", "postgres", "admin", "svc_reporting", "root", "sa", "api_user", "etl", "readonly", "webapp",
            "shop", "wp_user", "grafana", "keycloak", "airflow", "metabase", "n8n"]
DB_NAMES = ["app", "production", "shop", "crm", "analytics", "orders", "wordpress", "keycloak", "billing", "inventory",
            "main", "warehouse", "erp", "hr", "tickets"]
APP_NAMES = ["billing-api", "checkout", "crm-sync", "reporting", "webshop", "auth-service", "notifier", "invoice-worker",
             "data-pipeline", "backoffice", "mobile-bff", "scheduler", "partner-gateway", "hr-portal"]
PLACEHOLDERS = ["${DB_PASSWORD}", "<your-password>", "{{ .Values.db.password }}", "REPLACE_ME", "********", "<redacted>",
                "${{ secrets.API_KEY }}", "%(DB_PASS)s", "$API_TOKEN", "<API_KEY>", "xxxxxxxxxxxx", "${SMTP_PASS}",
                "{{ vault_db_password }}", "<insert token here>", "your_api_key_here"]


def host(ctx, ip_share=0.45, private=True):
    if ctx.chance(ip_share):
        return Ent("IP_ADDRESS", V.ipv4_private(ctx.rng) if private else V.ipv4(ctx.rng))
    return ctx.choice(HOSTNAMES)


def user(ctx):
    return ctx.choice(DB_USERS)


def dbname(ctx):
    return ctx.choice(DB_NAMES)


def app(ctx):
    return ctx.choice(APP_NAMES)


def placeholder(ctx):
    return ctx.choice(PLACEHOLDERS)


def port(ctx, kind="pg"):
    return {"pg": 5432, "mysql": 3306, "redis": 6379, "mongo": 27017, "amqp": 5672, "mssql": 1433, "smtp": 587,
            "ldap": 389, "http": 8080}[kind]


def b64(s):
    return base64.b64encode(s.encode()).decode()


def conn_url(ctx, scheme=None, pw=None):
    """A connection URL as pieces: scheme://user:PASSWORD@host:port/db."""
    scheme = scheme or ctx.choice(["postgres", "postgresql", "mysql", "mongodb", "redis", "amqp", "mongodb+srv", "mssql"])
    pw = pw or ctx.password(safe="@:/#?%&=+ ")
    kind = {"postgres": "pg", "postgresql": "pg", "mysql": "mysql", "mongodb": "mongo", "mongodb+srv": "mongo",
            "redis": "redis", "amqp": "amqp", "mssql": "mssql"}[scheme]
    h = host(ctx)
    u = "" if scheme == "redis" and ctx.chance(0.5) else user(ctx)
    tail = "" if scheme == "mongodb+srv" else f":{port(ctx, kind)}"
    db = "/0" if scheme == "redis" else ("" if scheme == "amqp" else f"/{dbname(ctx)}")
    q = ctx.choice(["", "", "?sslmode=require", "?retryWrites=true&w=majority", "?charset=utf8mb4"]) if scheme != "redis" else ""
    return [f"{scheme}://{u}:", pw, "@", h, f"{tail}{db}{q}"]
