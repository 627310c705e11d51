//! Tenant policy: which types are tokenized, the tenant's own recognizers, and values
//! that are never tokenized. Written by admins through the API, stored as a JSON document
//! with a version, compiled once per version and cached in each instance.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use crate::detect::custom::{DictionaryRecognizer, PatternRecognizer, Validator};
use crate::detect::{EntityType, Recognizer};

/// Most recognizers one tenant may define.
pub const MAX_RECOGNIZERS: usize = 64;
/// Types an `entities` list may name at most.
pub const MAX_ENTITIES: usize = 64;
/// Most terms in one dictionary, and most allow-list entries.
pub const MAX_TERMS: usize = 10_000;
/// Longest pattern, term or allow-list entry, in bytes.
pub const MAX_ITEM_BYTES: usize = 4096;

/// The policy as admins write and read it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PolicyDocument {
    /// When present, only these types are tokenized (built-in or tenant-defined labels).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entities: Option<Vec<String>>,
    /// The tenant's own recognizers.
    #[serde(default)]
    pub recognizers: Vec<RecognizerSpec>,
    /// Values never tokenized (compared without regard to ASCII case), e.g. the company's
    /// own support address. These are declared non-sensitive and stored as written.
    #[serde(default)]
    pub allow_list: Vec<String>,
    /// When set, tokens expire this many seconds after they were last issued; expired
    /// tokens behave as unknown and are purged.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token_ttl_seconds: Option<u64>,
    /// What the proxy does with a sensitive value the model produced itself (one that
    /// was not a token): `pass`, `tokenize` (the default) or `block`.
    #[serde(default)]
    pub output: OutputAction,
}

/// Output DLP: the fate of a sensitive value in a model's answer that was not a token.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum OutputAction {
    /// Leave it as the model wrote it.
    Pass,
    /// Replace it with a token, which the caller sees instead of the value.
    #[default]
    Tokenize,
    /// Refuse the answer.
    Block,
}

/// One tenant recognizer: a `pattern` (with an optional `validator`) or a `dictionary`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecognizerSpec {
    /// A name for humans.
    pub name: String,
    /// The type of what it finds: a built-in label or the tenant's own (`EMPLOYEE_ID`).
    #[serde(rename = "type")]
    pub kind: String,
    /// A regular expression (Rust `regex` syntax).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pattern: Option<String>,
    /// `luhn` or `mod97`, checked on each pattern match.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub validator: Option<String>,
    /// Terms matched as whole words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dictionary: Option<Vec<String>>,
    /// Dictionary matching respects case (default: ASCII case is ignored).
    #[serde(default)]
    pub case_sensitive: bool,
}

/// A policy that cannot be used; the message names the field, never a value.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field}: {reason}")]
pub struct PolicyError {
    /// Where, e.g. `recognizers[2].pattern`.
    pub field: String,
    /// What is wrong.
    pub reason: String,
}

fn invalid(field: impl Into<String>, reason: impl Into<String>) -> PolicyError {
    PolicyError {
        field: field.into(),
        reason: reason.into(),
    }
}

/// A policy ready to apply.
#[derive(Debug, Default)]
pub struct CompiledPolicy {
    /// The stored version (0: no policy stored, the defaults).
    pub version: i64,
    /// When present, only these types are tokenized.
    pub entities: Option<Vec<EntityType>>,
    /// The tenant's recognizers.
    pub recognizers: Vec<Box<dyn Recognizer>>,
    /// Token time to live, in milliseconds.
    pub ttl_millis: Option<i64>,
    /// Output DLP in the proxy.
    pub output: OutputAction,
    /// The tenant's own type labels.
    pub custom_labels: Vec<String>,
    allow: HashSet<String>,
}

impl CompiledPolicy {
    /// Whether `value` is on the allow-list.
    pub fn allows(&self, value: &str) -> bool {
        !self.allow.is_empty() && self.allow.contains(&value.to_ascii_lowercase())
    }
}

