//! One model answer on its way back to the caller: tokens in it become values the caller
//! may see (each reveal audited before it leaves), and sensitive values the model wrote
//! itself go through the tenant's output policy.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use zeroize::Zeroizing;

use crate::audit::AuditLog;
use crate::auth::Caller;
use crate::detect::EntityType;
use crate::vault::token::{find_tokens, FoundToken, Labels};
use crate::vault::{
    CompiledPolicy, DetokenizedText, Lookup, OutputAction, RevealScope, TokenizeScope, Vault,
    VaultError,
};

/// Why a piece of the answer cannot go out.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    /// The model produced a sensitive value and the tenant's policy blocks such answers.
    #[error("the answer holds a sensitive value and the tenant's output policy blocks it")]
    Blocked,
    /// Store or key failure.
    #[error(transparent)]
    Vault(#[from] VaultError),
    /// The provider streamed more texts, or more text, than one answer may hold.
    #[error("the model provider's answer is too large")]
    Oversized,
}

/// The state of one answer.
pub struct AnswerSession {
    vault: Arc<Vault>,
    audit: Arc<AuditLog>,
    caller: Caller,
    request_id: String,
    policy: Arc<CompiledPolicy>,
    labels: Labels,
    known: HashMap<String, Lookup>,
    recorded: HashSet<String>,
    from_output: HashSet<String>,
    /// What happened to every token so far (the `text` field is unused).
    pub tally: DetokenizedText,
    /// Sensitive values the model wrote that were tokenized.
    pub output_tokenized: usize,
    /// ... that were let through (policy `pass`).
    pub output_passed: usize,
}

impl std::fmt::Debug for AnswerSession {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AnswerSession")
            .field("tally", &self.tally)
            .finish_non_exhaustive()
    }
}

impl AnswerSession {
    /// A session for `caller`'s answer, under the tenant's current policy.
    ///
    /// # Errors
    /// Store failures.
    pub async fn start(
        (vault, audit): (Arc<Vault>, Arc<AuditLog>),
        caller: Caller,
        request_id: String,
    ) -> Result<Self, VaultError> {
        let policy = vault.current_policy(&caller.tenant).await?;
        let labels = Labels::new(
            EntityType::ALL
                .iter()
                .map(|t| t.label().to_owned())
                .chain(policy.custom_labels.iter().cloned()),
        );
        Ok(Self {
            vault,
            audit,
            caller,
            request_id,
            policy,
            labels,
            known: HashMap::new(),
            recorded: HashSet::new(),
            from_output: HashSet::new(),
            tally: DetokenizedText::default(),
            output_tokenized: 0,
            output_passed: 0,
        })
    }

    /// Whether values the model writes itself are checked (the output policy is not
    /// `pass`): streams then hold back a value until it is whole.
    pub fn checks_output(&self) -> bool {
        self.policy.output != OutputAction::Pass
    }

    /// The labels tokens of this tenant may carry.
    pub fn labels(&self) -> &Labels {
        &self.labels
    }

    /// Looks up `ids` ahead (the request's own tokens, which the model usually repeats)
    /// and puts the ones this caller may see on record as about to be revealed, so that
    /// revealing them later needs neither a read nor a write. Runs while the provider
    /// thinks. The record may name a token the answer then does not use: the audit log
    /// errs on the side of saying too much.
    ///
    /// # Errors
    /// Store failures.
    pub async fn prefetch(&mut self, ids: Vec<String>) -> Result<(), VaultError> {
        self.look_up(ids.clone()).await?;
        let mut revealable: Vec<&str> = ids
            .iter()
            .map(String::as_str)
            .filter(|id| matches!(self.known.get(*id), Some(Lookup::Reveal { .. })))
            .collect();
        revealable.sort_unstable();
        revealable.dedup();
        let revealable: Vec<String> = revealable.into_iter().map(str::to_owned).collect();
        self.record(revealable, "prepared").await
    }

    async fn look_up(&mut self, mut ids: Vec<String>) -> Result<(), VaultError> {
        ids.retain(|id| !self.known.contains_key(id));
        ids.sort_unstable();
        ids.dedup();
        if ids.is_empty() {
            return Ok(());
        }
        let may_reveal = |label: &str| self.caller.scopes.may_reveal(label);
        let scope = RevealScope {
            tenant: &self.caller.tenant,
            sub: &self.caller.sub,
            request_id: &self.request_id,
            ctx: self.caller.ctx.as_deref(),
            may_reveal: &may_reveal,
        };
        let mut found = self.vault.lookup_tokens(&scope, &ids).await?;
        for id in ids {
            let lookup = found.remove(&id).unwrap_or(Lookup::Unknown);
            self.known.insert(id, lookup);
        }
        Ok(())
    }

