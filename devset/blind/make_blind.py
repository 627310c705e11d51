#!/usr/bin/env python3
"""Hand-crafted blind held-out set for a sensitive-value detector.

Each record is written with inline markup  ⟦T|value⟧  (T in E,P,C,S,I,IP,N,K).
Values may be literal, "$name" (looked up in VALS), "luhn:<pattern with ?>"
(check digit filled in) or "iban:<pattern with ??>" (mod-97 digits filled in).
The markup is stripped, then every value is located in the clean text from a
running position and all invariants are verified before writing JSONL.
"""
import base64, hashlib, hmac, json, os, random, re, string, sys
from collections import Counter, defaultdict

RNG = random.Random(731094)
UP, LO, DI = string.ascii_uppercase, string.ascii_lowercase, string.digits
AN = UP + LO + DI
HX = "0123456789abcdef"
B64 = AN + "+/"
URL = AN + "-_"


def rs(alpha, n):
    return "".join(RNG.choice(alpha) for _ in range(n))


def luhn_ok(digits):
    s, alt = 0, False
    for ch in reversed(digits):
        d = int(ch)
        if alt:
            d *= 2
            if d > 9:
                d -= 9
        s += d
        alt = not alt
    return s % 10 == 0


def luhn_fill(p):
    assert p.count("?") == 1 and p.rstrip().endswith("?"), p
    body = "".join(c for c in p if c.isdigit())
    for x in DI:
        if luhn_ok(body + x):
            return p.replace("?", x)
    raise ValueError(p)


IBAN_LEN = dict(DE=22, FR=27, ES=24, IT=27, NL=18, BE=16, AT=20, CH=21, GB=22, IE=22,
                PL=28, PT=25, SE=24, NO=15, DK=18, FI=18, LU=20)


def _ib_num(s):
    return int("".join(str(int(ch, 36)) for ch in s))


def iban_ok(s):
    c = s.replace(" ", "")
    return (c[:2] in IBAN_LEN and len(c) == IBAN_LEN[c[:2]] and c[2:4].isdigit()
            and _ib_num(c[4:] + c[:4]) % 97 == 1)


def iban_fill(p):
    c = p.replace(" ", "")
    assert c[2:4] == "??", p
    ck = 98 - _ib_num(c[4:] + c[:2] + "00") % 97
    out = p.replace("??", f"{ck:02d}", 1)
    assert iban_ok(out), out
    return out


def b64u(b):
    return base64.urlsafe_b64encode(b).rstrip(b"=").decode()


def jwt(payload, key=None, alg="HS256", kid=None):
    hdr = {"alg": alg, "typ": "JWT"}
    if kid:
        hdr["kid"] = kid
    h = b64u(json.dumps(hdr, separators=(",", ":")).encode())
    p = b64u(json.dumps(payload, separators=(",", ":")).encode())
    if alg == "HS256":
        sig = hmac.new(key.encode(), f"{h}.{p}".encode(), hashlib.sha256).digest()
    else:
        sig = bytes(RNG.randrange(256) for _ in range(256))
    return f"{h}.{p}.{b64u(sig)}"


def pem(label, prefix_hex, total):
    pre = bytes.fromhex(prefix_hex)
    raw = pre + bytes(RNG.randrange(256) for _ in range(total - len(pre)))
    b = base64.b64encode(raw).decode()
    body = "\n".join(b[i:i + 64] for i in range(0, len(b), 64))
    return f"-----BEGIN {label}-----\n{body}\n-----END {label}-----"


def digits(n):
    return str(RNG.randrange(1, 10)) + rs(DI, n - 1)


VALS = {}
V = VALS
V["aws_ak1"] = "AKIA" + rs(UP + "234567", 16)
V["aws_sk1"] = rs(B64, 40)
V["aws_ak2"] = "AKIA" + rs(UP + "234567", 16)
V["aws_sk2"] = rs(B64, 40)
V["aws_ak3"] = "ASIA" + rs(UP + "234567", 16)
V["aws_sk3"] = rs(B64, 40)
V["gh1"] = "ghp_" + rs(AN, 36)
V["gh2"] = "ghp_" + rs(AN, 36)
V["ghpat"] = "github_pat_11" + rs(UP + DI, 20) + "_" + rs(AN, 59)
V["gho"] = "gho_" + rs(AN, 36)
V["gl1"] = "glpat-" + rs(URL, 20)
V["gl2"] = "glpat-" + rs(URL, 20)
V["slack1"] = "xoxb-" + digits(11) + "-" + digits(13) + "-" + rs(AN, 24)
V["slack2"] = "xoxp-" + digits(11) + "-" + digits(12) + "-" + digits(13) + "-" + rs(HX, 32)
V["stripe1"] = "sk_live_51" + rs(AN, 97)
V["stripe2"] = "sk_live_" + rs(AN, 24)
V["stripe_rk"] = "rk_live_" + rs(AN, 24)
V["whsec"] = "whsec_" + rs(AN, 32)
V["openai1"] = "sk-proj-" + rs(URL, 74) + "T3BlbkFJ" + rs(URL, 74)
V["openai2"] = "sk-" + rs(AN, 20) + "T3BlbkFJ" + rs(AN, 20)
V["anth1"] = "sk-ant-api03-" + rs(URL, 93) + "AA"
V["anth2"] = "sk-ant-api03-" + rs(URL, 93) + "AA"
V["google1"] = "AIza" + rs(URL, 35)
V["google2"] = "AIza" + rs(URL, 35)
V["sg1"] = "SG." + rs(URL, 22) + "." + rs(URL, 43)
V["sg2"] = "SG." + rs(URL, 22) + "." + rs(URL, 43)
V["twilio_tok"] = rs(HX, 32)
V["mailgun"] = "key-" + rs(HX, 32)
V["hf1"] = "hf_" + rs(AN, 34)
V["hf2"] = "hf_" + rs(AN, 34)
V["npm1"] = "npm_" + rs(AN, 36)
V["pypi1"] = "pypi-AgEIcHlwaS5vcmcCJD" + rs(URL, 150)
V["dd_api"] = rs(HX, 32)
V["dd_app"] = rs(HX, 40)
V["tg1"] = digits(10) + ":AA" + rs(URL, 33)
V["shopify"] = "shpat_" + rs(HX, 32)
V["azure_key"] = rs(B64, 86) + "=="
V["azure_key2"] = rs(B64, 86) + "=="
V["sas_sig"] = rs(AN + "%", 0) + rs(AN, 40) + "%3D"
V["heroku"] = "%s-%s-%s-%s-%s" % (rs(HX, 8), rs(HX, 4), rs(HX, 4), rs(HX, 4), rs(HX, 12))
V["wg_priv1"] = base64.b64encode(bytes(RNG.randrange(256) for _ in range(32))).decode()
V["wg_priv2"] = base64.b64encode(bytes(RNG.randrange(256) for _ in range(32))).decode()
V["wg_psk"] = base64.b64encode(bytes(RNG.randrange(256) for _ in range(32))).decode()
V["k8s_tok"] = jwt({"iss": "kubernetes/serviceaccount", "kubernetes.io/serviceaccount/namespace": "payments",
                    "kubernetes.io/serviceaccount/service-account.name": "deployer",
                    "sub": "system:serviceaccount:payments:deployer"}, alg="RS256", kid=rs(URL, 43))
V["jwt1"] = jwt({"sub": "usr_48213", "role": "admin", "iat": 1715072400, "exp": 1715158800}, "Hv7!kP2q")
V["jwt2"] = jwt({"sub": "5f1c0e", "scope": "billing:read billing:write", "iat": 1718002211}, "tenant-secret-77")
V["jwt3"] = jwt({"uid": 99172, "name": "svc-export", "iat": 1709251200}, "Zr4$LmQ", alg="HS256")
V["jwt4"] = jwt({"sub": "auth0|6512a9", "aud": "https://api.kundenportal.de", "iat": 1712000000}, alg="RS256", kid=rs(URL, 22))
V["jwt5"] = jwt({"sub": "u-3391", "locale": "fr-FR", "iat": 1716543210}, "cle-secrete-9")
V["jwt6"] = jwt({"sub": "cli_2281", "tenant": "mx-norte", "iat": 1719900000}, "Nq8%vXz1")
V["pem_rsa"] = pem("RSA PRIVATE KEY", "308204a40201000282010100", 1192)
V["pem_ec"] = pem("EC PRIVATE KEY", "30770201010420", 121)
V["pem_ec2"] = pem("EC PRIVATE KEY", "30770201010420", 121)
V["pem_ssh"] = pem("OPENSSH PRIVATE KEY",
                   (b"openssh-key-v1\x00\x00\x00\x00\x04none\x00\x00\x00\x04none\x00\x00\x00\x00\x00\x00\x00\x01\x00\x00\x003\x00\x00\x00\x0bssh-ed25519").hex(),
                   399)
V["pem_pkcs8"] = pem("PRIVATE KEY", "308204bd020100300d06092a864886f70d0101010500048204a7", 1217)
V["gcp_pem"] = pem("PRIVATE KEY", "308204be020100300d06092a864886f70d0101010500048204a8", 1218).replace("\n", "\\n")
V["k8s_b64_pw"] = base64.b64encode(b"Pg!v9Lw2#Rk7").decode()
V["k8s_b64_key"] = base64.b64encode(("sk_live_" + rs(AN, 24)).encode()).decode()
V["k8s_b64_de"] = base64.b64encode(b"Fruehling2024!Lager").decode()
V["docker_tok"] = "dckr_pat_" + rs(URL, 27)
V["vault_tok"] = "hvs." + rs(AN, 24)
V["sentry_dsn_key"] = rs(HX, 32)
V["doppler"] = "dp.st.prd." + rs(AN, 43)
V["linear"] = "lin_api_" + rs(AN, 40)
V["notion"] = "secret_" + rs(AN, 43)
V["atlassian"] = "ATATT3xFfGF0" + rs(URL, 180) + "=" + rs(HX.upper(), 8)
V["acme1"] = "acme_live_" + rs(AN, 32)
V["nvx1"] = "nvx_sk_" + rs(HX, 40)
V["zeta1"] = "zt-prod-" + rs(AN, 28)
V["lumen1"] = "lmn_" + rs(URL, 30)
V["quark1"] = "qk." + rs(AN, 12) + "." + rs(AN, 32)
V["orbit1"] = "orb_tok_" + rs(AN, 26)
V["paygate"] = "pg_live_" + rs(HX, 48)
V["mapkey"] = "pk.eyJ1Ijoi" + rs(AN, 20) + "." + rs(URL, 22)
V["hex40a"] = rs(HX, 40)
V["hex32a"] = rs(HX, 32)
V["hex32b"] = rs(HX, 32)
V["hex64a"] = rs(HX, 64)
V["b64k1"] = rs(B64, 43) + "="
V["b64k2"] = rs(B64, 43) + "="
V["django"] = rs(LO + DI + "!@#$%^&*(-_=+)", 50)
V["rails"] = rs(HX, 128)
V["app_key"] = "base64:" + base64.b64encode(bytes(RNG.randrange(256) for _ in range(32))).decode()
V["fernet"] = base64.urlsafe_b64encode(bytes(RNG.randrange(256) for _ in range(32))).decode()
V["tf_tok"] = rs(AN, 14) + ".atlasv1." + rs(AN, 67)
V["discord"] = b64u(digits(18).encode()) + "." + rs(URL, 6) + "." + rs(URL, 38)
V["sumup"] = "sup_sk_" + rs(AN, 32)
V["mollie"] = "live_" + rs(AN, 30)
V["adyen"] = "AQE" + rs(URL, 60) + "=-" + rs(B64, 44) + "=-" + rs(AN, 16)
V["brevo"] = "xkeysib-" + rs(HX, 64) + "-" + rs(AN, 16)

V["mistral"] = rs(AN, 32)
V["ovh_ak"] = rs(AN, 16)
V["ovh_as"] = rs(AN, 32)
V["ovh_ck"] = rs(AN, 32)
V["mp_tok"] = "APP_USR-" + digits(16) + "-" + digits(6) + "-" + rs(HX, 32) + "-" + digits(9)
V["stripe_rk2"] = "rk_live_51" + rs(AN, 97)
V["brevo2"] = "xkeysib-" + rs(HX, 64) + "-" + rs(AN, 16)
V["vercel"] = rs(AN, 24)
V["whsec2"] = "whsec_" + rs(AN, 32)
V["dd_api2"] = rs(HX, 32)
V["gl3"] = "glpat-" + rs(URL, 20)
V["zeta2"] = "zt-prod-" + rs(AN, 28)
V["hex32c"] = rs(HX, 32)
V["lexoffice"] = rs(URL, 44)
V["payplug"] = "sk_live_" + rs(AN, 24)

RECS = []


def R(loc, tpl, src):
    RECS.append((loc, tpl, src))

# ============================ ENGLISH (part A) ==============================
R("en", "email-thread-signature", r"""
Subject: RE: Q3 renewal – Nordwind Logistics

Hi ⟦N|Chinedu⟧,

Thanks for the quick turnaround. I've looped in ⟦N|Sigrid Halvorsen⟧ from procurement, she'll confirm the PO by Friday.

Best,
⟦N|Emily Hargreaves⟧
Account Director, EMEA
Brightwave Analytics Ltd. | 3 Finsbury Avenue, London
m: ⟦P|+44 7700 900417⟧ | ⟦E|emily.hargreaves@brightwave-analytics.co.uk⟧

-----Original Message-----
From: ⟦N|Chinedu Okafor⟧ <⟦E|c.okafor@nordwind-logistics.com⟧>
Sent: Tuesday, 9 July 2024 16:02
To: ⟦N|Hargreaves, Emily⟧ <⟦E|emily.hargreaves@brightwave-analytics.co.uk⟧>
Subject: Q3 renewal – Nordwind Logistics

⟦N|Emily⟧, can you send the revised quote (ref. QT-2024-0712) before our board call? You can reach me on ⟦P|+234 803 555 0198⟧ until 6pm Lagos time.

⟦N|Chinedu⟧
""")

R("en", "crm-csv-semicolon", r"""
Can you dedupe this export and tell me which rows are missing a phone?

customer_id;first_name;last_name;email;phone;country;segment;created_at
C-100482;⟦N|Thandiwe⟧;⟦N|Nkosi⟧;⟦E|thandiwe.nkosi@gmail.com⟧;⟦P|+27 82 555 0143⟧;ZA;SMB;2023-11-02
C-100483;⟦N|Mindaugas⟧;⟦N|Petrauskas⟧;⟦E|m.petrauskas@telia.lt⟧;⟦P|+370 612 34567⟧;LT;Enterprise;2023-11-02
C-100484;⟦N|Aoife⟧;⟦N|Ní Bhriain⟧;⟦E|aoife.nibhriain@eircom.net⟧;⟦P|087 214 5530⟧;IE;SMB;2023-11-03
C-100485;⟦N|Kenji⟧;⟦N|Tanaka⟧;⟦E|k.tanaka@softbank.ne.jp⟧;⟦P|090-3381-2294⟧;JP;Mid-market;2023-11-05
C-100486;⟦N|Layla⟧;⟦N|Haddad⟧;⟦E|layla.haddad@outlook.com⟧;;LB;SMB;2023-11-06
C-100487;⟦N|Thandiwe⟧;⟦N|Nkosi⟧;⟦E|t.nkosi@capetech.co.za⟧;⟦P|+27 21 480 7720⟧;ZA;SMB;2023-11-09
""")

R("en", "hr-markdown-ssn", r"""
Please reformat this as CSV for the benefits provider (keep SSNs as-is):

| Employee | Dept | SSN | Start date | Manager |
|---|---|---|---|---|
| ⟦N|Marcus Delgado⟧ | Finance | ⟦S|512-38-7704⟧ | 2021-04-12 | ⟦N|R. K. Iyer⟧ |
| ⟦N|Ngozi Eze⟧ | Legal | ⟦S|219-46-3381⟧ | 2022-09-01 | ⟦N|R. K. Iyer⟧ |
| ⟦N|Jørgen Mikkelsen⟧ | IT Ops | ⟦S|604-71-2259⟧ | 2020-01-06 | ⟦N|Hannah O'Brien⟧ |
| ⟦N|Li Wei⟧ | Data | ⟦S|338-90-1147⟧ | 2023-02-20 | ⟦N|Hannah O'Brien⟧ |
| ⟦N|Siriporn Chaiyasit⟧ | Data | ⟦S|455-12-0836⟧ | 2023-06-05 | ⟦N|Hannah O'Brien⟧ |
""")

R("en", "json-payment-export", r"""
Why does the second record fail validation? Output from our PSP sandbox:

[
  {"id": "cus_8842", "name": "⟦N|Dariush Rahimi⟧", "email": "⟦E|dariush.rahimi@protonmail.com⟧", "card": "⟦C|luhn:4539 1488 0343 645?⟧", "exp": "09/27", "amount": 149.00},
  {"id": "cus_8843", "name": "⟦N|Valentina Rojas⟧", "email": "⟦E|vrojas@correo.cl⟧", "card": "⟦C|luhn:542523343010910?⟧", "exp": "13/26", "amount": 89.50},
  {"id": "cus_8844", "name": "⟦N|Eero Virtanen⟧", "email": "⟦E|eero.virtanen@elisanet.fi⟧", "card": "⟦C|luhn:3759-876543-2100?⟧", "exp": "01/28", "amount": 1200.00}
]
""")

R("en", "xml-sepa-batch", r"""
<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.03">
  <CstmrCdtTrfInitn>
    <GrpHdr><MsgId>BATCH-20240614-0031</MsgId><NbOfTxs>2</NbOfTxs><CtrlSum>4310.75</CtrlSum></GrpHdr>
    <PmtInf>
      <Dbtr><Nm>Harbourline Freight B.V.</Nm></Dbtr>
      <DbtrAcct><Id><IBAN>⟦I|iban:NL??RABO0331847652⟧</IBAN></Id></DbtrAcct>
      <CdtTrfTxInf>
        <Amt><InstdAmt Ccy="EUR">2890.00</InstdAmt></Amt>
        <Cdtr><Nm>⟦N|Femke de Vries⟧</Nm></Cdtr>
        <CdtrAcct><Id><IBAN>⟦I|iban:BE??001845276139⟧</IBAN></Id></CdtrAcct>
        <RmtInf><Ustrd>Invoice 2024-118 consulting May</Ustrd></RmtInf>
      </CdtTrfTxInf>
      <CdtTrfTxInf>
        <Amt><InstdAmt Ccy="EUR">1420.75</InstdAmt></Amt>
        <Cdtr><Nm>⟦N|Joost Jansen⟧</Nm></Cdtr>
        <CdtrAcct><Id><IBAN>⟦I|iban:DE??500105170228174655⟧</IBAN></Id></CdtrAcct>
        <RmtInf><Ustrd>Travel expenses Q2</Ustrd></RmtInf>
      </CdtTrfTxInf>
    </PmtInf>
  </CstmrCdtTrfInitn>
</Document>
""")

R("en", "sql-insert", r"""
This migration seed fails on MySQL 8 with "Data too long for column 'phone'". Which row?

INSERT INTO customers (id, full_name, email, phone, ssn, signup_ip) VALUES
 (10231, '⟦N|Oluwaseun Adeyemi⟧', '⟦E|seun.adeyemi@yahoo.com⟧', '⟦P|(312) 847-2291⟧', '⟦S|429-51-8836⟧', '⟦IP|73.158.20.114⟧'),
 (10232, '⟦N|Katarzyna Wiśniewska⟧', '⟦E|kasia.wisniewska@wp.pl⟧', '⟦P|+48 601 234 567⟧', NULL, '⟦IP|2a02:a311:813f:e00:41d5:92c0:7b1e:3f08⟧'),
 (10233, '⟦N|Rohit Deshpande⟧', '⟦E|rohit.d@infy-mail.in⟧', '⟦P|+91 98450 31276⟧', '⟦S|531-07-4492⟧', '⟦IP|49.36.122.9⟧');
""")

R("en", "nginx-access-log", r"""
We're seeing a spike of 401s, is this credential stuffing?

⟦IP|185.220.101.47⟧ - - [12/Mar/2024:08:14:22 +0000] "POST /api/v2/login HTTP/1.1" 401 112 "-" "python-requests/2.31.0"
⟦IP|185.220.101.47⟧ - - [12/Mar/2024:08:14:22 +0000] "POST /api/v2/login HTTP/1.1" 401 112 "-" "python-requests/2.31.0"
⟦IP|91.219.236.18⟧ - - [12/Mar/2024:08:14:23 +0000] "POST /api/v2/login HTTP/1.1" 401 112 "-" "python-requests/2.31.0"
⟦IP|81.169.145.92⟧ - - [12/Mar/2024:08:14:25 +0000] "GET /account/reset?email=⟦E|yuki.sato@icloud.com⟧ HTTP/1.1" 200 3301 "https://shop.example-store.com/login" "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X)"
⟦IP|2600:1f18:47a3:9c00:8d1e:2b44:6f10:91ac⟧ - - [12/Mar/2024:08:14:26 +0000] "POST /api/v2/login HTTP/2.0" 200 845 "-" "okhttp/4.12.0"
""")

R("en", "app-log-stacktrace", r"""
2024-05-02T11:42:07.331Z ERROR [billing-worker-3] c.n.billing.PaymentService - charge failed customer=⟦E|ahmed.elsayed@fastmail.com⟧ card=**** **** **** 4417 client_ip=⟦IP|41.234.77.19⟧ reason=insufficient_funds attempt=3
2024-05-02T11:42:07.334Z WARN  [billing-worker-3] c.n.billing.RetryPolicy - scheduling retry in 3600s (txn=9f3b2c71-0d5e-4a8b-b1f6-2e7c9a441d03)
2024-05-02T11:42:09.010Z ERROR [billing-worker-1] c.n.billing.PaymentService - unexpected response from gateway
java.lang.IllegalStateException: gateway returned 502 for merchant MRC-22019
	at com.nimbus.billing.gateway.HttpGateway.charge(HttpGateway.java:188)
	at com.nimbus.billing.PaymentService.process(PaymentService.java:97)
	at java.base/java.lang.Thread.run(Thread.java:1583)
2024-05-02T11:42:11.002Z INFO  [billing-worker-1] c.n.billing.Notifier - notified account owner ⟦N|Ahmed El-Sayed⟧ via sms to ⟦P|+20 10 9234 5517⟧
""")

R("en", "support-ticket-card", r"""
Ticket #48213 – Priority: High – Channel: Web form
Customer: ⟦N|Wanjiru Kamau⟧ (⟦E|wanjiru.kamau@safaricom-biz.co.ke⟧)
Phone: ⟦P|+254 712 345 678⟧

Message:
"I was charged twice for order 77120-B. The card I used is ⟦C|luhn:4716 2210 9873 311?⟧, expiry 04/26. Please refund one of the payments ASAP, my rent is due."

Agent note (⟦N|Tomás⟧): verified last four match, escalated to payments team. Do NOT ask the customer to re-send the full card number.
""")

