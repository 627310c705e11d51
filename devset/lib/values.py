"""Generators for sensitive values and for look-alike (non-sensitive) values.

All randomness comes from the `rng` (random.Random) passed in, so output is deterministic."""
import base64
import json
import re
import string

from .core import luhn_ok, iban_ok, ssn_ok

B62 = string.ascii_letters + string.digits
HEX = "0123456789abcdef"
B64 = string.ascii_letters + string.digits + "+/"
B64URL = string.ascii_letters + string.digits + "-_"
UPPER_DIGITS = string.ascii_uppercase + string.digits


def rand_str(rng, alphabet, n):
    return "".join(rng.choice(alphabet) for _ in range(n))


def digits(rng, n):
    return "".join(rng.choice(string.digits) for _ in range(n))


# ---------------------------------------------------------------- phone numbers

# Pattern syntax: X any digit, N 2-9, M 1-9, [abc] one of the listed digits; other chars literal.
PHONES = {
    "us": (["(NXX) NXX-XXXX", "NXX-NXX-XXXX", "NXX.NXX.XXXX", "NXXNXXXXXX", "(NXX) 555-01XX", "NXX-555-01XX"],
           ["+1 NXX-NXX-XXXX", "+1 (NXX) NXX-XXXX", "+1 NXX NXX XXXX", "+1NXXNXXXXXX", "1-NXX-NXX-XXXX"]),
    "ca": (["(416) NXX-XXXX", "604-NXX-XXXX", "(514) NXX-XXXX"], ["+1 416 NXX XXXX", "+1 (604) NXX-XXXX"]),
    "gb": (["07[1-9]XX XXXXXX", "07[1-9]XXXXXXXX", "020 7XXX XXXX", "020 8XXX XXXX", "0161 NXX XXXX", "0131 NXX XXXX", "0117 NXX XXXX", "01[2-9]XX NXXXXX"],
           ["+44 7[1-9]XX XXXXXX", "+44 (0)20 7XXX XXXX", "+44 20 7XXX XXXX", "+447[1-9]XXXXXXXX", "+44 (0)7[1-9]XX XXXXXX"]),
    "ie": (["08[3-9] NXX XXXX", "01 NXX XXXX"], ["+353 8[3-9] NXX XXXX", "+353 1 NXX XXXX"]),
    "de": (["015[1-9] NXXXXXXX", "017[0-9] NXXXXXX", "016[0-3] NXXXXXX", "030 NXXXXXXX", "089/NXXXXXX", "040 NXXXXXX", "069 NXXXXXXX", "0221 NXXXXXX", "0711 NXXXXX", "0176-NXXXXXXX", "030/NXX XX XX"],
           ["+49 15[1-9] NXXXXXXX", "+49 (0)30 NXXXXXX", "+49 30 NXXXXXXX", "+49 89 NXXXXXX", "+4917[0-9]NXXXXXXX", "0049 151 NXXXXXXX", "+49 (0)171 NXXXXXX"]),
    "at": (["0664 NXXXXXX", "0660 NXXXXXX", "01 NXXXXXX"], ["+43 6[5-9]X NXXXXXX", "+43 1 NXXXXXX"]),
    "ch": (["07[6-9] NXX XX XX", "044 NXX XX XX"], ["+41 7[6-9] NXX XX XX", "+41 44 NXX XX XX"]),
    "fr": (["06 XX XX XX XX", "07 XX XX XX XX", "01 XX XX XX XX", "04 XX XX XX XX", "05 XX XX XX XX", "06.XX.XX.XX.XX", "06XXXXXXXX", "02 XX XX XX XX"],
           ["+33 6 XX XX XX XX", "+33 (0)1 XX XX XX XX", "+33 7 XX XX XX XX", "+336XXXXXXXX", "+33 (0)6 XX XX XX XX", "0033 6 XX XX XX XX"]),
    "be": (["04[7-9]X XX XX XX", "02 NXX XX XX"], ["+32 4[7-9]X XX XX XX", "+32 2 NXX XX XX"]),
    "es": (["6XX XXX XXX", "6XXXXXXXX", "7[1-4]X XX XX XX", "9[1-5]X XXX XXX", "91 NXX XX XX", "93 NXX XX XX", "6XX XX XX XX", "6XX-XXX-XXX"],
           ["+34 6XX XXX XXX", "+34 6XX XX XX XX", "+34 91 NXX XX XX", "0034 6XXXXXXXX", "+34 7[1-4]X XXX XXX", "+34 93 NXX XX XX"]),
    "pt": (["9[1236]X XXX XXX", "21X XXX XXX"], ["+351 9[1236]X XXX XXX", "+351 21X XXX XXX"]),
    "it": (["3[2-9]X XXX XXXX", "06 XXXX XXXX", "02 XXXX XXXX", "3[2-9]XXXXXXXX"], ["+39 3[2-9]X XXX XXXX", "+39 06 XXXX XXXX", "+39 02 XXXXXXXX"]),
    "nl": (["06-XXXXXXXX", "06 XX XX XX XX", "020-NXX XXXX", "010 NXX XXXX"], ["+31 6 XXXXXXXX", "+31 (0)20 NXX XXXX", "+31 6 XX XX XX XX", "+316XXXXXXXX"]),
    "pl": (["[5-8]XX-XXX-XXX", "[5-8]XX XXX XXX", "22 NXX XX XX"], ["+48 [5-8]XX XXX XXX", "+48 22 NXX XX XX", "+48[5-8]XXXXXXXX"]),
    "cz": (["[67]XX XXX XXX"], ["+420 [67]XX XXX XXX"]),
    "se": (["07[02369]-XXX XX XX", "08-NXX XX XX", "07[02369] XXX XX XX"], ["+46 7[02369] XXX XX XX", "+46 8 NXX XX XX", "+467[02369]XXXXXXX"]),
    "no": (["[49]XX XX XXX", "[49]XXXXXXX"], ["+47 [49]XX XX XXX", "+47 [49]XXXXXXX"]),
    "dk": (["[2-9]X XX XX XX"], ["+45 [2-9]X XX XX XX", "+45 [2-9]XXXXXXX"]),
    "fi": (["04[0-9] NXX XXXX", "050 NXX XXXX"], ["+358 4[0-9] NXX XXXX", "+358 50 NXX XXXX"]),
    "is": (["[678]XX XXXX"], ["+354 [678]XX XXXX"]),
    "gr": (["69X XXX XXXX", "21X XXX XXXX"], ["+30 69X XXX XXXX", "+30 21X XXX XXXX"]),
    "tr": (["05[3-5]X XXX XX XX", "0 (5[3-5]X) XXX XX XX"], ["+90 5[3-5]X XXX XX XX", "+90 (5[3-5]X) XXX XXXX"]),
    "hu": (["06 [237]0 NXX XXXX", "06-[237]0-NXX-XXXX"], ["+36 [237]0 NXX XXXX", "+36-[237]0-NXX-XXXX"]),
    "ro": (["07[2-8]X XXX XXX"], ["+40 7[2-8]X XXX XXX", "+40 7[2-8]XXXXXXX"]),
    "ru": (["8 (9XX) NXX-XX-XX", "8 9XX NXX XX XX"], ["+7 9XX NXX-XX-XX", "+7 (495) NXX-XX-XX", "+7 (9XX) NXX-XX-XX", "+79XXNXXXXXX"]),
    "ua": (["0[5-9]X NXX XX XX", "(0[5-9]X) NXX-XX-XX"], ["+380 [5-9][0-9] NXX XX XX", "+380 (6[3-8]) NXX-XX-XX"]),
    "rs": (["06[0-9] NXX XXXX"], ["+381 6[0-9] NXX XXXX"]),
    "hr": (["09[1-9] NXX XXXX"], ["+385 9[1-9] NXX XXXX"]),
    "il": (["05[0-8]-NXX-XXXX", "05[0-8]NXXXXXX"], ["+972 5[0-8]-NXX-XXXX", "+972-5[0-8]-NXXXXXX", "+972 5[0-8] NXX XXXX"]),
    "ae": (["05[0-8] NXX XXXX"], ["+971 5[0-8] NXX XXXX", "+971 4 NXX XXXX", "+9715[0-8]NXXXXXX"]),
    "sa": (["05X NXX XXXX"], ["+966 5X NXX XXXX", "+966 11 NXX XXXX"]),
    "eg": (["01[0125] XXXX XXXX"], ["+20 1[0125] XXXX XXXX", "+20 2 XXXX XXXX"]),
    "ma": (["06XX-XXXXXX"], ["+212 6XX-XXXXXX", "+212 6 XX XX XX XX"]),
    "ng": (["0[789][01]X XXX XXXX", "0[789][01]XXXXXXXX"], ["+234 [789][01]X XXX XXXX", "+2348[01]XXXXXXXX", "+234 (0)[789][01]X XXX XXXX", "+234-80X-XXX-XXXX"]),
    "gh": (["0[25]X XXX XXXX", "0[25]X-XXX-XXXX"], ["+233 [25]X XXX XXXX", "+233[25]XXXXXXXX"]),
    "za": (["0[678][1-4] XXX XXXX", "0[678][1-4]XXXXXXX", "021 NXX XXXX", "011 NXX XXXX"], ["+27 [678][1-4] XXX XXXX", "+27 (0)[678][1-4] XXX XXXX", "+27 21 NXX XXXX", "+27[678][1-4]XXXXXXX"]),
    "ke": (["07XX XXX XXX", "07XX XXXXXX"], ["+254 7XX XXX XXX", "+254 (0)7XX XXX XXX", "+2547XXXXXXXX"]),
    "tz": (["07XX XXX XXX"], ["+255 7XX XXX XXX"]),
    "sn": (["7[05678] XXX XX XX"], ["+221 7[05678] XXX XX XX"]),
    "in": (["[6-9]XXXX XXXXX", "0[6-9]XXXXXXXXX", "022 NXXX XXXX"], ["+91 [6-9]XXXX XXXXX", "+91-[6-9]XXXXXXXXX", "+91 [6-9]XXXXXXXXX", "+91 22 NXXX XXXX"]),
    "pk": (["03XX XXXXXXX"], ["+92 3XX XXXXXXX"]),
    "bd": (["01[3-9]XX-XXXXXX"], ["+880 1[3-9]XX-XXXXXX", "+880 1[3-9]XX XXXXXX"]),
    "np": (["98[4-6]XXXXXXX"], ["+977 98[4-6]XXXXXXX"]),
    "cn": (["1[3-9]X XXXX XXXX", "1[3-9]X-XXXX-XXXX", "1[3-9]XXXXXXXXX"], ["+86 1[3-9]X XXXX XXXX", "+86 10 NXXX XXXX", "+86 21 NXXX XXXX", "+861[3-9]XXXXXXXXX"]),
    "hk": (["[569]XXX XXXX"], ["+852 [569]XXX XXXX"]),
    "tw": (["09XX-XXX-XXX"], ["+886 9XX XXX XXX"]),
    "jp": (["0[789]0-XXXX-XXXX", "03-NXXX-XXXX", "06-NXXX-XXXX"], ["+81 [789]0-XXXX-XXXX", "+81 3-NXXX-XXXX", "+81 [789]0 XXXX XXXX", "+81-[789]0-XXXX-XXXX"]),
    "kr": (["010-XXXX-XXXX", "02-NXXX-XXXX"], ["+82 10-XXXX-XXXX", "+82 10 XXXX XXXX", "+82-2-NXXX-XXXX"]),
    "vn": (["09X XXX XXXX", "09XXXXXXXX", "03X XXX XXXX"], ["+84 9X XXX XX XX", "+84 9X XXX XXXX", "+84 3X XXX XXXX"]),
    "id": (["08[1-5]X-XXXX-XXXX", "08[1-5]XXXXXXXXX"], ["+62 8[1-5]X-XXXX-XXXX", "+62 8[1-5]X XXXX XXXX", "+628[1-5]XXXXXXXXX"]),
    "my": (["01[2-9]-NXX XXXX"], ["+60 1[2-9]-NXX XXXX", "+60 1[2-9] NXX XXXX"]),
    "ph": (["09XX XXX XXXX", "09XX-XXX-XXXX"], ["+63 9XX XXX XXXX", "+63 (2) 8XXX XXXX", "+639XXXXXXXXX"]),
    "sg": (["[89]XXX XXXX"], ["+65 [89]XXX XXXX"]),
    "au": (["04XX XXX XXX", "(02) NXXX XXXX", "04XXXXXXXX"], ["+61 4XX XXX XXX", "+61 2 NXXX XXXX", "+61 (0)4XX XXX XXX"]),
    "nz": (["02[12] XXX XXXX"], ["+64 2[12] XXX XXXX"]),
    "br": (["(11) 9XXXX-XXXX", "(21) 9XXXX-XXXX", "11 9XXXX-XXXX", "(31) NXXX-XXXX"], ["+55 11 9XXXX-XXXX", "+55 (21) 9XXXX-XXXX", "+55 11 9XXXXXXXX", "+5511 9XXXX XXXX"]),
    "mx": (["55 XXXX XXXX", "(33) XXXX XXXX", "55-XXXX-XXXX"], ["+52 55 XXXX XXXX", "+52 1 55 XXXX XXXX", "+52 (81) XXXX XXXX"]),
    "ar": (["11 [2-9]XXX-XXXX", "(011) 15-[2-9]XXX-XXXX"], ["+54 9 11 [2-9]XXX-XXXX", "+54 11 [2-9]XXX-XXXX"]),
    "co": (["3[0-2]X XXX XXXX"], ["+57 3[0-2]X XXX XXXX", "+57 (1) NXX XXXX"]),
    "cl": (["9 XXXX XXXX"], ["+56 9 XXXX XXXX", "+56 2 2XXX XXXX"]),
    "pe": (["9XX XXX XXX"], ["+51 9XX XXX XXX"]),
}

