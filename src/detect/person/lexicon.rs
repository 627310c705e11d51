//! The word table behind the PERSON recognizer: every word it knows, lower-cased, with the
//! roles it can play (first name, surname, ordinary word, title, greeting, field label…).
//!
//! The name and word lists are compiled into the binary from `data/names/` (see its
//! README for sources and licences) and parsed once, on first use (about 20 ms), into one
//! open-addressing table of 8-byte slots (512 KiB). A lookup of a short ASCII word is two
//! loads from the text, a bit-or to lower-case, one multiply-rotate hash and usually one
//! slot compare; other words are lower-cased into a stack buffer first.

use std::collections::HashMap;
use std::sync::LazyLock;

use super::context;

/// In a first-name list.
pub(super) const FIRST: u32 = 1;
/// In a surname list.
pub(super) const LAST: u32 = 1 << 1;
/// An ordinary word (stop words, common vocabulary) that no name list has.
pub(super) const COMMON: u32 = 1 << 2;
/// Never part of a name (`not-names.txt` [hard]): function words, weekdays, brands.
pub(super) const HARD: u32 = 1 << 3;
/// An ordinary word that is also a name ("Will", "Rose", "Bauer").
pub(super) const SOFT: u32 = 1 << 4;
/// A word of organisation names ("GmbH", "Analytics", "University").
pub(super) const ORG: u32 = 1 << 5;
/// A place (country, region, city).
pub(super) const PLACE: u32 = 1 << 6;
/// A name particle: van, von, de, del, da, du, le, la…
pub(super) const PARTICLE: u32 = 1 << 7;
/// A title that stands before a name and stays outside its span: Mr, Dr, Herr, Mme, Sra.
pub(super) const TITLE: u32 = 1 << 8;
/// A greeting that is followed by a name: hi, dear, hallo, liebe, bonjour, hola.
pub(super) const GREET: u32 = 1 << 9;
/// The second word of a two-word greeting: (good) morning, (guten) Tag, (buenos) días.
pub(super) const GREET_TAIL: u32 = 1 << 10;
/// The first word of a two-word greeting: good, guten, buenos, sehr (geehrte).
pub(super) const GREET_HEAD: u32 = 1 << 11;
/// The last word of a field label that holds a person: From, Patient, Kunde, Nom, Nombre.
pub(super) const LABEL: u32 = 1 << 12;
/// A word after which a name may follow: "to", "from", "de", and every [`PERSONAL`] word.
pub(super) const WEAK_BEFORE: u32 = 1 << 13;
/// A word that likely follows a name: said, wrote, sagte, a dit, dijo.
pub(super) const WEAK_AFTER: u32 = 1 << 14;
/// "name", "nom", "nombre": before "is"/"ist"/"est"/"es" it introduces a name.
pub(super) const NAME_WORD: u32 = 1 << 15;
/// "is", "ist", "est", "es", after a [`NAME_WORD`].
pub(super) const COPULA: u32 = 1 << 16;
/// "heiße", "appelle", "llamo": the next word is the speaker's name.
pub(super) const NAME_IS: u32 = 1 << 17;
/// Before a capitalised run, marks it as an address or institution, not a person:
/// rue, avenue, calle, lycée, hospital.
pub(super) const NEG_BEFORE: u32 = 1 << 18;
/// Qualifiers that make a "name" label about a thing: company name, file name.
pub(super) const THING: u32 = 1 << 19;
/// Words joining the items of a list of names: and, und, et, y, or.
pub(super) const AND: u32 = 1 << 20;

/// A word before a name that points at a person (said, with, colleague).
pub(super) const PERSONAL: u32 = 1 << 21;
/// "to", "an", "à": after a [`PERSONAL`] verb they pass it on ("reply to Maurice").
pub(super) const PREPOSITION: u32 = 1 << 22;

/// An article or determiner: the capitalised word after it is a noun or a thing.
pub(super) const DETERMINER: u32 = 1 << 23;

/// Before a capitalised run, marks it as a storm, a law or a saint's day named after a
/// person ("Storm Ciarán", "loi de Conway", "St. Patrick"); unlike [`NEG_BEFORE`] the
/// word itself may still be a name ("Jonas Sturm").
pub(super) const EPONYM: u32 = 1 << 24;

/// Words with a name role.
pub(super) const NAME: u32 = FIRST | LAST;
/// Words that weaken a name reading.
pub(super) const AMBIGUOUS: u32 = SOFT | PLACE;

