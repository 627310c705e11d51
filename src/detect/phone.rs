//! Phone numbers: E.164 with `+` or `00`, and the national formats of the US, UK, Germany,
//! France and Spain.
//!
//! Digits are everywhere in prompts (dates, amounts, ids, versions), so a candidate must
//! look like a phone number, not just have the right digit count: a leading `+`/`00`, a
//! leading trunk `0`, an area code in parentheses, US 3-3-4 grouping or Spanish 9-digit
//! grouping. A bare digit run is a phone only with a trunk `0`, or next to a phone keyword.
//! Extensions (`x12`, `ext. 12`) are accepted after a number but stay outside its span.

use super::scan::next_number;
use super::text::{char_at, char_before, context_before, is_word, Keywords};
use super::{EntityType, Finding, Recognizer};

const MAX_ITEMS: usize = 8;
/// Marks two items written without a separator, which is only allowed next to a
/// parenthesised group: `+49(0)30`, `(028)9018440`.
const ADJACENT: u8 = 1;

/// Words before a number that make it a phone number, in the supported languages.
static PHONE_CONTEXT: Keywords = Keywords::new(&[
    "phone",
    "tel",
    "mobile",
    "mobil",
    "cell",
    "call",
    "fax",
    "contact",
    "reach",
    "whatsapp",
    "sms",
    "text me",
    "dial",
    "hotline",
    "telefon",
    "rufnummer",
    "handy",
    "anruf",
    "erreichbar",
    "erreichen",
    "téléphone",
    "telephone",
    "tél",
    "portable",
    "joindre",
    "appel",
    "numéro",
    "teléfono",
    "telefono",
    "tfno",
    "móvil",
    "movil",
    "llamar",
    "llame",
    "contacto",
    "centralita",
    "switchboard",
    "zentrale",
    "standard :",
    "llama",
    "llám",
    "localizar",
    "joignable",
    "ring me",
    "tlf",
    "tlfn",
    "telf",
    "cel",
    "celular",
    "fixo",
    "gsm",
    "office",
    "direct",
    "landline",
    "helpdesk",
    "hotline",
    "t:",
    "m:",
    "p:",
    "o:",
    "f:",
    "tel.",
    "☎",
    "📞",
    "📱",
]);

/// Words before a number that make it an identifier or an amount rather than a phone.
static ID_CONTEXT: Keywords = Keywords::new(&[
    "order",
    "invoice",
    "ref",
    "sku",
    "ticket",
    "account",
    "acct",
    "konto",
    "iban",
    "bestell",
    "rechnung",
    "kunden",
    "auftrag",
    "facture",
    "commande",
    "pedido",
    "factura",
    "tracking",
    "serial",
    "id:",
    "id ",
    "nº",
    "n°",
    "nr.",
    "no.",
    "dossier",
    "vorgang",
    "aktenzeichen",
    "expediente",
    "referencia",
    "référence",
    "case ",
    "caso",
    "numéro de dossier",
    "sendung",
    "suivi",
    "seguimiento",
    "vertrag",
    "contrat",
    "contrato",
    "policy",
    "police",
    "póliza",
    "versicherungsnummer",
]);

/// Words for numbers of goods and registers, which label every number of a list after them
/// ("Serial numbers of the returned units: 0412-7788-2019, 0412-7788-2020"): looked for
/// further back than [`ID_CONTEXT`], so only words prose does not use about anything else
/// (not "model", "batch" or "article", which stand near phone numbers too).
static SERIAL_CONTEXT: Keywords = Keywords::new(&[
    "serial",
    "s/n",
    "art.-nr",
    "siret",
    "siren",
    "rma",
    "ean",
    "isbn",
    "lagerplatz",
    "part number",
    "p/n",
    "serien",
    "serie",
    "série",
    "fd-n",
    "artikelnummer",
    "teilenummer",
]);

#[derive(Debug, Clone, Copy, Default)]
struct Item {
    /// Byte span of the item, parentheses included.
    start: usize,
    end: usize,
    /// Byte span of its digits.
    digits: (usize, usize),
    paren: bool,
    /// Separator before the item: `0` for the first, [`ADJACENT`], or the byte itself.
    sep: u8,
}

impl Item {
    fn len(&self) -> usize {
        self.digits.1 - self.digits.0
    }
}

/// A parsed candidate: items starting at one position, longest first.
#[derive(Debug)]
struct Candidate {
    plus: bool,
    items: [Item; MAX_ITEMS],
    n: usize,
}

/// Finds phone numbers in international and national formats.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct PhoneRecognizer;

