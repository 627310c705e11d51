//! Vendor formats (fixed prefix, charset and length) and JWTs.

use super::*;

/// A vendor key or JWT starting at `i`, which no word char, `-`, `.` or `+` may precede;
/// pushes it and returns its end. (A JWT candidate returns its end even when it is not
/// one, so that the scan skips it.)
pub(super) fn vendor_at(text: &str, i: usize, out: &mut Vec<Finding>) -> Option<usize> {
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
pub(super) fn telegram_bot(text: &str, i: usize, out: &mut Vec<Finding>) -> Option<usize> {
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
pub(super) fn fixed(
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
pub(super) fn mixed_body(body: &[u8]) -> bool {
    let digit = body.iter().any(u8::is_ascii_digit);
    let lower = body.iter().any(u8::is_ascii_lowercase);
    let upper = body.iter().any(u8::is_ascii_uppercase);
    (digit && (lower || upper)) || (lower && upper)
}

/// Documentation keys: `AKIAIOSFODNN7EXAMPLE`, `ghp_xxxxxxxx…`, `sk-your-key-here`.
pub(super) fn placeholder_body(body: &[u8]) -> bool {
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
pub(super) const VENDOR_PLACEHOLDER_PARTS: &[&[u8]] = &[
    b"example",
    b"xxxx",
    b"your",
    b"here",
    b"placeholder",
    b"redacted",
    b"dummy",
];

pub(super) static VENDOR_PLACEHOLDER_FIRST: [u32; 256] = first_bytes(VENDOR_PLACEHOLDER_PARTS);

/// AWS access key ids (`AKIA…`, `ASIA…` and the other unique-id prefixes) and, within the
/// next few lines, the 40-char secret access key that usually follows them.
pub(super) fn aws_key_id(text: &str, i: usize, out: &mut Vec<Finding>) -> Option<usize> {
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
pub(super) fn aws_secret_near(
    text: &str,
    from: usize,
    window: usize,
    lines: usize,
) -> Option<(usize, usize)> {
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
pub(super) fn openai_like(text: &str, i: usize) -> Option<usize> {
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
pub(super) fn slack_token(text: &str, i: usize) -> Option<usize> {
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
pub(super) fn slack_webhook(text: &str, i: usize, out: &mut Vec<Finding>) -> Option<usize> {
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
pub(super) fn sendgrid(text: &str, i: usize) -> Option<usize> {
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
pub(super) fn postman(text: &str, i: usize) -> Option<usize> {
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
pub(super) fn jwt(text: &str, i: usize, out: &mut Vec<Finding>) -> Option<usize> {
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
