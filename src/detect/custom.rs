//! Tenant-defined recognizers: a regular expression with an optional checksum validator, or
//! a dictionary of terms matched with Aho-Corasick. They take part in the same overlap
//! resolution as the built-in recognizers.
//!
//! Tenant patterns run on the `regex` crate, whose matching time is linear in the text
//! whatever the pattern (no catastrophic backtracking), under a compiled-size limit.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use regex::{Regex, RegexBuilder};

use super::text::{word_at, word_before};
use super::validators::{iban_mod97, luhn_valid};
use super::{EntityType, Finding, Recognizer};

/// Confidence of tenant findings: above the built-ins' ambiguous cases, so that a tenant's
/// own rule wins an overlap with a guess, below their validated hits.
const CUSTOM_CONFIDENCE: f32 = 0.9;
/// Upper bound on a compiled tenant pattern.
const REGEX_SIZE_LIMIT: usize = 1 << 20;

/// A checksum a pattern match must pass.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Validator {
    /// Luhn (mod 10) over the digits of the match; other characters are ignored.
    Luhn,
    /// ISO 7064 mod 97-10 (as IBAN) over the letters and digits of the match, upper-cased.
    Mod97,
}

impl Validator {
    /// `luhn` or `mod97`.
    pub fn parse(name: &str) -> Option<Self> {
        match name {
            "luhn" => Some(Self::Luhn),
            "mod97" => Some(Self::Mod97),
            _ => None,
        }
    }

    fn accepts(self, value: &str) -> bool {
        let mut buf = [0u8; 64];
        let mut len = 0;
        for b in value.bytes() {
            let keep = match self {
                Self::Luhn => b.is_ascii_digit().then_some(b),
                Self::Mod97 => b.is_ascii_alphanumeric().then_some(b.to_ascii_uppercase()),
            };
            if let Some(b) = keep {
                let Some(slot) = buf.get_mut(len) else {
                    return false;
                };
                *slot = b;
                len += 1;
            }
        }
        match self {
            Self::Luhn => len >= 2 && luhn_valid(&buf[..len]),
            Self::Mod97 => len >= 5 && iban_mod97(&buf[..len]),
        }
    }
}

/// Why a tenant recognizer cannot be built.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum CustomRecognizerError {
    /// The pattern does not compile or is too large.
    #[error("the pattern does not compile or is too large")]
    BadPattern,
    /// The pattern matches the empty string, which would match everywhere.
    #[error("the pattern matches empty text")]
    MatchesEmpty,
    /// The dictionary has no usable term.
    #[error("the dictionary is empty")]
    EmptyDictionary,
    /// The dictionary cannot be compiled.
    #[error("the dictionary cannot be compiled")]
    BadDictionary,
}

/// A tenant's regular expression.
#[derive(Debug)]
pub struct PatternRecognizer {
    kind: EntityType,
    regex: Regex,
    validator: Option<Validator>,
}

impl PatternRecognizer {
    /// Compiles `pattern` for values of type `kind`.
    ///
    /// # Errors
    /// [`CustomRecognizerError::BadPattern`] or [`CustomRecognizerError::MatchesEmpty`].
    pub fn new(
        kind: EntityType,
        pattern: &str,
        validator: Option<Validator>,
    ) -> Result<Self, CustomRecognizerError> {
        let regex = RegexBuilder::new(pattern)
            .size_limit(REGEX_SIZE_LIMIT)
            .dfa_size_limit(REGEX_SIZE_LIMIT)
            .build()
            .map_err(|_| CustomRecognizerError::BadPattern)?;
        if regex.is_match("") {
            return Err(CustomRecognizerError::MatchesEmpty);
        }
        Ok(Self {
            kind,
            regex,
            validator,
        })
    }
}

impl Recognizer for PatternRecognizer {
    fn find(&self, text: &str, out: &mut Vec<Finding>) {
        for m in self.regex.find_iter(text) {
            if m.is_empty() || self.validator.is_some_and(|v| !v.accepts(m.as_str())) {
                continue;
            }
            out.push(Finding {
                kind: self.kind,
                start: m.start(),
                end: m.end(),
                confidence: CUSTOM_CONFIDENCE,
            });
        }
    }
}

/// A tenant's list of terms (project code names, VIP names, internal hosts), matched as
/// whole words.
#[derive(Debug)]
pub struct DictionaryRecognizer {
    kind: EntityType,
    automaton: AhoCorasick,
}

impl DictionaryRecognizer {
    /// Builds the automaton; `case_sensitive = false` matches ASCII letters in any case.
    ///
    /// # Errors
    /// [`CustomRecognizerError::EmptyDictionary`] or [`CustomRecognizerError::BadDictionary`].
    pub fn new(
        kind: EntityType,
        terms: &[String],
        case_sensitive: bool,
    ) -> Result<Self, CustomRecognizerError> {
        let terms: Vec<&str> = terms
            .iter()
            .map(|t| t.trim())
            .filter(|t| !t.is_empty())
            .collect();
        if terms.is_empty() {
            return Err(CustomRecognizerError::EmptyDictionary);
        }
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(!case_sensitive)
            .build(&terms)
            .map_err(|_| CustomRecognizerError::BadDictionary)?;
        Ok(Self { kind, automaton })
    }
}

