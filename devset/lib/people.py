"""Name pools (split into train-only / test-only halves), persons, e-mails, companies."""
import os
import re
import unicodedata

from .core import Ent, stable_hash
from . import values as V

NAMES_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "sources", "names")

NATIVE_SCRIPT_LOCALES = {"ru", "uk", "el", "ar", "he", "zh", "ja", "ko", "hi"}
SURNAME_FIRST = {"zh", "vi"}       # written "Surname Given" even in Latin script
NATIVE_NO_SPACE = {"zh", "ja"}     # native script written without a space (ko keeps none either)

# Rough share of people by name locale (prose language adds weight to its own locales).
BASE_WEIGHTS = {
    "en": 10, "de": 5, "fr": 5, "es": 5, "es_latam": 5, "pt_br": 3, "pt_pt": 2, "it": 3, "nl": 3, "sv": 2, "nb": 2,
    "da": 2, "fi": 2, "is": 1, "pl": 3, "cs": 2, "ru": 3, "uk": 2, "sr_hr": 2, "ro": 2, "el": 2, "tr": 3, "hu": 2,
    "ar": 4, "he": 2, "zh": 4, "ja": 3, "ko": 3, "vi": 3, "hi": 4, "ta": 2, "bn": 2, "id": 2, "ms": 1, "fil": 2,
    "yo": 2, "ig": 2, "ha": 2, "ak": 2, "zu": 2, "xh": 1, "af": 1, "sw": 2, "wo": 1, "ga": 1,
}
LANG_BOOST = {"en": {"en": 12, "ga": 2, "hi": 2, "zh": 2, "yo": 1},
              "de": {"de": 14, "tr": 3, "pl": 2, "ru": 1, "sr_hr": 1},
              "fr": {"fr": 14, "ar": 2, "wo": 2, "vi": 1},
              "es": {"es": 12, "es_latam": 8}}


def part_of(name):
    """'train' or 'test' half of a name pool entry (stable across runs and locales)."""
    return "test" if stable_hash("name:" + name) % 2 else "train"


