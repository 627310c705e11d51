//! Names in a table cell or a setting value whose header or key says it holds a person
//! (`name`, `Vorname`, `customer`): there the words around a name are gone, and names may
//! be written in lower case or capitals, or as "Last, First". The header stands in for
//! the context; the value still has to be shaped like a name.

use super::lexicon::{
    AMBIGUOUS, COMMON, FIRST, GREET, HARD, LABEL, LEXICON, NAME, NEG_BEFORE, ORG, PARTICLE, PLACE,
    SOFT, TITLE,
};

/// How much the header or key says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NameEvidence {
    /// A column headed `name`, `Nachname`…: a name-shaped cell is a name.
    Column,
    /// A column whose other cells are mostly names, or a column headed by a role
    /// (`customer`, `owner`): the cell needs a listed name or the shape of a full name.
    Weak,
    /// A cell of a column already found to hold names: as [`NameEvidence::Weak`], and a
    /// capitalised full name may have one ordinary word ("Tamer Darwish").
    Among,
}

/// Most words a name value has (titles excluded).
const MAX_WORDS: usize = 5;
/// The longest value read as a name, in bytes.
const MAX_LEN: usize = 80;

/// Values that fill a name column without naming anyone.
const FILLERS: &[&str] = &[
    "n/a",
    "na",
    "none",
    "null",
    "nil",
    "unknown",
    "tbd",
    "tba",
    "anonymous",
    "anon",
    "test",
    "admin",
    "system",
    "root",
    "guest",
    "user",
    "nobody",
    "various",
    "vacant",
    "open",
    "todo",
    "undefined",
    "empty",
    "default",
    "sample",
    "example",
    "demo",
    "unbekannt",
    "keiner",
    "inconnu",
    "aucun",
    "desconocido",
    "ninguno",
    "true",
    "false",
    "yes",
    "no",
];

/// The name in `text[start..end]` (a cell or a value, already trimmed of quotes): its
/// byte range without a leading title or a trailing bracket, and a confidence; None when
/// the value is not shaped like a name.
pub(crate) fn name_in_field(
    text: &str,
    start: usize,
    end: usize,
    evidence: NameEvidence,
) -> Option<(usize, usize, f32)> {
    let value = name_shaped(text.get(start..end)?)?;
    let lex = &*LEXICON;
    let mut words = value.split([' ', ',']).filter(|w| !w.is_empty()).peekable();
    let mut name_start = start;
    // Titles stay outside the span: "Dr. Amara Okafor", "Sra. Ruiz".
    while let Some(w) = words.peek() {
        let bare = w.trim_end_matches('.');
        if !bare.is_empty() && lex.lookup(bare) & TITLE != 0 {
            let at = value.find(w).map_or(0, |k| k + w.len());
            name_start = start + at;
            words.next();
        } else {
            break;
        }
    }
    let tally = WordTally::of(words)?;
    let named = tally.count - tally.initials;
    if named == 0 || tally.common == named || tally.count == tally.initials {
        return None;
    }
    let end = start + value.len();
    let name_start = skip_spaces(text, name_start, end);
    // "Okafor, Chinedu" under a name-ish header or key: the comma form is a name's.
    let last_first = value.matches(',').count() == 1 && named >= 2 && tally.common == 0;
    let confidence = if last_first {
        0.9
    } else {
        tally.confidence(evidence, named)?
    };
    (name_start < end).then_some((name_start, end, confidence))
}

/// The value without a note in brackets ("Kwame Mensah (remote)"), if it has a name's
/// characters and is neither a filler (`n/a`, `unknown`) nor a fixture of two teams
/// ("Charlton Athletic v Bolton Wanderers").
fn name_shaped(value: &str) -> Option<&str> {
    if value.is_empty() || value.len() > MAX_LEN {
        return None;
    }
    let value = value.split(" (").next().unwrap_or(value).trim_end();
    let ok = value
        .chars()
        .all(|c| c.is_alphabetic() || matches!(c, ' ' | '-' | '\'' | '’' | '.' | ','))
        && !FILLERS.iter().any(|f| value.eq_ignore_ascii_case(f))
        && !value
            .split(' ')
            .any(|w| matches!(w, "v" | "vs" | "vs." | "v."));
    ok.then_some(value)
}

/// What the words of a value are, by the lists.
#[derive(Debug, Default)]
struct WordTally {
    count: usize,
    listed: usize,
    common: usize,
    capitalised: usize,
    initials: usize,
    first_capitalised: bool,
}

