//! Key names: finding the key before a separator and telling by its words (in four
//! languages, any case and joiner) whether it names a password or a token.

use super::*;

/// `<add key="DbPassword" value="…"/>`, `<property name="password" value="…"/>`: for the
/// `=` of a `value` attribute, the key named by a `key`/`name` attribute of the same tag.
pub(super) fn attribute_key(text: &str, end: usize) -> Option<Key> {
    let bytes = text.as_bytes();
    if end < 5 || !bytes.get(end - 5..end)?.eq_ignore_ascii_case(b"value") {
        return None;
    }
    let from = end.saturating_sub(160);
    let tag = bytes.get(from..end - 5)?;
    let tag = tag.rsplit(|&b| b == b'<' || b == b'\n').next()?;
    let at = [&b"key=\""[..], b"name=\"", b"key='", b"name='"]
        .iter()
        .filter_map(|p| find_bytes(tag, p).map(|k| k + p.len()))
        .min()?;
    let name = tag.get(at..)?;
    let name = name.get(..name.iter().position(|&b| b == b'"' || b == b'\'')?)?;
    if name.len() > MAX_KEY || !name.iter().all(|&b| is_key_byte(b)) {
        return None;
    }
    Some(Key {
        kind: key_kind(name)?,
        quoted: true,
        line_start: false,
        structured: true,
        query: false,
        literal: true,
    })
}

pub(super) fn is_key_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.') || b >= 0x80
}

/// Skips back over spaces, tabs and no-break spaces (U+00A0, U+202F) before `j`, at most a
/// few.
pub(super) fn skip_spaces_back(bytes: &[u8], mut j: usize) -> usize {
    for _ in 0..4 {
        if j >= 1 && matches!(bytes.get(j - 1), Some(b' ' | b'\t')) {
            j -= 1;
        } else if j >= 2 && bytes.get(j - 2..j) == Some(b"\xc2\xa0") {
            j -= 2;
        } else if j >= 3 && bytes.get(j - 3..j) == Some(b"\xe2\x80\xaf") {
            j -= 3;
        } else {
            break;
        }
    }
    j
}

/// The key name ending at `end` (a separator), if it names a credential.
pub(super) fn key_before(text: &str, end: usize) -> Option<Key> {
    let bytes = text.as_bytes();
    let mut j = skip_spaces_back(bytes, end);
    let mut quoted = false;
    if j > 0 && matches!(bytes.get(j - 1), Some(b'"' | b'\'' | b'`')) {
        quoted = true;
        j -= 1;
        while j > 0 && bytes.get(j - 1) == Some(&b'\\') {
            j -= 1;
        }
    }
    let ident_end = j;
    while j > 0 && bytes.get(j - 1).is_some_and(|&b| is_key_byte(b)) {
        j -= 1;
        if ident_end - j > MAX_KEY {
            return None;
        }
    }
    if !keyword_tail(bytes.get(j..ident_end)?) {
        return None;
    }
    // Build "word word ident" (at most two short alphabetic words before a one-segment
    // ident, joined with `_`) on a stack buffer: `API key`, `mot de passe`, `Client secret`.
    let start = words_before_ident(bytes, j, ident_end)?;
    let mut buf = KeyBuf::new();
    buf.extend(bytes.get(start..ident_end)?);
    let kind = key_kind_segments(&buf)?;
    let (line_start, structured, query, before) = key_context(bytes, start);
    Some(Key {
        kind,
        quoted,
        line_start,
        structured,
        query,
        literal: line_start || query || before == Some(b';'),
    })
}

/// Where a key name that ends in the one-segment alphabetic identifier `ident_start..end`
/// starts, with at most two short alphabetic words before it.
fn words_before_ident(bytes: &[u8], ident_start: usize, end: usize) -> Option<usize> {
    let mut start = ident_start;
    let ident = bytes.get(ident_start..end)?;
    if !ident.iter().all(|&b| b.is_ascii_alphabetic() || b >= 0x80) {
        return Some(start);
    }
    let mut words = 0;
    while words < 2 && start >= 2 && bytes.get(start - 1) == Some(&b' ') {
        let w_end = start - 1;
        let mut w = w_end;
        while w > 0
            && bytes
                .get(w - 1)
                .is_some_and(|&b| b.is_ascii_alphabetic() || b >= 0x80)
            && w_end - w <= 16
        {
            w -= 1;
        }
        if w == w_end || w_end - w > 16 {
            break;
        }
        start = w;
        words += 1;
    }
    Some(start)
}

