//! Streamed texts that a provider names by a key (Anthropic's content block index, the
//! Responses API's output and content index): each piece goes out as soon as no token or
//! value can be cut in it, the rest when the provider closes the text. For providers that
//! repeat a whole text when it is done, also what was sent of each text.

use std::collections::BTreeMap;

use zeroize::Zeroizing;

use super::session::{AnswerSession, RenderError};
use super::tokens::Holdback;

/// Texts one answer may stream: a provider naming more is refused, not followed.
const MAX_TEXTS: usize = 1_024;
/// What is kept of the texts sent, in bytes, as for a whole answer.
const MAX_SENT_BYTES: usize = 32 << 20;

/// One text being streamed.
#[derive(Default)]
struct Text {
    hold: Holdback,
    /// Inside a JSON document (tool input): revealed values are escaped for it.
    json_string: bool,
    /// Everything sent of it so far, revealed (kept only when asked for).
    sent: Option<Zeroizing<String>>,
}

/// The texts of one streamed answer, by key.
pub struct HeldTexts<K> {
    texts: BTreeMap<K, Text>,
    remember_sent: bool,
    sent_bytes: usize,
}

impl<K> std::fmt::Debug for HeldTexts<K> {
    // What was sent holds revealed values: never shown.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("HeldTexts")
            .field("texts", &self.texts.len())
            .finish_non_exhaustive()
    }
}

impl<K> Default for HeldTexts<K> {
    fn default() -> Self {
        Self {
            texts: BTreeMap::new(),
            remember_sent: false,
            sent_bytes: 0,
        }
    }
}

impl<K: Ord + Clone> HeldTexts<K> {
    /// Texts whose sent pieces are kept, for [`HeldTexts::sent`].
    pub fn remembering_sent() -> Self {
        Self {
            remember_sent: true,
            ..Self::default()
        }
    }

    fn text(&mut self, key: K) -> Result<&mut Text, RenderError> {
        if !self.texts.contains_key(&key) && self.texts.len() >= MAX_TEXTS {
            return Err(RenderError::Oversized);
        }
        let remember = self.remember_sent;
        Ok(self.texts.entry(key).or_insert_with(|| Text {
            sent: remember.then(Zeroizing::default),
            ..Text::default()
        }))
    }

    /// Adds a piece of text `key`; returns what can go out now, revealed.
    ///
    /// # Errors
    /// The output policy blocks the answer, the store failed, or the provider streams
    /// more texts or text than an answer may hold.
    pub async fn push(
        &mut self,
        session: &mut AnswerSession,
        key: K,
        piece: &str,
        json_string: bool,
    ) -> Result<String, RenderError> {
        let labels = session.labels().clone();
        let checks_output = session.checks_output();
        let text = self.text(key.clone())?;
        text.json_string = json_string;
        let released = if checks_output {
            text.hold.push_values(piece, &labels)
        } else {
            text.hold.push(piece, &labels)
        };
        let rendered = session
            .render(&released.text, released.before, json_string)
            .await?;
        self.note_sent(&key, &rendered)?;
        Ok(rendered.to_string())
    }

    /// The text `key` is complete: what was still held, revealed (empty when nothing).
    ///
    /// # Errors
    /// As [`HeldTexts::push`].
    pub async fn flush(
        &mut self,
        session: &mut AnswerSession,
        key: &K,
    ) -> Result<String, RenderError> {
        let Some(text) = self.texts.get_mut(key) else {
            return Ok(String::new());
        };
        if text.hold.is_empty() {
            return Ok(String::new());
        }
        let released = text.hold.finish();
        let json_string = text.json_string;
        let rendered = session
            .render(&released.text, released.before, json_string)
            .await?;
        self.note_sent(key, &rendered)?;
        Ok(rendered.to_string())
    }

    /// Records `rendered` as sent for text `key` (a whole copy rendered once, so that a
    /// later copy of the same text is not revealed again).
    ///
    /// # Errors
    /// [`RenderError::Oversized`] past the limits.
    pub fn remember(&mut self, key: &K, rendered: &str) -> Result<(), RenderError> {
        self.text(key.clone())?;
        self.note_sent(key, rendered)
    }

    fn note_sent(&mut self, key: &K, rendered: &str) -> Result<(), RenderError> {
        if !self.remember_sent {
            return Ok(());
        }
        self.sent_bytes = self.sent_bytes.saturating_add(rendered.len());
        if self.sent_bytes > MAX_SENT_BYTES {
            return Err(RenderError::Oversized);
        }
        if let Some(sent) = self.texts.get_mut(key).and_then(|t| t.sent.as_mut()) {
            sent.push_str(rendered);
        }
        Ok(())
    }

    /// The keys whose texts still hold something, in order.
    pub fn holding(&self) -> Vec<K> {
        self.texts
            .iter()
            .filter(|(_, text)| !text.hold.is_empty())
            .map(|(key, _)| key.clone())
            .collect()
    }

    /// Everything sent of text `key` so far, when sent pieces are remembered and any
    /// piece of it went out.
    pub fn sent(&self, key: &K) -> Option<&str> {
        self.texts
            .get(key)
            .and_then(|text| text.sent.as_deref())
            .map(String::as_str)
    }
}
