//! The documentation keeps up with the service: every route the OpenAPI document serves is
//! described in `docs/api.md`, every setting the configuration reads is in the README, and
//! no document points outside the repository (someone who clones it has nothing else).

use std::path::Path;

use serde_json::Value;

fn read(relative: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)).unwrap()
}

#[test]
fn every_route_of_the_openapi_document_is_in_the_api_reference() {
    let openapi: Value = serde_json::from_str(&read("src/api/openapi.json")).unwrap();
    let reference = read("docs/api.md");
    let mut routes = 0;
    for (path, operations) in openapi["paths"].as_object().unwrap() {
        for method in operations.as_object().unwrap().keys() {
            let route = format!("{} {path}", method.to_uppercase());
            assert!(
                reference.contains(&format!("`{route}`")),
                "docs/api.md does not describe {route}"
            );
            routes += 1;
        }
    }
    assert!(routes >= 20, "only {routes} routes read");
}

#[test]
fn every_setting_the_configuration_reads_is_in_the_readme() {
    let readme = read("README.md");
    let config = read("src/config.rs");
    let mut settings = 0;
    for (at, _) in config.match_indices("\"PROMPTVAULT_") {
        let name: String = config[at + 1..]
            .chars()
            .take_while(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || *c == '_')
            .collect();
        if name.ends_with('_') {
            continue; // the prefix itself
        }
        assert!(
            readme.contains(&format!("| {name} |")),
            "the README's configuration table lacks {name}"
        );
        settings += 1;
    }
    assert!(settings >= 20, "only {settings} settings read");
}

#[test]
fn no_document_points_outside_the_repository() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut documents = vec![root.join("README.md")];
    for folder in [
        "docs",
        "bench",
        "devset",
        "data/names",
        "migrations",
        "deploy",
    ] {
        for entry in std::fs::read_dir(root.join(folder)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "md") {
                documents.push(path);
            }
        }
    }
    assert!(documents.len() >= 5, "{documents:?}");
    for document in documents {
        let text = std::fs::read_to_string(&document).unwrap();
        for (line, content) in text.lines().enumerate() {
            assert!(
                !content.contains("../"),
                "{}:{} points outside the repository: {content}",
                document.display(),
                line + 1
            );
        }
    }
}