# Which countries a name locale's people plausibly live in (first = most likely).
LOCALE_COUNTRIES = {
    "en": ["us", "gb", "au", "ca", "ie", "nz"], "de": ["de", "at", "ch"], "fr": ["fr", "be", "ch", "ca"],
    "es": ["es"], "es_latam": ["mx", "ar", "co", "cl", "pe", "us"], "pt_br": ["br"], "pt_pt": ["pt"],
    "it": ["it", "ch"], "nl": ["nl", "be"], "sv": ["se"], "nb": ["no"], "da": ["dk"], "fi": ["fi"],
    "is": ["is"], "pl": ["pl", "gb", "de"], "cs": ["cz"], "ru": ["ru", "de", "il"], "uk": ["ua", "pl", "de"],
    "sr_hr": ["rs", "hr", "at", "de"], "ro": ["ro", "it", "es"], "el": ["gr", "de"], "tr": ["tr", "de"],
    "hu": ["hu"], "ar": ["ae", "sa", "eg", "ma", "fr"], "he": ["il", "us"], "zh": ["cn", "hk", "tw", "sg", "us"],
    "ja": ["jp"], "ko": ["kr"], "vi": ["vn", "fr", "us"], "hi": ["in", "gb", "us", "ae"], "ta": ["in", "sg", "my"],
    "bn": ["bd", "in", "gb"], "id": ["id"], "ms": ["my", "sg"], "fil": ["ph", "ae", "us"], "yo": ["ng", "gb"],
    "ig": ["ng", "gb", "us"], "ha": ["ng"], "ak": ["gh", "gb"], "zu": ["za"], "xh": ["za"], "af": ["za"],
    "sw": ["ke", "tz"], "wo": ["sn", "fr"], "ga": ["ie", "gb"],
}

