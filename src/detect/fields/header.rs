//! What a column header or a setting's key says its values are, in English, German, French
//! and Spanish: `name`, `Nachname`, `prénom`, `teléfono`, `cardNumber`, `SSN`, `iban`,
//! `db_password`. A header is split into lower-case, accent-folded words (on spaces, `_`,
//! `-`, `.` and camel-case changes), and the words decide: a qualifier that makes the
//! header about something else (`company name`, `card_expiry`, `phone_type`,
//! `password_hint`) outweighs the head word.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

/// FNV-1a: header words are a few bytes, and every setting key of a prompt is looked up,
/// so the default SipHash costs more than the table it serves. The keys are the fixed
/// vocabulary below, not chosen by callers.
#[derive(Debug, Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type Vocabulary = HashMap<&'static [u8], u32, BuildHasherDefault<Fnv>>;

/// The kind of value a column or a setting holds, as far as its header tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FieldKind {
    /// A person's name, written under a header that says so (`name`, `Vorname`, `nombre`).
    Name,
    /// A header that names a person's role (`customer`, `owner`, `Kunde`): the values are
    /// names only when they look like one.
    Role,
    Phone,
    Ssn,
    Card,
    Iban,
    Secret,
    /// An e-mail address: left to the e-mail recognizer, but it says the table is about
    /// people.
    Email,
}

/// The longest header looked at, in bytes; longer cells are data or prose.
pub(crate) const MAX_HEADER: usize = 48;

/// The kind a header or key names, if any.
pub(crate) fn header_kind(header: &str) -> Option<FieldKind> {
    header_info(header).map(|(kind, _)| kind)
}

/// The kind a header or key names, and for names whether the header is only the generic
/// `name` (`nombre`, `nom`), which tables of things use as much as tables of people.
pub(crate) fn header_info(header: &str) -> Option<(FieldKind, bool)> {
    let header = header
        .trim()
        .trim_matches(['"', '\'', '`', '*', '#', ':', ' ']);
    if header.is_empty() || header.len() > MAX_HEADER {
        return None;
    }
    let mut words = [[0u8; 24]; MAX_WORDS];
    let mut lens = [0usize; MAX_WORDS];
    let n = split_words(header, &mut words, &mut lens)?;
    let vocabulary = &*VOCABULARY;
    let look = |w: &[u8]| vocabulary.get(w).copied().unwrap_or(0);
    let mut bits = 0u32;
    // Name words other than the generic `name`: `Nachname`, `prénom`, `surname`.
    let mut specific_names = 0;
    for k in 0..n {
        let b = look(&words[k][..lens[k]]);
        bits |= b;
        specific_names += usize::from(b & NAME != 0 && b & GENERIC == 0);
    }
    // `api key`, `phone number`, `first_name`, `mot de passe`: the words written as one
    // count too.
    let mut joined = [0u8; MAX_HEADER];
    for k in 1..n {
        let (a, b) = (&words[k - 1][..lens[k - 1]], &words[k][..lens[k]]);
        joined[..a.len()].copy_from_slice(a);
        joined[a.len()..a.len() + b.len()].copy_from_slice(b);
        bits |= look(&joined[..a.len() + b.len()]);
    }
    if n > 2 {
        let mut len = 0;
        for k in 0..n {
            let w = &words[k][..lens[k]];
            if len + w.len() > joined.len() {
                break;
            }
            joined[len..len + w.len()].copy_from_slice(w);
            len += w.len();
        }
        bits |= look(&joined[..len]);
    }
    // German compounds: `Initialpasswort`, `Datenbankkennwort`.
    if n == 1
        && [&b"passwort"[..], b"kennwort", b"password"]
            .iter()
            .any(|s| words[0][..lens[0]].ends_with(s))
    {
        bits |= SECRET;
    }
    let kind = classify(bits, n)?;
    let generic = kind == FieldKind::Name && specific_names == 0 && bits & SPECIFIC == 0;
    Some((kind, generic))
}

