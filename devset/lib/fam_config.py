"""Family: settings and configuration files pasted into prompts."""
from .core import Doc, Ent, flatten
from . import values as V
from . import devbits as B
from .prose import wrap_dev

YAML_SPECIAL = set(":#{}[],&*!|>'\"%@`")


def yq(piece):
    """Quote a YAML scalar piece when needed (the quotes stay outside the span)."""
    text = flatten(piece)
    if any(c in YAML_SPECIAL for c in text) or text[:1] in "-?" or text.isdigit():
        return ['"', piece, '"']
    return piece


def env_file(ctx):
    rng = ctx.rng
    lines = []
    app = B.app(ctx)
    lines.append(f"# {app} - {rng.choice(['production', 'staging', 'local dev', 'prod EU'])}\n")
    lines.append(f"NODE_ENV={rng.choice(['production', 'staging', 'development'])}\nPORT={rng.choice([3000, 8080, 8000, 5000])}\n")
    opts = ["db", "db_url", "redis", "stripe", "sendgrid", "jwt", "aws", "smtp", "admin", "openai", "slack", "placeholder",
            "github", "google", "twilio", "sentry_env", "log_level", "anthropic", "mail_from", "datadog"]
    chosen = rng.sample(opts, rng.randint(4, 9))
    for o in chosen:
        if o == "db":
            lines.append(["DB_HOST=", B.host(ctx), f"\nDB_PORT=5432\nDB_USER={B.user(ctx)}\nDB_PASSWORD=", ctx.password(), "\n"])
        elif o == "db_url":
            lines.append(["DATABASE_URL=", B.conn_url(ctx, ctx.choice(["postgres", "postgresql", "mysql"])), "\n"])
        elif o == "redis":
            lines.append(["REDIS_URL=", B.conn_url(ctx, "redis"), "\n"])
        elif o == "stripe":
            lines.append(["STRIPE_SECRET_KEY=", ctx.secret(ctx.choice(["stripe", "stripe_rk"])), f"\nSTRIPE_PUBLISHABLE_KEY=pk_live_{V.rand_str(rng, V.B62, 24)}\n"])
        elif o == "sendgrid":
            lines.append(["SENDGRID_API_KEY=", ctx.secret("sendgrid"), "\n"])
        elif o == "jwt":
            lines.append(["JWT_SECRET=", ctx.token(), f"\nJWT_EXPIRES_IN={rng.choice(['15m', '1h', '7d'])}\n"])
        elif o == "aws":
            lines.append(["AWS_ACCESS_KEY_ID=", Ent("SECRET", V.aws_key_id(rng)), "\nAWS_SECRET_ACCESS_KEY=", Ent("SECRET", V.aws_secret(rng)),
                          f"\nAWS_REGION={rng.choice(['eu-west-1', 'eu-central-1', 'us-east-1', 'ap-southeast-2'])}\n"])
        elif o == "smtp":
            lines.append([f"SMTP_HOST={rng.choice(['smtp.office365.com', 'smtp.gmail.com', 'smtp.mailgun.org', 'mail.gandi.net'])}\nSMTP_PORT=587\nSMTP_USER=",
                          ctx.email(ctx.person(native=False)), "\nSMTP_PASS=", ctx.password(), "\n"])
        elif o == "admin":
            p = ctx.person(native=False)
            lines.append(["ADMIN_EMAIL=", ctx.email(p), "\nADMIN_INITIAL_PASSWORD=", ctx.password(), "\n"])
        elif o == "openai":
            lines.append(["OPENAI_API_KEY=", ctx.secret(ctx.choice(["openai", "openai_legacy"])), "\n"])
        elif o == "anthropic":
            lines.append(["ANTHROPIC_API_KEY=", ctx.secret("anthropic"), "\n"])
        elif o == "slack":
            lines.append(["SLACK_BOT_TOKEN=", ctx.secret("slack"), f"\nSLACK_CHANNEL=#{rng.choice(['alerts', 'ops', 'deploys', 'sales-leads'])}\n"])
        elif o == "github":
            lines.append(["GITHUB_TOKEN=", ctx.secret(ctx.choice(["github", "github_pat"])), "\n"])
        elif o == "datadog":
            lines.append(["DD_API_KEY=", ctx.secret("datadog"), "\nDD_APP_KEY=", Ent("SECRET", V.rand_str(rng, V.HEX, 40)), "\nDD_SITE=datadoghq.eu\n"])
        elif o == "google":
            lines.append(["GOOGLE_MAPS_API_KEY=", ctx.secret("google"), "\n"])
        elif o == "twilio":
            lines.append(["TWILIO_API_KEY=", ctx.secret("twilio"), "\nTWILIO_API_SECRET=", Ent("SECRET", V.rand_str(rng, V.B62, 32)),
                          "\nTWILIO_FROM=", ctx.phone(intl=True), "\n"])
        elif o == "placeholder":
            lines.append(f"# PAYPAL_CLIENT_SECRET={B.placeholder(ctx)}\nMAPBOX_TOKEN=\n")
        elif o == "sentry_env":
            lines.append(f"SENTRY_ENVIRONMENT=production\nSENTRY_RELEASE={V.git_sha(rng, True)}\n")
        elif o == "log_level":
            lines.append(f"LOG_LEVEL={rng.choice(['info', 'debug', 'warn'])}\nFEATURE_FLAGS=new_checkout,{rng.choice(['dark_mode', 'beta_export'])}\n")
        elif o == "mail_from":
            lines.append(["MAIL_FROM=", Ent("EMAIL", f"no-reply@{rng.choice(['shop', 'app', 'mail'])}.{B.app(ctx).replace('-', '')}.com"), "\n"])

    def body(d):
        for l in lines:
            d.add(l)
    return wrap_dev(ctx, Doc(), body, fence=ctx.choice(["", "env", "bash", "dotenv"]) if ctx.chance(0.6) else None)


