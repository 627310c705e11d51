//! Tokens in a streamed answer. The token grammar and the finders (exact, and as a model
//! may have altered a token) are `vault::token`'s; here [`Holdback`] splits a streamed text so that no token is ever cut in two: everything
//! that cannot be the beginning of a token is released at once; only a possible token
//! fragment at the very end waits for the next piece.

use crate::vault::token::{find_tokens, is_word, Labels, ID_LEN, MAX_LABEL};

/// Whether `tail` (from a `[` or a word start to the end of the text so far) could still
/// become a token, or a token that might yet be followed by its `]`.
fn is_open(tail: &[u8], labels: &Labels) -> bool {
    let bracket = tail.first() == Some(&b'[');
    let run = if bracket { &tail[1..] } else { tail };
    if run.iter().any(|&b| !is_word(b)) {
        return false;
    }
    if bracket {
        // Any label may follow a bracket (honey tokens, tenant types).
        return run.len() <= MAX_LABEL + 1 + ID_LEN
            && run.first().is_none_or(u8::is_ascii_alphabetic);
    }
    labels.could_start(run)
}

/// Holds back a possible token fragment at the end of a streamed text.
#[derive(Debug, Default)]
pub struct Holdback {
    pending: String,
    last: Option<char>,
}

/// A piece of text ready to go out, and the character before it.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Released {
    /// The character just before `text` in the whole stream.
    pub before: Option<char>,
    /// The text.
    pub text: String,
}

impl Holdback {
    /// Adds `delta`; returns what can go out now.
    pub fn push(&mut self, delta: &str, labels: &Labels) -> Released {
        self.pending.push_str(delta);
        let cut = self.cut(labels);
        let rest = self.pending.split_off(cut);
        let text = std::mem::replace(&mut self.pending, rest);
        self.release(text)
    }

    /// As [`Holdback::push`], also holding back a possible sensitive value still being
    /// written (for the output policy, which must see a value whole): the unfinished
    /// last word, and before it words that could belong to the same value (digit
    /// groups, capitalised words), within a bounded window.
    pub fn push_values(&mut self, delta: &str, labels: &Labels) -> Released {
        self.pending.push_str(delta);
        let mut cut = self.cut(labels).min(value_cut(&self.pending));
        // A long unspaced run is cut by length: never inside a token it holds.
        if let Some(token) = find_tokens(&self.pending, self.last, labels)
            .into_iter()
            .find(|t| t.start < cut && cut < t.end)
        {
            cut = token.start;
        }
        let rest = self.pending.split_off(cut);
        let text = std::mem::replace(&mut self.pending, rest);
        self.release(text)
    }

    /// Releases whatever is held (the stream ended).
    pub fn finish(&mut self) -> Released {
        let text = std::mem::take(&mut self.pending);
        self.release(text)
    }

    /// Whether nothing is held.
    pub fn is_empty(&self) -> bool {
        self.pending.is_empty()
    }

    fn release(&mut self, text: String) -> Released {
        let before = self.last;
        if let Some(c) = text.chars().last() {
            self.last = Some(c);
        }
        Released { before, text }
    }

    /// Where the held part starts: the first `[` or word start, among the last bytes
    /// (a token is never longer), from which the rest could still become a token.
    fn cut(&self, labels: &Labels) -> usize {
        let bytes = self.pending.as_bytes();
        let window = 2 + MAX_LABEL + 1 + ID_LEN;
        let from = bytes.len().saturating_sub(window);
        for i in from..bytes.len() {
            if !self.pending.is_char_boundary(i) {
                continue;
            }
            let word_start = bytes[i].is_ascii_alphabetic()
                && if i == 0 {
                    !self
                        .last
                        .is_some_and(|c| c.is_ascii_alphanumeric() || c == '_')
                } else {
                    !is_word(bytes[i - 1])
                };
            if (bytes[i] == b'[' || word_start) && is_open(&bytes[i..], labels) {
                return i;
            }
        }
        bytes.len()
    }
}

/// Longest unfinished word held back for the output policy.
const MAX_WORD_TAIL: usize = 256;
/// Longest run of value-like words held back before it.
const MAX_VALUE_TAIL: usize = 96;

