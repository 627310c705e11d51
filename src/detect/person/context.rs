//! The words and phrases around a name that say it is one, in English, German, French and
//! Spanish, and the look-around that finds them: titles, field labels, greetings,
//! sign-offs, verbs of speech and words of relation.
//!
//! The single words go into the lexicon with a role bit (one probe answers every question
//! about a word); the multi-word sign-offs are compared as whole lines.

use super::lexicon::{
    Lexicon, AND, COPULA, DETERMINER, EPONYM, GREET, GREET_HEAD, GREET_TAIL, LABEL, NAME, NAME_IS,
    NAME_WORD, NEG_BEFORE, ORG, PARTICLE, PERSONAL, PLACE, PREPOSITION, THING, TITLE, WEAK_AFTER,
    WEAK_BEFORE,
};
use std::sync::LazyLock;

use super::super::text::char_before;

/// The context words, by role (see the file's header).
const CONTEXT_WORDS: &str = include_str!("../../../data/names/context-words.txt");

/// The role bit of each section of `context-words.txt` ([sign-off] holds lines, not words).
const SECTIONS: &[(&str, u32)] = &[
    ("[title]", TITLE),
    ("[greeting]", GREET),
    ("[greeting-tail]", GREET_TAIL),
    ("[greeting-head]", GREET_HEAD),
    ("[label]", LABEL),
    ("[personal]", PERSONAL | WEAK_BEFORE),
    ("[weak-before]", WEAK_BEFORE),
    ("[preposition]", PREPOSITION),
    ("[weak-after]", WEAK_AFTER),
    ("[name-word]", NAME_WORD),
    ("[copula]", COPULA),
    ("[name-is]", NAME_IS),
    ("[street]", NEG_BEFORE),
    ("[eponym]", EPONYM),
    ("[thing]", THING),
    ("[and]", AND),
    ("[particle]", PARTICLE),
    ("[determiner]", DETERMINER),
    ("[sign-off]", 0),
];

/// The entries of `context-words.txt` with the role bits of their section (0 for the
/// sign-off lines).
pub(super) fn context_words() -> impl Iterator<Item = (&'static str, u32)> {
    let mut bits = 0;
    CONTEXT_WORDS.lines().filter_map(move |line| {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            return None;
        }
        if let Some(&(_, section)) = SECTIONS.iter().find(|(name, _)| *name == line) {
            bits = section;
            return None;
        }
        Some((line, bits))
    })
}

/// Sign-off lines (lower case, without trailing punctuation) after which a name follows,
/// on the same line ("Thanks, Tom") or the next ("Liebe Grüße⏎Jonas").
static SIGN_OFFS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let mut in_sign_offs = false;
    CONTEXT_WORDS
        .lines()
        .map(str::trim)
        .filter(|line| {
            if line.starts_with('[') {
                in_sign_offs = *line == "[sign-off]";
                return false;
            }
            in_sign_offs && !line.is_empty() && !line.starts_with('#')
        })
        .collect()
});

/// How sure the words around a run are that it is a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Cue {
    None,
    /// A word often before names and as often before places or things.
    Weak,
    /// A word that points at a person: "said", "with", "colleague".
    Personal,
    /// A title, a field label, a greeting, a sign-off, an address in brackets.
    Strong,
}

/// The word (letters, `'`, `’`, `-`; at most 64 bytes) that ends at `end`.
fn word_ending_at(text: &str, end: usize) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut start = end;
    // ASCII fast path; a non-ASCII byte sends the whole word to the char path.
    while start > 0 && end - start < 64 {
        let b = bytes[start - 1];
        if b.is_ascii_alphabetic() || b == b'\'' || b == b'-' {
            start -= 1;
        } else if b >= 0x80 {
            return word_ending_at_slow(text, end);
        } else {
            break;
        }
    }
    while start < end && matches!(bytes[start], b'\'' | b'-') {
        start += 1;
    }
    (start < end).then_some((start, end))
}

fn word_ending_at_slow(text: &str, end: usize) -> Option<(usize, usize)> {
    let mut start = end;
    while let Some(c) = char_before(text, start) {
        if end - start < 64 && (c.is_alphabetic() || matches!(c, '\'' | '’' | '-')) {
            start -= c.len_utf8();
        } else {
            break;
        }
    }
    let word = text.get(start..end)?;
    let trimmed = word.trim_start_matches(['\'', '’', '-']);
    let start = end - trimmed.len();
    (start < end).then_some((start, end))
}