/// What stands before a key starting at `start` (indentation is not limited): whether it
/// opens its line, stands in a structure (`{`, `,`, `(`…) or a query string (`?`, `&`), and
/// the byte before it.
fn key_context(bytes: &[u8], start: usize) -> (bool, bool, bool, Option<u8>) {
    let mut k = start;
    while k > 0 && matches!(bytes.get(k - 1), Some(b' ' | b'\t')) && start - k < 256 {
        k -= 1;
    }
    let mut structured = false;
    let mut query = false;
    // `export KEY=`, `set KEY=`, `ENV KEY`, `- KEY=` (compose lists), `$env:KEY`.
    for word in [
        &b"export"[..],
        b"set",
        b"env",
        b"declare",
        b"local",
        b"const",
        b"let",
        b"var",
    ] {
        if k >= word.len()
            && bytes
                .get(k - word.len()..k)
                .is_some_and(|w| w.eq_ignore_ascii_case(word))
            && (k == word.len()
                || !bytes
                    .get(k - word.len() - 1)
                    .is_some_and(|&b| is_key_byte(b)))
            && k < start
        {
            k = skip_spaces_back(bytes, k - word.len());
            break;
        }
    }
    if k > 0 && matches!(bytes.get(k - 1), Some(b'-' | b'*')) {
        k -= 1;
        while k > 0 && matches!(bytes.get(k - 1), Some(b' ' | b'\t')) && start - k < 256 {
            k -= 1;
        }
    }
    let before = k.checked_sub(1).and_then(|p| bytes.get(p)).copied();
    let line_start = matches!(before, None | Some(b'\n' | b'\r'));
    match before {
        Some(b'{' | b',' | b'(' | b'[' | b';' | b'$' | b'"' | b'\'') => structured = true,
        Some(b'?' | b'&' | b'#') => query = true,
        _ => {}
    }
    (line_start, structured, query, before)
}

/// Keyword endings (lower case, at most 8 bytes) a credential key name must have: `…sword`,
/// `…secret`, `…token`, `…key`… Compared as masked integers, so most words before a `:` or
/// `=` are ruled out in a few operations.
pub(super) static KEY_ENDINGS: [(u64, u64); 32] = {
    const ENDINGS: [&[u8]; 32] = [
        b"sword",
        b"twoord",
        b"swd",
        b"pwd",
        b"pass",
        b"phrase",
        b"wort",
        b"mdp",
        b"sena",
        "se\u{f1}a".as_bytes(),
        b"clave",
        b"senha",
        b"secret",
        b"secrets",
        b"token",
        b"rization",
        b"risation",
        b"auth",
        b"key",
        b"ssel",
        "cl\u{e9}".as_bytes(),
        b"passe",
        b"key-data",
        b"key_data",
        b"api",
        // `SECRET_KEY_BASE`, `JWT_SECRET_BASE` (the rules read the words before).
        b"_base",
        // `LDAP_BIND_PW`, `smtp_pw`.
        b"_pw",
        b"session",
        b"sid",
        b"sionid",
        b"sig",
        b"sas",
    ];
    let mut table = [(0u64, 0u64); 32];
    let mut k = 0;
    while k < ENDINGS.len() {
        let e = ENDINGS[k];
        let len = if e.len() > 8 { 8 } else { e.len() };
        let mut value = 0u64;
        let mut j = 0;
        while j < len {
            value |= ((e[e.len() - len + j] | 0x20) as u64) << (8 * (len - 1 - j));
            j += 1;
        }
        let mask = if len == 8 {
            u64::MAX
        } else {
            (1u64 << (8 * len)) - 1
        };
        table[k] = (value, mask);
        k += 1;
    }
    table
};

