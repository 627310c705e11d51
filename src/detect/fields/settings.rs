//! Settings and records: `"key": "value"` (JSON), `key: value` (YAML), `key = value` and
//! `KEY=value` (INI, `.env`) at the start of a line. Each pair is handed out with the byte
//! ranges of its key and its value (unquoted), and the key of the pair before it when that
//! pair names the setting (`{"key": "adminPassword", "value": "…"}`, Kubernetes'
//! `{"name": "DB_PASSWORD", "value": "…"}`).

use memchr::memchr2_iter;

/// One setting.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Pair {
    pub(crate) key: (usize, usize),
    pub(crate) value: (usize, usize),
    /// The value of the pair right before, when its key is `key` or `name` and this one's
    /// is `value`: what the setting is called.
    pub(crate) named_by: Option<(usize, usize)>,
}

/// The longest key read back from a separator.
const MAX_KEY: usize = 48;
/// The longest value read.
const MAX_VALUE: usize = 256;

/// Calls `visit` with every setting in `text`.
///
/// `wanted` sees each key first: values are read only for the keys it wants (and for
/// `key`, `name` and `value`, which name settings for each other).
pub(crate) fn settings<'t>(
    text: &'t str,
    mut wanted: impl FnMut(&'t str) -> bool,
    mut visit: impl FnMut(&Pair),
) {
    let bytes = text.as_bytes();
    let mut skip_to = 0;
    // The last pair whose key was `key` or `name`, and where it ended.
    let mut namer: Option<((usize, usize), usize)> = None;
    // Where the last value read ended: a logfmt key may follow it after a space.
    let mut last_value_end = usize::MAX;
    for sep in memchr2_iter(b':', b'=', bytes) {
        if sep < skip_to {
            continue;
        }
        let Some(key) = key_before(bytes, sep, last_value_end) else {
            continue;
        };
        let key_text = &bytes[key.0..key.1];
        let linking = [&b"key"[..], b"name", b"value"]
            .iter()
            .any(|k| key_text.eq_ignore_ascii_case(k));
        if !linking && !text.get(key.0..key.1).is_some_and(&mut wanted) {
            continue;
        }
        let Some(value) = value_after(bytes, sep) else {
            continue;
        };
        let named_by = namer
            .filter(|(_, end)| key.0 - *end <= 80 && !bytes[*end..key.0].contains(&b'}'))
            .filter(|_| key_text.eq_ignore_ascii_case(b"value"))
            .map(|(named, _)| named);
        visit(&Pair {
            key,
            value,
            named_by,
        });
        namer = (key_text.eq_ignore_ascii_case(b"key") || key_text.eq_ignore_ascii_case(b"name"))
            .then_some((value, value.1));
        skip_to = value.1;
        last_value_end = value.1
            + usize::from(
                bytes
                    .get(value.1)
                    .is_some_and(|b| matches!(b, b'"' | b'\'')),
            );
    }
}

/// The key that ends right before the separator at `sep`: a quoted key (`"card_number":`),
/// or a bare one at the start of a line (`phone: …`, `  - name: …`, `DB_PASSWORD=…`).
fn key_before(bytes: &[u8], sep: usize, last_value_end: usize) -> Option<(usize, usize)> {
    let mut end = sep;
    while end > 0 && bytes[end - 1] == b' ' {
        end -= 1;
    }
    let q = *bytes.get(end.checked_sub(1)?)?;
    if q == b'"' || q == b'\'' {
        let close = end - 1;
        let from = close.saturating_sub(MAX_KEY);
        let open = bytes[from..close].iter().rposition(|&b| b == q)? + from;
        let key = &bytes[open + 1..close];
        if key.is_empty() || key.iter().any(|&b| b == b'\n' || b == b'"' || b == b'\'') {
            return None;
        }
        return Some((open + 1, close));
    }
    let mut start = end;
    while start > 0
        && end - start < MAX_KEY
        && (bytes[start - 1].is_ascii_alphanumeric()
            || matches!(bytes[start - 1], b'_' | b'-' | b'.'))
    {
        start -= 1;
    }
    if start == end || !bytes[start].is_ascii_alphabetic() {
        return None;
    }
    // Only at a line start (after indentation or a YAML list dash): elsewhere a colon is
    // prose, a URL or a time.
    let mut k = start;
    while k > 0 && matches!(bytes[k - 1], b' ' | b'\t') {
        k -= 1;
    }
    if k >= 2 && bytes[k - 1] == b'-' && bytes[k - 2] == b' ' || k >= 1 && bytes[k - 1] == b'-' {
        k -= 1;
        while k > 0 && matches!(bytes[k - 1], b' ' | b'\t') {
            k -= 1;
        }
    }
    if k == 0 || bytes[k - 1] == b'\n' {
        return Some((start, end));
    }
    // logfmt (`level=info user=bob name="Ann Lee"`): after a space, a key glued to its `=`
    // on a line that has an earlier `key=value` pair.
    let logfmt = bytes[sep] == b'='
        && end == sep
        && bytes[start - 1] == b' '
        && (start - 1 == last_value_end || earlier_pair_on_line(bytes, start));
    logfmt.then_some((start, end))
}

