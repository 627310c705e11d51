//! What makes a run of names something else: a brand ("Ralph Lauren"), a street, a
//! market or a place after it, a company suffix, a law or a storm named after a person, a
//! timestamp (a chat log's speaker line).

use super::*;

pub(super) const PERSON_BRANDS: &str = include_str!("../../../data/names/person-brands.txt");

/// A hash of the pieces' text, ASCII letters folded to lower case and `’` read as `'`:
/// brands are compared by it, without building strings.
pub(super) fn folded_hash(pieces: &[&str]) -> u64 {
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
pub(super) static BRANDS: std::sync::LazyLock<Brands> = std::sync::LazyLock::new(|| {
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
pub(super) struct Brands(Box<[u64]>);

impl Brands {
    pub(super) fn contains(&self, hash: &u64) -> bool {
        self.0.binary_search(hash).is_ok()
    }
}

/// Whether `text[start..end]` (with a following `'s`, or with `& …` and the next word)
/// is a brand named after a person.
pub(super) fn is_brand(text: &str, start: usize, end: usize) -> bool {
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
pub(super) const NAMED_AFTER_IN_RUN: &[&str] = &[
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
pub(super) const NAMED_AFTER_NEXT: &[&str] = &[
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
pub(super) fn named_after(text: &str, names: &[Token], end: usize, listed_full: bool) -> bool {
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
pub(super) const STREET_WORDS: &[&str] = &[
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
pub(super) const MARKETS: &[&str] = &[
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

pub(super) const PLACE_HEADS: &[&str] = &[
    "San", "Santa", "Santo", "São", "Sao", "Saint", "Sainte", "Sankt", "St", "Los", "Las", "Port",
    "Puerto", "Porto", "Fort", "Mount", "New", "Nueva", "Nuevo", "Rio", "Río",
];

/// Words right before a city that is also a name which make it the city: arriving,
/// visiting, being stuck, in four languages.
pub(super) const PLACE_BEFORE: &[&str] = &[
    "in", "nach", "à", "en", "a", "visit", "visiting", "lands", "land", "arrives", "arrive",
    "arrival", "ankunft", "arrivée", "llega", "llegada", "flight", "flug", "vol", "vuelo", "trip",
    "fly", "flying", "travel", "reise", "voyage", "viaje", "stuck", "bloquée", "bloqué", "hängt",
    "parado", "parada", "departs", "via", "near", "bei", "nahe", "près", "cerca", "aus", "desde",
    "depuis", "from", "visiter", "visitar", "besuchen",
];

/// An organisation word after the run at `end`, past spaces, an `&` and one more
/// capitalised word: `SE`, `S.A.`, `GmbH`, `& Partner`, `Oyj`.
pub(super) fn org_suffix_after(text: &str, lex: &Lexicon, end: usize) -> bool {
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
pub(super) fn timestamp_after(bytes: &[u8], end: usize) -> bool {
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
