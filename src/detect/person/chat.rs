//! Speakers of pasted chat transcripts. Chat exports put the speaker's name in a fixed
//! place, whatever the name looks like: after a time stamp and before a colon
//! (`[10:42] Amina Tamba: …`, `12/03/24, 10:42 - Nina: …`), alone on a line before a time
//! (Teams: `Krsto Renovčević  16:27`), or in angle brackets (`<anna> …`, IRC). The place is
//! the cue; the name still has to be shaped like one.

use super::field::{name_in_field, NameEvidence};

/// Longest speaker name read, in bytes.
const MAX_SPEAKER: usize = 60;

/// Calls `found` with the byte range and confidence of every speaker name in `text`.
pub(super) fn speakers(text: &str, mut found: impl FnMut(usize, usize, f32)) {
    let bytes = text.as_bytes();
    // Every format has a time (`10:42`): without one, there is nothing to read.
    let timed = memchr::memchr_iter(b':', bytes).any(|c| {
        c > 0
            && bytes[c - 1].is_ascii_digit()
            && bytes
                .get(c + 1..c + 3)
                .is_some_and(|m| m.iter().all(u8::is_ascii_digit))
    });
    if !timed {
        plain_speakers(text, &mut found);
        return;
    }
    // Chat lines start with a digit or a bracket; most prompts have none.
    let mut line_start = 0;
    while line_start < bytes.len() {
        let line_end =
            memchr::memchr(b'\n', &bytes[line_start..]).map_or(bytes.len(), |k| line_start + k);
        let line = &bytes[line_start..line_end];
        // Chat lines open with a time, a date or a bracket, or end with a time: a look at
        // both ends rules out nearly every line.
        let head = line.iter().find(|&&b| b != b' ').copied().unwrap_or(b' ');
        let tail = line.trim_ascii_end().last().copied().unwrap_or(b' ');
        let opens = head.is_ascii_digit() || head == b'[' || head == b'<';
        let closes = tail.is_ascii_digit() || matches!(tail, b'M' | b'm');
        if !opens && !closes {
            line_start = line_end + 1;
            continue;
        }
        let speaker = after_time_stamp(line)
            .or_else(|| before_time_stamp(line))
            .or_else(|| in_angle_brackets(line));
        if let Some((s, e)) = speaker.and_then(|(s, e)| past_role(line, s, e)) {
            let (s, e) = (line_start + s, line_start + e);
            if let Some((ns, ne, _)) = name_in_field(text, s, e, NameEvidence::Column) {
                found(ns, ne, 0.85);
            }
        }
        line_start = line_end + 1;
    }
}

/// Most lines read for a chat without times.
const MAX_PLAIN_LINES: usize = 64;

/// A chat pasted without times (`jess: yeah rahul said…`, `tobi: wer hat…`): lines that
/// open with one word and `: ` and go on with a sentence. It counts as a chat when at
/// least three lines do, two speakers or more take turns, one speaks twice, and most
/// messages have three words or more, which keeps `key: value` settings out; each
/// speaker must then be shaped like a name and be no ordinary word.
fn plain_speakers(text: &str, found: &mut impl FnMut(usize, usize, f32)) {
    let bytes = text.as_bytes();
    let mut turns = [(0usize, 0usize); MAX_PLAIN_LINES];
    let mut n = 0;
    let mut prose = 0;
    // From each `: ` back to the start of its line: only a word may stand between.
    for colon in memchr::memchr_iter(b':', bytes) {
        if n == MAX_PLAIN_LINES {
            break;
        }
        if bytes.get(colon + 1) != Some(&b' ') {
            continue;
        }
        let word = bytes[..colon]
            .iter()
            .rev()
            .take(25)
            .take_while(|&&b| b.is_ascii_alphabetic() || b >= 0x80)
            .count();
        let start = colon - word;
        if !(2..=24).contains(&word) || start > 0 && bytes[start - 1] != b'\n' {
            continue;
        }
        turns[n] = (start, colon);
        n += 1;
        let line_end = memchr::memchr(b'\n', &bytes[colon..]).map_or(bytes.len(), |k| colon + k);
        let message = &bytes[colon + 2..line_end];
        if message
            .split(|&b| b == b' ')
            .filter(|w| !w.is_empty())
            .count()
            >= 3
        {
            prose += 1;
        }
    }
    let turns = &turns[..n];
    if n < 3 || prose * 3 < n * 2 {
        return;
    }
    let same = |a: (usize, usize), b: (usize, usize)| bytes[a.0..a.1] == bytes[b.0..b.1];
    let distinct = turns
        .iter()
        .enumerate()
        .filter(|(k, t)| !turns[..*k].iter().any(|p| same(*p, **t)))
        .count();
    let repeated = turns
        .iter()
        .enumerate()
        .any(|(k, t)| turns[..k].iter().any(|p| same(*p, *t)));
    if distinct < 2 || !repeated {
        return;
    }
    let lex = &*super::LEXICON;
    for &(s, e) in turns {
        let word = &text[s..e];
        if ROLES.iter().any(|r| word.eq_ignore_ascii_case(r)) {
            continue;
        }
        // `From:`, `To:` (also a surname), `Note:`, `Summary:` are labels, not speakers.
        let bits = lex.lookup(word);
        let ordinary = super::LABEL | super::HARD | super::TITLE | super::GREET | super::COMMON;
        if bits & super::NAME == 0 && bits != 0 || bits & ordinary != 0 {
            continue;
        }
        if let Some((ns, ne, _)) = name_in_field(text, s, e, NameEvidence::Column) {
            found(ns, ne, 0.8);
        }
    }
}