R("en", "incident-postmortem-awskey", r"""
## Postmortem: Public S3 bucket + leaked access key (SEV-2)

**Date:** 2024-02-19 | **Author:** ⟦N|Priya Raghunathan⟧ | **Reviewers:** ⟦N|Magnus Lindqvist⟧, ⟦N|Ewa Zielińska⟧

### Summary
At 03:12 UTC a GitHub secret-scanning alert fired for repo `data-pipelines`. Commit a41c9e2 contained:

```
aws_access_key_id = ⟦K|$aws_ak1⟧
aws_secret_access_key = ⟦K|$aws_sk1⟧
```

The key belonged to IAM user `etl-runner`. CloudTrail shows `ListBuckets` calls from ⟦IP|45.155.205.233⟧ and ⟦IP|193.32.162.70⟧ between 03:20 and 03:41.

### Timeline
- 03:12 alert received by on-call (⟦N|Magnus⟧)
- 03:25 key deactivated
- 04:10 ⟦N|Priya⟧ rotated all keys for `etl-*` users

### Action items
1. Enforce pre-commit secret scanning (owner: ⟦N|Ewa Zielińska⟧)
2. Move CI credentials to OIDC (owner: ⟦N|Magnus Lindqvist⟧)
""")

R("en", "chat-transcript-slack", r"""
[09:02] ⟦N|Kwame Mensah⟧: anyone have the staging db password? the vault lease expired
[09:03] ⟦N|Ayşe Demir⟧: it's ⟦K|St4g!ng-Kx9#2024⟧ but please rotate it after, it's been pasted here before
[09:03] ⟦N|Kwame Mensah⟧: ty. host is still ⟦IP|10.12.4.57⟧?
[09:04] ⟦N|Ayşe Demir⟧: yes, port 5432. ping ⟦N|Burak⟧ if it times out, he changed the SG yesterday
[09:10] ⟦N|Burak Çelik⟧: SG is fine, you need the VPN. call me on ⟦P|+90 532 418 77 05⟧ if you're stuck
""")

R("en", "dotenv", r"""
Here's my .env, the app still can't reach Stripe in prod. What's wrong?

NODE_ENV=production
PORT=8080
DATABASE_URL=postgresql://shop_app:⟦K|q7Vz!m2RtLp9#e⟧@db-prod.internal.shopline.io:5432/shop
REDIS_URL=redis://:⟦K|Rd5-x8Yw2nQ4⟧@cache-prod.internal.shopline.io:6379/0
STRIPE_SECRET_KEY=⟦K|$stripe1⟧
STRIPE_WEBHOOK_SECRET=⟦K|$whsec⟧
SENDGRID_API_KEY=⟦K|$sg1⟧
SUPPORT_EMAIL=⟦E|support-escalations@shopline.io⟧
SESSION_SECRET=⟦K|$hex64a⟧
LOG_LEVEL=info
""")

R("en", "docker-compose", r"""
version: "3.9"
services:
  db:
    image: postgres:16.2-alpine
    environment:
      POSTGRES_USER: inventory
      POSTGRES_PASSWORD: "⟦K|Inv3nt0ry!Prod#77⟧"
      POSTGRES_DB: inventory
    ports:
      - "5432:5432"
  api:
    image: registry.gitlab.com/hollowtree/inventory-api:2.8.1
    environment:
      DB_DSN: "host=db user=inventory password=⟦K|Inv3nt0ry!Prod#77⟧ dbname=inventory sslmode=disable"
      JWT_SIGNING_KEY: "⟦K|$b64k1⟧"
      ADMIN_CONTACT: "⟦E|ops-oncall@hollowtree.dev⟧"
    depends_on: [db]
""")

R("en", "k8s-secret", r"""
apiVersion: v1
kind: Secret
metadata:
  name: payments-credentials
  namespace: payments
type: Opaque
data:
  db-password: ⟦K|$k8s_b64_pw⟧
  stripe-key: ⟦K|$k8s_b64_key⟧
stringData:
  smtp-password: "⟦K|mX4#tQ9!vB2s⟧"
  smtp-user: "⟦E|notifications@payhive.eu⟧"
""")

R("en", "shell-session", r"""
ubuntu@bastion-01:~$ export AWS_ACCESS_KEY_ID=⟦K|$aws_ak2⟧
ubuntu@bastion-01:~$ export AWS_SECRET_ACCESS_KEY=⟦K|$aws_sk2⟧
ubuntu@bastion-01:~$ aws s3 ls s3://acme-backups-eu/ --region eu-central-1
2024-06-01 02:00:14  4831920112 pg_dump_20240601.sql.gz
2024-06-02 02:00:11  4832005531 pg_dump_20240602.sql.gz
ubuntu@bastion-01:~$ ssh -i ~/.ssh/id_ed25519 deploy@⟦IP|172.31.22.184⟧
Last login: Sun Jun  2 09:14:51 2024 from ⟦IP|94.130.12.201⟧
deploy@app-03:~$ curl -s -H "Authorization: Bearer ⟦K|$jwt1⟧" https://api.internal.acme.io/v1/health
{"status":"ok","version":"3.14.2"}
""")

R("en", "python-snippet-openai", r"""
why does this return 401?

```python
import os
from openai import OpenAI

client = OpenAI(api_key="⟦K|$openai1⟧")

resp = client.chat.completions.create(
    model="gpt-4o-mini",
    messages=[{"role": "user", "content": "Summarise ticket 5512"}],
)
print(resp.choices[0].message.content)
```
""")

R("en", "js-snippet-stripe", r"""
// checkout.js – works locally, fails on Vercel
const stripe = require('stripe')('⟦K|$stripe2⟧');

export default async function handler(req, res) {
  const session = await stripe.checkout.sessions.create({
    customer_email: '⟦E|nomvula.dlamini@gmail.com⟧',
    line_items: [{ price: 'price_1OqT3xHk2LmN9aZpQ4r', quantity: 1 }],
    mode: 'subscription',
    success_url: 'https://app.tallyframe.com/success?session_id={CHECKOUT_SESSION_ID}',
  });
  res.json({ id: session.id });
}
""")

R("en", "java-jdbc", r"""
public class ReportingDataSource {
    private static final String URL = "jdbc:sqlserver://sql-rpt-02.corp.lan:1433;databaseName=Reporting;encrypt=true";
    private static final String USER = "rpt_reader";
    private static final String PASSWORD = "⟦K|Wq8$Lz3!pNv6⟧";

    // TODO: ask ⟦N|dimitrios papadopoulos⟧ to move this to Azure Key Vault before go-live
    public Connection open() throws SQLException {
        return DriverManager.getConnection(URL, USER, PASSWORD);
    }
}
""")

R("en", "invoice-bank-details", r"""
INVOICE INV-2024-0457                                  Date: 30 April 2024
From: Kestrel Design Studio Ltd, 14 Canal Street, Manchester M1 3HE
Bill to: Ridgeway Outdoor GmbH, attn. ⟦N|Friedrich von Waldenfels⟧

Description                              Qty     Unit      Total
Brand refresh – workshop days              3   £950.00  £2,850.00
Packaging mock-ups                         1   £780.00    £780.00
                                               Subtotal  £3,630.00
                                               VAT 20%     £726.00
                                               TOTAL     £4,356.00

Payment within 30 days to: Kestrel Design Studio Ltd
IBAN ⟦I|iban:GB?? BARC 2004 1573 8841 26⟧ · BIC BARCGB22 · Sort code 20-04-15
Questions: ⟦N|Eilidh MacLeod⟧, ⟦E|accounts@kestrel-design.co.uk⟧, ⟦P|0161 496 0732⟧
""")

R("en", "bank-transfer-note", r"""
Transfer confirmation
Ordering customer: ⟦N|Omar Al-Farsi⟧
Debit account: ⟦I|iban:CH??04835029881273001⟧
Beneficiary: ⟦N|MIKKELSEN JØRGEN⟧
Beneficiary account: ⟦I|iban:DK?? 3000 0012 7739 54⟧
Amount: DKK 18,400.00 | Value date: 2024-03-28 | Ref: Deposit Nørrebrogade 41, 2.th
""")

R("en", "hr-offer-letter-ssn", r"""
Dear ⟦N|Santiago⟧,

We are delighted to offer you the position of Senior Data Engineer at Lakeshore Mutual, starting September 3, 2024, at an annual base salary of $168,000.

To complete your onboarding in Workday, please confirm the following details we received from the background-check vendor:

  Legal name: ⟦N|Santiago Muñoz Herrera⟧
  Social Security Number: ⟦S|287 45 1963⟧
  Mobile: ⟦P|(646) 872-3390⟧
  Personal e-mail: ⟦E|santi.munoz.h@gmail.com⟧

If anything is incorrect, reply to ⟦N|Grace Whitfield⟧ (HR Business Partner) at ⟦E|g.whitfield@lakeshoremutual.com⟧.

Sincerely,
⟦N|Grace Whitfield⟧
""")

R("en", "medical-insurance-note", r"""
PRIOR AUTHORIZATION REQUEST – Blue Harbor Health Plan
Member: ⟦N|KAVYA REDDY⟧          DOB: 1988-02-14
Member ID: BHH-448120937-01   SSN (last resort ID): ⟦S|613-28-4471⟧
Ordering provider: Dr. ⟦N|Abebe Tesfaye⟧, NPI 1487739215
Diagnosis: Crohn's disease, moderate to severe (K50.90)
Requested: infliximab 5 mg/kg IV q8w
Notes: failed azathioprine (2022) and adalimumab (2023). Patient prefers contact via ⟦P|(408) 555-0174⟧.
""")

R("en", "toml-config", r"""
# config/production.toml
[server]
host = "localhost"
port = 8443

[database]
url = "mysql://orders_svc:⟦K|Xk2#vRq9!mTz⟧@⟦IP|10.20.1.15⟧:3306/orders"
pool_size = 20

[[upstreams]]
name = "pricing"
addr = "⟦IP|10.20.3.41⟧:9000"

[[upstreams]]
name = "search"
addr = "[⟦IP|fd12:3456:789a:1::22⟧]:9200"

[integrations.mapbox]
token = "⟦K|$mapkey⟧"
""")

R("en", "ini-config", r"""
; legacy ERP connector
[connection]
server=erp-db.fabrikam.local
user=erp_sync
password=⟦K|S0mmerW1nd!88⟧

[smtp]
host=smtp.office365.com
port=587
username=⟦E|erp-alerts@fabrikam-industries.com⟧
password=⟦K|Alert$2024-Fab⟧

[notify]
recipients=⟦E|janis.berzins@fabrikam-industries.com⟧;⟦E|zsofia.nagy@fabrikam-industries.com⟧
""")

R("en", "go-snippet", r"""
package main

import (
	"net/http"
	"os"
)

const apiKey = "⟦K|$google1⟧" // geocoding, restrict by referrer later

func main() {
	req, _ := http.NewRequest("GET", "https://maps.googleapis.com/maps/api/geocode/json?address=Calle+de+Alcal%C3%A1+42&key="+apiKey, nil)
	req.Header.Set("X-Debug-User", os.Getenv("USER"))
	http.DefaultClient.Do(req)
}
""")

R("en", "appsettings-json", r"""
{
  "ConnectionStrings": {
    "Default": "Server=tcp:sql-prod-weu.database.windows.net,1433;Initial Catalog=Claims;User ID=claims_app;Password=⟦K|Kq9#mT2v!Lr8⟧;Encrypt=True;",
    "Blob": "DefaultEndpointsProtocol=https;AccountName=claimsdocsprod;AccountKey=⟦K|$azure_key⟧;EndpointSuffix=core.windows.net"
  },
  "Smtp": { "User": "⟦E|noreply@claims.northgate-insure.com⟧", "Password": "⟦K|N0rthg@te#Mail5⟧" },
  "Logging": { "LogLevel": { "Default": "Warning" } }
}
""")

R("en", "http-request-jwt", r"""
Request captured in Burp, the API returns 403 even though the token looks valid:

GET /v1/invoices?customer=CUST-22871 HTTP/1.1
Host: api.ledgerly.io
Authorization: Bearer ⟦K|$jwt2⟧
X-Forwarded-For: ⟦IP|88.217.140.6⟧
User-Agent: PostmanRuntime/7.37.3
Accept: */*
""")

R("en", "npmrc-pypirc", r"""
~/.npmrc
//registry.npmjs.org/:_authToken=⟦K|$npm1⟧
@hollowtree:registry=https://npm.pkg.github.com
//npm.pkg.github.com/:_authToken=⟦K|$gh1⟧

~/.pypirc
[pypi]
username = __token__
password = ⟦K|$pypi1⟧
""")

R("en", "terraform-tfvars", r"""
# prod.auto.tfvars  (accidentally committed – how do I purge it from history?)
region              = "eu-west-1"
db_master_username  = "postgres_admin"
db_master_password  = "⟦K|Tf!Pr0d-Rds-2024x⟧"
datadog_api_key     = "⟦K|$dd_api⟧"
datadog_app_key     = "⟦K|$dd_app⟧"
alert_email         = "⟦E|platform-alerts@veridian-health.com⟧"
allowed_cidrs       = ["⟦IP|62.248.131.0⟧/24", "⟦IP|2a01:4f8:c17:2b5e::⟧/64"]
""")

R("en", "github-actions", r"""
name: deploy
on: { push: { branches: [main] } }
jobs:
  deploy:
    runs-on: ubuntu-22.04
    steps:
      - uses: actions/checkout@v4
      - name: Login to registry
        run: echo "${{ secrets.REGISTRY_TOKEN }}" | docker login ghcr.io -u ci-bot --password-stdin
      - name: Notify
        env:
          SLACK_TOKEN: ⟦K|$slack1⟧   # TODO move to secrets, temporary
        run: ./scripts/notify.sh "#deploys"
""")

R("en", "iptables-rules", r"""
Can you convert these iptables rules to nftables?

-A INPUT -s ⟦IP|203.0.113.54⟧/32 -p tcp --dport 22 -j ACCEPT
-A INPUT -s ⟦IP|198.51.100.17⟧/32 -p tcp --dport 22 -j ACCEPT
-A INPUT -s ⟦IP|10.8.0.0⟧/16 -p tcp --dport 9100 -j ACCEPT
-A INPUT -s ⟦IP|185.191.171.12⟧ -j DROP
-A INPUT -p tcp --dport 22 -j DROP
-A INPUT -s ⟦IP|2001:67c:2e8:22::c100:68b⟧ -p tcp --dport 443 -j ACCEPT
""")

R("en", "auth-log", r"""
Jun 14 03:22:41 web-02 sshd[31822]: Failed password for invalid user admin from ⟦IP|218.92.0.112⟧ port 51622 ssh2
Jun 14 03:22:44 web-02 sshd[31822]: Failed password for invalid user admin from ⟦IP|218.92.0.112⟧ port 51622 ssh2
Jun 14 03:23:02 web-02 sshd[31840]: Failed password for root from ⟦IP|61.177.172.136⟧ port 38810 ssh2
Jun 14 03:25:17 web-02 sshd[31907]: Accepted publickey for deploy from ⟦IP|77.49.203.158⟧ port 60114 ssh2: ED25519 SHA256:3vQm0yJ9cL1p8Xk2RZt4uB7wN6eH5sA0dF9gK3jL2mE
Jun 14 03:25:17 web-02 sshd[31907]: pam_unix(sshd:session): session opened for user deploy(uid=1004) by (uid=0)
""")

R("en", "apache-error-log-ipv6", r"""
[Wed Apr 10 14:02:11.481202 2024] [php:error] [pid 22810] [client ⟦IP|2a02:810d:4b3f:e100:5c1e:9f2a:1b7:3c40⟧:51544] PHP Fatal error:  Uncaught PDOException: SQLSTATE[HY000] [1045] Access denied for user 'wp_user'@'localhost' in /var/www/html/wp-includes/class-wpdb.php:1983
[Wed Apr 10 14:02:13.009911 2024] [php:error] [pid 22811] [client ⟦IP|fe80::a00:27ff:fe4e:66a1⟧:49920] PHP Warning:  Undefined array key "email" in /var/www/html/wp-content/plugins/contact-form/handler.php on line 42, referer: https://blog.marisol-travel.com/contact
[Wed Apr 10 14:02:15.773010 2024] [core:notice] [pid 1203] AH00052: child pid 22810 exit signal Segmentation fault (11)
""")

R("en", "payroll-tsv-ssn", r"""
employee_id	name	ssn	state	gross_ytd
E0451	⟦N|Jamal Washington⟧	⟦S|318529044⟧	IL	84,210.55
E0452	⟦N|Huong Tran⟧	⟦S|527711389⟧	CA	101,877.00
E0453	⟦N|Bogdan Ionescu⟧	⟦S|402380157⟧	TX	66,045.12
E0454	⟦N|Shirin Tehrani⟧	⟦S|145662290⟧	NJ	92,300.40
""")

R("en", "chargeback-email-amex", r"""
From: Disputes Team <⟦E|disputes@meridianhotels.com⟧>
To: ⟦N|Arjun Mehta⟧ <⟦E|arjun.mehta@mehtaconsulting.in⟧>
Subject: Chargeback case CB-33190 – stay 11–14 Feb

Dear Mr. ⟦N|Mehta⟧,

American Express has notified us of a dispute on card ⟦C|luhn:3472 918305 6617?⟧ for the amount of USD 1,284.60. Our records show the folio was signed at checkout. Could you confirm whether the charge was authorised by you or by your colleague, Ms. ⟦N|Ananya Iyer⟧?

Kind regards,
⟦N|Rachel Goldberg⟧ | Guest Accounts | ⟦P|+1 415 555 0139⟧
""")

R("en", "hotel-booking-confirmation", r"""
Booking confirmation #HB-5520917
Guest: Mr ⟦N|Seamus Ó Súilleabháin⟧
Arrival: 18 Oct 2024 – Departure: 21 Oct 2024 (3 nights), Superior Double, £189/night
Guarantee card: Visa ending 0093 (exp 11/27)
Contact on file: ⟦E|seamus.osuilleabhain@eircom.net⟧, ⟦P|+353 87 662 1049⟧
Special requests: late arrival after 23:00, feather-free pillows.
""")

R("en", "expense-report-jcb", r"""
Expense report – Tokyo trip (cost centre 4410)
Employee: ⟦N|Sato Yuki⟧
| Date | Merchant | Amount (JPY) | Card |
|------|----------|-------------:|------|
| 2024-04-08 | Hotel Gracery Shinjuku | 64,800 | ⟦C|luhn:3589 4410 2287 361?⟧ |
| 2024-04-09 | Uber Japan | 4,310 | ⟦C|luhn:3589 4410 2287 361?⟧ |
| 2024-04-10 | Sushi Zanmai | 12,500 | personal |
Approver: ⟦N|Tanaka Hiroshi⟧
""")

R("en", "call-center-transcript", r"""
AGENT: Thank you for calling Vertex Telecom, this is ⟦N|Danielle⟧. Can I have the account holder's name?
CALLER: Yes, it's ⟦N|Nimali Perera⟧.
AGENT: Thanks, ⟦N|Nimali⟧. And the best number to reach you?
CALLER: ⟦P|+94 77 123 4567⟧, or my husband's, ⟦P|0771 987 654⟧.
AGENT: Could you confirm the email on the account?
CALLER: ⟦E|nimali.perera@sltnet.lk⟧.
AGENT: Perfect. I see the roaming charge from 3 June, I'll raise a credit of 42.50.
""")

R("en", "recruiting-pipeline-md", r"""
Summarise where each candidate is stuck:

| Candidate | Role | Email | Phone | Stage | Interviewer |
|---|---|---|---|---|---|
| ⟦N|Fatoumata Diallo⟧ | Backend Eng | ⟦E|f.diallo@orange.sn⟧ | ⟦P|+221 77 654 32 10⟧ | Onsite | ⟦N|Lee Seo-yeon⟧ |
| ⟦N|Tran Van Minh⟧ | Backend Eng | ⟦E|minh.tranvan@fpt.com.vn⟧ | ⟦P|+84 90 312 45 67⟧ | Take-home | ⟦N|Lee Seo-yeon⟧ |
| ⟦N|Ruaridh MacDonald⟧ | SRE | ⟦E|ruaridh.mcd@gmail.com⟧ | ⟦P|07700 900781⟧ | Offer | ⟦N|Joaquín Pérez⟧ |
| ⟦N|Athina Karamanli⟧ | PM | ⟦E|athina.k@otenet.gr⟧ | ⟦P|+30 210 748 2391⟧ | Phone screen | ⟦N|Joaquín Pérez⟧ |
""")

R("en", "attendee-list-json", r"""
{"event": "FinOps Summit 2024", "venue": "Porto Palácio", "attendees": [
  {"name": "⟦N|Inês Carvalho⟧", "company": "Banco Atlântico", "email": "⟦E|ines.carvalho@bancoatlantico.pt⟧", "mobile": "⟦P|+351 912 345 678⟧", "dietary": "vegetarian"},
  {"name": "⟦N|Arash Karimi⟧", "company": "Zagros Cloud", "email": "⟦E|arash@zagroscloud.io⟧", "mobile": "⟦P|+971 50 128 4471⟧", "dietary": null},
  {"name": "⟦N|Rasa Kazlauskienė⟧", "company": "Baltic Ledger UAB", "email": "⟦E|rasa.k@balticledger.lt⟧", "mobile": "⟦P|+370 686 55 123⟧", "dietary": "gluten-free"}
]}
""")
# ============================ ENGLISH (part B) ==============================
R("en", "password-reset-email", r"""
From: IT Service Desk <⟦E|servicedesk@greyfield-college.ac.uk⟧>
To: ⟦E|niamh.mccarthy@greyfield-college.ac.uk⟧
Subject: Your temporary password

Hi ⟦N|Niamh⟧,

Your account has been unlocked. Temporary password: ⟦K|Greyfield#4471tmp⟧
You'll be asked to change it at first login. If you didn't request this, call us on ⟦P|020 7946 0321⟧.

IT Service Desk – ticket SD-90211
""")

R("en", "vendor-onboarding-form", r"""
Vendor onboarding – please check the form below is complete before I submit to AP.

Legal entity: Lughnasa Software Ltd
Registered address: Unit 4, Docklands Innovation Park, Dublin 1
Primary contact: ⟦N|Ciarán O'Sullivan⟧, Finance Manager
Email: ⟦E|ciaran.osullivan@lughnasa.ie⟧ | Tel: ⟦P|+353 1 677 4432⟧
Bank: Bank of Ireland, College Green
IBAN: ⟦I|iban:IE?? BOFI 9000 1749 2663 05⟧
BIC: BOFIIE2D
VAT no.: IE 9821745K
Payment terms: Net 45
""")

