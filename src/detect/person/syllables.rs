//! Given names told by their syllables where no list can hold them all: two Hanyu
//! Pinyin syllables ("Xiaoming"), Korean given names ("Ji-hoon"), and the name-likeness
//! score of an unknown word; hyphenated compounds of names.

use super::*;

/// Whether `word` is two Hanyu Pinyin syllables written as one word ("Xiaoming",
/// "Haoran", "Zihan"), the usual shape of a Chinese given name.
pub(super) fn pinyin_given_name(word: &str) -> bool {
    let mut buf = [0u8; 12];
    let Some(lower) = ascii_lower(word, &mut buf) else {
        return false;
    };
    lower.len() >= 5
        && (2..lower.len() - 1)
            .any(|k| pinyin_syllable(&lower[..k]) && pinyin_syllable(&lower[k..]))
}

/// `word` in ASCII lower case in `buf`, if it is ASCII and fits.
pub(super) fn ascii_lower<'b>(word: &str, buf: &'b mut [u8; 12]) -> Option<&'b str> {
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
pub(super) fn composed(s: &str, pieces: &[&[&str]]) -> bool {
    match pieces.split_first() {
        None => s.is_empty(),
        Some((first, rest)) => first
            .iter()
            .any(|p| s.strip_prefix(p).is_some_and(|tail| composed(tail, rest))),
    }
}

/// One Hanyu Pinyin syllable in lower case, without tone marks: an initial and a final,
/// or a final alone when it starts with `a`, `o` or `e`.
pub(super) fn pinyin_syllable(syllable: &str) -> bool {
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
pub(super) fn korean_given_name(word: &str) -> bool {
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
pub(super) fn korean_syllable(syllable: &str) -> bool {
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
pub(super) fn likely(word: &str) -> u32 {
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
pub(super) fn compound(word: &str) -> bool {
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