/// Speakers named by their part in a support chat, not by name, and log levels.
const ROLES: &[&str] = &[
    // Log levels: `2024-11-04 07:58:40 WARN  échec de connexion : …` is a log line.
    "debug",
    "err",
    "error",
    "fatal",
    "info",
    "notice",
    "trace",
    "warn",
    "warning",
    "critical",
    "agent",
    "agente",
    "admin",
    "asesor",
    "asesora",
    "assistant",
    "asistente",
    "berater",
    "beraterin",
    "bot",
    "chatbot",
    "client",
    "cliente",
    "conseiller",
    "conseillère",
    "customer",
    "guest",
    "helpdesk",
    "host",
    "kunde",
    "kundin",
    "me",
    "mitarbeiter",
    "moderator",
    "operator",
    "rep",
    "service",
    "support",
    "system",
    "sistema",
    "système",
    "user",
    "usuario",
    "utilisateur",
    "benutzer",
    "visitor",
    "you",
];

/// The speaker's name past a role: `Agent (Lerato)` is Lerato, `Customer` alone is no
/// one; any other speaker field is kept whole.
fn past_role(line: &[u8], start: usize, end: usize) -> Option<(usize, usize)> {
    let field = std::str::from_utf8(&line[start..end]).ok()?;
    let head_len = field
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(field.len());
    let head = &field[..head_len];
    if !ROLES.iter().any(|r| head.eq_ignore_ascii_case(r)) {
        return Some((start, end));
    }
    let open = field.find('(')?;
    let close = open + field[open..].find(')')?;
    Some((start + open + 1, start + close))
}

/// `[10:42] Name: …`, `10:42 Name: …`, `[12/03/24, 10:42:13] Name: …`,
/// `12/03/2024, 10:42 - Name: …`, `[10:42 AM] Name: …`: the name's range in `line`.
fn after_time_stamp(line: &[u8]) -> Option<(usize, usize)> {
    let mut i = line.iter().take_while(|&&b| b == b' ').count();
    let bracket = line.get(i) == Some(&b'[');
    i += usize::from(bracket);
    // An optional date before the time.
    let date = date_len(&line[i..]);
    if date > 0 {
        i += date;
        while matches!(line.get(i), Some(b',' | b' ')) {
            i += 1;
        }
    }
    i += time_len(&line[i..])?;
    if bracket {
        if line.get(i) != Some(&b']') {
            return None;
        }
        i += 1;
    }
    while matches!(line.get(i), Some(b' ' | b'-' | b'\t')) {
        i += 1;
    }
    // The name runs to the first `: `.
    let rest = &line[i..];
    let colon = rest
        .windows(2)
        .take(MAX_SPEAKER)
        .position(|w| w[0] == b':' && w[1] == b' ')?;
    (colon > 0).then_some((i, i + colon))
}

/// `Name  16:27`, `Name   1:54 PM` (Teams, alone on a line): the name's range.
fn before_time_stamp(line: &[u8]) -> Option<(usize, usize)> {
    let trimmed = line.trim_ascii_end();
    if trimmed.len() > MAX_SPEAKER + 12 || trimmed.first()?.is_ascii_whitespace() {
        return None;
    }
    // The time at the end, with an optional AM/PM.
    let mut end = trimmed.len();
    if end >= 2 && matches!(&trimmed[end - 2..], b"AM" | b"PM" | b"am" | b"pm") {
        end -= 2;
        while end > 0 && trimmed[end - 1] == b' ' {
            end -= 1;
        }
    }
    let time_start = trimmed[..end]
        .iter()
        .rposition(|&b| b == b' ' || b == b'\t')
        .map_or(0, |k| k + 1);
    if time_len(&trimmed[time_start..end])? != end - time_start {
        return None;
    }
    // At least two spaces or a tab between the name and the time.
    let gap = trimmed[..time_start]
        .iter()
        .rev()
        .take_while(|&&b| b == b' ' || b == b'\t')
        .count();
    let tab = trimmed[time_start - gap..time_start].contains(&b'\t');
    if gap < 2 && !tab {
        return None;
    }
    let name_end = time_start - gap;
    (name_end > 0).then_some((0, name_end))
}

