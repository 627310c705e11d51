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
mod script;

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

/// Whether `word` is two Hanyu Pinyin syllables written as one word ("Xiaoming",
/// "Haoran", "Zihan"), the usual shape of a Chinese given name.
fn pinyin_given_name(word: &str) -> bool {
    let mut buf = [0u8; 12];
    let Some(lower) = ascii_lower(word, &mut buf) else {
        return false;
    };
    lower.len() >= 5
        && (2..lower.len() - 1)
            .any(|k| pinyin_syllable(&lower[..k]) && pinyin_syllable(&lower[k..]))
}

/// `word` in ASCII lower case in `buf`, if it is ASCII and fits.
fn ascii_lower<'b>(word: &str, buf: &'b mut [u8; 12]) -> Option<&'b str> {
    let bytes = word.as_bytes();
    if !word.is_ascii() || bytes.len() > buf.len() {
        return None;
    }
    let out = &mut buf[..bytes.len()];
    out.copy_from_slice(bytes);
    out.make_ascii_lowercase();
    std::str::from_utf8(out).ok()
}

/// Whether `s` is one piece of each list in turn, in order (`""` in a list makes that
/// piece optional): the syllable rules of romanised names.
fn composed(s: &str, pieces: &[&[&str]]) -> bool {
    match pieces.split_first() {
        None => s.is_empty(),
        Some((first, rest)) => first
            .iter()
            .any(|p| s.strip_prefix(p).is_some_and(|tail| composed(tail, rest))),
    }
}

/// One Hanyu Pinyin syllable in lower case, without tone marks: an initial and a final,
/// or a final alone when it starts with `a`, `o` or `e`.
fn pinyin_syllable(syllable: &str) -> bool {
    const INITIALS: &[&str] = &[
        "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x", "zh", "ch", "sh",
        "r", "z", "c", "s", "y", "w",
    ];
    const FINALS: &[&str] = &[
        "a", "o", "e", "ai", "ei", "ao", "ou", "an", "en", "ang", "eng", "ong", "i", "ia", "ie",
        "iao", "iu", "ian", "in", "iang", "ing", "iong", "u", "ua", "uo", "uai", "ui", "uan", "un",
        "uang", "ue", "v",
    ];
    (syllable.starts_with(['a', 'o', 'e']) && FINALS.contains(&syllable))
        || composed(syllable, &[INITIALS, FINALS])
}

/// Whether `word` is a romanised Korean given name: two syllables joined by a hyphen, the
/// second in lower case ("Ji-hoon", "Seo-yeon", "Min-jun", "Young-ho"). Korean syllables
/// are an initial consonant, a vowel and an optional final; English words in the same
/// shape ("To-do", "Set-up") are rarer than the names and listed.
fn korean_given_name(word: &str) -> bool {
    const NOT_NAMES: &[&str] = &[
        "to-do", "no-go", "set-up", "pop-up", "re-run", "re-do", "co-op", "so-so", "ha-ha",
        "go-go", "yo-yo", "bye-bye", "pen-pal", "hot-pot",
    ];
    let mut buf = [0u8; 12];
    let Some(lower) = ascii_lower(word, &mut buf) else {
        return false;
    };
    let Some((head, tail)) = lower.split_once('-') else {
        return false;
    };
    korean_syllable(head) && korean_syllable(tail) && !NOT_NAMES.contains(&lower)
}

/// One romanised Korean syllable in lower case (Revised Romanization, plus the spellings
/// names keep: "hoon", "soo", "hee", "young").
fn korean_syllable(syllable: &str) -> bool {
    const INITIALS: &[&str] = &[
        "", "g", "k", "kk", "n", "d", "t", "tt", "r", "l", "m", "b", "p", "pp", "s", "ss", "sh",
        "j", "jj", "ch", "h", "y", "w",
    ];
    const VOWELS: &[&str] = &[
        "a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo",
        "we", "wi", "yu", "eu", "ui", "i", "oo", "ee", "ou",
    ];
    const FINALS: &[&str] = &["", "k", "n", "l", "m", "p", "ng", "t"];
    composed(syllable, &[INITIALS, VOWELS, FINALS])
}

/// [`LIKELY`] with both name roles for an unknown word that looks like a name, else 0.
fn likely(word: &str) -> u32 {
    let p = likeness::LIKENESS
        .as_ref()
        .and_then(|m| m.probability(word))
        .unwrap_or(0.0);
    if p < LIKELY_THRESHOLD {
        // "Xiaoming", "Haoran": a Chinese given name of two syllables no list has.
        return if pinyin_given_name(word) {
            LIKELY | FIRST | LAST
        } else {
            0
        };
    }
    // German compounds of ordinary words can have a name's letters ("Reisekosten"); the
    // split costs a dozen look-ups, so only words that passed are split.
    if compound(word) {
        COMMON
    } else {
        LIKELY | FIRST | LAST
    }
}

/// A German compound of two ordinary words, with or without a linking `s`, or of a stem
/// and a long ordinary word: "Reisekosten", "Lizenzverlängerung", "Vorgangsnummer".
fn compound(word: &str) -> bool {
    const MIN: usize = 3;
    let lex = &*LEXICON;
    let count = word.chars().count();
    if !(2 * MIN + 1..=40).contains(&count) {
        return false;
    }
    let ordinary = |w: &str| {
        let bits = lex.lookup(w);
        bits & (COMMON | HARD) != 0 && bits & NAME == 0
    };
    let cuts = word.char_indices().map(|(i, _)| i).enumerate();
    cuts.skip(MIN).take(count + 1 - 2 * MIN).any(|(k, at)| {
        let (head, tail) = word.split_at(at);
        let head_ok = ordinary(head) || head.strip_suffix('s').is_some_and(&ordinary);
        // A long ordinary tail after a head no name list has: "Reise|kosten".
        let long_tail = count - k >= 6 && k >= 4 && lex.lookup(head) & NAME == 0;
        // The tail may be a surname as well ("Kosten"): as the end of a compound it is
        // the noun.
        (head_ok || long_tail) && lex.lookup(tail) & (COMMON | HARD) != 0
    })
}

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

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// A capitalised word.
    Word,
    /// A particle (`van`, `de`, or a capitalised `De` opening a surname).
    Particle,
    /// A middle initial (`F.`).
    Initial,
}

#[derive(Debug, Clone, Copy)]
struct Token {
    start: usize,
    end: usize,
    bits: u32,
    kind: Kind,
}

const NO_TOKEN: Token = Token {
    start: 0,
    end: 0,
    bits: 0,
    kind: Kind::Word,
};

