//! E-mail addresses, anchored on `@` (found with memchr) and expanded by hand in both
//! directions, so text without `@` costs one fast scan.

use super::text::char_before;
use super::{EntityType, Finding, Recognizer};

/// Finds e-mail addresses: dotted and plus-tagged local parts, subdomains, any case,
/// internationalised (Unicode) domains; trailing punctuation stays outside the span.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct EmailRecognizer;

impl Recognizer for EmailRecognizer {
    fn find(&self, text: &str, out: &mut Vec<Finding>) {
        let mut cursor = 0;
        while let Some(offset) =
            memchr::memchr(b'@', text.as_bytes().get(cursor..).unwrap_or_default())
        {
            let at = cursor + offset;
            cursor = at + 1;
            if let Some((start, end)) = email_at(text, at) {
                out.push(Finding {
                    kind: EntityType::Email,
                    start,
                    end,
                    confidence: 0.95,
                });
                cursor = end;
            }
        }
    }
}

fn is_local_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '.' | '_' | '%' | '+' | '-' | '\'')
}

fn is_domain_char(c: char) -> bool {
    c.is_alphanumeric() || c == '-' || c == '.'
}

/// The address around the `@` at byte `at`, if there is one.
fn email_at(text: &str, at: usize) -> Option<(usize, usize)> {
    let head = text.get(..at)?;
    let mut start = at;
    // Bounded walk: a local part has at most 64 chars, so a long run before `@` (base64,
    // minified code) is rejected after a few steps instead of being scanned whole.
    for (i, c) in head.char_indices().rev().take(66) {
        if !is_local_char(c) {
            break;
        }
        start = i;
    }
    // Quotes and dots cannot start a local part; they are the surrounding text's.
    let local_from = head.get(start..)?;
    start += local_from.len() - local_from.trim_start_matches(['.', '\'', '-', '+']).len();
    let local = head.get(start..)?;
    if local.is_empty() || local.len() > 64 || local.ends_with('.') || local.contains("..") {
        return None;
    }
    if is_url_userinfo(text, start) {
        return None;
    }

    let tail = text.get(at + 1..)?;
    let raw = tail
        .find(|c: char| !is_domain_char(c))
        .unwrap_or(tail.len());
    let domain = tail.get(..raw)?.trim_end_matches(['.', '-']);
    let domain = domain
        .split("..")
        .next()
        .unwrap_or(domain)
        .trim_end_matches(['.', '-']);
    if !domain_ok(domain) {
        return None;
    }
    Some((start, at + 1 + domain.len()))
}

/// `scheme://user:password@host`: the part before `@` is a credential, not a mailbox.
fn is_url_userinfo(text: &str, local_start: usize) -> bool {
    if char_before(text, local_start) != Some(':') {
        return false;
    }
    let head = text.get(..local_start).unwrap_or_default();
    let token_start = head.rfind(char::is_whitespace).map_or(0, |i| i + 1);
    head.get(token_start..)
        .is_some_and(|token| token.contains("://"))
}

/// At least two labels, each 1–63 chars not starting or ending with `-`, and a top-level
/// label of letters (any script) or punycode.
fn domain_ok(domain: &str) -> bool {
    if domain.len() > 253 {
        return false;
    }
    let mut labels = 0;
    let mut last = "";
    for label in domain.split('.') {
        if label.is_empty() || label.len() > 63 || label.starts_with('-') || label.ends_with('-') {
            return false;
        }
        labels += 1;
        last = label;
    }
    let tld_ok = last.chars().count() >= 2 && last.chars().all(char::is_alphabetic)
        || last.starts_with("xn--") && last.len() > 4;
    labels >= 2 && tld_ok
}

#[cfg(test)]
mod tests {
    use super::*;

    fn emails(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        EmailRecognizer.find(text, &mut out);
        out.into_iter().map(|f| &text[f.start..f.end]).collect()
    }

    #[test]
    fn emails_are_found_with_exact_spans() {
        assert_eq!(
            emails("Mail me at john.doe@example.com."),
            vec!["john.doe@example.com"]
        );
        assert_eq!(
            emails("(jane+news@mail.example.co.uk)"),
            vec!["jane+news@mail.example.co.uk"]
        );
        assert_eq!(
            emails("From: Tristan <tristan1982@free.fr>"),
            vec!["tristan1982@free.fr"]
        );
        assert_eq!(
            emails("UPPER.CASE_99%x@EXAMPLE.ORG!"),
            vec!["UPPER.CASE_99%x@EXAMPLE.ORG"]
        );
        assert_eq!(
            emails("a-b@sub-domain.example.io, next"),
            vec!["a-b@sub-domain.example.io"]
        );
        assert_eq!(
            emails("mailto:o'brien@example.ie"),
            vec!["o'brien@example.ie"]
        );
        assert_eq!(emails("'x@y.com'"), vec!["x@y.com"]);
    }

    #[test]
    fn internationalised_domains_and_local_parts_are_found() {
        assert_eq!(
            emails("an jürgen@bücher.de schreiben"),
            vec!["jürgen@bücher.de"]
        );
        assert_eq!(emails("info@пример.рф."), vec!["info@пример.рф"]);
        assert_eq!(emails("x@example.xn--p1ai"), vec!["x@example.xn--p1ai"]);
        assert_eq!(emails("contact@例え.テスト"), vec!["contact@例え.テスト"]);
    }

    #[test]
    fn non_addresses_with_at_signs_are_rejected() {
        for t in [
            "@mention and @Override",
            "user@localhost",
            "x@10.0.0.1",
            "postgres://admin:s3cret@db.example.com/app",
            "redis://:pw@cache.internal:6379",
            "a.@b.com",
            "x@-a.com",
            "x@a.c",
            "x@a.123",
            "[EMAIL_k3j9x2m4q7zpa]",
            "a..b@c.com",
        ] {
            assert!(emails(t).is_empty(), "{t}");
        }
    }
}