/// Whether the token right before the space before `at` is a `key=value` pair
/// (`level=info`, `msg="profile updated"`), as in a logfmt line.
fn earlier_pair_on_line(bytes: &[u8], at: usize) -> bool {
    let before = &bytes[at.saturating_sub(200)..at - 1];
    let token_start = match before.last() {
        // A quoted value: back to its opening quote, which must follow `=`.
        Some(&q @ (b'"' | b'\'')) => {
            let Some(open) = before[..before.len() - 1].iter().rposition(|&b| b == q) else {
                return false;
            };
            return open > 0 && before[open - 1] == b'=';
        }
        Some(_) => before
            .iter()
            .rposition(|b| b.is_ascii_whitespace())
            .map_or(0, |k| k + 1),
        None => return false,
    };
    let token = &before[token_start..];
    token.first().is_some_and(u8::is_ascii_alphabetic)
        && token
            .iter()
            .position(|&b| b == b'=')
            .is_some_and(|k| k > 0 && k + 1 < token.len())
}

/// The start of the next ` key=` in `value` (logfmt: `customer=Ann Lee amount=20`), if any.
fn next_pair(value: &[u8]) -> Option<usize> {
    let mut from = 0;
    while let Some(space) = memchr::memchr(b' ', &value[from..]).map(|k| from + k) {
        let key_len = value[space + 1..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.'))
            .count();
        if key_len > 0 && value.get(space + 1 + key_len) == Some(&b'=') {
            return Some(space);
        }
        from = space + 1;
    }
    None
}

/// The value after the separator at `sep`: a quoted string on the same line, or the rest
/// of the line up to a `,` or `}` (JSON numbers, YAML scalars).
fn value_after(bytes: &[u8], sep: usize) -> Option<(usize, usize)> {
    let mut i = sep + 1;
    if bytes.get(i) == Some(&b'=') {
        return None;
    }
    while bytes.get(i) == Some(&b' ') {
        i += 1;
    }
    match bytes.get(i)? {
        q @ (b'"' | b'\'') => {
            let start = i + 1;
            let len = bytes[start..]
                .iter()
                .take(MAX_VALUE + 1)
                .position(|b| b == q || *b == b'\n')?;
            (bytes[start + len] == *q && len > 0).then_some((start, start + len))
        }
        b'\n' | b'\r' | b'{' | b'[' | b'|' | b'>' => None,
        _ => {
            let start = i;
            let len = bytes[start..]
                .iter()
                .take(MAX_VALUE + 1)
                .position(|&b| matches!(b, b'\n' | b'\r' | b',' | b'}' | b']' | b'#'))
                .unwrap_or(bytes.len() - start);
            let mut end = start + len.min(MAX_VALUE);
            if let Some(cut) = next_pair(&bytes[start..end]) {
                end = start + cut;
            }
            while end > start && matches!(bytes[end - 1], b' ' | b'\t') {
                end -= 1;
            }
            (end > start).then_some((start, end))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(text: &str) -> Vec<(&str, &str, Option<&str>)> {
        let mut out = Vec::new();
        settings(
            text,
            |_| true,
            |p| {
                out.push((
                    &text[p.key.0..p.key.1],
                    &text[p.value.0..p.value.1],
                    p.named_by.map(|(s, e)| &text[s..e]),
                ))
            },
        );
        out
    }

    #[test]
    fn json_yaml_and_env_pairs_are_read() {
        assert_eq!(
            pairs(r#"[{"nombre": "oluwaseun adeyemi", "ssn": "078051120", "n": 42}]"#),
            vec![
                ("nombre", "oluwaseun adeyemi", None),
                ("ssn", "078051120", None),
                ("n", "42", None)
            ]
        );
        assert_eq!(
            pairs("people:\n  - name: MARIA GARCIA\n    phone: 612 345 678 # mobile\nDB_PASSWORD=hunter2x\n"),
            vec![
                ("name", "MARIA GARCIA", None),
                ("phone", "612 345 678", None),
                ("DB_PASSWORD", "hunter2x", None)
            ]
        );
    }

    #[test]
    fn a_value_named_by_the_pair_before_it_carries_that_name() {
        assert_eq!(
            pairs(r#"{ "key": "adminPassword", "value": "S3cr3t" }"#),
            vec![
                ("key", "adminPassword", None),
                ("value", "S3cr3t", Some("adminPassword"))
            ]
        );
    }

    #[test]
    fn logfmt_lines_hold_one_pair_per_key() {
        let found = pairs("level=info msg=\"profile updated\" name=\"maria garcia\" email=m@x.io");
        let keys: Vec<&str> = found.iter().map(|(k, _, _)| *k).collect();
        assert_eq!(keys, vec!["level", "msg", "name", "email"]);
        assert_eq!(found[2].1, "maria garcia");
        // An unquoted value with a space ends at the next key.
        let found = pairs("customer=Maria Garcia amount=20.00");
        assert_eq!(found[0], ("customer", "Maria Garcia", None));
        assert_eq!(found[1], ("amount", "20.00", None));
        // Prose with an equation is not a logfmt line.
        assert!(pairs("the ratio x=3 and y=4 is fine").is_empty());
    }

    #[test]
    fn prose_times_and_urls_are_not_settings() {
        let found = pairs("Note: call me at 10:30, see https://x.io/a=b");
        assert!(found.iter().all(|(k, _, _)| *k == "Note"), "{found:?}");
        assert!(pairs("if a == b { }").is_empty());
    }
}