def spring_yaml(ctx):
    rng = ctx.rng
    def body(d):
        d.fmt("spring:\n  application:\n    name: {app}\n  datasource:\n    url: jdbc:postgresql://{h}:5432/{db}\n"
              "    username: {u}\n    password: {pw}\n", app=B.app(ctx), h=B.host(ctx), db=B.dbname(ctx), u=B.user(ctx), pw=yq(ctx.password()))
        if ctx.chance(0.6):
            p = ctx.person(native=False)
            d.fmt("  mail:\n    host: smtp.office365.com\n    port: 587\n    username: {u}\n    password: {pw}\n",
                  u=ctx.email(p), pw=yq(ctx.password()))
        if ctx.chance(0.5):
            d.fmt("app:\n  payments:\n    stripe-key: {k}\n  maps-key: {g}\n", k=ctx.secret("stripe"), g=ctx.secret("google"))
        d.add(f"server:\n  port: {rng.choice([8080, 8443, 9000])}\nlogging:\n  level:\n    root: {rng.choice(['INFO', 'DEBUG', 'WARN'])}\n")
    return wrap_dev(ctx, Doc(), body, fence="yaml" if ctx.chance(0.7) else None)


def k8s_secret(ctx):
    rng = ctx.rng
    name = B.app(ctx)
    def body(d):
        use_data = ctx.chance(0.4)
        d.add(f"apiVersion: v1\nkind: Secret\nmetadata:\n  name: {name}-secrets\n  namespace: {rng.choice(['default', 'prod', 'payments', 'apps'])}\n"
              f"type: Opaque\n{'data' if use_data else 'stringData'}:\n")
        items = [("DB_PASSWORD", ctx.password()), ("API_KEY", ctx.secret()), ("JWT_SIGNING_KEY", ctx.token()),
                 ("SMTP_PASSWORD", ctx.password()), ("REDIS_PASSWORD", ctx.password("long_random"))]
        rng.shuffle(items)
        for k, v in items[:rng.randint(2, 5)]:
            if use_data:
                d.add(f"  {k}: ", Ent("SECRET", B.b64(v.value)), "\n")
            else:
                d.add(f"  {k}: ", yq(v), "\n")
        if ctx.chance(0.4):
            d.add("---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ", name, "\nspec:\n  replicas: 2\n  template:\n    spec:\n"
                  "      containers:\n        - name: app\n          image: registry.gitlab.com/acme/", name, f":{V.semver(rng)}\n"
                  "          env:\n            - name: DB_HOST\n              value: \"", B.host(ctx), "\"\n"
                  "            - name: ADMIN_PASSWORD\n              value: \"", ctx.password(safe='"\\'), "\"\n")
    intro = {"en": ["Is this the right way to store secrets in k8s?", "Why does my pod not pick up these values?",
                    "Can you convert this Secret to a SealedSecret / external-secrets setup?"],
             "de": ["Ist das so richtig, um Secrets in Kubernetes abzulegen?", "Warum sieht mein Pod diese Werte nicht?"],
             "fr": ["C'est la bonne façon de stocker des secrets dans k8s ?", "Pourquoi mon pod ne récupère pas ces valeurs ?"],
             "es": ["¿Es correcta esta forma de guardar secretos en Kubernetes?", "¿Por qué el pod no coge estos valores?"]}
    return wrap_dev(ctx, Doc(), body, intro=intro, fence="yaml")


