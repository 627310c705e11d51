//! Runs detection over every prompt of a corpus file (the JSONL format of `promptvault
//! eval`), a number of times, and prints how many findings it made: a fixed workload for
//! profilers and instruction counters, which the machine's speed swings do not move.
//!
//!     cargo build --release --example detect_corpus
//!     valgrind --tool=callgrind --toggle-collect='*Detector::find_with*' \
//!         target/release/examples/detect_corpus prompts.jsonl 1

#![allow(
    clippy::print_stdout,
    clippy::print_stderr,
    reason = "a command-line tool prints its result and its errors"
)]

use std::process::ExitCode;

use promptvault::detect::Detector;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: detect_corpus CORPUS.jsonl [PASSES]");
        return ExitCode::FAILURE;
    };
    let passes: usize = args.next().and_then(|p| p.parse().ok()).unwrap_or(1);
    let raw = match std::fs::read_to_string(&path) {
        Ok(raw) => raw,
        Err(err) => {
            eprintln!("{path}: {err}");
            return ExitCode::FAILURE;
        }
    };
    let texts: Vec<String> = raw
        .lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .filter_map(|record| record["text"].as_str().map(str::to_owned))
        .collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let detector = Detector::new();
    let mut findings = 0;
    for _ in 0..passes {
        findings += texts
            .iter()
            .map(|text| detector.find(text, None).len())
            .sum::<usize>();
    }
    println!(
        "{} prompts, {bytes} bytes, {passes} passes, {findings} findings",
        texts.len()
    );
    ExitCode::SUCCESS
}