R("en", "uk-payroll-gb-iban", r"""
Payroll changes for June run – effective 2024-06-25
1. ⟦N|Oliver Pennington⟧ – new bank details: ⟦I|iban:GB??NWBK60730131926819⟧ (previous account closed)
2. ⟦N|Aisha Bello⟧ – salary increase to £54,000 p.a., backdated to 1 May
3. ⟦N|Krzysztof Nowak⟧ – leaver, final pay incl. 6 days holiday; send P45 to ⟦E|k.nowak.home@outlook.com⟧
Signed off by: ⟦N|Margaret Thornbury⟧, HR Director
""")

R("en", "meeting-notes-lowercase", r"""
standup notes 11/06
- attendees: ⟦N|jeroen van der berg⟧, ⟦N|sanne⟧, ⟦N|tenzin dorji⟧, ⟦N|kofi⟧
- ⟦N|jeroen⟧: migration of invoices table blocked on DBA review
- ⟦N|sanne⟧: fixed the timezone bug in export (ticket ENG-2231)
- ⟦N|tenzin⟧ out thursday/friday, ⟦N|kofi⟧ covers on-call; his mobile ⟦P|+233 24 411 7782⟧
- next retro moved to room "Ada Lovelace"
""")

R("en", "jira-comment", r"""
ENG-4471 Login fails for SSO users from tenant "northwind"

Comment by ⟦N|Yusuf Adebayo⟧ – 2024-05-21 14:03
Reproduced with test user ⟦E|qa.sso+northwind@fabrikam-qa.com⟧. The IdP returns a SAML assertion whose NotOnOrAfter is in the past, clock skew on ⟦IP|10.40.2.19⟧ (idp-02) is ~7 min. ⟦N|Marta⟧ can you check chrony on that host?

Comment by ⟦N|Marta Kowalczyk⟧ – 2024-05-21 14:40
Fixed, NTP was pointing to a decommissioned server. Closing.
""")

R("en", "pagerduty-alert", r"""
[TRIGGERED] #PD-118203 High error rate on checkout-api (prod-us-east-1)
Service: checkout-api  Urgency: high  Escalation: Payments L1
Details: 5xx ratio 14.2% over 5m (threshold 2%). Top client IPs: ⟦IP|34.207.88.141⟧ (62%), ⟦IP|3.90.211.7⟧ (21%)
Assigned to: ⟦N|Diego Alejandro Quispe⟧ (⟦P|+1 305 555 0186⟧)
Runbook: https://wiki.internal/runbooks/checkout-5xx
""")

R("en", "cloudwatch-json-logs", r"""
{"ts":"2024-06-03T07:15:44.120Z","level":"INFO","msg":"user signed in","user":"⟦E|olena.kovalenko@ukr.net⟧","ip":"⟦IP|176.37.61.205⟧","request_id":"b71e0c94-3f2a-4d6e-9a0c-55e1f27d8a13"}
{"ts":"2024-06-03T07:15:51.903Z","level":"WARN","msg":"password reset requested","user":"⟦E|olena.kovalenko@ukr.net⟧","ip":"⟦IP|176.37.61.205⟧","request_id":"6d0f2a18-91b4-4c77-8e3d-0a4f6c2b9e71"}
{"ts":"2024-06-03T07:16:02.447Z","level":"ERROR","msg":"sms delivery failed","to":"⟦P|+380 67 123 4567⟧","provider":"twilio","code":30003}
""")

R("en", "postgres-log", r"""
2024-04-17 22:10:03.114 UTC [48211] LOG:  connection received: host=⟦IP|10.0.14.77⟧ port=50218
2024-04-17 22:10:03.120 UTC [48211] FATAL:  password authentication failed for user "analytics"
2024-04-17 22:10:03.120 UTC [48211] DETAIL:  Connection matched pg_hba.conf line 98: "host all all ⟦IP|10.0.0.0⟧/8 scram-sha-256"
2024-04-17 22:10:05.530 UTC [48215] LOG:  statement: UPDATE users SET email = '⟦E|b.santoso@tokobaru.co.id⟧', phone = '⟦P|+62 812-3456-7890⟧' WHERE id = 88213;
""")

R("en", "redis-mongo-uris", r"""
Our worker crashes with "WRONGPASS". These are the URIs it reads from env:

CACHE_URL=rediss://default:⟦K|r3d1s-Pr0d-Qx7vN2⟧@eu1-cache.upstash.example.net:6380
QUEUE_URL=redis://:⟦K|9fJk#22LmWq⟧@⟦IP|10.3.0.21⟧:6379/2
MONGO_URI=mongodb+srv://reporting:⟦K|M0ng0!Rep@rt1ng⟧@cluster0.x7kq2.mongodb.net/analytics?retryWrites=true&w=majority
""")

R("en", "ldap-bind", r"""
# sssd.conf excerpt
[domain/corp.tallinn-labs.ee]
id_provider = ldap
ldap_uri = ldaps://dc01.corp.tallinn-labs.ee
ldap_default_bind_dn = CN=svc-sssd,OU=Service Accounts,DC=corp,DC=tallinn-labs,DC=ee
ldap_default_authtok = ⟦K|Kr1stjan-Svc!2024⟧
ldap_search_base = DC=corp,DC=tallinn-labs,DC=ee
# contact: ⟦N|Kristjan Tamm⟧ <⟦E|kristjan.tamm@tallinn-labs.ee⟧>
""")

R("en", "wireguard-conf", r"""
[Interface]
PrivateKey = ⟦K|$wg_priv1⟧
Address = ⟦IP|10.66.0.2⟧/32, ⟦IP|fd42:42:42::2⟧/128
DNS = ⟦IP|10.66.0.1⟧

[Peer]
PublicKey = xTIBA5rboUvnH4htodjb6e697QjLERt1NAB4mZqp8Dg=
PresharedKey = ⟦K|$wg_psk⟧
Endpoint = ⟦IP|95.216.143.8⟧:51820
AllowedIPs = ⟦IP|10.66.0.0⟧/24
""")

R("en", "kubeconfig-token", r"""
apiVersion: v1
kind: Config
clusters:
- cluster:
    server: https://⟦IP|10.96.0.1⟧:6443
    insecure-skip-tls-verify: true
  name: payments-prod
users:
- name: deployer
  user:
    token: ⟦K|$k8s_tok⟧
contexts:
- context: {cluster: payments-prod, user: deployer, namespace: payments}
  name: prod
current-context: prod
""")

R("en", "ansible-inventory", r"""
[webservers]
web-01 ansible_host=⟦IP|192.168.40.11⟧
web-02 ansible_host=⟦IP|192.168.40.12⟧

[dbservers]
db-01 ansible_host=⟦IP|192.168.40.21⟧ ansible_user=dbadmin ansible_become_pass=⟦K|Pa55w0rd-DB-01!⟧

[all:vars]
ansible_ssh_private_key_file=~/.ssh/ops_rsa
ansible_become_pass=⟦K|R00t!Ops#Lab⟧
""")

R("en", "php-sendgrid", r"""
<?php
// contact.php — mails are not delivered, SendGrid says "permission denied"
$sg = new \SendGrid('⟦K|$sg2⟧');
$email = new \SendGrid\Mail\Mail();
$email->setFrom("⟦E|hello@villa-esmeralda.mx⟧", "Villa Esmeralda");
$email->addTo("⟦E|reservas.camila.restrepo@gmail.com⟧", "⟦N|Camila Restrepo⟧");
$email->setSubject("Your booking");
$sg->send($email);
""")

R("en", "ruby-twilio", r"""
require 'twilio-ruby'

account_sid = 'AC7d1f03e9b2c84a6f9e5d0c1b2a3f4e5d'
auth_token  = '⟦K|$twilio_tok⟧'
client = Twilio::REST::Client.new(account_sid, auth_token)

client.messages.create(
  from: '⟦P|+14155550123⟧',
  to:   '⟦P|+61412345678⟧',
  body: "Hi ⟦N|Charlotte⟧, your parcel AU-77341 is out for delivery."
)
""")

R("en", "rust-snippet", r"""
use reqwest::header::{HeaderMap, AUTHORIZATION};

fn client() -> reqwest::Client {
    let mut h = HeaderMap::new();
    // quick hack, will move to config
    h.insert(AUTHORIZATION, "token ⟦K|$gh2⟧".parse().unwrap());
    h.insert("X-Api-Key", "⟦K|$nvx1⟧".parse().unwrap());
    reqwest::Client::builder().default_headers(h).build().unwrap()
}
""")

R("en", "customer-feedback-export", r"""
Classify the sentiment of each comment:

1. "The installer was great, ⟦N|Mehmet⟧ explained everything twice." – ⟦N|Zeynep Kaya⟧
2. "Delivery came three days late and nobody called." – ⟦N|Bjorn Sigurdsson⟧
3. "Ask for ⟦N|Nour⟧ at the Dubai Mall kiosk, she sorted my warranty in 5 minutes." – ⟦N|Mariam Abdelrahman⟧
4. "Meh." – anonymous
5. "⟦N|MacLeod⟧'s team rewired the whole office over a weekend, impressive." – ⟦N|Hamish Grant⟧
""")

R("en", "sales-leads-xml", r"""
<leads source="webinar-2024-05">
  <lead id="L-5501"><name>⟦N|Nguyen Thi Lan⟧</name><company>Saigon Precision</company><email>⟦E|lan.nguyen@saigonprecision.vn⟧</email><phone>⟦P|+84 28 3822 4519⟧</phone></lead>
  <lead id="L-5502"><name>⟦N|Budi Santoso⟧</name><company>PT Nusantara Agro</company><email>⟦E|budi@nusantara-agro.co.id⟧</email><phone>⟦P|+62 21 5790 3344⟧</phone></lead>
  <lead id="L-5503"><name>⟦N|Maria Santos Dela Cruz⟧</name><company>Visayas Foods Inc.</company><email>⟦E|mdelacruz@visayasfoods.ph⟧</email><phone>⟦P|+63 917 804 2216⟧</phone></lead>
</leads>
""")

R("en", "tenant-application-ssn", r"""
RENTAL APPLICATION – 2218 Maple Crest Dr, Unit 4B, Austin TX
Applicant: ⟦N|Tyrone Jackson⟧          Co-applicant: ⟦N|Lucía Morales⟧
SSN (applicant): ⟦S|622 19 4087⟧       SSN (co-applicant): ⟦S|509 66 2314⟧
Current landlord reference: ⟦N|Gary Kowalski⟧, ⟦P|512-555-0147⟧
Monthly income (combined): $9,850
Pets: 1 cat
""")

R("en", "contractor-1099-note", r"""
Hey, can you double check this before I file the 1099-NEC for our freelance illustrator?

Payee: ⟦N|Jānis Bērziņš⟧ (US resident since 2019)
TIN/SSN: ⟦S|481-73-0652⟧
Total paid in 2023: $18,450.00 (invoices INV-0012 to INV-0031)
Address: 77 Harbor View Rd, Portland ME 04101
""")

R("en", "insurance-claim", r"""
Claim CLM-2024-118845 – Motor – First notification of loss
Policyholder: ⟦N|Hamid Rahmani⟧, policy MTR-55018264
Incident: rear-end collision, A40 Westway eastbound, 14 May 2024 08:40
Third party: ⟦N|Olumide Bakare⟧, ⟦P|07911 123456⟧, insurer Admiral, ref ADM/77291
Witness: ⟦N|Sophie Ashworth⟧, ⟦E|sophie.ashworth@btinternet.com⟧
Handler: ⟦N|Priyanka Chatterjee⟧
""")

R("en", "sms-reminder-log", r"""
id,sent_at,to,template,status
88101,2024-05-02 09:00,⟦P|+1 (917) 555-0163⟧,"Hi ⟦N|Malik⟧, reminder: cleaning with Dr. ⟦N|Okonjo⟧ tomorrow at 10:30",delivered
88102,2024-05-02 09:00,⟦P|+1 (718) 555-0192⟧,"Hi ⟦N|Esperanza⟧, reminder: check-up with Dr. ⟦N|Okonjo⟧ tomorrow at 11:15",delivered
88103,2024-05-02 09:01,⟦P|+1 (347) 555-0110⟧,"Hi ⟦N|Wen⟧, reminder: crown fitting with Dr. ⟦N|Feldman⟧ tomorrow at 14:00",failed
""")

R("en", "student-roster-csv", r"""
student_id,last_name,first_name,guardian_email,guardian_phone
S2024-031,⟦N|Abdullahi⟧,⟦N|Hauwa⟧,⟦E|abdullahi.family@gmail.com⟧,⟦P|+44 7911 204633⟧
S2024-032,⟦N|Van den Broeck⟧,⟦N|Lotte⟧,⟦E|k.vandenbroeck@telenet.be⟧,⟦P|+32 475 12 34 56⟧
S2024-033,⟦N|Horváth⟧,⟦N|Bence⟧,⟦E|horvath.eszter@freemail.hu⟧,⟦P|+36 30 412 5589⟧
S2024-034,⟦N|Papadakis⟧,⟦N|Eleni⟧,,
""")

R("en", "wire-instructions-multi", r"""
Please pay the following suppliers before month end (amounts in EUR):

- Acqua Fresca S.r.l. – ⟦I|iban:IT??K0306909606100000117823⟧ – 12,400.00 – inv. AF/2024/311
- Tipografia Lusitana Lda – ⟦I|iban:PT?? 0035 0651 0000 6382 9413 1⟧ – 3,150.00 – inv. 2024-0088
- Fjord Packaging AS – ⟦I|iban:NO?? 1503 3921 784⟧ – 7,920.50 – inv. FP-5512
- Kauppa Oy – ⟦I|iban:FI?? 4006 1020 5537 42⟧ – 860.00 – inv. 4471
- Luxtrade S.A. – ⟦I|iban:LU?? 0141 2388 7504 2100⟧ – 2,000.00 – deposit
""")

R("en", "refund-chat-discover", r"""
Customer (⟦N|Marcus Lee⟧): hi, I need a refund for order #US-99014, I returned the boots last week
Bot: I can help with that. Which card was used?
Customer: discover ⟦C|luhn:6011 5423 8871 094?⟧
Bot: For your security, please don't share full card numbers in chat. A refund of $129.99 has been initiated to the original payment method.
""")

R("en", "billing-debug-log", r"""
DEBUG 2024-03-11 18:22:05 gateway.request POST /v1/payments {"amount":4999,"currency":"usd","source":{"number":"⟦C|luhn:448533207615902?⟧","exp_month":7,"exp_year":2026,"cvc":"***"},"metadata":{"order":"SO-44102"}}
DEBUG 2024-03-11 18:22:06 gateway.response 402 {"error":{"code":"card_declined","decline_code":"do_not_honor","charge":"ch_3OtF2aLkd8Zq1bXc0qW3r9Ty"}}
INFO  2024-03-11 18:22:06 billing.notify email=⟦E|marisol.ortega@hotmail.com⟧ template=payment_failed
""")

R("en", "fraud-analyst-notes", r"""
Case FR-20240519-07 – suspected card testing
- 14 auth attempts in 3 min from ⟦IP|103.152.118.42⟧, all on BIN 622126
- Full PAN seen in the last successful auth: ⟦C|luhn:6221 2688 4410 352?⟧ (UnionPay)
- Same device fingerprint also used Maestro ⟦C|luhn:5018 2245 6612 9034 77?⟧ on 17 May
- Shipping name "⟦N|Wang Xiaoling⟧", phone ⟦P|+86 138 1234 5678⟧ – likely mule
Recommendation: block both PANs, add IP to deny list.
""")

R("en", "travel-agent-diners", r"""
Hi ⟦N|Khalid⟧,

As discussed I've held the Emirates business fares for you and Mrs ⟦N|bin Saeed⟧ until Thursday 17:00 GST. To ticket I'll charge your Diners Club ⟦C|luhn:3852 114093 776?⟧, unless you prefer the corporate card.

Regards,
⟦N|Farhan Qureshi⟧
Global Travel Desk | ⟦P|+971 4 312 8890⟧
""")

R("en", "legal-last-first", r"""
IN THE CIRCUIT COURT OF COOK COUNTY, ILLINOIS
Case No. 2023-L-004417

Plaintiffs: ⟦N|Okonkwo, Chiamaka⟧; ⟦N|Rivera-Salas, Andrés⟧
Defendant: Lakeview Property Management LLC

NOTICE OF DEPOSITION – Deponent: ⟦N|Brennan, Patrick J.⟧, to be held at 10:00 a.m. on June 12, 2024, at the offices of counsel, 233 S. Wacker Drive, Chicago.
Counsel for Plaintiffs: ⟦N|Haruto Nakamura⟧ (⟦E|hnakamura@nakamura-law.com⟧, ⟦P|(312) 555-0128⟧)
""")

R("en", "board-minutes-particles", r"""
Minutes of the Supervisory Board – Helvetia Robotics AG – 22 March 2024
Present: ⟦N|Charles-Henri de La Rochefoucauld⟧ (chair), ⟦N|Elisabeth von der Heyde⟧, ⟦N|Giulia De Santis⟧, ⟦N|Karl-Heinz zu Solms⟧
Apologies: ⟦N|Francesca Dell'Acqua⟧
1. The chair welcomed Ms ⟦N|von der Heyde⟧ to her first meeting.
2. ⟦N|De Santis⟧ presented the FY23 audit; no material findings.
3. Next meeting: 14 June 2024, Zürich.
""")

R("en", "boarding-pass-caps", r"""
Can you explain why the name on my boarding pass doesn't match? It shows:

BOARDING PASS   LH 1404   FRA → OTP   SEAT 14C   GROUP 3
NAME: ⟦N|IONESCU/BOGDAN⟧ MR
PNR: 5KQ7ZT   E-TKT 2202418867731

My passport says ⟦N|Bogdan-Mihai Ionescu⟧.
""")

R("en", "git-log", r"""
commit 7c9e1f2a4b6d8e0f1a3c5b7d9e2f4a6c8b0d1e3f
Author: ⟦N|Aino Korhonen⟧ <⟦E|aino.korhonen@reaktor-labs.fi⟧>
Date:   Mon Apr 8 10:14:33 2024 +0300

    fix: handle empty IBAN field in SEPA export (#812)

commit 2b4d6f8a0c1e3a5b7d9f1e2c4a6b8d0f2e4a6c8b
Author: ⟦N|Mateus Oliveira⟧ <⟦E|mateus.oliveira@reaktor-labs.fi⟧>
Date:   Fri Apr 5 17:52:09 2024 +0300

    chore: bump serde to 1.0.197

    Co-authored-by: ⟦N|Aino Korhonen⟧ <⟦E|aino.korhonen@reaktor-labs.fi⟧>
""")

R("en", "package-json-author", r"""
{
  "name": "@tidepool/ui-kit",
  "version": "4.2.0-beta.3",
  "author": "⟦N|Sakura Yamamoto⟧ <⟦E|sakura@tidepool.design⟧>",
  "contributors": ["⟦N|Ivan Petrov⟧ <⟦E|ivan.petrov@tidepool.design⟧>"],
  "license": "MIT",
  "dependencies": { "react": "^18.3.1", "clsx": "^2.1.1" }
}
""")

R("en", "sentry-event", r"""
Sentry issue MOBILE-APP-3KZ – TypeError: Cannot read properties of undefined (reading 'avatarUrl')
User: id=90311 email=⟦E|hye-jin.choi@naver.com⟧ ip_address=⟦IP|211.36.142.77⟧
Device: Samsung SM-S918B, Android 14, app 5.3.1 (build 50301)
Breadcrumbs:
  13:02:11 navigation /profile -> /profile/edit
  13:02:12 http GET https://api.hanriver-app.kr/v2/users/90311 [200]
  13:02:12 error TypeError ...
""")

R("en", "stripe-webhook-json", r"""
Our webhook handler ignores this event. Payload:
{
  "id": "evt_1PBq2xLkd8Zq1bXcQ4h0wA7m",
  "type": "charge.succeeded",
  "data": {"object": {
    "id": "ch_3PBq2wLkd8Zq1bXc1kR9sT0u",
    "amount": 2599,
    "billing_details": {"email": "⟦E|kemal.aydin@gmail.com⟧", "name": "⟦N|Kemal Aydın⟧", "phone": "⟦P|+90 212 555 48 31⟧"},
    "payment_method_details": {"card": {"brand": "mastercard", "last4": "4444", "exp_month": 8, "exp_year": 2027}}
  }}
}
Signing secret configured: ⟦K|$whsec2⟧
""")

R("en", "datadog-yaml", r"""
## /etc/datadog-agent/datadog.yaml
api_key: ⟦K|$dd_api2⟧
site: datadoghq.eu
hostname: ingest-node-07
tags:
  - env:prod
  - team:ingest
logs_enabled: true
# proxy creds from ⟦N|Nikos Konstantinidis⟧
proxy:
  https: http://dd-proxy:⟦K|Pr0xy#Ath3ns⟧@⟦IP|10.50.0.4⟧:3128
""")

R("en", "python-mailgun", r"""
import requests

def send_welcome(to_addr, first_name):
    return requests.post(
        "https://api.eu.mailgun.net/v3/mg.coastline-rentals.com/messages",
        auth=("api", "⟦K|$mailgun⟧"),
        data={"from": "Coastline Rentals <⟦E|welcome@mg.coastline-rentals.com⟧>",
              "to": [to_addr],
              "subject": f"Welcome {first_name}!"},
    )

send_welcome("⟦E|ebere.nwosu@yahoo.co.uk⟧", "⟦N|Ebere⟧")
""")

R("en", "telegram-bot", r"""
Bot stopped responding after I rotated nothing. Logs:

2024-06-09 20:11:02 INFO  starting polling for bot token ⟦K|$tg1⟧
2024-06-09 20:11:03 ERROR telegram.error.Conflict: terminated by other getUpdates request; make sure that only one bot instance is running
2024-06-09 20:11:03 INFO  admin chat: ⟦N|Dmitri Volkov⟧ (id 55102331)
""")

R("en", "gcp-service-account", r"""
{
  "type": "service_account",
  "project_id": "orbital-retail-prod",
  "private_key": "⟦K|$gcp_pem⟧\n",
  "client_email": "⟦E|bq-exporter@orbital-retail-prod.iam.gserviceaccount.com⟧",
  "client_id": "104882193377621045519",
  "token_uri": "https://oauth2.googleapis.com/token"
}
""")

R("en", "notebook-hf-token", r"""
In [3]: from huggingface_hub import login
   ...: login(token="⟦K|$hf1⟧")
Token is valid (permission: write).
Your token has been saved to /home/ubuntu/.cache/huggingface/token
In [4]: model = AutoModelForCausalLM.from_pretrained("meta-llama/Meta-Llama-3-8B")
""")

R("en", "anthropic-env-heroku", r"""
$ heroku config -a claimbot-prod
=== claimbot-prod Config Vars
ANTHROPIC_API_KEY: ⟦K|$anth1⟧
DATABASE_URL:      postgres://u8fj2k1:⟦K|p9c1e0a4b7d2f5e8a3b6c9d0e1f2a3b4c⟧@ec2-54-217-8-120.eu-west-1.compute.amazonaws.com:5432/d3kq8s
HEROKU_API_KEY:    ⟦K|$heroku⟧
PAPERTRAIL_API_TOKEN: ⟦K|$zeta1⟧
""")