impl Recognizer for PhoneRecognizer {
    fn find(&self, text: &str, out: &mut Vec<Finding>) {
        let bytes = text.as_bytes();
        let mut from = 0;
        while let Some(digit) = next_number(bytes, from) {
            from = digit + 1;
            let start = match digit.checked_sub(1).map(|i| (i, bytes[i])) {
                // `(+44) 20 7946 0018`: the country code in brackets.
                Some((i, b'+'))
                    if i > 0
                        && bytes[i - 1] == b'('
                        && (1..=3).contains(&count_digits(bytes, digit))
                        && bytes.get(digit + count_digits(bytes, digit)) == Some(&b')') =>
                {
                    i - 1
                }
                Some((i, b'+')) => i,
                Some((i, b'(')) if paren_group(bytes, i).is_some() => i,
                _ => digit,
            };
            if !left_ok(text, start) {
                continue;
            }
            let cand = parse(bytes, start);
            if let Some(found) = best_window(text, &cand) {
                from = found.end;
                out.push(found);
            }
        }
    }
}

fn count_digits(bytes: &[u8], from: usize) -> usize {
    bytes.get(from..).map_or(0, |rest| {
        rest.iter().take_while(|b| b.is_ascii_digit()).count()
    })
}

/// `(` 1–5 digits `)` at `pos`: returns the end of the digits.
fn paren_group(bytes: &[u8], pos: usize) -> Option<usize> {
    let digits = count_digits(bytes, pos + 1);
    let end = pos + 1 + digits;
    ((1..=5).contains(&digits) && bytes.get(end) == Some(&b')')).then_some(end)
}

fn parse(bytes: &[u8], start: usize) -> Candidate {
    let bracketed_plus = bytes[start] == b'(' && bytes.get(start + 1) == Some(&b'+');
    let mut cand = Candidate {
        plus: bytes[start] == b'+' || bracketed_plus,
        items: [Item::default(); MAX_ITEMS],
        n: 0,
    };
    let mut pos = start
        + if bracketed_plus {
            2
        } else {
            usize::from(cand.plus)
        };
    let mut sep = 0u8;
    while cand.n < MAX_ITEMS {
        let item = if bytes.get(pos) == Some(&b'(') {
            let Some(dend) = paren_group(bytes, pos) else {
                break;
            };
            Item {
                start: pos,
                end: dend + 1,
                digits: (pos + 1, dend),
                paren: true,
                sep,
            }
        } else {
            let digits = count_digits(bytes, pos);
            if digits == 0 {
                break;
            }
            let item_start = if cand.n == 0 { start } else { pos };
            // The `)` closing a bracketed country code belongs to it.
            let closes = cand.n == 0 && bracketed_plus;
            if closes && bytes.get(pos + digits) != Some(&b')') {
                break;
            }
            Item {
                start: item_start,
                end: pos + digits + usize::from(closes),
                digits: (pos, pos + digits),
                paren: false,
                sep,
            }
        };
        cand.items[cand.n] = item;
        cand.n += 1;
        pos = item.end;
        let next = bytes.get(pos + 1).copied().unwrap_or(0);
        sep = match bytes.get(pos).copied() {
            Some(s @ (b' ' | b'-' | b'.' | b'/')) if next.is_ascii_digit() || next == b'(' => {
                pos += 1;
                s
            }
            // German `030 / 1234567`.
            Some(b' ')
                if bytes.get(pos + 1..pos + 3) == Some(b"/ ")
                    && bytes.get(pos + 3).is_some_and(u8::is_ascii_digit) =>
            {
                pos += 3;
                b'/'
            }
            Some(b'(') => ADJACENT,
            Some(d) if d.is_ascii_digit() && item.paren => ADJACENT,
            _ => break,
        };
    }
    cand
}

/// The longest window `0..j` of the candidate that classifies as a phone number.
fn best_window(text: &str, cand: &Candidate) -> Option<Finding> {
    let items = &cand.items[..cand.n];
    let start = items.first()?.start;
    for j in (1..=items.len()).rev() {
        let window = &items[..j];
        let end = window[j - 1].end;
        let Some(base) = classify(text.as_bytes(), window, cand.plus) else {
            continue;
        };
        if j < items.len() {
            // Dropping trailing groups is fine after a space (`+1 415 555 0132 2024`), not
            // when the same joiner continues (`415-555-0132-7` is some other code), nor in
            // a run of four-digit blocks (`6391 6211 2390 3952`, a reference number).
            let next = items[j].sep;
            if next != b' ' && next == window[j - 1].sep {
                return None;
            }
            let blocks = |it: &Item| it.len() == 4 && !it.paren;
            if !cand.plus && window.iter().all(blocks) && blocks(&items[j]) {
                return None;
            }
        } else if !right_ok(text, end) {
            return None;
        }
        if !cand.plus && amount_after(text.as_bytes(), end) {
            return None;
        }
        if !cand.plus && (isbn(text.as_bytes(), window) || oid(window)) {
            return None;
        }
        let mut confidence = base;
        let phone_word = context_before(text, start, 40, &PHONE_CONTEXT);
        if phone_word {
            confidence += 0.2;
        } else if contact_line(text.as_bytes(), start, end) {
            confidence += 0.15;
        }
        // An order or serial word labels the number unless a phone word stands nearer:
        // "mi pedido no llega. Mi celular es 33 1234 5678" is a phone.
        let (id_window, serial_window) = if phone_word { (16, 16) } else { (24, 48) };
        if !cand.plus
            && (context_before(text, start, id_window, &ID_CONTEXT)
                || context_before(text, start, serial_window, &SERIAL_CONTEXT))
        {
            confidence -= 0.3;
        }
        let confidence = confidence.min(0.95);
        // `030 123 456-78`: a direct-dial suffix after a hyphen (DIN 5008) is part of it.
        let end = if !cand.plus {
            din_suffix(text.as_bytes(), end, window)
        } else {
            end
        };
        return Some(Finding {
            kind: EntityType::Phone,
            start,
            end,
            confidence,
        });
    }
    None
}

