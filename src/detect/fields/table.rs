//! Tables pasted into prompts: CSV, TSV, semicolon-separated exports, Markdown tables and
//! text tables whose columns are aligned with runs of spaces. A table is two or more
//! consecutive lines that split into the same number of cells on the same delimiter; its
//! cells are handed out with their column, trimmed and unquoted.
//!
//! Cost: one pass over the bytes that counts delimiters per line (quotes respected); a
//! line that does not continue a table costs nothing more. Prose rarely has two lines in a
//! row with the same number of commas, and when it does, nothing comes of it unless a
//! header or most cells of a column say what the column holds.

/// Delimiters in order of preference when two lines agree on several.
const TAB: usize = 0;
const PIPE: usize = 1;
const SEMICOLON: usize = 2;
const COMMA: usize = 3;
/// Two or more spaces between two non-space characters (an aligned text table).
const GAP: usize = 4;
const KINDS: usize = 5;

/// The most columns a row may have; wider lines are data dumps, not tables to read.
pub(crate) const MAX_COLUMNS: usize = 32;
/// Rows read per table; longer tables are read in chunks of this many rows (only the first
/// has the header).
const MAX_ROWS: usize = 256;

/// One table cell: its trimmed, unquoted byte range and its column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Cell {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) column: usize,
}

/// A table: its rows, each a run of cells in `cells` (all rows have `columns` cells).
#[derive(Debug, Default)]
pub(crate) struct Table {
    pub(crate) columns: usize,
    pub(crate) cells: Vec<Cell>,
}

impl Table {
    pub(crate) fn rows(&self) -> impl Iterator<Item = &[Cell]> {
        self.cells.chunks(self.columns.max(1))
    }
}

static DOUBLE_SPACE: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
    std::sync::LazyLock::new(|| memchr::memmem::Finder::new(b"  "));

/// Each delimiter's kind + 1 (0 for bytes that delimit nothing).
static DELIMITER: [u8; 256] = {
    let mut table = [0u8; 256];
    table[b'\t' as usize] = 1 + TAB as u8;
    table[b'|' as usize] = 1 + PIPE as u8;
    table[b';' as usize] = 1 + SEMICOLON as u8;
    table[b',' as usize] = 1 + COMMA as u8;
    table
};

/// Delimiter counts of one line.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Counts([u16; KINDS]);

/// Offsets of one kind of byte (or pair), found for the whole text by memchr, handed out
/// line by line.
struct Marks<I: Iterator<Item = usize>> {
    offsets: I,
    next: Option<usize>,
}

impl<I: Iterator<Item = usize>> Marks<I> {
    fn new(mut offsets: I) -> Self {
        let next = offsets.next();
        Self { offsets, next }
    }

    /// Calls `f` with each offset before `end` (consuming them).
    fn before(&mut self, end: usize, mut f: impl FnMut(usize)) {
        while let Some(at) = self.next.filter(|&at| at < end) {
            f(at);
            self.next = self.offsets.next();
        }
    }
}

