//! Credentials: vendor API keys and access tokens (fixed prefix, charset and length), JWTs,
//! whole PEM private-key blocks, the values of password-, secret- and token-like settings
//! (`KEY=value`, `key: value`, JSON, YAML, XML, `--password value`, connection strings) and
//! the password of `scheme://user:password@host` URLs.
//!
//! One pass over the bytes, eight at a time, stopping only at anchors: the separators of
//! settings (`=`, `:`, `>`), the joiners inside vendor prefixes (`-`, `_`) and two capitals in
//! a row (`AKIA…`, `AIza…`, `SK…`, `SG.…`, and every JWT header). Each anchor looks at a few
//! bytes around it: a 64K-bit table of prefix starts rules out most words, key names are
//! matched by their last eight bytes as one integer before being lower-cased and split on a
//! small stack buffer. Tokens seen at a capital pair are skipped whole, so base64 blobs cost
//! one read. Nothing allocates.
//!
//! Vendor formats need only their charset, length and a boundary on both sides. Generic
//! values must also pass a placeholder filter (`changeme`, `<your-key>`, `${DB_PASSWORD}`,
//! `{{ secret }}`, our own `[SECRET_…]` tokens), a reference filter (`os.environ[…]`,
//! `config.password`, `$(cat …)`) and a character-class and entropy test that depends on
//! how sure the context is: `password=` in a config line takes a plain word, a `password:`
//! in the middle of a sentence needs a value that no prose has (`reset your password: click
//! the link` is left alone).

mod phrases;

use super::text::{char_at, char_before, is_word};
use super::{EntityType, Finding, Recognizer};

/// Vendor keys, JWTs and PEM blocks: above every other recognizer (IBAN tops out at 0.97),
/// so that a phone number or an address seen inside a key never splits it.
const CERTAIN: f32 = 0.99;
/// A fixed-shape value without its usual marker: an AWS secret next to its key id or its
/// setting name, an Azure account key, a PEM block whose END line is missing.
const LIKELY: f32 = 0.95;
/// The password of a `scheme://user:password@host` URL: above e-mail (0.95), so that a
/// password containing `@` is not cut into an address.
const URL_PASSWORD: f32 = 0.96;
/// An `Authorization:` header value.
const AUTH_HEADER: f32 = 0.9;
/// The value of a password-, secret- or token-like setting.
const SETTING: f32 = 0.85;
/// A setting value that only its context makes a credential: a random value in prose after
/// `password:`, a random value after an unknown `*_KEY`.
const PLAUSIBLE: f32 = 0.75;
/// A plain word or number after `password=`: still a password, but the weakest finding
/// kept.
const WEAK: f32 = 0.6;

/// The longest setting value taken, in bytes; longer runs are data, not a credential.
const MAX_VALUE: usize = 8192;
/// The longest key name read back from a separator.
const MAX_KEY: usize = 64;

/// Finds credentials: vendor keys and tokens, JWTs, PEM private keys, passwords and secrets
/// in settings and URLs.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct SecretRecognizer;

impl Recognizer for SecretRecognizer {
    fn find(&self, text: &str, out: &mut Vec<Finding>) {
        let bytes = text.as_bytes();
        let mut i = 0;
        // Up to where no `-----END ` line exists, once a PEM search has found none.
        let mut no_end_until = 0;
        while let Some(at) = next_anchor(bytes, i) {
            i = at;
            let b = bytes[i];
            i = match b {
                b'=' => setting(text, i, out),
                b':' => {
                    if bytes.get(i + 1..i + 3) == Some(b"//") {
                        url_password(text, i, out);
                        i + 1
                    } else {
                        go_dsn(text, i, out);
                        setting(text, i, out)
                    }
                }
                b'>' => {
                    xml_element(text, i, out);
                    i + 1
                }
                b'-' => match vendor_before(text, i, out) {
                    Some(end) => end,
                    None => dash(text, i, out, &mut no_end_until),
                },
                b'_' => vendor_before(text, i, out).unwrap_or(i + 1),
                // Two capitals: a token that may be a key without punctuation in its
                // prefix (`AKIA…`, `AIza…`, `SK<hex>`, `SG.…`, a JWT). The token is read
                // once and skipped.
                b'A'..=b'Z' => upper_pair(text, i, out),
                b'!' | b'#' | b'$' | b'%' | b'&' | b'*' | b'^' => {
                    phrases::shaped_password(text, i, out)
                }
                _ => i + 1,
            };
        }
        phrases::password_phrases(text, out);
        phrases::credential_calls(text, out);
        phrases::htpasswd(text, out);
        phrases::pgpass(text, out);
        phrases::user_slash_password(text, out);
    }
}

/// Builds the phrase searchers now.
pub(crate) fn prepare() {
    phrases::prepare();
}

/// Punctuation the scan stops at: separators of settings (`=`, `:`, `>`), the joiners
/// inside vendor prefixes (`-`, `_`) and the symbols of passwords (`!`, `#`, `$`, …). (`;` and `<` share a range of [`next_anchor`] with
/// `:`, `=` and `>`; they are skipped.) The scan also stops at two capitals in a row.
static ANCHOR: [bool; 256] = {
    let mut table = [false; 256];
    let bytes = b"=:>-_;<!#$%&*^";
    let mut k = 0;
    while k < bytes.len() {
        table[bytes[k] as usize] = true;
        k += 1;
    }
    table
};

/// The next anchor at or after `from`: an [`ANCHOR`] byte or the first of two capitals.
/// Eight bytes at a time: for each range of anchor bytes, the `hasbetween` bit trick sets
/// the high bit of exactly the bytes inside it, so a word of prose is skipped in a few
/// dozen operations and the first hit is found without a byte loop.
fn next_anchor(bytes: &[u8], from: usize) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const LOW7: u64 = ONES * 0x7F;
    const HIGHS: u64 = ONES * 0x80;
    /// High bit of each byte b (< 0x80) with lo < b < hi; exact per byte, since neither
    /// the subtraction nor the addition carries across bytes.
    fn between(low: u64, lo: u8, hi: u8) -> u64 {
        (ONES * (127 + u64::from(hi)) - low) & (low + ONES * (127 - u64::from(lo)))
    }
    fn upper(x: u64) -> u64 {
        between(x & LOW7, b'A' - 1, b'Z' + 1) & !x & HIGHS
    }
    let rest = bytes.get(from..)?;
    let mut chunks = rest.chunks_exact(8);
    let mut base = from;
    // Whether the last byte of the previous word is a capital (a pair may straddle words).
    let mut carry = false;
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let x = u64::from_le_bytes(word);
        let low = x & LOW7;
        // Fast path for prose: every byte a space, `0x60` or above (lower-case letters,
        // non-ASCII), none of which is an anchor or a capital.
        let high_or_space = ((low + ONES * 0x20) | x) & HIGHS;
        let not_space = x ^ (ONES * 0x20);
        let space = !(not_space & LOW7).wrapping_add(LOW7) & !not_space & HIGHS;
        if high_or_space | space == HIGHS {
            carry = false;
            base += 8;
            continue;
        }
        let caps = upper(x);
        if carry && caps & 0x80 != 0 {
            return Some(base - 1);
        }
        let punct = (between(low, b'!' - 1, b'!' + 1)
            | between(low, b'#' - 1, b'&' + 1)
            | between(low, b'*' - 1, b'*' + 1)
            | between(low, b'-' - 1, b'-' + 1)
            | between(low, b':' - 1, b'>' + 1)
            | between(low, b'^' - 1, b'_' + 1))
            & !x
            & HIGHS;
        // A capital whose next byte (shifted down onto it) is a capital too.
        let hits = punct | (caps & caps >> 8);
        if hits != 0 {
            return Some(base + (hits.trailing_zeros() / 8) as usize);
        }
        carry = caps >> 63 != 0;
        base += 8;
    }
    let tail = chunks.remainder();
    if carry && tail.first().is_some_and(u8::is_ascii_uppercase) {
        return Some(base - 1);
    }
    tail.iter()
        .enumerate()
        .position(|(k, &b)| {
            ANCHOR[usize::from(b)]
                || (b.is_ascii_uppercase() && tail.get(k + 1).is_some_and(u8::is_ascii_uppercase))
        })
        .map(|k| base + k)
}

/// The vendor key whose prefix holds the `-` or `_` at `p`: the word before it (at most 12
/// letters or digits) is checked as a prefix.
fn vendor_before(text: &str, p: usize, out: &mut Vec<Finding>) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut w = p;
    while w > 0 && p - w <= 12 && bytes.get(w - 1).is_some_and(u8::is_ascii_alphanumeric) {
        w -= 1;
    }
    if w == p || p - w > 12 {
        return None;
    }
    vendor_at(text, w, out).or_else(|| phrases::prefixed_token(text, w, p, out))
}

/// Two capitals at `i`: the token around them (base64url and dots) is checked from its
/// start as a vendor key or a JWT, then skipped whole; returns its end.
fn upper_pair(text: &str, i: usize, out: &mut Vec<Finding>) -> usize {
    const MAX_BACK: usize = 512;
    let bytes = text.as_bytes();
    let end = run(bytes, i, b64url_dot);
    let mut w = i;
    while w > 0 && i - w < MAX_BACK && bytes.get(w - 1).is_some_and(|&b| b64url_dot(b)) {
        w -= 1;
    }
    if i - w >= MAX_BACK {
        return end;
    }
    // `-`, `_`, `.` cannot start a key.
    while w < i
        && bytes
            .get(w)
            .is_some_and(|&b| matches!(b, b'-' | b'_' | b'.'))
    {
        w += 1;
    }
    vendor_at(text, w, out).map_or(end, |found| found.max(i + 1))
}

fn push(out: &mut Vec<Finding>, start: usize, end: usize, confidence: f32) {
    out.push(Finding {
        kind: EntityType::Secret,
        start,
        end,
        confidence,
    });
}

// ---------------------------------------------------------------------------------------
// Byte classes
// ---------------------------------------------------------------------------------------

/// The first two bytes of every vendor prefix [`vendor_at`] knows, as a 64K-bit set: one
/// lookup rules out almost every other word.
static VENDOR_PAIRS: [u64; 1024] = {
    const PAIRS: [&[u8; 2]; 36] = [
        b"ey", b"AI", b"AK", b"AS", b"AG", b"AR", b"AN", b"AB", b"AC", b"A3", b"gh", b"gi", b"gl",
        b"sk", b"rk", b"wh", b"xo", b"xa", b"ya", b"GO", b"SK", b"SG", b"np", b"py", b"hf", b"sh",
        b"ke", b"do", b"gs", b"li", b"hv", b"PM", b"sn", b"se", b"sb", b"AA",
    ];
    let mut table = [0u64; 1024];
    let mut k = 0;
    while k < PAIRS.len() {
        let idx = (PAIRS[k][0] as usize) << 8 | PAIRS[k][1] as usize;
        table[idx / 64] |= 1 << (idx % 64);
        k += 1;
    }
    table
};

fn vendor_pair(a: u8, b: u8) -> bool {
    let idx = usize::from(a) << 8 | usize::from(b);
    VENDOR_PAIRS[idx / 64] & (1 << (idx % 64)) != 0
}

/// The end of the run of bytes from `from` that satisfy `ok`.
fn run(bytes: &[u8], from: usize, ok: impl Fn(u8) -> bool) -> usize {
    let mut j = from;
    while bytes.get(j).is_some_and(|&b| ok(b)) {
        j += 1;
    }
    j
}

fn alnum(b: u8) -> bool {
    b.is_ascii_alphanumeric()
}

fn upper_alnum(b: u8) -> bool {
    b.is_ascii_uppercase() || b.is_ascii_digit()
}