impl PolicyDocument {
    /// Whether replacing `current` with this policy lowers protection: fewer types
    /// tokenized, a recognizer removed or changed, a value newly allowed through, or the
    /// model's own sensitive output newly passed. Under dual control such a change waits
    /// for a second admin; one that only adds protection does not.
    pub fn lowers_protection_of(&self, current: &PolicyDocument) -> bool {
        let narrower_types = match (&current.entities, &self.entities) {
            (_, None) => false,
            (None, Some(_)) => true,
            (Some(before), Some(after)) => before.iter().any(|t| !after.contains(t)),
        };
        let recognizer_lost = current
            .recognizers
            .iter()
            .any(|r| !self.recognizers.contains(r));
        let allowed_before: HashSet<String> = current
            .allow_list
            .iter()
            .map(|v| v.trim().to_ascii_lowercase())
            .collect();
        let newly_allowed = self
            .allow_list
            .iter()
            .any(|v| !allowed_before.contains(&v.trim().to_ascii_lowercase()));
        let output_opened =
            self.output == OutputAction::Pass && current.output != OutputAction::Pass;
        narrower_types || recognizer_lost || newly_allowed || output_opened
    }

    /// Checks every field and builds the recognizers.
    ///
    /// # Errors
    /// [`PolicyError`] naming the first field that is wrong.
    /// `owner`: the tenant writing the policy, whose new type labels count against its
    /// cap; `None` for a policy stored already (its labels were counted when written).
    pub fn compile(
        &self,
        owner: Option<&str>,
        version: i64,
    ) -> Result<CompiledPolicy, PolicyError> {
        if self
            .entities
            .as_ref()
            .is_some_and(|e| e.len() > MAX_ENTITIES)
        {
            return Err(invalid("entities", format!("at most {MAX_ENTITIES} types")));
        }
        let entities = match &self.entities {
            None => None,
            Some(labels) => Some(
                labels
                    .iter()
                    .enumerate()
                    .map(|(i, label)| {
                        EntityType::custom(owner, label)
                            .map_err(|refusal| invalid(format!("entities[{i}]"), refusal.reason()))
                    })
                    .collect::<Result<Vec<_>, _>>()?,
            ),
        };
        if self.recognizers.len() > MAX_RECOGNIZERS {
            return Err(invalid("recognizers", format!("at most {MAX_RECOGNIZERS}")));
        }
        let recognizers = self
            .recognizers
            .iter()
            .enumerate()
            .map(|(i, spec)| spec.compile(owner, &format!("recognizers[{i}]")))
            .collect::<Result<Vec<_>, _>>()?;
        if self.allow_list.len() > MAX_TERMS {
            return Err(invalid(
                "allow_list",
                format!("at most {MAX_TERMS} entries"),
            ));
        }
        if let Some(i) = self
            .allow_list
            .iter()
            .position(|v| v.len() > MAX_ITEM_BYTES)
        {
            return Err(invalid(
                format!("allow_list[{i}]"),
                format!("at most {MAX_ITEM_BYTES} bytes"),
            ));
        }
        let allow = self
            .allow_list
            .iter()
            .map(|v| v.trim().to_ascii_lowercase())
            .filter(|v| !v.is_empty())
            .collect();
        let ttl_millis = match self.token_ttl_seconds {
            None => None,
            Some(0) => return Err(invalid("token_ttl_seconds", "must be at least 1")),
            Some(seconds) => Some(
                i64::try_from(seconds)
                    .ok()
                    .and_then(|s| s.checked_mul(1000))
                    .ok_or_else(|| invalid("token_ttl_seconds", "too large"))?,
            ),
        };
        Ok(CompiledPolicy {
            version,
            entities,
            recognizers,
            ttl_millis,
            output: self.output,
            custom_labels: self.recognizers.iter().map(|r| r.kind.clone()).collect(),
            allow,
        })
    }
}