/// Whether a key name (trailing digits aside) ends like one of [`KEY_ENDINGS`].
pub(super) fn keyword_tail(ident: &[u8]) -> bool {
    let digits = ident
        .iter()
        .rev()
        .take_while(|b| b.is_ascii_digit())
        .count();
    let Some(ident) = ident.get(..ident.len() - digits) else {
        return false;
    };
    if ident.len() < 3 {
        return false;
    }
    // The last eight bytes, the last one lowest, folded with `| 0x20`: ASCII capitals and
    // the second byte of Latin-1 capitals in UTF-8 (`Ñ`, `É`) become lower case; the few
    // other bytes it merges cannot occur in key names. The endings are folded alike.
    let from = ident.len().saturating_sub(8);
    let tail = ident[from..]
        .iter()
        .fold(0u64, |acc, &b| acc << 8 | u64::from(b | 0x20));
    // Only the endings with the same last byte are compared.
    let mut candidates = ENDINGS_BY_LAST[(tail & 0xFF) as usize];
    while candidates != 0 {
        let k = candidates.trailing_zeros() as usize;
        candidates &= candidates - 1;
        if let Some(&(value, mask)) = KEY_ENDINGS.get(k) {
            if tail & mask == value {
                return true;
            }
        }
    }
    false
}

/// For each (folded) last byte, the [`KEY_ENDINGS`] that end with it, a bit per ending.
pub(super) static ENDINGS_BY_LAST: [u32; 256] = {
    let mut table = [0u32; 256];
    let mut k = 0;
    while k < KEY_ENDINGS.len() {
        table[(KEY_ENDINGS[k].0 & 0xFF) as usize] |= 1 << k;
        k += 1;
    }
    table
};

/// A lower-cased key name on the stack, split into segments at `_ - . space` and at case
/// changes (`dbPassword`, `SecretAccessKey`, `APIKey`).
#[derive(Debug)]
pub(super) struct KeyBuf {
    pub(super) bytes: [u8; 96],
    pub(super) len: usize,
    /// Segment ends (exclusive); a segment starts where the previous one ended, after
    /// separators.
    pub(super) segs: [(u8, u8); 12],
    pub(super) nsegs: usize,
}

impl KeyBuf {
    pub(super) fn new() -> Self {
        Self {
            bytes: [0; 96],
            len: 0,
            segs: [(0, 0); 12],
            nsegs: 0,
        }
    }

    pub(super) fn extend(&mut self, raw: &[u8]) {
        let mut seg_start: Option<usize> = None;
        let mut prev_raw = 0u8;
        for (idx, &b) in raw.iter().enumerate() {
            if self.len >= self.bytes.len() {
                break;
            }
            let is_sep = matches!(b, b'_' | b'-' | b'.' | b' ');
            if is_sep {
                self.close(&mut seg_start);
                prev_raw = b;
                continue;
            }
            // Case change: `dbPassword` (lower→Upper), `APIKey` (Upper→Upper+lower).
            let next_raw = raw.get(idx + 1).copied().unwrap_or(0);
            let boundary = b.is_ascii_uppercase()
                && (prev_raw.is_ascii_lowercase()
                    || prev_raw.is_ascii_digit()
                    || (prev_raw.is_ascii_uppercase() && next_raw.is_ascii_lowercase()));
            if boundary {
                self.close(&mut seg_start);
            }
            if seg_start.is_none() {
                seg_start = Some(self.len);
            }
            // ASCII lower case, and Latin-1 upper case in UTF-8 (Ñ → ñ, Ä → ä).
            let lower = if prev_raw == 0xC3 && (0x80..=0x9E).contains(&b) && b != 0x97 {
                b + 0x20
            } else {
                b.to_ascii_lowercase()
            };
            self.bytes[self.len] = lower;
            self.len += 1;
            prev_raw = b;
        }
        self.close(&mut seg_start);
    }