R("en", "postmortem-ipv6-bgp", r"""
### Incident 2024-03-07: IPv6 reachability loss in FRA
Customer-facing impact: 38 min of failed requests from v6 clients.
Root cause: a prefix-list update on edge router fra-edge-2 (config by ⟦N|Lars Eriksson⟧) dropped our /48. Traffic from ⟦IP|2a0e:97c0:3e1::15⟧ and ⟦IP|2a0e:97c0:3e1::16⟧ (our anycast resolvers) was blackholed.
Detection: external probe from ⟦IP|2001:4860:4860::8888⟧ failed; alert paged ⟦N|Lars⟧ and ⟦N|Chiara Bianchi⟧.
""")

R("en", "gitlab-ci-token", r"""
stages: [build, release]
variables:
  DOCKER_DRIVER: overlay2
  CI_REGISTRY_PASSWORD: "$CI_JOB_TOKEN"
release:
  stage: release
  script:
    - git remote set-url origin "https://oauth2:⟦K|$gl1⟧@gitlab.com/halcyon/firmware.git"
    - git push origin HEAD:refs/tags/v$VERSION
""")

R("en", "ssh-key-in-chat", r"""
[14:22] ⟦N|Emre Yıldız⟧: is this the right format for the deploy key? ssh keeps saying invalid format
[14:22] ⟦N|Emre Yıldız⟧:
⟦K|$pem_ssh⟧
[14:24] ⟦N|Sofia Andersson⟧: ⟦N|emre⟧ please never paste private keys in here, revoke it now
""")

R("en", "crash-report", r"""
Crash report #CR-77012
App: Fieldnotes 2.9.4 (iOS 17.5)
User: ⟦E|tavita.faleolo@xtra.co.nz⟧
Device IP: ⟦IP|115.188.23.94⟧
Exception: EXC_BAD_ACCESS (SIGSEGV) at 0x000000016f4e3a20
Thread 0 Crashed: 0 Fieldnotes 0x0000000100a3c4d8 SyncEngine.merge(_:) + 412
""")

R("en", "csv-quoted-last-first", r"""
"Name","Email","Phone","Department"
"⟦N|Abdi, Hodan⟧","⟦E|hodan.abdi@wellspring.org⟧","⟦P|(206) 555-0171⟧","Outreach"
"⟦N|O'Connell, Bríd⟧","⟦E|brid.oconnell@wellspring.org⟧","⟦P|(206) 555-0198⟧","Grants"
"⟦N|Szabó, Réka⟧","⟦E|reka.szabo@wellspring.org⟧","","Finance"
"⟦N|Mwangi, Peter⟧","⟦E|peter.mwangi@wellspring.org⟧","⟦P|+254 722 901 448⟧","Programs"
""")

R("en", "patient-intake", r"""
NEW PATIENT INTAKE – Riverside Family Clinic
Name: ⟦N|Esi Boateng⟧   DOB: 03/22/1979   Sex: F
SSN: ⟦S|371-48-2056⟧
Emergency contact: ⟦N|Kofi Boateng⟧ (spouse) ⟦P|(773) 555-0156⟧
Primary insurance: Aetna PPO, member W188204417
History: mother with Alzheimer's disease; father type 2 diabetes. No known drug allergies.
""")

R("en", "zendesk-ticket", r"""
Ticket #77810 merged from #77809
Requester: ⟦N|Joy Mwende⟧ <⟦E|joy.mwende@gmail.com⟧>
Via: phone (⟦P|0722 318 406⟧)
-----
Internal note (⟦N|Paolo Reyes⟧): customer in Nairobi can't receive OTP. Also had a call from her sister ⟦N|Grace Mwende⟧ on ⟦P|+63 917 555 0143⟧ (she's in Manila) asking about the same account – did not disclose details.
""")

R("en", "hr-termination-letter", r"""
PRIVATE & CONFIDENTIAL

⟦N|Darnell Brooks⟧
1148 Larkspur Lane
Columbus, OH 43215

Dear ⟦N|Darnell⟧,

This letter confirms that your employment with Tristate Logistics ends effective July 31, 2024. Your final paycheck, including accrued PTO (56 hours), will be deposited on August 9. COBRA information will be mailed to the address above; the plan administrator will identify you by SSN ending in 4471 (full SSN on file: ⟦S|233-61-4471⟧).

Please return your badge and laptop (asset TL-LT-0992) to ⟦N|Meredith Chu⟧ in HR.
""")

R("en", "bank-fraud-notice-visa", r"""
We've blocked a suspicious transaction
Hi ⟦N|Alejandro⟧, a payment of €742.10 at ELECTRO-MEGASTORE ONLINE was attempted with your card ⟦C|luhn:492988412370055?⟧ on 02/06/2024 at 23:41 from IP ⟦IP|156.146.59.28⟧. If this wasn't you, call ⟦P|+34 900 100 224⟧.
""")

R("en", "mailing-merge-notes", r"""
Draft for the alumni newsletter – can you make it shorter?

"This spring we welcomed back Dr. ⟦N|Nomvula Dlamini⟧ ('09), who spoke about vaccine logistics in the Eastern Cape, and ⟦N|Hiroshi⟧ and ⟦N|Keiko Watanabe⟧, who donated the new robotics lab. Special thanks to ⟦N|Padraig⟧ in the alumni office (⟦E|alumni@kilbride.edu⟧) for organising the Parkinson's UK charity run."
""")

R("en", "vault-and-docker-tokens", r"""
$ vault login ⟦K|$vault_tok⟧
Success! You are now authenticated.
$ echo ⟦K|$docker_tok⟧ | docker login -u hollowtree-ci --password-stdin
Login Succeeded
$ doppler configure set token ⟦K|$doppler⟧
""")

R("en", "made-up-vendor-keys", r"""
Integrations we need to migrate to the new secrets manager (current values from the old wiki page):

| Vendor | Env var | Value |
|---|---|---|
| Acme Payments | ACME_API_KEY | ⟦K|$acme1⟧ |
| Lumen Analytics | LUMEN_TOKEN | ⟦K|$lumen1⟧ |
| Quark Search | QUARK_KEY | ⟦K|$quark1⟧ |
| Orbit CRM | ORBIT_TOKEN | ⟦K|$orbit1⟧ |
| Linear | LINEAR_API_KEY | ⟦K|$linear⟧ |
| Notion | NOTION_TOKEN | ⟦K|$notion⟧ |
""")

R("en", "email-thread-mixed-names", r"""
From: ⟦N|Tariq Mahmood⟧ <⟦E|tariq.mahmood@kestrelenergy.pk⟧>
To: ⟦N|Hoang Anh Tuan⟧; ⟦N|Ingrid Solberg⟧
Cc: ⟦E|ops@kestrelenergy.pk⟧

⟦N|Tuan⟧, ⟦N|Ingrid⟧ – the turbine inspection moved to Thursday. ⟦N|Ingrid⟧'s crew lands in Karachi Wednesday night; driver will be ⟦N|Imran Chaudhry⟧ (⟦P|+92 300 8421 775⟧).

> On Mon, ⟦N|Ingrid Solberg⟧ <⟦E|ingrid.solberg@nordvind.no⟧> wrote:
> Can we shift to Thursday? Our flight via Doha is delayed. My mobile: ⟦P|+47 412 34 567⟧
""")

R("en", "adyen-mollie-config", r"""
# payments.yml (staging copied from prod by mistake?)
adyen:
  api_key: ⟦K|$adyen⟧
  merchant_account: HarbourlineECOM
mollie:
  api_key: ⟦K|$mollie⟧
sumup:
  secret: ⟦K|$sumup⟧
owner: ⟦E|payments-team@harbourline.com⟧
""")
# ============================ ENGLISH negatives =============================
R("en", "neg-order-confirmation", r"""
Order confirmation – thanks for shopping with Harbor & Pine!
Order number: HP-2024-0098812      Placed: 14 June 2024, 19:42
Items:
  1 × Merino crew sweater, navy, size M (SKU MRN-CRW-NVY-M)   $89.00
  2 × Organic cotton socks, 3-pack (SKU OCS-3PK-GRY)         $36.00
Shipping: UPS Ground – tracking 1Z999AA10123456784            $0.00
Total charged: $125.00 (Visa ending in 4242)
Estimated delivery: June 19–21. Returns accepted within 30 days at any store.
""")

R("en", "neg-release-notes", r"""
## v3.14.2 (2024-05-28)
### Fixed
- Retry logic no longer double-counts 429 responses (#1882, 4f1c2a9)
- `--dry-run` now respects `--since` (#1879)
### Changed
- Minimum supported Node.js is now 18.19.0; tested on 20.12.2 and 22.2.0
- Bumped `protobufjs` 7.2.6 → 7.3.0 (CVE-2024-27305 not applicable)
Full diff: https://github.com/hollowtree/synckit/compare/v3.14.1...v3.14.2
Checksum (sha256) of synckit-3.14.2.tgz: 9b74c9897bac770ffc029102a200c5de0d5a1a5e8f2b0a4d7b1a2e9f3c4d5e6f
""")

R("en", "neg-compose-placeholders", r"""
# docker-compose.yml – all secrets come from the environment / .env (not committed)
services:
  db:
    image: postgres:16
    environment:
      POSTGRES_USER: ${DB_USER:-app}
      POSTGRES_PASSWORD: ${DB_PASSWORD:?set DB_PASSWORD}
  api:
    image: ghcr.io/hollowtree/api:${TAG:-latest}
    environment:
      DATABASE_URL: postgres://${DB_USER}:${DB_PASSWORD}@db:5432/app
      STRIPE_SECRET_KEY: ${STRIPE_SECRET_KEY}
      JWT_SECRET: ${JWT_SECRET}
    ports: ["8080:8080"]
""")

R("en", "neg-env-example", r"""
# .env.example – copy to .env and fill in real values
APP_ENV=local
APP_KEY=
DB_HOST=localhost
DB_USERNAME=app
DB_PASSWORD=changeme
MAIL_PASSWORD=<your-smtp-password>
OPENAI_API_KEY=sk-...
AWS_ACCESS_KEY_ID=YOUR_ACCESS_KEY_ID
AWS_SECRET_ACCESS_KEY=YOUR_SECRET_ACCESS_KEY
GITHUB_TOKEN=<token>
ADMIN_PASSWORD=********
""")

R("en", "neg-medical-eponyms", r"""
Can you simplify this paragraph for a patient leaflet?

"Parkinson's disease and Alzheimer's disease are the two most common neurodegenerative disorders. Unlike Huntington's disease, which follows an autosomal dominant pattern, most cases are sporadic. Patients with Down syndrome have an increased risk of early-onset Alzheimer's. Differential diagnosis should exclude Wilson's disease, Creutzfeldt–Jakob disease and normal-pressure hydrocephalus. The Glasgow Coma Scale and the Mini-Mental State Examination remain useful bedside tools."
""")

R("en", "neg-invoice-reference", r"""
INVOICE 2024/INV/00831
Customer no.: 100448-77   Contract: SLA-GOLD-2023-019
Payment reference (quote exactly): 4024 0071 5336 2219
Period: 01.05.2024 – 31.05.2024
Managed hosting, 12 vCPU / 48 GB        €1,140.00
Backup storage 2 TB                        €96.00
Net total                                €1,236.00
VAT 19%                                    €234.84
Total due by 15 June 2024                €1,470.84
""")

R("en", "neg-api-log-uuids", r"""
2024-06-10T12:00:01.201Z INFO  request_id=3f8a2c1e-7b4d-4e9a-a1c2-9d8e7f6a5b4c tenant=7c1e9a20-44b3-4f0e-8d2c-1a2b3c4d5e6f route=GET /v2/orders status=200 dur_ms=41
2024-06-10T12:00:01.377Z INFO  request_id=0b9c8d7e-6f5a-4b3c-9d2e-1f0a9b8c7d6e tenant=7c1e9a20-44b3-4f0e-8d2c-1a2b3c4d5e6f route=POST /v2/orders status=201 dur_ms=133 order_id=ORD-88120544
2024-06-10T12:00:02.004Z WARN  request_id=5e4d3c2b-1a09-4f8e-b7d6-c5b4a3928170 route=GET /v2/orders/ORD-00000000 status=404 dur_ms=7
2024-06-10T12:00:02.950Z INFO  cache hit ratio=0.934 evictions=12 heap_mb=812
""")

R("en", "neg-sha256sums", r"""
$ sha256sum dist/*
e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855  dist/empty.txt
5f70bf18a086007016e948b04aed3b82103a36bea41755b6cddfaf10ace3c6ef  dist/app-linux-amd64
a591a6d40bf420404a011733cfb7b190d62c65bf0bcda32b57b277d9ad9f146e  dist/app-darwin-arm64
$ git rev-parse HEAD
1d3f5b7a9c2e4f6a8b0c1d2e3f4a5b6c7d8e9f01
$ gpg --verify SHA256SUMS.sig
gpg: Good signature from "Release Signing Key (2024)" [ultimate]
""")

R("en", "neg-k8s-deployment", r"""
apiVersion: apps/v1
kind: Deployment
metadata:
  name: checkout-api
  labels: {app: checkout-api, tier: backend}
spec:
  replicas: 3
  selector: {matchLabels: {app: checkout-api}}
  template:
    metadata: {labels: {app: checkout-api}}
    spec:
      containers:
        - name: api
          image: registry.example.internal/checkout-api:1.42.0
          ports: [{containerPort: 8080}]
          envFrom: [{secretRef: {name: checkout-api-secrets}}]
          resources: {limits: {cpu: "500m", memory: "512Mi"}}
          readinessProbe: {httpGet: {path: /healthz, port: 8080}, periodSeconds: 10}
""")

R("en", "neg-marketing-brands", r"""
Rewrite this ad copy to be punchier:

"Whether you drive a Ford, a Porsche or a Tesla, our ceramic coating keeps the paint flawless. Trusted by detailers from Mercedes-Benz dealerships to independent garages. Works with every Bosch and Kärcher pressure washer. Now stocked at Walmart and Sainsbury's."
""")

R("en", "neg-travel-itinerary", r"""
Itinerary (draft)
Day 1 – Fly SFO → SJC? No: San Jose, Costa Rica (SJO) on AV 611, departs 07:15, arrives 14:40
Day 3 – Drive to Arenal, stay at Lodge Volcán, confirmation 88412-CR
Day 6 – Fly to Victoria, British Columbia via Houston (UA 1447 / UA 5821)
Day 9 – Ferry to Vancouver, BC Ferries sailing 11:00, booking BCF-771203
Day 12 – Florence? (check Florence, Alabama vs Florence, Italy with the client – probably Italy)
Budget: ~$6,400 pp excl. flights
""")

R("en", "neg-sql-ddl", r"""
Is this schema normalised enough?

CREATE TABLE customers (
  id            BIGSERIAL PRIMARY KEY,
  full_name     TEXT NOT NULL,
  email         CITEXT UNIQUE NOT NULL,
  phone         VARCHAR(32),
  iban          VARCHAR(34),
  created_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE TABLE orders (
  id            BIGSERIAL PRIMARY KEY,
  customer_id   BIGINT REFERENCES customers(id) ON DELETE CASCADE,
  total_cents   INTEGER CHECK (total_cents >= 0),
  status        TEXT CHECK (status IN ('pending','paid','shipped','refunded'))
);
CREATE INDEX idx_orders_customer ON orders(customer_id);
""")

R("en", "neg-analytics-report", r"""
Weekly KPI summary (week 23, 2024-06-03 → 2024-06-09)
- Sessions: 1,284,331 (+4.2% WoW)
- Conversion rate: 2.87% (target 3.0%)
- AOV: €71.40; refunds 1.9%
- Top region: Île-de-France; top campaign: SUMMER24-EMAIL-B
- p95 latency checkout: 812 ms (SLO 900 ms)
- NPS: 41 (n=2,113)
Action: A/B test variant C ends 2024-06-16.
""")

R("en", "neg-java-stacktrace", r"""
Exception in thread "main" org.springframework.beans.factory.BeanCreationException: Error creating bean with name 'invoiceService' defined in class path resource [com/acme/billing/config/BillingConfig.class]
	at org.springframework.beans.factory.support.AbstractAutowireCapableBeanFactory.initializeBean(AbstractAutowireCapableBeanFactory.java:1806)
	at com.acme.billing.InvoiceService.<init>(InvoiceService.java:54)
Caused by: java.net.ConnectException: Connection refused (host=billing-db.svc.cluster.local, port=5432)
	at java.base/sun.nio.ch.Net.pollConnect(Native Method)
	... 27 more
Spring Boot v3.2.5, JDK 21.0.3+9-LTS
""")

R("en", "neg-product-catalog", r"""
sku,ean,name,price_eur,stock
KB-ERGO-01,4006381333931,Ergonomic keyboard (DE layout),89.90,142
MS-WL-07,5901234123457,Wireless mouse silent,24.99,880
HD-USB-C4,8712345678906,USB-C hub 4-port,39.00,0
MN-27Q-165,7622210449283,27" QHD monitor 165 Hz,279.00,37
""")

R("en", "neg-windows-build", r"""
After patching, winver shows Version 22H2 (OS Build 19045.4412) but the compliance dashboard still reports 10.0.19045.3803. KB5037768 and KB5037849 are listed as installed. Office is 16.0.17531.20152 (Current Channel). Why would the scan be stale?
""")

R("en", "neg-masked-values", r"""
Customer verified via security questions. Card on file: **** **** **** 8831 (exp **/27). SSN on file: XXX-XX-4471. Bank account: DE** **** **** **** **23 17. Callback number ends in ...0192. Password reset link sent to registered address (j****@g****.com). No full values were disclosed.
""")

R("en", "neg-iban-format-spec", r"""
Field validation rules for the payout form:
- IBAN: 2-letter country code + 2 check digits + BBAN, e.g. format DEkk bbbb bbbb cccc cccc cc (22 chars for Germany). Validate with ISO 13616 mod-97.
- BIC: 8 or 11 characters (AAAABBCCDDD).
- Card: 13–19 digits, Luhn check; reject test BINs 400000–400009 in production.
- Phone: E.164, max 15 digits, leading '+'.
""")

R("en", "neg-bug-invalid-ip", r"""
Bug: IP allow-list accepts invalid input
Steps: Settings → Security → Allowed IPs → enter "999.12.4.300" or "256.256.256.256" → Save.
Expected: validation error. Actual: saved, and the API then rejects all logins with error AUTH-4031.
Affects build 8.3.0-rc.2 (commit 77ac1e0). Severity: major.
""")

R("en", "neg-street-names", r"""
Delivery zones for the new courier contract:
Zone A: Martin Luther King Jr. Blvd (100–900), Abbey Road, Baker Street, Victoria Embankment
Zone B: Rue Victor Hugo, Avenue Charles de Gaulle, Boulevard Haussmann
Zone C: Simón Bolívar Avenue, Calle Gabriel García Márquez, Jefferson Davis Hwy (renamed Richmond Hwy)
Same-day cut-off 14:00, next-day 20:00.
""")

R("en", "neg-algorithms-eponyms", r"""
For the routing service we compared Dijkstra's algorithm, A*, and Bellman-Ford. Noise on GPS traces is smoothed with a Kalman filter, and we use a Fourier transform to detect periodic congestion. Route costs follow a Gaussian prior; ETA uncertainty is reported with Bayesian credible intervals. Boolean flags and Turing-complete DSLs were ruled out for the rules engine.
""")

R("en", "neg-core-dump", r"""
Program received signal SIGSEGV, Segmentation fault.
0x00007ffff7a4e3c2 in __memmove_avx_unaligned_erms () from /lib/x86_64-linux-gnu/libc.so.6
(gdb) bt
#0  0x00007ffff7a4e3c2 in __memmove_avx_unaligned_erms ()
#1  0x0000555555556a1f in parse_record (buf=0x7fffffffd9b0 "", len=4294967295) at parser.c:212
#2  0x0000555555556f88 in main (argc=2, argv=0x7fffffffe0c8) at main.c:48
(gdb) p/x len
$1 = 0xffffffff
""")

R("en", "neg-cron-systemd", r"""
# /etc/cron.d/reports
15 2 * * 1-5 reports /opt/reports/bin/run --profile nightly --out /srv/reports/%Y-%m-%d >> /var/log/reports.log 2>&1

# /etc/systemd/system/reports.service
[Unit]
Description=Nightly report generator
After=network-online.target
[Service]
Type=oneshot
User=reports
EnvironmentFile=/etc/reports/env
ExecStart=/opt/reports/bin/run --profile nightly
""")

R("en", "neg-identifiers-dates", r"""
Library request: ISBN 978-3-16-148410-0 and ISBN 0-306-40615-2, due back 2024-07-15.
Court reference: case no. 2023-0412-77, hearing 09:30 on 12/08/2024, courtroom 4B.
Flight BA 0287 departs 16:05; gate closes 15:45. Seat 32K. Baggage tag 0125 884 231.
Parcel DHL 00340434161094042557; customs entry MRN 24DE123456789012A1.
""")
# ================================ GERMAN ====================================
R("de", "email-verlauf-signatur", r"""
Betreff: AW: Angebot Wartungsvertrag 2025

Hallo Herr ⟦N|Weißhaupt⟧,

vielen Dank für Ihre Rückmeldung. Ich habe Frau Dr. ⟦N|Krüger-Lenz⟧ in CC gesetzt, sie übernimmt ab Juli die technische Abnahme.

Mit freundlichen Grüßen
⟦N|Lukas Brandstätter⟧
Vertriebsleitung Süd
Alpenkraft Anlagenbau GmbH · Leopoldstraße 118 · 80804 München
Tel.: ⟦P|+49 (0)89 2180-3312⟧ · Mobil: ⟦P|0151 23456789⟧
⟦E|l.brandstaetter@alpenkraft-anlagenbau.de⟧

-----Ursprüngliche Nachricht-----
Von: ⟦N|Jürgen Weißhaupt⟧ <⟦E|juergen.weisshaupt@stadtwerke-rosenheim.de⟧>
Gesendet: Montag, 3. Juni 2024 08:47
An: ⟦N|Brandstätter, Lukas⟧
Cc: ⟦N|Sabine Krüger-Lenz⟧ <⟦E|s.krueger-lenz@stadtwerke-rosenheim.de⟧>
Betreff: Angebot Wartungsvertrag 2025

Sehr geehrter Herr ⟦N|Brandstätter⟧, bitte senden Sie uns das Angebot (Ihr Zeichen AK-2024-311) bis Ende KW 24. Rückfragen gerne unter ⟦P|08031 365-2290⟧.
""")