fn lower_hex(b: u8) -> bool {
    b.is_ascii_digit() || (b'a'..=b'f').contains(&b)
}

fn any_hex(b: u8) -> bool {
    b.is_ascii_hexdigit()
}

fn lower_alnum(b: u8) -> bool {
    b.is_ascii_lowercase() || b.is_ascii_digit()
}

/// The base64url alphabet (JWT segments, most modern tokens).
fn b64url(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'-' || b == b'_'
}

fn b64url_dot(b: u8) -> bool {
    b64url(b) || b == b'.'
}

/// The standard base64 alphabet without padding.
fn b64(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'+' || b == b'/'
}

fn slack_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'-'
}

fn webhook_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'/' || b == b'_' || b == b'-'
}

/// No letter, digit or `_` (any script) right after `end`.
fn free_after(text: &str, end: usize) -> bool {
    !char_at(text, end).is_some_and(is_word)
}

/// A key may start at `i`: not glued to a word, nor to `-`, `.`, `+` or `/` (the insides of
/// identifiers, base64 and paths), except right after `://` (`https://ghp_…@github.com`).
fn free_before(text: &str, i: usize) -> bool {
    match char_before(text, i) {
        None => true,
        Some('/') => text.as_bytes().get(i.wrapping_sub(3)..i) == Some(b"://"),
        Some(c) => !(is_word(c) || matches!(c, '-' | '.' | '+')),
    }
}

// ---------------------------------------------------------------------------------------
// Vendor formats and JWTs
// ---------------------------------------------------------------------------------------

/// A vendor key or JWT starting at `i`, which no word char, `-`, `.` or `+` may precede;
/// pushes it and returns its end. (A JWT candidate returns its end even when it is not
/// one, so that the scan skips it.)
fn vendor_at(text: &str, i: usize, out: &mut Vec<Finding>) -> Option<usize> {
    let bytes = text.as_bytes();
    let head = match bytes.get(i..i + 3) {
        Some(&[a, b, c]) if vendor_pair(a, b) => [a, b, c],
        _ => return None,
    };
    // Checked first: a run like `sk-sk-sk-…` is then read once, not once per prefix.
    if !free_before(text, i) {
        return None;
    }
    let rest = bytes.get(i..)?;
    let found = match head {
        [b'e', b'y', b'J'] => return jwt(text, i, out),
        [b'A', b'I', b'z'] if rest.starts_with(b"AIza") => fixed(text, i, 4, b64url, 35, 35),
        [b'A', b'K' | b'S' | b'G' | b'I' | b'R' | b'N' | b'B' | b'C' | b'3', _] => {
            return aws_key_id(text, i, out);
        }
        [b'g', b'h', b'p' | b'o' | b'u' | b's' | b'r'] if rest.get(3) == Some(&b'_') => {
            fixed(text, i, 4, alnum, 36, 251)
        }
        [b'g', b'i', b't'] if rest.starts_with(b"github_pat_") => fixed(
            text,
            i,
            11,
            |b| b.is_ascii_alphanumeric() || b == b'_',
            40,
            251,
        ),
        [b'g', b'l', _] => {
            let p = [&b"glpat-"[..], b"glrt-", b"gldt-", b"glptt-", b"glcbt-"]
                .into_iter()
                .find(|p| rest.starts_with(p))?;
            fixed(text, i, p.len(), b64url, 20, 128)
        }
        [b's', b'k', b'-'] => openai_like(text, i),
        [b's' | b'r', b'k', b'_'] => {
            let p = [&b"sk_live_"[..], b"sk_test_", b"rk_live_", b"rk_test_"]
                .into_iter()
                .find(|p| rest.starts_with(p))?;
            fixed(text, i, p.len(), alnum, 20, 255)
        }
        [b'w', b'h', b's'] if rest.starts_with(b"whsec_") => fixed(text, i, 6, b64, 32, 128),
        [b'x', b'o', b'x'] => slack_token(text, i),
        [b'x', b'a', b'p'] if rest.starts_with(b"xapp-") => slack_token(text, i),
        [b'x', b'a', b'i'] if rest.starts_with(b"xai-") => fixed(text, i, 4, alnum, 70, 100),
        [b'y', b'a', b'2'] if rest.starts_with(b"ya29.") => fixed(text, i, 5, b64url, 30, 2048),
        [b'G', b'O', b'C'] if rest.starts_with(b"GOCSPX-") => fixed(text, i, 7, b64url, 28, 28),
        [b'S', b'K', h] if lower_hex(h) => fixed(text, i, 2, lower_hex, 32, 32),
        [b'S', b'G', b'.'] => sendgrid(text, i),
        [b'n', b'p', b'm'] if rest.starts_with(b"npm_") => fixed(text, i, 4, alnum, 36, 36),
        [b'p', b'y', b'p'] if rest.starts_with(b"pypi-AgE") => fixed(text, i, 5, b64url, 50, 1024),
        [b'h', b'f', b'_'] => fixed(text, i, 3, alnum, 30, 40),
        [b's', b'h', b'p'] => {
            let p = [&b"shpat_"[..], b"shpca_", b"shppa_", b"shpss_"]
                .into_iter()
                .find(|p| rest.starts_with(p))?;
            fixed(text, i, p.len(), any_hex, 32, 32)
        }
        [b'k', b'e', b'y'] if rest.get(3) == Some(&b'-') => fixed(text, i, 4, lower_alnum, 32, 32),
        [b'd', b'o', b'p' | b'o' | b'r'] if rest.get(3..7) == Some(b"_v1_") => {
            fixed(text, i, 7, lower_hex, 64, 64)
        }
        [b'g', b's', b'k'] if rest.starts_with(b"gsk_") => fixed(text, i, 4, alnum, 48, 64),
        [b'l', b'i', b'n'] if rest.starts_with(b"lin_api_") => fixed(text, i, 8, alnum, 40, 40),
        [b'h', b'v', b's' | b'b'] if rest.get(3) == Some(&b'.') => {
            fixed(text, i, 4, b64url, 24, 512)
        }
        [b'P', b'M', b'A'] if rest.starts_with(b"PMAK-") => postman(text, i),
        [b's', b'n', b't'] if rest.starts_with(b"sntrys_") => fixed(text, i, 7, b64url, 40, 256),
        [b's', b'n', b't'] if rest.starts_with(b"sntryu_") => fixed(text, i, 7, lower_hex, 64, 64),
        [b's', b'e', b'c'] if rest.starts_with(b"secret_") => fixed(text, i, 7, alnum, 43, 43),
        [b's', b'b', b'p'] if rest.starts_with(b"sbp_") => fixed(text, i, 4, lower_hex, 40, 40),
        [b'A', b'A', _] => return telegram_bot(text, i, out),
        _ => None,
    }?;
    push(out, i, found, CERTAIN);
    Some(found)
}

/// A Telegram bot token: the bot's numeric id, `:`, then `AA` and 33 base64url bytes; `i`
/// is at the `AA`.
fn telegram_bot(text: &str, i: usize, out: &mut Vec<Finding>) -> Option<usize> {
    let bytes = text.as_bytes();
    if i < 9 || bytes.get(i - 1) != Some(&b':') {
        return None;
    }
    let digits = bytes[..i - 1]
        .iter()
        .rev()
        .take(11)
        .take_while(|b| b.is_ascii_digit())
        .count();
    let start = i - 1 - digits;
    if !(8..=10).contains(&digits) || !free_before(text, start) {
        return None;
    }
    let end = run(bytes, i, b64url);
    if end - i != 35 || !free_after(text, end) {
        return None;
    }
    push(out, start, end, CERTAIN);
    Some(end)
}

/// `prefix_len` bytes of prefix (already checked), then `min..=max` bytes of `charset`,
/// on boundaries, not a documentation placeholder.
fn fixed(
    text: &str,
    i: usize,
    prefix_len: usize,
    charset: impl Fn(u8) -> bool,
    min: usize,
    max: usize,
) -> Option<usize> {
    let bytes = text.as_bytes();
    let body = i + prefix_len;
    let end = run(bytes, body, charset);
    let len = end - body;
    let ok = (min..=max).contains(&len)
        && free_after(text, end)
        && !placeholder_body(bytes.get(body..end)?)
        && mixed_body(bytes.get(body..end)?);
    ok.then_some(end)
}

/// Random bodies mix classes: at least a digit and a letter, or both cases. Rules out
/// `sk-proj-abcdefghij…` style prose and identifiers that happen to carry a prefix.
fn mixed_body(body: &[u8]) -> bool {
    let digit = body.iter().any(u8::is_ascii_digit);
    let lower = body.iter().any(u8::is_ascii_lowercase);
    let upper = body.iter().any(u8::is_ascii_uppercase);
    (digit && (lower || upper)) || (lower && upper)
}

/// Documentation keys: `AKIAIOSFODNN7EXAMPLE`, `ghp_xxxxxxxx…`, `sk-your-key-here`.
fn placeholder_body(body: &[u8]) -> bool {
    let mut run_len = 0;
    let mut prev = 0u8;
    for &b in body {
        run_len = if b == prev { run_len + 1 } else { 1 };
        prev = b;
        if run_len >= 6 {
            return true;
        }
    }
    has_part(body, VENDOR_PLACEHOLDER_PARTS, &VENDOR_PLACEHOLDER_FIRST)
}

/// Words that mark a documentation key, lower case.
const VENDOR_PLACEHOLDER_PARTS: &[&[u8]] = &[
    b"example",
    b"xxxx",
    b"your",
    b"here",
    b"placeholder",
    b"redacted",
    b"dummy",
];

static VENDOR_PLACEHOLDER_FIRST: [u32; 256] = first_bytes(VENDOR_PLACEHOLDER_PARTS);

/// AWS access key ids (`AKIA…`, `ASIA…` and the other unique-id prefixes) and, within the
/// next few lines, the 40-char secret access key that usually follows them.
fn aws_key_id(text: &str, i: usize, out: &mut Vec<Finding>) -> Option<usize> {
    const PREFIXES: [&[u8]; 10] = [
        b"AKIA", b"ASIA", b"AGPA", b"AIDA", b"AROA", b"ANPA", b"ANVA", b"AIPA", b"ABIA", b"ACCA",
    ];
    let bytes = text.as_bytes();
    let rest = bytes.get(i..)?;
    let known = PREFIXES.iter().any(|p| rest.starts_with(p))
        || (rest.starts_with(b"A3T") && rest.get(3).is_some_and(|&b| upper_alnum(b)));
    if !known {
        return None;
    }
    // Base32 ids may hold no digit at all, so no class mix is asked for.
    let body = i + 4;
    let end = run(bytes, body, upper_alnum);
    let ok = end - body == 16 && free_after(text, end) && !placeholder_body(bytes.get(body..end)?);
    if !ok {
        return None;
    }
    push(out, i, end, CERTAIN);
    if let Some((s, e)) = aws_secret_near(text, end, 200, 3) {
        push(out, s, e, LIKELY);
    }
    Some(end)
}

/// The first token after `from` (within `window` bytes and `lines` line breaks) that is
/// exactly 40 chars of base64 mixing upper case, lower case and digits: the shape of an AWS
/// secret access key, which git SHAs (lower-case hex) never have.
fn aws_secret_near(text: &str, from: usize, window: usize, lines: usize) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let limit = (from + window).min(bytes.len());
    let mut j = from;
    let mut breaks = 0;
    while j < limit {
        let b = bytes[j];
        if b == b'\n' {
            breaks += 1;
            if breaks > lines {
                return None;
            }
        }
        if !b64(b) {
            j += 1;
            continue;
        }
        let end = run(bytes, j, b64);
        if end - j == 40
            && !j
                .checked_sub(1)
                .and_then(|k| bytes.get(k))
                .is_some_and(|&p| p == b'-' || p == b'.' || p == b'_')
            && free_after(text, end)
            && bytes.get(end) != Some(&b'=')
        {
            let v = bytes.get(j..end)?;
            let shape = Shape::of(v);
            if shape.lower > 0 && shape.upper > 0 && shape.digit > 0 && shape.entropy() >= 4.0 {
                return Some((j, end));
            }
        }
        j = end;
    }
    None
}