const CENSUS_FIRST: &str = include_str!("../../../data/names/census-1990-first.txt");
const CENSUS_LAST: &str = include_str!("../../../data/names/census-1990-last.txt");
const FAKER_FIRST: &str = include_str!("../../../data/names/faker-first.txt");
const FAKER_LAST: &str = include_str!("../../../data/names/faker-last.txt");
const FAKER_PLACES: &str = include_str!("../../../data/names/faker-places.txt");
const FAKER_WORDS: &str = include_str!("../../../data/names/faker-words.txt");
const STOPWORDS: &str = include_str!("../../../data/names/stopwords-iso.txt");
const WORLD_FIRST: &str = include_str!("../../../data/names/faker-world-first.txt");
const WORLD_LAST: &str = include_str!("../../../data/names/faker-world-last.txt");
const COMMON_WORDS: &str = include_str!("../../../data/names/common-words.txt");
const WORLD_PLACES: &str = include_str!("../../../data/names/world-places.txt");
const NOT_NAMES: &str = include_str!("../../../data/names/not-names.txt");

/// The longest word looked up, in bytes after lower-casing; longer words are unknown.
const MAX_WORD: usize = 64;

/// A multiply-fold round per 8 bytes with a final avalanche, so that both the high bits
/// (slot) and the low bits (fingerprint) are good. The keys are
/// fixed words from the data files, not chosen by callers, so a keyed hash buys nothing.
/// `buf` holds the key in its first `len` bytes and zeros after them.
fn hash_padded(buf: &[u8; MAX_WORD], len: usize) -> u64 {
    let mut h = len as u64;
    for chunk in buf[..len.div_ceil(8) * 8].chunks_exact(8) {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        h = mix(h, u64::from_le_bytes(word));
    }
    finish(h)
}

/// One round per 8 bytes: multiply, then fold the high half into the low half, so that a
/// difference anywhere in `word` reaches every bit of the next round. (FxHash's
/// rotate-xor-multiply alone let words such as "caminando" and "caminante" collide in
/// full: a difference in a chunk's top byte and one in the next chunk's low bits cancel.)
#[inline]
fn mix(h: u64, word: u64) -> u64 {
    let x = (h ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    x ^ (x >> 32)
}

#[inline]
fn finish(mut h: u64) -> u64 {
    h ^= h >> 32;
    h = h.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    h ^ (h >> 29)
}

const HIGHS: u64 = 0x8080_8080_8080_8080;
const CASE_BITS: u64 = 0x2020_2020_2020_2020;

/// Ones in the low `n` bytes (0..=8) of a word.
#[inline]
fn byte_mask(n: usize) -> u64 {
    if n >= 8 {
        u64::MAX
    } else {
        (1u64 << (8 * n)) - 1
    }
}

/// `key` zero-padded into a buffer; None when longer than [`MAX_WORD`].
fn padded(key: &[u8]) -> Option<[u8; MAX_WORD]> {
    let mut buf = [0u8; MAX_WORD];
    buf.get_mut(..key.len())?.copy_from_slice(key);
    Some(buf)
}

/// The word table: open addressing with linear probing, load at most 3/4, 8 bytes a slot
/// (512 KiB for the shipped lists, so that probes mostly hit the L2 cache). A slot packs a
/// 31-bit fingerprint of the word's hash (high half), its role bits (25 bits) and its
/// length (low byte; 0 marks an empty slot). Words are not stored: a word matches a slot
/// when its length and fingerprint do. A test checks that no listed word shadows another;
/// an unlisted word matches a listed one with a probability of about 2^-30 per lookup,
/// and then only gets that word's roles.
pub(super) struct Lexicon {
    slots: Box<[u64]>,
    shift: u32,
}

impl std::fmt::Debug for Lexicon {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Lexicon")
            .field("slots", &self.slots.len())
            .finish_non_exhaustive()
    }
}

const _: () = assert!(DETERMINER < 1 << 25 && EPONYM < 1 << 25);

#[inline]
fn slot_of(h: u64, len: usize, bits: u32) -> u64 {
    // The fingerprint's lowest bit gives way to the 25th role bit.
    (u64::from(h as u32 & !1) << 32) | (u64::from(bits) << 8) | len as u64
}

/// The word table while it is being filled.
struct Builder {
    words: HashMap<String, u32>,
}