fn classify(bits: u32, words: usize) -> Option<FieldKind> {
    let has = |b: u32| bits & b != 0;
    if has(SECRET) {
        return (!has(SECRET_NEG)).then_some(FieldKind::Secret);
    }
    if has(HOLDER) {
        return (!has(THING)).then_some(FieldKind::Name);
    }
    if has(CARD) {
        return (!has(CARD_NEG)).then_some(FieldKind::Card);
    }
    if has(SSN) {
        return (!has(NUMBER_NEG)).then_some(FieldKind::Ssn);
    }
    if has(IBAN) {
        return (!has(NUMBER_NEG)).then_some(FieldKind::Iban);
    }
    if has(PHONE) {
        return (!has(PHONE_NEG)).then_some(FieldKind::Phone);
    }
    if has(EMAIL) {
        return (!has(EMAIL_NEG)).then_some(FieldKind::Email);
    }
    if has(THING) {
        return None;
    }
    if has(NAME) {
        return Some(FieldKind::Name);
    }
    if has(ROLE) && words <= 3 {
        return Some(FieldKind::Role);
    }
    None
}

const SECRET: u32 = 1;
const SECRET_NEG: u32 = 1 << 1;
const HOLDER: u32 = 1 << 2;
const THING: u32 = 1 << 3;
const CARD: u32 = 1 << 4;
const CARD_NEG: u32 = 1 << 5;
const SSN: u32 = 1 << 6;
const IBAN: u32 = 1 << 7;
const NUMBER_NEG: u32 = 1 << 8;
const PHONE: u32 = 1 << 9;
const PHONE_NEG: u32 = 1 << 10;
const EMAIL: u32 = 1 << 11;
const EMAIL_NEG: u32 = 1 << 12;
const NAME: u32 = 1 << 13;
const ROLE: u32 = 1 << 14;
/// `name`, `nombre`, `nom`: the generic name words.
const GENERIC: u32 = 1 << 15;
/// `first`, `last`, `full`, `given`, `family`: qualifiers that make `name` a person's.
const SPECIFIC: u32 = 1 << 16;

/// The word lists of `data/fields/header-words.txt`, by section.
static WORD_LISTS: LazyLock<HashMap<&'static str, Vec<&'static [u8]>>> = LazyLock::new(|| {
    let mut lists: HashMap<&'static str, Vec<&'static [u8]>> = HashMap::new();
    let mut section = "";
    for line in include_str!("../../../data/fields/header-words.txt").lines() {
        let line = line.trim();
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            section = name;
        } else if !line.is_empty() && !line.starts_with('#') {
            lists.entry(section).or_default().push(line.as_bytes());
        }
    }
    lists
});

/// One section of the header word lists (empty for a name no section has).
fn word_list(section: &str) -> &'static [&'static [u8]] {
    WORD_LISTS.get(section).map_or(&[], Vec::as_slice)
}

/// Every header word with the roles it plays, built once.
static VOCABULARY: LazyLock<Vocabulary> = LazyLock::new(|| {
    let mut map = Vocabulary::default();
    let lists: [(&[&[u8]], u32); 17] = [
        (word_list("secret-words"), SECRET),
        (word_list("secret-negatives"), SECRET_NEG),
        (word_list("holder-words"), HOLDER),
        (word_list("thing-words"), THING),
        (word_list("card-words"), CARD),
        (word_list("card-negatives"), CARD_NEG),
        (word_list("ssn-words"), SSN),
        (word_list("iban-words"), IBAN),
        (word_list("number-negatives"), NUMBER_NEG),
        (word_list("phone-words"), PHONE),
        (word_list("phone-negatives"), PHONE_NEG),
        (word_list("email-words"), EMAIL),
        (word_list("email-negatives"), EMAIL_NEG),
        (word_list("name-words"), NAME),
        (word_list("role-words"), ROLE),
        (word_list("generic-name-words"), GENERIC),
        (word_list("name-qualifiers"), SPECIFIC),
    ];
    for (list, bit) in lists {
        for word in list {
            *map.entry(*word).or_insert(0) |= bit;
        }
    }
    map
});

/// Whether a header says the rows are things rather than people: `sku`, `price`,
/// `version`, `stock`.
pub(crate) fn names_a_thing(header: &str) -> bool {
    let h = header.trim().to_lowercase();
    word_list("thing-columns").contains(&h.as_bytes())
}