/// `978-1-4493-7332-0`: thirteen digits of a book number, with its check digit right.
fn isbn(bytes: &[u8], items: &[Item]) -> bool {
    let mut digits = [0u8; 13];
    let mut n = 0;
    for item in items {
        for &b in &bytes[item.digits.0..item.digits.1] {
            if n == digits.len() {
                return false;
            }
            digits[n] = b - b'0';
            n += 1;
        }
    }
    let sum: u32 = digits
        .iter()
        .enumerate()
        .map(|(k, &d)| u32::from(d) * if k % 2 == 0 { 1 } else { 3 })
        .sum();
    n == 13 && digits[..2] == [9, 7] && matches!(digits[2], 8 | 9) && sum % 10 == 0
}

/// `2.23.140.1.2.2`, `1.3.6.1.5.5.7`: an object identifier, dotted groups of which several
/// are one digit long; a dotted phone number has one such group at most.
fn oid(items: &[Item]) -> bool {
    items.len() >= 5
        && items[1..].iter().all(|it| it.sep == b'.')
        && items
            .iter()
            .filter(|it| it.digits.1 - it.digits.0 == 1)
            .count()
            >= 2
}

/// The end of a German direct-dial suffix (`-0`, `-78`, `-1234`) after a number written
/// with spaces or a slash, else `end`.
fn din_suffix(bytes: &[u8], end: usize, items: &[Item]) -> usize {
    let spaced = items.len() >= 2 && items[1..].iter().all(|it| matches!(it.sep, b' ' | b'/'));
    if !spaced || bytes.get(end) != Some(&b'-') {
        return end;
    }
    let digits = count_digits(bytes, end + 1);
    let after = bytes.get(end + 1 + digits);
    if (1..=4).contains(&digits) && !after.is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'-')
    {
        end + 1 + digits
    } else {
        end
    }
}

/// A line of a contact list: a short label without digits, then `:` or a dash, then the
/// number, and nothing after it but a note in brackets (`Pedro Quiróz: 607647510`,
/// `Haslinda binti Ramli - 55-9273-8689 (remote)`).
fn contact_line(bytes: &[u8], start: usize, end: usize) -> bool {
    let line_start = bytes[..start]
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |k| k + 1);
    let whole = &bytes[line_start..start];
    let label = whole.strip_suffix(b" ").unwrap_or(whole);
    let Some(label) = label
        .strip_suffix(b":")
        .or_else(|| label.strip_suffix(b" -"))
        .or_else(|| label.strip_suffix(" –".as_bytes()))
        .or_else(|| label.strip_suffix(" —".as_bytes()))
        .or_else(|| aligned_name(whole))
    else {
        return false;
    };
    let rest = &bytes[end..];
    let line_end = rest.iter().position(|&b| b == b'\n').unwrap_or(rest.len());
    let after = rest[..line_end].trim_ascii();
    (2..=60).contains(&label.len())
        && !label.iter().any(u8::is_ascii_digit)
        && (after.is_empty() || after.starts_with(b"(") || after.starts_with(b","))
}

/// A name set off from the number by a column gap (`Miguel Peralta  638466303`): two to
/// four capitalised words, then at least two spaces or a tab.
fn aligned_name(label: &[u8]) -> Option<&[u8]> {
    let name = label.trim_ascii_end();
    let gap = &label[name.len()..];
    if !(gap.len() >= 2 || gap.contains(&b'\t')) {
        return None;
    }
    let words = name.split(|&b| b == b' ').filter(|w| !w.is_empty());
    let mut count = 0;
    for word in words {
        count += 1;
        if count > 4 || !word[0].is_ascii_uppercase() && word[0] < 0x80 {
            return None;
        }
    }
    (count >= 2).then_some(name)
}