def docker_compose(ctx):
    rng = ctx.rng
    def body(d):
        db = ctx.choice(["postgres:16", "mysql:8.0", "mariadb:11", "mongo:7"])
        d.add("version: \"3.8\"\nservices:\n  db:\n    image: ", db, "\n    restart: unless-stopped\n    environment:\n")
        if db.startswith("postgres"):
            d.add(f"      POSTGRES_USER: {B.user(ctx)}\n      POSTGRES_PASSWORD: ", yq(ctx.password()), f"\n      POSTGRES_DB: {B.dbname(ctx)}\n")
        elif db.startswith("mongo"):
            d.add("      MONGO_INITDB_ROOT_USERNAME: root\n      MONGO_INITDB_ROOT_PASSWORD: ", yq(ctx.password()), "\n")
        else:
            d.add("      MYSQL_ROOT_PASSWORD: ", yq(ctx.password()), f"\n      MYSQL_DATABASE: {B.dbname(ctx)}\n      MYSQL_USER: {B.user(ctx)}\n      MYSQL_PASSWORD: ", yq(ctx.password()), "\n")
        if ctx.chance(0.5):
            d.add("    networks:\n      backend:\n        ipv4_address: ", Ent("IP_ADDRESS", f"172.{rng.randint(18, 30)}.0.{rng.randint(2, 20)}"), "\n")
        d.add(f"  app:\n    build: .\n    ports:\n      - \"{rng.choice([3000, 8080, 8000])}:{rng.choice([3000, 8080, 8000])}\"\n    environment:\n")
        d.add("      - DATABASE_URL=", B.conn_url(ctx, "postgres" if db.startswith("postgres") else ("mongodb" if "mongo" in db else "mysql")), "\n")
        if ctx.chance(0.6):
            d.add("      - MAILGUN_API_KEY=", ctx.secret("mailgun"), "\n")
        if ctx.chance(0.5):
            d.add("      - SECRET_KEY_BASE=", Ent("SECRET", V.rand_str(rng, V.HEX, 128)), "\n")
        if ctx.chance(0.3):
            d.add(f"      - STRIPE_KEY={B.placeholder(ctx)}\n")
        d.add("    depends_on:\n      - db\n")
    intro = {"en": ["The db container keeps restarting with this compose file:", "docker compose up fails, why?",
                    "How do I move these passwords out of the compose file?"],
             "de": ["Der DB-Container startet mit dieser Compose-Datei ständig neu:", "docker compose up schlägt fehl, warum?"],
             "fr": ["Le conteneur de base redémarre en boucle avec ce docker-compose :", "docker compose up plante, pourquoi ?"],
             "es": ["El contenedor de la base de datos se reinicia todo el rato con este compose:", "docker compose up falla, ¿por qué?"]}
    return wrap_dev(ctx, Doc(), body, intro=intro, fence="yaml" if ctx.chance(0.8) else None)


