//! Detection alone over the benchmark corpus: the whole of it, the prompts that are pure
//! ASCII, and those with any non-ASCII character (reported separately because Unicode
//! handling is where detectors slow down); and a reference pass (a lower-cased copy of
//! every prompt) in the same run, so that detection can be reported as a ratio of it.
//!
//! cargo bench --bench detect   (reads bench/prompts.jsonl, which bench/make_corpus.sh
//! writes, or else the small fixture)

#![allow(
    clippy::expect_used,
    reason = "a benchmark fails loudly on a missing corpus"
)]

use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use promptvault::detect::Detector;

fn corpus() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let generated = root.join("bench/prompts.jsonl");
    let path = if generated.exists() {
        generated
    } else {
        root.join("tests/fixtures/corpus.jsonl")
    };
    let raw = std::fs::read_to_string(&path).expect("the corpus is readable");
    raw.lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .filter_map(|record| record["text"].as_str().map(str::to_owned))
        .collect()
}

fn bench_detection(c: &mut Criterion) {
    let detector = Detector::new();
    let all = corpus();
    let (ascii, non_ascii): (Vec<String>, Vec<String>) =
        all.iter().cloned().partition(|t| t.is_ascii());
    let mut group = c.benchmark_group("detect");
    for (name, texts) in [
        ("whole corpus", &all),
        ("ascii prompts", &ascii),
        ("non-ascii prompts", &non_ascii),
    ] {
        let bytes: usize = texts.iter().map(String::len).sum();
        group.throughput(Throughput::Bytes(bytes as u64));
        group.bench_function(name, |b| {
            b.iter(|| {
                texts
                    .iter()
                    .map(|t| detector.find(t, None).len())
                    .sum::<usize>()
            });
        });
    }
    // A reference pass in the same run: one lower-cased copy of every prompt, a floor
    // that moves with the machine exactly as detection does. Detection's throughput as a
    // ratio of this one is comparable across runs on a machine whose speed swings.
    let bytes: usize = all.iter().map(String::len).sum();
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("reference: lower-cased copy", |b| {
        b.iter(|| all.iter().map(|t| t.to_lowercase().len()).sum::<usize>());
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = bench_detection
}
criterion_main!(benches);