/// How a capitalised word reads on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// A listed name; `strong` unless it is also an ordinary word or a place.
    Name { strong: bool },
    /// In no list: may be a rare name.
    Unknown,
    /// An ordinary word, a place: ends a name.
    Common,
    /// Never in a name: function words, titles, greetings, labels, brands.
    Hard,
    /// An organisation word: the run is a company.
    Org,
}

fn class(bits: u32) -> Class {
    if bits & LIKELY != 0 {
        Class::Name { strong: false }
    } else if bits & ORG != 0 {
        Class::Org
    } else if bits & (HARD | TITLE | GREET | GREET_HEAD | GREET_TAIL | LABEL | NEG_BEFORE) != 0 {
        Class::Hard
    } else if bits & NAME != 0 {
        Class::Name {
            strong: bits & AMBIGUOUS == 0,
        }
    } else if bits & (COMMON | PLACE | SOFT) != 0 || bits != 0 {
        Class::Common
    } else {
        Class::Unknown
    }
}

/// 2 for a clear name, 1 for a name that is also an ordinary word, 0 otherwise.
fn strength(bits: u32) -> u8 {
    match class(bits) {
        Class::Name { strong: true } => 2,
        Class::Name { strong: false } => 1,
        _ => 0,
    }
}

/// A name read with too little evidence, kept in case the prompt names it surely elsewhere.
#[derive(Debug, Clone, Copy)]
struct Pending {
    start: usize,
    end: usize,
    words: [(usize, usize); 3],
    count: usize,
}

#[derive(Debug)]
struct Scan<'t> {
    text: &'t str,
    lex: &'static Lexicon,
    around: Around<'t>,
    /// The words of names accepted with confidence ≥ [`SURE`].
    sure_words: Vec<(usize, usize)>,
    pending: Vec<Pending>,
    /// End and cue of the last accepted name, for lists (`Anna, Tom and Lisa`).
    last: Option<(usize, Cue)>,
}

