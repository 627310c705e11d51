//! Names written in another script than the prompt's: "Employee: 성현용", "139,任鹃彤,AT68…",
//! "Expense report – Ιζαμπέλλα Βάμβα", "‏מאיה כהן <maya@…>". In a prompt written in Latin
//! letters, a short run of Han, kana, Hangul, Arabic, Hebrew, Devanagari or Thai letters, or
//! of capitalised Cyrillic or Greek words, is nearly always a name: prose in those scripts
//! is not mixed into English, German, French or Spanish sentences a few words at a time.
//! Runs in a prompt written mostly in that script are left alone (the case-based rules do
//! not apply to it either), and so are longer runs, which are phrases or company names.

use super::super::{EntityType, Finding};

/// Scripts whose letters are told apart here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Script {
    /// Han ideographs and Japanese kana: names are written without spaces.
    Cjk,
    Hangul,
    /// Caseless scripts that separate words with spaces.
    Arabic,
    Hebrew,
    Devanagari,
    Thai,
    /// Scripts with capitals: each word of a name is capitalised.
    Cyrillic,
    Greek,
}

fn script(c: char) -> Option<Script> {
    Some(match u32::from(c) {
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF => Script::Cjk,
        0xAC00..=0xD7AF => Script::Hangul,
        0x0620..=0x064A | 0x066E..=0x06D3 => Script::Arabic,
        0x05D0..=0x05EA => Script::Hebrew,
        0x0900..=0x097F => Script::Devanagari,
        0x0E01..=0x0E4E => Script::Thai,
        0x0400..=0x04FF => Script::Cyrillic,
        0x0370..=0x03FF => Script::Greek,
        _ => return None,
    })
}

/// Words that are not names though short and foreign: greetings, thanks, language names.
const NOT_NAMES: &[&str] = &[
    "谢谢",
    "你好",
    "中文",
    "日本語",
    "日本",
    "中国",
    "有限公司",
    "公司",
    "株式会社",
    "ありがとう",
    "こんにちは",
    "안녕하세요",
    "감사합니다",
    "한국어",
    "شكرا",
    "مرحبا",
    "السلام عليكم",
    "شكراً",
    "שלום",
    "תודה",
    "नमस्ते",
    "धन्यवाद",
    "สวัสดี",
    "ขอบคุณ",
];

/// The confidence of a run that looks like a name.
const CONFIDENCE: f32 = 0.6;

