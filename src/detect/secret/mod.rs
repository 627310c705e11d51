//! Credentials: vendor API keys and access tokens (fixed prefix, charset and length), JWTs,
//! whole PEM private-key blocks, the values of password-, secret- and token-like settings
//! (`KEY=value`, `key: value`, JSON, YAML, XML, `--password value`, connection strings) and
//! the password of `scheme://user:password@host` URLs.
//!
//! One pass over the bytes, eight at a time, stopping only at anchors: the separators of
//! settings (`=`, `:`, `>`), the joiners inside vendor prefixes (`-`, `_`) and two capitals in
//! a row (`AKIA…`, `AIza…`, `SK…`, `SG.…`, and every JWT header). Each anchor looks at a few
//! bytes around it: a 64K-bit table of prefix starts rules out most words, key names are
//! matched by their last eight bytes as one integer before being lower-cased and split on a
//! small stack buffer. Tokens seen at a capital pair are skipped whole, so base64 blobs cost
//! one read. Nothing allocates.
//!
//! Vendor formats need only their charset, length and a boundary on both sides. Generic
//! values must also pass a placeholder filter (`changeme`, `<your-key>`, `${DB_PASSWORD}`,
//! `{{ secret }}`, our own `[SECRET_…]` tokens), a reference filter (`os.environ[…]`,
//! `config.password`, `$(cat …)`) and a character-class and entropy test that depends on
//! how sure the context is: `password=` in a config line takes a plain word, a `password:`
//! in the middle of a sentence needs a value that no prose has (`reset your password: click
//! the link` is left alone).

// One namespace split into files by concern: each file takes the others' items through
// `use super::*`, so a rule moves between files without new imports.
mod bytes;
mod flags;
mod keys;
mod phrases;
mod settings;
mod shaped;
mod urls;
mod values;
mod vendor;

use bytes::*;
use flags::*;
use keys::*;
use settings::*;
use urls::*;
use values::*;
use vendor::*;

pub(crate) use values::{
    column_secret, column_secret_by_majority, is_snake_name, looks_generated, looks_like_password,
    named_secret,
};

use super::text::{char_at, char_before, is_word};
use super::{EntityType, Finding, Recognizer};

/// Vendor keys, JWTs and PEM blocks: above every other recognizer (IBAN tops out at 0.97),
/// so that a phone number or an address seen inside a key never splits it.
const CERTAIN: f32 = 0.99;
/// A fixed-shape value without its usual marker: an AWS secret next to its key id or its
/// setting name, an Azure account key, a PEM block whose END line is missing.
const LIKELY: f32 = 0.95;
/// The password of a `scheme://user:password@host` URL: above e-mail (0.95), so that a
/// password containing `@` is not cut into an address.
const URL_PASSWORD: f32 = 0.96;
/// An `Authorization:` header value.
const AUTH_HEADER: f32 = 0.9;
/// The value of a password-, secret- or token-like setting.
const SETTING: f32 = 0.85;
/// A setting value that only its context makes a credential: a random value in prose after
/// `password:`, a random value after an unknown `*_KEY`.
const PLAUSIBLE: f32 = 0.75;
/// A plain word or number after `password=`: still a password, but the weakest finding
/// kept.
const WEAK: f32 = 0.6;

/// The longest setting value taken, in bytes; longer runs are data, not a credential.
const MAX_VALUE: usize = 8192;
/// The longest key name read back from a separator.
const MAX_KEY: usize = 64;

/// Finds credentials: vendor keys and tokens, JWTs, PEM private keys, passwords and secrets
/// in settings and URLs.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct SecretRecognizer;

impl Recognizer for SecretRecognizer {
    fn find(&self, text: &str, out: &mut Vec<Finding>) {
        let bytes = text.as_bytes();
        let mut i = 0;
        // Up to where no `-----END ` line exists, once a PEM search has found none.
        let mut no_end_until = 0;
        while let Some(at) = next_anchor(bytes, i) {
            i = at;
            let b = bytes[i];
            i = match b {
                b'=' => setting(text, i, out),
                b':' => {
                    if bytes.get(i + 1..i + 3) == Some(b"//") {
                        url_password(text, i, out);
                        i + 1
                    } else {
                        go_dsn(text, i, out);
                        setting(text, i, out)
                    }
                }
                b'>' => {
                    xml_element(text, i, out);
                    i + 1
                }
                b'-' => match vendor_before(text, i, out) {
                    Some(end) => end,
                    None => dash(text, i, out, &mut no_end_until),
                },
                b'_' => vendor_before(text, i, out).unwrap_or(i + 1),
                // Two capitals: a token that may be a key without punctuation in its
                // prefix (`AKIA…`, `AIza…`, `SK<hex>`, `SG.…`, a JWT). The token is read
                // once and skipped.
                b'A'..=b'Z' => upper_pair(text, i, out),
                b'!' | b'#' | b'$' | b'%' | b'&' | b'*' | b'^' => {
                    shaped::shaped_password(text, i, out)
                }
                _ => i + 1,
            };
        }
        phrases::password_phrases(text, out);
        phrases::credential_calls(text, out);
        phrases::htpasswd(text, out);
        phrases::pgpass(text, out);
        phrases::user_slash_password(text, out);
    }
}

/// Builds the phrase searchers now.
pub(crate) fn prepare() {
    phrases::prepare();
}

/// Punctuation the scan stops at: separators of settings (`=`, `:`, `>`), the joiners
/// inside vendor prefixes (`-`, `_`) and the symbols of passwords (`!`, `#`, `$`, …). (`;` and `<` share a range of [`next_anchor`] with
/// `:`, `=` and `>`; they are skipped.) The scan also stops at two capitals in a row.
static ANCHOR: [bool; 256] = {
    let mut table = [false; 256];
    let bytes = b"=:>-_;<!#$%&*^";
    let mut k = 0;
    while k < bytes.len() {
        table[bytes[k] as usize] = true;
        k += 1;
    }
    table
};