/// Whether a header names something other than a person or a personal value: a place, a
/// company, a product (`city`, `Stadt`, `ciudad`, `company`, `Firma`).
pub(crate) fn names_something_else(header: &str) -> bool {
    let mut words = [[0u8; 24]; MAX_WORDS];
    let mut lens = [0usize; MAX_WORDS];
    let Some(n) = split_words(header.trim(), &mut words, &mut lens) else {
        return false;
    };
    let vocabulary = &*VOCABULARY;
    (0..n).any(|k| {
        let w = &words[k][..lens[k]];
        vocabulary.get(w).is_some_and(|b| b & THING != 0) || word_list("place-words").contains(&w)
    })
}

/// Whether a header or key names a place or an organisation (`City`, `office_location`,
/// `Standort`, `company`): its values hold no person. Addresses are not among them: an
/// address may start with a name.
pub(crate) fn names_a_place(header: &str) -> bool {
    let header = header.trim();
    // Most keys are ASCII: their last word, read backwards up to a separator or the
    // capital of a camel hump, is compared at once.
    if header.is_ascii() {
        let bytes = header.as_bytes();
        let mut start = bytes.len();
        while start > 0 && bytes[start - 1].is_ascii_alphabetic() {
            start -= 1;
            if bytes[start].is_ascii_uppercase()
                && start > 0
                && bytes[start - 1].is_ascii_lowercase()
            {
                break;
            }
        }
        let last = &bytes[start..];
        if last.is_empty() || last.len() > 16 {
            return false;
        }
        let mut buf = [0u8; 16];
        for (d, b) in buf.iter_mut().zip(last) {
            *d = b.to_ascii_lowercase();
        }
        return is_place_word(&buf[..last.len()]);
    }
    let mut words = [[0u8; 24]; MAX_WORDS];
    let mut lens = [0usize; MAX_WORDS];
    let Some(n) = split_words(header.trim(), &mut words, &mut lens) else {
        return false;
    };
    // The last word says what the values are: `city` and `office` are places, `city_manager`
    // and `office_contact` are people.
    n > 0 && is_place_word(&words[n - 1][..lens[n - 1]])
}

/// A lower-case, accent-folded header word that names a place or an organisation.
fn is_place_word(word: &[u8]) -> bool {
    PLACE_OR_ORGANISATION.binary_search(&word).is_ok()
}

/// The place words but addresses, and the organisation words, sorted for a binary search.
static PLACE_OR_ORGANISATION: std::sync::LazyLock<Vec<&'static [u8]>> =
    std::sync::LazyLock::new(|| {
        let mut words: Vec<&'static [u8]> = word_list("place-words")
            .iter()
            .chain(word_list("organisation-words"))
            .copied()
            .filter(|w| !matches!(*w, b"address" | b"adresse" | b"direccion" | b"street"))
            .collect();
        words.sort_unstable();
        words
    });

/// Splits `header` into at most six lower-case, accent-folded ASCII words of at most 24
/// bytes; None when a word has other characters (the cell is not a header).
const MAX_WORDS: usize = 6;

fn split_words(
    header: &str,
    words: &mut [[u8; 24]; MAX_WORDS],
    lens: &mut [usize; MAX_WORDS],
) -> Option<usize> {
    let mut n = 0;
    let mut len = 0;
    let mut prev_lower = false;
    let mut push = |n: &mut usize, len: &mut usize| -> Option<()> {
        if *len > 0 {
            if *n == MAX_WORDS {
                return None;
            }
            lens[*n] = *len;
            *n += 1;
            *len = 0;
        }
        Some(())
    };
    for c in header.chars() {
        let folded = fold(c);
        match folded {
            Some(b) if b.is_ascii_alphanumeric() => {
                if c.is_uppercase() && prev_lower {
                    push(&mut n, &mut len)?;
                }
                if n == MAX_WORDS || len == 24 {
                    return None;
                }
                words[n][len] = b.to_ascii_lowercase();
                len += 1;
                prev_lower = c.is_lowercase() || c.is_ascii_digit();
            }
            _ if matches!(
                c,
                ' ' | '_' | '-' | '.' | '/' | '#' | '(' | ')' | 'º' | '°' | '\t'
            ) =>
            {
                push(&mut n, &mut len)?;
                prev_lower = false;
            }
            _ => return None,
        }
    }
    push(&mut n, &mut len)?;
    (n > 0).then_some(n)
}

