//! Value tests: character classes and entropy, placeholders, references and paths, and
//! the score a value gets for how sure its context is.

use super::*;

/// Character statistics of a value.
#[derive(Debug, Clone, Copy)]
pub(super) struct Shape {
    pub(super) chars: usize,
    pub(super) lower: usize,
    pub(super) upper: usize,
    pub(super) digit: usize,
    /// ASCII punctuation other than the identifier joiners `_ - .`.
    pub(super) punct: usize,
    /// `_ - .`
    pub(super) joiners: usize,
    /// Non-ASCII chars.
    pub(super) other: usize,
    /// An upper-case letter right after another one (`WH`, `API`): never in camelCase.
    pub(super) upper_pairs: usize,
    /// Shannon entropy per char of the ASCII part, in bits.
    pub(super) entropy: f32,
}

impl Shape {
    pub(super) fn of(v: &[u8]) -> Self {
        let mut s = Shape {
            chars: 0,
            lower: 0,
            upper: 0,
            digit: 0,
            punct: 0,
            joiners: 0,
            other: 0,
            upper_pairs: 0,
            entropy: 0.0,
        };
        let mut counts = [0u8; 128];
        let mut prev_upper = false;
        for &b in v {
            if b >= 0x80 {
                // Count chars, not bytes: continuation bytes are 10xxxxxx.
                if b & 0xC0 != 0x80 {
                    s.other += 1;
                    s.chars += 1;
                }
                prev_upper = false;
                continue;
            }
            s.chars += 1;
            let slot = &mut counts[usize::from(b)];
            *slot = slot.saturating_add(1);
            let upper = b.is_ascii_uppercase();
            if upper && prev_upper {
                s.upper_pairs += 1;
            }
            prev_upper = upper;
            if b.is_ascii_lowercase() {
                s.lower += 1;
            } else if upper {
                s.upper += 1;
            } else if b.is_ascii_digit() {
                s.digit += 1;
            } else if matches!(b, b'_' | b'-' | b'.') {
                s.joiners += 1;
            } else {
                s.punct += 1;
            }
        }
        // H = log2(n) - Σ c·log2(c) / n, with c·log2(c) from a table.
        let n: u32 = counts.iter().map(|&c| u32::from(c)).sum();
        if n > 1 {
            let sum: f32 = counts.iter().map(|&c| C_LOG2_C[usize::from(c)]).sum();
            let n = n as f32;
            s.entropy = n.log2() - sum / n;
        }
        s
    }

    /// How many of lower case, upper case, digits and punctuation occur.
    pub(super) fn classes(&self) -> usize {
        [self.lower, self.upper, self.digit, self.punct]
            .iter()
            .filter(|&&n| n > 0)
            .count()
    }

    /// Letters only (with joiners) and no run of capitals: a word, `camelCase`,
    /// `snake_case`, `Title`.
    pub(super) fn wordy(&self) -> bool {
        self.digit == 0 && self.punct == 0 && self.upper_pairs == 0
    }

    pub(super) fn entropy(&self) -> f32 {
        self.entropy
    }
}

/// `c·log2(c)` for the counts 0..=255: the entropy of a value costs no logarithm per char.
pub(super) static C_LOG2_C: [f32; 256] = {
    let mut table = [0f32; 256];
    let mut c = 2;
    while c < 256 {
        table[c] = (c as f64 * log2_const(c as f64)) as f32;
        c += 1;
    }
    table
};

/// log2 for `x >= 1` in a const context: the integer part by halving, then the fraction
/// bit by bit by squaring.
pub(super) const fn log2_const(x: f64) -> f64 {
    let mut v = x;
    let mut r = 0.0;
    while v >= 2.0 {
        v /= 2.0;
        r += 1.0;
    }
    let mut bit = 0.5;
    let mut k = 0;
    while k < 40 {
        v *= v;
        if v >= 2.0 {
            v /= 2.0;
            r += bit;
        }
        bit /= 2.0;
        k += 1;
    }
    r
}