impl Scan<'_> {
    /// Reads the run of capitalised words starting at `start`, scores its parts, and
    /// returns where scanning goes on.
    fn run(&mut self, start: usize, out: &mut Vec<Finding>) -> usize {
        let text = self.text;
        let bytes = text.as_bytes();
        let (mut end, mut shape) = read_word(text, start);
        // Not a name, or a field label ("Patient:", "Date:"): nothing to look up. A month
        // in a log's time stamp ("Sep  4 03:56:27", "Jan 12 10:00") neither.
        if shape == Shape::NotName || bytes.get(end) == Some(&b':') || timestamp_after(bytes, end) {
            return end;
        }
        let mut bits = 0;
        if shape == Shape::Caps {
            bits = self.caps_bits(start, end);
            if bits == 0 {
                return end;
            }
            shape = Shape::Name;
        } else if shape == Shape::Name {
            bits = self.word_bits(start, end);
            // Most capitalised words open a sentence and stand alone ("The", "Bitte",
            // "Die"): an ordinary word not followed by another capitalised word is done.
            let continues = bytes.get(end) == Some(&b' ')
                && (capital_at(text, end + 1) || self.particle_at(end + 1).is_some());
            // After a title an ordinary word is a surname: "Herr Önder", "Mrs Baker".
            let titled = !continues
                && class(bits) == Class::Common
                && bits & (TITLE | LABEL | GREET | GREET_TAIL | EPONYM) == 0
                && self.around.titled(start);
            if titled {
                bits = LAST | SOFT;
            } else if !continues && matches!(class(bits), Class::Hard | Class::Common | Class::Org)
            {
                // A first name that is also a function word alone under a sign-off:
                // "Beste Grüße⏎Pero" (Spanish "pero").
                let signed = bits & FIRST != 0
                    && class(bits) == Class::Hard
                    && bits & (TITLE | GREET | GREET_TAIL | LABEL | NEG_BEFORE) == 0
                    && self.around.signed(start, end);
                if !signed {
                    return end;
                }
                bits = FIRST | SOFT;
            }
        }
        let mut tokens = [NO_TOKEN; MAX_RUN];
        let mut n = 0;
        let mut pos = start;
        let resume;
        loop {
            tokens[n] = Token {
                start: pos,
                end,
                bits,
                kind: if shape == Shape::Initial {
                    Kind::Initial
                } else {
                    Kind::Word
                },
            };
            n += 1;
            if n == MAX_RUN || bytes.get(end) != Some(&b' ') {
                resume = end;
                break;
            }
            let mut next = end + 1;
            let before_particles = n;
            while n < MAX_RUN {
                let Some(particle_end) = self.particle_at(next) else {
                    break;
                };
                tokens[n] = Token {
                    start: next,
                    end: particle_end,
                    bits: PARTICLE,
                    kind: Kind::Particle,
                };
                n += 1;
                next = particle_end + 1;
            }
            if n == MAX_RUN || !capital_at(text, next) {
                n = before_particles;
                resume = end;
                break;
            }
            let (next_end, mut next_shape) = read_word(text, next);
            let mut next_bits = 0;
            if next_shape == Shape::Caps {
                next_bits = self.caps_bits(next, next_end);
                if next_bits != 0 {
                    next_shape = Shape::Name;
                }
            } else if next_shape == Shape::Name {
                next_bits = self.word_bits(next, next_end);
            }
            if matches!(next_shape, Shape::NotName | Shape::Caps) {
                n = before_particles;
                resume = end;
                break;
            }
            pos = next;
            end = next_end;
            shape = next_shape;
            bits = next_bits;
        }
        self.split(&mut tokens[..n], out);
        resume
    }

    /// The lexicon bits of a word; a hyphenated word unknown as a whole takes its parts'
    /// ("Müller-Lüdenscheidt" is a surname, "Support-Ticket" an ordinary word).
    fn word_bits(&self, start: usize, end: usize) -> u32 {
        let word = &self.text[start..end];
        let bits = self.lex.lookup_in(self.text, start, end);
        if bits != 0 {
            return bits;
        }
        if !word.contains('-') {
            return likely(word);
        }
        // "Karl-Marx-Allee", "Jean-Jaurès-Straße": a street named after a person.
        let last = word.rsplit('-').next().unwrap_or_default().to_lowercase();
        if STREET_WORDS.contains(&last.as_str()) {
            return COMMON;
        }
        // "Seong-heon", "Ji-u": a romanised given name, one capital, syllables after it.
        let lower_tail = word
            .split('-')
            .skip(1)
            .all(|p| p.chars().all(char::is_lowercase) && p.chars().count() <= 6);
        if lower_tail {
            if korean_given_name(word) {
                return FIRST;
            }
            return likely(word);
        }
        let mut names = 0;
        for part in word.split('-') {
            let part_bits = self.lex.lookup(part);
            match class(part_bits) {
                Class::Org => return ORG,
                Class::Hard | Class::Common => return COMMON,
                Class::Name { .. } => names |= part_bits & (NAME | AMBIGUOUS | LIKELY),
                Class::Unknown => names |= likely(part),
            }
        }
        names
    }

    /// The bits of a word in capitals (`MARIA`, `GARCÍA`): a listed name's, or those of
    /// a word that looks like a name; 0 for acronyms and ordinary words.
    fn caps_bits(&self, start: usize, end: usize) -> u32 {
        let bits = self.word_bits(start, end);
        let named = matches!(class(bits), Class::Name { .. });
        let letters = self.text[start..end].chars().count();
        if named && (letters >= 3 || bits & AMBIGUOUS == 0 && bits & LIKELY == 0) {
            bits
        } else {
            0
        }
    }

    /// A lower-case particle followed by a space at `at`: its end.
    fn particle_at(&self, at: usize) -> Option<usize> {
        let rest = self.text.as_bytes().get(at..)?;
        let len = rest
            .iter()
            .take(6)
            .take_while(|b| b.is_ascii_lowercase())
            .count();
        if len == 0 || len > 5 || rest.get(len) != Some(&b' ') {
            return None;
        }
        PARTICLES.contains(&&rest[..len]).then_some(at + len)
    }

    /// Splits a run at the words that cannot be part of a name and scores each part.
    fn split(&mut self, tokens: &mut [Token], out: &mut Vec<Finding>) {
        let n = tokens.len();
        // "Storm Ciarán", "Sankt Martin", "Saint Patrick": what follows is named after
        // someone.
        if n >= 2 && tokens[0].kind == Kind::Word && tokens[0].bits & EPONYM != 0 {
            return;
        }
        for i in 0..n {
            // A capitalised particle opening a surname: "De la Cruz", "Van der Berg".
            if tokens[i].kind == Kind::Word
                && tokens[i].bits & PARTICLE != 0
                && i + 1 < n
                && (tokens[i + 1].kind == Kind::Particle
                    || tokens[i + 1].kind == Kind::Word
                        && matches!(
                            class(tokens[i + 1].bits),
                            Class::Name { .. } | Class::Unknown
                        ))
            {
                tokens[i].kind = Kind::Particle;
            }
        }
        // A surname that is also an ordinary word, a title, a label or an organisation
        // word ends a run after a listed first name, at the end of a field or before an
        // address: "Toni Good <t@x.de>", "Antje Steuer (age 48)", "Leon Lord,",
        // "Sophie Law⏎".
        if n >= 2 {
            let (prev, last) = (tokens[n - 2], tokens[n - 1]);
            let after = self.text[last.end..].trim_start_matches(' ');
            let closes = after.is_empty()
                || after.starts_with(['\n', '\r', '<', '(', '\'', '"', ',', '|', ';']);
            // An ordinary word no surname list has ("Jörg Sänger") closes a name only after a
            // field label or a title.
            let surname = last.bits & LAST != 0
                || n == 2
                    && class(last.bits) == Class::Common
                    && self.around.labelled_or_titled(prev.start);
            if closes
                && prev.kind == Kind::Word
                && prev.bits & FIRST != 0
                && strength(prev.bits) >= 1
                && last.kind == Kind::Word
                && matches!(class(last.bits), Class::Hard | Class::Common | Class::Org)
                && surname
                && last.bits & (GREET | GREET_TAIL | NEG_BEFORE) == 0
            {
                tokens[n - 1].bits = LAST | SOFT;
            }
        }
        // After a field label or a title, a first name that is also a function word in
        // another language opens the name: "Emergency contact: Pero Beier" (Spanish
        // "pero"), "Dr. Theres Ehlert".
        // A given name no list has that is also a rare ordinary word ("Dr. Sipho Ndlovu",
        // "Dr Amadou Diallo": French lemmas) counts the same way before a listed surname.
        let given_after_title = |t: &Token| {
            t.bits & FIRST != 0 && matches!(class(t.bits), Class::Hard | Class::Common)
                || t.bits & NAME == 0 && class(t.bits) == Class::Common
        };
        // The title may open the run itself ("Dr Amadou Diallo" has no period to end it).
        let opens = if n >= 3 && tokens[0].kind == Kind::Word && tokens[0].bits & TITLE != 0 {
            1
        } else {
            0
        };
        if n >= opens + 2
            && tokens[opens].kind == Kind::Word
            && given_after_title(&tokens[opens])
            && tokens[opens].bits & (TITLE | GREET | GREET_TAIL | LABEL | NEG_BEFORE | EPONYM) == 0
            && tokens[opens + 1].kind == Kind::Word
            && matches!(
                class(tokens[opens + 1].bits),
                Class::Name { .. } | Class::Unknown
            )
            && (tokens[opens].bits & FIRST != 0 || tokens[n - 1].bits & (LAST | LIKELY) != 0)
            && self.around.labelled_or_titled(tokens[opens].start)
        {
            tokens[opens].bits = FIRST | SOFT;
        }
        // A lower-case particle joins the parts of a name only after a listed name:
        // "Ludwig van Beethoven", but "Rückruf von Ignatz", "Anruf von Frau Weber".
        let breaks = |k: usize| {
            let t = &tokens[k];
            match t.kind {
                Kind::Word => matches!(class(t.bits), Class::Hard | Class::Common),
                // "Van der Linden", "De la Cruz": a capitalised particle opens the surname
                // the lower-case one continues.
                Kind::Particle
                    if k > 0
                        && tokens[k - 1].kind == Kind::Particle
                        && self.text[tokens[k - 1].start..].starts_with(char::is_uppercase) =>
                {
                    false
                }
                Kind::Particle if !self.text[t.start..].starts_with(char::is_uppercase) => {
                    let before = tokens[..k].iter().rev().find(|p| p.kind == Kind::Word);
                    !before.is_some_and(|p| matches!(class(p.bits), Class::Name { .. }))
                }
                _ => false,
            }
        };
        let mut i = 0;
        while i < n {
            let mut j = i;
            while j < n && !breaks(j) {
                j += 1;
            }
            if j > i {
                self.part(&tokens[i..j], i == 0 && j == n, out);
            }
            i = j + 1;
        }
    }

    /// Scores one part of a run (no hard or ordinary words inside) and reports it; `alone`
    /// when the part is the whole run (no capitalised word right before or after it).
    fn part(&mut self, tokens: &[Token], alone: bool, out: &mut Vec<Finding>) {
        // Particles and initials neither open nor close a name (a capitalised particle
        // may open one).
        let first = tokens.iter().position(|t| {
            t.kind == Kind::Word
                || t.kind == Kind::Particle
                    && char_at(self.text, t.start).is_some_and(char::is_uppercase)
        });
        let last = tokens.iter().rposition(|t| t.kind == Kind::Word);
        let (Some(first), Some(last)) = (first, last) else {
            return;
        };
        if first > last {
            return;
        }
        // "A. Schulze", "J. R. Okafor": initials right before a name belong to it, and
        // a surname after an initial is a name even where it stands alone.
        let initials_start = tokens[..first]
            .iter()
            .rev()
            .take_while(|t| t.kind == Kind::Initial)
            .last()
            .map(|t| t.start);
        let tokens = &tokens[first..=last];
        let mut start = tokens[0].start;
        let end = tokens[tokens.len() - 1].end;
        // Capitals alone make a name only with other capitals or after a label or a
        // title: `MARIA GARCIA`, `Paciente: YIN`, not `AUD 220`.
        let words = tokens.iter().filter(|t| t.kind == Kind::Word).count();
        let lone_capitals = words == 1 && !self.text[start..end].chars().any(char::is_lowercase);
        // "Mr. van der Berg": particles after a title belong to the name.
        let particles = if tokens[0].kind == Kind::Word {
            self.around.titled_particles(start)
        } else {
            None
        };
        if let Some(at) = particles {
            start = at;
        }
        let mut names = [NO_TOKEN; MAX_NAME_WORDS];
        let mut count = 0;
        for t in tokens.iter().filter(|t| t.kind == Kind::Word) {
            if count == MAX_NAME_WORDS || class(t.bits) == Class::Org {
                return;
            }
            names[count] = *t;
            count += 1;
        }
        let names = &names[..count];
        // "Ferrero France", "Siemens Schweiz": a company in one market, not a person.
        if count >= 2 {
            let last = &self.text[names[count - 1].start..names[count - 1].end];
            if MARKETS.contains(&last) {
                return;
            }
        }
        // `M.` is a French title, not an initial: the title rules read it.
        let initials_start = initials_start.filter(|&at| {
            // The initial may be any capital, `É` as well as `M`: one whole char.
            let len = self.text[at..].chars().next().map_or(0, char::len_utf8);
            // `St. Patrick`: an abbreviated saint, not an initial.
            let word_len = self.text[at..].find('.').unwrap_or(len);
            self.lex.lookup(&self.text[at..at + len]) & TITLE == 0
                && self.lex.lookup(&self.text[at..at + word_len]) & (NEG_BEFORE | EPONYM) == 0
        });
        if let Some(at) = initials_start {
            let surname = names[names.len() - 1].bits;
            let confidence = match class(surname) {
                Class::Name { .. } if surname & LAST != 0 => 0.8,
                Class::Name { .. } => 0.6,
                Class::Unknown if surname & LIKELY != 0 => 0.6,
                _ => 0.0,
            };
            if confidence > 0.0
                && !self.around.street_before(at)
                && !org_suffix_after(self.text, self.lex, end)
                && !is_brand(self.text, start, end)
            {
                out.push(Finding {
                    kind: EntityType::Person,
                    start: at,
                    end,
                    confidence,
                });
                self.last = Some((end, Cue::Weak));
                return;
            }
        }
        let sure = score(names, Cue::None);
        // A listed first name and surname need no cue; skipping the look-around for them
        // only lowers their confidence from 0.9 to 0.85 after a title or label.
        let mut cue = if particles.is_some() {
            Cue::Strong
        } else if sure >= SURE {
            if self.around.street_before(start) {
                return;
            }
            Cue::Weak
        } else {
            let listed = names.iter().any(|t| strength(t.bits) > 0);
            let Some(before) = self.around.before(start, end) else {
                return;
            };
            let mut cue = before.max(self.around.after(end, listed));
            // Capitalised in the middle of a sentence: a lone listed first name, or a run
            // of two or more name-like words ("… backup Hetal Patel").
            if cue == Cue::None
                && (alone && names.len() == 1 || names.len() >= 2)
                && self.around.mid_sentence(start)
            {
                cue = Cue::Weak;
            }
            cue
        };
        if let Some((prev_end, prev_cue)) = self.last {
            if cue < Cue::Strong && list_continues(self.text, self.lex, prev_end, start) {
                // A list keeps its cue for clear names, and for words no list has that
                // look like names ("Attendees: Henrik, Tendai"), not for places or ordinary
                // words: "Dr. Anna Roth, Berlin".
                let listed = if names
                    .iter()
                    .any(|t| strength(t.bits) == 2 || t.bits & LIKELY != 0)
                {
                    prev_cue.max(Cue::Weak)
                } else {
                    Cue::Weak
                };
                cue = cue.max(listed);
            }
        }
        let confidence = score(names, cue);
        let may_repeat = names.len() <= 3
            && names.iter().all(|t| {
                (matches!(strength(t.bits), 0 | 2) || t.bits & LIKELY != 0)
                    && class(t.bits) != Class::Common
            });
        if confidence < 0.5 && !may_repeat {
            return;
        }
        // What the words around make of a name-shaped run (checked only for runs that
        // would count, as they cost more than the scoring):
        // "Luna Elektro SE", "Lindholm & Ali GmbH": a company; `AUD 220`: capitals alone;
        // "Ralph Lauren", "Jack Daniel's": a brand named after a person, unless a title or
        // a label makes it the person ("Mme Leclerc"); "Dr. Oetker" is one with its title.
        if org_suffix_after(self.text, self.lex, end)
            || cue != Cue::Strong
                && (lone_capitals
                    || named_after(self.text, names, end, sure >= SURE)
                    || self.text[..start].ends_with(" v ")
                    || self.text[..start].ends_with(" vs "))
        {
            return;
        }
        // Brands and places only for what would be reported now: a pending run becomes a
        // name only when a sure mention repeats it.
        if confidence >= 0.5
            && (cue != Cue::Strong && (self.place(names, start) || is_brand(self.text, start, end))
                || self.text[..start].ends_with("Dr. ") && is_brand(self.text, start - 4, end))
        {
            return;
        }
        if confidence >= 0.5 {
            out.push(Finding {
                kind: EntityType::Person,
                start,
                end,
                confidence,
            });
            self.last = Some((end, cue));
            if confidence >= SURE {
                self.sure_words
                    .extend(names.iter().map(|t| (t.start, t.end)));
            }
        } else {
            let mut words = [(0, 0); 3];
            for (slot, t) in words.iter_mut().zip(names) {
                *slot = (t.start, t.end);
            }
            self.pending.push(Pending {
                start,
                end,
                words,
                count: names.len(),
            });
        }
    }

    /// Whether the part is a place: "San Sebastián", "Saint-Malo", "New Haven", or a
    /// city that is also a name after a word that points at a place ("lands Florence",
    /// "visit Santiago", "bloquée à Salvador", "in Kingston").
    fn place(&self, names: &[Token], start: usize) -> bool {
        let text = self.text;
        let first = &text[names[0].start..names[0].end];
        if names.len() >= 2 && PLACE_HEADS.iter().any(|h| first.eq_ignore_ascii_case(h)) {
            return true;
        }
        if names.len() != 1 {
            return false;
        }
        let word = first.to_lowercase();
        if !lexicon::NAME_PLACES.contains(&word) {
            return false;
        }
        let before = text[..start].trim_end_matches(' ');
        let prev: String = before
            .chars()
            .rev()
            .take_while(|c| c.is_alphabetic())
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        PLACE_BEFORE.contains(&prev.to_lowercase().as_str())
    }

    /// Reports the pending names whose every word belongs to a surely named person.
    fn resolve_pending(&self, out: &mut Vec<Finding>) {
        if self.sure_words.is_empty() || self.pending.is_empty() {
            return;
        }
        let bytes = self.text.as_bytes();
        // Words compared by length and first eight bytes, then in full.
        let key = |&(s, e): &(usize, usize)| {
            let mut head = [0u8; 8];
            let n = (e - s).min(8);
            head[..n].copy_from_slice(&bytes[s..s + n]);
            (e - s, u64::from_le_bytes(head))
        };
        let mut sure: Vec<((usize, u64), (usize, usize))> =
            self.sure_words.iter().map(|w| (key(w), *w)).collect();
        sure.sort_unstable_by_key(|(k, _)| *k);
        let known = |w: &(usize, usize)| {
            let k = key(w);
            let from = sure.partition_point(|(sk, _)| *sk < k);
            sure[from..]
                .iter()
                .take_while(|(sk, _)| *sk == k)
                .any(|(_, (s, e))| bytes[*s..*e] == bytes[w.0..w.1])
        };
        for p in &self.pending {
            if p.words[..p.count].iter().all(known) {
                out.push(Finding {
                    kind: EntityType::Person,
                    start: p.start,
                    end: p.end,
                    confidence: REPEAT_CONFIDENCE,
                });
            }
        }
    }
}

