//! Detection quality on a labelled corpus (the format of `bench/README.md`): predictions
//! with Unicode code point offsets, and per-type precision, recall, F1 (same type, overlap
//! of at least half the union) and leak rate (labelled values no prediction covers).
//! Pure: callers read and write the files.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::detect::{Detector, EntityType};

/// One labelled prompt.
#[derive(Debug, Deserialize)]
pub struct CorpusRecord {
    /// The prompt's id.
    pub id: String,
    /// The prompt.
    pub text: String,
    /// The labelled values (absent when only predicting).
    #[serde(default)]
    pub entities: Vec<Span>,
}

/// A typed span in code point offsets, end exclusive.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Span {
    /// The type label.
    #[serde(rename = "type")]
    pub kind: String,
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
}

/// The predictions for one prompt, as `promptvault detect` writes them.
#[derive(Debug, Serialize)]
pub struct Prediction {
    /// The prompt's id.
    pub id: String,
    /// What the detector found.
    pub entities: Vec<Span>,
}

/// Runs the detector over one prompt and converts byte ranges to code point offsets.
pub fn predict(detector: &Detector, record: &CorpusRecord) -> Prediction {
    let findings = detector.find(&record.text, None);
    let mut entities = Vec::with_capacity(findings.len());
    // Findings are sorted by start: walk the text once.
    let (mut byte, mut chars) = (0usize, 0usize);
    let mut advance = |to: usize| {
        chars += record.text[byte..to].chars().count();
        byte = to;
        chars
    };
    for finding in findings {
        let start = advance(finding.start);
        let end = advance(finding.end);
        entities.push(Span {
            kind: finding.kind.label().to_owned(),
            start,
            end,
        });
    }
    Prediction {
        id: record.id.clone(),
        entities,
    }
}

/// Counts for one type.
#[derive(Debug, Default, Clone, Copy, Serialize)]
pub struct TypeScore {
    /// Labelled values.
    pub support: usize,
    /// Predictions matching a labelled value (same type, IoU ≥ 0.5, one to one).
    pub true_positives: usize,
    /// Predictions matching nothing.
    pub false_positives: usize,
    /// Labelled values nothing matched.
    pub false_negatives: usize,
    /// Labelled values no prediction of any type overlaps at all.
    pub leaked: usize,
}