impl WordTally {
    /// The tally of `words`; `None` when one of them rules a name out (an organisation
    /// word, a title or label inside, too many words).
    fn of<'w>(words: impl Iterator<Item = &'w str>) -> Option<Self> {
        let mut tally = Self::default();
        for word in words {
            let bare = word.trim_matches(['.', '-', '\'', '’']);
            if bare.is_empty() {
                return None;
            }
            tally.count += 1;
            if tally.count > MAX_WORDS {
                return None;
            }
            if bare.chars().count() == 1 {
                tally.initials += 1;
                continue;
            }
            if bare.starts_with(char::is_uppercase) {
                tally.capitalised += 1;
            }
            let bits = word_bits(bare);
            if bits & PARTICLE != 0 && bits & NAME == 0 {
                continue;
            }
            if bits & ORG != 0 {
                return None;
            }
            if bits & NAME != 0 {
                if bits & AMBIGUOUS == 0 {
                    tally.listed += 1;
                    if bits & FIRST != 0 && bare.starts_with(char::is_uppercase) {
                        tally.first_capitalised = true;
                    }
                }
                continue;
            }
            if bits & (HARD | TITLE | GREET | LABEL | NEG_BEFORE) != 0 {
                return None;
            }
            if bits & (COMMON | PLACE | SOFT) != 0 || bits != 0 {
                tally.common += 1;
            }
        }
        Some(tally)
    }

    /// The confidence of a name of `named` words (initials aside) given what says the
    /// field holds a name; `None` when that is not enough.
    fn confidence(&self, evidence: NameEvidence, named: usize) -> Option<f32> {
        let (listed, common, capitalised) = (self.listed, self.common, self.capitalised);
        Some(match evidence {
            NameEvidence::Column if listed > 0 => 0.9,
            NameEvidence::Column if common == 0 => 0.8,
            // Ordinary words among the names ("Nguyễn Văn An", "Sunny Patel"): a column of
            // names makes them one, unless ordinary words are all there is.
            NameEvidence::Column => 0.7,
            // One word is a name only as a capitalised, listed first name ("Priya"), not
            // as a surname that is also a word ("billing", "Stone").
            NameEvidence::Weak | NameEvidence::Among
                if named == 1 && self.first_capitalised && common == 0 =>
            {
                0.75
            }
            NameEvidence::Weak | NameEvidence::Among if named == 1 => return None,
            NameEvidence::Weak | NameEvidence::Among if listed > 0 && common == 0 => 0.8,
            NameEvidence::Weak | NameEvidence::Among if common == 0 && capitalised == named => 0.7,
            // "Tamer Darwish", "Rose Okafor": in a column of names, a capitalised full
            // name may have ordinary words, as long as not all of them are.
            NameEvidence::Among if named >= 2 && common < named && capitalised == named => 0.6,
            NameEvidence::Weak | NameEvidence::Among => return None,
        })
    }
}

/// The role bits of a word; a hyphenated word unknown as a whole takes its parts'
/// ("García-Márquez" is a surname, "web-server" two ordinary words).
fn word_bits(word: &str) -> u32 {
    let lex = &*LEXICON;
    let bits = lex.lookup(word);
    if bits != 0 || !word.contains('-') {
        return bits;
    }
    let mut names = 0;
    for part in word.split('-').filter(|p| !p.is_empty()) {
        let part_bits = lex.lookup(part);
        if part_bits & NAME == 0 && part_bits != 0 {
            return part_bits;
        }
        names |= part_bits;
    }
    names
}

fn skip_spaces(text: &str, mut at: usize, end: usize) -> usize {
    while at < end && text.as_bytes()[at] == b' ' {
        at += 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(value: &str, evidence: NameEvidence) -> Option<&str> {
        name_in_field(value, 0, value.len(), evidence).map(|(s, e, _)| &value[s..e])
    }

    #[test]
    fn names_in_any_case_and_order_are_names_under_a_name_header() {
        for value in [
            "Chinedu Okafor",
            "oluwaseun adeyemi",
            "MARIA GARCIA",
            "Okafor, Chinedu",
            "Siobhán Nic Dhonnacha",
            "van der Berg",
            "Nguyễn Văn An",
            "J. R. Tolkien",
            "Wanjiru",
        ] {
            assert_eq!(name(value, NameEvidence::Column), Some(value), "{value}");
        }
        assert_eq!(
            name("Dr. Amara Okafor", NameEvidence::Column),
            Some("Amara Okafor")
        );
        assert_eq!(
            name("Kwame Mensah (remote)", NameEvidence::Column),
            Some("Kwame Mensah")
        );
    }

    #[test]
    fn values_that_are_not_names_are_left_alone() {
        for value in [
            "n/a",
            "Unknown",
            "Acme GmbH",
            "Support Team",
            "42",
            "anna@example.org",
            "web-server",
            "the quick brown fox jumps over",
            "",
            "Dr.",
        ] {
            assert_eq!(name(value, NameEvidence::Column), None, "{value}");
        }
    }

    #[test]
    fn weak_evidence_needs_a_listed_name_or_a_capitalised_full_name() {
        assert!(name("Anna Roth", NameEvidence::Weak).is_some());
        assert!(name("Oluwaseun Adeyemi", NameEvidence::Weak).is_some());
        assert!(name("postgres", NameEvidence::Weak).is_none());
        assert!(name("billing", NameEvidence::Weak).is_none());
    }
}
