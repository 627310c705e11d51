//! Checksums and registry rules that turn a value of the right shape into a likely real one.
//! Inputs are ASCII digit/letter bytes already stripped of separators by the caller.

use std::net::Ipv6Addr;

/// Luhn (mod 10) over ASCII digits; false for anything that is not all digits.
pub(crate) fn luhn_valid(digits: &[u8]) -> bool {
    if digits.is_empty() {
        return false;
    }
    let mut sum = 0u32;
    for (i, &b) in digits.iter().rev().enumerate() {
        if !b.is_ascii_digit() {
            return false;
        }
        let mut d = u32::from(b - b'0');
        if i % 2 == 1 {
            d *= 2;
            if d > 9 {
                d -= 9;
            }
        }
        sum += d;
    }
    sum % 10 == 0
}

/// Integer value of the first `n` ASCII digits (callers pass `n <= 6`).
fn prefix(digits: &[u8], n: usize) -> u32 {
    digits
        .iter()
        .take(n)
        .fold(0, |acc, &b| acc * 10 + u32::from(b.wrapping_sub(b'0')))
}

/// Whether the digits carry a known issuer prefix with a length that issuer uses.
///
/// JCB is taken as the whole `35` block rather than its registered 3528–3589 range because
/// test-card generators (Faker and others) and many validators use `35`, and a missed card
/// costs more than a rare false positive on a Luhn-valid 16-digit number.
///
/// Lengths are narrower than the 12–19 digit ISO range on purpose: 13-digit Visa and
/// 12–15-digit Maestro numbers are practically extinct, while 13-digit EAN/GTIN product
/// codes (`SKU 4006381333931`) are everywhere and pass Luhn one time in ten.
pub(crate) fn card_brand_ok(digits: &[u8]) -> bool {
    let len = digits.len();
    if !(12..=19).contains(&len) || !digits.iter().all(u8::is_ascii_digit) {
        return false;
    }
    let p1 = prefix(digits, 1);
    let p2 = prefix(digits, 2);
    let p3 = prefix(digits, 3);
    let p4 = prefix(digits, 4);
    let visa = p1 == 4 && (len == 16 || len == 19);
    let mastercard = ((51..=55).contains(&p2) || (2221..=2720).contains(&p4)) && len == 16;
    let mir = (2200..=2204).contains(&p4) && (16..=19).contains(&len);
    let amex = (p2 == 34 || p2 == 37) && len == 15;
    let discover =
        (p4 == 6011 || p2 == 65 || (644..=649).contains(&p3)) && (16..=19).contains(&len);
    let jcb = p2 == 35 && (16..=19).contains(&len);
    let diners = (p2 == 36 || p2 == 38 || (300..=305).contains(&p3)) && (14..=19).contains(&len);
    let unionpay = p2 == 62 && (16..=19).contains(&len);
    let maestro = (p2 == 50 || (56..=69).contains(&p2)) && (16..=19).contains(&len);
    visa || mastercard || mir || amex || discover || jcb || diners || unionpay || maestro
}

