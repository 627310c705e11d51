//! Honey (canary) tokens: well-formed tokens of a tenant that stand for no value. A tenant
//! plants them where no legitimate caller would ever reveal them (a decoy row in a CRM
//! export, a test prompt); an attempt to reveal one is an anomaly.

use crate::clock::Clock;
use crate::detect::EntityType;
use crate::store::{HoneyTokenRow, StoreError, VaultStore};
use crate::tenant::TenantId;
use crate::vault::{Token, TokenId};

pub use crate::vault::token::is_label as is_token_label;

/// Makes a honey token of type `label` for the tenant, planted by `by`.
///
/// # Errors
/// Store failures.
pub async fn create(
    store: &dyn VaultStore,
    clock: &dyn Clock,
    tenant: &TenantId,
    label: &str,
    by: &str,
) -> Result<(String, HoneyTokenRow), StoreError> {
    let id = TokenId::generate(&mut rand::rng());
    let row = HoneyTokenRow {
        token_id: id.as_str().to_owned(),
        entity_type: label.to_owned(),
        created_at: clock.now_millis(),
        created_by: by.to_owned(),
    };
    store.add_honey_token(tenant.as_str(), &row).await?;
    Ok((token_text(label, &id), row))
}

/// The tenant's honey tokens with their token text.
///
/// # Errors
/// Store failures.
pub async fn list(
    store: &dyn VaultStore,
    tenant: &TenantId,
) -> Result<Vec<(String, HoneyTokenRow)>, StoreError> {
    Ok(store
        .honey_tokens(tenant.as_str())
        .await?
        .into_iter()
        .filter_map(|row| {
            let id = TokenId::parse(&row.token_id)?;
            Some((token_text(&row.entity_type, &id), row))
        })
        .collect())
}

fn token_text(label: &str, id: &TokenId) -> String {
    match EntityType::from_label(label) {
        Some(kind) => Token {
            kind,
            id: id.clone(),
        }
        .to_string(),
        None => format!("[{label}_{}]", id.as_str()),
    }
}

#[cfg(test)]
mod tests {
    use super::is_token_label;

    #[test]
    fn labels_follow_the_token_grammar() {
        assert!(is_token_label("EMAIL"));
        assert!(is_token_label("EMPLOYEE_ID2"));
        assert!(!is_token_label("email"));
        assert!(!is_token_label("_X"));
        assert!(!is_token_label(""));
        assert!(!is_token_label(&"A".repeat(65)));
    }
}