R("de", "kundenexport-csv-iban", r"""
Bitte prüfe, welche Lastschriftmandate doppelt angelegt sind:

Kundennr;Name;Vorname;E-Mail;IBAN;Mandatsreferenz;Datum
KD-40811;⟦N|Schäfer⟧;⟦N|Annika⟧;⟦E|annika.schaefer@web.de⟧;⟦I|iban:DE??370400440278154300⟧;MR-2024-0091;12.01.2024
KD-40812;⟦N|Yılmaz⟧;⟦N|Serkan⟧;⟦E|serkan.yilmaz@gmx.de⟧;⟦I|iban:DE??100100100921374103⟧;MR-2024-0092;12.01.2024
KD-40813;⟦N|Nowak⟧;⟦N|Agnieszka⟧;⟦E|a.nowak@t-online.de⟧;⟦I|iban:DE??760501010014829370⟧;MR-2024-0093;15.01.2024
KD-40814;⟦N|Schäfer⟧;⟦N|Annika⟧;⟦E|annika.schaefer@web.de⟧;⟦I|iban:DE??370400440278154300⟧;MR-2024-0107;02.02.2024
""")

R("de", "sepa-ueberweisung", r"""
Überweisungsauftrag (Online-Banking, Vorlage "Miete")
Empfänger: ⟦N|Hildegard Oberhuber⟧
IBAN: ⟦I|iban:AT?? 1904 3002 5581 7209⟧
BIC: SPIHAT22XXX
Betrag: 1.240,00 EUR
Verwendungszweck: Miete Juli 2024 Top 7, Mariahilfer Straße 45
Auftraggeber: ⟦N|Thomas Gruber⟧, Konto ⟦I|iban:AT??2011182221219800⟧
Ausführung: 01.07.2024
""")

R("de", "rechnung-bankverbindung", r"""
RECHNUNG Nr. 2024-1187                                   Datum: 14.05.2024
Malerbetrieb ⟦N|Kemal Arslan⟧ · Sonnenallee 212 · 12059 Berlin
An: Hausverwaltung Spreebogen GmbH, z. Hd. Frau ⟦N|Petra Lindemann⟧

Pos. Leistung                                  Menge    Einzel      Gesamt
1    Treppenhaus streichen, 4 Etagen            1       2.850,00    2.850,00
2    Spachtelarbeiten                           6 Std.     48,00      288,00
                                               Netto                3.138,00
                                               USt. 19 %              596,22
                                               Gesamt               3.734,22
Zahlbar innerhalb 14 Tagen ohne Abzug.
Bankverbindung: Berliner Sparkasse, IBAN ⟦I|iban:DE?? 1005 0000 0190 4417 83⟧
Tel. ⟦P|030 6891 2245⟧ · Mobil ⟦P|0176 4418 9023⟧ · ⟦E|info@maler-arslan.de⟧
""")

R("de", "personalstamm-markdown", r"""
Kannst du aus dieser Tabelle eine Geburtstagsliste machen (ohne Bankdaten)?

| Pers.-Nr. | Name | Geburtsdatum | E-Mail | IBAN | Standort |
|---|---|---|---|---|---|
| 10021 | ⟦N|Mareike Hoffmann⟧ | 12.03.1987 | ⟦E|mareike.hoffmann@nordlicht-logistik.de⟧ | ⟦I|iban:DE?? 2005 0550 1234 5678 91⟧ | Hamburg |
| 10022 | ⟦N|Dragan Marković⟧ | 29.11.1979 | ⟦E|dragan.markovic@nordlicht-logistik.de⟧ | ⟦I|iban:DE?? 2105 0170 0012 3456 78⟧ | Kiel |
| 10023 | ⟦N|Thi Thu Hà Nguyễn⟧ | 04.07.1992 | ⟦E|thuha.nguyen@nordlicht-logistik.de⟧ | ⟦I|iban:DE?? 2001 0020 0555 6677 88⟧ | Hamburg |
| 10024 | ⟦N|Jonas Friedrichsen⟧ | 18.01.1995 | ⟦E|jonas.friedrichsen@nordlicht-logistik.de⟧ | ⟦I|iban:DE?? 2305 0101 0001 1223 34⟧ | Lübeck |
""")

R("de", "arztbrief", r"""
Universitätsklinikum Freiburg – Klinik für Innere Medizin II
Entlassbrief

Patient: ⟦N|Helmut Kärcher-Wendt⟧, geb. 21.09.1954
Hausarzt: Dr. med. ⟦N|Aylin Öztürk⟧, Praxis am Stühlinger

Sehr geehrte Frau Kollegin ⟦N|Öztürk⟧,
wir berichten über Herrn ⟦N|Kärcher-Wendt⟧, der sich vom 02.04. bis 09.04.2024 in unserer stationären Behandlung befand.
Diagnosen: Morbus Crohn mit Ileumstenose; V. a. beginnenden Morbus Parkinson (neurologisches Konsil empfohlen).
Rückfragen an die Stationsärztin Dr. ⟦N|Katharina Stoll⟧, Tel. ⟦P|0761 270-34120⟧.
""")

R("de", "versicherung-schreiben", r"""
Schadenmeldung Hausrat – Vorgang HR-2024-55812
Versicherungsnehmer: ⟦N|Dieter Baumgartner⟧, Vertrag 7711-0042-9
Schadentag: 18.05.2024, Leitungswasserschaden Küche
Gutachter: Ing. ⟦N|Miroslav Kos⟧, erreichbar unter ⟦P|+43 664 1234567⟧
Erstattung bitte auf: ⟦I|iban:AT??3200000012345678⟧ (Kontoinhaberin: ⟦N|Renate Baumgartner⟧)
""")

R("de", "serverlog", r"""
Warum bekommen wir so viele 403 vom WAF? Auszug:

2024-06-11 10:02:14 WAF BLOCK rule=942100 (SQLi) src=⟦IP|45.88.97.12⟧ uri=/shop/suche?q=%27+OR+1%3D1-- ua="sqlmap/1.8"
2024-06-11 10:02:15 WAF BLOCK rule=942100 (SQLi) src=⟦IP|45.88.97.12⟧ uri=/shop/suche?q=%27%29+UNION+SELECT
2024-06-11 10:03:40 WAF ALLOW src=⟦IP|84.160.33.201⟧ uri=/shop/warenkorb user=⟦E|m.feldmann@posteo.de⟧
2024-06-11 10:03:41 WAF BLOCK rule=920350 (Host header is numeric) src=⟦IP|2003:e4:3f12:a900:9d1:44ff:fe21:7b0c⟧ uri=/
""")

R("de", "env-datei", r"""
# .env (Produktion) – bitte nicht einchecken!!
APP_NAME=Vereinsportal
APP_KEY=⟦K|$app_key⟧
DB_CONNECTION=mysql
DB_HOST=⟦IP|10.1.2.30⟧
DB_USERNAME=vereinsportal
DB_PASSWORD=⟦K|Fruehling2024!Lager⟧
MAIL_USERNAME=⟦E|noreply@tsv-eichenau.de⟧
MAIL_PASSWORD=⟦K|Tsv#Mail-1887⟧
PAYPAL_CLIENT_SECRET=⟦K|$hex40a⟧
""")

R("de", "ticket-kreditkarte", r"""
Ticket #DE-20931 · Kategorie: Zahlung · Kanal: E-Mail
Von: ⟦N|Ömer Kılıç⟧ <⟦E|oemer.kilic@gmx.net⟧>

Guten Tag,
meine Bestellung 30041177 wurde storniert, aber die Belastung auf meiner Mastercard ⟦C|luhn:5105-7792-6638-240?⟧ ist immer noch da (89,95 €). Bitte um Erstattung. Sie erreichen mich unter ⟦P|0157 8812 4401⟧.
Viele Grüße
⟦N|Ömer Kılıç⟧

Interne Notiz (⟦N|Svenja⟧): Kartennummer bitte aus dem Ticket löschen (PCI)!
""")

R("de", "teams-chatverlauf", r"""
[08:31] ⟦N|Florian Wagner⟧: Moin, hat jemand das Passwort für den Jenkins-Admin? ⟦N|Petra⟧ ist im Urlaub
[08:33] ⟦N|Nils Hansen⟧: admin / ⟦K|J3nk1ns!Kiel2024⟧ – aber bitte danach ändern
[08:34] ⟦N|Florian Wagner⟧: danke! läuft der noch auf ⟦IP|192.168.10.44⟧?
[08:35] ⟦N|Nils Hansen⟧: ne, neue Kiste ist ⟦IP|192.168.10.47⟧, alte ist abgeschaltet
[08:41] ⟦N|florian wagner⟧: hat geklappt 👍
""")

R("de", "sql-update", r"""
Ist diese Korrektur so okay oder brauche ich eine Transaktion?

UPDATE mitglieder
   SET email = '⟦E|k.zimmermann@mailbox.org⟧',
       telefon = '⟦P|+49 221 9875 4410⟧',
       iban = '⟦I|iban:DE??370501981929807319⟧'
 WHERE mitglied_nr = 4471 AND nachname = '⟦N|Zimmermann⟧';
""")

R("de", "spring-application-yml", r"""
spring:
  datasource:
    url: jdbc:postgresql://⟦IP|10.20.30.40⟧:5432/lager
    username: lager_app
    password: ⟦K|L@gerVerw2024#Ost⟧
  mail:
    host: smtp.ionos.de
    username: ⟦E|versand@fahrradwerk-leipzig.de⟧
    password: ⟦K|Vers4nd!Fahrrad⟧
management:
  endpoints.web.exposure.include: health,info
""")

R("de", "recruiting-notiz", r"""
Kandidatin: ⟦N|Lena Marie Vogelsang⟧
Position: Werkstudentin Data Analytics (Ref. 2024-DA-17)
Kontakt: ⟦E|lena.vogelsang@uni-muenster.de⟧ · ⟦P|0171 5566 772⟧
Eindruck aus dem Gespräch mit Herrn Dr. ⟦N|Bauer⟧ und Frau ⟦N|Amini⟧: sehr gute SQL-Kenntnisse, Python solide. Verfügbar ab 01.10.
Nächster Schritt: Case Study, Einladung durch ⟦N|Parisa Amini⟧.
""")

R("de", "mietkaution", r"""
Hallo Frau ⟦N|Lehmann⟧,

anbei wie besprochen die Daten für die Rückzahlung der Mietkaution (Wohnung Goethestraße 14, 2. OG links):
Kontoinhaber: ⟦N|Maximilian Lehmann⟧
IBAN: ⟦I|iban:DE?? 1203 0000 1020 3040 50⟧
Betrag: 2.400,00 € zzgl. Zinsen

Bei Fragen erreichen Sie mich unter ⟦P|+49 341 22 19 87⟧.
Freundliche Grüße
⟦N|Maximilian Lehmann⟧
""")

R("de", "stoerungsbericht", r"""
Störungsbericht INC-2024-0412 – Ausfall Kundenportal (52 min)
Verantwortlich: ⟦N|Sebastian Kühn⟧ (Bereitschaft), Eskalation an Dr. ⟦N|Ingrid Falkenberg⟧
Ursache: abgelaufenes TLS-Zertifikat auf dem Loadbalancer ⟦IP|172.20.0.10⟧; der Healthcheck von ⟦IP|172.20.0.11⟧ lief weiter grün.
Erkenntnis: Zertifikats-Monitoring fehlte. Zusätzlich lag im Runbook noch das alte API-Token ⟦K|$gl3⟧ im Klartext – wurde widerrufen.
""")

R("de", "shell-sitzung", r"""
Warum klappt der Login nicht?

admin@nas:~$ mysql -h ⟦IP|192.168.178.20⟧ -u backup --password='⟦K|Bkp#Nas2023!⟧' -e "SHOW DATABASES;"
ERROR 1045 (28000): Access denied for user 'backup'@'⟦IP|192.168.178.31⟧' (using password: YES)
admin@nas:~$ ping -c1 ⟦IP|192.168.178.20⟧
64 bytes from ⟦IP|192.168.178.20⟧: icmp_seq=1 ttl=64 time=0.412 ms
""")

R("de", "kuendigung-hr", r"""
Personalakte – Vertraulich

Kündigungsbestätigung
Mitarbeiter: ⟦N|Wojciech Kamiński⟧, Personalnummer 20877
Austrittsdatum: 30.09.2024
Resturlaub: 8 Tage, Auszahlung mit der Septemberabrechnung auf das hinterlegte Konto ⟦I|iban:PL??114020040000370278432119⟧
Zeugnis bitte an die private Adresse senden; Rückfragen an ⟦N|Birgit Hahn⟧ (Personalabteilung), ⟦E|b.hahn@kranbau-sachsen.de⟧.
""")

R("de", "lieferantenstamm-xml", r"""
<Lieferanten>
  <Lieferant nr="L-2207">
    <Firma>Bergkristall Uhren AG</Firma>
    <Ansprechpartner>⟦N|Reto Zürcher⟧</Ansprechpartner>
    <Telefon>⟦P|+41 44 634 11 22⟧</Telefon>
    <Email>⟦E|reto.zuercher@bergkristall-uhren.ch⟧</Email>
    <IBAN>⟦I|iban:CH??09000000152034567⟧</IBAN>
  </Lieferant>
  <Lieferant nr="L-2208">
    <Firma>Holzmanufaktur Vorarlberg</Firma>
    <Ansprechpartner>⟦N|Magdalena Fink⟧</Ansprechpartner>
    <Telefon>⟦P|+43 5574 42 817⟧</Telefon>
    <Email>⟦E|m.fink@holzmanufaktur-vbg.at⟧</Email>
    <IBAN>⟦I|iban:AT??5700000012345678⟧</IBAN>
  </Lieferant>
</Lieferanten>
""")

R("de", "reisekosten-mastercard", r"""
Reisekostenabrechnung – Messe "embedded world" Nürnberg
Reisender: ⟦N|Stefanie Roth⟧, Kostenstelle 6120
Firmenkreditkarte: ⟦C|luhn:2223 0031 2200 367?⟧
- Hotel Victoria Nürnberg, 3 Nächte: 486,00 €
- Bahn, Flexpreis 1. Klasse: 212,40 €
- Bewirtung Kunde (Fa. Siemens Healthineers, 4 Personen): 187,50 €
Genehmigt: ⟦N|K. Albrecht⟧
""")

R("de", "protokoll-kleinschreibung", r"""
protokoll jour fixe 06.06.
anwesend: ⟦N|anke⟧, ⟦N|jannik⟧, ⟦N|mustafa özdemir⟧, ⟦N|h. de boer⟧
- ⟦N|anke⟧ klärt mit steuerbüro den termin für die umsatzsteuer-voranmeldung
- ⟦N|mustafa⟧: neue drucker im 3. og, ip ⟦IP|10.0.5.88⟧ und ⟦IP|10.0.5.89⟧
- ⟦N|jannik⟧ ist ab 17.06. in elternzeit, vertretung ⟦N|de boer⟧
""")

R("de", "python-snippet-de", r"""
# Exportskript für die Buchhaltung – läuft jede Nacht um 02:00
import requests

LEXWARE_TOKEN = "⟦K|$lexoffice⟧"   # TODO: in Vault verschieben
BASE = "https://api.lexoffice.io/v1"

def belege_holen(seit: str):
    r = requests.get(f"{BASE}/voucherlist?voucherDateFrom={seit}",
                     headers={"Authorization": f"Bearer {LEXWARE_TOKEN}"})
    r.raise_for_status()
    return r.json()
""")

R("de", "vereinsmitglieder-json", r"""
[
  {"mitglied": "⟦N|Hannelore Stadler⟧", "abteilung": "Tennis", "email": "⟦E|h.stadler@freenet.de⟧", "tel": "⟦P|089 7001 4420⟧", "beitrag": 180.0},
  {"mitglied": "⟦N|Kristóf Varga⟧", "abteilung": "Schach", "email": "⟦E|kristof.varga@gmail.com⟧", "tel": "⟦P|+36 20 334 9812⟧", "beitrag": 60.0},
  {"mitglied": "⟦N|Ole Jakobsen⟧", "abteilung": "Rudern", "email": null, "tel": "⟦P|0170 9988776⟧", "beitrag": 240.0}
]
""")

R("de", "fail2ban-log", r"""
2024-06-13 02:14:07,118 fail2ban.actions [812]: NOTICE [sshd] Ban ⟦IP|141.98.11.92⟧
2024-06-13 02:16:55,902 fail2ban.actions [812]: NOTICE [postfix-sasl] Ban ⟦IP|80.94.95.115⟧
2024-06-13 02:44:07,120 fail2ban.actions [812]: NOTICE [sshd] Unban ⟦IP|141.98.11.92⟧
2024-06-13 03:01:31,004 fail2ban.filter  [812]: INFO    [dovecot] Found ⟦IP|2a01:598:b1a2:3c4d::1f⟧ - 2024-06-13 03:01:30 (user ⟦E|buchhaltung@kanzlei-roemer.de⟧)
""")

R("de", "zahlungserinnerung", r"""
Zahlungserinnerung zu Rechnung RE-88214 vom 02.04.2024

Sehr geehrte Damen und Herren,
leider konnten wir bis heute keinen Zahlungseingang über 1.189,00 € feststellen. Bitte überweisen Sie den Betrag bis 20.06.2024 auf ⟦I|iban:DE??600501010002225560⟧ (BW-Bank).
Ihre Ansprechpartnerin: ⟦N|Tanja Eberle⟧, Debitorenbuchhaltung, ⟦P|0711 127-44 310⟧
""")

R("de", "kontakte-tsv-dach", r"""
Name	Firma	Telefon	Land
⟦N|Andreas Hofer⟧	Tiroler Seilbahnbau	⟦P|+43 512 58 44 90⟧	AT
⟦N|Corinne Müller-Sutter⟧	Helvetic Dental AG	⟦P|079 345 67 89⟧	CH
⟦N|Timo Schulze⟧	Ostsee Yachtservice	⟦P|(0381) 4 90 22 11⟧	DE
⟦N|Ewa Kowalczyk⟧	Lubuskie Transport	⟦P|+48 68 451 22 30⟧	PL
""")

R("de", "dsgvo-auskunft", r"""
Betreff: Auskunftsersuchen nach Art. 15 DSGVO

Sehr geehrte Damen und Herren,
hiermit beantrage ich Auskunft über alle zu meiner Person gespeicherten Daten. Zur Identifikation:
Name: ⟦N|Gülşen Aydın⟧
E-Mail (Kundenkonto): ⟦E|guelsen.aydin@outlook.de⟧
Telefon: ⟦P|+49 176 3322 9087⟧
Meine letzte Anmeldung erfolgte vermutlich von der IP ⟦IP|91.64.183.7⟧.
Mit freundlichen Grüßen
⟦N|Gülşen Aydın⟧
""")

R("de", "k8s-secret-de", r"""
# Secret für die Lagerverwaltung – warum startet der Pod nicht?
apiVersion: v1
kind: Secret
metadata:
  name: lager-db
type: Opaque
data:
  DB_PASSWORD: ⟦K|$k8s_b64_de⟧
stringData:
  SMTP_PASSWORD: ⟦K|Smtp!Lager#2024⟧
  API_TOKEN: ⟦K|$brevo⟧
""")

R("de", "handwerker-angebot", r"""
Angebot Badsanierung – Objekt Familie ⟦N|Dimitriou⟧, Kastanienallee 9, Potsdam
Sehr geehrter Herr ⟦N|Dimitriou⟧,
gerne bieten wir Ihnen die Sanierung zum Festpreis von 18.900 € brutto an. Unser Bauleiter ⟦N|Piotr Wiśniewski⟧ ist unter ⟦P|0162 777 41 09⟧ erreichbar; das Büro unter ⟦P|0331 27 99 48-0⟧.
Mit besten Grüßen
⟦N|Ralf Teichmann⟧, Teichmann Haustechnik GmbH
""")

R("de", "ini-konfig-de", r"""
[Datenbank]
Server=sqlsrv01.intern.brauerei-haller.de
Benutzer=wawi
Kennwort=⟦K|Hopfen&Malz#77⟧

[FTP-Export]
Host=⟦IP|213.187.90.14⟧
Benutzer=edi_haller
Passwort=⟦K|Edi-Upl0ad!Haller⟧

[Kontakt]
Admin=⟦N|Bernd Haller⟧
Notfall=⟦P|+49 9561 8877-0⟧
""")

R("de", "telefonnotiz", r"""
Telefonnotiz 12.06., 14:20 – Anruf von Frau ⟦N|Nakamura-Bergmann⟧
Rückruf erbeten unter ⟦P|040 41 91 33 07⟧ (vormittags) oder ⟦P|0160 9123 4455⟧.
Sie fragt nach dem Stand der Reklamation R-4471 (Kühlschrank, Modell Liebherr CNsfd 5723). Hat die Rechnung per Mail an ⟦E|yuki.nb@posteo.de⟧ geschickt.
""")

R("de", "steuerberater-lu", r"""
Hallo ⟦N|Claudia⟧,

für die Erstattung aus der Quellensteuer benötigt das Finanzamt noch die Luxemburger Kontoverbindung der Holding:
⟦I|iban:LU??0019405588123000⟧, BGLLLULL, Kontoinhaber: Mosel Invest S.à r.l.
Ansprechpartner dort ist ⟦N|Jean-Luc Wagner⟧ (⟦P|+352 26 48 19 20⟧).

Beste Grüße
⟦N|Markus⟧
""")

R("de", "git-log-de", r"""
commit 91ab3c5d7e9f1a2b3c4d5e6f7a8b9c0d1e2f3a4b
Author: ⟦N|Björn Sørensen⟧ <⟦E|bjoern.soerensen@werft42.de⟧>
Date:   Thu May 16 09:41:02 2024 +0200

    Fix: Umlaute im CSV-Export (Straße, Größe) korrekt kodieren

    Reviewed-by: ⟦N|Fatma Şahin⟧ <⟦E|fatma.sahin@werft42.de⟧>
    Refs: WERFT-1182
""")

R("de", "anwaltsschreiben-nachname-vorname", r"""
In der Sache ⟦N|Hüttenrauch, Gerlinde⟧ ./. ⟦N|Petrović, Marko⟧ (Az. 12 C 441/23, AG Dresden)
zeigen wir an, dass wir Herrn ⟦N|Petrović⟧ anwaltlich vertreten. Bitte richten Sie Korrespondenz künftig ausschließlich an unsere Kanzlei, Ansprechpartnerin RAin ⟦N|Johanna von Bülow⟧, Tel. ⟦P|0351 48 27 31 00⟧, ⟦E|j.vonbuelow@kanzlei-elbufer.de⟧.
""")

R("de", "gehaltsdaten-us-mitarbeiter", r"""
Kannst du für die US-Payroll diese Angaben in das ADP-Format bringen?

Mitarbeiter: ⟦N|Carlos Mendoza⟧ (Entsendung nach Charlotte, NC)
Social Security Number: ⟦S|254-83-1196⟧
Bankverbindung Deutschland: ⟦I|iban:DE?? 7002 0270 0015 2233 44⟧
Ehefrau: ⟦N|Andrea Mendoza⟧, SSN ⟦S|254 83 2207⟧
""")

