//! Names of people (PERSON) in English, German, French and Spanish prompts, found without a
//! model: runs of capitalised words are read against name lists (first names, surnames)
//! and word lists (ordinary words, places, organisations), then weighed with the words
//! around them (titles, field labels, greetings, sign-offs, verbs of speech).
//!
//! The rules, in order of weight:
//! - a listed first name followed by a listed surname is a name on its own ("Anna Schmidt");
//! - after a title, a field label, a greeting or a sign-off, or before an address in
//!   brackets, one or more capitalised words are a name even when no list has them
//!   ("Dr. Okonkwo", "Kunde: Zyprian Wendt", "Hi Anna,", "Cordialement,⏎Élodie");
//! - a lone listed name needs such a cue, or a weaker one (a verb of speech, "with", a
//!   relation: "said Maria", "mit Jonas", "my colleague Tom"), or an earlier sure mention
//!   of the same name in the prompt;
//! - ordinary words never start or end a name: sentence openers ("Please", "Die"), German
//!   nouns ("Rechnung", "Kunde"), weekdays, months, brands; a run holding an organisation
//!   word ("GmbH", "Analytics") is a company; a place alone is not a name.
//!
//! Titles stay outside the span; particles (`van der`, `de la`, `von`) and hyphenated or
//! apostrophe names (`Jean-Pierre`, `O'Brien`) stay inside. A word glued to `@`, `.`, `_`,
//! `/` or digits is part of an address or identifier, never a name.
//!
//! Speed: capitals are found eight bytes at a time; a word is read and looked up once in
//! one table (see [`lexicon`]); most capitalised words (sentence openers, field labels)
//! stop there, and only runs that may be names look at their neighbours. Nothing
//! allocates unless a prompt has names or name-like words.

mod chat;
mod context;
mod field;
mod lexicon;
mod likeness;
mod lower;
mod scan;
mod script;
mod syllables;
mod vetoes;
mod words;

// The recognizer's own files share one namespace: each takes the others' items through
// `use super::*`.
use scan::*;
use syllables::*;
use vetoes::*;
use words::*;

pub(crate) use self::field::{name_in_field, NameEvidence};

/// Builds the recognizer's tables (lexicon, name-likeness model, places, brands) now.
pub(crate) fn prepare() {
    let _ = (
        &*LEXICON,
        &*likeness::LIKENESS,
        &*lexicon::NAME_PLACES,
        &*BRANDS,
    );
    lower::prepare();
}

