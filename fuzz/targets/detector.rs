//! The detector on any UTF-8 text: it must not panic, and every finding must be a
//! non-empty range on character boundaries, in order.

use std::sync::OnceLock;

use promptvault::detect::Detector;

fn main() {
    static DETECTOR: OnceLock<Detector> = OnceLock::new();
    // Read only by the target: nothing it holds changes when a run panics.
    let detector = std::panic::AssertUnwindSafe(DETECTOR.get_or_init(Detector::new));
    afl::fuzz!(|data: &[u8]| {
        let Ok(text) = std::str::from_utf8(data) else {
            return;
        };
        let mut last_end = 0;
        for finding in detector.find_with(text, None, &[]) {
            assert!(finding.start < finding.end && finding.end <= text.len());
            assert!(text.is_char_boundary(finding.start) && text.is_char_boundary(finding.end));
            assert!(finding.start >= last_end, "findings overlap or are out of order");
            last_end = finding.end;
        }
    });
}