/// Rejects starts glued to a preceding token (`INV-0151…`, `x0151…`) or continuing a
/// digit sequence (`6000 0112 3456` inside an IBAN or a table).
fn left_ok(text: &str, start: usize) -> bool {
    let first_is_digit = text.as_bytes().get(start).is_some_and(u8::is_ascii_digit);
    match char_before(text, start) {
        None => true,
        Some(c) if is_word(c) => false,
        // A comma after a letter separates CSV cells; between digits it groups them.
        Some(',') if first_is_digit => {
            !char_before(text, start - 1).is_some_and(|c| c.is_ascii_digit())
        }
        Some(c @ ('-' | '.' | '/' | '+')) if first_is_digit => {
            !char_before(text, start - c.len_utf8()).is_some_and(is_word)
        }
        // `Boston, MA 02110-1301`: a state and its ZIP+4 code.
        Some(' ') if zip_plus_four(text, start) => false,
        Some(' ') if first_is_digit => {
            !char_before(text, start - 1).is_some_and(|c| c.is_ascii_digit())
        }
        Some('$' | '€' | '£' | '¥') => false,
        // `1:14~++20211113102219+b5ff187`: a plus glued to another mark is a version's.
        Some('+' | '~') if text.as_bytes().get(start) == Some(&b'+') => false,
        Some(_) => true,
    }
}

/// Five digits, a dash and four digits after a two-capital state code.
fn zip_plus_four(text: &str, start: usize) -> bool {
    let bytes = text.as_bytes();
    let shaped = bytes.get(start..start + 10).is_some_and(|z| {
        z[..5].iter().all(u8::is_ascii_digit)
            && z[5] == b'-'
            && z[6..].iter().all(u8::is_ascii_digit)
    }) && !bytes.get(start + 10).is_some_and(u8::is_ascii_digit);
    let state = start >= 3
        && bytes[start - 3..start - 1]
            .iter()
            .all(u8::is_ascii_uppercase)
        && (start == 3 || !bytes[start - 4].is_ascii_alphanumeric());
    shaped && state
}

/// After a complete candidate: nothing glued on (`0151234567890a`, `030 1234:56`, `1,5`),
/// except an extension, which is left outside the span.
fn right_ok(text: &str, end: usize) -> bool {
    if extension_at(text.as_bytes(), end) {
        return true;
    }
    match char_at(text, end) {
        None => true,
        Some(c) if is_word(c) => false,
        Some('.' | ',' | ':' | '-' | '/') => {
            !text.as_bytes().get(end + 1).is_some_and(u8::is_ascii_digit)
        }
        Some(_) => true,
    }
}

/// `x12`, ` x 12`, ` ext. 12`, `;ext=12`, ` extension 12`, `#12` right after a number.
fn extension_at(bytes: &[u8], end: usize) -> bool {
    let rest = bytes.get(end..).unwrap_or_default();
    let rest = rest
        .strip_prefix(b" ")
        .or_else(|| rest.strip_prefix(b";"))
        .unwrap_or(rest);
    let lower = |n: usize| -> [u8; 9] {
        let mut buf = [0u8; 9];
        for (d, s) in buf.iter_mut().zip(rest.iter().take(n)) {
            *d = s.to_ascii_lowercase();
        }
        buf
    };
    let head = lower(9);
    let skip = if head.starts_with(b"extension") {
        9
    } else if head.starts_with(b"ext") {
        3
    } else if head.starts_with(b"x") || head.starts_with(b"#") {
        1
    } else {
        return false;
    };
    let mut rest = &rest[skip..];
    while let [b'.' | b' ' | b'=' | b':', tail @ ..] = rest {
        rest = tail;
    }
    rest.first().is_some_and(u8::is_ascii_digit)
}

/// `912 345 678 €`, `0151 2345678 EUR`, `2 345 678 %`: an amount, not a number to call.
fn amount_after(bytes: &[u8], end: usize) -> bool {
    let rest = bytes.get(end..).unwrap_or_default();
    let rest = rest.strip_prefix(b" ").unwrap_or(rest);
    let mut head = [0u8; 3];
    for (d, s) in head.iter_mut().zip(rest) {
        *d = s.to_ascii_lowercase();
    }
    matches!(rest.first(), Some(b'%' | b'$'))
        || rest.starts_with("€".as_bytes())
        || rest.starts_with("£".as_bytes())
        || matches!(&head, b"eur" | b"usd" | b"gbp" | b"chf")
}

/// Country calling code length for the digits after `+`/`00` (ITU E.164 assignments).
fn country_code_len(digits: &[u8]) -> usize {
    match digits {
        [b'1' | b'7', ..] => 1,
        [b'2', b'0' | b'7', ..] => 2,
        [b'3', b'0'..=b'4' | b'6' | b'9', ..] => 2,
        [b'4', b'0' | b'1' | b'3'..=b'9', ..] => 2,
        [b'5', b'1'..=b'8', ..] => 2,
        [b'6', b'0'..=b'6', ..] => 2,
        [b'8', b'1' | b'2' | b'4' | b'6', ..] => 2,
        [b'9', b'0'..=b'5' | b'8', ..] => 2,
        _ => 3,
    }
}