/// The next anchor at or after `from`: an [`ANCHOR`] byte or the first of two capitals.
/// Eight bytes at a time: for each range of anchor bytes, the `hasbetween` bit trick sets
/// the high bit of exactly the bytes inside it, so a word of prose is skipped in a few
/// dozen operations and the first hit is found without a byte loop.
fn next_anchor(bytes: &[u8], from: usize) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const LOW7: u64 = ONES * 0x7F;
    const HIGHS: u64 = ONES * 0x80;
    /// High bit of each byte b (< 0x80) with lo < b < hi; exact per byte, since neither
    /// the subtraction nor the addition carries across bytes.
    fn between(low: u64, lo: u8, hi: u8) -> u64 {
        (ONES * (127 + u64::from(hi)) - low) & (low + ONES * (127 - u64::from(lo)))
    }
    fn upper(x: u64) -> u64 {
        between(x & LOW7, b'A' - 1, b'Z' + 1) & !x & HIGHS
    }
    let rest = bytes.get(from..)?;
    let mut chunks = rest.chunks_exact(8);
    let mut base = from;
    // Whether the last byte of the previous word is a capital (a pair may straddle words).
    let mut carry = false;
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let x = u64::from_le_bytes(word);
        let low = x & LOW7;
        // Fast path for prose: every byte a space, `0x60` or above (lower-case letters,
        // non-ASCII), none of which is an anchor or a capital.
        let high_or_space = ((low + ONES * 0x20) | x) & HIGHS;
        let not_space = x ^ (ONES * 0x20);
        let space = !(not_space & LOW7).wrapping_add(LOW7) & !not_space & HIGHS;
        if high_or_space | space == HIGHS {
            carry = false;
            base += 8;
            continue;
        }
        let caps = upper(x);
        if carry && caps & 0x80 != 0 {
            return Some(base - 1);
        }
        let punct = (between(low, b'!' - 1, b'!' + 1)
            | between(low, b'#' - 1, b'&' + 1)
            | between(low, b'*' - 1, b'*' + 1)
            | between(low, b'-' - 1, b'-' + 1)
            | between(low, b':' - 1, b'>' + 1)
            | between(low, b'^' - 1, b'_' + 1))
            & !x
            & HIGHS;
        // A capital whose next byte (shifted down onto it) is a capital too.
        let hits = punct | (caps & caps >> 8);
        if hits != 0 {
            return Some(base + (hits.trailing_zeros() / 8) as usize);
        }
        carry = caps >> 63 != 0;
        base += 8;
    }
    let tail = chunks.remainder();
    if carry && tail.first().is_some_and(u8::is_ascii_uppercase) {
        return Some(base - 1);
    }
    tail.iter()
        .enumerate()
        .position(|(k, &b)| {
            ANCHOR[usize::from(b)]
                || (b.is_ascii_uppercase() && tail.get(k + 1).is_some_and(u8::is_ascii_uppercase))
        })
        .map(|k| base + k)
}

/// The vendor key whose prefix holds the `-` or `_` at `p`: the word before it (at most 12
/// letters or digits) is checked as a prefix.
fn vendor_before(text: &str, p: usize, out: &mut Vec<Finding>) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut w = p;
    while w > 0 && p - w <= 12 && bytes.get(w - 1).is_some_and(u8::is_ascii_alphanumeric) {
        w -= 1;
    }
    if w == p || p - w > 12 {
        return None;
    }
    vendor_at(text, w, out).or_else(|| phrases::prefixed_token(text, w, p, out))
}

/// Two capitals at `i`: the token around them (base64url and dots) is checked from its
/// start as a vendor key or a JWT, then skipped whole; returns its end.
fn upper_pair(text: &str, i: usize, out: &mut Vec<Finding>) -> usize {
    const MAX_BACK: usize = 512;
    let bytes = text.as_bytes();
    let end = run(bytes, i, b64url_dot);
    let mut w = i;
    while w > 0 && i - w < MAX_BACK && bytes.get(w - 1).is_some_and(|&b| b64url_dot(b)) {
        w -= 1;
    }
    if i - w >= MAX_BACK {
        return end;
    }
    // `-`, `_`, `.` cannot start a key.
    while w < i
        && bytes
            .get(w)
            .is_some_and(|&b| matches!(b, b'-' | b'_' | b'.'))
    {
        w += 1;
    }
    vendor_at(text, w, out).map_or(end, |found| found.max(i + 1))
}