/// Where a possible value at the end of `text` starts (`text.len()` when none can).
fn value_cut(text: &str) -> usize {
    let bytes = text.as_bytes();
    // The unfinished last word.
    let mut cut = bytes
        .iter()
        .rposition(u8::is_ascii_whitespace)
        .map_or(0, |i| i + 1);
    if bytes.len() - cut > MAX_WORD_TAIL {
        cut = bytes.len() - MAX_WORD_TAIL;
        while !text.is_char_boundary(cut) {
            cut += 1;
        }
        return cut;
    }
    // Earlier words of the same value: "4111 1111 …", "DE89 3704 …", "+1 415 …", "Jane Doe".
    let floor = bytes.len().saturating_sub(MAX_VALUE_TAIL);
    loop {
        let before = &text[..cut];
        let trimmed = before.trim_end_matches([' ', '\t']);
        if trimmed.len() == before.len() || trimmed.len() < floor {
            break;
        }
        let start = trimmed
            .as_bytes()
            .iter()
            .rposition(u8::is_ascii_whitespace)
            .map_or(0, |i| i + 1);
        let word = &trimmed[start..];
        let value_like = word.chars().next().is_some_and(char::is_uppercase)
            || word.starts_with('+')
            || word.starts_with('(')
            || word.bytes().any(|b| b.is_ascii_digit());
        if word.is_empty() || start < floor || !value_like {
            break;
        }
        cut = start;
    }
    cut
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vault::TokenId;
    use rand::SeedableRng;

    fn labels() -> Labels {
        Labels::new(["EMAIL", "CREDIT_CARD", "PERSON"].map(str::to_owned))
    }

    /// Streams `pieces` through a hold-back; the text that came out and the tokens in it.
    fn stream(pieces: &[&str], values: bool) -> (String, usize) {
        let labels = labels();
        let mut hold = Holdback::default();
        let (mut out, mut tokens) = (String::new(), 0);
        let mut take = |released: Released| {
            tokens += find_tokens(&released.text, released.before, &labels).len();
            out.push_str(&released.text);
        };
        for piece in pieces {
            take(if values {
                hold.push_values(piece, &labels)
            } else {
                hold.push(piece, &labels)
            });
        }
        take(hold.finish());
        (out, tokens)
    }

    fn id() -> TokenId {
        TokenId::generate(&mut rand::rngs::StdRng::seed_from_u64(3))
    }

    #[test]
    fn finds_exact_and_altered_tokens_but_not_near_misses() {
        let id = id();
        let upper = id.as_str().to_ascii_uppercase();
        let text = format!(
            "a [EMAIL_{id}] b [email_{upper}] c EMAIL_{id} d [CREDIT_CARD_{id} e x{id} \
             f my_var_{id} g [PERSON_{bad}] h [Email_{id}]",
            id = id.as_str(),
            bad = "abcdefghjkmnp"
        );
        let found = find_tokens(&text, None, &labels());
        let spans: Vec<&str> = found.iter().map(|t| &text[t.start..t.end]).collect();
        assert_eq!(
            spans,
            vec![
                format!("[EMAIL_{}]", id.as_str()),
                format!("[email_{upper}]"),
                format!("EMAIL_{}", id.as_str()),
                format!("[CREDIT_CARD_{}", id.as_str()),
                format!("[Email_{}]", id.as_str()),
            ]
        );
        assert!(found.iter().all(|t| t.id == id));
        assert_eq!(found[1].label, "EMAIL");
    }

    #[test]
    fn a_word_glued_to_the_previous_piece_is_no_token() {
        let id = id();
        let text = format!("EMAIL_{}", id.as_str());
        assert_eq!(find_tokens(&text, Some('x'), &labels()).len(), 0);
        assert_eq!(find_tokens(&text, Some(' '), &labels()).len(), 1);
    }

    #[test]
    fn every_split_of_a_stream_releases_the_same_text_and_never_cuts_a_token() {
        let id = id();
        let text = format!(
            "Écrivez à [EMAIL_{id}] ou EMAIL_{id}, pas à [PERSON_{id}]! Emails: [x] EM",
            id = id.as_str()
        );
        let whole = find_tokens(&text, None, &labels());
        assert_eq!(whole.len(), 3);
        for a in (0..=text.len()).filter(|&a| text.is_char_boundary(a)) {
            for b in (a..=text.len())
                .filter(|&b| text.is_char_boundary(b))
                .step_by(7)
            {
                let (out, tokens) = stream(&[&text[..a], &text[a..b], &text[b..]], false);
                assert_eq!(out, text);
                assert_eq!(tokens, 3, "split at {a} and {b}");
            }
        }
    }

    #[test]
    fn values_being_written_are_held_until_a_word_ends_them() {
        assert_eq!(value_cut("call +1 415 555"), 5);
        assert_eq!(value_cut("mail ann@exa"), 5);
        assert_eq!(value_cut("ask Jane Doe "), 4);
        assert_eq!(value_cut("ask Jane Doe said "), 18);
        assert_eq!(value_cut("done. "), 6);
        let mut hold = Holdback::default();
        let labels = labels();
        let mut out = String::new();
        for piece in ["Card 4111", " 1111 11", "11 1111 is", " fine."] {
            let released = hold.push_values(piece, &labels).text;
            assert!(!released.contains("4111") || released.contains("4111 1111 1111 1111"));
            out.push_str(&released);
        }
        out.push_str(&hold.finish().text);
        assert_eq!(out, "Card 4111 1111 1111 1111 is fine.");
    }

    #[test]
    fn a_long_unspaced_run_is_never_cut_inside_a_token() {
        let id = id();
        let text = format!(
            "{{\"to\":[{}]}}",
            (0..12)
                .map(|_| format!("\"[EMAIL_{}]\"", id.as_str()))
                .collect::<Vec<_>>()
                .join(",")
        );
        for step in [1, 3, 7] {
            let pieces: Vec<&str> = text
                .as_bytes()
                .chunks(step)
                .map(|c| std::str::from_utf8(c).unwrap())
                .collect();
            let (out, tokens) = stream(&pieces, true);
            assert_eq!(out, text);
            assert_eq!(tokens, 12, "step {step}");
        }
    }

    #[test]
    fn ordinary_text_is_released_at_once() {
        let mut hold = Holdback::default();
        assert_eq!(hold.push("Hello there, ", &labels()).text, "Hello there, ");
        assert_eq!(hold.push("you [", &labels()).text, "you ");
        assert_eq!(hold.push("1] and Em", &labels()).text, "[1] and ");
        assert_eq!(hold.push("ily.", &labels()).text, "Emily.");
        assert!(hold.is_empty());
    }
}