R("de", "amex-reklamation", r"""
Sehr geehrte Damen und Herren,
auf meiner American-Express-Abrechnung (Karte ⟦C|luhn:3791 204857 3318?⟧) erscheint eine Buchung "LUFTHANSA 220-2418867" über 1.412,30 €, die ich storniert hatte. Bitte prüfen Sie dies.
Mit freundlichen Grüßen
⟦N|Konstantin Reiß⟧, ⟦P|+49 69 2731 5540⟧
""")

R("de", "visa-debit-chat", r"""
Kunde: hallo, meine karte geht nicht im ausland
Bot: Welche Karte betrifft es?
Kunde: visa debit ⟦C|luhn:400018274366019?⟧ hm stimmt das? ich bin ⟦N|leonie hartmann⟧
Bot: Bitte teilen Sie keine vollständigen Kartennummern im Chat. Ein Mitarbeiter meldet sich.
""")

R("de", "ssh-config-key", r"""
Hi ⟦N|Moritz⟧, hier der Schlüssel für den Staging-Server (⟦IP|159.69.204.18⟧), bitte in ~/.ssh/staging ablegen:

⟦K|$pem_ec⟧

Passphrase brauchst du keine. Gruß ⟦N|Jana⟧
""")

# --------------------------- German negatives -------------------------------
R("de", "neg-bestellbestaetigung", r"""
Vielen Dank für Ihre Bestellung bei Kaffeerösterei Elbhang!
Bestellnummer: 2024-118-00472 · Bestelldatum: 08.06.2024
1 × Espresso "Dresdner Mischung", 1 kg ........ 24,90 €
2 × Filterkaffee Äthiopien Yirgacheffe, 500 g .. 27,80 €
Versand (DHL GoGreen) ............................ 0,00 €
Gesamtbetrag inkl. 7 % MwSt. ..................... 52,70 €
Sendungsnummer: 00340434161094042557 · voraussichtliche Zustellung: 11.06.2024
Zahlungsart: PayPal
""")

R("de", "neg-release-notes", r"""
Versionshinweise Kassensystem 5.8.0 (Build 5.8.0.2291, 21.05.2024)
- TSE-Firmware 1.0.7 wird unterstützt
- Fehler beim Z-Bon mit mehr als 999 Positionen behoben (Ticket KS-3381)
- Neue Schnittstelle DSFinV-K 2.3
Prüfsumme Installer (SHA-1): 2fd4e1c67a2d28fced849ee1bb76e7391b93eb12
Upgrade von 5.6.x erforderlich; Downgrade auf 5.7.4 nicht möglich.
""")

R("de", "neg-env-vorlage", r"""
# .env.example – Werte bitte aus dem Passwort-Safe eintragen
DB_HOST=db
DB_USER=wawi
DB_PASSWORD=${DB_PASSWORD}
SMTP_PASSWORD=********
API_TOKEN=<hier-token-eintragen>
ADMIN_INITIAL_PASSWORD=changeme
ENCRYPTION_KEY=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx
""")

R("de", "neg-fachartikel", r"""
Bitte fasse den Absatz in einfacher Sprache zusammen:
"Die Alzheimer-Krankheit und der Morbus Parkinson gehören zu den häufigsten neurodegenerativen Erkrankungen. Beim Morbus Bechterew handelt es sich dagegen um eine entzündlich-rheumatische Erkrankung. Das Tourette-Syndrom und die Huntington-Krankheit werden in Kapitel 7 behandelt; zur Diagnostik dienen u. a. der Schellong-Test und das Babinski-Zeichen."
""")

R("de", "neg-rechnung-luhn-invalid", r"""
Rechnung Nr. 4711-2024-0815
Kundennummer: 100-448-77 · Vertragskonto: 5012 8834 1109 2274
Abrechnungszeitraum 01.01.–31.12.2023, Zählernummer 1ESY1160677825
Stromverbrauch 3.412 kWh à 0,3189 € = 1.088,09 €
Grundpreis 12 × 11,90 € = 142,80 €
Abschlag neu ab 01.03.2024: 104,00 €/Monat
""")

R("de", "neg-strassennamen", r"""
Liefergebiete Tour 3 (Mo/Do):
Goethestraße, Schillerplatz, Karl-Marx-Allee, Konrad-Adenauer-Ufer, Willy-Brandt-Straße 1–40, Bismarckstraße, Kaiser-Wilhelm-Ring, Sophie-Scholl-Platz.
Achtung: Friedrich-Ebert-Anlage ist bis 30.09. wegen Baustelle gesperrt, Umleitung über die Mainzer Landstraße.
""")

R("de", "neg-marken", r"""
Schreib mir einen kurzen Produkttext: Unsere Werkstatt repariert Fahrzeuge von Porsche, Opel und Mercedes-Benz, verbaut Bremsen von Bosch und ATE, Reifen von Michelin und Continental. Diagnosegeräte von Siemens und Hella, Druckluft von Kaeser, Reinigung mit Kärcher. Termine online oder in der Filiale Ludwigshafen.
""")

R("de", "neg-log-uuids", r"""
2024-06-12T09:14:22+02:00 INFO  Auftrag 3f2b9c1e-8d4a-4c6b-9e0f-7a1b2c3d4e5f angelegt (Mandant 17, Lager LEJ-02)
2024-06-12T09:14:23+02:00 INFO  Kommissionierung gestartet, Welle W-2024-06-12-004, 14 Positionen
2024-06-12T09:15:01+02:00 WARN  Artikel 4006381333931 Bestand unter Mindestmenge (3 < 10)
2024-06-12T09:15:44+02:00 INFO  Versandetikett erzeugt, Paket 00340434161094042557, Gewicht 4,2 kg
""")

R("de", "neg-versionen-hashes", r"""
Nach dem Update auf Nextcloud 28.0.6 (vorher 27.1.9) meldet occ: "Integrity check failed" für apps/files_pdfviewer, erwarteter Hash a3f5c1e0b9d8274f6e5d4c3b2a1908f7e6d5c4b3, gefunden 7e6d5c4b3a2f1e0d9c8b7a6f5e4d3c2b1a0f9e8d. PHP 8.2.20, MariaDB 10.11.8, Redis 7.2.5. Was tun?
""")

R("de", "neg-termine-fahrplan", r"""
Fahrplanänderung ab 15.06.2024: RE 4417 Hamburg-Altona ab 07:12, Lüneburg an 07:51, Gleis 5. Ersatzverkehr zwischen Uelzen und Celle am 22./23.06. (Bus SEV-88). Rückfahrt RB 31 ab 17:04. Ticketpreis 24,60 € (Deutschlandticket gültig). Reservierungsnummer 4712 0815 9931.
""")
# ================================ FRENCH ====================================
R("fr", "fil-email-signature", r"""
Objet : RE: Relance facture FA-2024-0392

Bonjour ⟦N|Céline⟧,

Je vous confirme que le virement a été émis ce matin. Mon collègue ⟦N|Benoît Lefèvre⟧ vous transmettra l'avis d'opéré.

Bien cordialement,
⟦N|Anne-Sophie Le Goff⟧
Responsable comptabilité fournisseurs
Groupe Armor Emballages – 12 rue de Siam, 29200 Brest
Tél. : ⟦P|02 98 44 71 20⟧ | Port. : ⟦P|06 71 22 90 14⟧
⟦E|as.legoff@armor-emballages.fr⟧

De : ⟦N|Céline Marchand⟧ <⟦E|celine.marchand@imprimerie-loire.fr⟧>
Envoyé : lundi 10 juin 2024 09:15
À : ⟦N|Le Goff, Anne-Sophie⟧
Objet : Relance facture FA-2024-0392

Madame ⟦N|Le Goff⟧, sauf erreur de notre part la facture FA-2024-0392 (4 812,00 € TTC) reste impayée. Vous pouvez me joindre au ⟦P|+33 2 40 35 18 62⟧.
""")

R("fr", "export-crm-csv", r"""
Peux-tu normaliser les numéros de téléphone au format E.164 ?

id,prenom,nom,email,telephone,ville
311,⟦N|Mamadou⟧,⟦N|Traoré⟧,⟦E|mamadou.traore@orange.fr⟧,⟦P|06 12 34 56 78⟧,Lyon
312,⟦N|Hélène⟧,⟦N|Dubois-Arnaud⟧,⟦E|helene.dubois-arnaud@free.fr⟧,⟦P|01.45.67.89.10⟧,Paris
313,⟦N|Yasmine⟧,⟦N|Benali⟧,⟦E|yasmine.benali@laposte.net⟧,⟦P|+33 (0)6 98 76 54 32⟧,Marseille
314,⟦N|Thibault⟧,⟦N|de Kerguelen⟧,⟦E|t.dekerguelen@sfr.fr⟧,⟦P|02 97 63 11 08⟧,Vannes
315,⟦N|Ngoc Anh⟧,⟦N|Pham⟧,⟦E|ngocanh.pham@gmail.com⟧,⟦P|+32 2 512 34 56⟧,Bruxelles
""")

R("fr", "virement-rib", r"""
Bonjour,

Suite à notre échange téléphonique, voici mes coordonnées bancaires pour le remboursement du dépôt de garantie :
Titulaire : Mme ⟦N|Élodie Fournier⟧
IBAN : ⟦I|iban:FR?? 3000 3035 4000 0503 7214 588⟧
BIC : SOGEFRPP
Merci de préciser la référence LOC-2023-118 dans le libellé.

⟦N|Élodie Fournier⟧
⟦P|07 81 45 22 39⟧
""")

R("fr", "facture-be", r"""
FACTURE N° 2024/0211 – Date : 03/05/2024
Émetteur : Atelier Verhaegen SPRL, Chaussée de Waterloo 880, 1180 Uccle
Client : M. ⟦N|Laurent Dupuis⟧

Désignation                          Qté   PU HT     Total HT
Restauration fauteuil Louis XV         1   640,00    640,00
Tissu (3 m)                            3    58,00    174,00
                                          Total HT   814,00
                                          TVA 21 %   170,94
                                          Total TTC  984,94
Paiement : ⟦I|iban:BE?? 0689 3412 7719⟧ – BIC GKCCBEBB
Contact : ⟦N|Marieke Verhaegen⟧ – ⟦P|+32 475 88 12 03⟧ – ⟦E|atelier@verhaegen.be⟧
""")

R("fr", "fiche-rh-tableau", r"""
| Matricule | Nom | Poste | Téléphone | Courriel |
|---|---|---|---|---|
| RH-0412 | ⟦N|Nadia Ouazzani⟧ | Chargée de recrutement | ⟦P|06 44 18 92 71⟧ | ⟦E|n.ouazzani@groupe-rhone.fr⟧ |
| RH-0413 | ⟦N|Jean-Baptiste Lacroix⟧ | Contrôleur de gestion | ⟦P|06 20 33 71 58⟧ | ⟦E|jb.lacroix@groupe-rhone.fr⟧ |
| RH-0414 | ⟦N|Oksana Melnyk⟧ | Assistante paie | ⟦P|07 55 91 02 46⟧ | ⟦E|o.melnyk@groupe-rhone.fr⟧ |
| RH-0415 | ⟦N|Kouadio Yao⟧ | Technicien maintenance | ⟦P|+225 07 07 45 32 18⟧ | ⟦E|k.yao@groupe-rhone.fr⟧ |
""")

R("fr", "compte-rendu-medical", r"""
Compte rendu de consultation – Service de rhumatologie, CHU de Bordeaux
Patiente : Mme ⟦N|Sandrine Moreau⟧, née le 14/02/1969
Médecin traitant : Dr ⟦N|Farid Haddadi⟧

Chère consœur, cher confrère,
J'ai revu ce jour Mme ⟦N|Moreau⟧ pour le suivi de sa spondylarthrite. Pas d'argument pour une maladie de Paget ni pour un syndrome de Gougerot-Sjögren. Poursuite du traitement. Prochain rendez-vous dans 6 mois.
Secrétariat : ⟦P|05 56 79 56 79⟧
Dr ⟦N|Claire Bonnefoy⟧
""")

R("fr", "logs-serveur", r"""
Pourquoi ces connexions sont refusées ?

juin 11 22:41:07 vps-ovh-01 sshd[20117]: Invalid user oracle from ⟦IP|92.118.39.61⟧ port 44012
juin 11 22:41:09 vps-ovh-01 sshd[20117]: Connection closed by invalid user oracle ⟦IP|92.118.39.61⟧ port 44012 [preauth]
juin 11 22:43:55 vps-ovh-01 sshd[20131]: Accepted password for webadmin from ⟦IP|90.12.187.44⟧ port 51290 ssh2
juin 11 22:44:10 vps-ovh-01 postfix/smtpd[20140]: NOQUEUE: reject: RCPT from unknown[⟦IP|2001:41d0:304:200::9b3⟧]: 554 5.7.1 <⟦E|facturation@cabinet-girard.fr⟧>: Relay access denied
""")

R("fr", "fichier-env", r"""
# .env – serveur de prod (ne pas committer !)
APP_ENV=prod
APP_SECRET=⟦K|$hex32a⟧
DATABASE_URL="postgresql://billetterie:⟦K|Chat!Noir-75011⟧@⟦IP|10.0.8.12⟧:5432/billetterie?serverVersion=15"
MAILER_DSN=smtp://⟦E|contact@theatre-lumiere.fr⟧:⟦K|Rideau#Rouge2024⟧@ssl0.ovh.net:465
STRIPE_SECRET_KEY=⟦K|$stripe_rk⟧
""")

R("fr", "ticket-support-cb", r"""
Ticket n° 55102 – Remboursement
De : ⟦N|Guillaume Perrin⟧ <⟦E|guillaume.perrin@wanadoo.fr⟧>

Bonjour, j'ai été débité deux fois pour la commande CMD-88412. Ma carte bancaire : ⟦C|luhn:4973 0190 4411 528?⟧ (Visa, exp. 03/26). Merci de rembourser le doublon. Tél : ⟦P|06 58 22 14 90⟧.

Réponse de ⟦N|Manon⟧ (service client) : Bonjour M. ⟦N|Perrin⟧, nous avons bien identifié le doublon de 64,90 €. Par sécurité, ne communiquez jamais votre numéro de carte complet par e-mail.
""")

R("fr", "discussion-slack", r"""
[10:12] ⟦N|Julien Roux⟧ : qqn a les identifiants du back-office Magento ? ⟦N|Karim⟧ est en congé
[10:13] ⟦N|Inès Haddad⟧ : admin / ⟦K|Mag3nt0!Bordeaux⟧ mais pense à le changer
[10:13] ⟦N|Julien Roux⟧ : merci ! et l'IP du serveur de préprod c'est toujours ⟦IP|51.210.44.17⟧ ?
[10:15] ⟦N|Inès Haddad⟧ : non, ⟦IP|51.210.44.19⟧ depuis la migration. appelle ⟦N|Karim⟧ au ⟦P|06 03 44 81 27⟧ si vraiment urgent
""")

R("fr", "requete-sql", r"""
Pourquoi cette requête ne renvoie rien ?

SELECT c.id, c.nom, c.email
FROM clients c
WHERE c.email = '⟦E|francois.devaux@club-internet.fr⟧'
   OR c.telephone = '⟦P|+33 4 78 62 19 05⟧'
   OR c.nom = '⟦N|Devaux⟧';
""")

R("fr", "docker-compose-fr", r"""
# docker-compose.yml du projet "cantine-scolaire"
services:
  mariadb:
    image: mariadb:11.3
    environment:
      MARIADB_ROOT_PASSWORD: ⟦K|R4cl3tte&Fondue!⟧
      MARIADB_PASSWORD: ⟦K|Cantine2024#Lyon⟧
  app:
    image: registry.gitlab.com/mairie-villeurbanne/cantine:1.9.2
    environment:
      GITLAB_TOKEN: ⟦K|$gl2⟧
      CONTACT_DPO: ⟦E|dpo@mairie-villeurbanne.fr⟧
""")

R("fr", "lettre-rh", r"""
Objet : Confirmation de votre période d'essai

Madame ⟦N|Wójcik⟧,

Nous avons le plaisir de vous confirmer que votre période d'essai au poste de Responsable logistique est validée à compter du 1er juillet 2024.
Votre salaire sera désormais versé sur le compte ⟦I|iban:FR??10278078790002061271048⟧ comme indiqué dans votre formulaire du 12 juin.

Pour toute question, contactez ⟦N|Sylvie Garnier⟧ au ⟦P|03 88 14 27 60⟧.
""")

R("fr", "mutuelle-remboursement", r"""
Demande de remboursement – Mutuelle Horizon Santé
Adhérent : ⟦N|Mathieu Lemaire⟧, n° adhérent 0074412589
Bénéficiaire : ⟦N|Louise Lemaire⟧ (fille)
Soins : orthodontie, Dr ⟦N|Aurélie Chevalier⟧, 450,00 €
Numéro de sécurité sociale : 1 84 07 75 112 048 58
Coordonnées bancaires pour le remboursement : ⟦I|iban:FR?? 2004 1010 1505 0001 3M02 606⟧
Téléphone : ⟦P|06 33 81 20 57⟧
""")

R("fr", "postmortem-fr", r"""
## Post-mortem : fuite d'un jeton GitHub (13/05/2024)
Rédigé par : ⟦N|Quentin Fabre⟧ – Relu par : ⟦N|Aïcha Diop⟧

**Résumé** : un jeton personnel (⟦K|$ghpat⟧) a été poussé dans le dépôt public `outils-internes` par erreur.
**Détection** : alerte GitHub Secret Scanning à 14h02.
**Impact** : clonage des dépôts privés depuis ⟦IP|185.156.73.54⟧ entre 14h05 et 14h19.
**Actions** : révocation du jeton (⟦N|Aïcha⟧), audit des accès (⟦N|Quentin⟧), formation obligatoire.
""")

R("fr", "fichier-ini-fr", r"""
[base]
serveur=bdd-compta.local
utilisateur=compta
motdepasse=⟦K|Cr0issant!Beurre⟧

[sftp_banque]
hote=⟦IP|194.2.171.33⟧
identifiant=EBICS_TRX_018
cle=⟦K|$b64k2⟧

[alerte]
destinataire=⟦E|tresorerie@maison-duval.fr⟧
""")

R("fr", "xml-clients", r"""
<clients>
  <client id="C-77">
    <nom>⟦N|Ahmed Ben Youssef⟧</nom>
    <courriel>⟦E|ahmed.benyoussef@topnet.tn⟧</courriel>
    <tel>⟦P|+216 98 765 432⟧</tel>
  </client>
  <client id="C-78">
    <nom>⟦N|Geneviève Tremblay⟧</nom>
    <courriel>⟦E|gen.tremblay@videotron.ca⟧</courriel>
    <tel>⟦P|+1 514 555 0172⟧</tel>
  </client>
  <client id="C-79">
    <nom>⟦N|Rachid Ouazzani⟧</nom>
    <courriel>⟦E|r.ouazzani@menara.ma⟧</courriel>
    <tel>⟦P|+212 6 61 23 45 67⟧</tel>
  </client>
</clients>
""")

R("fr", "note-frais-amex", r"""
Note de frais – Salon VivaTech
Collaborateur : ⟦N|Arnaud Delacroix⟧
- Hôtel Pullman Montparnasse, 2 nuits : 612,00 € – carte Amex ⟦C|luhn:3782 531094 2261?⟧
- Taxi G7 : 48,30 € – carte Amex ⟦C|luhn:3782 531094 2261?⟧
- Déjeuner client (Michelin, Decathlon) : 134,00 € – espèces
Validation : ⟦N|D. Vasseur⟧
""")

R("fr", "compte-rendu-minuscules", r"""
cr réunion projet crm – 05/06
présents : ⟦N|lucie⟧, ⟦N|maxime⟧, ⟦N|zoé fontaine⟧, ⟦N|ibrahima ndiaye⟧
- ⟦N|lucie⟧ : import des contacts terminé (14 212 lignes)
- ⟦N|ibrahima⟧ : soucis de doublons sur les sociétés, à traiter avec ⟦N|zoé⟧
- ⟦N|maxime⟧ absent semaine 24, joignable au ⟦P|06 11 42 87 30⟧
""")

R("fr", "code-js-fr", r"""
// envoi SMS de confirmation – pourquoi l'API répond 401 ?
const client = require('twilio')('AC5e1f2a3b4c5d6e7f8a9b0c1d2e3f4a5b', '⟦K|$hex32b⟧');

client.messages.create({
  body: 'Bonjour ⟦N|Amélie⟧, votre rendez-vous chez le kiné est confirmé pour jeudi 14h.',
  from: '⟦P|+33 7 57 59 12 34⟧',
  to: '⟦P|+33 6 45 78 12 90⟧'
});
""")

R("fr", "json-adherents", r"""
[
  {"nom": "⟦N|Chevalier d'Aubigné⟧", "prenom": "⟦N|Hortense⟧", "email": "⟦E|hortense.daubigne@yahoo.fr⟧", "cotisation": 45},
  {"nom": "⟦N|Nguyen⟧", "prenom": "⟦N|Thi Mai⟧", "email": "⟦E|thimai.nguyen@gmail.com⟧", "cotisation": 45},
  {"nom": "⟦N|Okonkwo⟧", "prenom": "⟦N|Emeka⟧", "email": "⟦E|emeka.okonkwo@hotmail.fr⟧", "cotisation": 25}
]
""")

R("fr", "virement-luxembourg-suisse", r"""
Bonjour ⟦N|Pascal⟧,

Peux-tu valider ces deux virements avant midi ?
1) Fiduciaire Mersch S.A. – ⟦I|iban:LU?? 2800 1944 0000 2003⟧ – 3 600,00 € – honoraires T1
2) ⟦N|Corinne Favre⟧ – ⟦I|iban:CH?? 0076 2011 6238 5311 4⟧ – 1 250,00 CHF – remboursement frais
Merci,
⟦N|Sophie⟧
""")

R("fr", "reclamation-carte-mastercard", r"""
Madame, Monsieur,
Je conteste l'opération du 28/05/2024 de 219,99 € chez "BOUTIQUE-MODE-EN-LIGNE" sur ma carte Mastercard n° ⟦C|luhn:5131 0482 7790 153?⟧. Je n'ai jamais commandé chez ce marchand.
Je reste joignable au ⟦P|+33 6 14 98 33 70⟧ ou par courriel à ⟦E|p.girardin@orange.fr⟧.
⟦N|Patrice Girardin⟧
""")

R("fr", "config-yaml-fr", r"""
# config/prod.yaml – appli de réservation
base_de_donnees:
  hote: ⟦IP|10.4.0.7⟧
  utilisateur: resa
  mot_de_passe: "⟦K|Tartiflette#2024!⟧"
paiement:
  fournisseur: payplug
  cle_secrete: "⟦K|$payplug⟧"
notifications:
  expediteur: "⟦E|ne-pas-repondre@gites-vercors.fr⟧"
""")