/// Finds names in other scripts in a prompt written mostly in Latin letters.
pub(super) fn foreign_script_names(text: &str, out: &mut Vec<Finding>) {
    if !has_other_script(text.as_bytes()) || !mostly_latin(text) {
        return;
    }
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        let Some(kind) = script(c) else {
            continue;
        };
        if char_before(text, start).is_some_and(char::is_alphanumeric) {
            skip_letters(&mut chars);
            continue;
        }
        // The run: letters of this script, and for spaced scripts single spaces between
        // words of it.
        let mut end = start + c.len_utf8();
        let mut letters = 1usize;
        let mut words = 1usize;
        let mut capitalised = c.is_uppercase();
        let mut mixed = false;
        loop {
            match chars.peek().copied() {
                Some((at, next)) if script(next) == Some(kind) || is_mark(next) => {
                    end = at + next.len_utf8();
                    letters += 1;
                    chars.next();
                }
                Some((at, ' '))
                    if !matches!(kind, Script::Cjk)
                        && text[at + 1..]
                            .chars()
                            .next()
                            .is_some_and(|n| script(n) == Some(kind)) =>
                {
                    chars.next();
                    let Some((_, first)) = chars.peek().copied() else {
                        break;
                    };
                    words += 1;
                    capitalised &= first.is_uppercase();
                }
                Some((_, next)) if next.is_alphanumeric() => {
                    mixed = true;
                    break;
                }
                _ => break,
            }
        }
        let cell = whole_cell(text, start, end) || person_slot(text, start, end);
        if mixed || !is_name_sized(kind, letters, words, capitalised, cell) {
            skip_letters(&mut chars);
            continue;
        }
        let run = &text[start..end];
        if NOT_NAMES.contains(&run) || quoted(text, start, end) {
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

/// Whether `bytes` hold a UTF-8 lead byte of Greek to Hangul, but not of punctuation (`–`,
/// `“`, `€`: 0xE2). Eight bytes at a time: ASCII words (most of every prompt) cost one test,
/// so prompts in Latin letters, accents included, are passed over quickly.
fn has_other_script(bytes: &[u8]) -> bool {
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let other_script = |b: &u8| (0xCD..=0xED).contains(b) && *b != 0xE2;
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        if u64::from_le_bytes(word) & HIGHS != 0 && chunk.iter().any(other_script) {
            return true;
        }
    }
    chunks.remainder().iter().any(other_script)
}

/// Combining marks (Devanagari vowel signs, Arabic harakat, Thai vowels) continue a word.
fn is_mark(c: char) -> bool {
    matches!(u32::from(c), 0x0300..=0x036F | 0x064B..=0x065F | 0x0E31..=0x0E3A | 0x0E47..=0x0E4E)
        || matches!(u32::from(c), 0x0900..=0x0903 | 0x093A..=0x094F | 0x0962..=0x0963)
}

/// Names are short: two to four Han or kana characters (a family name of one or two and
/// a given name of one or two), two to four Hangul syllables, one to three words in the
/// caseless scripts and two or three capitalised words in Cyrillic and Greek (one word only
/// as a whole table cell or where a person is named: a lone word is as often a word being
/// discussed as a name).
fn is_name_sized(
    kind: Script,
    letters: usize,
    words: usize,
    capitalised: bool,
    cell: bool,
) -> bool {
    match kind {
        Script::Cjk => (2..=5).contains(&letters),
        Script::Hangul => (2..=4).contains(&letters) && words == 1,
        Script::Arabic | Script::Hebrew | Script::Devanagari | Script::Thai => {
            let fewest = if cell { 1 } else { 2 };
            (fewest..=3).contains(&words) && letters >= 2 && letters <= 12 * words
        }
        Script::Cyrillic | Script::Greek => {
            let fewest = if cell { 1 } else { 2 };
            capitalised && (fewest..=3).contains(&words) && letters >= 3 && letters <= 16 * words
        }
    }
}

/// Whether `text` is written mostly in Latin letters (ASCII or accented): at least half as
/// many as other letters (a name is short, a short prompt may be mostly name), a Han, kana or Hangul character counting three (it is closer to
/// a word than to a letter), and a few of them.
fn mostly_latin(text: &str) -> bool {
    let (mut latin, mut other) = (0usize, 0usize);
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        if c.is_ascii() || u32::from(c) < 0x0250 || (0x1E00..=0x1EFF).contains(&u32::from(c)) {
            latin += 1;
        } else if matches!(script(c), Some(Script::Cjk | Script::Hangul)) {
            other += 3;
        } else {
            other += 1;
        }
    }
    latin >= 8 && other <= 2 * latin
}

/// A run in quotation marks in prose is a phrase being discussed, not someone; a quoted
/// value in JSON, CSV or SQL (`"name": "…"`, `, '…'`) is data.
fn quoted(text: &str, start: usize, end: usize) -> bool {
    let before = char_before(text, start);
    let after = text[end..].chars().next();
    match (before, after) {
        (Some('“' | '「' | '«' | '„'), Some('”' | '」' | '»' | '“')) => true,
        (Some(open @ ('"' | '\'')), Some(close)) if close == open => {
            let outside = text[..start - 1].trim_end_matches(' ');
            !(outside.is_empty()
                || outside.ends_with([':', ',', '[', '(', '{', '=', '\n', ';', '\t']))
        }
        _ => false,
    }
}

/// Words before a lone word that make it someone: joiners of a list of people,
/// prepositions, greetings.
const BEFORE_PERSON: &[&str] = &[
    "with", "mit", "avec", "con", "dear", "hi", "hello", "hallo", "bonjour", "hola", "cc", "from",
    "von", "de", "to", "an", "für", "pour", "para", "@",
];

/// Words joining a list: a lone word after one is someone only when a name in Latin
/// letters comes before (`Kristoffer et עידן`, not `你好 and Привет`).
const JOINERS: &[&str] = &["and", "und", "et", "y"];