/// OpenAI (`sk-…`, `sk-proj-…`, `sk-svcacct-…`), Anthropic (`sk-ant-…`) and compatible
/// keys: at least 32 base64url chars after `sk-`, with a long random stretch in them (so
/// that `sk-my-very-long-key-name` is not taken).
fn openai_like(text: &str, i: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let body = i + 3;
    let end = run(bytes, body, b64url);
    let v = bytes.get(body..end)?;
    let longest = v
        .split(|&b| b == b'-' || b == b'_')
        .map(<[u8]>::len)
        .max()
        .unwrap_or(0);
    let ok = (32..=512).contains(&v.len())
        && longest >= 20
        && v.iter().any(u8::is_ascii_digit)
        && free_after(text, end)
        && !placeholder_body(v);
    ok.then_some(end)
}

/// Slack tokens: `xoxb-`, `xoxp-`, `xoxa-`, `xoxr-`, `xoxs-`, `xoxe-`, `xoxo-`, `xapp-`,
/// then dash-separated digit groups and a random tail.
fn slack_token(text: &str, i: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let rest = bytes.get(i..)?;
    let ok_prefix = rest.starts_with(b"xapp-")
        || (rest.starts_with(b"xox")
            && rest.get(3).is_some_and(|b| b"abposre".contains(b))
            && rest.get(4) == Some(&b'-'));
    if !ok_prefix {
        return None;
    }
    let body = i + 5;
    let end = run(bytes, body, slack_char);
    let v = bytes.get(body..end)?;
    let ok = v.len() >= 20
        && v.len() <= 512
        && v.iter().filter(|&&b| b == b'-').count() >= 1
        && v.iter().any(u8::is_ascii_digit)
        && free_after(text, end)
        && !placeholder_body(v);
    ok.then_some(end)
}

/// `hooks.slack.com/services/T…/B…/…`: the whole webhook URL, scheme included.
fn slack_webhook(text: &str, i: usize, out: &mut Vec<Finding>) -> Option<usize> {
    const HOST: &[u8] = b"hooks.slack.com/services/";
    let bytes = text.as_bytes();
    if !bytes.get(i..)?.starts_with(HOST) {
        return None;
    }
    let body = i + HOST.len();
    let end = run(bytes, body, webhook_char);
    let v = bytes.get(body..end)?;
    if v.len() < 20 || v.iter().filter(|&&b| b == b'/').count() < 2 || placeholder_body(v) {
        return None;
    }
    let start = [&b"https://"[..], b"http://"]
        .into_iter()
        .find(|s| i >= s.len() && bytes.get(i - s.len()..i) == Some(*s))
        .map_or(i, |s| i - s.len());
    push(out, start, end, CERTAIN);
    Some(end)
}

/// SendGrid: `SG.` + 22 base64url + `.` + 43 base64url (lengths allowed to vary a little).
fn sendgrid(text: &str, i: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let a = i + 3;
    let a_end = run(bytes, a, b64url);
    if bytes.get(a_end) != Some(&b'.') || !(16..=32).contains(&(a_end - a)) {
        return None;
    }
    let b = a_end + 1;
    let end = run(bytes, b, b64url);
    let ok =
        (30..=64).contains(&(end - b)) && free_after(text, end) && mixed_body(bytes.get(b..end)?);
    ok.then_some(end)
}

/// Postman API keys: `PMAK-` + 24 hex + `-` + 34 hex.
fn postman(text: &str, i: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let a = i + 5;
    let a_end = run(bytes, a, any_hex);
    if a_end - a != 24 || bytes.get(a_end) != Some(&b'-') {
        return None;
    }
    let end = run(bytes, a_end + 1, any_hex);
    let ok = end - a_end - 1 == 34 && free_after(text, end);
    ok.then_some(end)
}

/// JWTs: `eyJ<header>.eyJ<payload>.<signature>` (base64url, the header and payload being
/// JSON objects), the unsigned `header.payload.` form, and five-part JWEs. The whole token
/// is the span; a dot that ends the sentence stays outside.
fn jwt(text: &str, i: usize, out: &mut Vec<Finding>) -> Option<usize> {
    let bytes = text.as_bytes();
    let run_end = run(bytes, i, b64url_dot);
    let tok = bytes.get(i..run_end)?;
    let mut parts = [&b""[..]; 7];
    let mut n = 0;
    for part in tok.split(|&b| b == b'.') {
        if n == parts.len() {
            return Some(run_end);
        }
        parts[n] = part;
        n += 1;
    }
    let (end, confidence) = match n {
        // header.payload.signature
        3 if parts[2].len() >= 16 && parts[1].starts_with(b"eyJ") => (run_end, CERTAIN),
        // header.payload. (unsigned)
        3 if parts[2].is_empty() && parts[1].starts_with(b"eyJ") => (run_end, LIKELY),
        // header.payload.signature + sentence dot
        4 if parts[3].is_empty() && parts[2].len() >= 16 && parts[1].starts_with(b"eyJ") => {
            (run_end - 1, CERTAIN)
        }
        // JWE: header.key.iv.ciphertext.tag (+ sentence dot)
        5 if parts[3].len() >= 8 => (run_end, CERTAIN),
        6 if parts[5].is_empty() && parts[3].len() >= 8 => (run_end - 1, CERTAIN),
        _ => return Some(run_end),
    };
    if parts[0].len() >= 10 && parts[1].len() >= 4 && free_after(text, run_end) {
        push(out, i, end, confidence);
    }
    Some(run_end)
}

// ---------------------------------------------------------------------------------------
// PEM private keys, command-line flags
// ---------------------------------------------------------------------------------------

/// A `-` at `i`: a PEM block, a `--password value` flag, `mysql -pSECRET`, `curl -u
/// user:password`. Returns where the scan goes on.
fn dash(text: &str, i: usize, out: &mut Vec<Finding>, no_end_until: &mut usize) -> usize {
    let bytes = text.as_bytes();
    let rest = bytes.get(i..).unwrap_or_default();
    if rest.starts_with(b"-----BEGIN ") {
        return pem(text, i, out, no_end_until).unwrap_or(i + 5);
    }
    let after_space = i == 0 || bytes.get(i - 1).is_some_and(|&b| matches!(b, b' ' | b'\t'));
    match rest.get(1) {
        Some(b'-') => {
            let quote_before = i
                .checked_sub(1)
                .and_then(|k| bytes.get(k))
                .is_some_and(|&b| matches!(b, b'\n' | b'"' | b'\''));
            if after_space || quote_before {
                long_flag(text, i + 2, out);
            }
            run(bytes, i, |b| b == b'-')
        }
        Some(b'p' | b'P' | b'a' | b'w') if after_space => {
            short_password_flag(text, i, out);
            i + 1
        }
        Some(b'u') if after_space && rest.get(2) == Some(&b' ') => {
            if line_before_contains(bytes, i, b"curl") {
                user_password(text, i + 3, out);
            }
            i + 1
        }
        _ => i + 1,
    }
}

/// `-----BEGIN … PRIVATE KEY-----` through the matching END line; without an END line,
/// the base64 lines that follow the BEGIN line.
fn pem(text: &str, i: usize, out: &mut Vec<Finding>, no_end_until: &mut usize) -> Option<usize> {
    const SEARCH: usize = 1 << 16;
    let bytes = text.as_bytes();
    let label_start = i + 11;
    let head = bytes.get(label_start..(label_start + 48).min(bytes.len()))?;
    let label_len = find_bytes(head, b"-----")?;
    let label = head.get(..label_len)?;
    if label.contains(&b'\n') || !contains_ignore_case(label, b"PRIVATE KEY") {
        return None;
    }
    let header_end = label_start + label_len + 5;
    let limit = (header_end + SEARCH).min(bytes.len());
    // An earlier search may have shown that no END line exists for a while.
    let mut from = header_end.max(*no_end_until);
    let mut any_end = false;
    while let Some(off) = bytes
        .get(from..limit)
        .and_then(|h| find_bytes(h, b"-----END "))
    {
        any_end = true;
        let p = from + off + 9;
        let tail = bytes.get(p..).unwrap_or_default();
        if tail.starts_with(label)
            && tail
                .get(label.len()..)
                .is_some_and(|t| t.starts_with(b"-----"))
        {
            let end = p + label.len() + 5;
            push(out, i, end, CERTAIN);
            return Some(end);
        }
        from = p;
    }
    if !any_end {
        *no_end_until = limit;
    }
    // Truncated paste: the body lines (base64, plus `Proc-Type:`/`DEK-Info:` headers).
    let mut end = header_end;
    let mut body = 0;
    let mut line_start = header_end;
    while line_start < bytes.len() {
        let line_end = bytes
            .get(line_start..)
            .and_then(|r| r.iter().position(|&b| b == b'\n'))
            .map_or(bytes.len(), |k| line_start + k);
        let line = bytes.get(line_start..line_end)?;
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        let is_body = !line.is_empty() && line.iter().all(|&b| b64(b) || b == b'=');
        let is_header = line.is_empty() && body == 0
            || line.starts_with(b"Proc-Type:")
            || line.starts_with(b"DEK-Info:");
        if is_body {
            body += line.len();
            end = line_start + line.len();
        } else if !is_header {
            break;
        }
        line_start = line_end + 1;
    }
    if body < 64 {
        return None;
    }
    push(out, i, end, LIKELY);
    Some(end)
}

/// `--password value`, `--api-key 'value'`, `--user user:password` (the `=` forms are
/// settings). `name_start` is the first byte after `--`.
fn long_flag(text: &str, name_start: usize, out: &mut Vec<Finding>) {
    let bytes = text.as_bytes();
    let name_end = run(bytes, name_start, |b| {
        b.is_ascii_alphanumeric() || b == b'-' || b == b'_'
    });
    if name_end - name_start > MAX_KEY || bytes.get(name_end) != Some(&b' ') {
        return;
    }
    let Some(name) = bytes.get(name_start..name_end) else {
        return;
    };
    if name.eq_ignore_ascii_case(b"user") {
        if line_before_contains(bytes, name_start, b"curl") {
            user_password(text, name_end + 1, out);
        }
        return;
    }
    let Some(kind) = key_kind(name) else { return };
    let from = name_end + 1;
    if bytes.get(from) == Some(&b'-') {
        return;
    }
    if let Some(v) = value_at(text, from, kind, false).filter(|v| !v.too_long) {
        let value = text.get(v.start..v.end).unwrap_or_default();
        if let Some(conf) = score(value, kind, Ctx::Strong, true) {
            push(out, v.start, v.end, conf);
        }
    }
}

