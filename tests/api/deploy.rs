//! The Kubernetes manifests in deploy/k8s, validated against the Kubernetes schemas by
//! kubernetes-validate (from PyPI, installed by .ci/run) and checked for what a reviewer
//! looks for (tests/e2e/k8s_manifests.py).

use std::path::Path;
use std::process::Command;

#[test]
fn the_kubernetes_manifests_are_valid_and_locked_down() {
    let Some(python) = crate::process::sdk_python() else {
        return;
    };
    let has_validator = Command::new(&python)
        .args(["-c", "import kubernetes_validate, yaml"])
        .output()
        .is_ok_and(|out| out.status.success());
    if !has_validator {
        assert!(
            !crate::helpers::in_ci(),
            "CI needs kubernetes-validate in {}",
            python.display()
        );
        crate::helpers::skip(
            "no kubernetes-validate in the Python of .venv-e2e (.ci/run installs it)",
        );
        return;
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = Command::new(python)
        .arg(root.join("tests/e2e/k8s_manifests.py"))
        .arg(root.join("deploy/k8s"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "the manifests fail: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "ok");
}