/// Whether a table cell has the shape people give weak passwords (`monkey1595`, `Cielo11`,
/// `Katze2002#`, `W1nt3r!23`) or generators give passphrases: letters and digits with a
/// capital, a symbol or a four-digit tail. Host names (`web05`, `k8s-node07`) and user
/// names (`bholcomb4`) have none of these. Counts towards a column of passwords only
/// next to generated ones.
pub(crate) fn looks_like_password(value: &str) -> bool {
    let v = value.as_bytes();
    if !(5..=64).contains(&v.len()) || !v.last().is_some_and(u8::is_ascii_graphic) {
        return false;
    }
    if !v.iter().any(u8::is_ascii_digit) {
        return false;
    }
    if is_passphrase(v) {
        return true;
    }
    if v.len() < 6 || is_placeholder(value) {
        return false;
    }
    let letters = v.iter().filter(|b| b.is_ascii_alphabetic()).count();
    let digits = v.iter().filter(|b| b.is_ascii_digit()).count();
    let symbol = v.iter().any(|b| b"!#$%&*?@^~+".contains(b));
    let other = v
        .iter()
        .any(|b| !b.is_ascii_alphanumeric() && !b"!#$%&*?@^~+".contains(b));
    let tail = v.iter().rev().take_while(|b| b.is_ascii_digit()).count();
    let word_then_year = tail >= 4 && v[..v.len() - tail].iter().all(u8::is_ascii_alphabetic);
    let capital = v.first().is_some_and(u8::is_ascii_uppercase);
    letters >= 3 && digits >= 1 && !other && (symbol || capital || word_then_year)
}

/// Whether a table cell looks like a generated credential on its own: no spaces, and three
/// kinds of characters (`Pomme8!`), or a long random mix of cases and digits.
pub(crate) fn looks_generated(value: &str) -> bool {
    let v = value.as_bytes();
    // Quotes, brackets, colons and slashes: a cell of JSON, code, a path or a time.
    let structural = |b: &u8| {
        b.is_ascii_whitespace()
            || matches!(
                b,
                b'"' | b'\''
                    | b'`'
                    | b'{'
                    | b'}'
                    | b'['
                    | b']'
                    | b'('
                    | b')'
                    | b':'
                    | b'/'
                    | b'\\'
                    | b','
                    | b'<'
                    | b'>'
            )
    };
    if !(6..=128).contains(&v.len()) || v.iter().any(structural) {
        return false;
    }
    if is_placeholder(value) || v.contains(&b'@') {
        return false;
    }
    // Code points (`U+01BA`, `U+0372-U+0373`), versions (`Changes5.8.1`), statements
    // (`SLang_pop_assoc;`) and names (`PA_FLAG_PTR`) fill columns of technical lists.
    let code_point = v.starts_with(b"U+") && v.get(2).is_some_and(u8::is_ascii_hexdigit);
    let version = v
        .windows(3)
        .any(|w| w[0].is_ascii_digit() && w[1] == b'.' && w[2].is_ascii_digit());
    let statement = v.last() == Some(&b';');
    let name = v.split(|&b| b == b'.').next().is_some_and(is_snake_name);
    if code_point || version || statement || name {
        return false;
    }
    // `USER=root` is a setting; base64 padding (`…==`) only ends a value.
    if v.windows(2).any(|w| w[0] == b'=' && w[1] != b'=') {
        return false;
    }
    let s = Shape::of(v);
    s.other == 0
        && (s.classes() >= 3
            || s.chars >= 16 && s.lower > 0 && s.upper > 0 && s.digit > 0 && s.entropy() >= 3.5)
}

/// The confidence that a table cell under a password, secret or token header is a
/// credential: the rules of a `password=` setting.
pub(crate) fn column_secret(value: &str) -> Option<f32> {
    score(value, Kind::Password, Ctx::Strong, true)
}

/// The confidence that `value` is a credential when a neighbouring field names it `name`
/// (`{"key": "storageAccountKey", "value": "…"}`), by the rules for that key.
pub(crate) fn named_secret(name: &str, value: &str) -> Option<f32> {
    let kind = key_kind(name.as_bytes())?;
    score(value, kind, Ctx::Strong, true)
}

/// As [`column_secret`] for a column that only its other cells call one of passwords: a
/// plain word is not taken.
pub(crate) fn column_secret_by_majority(value: &str) -> Option<f32> {
    score(value, Kind::Password, Ctx::Line, true)
}

