//! Values in tables, where a cell carries no words of context: the column's header says
//! what it holds (`ssn`, `Telefon`, `nombre`, `card_number`, `password`), or most of the
//! column's cells do. A cell of such a column is a finding when it has the shape of its
//! kind: a bare nine-digit SSN under `ssn`, a Luhn-valid number in any grouping under
//! `card`, a national phone number without a country code under `phone`, a lower-case
//! name under `name`. Everywhere else the recognizers of each type keep their stricter
//! rules; this one only adds what a column makes sure.

mod header;
mod settings;
mod sql;
mod table;

pub(crate) use header::{header_info, header_kind, FieldKind};

use self::table::{tables, Cell, Table, MAX_COLUMNS};
use super::person::{name_in_field, NameEvidence};
use super::validators::{card_brand_ok, iban_valid, luhn_valid, ssn_valid};
use super::{EntityType, Finding, Recognizer, Veto};

/// Builds the header vocabulary now.
pub(crate) fn prepare() {
    let _ = header_kind("name");
    let _ = header::names_a_place("city");
}

/// A column's kind read from the majority of its cells needs this share of them.
const MAJORITY: f32 = 0.5;

/// Finds values in table columns whose header or majority says what they hold.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct FieldRecognizer;

impl Recognizer for FieldRecognizer {
    fn find(&self, text: &str, out: &mut Vec<Finding>) {
        self.find_and_veto(text, out, &mut Vec::new());
    }

    fn find_and_veto<'t>(&self, text: &'t str, out: &mut Vec<Finding>, vetoes: &mut Vec<Veto>) {
        tables(text, |table| read_table(text, table, out, vetoes));
        sql::sql_tables(text, |table| read_table(text, table, out, vetoes));
        // Records repeat their keys (JSON lines, YAML lists): the last few answers are kept.
        let mut recent: [(&str, bool); 8] = [("", false); 8];
        let mut slot = 0;
        let mut wanted = |key: &'t str| -> bool {
            if let Some((_, known)) = recent.iter().find(|(k, _)| !k.is_empty() && *k == key) {
                return *known;
            }
            let answer = header_info(key).is_some() || header::names_a_place(key);
            recent[slot % recent.len()] = (key, answer);
            slot += 1;
            answer
        };
        settings::settings(text, &mut wanted, |pair| {
            read_setting(text, pair, out, vetoes);
        });
    }
}

/// What a column holds, and how it came to be known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Header(FieldKind),
    Majority(FieldKind),
}

/// The kinds of a table's columns, one slot per column.
type Kinds = [Option<Column>; MAX_COLUMNS];

fn read_table(text: &str, table: &Table, out: &mut Vec<Finding>, vetoes: &mut Vec<Veto>) {
    let mut kinds: Kinds = [None; MAX_COLUMNS];
    let header_row = find_header(text, table, &mut kinds);
    veto_place_columns(text, table, header_row, vetoes);
    infer_columns(text, table, header_row, &mut kinds);
    settle_name_columns(text, table, header_row, &mut kinds);
    for row in data_rows(table, header_row) {
        for cell in row {
            if let Some(column) = kinds[cell.column] {
                if let Some(found) = value(text, *cell, column) {
                    out.push(found);
                }
            }
        }
    }
}

/// The rows under the header (all of them without one).
fn data_rows(table: &Table, header_row: Option<usize>) -> impl Iterator<Item = &[Cell]> {
    table
        .rows()
        .enumerate()
        .filter(move |(r, _)| header_row.is_none_or(|h| *r > h))
        .map(|(_, row)| row)
}

