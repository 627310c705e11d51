//! Card numbers and US social security numbers. Both are digit groups joined by single spaces
//! or dashes (a "run"), so one scan finds every run and both look at windows of it.

use super::scan::next_number;
use super::text::{context_before, glued_after, glued_before, Keywords};
use super::validators::{card_brand_ok, luhn_valid, ssn_valid};
use super::{EntityType, Finding, Recognizer};

/// A run has at most this many groups looked at; longer runs are tables of numbers, and a
/// card or SSN inside one is still found in the first chunk that contains it.
const MAX_GROUPS: usize = 24;

static SSN_CONTEXT: Keywords = Keywords::new(&[
    "ssn",
    "social security",
    "soc. sec",
    "soc sec",
    "ss#",
    "ss no",
    "ss-nr",
    "tax id",
    "tin",
    "itin",
    "sozialversicherung",
    "us-sozialversicherung",
    "seguridad social",
    "seguro social",
    "sécurité sociale",
    "securite sociale",
]);

/// Words before a number that say it is a card number, in the four languages.
static CARD_CONTEXT: Keywords = Keywords::new(&[
    "card",
    "credit card",
    "karte",
    "kreditkarte",
    "firmenkarte",
    "kartennummer",
    "tarjeta",
    "carte",
    "visa",
    "mastercard",
    "amex",
    "pan",
    "cc",
    "cb",
]);

/// Words before a bare digit run that say it is a product or tracking code, never a card.
static CODE_CONTEXT: Keywords = Keywords::new(&[
    "sku", "ean", "gtin", "isbn", "upc", "asin", "imei", "tracking", "serial", "order", "invoice",
]);

/// Words right before an SSN-shaped number that make it a part, item or case number
/// (`P/N 310-42-7781`), unless an SSN word stands nearer.
static PART_CONTEXT: Keywords = Keywords::new(&[
    // Prefixes of the words before it, so each ends where the word does: "part " and not
    // "part", which opens "partner" and "participant".
    "p/n",
    "pn ",
    "pn:",
    "part ",
    "part#",
    "part no",
    "teilenummer",
    "teile-nr",
    "pieza ",
    "pièce ",
    "piece ",
    "item ",
    "item#",
    "sku",
    "art.",
    "art-nr",
    "artikel",
    "ref.",
    "ref:",
    "ref ",
    "model ",
    "order",
    "invoice",
    "ticket",
    "case no",
    "case #",
    "serial",
    "batch",
    "lot ",
    "lot:",
    "lot#",
]);

#[derive(Debug, Clone, Copy, Default)]
struct Group {
    start: usize,
    end: usize,
    /// The separator before this group (`0` for the first group of a run).
    sep: u8,
}

impl Group {
    fn len(&self) -> usize {
        self.end - self.start
    }
}

/// Finds CREDIT_CARD (Luhn plus issuer prefix) and US_SSN (SSA rules) values.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct CardSsnRecognizer;

impl Recognizer for CardSsnRecognizer {
    fn find(&self, text: &str, out: &mut Vec<Finding>) {
        let bytes = text.as_bytes();
        let mut groups = [Group::default(); MAX_GROUPS];
        let mut from = 0;
        while let Some(run_start) = next_number(bytes, from) {
            let mut n = 0;
            let mut pos = run_start;
            let mut sep = 0u8;
            loop {
                let start = pos;
                while bytes.get(pos).is_some_and(u8::is_ascii_digit) {
                    pos += 1;
                }
                if n == MAX_GROUPS {
                    scan_groups(text, &groups[..n], out);
                    n = 0;
                }
                groups[n] = Group {
                    start,
                    end: pos,
                    sep,
                };
                n += 1;
                match (bytes.get(pos), bytes.get(pos + 1)) {
                    // A dot joins only blocks of four (`6241.9129.2227.2549`): dotted runs are
                    // otherwise addresses, versions and amounts, and not worth reading.
                    (Some(b'.'), Some(d))
                        if d.is_ascii_digit()
                            && pos - start == 4
                            && bytes
                                .get(pos + 1..pos + 5)
                                .is_some_and(|g| g.iter().all(u8::is_ascii_digit))
                            && !bytes.get(pos + 5).is_some_and(u8::is_ascii_digit) =>
                    {
                        sep = b'.';
                        pos += 1;
                    }
                    (Some(&s @ (b' ' | b'-')), Some(d)) if d.is_ascii_digit() => {
                        sep = s;
                        pos += 1;
                    }
                    _ => break,
                }
            }
            from = pos;
            // Shortest card is 14 digits, shortest SSN 9: most runs end here.
            if pos - run_start >= 9 {
                scan_groups(text, &groups[..n], out);
            }
        }
    }
}