/// National significant number lengths for the countries whose formats we know well;
/// elsewhere E.164's general bounds.
fn nsn_ok(cc: &[u8], nsn: usize) -> bool {
    let range = match cc {
        b"1" => 10..=10,
        b"44" => 9..=10,
        b"33" | b"34" => 9..=9,
        _ => 6..=13,
    };
    range.contains(&nsn) && cc.len() + nsn <= 15
}

fn classify(bytes: &[u8], items: &[Item], plus: bool) -> Option<f32> {
    let digits_of = |it: &Item| &bytes[it.digits.0..it.digits.1];
    let first = items.first()?;
    let first_digits = digits_of(first);
    // Separators between plain groups after the first must agree (`01.05.2024 12` is a date
    // and a time); a slash is only usual right after a German area code (`030/1234567`).
    let mut body = items.iter().skip(2).zip(items.iter().skip(1));
    let mut body_sep = None;
    // After a `+`, spaces and dashes mix (`+60 19-751 1997`).
    let consistent = body.all(|(it, prev)| {
        if it.paren || prev.paren || it.sep == ADJACENT {
            return true;
        }
        if it.sep == b'/' {
            return false;
        }
        plus && matches!(it.sep, b' ' | b'-') || *body_sep.get_or_insert(it.sep) == it.sep
    });
    if !consistent || !plus && looks_like_date(items) {
        return None;
    }
    let intl00 = !plus
        && !first.paren
        && first_digits.starts_with(b"00")
        && (first.len() <= 5 || items.len() == 1);
    if plus || intl00 {
        if let Some(conf) = international(bytes, items, plus) {
            return Some(conf);
        }
        if plus {
            return None;
        }
    }
    let total: usize = items.iter().map(Item::len).sum();
    let lens: [usize; 4] = std::array::from_fn(|k| items.get(k).map_or(0, Item::len));
    if lens == [3, 2, 4, 0] && items[1].sep == items[2].sep {
        // The US_SSN shape (`018-39-5163`), even with a leading zero.
        return None;
    }
    if let Some(conf) = us(bytes, items) {
        return Some(conf);
    }
    let trunk_zero = first_digits.first() == Some(&b'0')
        && (first_digits.get(1).is_some_and(|&d| d != b'0') || first.paren && first.len() > 1);
    if trunk_zero {
        return trunk(items, total);
    }
    spanish(bytes, items, total)
        .or_else(|| area_groups(items, total))
        .or_else(|| {
            // Any other phone-sized number counts only when a phone keyword labels it
            // (`Telefon: 00225 53153`): the base stays below the threshold without one.
            // Eight digits in groups (`6337 7308`, Singapore, Denmark) likewise.
            let shortest = if items.len() >= 2 { 8 } else { 9 };
            (shortest..=13).contains(&total).then_some(0.35)
        })
}

/// An area code in brackets then the number (`(33) 0405 2905`, `(11) 91234-5678`), or a
/// two-digit area code then four and four digits with a dash (`11 6959-8813`): how Latin
/// America writes numbers to call.
fn area_groups(items: &[Item], total: usize) -> Option<f32> {
    let first = items.first()?.len();
    if items[0].paren && (2..=3).contains(&first) && (8..=12).contains(&total) && items.len() >= 2 {
        return Some(0.6);
    }
    let latin = match items {
        [a, b, c] => {
            a.len() == 2
                && matches!(b.len(), 4 | 5)
                && c.len() == 4
                && b.sep == b' '
                && c.sep == b'-'
        }
        _ => false,
    };
    latin.then_some(0.6)
}

/// `+` or `00`, a country code and a national number of a plausible length.
fn international(bytes: &[u8], items: &[Item], plus: bool) -> Option<f32> {
    let mut buf = [0u8; 20];
    let mut n = 0;
    for (k, it) in items.iter().enumerate() {
        let digits = &bytes[it.digits.0..it.digits.1];
        // `+44 (0)20…`: the national trunk zero in parentheses is not dialled.
        if k > 0 && it.paren && digits == b"0" {
            continue;
        }
        for &d in digits {
            *buf.get_mut(n)? = d;
            n += 1;
        }
    }
    let digits = if plus { &buf[..n] } else { buf.get(2..n)? };
    let cc = country_code_len(digits).min(digits.len());
    if !nsn_ok(&digits[..cc], digits.len() - cc) {
        return None;
    }
    Some(match (plus, items.len()) {
        (true, _) => 0.8,
        // A bare `0049…` run is as likely an account or order number.
        (false, 1) => 0.4,
        (false, _) => 0.7,
    })
}