impl TypeScore {
    /// tp / (tp + fp).
    pub fn precision(&self) -> f64 {
        ratio(
            self.true_positives,
            self.true_positives + self.false_positives,
        )
    }
    /// tp / (tp + fn).
    pub fn recall(&self) -> f64 {
        ratio(
            self.true_positives,
            self.true_positives + self.false_negatives,
        )
    }
    /// Harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    /// leaked / support.
    pub fn leak_rate(&self) -> f64 {
        ratio(self.leaked, self.support)
    }
    fn add(&mut self, other: &TypeScore) {
        self.support += other.support;
        self.true_positives += other.true_positives;
        self.false_positives += other.false_positives;
        self.false_negatives += other.false_negatives;
        self.leaked += other.leaked;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

fn iou(a: &Span, b: &Span) -> f64 {
    let inter = a.end.min(b.end).saturating_sub(a.start.max(b.start));
    if inter == 0 {
        return 0.0;
    }
    inter as f64 / (a.end.max(b.end) - a.start.min(b.start)) as f64
}

/// Scores predictions against labels, per type (built-in types always listed).
pub fn score(gold: &[Span], predicted: &[Span], scores: &mut BTreeMap<String, TypeScore>) {
    let mut kinds: Vec<&str> = EntityType::ALL.iter().map(|t| t.label()).collect();
    kinds.extend(gold.iter().chain(predicted).map(|s| s.kind.as_str()));
    kinds.sort_unstable();
    kinds.dedup();
    for kind in kinds {
        let gs: Vec<&Span> = gold.iter().filter(|s| s.kind == kind).collect();
        let ps: Vec<&Span> = predicted.iter().filter(|s| s.kind == kind).collect();
        let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
        for (i, g) in gs.iter().enumerate() {
            for (j, p) in ps.iter().enumerate() {
                let v = iou(g, p);
                if v >= 0.5 {
                    pairs.push((v, i, j));
                }
            }
        }
        pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then(b.1.cmp(&a.1)).then(b.2.cmp(&a.2)));
        let (mut used_g, mut used_p) = (vec![false; gs.len()], vec![false; ps.len()]);
        let mut matched = 0;
        for (_, i, j) in pairs {
            if !used_g[i] && !used_p[j] {
                used_g[i] = true;
                used_p[j] = true;
                matched += 1;
            }
        }
        let leaked = gs
            .iter()
            .filter(|g| !predicted.iter().any(|p| p.start < g.end && g.start < p.end))
            .count();
        let entry = scores.entry(kind.to_owned()).or_default();
        entry.add(&TypeScore {
            support: gs.len(),
            true_positives: matched,
            false_positives: ps.len() - matched,
            false_negatives: gs.len() - matched,
            leaked,
        });
    }
}

/// The report `promptvault eval` prints: one row per type, then the micro average.
pub fn report(scores: &BTreeMap<String, TypeScore>) -> String {
    let mut out = format!(
        "{:<14} {:>7} {:>6} {:>6} {:>6} {:>9} {:>7} {:>7} {:>7}\n",
        "type", "support", "tp", "fp", "fn", "precision", "recall", "f1", "leak"
    );
    let mut total = TypeScore::default();
    let row = |name: &str, s: &TypeScore| {
        format!(
            "{:<14} {:>7} {:>6} {:>6} {:>6} {:>9.4} {:>7.4} {:>7.4} {:>7.4}\n",
            name,
            s.support,
            s.true_positives,
            s.false_positives,
            s.false_negatives,
            s.precision(),
            s.recall(),
            s.f1(),
            s.leak_rate()
        )
    };
    for (kind, s) in scores {
        out.push_str(&row(kind, s));
        total.add(s);
    }
    out.push_str(&row("micro", &total));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(kind: &str, start: usize, end: usize) -> Span {
        Span {
            kind: kind.to_owned(),
            start,
            end,
        }
    }

    #[test]
    fn predictions_use_code_point_offsets() {
        let record = CorpusRecord {
            id: "p1".to_owned(),
            text: "Grüße 🚀 an ann@example.org".to_owned(),
            entities: Vec::new(),
        };
        let prediction = predict(&Detector::new(), &record);
        assert_eq!(prediction.entities, vec![span("EMAIL", 11, 26)]);
        let chars: Vec<char> = record.text.chars().collect();
        assert_eq!(chars[11..26].iter().collect::<String>(), "ann@example.org");
    }

    #[test]
    fn scoring_matches_by_type_and_iou_and_counts_leaks_across_types() {
        let gold = [
            span("EMAIL", 0, 10),
            span("PHONE", 20, 30),
            span("PERSON", 40, 45),
        ];
        let predicted = [
            span("EMAIL", 0, 9),
            span("IP_ADDRESS", 20, 24),
            span("EMAIL", 50, 60),
        ];
        let mut scores = BTreeMap::new();
        score(&gold, &predicted, &mut scores);
        let email = scores["EMAIL"];
        assert_eq!(
            (
                email.true_positives,
                email.false_positives,
                email.false_negatives
            ),
            (1, 1, 0)
        );
        let phone = scores["PHONE"];
        assert_eq!(
            (phone.true_positives, phone.false_negatives, phone.leaked),
            (0, 1, 0),
            "covered by another type"
        );
        assert_eq!(scores["PERSON"].leaked, 1);
        assert!((email.precision() - 0.5).abs() < 1e-9);
        let report = report(&scores);
        assert!(report.contains("EMAIL") && report.lines().last().unwrap().starts_with("micro"));
    }
}