/// ASCII for the accented Latin letters headers use; None for other characters.
fn fold(c: char) -> Option<u8> {
    if c.is_ascii() {
        return Some(c as u8);
    }
    Some(match c.to_lowercase().next()? {
        'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' => b'a',
        'é' | 'è' | 'ê' | 'ë' => b'e',
        'í' | 'ì' | 'î' | 'ï' => b'i',
        'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ø' => b'o',
        'ú' | 'ù' | 'û' | 'ü' => b'u',
        'ñ' => b'n',
        'ç' => b'c',
        'ß' => b's',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_list_the_code_reads_is_in_the_data_file() {
        let code = include_str!("header.rs");
        let mut read = 0;
        for (at, _) in code.match_indices("word_list(\"") {
            let name = &code[at + 11..];
            let name = &name[..name.find('"').unwrap()];
            assert!(!word_list(name).is_empty(), "no section [{name}]");
            read += 1;
        }
        assert!(read >= 20, "{read}");
    }

    #[test]
    fn headers_in_four_languages_name_their_kind() {
        for (header, kind) in [
            ("name", FieldKind::Name),
            ("Full Name", FieldKind::Name),
            ("employee_name", FieldKind::Name),
            ("first_name", FieldKind::Name),
            ("Ph.", FieldKind::Phone),
            ("contact number", FieldKind::Phone),
            ("Mobile No", FieldKind::Phone),
            ("lastName", FieldKind::Name),
            ("Nachname", FieldKind::Name),
            ("Prénom", FieldKind::Name),
            ("nombre completo", FieldKind::Name),
            ("Apellidos", FieldKind::Name),
            ("card_holder", FieldKind::Name),
            ("Titular", FieldKind::Name),
            ("customer", FieldKind::Role),
            ("Kunde", FieldKind::Role),
            ("Phone", FieldKind::Phone),
            ("phone_number", FieldKind::Phone),
            ("Teléfono móvil", FieldKind::Phone),
            ("téléphone", FieldKind::Phone),
            ("Handynummer", FieldKind::Phone),
            ("SSN", FieldKind::Ssn),
            ("social_security_number", FieldKind::Ssn),
            ("Social Security #", FieldKind::Ssn),
            ("card", FieldKind::Card),
            ("cardNumber", FieldKind::Card),
            ("Kartennummer", FieldKind::Card),
            ("Nº de tarjeta", FieldKind::Card),
            ("numéro de carte", FieldKind::Card),
            ("cc_number", FieldKind::Card),
            ("IBAN", FieldKind::Iban),
            ("password", FieldKind::Secret),
            ("db_password", FieldKind::Secret),
            ("api_key", FieldKind::Secret),
            ("Passwort", FieldKind::Secret),
            ("contraseña", FieldKind::Secret),
            ("mot_de_passe", FieldKind::Secret),
            ("E-Mail", FieldKind::Email),
            ("correo electrónico", FieldKind::Email),
        ] {
            assert_eq!(header_kind(header), Some(kind), "{header}");
        }
    }

    #[test]
    fn only_the_bare_name_word_is_generic() {
        for (header, generic) in [
            ("name", true),
            ("Nombre", true),
            ("first_name", false),
            ("Nachname", false),
            ("customer_name", false),
            ("nombre completo", false),
        ] {
            assert_eq!(
                header_info(header),
                Some((FieldKind::Name, generic)),
                "{header}"
            );
        }
    }

    #[test]
    fn qualifiers_make_a_header_about_something_else() {
        for header in [
            "company_name",
            "Firmenname",
            "file name",
            "hostname",
            "username",
            "product",
            "card_expiry",
            "card type",
            "cardLast4",
            "phone_type",
            "password_hint",
            "token_type",
            "created_at",
            "order id",
            "amount",
            "this is a long sentence and not a header at all, surely",
            "",
            "42",
            "email_verified",
        ] {
            assert_eq!(header_kind(header), None, "{header}");
        }
    }
}
