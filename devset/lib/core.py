"""Document builder, value validators and the self-check of finished drafts."""
import hashlib
import ipaddress
import re

TYPES = ("PERSON", "EMAIL", "PHONE", "CREDIT_CARD", "US_SSN", "IBAN", "IP_ADDRESS", "SECRET")


class Ent:
    """A labelled value to be inserted into a document."""
    __slots__ = ("type", "value")

    def __init__(self, typ, value):
        assert typ in TYPES, typ
        self.type = typ
        self.value = value

    def __repr__(self):
        return f"Ent({self.type}, {self.value!r})"


class Reject(Exception):
    """Raised by a template when a draft cannot be built; the caller retries."""


PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")


class Doc:
    """Builds text and entity spans together, so offsets are exact by construction."""

    def __init__(self):
        self.parts = []
        self.pos = 0
        self.ents = []

    def add(self, *pieces):
        for p in pieces:
            if p is None:
                continue
            if isinstance(p, Ent):
                if not p.value:
                    raise Reject("empty entity")
                self.ents.append({"type": p.type, "start": self.pos, "end": self.pos + len(p.value), "value": p.value})
                self.parts.append(p.value)
                self.pos += len(p.value)
            elif isinstance(p, (list, tuple)):
                self.add(*p)
            else:
                s = str(p)
                self.parts.append(s)
                self.pos += len(s)
        return self

    def fmt(self, template, **kw):
        """Append `template`, replacing {name} by kw[name] (str, Ent or list of them).

        Braces whose name is not a keyword are kept literally, so code and JSON can be
        written naturally."""
        last = 0
        for m in PLACEHOLDER.finditer(template):
            if m.group(1) not in kw:
                continue
            self.add(template[last:m.start()])
            self.add(kw[m.group(1)])
            last = m.end()
        self.add(template[last:])
        return self

    def line(self, template="", **kw):
        self.fmt(template, **kw)
        self.add("\n")
        return self

    def text(self):
        return "".join(self.parts)


def flatten(pieces):
    """Plain text of a piece list (for length estimates)."""
    out = []
    for p in pieces if isinstance(pieces, (list, tuple)) else [pieces]:
        if isinstance(p, Ent):
            out.append(p.value)
        elif isinstance(p, (list, tuple)):
            out.append(flatten(p))
        elif p is not None:
            out.append(str(p))
    return "".join(out)


def stable_hash(s):
    return int(hashlib.md5(s.encode("utf-8")).hexdigest()[:12], 16)


# ---------------------------------------------------------------- validators

def luhn_ok(digits):
    if not digits.isdigit():
        return False
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def iban_ok(iban):
    s = iban.replace(" ", "").upper()
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{10,30}", s):
        return False
    r = s[4:] + s[:4]
    num = "".join(str(int(c, 36)) for c in r)
    return int(num) % 97 == 1


def ssn_ok(ssn):
    d = re.sub(r"[ -]", "", ssn)
    if not re.fullmatch(r"\d{9}", d):
        return False
    area, group, serial = int(d[:3]), int(d[3:5]), int(d[5:])
    return 1 <= area <= 899 and area != 666 and group != 0 and serial != 0


def card_digits(value):
    return re.sub(r"[ .-]", "", value)


# ---------------------------------------------------------------- self-check