/// The confidence for a setting value of `kind` in `ctx`, or None when it is not a
/// credential (placeholder, reference, code, path, prose word).
pub(super) fn score(value: &str, kind: Kind, ctx: Ctx, literal: bool) -> Option<f32> {
    let v = value.as_bytes();
    if is_placeholder(value) || is_reference(v) {
        return None;
    }
    // `violet_maple_river_meadow57`: a generated passphrase, told as a password.
    if kind == Kind::Password && ctx != Ctx::Prose && is_passphrase(v) {
        return Some(SETTING);
    }
    // `f(password=new_password)`, `{token: authToken}`: an unquoted identifier in code
    // names a variable.
    if !literal && is_identifier(v) {
        return None;
    }
    let s = Shape::of(v);
    // Words separated by spaces (a quoted value may hold them) read as prose.
    let ctx = if v.iter().any(|&b| b == b' ' || b == b'\t') {
        Ctx::Prose
    } else {
        ctx
    };
    match kind {
        Kind::AwsSecret if s.chars == 40 && v.iter().all(|&b| b64(b)) && s.classes() >= 2 => {
            return Some(LIKELY);
        }
        Kind::AccountKey
            if s.chars >= 40 && v.iter().all(|&b| b64(b) || b == b'=') && s.classes() >= 2 =>
        {
            return Some(LIKELY);
        }
        _ => {}
    }
    if is_path_or_url(v) {
        return None;
    }
    // Letters from other scripts without digits or symbols: a word of prose.
    if s.other > 0 && s.digit == 0 && s.punct == 0 {
        return None;
    }
    by_kind(&s, kind, ctx, literal)
}

/// The confidence for a value of shape `s` under a key of `kind`, in `ctx`.
fn by_kind(s: &Shape, kind: Kind, ctx: Ctx, literal: bool) -> Option<f32> {
    let classes = s.classes();
    let random = s.chars >= 8
        && classes >= 2
        && !s.wordy()
        && s.entropy() >= 2.5
        && (classes >= 3 || s.digit >= 2 || s.upper_pairs >= 1 && s.lower >= 2);
    match kind {
        Kind::Password => {
            // Five characters of four kinds (`R00t!`) under a password key or header are
            // a password; anything shorter is a placeholder or a PIN.
            let short_but_mixed = s.chars == 5 && classes >= 4 && ctx == Ctx::Strong;
            if s.chars < 6 && !short_but_mixed {
                return None;
            }
            match ctx {
                Ctx::Strong | Ctx::Line if classes >= 2 && !s.wordy() => Some(SETTING),
                Ctx::Strong if literal && s.joiners == 0 && (s.wordy() || s.digit == s.chars) => {
                    Some(WEAK)
                }
                Ctx::Prose if random && (classes >= 3 || s.chars >= 10) => Some(PLAUSIBLE),
                _ => None,
            }
        }
        Kind::Token | Kind::AwsSecret | Kind::AccountKey | Kind::Authorization => {
            let conf = if kind == Kind::Authorization {
                AUTH_HEADER
            } else {
                SETTING
            };
            let long_random = s.chars >= 20 && s.entropy() >= 3.5 && !s.wordy();
            match ctx {
                Ctx::Strong | Ctx::Line if random || long_random => Some(conf),
                Ctx::Prose if random && classes >= 3 && s.chars >= 12 => Some(PLAUSIBLE),
                _ => None,
            }
        }
        Kind::OtherKey => {
            let ok =
                ctx != Ctx::Prose && s.chars >= 16 && random && s.digit > 0 && s.entropy() >= 3.3;
            ok.then_some(PLAUSIBLE)
        }
    }
}

/// Three or more lower-case words of three to ten letters joined by one of `.`, `_`, `-`,
/// digits ending the last (`winter.cloud.battery.orbit36`, `rocket_copper_tiger_orbit27`):
/// the passphrases password generators make. Variable names and hosts do not end in digits
/// after three words.
pub(super) fn is_passphrase(v: &[u8]) -> bool {
    let Some(&joiner) = v.iter().find(|b| matches!(b, b'.' | b'_' | b'-')) else {
        return false;
    };
    let Some(last_start) = v.iter().rposition(|&b| b == joiner).map(|k| k + 1) else {
        return false;
    };
    let last = &v[last_start..];
    let digits = last.iter().rev().take_while(|b| b.is_ascii_digit()).count();
    let stem = &last[..last.len() - digits];
    let mut words = v[..last_start - 1].split(|&b| b == joiner);
    (1..=4).contains(&digits)
        && (3..=10).contains(&stem.len())
        && stem.iter().all(u8::is_ascii_lowercase)
        && v[..last_start - 1].iter().filter(|&&b| b == joiner).count() >= 1
        && words.all(|w| (3..=10).contains(&w.len()) && w.iter().all(u8::is_ascii_lowercase))
}