# Country of the prompt's prose language (national numbers without country code).
LANG_COUNTRIES = {"en": ["us", "gb", "us", "au", "ie", "ca"], "de": ["de", "de", "at", "ch"],
                  "fr": ["fr", "fr", "be", "ch"], "es": ["es", "es", "mx", "ar", "co"]}


def fill_pattern(rng, pat):
    out = []
    i = 0
    while i < len(pat):
        c = pat[i]
        if c == "X":
            out.append(rng.choice(string.digits))
        elif c == "N":
            out.append(rng.choice("23456789"))
        elif c == "M":
            out.append(rng.choice("123456789"))
        elif c == "[":
            j = pat.index("]", i)
            opts = pat[i + 1:j]
            if "-" in opts and len(opts) == 3:
                opts = "".join(str(d) for d in range(int(opts[0]), int(opts[2]) + 1))
            out.append(rng.choice(opts))
            i = j
        else:
            out.append(c)
        i += 1
    return "".join(out)


def phone(rng, country, intl=None):
    nat, inter = PHONES[country]
    if intl is None:
        intl = rng.random() < 0.45
    return fill_pattern(rng, rng.choice(inter if intl else nat))


# ---------------------------------------------------------------- cards

CARD_BRANDS = [
    # name, weight, prefixes, length, groupings
    ("visa", 30, ["4"], 16, [(4, 4, 4, 4)]),
    ("mastercard", 22, ["51", "52", "53", "54", "55", "2221", "2300", "2720", "2597"], 16, [(4, 4, 4, 4)]),
    ("amex", 10, ["34", "37"], 15, [(4, 6, 5)]),
    ("diners", 4, ["36", "38", "300", "305"], 14, [(4, 6, 4)]),
    ("discover", 5, ["6011", "644", "65"], 16, [(4, 4, 4, 4)]),
    ("jcb", 4, ["3528", "3530", "3566", "3589"], 16, [(4, 4, 4, 4)]),
    ("unionpay", 3, ["62"], 16, [(4, 4, 4, 4)]),
    ("unionpay19", 2, ["62"], 19, [(4, 4, 4, 4, 3), (6, 13)]),
    ("maestro", 3, ["5018", "5020", "6759", "6304"], 19, [(4, 4, 4, 4, 3)]),
    ("visa19", 2, ["4"], 19, [(4, 4, 4, 4, 3)]),
    ("visa13", 2, ["4"], 13, [(4, 3, 3, 3)]),
    ("mir", 2, ["2200", "2202", "2204"], 16, [(4, 4, 4, 4)]),
    ("cb", 2, ["4970", "5132"], 16, [(4, 4, 4, 4)]),
]