/// The word before `pos`, separated from it by spaces or tabs only (at least one).
fn word_before(text: &str, pos: usize) -> Option<(usize, usize)> {
    let head = text.get(..pos)?;
    let trimmed = head.trim_end_matches([' ', '\t', '\u{a0}']);
    if trimmed.len() == head.len() {
        return None;
    }
    word_ending_at(text, trimmed.len())
}

/// Whether only spaces or tabs stand between the start of the line and `pos`.
fn at_line_start(text: &str, pos: usize) -> bool {
    let head = text[..pos].trim_end_matches([' ', '\t']);
    head.is_empty() || head.ends_with('\n')
}

/// The start of the line holding `pos`.
fn line_start(text: &str, pos: usize) -> usize {
    text.as_bytes()[..pos]
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1)
}

/// Whether `pos` ends its line, allowing trailing spaces and closing punctuation.
fn ends_line(text: &str, pos: usize) -> bool {
    let rest = text.as_bytes().get(pos..).unwrap_or_default();
    for &b in rest.iter().take(8) {
        match b {
            b'\n' => return true,
            b' ' | b'\t' | b'\r' | b'.' | b'!' | b',' | b'"' | b'\'' | b')' | b']' => {}
            _ => return false,
        }
    }
    rest.len() <= 8 && rest.iter().all(|b| b" \t\r.!,\"')]".contains(b))
}

/// Whether nothing but whitespace follows the line that `pos` ends.
fn ends_text(text: &str, pos: usize) -> bool {
    let rest = text.get(pos..).unwrap_or_default();
    rest.len() < 64
        && rest
            .trim_start_matches([' ', '\t', '\r', '.', '!', ','])
            .trim()
            .is_empty()
}

fn is_upper_start(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// The longest sign-off line compared, in bytes.
const MAX_SIGN_OFF: usize = 48;

/// Whether `line` is a sign-off ("Best regards,", "Mit freundlichen Grüßen") or a
/// signature delimiter (`--`). Compared lower-cased (ASCII and Latin-1 capitals) in a
/// stack buffer, without trailing punctuation.
fn is_sign_off(line: &str) -> bool {
    let line = line.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, ',' | '.' | '!' | ':' | ';' | '-' | '–' | '—')
    });
    let line = line.trim_start();
    if line.is_empty() {
        return false;
    }
    let bytes = line.as_bytes();
    if bytes.len() > MAX_SIGN_OFF || !bytes[0].is_ascii_alphabetic() && bytes[0] < 0x80 {
        return false;
    }
    let mut buf = [0u8; MAX_SIGN_OFF];
    for (i, &b) in bytes.iter().enumerate() {
        buf[i] = if i > 0 && bytes[i - 1] == 0xC3 && (0x80..=0x9E).contains(&b) && b != 0x97 {
            b + 0x20
        } else {
            b.to_ascii_lowercase()
        };
    }
    let lower = &buf[..bytes.len()];
    SIGN_OFFS.iter().any(|s| s.as_bytes() == lower)
}

/// A signature delimiter line: `--`, `—`.
fn is_delimiter(line: &str) -> bool {
    let line = line.trim();
    !line.is_empty() && line.len() >= 2 && line.chars().all(|c| matches!(c, '-' | '–' | '—'))
}

/// The look-around for one run of capitalised words.
#[derive(Debug)]
pub(super) struct Around<'t> {
    pub(super) text: &'t str,
    pub(super) lex: &'static Lexicon,
}