/// `mysql -pSECRET`, `mysql -p'SECRET'` on a mysql/mariadb command line, and `-p SECRET`
/// on a registry `login` command line (`docker login -u me -p SECRET`).
///
/// Other tools take the password after their own flag: `sshpass -p`, `redis-cli -a`, the
/// LDAP tools' `-w` (`ldapsearch -D … -w SECRET`), `sqlcmd`, `bcp` and `zip -P`, and any
/// `-p` after a `-u USER` (`mongosh -u admin -p SECRET`).
fn short_password_flag(text: &str, i: usize, out: &mut Vec<Finding>) {
    let bytes = text.as_bytes();
    let flag = bytes.get(i + 1).copied().unwrap_or(0);
    let tool = |name: &[u8]| line_before_contains(bytes, i, name);
    let from = match (flag, bytes.get(i + 2)) {
        (b'p', Some(b' ')) if tool(b"login") || tool(b"sshpass") || tool(b"mongo") => i + 3,
        // `-u admin -p SECRET`: after a user flag, `-p` is the password (a port is digits,
        // which the value rules reject).
        (b'p', Some(b' ')) if user_flag_before(bytes, i) => i + 3,
        (b'P', Some(b' ')) if tool(b"sqlcmd") || tool(b"bcp") || tool(b"zip") => i + 3,
        (b'p', Some(b)) if b.is_ascii_graphic() && (tool(b"mysql") || tool(b"mariadb")) => i + 2,
        (b'a', Some(b' ')) if tool(b"redis-cli") => i + 3,
        (b'w', Some(b' ')) if tool(b"ldap") => i + 3,
        _ => return,
    };
    if let Some(v) = value_at(text, from, Kind::Password, false).filter(|v| !v.too_long) {
        let value = text.get(v.start..v.end).unwrap_or_default();
        if let Some(conf) = score(value, Kind::Password, Ctx::Strong, true) {
            push(out, v.start, v.end, conf);
        }
    }
}

/// Whether a `-u NAME` or `-U NAME` flag comes before `i` on its line.
fn user_flag_before(bytes: &[u8], i: usize) -> bool {
    let line_start = bytes[..i]
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |k| k + 1);
    let line = &bytes[line_start..i];
    line.windows(4)
        .any(|w| w[0] == b' ' && w[1] == b'-' && matches!(w[2], b'u' | b'U') && w[3] == b' ')
}

/// `user:password` (curl `-u`/`--user`): the part after the first `:`.
fn user_password(text: &str, from: usize, out: &mut Vec<Finding>) {
    let Some(v) = value_at(text, from, Kind::Password, false).filter(|v| !v.too_long) else {
        return;
    };
    let Some(value) = text.get(v.start..v.end) else {
        return;
    };
    let Some(colon) = value.find(':') else { return };
    let start = v.start + colon + 1;
    let Some(pw) = text.get(start..v.end) else {
        return;
    };
    if let Some(conf) = score(pw, Kind::Password, Ctx::Strong, true) {
        push(out, start, v.end, conf);
    }
}

/// Whether `needle` (lower case) occurs, ASCII case-insensitively, between the start of the
/// line holding `i` and `i` (at most 256 bytes back).
fn line_before_contains(bytes: &[u8], i: usize, needle: &[u8]) -> bool {
    let from = i.saturating_sub(256);
    let Some(hay) = bytes.get(from..i) else {
        return false;
    };
    let hay = hay
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(hay, |nl| &hay[nl + 1..]);
    contains_ignore_case(hay, needle)
}

// ---------------------------------------------------------------------------------------
// URL passwords
// ---------------------------------------------------------------------------------------

/// `scheme://user:password@host`: the password, for the `:` of `://` at `colon`.
/// A Go MySQL DSN, a string that opens with `user:password@tcp(` or `@unix(` and has no
/// scheme: `"facturacion:F4ctur4s-2024@tcp(10.1.2.3:3306)/facturacion"`.
fn go_dsn(text: &str, colon: usize, out: &mut Vec<Finding>) {
    let bytes = text.as_bytes();
    let user = bytes[..colon]
        .iter()
        .rev()
        .take(33)
        .take_while(|&&b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.'))
        .count();
    let user_start = colon - user;
    if user == 0 || user > 32 || user_start == 0 {
        return;
    }
    if !matches!(bytes[user_start - 1], b'"' | b'\'' | b'`') {
        return;
    }
    let start = colon + 1;
    let Some(len) = bytes[start..]
        .iter()
        .take(129)
        .position(|&b| b == b'@' || b.is_ascii_whitespace() || matches!(b, b'"' | b'\'' | b'`'))
    else {
        return;
    };
    let at = start + len;
    let rest = &bytes[at..];
    if len == 0 || !(rest.starts_with(b"@tcp(") || rest.starts_with(b"@unix(")) {
        return;
    }
    if let Some(value) = text.get(start..at) {
        if let Some(conf) = score(value, Kind::Password, Ctx::Strong, true) {
            push(out, start, at, conf);
        }
    }
}

fn url_password(text: &str, colon: usize, out: &mut Vec<Finding>) {
    let bytes = text.as_bytes();
    // A scheme: letters first, then letters, digits, `+`, `-`, `.`.
    let scheme_start = {
        let mut j = colon;
        while j > 0
            && bytes
                .get(j - 1)
                .is_some_and(|&b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.'))
            && colon - j < 32
        {
            j -= 1;
        }
        j
    };
    if colon - scheme_start < 2 || !bytes.get(scheme_start).is_some_and(u8::is_ascii_alphabetic) {
        return;
    }
    let auth = colon + 3;
    if bytes
        .get(auth..)
        .is_some_and(|r| r.starts_with(b"hooks.slack.com/services/"))
    {
        slack_webhook(text, auth, out);
        return;
    }
    // The URL token: up to white space, a quote or an angle bracket.
    let limit = (auth + 256).min(bytes.len());
    let mut token_end = auth;
    let mut first_at = None;
    while token_end < limit {
        let b = bytes[token_end];
        if b.is_ascii_whitespace() || matches!(b, b'"' | b'\'' | b'`' | b'<' | b'>') {
            break;
        }
        if b == b'@' && first_at.is_none() {
            first_at = Some(token_end);
        }
        token_end += 1;
    }
    let Some(first_at) = first_at else { return };
    // The host starts after the last `@` before the path; a password may hold `@`, `/`, `#`.
    let path = bytes
        .get(first_at..token_end)
        .and_then(|r| r.iter().position(|&b| matches!(b, b'/' | b'?' | b'#')))
        .map_or(token_end, |k| first_at + k);
    let Some(at) = bytes
        .get(first_at..path)
        .and_then(|r| r.iter().rposition(|&b| b == b'@'))
        .map(|k| first_at + k)
    else {
        return;
    };
    if !bytes
        .get(at + 1)
        .is_some_and(|&b| b.is_ascii_alphanumeric() || b == b'[' || b >= 0x80)
    {
        return;
    }
    let Some(userinfo) = bytes.get(auth..at) else {
        return;
    };
    let Some(sep) = userinfo.iter().position(|&b| b == b':') else {
        return;
    };
    if userinfo[..sep].contains(&b'/') {
        return;
    }
    let start = auth + sep + 1;
    let Some(pw) = text.get(start..at) else {
        return;
    };
    if find_bytes(userinfo, b"://").is_some() {
        return;
    }
    // `https://host:443/@user`: a port and a path, not a password.
    let port = pw
        .split_once('/')
        .is_some_and(|(head, _)| head.bytes().all(|b| b.is_ascii_digit()));
    if pw.is_empty() || port || is_placeholder(pw) {
        return;
    }
    let shape = Shape::of(pw.as_bytes());
    let confidence = if shape.chars >= 6 && shape.classes() >= 2 && !shape.wordy() {
        URL_PASSWORD
    } else if shape.chars >= 4 {
        SETTING
    } else {
        return;
    };
    push(out, start, at, confidence);
}

// ---------------------------------------------------------------------------------------
// Settings: key = value, key: value, "key": "value", <key>value</key>
// ---------------------------------------------------------------------------------------

/// What a key name says about its value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// password, passwd, pwd, pass, Passwort, mot de passe, contraseña…
    Password,
    /// secret, token, api key, private key, auth…
    Token,
    /// Some other `*_KEY` (`STRIPE_KEY`, `MAPBOX_KEY`): only a clearly random value.
    OtherKey,
    /// aws_secret_access_key, SecretAccessKey.
    AwsSecret,
    /// Azure AccountKey / SharedAccessKey (base64).
    AccountKey,
    /// Authorization header: the value after the scheme word.
    Authorization,
}

/// How sure the surroundings make a setting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Ctx {
    /// Mid-sentence `key: value`, or a value followed by more words.
    Prose,
    /// `key: value` at the start of a line (YAML, `Password: …` in a ticket).
    Line,
    /// `key=value`, `"key": …`, quoted values, flags, query parameters.
    Strong,
}

/// A setting value: its byte range, whether it was quoted, and whether more words follow
/// it on its line.
#[derive(Debug, Clone, Copy)]
struct Value {
    start: usize,
    end: usize,
    quoted: bool,
    words_after: bool,
    /// An `Authorization` scheme word (`Bearer`, `Basic`) stood before it.
    scheme: bool,
    /// Cut at [`MAX_VALUE`]: not a credential.
    too_long: bool,
}

/// The key before a separator.
#[derive(Debug, Clone, Copy)]
struct Key {
    kind: Kind,
    quoted: bool,
    line_start: bool,
    structured: bool,
    query: bool,
    /// The value is written as a literal even when unquoted: a config line (`KEY=value`
    /// at a line start), a query parameter, a `;`-separated connection string.
    literal: bool,
}

/// A `=` or `:` at `sep`; returns where the scan goes on (past a long value, so that a
/// run of `k=k=k=…` is read once).
fn setting(text: &str, sep: usize, out: &mut Vec<Finding>) -> usize {
    let bytes = text.as_bytes();
    let prev = sep.checked_sub(1).and_then(|k| bytes.get(k)).copied();
    let next = bytes.get(sep + 1).copied();
    let mut value_from = sep + 1;
    let mut key_end = sep;
    let equals = bytes.get(sep) == Some(&b'=');
    if equals {
        if matches!(next, Some(b'=' | b'~')) {
            return sep + 2;
        }
        if next == Some(b'>') {
            value_from += 1;
        }
        match prev {
            Some(b':') => key_end -= 1,
            Some(b'=' | b'!' | b'<' | b'>' | b'+' | b'*' | b'/' | b'%' | b'&' | b'|' | b'^')
            | Some(b'~' | b'?' | b'-') => return sep + 1,
            _ => {}
        }
    } else {
        // `::`, `a:=b` (handled at the `=`), `12:30`.
        if matches!(next, Some(b':' | b'=')) || prev == Some(b':') {
            return sep + 1;
        }
        if prev.is_some_and(|b| b.is_ascii_digit()) && next.is_some_and(|b| b.is_ascii_digit()) {
            return sep + 1;
        }
    }
    let key = match key_before(text, key_end) {
        Some(key) => key,
        None if equals => match attribute_key(text, key_end) {
            Some(key) => key,
            None => return sep + 1,
        },
        None => return sep + 1,
    };
    let Some(v) = value_at(text, value_from, key.kind, key.query) else {
        return sep + 1;
    };
    // Past a long unquoted value (a PEM block needs spaces, a key glued inside a value has
    // no boundary), so that a run like `password=password=…` is read once.
    let resume = if !v.quoted && v.end - v.start > 256 {
        v.end
    } else {
        sep + 1
    };
    if v.too_long {
        return resume;
    }
    let Some(value) = text.get(v.start..v.end) else {
        return resume;
    };
    // A vendor key or JWT as the value: taken with its own (higher) confidence.
    let before = out.len();
    if vendor_at(text, v.start, out).is_some()
        && out
            .get(before..)
            .is_some_and(|new| new.iter().any(|f| f.end >= v.end))
    {
        return resume;
    }
    let strong = equals || key.quoted || key.structured || v.quoted || key.query || v.scheme;
    let mut ctx = if strong {
        Ctx::Strong
    } else if key.line_start {
        Ctx::Line
    } else {
        Ctx::Prose
    };
    // A query parameter ends at its `&` or the request line's space.
    if v.words_after && !key.query {
        ctx = Ctx::Prose;
    }
    // Unquoted values are literals in config lines and prose; after `=` or inside code
    // structures (`f(password=pw)`, `{token: authToken}`) they may name variables.
    let literal = v.quoted || key.literal || !(equals || key.structured || key.quoted);
    if let Some(conf) = score(value, key.kind, ctx, literal) {
        push(out, v.start, v.end, conf);
    }
    resume
}