/// The confidence that `names` (the capitalised words of one part, in order) are a
/// person's name, given the cue around them.
fn score(names: &[Token], cue: Cue) -> f32 {
    let n = names.len();
    let best = names.iter().map(|t| strength(t.bits)).max().unwrap_or(0);
    let base = if n >= 2 {
        let (first, last) = (names[0].bits, names[n - 1].bits);
        let f = if first & FIRST != 0 {
            strength(first)
        } else {
            0
        };
        let l = if last & LAST != 0 {
            strength(last)
        } else {
            strength(last).min(1)
        };
        let base: f32 = match (f, l) {
            (2, 2) => 0.85,
            (2, 1) | (1, 2) => 0.7,
            (2, 0) => 0.6,
            (1, 1) | (0, 2) => 0.45,
            (1, 0) => 0.35,
            (0, 1) => 0.3,
            _ => 0.2,
        };
        // Family name first, as Chinese, Vietnamese, Korean, Japanese and Hungarian names
        // are written ("Zhang Wei", "Nguyen Van Anh"): a listed surname then a listed given
        // name, slightly less sure than the other order.
        let role = |bits: u32, wanted: u32| {
            if bits & wanted != 0 {
                strength(bits)
            } else {
                0
            }
        };
        let family_first: f32 = match (role(first, LAST), role(last, FIRST)) {
            (2, 2) => 0.8,
            (2, 1) | (1, 2) => 0.6,
            _ => 0.0,
        };
        let base = base.max(family_first);
        if n == MAX_NAME_WORDS {
            base - 0.1
        } else {
            base
        }
    } else {
        0.0
    };
    match cue {
        Cue::Strong => base.max(match best {
            2 => 0.9,
            1 => 0.8,
            _ => 0.7,
        }),
        // A lone surname is often an ordinary word too ("the Board", "Main"): it needs a
        // word that points at a person, and gets less from it than a first name.
        Cue::Personal if n == 1 => match best {
            2 if names[0].bits & FIRST != 0 => 0.7,
            2 => 0.55,
            // An ordinary word capitalised after "with" or "said" is a name; a place
            // after them ("with India") is not.
            1 if names[0].bits & (PLACE | FIRST) == FIRST => 0.6,
            _ => 0.3,
        },
        Cue::Weak if n == 1 => match best {
            2 if names[0].bits & FIRST != 0 => 0.65,
            _ => 0.3,
        },
        Cue::Weak | Cue::Personal => (base + 0.15).min(0.9),
        Cue::None => base,
    }
}

