//! Credentials told by their shape alone: a password with a capital, a small letter, a
//! digit and a symbol where no word names it, and `Bearer` and `Basic` credentials wherever
//! they stand.

use super::*;

/// Symbols that make a word read as a password when it also holds capitals, small letters
/// and digits (`Harbour2025$`, `Kiosk!Admin77`, `Tr0ub4dor&Sky`).
pub(super) fn password_symbol(b: u8) -> bool {
    matches!(
        b,
        b'!' | b'#' | b'$' | b'%' | b'&' | b'*' | b'+' | b'@' | b'^' | b'~' | b'?'
    )
}

/// A password told without its word ("changed it to Tr0ub4dor&Sky", "its now
/// Forklift#2024"): a word of 8 to 40 bytes with a capital, a small letter, a digit and a
/// symbol, the symbol not first (hashtags, `$VAR`, `@mentions`, `**bold**`). `at` is a
/// symbol inside it; returns where the scan goes on. `@` and `+` count in the word but do
/// not start a reading: alone they mark symbol versions (`sym@Base`) and code points
/// (`U+00E9`).
///
/// What a word in prose with all four is otherwise: code (`a!=B1`, `&&`), an e-mail
/// address, a path or URL, a setting; each has bytes this word may not hold.
pub(super) fn shaped_password(text: &str, at: usize, out: &mut Vec<Finding>) -> usize {
    let bytes = text.as_bytes();
    let part =
        |b: u8| b.is_ascii_alphanumeric() || password_symbol(b) || matches!(b, b'-' | b'.' | b'_');
    let mut start = at;
    while start > 0 && at - start < 40 && part(bytes[start - 1]) {
        start -= 1;
    }
    let mut end = at + 1;
    while end < bytes.len() && end - at < 40 && part(bytes[end]) {
        end += 1;
    }
    // A sentence's full stop or question mark is not part of the word.
    while end > at + 1 && matches!(bytes[end - 1], b'.' | b'?') {
        end -= 1;
    }
    let word = &bytes[start..end];
    let bounded = |b: Option<&u8>| {
        b.is_none_or(|b| {
            matches!(
                b,
                b' ' | b'\n' | b'\r' | b'\t' | b'"' | b'\'' | b'`' | b',' | b';' | b')' | b'('
            ) || *b >= 0x80
        })
    };
    let after_ok =
        bounded(bytes.get(end)) || (bytes.get(end) == Some(&b'.') || bytes.get(end) == Some(&b'?'));
    if !(8..=40).contains(&word.len())
        || !word[0].is_ascii_alphanumeric()
        || !bounded(start.checked_sub(1).map(|k| &bytes[k]))
        || !after_ok
    {
        return at + 1;
    }
    let shape = Shape::of(word);
    let symbols = word.iter().filter(|&&b| password_symbol(b)).count();
    if shape.upper == 0 || shape.lower == 0 || shape.digit == 0 || symbols == 0 {
        return at + 1;
    }
    if something_else(word) || super::is_placeholder(&text[start..end]) {
        return at + 1;
    }
    push(out, start, end, PLAUSIBLE);
    end
}