R("fr", "echange-whatsapp", r"""
[09/06 18:42] Maman: ⟦N|Théo⟧ tu peux me renvoyer le code wifi de la maison de Mamie ?
[09/06 18:45] ⟦N|Théo⟧: c'est ⟦K|Bretagne_2019!Quiberon⟧
[09/06 18:46] Maman: merci mon chéri. et le numéro du voisin, M. ⟦N|Le Bihan⟧ ?
[09/06 18:47] ⟦N|Théo⟧: ⟦P|02 97 30 41 18⟧
""")

R("fr", "contrat-nom-prenom", r"""
ENTRE LES SOUSSIGNÉS :
⟦N|DUPONT-MOREAU, Véronique⟧, demeurant 4 place Bellecour, 69002 Lyon, ci-après « la Bailleresse »,
ET
⟦N|KAMARA, Ousmane⟧, demeurant 17 rue Victor Hugo, 69002 Lyon, ci-après « le Preneur »,
Il a été convenu ce qui suit : le loyer mensuel de 1 150 € est payable par virement sur le compte ⟦I|iban:FR?? 1820 6004 1765 0210 8741 929⟧.
""")

R("fr", "pgp-cle-privee", r"""
Salut ⟦N|Romain⟧, voilà la clé du serveur de build (⟦IP|37.59.112.8⟧), je l'ai récupérée sur l'ancien poste de ⟦N|Valérie⟧ :

⟦K|$pem_rsa⟧

Dis-moi si ça marche.
""")

R("fr", "ovh-api-python", r"""
import ovh

client = ovh.Client(
    endpoint="ovh-eu",
    application_key="⟦K|$ovh_ak⟧",
    application_secret="⟦K|$ovh_as⟧",
    consumer_key="⟦K|$ovh_ck⟧",
)
print(client.get("/me")["email"])  # doit afficher ⟦E|admin@boulangerie-mercier.fr⟧
""")

R("fr", "journal-applicatif", r"""
2024-06-04 16:20:11,482 ERROR [paiement] Échec autorisation carte ⟦C|luhn:5481 9120 0348 771?⟧ montant=89.00 EUR client=⟦E|lea.rousseau@gmail.com⟧ ip=⟦IP|86.246.118.3⟧
2024-06-04 16:20:11,490 INFO  [paiement] Nouvelle tentative programmée (tx=7c41e2d0-5b9a-4a31-8ef2-0d6c5b4a3f21)
""")

R("fr", "demande-rgpd", r"""
Objet : Exercice du droit à l'effacement (article 17 RGPD)

Madame, Monsieur,
Je vous demande de supprimer l'ensemble de mes données personnelles : nom ⟦N|Stéphane Kowalczyk⟧, adresse électronique ⟦E|stephane.kowalczyk@neuf.fr⟧, numéro de téléphone ⟦P|+33 6 72 19 45 03⟧, ainsi que l'historique de connexion associé à l'adresse IP ⟦IP|2a01:cb19:8a2f:e500:f1c3:77b:3a0e:12d4⟧.
Cordialement,
⟦N|S. Kowalczyk⟧
""")

R("fr", "facture-espagne-portugal", r"""
Récapitulatif des paiements fournisseurs (juin) :
- Conservas del Cantábrico S.L. : ⟦I|iban:ES?? 2085 9721 6130 0041 5827⟧ – 8 420,00 €
- Cortiças do Douro Lda : ⟦I|iban:PT??003506510000638294131⟧ – 2 115,50 €
- Vini dei Colli S.p.A. : ⟦I|iban:IT?? Y030 6909 6061 0000 0140 312⟧ – 5 980,00 €
Validé par ⟦N|Hervé Lambert⟧.
""")

R("fr", "rappel-ssn-expatrie", r"""
Bonjour ⟦N|Marc-Antoine⟧,

Pour votre déclaration fiscale américaine (formulaire 1040-NR), j'ai besoin de confirmer votre numéro de sécurité sociale américain : ⟦S|078-43-2219⟧. Celui de votre épouse, ⟦N|Isabelle Girard⟧, est-il bien ⟦S|078-43-2286⟧ ?

Bien à vous,
⟦N|Nathalie Brun⟧, cabinet Brun & Associés
""")

R("fr", "cle-api-mistral", r"""
J'obtiens "Unauthorized" avec ce code, ma clé est-elle mal formatée ?

curl https://api.mistral.ai/v1/chat/completions \
  -H "Authorization: Bearer ⟦K|$mistral⟧" \
  -H "Content-Type: application/json" \
  -d '{"model": "mistral-small-latest", "messages": [{"role": "user", "content": "Bonjour"}]}'
""")

R("fr", "jwt-session", r"""
Le cookie de session reste invalide après connexion. Voici ce que je vois dans l'onglet Réseau :

Set-Cookie: session=⟦K|$jwt5⟧; Path=/; HttpOnly; Secure; SameSite=Lax
Client : ⟦IP|176.180.12.94⟧ – utilisateur ⟦E|c.aubert@agence-pixel.fr⟧
""")

R("fr", "cv-candidat", r"""
⟦N|SOPHIE-ANNE DE LA FONTAINE⟧
Ingénieure data – 8 ans d'expérience
⟦P|+33 6 87 54 21 09⟧ · ⟦E|sa.delafontaine@proton.me⟧ · Nantes
Expériences : Airbus (2019–2024), Capgemini (2016–2019)
Références : ⟦N|Olivier Marchetti⟧ (manager), Dr. ⟦N|Leïla Mansouri⟧
""")

R("fr", "nordique-fournisseurs", r"""
Merci de créer ces fournisseurs dans SAP :
- Svensk Trä AB, contact ⟦N|Åsa Bergström⟧, ⟦P|+46 8 123 456 78⟧, ⟦I|iban:SE?? 6000 0000 0004 7812 9930⟧
- Dansk Fisk ApS, contact ⟦N|Mette Kjærgaard⟧, ⟦P|+45 32 12 34 56⟧, ⟦I|iban:DK??00400440229718⟧
- Suomen Paperi Oy, contact ⟦N|Aino Mäkelä⟧, ⟦P|+358 40 123 4567⟧, ⟦I|iban:FI??52901420034717⟧
""")

R("fr", "google-maps-cle", r"""
<!-- carte des agences, la clé fonctionne en local mais pas en prod -->
<script async src="https://maps.googleapis.com/maps/api/js?key=⟦K|$google2⟧&callback=initMap"></script>
<!-- contact technique : ⟦N|Grégoire Masson⟧ ⟦E|g.masson@agences-immo-sud.fr⟧ -->
""")

R("fr", "maestro-unionpay", r"""
Analyse fraude – dossier 2024-FR-0719
Carte Maestro ⟦C|luhn:6763 9120 4518 773?⟧ utilisée 6 fois en 10 min depuis ⟦IP|5.188.62.140⟧.
Carte UnionPay ⟦C|luhn:625094600013287411?⟧ rattachée au même appareil (empreinte fp_9a1c…).
Titulaire déclaré : ⟦N|Zhang Min⟧, tél. ⟦P|+86 21 6288 3907⟧.
""")

# --------------------------- French negatives -------------------------------
R("fr", "neg-confirmation-commande", r"""
Merci pour votre commande !
Commande n° FR-2024-774120 du 07/06/2024
- Cafetière italienne 6 tasses (réf. CAF-6T-INOX) : 34,90 €
- Moulin à café manuel (réf. MOU-MAN-02) : 49,00 €
Livraison Colissimo – suivi 6A21450987311 – livraison estimée le 11/06
Total payé : 83,90 € (Carte bancaire **** 5521)
Retours gratuits sous 30 jours en point relais.
""")

R("fr", "neg-notes-version", r"""
Notes de version – Logiciel de caisse 7.2.1 (build 7.2.1.884)
- Compatibilité NF525 renouvelée (certificat n° 0045-2024)
- Correction du calcul de TVA sur les remises (ticket CAISSE-2210)
- Mise à jour de la bibliothèque OpenSSL 3.0.13
Empreinte SHA-256 : 3c9909afec25354d551dae21590bb26e38d53f2173b8d3dc3eee4c047e7ab1c1
""")

R("fr", "neg-env-exemple", r"""
# .env.dist – à copier en .env.local
DATABASE_URL="postgresql://app:!ChangeMe!@localhost:5432/app?serverVersion=16"
MAILER_DSN=null://null
APP_SECRET=
JWT_PASSPHRASE=votre_passphrase_ici
STRIPE_KEY=sk_test_xxxxxxxxxxxxxxxxxxxxxxxx
""")

R("fr", "neg-article-medical", r"""
Reformule ce paragraphe pour le grand public :
« La maladie de Parkinson et la maladie d'Alzheimer touchent plus d'un million de personnes en France. Le syndrome de Guillain-Barré, la maladie de Charcot et la maladie de Crohn sont abordés dans le chapitre suivant. Le test de Romberg et le signe de Babinski restent des outils simples de l'examen neurologique. »
""")

R("fr", "neg-facture-reference", r"""
Facture EDF n° 10099887766 du 02/05/2024
Référence client : 6 004 123 456 · Point de livraison (PDL) : 14552341098765
Montant TTC : 187,42 € – prélèvement le 15/05/2024
Référence de paiement : 4970 1234 5678 9012 (à rappeler dans toute correspondance)
""")

R("fr", "neg-noms-de-rues", r"""
Itinéraire de la course solidaire : départ place Charles-de-Gaulle, avenue Jean-Jaurès, rue Victor-Hugo, boulevard Pasteur, quai Voltaire, puis arrivée au parc Georges-Brassens. Ravitaillement au lycée Marie-Curie (km 5). Inscriptions jusqu'au 20 juin, 12 € par coureur.
""")

R("fr", "neg-marques", r"""
Écris un slogan pour notre garage : réparation de toutes marques – Peugeot, Renault, Citroën, Ferrari – pneus Michelin, huiles Total, pièces Valeo. Partenaire des concessions Louis Vuitton Malletier ? Non, plutôt Chanel et Hermès pour le parking VIP. Ouvert du lundi au samedi à Saint-Étienne.
""")

R("fr", "neg-journal-uuid", r"""
2024-06-04T10:11:12Z INFO commande=2f6e1a9c-3b8d-4e7f-a0c1-5d2e9f8a7b6c statut=PAYEE montant=129.90 devise=EUR
2024-06-04T10:11:13Z INFO expedition creee colis=8R00412345671 transporteur=Chronopost
2024-06-04T10:11:15Z WARN stock faible sku=CHAUS-RUN-42 reste=2
""")

R("fr", "neg-dates-montants", r"""
Planning des échéances 2024 : acompte de 30 % (4 500,00 €) le 15/07, solde de 10 500,00 € le 30/09. Taux de TVA 20 %. Devis DV-2024-0311 valable 60 jours. Réunion de lancement le mardi 2 juillet à 9h30, salle Jules-Verne, 3e étage.
""")

R("fr", "neg-placeholder-config", r"""
# parameters.yml – valeurs fournies par Vault au déploiement
parameters:
    database_password: '%env(DB_PASSWORD)%'
    mailer_password: '****'
    api_token: '<TOKEN>'
    secret: '{{ vault_app_secret }}'
    admin_email: '%env(ADMIN_EMAIL)%'
""")
# ================================ SPANISH ===================================
R("es", "hilo-correo-firma", r"""
Asunto: RE: Presupuesto reforma oficina Valencia

Hola ⟦N|Lucía⟧:

Te confirmo que ⟦N|Javier Ruiz de la Torre⟧ pasará el jueves a medir la planta. Cualquier cosa, llámale directamente al ⟦P|622 41 87 90⟧.

Un saludo,
⟦N|María José Fernández García⟧
Directora de Proyectos | Reformas Turia S.L.
Av. del Puerto 214, 46023 Valencia
Tel. ⟦P|+34 963 21 47 80⟧ | ⟦E|mjfernandez@reformasturia.es⟧

-----Mensaje original-----
De: ⟦N|Lucía Morales⟧ <⟦E|lucia.morales@estudio-albufera.com⟧>
Enviado el: martes, 4 de junio de 2024 17:20
Para: ⟦N|Fernández García, María José⟧
Asunto: Presupuesto reforma oficina Valencia

¿Podéis enviarnos el presupuesto antes del viernes? Mi móvil es el ⟦P|655 908 112⟧.
""")

R("es", "exportacion-crm-csv", r"""
Necesito detectar clientes sin correo en esta exportación:

id;nombre;apellidos;correo;telefono;pais
9001;⟦N|Camila⟧;⟦N|Restrepo Vélez⟧;⟦E|camila.restrepo@une.net.co⟧;⟦P|+57 310 555 2841⟧;CO
9002;⟦N|Santiago⟧;⟦N|Quispe Mamani⟧;;⟦P|+51 987 654 321⟧;PE
9003;⟦N|Florencia⟧;⟦N|Gómez⟧;⟦E|flor.gomez@fibertel.com.ar⟧;⟦P|+54 9 11 4567-8901⟧;AR
9004;⟦N|Aitor⟧;⟦N|Etxeberria⟧;⟦E|aitor.etxeberria@euskaltel.net⟧;⟦P|943 42 18 77⟧;ES
9005;⟦N|José Ignacio⟧;⟦N|Pizarro⟧;⟦E|jipizarro@vtr.cl⟧;⟦P|+56 9 8765 4321⟧;CL
""")

R("es", "transferencia-bancaria", r"""
Justificante de transferencia
Ordenante: ⟦N|Xavier Puig i Serra⟧
Cuenta de cargo: ⟦I|iban:ES?? 2100 0813 6101 2345 6789⟧
Beneficiario: Comunidad de Propietarios Calle Mallorca 401
Cuenta de abono: ⟦I|iban:ES?? 0081 0200 2500 0123 4567⟧
Importe: 385,00 EUR · Concepto: Derrama ascensor 2T · Fecha: 03/06/2024
""")

R("es", "factura-datos-bancarios", r"""
FACTURA Nº F-2024/0318                                 Fecha: 22/05/2024
Emisor: Carpintería Hermanos Ibarra S.L. – CIF B95123456 – Bilbao
Cliente: D.ª ⟦N|Itziar Goikoetxea⟧

Concepto                                   Importe
Armario empotrado a medida                 2.340,00 €
Instalación                                  280,00 €
Base imponible                             2.620,00 €
IVA 21 %                                     550,20 €
TOTAL                                      3.170,20 €
Forma de pago: transferencia a ⟦I|iban:ES??20959999991234567890⟧
Contacto: ⟦N|Iñaki Ibarra⟧ · ⟦P|944 15 62 30⟧ · ⟦E|presupuestos@carpinteria-ibarra.es⟧
""")

R("es", "nomina-tabla", r"""
Revisa si las retenciones cuadran:

| Empleado | DNI | IBAN | Bruto mensual | IRPF |
|---|---|---|---|---|
| ⟦N|Álvaro Sánchez Ortega⟧ | 48291736K | ⟦I|iban:ES?? 0049 1500 0512 3456 7892⟧ | 2.850,00 € | 16 % |
| ⟦N|Nerea Castillo⟧ | 71234567B | ⟦I|iban:ES?? 2038 5778 9830 0076 0236⟧ | 2.310,00 € | 13 % |
| ⟦N|Ahmed El Idrissi⟧ | X4412839T | ⟦I|iban:ES?? 1465 0100 7220 3000 0191⟧ | 1.980,00 € | 11 % |
""")

R("es", "informe-medico", r"""
INFORME DE ALTA – Hospital Universitario La Paz
Paciente: ⟦N|Rosa María Delgado Pérez⟧, 72 años, NHC 4410982
Médico responsable: Dr. ⟦N|Enrique Salas⟧
Diagnóstico principal: enfermedad de Parkinson en estadio 2 de Hoehn y Yahr; síndrome de Sjögren secundario.
Se recomienda seguimiento en consultas de Neurología. Contacto familiar: su hijo ⟦N|Raúl⟧, ⟦P|+34 611 22 33 44⟧.
""")

R("es", "reclamacion-seguro", r"""
Parte de siniestro – Póliza HOG-2023-448120
Tomador: ⟦N|Gonzalo Herrera⟧
Fecha del siniestro: 11/05/2024 (rotura de tubería)
Perito asignado: ⟦N|Marta Villanueva⟧, ⟦P|+34 678 44 19 02⟧, ⟦E|m.villanueva@peritaciones-levante.es⟧
Cuenta para la indemnización: ⟦I|iban:ES?? 3058 0990 2712 3456 7800⟧
""")

R("es", "log-servidor", r"""
¿Es un ataque? Esto sale en el access.log:

⟦IP|179.43.160.214⟧ - - [02/Jun/2024:03:11:40 +0200] "GET /wp-login.php HTTP/1.1" 200 4521 "-" "Mozilla/5.0"
⟦IP|179.43.160.214⟧ - - [02/Jun/2024:03:11:41 +0200] "POST /wp-login.php HTTP/1.1" 302 0 "-" "Mozilla/5.0"
⟦IP|88.26.214.3⟧ - - [02/Jun/2024:03:12:05 +0200] "GET /mi-cuenta/?usuario=⟦E|paco.jimenez@telefonica.net⟧ HTTP/1.1" 200 9932 "-" "Mozilla/5.0 (Windows NT 10.0)"
⟦IP|2a0c:5a80:2410:8c00:6d3e:1b2a:9f10:4c77⟧ - - [02/Jun/2024:03:12:09 +0200] "GET /xmlrpc.php HTTP/1.1" 405 42 "-" "curl/8.5.0"
""")

R("es", "fichero-env", r"""
# .env de producción – ¿por qué falla la conexión a la base de datos?
APP_ENV=production
DB_HOST=⟦IP|10.10.0.25⟧
DB_USER=tienda
DB_PASS=⟦K|Paella!Valencia2024⟧
REDSYS_SECRET_KEY=⟦K|$fernet⟧
MAIL_FROM=⟦E|pedidos@tienda-azahar.es⟧
MAIL_PASSWORD=⟦K|Azahar#Correo77⟧
""")

R("es", "ticket-tarjeta", r"""
Incidencia #ES-77120 – Cobro duplicado
Cliente: ⟦N|Valeria Cárdenas⟧ <⟦E|valeria.cardenas@gmail.com⟧>
"Buenas tardes, me han cobrado dos veces el pedido 40012-MX. Mi tarjeta es ⟦C|luhn:4152 3130 8841 602?⟧, vence 10/27. Mi teléfono es ⟦P|+52 55 5123 4567⟧."
Nota interna (⟦N|Rodrigo⟧): reembolso de 1.249,00 MXN aprobado. Eliminar número de tarjeta del ticket.
""")

R("es", "chat-equipo", r"""
[11:02] ⟦N|Pablo Navarro⟧: ¿alguien tiene la contraseña del router de la oficina de Sevilla?
[11:04] ⟦N|Carmen Ríos⟧: admin / ⟦K|G1ralda#Sev2024⟧, está en ⟦IP|192.168.1.1⟧
[11:05] ⟦N|Pablo Navarro⟧: gracias! y la del wifi de invitados?
[11:05] ⟦N|Carmen Ríos⟧: ⟦K|Invitados_Triana22⟧. si no va llama a ⟦N|Manolo⟧ al ⟦P|954 22 71 83⟧
""")

R("es", "consulta-sql", r"""
Esta consulta tarda 40 s, ¿qué índice falta?

SELECT p.id, p.total, c.nombre
FROM pedidos p JOIN clientes c ON c.id = p.cliente_id
WHERE c.email IN ('⟦E|ramon.vidal@movistar.es⟧', '⟦E|teresa.galvez@yahoo.es⟧')
  AND c.telefono <> '⟦P|+34 917 45 62 10⟧'
  AND p.fecha >= '2024-01-01';
""")

R("es", "docker-compose-es", r"""
services:
  postgres:
    image: postgres:15
    environment:
      POSTGRES_PASSWORD: "⟦K|Tortilla&Patatas_2024⟧"
  backend:
    image: ghcr.io/logistica-andina/backend:3.1.0
    environment:
      DATABASE_URL: "postgres://postgres:⟦K|Tortilla&Patatas_2024⟧@postgres:5432/andina"
      MERCADOPAGO_ACCESS_TOKEN: "⟦K|$mp_tok⟧"
      SOPORTE: "⟦E|soporte@logistica-andina.pe⟧"
""")

R("es", "carta-rrhh", r"""
Estimada Sra. ⟦N|Benítez⟧:

Por la presente le comunicamos que, con efectos 1 de julio de 2024, pasará a ocupar el puesto de Jefa de Almacén en nuestro centro de Getafe, con un salario bruto anual de 36.500 €. La nómina se seguirá abonando en la cuenta ⟦I|iban:ES?? 2100 1234 5612 3456 7891⟧.

Atentamente,
⟦N|Jorge Alcántara⟧
Director de Recursos Humanos
""")

R("es", "postmortem-es", r"""
## Postmortem: caída de la pasarela de pagos (21/04/2024)
Autora: ⟦N|Daniela Fuentes⟧ · Revisores: ⟦N|Matías Rojas⟧, ⟦N|Sebastián Araya⟧
Causa raíz: la clave de API de Stripe ⟦K|$stripe_rk2⟧ se rotó en el panel pero no en Kubernetes.
Los reintentos desde ⟦IP|10.8.14.22⟧ saturaron el pool de conexiones.
Acciones: ⟦N|Matías⟧ automatiza la rotación; ⟦N|Sebastián⟧ añade alertas de 401.
""")

R("es", "yaml-config-es", r"""
# application-prod.yml
spring:
  datasource:
    url: jdbc:mysql://⟦IP|172.16.40.8⟧:3306/reservas
    username: reservas
    password: ⟦K|Fl4menc0!Jerez⟧
  mail:
    username: ⟦E|reservas@bodegas-jerez.es⟧
    password: ⟦K|Sherry-Mail#2024⟧
aws:
  access-key: ⟦K|$aws_ak3⟧
  secret-key: ⟦K|$aws_sk3⟧
""")

R("es", "xml-proveedores", r"""
<proveedores>
  <proveedor cif="B12345678">
    <razonSocial>Aceites del Sur S.L.</razonSocial>
    <contacto>⟦N|Rocío Jiménez⟧</contacto>
    <telefono>⟦P|957 48 21 36⟧</telefono>
    <iban>⟦I|iban:ES??30230101176123456789⟧</iban>
  </proveedor>
  <proveedor cif="A87654321">
    <razonSocial>Vinhos do Minho Lda</razonSocial>
    <contacto>⟦N|João Pedro Gonçalves⟧</contacto>
    <telefono>⟦P|+351 253 610 420⟧</telefono>
    <iban>⟦I|iban:PT??001800032345678901512⟧</iban>
  </proveedor>
</proveedores>
""")

