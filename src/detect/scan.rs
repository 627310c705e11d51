//! A byte scanner shared by the digit- and letter-anchored recognizers. Prompts are full of
//! hex digests, base64 blobs and identifiers whose digits are glued to letters; skipping
//! whole ASCII word tokens at once and handing out only token starts is several times
//! faster than iterating regex matches over every digit run.

const OTHER: u8 = 0;
const WORD: u8 = 1;

/// ASCII letters, digits and `_` glue a token together.
static CLASS: [u8; 256] = {
    let mut table = [OTHER; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        table[b] = if c.is_ascii_alphanumeric() || c == b'_' {
            WORD
        } else {
            OTHER
        };
        b += 1;
    }
    table
};

fn class(b: u8) -> u8 {
    CLASS[usize::from(b)]
}

/// The next offset `>= from` holding an ASCII digit.
///
/// Eight bytes at a time (SWAR): XOR with `'0'` maps exactly the digits to 0..=9, and the
/// classic "has a byte less than n" test then skips digit-free words; prose is mostly that.
pub(crate) fn next_digit(bytes: &[u8], from: usize) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let rest = bytes.get(from..)?;
    let mut chunks = rest.chunks_exact(8);
    let mut base = from;
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let x = u64::from_le_bytes(word) ^ (u64::from(b'0') * ONES);
        if x.wrapping_sub(10 * ONES) & !x & HIGHS != 0 {
            if let Some(k) = chunk.iter().position(u8::is_ascii_digit) {
                return Some(base + k);
            }
        }
        base += 8;
    }
    chunks
        .remainder()
        .iter()
        .position(u8::is_ascii_digit)
        .map(|k| base + k)
}

/// Skips the rest of the ASCII word token that contains `i`.
pub(crate) fn skip_token(bytes: &[u8], mut i: usize) -> usize {
    while bytes.get(i).is_some_and(|&b| class(b) != OTHER) {
        i += 1;
    }
    i
}

pub(crate) fn is_word_byte(b: u8) -> bool {
    class(b) != OTHER
}

/// Next start of an ASCII word token that begins with a digit (`2024`, `4111…`, `0151`);
/// digits glued to letters (`x3`, hex digests, base64) are skipped with their token.
/// Non-ASCII neighbours are left for the recognizers' own char-aware boundary checks.
pub(crate) fn next_number(bytes: &[u8], from: usize) -> Option<usize> {
    let mut i = from;
    loop {
        i = next_digit(bytes, i)?;
        if i == 0 || !is_word_byte(bytes[i - 1]) {
            return Some(i);
        }
        i = skip_token(bytes, i);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(text: &str, f: fn(&[u8], usize) -> Option<usize>) -> Vec<usize> {
        let mut out = Vec::new();
        let mut from = 0;
        while let Some(i) = f(text.as_bytes(), from) {
            out.push(i);
            from = i + 1;
        }
        out
    }

    #[test]
    fn number_starts_skip_digits_glued_to_letters() {
        assert_eq!(
            all("a1 22 x3y4 (5) 6a é7 +8", next_number),
            vec![3, 12, 15, 20, 23]
        );
    }

    #[test]
    fn digits_are_found_across_chunk_edges() {
        let text = "abcdefghijklmnop7 and é";
        assert_eq!(next_digit(text.as_bytes(), 0), Some(16));
        assert_eq!(next_digit(b"0", 0), Some(0));
        assert_eq!(
            next_digit(b"/:;@ABCDEFG", 0),
            None,
            "bytes next to the digit range"
        );
        assert_eq!(next_digit(b"12345678901", 11), None);
        assert_eq!(next_digit(b"12", 5), None);
        for n in 0..40 {
            let mut v = vec![b'x'; 40];
            v[n] = b'5';
            assert_eq!(next_digit(&v, 0), Some(n));
            assert_eq!(next_digit(&v, n + 1), None);
        }
    }
}