/// Trains the name-likeness model on the lists compiled into the binary. Returns the
/// weights file trained on every entry, and a report: accuracy on a tenth of the lists
/// held out from a second training run, and recall on `unseen` names (names from other
/// sources that no list has).
pub(crate) fn train_likeness(unseen: &[String]) -> (Vec<u8>, String) {
    use std::fmt::Write as _;
    let (names, words) = lexicon::likeness_lists();
    let held_out = |w: &String| {
        w.bytes().fold(0x811c_9dc5u32, |h, b| {
            (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
        }) % 10
            == 0
    };
    let split = |list: &[String]| -> (Vec<String>, Vec<String>) {
        list.iter().cloned().partition(|w| !held_out(w))
    };
    let (names_fit, names_test) = split(&names);
    let (words_fit, words_test) = split(&words);
    let mut report = String::new();
    let _ = writeln!(
        report,
        "training lists: {} names, {} words; a tenth of each held out",
        names.len(),
        words.len()
    );
    if let Some(model) = likeness::load(&likeness::train(&names_fit, &words_fit)) {
        let rate = |list: &[String], threshold: f32| {
            let judged: Vec<f32> = list.iter().filter_map(|w| model.probability(w)).collect();
            judged.iter().filter(|p| **p >= threshold).count() as f32 / judged.len().max(1) as f32
        };
        for threshold in [0.5, 0.7, 0.85] {
            let _ = writeln!(
                report,
                "threshold {threshold}: held-out names {:.3} recognised, held-out words {:.3} taken for names, unseen names {:.3} recognised",
                rate(&names_test, threshold),
                rate(&words_test, threshold),
                rate(unseen, threshold),
            );
        }
    }
    (likeness::train(&names, &words), report)
}

/// Whether `word` is in a name list or a word list (for reports on unseen names).
pub(crate) fn is_listed(word: &str) -> bool {
    lexicon::LEXICON.lookup(word) & (lexicon::NAME | lexicon::COMMON) != 0
}

use self::context::{list_continues, Around, Cue};
use self::lexicon::{
    Lexicon, AMBIGUOUS, COMMON, EPONYM, FIRST, GREET, GREET_HEAD, GREET_TAIL, HARD, LABEL, LAST,
    LEXICON, NAME, NEG_BEFORE, ORG, PARTICLE, PLACE, SOFT, TITLE,
};
use super::text::{char_at, char_before};
use super::{EntityType, Finding, Recognizer};

/// Lower-case name particles between the parts of a name ("Ludwig van Beethoven", "Juan
/// de la Cruz"); `context-words.txt` lists them too, for the capitalised forms.
const PARTICLES: &[&[u8]] = &[
    b"van", b"von", b"der", b"den", b"de", b"del", b"della", b"di", b"da", b"du", b"des", b"dos",
    b"das", b"do", b"la", b"le", b"ter", b"ten", b"zu", b"vom", b"zur", b"bin", b"binti", b"bint",
    b"ibn", b"ben", b"bat", b"af", b"av", b"al", b"el", b"ap",
];

/// Not a lexicon role: a word no list has whose letters look like a name's (see
/// [`likeness`]). It counts as a name that is also something else (strength 1).
const LIKELY: u32 = 1 << 28;
/// The likeness above which an unknown word counts as [`LIKELY`].
const LIKELY_THRESHOLD: f32 = 0.8;

/// Most capitalised words (and particles) read as one run.
const MAX_RUN: usize = 10;
/// Runs with more name words than this are headings or titles, not a person.
const MAX_NAME_WORDS: usize = 4;
/// Confidence of a name that repeats a surer mention in the same prompt.
const REPEAT_CONFIDENCE: f32 = 0.7;
/// Accepted names at or above this confidence make later bare mentions names too.
const SURE: f32 = 0.6;

/// Finds people's names: see the module documentation for the rules.
#[derive(Debug, Clone, Copy)]
pub(crate) struct PersonRecognizer {
    lexicon: &'static Lexicon,
}

impl PersonRecognizer {
    /// The recognizer; the first call builds the shared name tables (a few milliseconds).
    pub(crate) fn new() -> Self {
        Self { lexicon: &LEXICON }
    }
}

impl Default for PersonRecognizer {
    fn default() -> Self {
        Self::new()
    }
}

impl Recognizer for PersonRecognizer {
    fn find(&self, text: &str, out: &mut Vec<Finding>) {
        let first_own = out.len();
        let mut scan = Scan {
            text,
            lex: self.lexicon,
            around: Around {
                text,
                lex: self.lexicon,
            },
            sure_words: Vec::new(),
            pending: Vec::new(),
            last: None,
        };
        script::foreign_script_names(text, out);
        lower::lower_case_names(text, self.lexicon, out);
        // Chat speakers first: their names are sure, and make later mentions names too.
        chat::speakers(text, |start, end, confidence| {
            out.push(Finding {
                kind: EntityType::Person,
                start,
                end,
                confidence,
            });
            let mut word_start = start;
            for (k, c) in text[start..end].char_indices() {
                if c == ' ' || c == ',' {
                    if start + k > word_start {
                        scan.sure_words.push((word_start, start + k));
                    }
                    word_start = start + k + 1;
                }
            }
            if end > word_start {
                scan.sure_words.push((word_start, end));
            }
        });
        let mut pos = 0;
        while let Some(start) = next_capital(text, pos) {
            pos = scan.run(start, out).max(start + 1);
            // `start + 1` may fall inside a multi-byte capital: step to the next char.
            while !text.is_char_boundary(pos) {
                pos += 1;
            }
        }
        scan.resolve_pending(out);
        lower::repeated_lower_case_names(text, first_own, out);
        join_last_first(text, self.lexicon, &mut out[first_own..]);
    }
}

/// "Patient: Boateng, Kofi", "Kunde: Vokuhl, Gino", "Evmeneva, Indira: +49 …": a surname,
/// a comma and a given name filling a field or a line are one name. The given name must
/// have been found; the surname may have been found too, or be a capitalised word no
/// list calls ordinary.
fn join_last_first(text: &str, lex: &Lexicon, found: &mut [Finding]) {
    let bytes = text.as_bytes();
    for k in 0..found.len() {
        let given = found[k];
        if given.kind != EntityType::Person || given.start < 3 {
            continue;
        }
        // The given name ends the field: a line end, a colon, a bracket or a delimiter.
        let after = text[given.end..].trim_start_matches(' ').chars().next();
        if !matches!(
            after,
            None | Some('\n' | '\r' | ':' | '(' | '<' | ';' | '|')
        ) {
            continue;
        }
        if bytes.get(given.start - 2..given.start) != Some(b", ") {
            continue;
        }
        let comma = given.start - 2;
        let surname_start = text[..comma]
            .rfind(|c: char| !(c.is_alphabetic() || c == '-' || c == '\''))
            .map_or(0, |i| {
                i + text[i..].chars().next().map_or(1, char::len_utf8)
            });
        let surname = &text[surname_start..comma];
        if surname.is_empty() || !surname.starts_with(char::is_uppercase) || surname.contains(' ') {
            continue;
        }
        // "Teilnehmer: Dieter, Fatma Aydin" lists two people: the given name is one word,
        // and a word only known as a given name does not stand in for a surname.
        if text[given.start..given.end].contains(' ') {
            continue;
        }
        // The surname opens the field: a line start or a label's colon before it.
        let before = text[..surname_start].trim_end_matches(' ');
        if !(before.is_empty() || before.ends_with(['\n', ':', '|', '\t', ';'])) {
            continue;
        }
        let bits = lex.lookup(surname);
        let ordinary = bits & (HARD | TITLE | LABEL | GREET | GREET_HEAD | GREET_TAIL) != 0
            || bits & COMMON != 0 && bits & NAME == 0
            || bits & NAME == FIRST;
        let surname_found = found
            .iter()
            .any(|f| f.kind == EntityType::Person && f.start == surname_start && f.end == comma);
        if ordinary && !surname_found {
            continue;
        }
        for f in found.iter_mut() {
            if f.kind == EntityType::Person && f.start == surname_start && f.end == comma {
                // The surname's own finding is covered by the joined one.
                f.confidence = 0.0;
            }
        }
        found[k] = Finding {
            start: surname_start,
            ..given
        };
    }
}

#[cfg(test)]
mod tests;
