//! Detection where the words around a value are gone or unusual: tables, settings, code,
//! chats and contact lists, over HTTP; and the quality on the test part of the dev corpus
//! (`devset/test.jsonl`, never tuned on), held to the levels the README reports.

use std::collections::BTreeMap;
use std::path::Path;

use promptvault::detect::Detector;
use promptvault::evaluate::{predict, score, CorpusRecord, TypeScore};

use crate::helpers::{holds_value, sqlite_app};

/// A prompt of the kinds the issue lists, and the values in it that must not reach the
/// provider.
const STRUCTURED_PROMPT: &str = "\
Payroll export:
name,ssn,phone,card
oluwaseun adeyemi,078051120,612 345 678,3782 822463 10005
MARIA GARCIA,219-09-9999,07700 900123,4222 222 222 222

| Nombre | Teléfono | IBAN |
|---|---|---|
| Thandiwe Nkosi | 912345678 | nl91abna0417164300 |

INSERT INTO crm (id, full_name, social) VALUES (1, 'Okafor, Chinedu', '123456789');

[{\"employee_name\": \"Wanjiru Kamau\", \"cc\": \"6011-0009-9013-9424\"}]

[10:42] Sipho Dlamini: the guest wifi password is Tr0ub4dor&3
[10:43] Ngozi Eze: ok

machine git.example.com login deploy password 2uxhncadBk18TKmTx3uF
conn = DriverManager.getConnection(url, \"etl\", \"L3tM3In!23\");
Contacts:
Aigerim Bekova – +44 20 7946 0958
";

const VALUES: &[&str] = &[
    "oluwaseun adeyemi",
    "078051120",
    "612 345 678",
    "3782 822463 10005",
    "MARIA GARCIA",
    "219-09-9999",
    "07700 900123",
    "4222 222 222 222",
    "Thandiwe Nkosi",
    "912345678",
    "nl91abna0417164300",
    "Okafor, Chinedu",
    "123456789",
    "Wanjiru Kamau",
    "6011-0009-9013-9424",
    "Sipho Dlamini",
    "Tr0ub4dor&3",
    "Ngozi Eze",
    "2uxhncadBk18TKmTx3uF",
    "L3tM3In!23",
    "Aigerim Bekova",
    "+44 20 7946 0958",
];

#[tokio::test]
async fn values_in_tables_settings_code_and_chats_do_not_reach_the_provider() {
    // Arrange
    let app = sqlite_app().await;

    // Act
    let tokenized = app.tokenize(STRUCTURED_PROMPT).await;

    // Assert
    for value in VALUES {
        assert!(
            !holds_value(&tokenized, value),
            "{value} leaked:\n{tokenized}"
        );
    }
    for kept in [
        "Payroll export",
        "INSERT INTO crm",
        "DriverManager.getConnection",
    ] {
        assert!(
            tokenized.contains(kept),
            "{kept} was tokenized:\n{tokenized}"
        );
    }
}

#[tokio::test]
async fn names_in_place_columns_chats_and_sentences_are_told_apart_over_http() {
    // Arrange: a place column (vetoed), a chat pasted without times, a given name in a
    // sentence, an initial, and passwords told the ways people tell them.
    let app = sqlite_app().await;
    let prompt = "\
| Name | Office | Phone |
|---|---|---|
| Hetal Patel | Lincoln | +44 20 7946 0011 |
| Tariq Haddad | Florence | +39 055 123 4567 |

tobi: wer hat das deployment gestern gemacht?
selin: glaub jonas war das, frag mal
tobi: ok ich schreib ihm gleich

can you try the staging db again, Dan rotated it yesterday. I reset the password to vR4#pq8!Zx.
Teilnehmer: A. Schulze, Fatma Aydin
'password' => env('DB_PASSWORD', 'L4ravel-Forge-Def'),
";

    // Act
    let tokenized = app.tokenize(prompt).await;

    // Assert
    for value in [
        "Hetal Patel",
        "Tariq Haddad",
        "+44 20 7946 0011",
        // Short names with their neighbours, so that no token's random letters match.
        "tobi:",
        "selin:",
        "Dan rotated",
        "vR4#pq8!Zx",
        "A. Schulze",
        "Fatma Aydin",
        "L4ravel-Forge-Def",
    ] {
        assert!(
            !holds_value(&tokenized, value),
            "{value} leaked:\n{tokenized}"
        );
    }
    for place in ["| Lincoln |", "| Florence |"] {
        assert!(
            tokenized.contains(place),
            "{place} was tokenized:\n{tokenized}"
        );
    }
}

#[tokio::test]
async fn secrets_without_their_word_and_names_in_lower_case_are_tokenized_over_http() {
    // Arrange: a password told by its shape, Bearer and Basic credentials in code and
    // config, names after a title, a role label, a greeting in lower case; and beside
    // them a storm, a chain's name in its column, a book number and a part number.
    let app = sqlite_app().await;
    let prompt = r#"hi thomas, the isp tech changed the router login to Tr0ub4dor&Sky for now.
request.setHeader("Authorization", "Bearer q8ZrT2vLm4XwP9sK7dN3bH6c");
proxy_set_header Authorization "Basic bW9uaXRvcjpHcjRmYW5hI09wcw==";
Treasurer: Dafydd Llywelyn
Report from Dr. Sipho Ndlovu attached.
Storm Ciarán closed the depot; see "Designing Data-Intensive Applications" 978-1-4493-7332-0.
cadena;restaurantes
Burger King;395
Carl's Jr.;310
P/N 310-42-7781 bearing kit
"#;

    // Act
    let tokenized = app.tokenize(prompt).await;

    // Assert
    for value in [
        "thomas,",
        "Tr0ub4dor&Sky",
        "q8ZrT2vLm4XwP9sK7dN3bH6c",
        "bW9uaXRvcjpHcjRmYW5hI09wcw==",
        "Dafydd Llywelyn",
        "Sipho Ndlovu",
    ] {
        assert!(
            !holds_value(&tokenized, value),
            "{value} leaked:\n{tokenized}"
        );
    }
    for kept in [
        "Storm Ciarán",
        "978-1-4493-7332-0",
        "Burger King;395",
        "P/N 310-42-7781",
    ] {
        assert!(
            tokenized.contains(kept),
            "{kept} was tokenized:\n{tokenized}"
        );
    }
}

#[tokio::test]
async fn a_clean_prompt_with_look_alikes_is_left_as_it_is() {
    // Arrange
    let app = sqlite_app().await;
    let prompt =
        "sku,name,price\nART-253621,Kindle Paperwhite,735.76\nART-253622,Nespresso Vertuo,12.00\n\
        Trip on June 11, 2024: flight LH 1036 lands Florence 17:22, then San Sebastián.\n\
        We prefer Ralph Lauren over Hugo Boss. Ticket INV-2024-00017, build 10.0.19045.1, \
        card 4111 1111 1111 1112 (invalid), order 550e8400-e29b-41d4-a716-446655440000.\n\
        8 x Reisekosten  150,00 €  1.200,00 €\nSep  7 04:54:51 bastion sshd[94491]: Failed";

    // Act
    let tokenized = app.tokenize(prompt).await;

    // Assert
    assert_eq!(tokenized, prompt);
}

/// Per-type scores of the detector on a labelled corpus, and how many of its clean
/// prompts got any finding.
fn evaluate(path: &Path) -> (BTreeMap<String, TypeScore>, usize, usize) {
    let raw = std::fs::read_to_string(path).expect("the dev corpus is in the repository");
    let detector = Detector::new();
    let mut scores = BTreeMap::new();
    let (mut clean, mut flagged) = (0, 0);
    for line in raw.lines().filter(|l| !l.trim().is_empty()) {
        let record: CorpusRecord = serde_json::from_str(line).expect("a corpus record");
        let predicted = predict(&detector, &record).entities;
        if record.entities.is_empty() {
            clean += 1;
            flagged += usize::from(!predicted.is_empty());
        }
        score(&record.entities, &predicted, &mut scores);
    }
    (scores, clean, flagged)
}

#[test]
fn the_test_part_of_the_dev_corpus_keeps_its_reported_quality() {
    // Arrange
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("devset/test.jsonl");

    // Act
    let (scores, clean, flagged) = evaluate(&path);

    // Assert: the README's figures, with a little room (the test part was never tuned on;
    // this guards against regressions, it does not chase a number).
    let most_leak = |kind: &str| match kind {
        "PERSON" => 0.07,
        "PHONE" => 0.02,
        "SECRET" => 0.032,
        _ => 0.01,
    };
    let mut total = TypeScore::default();
    for (kind, s) in &scores {
        assert!(
            s.leak_rate() <= most_leak(kind),
            "{kind} leaks {:.4}",
            s.leak_rate()
        );
        assert!(
            s.precision() >= 0.97,
            "{kind} precision {:.4}",
            s.precision()
        );
        total.support += s.support;
        total.true_positives += s.true_positives;
        total.false_positives += s.false_positives;
        total.false_negatives += s.false_negatives;
    }
    assert!(total.f1() >= 0.978, "micro F1 {:.4}", total.f1());
    assert!(clean >= 200, "{clean} clean prompts");
    assert!(
        flagged * 100 <= clean * 3,
        "{flagged} of {clean} clean prompts got a finding"
    );
}

#[test]
fn the_hand_written_probes_keep_what_was_won_on_them() {
    // Arrange: three sets written by hand elsewhere, tuned on this far (devset/probes).
    let probes = Path::new(env!("CARGO_MANIFEST_DIR")).join("devset/probes");

    // Act
    let (secrets_and_phones, _, _) = evaluate(&probes.join("secret_phone.jsonl"));
    let (people, clean, flagged) = evaluate(&probes.join("person.jsonl"));
    let (_, negatives, negatives_flagged) = evaluate(&probes.join("negatives.jsonl"));

    // Assert: the README's figures with a little room.
    let secret = &secrets_and_phones["SECRET"];
    assert!(
        secret.leak_rate() <= 0.035,
        "SECRET leaks {:.4}",
        secret.leak_rate()
    );
    assert!(
        secret.precision() >= 0.97,
        "SECRET precision {:.4}",
        secret.precision()
    );
    let phone = &secrets_and_phones["PHONE"];
    assert!(
        phone.leak_rate() <= 0.02,
        "PHONE leaks {:.4}",
        phone.leak_rate()
    );
    assert!(
        phone.precision() >= 0.95,
        "PHONE precision {:.4}",
        phone.precision()
    );
    let person = &people["PERSON"];
    assert!(
        person.leak_rate() <= 0.13,
        "PERSON leaks {:.4}",
        person.leak_rate()
    );
    assert!(
        person.precision() >= 0.955,
        "PERSON precision {:.4}",
        person.precision()
    );
    assert!(
        flagged * 100 <= clean * 40,
        "{flagged} of {clean} clean prompts got a finding"
    );
    // Hard negatives only: brands, storms, eponyms, part numbers, placeholders.
    assert_eq!(negatives, 200, "{negatives} prompts without a value");
    assert!(
        negatives_flagged * 100 <= negatives * 10,
        "{negatives_flagged} of {negatives} hard-negative prompts got a finding"
    );
}