impl Recognizer for DictionaryRecognizer {
    fn find(&self, text: &str, out: &mut Vec<Finding>) {
        for m in self.automaton.find_iter(text) {
            let (start, end) = (m.start(), m.end());
            // Whole words only: `Falcon` must not fire inside `Falconry`.
            if word_before(text, start) || word_at(text, end) {
                continue;
            }
            out.push(Finding {
                kind: self.kind,
                start,
                end,
                confidence: CUSTOM_CONFIDENCE,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::{LabelRefusal, MAX_CUSTOM_LABELS_PER_TENANT};

    fn spans(recognizer: &dyn Recognizer, text: &str) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        recognizer.find(text, &mut out);
        out.into_iter()
            .map(|f| (f.kind.label(), text[f.start..f.end].to_owned()))
            .collect()
    }

    #[test]
    fn a_pattern_finds_its_matches_with_the_tenants_type() {
        let kind = EntityType::custom(Some("t-test"), "EMPLOYEE_ID").unwrap();
        let recognizer = PatternRecognizer::new(kind, r"EMP-\d{6}", None).unwrap();
        assert_eq!(
            spans(&recognizer, "ids EMP-123456 and EMP-654321, not EMP-12"),
            vec![
                ("EMPLOYEE_ID", "EMP-123456".to_owned()),
                ("EMPLOYEE_ID", "EMP-654321".to_owned())
            ]
        );
    }

    #[test]
    fn validators_keep_only_checksum_valid_matches() {
        let kind = EntityType::custom(Some("t-test"), "LOYALTY_CARD").unwrap();
        let luhn = PatternRecognizer::new(kind, r"\d{4} \d{4}", Some(Validator::Luhn)).unwrap();
        assert_eq!(spans(&luhn, "a 1234 5674 b 1234 5678").len(), 1);
        let mod97 = PatternRecognizer::new(
            kind,
            r"[A-Z]{2}\d{2}[A-Z0-9]{10,30}",
            Some(Validator::Mod97),
        )
        .unwrap();
        assert_eq!(
            spans(&mod97, "GB82WEST12345698765432 GB82WEST12345698765431").len(),
            1
        );
        assert!(!Validator::Luhn.accepts("x"));
        assert_eq!(Validator::parse("mod97"), Some(Validator::Mod97));
        assert_eq!(Validator::parse("crc"), None);
    }

    #[test]
    fn bad_or_empty_matching_patterns_are_refused() {
        let kind = EntityType::Secret;
        assert_eq!(
            PatternRecognizer::new(kind, "(", None).unwrap_err(),
            CustomRecognizerError::BadPattern
        );
        assert_eq!(
            PatternRecognizer::new(kind, "a*", None).unwrap_err(),
            CustomRecognizerError::MatchesEmpty
        );
        assert_eq!(
            PatternRecognizer::new(kind, "a{1000}{1000}", None).unwrap_err(),
            CustomRecognizerError::BadPattern
        );
    }

    #[test]
    fn dictionary_terms_match_whole_words_in_any_case() {
        let kind = EntityType::custom(Some("t-test"), "PROJECT").unwrap();
        let terms = vec![
            "Project Falcon".to_owned(),
            "Bluebird".to_owned(),
            "  ".to_owned(),
        ];
        let recognizer = DictionaryRecognizer::new(kind, &terms, false).unwrap();
        assert_eq!(
            spans(
                &recognizer,
                "PROJECT FALCON ships; bluebirds no; Bluebird, yes. Über Bluebird!"
            ),
            vec![
                ("PROJECT", "PROJECT FALCON".to_owned()),
                ("PROJECT", "Bluebird".to_owned()),
                ("PROJECT", "Bluebird".to_owned())
            ]
        );
        let strict = DictionaryRecognizer::new(kind, &terms, true).unwrap();
        assert_eq!(spans(&strict, "bluebird Bluebird").len(), 1);
        assert_eq!(
            DictionaryRecognizer::new(kind, &[" ".to_owned()], true).unwrap_err(),
            CustomRecognizerError::EmptyDictionary
        );
    }

    #[test]
    fn custom_labels_are_checked_and_builtin_labels_map_to_builtin_types() {
        assert_eq!(
            EntityType::custom(Some("t-test"), "PERSON"),
            Ok(EntityType::Person)
        );
        assert_eq!(
            EntityType::custom(Some("t-test"), "EMPLOYEE_ID").map(EntityType::label),
            Ok("EMPLOYEE_ID")
        );
        for bad in ["", "employee", "1ID", "A-B", "Ä", &"A".repeat(33)] {
            assert_eq!(
                EntityType::custom(Some("t-test"), bad),
                Err(LabelRefusal::Shape),
                "{bad:?}"
            );
        }
        // Interned once: equal labels are equal types.
        assert_eq!(
            EntityType::custom(Some("t-test"), "PROJECT"),
            EntityType::custom(Some("t-test"), "PROJECT")
        );
    }

    #[test]
    fn one_tenant_cannot_use_up_the_labels_of_every_tenant() {
        let greedy = "t-label-greedy";
        for i in 0..MAX_CUSTOM_LABELS_PER_TENANT {
            EntityType::custom(Some(greedy), &format!("GREEDY_{i}")).unwrap();
        }
        assert_eq!(
            EntityType::custom(Some(greedy), "GREEDY_ONE_MORE"),
            Err(LabelRefusal::TooMany)
        );
        // What it brought keeps working, for it and for others; built-in types too.
        assert!(EntityType::custom(Some(greedy), "GREEDY_7").is_ok());
        assert!(EntityType::custom(Some("t-label-other"), "GREEDY_7").is_ok());
        assert_eq!(
            EntityType::custom(Some(greedy), "EMAIL"),
            Ok(EntityType::Email)
        );
        // Another tenant still brings labels of its own.
        assert!(EntityType::custom(Some("t-label-other"), "GREEDY_ONE_MORE").is_ok());
        assert!(EntityType::custom(Some(greedy), "GREEDY_ONE_MORE").is_ok());
        // A policy stored already loads whatever the caps: its labels were counted when
        // it was written (perhaps by another instance).
        assert!(EntityType::custom(None, "GREEDY_STORED_ELSEWHERE").is_ok());
    }
}
