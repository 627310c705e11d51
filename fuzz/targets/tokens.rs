//! The token scanners on any text: the exact finder (detokenize) and the finder of
//! altered tokens (model answers) must not panic and must return ordered spans on
//! character boundaries; the stream hold-back, fed the text in two pieces, must give back
//! exactly the text, in order.

use promptvault::proxy::tokens::Holdback;
use promptvault::vault::token::{find_candidates, find_tokens, Labels};

fn main() {
    let labels = Labels::new(["EMAIL", "PERSON", "EMPLOYEE_ID"].map(str::to_owned));
    afl::fuzz!(|data: &[u8]| {
        let Ok(text) = std::str::from_utf8(data) else {
            return;
        };
        let mut last_end = 0;
        for candidate in find_candidates(text) {
            assert!(candidate.start >= last_end && candidate.start < candidate.end);
            assert!(text.is_char_boundary(candidate.start) && text.is_char_boundary(candidate.end));
            assert_eq!(&text[candidate.start..candidate.start + 1], "[");
            last_end = candidate.end;
        }
        let mut last_end = 0;
        for token in find_tokens(text, None, &labels) {
            assert!(token.start >= last_end && token.start < token.end && token.end <= text.len());
            assert!(text.is_char_boundary(token.start) && text.is_char_boundary(token.end));
            last_end = token.end;
        }
        let mut cut = data.first().map_or(0, |b| usize::from(*b)).min(text.len());
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        for values in [false, true] {
            let mut hold = Holdback::default();
            let mut out = String::new();
            for piece in [&text[..cut], &text[cut..]] {
                let released = if values {
                    hold.push_values(piece, &labels)
                } else {
                    hold.push(piece, &labels)
                };
                out.push_str(&released.text);
            }
            out.push_str(&hold.finish().text);
            assert_eq!(out, text, "the hold-back lost or reordered text");
        }
    });
}