impl Around<'_> {
    fn bits(&self, range: (usize, usize)) -> u32 {
        self.lex.lookup_in(self.text, range.0, range.1)
    }

    /// What stands before the run starting at `start` and ending at `end`; None when a
    /// word before it makes it a street or a building ("rue Victor Hugo").
    pub(super) fn before(&self, start: usize, end: usize) -> Option<Cue> {
        self.cue_before(start, end)
    }

    fn cue_before(&self, start: usize, end: usize) -> Option<Cue> {
        let text = self.text;
        // The label is read once: a listed one is a strong cue, one built like a role noun
        // a weak one when the run fills its field.
        let label = self.label_kind_before(start);
        if label == Some(LabelKind::Listed) || self.title_before(start) {
            return Some(Cue::Strong);
        }
        if label == Some(LabelKind::Derived) && (ends_line(text, end) || self.closes_field(end)) {
            return Some(Cue::Weak);
        }
        // "la loi de Conway", "St. Patrick's Day": a law, a street or a saint's day.
        if self.street_before(start) {
            return None;
        }
        // "d'Élodie", "l'avis d'Anna"
        if let Some(q @ ('\'' | '’')) = char_before(text, start) {
            let at = start - q.len_utf8();
            if char_before(text, at).is_some_and(char::is_alphabetic) {
                let elided = word_ending_at(text, at).and_then(|(s, e)| text.get(s..e));
                return Some(if matches!(elided, Some("d" | "D")) {
                    Cue::Weak
                } else {
                    Cue::None
                });
            }
        }
        let alone_on_line = at_line_start(text, start) && ends_line(text, end);
        if alone_on_line && self.sign_off_line_before(line_start(text, start)) {
            return Some(Cue::Strong);
        }
        if (ends_line(text, end) || self.affiliation_follows(end)) && self.inline_sign_off(start) {
            return Some(Cue::Strong);
        }
        if self.quoted(start, end) {
            return Some(Cue::Weak);
        }
        if self.greeting_with_comma(start, end) {
            return Some(Cue::Strong);
        }
        let Some(prev) = word_before(text, start) else {
            // A name alone on the last line: a signature without a sign-off; or the last
            // word of a message after its last sentence ("… cuando llegue. Pablo").
            let after_sentence = text[..start]
                .trim_end_matches([' ', '\t'])
                .ends_with(['.', '!', '?']);
            return Some(
                if ends_text(text, end) && (alone_on_line || after_sentence) {
                    Cue::Weak
                } else {
                    Cue::None
                },
            );
        };
        self.cue_from_word_before(prev, end)
    }

    /// The cue of the word `prev` right before a run ending at `end`: a greeting, a verb
    /// of speech, "my", "named"…; None when it rules a name out ("rue", "Storm").
    fn cue_from_word_before(&self, prev: (usize, usize), end: usize) -> Option<Cue> {
        let text = self.text;
        if prev.1 - prev.0 > 24 {
            return Some(Cue::None);
        }
        let bits = self.bits(prev);
        if bits & NEG_BEFORE != 0 {
            return None;
        }
        // Javadoc and friends: `@author Anna Schmidt`.
        if bits & LABEL != 0 && char_before(text, prev.0) == Some('@') {
            return Some(Cue::Strong);
        }
        if bits & GREET != 0 && self.greeting_follows(end) {
            return Some(Cue::Strong);
        }
        if bits & GREET_TAIL != 0 && self.greeting_follows(end) {
            let head = word_before(text, prev.0).map_or(0, |w| self.bits(w));
            if head & GREET_HEAD != 0 || at_line_start(text, prev.0) {
                return Some(Cue::Strong);
            }
        }
        if bits & NAME_IS != 0 {
            return Some(Cue::Strong);
        }
        if bits & COPULA != 0 {
            let head = word_before(text, prev.0).map_or(0, |w| self.bits(w));
            if head & NAME_WORD != 0 {
                return Some(Cue::Strong);
            }
        }
        if bits & PERSONAL != 0 {
            return Some(Cue::Personal);
        }
        if bits & PREPOSITION != 0 {
            let head = word_before(text, prev.0).map_or(0, |w| self.bits(w));
            if head & PERSONAL != 0 {
                return Some(Cue::Personal);
            }
        }
        if bits & WEAK_BEFORE != 0 {
            return Some(Cue::Weak);
        }
        Some(Cue::None)
    }

    /// Capitalised in the middle of a sentence, after an ordinary lower-case word: in
    /// English, French and Spanish that makes a lone listed first name a name ("the report
    /// Anna sent"); after an article it is a noun or a thing ("die Linde", "the Ruby").
    /// After a comma or a semicolon too: "… the staging db again, Dan rotated it",
    /// "Participants : Inès Belkacem ; Thi Thu Hà".
    pub(super) fn mid_sentence(&self, start: usize) -> bool {
        if self.text[..start]
            .trim_end_matches(' ')
            .ends_with([',', ';'])
        {
            return true;
        }
        word_before(self.text, start).is_some_and(|(s, e)| {
            let word = &self.text[s..e];
            !is_upper_start(word) && self.lex.lookup(word) & DETERMINER == 0
        })
    }

    /// The start of the lower-case particles (`van der`, `von`, `de la`) right before
    /// `start`, when a title or a field label stands before them ("Mr. van der Berg",
    /// "Herr von Müller", "Nom : de Villepin").
    pub(super) fn titled_particles(&self, start: usize) -> Option<usize> {
        let mut at = start;
        for _ in 0..3 {
            let Some((s, e)) = word_before(self.text, at) else {
                break;
            };
            let word = &self.text[s..e];
            if is_upper_start(word) || self.lex.lookup(word) & PARTICLE == 0 {
                break;
            }
            at = s;
        }
        (at < start && (self.title_before(at) || self.label_before(at))).then_some(at)
    }

    /// Whether a word before `start` makes the run a street or a building.
    /// A particle may stand between: "Syndrome de Gilles de la Tourette", "Calle de X".
    pub(super) fn street_before(&self, start: usize) -> bool {
        // An abbreviation keeps its period: "St. Patrick's Day", "Av. Simón Bolívar".
        let head = self.text[..start].trim_end_matches(' ');
        let abbreviated = head.len() < start && head.ends_with('.');
        let found = if abbreviated {
            word_ending_at(self.text, head.len() - 1)
        } else {
            word_before(self.text, start)
        };
        let Some(mut w) = found else {
            return false;
        };
        if self.bits(w) & PARTICLE != 0 {
            match word_before(self.text, w.0) {
                Some(prev) => w = prev,
                None => return false,
            }
        }
        // "l'avenue Victor-Hugo", "d'hôpital": the elided article is not part of the word.
        let word = &self.text[w.0..w.1];
        if let Some(k) = word.find(['\'', '’']).filter(|&k| k <= 2) {
            let skip = k + word[k..].chars().next().map_or(1, char::len_utf8);
            w.0 += skip;
        }
        w.0 < w.1 && w.1 - w.0 <= 24 && self.bits(w) & (NEG_BEFORE | EPONYM) != 0
    }

    /// What follows the run ending at `end`: an e-mail in brackets (strong), a verb of
    /// speech or a possessive `'s` (weak; only looked for when `words`).
    pub(super) fn after(&self, end: usize, words: bool) -> Cue {
        let text = self.text;
        let rest = text.get(end..).unwrap_or_default();
        if rest.starts_with("'s") || rest.starts_with("’s") {
            let tail = &rest[rest.find('s').map_or(0, |i| i + 1)..];
            if !tail.chars().next().is_some_and(char::is_alphanumeric) {
                return Cue::Weak;
            }
        }
        let spaced = rest.trim_start_matches(' ');
        if let Some(close) = match spaced.chars().next() {
            Some('<') => Some('>'),
            Some('(') => Some(')'),
            Some('[') => Some(']'),
            _ => None,
        } {
            let inner = spaced.get(1..).unwrap_or_default();
            let email = inner
                .chars()
                .take(120)
                .take_while(|&c| c != close && c != '\n')
                .any(|c| c == '@');
            if email {
                return Cue::Strong;
            }
            // "Folake Adebayo (Company Secretary)", "Neema Mwakalinga (lead)": a note on
            // a person's role; not an acronym, a year or a code ("(AWS)", "(2019)").
            let note_len = inner.find(close).filter(|&k| (2..=40).contains(&k));
            let note = note_len.map_or("", |k| &inner[..k]);
            let noted = close == ')'
                && words
                && !note.is_empty()
                && note
                    .chars()
                    .all(|c| c.is_alphabetic() || c == ' ' || c == '-')
                && note.chars().any(char::is_lowercase);
            return if noted { Cue::Weak } else { Cue::None };
        }
        if self.contact_follows(end) {
            return Cue::Personal;
        }
        if !words || spaced.len() == rest.len() {
            return Cue::None;
        }
        let start = end + (rest.len() - spaced.len());
        let word_len: usize = spaced
            .chars()
            .take(32)
            .take_while(|c| c.is_alphabetic())
            .map(char::len_utf8)
            .sum();
        let word_end = start + word_len;
        if word_end == start {
            return Cue::None;
        }
        let word = &text[start..word_end];
        if is_upper_start(word) {
            return Cue::None;
        }
        if self.lex.lookup(word) & WEAK_AFTER != 0 {
            Cue::Weak
        } else {
            Cue::None
        }
    }

    /// A contact list or card: a phone number or an address right after the run
    /// (`Aagam Saxena - +1 615…`, `Howell, Domenica: 332-929-2188`), or the run ending its
    /// line with such a line right under it or one line further (a title between).
    fn contact_follows(&self, end: usize) -> bool {
        let text = self.text;
        let rest = text.get(end..).unwrap_or_default();
        let spaced = rest.trim_start_matches([' ', '\t']);
        let gap = rest.len() - spaced.len();
        let after_sep = match spaced.strip_prefix(['-', '–', '—', ':', '|', ',', '/']) {
            Some(r) => Some(r.trim_start_matches(' ')),
            None if gap >= 2 => Some(spaced),
            // "contact hébergeur : Yannick 09 72 10 34 58": a number to dial right after.
            None if gap == 1 && dialable(spaced) => Some(spaced),
            None => None,
        };
        if after_sep.is_some_and(phone_or_address) {
            return true;
        }
        // The run ends its line (it may follow a bullet or a label: "- Ana Lima⏎+55…").
        if !ends_line(text, end) {
            return false;
        }
        let mut lines = rest.split('\n').skip(1);
        (0..2).any(|_| {
            lines
                .next()
                .is_some_and(|l| contact_line(l.trim_start_matches(['>', ' '])))
        })
    }

    /// `Hi, Anna!`, `Good morning, Tom,`: a greeting opening its line, then a comma.
    fn greeting_with_comma(&self, start: usize, end: usize) -> bool {
        let text = self.text;
        let head = text[..start].trim_end_matches(' ');
        let Some(head) = head.strip_suffix(',') else {
            return false;
        };
        let Some(prev) = word_ending_at(text, head.len()) else {
            return false;
        };
        if !self.greeting_follows(end) {
            return false;
        }
        let mut bits = self.bits(prev);
        let mut prev = prev;
        // "Hi there, Amber,"
        if &text[prev.0..prev.1] == "there" {
            match word_before(text, prev.0) {
                Some(w) => {
                    prev = w;
                    bits = self.bits(w);
                }
                None => return false,
            }
        }
        if bits & GREET != 0 {
            return at_line_start(text, prev.0);
        }
        bits & GREET_TAIL != 0
            && word_before(text, prev.0)
                .is_some_and(|w| self.bits(w) & GREET_HEAD != 0 && at_line_start(text, w.0))
    }

    /// `Emily from Customer Care`, `Jonas von der Buchhaltung`, `Luc du support`.
    /// The run fills its field: a line end, a bracket, a comma or a semicolon after it
    /// (`Team: Neema Mwakalinga (lead), …`).
    fn closes_field(&self, end: usize) -> bool {
        let rest = self.text.get(end..).unwrap_or_default();
        rest.trim_start_matches(' ')
            .starts_with(['(', ',', ';', '\n', '\r', '<', '|'])
            || rest.is_empty()
    }

    fn affiliation_follows(&self, end: usize) -> bool {
        let rest = self.text.get(end..).unwrap_or_default();
        [
            "from ", "of ", "at ", "von ", "aus ", "vom ", "de ", "du ", "de la ", "del ",
        ]
        .iter()
        .any(|w| rest.strip_prefix(' ').is_some_and(|r| r.starts_with(w)))
    }

    /// The run is a whole quoted string: `('Anna Schmidt', 'anna@x.de')`, `"Tom Weber"`.
    fn quoted(&self, start: usize, end: usize) -> bool {
        match (
            char_before(self.text, start),
            self.text[end..].chars().next(),
        ) {
            (Some(open @ ('\'' | '"')), Some(close)) => open == close,
            (Some('“'), Some('”')) | (Some('„'), Some('“')) | (Some('«'), Some('»')) => {
                true
            }
            _ => false,
        }
    }

    /// Whether `start..end` stands alone on a line under a sign-off line.
    pub(super) fn signed(&self, start: usize, end: usize) -> bool {
        at_line_start(self.text, start)
            && ends_line(self.text, end)
            && self.sign_off_line_before(line_start(self.text, start))
    }

    /// Whether a field label or a title stands right before `start`.
    /// A title right before `start` (`Herr `, `Dr. `).
    pub(super) fn titled(&self, start: usize) -> bool {
        self.title_before(start)
    }

    pub(super) fn labelled_or_titled(&self, start: usize) -> bool {
        self.label_before(start) || self.title_before(start)
    }

    /// `Mr. `, `Dr `, `Frau `, `M. ` right before `start`.
    fn title_before(&self, start: usize) -> bool {
        let text = self.text;
        let head = &text[..start];
        let spaced = head.trim_end_matches([' ', '\u{a0}']);
        if spaced.len() == head.len() {
            return false;
        }
        let dotted = spaced.strip_suffix('.');
        let Some((s, e)) = word_ending_at(text, dotted.unwrap_or(spaced).len()) else {
            return false;
        };
        let word = &text[s..e];
        if !is_upper_start(word) || self.lex.lookup(word) & TITLE == 0 {
            return false;
        }
        // A lone `M` is only a title with its period, and never right after a letter.
        word != "M" || dotted.is_some()
    }

    /// `Label: ` right before `start`, where the label's last word names a person's role
    /// and the label starts its field (line start, a quote, a brace, a comma).
    fn label_before(&self, start: usize) -> bool {
        self.label_kind_before(start) == Some(LabelKind::Listed)
    }

    /// The label right before `start`, if any: one the lexicon lists for a person, or
    /// (`Treasurer: `, `Klient: `, `Responsable : `) one whose last word no list has but
    /// which is built like a noun for a person who does something (`-er`, `-or`, `-ist`,
    /// `-eur`, `-ante`…). The second is weaker: `Printer: `, `Router: ` are built the same
    /// way, so the words after it must read as names on their own.
    fn label_kind_before(&self, start: usize) -> Option<LabelKind> {
        let text = self.text;
        let skip = |c: char| {
            matches!(c, ' ' | '\t' | '"' | '\'' | '*' | '`' | '«' | '“' | '„')
                || c == '\u{a0}'
                || c == '\u{202f}'
        };
        let head = text[..start].trim_end_matches(skip);
        let head = head.strip_suffix(':')?;
        let key_end = head.trim_end_matches(skip).len();
        // The key: up to three words of letters joined by spaces, `_` or `-`.
        let mut key_start = key_end;
        while let Some(c) = char_before(text, key_start) {
            if key_end - key_start > 40 {
                return None;
            }
            if c.is_alphabetic() || matches!(c, ' ' | '_' | '-') {
                key_start -= c.len_utf8();
            } else {
                break;
            }
        }
        let key = text[key_start..key_end].trim_start_matches([' ', '_', '-']);
        let mut words: [&str; 4] = [""; 4];
        let mut count = 0;
        for part in split_key(key) {
            if count == words.len() {
                return None;
            }
            words[count] = part;
            count += 1;
        }
        if count == 0 || count > 3 {
            return None;
        }
        let last = self.lex.lookup(words[count - 1]);
        if last & LABEL == 0 {
            return (count == 1 && role_noun(words[0], last)).then_some(LabelKind::Derived);
        }
        if last & NAME_WORD != 0 && count >= 2 && self.lex.lookup(words[count - 2]) & THING != 0 {
            return None;
        }
        Some(LabelKind::Listed)
    }

    /// After a greeting the name ends the clause: `Hi Anna,`, `Hallo Jonas!`, `Dear Tom and
    /// Ann`, or the line.
    fn greeting_follows(&self, end: usize) -> bool {
        let rest = self.text.get(end..).unwrap_or_default();
        let spaced = rest.trim_start_matches(' ');
        match spaced.chars().next() {
            None => true,
            Some(',' | '!' | ':' | '.' | ';' | '\n' | '\r' | '-' | '–' | '—' | ')' | '?') => {
                true
            }
            Some(c) if c.is_alphabetic() && spaced.len() < rest.len() => {
                let word_len: usize = spaced
                    .chars()
                    .take(8)
                    .take_while(|c| c.is_alphabetic())
                    .map(char::len_utf8)
                    .sum();
                self.lex.lookup(&spaced[..word_len]) & AND != 0
            }
            Some(c) => !c.is_alphanumeric() && !c.is_whitespace() && c as u32 > 0x2000,
        }
    }

    /// The line before the one starting at `ls` (skipping one blank line) is a sign-off.
    fn sign_off_line_before(&self, ls: usize) -> bool {
        let text = self.text;
        let mut end = ls;
        for _ in 0..2 {
            if end == 0 {
                return false;
            }
            let prev_end = end - 1;
            let prev_start = line_start(text, prev_end);
            let line = &text[prev_start..prev_end];
            if line.trim().is_empty() {
                end = prev_start;
                continue;
            }
            return is_sign_off(line) || is_delimiter(line);
        }
        false
    }

    /// `Thanks, Tom` / `Cheers Tom` / `Gracias, Lucía`: the line up to the run is a sign-off.
    /// The sign-off may follow a sentence on the same line: `… since Monday. thx, Kevin`.
    fn inline_sign_off(&self, start: usize) -> bool {
        let from = start.saturating_sub(MAX_SIGN_OFF + 2);
        let Some(window) = self.text.get(from..start) else {
            return false;
        };
        let clause = match window.rfind(['\n', '.', '!', '?', '"', ':', ';', '(']) {
            Some(i) => &window[i + 1..],
            None if from == 0 => window,
            None => return false,
        };
        let head = clause.trim_end_matches([' ', ',', '\t']);
        head.len() < clause.len() && (is_sign_off(head) || is_delimiter(head))
    }
}