/// IBAN length per country: every country of the ISO 13616 registry, and the countries
/// (mostly in Africa, and Iran) whose banks issue IBANs outside it.
pub(crate) fn iban_length(country: [u8; 2]) -> Option<usize> {
    let len = match &country {
        b"AO" | b"CV" | b"GW" | b"MZ" => 25,
        b"DZ" | b"IR" => 26,
        b"CF" | b"CG" | b"CM" | b"GA" | b"GQ" | b"KM" | b"MG" | b"TD" => 27,
        b"BF" | b"BJ" | b"CI" | b"MA" | b"ML" | b"NE" | b"SN" | b"TG" => 28,
        b"NO" => 15,
        b"BE" => 16,
        b"DK" | b"FI" | b"FO" | b"GL" | b"NL" | b"SD" | b"FK" => 18,
        b"MK" | b"SI" => 19,
        b"AT" | b"BA" | b"EE" | b"KZ" | b"LT" | b"LU" | b"XK" | b"MN" => 20,
        b"CH" | b"HR" | b"LI" | b"LV" => 21,
        b"BG" | b"BH" | b"CR" | b"DE" | b"GB" | b"GE" | b"IE" | b"ME" | b"RS" | b"VA" => 22,
        b"AE" | b"GI" | b"IL" | b"IQ" | b"TL" | b"OM" | b"SO" => 23,
        b"AD" | b"CZ" | b"ES" | b"MD" | b"PK" | b"RO" | b"SA" | b"SE" | b"SK" | b"TN" | b"VG" => 24,
        b"PT" | b"ST" | b"LY" => 25,
        b"IS" | b"TR" => 26,
        b"FR" | b"GR" | b"IT" | b"MC" | b"MR" | b"SM" | b"BI" | b"DJ" => 27,
        b"AL" | b"AZ" | b"BY" | b"CY" | b"DO" | b"GT" | b"HU" | b"LB" | b"PL" | b"SV" | b"HN"
        | b"NI" => 28,
        b"BR" | b"EG" | b"PS" | b"QA" | b"UA" => 29,
        b"JO" | b"KW" | b"MU" | b"YE" => 30,
        b"MT" | b"SC" => 31,
        b"LC" => 32,
        b"RU" => 33,
        _ => return None,
    };
    Some(len)
}

/// The IBAN check: upper-case compact IBAN, rotated and read as base-36 digits, mod 97 == 1.
pub(crate) fn iban_mod97(iban: &[u8]) -> bool {
    if iban.len() < 5 {
        return false;
    }
    let (head, tail) = iban.split_at(4);
    let mut rem = 0u32;
    for &b in tail.iter().chain(head) {
        let v = match b {
            b'0'..=b'9' => u32::from(b - b'0'),
            b'A'..=b'Z' => u32::from(b - b'A') + 10,
            _ => return false,
        };
        rem = if v >= 10 {
            (rem * 100 + v) % 97
        } else {
            (rem * 10 + v) % 97
        };
    }
    rem == 1
}

/// Compact, upper-case IBAN: two letters, two check digits, alphanumeric BBAN of the
/// country's registered length, and the mod-97 check.
pub(crate) fn iban_valid(iban: &[u8]) -> bool {
    let [c0, c1, d0, d1, ..] = *iban else {
        return false;
    };
    c0.is_ascii_uppercase()
        && c1.is_ascii_uppercase()
        && d0.is_ascii_digit()
        && d1.is_ascii_digit()
        && iban_length([c0, c1]) == Some(iban.len())
        && iban_mod97(iban)
}

/// SSA rules for `AAA-GG-SSSS`: area not 000, 666 or 900–999; group not 00; serial not 0000.
pub(crate) fn ssn_valid(area: &[u8], group: &[u8], serial: &[u8]) -> bool {
    let all_digits = |s: &[u8]| s.iter().all(u8::is_ascii_digit);
    if area.len() != 3 || group.len() != 2 || serial.len() != 4 {
        return false;
    }
    if !(all_digits(area) && all_digits(group) && all_digits(serial)) {
        return false;
    }
    let a = prefix(area, 3);
    a != 0 && a != 666 && a < 900 && prefix(group, 2) != 0 && prefix(serial, 4) != 0
}

/// One IPv4 octet as written: 1–3 digits, 0–255, no leading zero (`01` reads as octal in
/// some parsers and is far more often a date or version part than an address).
pub(crate) fn ipv4_octet_ok(part: &[u8]) -> bool {
    match part {
        [b'0'] => true,
        [b'0', ..] => false,
        _ => {
            (1..=3).contains(&part.len())
                && part.iter().all(u8::is_ascii_digit)
                && prefix(part, 3) <= 255
        }
    }
}