    pub(super) fn close(&mut self, seg_start: &mut Option<usize>) {
        if let Some(s) = seg_start.take() {
            if self.nsegs == self.segs.len() {
                self.segs.copy_within(1.., 0);
                self.nsegs -= 1;
            }
            // Both fit in u8: the buffer holds 96 bytes.
            self.segs[self.nsegs] = (s as u8, self.len as u8);
            self.nsegs += 1;
        }
    }

    /// The `k`-th segment from the end (0 = last), with trailing digits stripped from the
    /// last one (`password2`).
    pub(super) fn seg(&self, k: usize) -> &[u8] {
        if k >= self.nsegs {
            return b"";
        }
        let (s, e) = self.segs[self.nsegs - 1 - k];
        let seg = self
            .bytes
            .get(usize::from(s)..usize::from(e))
            .unwrap_or_default();
        if k == 0 {
            let digits = seg.iter().rev().take_while(|b| b.is_ascii_digit()).count();
            seg.get(..seg.len() - digits).unwrap_or_default()
        } else {
            seg
        }
    }
}

/// A flag name (`password`, `api-key`, `db-password`).
pub(super) fn key_kind(name: &[u8]) -> Option<Kind> {
    let mut buf = KeyBuf::new();
    buf.extend(name);
    key_kind_segments(&buf)
}

/// Password words in the supported languages, as whole segments.
pub(super) const PASSWORD_WORDS: &[&[u8]] = &[
    b"password",
    b"passwd",
    b"pwd",
    b"pass",
    b"passphrase",
    b"passwort",
    b"kennwort",
    b"motdepasse",
    b"mdp",
    b"contrase\xc3\xb1a",
    b"contrasena",
    b"clave",
    b"senha",
    b"wachtwoord",
];

/// Suffixes that make a one-segment key a password or token (`DBPASSWORD`, `APIKEY`).
pub(super) const PASSWORD_SUFFIXES: &[&[u8]] = &[b"password", b"passwd", b"passwort", b"kennwort"];
pub(super) const TOKEN_SUFFIXES: &[&[u8]] = &[
    b"token",
    b"secret",
    b"apikey",
    b"secretkey",
    b"privatekey",
    b"accesskey",
];

/// Words before `key` that make it a credential.
pub(super) const KEY_QUALIFIERS: &[&[u8]] = &[
    b"api",
    b"secret",
    b"private",
    b"access",
    b"master",
    b"signing",
    b"encryption",
    b"client",
    b"app",
    b"auth",
    b"subscription",
    b"admin",
    b"webhook",
    b"hmac",
    b"jwt",
    b"service",
    b"consumer",
    b"session",
    b"write",
    b"read",
    b"ingest",
];

/// Words before `key` that make it anything but a credential.
pub(super) const KEY_NEGATIVES: &[&[u8]] = &[
    b"public",
    b"publishable",
    b"primary",
    b"foreign",
    b"sort",
    b"partition",
    b"cache",
    b"routing",
    b"hash",
    b"range",
    b"object",
    b"idempotency",
    b"unique",
    b"composite",
    b"the",
    b"a",
    b"this",
    b"that",
    b"your",
    b"my",
    b"map",
    b"dict",
    b"lookup",
    b"translation",
    b"i18n",
    b"group",
    b"row",
    b"column",
    b"index",
    b"sharding",
    b"dedup",
    b"dedupe",
    b"s3",
    b"file",
    b"storage",
    b"bucket",
    b"ssh",
    b"gpg",
    b"pgp",
    b"host",
    b"music",
    b"press",
    b"any",
    b"enter",
    b"escape",
    b"hot",
    b"shortcut",
    b"short",
    b"sign",
    b"ui",
    b"react",
    b"list",
    b"item",
    b"id",
    b"name",
    b"local",
    b"remote",
    b"label",
    b"metric",
    b"event",
    b"config",
    b"setting",
];

