//! How much a word looks like a person's name rather than an ordinary word, from its
//! letters alone: a logistic model over hashed character n-grams (2 to 4 letters, with the
//! word's start and end marked), trained on the name lists and the word lists of
//! `data/names/`. It carries over to names no list has ("Oluwaseun", "Thandiwe",
//! "Nkechinyere" share their n-grams with listed names, not with English or German words),
//! and is one piece of evidence among others: an unknown capitalised word with a name's
//! letters counts as a weakly listed name.
//!
//! The weights live in `data/names/name-likeness.bin` and are reproduced byte for byte by
//! `cargo run --release --example train_name_likeness` (deterministic: the lists are sorted
//! and shuffled with a fixed seed). File format, little-endian: `PVNL1`, bucket count
//! (u32), scale (f32), bias (f32), then one i16 weight per bucket (weight = i16 × scale).

use std::sync::LazyLock;

use super::lexicon::fold_lower;

/// Hash buckets for n-grams: 2^17 weights of two bytes (256 KiB).
const BUCKETS: usize = 1 << 17;
const MAGIC: &[u8; 5] = b"PVNL1";

const WEIGHTS: &[u8] = include_bytes!("../../../data/names/name-likeness.bin");

/// The trained model.
#[derive(Debug)]
pub(crate) struct Likeness {
    weights: Box<[i16]>,
    scale: f32,
    bias: f32,
}

/// The shipped model; None only if the weights file is damaged (a test guards it).
pub(super) static LIKENESS: LazyLock<Option<Likeness>> = LazyLock::new(|| Likeness::read(WEIGHTS));

impl Likeness {
    fn read(data: &[u8]) -> Option<Self> {
        let rest = data.strip_prefix(MAGIC)?;
        let word = |k: usize| -> Option<[u8; 4]> { rest.get(k..k + 4)?.try_into().ok() };
        let buckets = u32::from_le_bytes(word(0)?) as usize;
        let scale = f32::from_le_bytes(word(4)?);
        let bias = f32::from_le_bytes(word(8)?);
        let body = rest.get(12..)?;
        if buckets != BUCKETS || body.len() != 2 * BUCKETS || !scale.is_finite() {
            return None;
        }
        let weights = body
            .chunks_exact(2)
            .map(|c| i16::from_le_bytes([c[0], c[1]]))
            .collect();
        Some(Self {
            weights,
            scale,
            bias,
        })
    }

    /// The probability that `word` is a name, from its letters; None for words that are
    /// not made of letters or too long to judge.
    pub(crate) fn probability(&self, word: &str) -> Option<f32> {
        let mut z = self.bias;
        let mut n = 0usize;
        ngrams(word, |bucket| {
            z += f32::from(self.weights[bucket]) * self.scale;
            n += 1;
        })?;
        (n > 0).then(|| 1.0 / (1.0 + (-z).exp()))
    }
}

/// Longest word looked at, in bytes after folding.
const MAX_LEN: usize = 40;

/// Calls `f` with the bucket of every n-gram of `word` (lower-cased, diacritics folded,
/// `^` and `$` marking its ends); None when the word has no letters or a char that is not
/// a letter, `-` or `'`.
fn ngrams(word: &str, mut f: impl FnMut(usize)) -> Option<()> {
    let mut buf = [0u8; MAX_LEN + 2];
    let folded = fold_lower(word, &mut buf[1..=MAX_LEN])?;
    if folded == 0 {
        return None;
    }
    buf[0] = b'^';
    buf[folded + 1] = b'$';
    let s = &buf[..folded + 2];
    for n in 2..=4 {
        for gram in s.windows(n) {
            // FNV-1a over the n-gram, its length mixed in first.
            let mut h: u32 = 0x811c_9dc5 ^ n as u32;
            for &b in gram {
                h = (h ^ u32::from(b)).wrapping_mul(0x0100_0193);
            }
            f((h as usize) & (BUCKETS - 1));
        }
    }
    Some(())
}

