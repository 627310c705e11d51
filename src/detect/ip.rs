//! IP addresses: IPv4 dotted quads and IPv6 in every textual form. Ports, brackets, zone
//! ids and CIDR suffixes are context, not part of the address, so they stay outside spans.

use super::scan::next_number;
use super::text::{char_at, char_before, context_before, is_word, word_at, word_before, Keywords};
use super::validators::{ipv4_octet_ok, ipv6_valid};
use super::{EntityType, Finding, Recognizer};

/// Words right before a dotted quad that make it a version (`build 10.0.19045.1`), written
/// with what follows them so that host names such as `build02` do not count. (Not `v.`:
/// German writes "Zugriff v. 192.168.1.20" for "access from", and `v1.2.3.4` is glued
/// anyway.)
static VERSION_CONTEXT: Keywords = Keywords::new(&[
    "version", "ver.", "release ", "release:", "build ", "build:", "firmware",
]);

const CONFIDENCE: f32 = 0.9;

/// Finds IPv4 and IPv6 addresses.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct IpRecognizer;

impl Recognizer for IpRecognizer {
    fn find(&self, text: &str, out: &mut Vec<Finding>) {
        find_v4(text, out);
        find_v6(text, out);
    }
}

fn find_v4(text: &str, out: &mut Vec<Finding>) {
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(start) = next_number(bytes, from) {
        // The maximal run of dot-joined digit groups, so that longer runs (`1.2.3.4.5`,
        // OIDs) are rejected whole instead of yielding a quad from their middle.
        let mut end = start;
        let mut dots = 0;
        loop {
            while bytes.get(end).is_some_and(u8::is_ascii_digit) {
                end += 1;
            }
            match (bytes.get(end), bytes.get(end + 1)) {
                (Some(b'.'), Some(d)) if d.is_ascii_digit() => {
                    dots += 1;
                    end += 1;
                }
                _ => break,
            }
        }
        from = end;
        // `192.168.001.001`: every octet padded to three digits is how some devices print
        // an address; a lone leading zero (`01.2.3.4`) is a date's or a version's.
        let padded = || {
            bytes[start..end].split(|&b| b == b'.').all(|o| {
                let digits = o.iter().position(|&b| b != b'0').unwrap_or(o.len() - 1);
                o.len() == 3 && ipv4_octet_ok(&o[digits..])
            })
        };
        if dots != 3 || !(bytes[start..end].split(|&b| b == b'.').all(ipv4_octet_ok) || padded()) {
            continue;
        }
        // Glued on the left: `v1.2.3.4`, `a.1.2.3.4`. On the right a word or `.word` glues
        // (`1.2.3.4a`, `1.2.3.4.nip.io`); `:port`, `/cidr` and `-` ranges do not.
        // A product and its version: `Chrome/124.0.0.0`, `Version/17.4.1.0`; a URL's
        // host (`http://10.0.0.1`) has a slash before the slash.
        let before = match char_before(text, start) {
            Some('.') => word_before(text, start - 1),
            Some('/') => char_before(text, start - 1).is_some_and(char::is_alphabetic),
            Some(c) => is_word(c),
            None => false,
        };
        let after = match char_at(text, end) {
            Some('.') => word_at(text, end + 1),
            Some(c) => is_word(c),
            None => false,
        };
        if before || after {
            continue;
        }
        let confidence = if context_before(text, start, 12, &VERSION_CONTEXT) {
            0.3
        } else {
            CONFIDENCE
        };
        out.push(Finding {
            kind: EntityType::IpAddress,
            start,
            end,
            confidence,
        });
    }
}

fn is_v6_byte(b: u8) -> bool {
    b.is_ascii_hexdigit() || b == b':' || b == b'.'
}

/// Every IPv6 address contains `:`, which is rare enough in prose to anchor on: expand each
/// colon to its maximal run of hex digits, colons and dots, trim, and let the std parser
/// decide.
fn find_v6(text: &str, out: &mut Vec<Finding>) {
    let bytes = text.as_bytes();
    let mut cursor = 0;
    while let Some(offset) = memchr::memchr(b':', bytes.get(cursor..).unwrap_or_default()) {
        let colon = cursor + offset;
        let mut start = colon;
        while start > 0 && is_v6_byte(bytes[start - 1]) {
            start -= 1;
        }
        let mut end = colon + 1;
        while end < bytes.len() && is_v6_byte(bytes[end]) {
            end += 1;
        }
        cursor = end;
        if let Some((start, end)) = v6_span(text, start, end) {
            out.push(Finding {
                kind: EntityType::IpAddress,
                start,
                end,
                confidence: CONFIDENCE,
            });
        }
    }
}