def toml_config(ctx):
    def body(d):
        d.fmt('[server]\nbind = "{ip}:8443"\nworkers = 4\n\n[database]\nurl = "{url}"\npool_size = 16\n\n',
              ip=ctx.ip(v6=0, private=True) if ctx.chance(0.5) else Ent("IP_ADDRESS", "0.0.0.0"), url=B.conn_url(ctx, "postgres"))
        d.fmt('[smtp]\nhost = "smtp.mailgun.org"\nusername = "{user}"\npassword = "{pw}"\n\n',
              user=Ent("EMAIL", f"postmaster@mg.{B.app(ctx).replace('-', '')}.com"), pw=ctx.password(safe='"\\'))
        if ctx.chance(0.6):
            d.fmt('[integrations]\nhubspot_token = "{t}"\nopenai_key = "{o}"\n', t=ctx.token(), o=ctx.secret("openai"))
    return wrap_dev(ctx, Doc(), body, fence="toml")


def ini_config(ctx):
    rng = ctx.rng
    def body(d):
        k = rng.random()
        if k < 0.35:
            d.fmt("[client]\nuser=root\npassword={pw}\nhost={h}\n\n[mysqldump]\nuser=backup\npassword={pw2}\n",
                  pw=ctx.password(safe=" "), h=B.host(ctx), pw2=ctx.password(safe=" "))
        elif k < 0.65:
            lines = []
            for _ in range(rng.randint(2, 4)):
                lines.append([B.host(ctx), f":5432:{B.dbname(ctx)}:{B.user(ctx)}:", ctx.password(safe=":\\ "), "\n"])
            d.add("# ~/.pgpass\n", lines)
        else:
            d.fmt("[ldap]\nserver = ldaps://{h}:636\nbind_dn = cn=svc-{app},ou=service,dc=corp,dc=local\nbind_password = {pw}\n\n"
                  "[mail]\nsmtp_server = {h2}\nsmtp_user = {mail}\nsmtp_password = {pw2}\n",
                  h=B.host(ctx), app=B.app(ctx), pw=ctx.password(safe=" "), h2=B.host(ctx),
                  mail=ctx.email(ctx.person(native=False)), pw2=ctx.password(safe=" "))
    return wrap_dev(ctx, Doc(), body, fence="ini" if ctx.chance(0.6) else None)


def appsettings_json(ctx):
    def body(d):
        d.fmt('{\n  "ConnectionStrings": {\n    "Default": "Server={h};Database={db};User Id={u};Password={pw};TrustServerCertificate=True"\n  },\n',
              h=B.host(ctx), db=B.dbname(ctx), u=ctx.choice(["sa", "app", "svc_web"]), pw=ctx.password(safe=';"\\'))
        d.fmt('  "Storage": "DefaultEndpointsProtocol=https;AccountName={acc};AccountKey={key};EndpointSuffix=core.windows.net",\n',
              acc=ctx.choice(["stprodweu01", "acmeblobs", "invoicesstore"]), key=ctx.secret("azure"))
        if ctx.chance(0.6):
            p = ctx.person(native=False)
            d.fmt('  "Smtp": { "Host": "smtp.office365.com", "User": "{mail}", "Password": "{pw}" },\n', mail=ctx.email(p), pw=ctx.password(safe='"\\'))
        d.fmt('  "Jwt": { "Issuer": "https://auth.example.org", "Key": "{k}" },\n  "Logging": { "LogLevel": { "Default": "Information" } }\n}\n', k=ctx.token())
    return wrap_dev(ctx, Doc(), body, fence="json")