/// Calls `visit` with every table in `text`.
///
/// Delimiters are found with one vectorised search per kind over the whole text, then
/// counted per line: most lines hold none, and a per-line search costs more in calls than
/// in bytes.
pub(crate) fn tables(text: &str, mut visit: impl FnMut(&Table)) {
    let bytes = text.as_bytes();
    // A table needs two lines: prompts without a line break that has something after it
    // are done at once.
    if memchr::memchr(b'\n', &bytes[..bytes.len().saturating_sub(1)]).is_none() {
        return;
    }
    let mut commas = Marks::new(memchr::memchr_iter(b',', bytes));
    let mut others = Marks::new(memchr::memchr3_iter(b'\t', b'|', b';', bytes));
    let mut quotes = Marks::new(memchr::memchr_iter(b'"', bytes));
    let mut doubles = Marks::new(DOUBLE_SPACE.find_iter(bytes));
    let mut table = Table::default();
    let mut lines: Vec<(usize, usize)> = Vec::new();
    let mut block: Option<(usize, u16)> = None;
    let mut prev: Option<((usize, usize), Counts)> = None;
    let mut pos = 0;
    while pos < bytes.len() {
        let end = memchr::memchr(b'\n', &bytes[pos..]).map_or(bytes.len(), |k| pos + k);
        let line = trim_cr(bytes, pos, end);
        let mut counts = Counts::default();
        let mut quoted = false;
        quotes.before(end, |_| quoted = true);
        commas.before(end, |_| counts.0[COMMA] = counts.0[COMMA].saturating_add(1));
        others.before(end, |at| {
            let kind = usize::from(DELIMITER[usize::from(bytes[at])]) - 1;
            counts.0[kind] = counts.0[kind].saturating_add(1);
        });
        let mut gap_hits = 0;
        doubles.before(end, |_| gap_hits += 1);
        if quoted {
            counts = count_quoted(&bytes[line.0..line.1]);
        } else if gap_hits > 0 {
            counts.0[GAP] = gaps(&bytes[line.0..line.1]);
        }
        let continues = block.is_some_and(|(kind, n)| counts.0[kind] == n);
        if continues && lines.len() < MAX_ROWS {
            lines.push(line);
        } else {
            let closed = block.take();
            if let Some((kind, _)) = closed {
                emit(text, kind, &lines, &mut table, &mut visit);
            }
            lines.clear();
            // The last row of a table just closed does not open the next one.
            if let Some((prev_line, prev_counts)) = prev.filter(|_| closed.is_none()) {
                if let Some(kind) = agree(prev_counts, counts) {
                    block = Some((kind, counts.0[kind]));
                    lines.push(prev_line);
                    lines.push(line);
                }
            }
        }
        prev = Some((line, counts));
        pos = end + 1;
    }
    if let Some((kind, _)) = block {
        emit(text, kind, &lines, &mut table, &mut visit);
    }
}

fn trim_cr(bytes: &[u8], start: usize, mut end: usize) -> (usize, usize) {
    if end > start && bytes[end - 1] == b'\r' {
        end -= 1;
    }
    (start, end)
}

/// The first delimiter (in order of preference) both lines have the same number of.
fn agree(a: Counts, b: Counts) -> Option<usize> {
    (0..KINDS).find(|&k| a.0[k] > 0 && a.0[k] == b.0[k] && usize::from(a.0[k]) < MAX_COLUMNS)
}

/// Runs of two or more spaces between text in a line without quotes.
fn gaps(line: &[u8]) -> u16 {
    let first_text = line.iter().position(|&b| b != b' ');
    let mut gaps = 0u16;
    let mut run_end = 0;
    for at in DOUBLE_SPACE.find_iter(line) {
        if at < run_end {
            continue;
        }
        run_end = at + line[at..].iter().take_while(|&&b| b == b' ').count();
        if first_text.is_some_and(|t| t < at) && run_end < line.len() {
            gaps = gaps.saturating_add(1);
        }
    }
    gaps
}

/// Delimiters of a line with quotes: byte by byte, delimiters inside quoted cells skipped.
fn count_quoted(line: &[u8]) -> Counts {
    let mut counts = Counts::default();
    let mut quoted = false;
    let mut opened = 0;
    let mut seen_text = false;
    let mut spaces = 0;
    for (k, &b) in line.iter().enumerate() {
        match b {
            b'"' if !quoted && cell_start(line, k) => {
                quoted = true;
                opened = k;
            }
            b'"' if quoted => quoted = escaped_quote(line, opened, k),
            _ if quoted => {}
            b'\t' => counts.0[TAB] = counts.0[TAB].saturating_add(1),
            b'|' => counts.0[PIPE] = counts.0[PIPE].saturating_add(1),
            b';' => counts.0[SEMICOLON] = counts.0[SEMICOLON].saturating_add(1),
            b',' => counts.0[COMMA] = counts.0[COMMA].saturating_add(1),
            _ => {}
        }
        if b == b' ' {
            spaces += 1;
        } else {
            if spaces >= 2 && seen_text {
                counts.0[GAP] = counts.0[GAP].saturating_add(1);
            }
            spaces = 0;
            seen_text = true;
        }
    }
    counts
}