    /// Renders one piece of the answer. `before` is the character before it in the
    /// whole text; `json_string` says the piece lies inside a JSON document's string
    /// (tool-call arguments), so revealed values are escaped for it.
    ///
    /// # Errors
    /// [`RenderError::Blocked`] under a `block` output policy; store failures.
    pub async fn render(
        &mut self,
        text: &str,
        before: Option<char>,
        json_string: bool,
    ) -> Result<Zeroizing<String>, RenderError> {
        if text.is_empty() {
            return Ok(Zeroizing::new(String::new()));
        }
        let mut tokens = find_tokens(text, before, &self.labels);
        let protected = self.output_policy(text, &tokens).await?;
        let text = match &protected {
            Some(tokenized) => {
                tokens = find_tokens(tokenized, before, &self.labels);
                tokenized.as_str()
            }
            None => text,
        };
        self.look_up(tokens.iter().map(|t| t.id.as_str().to_owned()).collect())
            .await?;
        self.record_reveals(&tokens).await?;

        let mut out = Zeroizing::new(String::with_capacity(text.len()));
        let mut cursor = 0;
        for token in &tokens {
            out.push_str(&text[cursor..token.start]);
            cursor = token.end;
            let original = &text[token.start..token.end];
            let id = token.id.as_str();
            if self.from_output.contains(id) {
                out.push_str(original);
                continue;
            }
            let lookup = self.known.get_key_value(id);
            match self.tally.count(lookup, &token.label) {
                Some(value) if json_string => {
                    let quoted = Zeroizing::new(serde_json::to_string(value).unwrap_or_default());
                    out.push_str(quoted.get(1..quoted.len().saturating_sub(1)).unwrap_or(""));
                }
                Some(value) => out.push_str(value),
                None => out.push_str(original),
            }
        }
        out.push_str(&text[cursor..]);
        Ok(out)
    }

    /// Applies the output policy to values the model wrote itself; the tokenized text
    /// when it replaced any.
    async fn output_policy(
        &mut self,
        text: &str,
        tokens: &[FoundToken],
    ) -> Result<Option<String>, RenderError> {
        let mut spans = self.vault.sensitive_spans(&self.policy, text);
        // A token is never a value, whatever a tenant's own pattern matches inside it.
        spans.retain(|f| !tokens.iter().any(|t| t.start < f.end && f.start < t.end));
        if spans.is_empty() {
            return Ok(None);
        }
        match self.policy.output {
            OutputAction::Pass => {
                self.output_passed += spans.len();
                Ok(None)
            }
            OutputAction::Block => Err(RenderError::Blocked),
            OutputAction::Tokenize => {
                let scope = TokenizeScope {
                    tenant: &self.caller.tenant,
                    sub: &self.caller.sub,
                    request_id: &self.request_id,
                    ctx: self.caller.ctx.as_deref(),
                };
                let mut done = self
                    .vault
                    .tokenize_found(scope, &[text.to_owned()], None, &[spans])
                    .await?;
                let Some(result) = done.pop() else {
                    return Ok(None);
                };
                self.output_tokenized += result.tokens.len();
                for token in result.tokens {
                    self.from_output.insert(token.id.as_str().to_owned());
                }
                Ok(Some(result.text))
            }
        }
    }

    /// Audits the reveals `tokens` are about to make, unless already on record.
    async fn record_reveals(&mut self, tokens: &[FoundToken]) -> Result<(), VaultError> {
        let mut new: Vec<&str> = tokens
            .iter()
            .map(|t| t.id.as_str())
            .filter(|id| {
                !self.recorded.contains(*id)
                    && !self.from_output.contains(*id)
                    && matches!(self.known.get(*id), Some(Lookup::Reveal { .. }))
            })
            .collect();
        if new.is_empty() {
            return Ok(());
        }
        new.sort_unstable();
        new.dedup();
        let new: Vec<String> = new.into_iter().map(str::to_owned).collect();
        self.record(new, "revealed").await
    }

    /// One `detokenize` audit event naming `ids`; marks them as on record.
    async fn record(&mut self, ids: Vec<String>, stage: &str) -> Result<(), VaultError> {
        if ids.is_empty() {
            return Ok(());
        }
        let details = serde_json::json!({
            "via": "proxy",
            "stage": stage,
            "token_ids": ids,
            "ctx": self.caller.ctx,
        });
        let event = self.audit.event(
            &self.caller.tenant,
            &self.caller.sub,
            &self.request_id,
            "detokenize",
            &details,
        );
        self.audit.record(event).await?;
        self.recorded.extend(ids);
        Ok(())
    }
}
