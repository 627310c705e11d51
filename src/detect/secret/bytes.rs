//! Byte classes and small byte-string helpers shared by the SECRET rules.

use super::*;

/// The first two bytes of every vendor prefix [`vendor_at`] knows, as a 64K-bit set: one
/// lookup rules out almost every other word.
pub(super) static VENDOR_PAIRS: [u64; 1024] = {
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

pub(super) fn vendor_pair(a: u8, b: u8) -> bool {
    let idx = usize::from(a) << 8 | usize::from(b);
    VENDOR_PAIRS[idx / 64] & (1 << (idx % 64)) != 0
}

/// The end of the run of bytes from `from` that satisfy `ok`.
pub(super) fn run(bytes: &[u8], from: usize, ok: impl Fn(u8) -> bool) -> usize {
    let mut j = from;
    while bytes.get(j).is_some_and(|&b| ok(b)) {
        j += 1;
    }
    j
}

pub(super) fn alnum(b: u8) -> bool {
    b.is_ascii_alphanumeric()
}

pub(super) fn upper_alnum(b: u8) -> bool {
    b.is_ascii_uppercase() || b.is_ascii_digit()
}

pub(super) fn lower_hex(b: u8) -> bool {
    b.is_ascii_digit() || (b'a'..=b'f').contains(&b)
}

pub(super) fn any_hex(b: u8) -> bool {
    b.is_ascii_hexdigit()
}

pub(super) fn lower_alnum(b: u8) -> bool {
    b.is_ascii_lowercase() || b.is_ascii_digit()
}

/// The base64url alphabet (JWT segments, most modern tokens).
pub(super) fn b64url(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'-' || b == b'_'
}

pub(super) fn b64url_dot(b: u8) -> bool {
    b64url(b) || b == b'.'
}

/// The standard base64 alphabet without padding.
pub(super) fn b64(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'+' || b == b'/'
}

pub(super) fn slack_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'-'
}

pub(super) fn webhook_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'/' || b == b'_' || b == b'-'
}

/// No letter, digit or `_` (any script) right after `end`.
pub(super) fn free_after(text: &str, end: usize) -> bool {
    !char_at(text, end).is_some_and(is_word)
}

/// A key may start at `i`: not glued to a word, nor to `-`, `.`, `+` or `/` (the insides of
/// identifiers, base64 and paths), except right after `://` (`https://ghp_…@github.com`).
pub(super) fn free_before(text: &str, i: usize) -> bool {
    match char_before(text, i) {
        None => true,
        Some('/') => text.as_bytes().get(i.wrapping_sub(3)..i) == Some(b"://"),
        Some(c) => !(is_word(c) || matches!(c, '-' | '.' | '+')),
    }
}

pub(super) fn contains_ignore_case(hay: &[u8], needle: &[u8]) -> bool {
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

pub(super) fn find_bytes(hay: &[u8], needle: &[u8]) -> Option<usize> {
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