def netrc(ctx):
    rng = ctx.rng
    def body(d):
        hosts = rng.sample(["api.heroku.com", "git.heroku.com", "github.com", "gitlab.company.io", "ftp.partner.de",
                            "pypi.org", "artifactory.intra", "bitbucket.org", "nexus.corp.local"], rng.randint(2, 4))
        for h in hosts:
            p = ctx.person(native=False)
            login = ctx.email(p) if ctx.chance(0.4) else p.username(rng)
            sec = ctx.secret(ctx.choice(["github", "gitlab", "pypi"])) if h in ("github.com", "gitlab.company.io", "pypi.org") else ctx.password(safe=" ")
            if ctx.chance(0.6):
                d.add(f"machine {h}\n  login ", login, "\n  password ", sec, "\n")
            else:
                d.add(f"machine {h} login ", login, " password ", sec, "\n")
    intro = {"en": ["Is my .netrc correct? git still asks for a password:", "here's my ~/.netrc"],
             "de": ["Stimmt meine .netrc? git fragt trotzdem nach dem Passwort:"],
             "fr": ["Mon .netrc est correct ? git me redemande le mot de passe :"],
             "es": ["¿Está bien mi .netrc? git me sigue pidiendo la contraseña:"]}
    return wrap_dev(ctx, Doc(), body, intro=intro, fence="" if ctx.chance(0.5) else None)


def conn_strings(ctx):
    rng = ctx.rng
    def body(d):
        for scheme in rng.sample(["postgres", "mysql", "mongodb+srv", "redis", "amqp", "postgresql", "mongodb"], rng.randint(2, 5)):
            label = rng.choice(["prod", "staging", "reporting", "old", "backup", "replica", ""])
            if label:
                d.add(f"{label}: ")
            d.add(B.conn_url(ctx, scheme), "\n")
        if ctx.chance(0.4):
            d.fmt("jdbc:sqlserver://{h}:1433;databaseName={db};user={u};password={pw};encrypt=true\n",
                  h=B.host(ctx), db=B.dbname(ctx), u=B.user(ctx), pw=ctx.password(safe=";"))
    intro = {"en": ["Which of these connection strings is malformed?", "I need these as separate host/user/password env vars:",
                    "Can you explain the difference between these two URIs?"],
             "de": ["Welcher dieser Connection-Strings ist kaputt?", "Ich brauche die als einzelne Umgebungsvariablen:"],
             "fr": ["Laquelle de ces chaînes de connexion est mal formée ?", "Il me faut ces infos en variables séparées :"],
             "es": ["¿Cuál de estas cadenas de conexión está mal?", "Necesito esto como variables separadas:"]}
    return wrap_dev(ctx, Doc(), body, intro=intro, fence=None)


def cli_commands(ctx):
    rng = ctx.rng
    cmds = []
    pool = ["mysql", "psql", "docker", "curl_basic", "curl_bearer", "sshpass", "redis", "az", "ldap", "mongo", "htpasswd", "git_clone", "pgdump"]
    for c in rng.sample(pool, rng.randint(2, 4)):
        if c == "mysql":
            cmds.append(["mysql -h ", B.host(ctx), " -u root -p'", ctx.password(safe="'"), "' ", B.dbname(ctx), " < dump.sql"])
        elif c == "psql":
            cmds.append(['psql "', B.conn_url(ctx, "postgresql"), '" -c "select count(*) from orders;"'])
        elif c == "docker":
            cmds.append(["docker login registry.gitlab.com -u ", ctx.choice(["deploy-bot", "ci", "gitlab+deploy-token-4411"]), " -p ", ctx.secret("gitlab")])
        elif c == "curl_basic":
            cmds.append(["curl -u admin:", ctx.password(safe="'\" @:"), " https://", B.host(ctx, ip_share=0.5), ":9200/_cat/indices"])
        elif c == "curl_bearer":
            cmds.append(['curl -s -H "Authorization: Bearer ', ctx.token(), '" https://api.', B.app(ctx), '.io/v2/customers?limit=50'])
        elif c == "sshpass":
            cmds.append(["sshpass -p '", ctx.password(safe="'"), "' ssh -o StrictHostKeyChecking=no admin@", ctx.ip(v6=0)])
        elif c == "redis":
            cmds.append(["redis-cli -h ", B.host(ctx), " -p 6379 -a ", ctx.password(safe=" '\"$"), " INFO keyspace"])
        elif c == "az":
            p = ctx.person(native=False)
            cmds.append(["az login -u ", ctx.email(p, f"{ctx.choice(['contoso', 'fabrikam-dev', 'acmecorp'])}.onmicrosoft.com"), " -p '", ctx.password(safe="'"), "'"])
        elif c == "ldap":
            cmds.append(['ldapsearch -x -H ldap://', B.host(ctx), ' -D "cn=admin,dc=corp,dc=local" -w ', ctx.password(safe=" '\"$"), ' -b "dc=corp,dc=local"'])
        elif c == "mongo":
            cmds.append(['mongosh "', B.conn_url(ctx, "mongodb"), '"'])
        elif c == "htpasswd":
            cmds.append(["htpasswd -b -c /etc/nginx/.htpasswd admin ", ctx.password(safe=" '\"$")])
        elif c == "git_clone":
            cmds.append(["git clone https://oauth2:", ctx.secret("gitlab"), "@gitlab.company.io/platform/", B.app(ctx), ".git"])
        elif c == "pgdump":
            cmds.append(["PGPASSWORD='", ctx.password(safe="'"), "' pg_dump -h ", B.host(ctx), " -U ", B.user(ctx), " ", B.dbname(ctx), " > backup.sql"])
    def body(d):
        for c in cmds:
            d.add("$ " if ctx.chance(0.4) else "", c, "\n")
    intro = {"en": ["Put these into a bash script that runs nightly:", "These commands work by hand but not from cron, why?",
                    "What's the Windows PowerShell equivalent of these?", "my shell history from yesterday, what did I break?"],
             "de": ["Pack die Befehle bitte in ein Bash-Skript, das nachts läuft:", "Von Hand klappt das, per Cron nicht – warum?"],
             "fr": ["Mets ces commandes dans un script bash lancé chaque nuit :", "Ça marche à la main mais pas en cron, pourquoi ?"],
             "es": ["Mete estos comandos en un script de bash que se ejecute cada noche:", "A mano funciona pero desde cron no, ¿por qué?"]}
    return wrap_dev(ctx, Doc(), body, intro=intro, fence="bash" if ctx.chance(0.7) else None)


