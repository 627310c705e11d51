//! Credentials without a `key=value` around them: passwords told in a sentence or a chat
//! ("the new guest wifi password is …", "user jdoe / pw …", "contraseña temporal: …"),
//! `.netrc` lines (`machine h login u password …`), SQL (`IDENTIFIED BY '…'`,
//! `WITH PASSWORD '…'`), string arguments of calls that take credentials
//! (`getConnection(url, "admin", "…")`, `new PDO($dsn, 'etl', '…')`,
//! `.bearer_auth("…")`), and tokens that carry a short prefix of their own vendor
//! (`tok_…`, `sess_…`) without being in the list of known vendors.
//!
//! Each value must still look like a credential by the rules of a `password=` setting: a
//! word of prose after "password is" is left alone.

use std::sync::LazyLock;

use memchr::memchr_iter;

use super::shaped::auth_scheme_at;
use super::{push, score, Ctx, Kind, Shape, PLAUSIBLE, SETTING};

/// Words for a password in the four languages (and their short forms), SQL's
/// `IDENTIFIED BY`, and words for an API key or a token; with the rules their value is
/// held to, and whether the value may follow the word directly (`pw X`, `password X`).
const KEYWORDS: &[(&str, Kind, bool)] = &[
    ("password", Kind::Password, true),
    ("passwort", Kind::Password, true),
    ("passwd", Kind::Password, true),
    ("passcode", Kind::Password, true),
    ("passphrase", Kind::Password, true),
    ("pwd", Kind::Password, true),
    ("pw", Kind::Password, true),
    ("kennwort", Kind::Password, true),
    ("contraseña", Kind::Password, true),
    ("contrasena", Kind::Password, true),
    ("mot de passe", Kind::Password, true),
    ("mdp", Kind::Password, true),
    ("identified by", Kind::Password, true),
    ("api key", Kind::Token, false),
    ("api-key", Kind::Token, false),
    ("apikey", Kind::Token, false),
    ("api token", Kind::Token, false),
    ("api-schlüssel", Kind::Token, false),
    ("token", Kind::Token, true),
    ("secret", Kind::Token, true),
    ("clave", Kind::Password, true),
    ("code d'accès", Kind::Password, true),
    ("code wifi", Kind::Password, true),
    ("clé wifi", Kind::Password, true),
    ("wlan-schlüssel", Kind::Password, true),
];

/// The longest keyword at `at` (ASCII case-insensitive; `é`/`ñ`/`ü` as written), if any.
fn keyword_at(bytes: &[u8], at: usize) -> Option<(usize, Kind, bool)> {
    let rest = bytes.get(at..)?;
    let head = rest.first()?.to_ascii_lowercase();
    KEYWORDS
        .iter()
        .filter(|(word, _, _)| {
            let w = word.as_bytes();
            w[0] == head && rest.len() >= w.len() && rest[..w.len()].eq_ignore_ascii_case(w)
        })
        .max_by_key(|(word, _, _)| word.len())
        .map(|(word, kind, direct)| (at + word.len(), *kind, *direct))
}

/// Keywords without a `p`, each found by a part of it and how far back it starts: most
/// minus their first letter, so that one search finds both `secret` and `Secret` (the
/// caller checks the whole keyword). (`clé` alone is left to the setting rules: its
/// letters are too common for a fast search.) A search for a few bytes in a row skips far
/// more text than one for a single common letter (`k`, `w`).
static WITHOUT_P: LazyLock<WithoutP> = LazyLock::new(|| {
    let parts: [(&str, usize); 15] = [
        ("ontrase", 1),
        ("dentified by", 1),
        ("DENTIFIED BY", 1),
        ("ecret", 1),
        ("oken", 1),
        ("OKEN", 1),
        ("ennwort", 1),
        ("ENNWORT", 1),
        ("lave", 1),
        ("LAVE", 1),
        ("ode d'acc", 1),
        // `code wifi` and `clé wifi` both start five bytes before `wifi`.
        ("wifi", 5),
        ("LAN-Schl", 1),
        // Not keywords: the schemes of `Bearer …` and `Basic …` credentials, read by
        // `auth_scheme_at` from the same pass.
        ("earer ", 1),
        ("asic ", 1),
    ];
    // One SIMD pass (Teddy) for all of them: measured, thirteen single-pattern searches
    // cost five times as many instructions.
    let searcher = aho_corasick::packed::Config::new()
        .match_kind(aho_corasick::packed::MatchKind::LeftmostFirst)
        .builder()
        .extend(parts.iter().map(|(part, _)| part.as_bytes()))
        .build();
    WithoutP { searcher, parts }
});

