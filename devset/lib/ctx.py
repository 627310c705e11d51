"""Per-prompt context: random source, prose language, train/test part, pools and helpers."""
from .core import Ent, stable_hash
from . import values as V
from .people import (Pool, Person, BASE_WEIGHTS, LANG_BOOST, NATIVE_SCRIPT_LOCALES, company, company_email_domain,
                     EPONYMOUS_BRANDS)

_POOLS = {}


def pools():
    if not _POOLS:
        for loc in sorted(BASE_WEIGHTS):
            _POOLS[loc] = Pool(loc)
    return _POOLS


def phrase_is_test_only(s):
    """About a quarter of every phrase list is reserved for the test part."""
    return stable_hash("phrase:" + s) % 4 == 0


class Ctx:
    def __init__(self, rng, lang, part, native_ok=True):
        self.rng = rng
        self.lang = lang
        self.part = part
        self.native_ok = native_ok
        self.persons = []
        self.used_names = set()
        self.country = rng.choice(V.LANG_COUNTRIES[lang])

    # ------------------------------------------------------------ phrases
    def ph(self, options):
        """Pick one phrase; a stable quarter of each list is test-only."""
        if isinstance(options, dict):
            options = options[self.lang]
        if isinstance(options, str):
            return options
        train = [o for o in options if not phrase_is_test_only(o)]
        test = [o for o in options if phrase_is_test_only(o)]
        if self.part == "train" or not test:
            return self.rng.choice(train or options)
        return self.rng.choice(test if self.rng.random() < 0.5 else options)

    def chance(self, p):
        return self.rng.random() < p

    def choice(self, seq):
        return self.rng.choice(seq)

    # ------------------------------------------------------------ people
    def pick_locale(self):
        w = dict(BASE_WEIGHTS)
        for k, b in LANG_BOOST[self.lang].items():
            w[k] = w.get(k, 0) + b
        locs = sorted(w)
        return self.rng.choices(locs, weights=[w[l] for l in locs])[0]

    def person(self, locale=None, native=None, gender=None):
        rng = self.rng
        P = pools()
        for _ in range(50):
            loc = locale or self.pick_locale()
            pool = P[loc]
            g = gender or rng.choice("fm")
            gf, first, nfirst = pool.pick_first(rng, self.part, g)
            if gf in "fm":
                g = gf
            gl, last, nlast = pool.pick_last(rng, self.part, g)
            # regional surname customs
            if loc in ("es", "es_latam") and rng.random() < 0.35:
                _, l2, _ = pool.pick_last(rng, self.part, g)
                if l2 != last:
                    last = f"{last}-{l2}" if rng.random() < 0.15 else f"{last} {l2}"
            elif loc in ("pt_br", "pt_pt") and rng.random() < 0.3:
                _, l2, _ = pool.pick_last(rng, self.part, g)
                if l2 != last:
                    last = f"{last} {l2}"
            elif loc in ("en", "de", "fr") and rng.random() < 0.05:
                _, l2, _ = pool.pick_last(rng, self.part, g)
                if l2 != last and " " not in l2 + last:
                    last = f"{last}-{l2}"
            elif loc == "ms":
                last = ("binti " if g == "f" else "bin ") + last
            elif loc == "ar" and rng.random() < 0.12:
                _, fa, _ = pool.pick_first(rng, self.part, "m")
                last = f"{'bint' if g == 'f' else 'bin'} {fa}"
                nlast = ""
            if native is None:
                use_native = self.native_ok and loc in NATIVE_SCRIPT_LOCALES and rng.random() < 0.3
            else:
                use_native = native
            p = Person(loc, g, first, last, nfirst, nlast, use_native)
            if p.full() in self.used_names:
                continue
            # avoid two different people sharing a name token in one prompt
            toks = set(p.full().split())
            if any(toks & set(q.full().split()) for q in self.persons):
                continue
            self.used_names.add(p.full())
            self.persons.append(p)
            return p
        raise RuntimeError("could not pick a person")

    def people(self, n, **kw):
        return [self.person(**kw) for _ in range(n)]

    # ------------------------------------------------------------ contact data
    def country_of(self, person=None, national=False):
        if national or person is None:
            return self.country
        return self.rng.choice(V.LOCALE_COUNTRIES[person.locale][:3] + [self.country])

    def phone(self, person=None, intl=None, country=None):
        """A PHONE entity; national format when the number is in the prompt's own country (mostly)."""
        c = country or (self.country_of(person) if person is not None else self.country)
        if intl is None:
            intl = c != self.country or self.rng.random() < 0.35
        return Ent("PHONE", V.phone(self.rng, c, intl))

    def email(self, person, domain=None):
        return Ent("EMAIL", person.email(self.rng, domain))

    def company(self, surname_based=None, lang=None):
        lang = lang or self.lang
        sur = None
        if surname_based is None:
            surname_based = self.rng.random() < 0.35
        if surname_based:
            # a surname from the pool that no labelled person in this prompt uses
            for _ in range(20):
                loc = self.pick_locale()
                pool = pools()[loc]
                s1 = pool.pick_last(self.rng, self.part, "m")[1]
                s2 = pool.pick_last(self.rng, self.part, "f")[1]
                if s1 != s2 and " " not in s1 + s2:
                    sur = (s1, s2)
                    break
        return company(self.rng, lang, self.part, sur)

    def brand(self):
        return self.rng.choice(EPONYMOUS_BRANDS)

    def company_domain(self, name):
        return company_email_domain(self.rng, name, self.lang)

    def work_email(self, person, domain):
        return Ent("EMAIL", person.email(self.rng, domain))

    def iban(self, person=None, grouped=None):
        cc = None
        k = self.rng.random()
        if person is not None and k < 0.5:
            cc = V.COUNTRY_TO_IBAN.get(self.country_of(person))
        elif k < 0.75:
            cc = V.COUNTRY_TO_IBAN.get(self.country)
        return Ent("IBAN", V.iban(self.rng, cc, grouped))

    def card(self, brand=None, sep=None):
        return Ent("CREDIT_CARD", V.card(self.rng, brand, sep))

    def ssn(self, style=None):
        style = style or self.rng.choices(["dash", "space", "bare"], weights=[70, 10, 20])[0]
        return Ent("US_SSN", V.ssn(self.rng, style))

    def ip(self, v6=0.25, private=None):
        if private is True:
            return Ent("IP_ADDRESS", V.ipv4_private(self.rng))
        if private is False:
            return Ent("IP_ADDRESS", V.ipv6(self.rng) if self.rng.random() < v6 else V.ipv4_public(self.rng))
        return Ent("IP_ADDRESS", V.ip_any(self.rng, v6))

    def ip6(self):
        return Ent("IP_ADDRESS", V.ipv6(self.rng))

    def password(self, style=None, safe=""):
        """safe: characters the value must not contain (e.g. '@:/#?%' inside URLs)."""
        for _ in range(100):
            v = V.password(self.rng, style)
            if not any(c in v for c in safe):
                return Ent("SECRET", v)
        return Ent("SECRET", V.password(self.rng, "long_random"))

    def secret(self, kind=None):
        return Ent("SECRET", V.vendor_secret(self.rng, kind)[1])

    def token(self):
        return Ent("SECRET", V.opaque_token(self.rng))

    # ------------------------------------------------------------ look-alikes
    def date(self, style=None):
        if style in (None, "local") and self.lang == "en":
            style = style or self.rng.choice(["iso", "local", "long"])
            if style == "local":
                style = "local_us" if self.country in ("us", "ca") else "local_eu"
        return V.date(self.rng, self.lang, style)

    def price(self):
        return V.price(self.rng, self.lang)
