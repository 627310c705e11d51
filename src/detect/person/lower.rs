//! Names typed in lower case, as chats and quick notes have them ("hi thomas,", "frau
//! kowalski weiß mehr", "le escribo a la sra. montoya"). The main scan jumps between
//! capitals and never sees them; this one jumps between the few lower-case words that
//! make the next word a name: a greeting before a given name that ends its clause, and a
//! title before a given name or a surname. The word must be a name some list has and no
//! ordinary word; a second listed name after it joins the span.

use std::sync::LazyLock;

use super::lexicon::{Lexicon, AMBIGUOUS, COMMON, FIRST, HARD, LAST, NAME};
use super::{EntityType, Finding};

/// Confidence of a lower-case name after a greeting or a title.
const CONFIDENCE: f32 = 0.7;

/// Greetings (followed by a given name) and titles (followed by any name), lower case,
/// each with the space after it.
const GREETINGS: &[&str] = &[
    "hi ", "hey ", "hello ", "hallo ", "moin ", "servus ", "salut ", "coucou ", "bonjour ",
    "hola ", "buenas ", "ciao ",
];
const TITLES: &[&str] = &[
    "frau ",
    "herr ",
    "mme ",
    "madame ",
    "monsieur ",
    "sra. ",
    "sra ",
    "sr. ",
    "señora ",
    "señor ",
    "mrs ",
    "mrs. ",
    "mr ",
    "mr. ",
    "ms ",
    "ms. ",
    "dr ",
    "dr. ",
];

/// One search for all cues, lower case as chats write them (a capitalised cue comes
/// with capitalised names); greetings first.
static SEARCHER: LazyLock<Option<aho_corasick::AhoCorasick>> = LazyLock::new(|| {
    aho_corasick::AhoCorasick::builder()
        .match_kind(aho_corasick::MatchKind::LeftmostLongest)
        .build(GREETINGS.iter().chain(TITLES))
        .ok()
});

/// Builds the searcher now.
pub(super) fn prepare() {
    let _ = &*SEARCHER;
}

/// Appends the lower-case names after greetings and titles in `text`.
pub(super) fn lower_case_names(text: &str, lex: &Lexicon, out: &mut Vec<Finding>) {
    let Some(searcher) = SEARCHER.as_ref() else {
        return;
    };
    if !informal(text) {
        return;
    }
    let bytes = text.as_bytes();
    for found in searcher.find_iter(bytes) {
        let at = found.start();
        // The cue word starts a word: "hi", not "chi".
        if at > 0 && (bytes[at - 1].is_ascii_alphanumeric() || bytes[at - 1] >= 0x80) {
            continue;
        }
        let greeting = found.pattern().as_usize() < GREETINGS.len();
        let Some((start, end)) = name_word(text, found.end()) else {
            continue;
        };
        let bits = lex.lookup(&text[start..end]);
        let wanted = if greeting { FIRST } else { NAME };
        if !listed_name(bits, wanted) {
            continue;
        }
        // A surname after a given name joins it: "frau anna kowalski" (not "frau kowalski
        // weiß mehr": a surname is not followed by another).
        let mut end = end;
        if bits & FIRST != 0 && bytes.get(end) == Some(&b' ') {
            if let Some((s, e)) = name_word(text, end + 1) {
                if listed_name(lex.lookup(&text[s..e]), LAST) {
                    end = e;
                }
            }
        }
        // After a greeting the name ends the clause: "hi thomas,", "hola pili!".
        let rest = text[end..].trim_start_matches(' ');
        let closes = rest.is_empty() || rest.starts_with([',', '!', '\n', ':', '.', '?', ';']);
        if greeting && !closes {
            continue;
        }
        out.push(Finding {
            kind: EntityType::Person,
            start,
            end,
            confidence: CONFIDENCE,
        });
    }
}

/// Whether some line's first letter (after a time stamp, a bracket or a bullet) is lower
/// case: text written that way is where names are too. Formal text, whose lines open
/// with capitals, is spared the search (measured: a tenth of detection's time).
fn informal(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut line = 0;
    loop {
        let head = &bytes[line..bytes.len().min(line + 24)];
        if let Some(&b) = head.iter().find(|b| b.is_ascii_alphabetic() || **b >= 0x80) {
            if b.is_ascii_lowercase() {
                return true;
            }
        }
        match memchr::memchr(b'\n', &bytes[line..]) {
            Some(k) => line += k + 1,
            None => return false,
        }
    }
}

/// A name that some list has in `role` and that is no ordinary word.
fn listed_name(bits: u32, role: u32) -> bool {
    bits & role != 0 && bits & (AMBIGUOUS | COMMON | HARD) == 0
}

/// The lower-case word of letters (and inner `-` or `'`) starting at `start`.
fn name_word(text: &str, start: usize) -> Option<(usize, usize)> {
    let rest = text.get(start..)?;
    let mut end = start;
    for (k, c) in rest.char_indices() {
        if c.is_lowercase() || (k > 0 && matches!(c, '-' | '\'')) {
            end = start + k + c.len_utf8();
        } else {
            break;
        }
    }
    let word = &text[start..end];
    let word = word.trim_end_matches(['-', '\'']);
    let letters = word.chars().count();
    (2..=20)
        .contains(&letters)
        .then_some((start, start + word.len()))
}

/// At most this many lower-case names are looked for again.
const MAX_REPEATED: usize = 8;

/// Appends the other mentions of the lower-case names found so far (`out[from..]`): in a
/// chat, "frau kowalski" makes the later "ich schreib kowalski an" a name too.
pub(super) fn repeated_lower_case_names(text: &str, from: usize, out: &mut Vec<Finding>) {
    let bytes = text.as_bytes();
    let mut words: Vec<&str> = Vec::new();
    for f in &out[from..] {
        let span = &text[f.start..f.end];
        if f.kind != EntityType::Person || span.chars().any(char::is_uppercase) {
            continue;
        }
        for word in span.split(' ').filter(|w| w.chars().count() >= 3) {
            if !words.contains(&word) && words.len() < MAX_REPEATED {
                words.push(word);
            }
        }
    }
    let known = out.len();
    for word in words {
        for at in memchr::memmem::find_iter(bytes, word.as_bytes()) {
            let end = at + word.len();
            let bounded =
                |b: Option<&u8>| b.is_none_or(|b| !b.is_ascii_alphanumeric() && *b < 0x80);
            if !bounded(at.checked_sub(1).map(|k| &bytes[k])) || !bounded(bytes.get(end)) {
                continue;
            }
            if out[..known].iter().any(|f| f.start < end && at < f.end) {
                continue;
            }
            out.push(Finding {
                kind: EntityType::Person,
                start: at,
                end,
                confidence: CONFIDENCE - 0.05,
            });
        }
    }
}
