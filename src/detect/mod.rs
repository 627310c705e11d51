//! Detection of sensitive values in text. This module owns the recognizers (one per family
//! of values), the validators they rely on (Luhn, IBAN length and mod-97, SSA rules, IP
//! parsing) and the overlap resolution that turns their candidates into one ordered,
//! non-overlapping list of findings. It does no I/O and knows nothing about tokens: callers
//! get byte ranges and decide what to do with them.
//!
//! Speed matters because every prompt passes through here. The recognizers use no regex
//! engine: they jump between cheap anchors (`@` and `:` via memchr, digits eight bytes at a
//! time), parse the few candidates by hand, and check boundaries on the chars around them,
//! so non-ASCII text costs no more than ASCII. Nothing allocates per byte. The README's
//! "Detection speed" gives the measured throughput and instructions per byte.

mod email;
mod fields;
mod iban;
mod ip;
mod numbers;
mod person;
mod phone;
mod scan;
mod secret;
mod text;
mod validators;

pub mod custom;

use std::cmp::Ordering;
use std::collections::BTreeMap;

/// The contract's entity types, and the types tenants define for their own recognizers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityType {
    Email,
    Phone,
    CreditCard,
    UsSsn,
    Iban,
    IpAddress,
    Person,
    Secret,
    /// A tenant-defined type (`EMPLOYEE_ID`). The label is interned (see
    /// [`EntityType::custom`]) so that the type stays `Copy` like the built-in ones.
    Custom(&'static str),
}

/// The longest label a tenant-defined type may have.
pub const MAX_CUSTOM_LABEL_LEN: usize = 32;

impl EntityType {
    /// The built-in types.
    pub const ALL: [EntityType; 8] = [
        EntityType::Email,
        EntityType::Phone,
        EntityType::CreditCard,
        EntityType::UsSsn,
        EntityType::Iban,
        EntityType::IpAddress,
        EntityType::Person,
        EntityType::Secret,
    ];

    /// "EMAIL", "PHONE", "CREDIT_CARD", "US_SSN", "IBAN", "IP_ADDRESS", "PERSON", "SECRET",
    /// or a tenant-defined label.
    pub fn label(self) -> &'static str {
        match self {
            EntityType::Email => "EMAIL",
            EntityType::Phone => "PHONE",
            EntityType::CreditCard => "CREDIT_CARD",
            EntityType::UsSsn => "US_SSN",
            EntityType::Iban => "IBAN",
            EntityType::IpAddress => "IP_ADDRESS",
            EntityType::Person => "PERSON",
            EntityType::Secret => "SECRET",
            EntityType::Custom(label) => label,
        }
    }

    /// Inverse of [`EntityType::label`] for the built-in types (exact, upper case); None
    /// for anything else.
    pub fn from_label(label: &str) -> Option<Self> {
        EntityType::ALL.into_iter().find(|t| t.label() == label)
    }

    /// A built-in type, or a tenant-defined one: `[A-Z][A-Z0-9_]*`, at most
    /// [`MAX_CUSTOM_LABEL_LEN`] bytes. Only tenant policy (written by admins) may call
    /// this: custom labels are interned for the life of the process, so each distinct
    /// label costs its few bytes once. With `owner` (a policy being written), that
    /// tenant may bring at most [`MAX_CUSTOM_LABELS_PER_TENANT`] new labels and the
    /// process keeps at most [`MAX_CUSTOM_LABELS`]; without (a policy stored already,
    /// whose labels passed those caps when it was written), a stored policy always loads.
    /// Labels from requests must never reach it.
    ///
    /// # Errors
    /// The label's shape, or a cap reached.
    pub fn custom(owner: Option<&str>, label: &str) -> Result<Self, LabelRefusal> {
        if let Some(builtin) = Self::from_label(label) {
            return Ok(builtin);
        }
        if !is_valid_label(label) {
            return Err(LabelRefusal::Shape);
        }
        intern(owner, label).map(EntityType::Custom)
    }
}

/// Why a tenant-defined label is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LabelRefusal {
    /// Not `[A-Z][A-Z0-9_]*` of at most 32 bytes.
    Shape,
    /// The tenant, or the process, has interned as many labels as it may.
    TooMany,
}

impl LabelRefusal {
    /// What a policy author reads.
    pub fn reason(self) -> String {
        match self {
            Self::Shape => "not a type label ([A-Z][A-Z0-9_]*, at most 32)".to_owned(),
            Self::TooMany => format!(
                "too many distinct type labels: at most {MAX_CUSTOM_LABELS_PER_TENANT} per \
                 tenant since the service started"
            ),
        }
    }
}