/// The header row, and the kinds its cells name. The header is the first row that names
/// a kind, among the first two (a line of prose with as many commas may come before it).
/// A first row of short labels without digits (`Kategorie;Mär;Apr;Mai`: one or two words
/// a cell, no digits, no sentence) is the header even when it names no kind: the row after
/// it is data, whatever its first cell says ("Passwort zurücksetzen;412;388;521").
fn find_header(text: &str, table: &Table, kinds: &mut Kinds) -> Option<usize> {
    let first_is_header = table.rows().next().is_some_and(|row| {
        row.len() >= 2
            && row.iter().all(|cell| {
                text.get(cell.start..cell.end).is_some_and(|v| {
                    let v = v.trim();
                    (1..=30).contains(&v.len())
                        && v.split_whitespace().count() <= 2
                        && !v.bytes().any(|b| b.is_ascii_digit())
                        && !v.ends_with(['.', '?', '!', ':'])
                })
            })
    });
    let candidates = if first_is_header { 1 } else { 2 };
    for (r, row) in table.rows().take(candidates).enumerate() {
        let mut named = false;
        for cell in row {
            if let Some(kind) = text.get(cell.start..cell.end).and_then(header_kind) {
                kinds[cell.column] = Some(Column::Header(kind));
                named = true;
            }
        }
        if named {
            return Some(r);
        }
    }
    None
}

/// Columns without a header that names their kind take the kind of most of their cells;
/// columns headed `city`, `country`, `company` stay unknown (what their cells look like
/// says nothing). Nine bare digits are as often an order or customer number as an SSN; in
/// a table of people (a column of names) whose column holds almost nothing else, they are
/// SSNs.
fn infer_columns(text: &str, table: &Table, header_row: Option<usize>, kinds: &mut Kinds) {
    let columns = table.columns.min(MAX_COLUMNS);
    let mut named_other = [false; MAX_COLUMNS];
    if let Some(row) = header_row.and_then(|h| table.rows().nth(h)) {
        for cell in row {
            named_other[cell.column] = text
                .get(cell.start..cell.end)
                .is_some_and(header::names_something_else);
        }
    }
    for (column, kind) in kinds.iter_mut().enumerate().take(columns) {
        if kind.is_none() && !named_other[column] {
            let cells = data_rows(table, header_row).map(|row| row[column]);
            *kind = majority(text, cells).map(Column::Majority);
        }
    }
    let has_names = kinds.iter().flatten().any(|c| {
        matches!(
            c,
            Column::Majority(FieldKind::Role) | Column::Header(FieldKind::Name | FieldKind::Role)
        )
    });
    if has_names {
        for (column, kind) in kinds.iter_mut().enumerate().take(columns) {
            let cells = data_rows(table, header_row).map(|row| row[column]);
            if kind.is_none() && bare_ssns(text, cells) {
                *kind = Some(Column::Majority(FieldKind::Ssn));
            }
        }
    }
}

/// A name column is sure when the table is about people (it has a phone, e-mail, SSN,
/// card or IBAN column) or when most of its cells are names anyway; otherwise it may be a
/// table of packages or products (`name,version`) and each cell must make its case. Two
/// columns headed as names (`surname;forename`, `Name;Vorname`) are a person's parts: a
/// table about people, whose surnames need not look like names on their own. A column
/// headed `sku`, `price` or `version` says the rows are things, unless two columns name a
/// person's parts (`surname;forename;category`).
fn settle_name_columns(text: &str, table: &Table, header_row: Option<usize>, kinds: &mut Kinds) {
    let name_columns = kinds
        .iter()
        .filter(|c| **c == Some(Column::Header(FieldKind::Name)))
        .count();
    let about_things = name_columns < 2
        && header_row.is_some_and(|h| {
            table.rows().nth(h).is_some_and(|row| {
                row.iter()
                    .any(|c| text.get(c.start..c.end).is_some_and(header::names_a_thing))
            })
        });
    if about_things {
        for kind in kinds.iter_mut() {
            if matches!(
                kind,
                Some(Column::Header(FieldKind::Name | FieldKind::Role))
            ) {
                *kind = None;
            }
        }
    }
    let about_people = name_columns >= 2
        || kinds.iter().flatten().any(|c| {
            matches!(
                c,
                Column::Header(
                    FieldKind::Phone
                        | FieldKind::Email
                        | FieldKind::Ssn
                        | FieldKind::Card
                        | FieldKind::Iban
                )
            )
        });
    let columns = table.columns.min(MAX_COLUMNS);
    for (column, kind) in kinds.iter_mut().enumerate().take(columns) {
        if *kind == Some(Column::Header(FieldKind::Name))
            && !about_people
            && majority(text, data_rows(table, header_row).map(|row| row[column]))
                != Some(FieldKind::Role)
        {
            *kind = Some(Column::Header(FieldKind::Role));
        }
    }
}