/// Words before `token` that make it a count or a cursor.
pub(super) const TOKEN_NEGATIVES: &[&[u8]] = &[
    b"max",
    b"min",
    b"num",
    b"total",
    b"next",
    b"page",
    b"continuation",
    b"cancellation",
    b"sync",
    b"pagination",
    b"limit",
    b"count",
    b"input",
    b"output",
    b"prompt",
    b"completion",
    b"the",
    b"a",
    b"this",
    b"each",
    b"per",
    b"stop",
    b"end",
    b"start",
    b"special",
    b"bos",
    b"eos",
    b"pad",
    b"unk",
    b"cls",
    b"sep",
    b"mask",
];

pub(super) fn key_kind_segments(buf: &KeyBuf) -> Option<Kind> {
    let last = buf.seg(0);
    let prev = buf.seg(1);
    let prev2 = buf.seg(2);
    if last.is_empty() {
        return None;
    }
    if last == b"passe" {
        return (prev == b"de" && prev2 == b"mot").then_some(Kind::Password);
    }
    if PASSWORD_WORDS.contains(&last) {
        return Some(Kind::Password);
    }
    // `SECRET_KEY_BASE`, `JWT_SECRET_VALUE`, `API_TOKEN_B64`: the credential word comes
    // before a word for its encoding.
    if matches!(
        last,
        b"base" | b"value" | b"b64" | b"base64" | b"hex" | b"raw"
    ) && matches!(prev, b"secret" | b"token" | b"key" | b"password")
        && (prev != b"key" || matches!(prev2, b"secret" | b"api" | b"private" | b"signing"))
    {
        return Some(Kind::Token);
    }
    match last {
        b"secret" | b"secrets" => return Some(Kind::Token),
        // `LDAP_BIND_PW`, `smtp_pw`: the short form as the last word of a longer key.
        b"pw" if buf.nsegs >= 2 => return Some(Kind::Password),
        b"token" => {
            return (!TOKEN_NEGATIVES.contains(&prev)).then_some(Kind::Token);
        }
        b"authorization" => return Some(Kind::Authorization),
        // Session cookies: `session=…`, `JSESSIONID=…`, `connect.sid=…`.
        b"session" | b"sessionid" | b"sid" | b"sessid" | b"jsessionid" | b"phpsessid" => {
            return Some(Kind::OtherKey);
        }
        // Azure shared access signatures: `…&sig=…`, `SharedAccessSignature=…` is a key.
        b"sig" => return Some(Kind::Token),
        b"sas" => return (buf.nsegs == 1).then_some(Kind::Token),
        // kubeconfig `client-key-data`: a base64 PEM private key.
        b"data" => return (prev == b"key").then_some(Kind::Token),
        b"auth" => return (buf.nsegs == 1 || prev == b"basic").then_some(Kind::Token),
        b"accountkey" => return Some(Kind::AccountKey),
        // `clé API`, `clave API`.
        b"api" => return matches!(prev, b"cl\xc3\xa9" | b"cle" | b"clave").then_some(Kind::Token),
        b"secretaccesskey" => return Some(Kind::AwsSecret),
        b"key" | b"schl\xc3\xbcssel" | b"cl\xc3\xa9" => {
            if prev == b"account" || (prev == b"access" && prev2 == b"shared") {
                return Some(Kind::AccountKey);
            }
            if prev == b"access" && prev2 == b"secret" || prev == b"secret" && prev2 == b"aws" {
                return Some(Kind::AwsSecret);
            }
            if KEY_QUALIFIERS.contains(&prev) {
                return Some(Kind::Token);
            }
            // A bare `Key` (`"Jwt": { "Key": "…" }`) takes only a clearly random value.
            if prev.is_empty() {
                return Some(Kind::OtherKey);
            }
            if KEY_NEGATIVES.contains(&prev) || prev.len() < 2 {
                return None;
            }
            return Some(Kind::OtherKey);
        }
        _ => {}
    }
    if PASSWORD_SUFFIXES.iter().any(|s| last.ends_with(s)) {
        return Some(Kind::Password);
    }
    if last.ends_with(b"secretaccesskey") {
        return Some(Kind::AwsSecret);
    }
    if TOKEN_SUFFIXES.iter().any(|s| last.ends_with(s)) && last.len() <= 32 {
        return Some(Kind::Token);
    }
    None
}