/// Whether `label` has the shape of a type label: `[A-Z][A-Z0-9_]*`, at most 32 bytes.
pub fn is_valid_label(label: &str) -> bool {
    let bytes = label.as_bytes();
    !bytes.is_empty()
        && bytes.len() <= MAX_CUSTOM_LABEL_LEN
        && bytes[0].is_ascii_uppercase()
        && bytes
            .iter()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || *b == b'_')
}

/// Distinct tenant-defined labels one process keeps at most: 32 bytes each, so 2 MiB.
pub const MAX_CUSTOM_LABELS: usize = 65_536;

/// New labels one tenant may bring into the process: so that one tenant's admin cannot
/// use up [`MAX_CUSTOM_LABELS`] for every tenant (that takes 64 tenants' admins).
pub const MAX_CUSTOM_LABELS_PER_TENANT: usize = 1_024;

#[derive(Default)]
struct Labels {
    interned: std::collections::HashSet<&'static str>,
    /// How many labels each tenant brought first.
    brought: std::collections::HashMap<String, usize>,
}

/// The interned copy of `label`, counted against the tenant that brings it first; refused
/// once that tenant or the process reached its cap (a policy naming a new label is then
/// refused; a restart clears the table). Hash maps, so the lock is held for one lookup
/// however many labels there are.
fn intern(owner: Option<&str>, label: &str) -> Result<&'static str, LabelRefusal> {
    static LABELS: std::sync::OnceLock<std::sync::Mutex<Labels>> = std::sync::OnceLock::new();
    let mut labels = match LABELS.get_or_init(Default::default).lock() {
        Ok(guard) => guard,
        Err(poisoned) => poisoned.into_inner(),
    };
    if let Some(existing) = labels.interned.get(label) {
        return Ok(existing);
    }
    if let Some(tenant) = owner {
        let brought = labels.brought.get(tenant).copied().unwrap_or(0);
        if labels.interned.len() >= MAX_CUSTOM_LABELS || brought >= MAX_CUSTOM_LABELS_PER_TENANT {
            return Err(LabelRefusal::TooMany);
        }
        *labels.brought.entry(tenant.to_owned()).or_insert(0) += 1;
    }
    let leaked: &'static str = Box::leak(label.to_owned().into_boxed_str());
    labels.interned.insert(leaked);
    Ok(leaked)
}

/// One sensitive value found in a text. `start..end` is a BYTE range into the text, on char
/// boundaries.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Finding {
    pub kind: EntityType,
    pub start: usize,
    pub end: usize,
    pub confidence: f32,
}

/// A byte range where values of one type cannot be: the cells of a `city` column, the
/// value of a `"site":` key hold no person, whatever their words look like.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Veto {
    pub kind: EntityType,
    pub start: usize,
    pub end: usize,
}

/// One source of findings. Implementations are pure and thread-safe.
pub trait Recognizer: Send + Sync + std::fmt::Debug {
    /// Appends every candidate it sees in `text` to `out` (overlaps allowed here).
    fn find(&self, text: &str, out: &mut Vec<Finding>);

    /// As [`Recognizer::find`], and appends to `vetoes` the spans where it knows a type
    /// cannot be; every recognizer's candidates of that type inside one are dropped. Only
    /// recognizers that read a text's structure know any.
    fn find_and_veto(&self, text: &str, out: &mut Vec<Finding>, vetoes: &mut Vec<Veto>) {
        let _ = vetoes;
        self.find(text, out);
    }
}

/// Drops the candidates that lie inside a veto of their type, however sure: measured, the
/// sure ones in place columns were places too ("Lagos, NG" read as "Last, First"), and no
/// name was won back by sparing them. The vetoes are sorted once, so each candidate costs a binary search, not a pass over all of
/// them (a long table yields a veto per cell).
fn drop_vetoed(candidates: &mut Vec<Finding>, vetoes: &mut [Veto]) {
    if vetoes.is_empty() {
        return;
    }
    vetoes.sort_unstable_by_key(|v| (v.start, v.end));
    candidates.retain(|f| {
        // Vetoes are cells and values: they do not nest, so the one starting last at or
        // before the candidate is the only one that can hold it, bar a same-start twin.
        let after = vetoes.partition_point(|v| v.start <= f.start);
        !vetoes[..after]
            .iter()
            .rev()
            .take_while(|v| v.start == vetoes[after - 1].start)
            .any(|v| v.kind == f.kind && f.end <= v.end)
    });
}

