//! `POST /v1/tokenize` and `POST /v1/detokenize`, single text or batch.

use axum::extract::State;
use axum::Json;
use serde::{Deserialize, Serialize};

use super::extract::{non_null, ApiJson, BearerCaller, RequestId};
use super::guard::{admit, after_reveal, tokenize_charged};
use crate::app::AppState;
use crate::detect::EntityType;
use crate::error::ApiError;
use crate::metrics::TypeLabels;
use crate::vault::{RevealScope, TokenizeScope, TokenizedText};

/// Body of `POST /v1/tokenize`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct TokenizeRequest {
    #[serde(default, deserialize_with = "non_null")]
    text: Option<String>,
    #[serde(default, deserialize_with = "non_null")]
    texts: Option<Vec<String>>,
    #[serde(default, deserialize_with = "non_null")]
    entities: Option<Vec<String>>,
}

#[derive(Debug, Serialize)]
pub(super) struct EntityResponse {
    #[serde(rename = "type")]
    kind: &'static str,
    token: String,
    /// Detection's confidence in this occurrence, to two decimals.
    confidence: f64,
}

/// Answer of `POST /v1/tokenize`: `text` + `entities`, or `texts` + a list per text.
#[derive(Debug, Serialize)]
#[serde(untagged)]
pub(super) enum TokenizeResponse {
    Single {
        text: String,
        entities: Vec<EntityResponse>,
    },
    Batch {
        texts: Vec<String>,
        entities: Vec<Vec<EntityResponse>>,
    },
}

/// Body of `POST /v1/detokenize`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct DetokenizeRequest {
    #[serde(default, deserialize_with = "non_null")]
    text: Option<String>,
    #[serde(default, deserialize_with = "non_null")]
    texts: Option<Vec<String>>,
}

/// Answer of `POST /v1/detokenize`; counts are totals over the texts of a batch.
#[derive(Serialize)]
pub(super) struct DetokenizeResponse {
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    texts: Option<Vec<String>>,
    detokenized: usize,
    denied: usize,
    unknown: usize,
}

impl std::fmt::Debug for DetokenizeResponse {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DetokenizeResponse")
            .field("detokenized", &self.detokenized)
            .finish_non_exhaustive()
    }
}

/// One text or many: exactly one of the two fields.
fn single_or_batch(
    text: Option<String>,
    texts: Option<Vec<String>>,
) -> Result<(Vec<String>, bool), ApiError> {
    match (text, texts) {
        (Some(text), None) => Ok((vec![text], false)),
        (None, Some(texts)) => Ok((texts, true)),
        _ => Err(ApiError::InvalidRequest(
            "give exactly one of `text` or `texts`".to_owned(),
        )),
    }
}

fn entity_filter(entities: Option<Vec<String>>) -> Result<Option<Vec<EntityType>>, ApiError> {
    let Some(labels) = entities else {
        return Ok(None);
    };
    labels
        .iter()
        .enumerate()
        .map(|(index, label)| {
            EntityType::from_label(label).ok_or_else(|| {
                ApiError::InvalidRequest(format!("entities[{index}] is not a known entity type"))
            })
        })
        .collect::<Result<Vec<_>, _>>()
        .map(Some)
}

fn entity_list(result: &TokenizedText) -> Vec<EntityResponse> {
    result
        .tokens
        .iter()
        .zip(&result.confidences)
        .map(|(token, confidence)| EntityResponse {
            kind: token.kind.label(),
            token: token.to_string(),
            confidence: (f64::from(*confidence) * 100.0).round() / 100.0,
        })
        .collect()
}

/// `POST /v1/tokenize` (scope `tokenize`).
#[tracing::instrument(skip_all, fields(tenant = %caller.tenant))]
pub(super) async fn tokenize_text(
    State(state): State<AppState>,
    BearerCaller(caller): BearerCaller,
    RequestId(request_id): RequestId,
    ApiJson(request): ApiJson<TokenizeRequest>,
) -> Result<Json<TokenizeResponse>, ApiError> {
    if !caller.scopes.has("tokenize") {
        return Err(ApiError::MissingScope("tokenize"));
    }
    admit(&state, "tokenize", &caller).await?;
    let (texts, batch) = single_or_batch(request.text, request.texts)?;
    let only = entity_filter(request.entities)?;
    let scope = TokenizeScope {
        sub: &caller.sub,
        request_id: &request_id,
        tenant: &caller.tenant,
        ctx: caller.ctx.as_deref(),
    };
    let mut results = tokenize_charged(&state, &caller, scope, &texts, only.as_deref()).await?;
    state.metrics.audit("tokenize");
    state.anomalies.note_created(
        caller.tenant.as_str(),
        &caller.sub,
        results
            .iter()
            .flat_map(|r| r.tokens.iter().map(|t| t.id.as_str())),
    );
    for token in results.iter().flat_map(|r| &r.tokens) {
        state
            .metrics
            .tokens_created
            .get_or_create(&TypeLabels::of(token.kind.label()))
            .inc();
    }
    drop(texts);
    let response = if batch {
        let entities = results.iter().map(entity_list).collect();
        TokenizeResponse::Batch {
            texts: results.into_iter().map(|r| r.text).collect(),
            entities,
        }
    } else {
        let result = results
            .pop()
            .ok_or_else(|| ApiError::Internal(anyhow::anyhow!("no result for one text")))?;
        TokenizeResponse::Single {
            entities: entity_list(&result),
            text: result.text,
        }
    };
    Ok(Json(response))
}

/// `POST /v1/detokenize` (scope `detokenize` or `detokenize:TYPE`).
#[tracing::instrument(skip_all, fields(tenant = %caller.tenant))]
pub(super) async fn detokenize_text(
    State(state): State<AppState>,
    BearerCaller(caller): BearerCaller,
    RequestId(request_id): RequestId,
    ApiJson(request): ApiJson<DetokenizeRequest>,
) -> Result<Json<DetokenizeResponse>, ApiError> {
    if !caller.scopes.may_detokenize_something() {
        return Err(ApiError::MissingScope("detokenize"));
    }
    admit(&state, "detokenize", &caller).await?;
    let (texts, batch) = single_or_batch(request.text, request.texts)?;
    let may_reveal = |label: &str| caller.scopes.may_reveal(label);
    let scope = RevealScope {
        sub: &caller.sub,
        request_id: &request_id,
        tenant: &caller.tenant,
        ctx: caller.ctx.as_deref(),
        may_reveal: &may_reveal,
    };
    let results = state.vault.detokenize(&scope, &texts).await?;
    state.metrics.audit("detokenize");
    after_reveal(&state, &caller, &request_id, &results).await?;
    let (mut detokenized, mut denied, mut unknown) = (0, 0, 0);
    let mut out = Vec::with_capacity(results.len());
    for result in &results {
        detokenized += result.detokenized;
        denied += result.denied;
        unknown += result.unknown;
        out.push(result.text.as_str().to_owned());
    }
    let (text, texts) = if batch {
        (None, Some(out))
    } else {
        (out.pop(), None)
    };
    Ok(Json(DetokenizeResponse {
        text,
        texts,
        detokenized,
        denied,
        unknown,
    }))
}