/// `01.05.2024`, `2024-05-17`, `05/17/24` and the like.
fn looks_like_date(items: &[Item]) -> bool {
    let [a, b, c, ..] = items else {
        return false;
    };
    let lens = (a.len(), b.len(), c.len());
    let date_sep = matches!(b.sep, b'.' | b'-' | b'/') && b.sep == c.sep && !a.paren;
    let short = matches!(lens, (2, 2, 2) | (1, 2, 2) | (2, 1, 2) | (1, 1, 2)) && items.len() == 3;
    date_sep && (short || matches!(lens, (1 | 2, 1 | 2, 4) | (4, 1 | 2, 1 | 2)))
}

/// NANP: `(415) 555-0132`, `415-555-0132`, `415.555.0132`, `1-800-555-0199`; a valid area
/// code and exchange start with 2–9. A bare 10-digit run is only a weak candidate (needs
/// context).
fn us(bytes: &[u8], items: &[Item]) -> Option<f32> {
    let nanp = |d: &[u8]| d.first().is_some_and(|&c| (b'2'..=b'9').contains(&c));
    let digits_of = |it: &Item| &bytes[it.digits.0..it.digits.1];
    if let [one] = items {
        let d = digits_of(one);
        let d = if d.len() == 11 && d[0] == b'1' {
            &d[1..]
        } else {
            d
        };
        return (d.len() == 10 && nanp(d) && nanp(&d[3..])).then_some(0.4);
    }
    let rest = match items {
        [lead, rest @ ..] if !lead.paren && digits_of(lead) == b"1" && rest.len() == 3 => {
            if !matches!(rest[0].sep, b'-' | b' ' | b'.') {
                return None;
            }
            rest
        }
        _ => items,
    };
    let [area, exchange, line] = rest else {
        return None;
    };
    if area.len() != 3 || exchange.len() != 3 || line.len() != 4 || exchange.paren || line.paren {
        return None;
    }
    // Prompts are full of made-up numbers such as 555-123-4567 that break the NANP rules
    // but are still written as phone numbers; the rules only decide how sure we are.
    let valid = nanp(digits_of(area)) && nanp(digits_of(exchange));
    let (s1, s2) = (exchange.sep, line.sep);
    if !matches!(s2, b'-' | b'.' | b' ') {
        return None;
    }
    let written_as_phone = if area.paren {
        matches!(s1, ADJACENT | b' ' | b'-' | b'.')
    } else {
        matches!((s1, s2), (b'-', b'-') | (b'.', b'.') | (b' ', b'-'))
    };
    match (written_as_phone, valid) {
        (true, true) => Some(0.75),
        (true, false) => Some(0.6),
        // `415 555 0132`: spaces alone are weaker evidence; numbering plans outside the
        // NANP use the same 3-3-4 (`311 077 6264`, Colombia).
        (false, true) if (s1, s2) == (b' ', b' ') => Some(0.65),
        (false, false) if (s1, s2) == (b' ', b' ') => Some(0.55),
        _ => None,
    }
}

/// National numbers with a trunk `0` (UK, DE, FR and most of Europe): 9–12 digits written
/// in groups, or a bare 10–12 digit run.
fn trunk(items: &[Item], total: usize) -> Option<f32> {
    if let [one] = items {
        return ((10..=12).contains(&total) && !one.paren).then_some(0.55);
    }
    let last = items.last()?;
    let groups_ok = items.iter().all(|it| it.len() <= 8) && last.len() >= 2 && items.len() <= 6;
    // Argentine mobiles add `15` after the area code: `(011) 15-6545-4636`, 13 digits.
    let longest = if items[0].paren { 13 } else { 12 };
    if !(9..=longest).contains(&total) || !groups_ok {
        return None;
    }
    Some(if items[0].paren { 0.8 } else { 0.75 })
}

