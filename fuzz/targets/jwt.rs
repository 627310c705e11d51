//! JWT verification on any input: it must not panic, and nothing unsigned by the
//! configured secret may pass.

use std::sync::OnceLock;

use promptvault::auth::JwtVerifier;

fn main() {
    static VERIFIER: OnceLock<JwtVerifier> = OnceLock::new();
    // Read only by the target: nothing it holds changes when a run panics.
    let verifier = std::panic::AssertUnwindSafe(VERIFIER.get_or_init(|| {
        let dir = std::env::temp_dir().join("promptvault-fuzz-jwt");
        std::fs::create_dir_all(&dir).unwrap();
        let secret = dir.join("secret");
        std::fs::write(&secret, "a-secret-that-the-fuzzer-never-sees-0123456789").unwrap();
        JwtVerifier::from_files(Some(&secret), None, None, "promptvault".to_owned()).unwrap()
    }));
    afl::fuzz!(|data: &[u8]| {
        let Ok(token) = std::str::from_utf8(data) else {
            return;
        };
        assert!(verifier.verify(token).is_err(), "a token the fuzzer made was accepted");
    });
}