struct WithoutP {
    /// None where the CPU has no SIMD Teddy can use.
    searcher: Option<aho_corasick::packed::Searcher>,
    /// Each part, and how far before it its keyword starts.
    parts: [(&'static str, usize); 15],
}

/// Builds the searchers now.
pub(super) fn prepare() {
    let _ = &*WITHOUT_P;
}

/// Calls `f` with every offset where a keyword may start, in increasing order for the
/// keywords with a `p` (password, pw, mdp, api key, mot de passe): the scan jumps between
/// `p`s (memchr, many bytes at a time) and looks at the few bytes around each, instead of
/// walking every byte through an automaton.
fn keyword_starts(bytes: &[u8], mut f: impl FnMut(usize)) {
    for p in memchr::memchr2_iter(b'p', b'P', bytes) {
        // `mot de passe`
        if p >= 7 && bytes[p - 7..p].eq_ignore_ascii_case(b"mot de ") {
            f(p - 7);
        }
        // `api…`
        if p >= 1 && matches!(bytes[p - 1], b'a' | b'A') {
            f(p - 1);
        }
        // `mdp`
        if p >= 2 && matches!(bytes[p - 2], b'm' | b'M') {
            f(p - 2);
        }
        // `pass…`, `pw`, `pwd`
        if matches!(bytes.get(p + 1), Some(b'a' | b'A' | b'w' | b'W')) {
            f(p);
        }
    }
    let without_p = &*WITHOUT_P;
    match &without_p.searcher {
        Some(searcher) => {
            for found in searcher.find_iter(bytes) {
                let (_, back) = without_p.parts[found.pattern().as_usize()];
                if found.start() >= back {
                    f(found.start() - back);
                }
            }
        }
        None => {
            for (part, back) in without_p.parts {
                for at in memchr::memmem::find_iter(bytes, part).filter(|at| *at >= back) {
                    f(at - back);
                }
            }
        }
    }
}

/// Words between the password word and its value: "is", "ist", "est", "es", "c'est",
/// "lautet", and the words of "… wifi password for guests is".
const COPULAS: &[&str] = &[
    "is", "ist", "est", "es", "c'est", "lautet", "was", "sera", "will", "war", "fue", "era",
    "était", "sería", "wäre", "would", "it's", "its",
];

/// Words between a copula and the value: "is now X", "lautet jetzt X", "es ahora X".
const ADVERBS: &[&str] = &[
    "now",
    "jetzt",
    "nun",
    "maintenant",
    "désormais",
    "ahora",
    "ya",
    "currently",
    "still",
    "actuellement",
    "aktuell",
];

/// Prepositions of a change: "reset the password to X", "Passwort auf X geändert",
/// "changé le mot de passe en X", "cambié la contraseña a X". A lower-case word after one
/// is prose ("password to the server is X") and the reading goes on.
const PREPOSITIONS: &[&str] = &["to", "auf", "en", "a"];

/// Words between a password word and its value that describe the password:
/// "mot de passe provisoire X", "temporary password X" reads the other way round.
const ADJECTIVES: &[&str] = &[
    "provisoire",
    "temporaire",
    "initial",
    "initiale",
    "provisorio",
    "provisional",
    "temporal",
    "nuevo",
    "nueva",
    "nouveau",
    "neues",
    "neu",
    "new",
    "temporary",
    "temp",
];

/// The longest value read.
const MAX_VALUE: usize = 128;

/// Finds passwords given in prose, chats, `.netrc` and SQL.
pub(super) fn password_phrases(text: &str, out: &mut Vec<super::Finding>) {
    let bytes = text.as_bytes();
    // The searches find keywords out of order: sort them, so that a value read after one
    // keyword does not hide a keyword before it.
    let mut starts = Vec::new();
    keyword_starts(bytes, |start| starts.push(start));
    starts.sort_unstable();
    starts.dedup();
    let mut skip_to = 0;
    for start in starts {
        if start < skip_to {
            continue;
        }
        let Some((end, kind, direct)) = keyword_at(bytes, start) else {
            auth_scheme_at(text, start, out);
            continue;
        };
        // Whole words only, except German compounds ending in the word
        // (`Initialpasswort`, `Einmalkennwort`).
        let glued =
            start > 0 && (bytes[start - 1].is_ascii_alphanumeric() || bytes[start - 1] == b'_');
        let german = bytes[start..end].eq_ignore_ascii_case(b"passwort")
            || bytes[start..end].eq_ignore_ascii_case(b"kennwort");
        if glued && !(german && bytes[start - 1].is_ascii_lowercase()) {
            continue;
        }
        // Whole words only (`pw` is not in `pwn`; `password` may end `Gäste-WLAN-Passwort`).
        if bytes
            .get(end)
            .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_')
        {
            continue;
        }
        skip_to = end;
        if let Some((vs, ve, quoted)) = value_after(bytes, end, direct) {
            let Some(value) = text.get(vs..ve) else {
                continue;
            };
            // `base-passwd (3.5.25) unstable`, `update-passwd (closes: #184979).`: a
            // bracket left open or closed alone ends a value that is not one.
            let opened = value.bytes().filter(|&b| b == b'(').count();
            if opened != value.bytes().filter(|&b| b == b')').count() {
                continue;
            }
            // `Passwort zurücksetzen;412;388;521`: the cells of a table row, not a value.
            if [b';', b',', b'|', b'\t']
                .iter()
                .any(|d| value.bytes().filter(|b| b == d).count() >= 2)
            {
                continue;
            }
            // "password expire, Closes: #980285": an issue's number.
            if value
                .strip_prefix('#')
                .is_some_and(|n| n.bytes().all(|b| b.is_ascii_digit()))
            {
                continue;
            }
            let ctx = if quoted { Ctx::Strong } else { Ctx::Line };
            if let Some(conf) = score(value, kind, ctx, true) {
                push(out, vs, ve, conf.min(SETTING));
            }
        }
    }
}

/// The value after a password word ending at `from`: after a copula or a colon a few
/// lower-case words on ("password for the guest wifi is X", "contraseña temporal: X"), or
/// right after the word (`pw X`, `password X` in `.netrc`, `PASSWORD 'X'` in SQL).
fn value_after(bytes: &[u8], from: usize, direct_ok: bool) -> Option<(usize, usize, bool)> {
    let skip = |mut i: usize| {
        while bytes.get(i) == Some(&b' ') {
            i += 1;
        }
        i
    };
    let direct = match words_after_keyword(bytes, from) {
        Ok(at) => at,
        Err(value) => return value,
    };
    let mut i = direct;
    let mut value_start = direct;
    for k in 0..9 {
        let word_end = i + bytes[i..]
            .iter()
            .take(32)
            .position(|&b| matches!(b, b' ' | b'\n' | b'\r' | b':'))
            .unwrap_or(bytes.len() - i);
        let word = std::str::from_utf8(&bytes[i..word_end]).ok()?;
        let is = |list: &[&str], w: &str| list.iter().any(|c| w.eq_ignore_ascii_case(c));
        if is(COPULAS, word) {
            return value_at(bytes, after_copula(bytes, word_end));
        }
        if is(PREPOSITIONS, word) {
            // "reset to X", but "set to expire": a lower-case word after it is prose.
            let after = skip(word_end);
            let next_len = bytes[after..]
                .iter()
                .position(u8::is_ascii_whitespace)
                .unwrap_or(bytes.len() - after);
            if !std::str::from_utf8(&bytes[after..after + next_len])
                .is_ok_and(|w| w.chars().all(char::is_lowercase))
            {
                return value_at(bytes, after);
            }
        }
        if k == 0 && is(ADJECTIVES, word) {
            value_start = skip(word_end);
        }
        // Filler words ("für Staging", "de staging", "for the guests", "(neu)") are
        // letters; a capitalised one is a word too, but a sentence does not restart in
        // between. A comma may end one: "Kennwort zurückgesetzt, es lautet jetzt X".
        let bare = word
            .strip_suffix(',')
            .unwrap_or(word)
            .trim_start_matches('(')
            .trim_end_matches(')');
        if bare.is_empty()
            || !bare
                .chars()
                .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
        {
            break;
        }
        i = skip(word_end);
        // "temporary password: X", "mot de passe provisoire : X".
        if bytes.get(i) == Some(&b':') {
            return value_at(bytes, skip(i + 1));
        }
        if bytes.get(i).is_none_or(u8::is_ascii_whitespace) {
            break;
        }
    }
    direct_ok.then(|| value_at(bytes, value_start)).flatten()
}

/// Where the words after a password word ending at `from` start; or, when a colon or an
/// arrow says the value comes next (or nothing can follow), that value.
fn words_after_keyword(bytes: &[u8], from: usize) -> Result<usize, Option<(usize, usize, bool)>> {
    let skip = |mut i: usize| {
        while bytes.get(i) == Some(&b' ') {
            i += 1;
        }
        i
    };
    let direct = skip(from);
    match bytes.get(direct) {
        // `password=…` is a setting, read by the setting rules (which know query strings
        // and quoting); `password: …` in a sentence is read here too.
        None | Some(b'=' | b'\n' | b'\r') => return Err(None),
        Some(b':') if bytes.get(direct + 1) == Some(&b' ') => {
            return Err(value_at(bytes, skip(direct + 1)))
        }
        _ => {}
    }
    // "New password → X", "password -> X".
    for arrow in ["→ ", "-> ", "=> "] {
        if bytes[direct..].starts_with(arrow.as_bytes()) {
            return Err(value_at(bytes, skip(direct + arrow.len())));
        }
    }
    // `password,created_by`: a header, not a phrase; "mot de passe, c'est X" is one.
    if direct == from {
        if bytes.get(direct..direct + 2) != Some(b", ") {
            return Err(None);
        }
        return Ok(skip(direct + 1));
    }
    Ok(direct)
}

/// Where the value starts after a copula ending at `word_end`: past a colon, a second
/// copula ("es lautet jetzt X": a pronoun and its verb) and an adverb ("the pw is now X",
/// "Das Passwort lautet: X").
fn after_copula(bytes: &[u8], word_end: usize) -> usize {
    let skip = |mut i: usize| {
        while bytes.get(i) == Some(&b' ') {
            i += 1;
        }
        i
    };
    let mut after = skip(word_end);
    if bytes.get(after) == Some(&b':') {
        after = skip(after + 1);
    }
    let next_len = bytes[after..].iter().position(|&b| b == b' ').unwrap_or(0);
    if std::str::from_utf8(&bytes[after..after + next_len])
        .is_ok_and(|w| COPULAS.iter().any(|c| w.eq_ignore_ascii_case(c)))
    {
        after = skip(after + next_len);
    }
    if let Some(adverb) = ADVERBS
        .iter()
        .find(|a| bytes[after..].starts_with(a.as_bytes()))
    {
        if bytes.get(after + adverb.len()) == Some(&b' ') {
            after = skip(after + adverb.len());
        }
    }
    after
}

/// A value starting at `i`: quoted, or up to the next space; a final `.`, `,` or `)`
/// that ends the sentence stays outside.
fn value_at(bytes: &[u8], i: usize) -> Option<(usize, usize, bool)> {
    // French and German quotation marks: `« X »`, `„X“`, `“X”`.
    for (open, close) in [("« ", " »"), ("«", "»"), ("„", "“"), ("“", "”")] {
        if let Some(rest) = bytes[i..].strip_prefix(open.as_bytes()) {
            let start = i + open.len();
            let finder =
                memchr::memmem::find(&rest[..rest.len().min(MAX_VALUE + 2)], close.as_bytes())?;
            let value = &rest[..finder];
            let clean = !value.is_empty() && !value.iter().any(|b| b.is_ascii_whitespace());
            return clean.then_some((start, start + finder, true));
        }
    }
    let q = *bytes.get(i)?;
    if matches!(q, b'\'' | b'"' | b'`') {
        let start = i + 1;
        let len = bytes[start..]
            .iter()
            .take(MAX_VALUE + 1)
            .position(|&b| b == q || b == b'\n')?;
        return (bytes[start + len] == q && len > 0).then_some((start, start + len, true));
    }
    let len = bytes[i..]
        .iter()
        .take(MAX_VALUE + 1)
        .position(|&b| b.is_ascii_whitespace())
        .unwrap_or(bytes.len() - i);
    if len > MAX_VALUE {
        return None;
    }
    let mut end = i + len;
    // A closing quote belongs to the string the phrase sits in (`-H "X-API-Key: …"`).
    while end > i && matches!(bytes[end - 1], b',' | b';' | b')' | b'"' | b'\'') {
        end -= 1;
    }
    // A full stop with a sentence after it on the same line ends that sentence, not the
    // password ("… del router es X. Si no va"); at the end of a line it is ambiguous, and
    // kept, as `.netrc` and generated passwords may end in one.
    let sentence_follows = bytes.get(end) == Some(&b' ')
        && bytes
            .get(end + 1)
            .is_some_and(|b| b.is_ascii_alphabetic() || *b >= 0x80);
    if end > i + 1 && bytes[end - 1] == b'.' && bytes[end - 2] != b'.' && sentence_follows {
        end -= 1;
    }
    // `${DB_PASSWORD:?mot de passe requis}`, `{secret: apiSecret}`: the end of an
    // expression the phrase sits in, not a value.
    if bytes[i..end].ends_with(b"}") && !bytes[i..end].contains(&b'{') {
        return None;
    }
    (end > i).then_some((i, end, false))
}

/// Names of calls that take a user and a password, or a token, as arguments (matched in
/// lower case anywhere in the callee: `DriverManager.getConnection`, `new PDO`,
/// `Net::SMTP.start`, `.bearer_auth`).
const CREDENTIAL_CALLS: &[&[u8]] = &[
    b"connect",
    b"connection",
    b"login",
    b"logon",
    b"signin",
    b"auth",
    b"credential",
    b"passw",
    b"pdo",
    b"mysqli",
    b"bind",
    b"smtp",
    b"token",
];

/// Constructors of API clients, which take a key or a secret as a string argument (`new
/// SmsClient("acct", "…")`, `Client("…")`): the callee ends with one of these.
const CLIENT_CONSTRUCTORS: &[&[u8]] = &[b"client"];

/// The longest argument list read.
const MAX_ARGS: usize = 400;

/// Finds string arguments of credential-taking calls that look like passwords or tokens.
pub(super) fn credential_calls(text: &str, out: &mut Vec<super::Finding>) {
    let bytes = text.as_bytes();
    let mut skip_to = 0;
    for open in memchr_iter(b'(', bytes) {
        if open < skip_to {
            continue;
        }
        // `auth=("user", "…")`: a keyword argument holding a tuple.
        let mut s = if open > 0 && bytes[open - 1] == b'=' {
            open - 1
        } else {
            open
        };
        let call_end = s;
        while s > 0
            && open - s < 64
            && (bytes[s - 1].is_ascii_alphanumeric()
                || matches!(bytes[s - 1], b'_' | b'.' | b':' | b'$' | b'>' | b'-'))
        {
            s -= 1;
        }
        if s == call_end {
            continue;
        }
        let mut callee = [0u8; 64];
        for (d, b) in callee.iter_mut().zip(&bytes[s..call_end]) {
            *d = b.to_ascii_lowercase();
        }
        let callee = &callee[..call_end - s];
        if ENV_LOOKUPS.iter().any(|c| callee.ends_with(c)) {
            env_default(text, open + 1, out);
            continue;
        }
        if !CREDENTIAL_CALLS
            .iter()
            .any(|c| callee.windows(c.len()).any(|w| w == *c))
            && !CLIENT_CONSTRUCTORS.iter().any(|c| callee.ends_with(c))
        {
            continue;
        }
        skip_to = arguments(text, open + 1, out);
    }
}

/// Lookups of an environment variable with a default (`env('DB_PASSWORD', '…')` in
/// Laravel, `os.getenv("API_TOKEN", "…")`, `ENV.fetch("SECRET", "…")`), by the end of
/// their callee in lower case.
const ENV_LOOKUPS: &[&[u8]] = &[b"env", b"getenv", b"environ.get", b"env.fetch", b"env.get"];

/// The default of an environment lookup whose variable names a credential: the second
/// string literal after `(` at `from`, when the first names a secret.
fn env_default(text: &str, from: usize, out: &mut Vec<super::Finding>) {
    let bytes = text.as_bytes();
    let literal_at = |i: usize| -> Option<(usize, usize)> {
        let i = i + bytes.get(i..)?.iter().take_while(|&&b| b == b' ').count();
        let q = *bytes.get(i)?;
        if !matches!(q, b'"' | b'\'') {
            return None;
        }
        let len = bytes[i + 1..]
            .iter()
            .take(MAX_VALUE + 1)
            .position(|&b| b == q || b == b'\n')?;
        (bytes[i + 1 + len] == q).then_some((i + 1, i + 1 + len))
    };
    let Some((ns, ne)) = literal_at(from) else {
        return;
    };
    let after_name = ne + 1;
    if bytes.get(after_name) != Some(&b',') {
        return;
    }
    let Some((vs, ve)) = literal_at(after_name + 1) else {
        return;
    };
    if let (Some(name), Some(value)) = (text.get(ns..ne), text.get(vs..ve)) {
        if let Some(conf) = super::named_secret(name, value) {
            push(out, vs, ve, conf.min(SETTING));
        }
    }
}

/// Reads the arguments after `(` at `from` and reports the string literals that look like
/// credentials; returns where the list ends.
fn arguments(text: &str, from: usize, out: &mut Vec<super::Finding>) -> usize {
    let bytes = text.as_bytes();
    let limit = (from + MAX_ARGS).min(bytes.len());
    let mut i = from;
    let mut depth = 0usize;
    while i < limit {
        match bytes[i] {
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' if depth == 0 => return i,
            b')' | b']' | b'}' => depth -= 1,
            q @ (b'"' | b'\'') => {
                let start = i + 1;
                let Some(len) = bytes[start..limit]
                    .iter()
                    .position(|&b| b == q || b == b'\n')
                else {
                    return limit;
                };
                let end = start + len;
                if bytes[end] != q {
                    return end;
                }
                // `key=value` arguments are settings, read by the setting rules.
                let keyword_arg = i > from
                    && bytes[from..i]
                        .iter()
                        .rev()
                        .find(|&&b| b != b' ')
                        .is_some_and(|&b| b == b'=' || b == b':');
                if !keyword_arg && len > 0 {
                    literal(text, start, end, out);
                }
                i = end;
            }
            _ => {}
        }
        i += 1;
    }
    limit
}

/// A string literal argument: a credential when it has the shape of one, and is not an
/// address, a host name, a path or a plain word.
fn literal(text: &str, start: usize, end: usize, out: &mut Vec<super::Finding>) {
    let Some(value) = text.get(start..end) else {
        return;
    };
    let v = value.as_bytes();
    if v.contains(&b'@') && v.contains(&b'.') || v.contains(&b' ') {
        return;
    }
    let host_like = v
        .iter()
        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-'))
        && v.iter().filter(|&&b| b == b'.').count() >= 1
        && !v.iter().any(u8::is_ascii_uppercase);
    if host_like {
        return;
    }
    // A plain word argument is a user, a host or a database name.
    if let Some(conf) = score(value, Kind::Password, Ctx::Line, true) {
        push(out, start, end, conf.min(SETTING));
    }
}

/// `tok_…`, `sess_…`, `svc_…`: a short lower-case prefix, `_` or `-`, and a long random
/// body with letters of both cases and digits. `w` is the prefix's start, `p` its joiner.
pub(super) fn prefixed_token(
    text: &str,
    w: usize,
    p: usize,
    out: &mut Vec<super::Finding>,
) -> Option<usize> {
    let bytes = text.as_bytes();
    let prefix = bytes.get(w..p)?;
    if !(2..=6).contains(&prefix.len()) || !prefix.iter().all(u8::is_ascii_lowercase) {
        return None;
    }
    // A known vendor's prefix glued to a letter (`xghp_…`) is neither its key nor another;
    // `pk_` keys are publishable by design.
    if prefix
        .windows(2)
        .skip(1)
        .any(|w| super::vendor_pair(w[0], w[1]))
        || prefix == b"pk"
    {
        return None;
    }
    let end = p
        + 1
        + bytes[p + 1..]
            .iter()
            .take(257)
            .take_while(|&&b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
            .count();
    let body = &bytes[p + 1..end];
    if !(20..=256).contains(&body.len())
        || !super::free_after(text, end)
        || !super::free_before(text, w)
    {
        return None;
    }
    let s = Shape::of(body);
    let random = s.lower > 0
        && s.upper > 0
        && s.digit > 0
        && s.entropy() >= 4.0
        && !super::is_snake_name(body);
    if !random {
        return None;
    }
    push(out, w, end, PLAUSIBLE.max(SETTING));
    Some(end)
}

/// `htpasswd -b [-c] FILE USER PASSWORD`: the last argument.
pub(super) fn htpasswd(text: &str, out: &mut Vec<super::Finding>) {
    let bytes = text.as_bytes();
    for at in memchr::memmem::find_iter(bytes, b"htpasswd ") {
        let line_end = bytes[at..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(bytes.len(), |k| at + k);
        let line = &bytes[at..line_end];
        let mut args = line.split(|&b| b == b' ').filter(|a| !a.is_empty()).skip(1);
        let mut batch = false;
        let mut positional = Vec::new();
        for arg in &mut args {
            if arg.first() == Some(&b'-') {
                batch |= arg.contains(&b'b');
            } else {
                positional.push(arg);
            }
        }
        if !batch || positional.len() != 3 {
            continue;
        }
        let pw = positional[2];
        let start = pw.as_ptr() as usize - bytes.as_ptr() as usize;
        let end = start + pw.len();
        if let Some(value) = text.get(start..end) {
            if let Some(conf) = score(value, Kind::Password, Ctx::Strong, true) {
                push(out, start, end, conf);
            }
        }
    }
}

/// `.pgpass` lines, `host:port:database:user:password`: the fifth field.
pub(super) fn pgpass(text: &str, out: &mut Vec<super::Finding>) {
    let bytes = text.as_bytes();
    let mut done_to = 0;
    // Only lines with a `:port:` are read.
    for colon in memchr_iter(b':', bytes) {
        let digits = bytes[colon + 1..]
            .iter()
            .take(6)
            .take_while(|b| b.is_ascii_digit())
            .count();
        if colon < done_to || digits == 0 || bytes.get(colon + 1 + digits) != Some(&b':') {
            continue;
        }
        let from = memchr::memrchr(b'\n', &bytes[..colon]).map_or(0, |k| k + 1);
        let line_end = memchr::memchr(b'\n', &bytes[colon..]).map_or(bytes.len(), |k| colon + k);
        done_to = line_end;
        let line = &bytes[from..line_end];
        if line.len() < 9 || line.len() > 300 || line.iter().filter(|&&b| b == b':').count() != 4 {
            continue;
        }
        let fields: Vec<&[u8]> = line.split(|&b| b == b':').collect();
        let port_ok =
            fields[1] == b"*" || !fields[1].is_empty() && fields[1].iter().all(u8::is_ascii_digit);
        let plain = fields[..4].iter().all(|f| {
            !f.is_empty()
                && f.iter()
                    .all(|&b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_' | b'*'))
        });
        if !port_ok || !plain || fields[4].is_empty() || fields[4].contains(&b' ') {
            continue;
        }
        let start = from + line.len() - fields[4].len();
        let end = from + line.len();
        if let Some(value) = text.get(start..end) {
            if let Some(conf) = score(value, Kind::Password, Ctx::Strong, true) {
                push(out, start, end, conf);
            }
        }
    }
}

/// Words before `user / password` that say a login follows: "login: admin / X",
/// "credentials are ops / X", "Zugangsdaten: etl / X".
const LOGIN_WORDS: &[&[u8]] = &[
    b"login",
    b"log in",
    b"credentials",
    b"creds",
    b"username",
    b"user",
    b"benutzer",
    b"zugangsdaten",
    b"anmeldedaten",
    b"identifiants",
    b"utilisateur",
    b"usuario",
    b"credenciales",
    b"acceso",
    b"account",
    b"compte",
    b"konto",
    b"cuenta",
];

/// Finds the password of a `user / password` pair on a line that a login word opens.
pub(super) fn user_slash_password(text: &str, out: &mut Vec<super::Finding>) {
    let bytes = text.as_bytes();
    for slash in memchr::memmem::find_iter(bytes, " / ") {
        let value_start = slash + 3;
        let value_end = value_start
            + bytes[value_start..]
                .iter()
                .take(MAX_VALUE + 1)
                .position(|b| b.is_ascii_whitespace())
                .unwrap_or(bytes.len() - value_start);
        let mut end = value_end;
        while end > value_start && matches!(bytes[end - 1], b',' | b';' | b')' | b'.') {
            end -= 1;
        }
        // The user: one word right before the slash.
        let user_start = bytes[..slash]
            .iter()
            .rposition(|b| b.is_ascii_whitespace())
            .map_or(0, |k| k + 1);
        // `Login: jdoe / Password: X`: a label, whose value the keyword rules read.
        if user_start == slash || end == value_start || bytes[end - 1] == b':' {
            continue;
        }
        let line_start = bytes[..user_start]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |k| k + 1);
        let lead = &bytes[line_start.max(user_start.saturating_sub(48))..user_start];
        let lead = lead.to_ascii_lowercase();
        let opened = LOGIN_WORDS.iter().any(|w| {
            memchr::memmem::find(&lead, w)
                .is_some_and(|at| at == 0 || !lead[at - 1].is_ascii_alphabetic())
        });
        if !opened {
            continue;
        }
        let Some(value) = text.get(value_start..end) else {
            continue;
        };
        if let Some(conf) = score(value, Kind::Password, Ctx::Line, true) {
            push(out, value_start, end, conf.min(SETTING));
        }
    }
}