EMAIL_RE = re.compile(r"[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
IPV4_RE = re.compile(r"(?<![\d.])(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?!\.?\d)")
IPV6_RE = re.compile(r"(?<![0-9A-Za-z:])(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}(?![0-9A-Za-z:])")
DIGIT_RUN_RE = re.compile(r"(?<![\d])\d(?:[ .-]?\d){12,18}(?![\d])")
SSN_RE = re.compile(r"(?<![\d-])\d{3}([- ])\d{2}\1\d{4}(?![\d-])")
IBAN_RE = re.compile(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\b")
INTL_PHONE_RE = re.compile(r"(?<![\w+])\+\d[\d \-().]{6,}\d")
SECRET_RES = [re.compile(p) for p in (
    r"\b(?:AKIA|ASIA)[0-9A-Z]{16}\b",
    r"\bgh[pousr]_[A-Za-z0-9]{30,}",
    r"\bgithub_pat_[A-Za-z0-9_]{30,}",
    r"\bglpat-[A-Za-z0-9_-]{20}",
    r"\bxox[abpr]-\d+-",
    r"\b[sr]k_live_[A-Za-z0-9]{10,}",
    r"\bsk-ant-[A-Za-z0-9_-]{20,}",
    r"\bsk-proj-[A-Za-z0-9_-]{20,}",
    r"\bAIza[0-9A-Za-z_-]{30,}",
    r"\bSG\.[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{16,}",
    r"\bnpm_[A-Za-z0-9]{30,}",
    r"\bpypi-AgE[A-Za-z0-9_-]{20,}",
    r"\bhf_[A-Za-z]{30,}",
    r"\bshp(?:at|ss|ca)_[a-fA-F0-9]{32}",
    r"\bdop_v1_[a-f0-9]{64}",
    r"\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.",
    r"-----BEGIN [A-Z ]*PRIVATE KEY-----",
    r"(?<=AccountKey=)[A-Za-z0-9+/]{40,}",
)]
# Public documentation examples that are deliberately left unlabelled (hard negatives).
ALLOWED_EXAMPLES = ("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")

NAME_PARTICLES = {
    "al", "el", "ben", "bin", "binti", "bint", "ibn", "abu", "van", "der", "den", "de", "la", "las", "los",
    "del", "von", "vom", "zu", "da", "das", "do", "dos", "du", "le", "di", "lo", "mac", "mc", "nic", "ní",
    "ó", "o", "ter", "t", "y", "e", "d", "a",
}


def covered(spans, start, end):
    for s, e in spans:
        if s <= start and end <= e:
            return True
    return False


def overlaps(spans, start, end):
    for s, e in spans:
        if start < e and s < end:
            return True
    return False


def name_tokens(value):
    toks = set()
    for t in re.split(r"[\s,]+", value):
        t = t.strip(".'’()")
        if not t:
            continue
        for sub in [t] + re.split(r"[-‐]", t):
            sub = sub.strip(".'’")
            if len(sub) >= 2 and sub.lower() not in NAME_PARTICLES:
                toks.add(sub)
    return toks


def selfcheck(text, ents):
    """Return a list of problems; empty when the draft is exact."""
    probs = []
    spans = []
    prev_end = -1
    for e in ents:
        if text[e["start"]:e["end"]] != e["value"]:
            probs.append(f"offset mismatch {e}")
        if e["start"] < prev_end:
            probs.append(f"overlap at {e['start']}")
        prev_end = e["end"]
        spans.append((e["start"], e["end"]))
        v = e["value"]
        if v != v.strip():
            probs.append(f"untrimmed span {v!r}")
        t = e["type"]
        if t == "CREDIT_CARD" and not (luhn_ok(card_digits(v)) and 13 <= len(card_digits(v)) <= 19):
            probs.append(f"bad card {v}")
        elif t == "IBAN" and not iban_ok(v):
            probs.append(f"bad iban {v}")
        elif t == "US_SSN" and not ssn_ok(v):
            probs.append(f"bad ssn {v}")
        elif t == "IP_ADDRESS":
            try:
                ipaddress.ip_address(v)
            except ValueError:
                probs.append(f"bad ip {v}")
        elif t == "EMAIL" and not EMAIL_RE.fullmatch(v):
            probs.append(f"bad email {v}")

    def outside(m):
        return not covered(spans, m.start(), m.end())

    for m in EMAIL_RE.finditer(text):
        if not overlaps(spans, m.start(), m.end()):
            probs.append(f"unlabelled email {m.group()}")
    for m in IPV4_RE.finditer(text):
        # "Chrome/124.0.0.0" style product versions are deliberately unlabelled
        if m.start() >= 2 and text[m.start() - 1] == "/" and text[m.start() - 2].isalpha():
            continue
        if outside(m) and all(int(g) <= 255 for g in m.groups()):
            probs.append(f"unlabelled ipv4 {m.group()}")
    for m in IPV6_RE.finditer(text):
        cand = m.group()
        if "::" not in cand and cand.count(":") != 7:
            continue
        try:
            ipaddress.IPv6Address(cand)
        except ValueError:
            continue
        if outside(m):
            probs.append(f"unlabelled ipv6 {cand}")
    for m in DIGIT_RUN_RE.finditer(text):
        d = re.sub(r"\D", "", m.group())
        if luhn_ok(d) and not overlaps(spans, m.start(), m.end()):
            probs.append(f"unlabelled luhn run {m.group()}")
    for m in SSN_RE.finditer(text):
        if outside(m) and ssn_ok(m.group()):
            probs.append(f"unlabelled ssn {m.group()}")
    for m in IBAN_RE.finditer(text):
        if outside(m) and iban_ok(m.group()):
            probs.append(f"unlabelled iban {m.group()}")
    for m in INTL_PHONE_RE.finditer(text):
        if outside(m) and len(re.sub(r"\D", "", m.group())) >= 8:
            probs.append(f"unlabelled intl phone {m.group()}")
    for rx in SECRET_RES:
        for m in rx.finditer(text):
            if outside(m) and not any(x in text[m.start():m.end() + 40] for x in ALLOWED_EXAMPLES):
                probs.append(f"unlabelled secret {m.group()[:30]}")
    # person tokens outside person spans
    toks = set()
    for e in ents:
        if e["type"] == "PERSON":
            toks |= name_tokens(e["value"])
    pspans = spans
    for tok in sorted(toks):
        flags = re.IGNORECASE if len(tok) >= 4 else 0
        for m in re.finditer(r"(?<![\w])" + re.escape(tok) + r"(?![\w])", text, flags):
            if not covered(pspans, m.start(), m.end()):
                probs.append(f"unlabelled name token {tok!r} at {m.start()}")
                break
    return probs


def pieces(template, **kw):
    """Like Doc.fmt but returns a list of pieces (for building blocks before adding them)."""
    out = []
    last = 0
    for m in PLACEHOLDER.finditer(template):
        if m.group(1) not in kw:
            continue
        out.append(template[last:m.start()])
        out.append(kw[m.group(1)])
        last = m.end()
    out.append(template[last:])
    return out


def extend(doc, other):
    """Append Doc `other` to `doc`, shifting its entity offsets."""
    for e in other.ents:
        doc.ents.append(dict(e, start=e["start"] + doc.pos, end=e["end"] + doc.pos))
    doc.parts.extend(other.parts)
    doc.pos += other.pos
    return doc
