//! The server-sent-event splitter on any byte stream, cut at an arbitrary point: it must
//! not panic, and the events it returns plus what remains must be the input, in order.

use promptvault::proxy::stream::EventSplitter;

fn main() {
    afl::fuzz!(|data: &[u8]| {
        let cut = data.first().map_or(0, |b| usize::from(*b)).min(data.len());
        let mut splitter = EventSplitter::default();
        let mut out = Vec::new();
        for piece in [&data[..cut], &data[cut..]] {
            if let Ok(events) = splitter.push(piece) {
                out.extend(events.into_iter().flatten());
            } else {
                return;
            }
        }
        if let Some(rest) = splitter.finish() {
            out.extend(rest);
        }
        assert_eq!(out, data, "the splitter lost or reordered bytes");
    });
}
