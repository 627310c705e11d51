//! Small helpers over `&str` shared by the recognizers: char look-around at byte offsets,
//! boundary rules and keyword context. Everything works on borrowed slices; nothing allocates.

/// The char that ends right before byte offset `i` (None at the start or off a boundary).
pub(crate) fn char_before(text: &str, i: usize) -> Option<char> {
    text.get(..i).and_then(|s| s.chars().next_back())
}

/// The char that starts at byte offset `i` (None at the end or off a boundary).
pub(crate) fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}

/// Letters, digits (any script) and `_`: chars that glue a value into a longer token.
pub(crate) fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

pub(crate) fn word_before(text: &str, i: usize) -> bool {
    char_before(text, i).is_some_and(is_word)
}

pub(crate) fn word_at(text: &str, i: usize) -> bool {
    char_at(text, i).is_some_and(is_word)
}

/// True when the value starting at `start` is glued to a preceding token: a word char right
/// before it, or a joiner (`.`, `-`, `/`) that itself follows a word char, as in
/// `INV-993352` or `/orders/123`, or a comma between digits (`1,234`). A comma after a
/// letter separates the cells of a CSV line (`Gabler,057-61-8388`).
pub(crate) fn glued_before(text: &str, start: usize) -> bool {
    match char_before(text, start) {
        None => false,
        Some(c) if is_word(c) => true,
        Some(c @ ('.' | '-' | '/')) => word_before(text, start - c.len_utf8()),
        Some(',') => number_before(text, start - 1),
        Some(_) => false,
    }
}

/// Whether a number (digits not glued to letters) ends at `end`: `1,234`, but not
/// `build02,192.168.1.66`.
fn number_before(text: &str, end: usize) -> bool {
    let bytes = text.as_bytes();
    let digits = bytes[..end]
        .iter()
        .rev()
        .take_while(|b| b.is_ascii_digit())
        .count();
    digits > 0 && !word_before(text, end - digits)
}

/// Mirror of [`glued_before`] for the text after `end`: `1234.56`, `2024-05`, `abc123`,
/// `1,5`; not `…,POFICHBEXXX` (the next CSV cell).
pub(crate) fn glued_after(text: &str, end: usize) -> bool {
    match char_at(text, end) {
        None => false,
        Some(c) if is_word(c) => true,
        Some(c @ ('.' | '-' | '/')) => word_at(text, end + c.len_utf8()),
        Some(',') => char_at(text, end + 1).is_some_and(|c| c.is_ascii_digit()),
        Some(_) => false,
    }
}

/// Whether one of `words` occurs in the `window` bytes before `start`, compared ASCII
/// case-insensitively and only where the keyword starts a word (so `tel` does not fire on
/// `hotel`). `words` must be given in lower case; non-ASCII keywords match byte for byte.
pub(crate) fn context_before(text: &str, start: usize, window: usize, words: &[&str]) -> bool {
    const MAX: usize = 64;
    let bytes = text.as_bytes();
    let end = start.min(bytes.len());
    let from = end.saturating_sub(window.min(MAX));
    let mut buf = [0u8; MAX];
    let len = end - from;
    for (dst, src) in buf.iter_mut().zip(&bytes[from..end]) {
        *dst = src.to_ascii_lowercase();
    }
    let hay = &buf[..len];
    // A keyword on an earlier line labels that line's value (`Contact: …⏎SSN: 018-39-5163`).
    let hay = hay
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(hay, |nl| &hay[nl + 1..]);
    // Only word starts can begin a keyword, and only those whose first byte starts some
    // keyword (a 128-bit set built once per call) are compared with the list.
    let mut firsts = 0u128;
    for w in words {
        if let Some(&b) = w.as_bytes().first() {
            firsts |= 1 << (b & 0x7f);
        }
    }
    (0..hay.len()).any(|i| {
        let rest = &hay[i..];
        (i == 0 || !hay[i - 1].is_ascii_alphabetic())
            && firsts & (1 << (rest[0] & 0x7f)) != 0
            && words.iter().any(|w| {
                let w = w.as_bytes();
                w.first() == rest.first() && rest.starts_with(w)
            })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_lookaround_handles_multibyte_neighbours() {
        let t = "é1€";
        assert_eq!(char_before(t, 2), Some('é'));
        assert_eq!(char_at(t, 3), Some('€'));
        assert_eq!(char_before(t, 0), None);
        assert_eq!(char_at(t, t.len()), None);
        assert_eq!(
            char_before(t, 1),
            None,
            "offset inside a char yields nothing"
        );
    }

    #[test]
    fn glued_values_are_told_apart_from_free_standing_ones() {
        assert!(glued_before("INV-993352", 4));
        assert!(glued_before("x993352", 1));
        assert!(!glued_before("call 993352", 5));
        assert!(!glued_before("(993352", 1));
        assert!(glued_after("1234.56", 4));
        assert!(!glued_after("1234. Next", 4));
        assert!(glued_after("12ab", 2));
        assert!(glued_before("1,234", 2));
        assert!(!glued_before("Gabler,057", 7), "a CSV cell");
        assert!(
            !glued_before("build02,192", 8),
            "a CSV cell after an identifier"
        );
        assert!(glued_after("1,5", 1));
        assert!(!glued_after("00,POFI", 2), "a CSV cell");
    }

    #[test]
    fn context_words_match_case_insensitively_at_word_starts_only() {
        let t = "Telefon: 0151";
        assert!(context_before(t, 9, 30, &["telefon"]));
        assert!(!context_before("hotel 123", 6, 30, &["tel"]));
        assert!(context_before("Téléphone : 01", 13, 30, &["téléphone"]));
        assert!(!context_before(
            "phone far away ............................ 1",
            45,
            10,
            &["phone"]
        ));
        assert!(
            !context_before("Phone: 1\nSSN: 2", 14, 30, &["phone"]),
            "stops at the line start"
        );
    }
}