const PERSON_BRANDS: &str = include_str!("../../data/names/person-brands.txt");

/// A hash of the pieces' text, ASCII letters folded to lower case and `’` read as `'`:
/// brands are compared by it, without building strings.
fn folded_hash(pieces: &[&str]) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325_u64;
    for piece in pieces {
        for c in piece.chars() {
            let c = if c == '’' {
                '\''
            } else {
                c.to_ascii_lowercase()
            };
            let mut buf = [0u8; 4];
            for &b in c.encode_utf8(&mut buf).as_bytes() {
                h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
            }
        }
    }
    h
}

/// The brands named after people, by [`folded_hash`].
static BRANDS: std::sync::LazyLock<Brands> = std::sync::LazyLock::new(|| {
    let mut hashes: Vec<u64> = PERSON_BRANDS
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| folded_hash(&[&l.to_lowercase()]))
        .collect();
    hashes.sort_unstable();
    hashes.dedup();
    Brands(hashes.into_boxed_slice())
});

/// The [`folded_hash`]es of brand names, sorted: a binary search over a few hundred
/// numbers costs less than hashing a hash again for a hash set.
struct Brands(Box<[u64]>);

impl Brands {
    fn contains(&self, hash: &u64) -> bool {
        self.0.binary_search(hash).is_ok()
    }
}