impl Builder {
    /// Adds a name from a list: the whole entry, and each part of a multi-word or
    /// hyphenated entry ("Hans Peter", "Le Gall", "Müller-Lüdenscheidt"), skipping
    /// particles so that "de" or "le" never count as names.
    fn add_name(&mut self, name: &str, bits: u32) {
        self.add(name, bits);
        if name.contains([' ', '-']) {
            for part in name.split([' ', '-']) {
                if part.chars().count() >= 2 && self.get_exact(part) & PARTICLE == 0 {
                    self.add(part, bits);
                }
            }
        }
    }

    /// Adds `bits` to the lower-cased word and to its accent-folded form.
    fn add(&mut self, word: &str, bits: u32) {
        if bits == 0 {
            return;
        }
        let lower = word.to_lowercase().replace('’', "'");
        let folded = fold(&lower);
        // Only names and places get a folded spelling: "días" must not make "Dias" a word.
        if folded != lower && bits & (NAME | PLACE) != 0 {
            *self.words.entry(folded).or_insert(0) |= bits;
        }
        *self.words.entry(lower).or_insert(0) |= bits;
    }

    /// Removes `bits` from the word and its folded form.
    fn clear(&mut self, word: &str, bits: u32) {
        let lower = word.to_lowercase();
        let folded = fold(&lower);
        for key in [lower, folded] {
            if let Some(v) = self.words.get_mut(key.as_str()) {
                *v &= !bits;
            }
        }
    }

    fn get_exact(&self, word: &str) -> u32 {
        let lower = word.to_lowercase();
        self.words.get(lower.as_str()).copied().unwrap_or(0)
    }

    /// The lookup table, with at least a third of its slots empty.
    fn freeze(self) -> Lexicon {
        let words: Vec<(String, u32)> = self
            .words
            .into_iter()
            .filter(|(w, b)| *b != 0 && !w.is_empty() && w.len() <= MAX_WORD)
            .collect();
        let size = (words.len() * 4 / 3 + 1).next_power_of_two().max(16);
        let mut slots = vec![0u64; size].into_boxed_slice();
        let shift = 64 - size.trailing_zeros();
        for (word, bits) in &words {
            let Some(buf) = padded(word.as_bytes()) else {
                continue;
            };
            let len = word.len();
            let h = hash_padded(&buf, len);
            let mut i = (h >> shift) as usize;
            while slots[i] != 0 {
                i = (i + 1) & (size - 1);
            }
            slots[i] = slot_of(h, len, *bits);
        }
        Lexicon { slots, shift }
    }
}

/// The world's places that are also listed names ("Florence", "Santiago", "Kingston"),
/// lower case: names, unless a word before them points at a place.
pub(super) static NAME_PLACES: LazyLock<std::collections::HashSet<String>> = LazyLock::new(|| {
    entries(WORLD_PLACES)
        .filter(|p| LEXICON.lookup(p) & NAME != 0)
        .map(str::to_lowercase)
        .collect()
});

/// Built on first use, shared by every recognizer instance.
pub(super) static LEXICON: LazyLock<Lexicon> = LazyLock::new(Lexicon::build);