/// The cells under a header that names a place or an organisation (`City`, `Office`,
/// `Standort`, `Company`) hold no person: "Lincoln", "Florence" and "Wellington" there are
/// places. The header is the row found to name kinds, or else the first row.
fn veto_place_columns(
    text: &str,
    table: &Table,
    header_row: Option<usize>,
    vetoes: &mut Vec<Veto>,
) {
    // Without a row found to name kinds, one of the first two rows is a header only if it
    // reads like one: no digits (a data row has ids, dates or numbers), so that a roster
    // whose first name happens to be "Brand" or "Lager" does not veto the names under it.
    // (The second, because a line of prose with as many `;` may open the table.)
    let candidates = match header_row {
        Some(h) => h..h + 1,
        None => 0..2,
    };
    let mut places = [false; MAX_COLUMNS];
    let mut found = None;
    for (h, header) in table
        .rows()
        .enumerate()
        .skip(candidates.start)
        .take(candidates.len())
    {
        let has_digits = header.iter().any(|c| {
            text.get(c.start..c.end)
                .is_some_and(|v| v.bytes().any(|b| b.is_ascii_digit()))
        });
        if header_row.is_none() && has_digits {
            continue;
        }
        for cell in header {
            if cell.column < MAX_COLUMNS
                && text
                    .get(cell.start..cell.end)
                    .is_some_and(header::names_a_place)
            {
                places[cell.column] = true;
                found = Some(h);
            }
        }
        if found.is_some() {
            break;
        }
    }
    let Some(h) = found else {
        return;
    };
    for row in table.rows().skip(h + 1) {
        for cell in row {
            if cell.column < MAX_COLUMNS && places[cell.column] {
                vetoes.push(Veto {
                    kind: EntityType::Person,
                    start: cell.start,
                    end: cell.end,
                });
            }
        }
    }
}

/// A setting whose key says what its value holds: `"ssn": "078051120"`, `name: maria
/// garcia`, `{"key": "adminPassword", "value": "…"}`. Keys of secrets are the secret
/// recognizer's, unless the setting is named by the pair before it; keys of places and
/// organisations veto names in their values.
fn read_setting(text: &str, pair: &settings::Pair, out: &mut Vec<Finding>, vetoes: &mut Vec<Veto>) {
    if let Some((s, e)) = pair.named_by {
        let name = text.get(s..e).unwrap_or_default();
        let value = text.get(pair.value.0..pair.value.1).unwrap_or_default();
        if let Some(confidence) = super::secret::named_secret(name, value) {
            out.push(Finding {
                kind: EntityType::Secret,
                start: pair.value.0,
                end: pair.value.1,
                confidence,
            });
            return;
        }
    }
    let named = pair.named_by.unwrap_or(pair.key);
    let named_text = text.get(named.0..named.1).unwrap_or_default();
    if header::names_a_place(named_text) {
        vetoes.push(Veto {
            kind: EntityType::Person,
            start: pair.value.0,
            end: pair.value.1,
        });
        return;
    }
    let Some((kind, generic)) = header_info(named_text) else {
        return;
    };
    // `{"name": "Ferrari SF-24 1:43 model", "sku": "…", "price": …}`: a product's name.
    if kind == FieldKind::Name && generic && record_about_things(text, pair.value.0) {
        vetoes.push(Veto {
            kind: EntityType::Person,
            start: pair.value.0,
            end: pair.value.1,
        });
        return;
    }
    let column = match kind {
        FieldKind::Email => return,
        FieldKind::Secret if pair.named_by.is_none() => return,
        // `name: web` in a manifest is no person; `"name": "…"` next to an e-mail address
        // in the same record is.
        FieldKind::Name if generic && !record_with_address(text, pair.value.0) => {
            Column::Header(FieldKind::Role)
        }
        kind => Column::Header(kind),
    };
    let cell = Cell {
        start: pair.value.0,
        end: pair.value.1,
        column: 0,
    };
    if let Some(found) = value(text, cell, column) {
        out.push(found);
    }
}

