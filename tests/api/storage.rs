//! What is at rest: no table holds an original value.

use serde_json::json;

use crate::helpers::{holds_value, TestApp, TENANT};
use crate::tokenize::{PROMPT, VALUES};

async fn no_table_holds_an_original_value_after_a_run(app: TestApp) {
    // Arrange: tokenize with and without ctx, single and batch, and reveal.
    let in_ctx = app.jwt(TENANT, "tokenize detokenize", Some("chat-7"));
    let tokenized = app.tokenize(PROMPT).await;
    app.post_as(
        &in_ctx,
        "/v1/tokenize",
        &json!({ "texts": [PROMPT, PROMPT] }),
    )
    .await;
    app.detokenize(&tokenized).await;

    // Act
    let dump = app.dump_database().await;

    // Assert
    assert!(
        dump.contains("t-test"),
        "the dump should see the rows: {}",
        &dump[..dump.len().min(500)]
    );
    for value in VALUES {
        assert!(!holds_value(&dump, value), "{value} is stored in plaintext");
    }
    if let crate::helpers::Db::Sqlite(_, path) = &app.db {
        // The raw database and WAL files, byte for byte.
        for file in [path.clone(), path.with_extension("db-wal")] {
            if let Ok(bytes) = std::fs::read(&file) {
                for value in VALUES {
                    assert!(
                        !bytes.windows(value.len()).any(|w| w == value.as_bytes()),
                        "{value} in {}",
                        file.display()
                    );
                }
            }
        }
    }
}
on_every_backend!(no_table_holds_an_original_value_after_a_run);
