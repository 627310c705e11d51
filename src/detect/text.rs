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

/// Keywords looked for before a value, indexed by their first byte so that each word start
/// in the window is compared with the few keywords that can begin there.
#[derive(Debug)]
pub(crate) struct Keywords {
    words: &'static [&'static str],
    /// Bit `k` of entry `b` is set when keyword `k` starts with a byte whose low seven bits
    /// are `b`.
    by_first: [u128; 128],
}

impl Keywords {
    /// At most 128 keywords, in lower case.
    pub(crate) const fn new(words: &'static [&'static str]) -> Self {
        assert!(words.len() <= 128, "at most 128 keywords");
        let mut by_first = [0u128; 128];
        let mut k = 0;
        while k < words.len() {
            let first = words[k].as_bytes()[0] & 0x7f;
            by_first[first as usize] |= 1 << k;
            k += 1;
        }
        Self { words, by_first }
    }

    /// Whether a keyword starts `rest`.
    fn starts(&self, rest: &[u8]) -> bool {
        let Some(&first) = rest.first() else {
            return false;
        };
        let mut candidates = self.by_first[usize::from(first & 0x7f)];
        while candidates != 0 {
            let k = candidates.trailing_zeros() as usize;
            candidates &= candidates - 1;
            if rest.starts_with(self.words[k].as_bytes()) {
                return true;
            }
        }
        false
    }
}

/// Whether one of `words` occurs in the `window` bytes before `start`, compared ASCII
/// case-insensitively and only where the keyword starts a word (so `tel` does not fire on
/// `hotel`). Non-ASCII keywords match byte for byte.
pub(crate) fn context_before(text: &str, start: usize, window: usize, words: &Keywords) -> bool {
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
    let (hay, cut_word) = match hay.iter().rposition(|&b| b == b'\n') {
        Some(nl) => (&hay[nl + 1..], false),
        // The window may start inside a word (`…ab|rechnung`): that is no word start.
        None => (hay, from > 0 && bytes[from - 1].is_ascii_alphabetic()),
    };
    (0..hay.len()).any(|i| {
        let word_start = if i == 0 {
            !cut_word
        } else {
            !hay[i - 1].is_ascii_alphabetic()
        };
        word_start && words.starts(&hay[i..])
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
        assert!(context_before(t, 9, 30, &Keywords::new(&["telefon"])));
        assert!(!context_before(
            "hotel 123",
            6,
            30,
            &Keywords::new(&["tel"])
        ));
        assert!(context_before(
            "Téléphone : 01",
            13,
            30,
            &Keywords::new(&["téléphone"])
        ));
        assert!(!context_before(
            "phone far away ............................ 1",
            45,
            10,
            &Keywords::new(&["phone"])
        ));
        assert!(
            !context_before("Phone: 1\nSSN: 2", 14, 30, &Keywords::new(&["phone"])),
            "stops at the line start"
        );
    }
}