/// `<add key="DbPassword" value="…"/>`, `<property name="password" value="…"/>`: for the
/// `=` of a `value` attribute, the key named by a `key`/`name` attribute of the same tag.
fn attribute_key(text: &str, end: usize) -> Option<Key> {
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

fn is_key_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.') || b >= 0x80
}

/// Skips back over spaces, tabs and no-break spaces (U+00A0, U+202F) before `j`, at most a
/// few.
fn skip_spaces_back(bytes: &[u8], mut j: usize) -> usize {
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
fn key_before(text: &str, end: usize) -> Option<Key> {
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
    let mut buf = KeyBuf::new();
    let mut start = j;
    let ident = bytes.get(j..ident_end)?;
    if ident.iter().all(|&b| b.is_ascii_alphabetic() || b >= 0x80) {
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
    }
    let joined = bytes.get(start..ident_end)?;
    buf.extend(joined);
    let kind = key_kind_segments(&buf)?;

    // What stands before the key (indentation is not limited).
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
    Some(Key {
        kind,
        quoted,
        line_start,
        structured,
        query,
        literal: line_start || query || before == Some(b';'),
    })
}

/// Keyword endings (lower case, at most 8 bytes) a credential key name must have: `…sword`,
/// `…secret`, `…token`, `…key`… Compared as masked integers, so most words before a `:` or
/// `=` are ruled out in a few operations.
static KEY_ENDINGS: [(u64, u64); 32] = {
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
fn keyword_tail(ident: &[u8]) -> bool {
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
static ENDINGS_BY_LAST: [u32; 256] = {
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
struct KeyBuf {
    bytes: [u8; 96],
    len: usize,
    /// Segment ends (exclusive); a segment starts where the previous one ended, after
    /// separators.
    segs: [(u8, u8); 12],
    nsegs: usize,
}

impl KeyBuf {
    fn new() -> Self {
        Self {
            bytes: [0; 96],
            len: 0,
            segs: [(0, 0); 12],
            nsegs: 0,
        }
    }

    fn extend(&mut self, raw: &[u8]) {
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

    fn close(&mut self, seg_start: &mut Option<usize>) {
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
    fn seg(&self, k: usize) -> &[u8] {
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
fn key_kind(name: &[u8]) -> Option<Kind> {
    let mut buf = KeyBuf::new();
    buf.extend(name);
    key_kind_segments(&buf)
}

/// Password words in the supported languages, as whole segments.
const PASSWORD_WORDS: &[&[u8]] = &[
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
const PASSWORD_SUFFIXES: &[&[u8]] = &[b"password", b"passwd", b"passwort", b"kennwort"];
const TOKEN_SUFFIXES: &[&[u8]] = &[
    b"token",
    b"secret",
    b"apikey",
    b"secretkey",
    b"privatekey",
    b"accesskey",
];

/// Words before `key` that make it a credential.
const KEY_QUALIFIERS: &[&[u8]] = &[
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
const KEY_NEGATIVES: &[&[u8]] = &[
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
const TOKEN_NEGATIVES: &[&[u8]] = &[
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

fn key_kind_segments(buf: &KeyBuf) -> Option<Kind> {
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

/// The value starting at (or after spaces from) `from`.
fn value_at(text: &str, from: usize, kind: Kind, query: bool) -> Option<Value> {
    let bytes = text.as_bytes();
    let mut p = from;
    let mut spaces = 0;
    while matches!(bytes.get(p), Some(b' ' | b'\t')) && spaces < 8 {
        p += 1;
        spaces += 1;
    }
    let mut scheme = false;
    if kind == Kind::Authorization {
        let after = skip_scheme(bytes, p);
        scheme = after > p;
        p = after;
    }
    let mut escaped = false;
    if bytes.get(p) == Some(&b'\\') && matches!(bytes.get(p + 1), Some(b'"' | b'\'')) {
        escaped = true;
        p += 1;
    }
    if let Some(&q @ (b'"' | b'\'' | b'`')) = bytes.get(p) {
        let start = p + 1;
        if let Some(end) = closing_quote(bytes, start, q, escaped) {
            let inner = if kind == Kind::Authorization {
                skip_scheme(bytes, start).min(end)
            } else {
                start
            };
            return (end > inner).then_some(Value {
                start: inner,
                end,
                quoted: true,
                words_after: false,
                scheme: scheme || inner > start,
                too_long: false,
            });
        }
        // No closing quote on the line: read it unquoted.
        p = start;
    }
    let start = p;
    let limit = (start + MAX_VALUE).min(bytes.len());
    let mut depth = 0i32;
    let mut j = start;
    while j < limit {
        let b = bytes[j];
        let stop = match b {
            b' ' | b'\t' | b'\n' | b'\r' | b'"' | b'\'' | b'`' | b',' | b';' => true,
            b'&' => query,
            b'\\' => matches!(bytes.get(j + 1), Some(b'n' | b'r' | b't' | b'"' | b'\'')),
            b'(' | b'[' | b'{' => {
                depth += 1;
                false
            }
            b')' | b']' | b'}' => {
                depth -= 1;
                depth < 0
            }
            b'<' => bytes.get(j + 1) == Some(&b'/'),
            _ => false,
        };
        if stop {
            break;
        }
        j += 1;
    }
    if j == start {
        return None;
    }
    let end = j;
    if j == limit && j < bytes.len() {
        // Longer than any credential: data. The caller skips it.
        return Some(Value {
            start,
            end,
            quoted: false,
            words_after: false,
            scheme,
            too_long: true,
        });
    }
    // More words on the line (prose), after the value and a `,`/`;` if any.
    let mut k = end;
    if matches!(bytes.get(k), Some(b',' | b';')) {
        k += 1;
    }
    while matches!(bytes.get(k), Some(b' ' | b'\t')) {
        k += 1;
    }
    // A `;` ends one setting of a list (`user=u;password=…;encrypt=true`, cookies), not a
    // sentence.
    let words_after = k > end
        && bytes.get(end) != Some(&b';')
        && bytes
            .get(k)
            .is_some_and(|&b| b.is_ascii_alphabetic() || b >= 0x80 || b.is_ascii_digit());
    // The value must end on a char boundary: it does, it stops at ASCII or the text end.
    Some(Value {
        start,
        end,
        quoted: false,
        words_after,
        scheme,
        too_long: false,
    })
}

/// The end of a quoted value starting at `start`: the next unescaped `q` on the line (for
/// an escaped opening quote, `\"…\"`, the next escaped one).
fn closing_quote(bytes: &[u8], start: usize, q: u8, escaped: bool) -> Option<usize> {
    let limit = (start + MAX_VALUE).min(bytes.len());
    let mut j = start;
    while j < limit {
        let b = bytes[j];
        if b == b'\n' || b == b'\r' {
            return None;
        }
        if b == q {
            let backslash = j > start && bytes.get(j - 1) == Some(&b'\\');
            if escaped && backslash {
                return Some(j - 1);
            }
            if !escaped && !backslash {
                return Some(j);
            }
        }
        j += 1;
    }
    None
}

/// After `Authorization:`, the scheme word (`Bearer`, `Basic`, `Token`…) and its space.
fn skip_scheme(bytes: &[u8], p: usize) -> usize {
    let word_end = run(bytes, p, |b| b.is_ascii_alphabetic());
    let Some(word) = bytes.get(p..word_end) else {
        return p;
    };
    let scheme = [
        &b"bearer"[..],
        b"basic",
        b"token",
        b"bot",
        b"digest",
        b"apikey",
    ]
    .iter()
    .any(|s| word.eq_ignore_ascii_case(s));
    if scheme && bytes.get(word_end) == Some(&b' ') {
        word_end + 1
    } else {
        p
    }
}

/// `<password>value</password>` at the `>` of the opening tag.
fn xml_element(text: &str, gt: usize, out: &mut Vec<Finding>) {
    let bytes = text.as_bytes();
    let mut j = gt;
    while j > 0
        && bytes
            .get(j - 1)
            .is_some_and(|&b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.'))
        && gt - j <= MAX_KEY
    {
        j -= 1;
    }
    if j == gt || j == 0 || bytes.get(j - 1) != Some(&b'<') {
        return;
    }
    let Some(name) = bytes.get(j..gt) else { return };
    let Some(kind) = key_kind(name) else { return };
    let start = gt + 1;
    let limit = (start + MAX_VALUE).min(bytes.len());
    let Some(close) = bytes
        .get(start..limit)
        .and_then(|r| r.iter().position(|&b| b == b'<' || b == b'\n'))
        .map(|k| start + k)
    else {
        return;
    };
    if bytes.get(close..close + 2) != Some(b"</") || close == start {
        return;
    }
    let Some(value) = text.get(start..close) else {
        return;
    };
    if let Some(conf) = score(value, kind, Ctx::Strong, true) {
        push(out, start, close, conf);
    }
}

// ---------------------------------------------------------------------------------------
// Value tests
// ---------------------------------------------------------------------------------------

/// Character statistics of a value.
#[derive(Debug, Clone, Copy)]
struct Shape {
    chars: usize,
    lower: usize,
    upper: usize,
    digit: usize,
    /// ASCII punctuation other than the identifier joiners `_ - .`.
    punct: usize,
    /// `_ - .`
    joiners: usize,
    /// Non-ASCII chars.
    other: usize,
    /// An upper-case letter right after another one (`WH`, `API`): never in camelCase.
    upper_pairs: usize,
    /// Shannon entropy per char of the ASCII part, in bits.
    entropy: f32,
}

impl Shape {
    fn of(v: &[u8]) -> Self {
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
    fn classes(&self) -> usize {
        [self.lower, self.upper, self.digit, self.punct]
            .iter()
            .filter(|&&n| n > 0)
            .count()
    }

    /// Letters only (with joiners) and no run of capitals: a word, `camelCase`,
    /// `snake_case`, `Title`.
    fn wordy(&self) -> bool {
        self.digit == 0 && self.punct == 0 && self.upper_pairs == 0
    }

    fn entropy(&self) -> f32 {
        self.entropy
    }
}

/// `c·log2(c)` for the counts 0..=255: the entropy of a value costs no logarithm per char.
static C_LOG2_C: [f32; 256] = {
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
const fn log2_const(x: f64) -> f64 {
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
fn score(value: &str, kind: Kind, ctx: Ctx, literal: bool) -> Option<f32> {
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
fn is_passphrase(v: &[u8]) -> bool {
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
fn is_identifier(v: &[u8]) -> bool {
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

/// Template and documentation values: `changeme`, `<your-key>`, `${DB_PASSWORD}`,
/// `{{ secret }}`, `%s`, `xxxx`, `***`, `REDACTED`, `null`, our own `[SECRET_…]` tokens.
fn is_placeholder(value: &str) -> bool {
    const EXACT: &[&str] = &[
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
    let v = value.as_bytes();
    if v.is_empty() || EXACT.iter().any(|w| value.eq_ignore_ascii_case(w)) {
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
const PLACEHOLDER_PARTS: &[&[u8]] = &[
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

static PLACEHOLDER_FIRST: [u32; 256] = first_bytes(PLACEHOLDER_PARTS);

/// For each byte, the parts (at most 32, lower case) starting with it, a bit per part.
const fn first_bytes(parts: &[&[u8]]) -> [u32; 256] {
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
fn has_part(v: &[u8], parts: &[&[u8]], first: &[u32; 256]) -> bool {
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
fn is_reference(v: &[u8]) -> bool {
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
fn is_path_or_url(v: &[u8]) -> bool {
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

fn contains_ignore_case(hay: &[u8], needle: &[u8]) -> bool {
    let Some(&first) = needle.first() else {
        return true;
    };
    let first = first.to_ascii_lowercase();
    hay.len() >= needle.len()
        && (0..=hay.len() - needle.len()).any(|i| {
            hay[i].to_ascii_lowercase() == first
                && hay[i..i + needle.len()].eq_ignore_ascii_case(needle)
        })
}

fn find_bytes(hay: &[u8], needle: &[u8]) -> Option<usize> {
    let &first = needle.first()?;
    let mut from = 0;
    while let Some(k) = hay.get(from..)?.iter().position(|&b| b == first) {
        let at = from + k;
        if hay.get(at..at + needle.len())? == needle {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::{builtin_recognizers, Detector};

    /// SECRET spans after overlap resolution among the secret findings alone.
    fn secrets(text: &str) -> Vec<&str> {
        let d = Detector::with_recognizers(vec![Box::new(SecretRecognizer)], 0.5);
        d.find(text, None)
            .into_iter()
            .map(|f| &text[f.start..f.end])
            .collect()
    }

    /// All findings of all recognizers, as (label, span).
    fn all(text: &str) -> Vec<(&'static str, &str)> {
        let mut recognizers = builtin_recognizers();
        recognizers.push(Box::new(SecretRecognizer));
        Detector::with_recognizers(recognizers, 0.5)
            .find(text, None)
            .into_iter()
            .map(|f| (f.kind.label(), &text[f.start..f.end]))
            .collect()
    }

    #[test]
    fn passwords_told_without_their_word_are_found_by_their_shape() {
        assert_eq!(
            secrets("the isp tech changed it to Tr0ub4dor&Sky for now"),
            vec!["Tr0ub4dor&Sky"]
        );
        assert_eq!(
            secrets("local admin on the kiosk PCs: Kiosk!Admin77 (rotating monday)"),
            vec!["Kiosk!Admin77"]
        );
        assert_eq!(
            secrets("so it is Harbour2025$, if it locks call Dave"),
            vec!["Harbour2025$"]
        );
    }

    #[test]
    fn bearer_and_basic_credentials_are_found_outside_an_authorization_line() {
        let bearer = fake(
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789",
            28,
            7,
        );
        let text = format!(r#"request.setHeader("Authorization", "Bearer {bearer}");"#);
        assert_eq!(secrets(&text), vec![bearer.as_str()]);
        // base64 of "monitor:Gr4fana#Ops"
        let text = r#"proxy_set_header Authorization "Basic bW9uaXRvcjpHcjRmYW5hI09wcw==";"#;
        assert_eq!(secrets(text), vec!["bW9uaXRvcjpHcjRmYW5hI09wcw=="]);
        for text in [
            "the basic idea is simple",
            "Bearer tokens are sent in the header",
            "use Bearer <YOUR_TOKEN> here",
            "Basic aGVsbG8gd29ybGQ= is hello world",
        ] {
            assert!(secrets(text).is_empty(), "in {text:?}: {:?}", secrets(text));
        }
    }

    #[test]
    fn references_wildcards_and_anchors_are_not_shaped_passwords() {
        for text in [
            "(Closes: Bug#1020213, Gentoo#834725)",
            "roles are deprecated (bgo#W720123).",
            "Rename PKCS#1v1.5 padding",
            "See CONTRIBUTING.md#v10-roadmap for details",
            "(mips*-linux, s390X*-linux)",
            "macros around their Tcl_*Var*2 equivalents",
            "if (a!=B1 && c) { x&&Y2z }",
            "mail me at Jane.Doe1!@example.com",
            "¿Qué fórmula pongo en Pedidos!F2 para traer el segmento?",
            "=SUMME(Tabelle1!$B$4:B9)",
        ] {
            assert!(secrets(text).is_empty(), "in {text:?}: {:?}", secrets(text));
        }
    }

    #[test]
    fn technical_lists_and_changelogs_hold_no_secrets() {
        for text in [
            "* added U+01BA, U+0372-U+0373, U+0376-U+0377, U+03CF\n  U+1D00-U+1D01, U+1D03-U+1D07, U+1D0A-U+1D13, U+1D15",
            "  Changes5.002   Either   perl-5.001..perl-5.002\n  Changes5.003   Either   perl-5.002..perl-5.003\n  Changes5.004   Either   perl-5.003..perl-5.004",
            "arrays:\n\tSLang_create_assoc;\tx\n\tSLang_push_assoc;\tx\n\tSLang_pop_assoc;\tx\n",
            " - The public crypto_pwhash_argon2i_MEMLIMIT_MAX constant was removed",
            "base-passwd (3.5.25) unstable; urgency=low",
            "prompting to update-passwd (closes: #184979).",
            "Initialize days before password expire, Closes: #980285",
        ] {
            let found: Vec<_> = all(text).into_iter().filter(|(t, _)| *t == "SECRET").collect();
            assert!(found.is_empty(), "in {text:?}: {found:?}");
        }
    }

    /// Deterministic pseudo-random strings over `charset`, so that no test holds a
    /// key-shaped literal.
    fn fake(charset: &str, len: usize, seed: u64) -> String {
        let chars: Vec<char> = charset.chars().collect();
        let mut state = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
        (0..len)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                chars[(state % chars.len() as u64) as usize]
            })
            .collect()
    }

    const ALNUM: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    const UPPER: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    const HEX: &str = "0123456789abcdef";
    const B64: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    const B64URL: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    #[test]
    fn vendor_keys_are_found_with_exact_spans() {
        let keys = [
            format!("AKIA{}", fake(UPPER, 16, 1)),
            format!("ASIA{}", fake(UPPER, 16, 2)),
            format!("AROA{}", fake(UPPER, 16, 3)),
            format!("ghp_{}", fake(ALNUM, 36, 4)),
            format!("gho_{}", fake(ALNUM, 36, 5)),
            format!("ghs_{}", fake(ALNUM, 36, 6)),
            format!("ghu_{}", fake(ALNUM, 36, 7)),
            format!("ghr_{}", fake(ALNUM, 36, 8)),
            format!("github_pat_{}_{}", fake(ALNUM, 22, 9), fake(ALNUM, 59, 10)),
            format!("glpat-{}", fake(B64URL, 20, 11)),
            format!("sk-{}", fake(ALNUM, 48, 12)),
            format!("sk-proj-{}", fake(B64URL, 100, 13)),
            format!("sk-ant-api03-{}", fake(B64URL, 93, 14)),
            format!(
                "xoxb-{}-{}-{}",
                fake("0123456789", 11, 15),
                fake("0123456789", 13, 16),
                fake(ALNUM, 24, 17)
            ),
            format!(
                "xoxp-{}-{}-{}",
                fake("0123456789", 11, 18),
                fake("0123456789", 13, 19),
                fake(ALNUM, 32, 20)
            ),
            format!(
                "xapp-1-A{}-{}-{}",
                fake(UPPER, 10, 21),
                fake("0123456789", 13, 22),
                fake(HEX, 64, 23)
            ),
            format!("sk_live_{}", fake(ALNUM, 24, 24)),
            format!("rk_live_{}", fake(ALNUM, 99, 25)),
            format!("sk_test_{}", fake(ALNUM, 24, 26)),
            format!("AIza{}", fake(B64URL, 35, 27)),
            format!("SK{}", fake(HEX, 32, 28)),
            format!("SG.{}.{}", fake(B64URL, 22, 29), fake(B64URL, 43, 30)),
            format!("npm_{}", fake(ALNUM, 36, 31)),
            format!("pypi-AgEIcHlwaS5vcmc{}", fake(B64URL, 120, 32)),
            format!("hf_{}", fake(ALNUM, 34, 33)),
            format!("shpat_{}", fake(HEX, 32, 34)),
            format!("key-{}", fake(HEX, 32, 35)),
            format!("dop_v1_{}", fake(HEX, 64, 36)),
            format!("whsec_{}", fake(ALNUM, 32, 37)),
            format!("GOCSPX-{}", fake(B64URL, 28, 38)),
        ];
        for key in &keys {
            for text in [
                format!("my key is {key}, please rotate it."),
                format!("\"{key}\""),
                format!("token={key}\n"),
                format!("({key})"),
                key.clone(),
            ] {
                assert_eq!(secrets(&text), vec![key.as_str()], "{text}");
            }
        }
    }

    #[test]
    fn vendor_keys_need_their_full_length_and_a_boundary() {
        let short_ghp = format!("ghp_{}", fake(ALNUM, 20, 1));
        let glued = format!("xghp_{}", fake(ALNUM, 36, 2));
        let long_aws = format!("AKIA{}", fake(UPPER, 20, 3));
        let aws_lower = format!("AKIA{}abc", fake(UPPER, 16, 4));
        for text in [short_ghp, glued, long_aws, aws_lower] {
            assert!(secrets(&text).is_empty(), "{text}");
        }
    }

    #[test]
    fn documentation_keys_are_not_secrets() {
        for text in [
            "AKIAIOSFODNN7EXAMPLE",
            "ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
            "OPENAI_API_KEY=sk-your-api-key-here",
            "OPENAI_API_KEY=sk-...",
            "sk-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
            "xoxb-your-bot-token",
        ] {
            assert!(secrets(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn sk_inside_ordinary_words_is_not_a_key() {
        for text in [
            "a risk-free plan for the task-list and the desk-top; ask-me-anything",
            "pip install scikit-learn; sk-learn is not a package",
            "use sk-my-very-long-project-key-name-for-the-demo-app here",
            "the whisk_test_fixture and disk_live_snapshot_volume_backup_2024",
            "monkey-patching, turkey-sandwich, whiskey-sour-recipe-collection",
        ] {
            assert!(secrets(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn slack_webhooks_are_taken_whole() {
        let url = format!(
            "https://hooks.slack.com/services/T{}/B{}/{}",
            fake(UPPER, 8, 1),
            fake(UPPER, 10, 2),
            fake(ALNUM, 24, 3)
        );
        let text = format!("curl -X POST {url} -d '{{}}'");
        assert_eq!(secrets(&text), vec![url.as_str()]);
    }

    #[test]
    fn an_aws_secret_is_found_after_its_key_id_or_its_setting_name() {
        let id = format!("AKIA{}", fake(UPPER, 16, 1));
        let secret = fake(B64, 40, 2);
        let csv = format!("User,Access key ID,Secret access key\nci-bot,{id},{secret}\n");
        assert_eq!(secrets(&csv), vec![id.as_str(), secret.as_str()]);
        let env = format!("aws_secret_access_key = {secret}\n");
        assert_eq!(secrets(&env), vec![secret.as_str()]);
        let json = format!("{{\"SecretAccessKey\": \"{secret}\"}}");
        assert_eq!(secrets(&json), vec![secret.as_str()]);
    }

    #[test]
    fn base64_data_is_not_an_aws_secret_without_context() {
        let blob = fake(B64, 40, 3);
        let img = format!(
            "<img src=\"data:image/png;base64,{}{blob}==\">",
            fake(B64, 400, 4)
        );
        assert!(secrets(&img).is_empty());
        assert!(secrets(&format!("checksum {blob} ok")).is_empty());
    }

    #[test]
    fn jwts_are_taken_whole() {
        let jwt = format!(
            "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ{}.{}",
            fake(B64URL, 60, 1),
            fake(B64URL, 43, 2)
        );
        for text in [
            format!("Authorization: Bearer {jwt}"),
            format!("the token {jwt}. It expired"),
            format!("{{\"id_token\":\"{jwt}\"}}"),
            format!("?access_token={jwt}&state=1"),
        ] {
            assert_eq!(secrets(&text), vec![jwt.as_str()], "{text}");
        }
        let unsigned = "eyJhbGciOiJub25lIn0.eyJzdWIiOiIxMjM0NTY3ODkwIn0.";
        assert_eq!(secrets(unsigned), vec![unsigned]);
        // A JWT full of digit groups is one secret, not phone numbers.
        let digits = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwiaWF0IjoxNTE2MjM5MDIyfQ.4155550132-030-1234567-89";
        assert_eq!(all(digits), vec![("SECRET", digits)]);
    }

    fn pem_block(label: &str, seed: u64) -> String {
        let body = fake(B64, 64 * 8 + 20, seed);
        let lines: Vec<&str> = (0..body.len())
            .step_by(64)
            .map(|i| &body[i..(i + 64).min(body.len())])
            .collect();
        format!(
            "-----BEGIN {label}-----\n{}\n-----END {label}-----",
            lines.join("\n")
        )
    }

    #[test]
    fn pem_private_key_blocks_are_taken_from_begin_to_end() {
        for (k, label) in [
            "RSA PRIVATE KEY",
            "EC PRIVATE KEY",
            "DSA PRIVATE KEY",
            "OPENSSH PRIVATE KEY",
            "ENCRYPTED PRIVATE KEY",
            "PRIVATE KEY",
        ]
        .into_iter()
        .enumerate()
        {
            let key = pem_block(label, k as u64);
            let text = format!("The TLS setup fails with this key file:\n```\n{key}\n```\nWhy?");
            assert_eq!(all(&text), vec![("SECRET", key.as_str())], "{label}");
        }
    }

    #[test]
    fn a_pem_key_in_a_json_string_is_taken_whole() {
        let body = fake(B64, 1600, 9);
        let key = format!("-----BEGIN PRIVATE KEY-----\\n{body}\\n-----END PRIVATE KEY-----");
        let text =
            format!("{{\"type\": \"service_account\", \"private_key\": \"{key}\\n\", \"x\": 1}}");
        assert_eq!(secrets(&text), vec![key.as_str()]);
    }

    #[test]
    fn a_truncated_pem_key_is_taken_up_to_its_last_line() {
        let body = fake(B64, 128, 10);
        let text = format!(
            "-----BEGIN RSA PRIVATE KEY-----\n{}\n{}\n\n(the rest is cut)",
            &body[..64],
            &body[64..]
        );
        let expected = format!(
            "-----BEGIN RSA PRIVATE KEY-----\n{}\n{}",
            &body[..64],
            &body[64..]
        );
        assert_eq!(secrets(&text), vec![expected.as_str()]);
    }

    #[test]
    fn public_keys_and_certificates_are_not_secrets() {
        for label in [
            "PUBLIC KEY",
            "RSA PUBLIC KEY",
            "CERTIFICATE",
            "CERTIFICATE REQUEST",
        ] {
            let text = pem_block(label, 3);
            assert!(secrets(&text).is_empty(), "{label}");
        }
        let ssh = format!(
            "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI{} user@laptop",
            fake(B64, 43, 4)
        );
        assert!(secrets(&ssh).is_empty());
    }

    #[test]
    fn password_values_are_found_in_settings() {
        let cases = [
            ("DB_PASSWORD=Summer2024!x\n", "Summer2024!x"),
            (
                "export MYSQL_ROOT_PASSWORD=\"m9N_vxMHajl\"\n",
                "m9N_vxMHajl",
            ),
            ("spring.datasource.password=Falcon2522.\n", "Falcon2522."),
            (
                "{\"user\": \"app\", \"password\": \"s3cr3t pass phrase!\"}",
                "s3cr3t pass phrase!",
            ),
            (
                "  database:\n    password: 3!_C*5WQ-odck\n",
                "3!_C*5WQ-odck",
            ),
            ("password: 'Tr0ub4dor&3'\n", "Tr0ub4dor&3"),
            ("Password = \"hunter2-Blue\"", "hunter2-Blue"),
            (
                "mysql --user=root --password=Qs2CC5Y0-_L5l db",
                "Qs2CC5Y0-_L5l",
            ),
            (
                "pg_dump --password Qs2CC5Y0-_L5l --host db",
                "Qs2CC5Y0-_L5l",
            ),
            ("mysql -u root -p'Qs2CC5Y0-L5l' shop", "Qs2CC5Y0-L5l"),
            (
                "Server=db;Database=app;User Id=sa;Password=My$ecretPw9;",
                "My$ecretPw9",
            ),
            ("<password>Xy7!kP2q9</password>", "Xy7!kP2q9"),
            ("login?user=bob&password=Xy7kP2q9z&next=/", "Xy7kP2q9z"),
            ("password := \"Xy7kP2q9z\"", "Xy7kP2q9z"),
            ("'password' => 'Xy7kP2q9z',", "Xy7kP2q9z"),
            ("curl -u admin:Xy7kP2q9z https://api.local/", "Xy7kP2q9z"),
            ("{\\\"password\\\": \\\"Xy7kP2q9z\\\"}", "Xy7kP2q9z"),
            ("SMTP_PASS=55JIunc4KWbtQN", "55JIunc4KWbtQN"),
            ("Password: !pBtNDagHmx4_Pqx\n", "!pBtNDagHmx4_Pqx"),
            (
                "<password>*lUpYndZQF7nYFZN_</password>",
                "*lUpYndZQF7nYFZN_",
            ),
            (
                "client_secret: 8f4b2e1c9d7a6b5c4d3e2f1a0b9c8d7e",
                "8f4b2e1c9d7a6b5c4d3e2f1a0b9c8d7e",
            ),
            ("api_key = \"a1b2c3d4e5f6a7b8c9d0\"", "a1b2c3d4e5f6a7b8c9d0"),
            (
                "X-Api-Key: 0a9f8e7d6c5b4a39281726354",
                "0a9f8e7d6c5b4a39281726354",
            ),
            (
                "auth_token=Zm9vYmFyYmF6cXV4MTIzNDU2",
                "Zm9vYmFyYmF6cXV4MTIzNDU2",
            ),
            (
                "\"private_key_id\": \"0\", \"privateKey\": \"MIIEvQIBADANBgkqhkiG9w0B\"",
                "MIIEvQIBADANBgkqhkiG9w0B",
            ),
        ];
        for (text, value) in cases {
            assert_eq!(secrets(text), vec![value], "{text}");
        }
    }

    #[test]
    fn azure_account_keys_are_found_in_connection_strings() {
        let key = format!("{}==", fake(B64, 86, 5));
        let text = format!(
            "DefaultEndpointsProtocol=https;AccountName=acme;AccountKey={key};EndpointSuffix=core.windows.net"
        );
        assert_eq!(secrets(&text), vec![key.as_str()]);
    }

    #[test]
    fn url_passwords_are_found_and_not_taken_as_emails() {
        let cases = [
            (
                "DATABASE_URL=postgres://app_rw:Delta1144_@192.168.56.219:5432/app",
                "Delta1144_",
            ),
            ("url: redis://:Summer655*@10.0.0.3:6379/0", "Summer655*"),
            (
                "mongodb+srv://admin:xK9#mQ2@cluster0.example.net/db",
                "xK9#mQ2",
            ),
            ("amqp://guest:p@ssW0rd9@mq.example.com:5672", "p@ssW0rd9"),
            (
                "jdbc:mysql://root:r00tPa55w@db.example.com/shop",
                "r00tPa55w",
            ),
        ];
        for (text, value) in cases {
            let found = all(text);
            assert!(found.contains(&("SECRET", value)), "{text}: {found:?}");
            assert!(
                found.iter().all(|(t, _)| *t != "EMAIL"),
                "{text}: {found:?}"
            );
        }
    }

    #[test]
    fn password_keys_in_german_french_and_spanish_are_understood() {
        let cases = [
            ("Passwort: Sommer2024!", "Sommer2024!"),
            ("Login: jdoe / Password: m9N_vxMHaj", "m9N_vxMHaj"),
            ("Kennwort=Xq7-Lm2pZ", "Xq7-Lm2pZ"),
            ("Mot de passe : Ete2024#Paris", "Ete2024#Paris"),
            ("mot de passe\u{a0}: Ete2024#Paris", "Ete2024#Paris"),
            ("mdp=Bz8kLq2Wm", "Bz8kLq2Wm"),
            ("Contraseña: Verano2024$", "Verano2024$"),
            ("CONTRASEÑA=Verano2024$", "Verano2024$"),
            ("clave: Xq7Lm2pZ9", "Xq7Lm2pZ9"),
            ("Clé API : 8f4b2e1c9d7a6b5c4d3e", "8f4b2e1c9d7a6b5c4d3e"),
        ];
        for (text, value) in cases {
            assert_eq!(secrets(text), vec![value], "{text}");
        }
    }

    #[test]
    fn placeholders_and_references_are_not_secrets() {
        for text in [
            "password=changeme",
            "password: password",
            "DB_PASSWORD=<your-password>",
            "api_key: <YOUR_API_KEY>",
            "DB_PASSWORD=${DB_PASSWORD}",
            "password: \"{{ vault_db_password }}\"",
            "password = '%s'",
            "password=xxxxxxxx",
            "password: ********",
            "API_KEY=your_api_key_here",
            "token: REDACTED",
            "password: null",
            "\"password\": None",
            "password: true",
            "password=",
            "password: \"\"",
            "pwd=abc",
            "password: [SECRET_k3j9x2m4q7zpa]",
            "PGPASSWORD=$DB_PASS psql",
            "password = os.environ[\"DB_PASSWORD\"]",
            "password=process.env.DB_PASSWORD",
            "password = config.password",
            "password: !vault |",
            "secret: *default_secret",
            "password = getpass()",
            "password: ${{ secrets.DB_PASSWORD }}",
            "password_file=/run/secrets/db_password",
            "--password-stdin",
            "password: string",
            "password: required",
            "password=DB_PASSWORD",
            "secret: my-app-secret",
            "token: ...",
            "password: •••••••",
        ] {
            assert!(secrets(text).is_empty(), "{text}: {:?}", secrets(text));
        }
    }

    #[test]
    fn variables_in_code_are_not_secrets() {
        for text in [
            "conn = connect(host=h, user=u, password=new_password, db=d)",
            "const config = { token: authToken, password: dbPassword };",
            "login(password=getpass)",
            "$password = $_POST['password'];",
            "if user.password == request.form['password']:",
            "api_key=api_key_v2,",
            "https://example.com:443/@someone/post and http://host:8080/@x",
        ] {
            assert!(secrets(text).is_empty(), "{text}: {:?}", secrets(text));
        }
        // The same words are values in a config line or in quotes.
        assert_eq!(secrets("password=postgres\n"), vec!["postgres"]);
        assert_eq!(secrets("f(password=\"hunter\")"), vec!["hunter"]);
    }

    #[test]
    fn passwords_told_after_a_colon_or_in_quotation_marks_are_found() {
        assert_eq!(
            secrets("Das Passwort lautet: Sommer2024#Berg"),
            vec!["Sommer2024#Berg"]
        );
        assert_eq!(
            secrets("Le mot de passe est « Soleil!2023vert »."),
            vec!["Soleil!2023vert"]
        );
        assert_eq!(secrets("Das Kennwort ist „Xq7!mR2pL“"), vec!["Xq7!mR2pL"]);
        // A sentence in quotation marks is not a password.
        assert!(secrets("Le mot de passe est « à changer demain »").is_empty());
    }

    #[test]
    fn logins_passphrases_and_more_flags_are_found() {
        assert_eq!(secrets("login: admin / Hx7$kP2qLm"), vec!["Hx7$kP2qLm"]);
        assert_eq!(
            secrets("credentials are ops / Tq9!mZ3xWv"),
            vec!["Tq9!mZ3xWv"]
        );
        assert_eq!(
            secrets("the token for the staging cluster is 9fK2mQ7pX4vL8rT1aB3c"),
            vec!["9fK2mQ7pX4vL8rT1aB3c"]
        );
        assert_eq!(
            secrets("client secret 8f7e6d5c4b3a2918Ab"),
            vec!["8f7e6d5c4b3a2918Ab"]
        );
        assert_eq!(
            secrets("la clave del wifi es Ks8!mW2qPz"),
            vec!["Ks8!mW2qPz"]
        );
        assert_eq!(secrets("New password → Ks8!mW2qPz"), vec!["Ks8!mW2qPz"]);
        assert_eq!(
            secrets("Benutzername: chiritco, Initialpasswort: violet_maple_river_meadow57 – bitte ändern"),
            vec!["violet_maple_river_meadow57"]
        );
        assert_eq!(
            secrets("La contraseña temporal que le dimos por teléfono fue Tr0ub4dor#2024."),
            vec!["Tr0ub4dor#2024."]
        );
        assert_eq!(
            secrets("sqlcmd -S srv01 -U sa -P Xq7!mR2pLz -Q 'select 1'"),
            vec!["Xq7!mR2pLz"]
        );
        assert_eq!(
            secrets("mongosh -u admin -p 'Xq7!mR2pLz' --quiet"),
            vec!["Xq7!mR2pLz"]
        );
        assert_eq!(
            secrets("curl -H \"X-API-Key: a8F3kL9mQ2xZ7vB1nR4t\" https://x.io"),
            vec!["a8F3kL9mQ2xZ7vB1nR4t"]
        );
        assert_eq!(
            secrets("https://acct.blob.core.windows.net/c?sv=2022-11-02&sig=a8F3kL9mQ2xZ7vB1nR4tYu6Io0%3D"),
            vec!["a8F3kL9mQ2xZ7vB1nR4tYu6Io0%3D"]
        );
        assert_eq!(
            secrets("phpsessid=a8f3kl9mq2xz7vb1nr4tyu6io0"),
            vec!["a8f3kl9mq2xz7vb1nr4tyu6io0"]
        );
        assert!(secrets("sig=yes").is_empty());
        // A keyword later in the text does not hide one before it.
        assert_eq!(
            secrets(
                "la contraseña es CRC9svNZ5GaBOcr&U\nla api key es sk-proj-3JzWeyQ2WZJMqwlH5hkzxzk"
            ),
            vec!["CRC9svNZ5GaBOcr&U", "sk-proj-3JzWeyQ2WZJMqwlH5hkzxzk"]
        );
        // Ports, token counts and variable names are not.
        assert!(secrets("psql -h db -U app -p 5432 -d prod").is_empty());
        assert!(secrets("the token limit is 4096 and max_tokens: 512").is_empty());
        assert!(secrets("login: admin / see the wiki").is_empty());
        assert!(secrets("password = new_password_value").is_empty());
    }

    #[test]
    fn prose_about_passwords_is_not_a_secret() {
        for text in [
            "the password is stored in Vault",
            "Please reset your password: click the link below.",
            "Password: forgotten, please help",
            "Mot de passe : oublié depuis hier",
            "Passwort: bitte zurücksetzen",
            "The secret: always test your backups.",
            "Top secret: Project Falcon launches Monday",
            "token: the smallest unit of text",
            "Your API key: see the dashboard",
            "max_tokens: 4096, temperature: 0.7",
            "The password policy requires 12 characters; password_min_length=12",
            "passwords: must be rotated every 90 days",
            "Answer: the password field is required",
            "the \"password\": \"please contact support\" message",
            "<password>see the vault entry</password>",
            "primary_key: id, foreign_key: user_id, public_key: ~/.ssh/id_rsa.pub",
        ] {
            assert!(secrets(text).is_empty(), "{text}: {:?}", secrets(text));
        }
    }

    #[test]
    fn hashes_ids_and_encoded_data_are_not_secrets() {
        for text in [
            "fixed in commit a94a8fe5ccb19ba61c4c0873d391e987982fbbd3 yesterday",
            "git 3f2c1a9 and 9fceb02d0ae598e95dc970b74767f19372d61af8",
            "sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "request id 550e8400-e29b-41d4-a716-446655440000 failed",
            "integrity=\"sha512-z4PhNX7vuL3xVChQ1m2AB9Yg5AULVxXcg/SpIdNs6c5H0NE8XYXysP+DGNKHfuwvY7kxvUdBeoGlODJ6+SfaPg==\"",
            "ETag: \"33a64df551425fcc55e4d42a148795d9f25f89d4\"",
            "user-agent: Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36",
            "id=0b1c2d3e4f5a6b7c8d9e commit=9fceb02d0ae5",
            "[SECRET_0000000000000] and [EMAIL_k3j9x2m4q7zpa]",
        ] {
            assert!(secrets(text).is_empty(), "{text}: {:?}", secrets(text));
        }
    }

    #[test]
    fn the_module_hard_negatives_hold_with_secrets_enabled() {
        for text in [
            "upgrade from 1.2.3 to v10.4.12 and 2.0.0-rc.1",
            "on 2024-05-17 at 12:30:45 UTC, or 17.05.2024 / 05/17/2024",
            "std::vector<int> and Foo::bar() and a::b",
            "mac 00:1a:2b:3c:4d:5e and ratio 16:9 and 10:30-11:45",
            "tickets INV-993352, ORD-2024-001234 and 2024-001234",
            "Subject: Re: invoice\nFrom: billing\nDate: Mon, 3 Jun 2024",
            "key: value\nkeys: [a, b]\nkey_id: 12\ncache_key: user:42:profile",
        ] {
            assert!(secrets(text).is_empty(), "{text}: {:?}", secrets(text));
        }
    }

    #[test]
    fn spans_are_on_char_boundaries_in_non_ascii_text() {
        let text = "Grüße — Passwort: Zürich2024! und mot de passe : Été2024#x, clé=日本語x9Q2w8Z";
        for s in secrets(text) {
            assert!(!s.is_empty());
        }
        assert_eq!(secrets(text), vec!["Zürich2024!", "Été2024#x"]);
    }

    fn naive_anchor(bytes: &[u8], from: usize) -> Option<usize> {
        (from..bytes.len()).find(|&k| {
            ANCHOR[usize::from(bytes[k])]
                || (bytes[k].is_ascii_uppercase()
                    && bytes.get(k + 1).is_some_and(u8::is_ascii_uppercase))
        })
    }

    #[test]
    fn the_anchor_scan_finds_exactly_the_anchor_bytes() {
        let mut bytes: Vec<u8> = (0..=255u8).collect();
        bytes.extend((0..=255u8).rev());
        bytes.extend(b"aAbBCcDEe".iter().cycle().take(40));
        for from in 0..=bytes.len() {
            assert_eq!(
                next_anchor(&bytes, from),
                naive_anchor(&bytes, from),
                "from {from}"
            );
        }
        for b in 0..=255u8 {
            for c in [b'a', b'Q', b' ', 0xC3] {
                for pos in 0..18 {
                    let mut v = vec![c; 18];
                    v[pos] = b;
                    assert_eq!(
                        next_anchor(&v, 0),
                        naive_anchor(&v, 0),
                        "{b} at {pos} in {c}"
                    );
                }
            }
        }
    }

    #[test]
    fn the_entropy_table_matches_the_logarithm() {
        for (c, &table) in C_LOG2_C.iter().enumerate().skip(1) {
            let exact = c as f32 * (c as f32).log2();
            assert!((table - exact).abs() < 1e-3, "{c}");
        }
        let s = Shape::of(b"abcdabcd");
        assert!((s.entropy() - 2.0).abs() < 1e-4);
    }

    #[test]
    fn random_text_never_panics_and_yields_valid_spans() {
        const PIECES: &[&str] = &[
            "password",
            "=",
            ":",
            " ",
            "\"",
            "'",
            "-----BEGIN ",
            "PRIVATE KEY-----",
            "-----END ",
            "\n",
            "eyJ",
            ".",
            "sk-",
            "ghp_",
            "AKIA",
            "xoxb-",
            "://",
            "@",
            "u",
            "a1B2c3D4e5",
            "é",
            "€",
            "🎉",
            "\\",
            "--",
            "-p",
            "<",
            ">",
            "</",
            "&",
            "?",
            "token",
            "$",
            "{",
            "}",
            "mot de passe",
            "contraseña",
            "ñ",
            "\u{a0}",
            "SG.",
            "hooks.slack.com/services/",
        ];
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for _ in 0..5000 {
            let len = next() % 40;
            let text: String = (0..len)
                .map(|_| PIECES[(next() % PIECES.len() as u64) as usize])
                .collect();
            let mut out = Vec::new();
            SecretRecognizer.find(&text, &mut out);
            for f in out {
                assert!(f.start < f.end && f.end <= text.len(), "{text:?}");
                assert!(
                    text.is_char_boundary(f.start) && text.is_char_boundary(f.end),
                    "{text:?}"
                );
                assert!((0.5..=1.0).contains(&f.confidence), "{text:?}");
            }
        }
    }

    #[test]
    fn passwords_told_with_a_change_a_pronoun_or_an_adverb_are_found() {
        let cases = [
            (
                "I reset the password to vR4#pq8!Zx but she says",
                "vR4#pq8!Zx",
            ),
            (
                "Kennwort zurückgesetzt, es lautet jetzt Herbstlaub2023!. Bitte",
                "Herbstlaub2023!",
            ),
            (
                "le sudo demande un mot de passe, c'est Rec3tte!Sudo , comment",
                "Rec3tte!Sudo",
            ),
            (
                "pw vom nas is jetzt katzenklo99 , frag nicht",
                "katzenklo99",
            ),
            (
                "mot de passe provisoire Vpn!Presta-0611. Il faudra le changer",
                "Vpn!Presta-0611",
            ),
            (
                "la contraseña del router es Ofi-Router_8834. si no va",
                "Ofi-Router_8834",
            ),
            (
                "Le code wifi de la salle a changé : plage-sable-mouette-2024 .",
                "plage-sable-mouette-2024",
            ),
            (
                "- WLAN-Schlüssel Lager (neu): Palette-Kran-Gabel-42",
                "Palette-Kran-Gabel-42",
            ),
            ("  LDAP_BIND_PW: Ldap-Bind-Dms-77", "Ldap-Bind-Dms-77"),
            (
                "'password' => env('DB_PASSWORD', 'L4ravel-Forge-Def'),",
                "L4ravel-Forge-Def",
            ),
            (
                "var c = new SmsClient(\"agence-lyon\", \"tZZ6pgfRfnwOo0Te2eV9RmRj7QcMwVRa\");",
                "tZZ6pgfRfnwOo0Te2eV9RmRj7QcMwVRa",
            ),
        ];
        for (text, want) in cases {
            assert_eq!(secrets(text), vec![want], "in {text:?}");
        }
        // A line-final full stop may belong to the password; prose after "to" is prose;
        // the end of an expression is not a value; a client's other calls take no secret.
        assert_eq!(
            secrets("machine h\n  password Football2009.\n"),
            vec!["Football2009."]
        );
        assert!(secrets("the password to the server is in the vault").is_empty());
        assert!(secrets("POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:?mot de passe requis}").is_empty());
        assert!(secrets("assert client.post(\"/import\", json=c).status_code == 201").is_empty());
        assert_eq!(
            secrets("dsn := \"facturacion:F4ctur4s-2024@tcp(10.1.2.3:3306)/facturacion\""),
            vec!["F4ctur4s-2024"]
        );
        assert_eq!(
            secrets("- compte admin WordPress : admin / Wp-Adm1n-Ete24"),
            vec!["Wp-Adm1n-Ete24"]
        );
    }
}
