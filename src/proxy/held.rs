//! Streamed texts that a provider names by a key (Anthropic's content block index, the
//! Responses API's output and content index): each piece goes out as soon as no token or
//! value can be cut in it, the rest when the provider closes the text. Also what was
//! sent of each text, for providers that repeat a whole text when it is done.

use std::collections::BTreeMap;

use zeroize::Zeroizing;

use super::session::{AnswerSession, RenderError};
use super::tokens::Holdback;

/// One text being streamed.
#[derive(Default)]
struct Text {
    hold: Holdback,
    /// Inside a JSON document (tool input): revealed values are escaped for it.
    json_string: bool,
    /// Everything sent of it so far, revealed.
    sent: Zeroizing<String>,
}

/// The texts of one streamed answer, by key.
pub struct HeldTexts<K> {
    texts: BTreeMap<K, Text>,
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
        }
    }
}

impl<K: Ord + Clone> HeldTexts<K> {
    /// Adds a piece of text `key`; returns what can go out now, revealed.
    ///
    /// # Errors
    /// The output policy blocks the answer, or the store failed.
    pub async fn push(
        &mut self,
        session: &mut AnswerSession,
        key: K,
        piece: &str,
        json_string: bool,
    ) -> Result<String, RenderError> {
        let labels = session.labels().clone();
        let text = self.texts.entry(key).or_default();
        text.json_string = json_string;
        let released = if session.checks_output() {
            text.hold.push_values(piece, &labels)
        } else {
            text.hold.push(piece, &labels)
        };
        let rendered = session
            .render(&released.text, released.before, json_string)
            .await?;
        text.sent.push_str(&rendered);
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
        let rendered = session
            .render(&released.text, released.before, text.json_string)
            .await?;
        text.sent.push_str(&rendered);
        Ok(rendered.to_string())
    }

    /// The keys whose texts still hold something, in order.
    pub fn holding(&self) -> Vec<K> {
        self.texts
            .iter()
            .filter(|(_, text)| !text.hold.is_empty())
            .map(|(key, _)| key.clone())
            .collect()
    }

    /// Everything sent of text `key`, when any piece of it was streamed.
    pub fn sent(&self, key: &K) -> Option<&str> {
        self.texts.get(key).map(|text| text.sent.as_str())
    }
}