/// Inside a cell quoted at `opened`, whether the quote at `k` is half of a doubled quote
/// (`""`), which keeps the cell open: true at the first half of the pair and at the second.
fn escaped_quote(line: &[u8], opened: usize, k: usize) -> bool {
    let run_before = line[opened + 1..k]
        .iter()
        .rev()
        .take_while(|&&b| b == b'"')
        .count();
    // The quotes before `k` in this run pair up with it when their count is odd.
    run_before % 2 == 1 || line.get(k + 1) == Some(&b'"')
}

/// Whether a quote at `k` opens a cell (line start, or after a delimiter and spaces).
fn cell_start(line: &[u8], k: usize) -> bool {
    line[..k]
        .iter()
        .rev()
        .find(|&&b| b != b' ')
        .is_none_or(|&b| matches!(b, b',' | b';' | b'\t' | b'|'))
}

/// Splits the block's lines into cells and visits the table.
fn emit(
    text: &str,
    kind: usize,
    lines: &[(usize, usize)],
    table: &mut Table,
    visit: &mut impl FnMut(&Table),
) {
    let bytes = text.as_bytes();
    table.cells.clear();
    table.columns = 0;
    for &(start, end) in lines {
        if kind == PIPE && is_rule(&bytes[start..end]) {
            continue;
        }
        let before = table.cells.len();
        split(bytes, start, end, kind, &mut table.cells);
        let n = table.cells.len() - before;
        if table.columns == 0 {
            table.columns = n;
        }
        if n != table.columns || !(2..=MAX_COLUMNS).contains(&n) {
            // Markdown rows without outer pipes among rows with them: not one table.
            table.cells.truncate(before);
            continue;
        }
    }
    if table.columns < 2 || table.cells.len() < 2 * table.columns {
        return;
    }
    // Columns of a text table line up; log lines whose fields happen to be separated by
    // runs of spaces (`Sep  7 04:54:51`) do not.
    if kind == GAP && !aligned(text, lines, table) {
        return;
    }
    visit(table);
}

/// Whether every cell of a column starts at the same char offset in its line.
fn aligned(text: &str, lines: &[(usize, usize)], table: &Table) -> bool {
    let column_of = |cell: &Cell| -> Option<usize> {
        let &(line_start, _) = lines.iter().rev().find(|(s, _)| *s <= cell.start)?;
        Some(text.get(line_start..cell.start)?.chars().count())
    };
    (1..table.columns).all(|c| {
        let mut offsets = table.rows().filter_map(|row| row.get(c)).map(column_of);
        let first = offsets.next().flatten();
        first.is_some() && offsets.all(|o| o == first)
    })
}

/// `|---|:---:|` or `+----+----+`: a rule line, not a row.
fn is_rule(line: &[u8]) -> bool {
    line.iter()
        .all(|b| matches!(b, b'|' | b'-' | b':' | b' ' | b'+' | b'='))
}

/// Appends the cells of one line.
fn split(bytes: &[u8], start: usize, end: usize, kind: usize, out: &mut Vec<Cell>) {
    let mut column = 0;
    let mut push = |s: usize, e: usize, out: &mut Vec<Cell>| {
        let (s, e) = trim(bytes, s, e);
        out.push(Cell {
            start: s,
            end: e,
            column,
        });
        column += 1;
    };
    if kind == GAP {
        let line = &bytes[start..end];
        let indent = line.iter().take_while(|&&b| b == b' ').count();
        let mut cell = start + indent;
        let mut k = start + indent;
        while k < end {
            if bytes[k] == b' ' && bytes.get(k + 1) == Some(&b' ') {
                let gap_end = bytes[k..end]
                    .iter()
                    .position(|&b| b != b' ')
                    .map_or(end, |g| k + g);
                if gap_end == end {
                    break;
                }
                push(cell, k, out);
                cell = gap_end;
                k = gap_end;
            } else {
                k += 1;
            }
        }
        push(cell, end, out);
        return;
    }
    let delim = match kind {
        TAB => b'\t',
        PIPE => b'|',
        SEMICOLON => b';',
        _ => b',',
    };
    let line = &bytes[start..end];
    let mut quoted = false;
    let mut opened = 0;
    let mut cell = start;
    let mut first = true;
    for (k, &b) in line.iter().enumerate() {
        match b {
            b'"' if !quoted && cell_start(line, k) => {
                quoted = true;
                opened = k;
            }
            b'"' if quoted => quoted = escaped_quote(line, opened, k),
            _ if quoted => {}
            _ if b == delim => {
                let at = start + k;
                // Markdown's outer pipes open and close the row, they do not split it.
                let outer = kind == PIPE && first && bytes[cell..at].iter().all(|&b| b == b' ');
                if !outer {
                    push(cell, at, out);
                }
                first = false;
                cell = at + 1;
            }
            _ => {}
        }
    }
    let tail_empty = bytes[cell..end].iter().all(|&b| b == b' ');
    if !(kind == PIPE && tail_empty) {
        push(cell, end, out);
    }
}