R("es", "gastos-viaje-discover", r"""
Liquidación de gastos – Viaje a Nueva York
Empleado: ⟦N|Ignacio Larrañaga⟧
- Hotel (4 noches): 1.180,00 USD – tarjeta Discover ⟦C|luhn:6445 1290 4473 218?⟧
- Taxis: 96,40 USD – misma tarjeta
- Cena con cliente (Goldman Sachs): 312,00 USD – tarjeta corporativa
Aprobado por: ⟦N|J. Echeverría⟧
""")

R("es", "acta-minusculas", r"""
acta reunión semanal 10/06
asistentes: ⟦N|nuria⟧, ⟦N|kike⟧, ⟦N|wilson mendoza⟧, ⟦N|ana belén⟧
- ⟦N|nuria⟧ termina la migración del ERP el viernes
- ⟦N|wilson⟧ sigue con el proveedor de Bogotá, su móvil ⟦P|+57 301 448 9120⟧
- ⟦N|ana belén⟧ de vacaciones del 24/06 al 05/07
""")

R("es", "script-python-es", r"""
# Script para sincronizar pedidos con Shopify – me da 401
import requests

TIENDA = "moda-mediterranea.myshopify.com"
TOKEN = "⟦K|$shopify⟧"

r = requests.get(f"https://{TIENDA}/admin/api/2024-04/orders.json",
                 headers={"X-Shopify-Access-Token": TOKEN})
print(r.status_code, r.text[:200])
# avisar a ⟦N|Marina Soler⟧ (⟦E|marina.soler@modamediterranea.es⟧) si falla
""")

R("es", "json-clientes-mx", r"""
[
  {"cliente": "⟦N|Guadalupe Hernández⟧", "rfc": "HEGG850312AB1", "correo": "⟦E|lupita.hdz@prodigy.net.mx⟧", "tel": "⟦P|+52 33 3615 2200⟧", "tarjeta": "⟦C|luhn:5579 0712 3456 781?⟧"},
  {"cliente": "⟦N|Emiliano Zapata Ruiz⟧", "rfc": "ZARE900101XY2", "correo": "⟦E|emiliano.zr@outlook.com⟧", "tel": "⟦P|(81) 8342 1190⟧", "tarjeta": null}
]
""")

R("es", "registro-fail2ban", r"""
2024-06-08 04:12:33,551 fail2ban.actions [933]: NOTICE [sshd] Ban ⟦IP|196.251.84.30⟧
2024-06-08 04:20:10,002 fail2ban.actions [933]: NOTICE [nginx-botsearch] Ban ⟦IP|200.63.107.44⟧
2024-06-08 05:01:47,918 fail2ban.actions [933]: NOTICE [sshd] Ban ⟦IP|2800:810:54a:8e1::3⟧
""")

R("es", "contrato-apellido-nombre", r"""
REUNIDOS
De una parte, ⟦N|GARCÍA LÓPEZ, Francisco Javier⟧, mayor de edad, con DNI 12345678Z, en calidad de arrendador.
De otra parte, ⟦N|MENDOZA QUISPE, Yesenia⟧, mayor de edad, con NIE Y1234567X, en calidad de arrendataria.
La renta mensual de 950 € se abonará en la cuenta ⟦I|iban:ES?? 0182 5322 2002 0123 4567⟧ del arrendador dentro de los cinco primeros días de cada mes.
""")

R("es", "whatsapp-familia", r"""
[07/06 20:11] Tía ⟦N|Pilar⟧: ¿me pasáis el número de la pediatra nueva?
[07/06 20:13] ⟦N|Ernesto⟧: Dra. ⟦N|Montserrat Vilalta⟧, consulta ⟦P|93 301 22 45⟧
[07/06 20:13] ⟦N|Ernesto⟧: y su correo ⟦E|consulta.vilalta@pediatriagracia.cat⟧
[07/06 20:15] Tía ⟦N|Pilar⟧: gracias ⟦N|Ernesto⟧ 😘
""")

R("es", "ssn-empleado-eeuu", r"""
Hola ⟦N|Verónica⟧, para dar de alta a ⟦N|Héctor Gutiérrez⟧ en la nómina de Miami necesito que confirmes su número de seguro social (SSN): ⟦S|589-20-7731⟧. Su esposa, ⟦N|Paola Gutiérrez⟧, tiene el ⟦S|589-20-7794⟧. Ambos con domicilio en 1450 Brickell Ave, Miami FL.
""")

R("es", "comprobante-jcb-diners", r"""
Conciliación de tarjetas – agencia de viajes, mayo 2024
| Reserva | Titular | Tarjeta | Importe |
|---|---|---|---|
| LOC-77120 | ⟦N|Haruka Inoue⟧ | ⟦C|luhn:3530 1113 5520 447?⟧ (JCB) | 2.410,00 € |
| LOC-77121 | ⟦N|Eduardo Bustamante⟧ | ⟦C|luhn:3601 448829 153?⟧ (Diners) | 860,50 € |
| LOC-77122 | ⟦N|Haruka Inoue⟧ | ⟦C|luhn:3530 1113 5520 447?⟧ (JCB) | 180,00 € |
""")

R("es", "clave-privada-chat", r"""
[16:40] ⟦N|Andrés Villalobos⟧: ⟦N|Sofi⟧, te paso la clave para firmar los tokens del API, ponla en el secret de k8s:
⟦K|$pem_ec2⟧
[16:42] ⟦N|Sofía Paredes⟧: recibido, la borro del chat después
""")

R("es", "curl-token", r"""
¿Por qué me devuelve 403 este endpoint?

$ curl -X GET "https://api.fintech-andes.co/v2/cuentas/88120/movimientos" \
    -H "Authorization: Bearer ⟦K|$jwt6⟧" \
    -H "X-Client-Ip: ⟦IP|181.49.12.230⟧"
{"error":"forbidden","detail":"tenant mismatch"}
""")

R("es", "formulario-alta", r"""
Formulario de alta de socio – Club Náutico Santander
Nombre y apellidos: ⟦N|Íñigo Sáenz de Ugarte⟧
Correo: ⟦E|inigo.saenz@gmail.com⟧ · Móvil: ⟦P|+34 699 102 847⟧
Domiciliación: ⟦I|iban:ES?? 0075 0001 8706 0123 4567⟧
Persona de contacto en emergencias: ⟦N|Begoña Sáenz de Ugarte⟧ · ⟦P|942 27 31 09⟧
""")

R("es", "ini-config-es", r"""
[basedatos]
servidor=⟦IP|10.0.3.17⟧
usuario=contabilidad
clave=⟦K|Jam0nIberic0!⟧

[banco]
url=https://ebanking.bancodelsur.es/api
api_key=⟦K|$brevo2⟧

[avisos]
email=⟦E|tesoreria@conservas-cantabria.es⟧
""")

R("es", "notas-fraude", r"""
Caso FRD-2024-0611
- 9 intentos con la tarjeta ⟦C|luhn:4571 7300 1254 908?⟧ desde ⟦IP|190.104.22.17⟧ en 4 minutos
- Nombre de envío: "⟦N|Ximena Toledo⟧", teléfono ⟦P|+54 11 5032-7788⟧
- Correo usado: ⟦E|ximena.t.compras@yandex.com⟧ (dominio recién creado no; cuenta nueva)
Recomendación: bloquear tarjeta y correo.
""")

R("es", "github-actions-es", r"""
# .github/workflows/publicar.yml
jobs:
  publicar:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: npm ci && npm run build
      - run: npx vercel deploy --prod --token ⟦K|$vercel⟧
        env:
          NPM_TOKEN: ${{ secrets.NPM_TOKEN }}
          CONTACTO: ⟦E|devops@editorial-alba.es⟧
""")

R("es", "mensaje-voz-transcrito", r"""
Transcripción del buzón de voz (03/06, 18:22):
"Hola, soy ⟦N|Marisol Ortega⟧, de la gestoría. Llamo para lo de la declaración de la renta de Don ⟦N|Fermín⟧. Necesito que me devuelva la llamada al seis, cero, nueve… bueno, al ⟦P|609 84 31 27⟧, o al fijo ⟦P|91 555 18 40⟧. Gracias."
""")

R("es", "xml-nomina-it", r"""
<nominas mes="2024-05">
  <empleado id="E-31"><nombre>⟦N|Alessandro Lo Russo⟧</nombre><iban>⟦I|iban:IT??Q0542811101000000987654⟧</iban><neto>2610.40</neto></empleado>
  <empleado id="E-32"><nombre>⟦N|Chiara Dell'Orto⟧</nombre><iban>⟦I|iban:IT??B0306909606100000063721⟧</iban><neto>2388.15</neto></empleado>
</nominas>
""")

R("es", "telefonos-latam", r"""
Agenda de emergencias – oficinas regionales
- Bogotá: ⟦N|Luis Fernando Cárdenas⟧, ⟦P|+57 (601) 743 2200⟧
- Lima: ⟦N|Milagros Huamán⟧, ⟦P|(01) 411-2233⟧
- Santiago: ⟦N|Benjamín Soto⟧, ⟦P|+56 2 2940 1100⟧
- Ciudad de México: ⟦N|Ximena Olvera⟧, ⟦P|55 1234 5678⟧
- Montevideo: ⟦N|Federico Pereyra⟧, ⟦P|+598 2 916 0000⟧
""")

R("es", "app-log-es", r"""
2024-05-30 09:14:02.113 INFO  [auth] login ok usuario=⟦E|adriana.mora@clinica-sanrafael.cr⟧ ip=⟦IP|201.196.44.18⟧
2024-05-30 09:14:09.870 WARN  [citas] paciente sin teléfono id=55120 nombre="⟦N|Fabiola Quesada⟧"
2024-05-30 09:15:33.001 ERROR [sms] envío fallido a ⟦P|+506 8812 3344⟧: número no válido
""")

R("es", "anthropic-es", r"""
Hola, al ejecutar esto me sale "invalid x-api-key":

import anthropic
cliente = anthropic.Anthropic(api_key="⟦K|$anth2⟧")
msg = cliente.messages.create(model="claude-3-5-sonnet-20240620", max_tokens=512,
                              messages=[{"role": "user", "content": "Resume el contrato"}])
""")

R("es", "visa-sin-espacios", r"""
Hola, ¿me ayudas a redactar una queja? El banco me cobró 35 € de comisión por una compra en el extranjero con mi Visa ⟦C|luhn:454617010938275?⟧ y no me avisaron. Soy ⟦N|Leire Arrieta⟧, cliente desde 2011.
""")

# --------------------------- Spanish negatives ------------------------------
R("es", "neg-confirmacion-pedido", r"""
¡Gracias por tu compra!
Pedido nº ES-2024-0551873 · Fecha: 05/06/2024
1 × Zapatillas running talla 42 (ref. ZR-42-AZ) ........ 89,95 €
1 × Calcetines técnicos pack 3 (ref. CT-P3-NG) ........... 14,99 €
Envío SEUR 24h – seguimiento 7221 4400 3318 ............... 0,00 €
Total: 104,94 € (IVA incluido) · Pago: Bizum
Devolución gratuita en 30 días en cualquier tienda.
""")

R("es", "neg-notas-version", r"""
Notas de la versión 2.7.0 de la app de fichaje (build 2.7.0.1402)
- Compatible con Android 14 y iOS 17.5
- Corregido el cálculo de horas extra en festivos autonómicos (incidencia FCH-889)
- Nueva exportación para la Inspección de Trabajo (formato CSV v3)
Hash del APK (SHA-256): 6b86b273ff34fce19d6b804eff5a3f5747ada4eaa22f1d49c01e52ddb7875b4b
""")

R("es", "neg-env-plantilla", r"""
# .env.example – rellenar con los valores reales (no subir al repo)
DB_HOST=localhost
DB_USER=app
DB_PASS=cambiame
REDSYS_KEY=<clave-redsys>
SMTP_PASSWORD=${SMTP_PASSWORD}
API_TOKEN=xxxx-xxxx-xxxx-xxxx
""")

R("es", "neg-articulo-medico", r"""
Resume para pacientes: «La enfermedad de Alzheimer y la enfermedad de Parkinson son trastornos neurodegenerativos frecuentes. El síndrome de Down, el síndrome de Asperger y la enfermedad de Crohn se tratan en otros capítulos. La maniobra de Heimlich y la escala de Glasgow forman parte de la formación básica en primeros auxilios.»
""")

R("es", "neg-factura-referencias", r"""
Factura nº 2024-A-004412 · Cliente 000881247 · Contrato CUPS ES0021000012345678AB
Periodo: 01/04/2024 – 30/04/2024 · Consumo: 312 kWh
Importe total: 78,41 € · Adeudo el 10/05/2024
Referencia de pago: 6011 0009 9013 9425 (indíquela en cualquier reclamación)
""")

R("es", "neg-calles", r"""
Ruta del reparto del martes: Calle de Alcalá, Gran Vía, Paseo de la Castellana, Avenida Simón Bolívar, Plaza de Cervantes, Calle Federico García Lorca y Avenida de Blasco Ibáñez. Evitar la Calle Cardenal Cisneros por obras hasta el 30 de junio.
""")

R("es", "neg-marcas", r"""
Escribe un anuncio corto: en nuestro taller reparamos coches de todas las marcas – Seat, Ferrari, Ford, Porsche – y montamos neumáticos Michelin y Pirelli. Trabajamos con recambios Bosch y aceite Castrol. Estamos en San Sebastián de los Reyes, junto al centro comercial.
""")

R("es", "neg-log-uuid", r"""
2024-06-01T08:00:01Z INFO  job=backup-diario id=9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d estado=INICIADO
2024-06-01T08:14:55Z INFO  job=backup-diario id=9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d estado=OK tamaño=48.2GB duración=894s
2024-06-01T08:15:00Z INFO  rotación: eliminados 3 snapshots anteriores a 2024-05-25
""")

R("es", "neg-fechas-importes", r"""
Calendario de pagos del préstamo: cuota de 412,37 € el día 5 de cada mes; TAE 6,15 %; primera cuota 05/07/2024, última 05/06/2029. Expediente HIP-2024-00318. Comisión de apertura 0,5 % (750,00 €). Oficina 2038-4410, Santiago de Compostela.
""")

R("es", "neg-config-placeholders", r"""
# values.yaml del chart – los secretos se inyectan con External Secrets
database:
  host: postgres.default.svc.cluster.local
  password: ""          # se rellena desde el secret db-credentials
  existingSecret: db-credentials
smtp:
  password: "{{ .Values.global.smtpPassword }}"
apiKey: REPLACE_ME
""")

# ----------------------------------------------------------------------------
# build + verify
# ----------------------------------------------------------------------------
TYPES = dict(E="EMAIL", P="PHONE", C="CREDIT_CARD", S="US_SSN", I="IBAN",
             IP="IP_ADDRESS", N="PERSON", K="SECRET")
MK = re.compile(r"⟦(E|P|C|S|I|IP|N|K)\|(.*?)⟧", re.S)
WORD = lambda ch: ch.isalnum() or ch == "_"


def resolve(v):
    if v.startswith("$"):
        return VALS[v[1:]]
    if v.startswith("luhn:"):
        return luhn_fill(v[5:])
    if v.startswith("iban:"):
        return iban_fill(v[5:])
    return v


def embedded(text, i, v):
    j = i + len(v)
    return ((i > 0 and WORD(v[0]) and WORD(text[i - 1])) or
            (j < len(text) and WORD(v[-1]) and WORD(text[j])))


def find_bounded(text, v, pos):
    while True:
        i = text.find(v, pos)
        if i < 0:
            return -1
        if not embedded(text, i, v):
            return i
        pos = i + 1


def build(src):
    src = src.strip("\n")
    out, vals, last = [], [], 0
    for m in MK.finditer(src):
        out.append(src[last:m.start()])
        val = resolve(m.group(2))
        off = sum(len(x) for x in out)
        vals.append((TYPES[m.group(1)], val, off))
        out.append(val)
        last = m.end()
    out.append(src[last:])
    text = "".join(out)
    assert "⟦" not in text and "⟧" not in text, text[:200]
    ents, pos = [], 0
    for t, v, off in vals:
        i = find_bounded(text, v, pos)
        assert i == off, f"locate mismatch for {v!r}: found {i}, markup at {off}"
        ents.append({"type": t, "start": i, "end": i + len(v), "value": v})
        pos = i + len(v)
    return text, ents


SSN_RE = re.compile(r"^(\d{3})([- ]?)(\d{2})\2(\d{4})$")
EMAIL_RE = re.compile(r"[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
IPV4_RE = re.compile(r"(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?![\w.]|\.\d)")
CARDLIKE_RE = re.compile(r"(?<![\w])\d(?:[ -]?\d){12,18}(?!\w)")
IBANLIKE_RE = re.compile(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{1,4}){3,8}\b")
SSNLIKE_RE = re.compile(r"(?<![\w-])\d{3}-\d{2}-\d{4}(?![\w-])")
TITLES = ("Mr ", "Mr. ", "Mrs", "Ms ", "Ms. ", "Dr ", "Dr.", "Herr ", "Frau ", "Mme", "M. ", "Sr.", "Sra", "Prof", "Don ", "Doña")

problems, warnings = [], []
rows = []
for n, (loc, tpl, src) in enumerate(RECS):
    try:
        text, ents = build(src)
    except Exception as e:  # noqa
        problems.append(f"rec {n} ({loc}/{tpl}): {e}")
        continue
    tag = f"rec {n} ({loc}/{tpl})"
    # no overlaps, exact substrings
    for a, b in zip(ents, ents[1:]):
        if b["start"] < a["end"]:
            problems.append(f"{tag}: overlap {a['value']!r} / {b['value']!r}")
    for e in ents:
        if text[e["start"]:e["end"]] != e["value"]:
            problems.append(f"{tag}: substring mismatch {e}")
        v, t = e["value"], e["type"]
        if v != v.strip() or not v:
            problems.append(f"{tag}: whitespace at edge {v!r}")
        if t == "CREDIT_CARD":
            d = re.sub(r"[ -]", "", v)
            if not (d.isdigit() and 13 <= len(d) <= 19 and luhn_ok(d)):
                problems.append(f"{tag}: bad card {v}")
        if t == "IBAN" and not iban_ok(v):
            problems.append(f"{tag}: bad iban {v}")
        if t == "US_SSN":
            m = SSN_RE.match(v)
            if not m or m.group(1) in ("000", "666") or m.group(1)[0] == "9" or m.group(3) == "00" or m.group(4) == "0000":
                problems.append(f"{tag}: bad ssn {v}")
        if t == "PHONE":
            if not (v[0] in "+(" or v[0].isdigit()) or not v[-1].isdigit():
                problems.append(f"{tag}: phone edges {v!r}")
            if sum(c.isdigit() for c in v) < 7:
                problems.append(f"{tag}: phone too short {v!r}")
        if t == "EMAIL" and not EMAIL_RE.fullmatch(v):
            problems.append(f"{tag}: bad email {v!r}")
        if t == "PERSON":
            if v.startswith(TITLES) or v.endswith("'s") or v.endswith("’s"):
                problems.append(f"{tag}: title/possessive inside person {v!r}")
        if t == "SECRET":
            if v[0] in "'\"`" or v[-1] in "'\"`" or v.lower().startswith("bearer "):
                problems.append(f"{tag}: secret edges {v!r}")
        if t == "IP_ADDRESS":
            if ":" not in v:
                parts = v.split(".")
                if len(parts) != 4 or not all(p.isdigit() and int(p) <= 255 and (p == "0" or not p.startswith("0")) for p in parts):
                    problems.append(f"{tag}: bad ipv4 {v}")
            elif not re.fullmatch(r"[0-9a-fA-F:]+(?:%\w+)?", v) or v.count("::") > 1:
                problems.append(f"{tag}: bad ipv6 {v}")

    covered = lambda i, j: any(e["start"] < j and i < e["end"] for e in ents)
    # every repeat of a labelled value is labelled (or inside another entity)
    for v in {e["value"] for e in ents}:
        pos = 0
        while True:
            i = text.find(v, pos)
            if i < 0:
                break
            pos = i + 1
            if embedded(text, i, v):
                continue
            if not any(e["start"] == i and e["end"] == i + len(v) for e in ents) and not covered(i, i + len(v)):
                problems.append(f"{tag}: unlabelled repeat of {v!r} at {i}")
    # heuristics: unlabelled things that look sensitive
    for m in EMAIL_RE.finditer(text):
        if not covered(*m.span()):
            problems.append(f"{tag}: unlabelled email-like {m.group()!r}")
    for m in IPV4_RE.finditer(text):
        if not covered(*m.span()):
            ps = m.group().split(".")
            if all(int(p) <= 255 for p in ps):
                warnings.append(f"{tag}: unlabelled ipv4-like {m.group()!r}")
    for m in CARDLIKE_RE.finditer(text):
        d = re.sub(r"[ -]", "", m.group())
        if not covered(*m.span()) and len(d) in (15, 16) and luhn_ok(d):
            problems.append(f"{tag}: unlabelled luhn-valid number {m.group()!r}")
    for m in IBANLIKE_RE.finditer(text):
        if not covered(*m.span()) and m.group()[:2] in IBAN_LEN:
            c = m.group().replace(" ", "")
            for L in range(15, len(c) + 1):
                if iban_ok(c[:L]):
                    problems.append(f"{tag}: unlabelled valid iban {m.group()!r}")
                    break
    for m in SSNLIKE_RE.finditer(text):
        if not covered(*m.span()):
            warnings.append(f"{tag}: unlabelled ssn-like {m.group()!r}")
    rows.append({"locale": loc, "template": tpl, "text": text, "entities": ents})

# the same secret / card / IBAN should not be reused across different prompts
seen = defaultdict(set)
for k, r in enumerate(rows):
    for e in r["entities"]:
        if e["type"] in ("SECRET", "CREDIT_CARD", "IBAN", "US_SSN"):
            seen[e["value"]].add(k)
for v, ks in seen.items():
    if len(ks) > 1:
        problems.append(f"value reused across prompts {sorted(ks)}: {v[:40]!r}")

if problems:
    print("\n".join(problems))
    sys.exit(f"{len(problems)} problems")

# deterministic interleaving, then ids
random.Random(42).shuffle(rows)
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "blind.jsonl"), "w", encoding="utf-8") as f:
    for k, r in enumerate(rows, 1):
        f.write(json.dumps({"id": f"hb-{k:04d}", **r}, ensure_ascii=False) + "\n")

for w in warnings:
    print("WARN", w)
loc_c = Counter(r["locale"] for r in rows)
neg_c = Counter(r["locale"] for r in rows if not r["entities"])
type_c = Counter(e["type"] for r in rows for e in r["entities"])
type_loc = defaultdict(Counter)
for r in rows:
    for e in r["entities"]:
        type_loc[e["type"]][r["locale"]] += 1
print(f"prompts: {len(rows)}  negatives: {sum(neg_c.values())}  entities: {sum(type_c.values())}")
print("per locale (prompts / negatives):", {k: (loc_c[k], neg_c[k]) for k in ("en", "de", "fr", "es")})
for t in TYPES.values():
    print(f"  {t:12s} {type_c[t]:4d}  ", dict(type_loc[t]))