def kv_pairs(ctx):
    rng = ctx.rng
    def body(d):
        d.add("[\n")
        items = [("adminUsername", "azureadmin"), ("adminPassword", ctx.password(safe='"\\')), ("sqlAdministratorLoginPassword", ctx.password(safe='"\\')),
                 ("location", rng.choice(["westeurope", "northeurope", "eastus"])), ("vmSize", "Standard_D2s_v5"),
                 ("storageAccountKey", ctx.secret("azure")), ("sendgridApiKey", ctx.secret("sendgrid")), ("environment", "prod")]
        sel = [items[0], items[1]] + rng.sample(items[2:], rng.randint(2, 4))
        for i, (k, v) in enumerate(sel):
            d.add('  { "key": "', k, '", "value": "', v, '" }', ",\n" if i < len(sel) - 1 else "\n")
        d.add("]\n")
    intro = {"en": ["These are the pipeline variables exported from Azure DevOps. How do I move them to Key Vault?",
                    "Parameters for the ARM deployment, is anything missing?"],
             "de": ["Das sind die exportierten Pipeline-Variablen aus Azure DevOps. Wie bekomme ich die in den Key Vault?"],
             "fr": ["Voici les variables exportées d'Azure DevOps. Comment je les passe dans Key Vault ?"],
             "es": ["Estas son las variables exportadas de Azure DevOps. ¿Cómo las paso a Key Vault?"]}
    return wrap_dev(ctx, Doc(), body, intro=intro, fence="json" if ctx.chance(0.6) else None)


