//! Trains the PERSON recognizer's name-likeness model and writes its weights:
//!
//!     cargo run --release --example train_name_likeness -- [--unseen DIR] [--out FILE]
//!
//! The training data are the name and word lists of `data/names/`, compiled into the
//! crate; the output (default `data/names/name-likeness.bin`) is the same bytes every run.
//! `--unseen DIR` reads names from the `*.txt` files of DIR (one name per line, `#`
//! comments; tab-separated columns allowed) and reports how many of those no list has are
//! recognised: a check on names from sources the model never saw.

#![allow(clippy::print_stdout, reason = "a command-line tool prints its report")]

use std::path::PathBuf;

fn main() -> anyhow::Result<()> {
    let mut unseen_dir: Option<PathBuf> = None;
    let mut out = PathBuf::from("data/names/name-likeness.bin");
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--unseen" => unseen_dir = args.next().map(PathBuf::from),
            "--out" => out = args.next().map(PathBuf::from).unwrap_or(out),
            other => anyhow::bail!("unknown argument {other:?}"),
        }
    }
    let mut unseen = Vec::new();
    if let Some(dir) = unseen_dir {
        let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        files.sort();
        for file in files {
            for line in std::fs::read_to_string(&file)?.lines() {
                if line.trim_start().starts_with('#') {
                    continue;
                }
                for part in line.split(['\t', ' ', '-']) {
                    let part = part.trim();
                    let latin = |c: char| c.is_alphabetic() && c < '\u{0250}';
                    if part.chars().count() >= 2 && part.chars().all(latin) {
                        unseen.push(part.to_lowercase());
                    }
                }
            }
        }
        unseen.sort();
        unseen.dedup();
    }
    let (weights, report) = promptvault::detect::train_name_likeness(&unseen);
    std::fs::write(&out, &weights)?;
    print!("{report}");
    println!("wrote {} ({} bytes)", out.display(), weights.len());
    Ok(())
}
