//! Reading words: where the next capital is (eight bytes at a time), where a word ends,
//! and its shape (a name's, an acronym's, glued to code).

use super::*;

/// How a capitalised word reads by its shape and neighbours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Shape {
    /// Shaped like a name: `Anna`, `O'Brien`, `Jean-Pierre`, `McDonald`, `Élodie`.
    Name,
    /// A single capital with a period: `F.`.
    Initial,
    /// An acronym, a camel-case identifier, a contraction (`I'm`, `C'est`), or a word glued
    /// to an address, a path or digits.
    NotName,
    /// Capitals only (`MARIA`, `GARCIA`, `API`): a name only when a list knows it as one.
    Caps,
}

/// Prefixes after which a name may have an inner capital: `McDonald`, `DeAngelo`, `LeBlanc`.
pub(super) const INNER_CAPITAL_PREFIXES: &[&str] = &[
    "Mc", "Mac", "De", "Di", "Da", "Du", "La", "Le", "Van", "Von", "Fitz", "St",
];

pub(super) const LOWER: u8 = 1;
pub(super) const UPPER: u8 = 2;
/// ASCII letters by case; 0 for every other byte.
pub(super) static LETTER: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        table[b] = if c.is_ascii_lowercase() {
            LOWER
        } else if c.is_ascii_uppercase() {
            UPPER
        } else {
            0
        };
        b += 1;
    }
    table
};

/// Whether the char at `i` is a capital letter (fast for ASCII and Latin-1).
pub(super) fn capital_at(text: &str, i: usize) -> bool {
    match text.as_bytes().get(i) {
        None => false,
        Some(&b) if b < 0x80 => b.is_ascii_uppercase(),
        Some(0xC3) => text
            .as_bytes()
            .get(i + 1)
            .is_some_and(|&n| (0x80..=0x9E).contains(&n) && n != 0x97),
        Some(_) => char_at(text, i).is_some_and(char::is_uppercase),
    }
}

/// Reads the word starting at `start` (a capital): its end and shape.
pub(super) fn read_word(text: &str, start: usize) -> (usize, Shape) {
    // Fast path: an ASCII word of letters ending in ASCII punctuation or a space.
    let bytes = text.as_bytes();
    let mut i = start + 1;
    let mut seen = 0u8;
    let mut camel = false;
    let mut prev = UPPER;
    while let Some(&b) = bytes.get(i) {
        let class = LETTER[usize::from(b)];
        if class == 0 {
            break;
        }
        camel |= class == UPPER && prev == LOWER;
        seen |= class;
        prev = class;
        i += 1;
    }
    if !bytes
        .get(i)
        .is_some_and(|&b| b >= 0x80 || b == b'-' || b == b'\'')
    {
        let bad = camel && !inner_capital_ok(&text[start..i]);
        let lowers = usize::from(seen & LOWER != 0);
        return shape(text, start, i, i - start, lowers, bad);
    }
    read_word_slow(text, start)
}

/// `McDonald`, `DeAngelo`: one inner capital after a known prefix.
pub(super) fn inner_capital_ok(word: &str) -> bool {
    let Some(inner) = word
        .char_indices()
        .skip(1)
        .find(|&(_, c)| c.is_uppercase())
        .map(|(i, _)| i)
    else {
        return true;
    };
    INNER_CAPITAL_PREFIXES.contains(&&word[..inner])
        && !word[inner + 1..].chars().any(char::is_uppercase)
}

/// The general case of [`read_word`]: non-ASCII letters, hyphens and apostrophes.
pub(super) fn read_word_slow(text: &str, start: usize) -> (usize, Shape) {
    let mut end = start;
    let mut letters = 0usize;
    let mut lowers = 0usize;
    let mut part_start = start;
    let mut at_part_start = true;
    let mut prev_lower = false;
    let mut bad = false;
    let mut chars = text[start..].char_indices().peekable();
    while let Some((off, c)) = chars.next() {
        let at = start + off;
        if c.is_alphabetic() {
            if c.is_uppercase() {
                if !at_part_start
                    && prev_lower
                    && !INNER_CAPITAL_PREFIXES.contains(&&text[part_start..at])
                {
                    bad = true;
                }
                prev_lower = false;
            } else {
                lowers += 1;
                prev_lower = true;
            }
            letters += 1;
            at_part_start = false;
            end = at + c.len_utf8();
            continue;
        }
        if !matches!(c, '-' | '\'' | '’') {
            break;
        }
        let Some(&(_, next)) = chars.peek() else {
            break;
        };
        if !next.is_alphabetic() {
            break;
        }
        if next.is_lowercase() {
            if c != '-' {
                // "Anna's" ends before the apostrophe; "I'm", "C'est", "Don't" are words.
                let after = &text[at + c.len_utf8()..];
                let possessive =
                    after.starts_with('s') && !after[1..].starts_with(char::is_alphanumeric);
                if possessive {
                    break;
                }
            }
            // "E-mail", "Mobil-app", "I'm": not a name; skip the whole word. A Korean given
            // name ("Ji-hoon") is the exception.
            let korean = c == '-' && part_start == start && {
                let tail_len = text[at + 1..]
                    .find(|ch: char| !ch.is_ascii_lowercase())
                    .unwrap_or(text.len() - at - 1);
                korean_given_name(&text[start..at + 1 + tail_len])
            };
            if !korean {
                bad = true;
            }
        }
        part_start = at + c.len_utf8();
        at_part_start = true;
        prev_lower = false;
    }
    shape(text, start, end, letters, lowers, bad)
}