def http_request(ctx):
    rng = ctx.rng
    def body(d):
        d.add(f"{rng.choice(['GET', 'POST', 'PATCH'])} /api/v{rng.randint(1, 3)}/{rng.choice(['orders', 'customers', 'invoices', 'sync'])} HTTP/1.1\n"
              f"Host: api.{B.app(ctx)}.io\nUser-Agent: python-requests/2.31.0\nAccept: application/json\n")
        k = rng.random()
        if k < 0.5:
            d.add("Authorization: Bearer ", ctx.token() if ctx.chance(0.6) else ctx.secret("jwt"), "\n")
        elif k < 0.75:
            user = ctx.choice(["api", "integration", "admin", "svc-sync"])
            pw = ctx.password(safe=":")
            d.add("Authorization: Basic ", Ent("SECRET", B.b64(f"{user}:{pw.value}")), "\n")
        else:
            d.add("X-API-Key: ", ctx.token(), "\n")
        if ctx.chance(0.4):
            d.add("Cookie: session=", Ent("SECRET", V.rand_str(rng, V.B64URL, 43)), f"; theme=dark; lang={ctx.lang}\n")
        d.add("X-Forwarded-For: ", ctx.ip(v6=0.2), "\n")
        d.add(f"X-Request-Id: {V.uuid4(rng)}\n")
        if ctx.chance(0.5):
            p = ctx.person(native=False)
            d.add('\n{"customer": {"name": "', p.ent(), '", "email": "', ctx.email(p), '"}, "amount": ', str(rng.randint(10, 900)), '}\n')
    intro = {"en": ["The API keeps answering 403 to this request. What's wrong?", "Captured this with mitmproxy, can you explain the headers?"],
             "de": ["Die API antwortet auf diesen Request immer mit 403. Was stimmt nicht?"],
             "fr": ["L'API répond toujours 403 à cette requête. Qu'est-ce qui cloche ?"],
             "es": ["La API responde 403 a esta petición. ¿Qué está mal?"]}
    return wrap_dev(ctx, Doc(), body, intro=intro, fence="http" if ctx.chance(0.5) else None)


def github_actions(ctx):
    def body(d):
        d.add("name: deploy\non:\n  push:\n    branches: [main]\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    env:\n")
        d.add("      NPM_TOKEN: ", ctx.secret("npm"), "\n")
        d.add("      DO_TOKEN: ", ctx.secret("do"), "\n")
        d.add("      SSH_HOST: ", ctx.ip(v6=0, private=False), "\n")
        d.add("      API_KEY: ${{ secrets.API_KEY }}\n")
        d.add("    steps:\n      - uses: actions/checkout@v4\n      - run: npm ci && npm run build\n      - run: ./scripts/deploy.sh\n")
    intro = {"en": ["Our deploy workflow, anything wrong with it?", "why does this action fail with 'Authentication failed'?"],
             "de": ["Unser Deploy-Workflow – fällt dir was auf?"], "fr": ["Notre workflow de déploiement, quelque chose qui cloche ?"],
             "es": ["Nuestro workflow de despliegue, ¿ves algo raro?"]}
    return wrap_dev(ctx, Doc(), body, intro=intro, fence="yaml")


def ssh_key_paste(ctx):
    rng = ctx.rng
    def body(d):
        d.add("Host ", ctx.choice(["prod-bastion", "jump", "build-box", "nas"]), "\n    HostName ", ctx.ip(v6=0.1),
              f"\n    User {ctx.choice(['ubuntu', 'deploy', 'ec2-user', 'admin'])}\n    IdentityFile ~/.ssh/id_{ctx.choice(['rsa', 'ed25519', 'deploy'])}\n\n")
        d.add(rng.choice(["and the key:\n", "id_rsa:\n", "key file content:\n", "\n"]))
        d.add(Ent("SECRET", V.pem_private_key(rng)), "\n")
    intro = {"en": ["ssh says 'invalid format' for this key, why? config + key below", "Permission denied (publickey). Here's my setup:"],
             "de": ["ssh meldet 'invalid format' für diesen Schlüssel – Config und Key unten:"],
             "fr": ["ssh me dit 'invalid format' pour cette clé, pourquoi ? config + clé ci-dessous"],
             "es": ["ssh dice 'invalid format' con esta clave, ¿por qué? config + clave abajo"]}
    return wrap_dev(ctx, Doc(), body, intro=intro, fence=None)