/// Trains the model on `names` (label 1) and `words` (label 0), each already unique;
/// returns the weights file. Logistic loss, plain SGD with a decaying rate, the two
/// classes weighted to count equally, a fixed shuffle.
pub(crate) fn train(names: &[String], words: &[String]) -> Vec<u8> {
    const EPOCHS: usize = 5;
    let mut examples: Vec<(Vec<usize>, f32, f32)> = Vec::with_capacity(names.len() + words.len());
    let total = (names.len() + words.len()) as f32;
    let w_name = total / (2.0 * names.len().max(1) as f32);
    let w_word = total / (2.0 * words.len().max(1) as f32);
    for (list, label, weight) in [(names, 1.0f32, w_name), (words, 0.0, w_word)] {
        for w in list {
            let mut grams = Vec::new();
            if ngrams(w, |b| grams.push(b)).is_some() && !grams.is_empty() {
                examples.push((grams, label, weight));
            }
        }
    }
    let mut weights = vec![0f32; BUCKETS];
    let mut bias = 0f32;
    let mut state = 0x9e37_79b9_7f4a_7c15_u64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let mut rate = 0.5f32;
    for _ in 0..EPOCHS {
        // Fisher–Yates with the fixed generator.
        for i in (1..examples.len()).rev() {
            let j = (next() % (i as u64 + 1)) as usize;
            examples.swap(i, j);
        }
        for (grams, label, weight) in &examples {
            let z = bias + grams.iter().map(|&b| weights[b]).sum::<f32>();
            let p = 1.0 / (1.0 + (-z.clamp(-30.0, 30.0)).exp());
            let g = (label - p) * weight * rate;
            let step = g / (grams.len() as f32).sqrt();
            for &b in grams {
                weights[b] += step;
            }
            bias += g * 0.05;
        }
        rate *= 0.6;
    }
    let max = weights.iter().fold(0f32, |m, w| m.max(w.abs())).max(1e-6);
    let scale = max / f32::from(i16::MAX);
    let mut out = Vec::with_capacity(MAGIC.len() + 12 + 2 * BUCKETS);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&(BUCKETS as u32).to_le_bytes());
    out.extend_from_slice(&scale.to_le_bytes());
    out.extend_from_slice(&bias.to_le_bytes());
    for w in weights {
        // Rounded to the nearest step of `scale`; |w| ≤ max, so it fits.
        let q = (w / scale).round() as i16;
        out.extend_from_slice(&q.to_le_bytes());
    }
    out
}

/// Reads a weights file (for the training command's report).
pub(crate) fn load(data: &[u8]) -> Option<Likeness> {
    Likeness::read(data)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_model_loads_and_tells_names_from_words() {
        let model = LIKENESS
            .as_ref()
            .expect("data/names/name-likeness.bin is valid");
        for name in [
            "Oluwaseun",
            "Thandiwe",
            "Nkechinyere",
            "Siobhán",
            "Wojciechowski",
        ] {
            let p = model.probability(name).unwrap_or(0.0);
            assert!(p > 0.6, "{name}: {p}");
        }
        for word in ["Invoice", "Rechnung", "deployment", "Kubernetes", "factura"] {
            let p = model.probability(word).unwrap_or(1.0);
            assert!(p < 0.5, "{word}: {p}");
        }
        assert_eq!(model.probability("1234"), None);
        assert_eq!(model.probability(""), None);
    }

    #[test]
    fn training_is_deterministic_and_learns_the_examples() {
        let names: Vec<String> = ["anna", "olu", "oluwaseun", "kwame", "ngozi"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let words: Vec<String> = ["invoice", "payment", "server", "report", "table"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let a = train(&names, &words);
        assert_eq!(a, train(&names, &words));
        let model = load(&a).expect("a trained model loads");
        assert!(model.probability("Oluwaseun").unwrap_or(0.0) > 0.5);
        assert!(model.probability("invoice").unwrap_or(1.0) < 0.5);
    }
}