/// Findings below this confidence are dropped by [`Detector::new`].
pub const DEFAULT_THRESHOLD: f32 = 0.5;

/// The detection engine: runs all recognizers, keeps findings at or above the threshold,
/// and resolves overlaps deterministically (higher confidence wins, then the longer span,
/// then the earlier start, then the EntityType order).
#[derive(Debug)]
pub struct Detector {
    recognizers: Vec<Box<dyn Recognizer>>,
    threshold: f32,
}

impl Default for Detector {
    fn default() -> Self {
        Self::new()
    }
}

impl Detector {
    /// The built-in recognizers with the default threshold (0.5).
    pub fn new() -> Self {
        Self::with_recognizers(builtin_recognizers(), DEFAULT_THRESHOLD)
    }

    /// A detector over any set of recognizers, e.g. the built-ins plus new ones:
    /// `let mut r = builtin_recognizers(); r.push(Box::new(Mine)); Detector::with_recognizers(r, 0.5)`.
    pub fn with_recognizers(recognizers: Vec<Box<dyn Recognizer>>, threshold: f32) -> Self {
        Self {
            recognizers,
            threshold,
        }
    }

    /// The minimum confidence a finding needs to be reported.
    pub fn threshold(&self) -> f32 {
        self.threshold
    }

    /// Findings sorted by start, never overlapping; only types in `only` when it is Some.
    ///
    /// Overlaps are resolved across all types before `only` is applied, so a span that is
    /// really a card number is never reported as a phone number just because only phones
    /// were asked for.
    pub fn find(&self, text: &str, only: Option<&[EntityType]>) -> Vec<Finding> {
        self.find_with(text, only, &[])
    }

    /// As [`Detector::find`], with `extra` recognizers (a tenant's own) taking part in the
    /// same overlap resolution.
    pub fn find_with(
        &self,
        text: &str,
        only: Option<&[EntityType]>,
        extra: &[Box<dyn Recognizer>],
    ) -> Vec<Finding> {
        let mut candidates = Vec::new();
        let mut vetoes = Vec::new();
        for recognizer in self.recognizers.iter().chain(extra) {
            recognizer.find_and_veto(text, &mut candidates, &mut vetoes);
        }
        drop_vetoed(&mut candidates, &mut vetoes);
        // Recognizers may come from elsewhere in the crate; a bad range must not reach a
        // caller that slices the text with it.
        candidates.retain(|f| {
            f.start < f.end
                && f.confidence >= self.threshold
                && f.end <= text.len()
                && text.is_char_boundary(f.start)
                && text.is_char_boundary(f.end)
        });
        let mut kept = resolve_overlaps(candidates);
        if let Some(only) = only {
            kept.retain(|f| only.contains(&f.kind));
        }
        kept
    }
}

/// Trains the PERSON recognizer's name-likeness model (`data/names/name-likeness.bin`) from
/// the name and word lists compiled into the binary; `unseen` are names from elsewhere to
/// report recall on (those no list has are kept). Returns the weights file and a report.
/// Used by `examples/train_name_likeness.rs`.
#[doc(hidden)]
pub fn train_name_likeness(unseen: &[String]) -> (Vec<u8>, String) {
    let unseen: Vec<String> = unseen
        .iter()
        .filter(|w| !person::is_listed(w))
        .cloned()
        .collect();
    person::train_likeness(&unseen)
}

/// The recognizers [`Detector::new`] runs, for callers that want to add their own.
pub fn builtin_recognizers() -> Vec<Box<dyn Recognizer>> {
    // The tables behind the recognizers are built here, once per process, rather than
    // inside the first request that needs them.
    person::prepare();
    fields::prepare();
    secret::prepare();
    vec![
        Box::new(email::EmailRecognizer),
        Box::new(numbers::CardSsnRecognizer),
        Box::new(iban::IbanRecognizer),
        Box::new(ip::IpRecognizer),
        Box::new(phone::PhoneRecognizer),
        Box::new(secret::SecretRecognizer),
        Box::new(person::PersonRecognizer::new()),
        Box::new(fields::FieldRecognizer),
    ]
}