/// Whether the record around `at` (between the braces around it, or on its line) holds an
/// e-mail address.
fn record_with_address(text: &str, at: usize) -> bool {
    let (start, end) = record_around(text, at);
    text.as_bytes()[start..end].contains(&b'@')
}

/// Whether the JSON record around `at` has a key of things (`"sku"`, `"price"`, `"qty"`).
fn record_about_things(text: &str, at: usize) -> bool {
    let (start, end) = record_around(text, at);
    // Bytes, not chars: the record's edges may fall inside a multi-byte char.
    let record = &text.as_bytes()[start..end];
    memchr::memmem::find_iter(record, b"\":").any(|close| {
        record[..close]
            .iter()
            .rposition(|&b| b == b'"')
            .is_some_and(|open| {
                std::str::from_utf8(&record[open + 1..close]).is_ok_and(header::names_a_thing)
            })
    })
}

/// The record around `at`: between the braces around it, or its line, at most 300 bytes
/// either way.
fn record_around(text: &str, at: usize) -> (usize, usize) {
    const REACH: usize = 300;
    let bytes = text.as_bytes();
    let from = at.saturating_sub(REACH);
    let to = (at + REACH).min(bytes.len());
    let start = bytes[from..at]
        .iter()
        .rposition(|&b| b == b'{' || b == b'}' || b == b'\n')
        .map_or(from, |k| from + k);
    let end = bytes[at..to]
        .iter()
        .position(|&b| b == b'}' || b == b'{' || b == b'\n')
        .map_or(to, |k| at + k);
    (start, end)
}

/// The kind most cells of a column have on their own: names with a listed first name or
/// surname, valid card numbers, phone numbers written as such.
fn majority<'a>(text: &str, cells: impl Iterator<Item = Cell> + 'a) -> Option<FieldKind> {
    let (mut filled, mut names, mut cards, mut phones, mut ssns, mut secrets, mut weak) =
        (0usize, 0, 0, 0, 0, 0, 0);
    for cell in cells {
        let Some(v) = text.get(cell.start..cell.end) else {
            continue;
        };
        if v.is_empty() {
            continue;
        }
        filled += 1;
        if name_in_field(text, cell.start, cell.end, NameEvidence::Weak).is_some() {
            names += 1;
        } else if card(v, false).is_some() {
            cards += 1;
        } else if ssn_shaped(v) && ssn(v) {
            ssns += 1;
        } else if phone(v, true).is_some() {
            phones += 1;
        } else if super::secret::looks_generated(v) {
            secrets += 1;
        } else if super::secret::looks_like_password(v) {
            weak += 1;
        }
    }
    let enough = |n: usize| n >= 2 && n as f32 >= MAJORITY * filled as f32;
    if enough(names) {
        Some(FieldKind::Role)
    } else if enough(cards) {
        Some(FieldKind::Card)
    } else if enough(phones) {
        Some(FieldKind::Phone)
    } else if enough(ssns) {
        Some(FieldKind::Ssn)
    } else if enough(secrets) || secrets >= 2 && enough(secrets + weak) {
        Some(FieldKind::Secret)
    } else {
        None
    }
}