/// Whether `text[start..end]` (with a following `'s`, or with `& …` and the next word)
/// is a brand named after a person.
fn is_brand(text: &str, start: usize, end: usize) -> bool {
    let brands = &*BRANDS;
    let run = &text[start..end];

    if brands.contains(&folded_hash(&[run])) {
        return true;
    }
    let rest = &text[end..];
    let possessive = rest.starts_with("'s") || rest.starts_with("’s");
    if possessive && brands.contains(&folded_hash(&[run, "'s"])) {
        return true;
    }
    let word_len = |s: &str| -> usize {
        s.char_indices()
            .find(|(_, c)| !(c.is_alphanumeric() || matches!(c, '\'' | '’' | '-')))
            .map_or(s.len(), |(i, _)| i)
    };
    // "Ben & Jerry's", "Procter & Gamble": the run with what follows the `&`.
    if let Some(after) = rest.strip_prefix(" & ") {
        let next = &after[..word_len(after)];
        return brands.contains(&folded_hash(&[run, " & ", next]));
    }
    // "… & Jerry's": the run after the `&`.
    let before = text[..start].trim_end_matches(' ');
    if let Some(head) = before.strip_suffix('&') {
        let head = head.trim_end_matches(' ');
        let prev_start = head
            .char_indices()
            .rev()
            .take_while(|(_, c)| c.is_alphanumeric() || *c == '-')
            .last()
            .map_or(head.len(), |(i, _)| i);
        let tail = if possessive { "'s" } else { "" };
        return brands.contains(&folded_hash(&[&head[prev_start..], " & ", run, tail]));
    }
    false
}

/// Words that make the capitalised words before them a street, a building, a prize or a
/// method named after a person ("Nelson Street", "Prince Albert Park", "the Elizabeth
/// line", "Bonferroni correction"), sorted. The first group is rarely a surname and may end
/// the run itself; the rest count only as the next word ("Hall" and "Lane" are surnames).
const NAMED_AFTER_IN_RUN: &[&str] = &[
    "airport",
    "ave",
    "avenue",
    "award",
    "blvd",
    "boulevard",
    "bridge",
    "cathedral",
    "center",
    "centre",
    "college",
    "crescent",
    "drive",
    "foundation",
    "himmelfahrt",
    "hospital",
    "institute",
    "library",
    "memorial",
    "museum",
    "prize",
    "rd",
    "road",
    "square",
    "st",
    "stadium",
    "station",
    "street",
    "terrace",
    "theater",
    "theatre",
    "university",
];
const NAMED_AFTER_NEXT: &[&str] = &[
    "algorithm",
    "branch",
    "campus",
    "chain",
    "church",
    "clinic",
    "correction",
    "court",
    "datacenter",
    "datacentre",
    "depot",
    "disease",
    "distribution",
    "effect",
    "equation",
    "hall",
    "house",
    "lane",
    "line",
    "method",
    "model",
    "office",
    "park",
    "plant",
    "principle",
    "scale",
    "simulation",
    "store",
    "syndrome",
    "test",
    "theorem",
    "transform",
    "warehouse",
];

/// Whether the run is the name of a place or a thing named after a person: its last word,
/// or the word right after it, says so (see [`NAMED_AFTER_IN_RUN`]). A listed first name
/// and surname (`listed_full`) is held to the first group only: "call Anna Schmidt office
/// hours" still names her.
fn named_after(text: &str, names: &[Token], end: usize, listed_full: bool) -> bool {
    let is = |word: &str, list: &[&str]| {
        let bytes = word.as_bytes();
        // Every listed word is 2 to 12 ASCII letters.
        if !(2..=12).contains(&bytes.len()) || !word.is_ascii() {
            return false;
        }
        let mut buf = [0u8; 12];
        for (d, b) in buf.iter_mut().zip(bytes) {
            *d = b.to_ascii_lowercase();
        }
        let lower = &buf[..bytes.len()];
        list.binary_search_by(|w| w.as_bytes().cmp(lower)).is_ok()
    };
    if let [.., last] = names {
        if names.len() >= 2 && is(&text[last.start..last.end], NAMED_AFTER_IN_RUN) {
            return true;
        }
    }
    let Some(rest) = text.get(end..).and_then(|r| r.strip_prefix(' ')) else {
        return false;
    };
    let next_len = rest
        .bytes()
        .take(17)
        .take_while(u8::is_ascii_alphabetic)
        .count();
    let next = &rest[..next_len];
    // "Aston Villa v Nottingham Forest": a fixture between two teams.
    let fixture = matches!(next, "v" | "vs") && rest[next_len..].starts_with([' ', '.']);
    fixture || is(next, NAMED_AFTER_IN_RUN) || !listed_full && is(next, NAMED_AFTER_NEXT)
}

/// Last parts of hyphenated street names.
const STREET_WORDS: &[&str] = &[
    "allee",
    "straße",
    "strasse",
    "str",
    "weg",
    "platz",
    "gasse",
    "ring",
    "damm",
    "ufer",
    "chaussee",
    "promenade",
    "steig",
    "markt",
];

/// First words of multi-word place names.
/// Countries and regions that end a company's name for a market ("Ferrero France",
/// "Siemens Schweiz", "Telefónica España", "Bosch DACH"), in the four languages.
const MARKETS: &[&str] = &[
    "France",
    "Deutschland",
    "Germany",
    "España",
    "Spain",
    "Italia",
    "Italy",
    "Schweiz",
    "Suisse",
    "Switzerland",
    "Österreich",
    "Austria",
    "Benelux",
    "Nederland",
    "Belgique",
    "Belgium",
    "Polska",
    "Iberia",
    "México",
    "Mexico",
    "Brasil",
    "Brazil",
    "Canada",
    "UK",
    "USA",
    "US",
    "Europe",
    "Europa",
    "EMEA",
    "APAC",
    "LATAM",
    "DACH",
    "Nordics",
    "Ireland",
    "Sverige",
    "Norge",
    "Danmark",
    "Suomi",
    "Japan",
    "China",
    "Asia",
    "International",
    "Internacional",
];

const PLACE_HEADS: &[&str] = &[
    "San", "Santa", "Santo", "São", "Sao", "Saint", "Sainte", "Sankt", "St", "Los", "Las", "Port",
    "Puerto", "Porto", "Fort", "Mount", "New", "Nueva", "Nuevo", "Rio", "Río",
];

/// Words right before a city that is also a name which make it the city: arriving,
/// visiting, being stuck, in four languages.
const PLACE_BEFORE: &[&str] = &[
    "in", "nach", "à", "en", "a", "visit", "visiting", "lands", "land", "arrives", "arrive",
    "arrival", "ankunft", "arrivée", "llega", "llegada", "flight", "flug", "vol", "vuelo", "trip",
    "fly", "flying", "travel", "reise", "voyage", "viaje", "stuck", "bloquée", "bloqué", "hängt",
    "parado", "parada", "departs", "via", "near", "bei", "nahe", "près", "cerca", "aus", "desde",
    "depuis", "from", "visiter", "visitar", "besuchen",
];