fn push(out: &mut Vec<Finding>, start: usize, end: usize, confidence: f32) {
    out.push(Finding {
        kind: EntityType::Secret,
        start,
        end,
        confidence,
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::{builtin_recognizers, Detector};

    /// SECRET spans after overlap resolution among the secret findings alone.
    fn secrets(text: &str) -> Vec<&str> {
        let d = Detector::with_recognizers(vec![Box::new(SecretRecognizer)], 0.5);
        d.find(text, None)
            .into_iter()
            .map(|f| &text[f.start..f.end])
            .collect()
    }

    /// All findings of all recognizers, as (label, span).
    fn all(text: &str) -> Vec<(&'static str, &str)> {
        let mut recognizers = builtin_recognizers();
        recognizers.push(Box::new(SecretRecognizer));
        Detector::with_recognizers(recognizers, 0.5)
            .find(text, None)
            .into_iter()
            .map(|f| (f.kind.label(), &text[f.start..f.end]))
            .collect()
    }

    #[test]
    fn passwords_told_without_their_word_are_found_by_their_shape() {
        assert_eq!(
            secrets("the isp tech changed it to Tr0ub4dor&Sky for now"),
            vec!["Tr0ub4dor&Sky"]
        );
        assert_eq!(
            secrets("local admin on the kiosk PCs: Kiosk!Admin77 (rotating monday)"),
            vec!["Kiosk!Admin77"]
        );
        assert_eq!(
            secrets("so it is Harbour2025$, if it locks call Dave"),
            vec!["Harbour2025$"]
        );
    }

    #[test]
    fn bearer_and_basic_credentials_are_found_outside_an_authorization_line() {
        let bearer = fake(
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789",
            28,
            7,
        );
        let text = format!(r#"request.setHeader("Authorization", "Bearer {bearer}");"#);
        assert_eq!(secrets(&text), vec![bearer.as_str()]);
        // base64 of "monitor:Gr4fana#Ops"
        let text = r#"proxy_set_header Authorization "Basic bW9uaXRvcjpHcjRmYW5hI09wcw==";"#;
        assert_eq!(secrets(text), vec!["bW9uaXRvcjpHcjRmYW5hI09wcw=="]);
        for text in [
            "the basic idea is simple",
            "Bearer tokens are sent in the header",
            "use Bearer <YOUR_TOKEN> here",
            "Basic aGVsbG8gd29ybGQ= is hello world",
        ] {
            assert!(secrets(text).is_empty(), "in {text:?}: {:?}", secrets(text));
        }
    }

    #[test]
    fn references_wildcards_and_anchors_are_not_shaped_passwords() {
        for text in [
            "(Closes: Bug#1020213, Gentoo#834725)",
            "roles are deprecated (bgo#W720123).",
            "Rename PKCS#1v1.5 padding",
            "See CONTRIBUTING.md#v10-roadmap for details",
            "(mips*-linux, s390X*-linux)",
            "macros around their Tcl_*Var*2 equivalents",
            "if (a!=B1 && c) { x&&Y2z }",
            "mail me at Jane.Doe1!@example.com",
            "¿Qué fórmula pongo en Pedidos!F2 para traer el segmento?",
            "=SUMME(Tabelle1!$B$4:B9)",
        ] {
            assert!(secrets(text).is_empty(), "in {text:?}: {:?}", secrets(text));
        }
    }

    #[test]
    fn technical_lists_and_changelogs_hold_no_secrets() {
        for text in [
            "* added U+01BA, U+0372-U+0373, U+0376-U+0377, U+03CF\n  U+1D00-U+1D01, U+1D03-U+1D07, U+1D0A-U+1D13, U+1D15",
            "  Changes5.002   Either   perl-5.001..perl-5.002\n  Changes5.003   Either   perl-5.002..perl-5.003\n  Changes5.004   Either   perl-5.003..perl-5.004",
            "arrays:\n\tSLang_create_assoc;\tx\n\tSLang_push_assoc;\tx\n\tSLang_pop_assoc;\tx\n",
            " - The public crypto_pwhash_argon2i_MEMLIMIT_MAX constant was removed",
            "base-passwd (3.5.25) unstable; urgency=low",
            "prompting to update-passwd (closes: #184979).",
            "Initialize days before password expire, Closes: #980285",
        ] {
            let found: Vec<_> = all(text).into_iter().filter(|(t, _)| *t == "SECRET").collect();
            assert!(found.is_empty(), "in {text:?}: {found:?}");
        }
    }

    /// Deterministic pseudo-random strings over `charset`, so that no test holds a
    /// key-shaped literal.
    fn fake(charset: &str, len: usize, seed: u64) -> String {
        let chars: Vec<char> = charset.chars().collect();
        let mut state = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
        (0..len)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                chars[(state % chars.len() as u64) as usize]
            })
            .collect()
    }

    const ALNUM: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    const UPPER: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    const HEX: &str = "0123456789abcdef";
    const B64: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    const B64URL: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    #[test]
    fn vendor_keys_are_found_with_exact_spans() {
        let keys = [
            format!("AKIA{}", fake(UPPER, 16, 1)),
            format!("ASIA{}", fake(UPPER, 16, 2)),
            format!("AROA{}", fake(UPPER, 16, 3)),
            format!("ghp_{}", fake(ALNUM, 36, 4)),
            format!("gho_{}", fake(ALNUM, 36, 5)),
            format!("ghs_{}", fake(ALNUM, 36, 6)),
            format!("ghu_{}", fake(ALNUM, 36, 7)),
            format!("ghr_{}", fake(ALNUM, 36, 8)),
            format!("github_pat_{}_{}", fake(ALNUM, 22, 9), fake(ALNUM, 59, 10)),
            format!("glpat-{}", fake(B64URL, 20, 11)),
            format!("sk-{}", fake(ALNUM, 48, 12)),
            format!("sk-proj-{}", fake(B64URL, 100, 13)),
            format!("sk-ant-api03-{}", fake(B64URL, 93, 14)),
            format!(
                "xoxb-{}-{}-{}",
                fake("0123456789", 11, 15),
                fake("0123456789", 13, 16),
                fake(ALNUM, 24, 17)
            ),
            format!(
                "xoxp-{}-{}-{}",
                fake("0123456789", 11, 18),
                fake("0123456789", 13, 19),
                fake(ALNUM, 32, 20)
            ),
            format!(
                "xapp-1-A{}-{}-{}",
                fake(UPPER, 10, 21),
                fake("0123456789", 13, 22),
                fake(HEX, 64, 23)
            ),
            format!("sk_live_{}", fake(ALNUM, 24, 24)),
            format!("rk_live_{}", fake(ALNUM, 99, 25)),
            format!("sk_test_{}", fake(ALNUM, 24, 26)),
            format!("AIza{}", fake(B64URL, 35, 27)),
            format!("SK{}", fake(HEX, 32, 28)),
            format!("SG.{}.{}", fake(B64URL, 22, 29), fake(B64URL, 43, 30)),
            format!("npm_{}", fake(ALNUM, 36, 31)),
            format!("pypi-AgEIcHlwaS5vcmc{}", fake(B64URL, 120, 32)),
            format!("hf_{}", fake(ALNUM, 34, 33)),
            format!("shpat_{}", fake(HEX, 32, 34)),
            format!("key-{}", fake(HEX, 32, 35)),
            format!("dop_v1_{}", fake(HEX, 64, 36)),
            format!("whsec_{}", fake(ALNUM, 32, 37)),
            format!("GOCSPX-{}", fake(B64URL, 28, 38)),
        ];
        for key in &keys {
            for text in [
                format!("my key is {key}, please rotate it."),
                format!("\"{key}\""),
                format!("token={key}\n"),
                format!("({key})"),
                key.clone(),
            ] {
                assert_eq!(secrets(&text), vec![key.as_str()], "{text}");
            }
        }
    }

    #[test]
    fn vendor_keys_need_their_full_length_and_a_boundary() {
        let short_ghp = format!("ghp_{}", fake(ALNUM, 20, 1));
        let glued = format!("xghp_{}", fake(ALNUM, 36, 2));
        let long_aws = format!("AKIA{}", fake(UPPER, 20, 3));
        let aws_lower = format!("AKIA{}abc", fake(UPPER, 16, 4));
        for text in [short_ghp, glued, long_aws, aws_lower] {
            assert!(secrets(&text).is_empty(), "{text}");
        }
    }

    #[test]
    fn documentation_keys_are_not_secrets() {
        for text in [
            "AKIAIOSFODNN7EXAMPLE",
            "ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
            "OPENAI_API_KEY=sk-your-api-key-here",
            "OPENAI_API_KEY=sk-...",
            "sk-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
            "xoxb-your-bot-token",
        ] {
            assert!(secrets(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn sk_inside_ordinary_words_is_not_a_key() {
        for text in [
            "a risk-free plan for the task-list and the desk-top; ask-me-anything",
            "pip install scikit-learn; sk-learn is not a package",
            "use sk-my-very-long-project-key-name-for-the-demo-app here",
            "the whisk_test_fixture and disk_live_snapshot_volume_backup_2024",
            "monkey-patching, turkey-sandwich, whiskey-sour-recipe-collection",
        ] {
            assert!(secrets(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn slack_webhooks_are_taken_whole() {
        let url = format!(
            "https://hooks.slack.com/services/T{}/B{}/{}",
            fake(UPPER, 8, 1),
            fake(UPPER, 10, 2),
            fake(ALNUM, 24, 3)
        );
        let text = format!("curl -X POST {url} -d '{{}}'");
        assert_eq!(secrets(&text), vec![url.as_str()]);
    }

    #[test]
    fn an_aws_secret_is_found_after_its_key_id_or_its_setting_name() {
        let id = format!("AKIA{}", fake(UPPER, 16, 1));
        let secret = fake(B64, 40, 2);
        let csv = format!("User,Access key ID,Secret access key\nci-bot,{id},{secret}\n");
        assert_eq!(secrets(&csv), vec![id.as_str(), secret.as_str()]);
        let env = format!("aws_secret_access_key = {secret}\n");
        assert_eq!(secrets(&env), vec![secret.as_str()]);
        let json = format!("{{\"SecretAccessKey\": \"{secret}\"}}");
        assert_eq!(secrets(&json), vec![secret.as_str()]);
    }

    #[test]
    fn base64_data_is_not_an_aws_secret_without_context() {
        let blob = fake(B64, 40, 3);
        let img = format!(
            "<img src=\"data:image/png;base64,{}{blob}==\">",
            fake(B64, 400, 4)
        );
        assert!(secrets(&img).is_empty());
        assert!(secrets(&format!("checksum {blob} ok")).is_empty());
    }

    #[test]
    fn jwts_are_taken_whole() {
        let jwt = format!(
            "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ{}.{}",
            fake(B64URL, 60, 1),
            fake(B64URL, 43, 2)
        );
        for text in [
            format!("Authorization: Bearer {jwt}"),
            format!("the token {jwt}. It expired"),
            format!("{{\"id_token\":\"{jwt}\"}}"),
            format!("?access_token={jwt}&state=1"),
        ] {
            assert_eq!(secrets(&text), vec![jwt.as_str()], "{text}");
        }
        let unsigned = "eyJhbGciOiJub25lIn0.eyJzdWIiOiIxMjM0NTY3ODkwIn0.";
        assert_eq!(secrets(unsigned), vec![unsigned]);
        // A JWT full of digit groups is one secret, not phone numbers.
        let digits = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwiaWF0IjoxNTE2MjM5MDIyfQ.4155550132-030-1234567-89";
        assert_eq!(all(digits), vec![("SECRET", digits)]);
    }

    fn pem_block(label: &str, seed: u64) -> String {
        let body = fake(B64, 64 * 8 + 20, seed);
        let lines: Vec<&str> = (0..body.len())
            .step_by(64)
            .map(|i| &body[i..(i + 64).min(body.len())])
            .collect();
        format!(
            "-----BEGIN {label}-----\n{}\n-----END {label}-----",
            lines.join("\n")
        )
    }

    #[test]
    fn pem_private_key_blocks_are_taken_from_begin_to_end() {
        for (k, label) in [
            "RSA PRIVATE KEY",
            "EC PRIVATE KEY",
            "DSA PRIVATE KEY",
            "OPENSSH PRIVATE KEY",
            "ENCRYPTED PRIVATE KEY",
            "PRIVATE KEY",
        ]
        .into_iter()
        .enumerate()
        {
            let key = pem_block(label, k as u64);
            let text = format!("The TLS setup fails with this key file:\n```\n{key}\n```\nWhy?");
            assert_eq!(all(&text), vec![("SECRET", key.as_str())], "{label}");
        }
    }

    #[test]
    fn a_pem_key_in_a_json_string_is_taken_whole() {
        let body = fake(B64, 1600, 9);
        let key = format!("-----BEGIN PRIVATE KEY-----\\n{body}\\n-----END PRIVATE KEY-----");
        let text =
            format!("{{\"type\": \"service_account\", \"private_key\": \"{key}\\n\", \"x\": 1}}");
        assert_eq!(secrets(&text), vec![key.as_str()]);
    }

    #[test]
    fn a_truncated_pem_key_is_taken_up_to_its_last_line() {
        let body = fake(B64, 128, 10);
        let text = format!(
            "-----BEGIN RSA PRIVATE KEY-----\n{}\n{}\n\n(the rest is cut)",
            &body[..64],
            &body[64..]
        );
        let expected = format!(
            "-----BEGIN RSA PRIVATE KEY-----\n{}\n{}",
            &body[..64],
            &body[64..]
        );
        assert_eq!(secrets(&text), vec![expected.as_str()]);
    }

    #[test]
    fn public_keys_and_certificates_are_not_secrets() {
        for label in [
            "PUBLIC KEY",
            "RSA PUBLIC KEY",
            "CERTIFICATE",
            "CERTIFICATE REQUEST",
        ] {
            let text = pem_block(label, 3);
            assert!(secrets(&text).is_empty(), "{label}");
        }
        let ssh = format!(
            "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI{} user@laptop",
            fake(B64, 43, 4)
        );
        assert!(secrets(&ssh).is_empty());
    }

    #[test]
    fn password_values_are_found_in_settings() {
        let cases = [
            ("DB_PASSWORD=Summer2024!x\n", "Summer2024!x"),
            (
                "export MYSQL_ROOT_PASSWORD=\"m9N_vxMHajl\"\n",
                "m9N_vxMHajl",
            ),
            ("spring.datasource.password=Falcon2522.\n", "Falcon2522."),
            (
                "{\"user\": \"app\", \"password\": \"s3cr3t pass phrase!\"}",
                "s3cr3t pass phrase!",
            ),
            (
                "  database:\n    password: 3!_C*5WQ-odck\n",
                "3!_C*5WQ-odck",
            ),
            ("password: 'Tr0ub4dor&3'\n", "Tr0ub4dor&3"),
            ("Password = \"hunter2-Blue\"", "hunter2-Blue"),
            (
                "mysql --user=root --password=Qs2CC5Y0-_L5l db",
                "Qs2CC5Y0-_L5l",
            ),
            (
                "pg_dump --password Qs2CC5Y0-_L5l --host db",
                "Qs2CC5Y0-_L5l",
            ),
            ("mysql -u root -p'Qs2CC5Y0-L5l' shop", "Qs2CC5Y0-L5l"),
            (
                "Server=db;Database=app;User Id=sa;Password=My$ecretPw9;",
                "My$ecretPw9",
            ),
            ("<password>Xy7!kP2q9</password>", "Xy7!kP2q9"),
            ("login?user=bob&password=Xy7kP2q9z&next=/", "Xy7kP2q9z"),
            ("password := \"Xy7kP2q9z\"", "Xy7kP2q9z"),
            ("'password' => 'Xy7kP2q9z',", "Xy7kP2q9z"),
            ("curl -u admin:Xy7kP2q9z https://api.local/", "Xy7kP2q9z"),
            ("{\\\"password\\\": \\\"Xy7kP2q9z\\\"}", "Xy7kP2q9z"),
            ("SMTP_PASS=55JIunc4KWbtQN", "55JIunc4KWbtQN"),
            ("Password: !pBtNDagHmx4_Pqx\n", "!pBtNDagHmx4_Pqx"),
            (
                "<password>*lUpYndZQF7nYFZN_</password>",
                "*lUpYndZQF7nYFZN_",
            ),
            (
                "client_secret: 8f4b2e1c9d7a6b5c4d3e2f1a0b9c8d7e",
                "8f4b2e1c9d7a6b5c4d3e2f1a0b9c8d7e",
            ),
            ("api_key = \"a1b2c3d4e5f6a7b8c9d0\"", "a1b2c3d4e5f6a7b8c9d0"),
            (
                "X-Api-Key: 0a9f8e7d6c5b4a39281726354",
                "0a9f8e7d6c5b4a39281726354",
            ),
            (
                "auth_token=Zm9vYmFyYmF6cXV4MTIzNDU2",
                "Zm9vYmFyYmF6cXV4MTIzNDU2",
            ),
            (
                "\"private_key_id\": \"0\", \"privateKey\": \"MIIEvQIBADANBgkqhkiG9w0B\"",
                "MIIEvQIBADANBgkqhkiG9w0B",
            ),
        ];
        for (text, value) in cases {
            assert_eq!(secrets(text), vec![value], "{text}");
        }
    }

    #[test]
    fn azure_account_keys_are_found_in_connection_strings() {
        let key = format!("{}==", fake(B64, 86, 5));
        let text = format!(
            "DefaultEndpointsProtocol=https;AccountName=acme;AccountKey={key};EndpointSuffix=core.windows.net"
        );
        assert_eq!(secrets(&text), vec![key.as_str()]);
    }

    #[test]
    fn url_passwords_are_found_and_not_taken_as_emails() {
        let cases = [
            (
                "DATABASE_URL=postgres://app_rw:Delta1144_@192.168.56.219:5432/app",
                "Delta1144_",
            ),
            ("url: redis://:Summer655*@10.0.0.3:6379/0", "Summer655*"),
            (
                "mongodb+srv://admin:xK9#mQ2@cluster0.example.net/db",
                "xK9#mQ2",
            ),
            ("amqp://guest:p@ssW0rd9@mq.example.com:5672", "p@ssW0rd9"),
            (
                "jdbc:mysql://root:r00tPa55w@db.example.com/shop",
                "r00tPa55w",
            ),
        ];
        for (text, value) in cases {
            let found = all(text);
            assert!(found.contains(&("SECRET", value)), "{text}: {found:?}");
            assert!(
                found.iter().all(|(t, _)| *t != "EMAIL"),
                "{text}: {found:?}"
            );
        }
    }

    #[test]
    fn password_keys_in_german_french_and_spanish_are_understood() {
        let cases = [
            ("Passwort: Sommer2024!", "Sommer2024!"),
            ("Login: jdoe / Password: m9N_vxMHaj", "m9N_vxMHaj"),
            ("Kennwort=Xq7-Lm2pZ", "Xq7-Lm2pZ"),
            ("Mot de passe : Ete2024#Paris", "Ete2024#Paris"),
            ("mot de passe\u{a0}: Ete2024#Paris", "Ete2024#Paris"),
            ("mdp=Bz8kLq2Wm", "Bz8kLq2Wm"),
            ("Contraseña: Verano2024$", "Verano2024$"),
            ("CONTRASEÑA=Verano2024$", "Verano2024$"),
            ("clave: Xq7Lm2pZ9", "Xq7Lm2pZ9"),
            ("Clé API : 8f4b2e1c9d7a6b5c4d3e", "8f4b2e1c9d7a6b5c4d3e"),
        ];
        for (text, value) in cases {
            assert_eq!(secrets(text), vec![value], "{text}");
        }
    }

    #[test]
    fn placeholders_and_references_are_not_secrets() {
        for text in [
            "password=changeme",
            "password: password",
            "DB_PASSWORD=<your-password>",
            "api_key: <YOUR_API_KEY>",
            "DB_PASSWORD=${DB_PASSWORD}",
            "password: \"{{ vault_db_password }}\"",
            "password = '%s'",
            "password=xxxxxxxx",
            "password: ********",
            "API_KEY=your_api_key_here",
            "token: REDACTED",
            "password: null",
            "\"password\": None",
            "password: true",
            "password=",
            "password: \"\"",
            "pwd=abc",
            "password: [SECRET_k3j9x2m4q7zpa]",
            "PGPASSWORD=$DB_PASS psql",
            "password = os.environ[\"DB_PASSWORD\"]",
            "password=process.env.DB_PASSWORD",
            "password = config.password",
            "password: !vault |",
            "secret: *default_secret",
            "password = getpass()",
            "password: ${{ secrets.DB_PASSWORD }}",
            "password_file=/run/secrets/db_password",
            "--password-stdin",
            "password: string",
            "password: required",
            "password=DB_PASSWORD",
            "secret: my-app-secret",
            "token: ...",
            "password: •••••••",
        ] {
            assert!(secrets(text).is_empty(), "{text}: {:?}", secrets(text));
        }
    }

    #[test]
    fn variables_in_code_are_not_secrets() {
        for text in [
            "conn = connect(host=h, user=u, password=new_password, db=d)",
            "const config = { token: authToken, password: dbPassword };",
            "login(password=getpass)",
            "$password = $_POST['password'];",
            "if user.password == request.form['password']:",
            "api_key=api_key_v2,",
            "https://example.com:443/@someone/post and http://host:8080/@x",
        ] {
            assert!(secrets(text).is_empty(), "{text}: {:?}", secrets(text));
        }
        // The same words are values in a config line or in quotes.
        assert_eq!(secrets("password=postgres\n"), vec!["postgres"]);
        assert_eq!(secrets("f(password=\"hunter\")"), vec!["hunter"]);
    }

    #[test]
    fn passwords_told_after_a_colon_or_in_quotation_marks_are_found() {
        assert_eq!(
            secrets("Das Passwort lautet: Sommer2024#Berg"),
            vec!["Sommer2024#Berg"]
        );
        assert_eq!(
            secrets("Le mot de passe est « Soleil!2023vert »."),
            vec!["Soleil!2023vert"]
        );
        assert_eq!(secrets("Das Kennwort ist „Xq7!mR2pL“"), vec!["Xq7!mR2pL"]);
        // A sentence in quotation marks is not a password.
        assert!(secrets("Le mot de passe est « à changer demain »").is_empty());
    }

    #[test]
    fn logins_passphrases_and_more_flags_are_found() {
        assert_eq!(secrets("login: admin / Hx7$kP2qLm"), vec!["Hx7$kP2qLm"]);
        assert_eq!(
            secrets("credentials are ops / Tq9!mZ3xWv"),
            vec!["Tq9!mZ3xWv"]
        );
        assert_eq!(
            secrets("the token for the staging cluster is 9fK2mQ7pX4vL8rT1aB3c"),
            vec!["9fK2mQ7pX4vL8rT1aB3c"]
        );
        assert_eq!(
            secrets("client secret 8f7e6d5c4b3a2918Ab"),
            vec!["8f7e6d5c4b3a2918Ab"]
        );
        assert_eq!(
            secrets("la clave del wifi es Ks8!mW2qPz"),
            vec!["Ks8!mW2qPz"]
        );
        assert_eq!(secrets("New password → Ks8!mW2qPz"), vec!["Ks8!mW2qPz"]);
        assert_eq!(
            secrets("Benutzername: chiritco, Initialpasswort: violet_maple_river_meadow57 – bitte ändern"),
            vec!["violet_maple_river_meadow57"]
        );
        assert_eq!(
            secrets("La contraseña temporal que le dimos por teléfono fue Tr0ub4dor#2024."),
            vec!["Tr0ub4dor#2024."]
        );
        assert_eq!(
            secrets("sqlcmd -S srv01 -U sa -P Xq7!mR2pLz -Q 'select 1'"),
            vec!["Xq7!mR2pLz"]
        );
        assert_eq!(
            secrets("mongosh -u admin -p 'Xq7!mR2pLz' --quiet"),
            vec!["Xq7!mR2pLz"]
        );
        assert_eq!(
            secrets("curl -H \"X-API-Key: a8F3kL9mQ2xZ7vB1nR4t\" https://x.io"),
            vec!["a8F3kL9mQ2xZ7vB1nR4t"]
        );
        assert_eq!(
            secrets("https://acct.blob.core.windows.net/c?sv=2022-11-02&sig=a8F3kL9mQ2xZ7vB1nR4tYu6Io0%3D"),
            vec!["a8F3kL9mQ2xZ7vB1nR4tYu6Io0%3D"]
        );
        assert_eq!(
            secrets("phpsessid=a8f3kl9mq2xz7vb1nr4tyu6io0"),
            vec!["a8f3kl9mq2xz7vb1nr4tyu6io0"]
        );
        assert!(secrets("sig=yes").is_empty());
        // A keyword later in the text does not hide one before it.
        assert_eq!(
            secrets(
                "la contraseña es CRC9svNZ5GaBOcr&U\nla api key es sk-proj-3JzWeyQ2WZJMqwlH5hkzxzk"
            ),
            vec!["CRC9svNZ5GaBOcr&U", "sk-proj-3JzWeyQ2WZJMqwlH5hkzxzk"]
        );
        // Ports, token counts and variable names are not.
        assert!(secrets("psql -h db -U app -p 5432 -d prod").is_empty());
        assert!(secrets("the token limit is 4096 and max_tokens: 512").is_empty());
        assert!(secrets("login: admin / see the wiki").is_empty());
        assert!(secrets("password = new_password_value").is_empty());
    }

    #[test]
    fn prose_about_passwords_is_not_a_secret() {
        for text in [
            "the password is stored in Vault",
            "Please reset your password: click the link below.",
            "Password: forgotten, please help",
            "Mot de passe : oublié depuis hier",
            "Passwort: bitte zurücksetzen",
            "The secret: always test your backups.",
            "Top secret: Project Falcon launches Monday",
            "token: the smallest unit of text",
            "Your API key: see the dashboard",
            "max_tokens: 4096, temperature: 0.7",
            "The password policy requires 12 characters; password_min_length=12",
            "passwords: must be rotated every 90 days",
            "Answer: the password field is required",
            "the \"password\": \"please contact support\" message",
            "<password>see the vault entry</password>",
            "primary_key: id, foreign_key: user_id, public_key: ~/.ssh/id_rsa.pub",
        ] {
            assert!(secrets(text).is_empty(), "{text}: {:?}", secrets(text));
        }
    }

    #[test]
    fn hashes_ids_and_encoded_data_are_not_secrets() {
        for text in [
            "fixed in commit a94a8fe5ccb19ba61c4c0873d391e987982fbbd3 yesterday",
            "git 3f2c1a9 and 9fceb02d0ae598e95dc970b74767f19372d61af8",
            "sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "request id 550e8400-e29b-41d4-a716-446655440000 failed",
            "integrity=\"sha512-z4PhNX7vuL3xVChQ1m2AB9Yg5AULVxXcg/SpIdNs6c5H0NE8XYXysP+DGNKHfuwvY7kxvUdBeoGlODJ6+SfaPg==\"",
            "ETag: \"33a64df551425fcc55e4d42a148795d9f25f89d4\"",
            "user-agent: Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36",
            "id=0b1c2d3e4f5a6b7c8d9e commit=9fceb02d0ae5",
            "[SECRET_0000000000000] and [EMAIL_k3j9x2m4q7zpa]",
        ] {
            assert!(secrets(text).is_empty(), "{text}: {:?}", secrets(text));
        }
    }

    #[test]
    fn the_module_hard_negatives_hold_with_secrets_enabled() {
        for text in [
            "upgrade from 1.2.3 to v10.4.12 and 2.0.0-rc.1",
            "on 2024-05-17 at 12:30:45 UTC, or 17.05.2024 / 05/17/2024",
            "std::vector<int> and Foo::bar() and a::b",
            "mac 00:1a:2b:3c:4d:5e and ratio 16:9 and 10:30-11:45",
            "tickets INV-993352, ORD-2024-001234 and 2024-001234",
            "Subject: Re: invoice\nFrom: billing\nDate: Mon, 3 Jun 2024",
            "key: value\nkeys: [a, b]\nkey_id: 12\ncache_key: user:42:profile",
        ] {
            assert!(secrets(text).is_empty(), "{text}: {:?}", secrets(text));
        }
    }

    #[test]
    fn spans_are_on_char_boundaries_in_non_ascii_text() {
        let text = "Grüße — Passwort: Zürich2024! und mot de passe : Été2024#x, clé=日本語x9Q2w8Z";
        for s in secrets(text) {
            assert!(!s.is_empty());
        }
        assert_eq!(secrets(text), vec!["Zürich2024!", "Été2024#x"]);
    }

    fn naive_anchor(bytes: &[u8], from: usize) -> Option<usize> {
        (from..bytes.len()).find(|&k| {
            ANCHOR[usize::from(bytes[k])]
                || (bytes[k].is_ascii_uppercase()
                    && bytes.get(k + 1).is_some_and(u8::is_ascii_uppercase))
        })
    }

    #[test]
    fn the_anchor_scan_finds_exactly_the_anchor_bytes() {
        let mut bytes: Vec<u8> = (0..=255u8).collect();
        bytes.extend((0..=255u8).rev());
        bytes.extend(b"aAbBCcDEe".iter().cycle().take(40));
        for from in 0..=bytes.len() {
            assert_eq!(
                next_anchor(&bytes, from),
                naive_anchor(&bytes, from),
                "from {from}"
            );
        }
        for b in 0..=255u8 {
            for c in [b'a', b'Q', b' ', 0xC3] {
                for pos in 0..18 {
                    let mut v = vec![c; 18];
                    v[pos] = b;
                    assert_eq!(
                        next_anchor(&v, 0),
                        naive_anchor(&v, 0),
                        "{b} at {pos} in {c}"
                    );
                }
            }
        }
    }

    #[test]
    fn the_entropy_table_matches_the_logarithm() {
        for (c, &table) in C_LOG2_C.iter().enumerate().skip(1) {
            let exact = c as f32 * (c as f32).log2();
            assert!((table - exact).abs() < 1e-3, "{c}");
        }
        let s = Shape::of(b"abcdabcd");
        assert!((s.entropy() - 2.0).abs() < 1e-4);
    }

    #[test]
    fn random_text_never_panics_and_yields_valid_spans() {
        const PIECES: &[&str] = &[
            "password",
            "=",
            ":",
            " ",
            "\"",
            "'",
            "-----BEGIN ",
            "PRIVATE KEY-----",
            "-----END ",
            "\n",
            "eyJ",
            ".",
            "sk-",
            "ghp_",
            "AKIA",
            "xoxb-",
            "://",
            "@",
            "u",
            "a1B2c3D4e5",
            "é",
            "€",
            "🎉",
            "\\",
            "--",
            "-p",
            "<",
            ">",
            "</",
            "&",
            "?",
            "token",
            "$",
            "{",
            "}",
            "mot de passe",
            "contraseña",
            "ñ",
            "\u{a0}",
            "SG.",
            "hooks.slack.com/services/",
        ];
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for _ in 0..5000 {
            let len = next() % 40;
            let text: String = (0..len)
                .map(|_| PIECES[(next() % PIECES.len() as u64) as usize])
                .collect();
            let mut out = Vec::new();
            SecretRecognizer.find(&text, &mut out);
            for f in out {
                assert!(f.start < f.end && f.end <= text.len(), "{text:?}");
                assert!(
                    text.is_char_boundary(f.start) && text.is_char_boundary(f.end),
                    "{text:?}"
                );
                assert!((0.5..=1.0).contains(&f.confidence), "{text:?}");
            }
        }
    }

    #[test]
    fn passwords_told_with_a_change_a_pronoun_or_an_adverb_are_found() {
        let cases = [
            (
                "I reset the password to vR4#pq8!Zx but she says",
                "vR4#pq8!Zx",
            ),
            (
                "Kennwort zurückgesetzt, es lautet jetzt Herbstlaub2023!. Bitte",
                "Herbstlaub2023!",
            ),
            (
                "le sudo demande un mot de passe, c'est Rec3tte!Sudo , comment",
                "Rec3tte!Sudo",
            ),
            (
                "pw vom nas is jetzt katzenklo99 , frag nicht",
                "katzenklo99",
            ),
            (
                "mot de passe provisoire Vpn!Presta-0611. Il faudra le changer",
                "Vpn!Presta-0611",
            ),
            (
                "la contraseña del router es Ofi-Router_8834. si no va",
                "Ofi-Router_8834",
            ),
            (
                "Le code wifi de la salle a changé : plage-sable-mouette-2024 .",
                "plage-sable-mouette-2024",
            ),
            (
                "- WLAN-Schlüssel Lager (neu): Palette-Kran-Gabel-42",
                "Palette-Kran-Gabel-42",
            ),
            ("  LDAP_BIND_PW: Ldap-Bind-Dms-77", "Ldap-Bind-Dms-77"),
            (
                "'password' => env('DB_PASSWORD', 'L4ravel-Forge-Def'),",
                "L4ravel-Forge-Def",
            ),
            (
                "var c = new SmsClient(\"agence-lyon\", \"tZZ6pgfRfnwOo0Te2eV9RmRj7QcMwVRa\");",
                "tZZ6pgfRfnwOo0Te2eV9RmRj7QcMwVRa",
            ),
        ];
        for (text, want) in cases {
            assert_eq!(secrets(text), vec![want], "in {text:?}");
        }
        // A line-final full stop may belong to the password; prose after "to" is prose;
        // the end of an expression is not a value; a client's other calls take no secret.
        assert_eq!(
            secrets("machine h\n  password Football2009.\n"),
            vec!["Football2009."]
        );
        assert!(secrets("the password to the server is in the vault").is_empty());
        assert!(secrets("POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:?mot de passe requis}").is_empty());
        assert!(secrets("assert client.post(\"/import\", json=c).status_code == 201").is_empty());
        assert_eq!(
            secrets("dsn := \"facturacion:F4ctur4s-2024@tcp(10.1.2.3:3306)/facturacion\""),
            vec!["F4ctur4s-2024"]
        );
        assert_eq!(
            secrets("- compte admin WordPress : admin / Wp-Adm1n-Ete24"),
            vec!["Wp-Adm1n-Ete24"]
        );
    }
}
