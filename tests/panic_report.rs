//! The service's panic report names where a panic happened and never what it said: a
//! panic message may quote the prompt. Its own test binary, because the panic hook is
//! global to the process and would hide the messages of other tests' failures.

use std::io::Write;
use std::sync::{Arc, Mutex};

/// A log writer that keeps what it is given.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0
            .lock()
            .map_err(|_| std::io::ErrorKind::Other)?
            .extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[test]
fn a_panic_is_logged_with_its_location_and_without_its_message() {
    // Arrange
    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .json()
        .with_writer(move || writer.clone())
        .finish();
    promptvault::telemetry::redact_panics();

    // Act: a panic whose message holds a value, as a failed string slice's does.
    let outcome = tracing::subscriber::with_default(subscriber, || {
        std::panic::catch_unwind(|| {
            let prompt = "Teilnehmer: É. Dupont, IBAN DE89370400440532013000";
            panic!("byte index 13 is not a char boundary of `{prompt}`");
        })
    });

    // Assert
    assert!(outcome.is_err());
    let log = String::from_utf8(captured.0.lock().unwrap().clone()).unwrap();
    assert!(log.contains("panic_report.rs"), "no location in {log}");
    assert!(
        !log.contains("DE89370400440532013000"),
        "the value was logged: {log}"
    );
    assert!(!log.contains("Dupont"), "the prompt was logged: {log}");
}