class Pool:
    def __init__(self, locale):
        self.locale = locale
        self.first = {"train": [], "test": []}
        self.last = {"train": [], "test": []}
        with open(os.path.join(NAMES_DIR, f"{locale}.txt"), encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("#") or not line.strip():
                    continue
                parts = line.rstrip("\n").split("\t")
                kind, g, latin = parts[0], parts[1], parts[2]
                native = parts[3] if len(parts) > 3 else ""
                (self.first if kind == "first" else self.last)[part_of(latin)].append((g, latin, native))

    def pick_first(self, rng, part, gender=None):
        rows = self.first[part] or self.first["train"] + self.first["test"]
        if gender:
            cand = [r for r in rows if r[0] in (gender, "u")]
            rows = cand or rows
        return rng.choice(rows)

    def pick_last(self, rng, part, gender):
        rows = self.last[part]
        cand = [r for r in rows if r[0] in (gender, "u")]
        return rng.choice(cand or rows)


def ascii_fold(s):
    s = s.replace("ß", "ss").replace("ø", "o").replace("Ø", "O").replace("æ", "ae").replace("Æ", "AE") \
         .replace("đ", "d").replace("Đ", "D").replace("ł", "l").replace("Ł", "L").replace("þ", "th").replace("Þ", "Th") \
         .replace("ð", "d").replace("ı", "i").replace("’", "'")
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


class Person:
    def __init__(self, locale, gender, first, last, nfirst="", nlast="", native=False):
        self.locale, self.gender = locale, gender
        self.first, self.last = first, last
        self.nfirst, self.nlast = nfirst, nlast
        self.native = native and bool(nfirst and nlast)

    # --- written forms (each is exactly the labelled span)
    def full(self):
        if self.native:
            if self.locale in NATIVE_NO_SPACE or self.locale == "ko":
                return self.nlast + self.nfirst
            return f"{self.nfirst} {self.nlast}"
        if self.locale in SURNAME_FIRST:
            return f"{self.last} {self.first}"
        return f"{self.first} {self.last}"

    def given(self):
        return self.nfirst if self.native else self.first

    def family(self):
        if self.native:
            return self.nlast
        if self.last.startswith(("bin ", "binti ", "bint ")):
            return self.full()  # patronymic: no surname to use on its own
        return self.last

    def last_first(self):
        if self.native:
            return self.full()
        return f"{self.last}, {self.first}"

    def form(self, rng, weights=None):
        """A written form chosen at random: full most of the time, sometimes other styles."""
        opts = weights or {"full": 70, "last_first": 6, "lower": 4, "upper": 4, "fr_admin": 3, "initial": 3, "ascii": 10}
        k = rng.choices(list(opts), weights=list(opts.values()))[0]
        if self.native or k == "full":
            return self.full()
        if k == "last_first":
            return self.last_first()
        if k == "lower":
            return self.full().lower()
        if k == "upper":
            return self.full().upper()
        if k == "fr_admin":
            return f"{self.first} {self.last.upper()}" if self.locale not in SURNAME_FIRST else f"{self.last.upper()} {self.first}"
        if k == "initial":
            return f"{self.first[0]}. {self.last}"
        return ascii_fold(self.full())

    def ent(self, rng=None, how="full"):
        if how == "full":
            return Ent("PERSON", self.full())
        if how == "first":
            return Ent("PERSON", self.given())
        if how == "last":
            return Ent("PERSON", self.family())
        if how == "last_first":
            return Ent("PERSON", self.last_first())
        return Ent("PERSON", self.form(rng))

    # --- derived identifiers (never contain a name token at a word boundary)
    def _ascii_parts(self):
        f = re.sub(r"[^a-z]", "", ascii_fold(self.first).lower()) or "x"
        l = re.sub(r"[^a-z]", "", ascii_fold(self.last).lower()) or "y"
        return f, l

    def email(self, rng, domain=None):
        f, l = self._ascii_parts()
        local = rng.choice([f"{f}.{l}", f"{f}.{l}", f"{f[0]}{l}", f"{f}{l[0]}", f"{f}_{l}", f"{f}.{l}{rng.randint(1, 99)}",
                            f"{l}.{f}", f"{f}{rng.randint(70, 99)}", f"{f[0]}.{l}", f"{l}{f[0]}", f"{f}-{l}"])
        domain = domain or free_mail_domain(rng, self.locale)
        return f"{local}@{domain}"

    def username(self, rng):
        f, l = self._ascii_parts()
        return rng.choice([f"{f[0]}{l}", f"{f[0]}{l}{rng.randint(1, 9)}", f"{l[:6]}{f[:2]}", f"{f[:3]}{l[:3]}",
                           f"u{rng.randint(10000, 99999)}", f"{f[0]}{l[:7]}", f"{l}{f[0]}"])


FREEMAIL = {
    "default": ["gmail.com", "gmail.com", "gmail.com", "outlook.com", "hotmail.com", "yahoo.com", "icloud.com", "proton.me"],
    "de": ["gmx.de", "web.de", "t-online.de", "posteo.de", "gmx.net", "mailbox.org"],
    "fr": ["orange.fr", "free.fr", "laposte.net", "sfr.fr", "wanadoo.fr", "yahoo.fr"],
    "es": ["yahoo.es", "hotmail.es", "telefonica.net", "outlook.es"],
    "es_latam": ["hotmail.com", "yahoo.com.mx", "prodigy.net.mx", "outlook.com"],
    "it": ["libero.it", "virgilio.it", "tiscali.it"], "pt_br": ["uol.com.br", "bol.com.br", "terra.com.br"],
    "pl": ["wp.pl", "onet.pl", "interia.pl"], "cs": ["seznam.cz", "email.cz"], "ru": ["yandex.ru", "mail.ru"],
    "uk": ["ukr.net", "i.ua"], "zh": ["qq.com", "163.com", "126.com"], "ja": ["yahoo.co.jp", "docomo.ne.jp"],
    "ko": ["naver.com", "daum.net"], "hi": ["rediffmail.com", "yahoo.co.in"], "en": ["btinternet.com", "sky.com", "aol.com", "comcast.net"],
    "nl": ["ziggo.nl", "kpnmail.nl"], "tr": ["yandex.com.tr"], "sv": ["telia.com"], "hu": ["freemail.hu"],
}


def free_mail_domain(rng, locale):
    loc = FREEMAIL.get(locale)
    if loc and rng.random() < 0.5:
        return rng.choice(loc)
    return rng.choice(FREEMAIL["default"])


# ---------------------------------------------------------------- companies

CO_WORDS_A = ["Nord", "Alpen", "Rhein", "Blue", "Silver", "Oak", "Harbor", "Summit", "Atlas", "Vertex", "Helix", "Nimbus",
              "Lumen", "Quantix", "Solaris", "Aurora", "Iberia", "Costa", "Sol", "Luna", "Horizon", "Pixel", "Cedar", "Granite",
              "Falken", "Eiche", "Tannen", "Lichtwerk", "Brückner", "Mistral", "Azur", "Ocre", "Lavande", "Garonne", "Loire",
              "Albatros", "Cormoran", "Meridian", "Polaris", "Orion", "Kestrel", "Bluefin", "Redwood", "Copperleaf", "Ironbridge",
              "Sierra", "Mesa", "Alameda", "Bravo", "Faro", "Olivo", "Pino", "Viento", "Tramontana", "Cierzo", "Nexo", "Kairos",
              "Zenit", "Quadra", "Stellar", "Hanse", "Elbe", "Isar", "Spree", "Nordwind", "Sonnen", "Grün", "Weiß", "Schwarzwald",
              "Tide", "Ember", "Northwind", "Lakeshore", "Bright", "Clearwater", "Maple", "Thistle", "Heather", "Juniper"]
CO_WORDS_B = {
    "en": ["Analytics", "Logistics", "Systems", "Solutions", "Partners", "Labs", "Software", "Capital", "Ventures", "Health",
           "Foods", "Energy", "Consulting", "Dynamics", "Networks", "Studio", "Works", "Holdings", "Robotics", "Insurance"],
    "de": ["Logistik", "Systeme", "Technik", "Bau", "Immobilien", "Versicherung", "Handel", "Medizintechnik", "Software",
           "Beratung", "Energie", "Maschinenbau", "Spedition", "Verwaltung", "Datentechnik", "Elektro", "Haustechnik"],
    "fr": ["Conseil", "Ingénierie", "Services", "Assurances", "Transports", "Logiciels", "Distribution", "Énergie",
           "Immobilier", "Santé", "Informatique", "Industries", "Finance", "Bâtiment", "Gestion"],
    "es": ["Logística", "Consultores", "Inmobiliaria", "Construcciones", "Distribuciones", "Seguros", "Sistemas",
           "Tecnología", "Energía", "Alimentación", "Transportes", "Servicios", "Ingeniería", "Gestión"],
}
LEGAL = {
    "en": ["Ltd", "Ltd.", "LLC", "Inc.", "Corp.", "PLC", "LLP", "Pty Ltd", "Co.", "Group", "Pvt. Ltd.", "Inc"],
    "de": ["GmbH", "AG", "KG", "GmbH & Co. KG", "UG (haftungsbeschränkt)", "e.K.", "SE", "OHG", "GmbH"],
    "fr": ["SAS", "SARL", "SA", "S.A.S.", "Sàrl", "SASU", "EURL"],
    "es": ["S.L.", "S.A.", "S.L.U.", "S.A. de C.V.", "Ltda.", "S.R.L.", "SpA", "S.A.S."],
    "intl": ["B.V.", "N.V.", "AB", "AS", "ASA", "A/S", "Oy", "Oyj", "ehf.", "sp. z o.o.", "S.p.A.", "S.r.l.", "K.K.",
             "Co., Ltd.", "Kft.", "s.r.o.", "a.s.", "d.o.o.", "A.Ş.", "SRL", "FZ-LLC", "PJSC", "Pte. Ltd.", "Sdn. Bhd.",
             "Ltda.", "Pvt Ltd", "(Pty) Ltd", "Limited"],
}
SURNAME_CO = {
    "en": ["{s} & Sons", "{s} & {s2} LLP", "{s} Holdings", "{s} Brothers Ltd", "{s} Consulting Group", "{s} Partners",
           "{s} Family Office", "{s} Engineering"],
    "de": ["{s} & Partner GmbH", "{s} & Söhne KG", "{s} Bau AG", "Autohaus {s}", "{s} Immobilien GmbH", "Kanzlei {s} & {s2}",
           "{s} Haustechnik GmbH", "Bäckerei {s}", "{s} Gruppe"],
    "fr": ["Établissements {s}", "{s} & Fils", "Cabinet {s}", "{s} Frères SA", "Maison {s}", "Groupe {s}", "{s} Conseil SARL"],
    "es": ["Hermanos {s} S.A.", "{s} y Asociados", "Grupo {s}", "Bodegas {s}", "Talleres {s} S.L.", "{s} Abogados",
           "Construcciones {s} S.L."],
}
# Real-world companies/brands named after people: never labelled as persons (hard negatives).
EPONYMOUS_BRANDS = ["Johnson Controls", "Ford", "Dell", "McDonald's", "Porsche", "Ferrari", "Bosch", "Siemens", "Philips",
                    "Heineken", "Disney", "Boeing", "Hilton", "Marriott", "Wells Fargo", "Morgan Stanley", "Goldman Sachs",
                    "Johnson & Johnson", "Procter & Gamble", "Dr. Oetker", "Mercedes-Benz", "Peugeot", "Michelin", "Renault",
                    "Ben & Jerry's", "Jack Daniel's", "Chanel", "Dior", "Gucci", "Prada", "Hermès", "Louis Vuitton", "Ralph Lauren",
                    "Tommy Hilfiger", "Hugo Boss", "Adidas", "Carl Zeiss", "Thyssenkrupp", "Miele", "Dyson", "Kellogg's",
                    "Casio", "Honda", "Toyota", "Suzuki", "Yamaha", "Lamborghini", "Maserati", "Tesla", "Ducati", "Zara",
                    "El Corte Inglés", "Lacoste", "Yves Saint Laurent", "Givenchy", "Cartier", "Nestlé", "Roche", "Merck"]


def company(rng, lang, part, surname=None):
    """A fictitious company name whose string falls into the requested part."""
    for _ in range(200):
        k = rng.random()
        if k < 0.3 and surname:
            pat = rng.choice(SURNAME_CO[lang])
            name = pat.replace("{s2}", surname[1]).replace("{s}", surname[0])
        elif k < 0.55:
            name = f"{rng.choice(CO_WORDS_A)} {rng.choice(CO_WORDS_B[lang])} {rng.choice(LEGAL[lang])}"
        elif k < 0.75:
            name = f"{rng.choice(CO_WORDS_A)}{rng.choice(['', '', 'tec', 'soft', 'data', 'line', 'go', 'ly', 'io'])} {rng.choice(LEGAL['intl'] + LEGAL[lang])}"
        else:
            name = f"{rng.choice(CO_WORDS_A)} {rng.choice(CO_WORDS_B['en'])}"
        if ("test" if stable_hash("company:" + name) % 2 else "train") == part:
            return name
    return name


def company_domain(name):
    base = ascii_fold(name).lower()
    base = re.sub(r"\b(gmbh|ag|kg|ltd|llc|inc|corp|plc|llp|sas|sarl|sa|sl|bv|nv|ab|oy|co|group|s\.?[alpr]\.?[lu]?)\b\.?", "", base)
    base = re.sub(r"[^a-z0-9]+", "", base)[:18] or "example"
    return base


def company_email_domain(rng, name, lang):
    tld = rng.choice({"en": [".com", ".co.uk", ".io", ".com.au", ".net"], "de": [".de", ".de", ".at", ".ch", ".com"],
                      "fr": [".fr", ".fr", ".be", ".com", ".ch"], "es": [".es", ".es", ".com.mx", ".com", ".cl", ".com.ar"]}[lang])
    return company_domain(name) + tld