/// Whether at least four in five filled cells (and at least three) are nine digits within
/// the SSA rules.
fn bare_ssns(text: &str, cells: impl Iterator<Item = Cell>) -> bool {
    let (mut filled, mut ssns) = (0usize, 0usize);
    for cell in cells {
        let Some(v) = text.get(cell.start..cell.end).filter(|v| !v.is_empty()) else {
            continue;
        };
        filled += 1;
        ssns += usize::from(v.len() == 9 && ssn(v));
    }
    ssns >= 3 && ssns * 5 >= filled * 4
}

/// The finding for one cell of a column of `column`'s kind, if the cell has its shape.
fn value(text: &str, cell: Cell, column: Column) -> Option<Finding> {
    let v = text.get(cell.start..cell.end)?;
    if v.is_empty() {
        return None;
    }
    let found = |kind, confidence| Finding {
        kind,
        start: cell.start,
        end: cell.end,
        confidence,
    };
    let kind = match column {
        Column::Header(kind) | Column::Majority(kind) => kind,
    };
    match kind {
        FieldKind::Name | FieldKind::Role => {
            let evidence = match column {
                Column::Header(FieldKind::Name) => NameEvidence::Column,
                Column::Majority(_) => NameEvidence::Among,
                Column::Header(_) => NameEvidence::Weak,
            };
            let (start, end, confidence) = name_in_field(text, cell.start, cell.end, evidence)?;
            Some(Finding {
                kind: EntityType::Person,
                start,
                end,
                confidence,
            })
        }
        FieldKind::Phone => phone(v, false).map(|c| found(EntityType::Phone, c)),
        FieldKind::Ssn => ssn(v).then(|| found(EntityType::UsSsn, 0.9)),
        FieldKind::Card => card(v, true).map(|c| found(EntityType::CreditCard, c)),
        FieldKind::Iban => iban(v).then(|| found(EntityType::Iban, 0.95)),
        FieldKind::Secret => match column {
            Column::Header(_) => super::secret::column_secret(v),
            Column::Majority(_) => super::secret::column_secret_by_majority(v),
        }
        .map(|c| found(EntityType::Secret, c)),
        FieldKind::Email => None,
    }
}

/// The digits of `v` when it is digits in groups joined by one kind of separator from
/// `seps`; None otherwise.
fn digits_joined<'b>(v: &str, seps: &[u8], buf: &'b mut [u8; 24]) -> Option<&'b [u8]> {
    let mut n = 0;
    let mut sep = None;
    let mut prev_digit = false;
    for &b in v.as_bytes() {
        if b.is_ascii_digit() {
            *buf.get_mut(n)? = b;
            n += 1;
            prev_digit = true;
        } else if seps.contains(&b) && prev_digit && *sep.get_or_insert(b) == b {
            prev_digit = false;
        } else {
            return None;
        }
    }
    prev_digit.then_some(&buf[..n])
}

/// A card number: 12–19 digits, plain or grouped with spaces, dashes or dots, Luhn-valid.
/// Under a card header any issuer goes; elsewhere the issuer prefix must be known.
fn card(v: &str, header: bool) -> Option<f32> {
    let mut buf = [0u8; 24];
    let digits = digits_joined(v, b" -.", &mut buf)?;
    let ok = (12..=19).contains(&digits.len())
        && luhn_valid(digits)
        && (header || card_brand_ok(digits));
    ok.then_some(0.9)
}

/// A US SSN: `AAA-GG-SSSS`, `AAA GG SSSS` or nine bare digits, within the SSA rules.
fn ssn(v: &str) -> bool {
    let mut buf = [0u8; 24];
    let Some(d) = digits_joined(v, b"- ", &mut buf) else {
        return false;
    };
    let grouped = v.len() == 11 && matches!(v.as_bytes()[3], b'-' | b' ');
    d.len() == 9 && (v.len() == 9 || grouped) && ssn_valid(&d[..3], &d[3..5], &d[5..])
}

/// An IBAN in any case, compact or grouped.
fn iban(v: &str) -> bool {
    let mut buf = [0u8; 34];
    let mut n = 0;
    for &b in v.as_bytes() {
        if b == b' ' {
            continue;
        }
        if !b.is_ascii_alphanumeric() {
            return false;
        }
        let Some(slot) = buf.get_mut(n) else {
            return false;
        };
        *slot = b.to_ascii_uppercase();
        n += 1;
    }
    iban_valid(&buf[..n])
}