/// An organisation word after the run at `end`, past spaces, an `&` and one more
/// capitalised word: `SE`, `S.A.`, `GmbH`, `& Partner`, `Oyj`.
fn org_suffix_after(text: &str, lex: &Lexicon, end: usize) -> bool {
    let rest = text.get(end..).unwrap_or_default();
    // On the same line, right after a space: "Acme SE", not "Dear Angela,⏎⏎As discussed".
    let Some(rest) = rest.strip_prefix(' ') else {
        return false;
    };
    let line_len = rest
        .as_bytes()
        .iter()
        .take(64)
        .position(|b| matches!(b, b'\n' | b',' | b';' | b'('))
        .unwrap_or(rest.len().min(64));
    let line = rest.get(..line_len).unwrap_or(rest);
    let mut words = line
        .split(' ')
        .filter(|w| !w.is_empty() && *w != "&")
        .take(2);
    // `S.A.`, `GmbH,`: the letters only, on a stack buffer.
    let org = |w: &str| {
        let mut buf = [0u8; 16];
        let mut n = 0;
        for c in w.chars().filter(|c| c.is_alphabetic()) {
            let len = c.len_utf8();
            if n + len > buf.len() {
                return false;
            }
            c.encode_utf8(&mut buf[n..n + len]);
            n += len;
        }
        n > 0 && std::str::from_utf8(&buf[..n]).is_ok_and(|bare| lex.lookup(bare) & ORG != 0)
    };
    let ampersand = line.trim_start_matches(' ').starts_with('&');
    match (words.next(), words.next()) {
        (Some(first), _) if org(first) => true,
        (Some(first), Some(second)) if ampersand && first.starts_with(char::is_uppercase) => {
            org(second)
        }
        (Some(_), _) if ampersand => true,
        _ => false,
    }
}

/// ` 4 03:56:27` or `  12 10:00` after a word: a syslog-style date, so the word is a month.
fn timestamp_after(bytes: &[u8], end: usize) -> bool {
    let rest = bytes.get(end..).unwrap_or_default();
    let spaces = rest.iter().take_while(|&&b| b == b' ').count();
    if !(1..=2).contains(&spaces) {
        return false;
    }
    let rest = &rest[spaces..];
    let day = rest.iter().take_while(|b| b.is_ascii_digit()).count();
    (1..=2).contains(&day)
        && rest.get(day) == Some(&b' ')
        && rest
            .get(day + 1..day + 4)
            .is_some_and(|t| t[0].is_ascii_digit() && t[1].is_ascii_digit() && t[2] == b':')
}

/// How a capitalised word reads by its shape and neighbours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// Shaped like a name: `Anna`, `O'Brien`, `Jean-Pierre`, `McDonald`, `Élodie`.
    Name,
    /// A single capital with a period: `F.`.
    Initial,
    /// An acronym, a camel-case identifier, a contraction (`I'm`, `C'est`), or a word glued
    /// to an address, a path or digits.
    NotName,
    /// Capitals only (`MARIA`, `GARCIA`, `API`): a name only when a list knows it as one.
    Caps,
}

/// Prefixes after which a name may have an inner capital: `McDonald`, `DeAngelo`, `LeBlanc`.
const INNER_CAPITAL_PREFIXES: &[&str] = &[
    "Mc", "Mac", "De", "Di", "Da", "Du", "La", "Le", "Van", "Von", "Fitz", "St",
];

const LOWER: u8 = 1;
const UPPER: u8 = 2;
/// ASCII letters by case; 0 for every other byte.
static LETTER: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        table[b] = if c.is_ascii_lowercase() {
            LOWER
        } else if c.is_ascii_uppercase() {
            UPPER
        } else {
            0
        };
        b += 1;
    }
    table
};

/// Whether the char at `i` is a capital letter (fast for ASCII and Latin-1).
fn capital_at(text: &str, i: usize) -> bool {
    match text.as_bytes().get(i) {
        None => false,
        Some(&b) if b < 0x80 => b.is_ascii_uppercase(),
        Some(0xC3) => text
            .as_bytes()
            .get(i + 1)
            .is_some_and(|&n| (0x80..=0x9E).contains(&n) && n != 0x97),
        Some(_) => char_at(text, i).is_some_and(char::is_uppercase),
    }
}

/// Reads the word starting at `start` (a capital): its end and shape.
fn read_word(text: &str, start: usize) -> (usize, Shape) {
    // Fast path: an ASCII word of letters ending in ASCII punctuation or a space.
    let bytes = text.as_bytes();
    let mut i = start + 1;
    let mut seen = 0u8;
    let mut camel = false;
    let mut prev = UPPER;
    while let Some(&b) = bytes.get(i) {
        let class = LETTER[usize::from(b)];
        if class == 0 {
            break;
        }
        camel |= class == UPPER && prev == LOWER;
        seen |= class;
        prev = class;
        i += 1;
    }
    if !bytes
        .get(i)
        .is_some_and(|&b| b >= 0x80 || b == b'-' || b == b'\'')
    {
        let bad = camel && !inner_capital_ok(&text[start..i]);
        let lowers = usize::from(seen & LOWER != 0);
        return shape(text, start, i, i - start, lowers, bad);
    }
    read_word_slow(text, start)
}

/// `McDonald`, `DeAngelo`: one inner capital after a known prefix.
fn inner_capital_ok(word: &str) -> bool {
    let Some(inner) = word
        .char_indices()
        .skip(1)
        .find(|&(_, c)| c.is_uppercase())
        .map(|(i, _)| i)
    else {
        return true;
    };
    INNER_CAPITAL_PREFIXES.contains(&&word[..inner])
        && !word[inner + 1..].chars().any(char::is_uppercase)
}