/// Tries every window of the run, longest first from each start, and emits the first card
/// or SSN window found before moving past it.
fn scan_groups(text: &str, groups: &[Group], out: &mut Vec<Finding>) {
    let n = groups.len();
    let mut i = 0;
    while i < n {
        let mut next = i + 1;
        for j in (i + 1..=n.min(i + 5)).rev() {
            if let Some(found) = card(text, groups, i, j).or_else(|| ssn(text, groups, i, j)) {
                out.push(found);
                next = j;
                break;
            }
        }
        i = next;
    }
}

/// The separator shared by all groups of a window, or None when they differ.
fn common_sep(window: &[Group]) -> Option<u8> {
    let sep = window.get(1).map_or(0, |g| g.sep);
    window[1..].iter().all(|g| g.sep == sep).then_some(sep)
}

/// Edge rules for a window `i..j` of a run. At the run's edges the text around must not glue
/// the value to a longer token. Inside the run, a neighbouring group for which `continues`
/// (given the group and the separator joining it) holds belongs to the same longer number.
fn edges_ok(
    text: &str,
    groups: &[Group],
    i: usize,
    j: usize,
    continues: impl Fn(&Group, u8) -> bool,
) -> bool {
    let left = if i == 0 {
        !glued_before(text, groups[0].start)
    } else {
        !continues(&groups[i - 1], groups[i].sep)
    };
    let right = if j == groups.len() {
        !glued_after(text, groups[j - 1].end)
    } else {
        !continues(&groups[j], groups[j].sep)
    };
    left && right
}

fn collect_digits<'b>(text: &str, window: &[Group], buf: &'b mut [u8; 24]) -> Option<&'b [u8]> {
    let bytes = text.as_bytes();
    let mut len = 0;
    for g in window {
        let part = &bytes[g.start..g.end];
        let dst = buf.get_mut(len..len + part.len())?;
        dst.copy_from_slice(part);
        len += part.len();
    }
    Some(&buf[..len])
}

/// Plain 14–19 digits, or groups joined by one separator: the usual 4-4-4-4(-3), 4-6-4 and
/// 4-6-5, or any other grouping that opens with four digits (4-3-3-3, 4-5-5, 4-4-5).
fn card(text: &str, groups: &[Group], i: usize, j: usize) -> Option<Finding> {
    let window = &groups[i..j];
    let k = window.len();
    // Cards have 12 to 19 digits: most windows are ruled out here, before the look-around.
    let total: usize = window.iter().map(Group::len).sum();
    if !(12..=19).contains(&total) {
        return None;
    }
    let sep = common_sep(window)?;
    let usual = match k {
        1 => true,
        3 if window[0].len() == 4 && window[1].len() == 6 => matches!(window[2].len(), 4 | 5),
        _ => window[..k - 1].iter().all(|g| g.len() == 4) && (1..=4).contains(&window[k - 1].len()),
    };
    // Dots join a card's digits only in fours (`6241.9129.2227.2549`): other dotted runs
    // are versions, dates and amounts.
    if sep == b'.' && !(usual && k >= 4) {
        return None;
    }
    let other =
        k >= 3 && window[0].len() == 4 && window[1..].iter().all(|g| (3..=6).contains(&g.len()));
    // After "card", "Karte", "tarjeta", "PAN": any grouping, any issuer.
    let labelled = || context_before(text, window[0].start, 40, &CARD_CONTEXT);
    if !(usual || other || k <= 5 && labelled()) {
        return None;
    }
    let mut buf = [0u8; 24];
    let digits = collect_digits(text, window, &mut buf)?;
    // Thirteen-digit Visa numbers are rare, and plain 13-digit runs are mostly EAN codes;
    // written in groups, or after a card word, they are cards.
    if !luhn_valid(digits) {
        return None;
    }
    let brand = card_brand_ok(digits)
        || (k > 1 && digits.len() == 13 && digits[0] == b'4')
        || ((12..=19).contains(&digits.len()) && labelled());
    if !brand {
        return None;
    }
    let (start, end) = (window[0].start, window[window.len() - 1].end);
    let edges = if window.len() == 1 {
        // A dash or a dot joins a plain run into a longer code (`2024-4111…`); a space only sets it
        // apart from an unrelated number (`room 12 4111…`).
        edges_ok(text, groups, i, j, |_, joined_by| joined_by != b' ')
            && !context_before(text, start, 16, &CODE_CONTEXT)
    } else {
        // A valid grouped card inside a longer run of groups (`4111 1111 1111 1111 2001`)
        // is still a card: leaking it costs more than tokenizing a look-alike reference.
        // Only text glued to the run's outer edges (letters, dots) rules it out.
        edges_ok(text, groups, i, j, |_, _| false)
    };
    if !edges {
        return None;
    }
    Some(Finding {
        kind: EntityType::CreditCard,
        start,
        end,
        confidence: if usual { 0.95 } else { 0.9 },
    })
}