def wp_config(ctx):
    def body(d):
        d.add("<?php\ndefine( 'DB_NAME', '", B.dbname(ctx), "' );\ndefine( 'DB_USER', '", B.user(ctx), "' );\n")
        d.add("define( 'DB_PASSWORD', '", ctx.password(safe="'\\"), "' );\ndefine( 'DB_HOST', '", B.host(ctx), "' );\n")
        d.add("define( 'AUTH_KEY',         '", Ent("SECRET", V.rand_str(ctx.rng, V.B62 + "!@#%^&*()-_[]{}<>~+=,.;:/?|", 64)), "' );\n")
        d.add("define( 'WP_DEBUG', false );\n$table_prefix = 'wp_';\n")
    intro = {"en": ["WordPress shows 'Error establishing a database connection'. Config:"],
             "de": ["WordPress zeigt 'Fehler beim Aufbau einer Datenbankverbindung'. Config:"],
             "fr": ["WordPress affiche 'Erreur lors de la connexion à la base de données'. Config :"],
             "es": ["WordPress muestra 'Error al establecer una conexión con la base de datos'. Config:"]}
    return wrap_dev(ctx, Doc(), body, intro=intro, fence="php" if ctx.chance(0.6) else None)


def helm_values(ctx):
    def body(d):
        p = ctx.person(native=False)
        d.add("# values-prod.yaml\nreplicaCount: 3\nimage:\n  tag: ", V.semver(ctx.rng), "\n")
        d.add("maintainers:\n  - name: ", p.ent(), "\n    email: ", ctx.email(p), "\n")
        d.add("postgresql:\n  auth:\n    username: ", B.user(ctx), "\n    password: ", yq(ctx.password()), "\n    postgresPassword: ", yq(ctx.password()), "\n")
        d.add("ingress:\n  hosts:\n    - shop.example.org\n  whitelist:\n    - ", ctx.ip(v6=0, private=False), "/32\n    - ", ctx.ip(v6=0, private=False), "/32\n")
        d.add("externalSecrets:\n  enabled: false  # TODO\n  dbPassword: \"{{ .Values.postgresql.auth.password }}\"\n")
    return wrap_dev(ctx, Doc(), body, fence="yaml")


def k8s_tls(ctx):
    rng = ctx.rng
    def body(d):
        d.add(f"apiVersion: v1\nkind: Secret\nmetadata:\n  name: {B.app(ctx)}-tls\ntype: kubernetes.io/tls\nstringData:\n  tls.crt: |\n")
        d.add("    -----BEGIN CERTIFICATE-----\n    MIIDdzCCAl+gAwIBAgIUb3J0aG9kb3hfY2VydGlmaWNhdGVfZXhhbXBsZTAeFw0y\n    ...\n    -----END CERTIFICATE-----\n")
        d.add("  tls.key: |\n    ")
        key = V.pem_private_key(rng, ctx.choice(["RSA", "EC", "PKCS8"]))
        # indented block: the span is the key block itself; the YAML indentation is part of it
        d.add(Ent("SECRET", "\n".join("    " + l if i else l for i, l in enumerate(key.split("\n")))), "\n")
    intro = {"en": ["Ingress says the certificate and key don't match. Here's the secret:", "Is this TLS secret formatted correctly?"],
             "de": ["Der Ingress meldet, dass Zertifikat und Schlüssel nicht zusammenpassen. Hier das Secret:"],
             "fr": ["L'ingress dit que le certificat et la clé ne correspondent pas. Voici le secret :"],
             "es": ["El ingress dice que el certificado y la clave no coinciden. Este es el secreto:"]}
    return wrap_dev(ctx, Doc(), body, intro=intro, fence="yaml")


def variants():
    return [
        ("config.env_file", env_file, False), ("config.spring_yaml", spring_yaml, False), ("config.k8s_secret", k8s_secret, False),
        ("config.docker_compose", docker_compose, False), ("config.toml", toml_config, False), ("config.ini", ini_config, False),
        ("config.appsettings_json", appsettings_json, False), ("config.netrc", netrc, False), ("config.conn_strings", conn_strings, False),
        ("config.cli_commands", cli_commands, False), ("config.kv_pairs", kv_pairs, False), ("config.http_request", http_request, False),
        ("config.k8s_tls", k8s_tls, False), ("config.github_actions", github_actions, True), ("config.ssh_key_paste", ssh_key_paste, True),
        ("config.wp_config", wp_config, True), ("config.helm_values", helm_values, True),
    ]