/// The entries of a list file: non-empty lines that are not `#` comments.
fn entries(data: &str) -> impl Iterator<Item = &str> {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

impl Lexicon {
    fn build() -> Self {
        Self::fill().freeze()
    }

    /// Every word of the lists and context tables with its role bits.
    fn fill() -> Builder {
        let mut lex = Builder {
            words: HashMap::with_capacity(600_000),
        };
        for (word, bits) in context::context_words() {
            lex.add(word, bits);
        }
        for data in [CENSUS_FIRST, FAKER_FIRST, WORLD_FIRST] {
            entries(data).for_each(|name| lex.add_name(name, FIRST));
        }
        for data in [CENSUS_LAST, FAKER_LAST, WORLD_LAST] {
            entries(data).for_each(|name| lex.add_name(name, LAST));
        }
        // Ordinary words count as such when no name list has them. The census lists are
        // long and hold many ordinary words ("Board", "Main", "Will"): those become
        // ambiguous. The Faker lists are curated given names and surnames, and the
        // Spanish word list holds "juan" and "carlos": a word they have stays a name; the
        // curated [soft] section below marks the real doubles.
        let mut faker = std::collections::HashSet::new();
        for data in [FAKER_FIRST, FAKER_LAST] {
            for name in entries(data) {
                for part in std::iter::once(name).chain(name.split([' ', '-'])) {
                    faker.insert(part.to_lowercase());
                }
            }
        }
        for data in [FAKER_WORDS, STOPWORDS, COMMON_WORDS] {
            for word in entries(data) {
                if lex.get_exact(word) & NAME == 0 {
                    lex.add(word, COMMON);
                } else if !faker.contains(&word.to_lowercase()) {
                    lex.add(word, SOFT);
                }
            }
        }
        entries(FAKER_PLACES).for_each(|place| lex.add(place, PLACE));
        // The world's cities only stop unknown words from passing for names ("Dakar",
        // "Chennai"); a listed name that is also a city somewhere stays a name ("Lima").
        for place in entries(WORLD_PLACES) {
            if lex.get_exact(place) & NAME == 0 {
                lex.add(place, PLACE);
            }
        }
        let mut section = 0;
        for line in entries(NOT_NAMES) {
            section = match line {
                "[hard]" => HARD,
                "[soft]" => SOFT,
                "[org]" => ORG,
                "[place]" => PLACE,
                "[name]" => NAME,
                word if section == NAME => {
                    // Names first: drop the place or ordinary-word reading.
                    lex.clear(word, PLACE | SOFT | COMMON);
                    section
                }
                word => {
                    lex.add(word, section);
                    section
                }
            };
        }
        lex
    }

    /// The bits of the key `buf[..len]` (zeros after it).
    fn get(&self, buf: &[u8; MAX_WORD], len: usize) -> Option<u32> {
        self.probe(hash_padded(buf, len), len)
    }

    #[inline]
    fn probe(&self, h: u64, len: usize) -> Option<u32> {
        let want = slot_of(h, len, 0);
        const KEY: u64 = 0xffff_fffe_0000_00ff;
        let mask = self.slots.len() - 1;
        let mut i = (h >> self.shift) as usize;
        loop {
            let slot = self.slots[i];
            if slot == 0 {
                return None;
            }
            if slot & KEY == want {
                return Some(((slot >> 8) & 0x1ff_ffff) as u32);
            }
            i = (i + 1) & mask;
        }
    }

    /// The role bits of `word` in any case; 0 for an unknown word. Falls back to the
    /// accent-folded form ("Zoë" → "zoe") and, for "O'Brien", to the form without the
    /// apostrophe, as the census lists spell them.
    pub(super) fn lookup(&self, word: &str) -> u32 {
        self.lookup_in(word, 0, word.len())
    }

    /// [`Lexicon::lookup`] of `text[start..end]`, reading the word's bytes in place.
    ///
    /// Words reach here made of letters, `-` and `'` (other bytes only cost a miss), so
    /// for ASCII setting bit 0x20 of each byte lower-cases it: a word of at most 16 bytes
    /// is hashed from two loads, without copying or validating it.
    pub(super) fn lookup_in(&self, text: &str, start: usize, end: usize) -> u32 {
        let bytes = text.as_bytes();
        let len = end - start;
        if (1..=16).contains(&len) {
            let (lo, hi) = if let Some(window) = bytes.get(start..start + 16) {
                let mut lo = [0u8; 8];
                let mut hi = [0u8; 8];
                lo.copy_from_slice(&window[..8]);
                hi.copy_from_slice(&window[8..]);
                (
                    u64::from_le_bytes(lo) & byte_mask(len),
                    u64::from_le_bytes(hi) & byte_mask(len.saturating_sub(8)),
                )
            } else {
                let mut w = [0u8; 16];
                w[..len].copy_from_slice(&bytes[start..end]);
                let mut lo = [0u8; 8];
                let mut hi = [0u8; 8];
                lo.copy_from_slice(&w[..8]);
                hi.copy_from_slice(&w[8..]);
                (u64::from_le_bytes(lo), u64::from_le_bytes(hi))
            };
            if (lo | hi) & HIGHS == 0 {
                let lo = lo | (CASE_BITS & byte_mask(len));
                let hi = hi | (CASE_BITS & byte_mask(len.saturating_sub(8)));
                let mut h = mix(len as u64, lo);
                if len > 8 {
                    h = mix(h, hi);
                }
                if let Some(bits) = self.probe(finish(h), len) {
                    return bits;
                }
                // The census spells "O'Brien" as "Obrien": only such words go on.
                let apostrophe = bytes[start..end].contains(&b'\'');
                if !apostrophe {
                    return 0;
                }
            }
        }
        self.lookup_slow(&text[start..end])
    }

    fn lookup_slow(&self, word: &str) -> u32 {
        let mut buf = [0u8; MAX_WORD];
        let Some(len) = lower_into(word, &mut buf) else {
            return 0;
        };
        if let Some(bits) = self.get(&buf, len) {
            return bits;
        }
        let key = &buf[..len];
        if !key.is_ascii() {
            let mut folded = [0u8; MAX_WORD];
            if let Some(n) = std::str::from_utf8(key)
                .ok()
                .and_then(|k| fold_into(k, &mut folded))
            {
                if let Some(bits) = self.get(&folded, n) {
                    return bits;
                }
            }
        }
        if key.contains(&b'\'') {
            let mut bare = [0u8; MAX_WORD];
            let mut n = 0;
            for &b in key.iter().filter(|&&b| b != b'\'') {
                bare[n] = b;
                n += 1;
            }
            return self.get(&bare, n).unwrap_or(0) & NAME;
        }
        0
    }
}

/// Lower-cases `word` into `buf` (`’` becomes `'`); None when it does not fit.
fn lower_into(word: &str, buf: &mut [u8; MAX_WORD]) -> Option<usize> {
    if word.len() > MAX_WORD {
        return None;
    }
    // ASCII and Latin-1 (`À`..`Þ` are `C3 80`..`C3 9E`, their small letters 0x20 higher),
    // which covers English, German, French and Spanish, byte by byte.
    let bytes = word.as_bytes();
    let mut latin1 = true;
    for (i, &b) in bytes.iter().enumerate() {
        buf[i] = match b {
            0..=0x7f => b.to_ascii_lowercase(),
            0xC3 => 0xC3,
            0x80..=0x9E if i > 0 && bytes[i - 1] == 0xC3 && b != 0x97 => b + 0x20,
            0x80..=0xBF if i > 0 && bytes[i - 1] == 0xC3 => b,
            _ => {
                latin1 = false;
                break;
            }
        };
    }
    if latin1 {
        return Some(bytes.len());
    }
    let mut len = 0;
    for c in word.chars() {
        let c = if c == '’' { '\'' } else { c };
        for l in c.to_lowercase() {
            let n = l.len_utf8();
            if len + n > MAX_WORD {
                return None;
            }
            l.encode_utf8(&mut buf[len..len + n]);
            len += n;
        }
    }
    Some(len)
}

/// `word` lower-cased, with diacritics folded, into `buf`; its length, or None when a char
/// is not a letter, `-` or `'`, or the word does not fit.
pub(super) fn fold_lower(word: &str, buf: &mut [u8]) -> Option<usize> {
    let mut len = 0;
    for c in word.chars() {
        if !(c.is_alphabetic() || c == '-' || c == '\'' || c == '’') {
            return None;
        }
        for l in c.to_lowercase() {
            let mut tmp = [0u8; 4];
            let piece = match (l, fold_char(l)) {
                ('’', _) => "'",
                (_, Some(s)) => s,
                (l, None) => l.encode_utf8(&mut tmp),
            };
            let bytes = piece.as_bytes();
            buf.get_mut(len..len + bytes.len())?.copy_from_slice(bytes);
            len += bytes.len();
        }
    }
    Some(len)
}

/// The training lists of the name-likeness model: the parts of every listed name, and
/// every listed ordinary word; a word on both lists is on neither. Lower case, sorted.
pub(super) fn likeness_lists() -> (Vec<String>, Vec<String>) {
    use std::collections::BTreeSet;
    let mut names = BTreeSet::new();
    for data in [
        CENSUS_FIRST,
        FAKER_FIRST,
        WORLD_FIRST,
        CENSUS_LAST,
        FAKER_LAST,
        WORLD_LAST,
    ] {
        for name in entries(data) {
            for part in name.split([' ', '-']) {
                if part.chars().count() >= 2 {
                    names.insert(part.to_lowercase());
                }
            }
        }
    }
    let mut words = BTreeSet::new();
    for data in [FAKER_WORDS, STOPWORDS, COMMON_WORDS] {
        for word in entries(data) {
            if word.chars().count() >= 2 {
                words.insert(word.to_lowercase());
            }
        }
    }
    let both: BTreeSet<String> = names.intersection(&words).cloned().collect();
    (
        names.difference(&both).cloned().collect(),
        words.difference(&both).cloned().collect(),
    )
}

/// The ASCII letter(s) a Latin letter with diacritics folds to, if any.
fn fold_char(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'č' => "c",
        'ď' | 'đ' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => "e",
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => "i",
        'ł' | 'ľ' | 'ĺ' => "l",
        'ñ' | 'ń' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => "o",
        'œ' => "oe",
        'ř' | 'ŕ' => "r",
        'ś' | 'š' | 'ş' => "s",
        'ß' => "ss",
        'ť' | 'ţ' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'ų' => "u",
        'ý' | 'ÿ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        _ => return None,
    })
}

