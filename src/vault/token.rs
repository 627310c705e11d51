//! The token format: `[TYPE_id]`, where `id` is 12 random characters (60 bits) from
//! Crockford's base32 alphabet in lower case (no i, l, o, u: no look-alikes) followed by
//! one check character (Luhn mod 32), so that a made-up id is rejected without a look-up
//! and a single altered character is always caught.

use std::fmt;

use rand::Rng;

use crate::detect::EntityType;

const ALPHABET: &[u8; 32] = b"0123456789abcdefghjkmnpqrstvwxyz";
const RANDOM_CHARS: usize = 12;
/// Longest label the token grammar allows.
pub const MAX_LABEL: usize = 64;
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
            id.push(char::from(ALPHABET[rng.random_range(0..32)]));
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

/// Every token-shaped substring of `text` exactly as the service writes tokens
/// (`[LABEL_id]`, label in capitals, id in the lower-case alphabet), in order; `id` is
/// `None` when the check character fails. `POST /v1/detokenize` reads these.
pub fn find_candidates(text: &str) -> Vec<TokenCandidate<'_>> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(offset) = memchr::memchr(b'[', &bytes[from..]) {
        let start = from + offset;
        from = start + 1;
        let run_end = start
            + 1
            + bytes[start + 1..]
                .iter()
                .take_while(|&&b| is_word(b))
                .count();
        if bytes.get(run_end) != Some(&b']') {
            continue;
        }
        let Some((label, raw_id)) = split_label_id(&text[start + 1..run_end]) else {
            continue;
        };
        if !is_label(label)
            || !raw_id
                .bytes()
                .all(|b| b.is_ascii_digit() || b.is_ascii_lowercase())
        {
            continue;
        }
        found.push(TokenCandidate {
            start,
            end: run_end + 1,
            label,
            id: TokenId::parse(raw_id),
        });
        from = run_end + 1;
    }
    found
}

/// Whether `label` can name a token type: capitals, digits and `_`, starting with a
/// capital, at most [`MAX_LABEL`] characters.
pub fn is_label(label: &str) -> bool {
    let bytes = label.as_bytes();
    !bytes.is_empty()
        && bytes.len() <= MAX_LABEL
        && bytes[0].is_ascii_uppercase()
        && bytes
            .iter()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || *b == b'_')
}

/// The label and the id of a run `LABEL_id` of word characters (the id is its last
/// [`ID_LEN`] characters), if it has that shape; nothing is checked yet.
fn split_label_id(run: &str) -> Option<(&str, &str)> {
    if run.len() < ID_LEN + 2 || !run.is_ascii() {
        return None;
    }
    let (label, rest) = run.split_at(run.len() - ID_LEN - 1);
    let first = label.as_bytes()[0];
    (rest.as_bytes()[0] == b'_' && label.len() <= MAX_LABEL && first.is_ascii_alphabetic())
        .then(|| (label, &rest[1..]))
}

// Tokens as a model may have altered them.

/// The type labels a tenant's tokens may carry (upper case); cheap to clone, as every
/// streamed event uses them.
#[derive(Debug, Clone, Default)]
pub struct Labels(std::sync::Arc<[String]>);

impl Labels {
    /// The given labels.
    pub fn new(labels: impl IntoIterator<Item = String>) -> Self {
        let mut all: Vec<String> = labels.into_iter().map(|l| l.to_ascii_uppercase()).collect();
        all.sort_unstable();
        all.dedup();
        Self(all.into())
    }

    fn contains(&self, label: &[u8]) -> bool {
        self.0
            .iter()
            .any(|l| l.as_bytes().eq_ignore_ascii_case(label))
    }

    /// Whether `start` (a run of label/id characters) could grow into `LABEL_id` for one
    /// of the labels.
    pub(crate) fn could_start(&self, start: &[u8]) -> bool {
        self.0.iter().any(|label| {
            let label = label.as_bytes();
            if start.len() <= label.len() {
                return label[..start.len()].eq_ignore_ascii_case(start);
            }
            start[..label.len()].eq_ignore_ascii_case(label)
                && start[label.len()] == b'_'
                && start.len() - label.len() - 1 <= ID_LEN
                && start[label.len() + 1..]
                    .iter()
                    .all(u8::is_ascii_alphanumeric)
        })
    }
}

/// A token found in text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundToken {
    /// Byte offset where it starts (at `[` when there is one).
    pub start: usize,
    /// Byte offset after it (after `]` when there is one).
    pub end: usize,
    /// The label in upper case.
    pub label: String,
    /// The id, its check character verified.
    pub id: TokenId,
}

pub(crate) fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// The label and id of a run `LABEL_id` of word characters, the id read in any case.
fn split_run(run: &[u8]) -> Option<(&[u8], TokenId)> {
    let (label, id) = split_label_id(std::str::from_utf8(run).ok()?)?;
    Some((label.as_bytes(), TokenId::parse(&id.to_ascii_lowercase())?))
}

/// Every token in `text`, exact or altered. `before` is the character just before
/// `text` (when `text` continues an earlier piece), for the word boundary.
pub fn find_tokens(text: &str, before: Option<char>, labels: &Labels) -> Vec<FoundToken> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let bracket = bytes[i] == b'[';
        let run_start = if bracket { i + 1 } else { i };
        let boundary = if i == 0 {
            !before.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_')
        } else {
            !is_word(bytes[i - 1])
        };
        if !(bracket || (boundary && bytes[i].is_ascii_alphabetic())) {
            i += 1;
            continue;
        }
        let run_end = run_start
            + bytes[run_start..]
                .iter()
                .take_while(|&&b| is_word(b))
                .count();
        let run = &bytes[run_start..run_end];
        let closed = bytes.get(run_end) == Some(&b']');
        let end = if closed { run_end + 1 } else { run_end };
        if let Some((label, id)) = split_run(run) {
            // A bracketed token may carry any label; without brackets, only a known one
            // (an identifier in code could otherwise look like one).
            if (bracket && closed) || labels.contains(label) {
                found.push(FoundToken {
                    start: i,
                    end,
                    label: String::from_utf8_lossy(label).to_ascii_uppercase(),
                    id,
                });
                i = end;
                continue;
            }
        }
        // Skip the rest of this word: a token starts only at a word boundary.
        i = if bracket { i + 1 } else { run_end.max(i + 1) };
    }
    found
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

    #[test]
    fn the_exact_finder_takes_only_the_written_form_and_flags_a_failed_check() {
        let mut rng = rand::rngs::StdRng::seed_from_u64(5);
        let id = TokenId::generate(&mut rng);
        let upper = id.as_str().to_ascii_uppercase();
        let text = format!(
            "[email_{id}] [EMAIL_{upper}] EMAIL_{id} [EMAIL_{id}x] [[PHONE_{id}] [EMAIL_k3j9x2m4q7zpb]",
            id = id.as_str()
        );
        let found = find_candidates(&text);
        let labels: Vec<&str> = found.iter().map(|c| c.label).collect();
        assert_eq!(labels, vec!["PHONE", "EMAIL"], "{found:?}");
        assert_eq!(found[0].id.as_ref(), Some(&id));
        assert_eq!(
            found[1].id, None,
            "a failed check character is still a candidate"
        );
        // The lenient finder (for model answers) reads the altered forms too.
        let labels = Labels::new(["EMAIL".to_owned()]);
        let lenient = find_tokens(&text, None, &labels);
        assert!(
            lenient.iter().filter(|t| t.id == id).count() >= 3,
            "{lenient:?}"
        );
    }
}
