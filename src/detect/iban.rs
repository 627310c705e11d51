//! IBANs: country code, check digits and BBAN, written compact or in groups of four.

use super::scan::{is_word_byte, next_digit, skip_token};
use super::text::{glued_after, word_before};
use super::validators::{iban_length, iban_valid};
use super::{EntityType, Finding, Recognizer};

const MAX_IBAN: usize = 34;

/// Finds IBANs that have the country's registered length and pass mod-97.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct IbanRecognizer;

impl Recognizer for IbanRecognizer {
    fn find(&self, text: &str, out: &mut Vec<Finding>) {
        let bytes = text.as_bytes();
        let mut from = 0;
        // Anchored on the check digits, which are rarer than letters: an IBAN starts where
        // a token opens with two letters followed by two digits.
        while let Some(digit) = next_digit(bytes, from) {
            from = skip_token(bytes, digit);
            let Some(start) = digit.checked_sub(2) else {
                continue;
            };
            let head_ok = bytes[start].is_ascii_alphabetic()
                && bytes[start + 1].is_ascii_alphabetic()
                && bytes.get(digit + 1).is_some_and(u8::is_ascii_digit)
                && (start == 0 || !is_word_byte(bytes[start - 1]));
            if !head_ok || word_before(text, start) {
                continue;
            }
            let country = [
                bytes[start].to_ascii_uppercase(),
                bytes[start + 1].to_ascii_uppercase(),
            ];
            let Some(len) = iban_length(country) else {
                continue;
            };
            if let Some(end) = compact(text, start, len).or_else(|| grouped(text, start, len)) {
                out.push(Finding {
                    kind: EntityType::Iban,
                    start,
                    end,
                    confidence: 0.97,
                });
                from = end;
            }
        }
    }
}

/// A compact IBAN: one alphanumeric token of exactly `len` chars, all letters in one case.
fn compact(text: &str, start: usize, len: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let token = bytes[start..]
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    let end = start + token;
    if token != len || glued_after(text, end) {
        return None;
    }
    let raw = &bytes[start..end];
    let upper = raw.iter().any(u8::is_ascii_uppercase);
    let lower = raw.iter().any(u8::is_ascii_lowercase);
    if upper && lower {
        return None;
    }
    check(raw.iter().copied(), len).then_some(end)
}

/// An IBAN in groups of four joined by single spaces, the last group 1–4 chars, ending
/// exactly at the country's length.
fn grouped(text: &str, start: usize, len: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut pos = start;
    let mut seen = 0;
    loop {
        let group = bytes[pos..]
            .iter()
            .take(5)
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        let want = (len - seen).min(4);
        if group != want {
            return None;
        }
        seen += group;
        pos += group;
        if seen == len {
            break;
        }
        if bytes.get(pos) != Some(&b' ') {
            return None;
        }
        pos += 1;
    }
    if glued_after(text, pos) {
        return None;
    }
    let raw = &bytes[start..pos];
    if raw.iter().any(u8::is_ascii_lowercase) {
        return None;
    }
    check(raw.iter().copied().filter(|&b| b != b' '), len).then_some(pos)
}

fn check(chars: impl Iterator<Item = u8>, len: usize) -> bool {
    let mut buf = [0u8; MAX_IBAN];
    let mut n = 0;
    for b in chars {
        let Some(slot) = buf.get_mut(n) else {
            return false;
        };
        *slot = b.to_ascii_uppercase();
        n += 1;
    }
    n == len && iban_valid(&buf[..n])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ibans(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        IbanRecognizer.find(text, &mut out);
        out.into_iter().map(|f| &text[f.start..f.end]).collect()
    }

    #[test]
    fn ibans_are_found_compact_and_grouped_with_exact_spans() {
        assert_eq!(
            ibans("IBAN: DE89370400440532013000."),
            vec!["DE89370400440532013000"]
        );
        assert_eq!(
            ibans("IBAN DE89 3704 0044 0532 0130 00, BIC"),
            vec!["DE89 3704 0044 0532 0130 00"]
        );
        assert_eq!(
            ibans("sur l'IBAN FR14 2004 1010 0505 0001 3M02 606 merci"),
            vec!["FR14 2004 1010 0505 0001 3M02 606"]
        );
        assert_eq!(
            ibans("GB82WEST12345698765432"),
            vec!["GB82WEST12345698765432"]
        );
        assert_eq!(
            ibans("(NL91 ABNA 0417 1643 00)"),
            vec!["NL91 ABNA 0417 1643 00"]
        );
        assert_eq!(
            ibans("iban de89370400440532013000 lower"),
            vec!["de89370400440532013000"]
        );
        assert_eq!(
            ibans("ES91 2100 0418 4502 0005 1332 2024"),
            vec!["ES91 2100 0418 4502 0005 1332"]
        );
    }

    #[test]
    fn iban_shaped_values_with_bad_checks_or_lengths_are_rejected() {
        for t in [
            "DE89370400440532013001",
            "DE8937040044053201300",
            "DE893704004405320130001",
            "XDE89370400440532013000",
            "DE89370400440532013000X",
            "DE89 3704 0044 0532 0130 001",
            "DE89  3704 0044 0532 0130 00",
            "DE89 37040044 0532 0130 00",
            "De89370400440532013000",
            "de89 3704 0044 0532 0130 00",
            "ZZ89370400440532013000",
        ] {
            assert!(ibans(t).is_empty(), "{t}");
        }
    }
}