/// `new_password`, `authToken`, `DB_PASS2`: letters, digits and `_`, shaped like a name
/// (an `_`, or a lower-case letter followed by a capital).
pub(super) fn is_identifier(v: &[u8]) -> bool {
    // `L3tM3In_prod`: digits standing in for letters make a password, not a name.
    if v.windows(3)
        .any(|w| w[0].is_ascii_alphabetic() && w[1].is_ascii_digit() && w[2].is_ascii_alphabetic())
    {
        return false;
    }
    let word = v.iter().all(|&b| b.is_ascii_alphanumeric() || b == b'_')
        && v.first().is_some_and(|b| !b.is_ascii_digit());
    let camel = v
        .windows(2)
        .any(|w| w[0].is_ascii_lowercase() && w[1].is_ascii_uppercase());
    word && (v.contains(&b'_') || camel) && v.iter().filter(|b| b.is_ascii_digit()).count() <= 2
}

/// `pwhash_argon2i_MEMLIMIT_MAX`, `SLang_create_assoc`: words joined by `_`, each of one
/// case (a capital may open it). Random tokens that hold `_` mix cases inside the parts.
pub(crate) fn is_snake_name(v: &[u8]) -> bool {
    let mut parts = 0;
    for part in v.split(|&b| b == b'_') {
        let rest = part.get(1..).unwrap_or_default();
        let one_case = rest
            .iter()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
            || part
                .iter()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit());
        if part.is_empty() || !part.iter().all(u8::is_ascii_alphanumeric) || !one_case {
            return false;
        }
        parts += 1;
    }
    parts >= 2
}

/// Whole values that are placeholders, compared ignoring ASCII case.
const PLACEHOLDER_WORDS: &[&str] = &[
    "changeme",
    "changeit",
    "password",
    "passwort",
    "passwd",
    "secret",
    "token",
    "null",
    "none",
    "nil",
    "true",
    "false",
    "undefined",
    "empty",
    "required",
    "optional",
    "string",
    "str",
    "default",
    "admin",
    "root",
    "guest",
    "test",
    "qwerty",
    "letmein",
    "unknown",
    "hidden",
    "masked",
    "removed",
    "unset",
    "notset",
    "mypassword",
    "yourpassword",
    "mysecret",
    "yoursecret",
    "mytoken",
    "yourtoken",
    "apikey",
    "api_key",
    "secret_key",
    "bearer",
    "basic",
    "omitted",
    "sensitive",
    "confidential",
    "value",
    "valeur",
    "wert",
    "geheim",
    "secreto",
    "motdepasse",
    "contrasena",
    "pass",
    "pwd",
    "pw",
    "user",
    "username",
    "dbpass",
    "s3cr3t",
    "p@ssw0rd",
    "p@ssword",
    "passw0rd",
];

/// Template and documentation values: `changeme`, `<your-key>`, `${DB_PASSWORD}`,
/// `{{ secret }}`, `%s`, `xxxx`, `***`, `REDACTED`, `null`, our own `[SECRET_…]` tokens.
pub(super) fn is_placeholder(value: &str) -> bool {
    let v = value.as_bytes();
    if v.is_empty()
        || PLACEHOLDER_WORDS
            .iter()
            .any(|w| value.eq_ignore_ascii_case(w))
    {
        return true;
    }
    if has_part(v, PLACEHOLDER_PARTS, &PLACEHOLDER_FIRST) {
        return true;
    }
    if v.len() >= 4 && v.get(..4).is_some_and(|p| p.eq_ignore_ascii_case(b"your"))
        || v[0] == b'<'
        || v.last() == Some(&b'>')
    {
        return true;
    }
    // One char repeated: `aaaaaa`, `000000`, `------`.
    if v.iter().all(|&b| b == v[0]) {
        return true;
    }
    // `[SECRET_k3j9x2m4q7zpa]`, `[REDACTED]`, `[hidden]`.
    if v[0] == b'[' {
        return true;
    }
    // `%s`, `%d`, `%DB_PASS%`.
    if v[0] == b'%' && (v.len() <= 3 || v.last() == Some(&b'%')) {
        return true;
    }
    false
}

/// Parts of template values, lower case: `your_api_key_here`, `sk-xxxx`, `{{ secret }}`.
pub(super) const PLACEHOLDER_PARTS: &[&[u8]] = &[
    b"example",
    b"placeholder",
    b"redacted",
    b"changeme",
    b"change_me",
    b"change-me",
    b"your_",
    b"your-",
    b"_your",
    b"-your",
    b"_here",
    b"-here",
    b"here_",
    b"xxxx",
    b"****",
    b"....",
    "\u{2022}\u{2022}".as_bytes(),
    "\u{2026}".as_bytes(),
    b"{{",
    b"}}",
    b"${",
    b"%(",
    b"dummy",
    b"sample",
    b"insert",
    b"replace_",
    b"foobar",
    b"fixme",
    b"todo",
    b"lorem",
];