/// A textual IPv6 address (any compression, mixed IPv4 tail), excluding the bare `::`
/// and short all-letter forms like `ab::cd` that read as code (`a::b`) rather than addresses.
pub(crate) fn ipv6_valid(s: &str) -> bool {
    if s == "::" || s.parse::<Ipv6Addr>().is_err() {
        return false;
    }
    let groups = s.split(':').filter(|g| !g.is_empty()).count();
    groups >= 3 || s.bytes().any(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn luhn_accepts_valid_numbers_and_rejects_off_by_one() {
        assert!(luhn_valid(b"4111111111111111"));
        assert!(luhn_valid(b"378282246310005"));
        assert!(luhn_valid(b"79927398713"));
        assert!(!luhn_valid(b"4111111111111112"));
        assert!(!luhn_valid(b"79927398710"));
        assert!(!luhn_valid(b""));
        assert!(!luhn_valid(b"4111-1111"));
    }

    #[test]
    fn card_brands_need_a_known_prefix_and_length() {
        for ok in [
            "4111111111111111",
            "5555555555554444",
            "2221000000000009",
            "378282246310005",
            "6011111111111117",
            "3530111333300000",
            "30569309025904",
            "6200000000000005",
            "6759649826438453",
        ] {
            assert!(card_brand_ok(ok.as_bytes()), "{ok}");
        }
        for bad in [
            "1234567812345670",
            "4006381333931",
            "9111111111111111",
            "3782822463100051",
        ] {
            assert!(!card_brand_ok(bad.as_bytes()), "{bad}");
        }
    }

    #[test]
    fn iban_checks_length_per_country_and_mod97() {
        assert!(iban_valid(b"DE89370400440532013000"));
        assert!(iban_valid(b"GB82WEST12345698765432"));
        assert!(iban_valid(b"FR1420041010050500013M02606"));
        assert!(iban_valid(b"NL91ABNA0417164300"));
        assert!(iban_valid(b"NO9386011117947"));
        assert!(iban_valid(b"ES9121000418450200051332"));
        assert!(!iban_valid(b"DE89370400440532013001"), "wrong check");
        assert!(!iban_valid(b"DE8937040044053201300"), "too short for DE");
        assert!(!iban_valid(b"ZZ89370400440532013000"), "unknown country");
        assert!(
            !iban_valid(b"de89370400440532013000"),
            "lower case is normalised by the caller"
        );
        assert_eq!(iban_length(*b"FR"), Some(27));
        assert_eq!(iban_length(*b"XX"), None);
    }

    #[test]
    fn ssn_follows_the_ssa_rules() {
        assert!(ssn_valid(b"123", b"45", b"6789"));
        assert!(ssn_valid(b"899", b"01", b"0001"));
        assert!(!ssn_valid(b"000", b"45", b"6789"));
        assert!(!ssn_valid(b"666", b"45", b"6789"));
        assert!(!ssn_valid(b"900", b"45", b"6789"));
        assert!(!ssn_valid(b"999", b"45", b"6789"));
        assert!(!ssn_valid(b"123", b"00", b"6789"));
        assert!(!ssn_valid(b"123", b"45", b"0000"));
        assert!(!ssn_valid(b"12a", b"45", b"6789"));
    }

    #[test]
    fn ipv4_octets_are_bounded_and_have_no_leading_zero() {
        for ok in ["0", "9", "10", "199", "255"] {
            assert!(ipv4_octet_ok(ok.as_bytes()), "{ok}");
        }
        for bad in ["256", "01", "000", "1000", "", "1a"] {
            assert!(!ipv4_octet_ok(bad.as_bytes()), "{bad}");
        }
    }

    #[test]
    fn ipv6_parsing_accepts_compressed_and_mixed_forms_only() {
        for ok in [
            "2001:db8::1",
            "::1",
            "fe80::",
            "2001:0db8:85a3:0000:0000:8a2e:0370:7334",
            "::ffff:192.0.2.128",
            "64:ff9b::192.0.2.33",
            "c7bc:8b2f:c209:25ae:fdd9:14a7:5745:edc6",
        ] {
            assert!(ipv6_valid(ok), "{ok}");
        }
        for bad in [
            "::",
            "12:30:45",
            "a::b",
            "dead::beef",
            "1:2:3:4:5:6:7:8:9",
            "00:1a:2b:3c:4d:5e",
            "2001:db8:::1",
        ] {
            assert!(!ipv6_valid(bad), "{bad}");
        }
    }
}