/// `<anna> hi`, `[10:42] <Tom Berg> hi`: the name's range.
fn in_angle_brackets(line: &[u8]) -> Option<(usize, usize)> {
    let mut i = 0;
    if line.first() == Some(&b'[') {
        i = line.iter().position(|&b| b == b']')? + 1;
        while line.get(i) == Some(&b' ') {
            i += 1;
        }
    }
    if line.get(i) != Some(&b'<') {
        return None;
    }
    let close = line[i + 1..]
        .iter()
        .take(MAX_SPEAKER)
        .position(|&b| b == b'>')?;
    let (s, e) = (i + 1, i + 1 + close);
    // Not an address or a tag: no `@`, `/`, `=`.
    let inner = &line[s..e];
    // HTML tags are lower case; nicknames here must start with a capital.
    let capital = std::str::from_utf8(inner)
        .ok()
        .and_then(|n| n.chars().next())
        .is_some_and(char::is_uppercase);
    let ok = close > 0
        && capital
        && line.get(e + 1) == Some(&b' ')
        && !inner
            .iter()
            .any(|&b| matches!(b, b'@' | b'/' | b'=' | b'"'));
    ok.then_some((s, e))
}

/// `10:42`, `10:42:13`, `9:05 AM`, `10:42am`: its length, or None.
fn time_len(s: &[u8]) -> Option<usize> {
    let h = s.iter().take(3).take_while(|b| b.is_ascii_digit()).count();
    if !(1..=2).contains(&h) || s.get(h) != Some(&b':') {
        return None;
    }
    let mut i = h + 1;
    for _ in 0..2 {
        if s.get(i..i + 2)
            .is_some_and(|m| m.iter().all(u8::is_ascii_digit))
        {
            i += 2;
        } else {
            return None;
        }
        if s.get(i) == Some(&b':') && s.get(i + 1).is_some_and(u8::is_ascii_digit) {
            i += 1;
        } else {
            break;
        }
    }
    let after_space = usize::from(s.get(i) == Some(&b' '));
    let ampm = s
        .get(i + after_space..i + after_space + 2)
        .is_some_and(|m| m.eq_ignore_ascii_case(b"am") || m.eq_ignore_ascii_case(b"pm"));
    if ampm {
        i += after_space + 2;
    }
    Some(i)
}

/// `12/03/24`, `2024-03-12`, `12.03.2024`: its length, or 0.
fn date_len(s: &[u8]) -> usize {
    let mut i = 0;
    for part in 0..3 {
        let digits = s[i..]
            .iter()
            .take(5)
            .take_while(|b| b.is_ascii_digit())
            .count();
        if !(1..=4).contains(&digits) {
            return 0;
        }
        i += digits;
        if part < 2 {
            if !matches!(s.get(i), Some(b'/' | b'-' | b'.')) {
                return 0;
            }
            i += 1;
        }
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        speakers(text, |s, e, _| out.push(&text[s..e]));
        out
    }

    #[test]
    fn speakers_of_common_chat_exports_are_found() {
        let text = "[10:42] Amina Tamba: Mittag?\n[10:43] Nina: ok\n\
                    12/03/24, 10:42 - Kgabu Mtolo: hi\n\
                    Krsto Renovčević  16:27\nzur Info\n\
                    Hà Mộng Thi  1:14 PM\nserver down\n\
                    <Tom Berg> hi there\n[9:05 AM] 전윤희: 네\n";
        assert_eq!(
            names(text),
            vec![
                "Amina Tamba",
                "Nina",
                "Kgabu Mtolo",
                "Krsto Renovčević",
                "Hà Mộng Thi",
                "Tom Berg",
                "전윤희"
            ]
        );
    }

    #[test]
    fn times_and_labels_that_are_not_chat_lines_are_left_alone() {
        assert!(names("Meeting at 10:42: bring the report\nTotal  12:30\n").is_empty());
        assert!(names("[10:42] ERROR: disk full\n<div> x\n").is_empty());
    }
}