/// A phone number (`+44 …`, `(02) …`, `0151 …`) or an e-mail address at the start of `s`.
fn phone_or_address(s: &str) -> bool {
    let bytes = s.as_bytes();
    let head = &bytes[..bytes.len().min(16)];
    let digits = head.iter().filter(|b| b.is_ascii_digit()).count();
    let phone = matches!(head.first(), Some(b'+' | b'(' | b'0'..=b'9'));
    if phone && digits >= 6 {
        return true;
    }
    let token_len = bytes
        .iter()
        .take(80)
        .position(u8::is_ascii_whitespace)
        .unwrap_or(bytes.len().min(80));
    let token = &bytes[..token_len];
    let token = token
        .strip_prefix(b"<")
        .or_else(|| token.strip_prefix(b"("))
        .unwrap_or(token);
    token.first().is_some_and(|&b| b != b'@') && token.contains(&b'@') && token.contains(&b'.')
}

/// A phone number to dial, as it opens `s`: `+` and a country code, or a trunk `0` and at
/// least eight digits in the next sixteen bytes.
fn dialable(s: &str) -> bool {
    let head = &s.as_bytes()[..s.len().min(16)];
    let digits = head.iter().filter(|b| b.is_ascii_digit()).count();
    match head {
        [b'+', d, ..] if d.is_ascii_digit() => digits >= 8,
        [b'0', ..] => digits >= 9,
        _ => false,
    }
}