def luhn_complete(prefix, length, rng):
    body = prefix + digits(rng, length - len(prefix) - 1)
    for d in "0123456789":
        if luhn_ok(body + d):
            return body + d
    raise AssertionError


def card_number(rng, brand=None):
    if brand is None:
        brand = rng.choices(CARD_BRANDS, weights=[b[1] for b in CARD_BRANDS])[0]
    else:
        brand = next(b for b in CARD_BRANDS if b[0] == brand)
    num = luhn_complete(rng.choice(brand[2]), brand[3], rng)
    return brand[0], num, rng.choice(brand[4])


def format_card(rng, num, grouping, sep=None):
    if sep is None:
        sep = rng.choices([" ", "-", "", "."], weights=[55, 25, 17, 3])[0]
    if sep == "":
        return num
    out, i = [], 0
    for g in grouping:
        out.append(num[i:i + g])
        i += g
    return sep.join(out)


def card(rng, brand=None, sep=None):
    b, num, grouping = card_number(rng, brand)
    return format_card(rng, num, grouping, sep)


def luhn_invalid_16(rng, sep=" "):
    while True:
        num = rng.choice("3456") + digits(rng, 15)
        if not luhn_ok(num):
            return format_card(rng, num, (4, 4, 4, 4), sep)


def card_expiry(rng):
    return f"{rng.randint(1, 12):02d}/{rng.randint(25, 31)}"


# ---------------------------------------------------------------- IBAN

def _alnum(rng, n):
    return rand_str(rng, UPPER_DIGITS, n)


def _es_dc(digits_str, weights=(1, 2, 4, 8, 5, 10, 9, 7, 3, 6)):
    s = sum(int(d) * w for d, w in zip(digits_str, weights))
    dc = 11 - s % 11
    return {10: 1, 11: 0}.get(dc, dc)


def _bban(rng, cc):
    if cc == "DE":
        return rng.choice(["10010010", "37040044", "50010517", "20041133", "70150000", "12030000", "76026000", "44050199", "86055592", "43060967"]) + digits(rng, 10)
    if cc == "FR":
        bank = rng.choice(["30004", "30003", "20041", "10278", "30002", "16606", "10107", "18206", "17515"])
        branch, acct = digits(rng, 5), digits(rng, 11)
        key = 97 - ((89 * int(bank) + 15 * int(branch) + 3 * int(acct)) % 97)
        return f"{bank}{branch}{acct}{key:02d}"
    if cc == "ES":
        bank = rng.choice(["2100", "0049", "0182", "0081", "2038", "1465", "0128", "2080", "0075"])
        branch, acct = digits(rng, 4), digits(rng, 10)
        return f"{bank}{branch}{_es_dc('00' + bank + branch)}{_es_dc(acct)}{acct}"
    if cc == "BE":
        first = digits(rng, 10)
        chk = int(first) % 97 or 97
        return f"{first}{chk:02d}"
    table = {
        "GB": lambda: rng.choice(["NWBK", "BARC", "LOYD", "HBUK", "MIDL", "MONZ", "REVO", "SRLG"]) + digits(rng, 14),
        "IE": lambda: rng.choice(["AIBK", "BOFI", "IPBS"]) + digits(rng, 14),
        "NL": lambda: rng.choice(["INGB", "ABNA", "RABO", "SNSB", "TRIO", "KNAB", "BUNQ"]) + digits(rng, 10),
        "IT": lambda: rng.choice(string.ascii_uppercase) + rng.choice(["03069", "02008", "05034", "03062"]) + digits(rng, 5) + digits(rng, 12),
        "CH": lambda: rng.choice(["00762", "00230", "80808"]) + _alnum(rng, 2) + digits(rng, 10),
        "AT": lambda: rng.choice(["12000", "20111", "32000", "14000"]) + digits(rng, 11),
        "PL": lambda: digits(rng, 24), "PT": lambda: rng.choice(["0002", "0033", "0035", "0007"]) + digits(rng, 17),
        "SE": lambda: rng.choice(["500", "800", "600", "300"]) + digits(rng, 17), "NO": lambda: digits(rng, 11),
        "DK": lambda: digits(rng, 14), "FI": lambda: digits(rng, 14), "LU": lambda: digits(rng, 3) + _alnum(rng, 13),
        "GR": lambda: digits(rng, 7) + digits(rng, 16), "CZ": lambda: rng.choice(["0800", "0100", "0300", "2010"]) + digits(rng, 16),
        "HU": lambda: digits(rng, 24), "RO": lambda: rng.choice(["BTRL", "RNCB", "BRDE", "INGB"]) + digits(rng, 16),
        "TR": lambda: digits(rng, 5) + "0" + digits(rng, 16), "SA": lambda: digits(rng, 2) + digits(rng, 18),
        "AE": lambda: digits(rng, 3) + digits(rng, 16), "IL": lambda: digits(rng, 19),
        "BR": lambda: digits(rng, 8) + digits(rng, 5) + digits(rng, 10) + "C" + rng.choice("12"),
        "LT": lambda: digits(rng, 16), "HR": lambda: digits(rng, 17), "IS": lambda: digits(rng, 22),
        "SI": lambda: digits(rng, 15), "MT": lambda: rng.choice(["MALT", "VALL"]) + digits(rng, 5) + _alnum(rng, 18),
        "MC": lambda: digits(rng, 10) + _alnum(rng, 11) + digits(rng, 2), "EE": lambda: digits(rng, 16),
    }
    return table[cc]()


