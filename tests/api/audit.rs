//! The audit log over HTTP: every action leaves its event, the chain verifies, and
//! editing, deleting or swapping events in the database is found and located.

use serde_json::json;

use crate::helpers::{Db, TestApp, TENANT};

async fn busy_run(app: &TestApp) -> String {
    let tokenized = app.tokenize("mail ann@example.org from 10.0.0.1").await;
    app.detokenize(&tokenized).await;
    let admin = app.jwt(TENANT, "admin", None);
    app.request(
        "PUT",
        "/v1/admin/policy",
        Some(&admin),
        Some("application/json"),
        b"{}".to_vec(),
    )
    .await;
    app.request(
        "POST",
        "/v1/admin/keys/rotate",
        Some(&admin),
        None,
        Vec::new(),
    )
    .await;
    tokenized
}

/// Runs SQL (statements separated by `;`) on the database with the append-only triggers
/// out of the way, as only a superuser could.
async fn tamper(db: &Db, sql: &str) {
    match db {
        Db::Postgres(pool) => {
            let mut conn = pool.acquire().await.unwrap();
            sqlx::query("SET session_replication_role = replica")
                .execute(&mut *conn)
                .await
                .unwrap();
            sqlx::raw_sql(sql).execute(&mut *conn).await.unwrap();
            sqlx::query("SET session_replication_role = DEFAULT")
                .execute(&mut *conn)
                .await
                .unwrap();
        }
        Db::Sqlite(pool, _) => {
            for trigger in [
                "audit_events_no_update",
                "audit_events_no_delete",
                "audit_links_no_update",
                "audit_links_no_delete",
            ] {
                sqlx::query(&format!("DROP TRIGGER IF EXISTS {trigger}"))
                    .execute(pool)
                    .await
                    .unwrap();
            }
            sqlx::raw_sql(sql).execute(pool).await.unwrap();
        }
    }
}

async fn every_action_leaves_its_event_and_no_value(app: TestApp) {
    let tokenized = busy_run(&app).await;
    let page = app.admin_get("/v1/admin/audit?limit=50").await;
    let events = page["events"].as_array().unwrap();
    let actions: Vec<&str> = events
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    // Each admin action is announced before it happens, then recorded with its result.
    assert_eq!(
        actions,
        [
            "tokenize",
            "detokenize",
            "policy.replace",
            "policy.replace",
            "keys.rotate",
            "keys.rotate"
        ]
    );
    let outcomes: Vec<&str> = events
        .iter()
        .map(|e| e["outcome"].as_str().unwrap())
        .collect();
    assert_eq!(outcomes, ["ok", "ok", "requested", "ok", "requested", "ok"]);
    assert!(events
        .iter()
        .all(|e| e["tenant"] == TENANT && e["sub"] == "tester" && e["request_id"] != ""));
    // Details are JSON objects, not JSON encoded inside a string.
    assert!(events.iter().all(|e| e["details"].is_object()), "{page}");
    let tokenize = &events[0]["details"];
    assert_eq!(tokenize["counts"], json!({ "EMAIL": 1, "IP_ADDRESS": 1 }));
    let detokenize = &events[1]["details"];
    assert_eq!(detokenize["revealed"], 2);
    assert_eq!(detokenize["token_ids"].as_array().unwrap().len(), 2);
    let raw = page.to_string();
    assert!(
        !raw.contains("ann@example.org") && !raw.contains("10.0.0.1"),
        "no value in the audit log"
    );

    // Filters: by action and by token id.
    let reveals = app.admin_get("/v1/admin/audit?action=detokenize").await;
    assert_eq!(reveals["events"].as_array().unwrap().len(), 1);
    let id = &tokenized[tokenized.find("[EMAIL_").unwrap() + 7..][..13];
    let by_token = app
        .admin_get(&format!("/v1/admin/audit?token_id={id}"))
        .await;
    assert_eq!(by_token["events"].as_array().unwrap().len(), 1);
    let paged = app.admin_get("/v1/admin/audit?limit=2").await;
    assert_eq!(paged["events"].as_array().unwrap().len(), 2);
    let next = paged["next_after"].as_i64().unwrap();
    let rest = app
        .admin_get(&format!("/v1/admin/audit?after={next}"))
        .await;
    assert_eq!(rest["events"].as_array().unwrap().len(), 4);
}
on_every_backend!(every_action_leaves_its_event_and_no_value);

async fn verify_passes_after_a_busy_run_and_finds_each_kind_of_tampering(app: TestApp) {
    for _ in 0..3 {
        busy_run(&app).await;
    }
    let report = app.admin_get("/v1/admin/audit/verify").await;
    assert_eq!(report["ok"], true, "{report}");
    assert_eq!(report["events"], 18, "six events a run: {report}");

    // Edit one event's content.
    tamper(
        &app.db,
        "UPDATE audit_events SET details = '{}' \
         WHERE seq = (SELECT seq FROM audit_links WHERE tenant = 't-test' AND chain_index = 3)",
    )
    .await;
    let edited = app.admin_get("/v1/admin/audit/verify").await;
    assert_eq!(edited["ok"], false);
    assert_eq!(edited["problems"][0]["chain_index"], 3, "{edited}");
    assert_eq!(edited["problems"][0]["kind"], "edited_or_moved");
}
on_every_backend!(verify_passes_after_a_busy_run_and_finds_each_kind_of_tampering);