/// A phone number as a table holds it: an optional `+`, 7–15 digits in groups joined by
/// spaces, dashes, dots or slashes, an area code in brackets; not a date, a decimal
/// number or an amount. `written` asks for a sign that it is written as a phone number
/// (a `+`, a trunk `0`, brackets or groups), for columns whose header says nothing.
fn phone(v: &str, written: bool) -> Option<f32> {
    let bytes = v.as_bytes();
    let body = bytes.strip_prefix(b"+").unwrap_or(bytes);
    let plus = body.len() < bytes.len();
    let mut digits = 0;
    let mut groups = 1;
    let mut seps = [0u8; 2];
    let mut prev_sep = true;
    for &b in body {
        match b {
            b'0'..=b'9' => {
                digits += 1;
                prev_sep = false;
            }
            b' ' | b'-' | b'.' | b'/' => {
                if prev_sep && b != b' ' {
                    return None;
                }
                if !prev_sep {
                    groups += 1;
                }
                if seps[0] == 0 || seps[0] == b {
                    seps[0] = b;
                } else {
                    seps[1] = b;
                }
                prev_sep = true;
            }
            b'(' | b')' => prev_sep = true,
            _ => return None,
        }
    }
    if !(7..=15).contains(&digits) || !bytes.last().is_some_and(u8::is_ascii_digit) {
        return None;
    }
    // 2024-05-17, 17.05.2024, 1/19/1971, 1234.56: dates and amounts; 123-45-6789: an SSN.
    let dotted = seps.contains(&b'.') || seps.contains(&b'-') || seps.contains(&b'/');
    if dotted && (groups == 2 || groups == 3 && digits <= 8) && !plus {
        return None;
    }
    if !plus && ssn_shaped(v) {
        return None;
    }
    if written {
        let trunk = body.first() == Some(&b'0') && body.get(1) != Some(&b'0');
        // Nine digits from 6, 7 or 9: a Spanish mobile or landline, bare in most exports.
        let spanish = digits == 9 && matches!(body.first(), Some(b'6' | b'7' | b'9'));
        if !(plus || trunk || spanish || body.contains(&b'(')) {
            return None;
        }
    }
    Some(0.85)
}