impl RecognizerSpec {
    fn compile(&self, owner: Option<&str>, at: &str) -> Result<Box<dyn Recognizer>, PolicyError> {
        let kind = EntityType::custom(owner, &self.kind)
            .map_err(|refusal| invalid(format!("{at}.type"), refusal.reason()))?;
        match (&self.pattern, &self.dictionary) {
            (Some(pattern), None) => {
                if pattern.len() > MAX_ITEM_BYTES {
                    return Err(invalid(
                        format!("{at}.pattern"),
                        format!("at most {MAX_ITEM_BYTES} bytes"),
                    ));
                }
                let validator = match &self.validator {
                    None => None,
                    Some(name) => Some(
                        Validator::parse(name)
                            .ok_or_else(|| invalid(format!("{at}.validator"), "luhn or mod97"))?,
                    ),
                };
                let recognizer = PatternRecognizer::new(kind, pattern, validator)
                    .map_err(|e| invalid(format!("{at}.pattern"), e.to_string()))?;
                Ok(Box::new(recognizer))
            }
            (None, Some(terms)) => {
                if self.validator.is_some() {
                    return Err(invalid(format!("{at}.validator"), "only for patterns"));
                }
                if terms.len() > MAX_TERMS || terms.iter().any(|t| t.len() > MAX_ITEM_BYTES) {
                    return Err(invalid(
                        format!("{at}.dictionary"),
                        format!("at most {MAX_TERMS} terms of at most {MAX_ITEM_BYTES} bytes"),
                    ));
                }
                let recognizer = DictionaryRecognizer::new(kind, terms, self.case_sensitive)
                    .map_err(|e| invalid(format!("{at}.dictionary"), e.to_string()))?;
                Ok(Box::new(recognizer))
            }
            _ => Err(invalid(at, "give exactly one of `pattern` or `dictionary`")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn document(json: serde_json::Value) -> PolicyDocument {
        serde_json::from_value(json).unwrap()
    }

    #[test]
    fn a_full_policy_compiles() {
        let policy = document(serde_json::json!({
            "entities": ["EMAIL", "EMPLOYEE_ID"],
            "recognizers": [
                { "name": "ids", "type": "EMPLOYEE_ID", "pattern": "EMP-[0-9]{6}" },
                { "name": "cards", "type": "CREDIT_CARD", "pattern": "[0-9]{16}", "validator": "luhn" },
                { "name": "vip", "type": "PERSON", "dictionary": ["Ada Lovelace"] }
            ],
            "allow_list": ["Support@Acme.example "]
        }))
        .compile(Some("t-test"), 3)
        .unwrap();
        assert_eq!(policy.version, 3);
        assert_eq!(policy.recognizers.len(), 3);
        assert_eq!(policy.entities.as_ref().map(Vec::len), Some(2));
        assert!(policy.allows("support@acme.example"));
        assert!(!policy.allows("sales@acme.example"));
    }

    #[test]
    fn errors_name_the_field_and_never_the_value() {
        let cases = [
            (serde_json::json!({ "entities": ["email"] }), "entities[0]"),
            (
                serde_json::json!({ "recognizers": [{ "name": "x", "type": "ID", "pattern": "(" }] }),
                "recognizers[0].pattern",
            ),
            (
                serde_json::json!({ "recognizers": [{ "name": "x", "type": "id", "pattern": "a" }] }),
                "recognizers[0].type",
            ),
            (
                serde_json::json!({ "recognizers": [{ "name": "x", "type": "ID", "pattern": "a", "validator": "crc" }] }),
                "recognizers[0].validator",
            ),
            (
                serde_json::json!({ "recognizers": [{ "name": "x", "type": "ID" }] }),
                "recognizers[0]",
            ),
            (
                serde_json::json!({ "recognizers": [{ "name": "x", "type": "ID", "pattern": "a", "dictionary": ["a"] }] }),
                "recognizers[0]",
            ),
            (
                serde_json::json!({ "recognizers": [{ "name": "x", "type": "ID", "dictionary": [] }] }),
                "recognizers[0].dictionary",
            ),
        ];
        for (json, field) in cases {
            let err = document(json).compile(Some("t-test"), 1).unwrap_err();
            assert_eq!(err.field, field, "{err}");
        }
        let long = "x".repeat(MAX_ITEM_BYTES + 1);
        let err = document(serde_json::json!({ "allow_list": [long] }))
            .compile(Some("t-test"), 1)
            .unwrap_err();
        assert!(!err.to_string().contains("xxxx"));
    }

    #[test]
    fn the_default_policy_tokenizes_everything_and_allows_nothing() {
        let policy = PolicyDocument::default()
            .compile(Some("t-test"), 0)
            .unwrap();
        assert!(policy.entities.is_none() && policy.recognizers.is_empty());
        assert!(!policy.allows("anything"));
    }
}