IBAN_COUNTRIES = ["DE", "FR", "ES", "GB", "IT", "NL", "BE", "CH", "AT", "PL", "PT", "SE", "NO", "DK", "FI", "IE", "LU",
                  "GR", "CZ", "HU", "RO", "TR", "SA", "AE", "IL", "BR", "LT", "HR", "IS", "SI", "MT", "MC", "EE"]
COUNTRY_TO_IBAN = {"de": "DE", "fr": "FR", "es": "ES", "gb": "GB", "it": "IT", "nl": "NL", "be": "BE", "ch": "CH",
                   "at": "AT", "pl": "PL", "pt": "PT", "se": "SE", "no": "NO", "dk": "DK", "fi": "FI", "ie": "IE",
                   "gr": "GR", "cz": "CZ", "hu": "HU", "ro": "RO", "tr": "TR", "sa": "SA", "ae": "AE", "il": "IL",
                   "br": "BR", "hr": "HR", "is": "IS"}


def iban(rng, cc=None, grouped=None):
    if cc is None:
        cc = rng.choice(IBAN_COUNTRIES)
    bban = _bban(rng, cc)
    rearr = bban + cc + "00"
    num = "".join(str(int(c, 36)) for c in rearr)
    check = 98 - int(num) % 97
    compact = f"{cc}{check:02d}{bban}"
    assert iban_ok(compact), compact
    if grouped is None:
        grouped = rng.random() < 0.6
    if grouped:
        return " ".join(compact[i:i + 4] for i in range(0, len(compact), 4))
    return compact


BICS = {"DE": ["COBADEFFXXX", "DEUTDEDBXXX", "GENODEF1M04", "BYLADEM1001", "INGDDEFFXXX"], "FR": ["BNPAFRPPXXX", "SOGEFRPP", "CRLYFRPP", "PSSTFRPPPAR"],
        "ES": ["CAIXESBBXXX", "BSCHESMMXXX", "BBVAESMMXXX", "INGDESMMXXX"], "GB": ["NWBKGB2L", "BARCGB22", "LOYDGB21", "MONZGB2L"],
        "NL": ["INGBNL2A", "ABNANL2A", "RABONL2U"], "IT": ["UNCRITMMXXX", "BCITITMM"], "CH": ["UBSWCHZH80A", "POFICHBEXXX"]}


def bic(rng, cc):
    if cc in BICS and rng.random() < 0.7:
        return rng.choice(BICS[cc])
    bank = rand_str(rng, string.ascii_uppercase, 4)
    return bank + cc + rand_str(rng, string.ascii_uppercase + "23456789", 2) + rng.choice(["", "", "XXX"])


# ---------------------------------------------------------------- US SSN

def ssn(rng, style="dash"):
    while True:
        area = rng.randint(1, 899)
        if area == 666:
            continue
        s = f"{area:03d}{rng.randint(1, 99):02d}{rng.randint(1, 9999):04d}"
        if s.startswith("078051120"):
            continue
        break
    if style == "dash":
        v = f"{s[:3]}-{s[3:5]}-{s[5:]}"
    elif style == "space":
        v = f"{s[:3]} {s[3:5]} {s[5:]}"
    else:
        v = s
    assert ssn_ok(v)
    return v


# ---------------------------------------------------------------- IP addresses

def ipv4_public(rng):
    while True:
        a = rng.choice([rng.randint(1, 223), rng.choice([81, 85, 91, 93, 185, 188, 212, 213, 80, 62, 77, 82, 46, 37, 5, 2, 102, 105, 41, 196, 197, 103, 110, 177, 189, 200, 201])])
        if a in (10, 127, 0, 100, 169, 172, 192, 198, 203, 224):
            continue
        return f"{a}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"


def ipv4_private(rng):
    k = rng.random()
    if k < 0.4:
        return f"10.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"
    if k < 0.75:
        return f"192.168.{rng.choice([0, 1, 1, 2, 10, 20, 100, 178])}.{rng.randint(2, 254)}"
    return f"172.{rng.randint(16, 31)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"


def ipv4(rng):
    return ipv4_public(rng) if rng.random() < 0.55 else ipv4_private(rng)


def ipv6(rng, style=None):
    groups = [rng.choice(["2001", "2a02", "2a01", "2600", "2604", "2a00", "2c0f", "240e", "2409", "2001"])] + \
             [f"{rng.randint(0, 0xffff):x}" for _ in range(7)]
    if style is None:
        style = rng.choice(["full", "compressed", "compressed", "compressed", "linklocal", "padded"])
    if style == "linklocal":
        return "fe80::" + ":".join(f"{rng.randint(0, 0xffff):x}" for _ in range(4))
    if style == "padded":
        return ":".join(g.zfill(4) for g in groups[:3] + ["0000", "0000"] + groups[5:])
    if style == "full":
        return ":".join(groups)
    k = rng.randint(2, 4)
    return ":".join(groups[:k]) + "::" + ":".join(groups[-rng.randint(1, 3):])


def ip_any(rng, v6_share=0.2):
    return ipv6(rng) if rng.random() < v6_share else ipv4(rng)


# ---------------------------------------------------------------- secrets