/// `123-45-6789` or `123 45 6789`.
fn ssn_shaped(v: &str) -> bool {
    let b = v.as_bytes();
    b.len() == 11
        && matches!(b[3], b'-' | b' ')
        && b[6] == b[3]
        && b.iter()
            .enumerate()
            .all(|(k, c)| k == 3 || k == 6 || c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use crate::detect::Detector;

    fn found(text: &str) -> Vec<(&'static str, &str)> {
        Detector::new()
            .find(text, None)
            .into_iter()
            .map(|f| (f.kind.label(), &text[f.start..f.end]))
            .collect()
    }

    #[test]
    fn surnames_beside_a_given_name_column_are_names() {
        let text = "Personalnr;Name;Vorname;Abteilung\n\
                    4712;Nowak;Katarzyna;Buchhaltung\n\
                    4714;Pham;Thi Lan;Lager\n";
        assert_eq!(
            found(text),
            vec![
                ("PERSON", "Nowak"),
                ("PERSON", "Katarzyna"),
                ("PERSON", "Pham"),
                ("PERSON", "Thi Lan")
            ]
        );
        let members = "member_no;surname;forename;category\n\
                       1041;O'Sullivan;Bríd;senior\n\
                       1043;Van Rensburg;Pieter;senior\n";
        assert_eq!(
            found(members),
            vec![
                ("PERSON", "O'Sullivan"),
                ("PERSON", "Bríd"),
                ("PERSON", "Van Rensburg"),
                ("PERSON", "Pieter")
            ]
        );
    }

    #[test]
    fn places_under_a_place_header_are_not_people() {
        let text = "| Office | Region | Headcount |\n\
                    |--------|--------|-----------|\n\
                    | Lincoln | East Midlands | 42 |\n\
                    | Florence | Tuscany | 11 |\n\
                    | Charlotte | North Carolina | 63 |\n";
        assert_eq!(found(text), vec![]);
        let json = "[\n  {\"site\": \"Hamilton\", \"manager\": \"Aroha Ngata\"},\n  \
                    {\"site\": \"Darwin\", \"manager\": null}\n]";
        assert_eq!(found(json), vec![("PERSON", "Aroha Ngata")]);
        // Without a header, a first row with digits is data, not a header: its "Brand"
        // (a surname) vetoes nothing under it; a first row of labels does.
        let vetoes = |text: &str| {
            let mut vetoes = Vec::new();
            crate::detect::Recognizer::find_and_veto(
                &super::FieldRecognizer,
                text,
                &mut Vec::new(),
                &mut vetoes,
            );
            vetoes.len()
        };
        assert_eq!(
            vetoes("Brand,Ingrid,0151 2345678\nNowak,Ewa,0171 1234567\n"),
            0
        );
        // `Brand` and `Region` both name no person: two columns, two rows.
        assert_eq!(
            vetoes("Brand,Region\nRitter Sport,Waldenbuch\nHaribo,Bonn\n"),
            4
        );
    }

    #[test]
    fn bare_values_in_headed_columns_are_found() {
        let text = "name,phone,ssn,card\n\
                    chinedu okafor,612 345 678,078051120,3782 822463 10005\n\
                    Wanjiru Kamau,07700 900123,219-09-9999,6011-0009-9013-9424\n";
        assert_eq!(
            found(text),
            vec![
                ("PERSON", "chinedu okafor"),
                ("PHONE", "612 345 678"),
                ("US_SSN", "078051120"),
                ("CREDIT_CARD", "3782 822463 10005"),
                ("PERSON", "Wanjiru Kamau"),
                ("PHONE", "07700 900123"),
                ("US_SSN", "219-09-9999"),
                ("CREDIT_CARD", "6011-0009-9013-9424"),
            ]
        );
    }

    #[test]
    fn markdown_and_semicolon_tables_in_other_languages() {
        let text = "| Nombre | Teléfono | Tarjeta |\n|---|---|---|\n\
                    | Nguyễn Văn An | 912345678 | 4111.1111.1111.1111 |\n\
                    | Thandiwe Nkosi | 699 123 456 | 5555 5555 5555 4444 |\n";
        let got = found(text);
        assert!(got.contains(&("PERSON", "Nguyễn Văn An")), "{got:?}");
        assert!(got.contains(&("PHONE", "912345678")), "{got:?}");
        assert!(
            got.contains(&("CREDIT_CARD", "4111.1111.1111.1111")),
            "{got:?}"
        );
        assert!(got.contains(&("PERSON", "Thandiwe Nkosi")), "{got:?}");
        let text =
            "Nom;Prénom;Téléphone\nDupont;Marie;06 12 34 56 78\nKowalski;Jan;07 98 76 54 32\n";
        let got = found(text);
        assert!(got.contains(&("PERSON", "Dupont")), "{got:?}");
        assert!(got.contains(&("PERSON", "Jan")), "{got:?}");
        assert!(got.contains(&("PHONE", "07 98 76 54 32")), "{got:?}");
    }

    #[test]
    fn a_column_of_names_without_a_header_is_found_by_its_majority() {
        let text = "Anna Schmidt\t4155550132\nLi Wei\t4155550199\nTom Berger\t4155550111\n";
        let got = found(text);
        assert!(got.contains(&("PERSON", "Li Wei")), "{got:?}");
        // Among names, a full name with an ordinary word is one too.
        let text = "Heryanto Rendra,+62 815-9444-7806\nTamer Darwish,+966 50 897 1898\nEllen Nissen,+47 912 34 567\n";
        assert!(
            found(text).contains(&("PERSON", "Tamer Darwish")),
            "{:?}",
            found(text)
        );
        // Not in a column of places.
        let text = "SKU-1,Pixel 8,547.39,Lyon Nord\nSKU-2,Galaxy S24,675.91,Leeds DC\nSKU-3,Dyson V15,99.00,Berlin Süd\n";
        assert!(
            !found(text).iter().any(|(kind, _)| *kind == "PERSON"),
            "{:?}",
            found(text)
        );
    }

    #[test]
    fn product_brand_and_room_columns_hold_no_people() {
        for text in [
            "cadena;restaurantes;cuota_pct\nMcDonald's;410;18,2\nBurger King;395;15,6\nCarl's Jr.;310;7,1\n",
            "enseigne        ventes_ttc   evolution\nLeroy Merlin    48 210 €     +6 %\nBoulanger       31 870 €     -2 %\nDarty           29 440 €     +1 %\n",
            "room        | floor | seats\nWashington  | 2     | 16\nFlorence    | 3     | 20\nCharlotte   | 3     | 14\nLincoln     | 4     | 30\n",
            "Company            Revenue  HQ\nProcter & Gamble   82.0     Cincinnati\nColgate-Palmolive  19.5     New York\nKimberly-Clark     20.4     Irving\n",
        ] {
            assert!(found(text).is_empty(), "in {text:?}: {:?}", found(text));
        }
    }

    #[test]
    fn the_name_of_a_record_with_a_sku_or_a_price_is_a_product() {
        let text = "[{\"id\": \"a7e3\", \"name\": \"Ferrari SF-24 1:43 model\", \"sku\": \"FER-43\", \"price\": 89.9},\n {\"id\": \"e815\", \"name\": \"Mercedes-AMG F1 cap\", \"sku\": \"MAMG-CAP\", \"price\": 35.0}]";
        let people: Vec<_> = found(text)
            .into_iter()
            .filter(|(t, _)| *t == "PERSON")
            .collect();
        assert!(people.is_empty(), "{people:?}");
        // A person's record keeps its name.
        let text = "{\"name\": \"Anna Schmidt\", \"email\": \"anna@example.com\"}";
        let people: Vec<_> = found(text)
            .into_iter()
            .filter(|(t, _)| *t == "PERSON")
            .collect();
        assert!(!people.is_empty(), "{people:?}");
    }

    #[test]
    fn a_place_header_under_a_line_of_prose_with_the_same_delimiters_still_vetoes() {
        let text = "The depot closed early; see the list.\ncadena;restaurantes\nBurger King;395\nCarl's Jr.;310\n";
        let people: Vec<_> = found(text)
            .into_iter()
            .filter(|(t, _)| *t == "PERSON")
            .collect();
        assert!(people.is_empty(), "{people:?}");
    }

    #[test]
    fn a_first_row_of_labels_is_the_header_whatever_the_second_says() {
        let text = "Kategorie;Mär;Apr;Mai\nPasswort zurücksetzen;412;388;521\nVPN;97;143;160\nDrucker;210;198;176\nJira/Confluence Zugriff;64;71;139\n";
        assert!(found(text).is_empty(), "{:?}", found(text));
    }

    #[test]
    fn columns_of_other_things_stay_clean() {
        for text in [
            "order,amount,date\nINV-2024-0017,1234.56,2024-05-17\nINV-2024-0018,99.00,2024-05-18\n",
            "name,version,license\nserde,1.0.197,MIT\ntokio,1.36.0,MIT\n",
            "product name,sku,price\nWidget Pro,4006381333931,19.99\nGadget,4006381333948,5.00\n",
            "card_type,last4\nVisa,1111\nAmex,0005\n",
            "id,phone_type\n123456789,mobile\n987654321,landline\n",
            "ssn,note\n123-45-678,invalid\n000-12-3456,invalid\n",
        ] {
            assert_eq!(found(text), vec![], "{text}");
        }
    }
}