/// `word` (already lower case) without diacritics, into `buf`.
fn fold_into(word: &str, buf: &mut [u8; MAX_WORD]) -> Option<usize> {
    let mut len = 0;
    for c in word.chars() {
        let mut tmp = [0u8; 4];
        let piece = match fold_char(c) {
            Some(s) => s,
            None => c.encode_utf8(&mut tmp),
        };
        let bytes = piece.as_bytes();
        if len + bytes.len() > MAX_WORD {
            return None;
        }
        buf[len..len + bytes.len()].copy_from_slice(bytes);
        len += bytes.len();
    }
    Some(len)
}

fn fold(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        match fold_char(c) {
            Some(s) => out.push_str(s),
            None => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_from_every_list_are_known_in_any_case() {
        let lex = &*LEXICON;
        assert_ne!(lex.lookup("Anna") & FIRST, 0);
        assert_ne!(lex.lookup("JONAS") & FIRST, 0);
        assert_ne!(lex.lookup("élodie") & FIRST, 0);
        assert_ne!(lex.lookup("Lucía") & FIRST, 0);
        assert_ne!(lex.lookup("Schmidt") & LAST, 0);
        assert_ne!(lex.lookup("Müller") & LAST, 0);
        assert_ne!(lex.lookup("O’Brien") & LAST, 0);
        assert_ne!(lex.lookup("Jean-Pierre") & FIRST, 0);
        assert_ne!(lex.lookup("Gall") & LAST, 0, "from \"Le Gall\"");
        assert_ne!(lex.lookup("le") & PARTICLE, 0);
        assert_eq!(lex.lookup("Gall") & PARTICLE, 0);
    }

    #[test]
    fn ordinary_words_and_roles_are_marked() {
        let lex = &*LEXICON;
        assert_ne!(lex.lookup("Rechnung") & HARD, 0);
        assert_ne!(lex.lookup("Monday") & HARD, 0);
        assert_ne!(lex.lookup("GmbH") & ORG, 0);
        assert_ne!(lex.lookup("Berlin") & PLACE, 0);
        assert_ne!(lex.lookup("will") & SOFT, 0);
        assert_ne!(lex.lookup("Dr") & TITLE, 0);
        assert_ne!(lex.lookup("Hallo") & GREET, 0);
        assert_ne!(lex.lookup("Ansprechpartner") & LABEL, 0);
        assert_eq!(lex.lookup("Xqzzyv"), 0);
        assert_eq!(
            lex.lookup(&"a".repeat(100)),
            0,
            "over-long words are unknown"
        );
    }

    #[test]
    fn the_hash_separates_lengths_and_contents() {
        let hash = |k: &[u8]| padded(k).map(|b| hash_padded(&b, k.len()));
        assert_ne!(hash(b"a"), hash(b"a\0"));
        assert_ne!(hash(b"abcdefgh"), hash(b"abcdefgi"));
        assert_eq!(hash(b"anna"), hash(b"anna"));
        assert_eq!(hash(&[b'x'; 65]), None);
    }

    #[test]
    fn every_listed_word_gets_exactly_its_own_roles() {
        let lex = &*LEXICON;
        let words = Lexicon::fill().words;
        let mut checked = 0;
        for (word, bits) in &words {
            if *bits == 0 || word.is_empty() || word.len() > MAX_WORD {
                continue;
            }
            let buf = padded(word.as_bytes()).unwrap_or([0; MAX_WORD]);
            assert_eq!(lex.get(&buf, word.len()), Some(*bits), "{word}");
            checked += 1;
        }
        assert!(checked > 40_000, "{checked}");
        let used = lex.slots.iter().filter(|s| **s != 0).count();
        assert_eq!(used, checked);
        assert!(used * 4 <= lex.slots.len() * 3);
        assert_ne!(lex.lookup("Ansprechpartnerin") & LABEL, 0, "17 bytes");
        assert_eq!(lex.lookup("Ansprechpartnerix"), 0);
        assert_ne!(lex.lookup("Geschäftsführerin") & HARD, 0);
    }
}