fn v6_span(text: &str, mut start: usize, mut end: usize) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    while end > start && bytes[end - 1] == b'.' {
        end -= 1;
    }
    // A single colon at either end is punctuation (`addr:`, `[::1]:443` gives `:443`);
    // a double one is part of the address (`fe80::`, `::1`).
    if end - start >= 2 && bytes[end - 1] == b':' && bytes[end - 2] != b':' {
        end -= 1;
    }
    let mut trimmed_left = false;
    if end - start >= 2 && bytes[start] == b':' && bytes[start + 1] != b':' {
        start += 1;
        trimmed_left = true;
    }
    let run = text.get(start..end)?;
    if run.bytes().filter(|&b| b == b':').count() < 2 {
        return None;
    }
    if !trimmed_left && word_before(text, start) || word_at(text, end) {
        return None;
    }
    ipv6_valid(run).then_some((start, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ips(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        IpRecognizer.find(text, &mut out);
        out.sort_by_key(|f| f.start);
        out.into_iter()
            .filter(|f| f.confidence >= 0.5)
            .map(|f| &text[f.start..f.end])
            .collect()
    }

    #[test]
    fn an_address_after_the_german_abbreviation_of_von_is_found() {
        assert_eq!(
            ips("Zugriff v. 192.168.1.20 verweigert"),
            vec!["192.168.1.20"]
        );
        assert!(ips("firmware 10.2.0.1 installed").is_empty());
    }

    #[test]
    fn ipv4_addresses_are_found_without_ports_or_cidr() {
        assert_eq!(ips("Is 192.168.1.1 private?"), vec!["192.168.1.1"]);
        assert_eq!(ips("connect to 10.0.0.5:8080 now"), vec!["10.0.0.5"]);
        assert_eq!(ips("allow 172.16.0.0/12;"), vec!["172.16.0.0"]);
        assert_eq!(ips("host=8.8.8.8."), vec!["8.8.8.8"]);
        assert_eq!(
            ips("range 10.0.0.1-10.0.0.255"),
            vec!["10.0.0.1", "10.0.0.255"]
        );
        assert_eq!(ips("(0.0.0.0)"), vec!["0.0.0.0"]);
        assert_eq!(ips("gateway 192.168.001.001"), vec!["192.168.001.001"]);
        assert_eq!(ips("http://203.0.113.7/x"), vec!["203.0.113.7"]);
    }

    #[test]
    fn ipv4_lookalikes_are_rejected() {
        for t in [
            "256.1.1.1",
            "1.2.3",
            "1.2.3.4.5",
            "01.2.3.4",
            "1.2.3.04",
            "010.20.030.4",
            "v1.2.3.4",
            "OID 1.3.6.1.4.1.311",
            "1.2.3.4a",
            "version 1.2.3.4",
            "a.1.2.3.4",
        ] {
            assert!(ips(t).is_empty(), "{t}");
        }
    }

    #[test]
    fn ipv6_addresses_are_found_in_all_forms_without_brackets_ports_or_prefixes() {
        assert_eq!(
            ips("addr 2001:db8::8a2e:370:7334 ok"),
            vec!["2001:db8::8a2e:370:7334"]
        );
        assert_eq!(ips("listen [::1]:443"), vec!["::1"]);
        assert_eq!(ips("[2001:db8::1]:8080"), vec!["2001:db8::1"]);
        assert_eq!(ips("net 2001:db8::/32."), vec!["2001:db8::"]);
        assert_eq!(ips("link fe80::1%eth0"), vec!["fe80::1"]);
        // The embedded quad is also a candidate; the engine keeps the longer span.
        assert_eq!(
            ips("mapped ::ffff:192.0.2.128 here"),
            vec!["::ffff:192.0.2.128", "192.0.2.128"]
        );
        assert_eq!(
            ips("full c7bc:8b2f:c209:25ae:fdd9:14a7:5745:edc6."),
            vec!["c7bc:8b2f:c209:25ae:fdd9:14a7:5745:edc6"]
        );
        assert_eq!(
            ips("ip6=FE80:0:0:0:202:B3FF:FE1E:8329,"),
            vec!["FE80:0:0:0:202:B3FF:FE1E:8329"]
        );
        assert_eq!(ips("Host:fe80::1"), vec!["fe80::1"]);
    }

    #[test]
    fn ipv6_lookalikes_are_rejected() {
        for t in [
            "at 12:30:45 sharp",
            "the :: operator",
            "std::vector and a::b",
            "mac 00:1a:2b:3c:4d:5e",
            "ratio 16:9",
            "sha1:abcdef:12",
            "xfe80::1",
            "2001:db8:::1",
            "1:2:3:4:5:6:7:8:9",
        ] {
            assert!(ips(t).is_empty(), "{t}");
        }
    }
}
