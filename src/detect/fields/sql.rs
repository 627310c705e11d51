//! `INSERT INTO t (a, b, …) VALUES (…), (…);` statements pasted into prompts: a table
//! whose header is the column list and whose rows are the tuples. Quoted values become
//! cells without their quotes; `NULL`, numbers and expressions become cells as written.

use std::sync::LazyLock;

use memchr::memmem::Finder;

use super::table::{Cell, Table, MAX_COLUMNS};

static INSERT_UPPER: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new("INSERT INTO"));
static INSERT_LOWER: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new("insert into"));

/// Most rows read per statement.
const MAX_ROWS: usize = 512;

/// Calls `visit` with the table of every `INSERT … VALUES` statement in `text`.
pub(crate) fn sql_tables(text: &str, mut visit: impl FnMut(&Table)) {
    let bytes = text.as_bytes();
    let mut table = Table::default();
    for finder in [&*INSERT_UPPER, &*INSERT_LOWER] {
        for at in finder.find_iter(bytes) {
            if statement(bytes, at + "INSERT INTO".len(), &mut table).is_some() {
                visit(&table);
            }
        }
    }
}

fn skip_space(bytes: &[u8], mut i: usize) -> usize {
    while bytes.get(i).is_some_and(u8::is_ascii_whitespace) {
        i += 1;
    }
    i
}

/// Parses one statement from after `INSERT INTO` into `table`.
fn statement(bytes: &[u8], from: usize, table: &mut Table) -> Option<()> {
    table.cells.clear();
    table.columns = 0;
    let mut i = skip_space(bytes, from);
    // The table name: identifiers, dots and quotes.
    while bytes.get(i).is_some_and(|&b| {
        b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'"' | b'`' | b'[' | b']')
    }) {
        i += 1;
    }
    i = skip_space(bytes, i);
    if bytes.get(i) == Some(&b'(') {
        i = columns(bytes, i + 1, table)?;
        i = skip_space(bytes, i);
    }
    let keyword = bytes.get(i..i + 6)?;
    if !keyword.eq_ignore_ascii_case(b"values") {
        return None;
    }
    i = skip_space(bytes, i + 6);
    let mut rows = 0;
    while bytes.get(i) == Some(&b'(') && rows < MAX_ROWS {
        let before = table.cells.len();
        i = tuple(bytes, i + 1, table)?;
        let n = table.cells.len() - before;
        if table.columns == 0 {
            table.columns = n;
        }
        if n != table.columns {
            table.cells.truncate(before);
            break;
        }
        rows += 1;
        i = skip_space(bytes, i);
        if bytes.get(i) != Some(&b',') {
            break;
        }
        i = skip_space(bytes, i + 1);
    }
    (table.columns >= 2 && rows >= 1 && table.columns <= MAX_COLUMNS).then_some(())
}

/// The column list after `(`: one header cell per name; returns the offset after `)`.
fn columns(bytes: &[u8], mut i: usize, table: &mut Table) -> Option<usize> {
    let mut column = 0;
    loop {
        i = skip_space(bytes, i);
        let quoted = matches!(bytes.get(i), Some(b'"' | b'`' | b'['));
        let start = i + usize::from(quoted);
        let mut end = start;
        while bytes
            .get(end)
            .is_some_and(|&b| !matches!(b, b',' | b')' | b'(' | b'\n' | b'"' | b'`' | b']'))
        {
            end += 1;
        }
        let next = end + usize::from(quoted);
        while end > start && bytes[end - 1] == b' ' {
            end -= 1;
        }
        if end == start || end - start > 64 {
            return None;
        }
        table.cells.push(Cell { start, end, column });
        column += 1;
        i = skip_space(bytes, next);
        match bytes.get(i) {
            Some(b',') => i += 1,
            Some(b')') => {
                table.columns = column;
                return Some(i + 1);
            }
            _ => return None,
        }
    }
}

/// The values of one tuple after `(`; returns the offset after `)`.
fn tuple(bytes: &[u8], mut i: usize, table: &mut Table) -> Option<usize> {
    let mut column = 0;
    loop {
        i = skip_space(bytes, i);
        let (start, end, next) = if bytes.get(i) == Some(&b'\'') {
            let start = i + 1;
            let mut k = start;
            loop {
                match bytes.get(k)? {
                    b'\'' if bytes.get(k + 1) == Some(&b'\'') => k += 2,
                    b'\'' => break,
                    b'\n' => return None,
                    _ => k += 1,
                }
            }
            (start, k, k + 1)
        } else {
            let start = i;
            let mut depth = 0usize;
            let mut k = i;
            while let Some(&b) = bytes.get(k) {
                match b {
                    b'(' => depth += 1,
                    b')' if depth == 0 => break,
                    b')' => depth -= 1,
                    b',' if depth == 0 => break,
                    b'\n' | b';' => return None,
                    _ => {}
                }
                k += 1;
            }
            let mut end = k;
            while end > start && bytes[end - 1] == b' ' {
                end -= 1;
            }
            (start, end, k)
        };
        table.cells.push(Cell { start, end, column });
        column += 1;
        if column > MAX_COLUMNS {
            return None;
        }
        i = skip_space(bytes, next);
        match bytes.get(i) {
            Some(b',') => i += 1,
            Some(b')') => return Some(i + 1),
            _ => return None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Vec<Vec<&str>> {
        let mut rows = Vec::new();
        sql_tables(text, |t| {
            for row in t.rows() {
                rows.push(row.iter().map(|c| &text[c.start..c.end]).collect());
            }
        });
        rows
    }

    #[test]
    fn insert_statements_read_as_tables() {
        let text = "INSERT INTO crm (#, \"name\", ssn) VALUES\n  (1, 'O''Brien, Siobhán', '078-05-1120'),\n  (2, NULL, 'x');";
        assert_eq!(
            read(text),
            vec![
                vec!["#", "name", "ssn"],
                vec!["1", "O''Brien, Siobhán", "078-05-1120"],
                vec!["2", "NULL", "x"],
            ]
        );
        assert_eq!(
            read("insert into t values (1, 'a'), (2, 'b')"),
            vec![vec!["1", "a"], vec!["2", "b"]]
        );
    }

    #[test]
    fn broken_statements_are_ignored() {
        assert!(read("INSERT INTO t (a, b) VALUES (1, 'open").is_empty());
        assert!(read("INSERT INTO nothing here").is_empty());
        assert!(read("insert into t (a) select 1").is_empty());
    }
}