/// Whether a lone word sits where a person is named: before an address or a note in
/// brackets, a colon or a comma, or after a list joiner, a preposition or a greeting.
fn person_slot(text: &str, start: usize, end: usize) -> bool {
    let after = text[end..].trim_start_matches(' ').chars().next();
    if matches!(after, Some('<' | '(' | ':' | ',')) {
        return true;
    }
    let before = text[..start].trim_end_matches(' ');
    let word_start = before
        .rfind(|c: char| !c.is_alphanumeric() && c != '@')
        .map_or(0, |k| {
            k + before[k..].chars().next().map_or(1, char::len_utf8)
        });
    let word = &before[word_start..];
    if JOINERS.iter().any(|w| word.eq_ignore_ascii_case(w)) {
        let previous = before[..word_start].trim_end_matches(' ');
        let previous_start = previous.rfind(|c: char| !c.is_alphabetic()).map_or(0, |k| {
            k + previous[k..].chars().next().map_or(1, char::len_utf8)
        });
        return previous[previous_start..]
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() && script(c).is_none());
    }
    BEFORE_PERSON.iter().any(|w| word.eq_ignore_ascii_case(w))
}

/// Whether the run fills a table cell: delimiters or quotes (or line ends) on both sides.
fn whole_cell(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].trim_end_matches(' ').chars().next_back();
    let after = text[end..].trim_start_matches(' ').chars().next();
    let delimiter = |c: Option<char>| {
        matches!(
            c,
            None | Some(',' | '|' | '\t' | '\n' | '\r' | '"' | '\'' | ';')
        )
    };
    delimiter(before) && delimiter(after)
}

fn char_before(text: &str, at: usize) -> Option<char> {
    text[..at].chars().next_back()
}

fn skip_letters(chars: &mut std::iter::Peekable<std::str::CharIndices<'_>>) {
    while chars.peek().is_some_and(|(_, c)| c.is_alphanumeric()) {
        chars.next();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        foreign_script_names(text, &mut out);
        out.iter().map(|f| &text[f.start..f.end]).collect()
    }

    #[test]
    fn short_runs_of_another_script_in_latin_text_are_names() {
        assert_eq!(names("Employee: 성현용\nSSN: 538-45-8798"), vec!["성현용"]);
        assert_eq!(
            names("Payroll export:\n139,任鹃彤,AT68 3200 0263 5301"),
            vec!["任鹃彤"]
        );
        assert_eq!(
            names("Expense report – Ιζαμπέλλα Βάμβα (Elbe Partners Co.)"),
            vec!["Ιζαμπέλλα Βάμβα"]
        );
        assert_eq!(names("הדס אשכנזי <hadas@example.com>"), vec!["הדס אשכנזי"]);
        assert_eq!(
            names("Referenzen: कविता शर्मा (kavita96@example.in)"),
            vec!["कविता शर्मा"]
        );
        assert_eq!(
            names("{\"name\": \"ליאור הראל\", \"role\": \"admin\"}"),
            vec!["ליאור הראל"]
        );
        assert_eq!(
            names("| role | owner |\n| admin | Пелагея |"),
            vec!["Пелагея"]
        );
        assert_eq!(
            names("→ Hattâb to call Елвіна Авдєєнко (+380 64 620 43 40)"),
            vec!["Елвіна Авдєєнко"]
        );
    }

    #[test]
    fn phrases_greetings_and_other_prompts_are_left_alone() {
        assert!(names("How do I say thanks in Chinese? Is it \"谢谢\"?").is_empty());
        assert!(names("Translate 你好 and Привет into German.").is_empty());
        assert!(names("Das heißt auf Russisch: спасибо большое").is_empty());
        // A prompt written in the other script is not a Latin prompt with a name in it.
        assert!(names("请把这封邮件翻译成英文：我们明天开会，讨论预算。").is_empty());
        assert!(names("The Greek word \"Θάλασσα\" means sea.").is_empty());
        assert!(names("In Arabic, the word for book is كتاب as far as I know.").is_empty());
        assert_eq!(
            names("Thanks to Kristoffer and עידן for the help."),
            vec!["עידן"]
        );
        // A long run is a phrase or a company.
        assert!(names("Supplier: 深圳市华为技术有限公司, Shenzhen").is_empty());
    }
}
