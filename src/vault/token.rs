//! The token format: `[TYPE_id]`, where `id` is 12 random characters (60 bits) from
//! Crockford's base32 alphabet in lower case (no i, l, o, u: no look-alikes) followed by
//! one check character (Luhn mod 32), so that a made-up id is rejected without a look-up
//! and a single altered character is always caught.

use std::fmt;

use rand::Rng;
use regex::Regex;
use std::sync::LazyLock;

use crate::detect::EntityType;

const ALPHABET: &[u8; 32] = b"0123456789abcdefghjkmnpqrstvwxyz";
const RANDOM_CHARS: usize = 12;
/// Length of a token id, check character included.
pub const ID_LEN: usize = RANDOM_CHARS + 1;

/// A token id: random, unique within a tenant, says nothing about the value.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TokenId(String);

impl TokenId {
    /// A fresh random id with its check character.
    pub fn generate<R: Rng + ?Sized>(rng: &mut R) -> Self {
        let mut id = String::with_capacity(ID_LEN);
        for _ in 0..RANDOM_CHARS {
            id.push(char::from(ALPHABET[rng.gen_range(0..32)]));
        }
        let check = check_char(id.as_bytes()).unwrap_or(b'0');
        id.push(char::from(check));
        Self(id)
    }

    /// Accepts `raw` only if it has the right length, alphabet and check character.
    pub fn parse(raw: &str) -> Option<Self> {
        let bytes = raw.as_bytes();
        if bytes.len() != ID_LEN {
            return None;
        }
        let (body, check) = bytes.split_at(RANDOM_CHARS);
        (check_char(body)? == check[0]).then(|| Self(raw.to_owned()))
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for TokenId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "TokenId({})", self.0)
    }
}

fn value_of(c: u8) -> Option<usize> {
    ALPHABET.iter().position(|&a| a == c)
}

/// Luhn mod N over the alphabet (N = 32): catches every single-character substitution
/// and most transpositions of neighbours.
fn check_char(body: &[u8]) -> Option<u8> {
    let mut sum = 0;
    let mut factor = 2;
    for &c in body.iter().rev() {
        let mut addend = factor * value_of(c)?;
        addend = addend / 32 + addend % 32;
        sum += addend;
        factor = if factor == 2 { 1 } else { 2 };
    }
    Some(ALPHABET[(32 - sum % 32) % 32])
}

/// A token as it appears in text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// What kind of value it stands for.
    pub kind: EntityType,
    /// Its id.
    pub id: TokenId,
}

impl fmt::Display for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "[{}_{}]", self.kind.label(), self.id.0)
    }
}

/// Something shaped like a token found in text: byte range, the label as written and
/// the id if its check character holds.
#[derive(Debug, Clone)]
pub struct TokenCandidate<'a> {
    /// Byte offset of `[`.
    pub start: usize,
    /// Byte offset after `]`.
    pub end: usize,
    /// The type label as written.
    pub label: &'a str,
    /// The id, when well-formed and its check character matches.
    pub id: Option<TokenId>,
}

#[allow(clippy::expect_used, reason = "a constant pattern, covered by tests")]
static TOKEN_SHAPE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\[([A-Z][A-Z0-9_]{0,63}?)_([0-9a-z]{13})\]").expect("token pattern compiles")
});

/// Every token-shaped substring of `text`, in order.
pub fn find_candidates(text: &str) -> Vec<TokenCandidate<'_>> {
    if !text.contains('[') {
        return Vec::new();
    }
    TOKEN_SHAPE
        .captures_iter(text)
        .filter_map(|caps| {
            let whole = caps.get(0)?;
            Some(TokenCandidate {
                start: whole.start(),
                end: whole.end(),
                label: caps.get(1)?.as_str(),
                id: TokenId::parse(caps.get(2)?.as_str()),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;

    #[test]
    fn generated_ids_parse_and_any_single_changed_character_is_rejected() {
        let mut rng = rand::rngs::StdRng::seed_from_u64(7);
        for _ in 0..200 {
            let id = TokenId::generate(&mut rng);
            assert_eq!(TokenId::parse(id.as_str()), Some(id.clone()));
            for position in 0..ID_LEN {
                for &replacement in ALPHABET {
                    let mut altered = id.as_str().as_bytes().to_vec();
                    if altered[position] == replacement {
                        continue;
                    }
                    altered[position] = replacement;
                    let altered = String::from_utf8(altered).unwrap();
                    assert!(TokenId::parse(&altered).is_none(), "{altered} accepted");
                }
            }
        }
    }

    #[test]
    fn ids_use_only_the_alphabet_and_carry_sixty_random_bits() {
        let mut rng = rand::rngs::StdRng::seed_from_u64(1);
        let id = TokenId::generate(&mut rng);
        assert_eq!(id.as_str().len(), 13);
        assert!(id.as_str().bytes().all(|b| ALPHABET.contains(&b)));
        assert!(!id.as_str().contains(['i', 'l', 'o', 'u']));
    }

    #[test]
    fn tokens_display_with_type_label_and_brackets_and_are_found_again() {
        let mut rng = rand::rngs::StdRng::seed_from_u64(3);
        let token = Token {
            kind: EntityType::IpAddress,
            id: TokenId::generate(&mut rng),
        };
        let text = format!("host {token} and [EMAIL_0000000000000] and [bad]");
        let found = find_candidates(&text);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].label, "IP_ADDRESS");
        assert_eq!(found[0].id.as_ref(), Some(&token.id));
        assert_eq!(&text[found[0].start..found[0].end], token.to_string());
        assert_eq!(found[1].label, "EMAIL");
    }

    #[test]
    fn made_up_ids_fail_their_check_character_mostly() {
        let accepted = ["k3j9x2m4q7zpa", "0000000000001", "abcdefghjkmnp"]
            .iter()
            .filter(|raw| TokenId::parse(raw).is_some())
            .count();
        assert!(accepted <= 1);
        assert!(
            TokenId::parse("0000000000000").is_some(),
            "all zeros has check 0"
        );
        assert!(
            TokenId::parse("ABCDEFGHJKMNP").is_none(),
            "upper case is not the alphabet"
        );
    }
}