def b64url_json(obj):
    raw = json.dumps(obj, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def jwt(rng, claims=None):
    alg = rng.choice(["HS256", "RS256", "ES256", "HS512"])
    header = {"alg": alg, "typ": "JWT"}
    if alg != "HS256" and rng.random() < 0.5:
        header["kid"] = rand_str(rng, B62, 16)
    iat = rng.randint(1_700_000_000, 1_760_000_000)
    body = claims or {}
    body = dict({"sub": rand_str(rng, HEX, 24) if rng.random() < 0.5 else str(rng.randint(1000, 999999)),
                 "iat": iat, "exp": iat + rng.choice([900, 3600, 86400])}, **body)
    if rng.random() < 0.5:
        body["scope"] = rng.choice(["read write", "openid profile email", "admin", "api:read"])
    siglen = {"HS256": 43, "HS512": 86, "RS256": 342, "ES256": 86}[alg]
    return f"{b64url_json(header)}.{b64url_json(body)}.{rand_str(rng, B64URL, siglen)}"


def _pem_body(rng, prefix_b64, nbytes):
    raw = bytes(rng.randrange(256) for _ in range(nbytes))
    body = prefix_b64 + base64.b64encode(raw).decode()
    return [body[i:i + 64] for i in range(0, len(body), 64)]


def pem_private_key(rng, kind=None):
    kind = kind or rng.choice(["RSA", "RSA", "EC", "OPENSSH", "PKCS8"])
    if kind == "RSA":
        head, lines = "RSA PRIVATE KEY", _pem_body(rng, "MIIEo" + rng.choice("gwQ") + "IBAAKCAQEA", 1180)
    elif kind == "EC":
        head, lines = "EC PRIVATE KEY", _pem_body(rng, "MHcCAQEEI", 110)
    elif kind == "OPENSSH":
        head, lines = "OPENSSH PRIVATE KEY", _pem_body(rng, "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW", 300)
        lines = [l[:70] for l in lines]
    else:
        head, lines = "PRIVATE KEY", _pem_body(rng, "MIIEv" + rng.choice("QgIw") + "IBADANBgkqhkiG9w0BAQEFAASC", 1160)
    return "\n".join([f"-----BEGIN {head}-----"] + lines + [f"-----END {head}-----"])


def aws_key_id(rng):
    return rng.choice(["AKIA", "AKIA", "AKIA", "ASIA"]) + rand_str(rng, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16)


def aws_secret(rng):
    return rand_str(rng, B64, 40)


def vendor_secret(rng, kind=None):
    """Return (kind, value) of a vendor API key/token."""
    kinds = ["github", "github_pat", "gitlab", "slack", "slack_user", "stripe", "stripe_rk", "google", "sendgrid",
             "twilio", "npm", "pypi", "hf", "shopify", "do", "anthropic", "openai", "openai_legacy", "datadog",
             "aws", "azure", "jwt", "mailgun", "telegram", "discord_bot", "vercel", "linear", "notion", "sentry", "supabase"]
    kind = kind or rng.choice(kinds)
    v = {
        "github": lambda: rng.choice(["ghp_", "ghp_", "gho_", "ghs_", "ghu_"]) + rand_str(rng, B62, 36),
        "github_pat": lambda: "github_pat_11" + rand_str(rng, UPPER_DIGITS, 20) + "_" + rand_str(rng, B62, 59),
        "gitlab": lambda: "glpat-" + rand_str(rng, B62 + "-_", 20),
        "slack": lambda: f"xoxb-{digits(rng, 12)}-{digits(rng, 13)}-{rand_str(rng, B62, 24)}",
        "slack_user": lambda: f"xoxp-{digits(rng, 12)}-{digits(rng, 12)}-{digits(rng, 13)}-{rand_str(rng, HEX, 32)}",
        "stripe": lambda: "sk_live_" + rand_str(rng, B62, rng.choice([24, 99])),
        "stripe_rk": lambda: "rk_live_" + rand_str(rng, B62, rng.choice([24, 99])),
        "google": lambda: "AIza" + rand_str(rng, B62 + "-_", 35),
        "sendgrid": lambda: "SG." + rand_str(rng, B64URL, 22) + "." + rand_str(rng, B64URL, 43),
        "twilio": lambda: "SK" + rand_str(rng, HEX, 32),
        "npm": lambda: "npm_" + rand_str(rng, B62, 36),
        "pypi": lambda: "pypi-AgEIcHlwaS5vcmc" + rand_str(rng, B64URL, rng.randint(140, 170)),
        "hf": lambda: "hf_" + rand_str(rng, string.ascii_letters, 34),
        "shopify": lambda: rng.choice(["shpat_", "shpss_", "shpca_"]) + rand_str(rng, HEX, 32),
        "do": lambda: "dop_v1_" + rand_str(rng, HEX, 64),
        "anthropic": lambda: "sk-ant-api03-" + rand_str(rng, B64URL, 93) + "AA",
        "openai": lambda: "sk-proj-" + rand_str(rng, B64URL, rng.choice([48, 124, 156])),
        "openai_legacy": lambda: "sk-" + rand_str(rng, B62, 20) + "T3BlbkFJ" + rand_str(rng, B62, 20),
        "datadog": lambda: rand_str(rng, HEX, 32),
        "aws": lambda: aws_secret(rng),
        "azure": lambda: rand_str(rng, B64, 86) + "==",
        "jwt": lambda: jwt(rng),
        "mailgun": lambda: "key-" + rand_str(rng, HEX, 32),
        "telegram": lambda: f"{rng.randint(100000000, 7999999999)}:AA" + rand_str(rng, B64URL, 33),
        "discord_bot": lambda: rand_str(rng, B62, 24) + "." + rand_str(rng, B64URL, 6) + "." + rand_str(rng, B64URL, 38),
        "vercel": lambda: rand_str(rng, B62, 24),
        "linear": lambda: "lin_api_" + rand_str(rng, B62, 40),
        "notion": lambda: "secret_" + rand_str(rng, B62, 43),
        "sentry": lambda: "sntrys_" + rand_str(rng, B64URL, 60),
        "supabase": lambda: "sbp_" + rand_str(rng, HEX, 40),
    }[kind]()
    return kind, v


def opaque_token(rng):
    """Token of a vendor that is on no well-known list."""
    k = rng.random()
    if k < 0.35:
        return rand_str(rng, B62, rng.choice([32, 40, 48, 64]))
    if k < 0.6:
        return rand_str(rng, HEX, rng.choice([32, 40, 64]))
    if k < 0.8:
        prefix = rng.choice(["pk_", "tok_", "api_", "key_", "sess_", "at_", "svc_", "int_"]) if rng.random() < 0.5 else ""
        return prefix + rand_str(rng, B64URL, rng.choice([28, 36, 43]))
    return rand_str(rng, B64, 40) + rng.choice(["", "=", "=="])


PW_WORDS = ["Sommer", "Winter", "Sonne", "Blume", "Katze", "Hund", "Bayern", "Dragon", "Monkey", "Sunshine", "Shadow",
            "Football", "Princess", "Welcome", "Master", "Tigre", "Soleil", "Chocolat", "Liberte", "Mariposa", "Verano",
            "Barcelona", "Madrid", "Paris", "Berlin", "Toulouse", "Fenerbahce", "Galaxy", "Orange", "Rocket", "Falcon",
            "Pinguin", "Hamster", "Cappuccino", "Espresso", "Tortuga", "Gatito", "Licorne", "Nuage", "Azul", "Bosque",
            "Raclette", "Kiwi", "Mango", "Papagei", "Schatz", "Zitrone", "Pomme", "Fresa", "Cielo", "Luna", "Estrella"]


def password(rng, style=None):
    style = style or rng.choice(["word", "word", "random", "random", "phrase", "leet", "pin_word", "long_random"])
    if style == "word":
        w = rng.choice(PW_WORDS)
        return w + str(rng.choice([rng.randint(1, 99), rng.randint(1970, 2025)])) + rng.choice(["!", "?", "#", "$", "", "!!", "*", "."])
    if style == "random":
        alpha = B62 + "!@#$%^&*-_=+?"
        while True:
            p = rand_str(rng, alpha, rng.randint(12, 20))
            if any(c.isdigit() for c in p) and any(c.isupper() for c in p):
                return p
    if style == "long_random":
        return rand_str(rng, B62, rng.choice([24, 32]))
    if style == "phrase":
        ws = rng.sample(["correct", "horse", "battery", "staple", "river", "cloud", "violet", "tiger", "maple", "copper",
                         "winter", "orbit", "lantern", "pepper", "quartz", "meadow", "harbor", "velvet", "rocket", "nectar"], 4)
        return rng.choice(["-", ".", "_"]).join(ws) + str(rng.randint(1, 99))
    if style == "leet":
        w = rng.choice(["P@ssw0rd", "S3cur3", "Adm1n", "R00t", "Qw3rty", "L3tM3In", "Tr0ub4dor", "Pa55word", "W1nt3r"])
        return w + rng.choice(["!", "#2024", "&3", "_prod", "99", "!23"])
    return f"{rng.choice(PW_WORDS).lower()}{rng.randint(1000, 9999)}"


# ---------------------------------------------------------------- look-alikes (not sensitive)

def uuid4(rng):
    h = rand_str(rng, HEX, 32)
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{rng.choice('89ab')}{h[17:20]}-{h[20:32]}"


def git_sha(rng, short=False):
    return rand_str(rng, HEX, 7 if short else 40)


def sha256(rng):
    return rand_str(rng, HEX, 64)


def semver(rng):
    s = f"{rng.randint(0, 12)}.{rng.randint(0, 40)}.{rng.randint(0, 30)}"
    if rng.random() < 0.2:
        s += rng.choice(["-rc.1", "-beta.2", "-alpha", "+build.417", "-SNAPSHOT"])
    return s


def invoice_no(rng):
    y = rng.randint(2019, 2025)
    return rng.choice([f"INV-{y}-{rng.randint(1, 99999):05d}", f"RE-{y}-{rng.randint(1, 9999):04d}",
                       f"FAC-{y}-{rng.randint(1, 999):03d}", f"F{y}{rng.randint(1, 99999):05d}",
                       f"{y}/{rng.randint(1, 999):03d}", f"FV-{rng.randint(10000, 99999)}", f"R{rng.randint(1000000, 9999999)}"])


def order_no(rng):
    return rng.choice([f"#{rng.randint(10000, 99999)}", f"ORD-{rng.randint(100000, 999999)}", f"{rng.randint(300000000, 399999999)}",
                       f"A{rng.randint(10, 99)}-{rng.randint(1000000, 9999999)}", f"PO-{rng.randint(2019, 2025)}-{rng.randint(100, 9999)}",
                       f"{rng.randint(100, 999)}-{rng.randint(1000000, 9999999)}-{rng.randint(1000000, 9999999)}"])


def ticket_no(rng):
    proj = rng.choice(["PAY", "OPS", "INFRA", "CRM", "SUP", "DATA", "WEB", "APP", "SEC", "HR", "FIN", "PLAT"])
    return rng.choice([f"{proj}-{rng.randint(10, 9999)}", f"#{rng.randint(1000, 999999)}", f"INC{rng.randint(1000000, 9999999)}",
                       f"CHG{rng.randint(100000, 999999)}", f"SR-{rng.randint(100000, 999999)}"])


def tracking_no(rng):
    k = rng.random()
    if k < 0.3:
        return "1Z" + rand_str(rng, UPPER_DIGITS, 6) + digits(rng, 10)
    if k < 0.5:
        return "JJD" + digits(rng, 18)
    if k < 0.7:
        return rand_str(rng, "ABCDEFGHJKLMNPRSTUVWXYZ", 2) + digits(rng, 9) + rng.choice(["DE", "FR", "ES", "GB", "CN", "NL"])
    if k < 0.85:
        return "00" + digits(rng, 18)
    return "9400 1" + " ".join(digits(rng, 4) for _ in range(4)) + " " + digits(rng, 2)


def isbn13(rng):
    core = "978" + digits(rng, 9)
    s = sum(int(d) * (1 if i % 2 == 0 else 3) for i, d in enumerate(core))
    chk = (10 - s % 10) % 10
    full = core + str(chk)
    return f"{full[:3]}-{full[3]}-{full[4:7]}-{full[7:12]}-{full[12]}"


def ean13(rng):
    core = rng.choice(["400", "401", "300", "84", "80", "50", "87", "76"]) + digits(rng, 9)
    core = core[:12]
    s = sum(int(d) * (1 if i % 2 == 0 else 3) for i, d in enumerate(core))
    return core + str((10 - s % 10) % 10)


def price(rng, lang):
    amt = rng.choice([rng.randint(3, 99) + rng.choice([0, .5, .9, .99, .95]), rng.randint(100, 4999) + rng.choice([0, .99, .5]),
                      rng.randint(5000, 250000)])
    cur = rng.choice({"en": ["$", "£", "€", "USD", "CAD", "AUD", "₹", "¥"], "de": ["€", "EUR", "CHF", "$"],
                      "fr": ["€", "EUR", "CHF", "CAD", "FCFA"], "es": ["€", "EUR", "MXN", "$", "ARS", "COP", "R$"]}[lang])
    if lang == "en" or cur in ("$", "£", "USD", "CAD", "AUD", "₹", "¥", "R$"):
        s = f"{amt:,.2f}"
        if cur in ("₹", "¥") or amt == int(amt):
            s = f"{int(amt):,}"
        return f"{cur}{s}" if len(cur) == 1 else f"{cur} {s}"
    s = f"{amt:,.2f}".replace(",", "X").replace(".", ",").replace("X", "." if lang != "fr" else "\u202f")
    return f"{s} {cur}" if rng.random() < 0.7 else f"{cur} {s}"


MONTHS = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
    "de": ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"],
    "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
    "es": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"],
}
WEEKDAYS = {
    "en": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    "de": ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"],
    "fr": ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"],
    "es": ["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"],
}