/// A line of a contact card: an address or a phone number, alone or after a short label
/// (`Tel.: +34 …`, `M: 0791…`, `anna@x.de`).
fn contact_line(line: &str) -> bool {
    let line = line.trim();
    if line.is_empty() || line.len() > 80 {
        return false;
    }
    if phone_or_address(line) {
        return true;
    }
    line.split_once([':', ' ']).is_some_and(|(label, rest)| {
        label.len() <= 12 && phone_or_address(rest.trim_start_matches([':', ' ', '.']))
    })
}

/// The words of a field key: split on spaces, `_`, `-` and lower-to-upper case changes
/// (`firstName`, `customer_name`, `Seen by`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LabelKind {
    /// A label the lexicon knows for a person (`Name`, `Kontakt`, `Patient`).
    Listed,
    /// A noun built for a person who does something, no list has ([`role_noun`]).
    Derived,
}

/// A word built like a noun for a person by what they do, in the four languages:
/// `Treasurer`, `Approver`, `Coordinator`, `Pharmacist`, `Assignee`, `Klient`,
/// `Sachbearbeiterin`, `Responsable`, `Rédactrice`, `Destinataire`, `Revisora`,
/// `Encargado`. Words the lexicon knows as names, places, organisations or things are not.
fn role_noun(word: &str, bits: u32) -> bool {
    const SUFFIXES: &[&str] = &[
        "er", "or", "ist", "ant", "ent", "ee", "ian", "ary", "in", "eur", "euse", "rice", "aire",
        "iste", "ora", "ista", "ante", "ente", "ario", "aria", "ero", "era", "ado", "ada",
    ];
    let letters = word.chars().count();
    if !(5..=20).contains(&letters)
        || !word.chars().all(char::is_alphabetic)
        || bits & (NAME | PLACE | ORG | THING | TITLE) != 0
    {
        return false;
    }
    // The suffixes are ASCII: compared on bytes, without lower-casing a copy.
    let bytes = word.as_bytes();
    SUFFIXES.iter().any(|s| {
        bytes.len() > s.len() && bytes[bytes.len() - s.len()..].eq_ignore_ascii_case(s.as_bytes())
    })
}