/// Priority order: higher confidence, longer span, earlier start, smaller EntityType.
fn priority(a: &Finding, b: &Finding) -> Ordering {
    b.confidence
        .total_cmp(&a.confidence)
        .then_with(|| (b.end - b.start).cmp(&(a.end - a.start)))
        .then_with(|| a.start.cmp(&b.start))
        .then_with(|| a.kind.cmp(&b.kind))
        .then_with(|| a.end.cmp(&b.end))
}

/// Greedy selection in priority order; the accepted spans are disjoint, so the only one
/// that can overlap a new span is the accepted span with the greatest start before its end.
fn resolve_overlaps(mut candidates: Vec<Finding>) -> Vec<Finding> {
    candidates.sort_by(priority);
    let mut accepted: BTreeMap<usize, Finding> = BTreeMap::new();
    for f in candidates {
        let overlaps = accepted
            .range(..f.end)
            .next_back()
            .is_some_and(|(_, prev)| prev.end > f.start);
        if !overlaps {
            accepted.insert(f.start, f);
        }
    }
    accepted.into_values().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(kind: EntityType, start: usize, end: usize, confidence: f32) -> Finding {
        Finding {
            kind,
            start,
            end,
            confidence,
        }
    }

    fn spans(text: &str) -> Vec<(&'static str, &str)> {
        Detector::new()
            .find(text, None)
            .into_iter()
            .map(|x| (x.kind.label(), &text[x.start..x.end]))
            .collect()
    }

    #[test]
    fn labels_round_trip_for_every_type() {
        for t in EntityType::ALL {
            assert_eq!(EntityType::from_label(t.label()), Some(t));
        }
        assert_eq!(EntityType::CreditCard.label(), "CREDIT_CARD");
        assert_eq!(EntityType::from_label("email"), None);
        assert_eq!(EntityType::from_label("NAME"), None);
    }

    #[test]
    fn overlap_resolution_prefers_confidence_then_length_then_start_then_type() {
        let won = resolve_overlaps(vec![
            f(EntityType::Phone, 0, 10, 0.7),
            f(EntityType::CreditCard, 2, 12, 0.9),
        ]);
        assert_eq!(won, vec![f(EntityType::CreditCard, 2, 12, 0.9)]);

        let won = resolve_overlaps(vec![
            f(EntityType::Phone, 0, 5, 0.8),
            f(EntityType::Phone, 3, 12, 0.8),
        ]);
        assert_eq!(won, vec![f(EntityType::Phone, 3, 12, 0.8)]);

        let won = resolve_overlaps(vec![
            f(EntityType::Phone, 4, 9, 0.8),
            f(EntityType::Phone, 0, 5, 0.8),
        ]);
        assert_eq!(won, vec![f(EntityType::Phone, 0, 5, 0.8)]);

        let won = resolve_overlaps(vec![
            f(EntityType::IpAddress, 0, 5, 0.8),
            f(EntityType::Email, 0, 5, 0.8),
        ]);
        assert_eq!(won, vec![f(EntityType::Email, 0, 5, 0.8)]);
    }

    #[test]
    fn overlap_resolution_does_not_depend_on_input_order() {
        let mut input = vec![
            f(EntityType::Phone, 0, 10, 0.7),
            f(EntityType::CreditCard, 2, 12, 0.9),
            f(EntityType::Email, 11, 20, 0.95),
            f(EntityType::IpAddress, 20, 30, 0.9),
            f(EntityType::Phone, 25, 35, 0.9),
            f(EntityType::Iban, 40, 50, 0.6),
        ];
        let expected = resolve_overlaps(input.clone());
        for _ in 0..input.len() {
            input.rotate_left(1);
            assert_eq!(resolve_overlaps(input.clone()), expected);
            input.reverse();
            assert_eq!(resolve_overlaps(input.clone()), expected);
        }
        assert!(expected.windows(2).all(|w| w[0].end <= w[1].start));
    }

    #[test]
    fn a_card_number_is_not_also_a_phone_number() {
        let text = "Card 4111 1111 1111 1111 and 4111-1111-1111-1111, call 415-555-0132.";
        assert_eq!(
            spans(text),
            vec![
                ("CREDIT_CARD", "4111 1111 1111 1111"),
                ("CREDIT_CARD", "4111-1111-1111-1111"),
                ("PHONE", "415-555-0132"),
            ]
        );
    }

    #[test]
    fn an_iban_is_not_also_a_phone_or_card() {
        let text = "IBAN FR76 3000 6000 0112 3456 7890 189 please";
        assert_eq!(
            spans(text),
            vec![("IBAN", "FR76 3000 6000 0112 3456 7890 189")]
        );
    }

    #[test]
    fn only_filters_types_after_resolution() {
        let d = Detector::new();
        let text = "mail a.b@example.com or call +49 30 12345678, card 4111111111111111";
        let all = d.find(text, None);
        assert_eq!(all.len(), 3);
        let phones = d.find(text, Some(&[EntityType::Phone]));
        assert_eq!(phones.len(), 1);
        assert_eq!(&text[phones[0].start..phones[0].end], "+49 30 12345678");
        assert!(d.find(text, Some(&[])).is_empty());
    }

    #[test]
    fn findings_are_sorted_by_start_and_never_overlap() {
        let text =
            "x@y.de 10.0.0.1 4111111111111111 123-45-6789 DE89370400440532013000 +1 415 555 0132";
        let found = Detector::new().find(text, None);
        assert_eq!(found.len(), 6);
        assert!(found.windows(2).all(|w| w[0].end <= w[1].start));
    }

    #[test]
    fn a_mapped_ipv6_address_is_one_finding() {
        assert_eq!(
            spans("via ::ffff:192.0.2.128."),
            vec![("IP_ADDRESS", "::ffff:192.0.2.128")]
        );
    }

    #[test]
    fn random_text_never_panics_and_yields_valid_spans() {
        const PIECES: &[&str] = &[
            "0",
            "1",
            "4",
            "9",
            "00",
            "44",
            "415",
            "4111",
            "2024",
            " ",
            "  ",
            "-",
            ".",
            ":",
            "::",
            "/",
            "+",
            "(",
            ")",
            "(0)",
            "@",
            "a",
            "x",
            "DE",
            "FR89",
            "ext.",
            "é",
            "€",
            "🎉",
            "\n",
            "ß",
            "_",
            ",",
            "[",
            "]",
            "%",
            "mail",
            ".com",
            "Tel: ",
            "SSN ",
            "ü@ö.de",
            // Capitals of every width, initials, names, labels, separators and keywords
            // the name, table and phrase rules look around (a two-byte initial once
            // panicked: `É. Dupont`).
            "É",
            "Ö",
            "Ł",
            "İ",
            "Σ",
            "ǅ",
            "ﬁ",
            "成",
            ". ",
            ", ",
            "; ",
            "Anna",
            "Müller",
            "Dr. ",
            "v ",
            "Name;Vorname\n",
            "| City |",
            "password ",
            " is ",
            "wifi",
            ": ",
            "'",
        ];
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let d = Detector::new();
        for _ in 0..6000 {
            let len = next() % 40;
            let text: String = (0..len)
                .map(|_| PIECES[(next() % PIECES.len() as u64) as usize])
                .collect();
            let found = d.find(&text, None);
            for w in found.windows(2) {
                assert!(w[0].end <= w[1].start, "{text:?}");
            }
            for x in found {
                assert!(x.start < x.end && x.end <= text.len(), "{text:?}");
                assert!(
                    text.is_char_boundary(x.start) && text.is_char_boundary(x.end),
                    "{text:?}"
                );
                assert!((0.5..=1.0).contains(&x.confidence), "{text:?}");
            }
        }
    }

    #[test]
    fn a_veto_drops_only_candidates_of_its_type_inside_it() {
        let veto = |start, end| Veto {
            kind: EntityType::Person,
            start,
            end,
        };
        let mut vetoes = vec![veto(40, 50), veto(0, 10), veto(20, 30), veto(20, 25)];
        let mut candidates = vec![
            f(EntityType::Person, 2, 8, 0.9),   // inside the first
            f(EntityType::Person, 8, 12, 0.9),  // crosses its end
            f(EntityType::Phone, 21, 29, 0.9),  // another type
            f(EntityType::Person, 21, 29, 0.6), // inside the wider of two at 20
            f(EntityType::Person, 30, 40, 0.6), // between
            f(EntityType::Person, 40, 50, 0.6), // the whole last one
        ];
        drop_vetoed(&mut candidates, &mut vetoes);
        let kept: Vec<(usize, usize)> = candidates.iter().map(|c| (c.start, c.end)).collect();
        assert_eq!(kept, vec![(8, 12), (21, 29), (30, 40)]);
        assert_eq!(candidates[1].kind, EntityType::Phone);
    }

    #[derive(Debug)]
    struct Broken;

    impl Recognizer for Broken {
        fn find(&self, text: &str, out: &mut Vec<Finding>) {
            out.push(f(EntityType::Secret, 0, text.len() + 5, 1.0));
            out.push(f(EntityType::Secret, 1, 2, 1.0));
            out.push(f(EntityType::Secret, 3, 3, 1.0));
            out.push(f(EntityType::Person, 0, 1, 0.2));
        }
    }

    #[test]
    fn the_engine_drops_out_of_range_and_low_confidence_findings() {
        let d = Detector::with_recognizers(vec![Box::new(Broken)], 0.5);
        assert!(d.find("éa b", None).is_empty());
        assert_eq!(d.threshold(), 0.5);
    }

    #[test]
    fn extra_recognizers_can_be_added_to_the_built_ins() {
        #[derive(Debug)]
        struct Everything;
        impl Recognizer for Everything {
            fn find(&self, text: &str, out: &mut Vec<Finding>) {
                out.push(f(EntityType::Person, 0, text.len(), 0.6));
            }
        }
        let mut recognizers = builtin_recognizers();
        recognizers.push(Box::new(Everything));
        let d = Detector::with_recognizers(recognizers, DEFAULT_THRESHOLD);
        let found = d.find("Jane x@y.de", None);
        assert_eq!(
            found.len(),
            1,
            "the e-mail is more certain than the whole-text span"
        );
        assert_eq!(found[0].kind, EntityType::Email);
    }

    #[test]
    fn non_ascii_text_gives_byte_spans_on_char_boundaries() {
        let text = "Grüße aus Köln 🎉! Schreiben Sie an jürgen.müller@bücher.de oder rufen Sie \
                    an: ☎ +49 221 1234567 — IBAN DE89 3704 0044 0532 0130 00, Karte \
                    4111 1111 1111 1111, Adresse 192.168.1.20 (réseau), SSN 123-45-6789 ✓";
        let found = spans(text);
        assert_eq!(
            found,
            vec![
                ("EMAIL", "jürgen.müller@bücher.de"),
                ("PHONE", "+49 221 1234567"),
                ("IBAN", "DE89 3704 0044 0532 0130 00"),
                ("CREDIT_CARD", "4111 1111 1111 1111"),
                ("IP_ADDRESS", "192.168.1.20"),
                ("US_SSN", "123-45-6789"),
            ]
        );
        for x in Detector::new().find(text, None) {
            assert!(text.is_char_boundary(x.start) && text.is_char_boundary(x.end));
        }
    }

    #[test]
    fn hard_negatives_are_never_detected() {
        let negatives = [
            "Reference 4111111111111112 is not a card (Luhn fails).",
            "Order 1234567812345678 shipped.",
            "request id 550e8400-e29b-41d4-a716-446655440000 failed",
            "fixed in commit a94a8fe5ccb19ba61c4c0873d391e987982fbbd3 yesterday",
            "git 3f2c1a9 and 9fceb02d0ae598e95dc970b74767f19372d61af8",
            "sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "upgrade from 1.2.3 to v10.4.12 and 2.0.0-rc.1",
            "on 2024-05-17 at 12:30:45 UTC, or 17.05.2024 / 05/17/2024",
            "2024-05-17T12:30:45.123Z took 12:30 minutes",
            "total $1,234.56 or 1.234,56 € or 1 234,56 € or £12,345.00",
            "tickets INV-993352, ORD-2024-001234 and 2024-001234",
            "SKU 4006381333931, EAN 4006381333931",
            "replace [EMAIL_k3j9x2m4q7zpa] and [PHONE_a1b2c3d4e5f6g] with the originals",
            "ids can be all digits: [PHONE_0151234567890] [CREDIT_CARD_4111111111111]",
            "[IBAN_de89370400440] [IP_ADDRESS_1921681000000] [US_SSN_123456789000]",
            "room 101, floor 3, 250 people, 8080 port, 65535 max",
            "std::vector<int> and Foo::bar() and a::b",
            "mac 00:1a:2b:3c:4d:5e and ratio 16:9 and 10:30-11:45",
            "OID 1.3.6.1.4.1.311 and version 1.2.3.4.5",
            "build 20240517123045 and epoch 1715949045 and ms 1715949045123",
            "call me maybe, phone later, 12345678 units",
        ];
        let d = Detector::new();
        for text in negatives {
            let found: Vec<_> = d
                .find(text, None)
                .into_iter()
                .map(|x| (x.kind.label(), &text[x.start..x.end]))
                .collect();
            assert!(found.is_empty(), "{text:?} -> {found:?}");
        }
    }
}
