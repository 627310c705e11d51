//! What every tokenize and reveal passes through besides the vault: caller blocks, rate
//! limits, and the anomaly check after a reveal.

use crate::app::AppState;
use crate::auth::Caller;
use crate::error::ApiError;
use crate::guard::anomaly::Anomaly;
use crate::metrics::{ActionLabels, KindLabels};
use crate::vault::DetokenizedText;

/// Refuses a blocked caller, then applies the caller's and the tenant's rate limits to
/// `action` (`tokenize` or `detokenize`).
pub(super) async fn admit(state: &AppState, action: &str, caller: &Caller) -> Result<(), ApiError> {
    if let Some(seconds) = state
        .anomalies
        .blocked_for(caller.tenant.as_str(), &caller.sub)
    {
        return Err(ApiError::CallerBlocked(seconds));
    }
    charge(state, action, caller, 1).await
}

/// Charges `cost` units of the caller's and the tenant's limits for `action`; 429 (and
/// the metric) when either is spent.
async fn charge(
    state: &AppState,
    action: &str,
    caller: &Caller,
    cost: i64,
) -> Result<(), ApiError> {
    let verdict = state
        .rate_limiter
        .charge(action, caller.tenant.as_str(), &caller.sub, cost)
        .await
        .map_err(|err| {
            tracing::warn!(error = %err, "rate limit check failed");
            ApiError::Unavailable
        })?;
    verdict.map_err(|retry| {
        state
            .metrics
            .rate_limited
            .get_or_create(&ActionLabels {
                action: action.to_owned(),
            })
            .inc();
        ApiError::RateLimited(retry.0)
    })
}

/// Tokenizes for `caller`, charging the tokenize limits one unit per value found (the
/// call itself paid the first in [`admit`]). Deterministic tokens make tokenize an
/// equality test: a caller holding a token can tokenize guesses and compare the ids. So a
/// call costs as much as the guesses it carries, and a caller over its limit gets 429
/// before anything is stored.
pub(super) async fn tokenize_charged(
    state: &AppState,
    caller: &Caller,
    scope: crate::vault::TokenizeScope<'_>,
    texts: &[String],
    only: Option<&[crate::detect::EntityType]>,
) -> Result<Vec<crate::vault::TokenizedText>, ApiError> {
    let findings = state.vault.find(scope.tenant, texts, only).await?;
    let values = findings.iter().map(Vec::len).sum::<usize>();
    let text_bytes = texts.iter().map(String::len).sum();
    if let Some(anomaly) = state.anomalies.observe_tokenize(
        caller.tenant.as_str(),
        &caller.sub,
        scope.request_id,
        values,
        text_bytes,
    ) {
        report(state, caller, anomaly).await?;
        if let Some(seconds) = state
            .anomalies
            .blocked_for(caller.tenant.as_str(), &caller.sub)
        {
            return Err(ApiError::CallerBlocked(seconds));
        }
    }
    if values > 1 {
        charge(
            state,
            "tokenize",
            caller,
            i64::try_from(values - 1).unwrap_or(i64::MAX),
        )
        .await?;
    }
    Ok(state
        .vault
        .tokenize_found(scope, texts, only, &findings)
        .await?)
}

/// Charges the tokenize limits for values the model wrote that the output policy turned
/// into tokens. A caller could have the model echo guesses and compare the ids, as with
/// tokenize itself; the answer is gone already, so a limit spent here refuses the caller's
/// next call rather than this one.
pub(super) async fn charge_output_tokens(state: &AppState, caller: &Caller, values: usize) {
    if values == 0 {
        return;
    }
    let cost = i64::try_from(values).unwrap_or(i64::MAX);
    // Counted even past the limit (a refused charge would count nothing, and a caller
    // having the model echo more guesses than its limit would never pay).
    state
        .rate_limiter
        .consume("tokenize", caller.tenant.as_str(), &caller.sub, cost);
}

/// Counts what a reveal did, by type, and looks for anomalies in it. Each anomaly is
/// audited (before the caller gets its answer), counted, posted to the webhook and,
/// by policy, blocks the caller.
pub(super) async fn after_reveal(
    state: &AppState,
    caller: &Caller,
    request_id: &str,
    results: &[DetokenizedText],
) -> Result<(), ApiError> {
    for result in results {
        for (label, (revealed, denied)) in &result.by_type {
            let labels = crate::metrics::TypeLabels::of(label);
            state
                .metrics
                .tokens_revealed
                .get_or_create(&labels)
                .inc_by(*revealed as u64);
            state
                .metrics
                .tokens_denied
                .get_or_create(&labels)
                .inc_by(*denied as u64);
        }
        state.metrics.tokens_unknown.inc_by(result.unknown as u64);
    }
    let revealed: Vec<&str> = results
        .iter()
        .flat_map(|r| r.revealed_ids.iter().map(String::as_str))
        .collect();
    let honey: Vec<&str> = results
        .iter()
        .flat_map(|r| r.honey_ids.iter().map(String::as_str))
        .collect();
    let found = state.anomalies.observe_reveal(
        caller.tenant.as_str(),
        &caller.sub,
        request_id,
        &revealed,
        &honey,
    );
    for anomaly in found {
        report(state, caller, anomaly).await?;
    }
    Ok(())
}

async fn report(state: &AppState, caller: &Caller, mut anomaly: Anomaly) -> Result<(), ApiError> {
    // On record first: a block that then fails to store still leaves its anomaly.
    anomaly.blocked_until = state.anomalies.planned_block(&anomaly);
    let mut event = state.audit.event(
        &caller.tenant,
        &caller.sub,
        &anomaly.request_id,
        "anomaly",
        &serde_json::json!({
            "kind": anomaly.kind.as_str(),
            "details": anomaly.details,
            "blocked_until": anomaly.blocked_until,
        }),
    );
    event.outcome = anomaly.kind.as_str().to_owned();
    state.audit.record(event).await?;
    if let Some(until) = anomaly.blocked_until {
        state
            .anomalies
            .block(&anomaly, until)
            .await
            .map_err(|err| {
                tracing::warn!(error = %err, "a caller block could not be stored");
                ApiError::Unavailable
            })?;
    }
    state.metrics.audit("anomaly");
    state
        .metrics
        .anomalies
        .get_or_create(&KindLabels {
            kind: anomaly.kind.as_str().to_owned(),
        })
        .inc();
    tracing::warn!(
        kind = anomaly.kind.as_str(),
        blocked = anomaly.blocked_until.is_some(),
        "anomaly"
    );
    state.anomalies.notify(&anomaly);
    Ok(())
}