fn split_key(key: &str) -> impl Iterator<Item = &str> {
    key.split([' ', '_', '-'])
        .filter(|p| !p.is_empty())
        .flat_map(|part| {
            let mut cuts = [0usize; 5];
            let mut n = 1;
            let mut prev_lower = false;
            for (i, c) in part.char_indices() {
                if c.is_uppercase() && prev_lower && n < cuts.len() {
                    cuts[n] = i;
                    n += 1;
                }
                prev_lower = c.is_lowercase();
            }
            (0..n).map(move |k| {
                let from = cuts[k];
                let to = if k + 1 < n { cuts[k + 1] } else { part.len() };
                &part[from..to]
            })
        })
}

/// Whether the list of names continues: between the end of an accepted name and `start`
/// there is only a separator (`,` `;` `&` `/` and/und/et/y), optionally after an address
/// in brackets: `To: Anna <a@x.de>, Tom <t@x.de>`.
pub(super) fn list_continues(text: &str, lex: &Lexicon, prev_end: usize, start: usize) -> bool {
    let Some(between) = text.get(prev_end..start) else {
        return false;
    };
    if between.len() > 140 || between.contains('\n') {
        return false;
    }
    let mut rest = between.trim_start();
    if let Some(close) = match rest.chars().next() {
        Some('<') => Some('>'),
        Some('(') => Some(')'),
        _ => None,
    } {
        match rest.find(close) {
            Some(i) => rest = rest[i + 1..].trim_start(),
            None => return false,
        }
    }
    let rest = rest.trim_end();
    let rest = rest
        .strip_prefix([',', ';', '&', '/'])
        .map_or(rest, str::trim_start);
    rest.is_empty()
        || (rest.chars().all(char::is_alphabetic) && lex.lookup(rest) & AND != 0)
            && !between.trim_start().starts_with(['.', '!', '?'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sign_off_lines_are_recognised_in_four_languages() {
        for line in [
            "Best regards,",
            "Thanks!",
            "Mit freundlichen Grüßen",
            "Liebe Grüße",
            "Cordialement,",
            "Bien à vous,",
            "Saludos,",
            "Un saludo",
            "À bientôt !",
        ] {
            assert!(is_sign_off(line), "{line}");
        }
        assert!(is_delimiter("-- "));
        assert!(is_delimiter("—"));
        for line in ["Best practices", "Regards to all of you", "Hello,", ""] {
            assert!(!is_sign_off(line), "{line}");
        }
    }

    #[test]
    fn every_context_section_is_known_and_filled() {
        let mut seen = std::collections::HashSet::new();
        for (word, bits) in context_words() {
            assert!(!word.starts_with('['), "unknown section {word}");
            assert_eq!(word, word.to_lowercase(), "{word}");
            seen.insert(bits);
        }
        assert_eq!(seen.len(), SECTIONS.len());
        assert!(SIGN_OFFS.len() > 50);
    }

    #[test]
    fn field_keys_split_into_words() {
        let words: Vec<&str> = split_key("firstName").collect();
        assert_eq!(words, vec!["first", "Name"]);
        let words: Vec<&str> = split_key("customer_name").collect();
        assert_eq!(words, vec!["customer", "name"]);
        let words: Vec<&str> = split_key("Seen by").collect();
        assert_eq!(words, vec!["Seen", "by"]);
    }
}