/// `AAA-GG-SSSS` or `AAA GG SSSS`; nine plain digits only right after an SSN keyword.
fn ssn(text: &str, groups: &[Group], i: usize, j: usize) -> Option<Finding> {
    let window = &groups[i..j];
    let bytes = text.as_bytes();
    let part = |g: &Group| &bytes[g.start..g.end];
    let start = window[0].start;
    let end = window[window.len() - 1].end;
    let context = || context_before(text, start, 32, &SSN_CONTEXT);
    let confidence = match window {
        [a, g, s] => {
            let sep = common_sep(window)?;
            if sep == b'.' {
                return None;
            }
            if !ssn_valid(part(a), part(g), part(s))
                || !edges_ok(text, groups, i, j, |_, joined_by| joined_by == sep)
            {
                return None;
            }
            let labelled = context();
            if !labelled && context_before(text, start, 16, &PART_CONTEXT) {
                return None;
            }
            match (sep, labelled) {
                (b'-', true) => 0.95,
                (b'-', false) => 0.85,
                (_, true) => 0.85,
                (_, false) => 0.6,
            }
        }
        [one] if one.len() == 9 && groups.len() == 1 => {
            let d = part(one);
            let valid = ssn_valid(&d[..3], &d[3..5], &d[5..]);
            if !valid || glued_before(text, start) || glued_after(text, end) || !context() {
                return None;
            }
            0.7
        }
        _ => return None,
    };
    Some(Finding {
        kind: EntityType::UsSsn,
        start,
        end,
        confidence,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str) -> Vec<(EntityType, &str)> {
        let mut out = Vec::new();
        CardSsnRecognizer.find(text, &mut out);
        out.into_iter()
            .map(|f| (f.kind, &text[f.start..f.end]))
            .collect()
    }

    fn cards(text: &str) -> Vec<&str> {
        run(text)
            .into_iter()
            .filter(|(k, _)| *k == EntityType::CreditCard)
            .map(|(_, s)| s)
            .collect()
    }

    fn ssns(text: &str) -> Vec<&str> {
        run(text)
            .into_iter()
            .filter(|(k, _)| *k == EntityType::UsSsn)
            .map(|(_, s)| s)
            .collect()
    }

    #[test]
    fn part_numbers_shaped_like_ssns_are_not_ssns() {
        assert!(run("P/N 310-42-7781 bearing kit front axle x4").is_empty());
        assert!(run("Item 044-18-2290 hydraulic seal set").is_empty());
        // An SSN word nearer than the part word still makes it one; a word that only
        // starts like a part word is none.
        assert_eq!(run("Part-time employee, SSN 310-42-7781").len(), 1);
        assert_eq!(run("our partner 310-42-7781 called").len(), 1);
    }

    #[test]
    fn cards_are_found_plain_and_grouped_with_exact_spans() {
        assert_eq!(cards("Card: 4111111111111111."), vec!["4111111111111111"]);
        assert_eq!(
            cards("charged 4111 1111 1111 1111 today"),
            vec!["4111 1111 1111 1111"]
        );
        assert_eq!(
            cards("charged 5555-5555-5555-4444, thanks"),
            vec!["5555-5555-5555-4444"]
        );
        assert_eq!(
            cards("amex 3782 822463 10005 ok"),
            vec!["3782 822463 10005"]
        );
        assert_eq!(cards("amex 378282246310005 ok"), vec!["378282246310005"]);
        assert_eq!(
            cards("diners 3056 930902 5904 ok"),
            vec!["3056 930902 5904"]
        );
        assert_eq!(cards("diners 30569309025904 ok"), vec!["30569309025904"]);
        assert_eq!(
            cards("jcb (3530-1113-3330-0000)"),
            vec!["3530-1113-3330-0000"]
        );
        assert_eq!(cards("mc 2221 0000 0000 0009"), vec!["2221 0000 0000 0009"]);
        assert_eq!(cards("discover 6011111111111117"), vec!["6011111111111117"]);
        assert_eq!(
            cards("19 digits 4111 1111 1111 1111 003"),
            vec!["4111 1111 1111 1111 003"]
        );
        assert_eq!(cards("visa 4222 222 222 222 ok"), vec!["4222 222 222 222"]);
        assert_eq!(cards("amex 3782-82246-310005"), vec!["3782-82246-310005"]);
        assert!(cards("ean 4222222222222").is_empty(), "plain 13 digits");
        assert_eq!(
            cards("Firmenkarte: 6241.9129.2227.2549"),
            vec!["6241.9129.2227.2549"]
        );
        assert_eq!(
            cards("card number is 628178 7722788957437, exp"),
            vec!["628178 7722788957437"]
        );
        assert_eq!(cards("pan 4071150978960"), vec!["4071150978960"]);
        assert_eq!(
            cards("Mir 2202 7367 7818 1223"),
            vec!["2202 7367 7818 1223"]
        );
        assert!(cards("version 4111.1111.1111").is_empty());
    }

    #[test]
    fn cards_next_to_other_numbers_keep_their_own_span() {
        assert_eq!(
            cards("4111 1111 1111 1111 12/26"),
            vec!["4111 1111 1111 1111"]
        );
        assert_eq!(cards("room 12 4111111111111111"), vec!["4111111111111111"]);
    }

    #[test]
    fn a_valid_grouped_card_inside_a_longer_run_of_groups_is_still_found() {
        assert_eq!(
            cards("4111 1111 1111 1111 2001:db8::1"),
            vec!["4111 1111 1111 1111"]
        );
        assert_eq!(
            cards("1234 4111 1111 1111 1111 5678"),
            vec!["4111 1111 1111 1111"]
        );
    }

    #[test]
    fn invalid_or_glued_card_numbers_are_rejected() {
        assert!(cards("ref 4111111111111112").is_empty(), "Luhn");
        assert!(cards("ref 1234567812345670").is_empty(), "no brand");
        assert!(cards("x4111111111111111").is_empty());
        assert!(cards("4111111111111111abc").is_empty());
        assert!(cards("ID-4111111111111111").is_empty());
        assert!(cards("4111-1111 1111-1111").is_empty(), "mixed separators");
        assert!(cards("4111  1111  1111  1111").is_empty(), "double spaces");
        assert!(cards("41111 11111 11111 1").is_empty(), "odd grouping");
        assert!(cards("SKU 4006381333931").is_empty());
        assert!(cards("tracking 4111111111111111").is_empty());
        assert!(cards("12.4111111111111111").is_empty());
    }

    #[test]
    fn ssns_are_found_with_dashes_or_spaces() {
        assert_eq!(ssns("SSN: 123-45-6789."), vec!["123-45-6789"]);
        assert_eq!(ssns("it is 247 72 9235, ok"), vec!["247 72 9235"]);
        assert_eq!(ssns("social security number 123456789"), vec!["123456789"]);
    }

    #[test]
    fn ssn_shaped_values_breaking_ssa_rules_or_glued_are_rejected() {
        for t in [
            "000-12-3456",
            "666-12-3456",
            "900-12-3456",
            "123-00-4567",
            "123-45-0000",
            "123-45-6789-1",
            "978-123-45-6789",
            "A123-45-6789",
            "123-45-6789x",
            "number 123456789",
            "123 45-6789",
        ] {
            assert!(ssns(t).is_empty(), "{t}");
        }
    }
}
