//! Settings: `key = value`, `key: value`, `"key": "value"`, `<key>value</key>`; what a
//! key says about its value, and reading the value that follows it.

use super::*;

/// What a key name says about its value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
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
pub(super) enum Ctx {
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
pub(super) struct Value {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) quoted: bool,
    pub(super) words_after: bool,
    /// An `Authorization` scheme word (`Bearer`, `Basic`) stood before it.
    pub(super) scheme: bool,
    /// Cut at [`MAX_VALUE`]: not a credential.
    pub(super) too_long: bool,
}

/// The key before a separator.
#[derive(Debug, Clone, Copy)]
pub(super) struct Key {
    pub(super) kind: Kind,
    pub(super) quoted: bool,
    pub(super) line_start: bool,
    pub(super) structured: bool,
    pub(super) query: bool,
    /// The value is written as a literal even when unquoted: a config line (`KEY=value`
    /// at a line start), a query parameter, a `;`-separated connection string.
    pub(super) literal: bool,
}

/// A `=` or `:` at `sep`; returns where the scan goes on (past a long value, so that a
/// run of `k=k=k=…` is read once).
pub(super) fn setting(text: &str, sep: usize, out: &mut Vec<Finding>) -> usize {
    let (key_end, value_from, equals) = match separator(text.as_bytes(), sep) {
        Ok(found) => found,
        Err(resume) => return resume,
    };
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

/// Where the key ends and the value starts around the `=` or `:` at `sep`, and whether it
/// is a `=`; or, for an operator (`==`, `<=`, `::`, `a:=b`) or a time (`12:30`), where the
/// scan goes on.
fn separator(bytes: &[u8], sep: usize) -> Result<(usize, usize, bool), usize> {
    let prev = sep.checked_sub(1).and_then(|k| bytes.get(k)).copied();
    let next = bytes.get(sep + 1).copied();
    let mut value_from = sep + 1;
    let mut key_end = sep;
    let equals = bytes.get(sep) == Some(&b'=');
    if equals {
        if matches!(next, Some(b'=' | b'~')) {
            return Err(sep + 2);
        }
        if next == Some(b'>') {
            value_from += 1;
        }
        match prev {
            Some(b':') => key_end -= 1,
            Some(b'=' | b'!' | b'<' | b'>' | b'+' | b'*' | b'/' | b'%' | b'&' | b'|' | b'^')
            | Some(b'~' | b'?' | b'-') => return Err(sep + 1),
            _ => {}
        }
    } else if matches!(next, Some(b':' | b'='))
        || prev == Some(b':')
        || prev.is_some_and(|b| b.is_ascii_digit()) && next.is_some_and(|b| b.is_ascii_digit())
    {
        // `::`, `a:=b` (read at the `=`), `12:30`.
        return Err(sep + 1);
    }
    Ok((key_end, value_from, equals))
}

/// The value starting at (or after spaces from) `from`.
pub(super) fn value_at(text: &str, from: usize, kind: Kind, query: bool) -> Option<Value> {
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
    let end = unquoted_end(bytes, start, limit, query);
    if end == start {
        return None;
    }
    if end == limit && end < bytes.len() {
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
    // The value must end on a char boundary: it does, it stops at ASCII or the text end.
    Some(Value {
        start,
        end,
        quoted: false,
        words_after: words_after(bytes, end),
        scheme,
        too_long: false,
    })
}

/// Where an unquoted value starting at `start` ends: at a space, a quote, a `,` or `;`, an
/// escape, a bracket it did not open, a closing tag, or (in a query string) a `&`.
fn unquoted_end(bytes: &[u8], start: usize, limit: usize, query: bool) -> usize {
    let mut depth = 0i32;
    let mut j = start;
    while j < limit {
        let stop = match bytes[j] {
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
    j
}

/// Whether more words follow a value on its line (prose), after a `,` if any. A `;` ends
/// one setting of a list (`user=u;password=…;encrypt=true`, cookies), not a sentence.
fn words_after(bytes: &[u8], end: usize) -> bool {
    let mut k = end;
    if matches!(bytes.get(k), Some(b',' | b';')) {
        k += 1;
    }
    while matches!(bytes.get(k), Some(b' ' | b'\t')) {
        k += 1;
    }
    k > end
        && bytes.get(end) != Some(&b';')
        && bytes
            .get(k)
            .is_some_and(|&b| b.is_ascii_alphabetic() || b >= 0x80 || b.is_ascii_digit())
}

/// The end of a quoted value starting at `start`: the next unescaped `q` on the line (for
/// an escaped opening quote, `\"…\"`, the next escaped one).
pub(super) fn closing_quote(bytes: &[u8], start: usize, q: u8, escaped: bool) -> Option<usize> {
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
pub(super) fn skip_scheme(bytes: &[u8], p: usize) -> usize {
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
pub(super) fn xml_element(text: &str, gt: usize, out: &mut Vec<Finding>) {
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