/// The general case of [`read_word`]: non-ASCII letters, hyphens and apostrophes.
fn read_word_slow(text: &str, start: usize) -> (usize, Shape) {
    let mut end = start;
    let mut letters = 0usize;
    let mut lowers = 0usize;
    let mut part_start = start;
    let mut at_part_start = true;
    let mut prev_lower = false;
    let mut bad = false;
    let mut chars = text[start..].char_indices().peekable();
    while let Some((off, c)) = chars.next() {
        let at = start + off;
        if c.is_alphabetic() {
            if c.is_uppercase() {
                if !at_part_start
                    && prev_lower
                    && !INNER_CAPITAL_PREFIXES.contains(&&text[part_start..at])
                {
                    bad = true;
                }
                prev_lower = false;
            } else {
                lowers += 1;
                prev_lower = true;
            }
            letters += 1;
            at_part_start = false;
            end = at + c.len_utf8();
            continue;
        }
        if !matches!(c, '-' | '\'' | '’') {
            break;
        }
        let Some(&(_, next)) = chars.peek() else {
            break;
        };
        if !next.is_alphabetic() {
            break;
        }
        if next.is_lowercase() {
            if c != '-' {
                // "Anna's" ends before the apostrophe; "I'm", "C'est", "Don't" are words.
                let after = &text[at + c.len_utf8()..];
                let possessive =
                    after.starts_with('s') && !after[1..].starts_with(char::is_alphanumeric);
                if possessive {
                    break;
                }
            }
            // "E-mail", "Mobil-app", "I'm": not a name; skip the whole word. A Korean given
            // name ("Ji-hoon") is the exception.
            let korean = c == '-' && part_start == start && {
                let tail_len = text[at + 1..]
                    .find(|ch: char| !ch.is_ascii_lowercase())
                    .unwrap_or(text.len() - at - 1);
                korean_given_name(&text[start..at + 1 + tail_len])
            };
            if !korean {
                bad = true;
            }
        }
        part_start = at + c.len_utf8();
        at_part_start = true;
        prev_lower = false;
    }
    shape(text, start, end, letters, lowers, bad)
}

/// The shape of the word `start..end` from its letter counts and neighbours.
fn shape(
    text: &str,
    start: usize,
    end: usize,
    letters: usize,
    lowers: usize,
    bad: bool,
) -> (usize, Shape) {
    if bad {
        return (skip_word(text, end), Shape::NotName);
    }
    if glued_before(text, start) || glued_after(text, end) {
        return (skip_word(text, end), Shape::NotName);
    }
    if letters == 1 {
        return if text[end..].starts_with(". ") {
            (end + 1, Shape::Initial)
        } else {
            (end, Shape::NotName)
        };
    }
    if letters > 40 {
        return (end, Shape::NotName);
    }
    if lowers == 0 {
        return (end, Shape::Caps);
    }
    (end, Shape::Name)
}

/// Skips to the end of the word or identifier containing `at`.
fn skip_word(text: &str, mut at: usize) -> usize {
    let bytes = text.as_bytes();
    loop {
        match bytes.get(at) {
            Some(b) if b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'\'') => at += 1,
            Some(&b) if b >= 0x80 => match char_at(text, at) {
                Some(c) if c.is_alphanumeric() || c == '’' => at += c.len_utf8(),
                _ => return at,
            },
            _ => return at,
        }
    }
}

/// A word right after `.`, `@`, `_`, `/`, `\`, `#`, `$`, `%`, `+`, `=`, `~`, a digit, or a
/// hyphen glued to a word: part of an address, a path or an identifier. (The scan only
/// starts words after a char that is not a letter, so a non-ASCII one is punctuation.)
fn glued_before(text: &str, start: usize) -> bool {
    let bytes = text.as_bytes();
    let Some(&b) = start.checked_sub(1).and_then(|p| bytes.get(p)) else {
        return false;
    };
    match b {
        b'0'..=b'9'
        | b'.'
        | b'@'
        | b'_'
        | b'/'
        | b'\\'
        | b'#'
        | b'$'
        | b'%'
        | b'+'
        | b'='
        | b'~'
        | b'^' => true,
        b'-' => start
            .checked_sub(2)
            .and_then(|p| bytes.get(p))
            .is_some_and(|c| c.is_ascii_alphanumeric() || *c >= 0x80),
        _ => false,
    }
}

/// Mirror of [`glued_before`]: `anna.schmidt`, `Smith.com`, `Anna_1`, `Anna@x`, `Anna/x`.
/// (A word ends before a char that is not a letter, so a non-ASCII one is punctuation.)
fn glued_after(text: &str, end: usize) -> bool {
    let bytes = text.as_bytes();
    let Some(&b) = bytes.get(end) else {
        return false;
    };
    match b {
        b'0'..=b'9' | b'@' | b'_' | b'/' | b'\\' | b'=' | b'$' | b'%' | b'+' | b'#' => true,
        b'.' | b'-' | b':' => bytes
            .get(end + 1)
            .is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'_' || *c >= 0x80),
        _ => false,
    }
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = 0x8080_8080_8080_8080;

/// The next offset `>= from` (a char boundary) holding a capital letter that starts a word.
///
/// Eight bytes at a time: a chunk of ASCII without `A`..=`Z` (most of prose, code and
/// base64) is skipped whole. Bytes of the 7-bit range add up without carries, so `x + k`
/// sets a byte's high bit exactly when the byte is at least `0x80 - k`.
fn next_capital(text: &str, from: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = from;
    while i < bytes.len() {
        if let Some(chunk) = bytes.get(i..i + 8) {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            let x = u64::from_le_bytes(word);
            let low = x & !HIGHS;
            let at_least_a = low.wrapping_add(ONES * (0x80 - u64::from(b'A'))) & HIGHS;
            let past_z = low.wrapping_add(ONES * (0x80 - u64::from(b'Z') - 1)) & HIGHS;
            let hits = (x & HIGHS) | (at_least_a & !past_z);
            if hits == 0 {
                i += 8;
                continue;
            }
            // Jump to the first capital or non-ASCII byte of the chunk.
            i += (hits.trailing_zeros() / 8) as usize;
        }
        let b = bytes[i];
        if b.is_ascii_uppercase() {
            let glued = match i.checked_sub(1).map(|p| bytes[p]) {
                None => false,
                Some(p) if p < 0x80 => p.is_ascii_alphanumeric() || p == b'_',
                Some(_) => char_before(text, i).is_some_and(is_word_char),
            };
            if !glued {
                return Some(i);
            }
            // Inside a word (`iPhone`, base64, hex): skip the rest of its ASCII run.
            i += 1;
            while bytes
                .get(i)
                .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_')
            {
                i += 1;
            }
        } else if b < 0x80 {
            i += 1;
        } else if b == 0xC3 {
            // Latin-1 letters: À..Þ (but not ×) are the capitals.
            let next = bytes.get(i + 1).copied().unwrap_or(0);
            if (0x80..=0x9E).contains(&next)
                && next != 0x97
                && !char_before(text, i).is_some_and(is_word_char)
            {
                return Some(i);
            }
            i += 2;
        } else {
            let c = char_at(text, i)?;
            if c.is_uppercase() && !char_before(text, i).is_some_and(is_word_char) {
                return Some(i);
            }
            i += c.len_utf8();
        }
    }
    None
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

#[cfg(test)]
mod tests;