/// The cell without surrounding spaces and one pair of surrounding quotes.
fn trim(bytes: &[u8], mut s: usize, mut e: usize) -> (usize, usize) {
    while s < e && matches!(bytes[s], b' ' | b'\t') {
        s += 1;
    }
    while e > s && matches!(bytes[e - 1], b' ' | b'\t') {
        e -= 1;
    }
    if e - s >= 2 && matches!(bytes[s], b'"' | b'\'') && bytes[e - 1] == bytes[s] {
        s += 1;
        e -= 1;
    }
    (s, e)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Vec<Vec<&str>> {
        let mut rows = Vec::new();
        tables(text, |t| {
            for row in t.rows() {
                rows.push(row.iter().map(|c| &text[c.start..c.end]).collect());
            }
            rows.push(vec!["--"]);
        });
        rows
    }

    #[test]
    fn csv_with_quoted_cells_splits_into_columns() {
        let text = "Export below:\nname,phone\n\"Okafor, Chinedu\",612 345 678\nAnna Roth,\"07700 900123\"\n\nthanks";
        assert_eq!(
            read(text),
            vec![
                vec!["name", "phone"],
                vec!["Okafor, Chinedu", "612 345 678"],
                vec!["Anna Roth", "07700 900123"],
                vec!["--"],
            ]
        );
    }

    #[test]
    fn markdown_tables_drop_outer_pipes_and_rules() {
        let text = "| Name | IBAN |\n|---|:---|\n| Wanjiru Kamau | DE89 3704 |\n| Li Wei | x |\n";
        assert_eq!(
            read(text),
            vec![
                vec!["Name", "IBAN"],
                vec!["Wanjiru Kamau", "DE89 3704"],
                vec!["Li Wei", "x"],
                vec!["--"],
            ]
        );
    }

    #[test]
    fn tsv_semicolons_and_aligned_columns_are_tables() {
        assert_eq!(
            read("a\tb\n1\t2\n"),
            vec![vec!["a", "b"], vec!["1", "2"], vec!["--"]]
        );
        assert_eq!(
            read("Nom;Téléphone\nDupont Marie;06 12 34 56 78"),
            vec![
                vec!["Nom", "Téléphone"],
                vec!["Dupont Marie", "06 12 34 56 78"],
                vec!["--"]
            ]
        );
        assert_eq!(
            read("  Name          SSN\n  Tom Berg      078-05-1120\n"),
            vec![
                vec!["Name", "SSN"],
                vec!["Tom Berg", "078-05-1120"],
                vec!["--"]
            ]
        );
    }

    #[test]
    fn doubled_quotes_stay_inside_a_cell() {
        assert_eq!(
            read("a,b\n\"say \"\"hi\"\", ok\",2\n"),
            vec![vec!["a", "b"], vec!["say \"\"hi\"\", ok", "2"], vec!["--"]]
        );
        assert_eq!(
            read("a,b,c\n\"\",x,y\n"),
            vec![vec!["a", "b", "c"], vec!["", "x", "y"], vec!["--"]]
        );
    }

    #[test]
    fn prose_and_single_lines_are_not_tables() {
        assert!(read("Hello, world").is_empty());
        assert!(read("One line.\nAnother line without commas.\n").is_empty());
        assert!(read("a,b\n\nc,d").is_empty(), "a blank line ends a table");
    }
}