def date(rng, lang, style=None):
    y, m, d = rng.randint(2021, 2025), rng.randint(1, 12), rng.randint(1, 28)
    style = style or rng.choice(["iso", "local", "long"])
    if style == "iso":
        return f"{y}-{m:02d}-{d:02d}"
    if style == "local_us":
        return f"{m}/{d}/{y}"
    if style == "local_eu":
        return f"{d:02d}/{m:02d}/{y}"
    if style == "local":
        return {"en": f"{m}/{d}/{y}", "de": f"{d:02d}.{m:02d}.{y}",
                "fr": f"{d:02d}/{m:02d}/{y}", "es": f"{d:02d}/{m:02d}/{y}"}[lang]
    mn = MONTHS[lang][m - 1]
    return {"en": rng.choice([f"{mn} {d}, {y}", f"{d} {mn} {y}"]), "de": f"{d}. {mn} {y}", "fr": f"{d} {mn} {y}",
            "es": f"{d} de {mn} de {y}"}[lang]


def time_(rng, seconds=False):
    t = f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}"
    return t + f":{rng.randint(0, 59):02d}" if seconds else t


def timestamp(rng, fmt="iso"):
    y, m, d = rng.randint(2023, 2025), rng.randint(1, 12), rng.randint(1, 28)
    h, mi, s = rng.randint(0, 23), rng.randint(0, 59), rng.randint(0, 59)
    if fmt == "iso":
        return f"{y}-{m:02d}-{d:02d}T{h:02d}:{mi:02d}:{s:02d}.{rng.randint(0, 999):03d}Z"
    if fmt == "clf":
        mon = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][m - 1]
        return f"{d:02d}/{mon}/{y}:{h:02d}:{mi:02d}:{s:02d} +0000"
    if fmt == "syslog":
        mon = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][m - 1]
        return f"{mon} {d:2d} {h:02d}:{mi:02d}:{s:02d}"
    return f"{y}-{m:02d}-{d:02d} {h:02d}:{mi:02d}:{s:02d}"