pub(super) static PLACEHOLDER_FIRST: [u32; 256] = first_bytes(PLACEHOLDER_PARTS);

/// For each byte, the parts (at most 32, lower case) starting with it, a bit per part.
pub(super) const fn first_bytes(parts: &[&[u8]]) -> [u32; 256] {
    let mut table = [0u32; 256];
    let mut k = 0;
    while k < parts.len() && k < 32 {
        table[parts[k][0] as usize] |= 1 << k;
        k += 1;
    }
    table
}

/// Whether one of `parts` occurs in `v`, ASCII case-insensitively, in one pass: at each
/// byte only the parts starting with it are compared.
pub(super) fn has_part(v: &[u8], parts: &[&[u8]], first: &[u32; 256]) -> bool {
    (0..v.len()).any(|i| {
        let mut candidates = first[usize::from(v[i].to_ascii_lowercase())];
        while candidates != 0 {
            let k = candidates.trailing_zeros() as usize;
            candidates &= candidates - 1;
            let Some(p) = parts.get(k) else { break };
            if v.get(i..i + p.len())
                .is_some_and(|w| w.eq_ignore_ascii_case(p))
            {
                return true;
            }
        }
        false
    })
}

/// References to a secret kept elsewhere, and code: `$DB_PASSWORD`, `$(cat …)`,
/// `process.env.X`, `os.environ["X"]`, `config.password`, `getpass()`, YAML tags and
/// aliases (`!vault`, `*default`, `&anchor`).
pub(super) fn is_reference(v: &[u8]) -> bool {
    let Some(&first) = v.first() else { return true };
    let rest = v.get(1..).unwrap_or_default();
    let identifier = |s: &[u8]| {
        !s.is_empty()
            && s.iter().all(|&b| b.is_ascii_alphanumeric() || b == b'_')
            && !s[0].is_ascii_digit()
    };
    match first {
        b'$' if rest
            .first()
            .is_some_and(|&b| matches!(b, b'{' | b'(' | b'$'))
            || identifier(rest)
            || rest.starts_with(b"env:")
            || rest.starts_with(b"_") =>
        {
            return true;
        }
        // YAML tags, aliases and anchors, decorators: `!vault`, `*default_password`.
        b'!' | b'*' | b'&' | b'@' if identifier(rest) && Shape::of(rest).wordy() => return true,
        _ => {}
    }
    // A call or an index: `getpass()`, `env("X")`, `os.environ[` (cut at the quote).
    if v.contains(&b'(') && v.contains(&b')') || matches!(v.last(), Some(b'(' | b'[')) {
        return true;
    }
    if v.windows(2).any(|w| w == b"[\"" || w == b"['") {
        return true;
    }
    // A dotted path of identifiers: `config.password`, `process.env.DB_PASS`, `self._pw`.
    let mut parts = 0;
    let dotted = v.split(|&b| b == b'.').all(|p| {
        parts += 1;
        identifier(p)
    });
    if dotted && parts >= 2 && v.iter().filter(|b| b.is_ascii_digit()).count() == 0 {
        return true;
    }
    // Publishable (public) keys.
    if v.starts_with(b"pk_live_") || v.starts_with(b"pk_test_") {
        return true;
    }
    // An upper-case env var name: `DB_PASSWORD`, `SECRET_KEY`.
    v.iter().all(|&b| b.is_ascii_uppercase() || b == b'_') && v.contains(&b'_')
}

/// File paths and URLs: `/run/secrets/db`, `~/.ssh/id_rsa`, `./key.pem`, `C:\keys`,
/// `https://vault/...`.
pub(super) fn is_path_or_url(v: &[u8]) -> bool {
    v.starts_with(b"~/")
        || v.starts_with(b"./")
        || v.starts_with(b"../")
        || (v.first() == Some(&b'/') && v.iter().skip(1).any(|&b| b == b'/'))
        || (v.len() > 2
            && v[0].is_ascii_alphabetic()
            && (v.get(1..3) == Some(b":\\") || v.get(1..3) == Some(b":/")))
        || find_bytes(v, b"://").is_some()
        || [
            &b".pem"[..],
            b".key",
            b".json",
            b".txt",
            b".crt",
            b".p12",
            b".pfx",
            b".env",
            b".yaml",
        ]
        .iter()
        .any(|ext| v.len() > ext.len() && v.ends_with(ext))
}