/// Spanish numbers have no trunk prefix: 9 digits starting 6–9, as `912 345 678`,
/// `612 34 56 78` or `91 234 56 78`.
fn spanish(bytes: &[u8], items: &[Item], total: usize) -> Option<f32> {
    let first = bytes.get(items.first()?.digits.0)?;
    if items.len() < 3
        || total != 9
        || !(b'6'..=b'9').contains(first)
        || items.iter().any(|it| it.paren)
    {
        return None;
    }
    let sep = items.get(1)?.sep;
    if !items[1..].iter().all(|it| it.sep == sep) || !matches!(sep, b' ' | b'-' | b'.') {
        return None;
    }
    let lens: [usize; 4] = std::array::from_fn(|k| items.get(k).map_or(0, Item::len));
    match lens {
        // Three groups of three with dots is how 912.345.678 (an amount) is written.
        [3, 3, 3, 0] if sep != b'.' => Some(0.6),
        [3, 2, 2, 2] | [2, 3, 2, 2] => Some(0.65),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn phones(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        PhoneRecognizer.find(text, &mut out);
        out.into_iter()
            .filter(|f| f.confidence >= 0.5)
            .map(|f| &text[f.start..f.end])
            .collect()
    }

    fn one(text: &str, expected: &str) {
        assert_eq!(phones(text), vec![expected], "in {text:?}");
    }

    #[test]
    fn book_numbers_object_identifiers_and_serials_are_not_phones() {
        assert!(
            phones("- \"Designing Data-Intensive Applications\" - 978-1-4493-7332-0").is_empty()
        );
        assert!(phones("Certificate Policies: 2.23.140.1.2.2").is_empty());
        assert!(phones("Miele Waschmaschine, Seriennummer 000/123456789, Fehler F55").is_empty());
        assert!(phones("P/N 0471 889 223 sensor cable").is_empty());
    }

    #[test]
    fn zip_codes_and_version_stamps_are_not_phones() {
        assert!(phones("51 Franklin St, Fifth Floor, Boston, MA 02110-1301, USA.").is_empty());
        assert!(
            phones("llvm-toolchain-snapshot (1:14~++20211113102219+b5ff187b7b51-1)").is_empty()
        );
        // Without the state code the same digits may be a number to dial.
        one("Durchwahl: 02110-1301", "02110-1301");
    }

    #[test]
    fn us_numbers_are_found_with_exact_spans() {
        one("Call (415) 555-0132 today", "(415) 555-0132");
        one("Call 415-555-0132.", "415-555-0132");
        one("Call 415.555.0132, thanks", "415.555.0132");
        one("Call +1 415 555 0132", "+1 415 555 0132");
        one("Call +1-415-555-0132x123", "+1-415-555-0132");
        one("Call 1-800-555-0199 now", "1-800-555-0199");
        one("Call (465)670-2779 now", "(465)670-2779");
        one("dial 001-347-233-6894", "001-347-233-6894");
        one("Phone: 9444158308", "9444158308");
        one("My number is 555-123-4567.", "555-123-4567");
    }

    #[test]
    fn uk_numbers_are_found_with_exact_spans() {
        one("Ring 020 7946 0958 please", "020 7946 0958");
        one("mobile 07700 900123.", "07700 900123");
        one("Ring +44 20 7946 0958 please", "+44 20 7946 0958");
        one("Ring +44 (0)20 7946 0958 please", "+44 (0)20 7946 0958");
        one("Ring +44(0)117 496 0780", "+44(0)117 496 0780");
        one("Ring (0115) 496 0947", "(0115) 496 0947");
        one("Ring (028)9018440", "(028)9018440");
        one("Ring +441164960152", "+441164960152");
        one("Ring 02074960584", "02074960584");
    }

    #[test]
    fn german_numbers_are_found_with_exact_spans() {
        one("Telefon: 030 12345678", "030 12345678");
        one("Ruf an: +49 30 12345678.", "+49 30 12345678");
        one("Handy 0151 23456789", "0151 23456789");
        one("Büro (030) 1234567", "(030) 1234567");
        one("Büro +49 (0) 4830 494666", "+49 (0) 4830 494666");
        one("Büro +49(0)1975616084", "+49(0)1975616084");
        one("Büro 030/1234567", "030/1234567");
        one("Büro 0049 30 12345678", "0049 30 12345678");
    }

    #[test]
    fn french_numbers_are_found_with_exact_spans() {
        one("Téléphone : 01 23 45 67 89", "01 23 45 67 89");
        one("joindre au +33 1 23 45 67 89.", "+33 1 23 45 67 89");
        one("joindre au +33 (0)1 23 45 67 89.", "+33 (0)1 23 45 67 89");
        one("au 06.12.34.56.78 merci", "06.12.34.56.78");
        one("au 0486832155 merci", "0486832155");
    }

    #[test]
    fn spanish_numbers_are_found_with_exact_spans() {
        one("Teléfono: 912 345 678", "912 345 678");
        one("llamar al +34 912 345 678", "+34 912 345 678");
        one("móvil 612 34 56 78", "612 34 56 78");
        one("oficina 91 234 56 78", "91 234 56 78");
    }

    #[test]
    fn other_common_international_formats_are_found() {
        one("bel +31 20 123 4567 aub", "+31 20 123 4567");
        one("chiamare +39 06 1234 5678", "+39 06 1234 5678");
        one("call +86 138 0013 8000", "+86 138 0013 8000");
        one("ring +353 1 234 5678", "+353 1 234 5678");
        one("call +1 (415) 555-0132", "+1 (415) 555-0132");
        one("call 1 (415) 555-0132", "1 (415) 555-0132");
        one("Tel. 030 / 12345678", "030 / 12345678");
        one("Tel. 0171-1234567", "0171-1234567");
        one("móvil +34 612 34 56 78", "+34 612 34 56 78");
        one("Tel: 0049301234567", "0049301234567");
    }

    #[test]
    fn everyday_numbers_in_de_fr_es_prose_are_not_phones() {
        for t in [
            "PLZ 10115 Berlin, Hausnummer 12",
            "Kontonummer 1234567890 bei der Bank",
            "BLZ 370 400 44",
            "Steuernummer 12/345/67890",
            "ISBN 978-3-16-148410-0",
            "Termin am 15.5.2024 um 14.30 Uhr",
            "Umsatz 1.234.567 € und 12 345 678 habitants",
            "le 15/05/2024 à 10h30, total 1 234 567 890",
            "Windows 10.0.19045.3803",
            "IMEI 356938035643809",
            "pedido 912345678",
            "Matrikelnummer 123456789",
        ] {
            assert!(phones(t).is_empty(), "{t:?} -> {:?}", phones(t));
        }
    }

    #[test]
    fn extensions_stay_outside_the_span() {
        one("Call 415-555-0132 ext. 12", "415-555-0132");
        one("Call 415-555-0132 x12", "415-555-0132");
        one("Call (808)937-0915x109", "(808)937-0915");
        one("Call +44 20 7946 0958 extension 4", "+44 20 7946 0958");
    }

    #[test]
    fn context_words_raise_confidence_and_ids_lower_it() {
        let mut out = Vec::new();
        PhoneRecognizer.find("Mobile: 0151 23456789", &mut out);
        PhoneRecognizer.find("see 0151 23456789", &mut out);
        PhoneRecognizer.find("Order no. 0151 23456789", &mut out);
        let conf: Vec<f32> = out.iter().map(|f| f.confidence).collect();
        assert!(conf[0] > conf[1] && conf[1] > conf[2], "{conf:?}");
        assert!(conf[2] < 0.5);
        assert!(
            phones("ref 9444158308").is_empty(),
            "bare US digits need a phone word"
        );
    }

    #[test]
    fn numbers_that_are_not_phones_are_rejected() {
        for t in [
            "10.7.206.175",
            "on 2024-05-17 at 12:30:45",
            "17.05.2024 and 01.05.2024 12:30 and 05/17/2024",
            "$1,234.56 and 1.234,56 € and 912 345 678 €",
            "INV-993352 and ORD-2024-001234 and 2024-001234",
            "4111 1111 1111 1111 and 4111111111111111",
            "SSN 123-45-6789",
            "12345678 and 123456789012",
            "v10.4.12 and 1.2.3",
            "uuid 550e8400-e29b-41d4-a716-446655440000",
            "415-555-0132-7",
            "(030)",
            "+12",
            "+1 415 555",
            "0x1F4A5B6C7D",
            "0012345678",
            "call 0123 45",
            "2001:db8::8a2e:370:7334",
        ] {
            assert!(phones(t).is_empty(), "{t:?} -> {:?}", phones(t));
        }
    }

    #[test]
    fn a_name_in_a_column_then_a_bare_number_is_a_contact_line() {
        assert_eq!(
            phones("Gary Hodge  +61 2 9151 3871\nMiguel Peralta  638466303\n"),
            vec!["+61 2 9151 3871", "638466303"]
        );
        assert_eq!(phones("Llámame al 612345678."), vec!["612345678"]);
        // One word before a gap is a label of something else, not a name.
        assert!(phones("Total  638466303\n").is_empty());
    }

    #[test]
    fn register_and_article_numbers_are_not_phones_but_a_nearer_phone_word_wins() {
        assert!(phones("SIRET du fournisseur : 732 829 320 00074").is_empty());
        assert!(phones("Art.-Nr. 0815-2240-11 und einmal als 0815-2240-12.").is_empty());
        assert_eq!(
            phones("Buenas tardes, mi pedido no llega. Mi celular es 33 1234 5678 y"),
            vec!["33 1234 5678"]
        );
        assert_eq!(
            phones("I bought the new model last week, my number is 0151 23456789"),
            vec!["0151 23456789"]
        );
    }

    #[test]
    fn bracketed_country_codes_and_direct_dial_suffixes_are_inside_the_span() {
        assert_eq!(
            phones("Tel: (+44) 20 7946 0018"),
            vec!["(+44) 20 7946 0018"]
        );
        assert_eq!(phones("Tel. 030 / 123 456-78"), vec!["030 / 123 456-78"]);
        assert_eq!(phones("(+49 30 1234567)"), vec!["+49 30 1234567"]);
        assert!(phones("See (+5) below").is_empty());
    }

    #[test]
    fn country_codes_have_the_itu_lengths() {
        assert_eq!(country_code_len(b"14155550132"), 1);
        assert_eq!(country_code_len(b"442079460958"), 2);
        assert_eq!(country_code_len(b"4930123"), 2);
        assert_eq!(country_code_len(b"3531234"), 3);
        assert_eq!(country_code_len(b"33123"), 2);
        assert_eq!(country_code_len(b"8801234"), 3);
    }
}