async fn a_deleted_event_is_found(app: TestApp) {
    busy_run(&app).await;
    app.admin_get("/v1/admin/audit/verify").await;
    // The event and its link, as a careful forger would.
    tamper(
        &app.db,
        "DELETE FROM audit_events \
         WHERE seq = (SELECT seq FROM audit_links WHERE tenant = 't-test' AND chain_index = 2)",
    )
    .await;
    tamper(
        &app.db,
        "DELETE FROM audit_links WHERE tenant = 't-test' AND chain_index = 2",
    )
    .await;
    let report = app.admin_get("/v1/admin/audit/verify").await;
    assert_eq!(report["ok"], false);
    assert_eq!(report["problems"][0]["kind"], "missing", "{report}");
    assert_eq!(report["problems"][0]["chain_index"], 2);
}
on_every_backend!(a_deleted_event_is_found);

async fn two_swapped_events_are_found(app: TestApp) {
    busy_run(&app).await;
    app.admin_get("/v1/admin/audit/verify").await;
    tamper(
        &app.db,
        "UPDATE audit_links SET chain_index = -1 WHERE tenant = 't-test' AND chain_index = 1",
    )
    .await;
    tamper(
        &app.db,
        "UPDATE audit_links SET chain_index = 1 WHERE tenant = 't-test' AND chain_index = 2",
    )
    .await;
    tamper(
        &app.db,
        "UPDATE audit_links SET chain_index = 2 WHERE tenant = 't-test' AND chain_index = -1",
    )
    .await;
    let report = app.admin_get("/v1/admin/audit/verify").await;
    assert_eq!(report["ok"], false);
    let places: Vec<i64> = report["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["chain_index"].as_i64().unwrap())
        .collect();
    assert!(places.contains(&1) && places.contains(&2), "{report}");
}
on_every_backend!(two_swapped_events_are_found);

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn on_postgres_the_service_role_cannot_update_or_delete_audit_events() {
    let Some(app) = crate::helpers::postgres_app().await else {
        return;
    };
    busy_run(&app).await;
    app.admin_get("/v1/admin/audit/verify").await;
    let Db::Postgres(pool) = &app.db else {
        unreachable!()
    };
    let update = sqlx::query("UPDATE audit_events SET details = '{}' WHERE tenant = 't-test'")
        .execute(pool)
        .await;
    let delete = sqlx::query("DELETE FROM audit_events WHERE tenant = 't-test'")
        .execute(pool)
        .await;
    let truncate = sqlx::query("TRUNCATE audit_events").execute(pool).await;
    assert!(update.unwrap_err().to_string().contains("append-only"));
    assert!(delete.is_err() && truncate.is_err());
    for sql in [
        "UPDATE audit_links SET chain_index = chain_index + 100 WHERE tenant = 't-test'",
        "DELETE FROM audit_links WHERE tenant = 't-test'",
        "TRUNCATE audit_links",
    ] {
        let refused = sqlx::query(sql).execute(pool).await;
        assert!(refused.is_err(), "{sql}");
    }
    assert_eq!(app.admin_get("/v1/admin/audit/verify").await["ok"], true);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn on_postgres_an_event_committed_after_later_ones_were_linked_is_still_linked() {
    let Some(app) = crate::helpers::postgres_app().await else {
        return;
    };
    let Db::Postgres(pool) = &app.db else {
        unreachable!()
    };
    // Arrange: a transaction writes an event (taking the lowest seq) and stays open while
    // later events are written and linked.
    let tenant = promptvault::tenant::TenantId::parse("t-test").unwrap();
    let audit = &app.state.audit;
    let late_event = audit.event(&tenant, "late", "req-late", "tokenize", &json!({}));
    let signed = audit.sign(late_event).await.unwrap();
    let mut late = pool.begin().await.unwrap();
    sqlx::query(
        "INSERT INTO audit_events (tenant, at, sub, action, outcome, request_id, details, mac) \
         VALUES ('t-test', $1, 'late', 'tokenize', 'ok', 'req-late', '{}', $2)",
    )
    .bind(signed.at)
    .bind(signed.mac)
    .execute(&mut *late)
    .await
    .unwrap();
    busy_run(&app).await;
    assert_eq!(app.state.audit.link().await.unwrap(), 6);

    // Act
    late.commit().await.unwrap();
    let report = app.admin_get("/v1/admin/audit/verify").await;

    // Assert: linked after the others, nothing left pending.
    assert_eq!(report["ok"], true, "{report}");
    assert_eq!(report["events"], 7, "{report}");
    assert_eq!(report["pending"], 0, "{report}");
    let page = app.admin_get("/v1/admin/audit?limit=10").await;
    let late_event = page["events"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["sub"] == "late")
        .cloned()
        .unwrap();
    assert_eq!(late_event["chain_index"], 7, "{page}");
    assert!(
        late_event["seq"].as_i64() < page["events"][1]["seq"].as_i64(),
        "it has the lowest seq: {page}"
    );
}

/// Someone holding only the database credentials inserts an event (no trigger forbids an
/// INSERT); the service's own chainer links it and signs the head, yet verify names it.
async fn a_row_inserted_without_the_service_is_reported_by_verify(app: TestApp) {
    busy_run(&app).await;
    let clean = app.admin_get("/v1/admin/audit/verify").await;
    assert_eq!(clean["ok"], true, "{clean}");
    let head = clean["events"].as_i64().unwrap();
    // A copy of a genuine event's fields, with its MAC, but other details.
    tamper(
        &app.db,
        "INSERT INTO audit_events (tenant, at, sub, action, outcome, request_id, details, mac) \
         SELECT tenant, at + 1, sub, action, outcome, request_id, '{\"revealed\":0}', mac \
         FROM audit_events WHERE tenant = 't-test' AND action = 'detokenize'",
    )
    .await;
    let report = app.admin_get("/v1/admin/audit/verify").await;
    assert_eq!(report["ok"], false, "{report}");
    assert_eq!(report["events"], head + 1, "it was linked: {report}");
    assert_eq!(report["problems"][0]["kind"], "not_written_by_the_service");
    assert_eq!(report["problems"][0]["chain_index"], head + 1, "{report}");
    // One without any MAC is named the same way.
    tamper(
        &app.db,
        "INSERT INTO audit_events (tenant, at, sub, action, outcome, request_id, details) \
         VALUES ('t-test', 1, 'nobody', 'detokenize', 'ok', 'req-x', '{}')",
    )
    .await;
    let report = app.admin_get("/v1/admin/audit/verify").await;
    let kinds: Vec<(&str, i64)> = report["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["kind"].as_str().unwrap(),
                p["chain_index"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        kinds,
        vec![
            ("not_written_by_the_service", head + 1),
            ("not_written_by_the_service", head + 2)
        ]
    );
}
on_every_backend!(a_row_inserted_without_the_service_is_reported_by_verify);

/// A forger who also writes the link (hashes need no key) extends the chain past its last
/// checkpoint, and verify says so.
async fn a_chain_extended_without_the_key_is_an_unsealed_tail(app: TestApp) {
    busy_run(&app).await;
    let head = app.admin_get("/v1/admin/audit/verify").await["events"]
        .as_i64()
        .unwrap();
    // The event and its link in one transaction, before the service's chainer sees it.
    tamper(
        &app.db,
        &format!(
            "BEGIN; \
             INSERT INTO audit_events (tenant, at, sub, action, outcome, request_id, details) \
             VALUES ('t-test', 1, 'nobody', 'detokenize', 'ok', 'req-x', '{{}}'); \
             INSERT INTO audit_links (tenant, chain_index, seq, prev_hash, hash) \
             SELECT 't-test', {next}, (SELECT MAX(seq) FROM audit_events), hash, hash \
             FROM audit_links WHERE tenant = 't-test' AND chain_index = {head}; \
             COMMIT;",
            next = head + 1
        ),
    )
    .await;
    let report = app.admin_get("/v1/admin/audit/verify").await;
    assert_eq!(report["ok"], false, "{report}");
    let kinds: Vec<&str> = report["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["kind"].as_str().unwrap())
        .collect();
    assert!(kinds.contains(&"unsealed_tail"), "{report}");
}
on_every_backend!(a_chain_extended_without_the_key_is_an_unsealed_tail);

/// Made-up ids that pass the check character cost a caller nothing to send; the audit
/// event counts them all but names only a few, so the permanent log does not grow by a
/// megabyte a call.
async fn made_up_ids_are_counted_not_all_recorded(app: TestApp) {
    let real = app.tokenize("mail ann@example.org").await;
    let mut rng = rand::rng();
    let made_up: Vec<String> = (0..5_000)
        .map(|_| {
            let id = promptvault::vault::TokenId::generate(&mut rng);
            format!("[EMAIL_{}]", id.as_str())
        })
        .collect();
    let text = format!("{real} {}", made_up.join(" "));
    let answer = app.post("/v1/detokenize", &json!({ "text": text })).await;
    assert_eq!(answer.body["unknown"], 5_000, "{}", answer.body["unknown"]);
    assert_eq!(answer.body["detokenized"], 1);
    let events = app.admin_get("/v1/admin/audit?action=detokenize").await;
    let details = &events["events"][0]["details"];
    assert_eq!(details["unknown"], 5_000);
    assert_eq!(
        details["token_ids"].as_array().unwrap().len(),
        1,
        "the real one"
    );
    assert_eq!(details["unknown_ids"].as_array().unwrap().len(), 16);
    assert!(
        details.to_string().len() < 2_000,
        "{}",
        details.to_string().len()
    );
}
on_every_backend!(made_up_ids_are_counted_not_all_recorded);