/// The shape of the word `start..end` from its letter counts and neighbours.
pub(super) fn shape(
    text: &str,
    start: usize,
    end: usize,
    letters: usize,
    lowers: usize,
    bad: bool,
) -> (usize, Shape) {
    if bad {
        return (skip_word(text, end), Shape::NotName);
    }
    if glued_before(text, start) || glued_after(text, end) {
        return (skip_word(text, end), Shape::NotName);
    }
    if letters == 1 {
        return if text[end..].starts_with(". ") {
            (end + 1, Shape::Initial)
        } else {
            (end, Shape::NotName)
        };
    }
    if letters > 40 {
        return (end, Shape::NotName);
    }
    if lowers == 0 {
        return (end, Shape::Caps);
    }
    (end, Shape::Name)
}

/// Skips to the end of the word or identifier containing `at`.
pub(super) fn skip_word(text: &str, mut at: usize) -> usize {
    let bytes = text.as_bytes();
    loop {
        match bytes.get(at) {
            Some(b) if b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'\'') => at += 1,
            Some(&b) if b >= 0x80 => match char_at(text, at) {
                Some(c) if c.is_alphanumeric() || c == '’' => at += c.len_utf8(),
                _ => return at,
            },
            _ => return at,
        }
    }
}

/// A word right after `.`, `@`, `_`, `/`, `\`, `#`, `$`, `%`, `+`, `=`, `~`, a digit, or a
/// hyphen glued to a word: part of an address, a path or an identifier. (The scan only
/// starts words after a char that is not a letter, so a non-ASCII one is punctuation.)
pub(super) fn glued_before(text: &str, start: usize) -> bool {
    let bytes = text.as_bytes();
    let Some(&b) = start.checked_sub(1).and_then(|p| bytes.get(p)) else {
        return false;
    };
    match b {
        b'0'..=b'9'
        | b'.'
        | b'@'
        | b'_'
        | b'/'
        | b'\\'
        | b'#'
        | b'$'
        | b'%'
        | b'+'
        | b'='
        | b'~'
        | b'^' => true,
        b'-' => start
            .checked_sub(2)
            .and_then(|p| bytes.get(p))
            .is_some_and(|c| c.is_ascii_alphanumeric() || *c >= 0x80),
        _ => false,
    }
}

/// Mirror of [`glued_before`]: `anna.schmidt`, `Smith.com`, `Anna_1`, `Anna@x`, `Anna/x`.
/// (A word ends before a char that is not a letter, so a non-ASCII one is punctuation.)
pub(super) fn glued_after(text: &str, end: usize) -> bool {
    let bytes = text.as_bytes();
    let Some(&b) = bytes.get(end) else {
        return false;
    };
    match b {
        b'0'..=b'9' | b'@' | b'_' | b'/' | b'\\' | b'=' | b'$' | b'%' | b'+' | b'#' => true,
        b'.' | b'-' | b':' => bytes
            .get(end + 1)
            .is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'_' || *c >= 0x80),
        _ => false,
    }
}

pub(super) const ONES: u64 = 0x0101_0101_0101_0101;
pub(super) const HIGHS: u64 = 0x8080_8080_8080_8080;

/// The next offset `>= from` (a char boundary) holding a capital letter that starts a word.
///
/// Eight bytes at a time: a chunk of ASCII without `A`..=`Z` (most of prose, code and
/// base64) is skipped whole. Bytes of the 7-bit range add up without carries, so `x + k`
/// sets a byte's high bit exactly when the byte is at least `0x80 - k`.
pub(super) fn next_capital(text: &str, from: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = from;
    while i < bytes.len() {
        if let Some(chunk) = bytes.get(i..i + 8) {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            let x = u64::from_le_bytes(word);
            let low = x & !HIGHS;
            let at_least_a = low.wrapping_add(ONES * (0x80 - u64::from(b'A'))) & HIGHS;
            let past_z = low.wrapping_add(ONES * (0x80 - u64::from(b'Z') - 1)) & HIGHS;
            let hits = (x & HIGHS) | (at_least_a & !past_z);
            if hits == 0 {
                i += 8;
                continue;
            }
            // Jump to the first capital or non-ASCII byte of the chunk.
            i += (hits.trailing_zeros() / 8) as usize;
        }
        let b = bytes[i];
        if b.is_ascii_uppercase() {
            let glued = match i.checked_sub(1).map(|p| bytes[p]) {
                None => false,
                Some(p) if p < 0x80 => p.is_ascii_alphanumeric() || p == b'_',
                Some(_) => char_before(text, i).is_some_and(is_word_char),
            };
            if !glued {
                return Some(i);
            }
            // Inside a word (`iPhone`, base64, hex): skip the rest of its ASCII run.
            i += 1;
            while bytes
                .get(i)
                .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_')
            {
                i += 1;
            }
        } else if b < 0x80 {
            i += 1;
        } else if b == 0xC3 {
            // Latin-1 letters: À..Þ (but not ×) are the capitals.
            let next = bytes.get(i + 1).copied().unwrap_or(0);
            if (0x80..=0x9E).contains(&next)
                && next != 0x97
                && !char_before(text, i).is_some_and(is_word_char)
            {
                return Some(i);
            }
            i += 2;
        } else {
            let c = char_at(text, i)?;
            if c.is_uppercase() && !char_before(text, i).is_some_and(is_word_char) {
                return Some(i);
            }
            i += c.len_utf8();
        }
    }
    None
}

pub(super) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}