/// Whether a word with all four classes is something other than a password: code
/// (`a!=B1`, `&&`), an address, a file anchor, a standard's or an issue's number, a
/// spreadsheet cell or a wildcard.
fn something_else(word: &[u8]) -> bool {
    let code = word.windows(2).any(|w| {
        matches!(
            w,
            b"&&" | b"||" | b"!=" | b"**" | b"->" | b"::" | b"++" | b"@@"
        )
    });
    // `name@host.tld`, `user@10.0.0.5`: an address, not a password.
    let address = memchr::memchr(b'@', word).is_some_and(|k| word[k + 1..].contains(&b'.'));
    // `CONTRIBUTING.md#roadmap-v2`: a file's anchor; `PKCS#1v1.5`, `RFC#7231a`: a
    // standard's number after its capitals.
    let hash = memchr::memchr(b'#', word);
    let anchor = hash.is_some_and(|k| word[..k].contains(&b'.'));
    let numbered = hash.is_some_and(|k| k >= 2 && word[..k].iter().all(u8::is_ascii_uppercase));
    // `Bug#163309`, `Debian#688260`, `ET-#636`: a reference to a numbered thing.
    let reference = hash.is_some_and(|k| {
        // At most one letter before the number: `Bug#1020213`, `bgo#W720123`.
        let number = match &word[k + 1..] {
            [letter, rest @ ..] if letter.is_ascii_alphabetic() => rest,
            number => number,
        };
        number.iter().all(u8::is_ascii_digit) || k > 0 && word[k - 1] == b'-'
    });
    // `Pedidos!F2`, `Sheet1!$B$4`: a cell of another sheet in a spreadsheet formula:
    // column letters, row digits (`$` and `:` anywhere), nothing else.
    let cell = memchr::memchr(b'!', word).is_some_and(|k| {
        let target = || word[k + 1..].iter().copied().filter(|&b| b != b'$');
        let letters = target().take_while(u8::is_ascii_uppercase).count();
        let mut row = target().skip(letters).peekable();
        (1..=3).contains(&letters)
            && row.peek().is_some_and(u8::is_ascii_digit)
            && row.all(|b| b.is_ascii_digit() || b == b':')
    });
    // `s390x*-linux`, `Tcl_*Var*2`: a wildcard in a name.
    let wildcard = word.windows(2).any(|w| {
        w.contains(&b'*')
            && (w.contains(&b'-') || w.contains(&b'_') || w.contains(&b'.') || w == b"**")
    });
    code || address || anchor || numbered || reference || wildcard || cell
}

/// A `Bearer …` or `Basic …` credential at `start`, wherever it stands:
/// `setHeader("Authorization", "Bearer …")`, nginx's `proxy_set_header Authorization
/// "Basic …"`, a curl line. A bearer token must look random (16+ bytes, digits or both
/// cases); a basic credential must be base64 of `user:password`, which the word "basic"
/// in prose never is.
pub(super) fn auth_scheme_at(text: &str, start: usize, out: &mut Vec<Finding>) {
    let bytes = text.as_bytes();
    let rest = &bytes[start..];
    let bearer = rest.starts_with(b"Bearer ") || rest.starts_with(b"bearer ");
    let basic = rest.starts_with(b"Basic ") || rest.starts_with(b"basic ");
    if !(bearer || basic) || start > 0 && bytes[start - 1].is_ascii_alphanumeric() {
        return;
    }
    let value_start = start + if bearer { 7 } else { 6 };
    let value_end = value_start
        + bytes[value_start..]
            .iter()
            .take(2048)
            .take_while(|&&b| {
                b.is_ascii_alphanumeric()
                    || matches!(b, b'-' | b'_' | b'.' | b'~' | b'+' | b'/' | b'=')
            })
            .count();
    let value = &bytes[value_start..value_end];
    let Ok(value_text) = std::str::from_utf8(value) else {
        return;
    };
    if super::is_placeholder(value_text) || !super::free_after(text, value_end) {
        return;
    }
    let credential = if bearer {
        let shape = Shape::of(value);
        value.len() >= 16 && (shape.digit > 0 || shape.upper > 0 && shape.lower > 0)
    } else {
        basic_credentials(value)
    };
    if credential {
        push(out, value_start, value_end, super::AUTH_HEADER);
    }
}

/// Whether `value` is base64 of printable `user:password`.
pub(super) fn basic_credentials(value: &[u8]) -> bool {
    use base64::Engine as _;
    if !(8..=512).contains(&value.len()) {
        return false;
    }
    let Ok(decoded) = base64::engine::general_purpose::STANDARD.decode(value) else {
        return false;
    };
    decoded.iter().all(|b| b.is_ascii_graphic() || *b == b' ')
        && decoded
            .iter()
            .position(|&b| b == b':')
            .is_some_and(|k| k > 0 && k + 1 < decoded.len())
}