def coords(rng):
    return f"{rng.uniform(-40, 60):.5f}, {rng.uniform(-120, 140):.5f}"


def postcode(rng, country):
    return {"de": f"{rng.randint(10000, 99999)}", "fr": f"{rng.randint(10, 95):02d}{rng.randint(0, 999):03d}",
            "es": f"{rng.randint(1, 52):02d}{rng.randint(0, 999):03d}", "us": f"{rng.randint(10000, 99999)}",
            "gb": rng.choice(["SW1A 2AA", "EC1V 9HX", "M1 4BT", "EH1 2NG", "B3 2PW", "LS1 5AZ", "BS1 6QH", "CF10 1EP"])}.get(country, f"{rng.randint(1000, 9999)}")


def container_digest(rng):
    return "sha256:" + sha256(rng)


def mac_address(rng):
    return ":".join(f"{rng.randint(0, 255):02x}" for _ in range(6))


def ts_seq(rng, n, fmt="iso", max_step=90):
    """n increasing timestamps (log lines are in order), formatted like timestamp()."""
    import datetime as _dt
    t = _dt.datetime(rng.randint(2023, 2025), rng.randint(1, 12), rng.randint(1, 28), rng.randint(0, 23), rng.randint(0, 59), rng.randint(0, 59))
    mons = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    out = []
    for _ in range(n):
        t += _dt.timedelta(seconds=rng.randint(0, max_step), milliseconds=rng.randint(0, 999))
        if fmt == "iso":
            out.append(t.strftime("%Y-%m-%dT%H:%M:%S.") + f"{t.microsecond // 1000:03d}Z")
        elif fmt == "clf":
            out.append(f"{t.day:02d}/{mons[t.month - 1]}/{t.year}:{t:%H:%M:%S} +0000")
        elif fmt == "syslog":
            out.append(f"{mons[t.month - 1]} {t.day:2d} {t:%H:%M:%S}")
        else:
            out.append(t.strftime("%Y-%m-%d %H:%M:%S"))
    return out
