//! Whole PEM private-key blocks, and passwords given as command-line flags
//! (`--password x`, `-p x`, `mysql -pX`, `-u user:pass`).

use super::*;

/// A `-` at `i`: a PEM block, a `--password value` flag, `mysql -pSECRET`, `curl -u
/// user:password`. Returns where the scan goes on.
pub(super) fn dash(
    text: &str,
    i: usize,
    out: &mut Vec<Finding>,
    no_end_until: &mut usize,
) -> usize {
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
pub(super) fn pem(
    text: &str,
    i: usize,
    out: &mut Vec<Finding>,
    no_end_until: &mut usize,
) -> Option<usize> {
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
pub(super) fn long_flag(text: &str, name_start: usize, out: &mut Vec<Finding>) {
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
pub(super) fn short_password_flag(text: &str, i: usize, out: &mut Vec<Finding>) {
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
pub(super) fn user_flag_before(bytes: &[u8], i: usize) -> bool {
    let line_start = bytes[..i]
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |k| k + 1);
    let line = &bytes[line_start..i];
    line.windows(4)
        .any(|w| w[0] == b' ' && w[1] == b'-' && matches!(w[2], b'u' | b'U') && w[3] == b' ')
}

/// `user:password` (curl `-u`/`--user`): the part after the first `:`.
pub(super) fn user_password(text: &str, from: usize, out: &mut Vec<Finding>) {
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
pub(super) fn line_before_contains(bytes: &[u8], i: usize, needle: &[u8]) -> bool {
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
