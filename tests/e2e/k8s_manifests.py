"""The Kubernetes manifests in deploy/k8s (run by tests/api/deploy.rs): each validates
against the Kubernetes schemas (kubernetes-validate, strict: no unknown field), the
kustomization lists every manifest, and the properties a reviewer looks for hold.
Prints "ok" or exits non-zero naming what is wrong."""

import pathlib
import sys

import kubernetes_validate
import yaml

VERSIONS = ["1.31.0", "1.37.0"]
HERE = pathlib.Path(sys.argv[1])
problems = []


def need(condition, what):
    if not condition:
        problems.append(what)


docs = {}
for path in sorted(HERE.glob("*.yaml")):
    for doc in yaml.safe_load_all(path.read_text()):
        if doc is None:
            continue
        if path.name == "kustomization.yaml":
            docs["Kustomization"] = doc
            continue
        for version in VERSIONS:
            try:
                kubernetes_validate.validate(doc, version, strict=True)
            except kubernetes_validate.ValidationError as err:
                problems.append(f"{path.name} ({version}): {err.message}")
        docs[doc["kind"]] = doc

listed = set(docs.get("Kustomization", {}).get("resources", []))
files = {p.name for p in HERE.glob("*.yaml") if p.name != "kustomization.yaml"}
need(listed == files, f"kustomization resources {sorted(listed)} != files {sorted(files)}")

for kind in ["Deployment", "Service", "HorizontalPodAutoscaler", "PodDisruptionBudget",
             "Job", "NetworkPolicy", "ConfigMap"]:
    need(kind in docs, f"no {kind}")

deployment = docs.get("Deployment", {})
pod = deployment.get("spec", {}).get("template", {}).get("spec", {})
need(deployment.get("spec", {}).get("replicas", 0) >= 2, "the Deployment runs one replica")
need(pod.get("securityContext", {}).get("runAsNonRoot") is True, "pods may run as root")
pod_security = pod.get("securityContext", {})
# The service accepts a group-readable key file only from its own (effective) group, and
# Kubernetes makes the Secret's group the fsGroup: the two must be the same.
need(pod_security.get("fsGroup") is not None
     and pod_security.get("runAsGroup") == pod_security.get("fsGroup"),
     "runAsGroup is not the fsGroup: the service would refuse the mounted root key")
container = (pod.get("containers") or [{}])[0]
security = container.get("securityContext", {})
need(security.get("readOnlyRootFilesystem") is True, "the root filesystem is writable")
need(security.get("allowPrivilegeEscalation") is False, "privilege escalation is allowed")
need(security.get("capabilities", {}).get("drop") == ["ALL"], "capabilities are kept")
need(container.get("livenessProbe", {}).get("httpGet", {}).get("path") == "/healthz",
     "liveness is not /healthz")
need(container.get("readinessProbe", {}).get("httpGet", {}).get("path") == "/readyz",
     "readiness is not /readyz")
volumes = {v["name"]: v for v in pod.get("volumes", [])}
root = volumes.get("root-key", {}).get("secret", {})
need(root.get("defaultMode") == 0o400, "the root key Secret is not mode 0400")
mounts = {m["name"]: m for m in container.get("volumeMounts", [])}
need(mounts.get("root-key", {}).get("readOnly") is True, "the root key is mounted writable")
env = container.get("env", [])
need(any(e.get("name") == "PROMPTVAULT_DATABASE_URL" and "secretKeyRef" in e.get("valueFrom", {})
         for e in env), "the database URL does not come from a Secret")

job = docs.get("Job", {}).get("spec", {}).get("template", {}).get("spec", {})
need((job.get("containers") or [{}])[0].get("args") == ["migrate"], "the Job does not migrate")
hpa = docs.get("HorizontalPodAutoscaler", {}).get("spec", {})
need(hpa.get("minReplicas", 0) >= 2, "the autoscaler may go down to one replica")
pdb = docs.get("PodDisruptionBudget", {}).get("spec", {})
need(pdb.get("minAvailable", 0) >= 1, "the disruption budget allows no replica")
policy = docs.get("NetworkPolicy", {}).get("spec", {})
need(set(policy.get("policyTypes", [])) == {"Ingress", "Egress"},
     "the NetworkPolicy does not restrict both directions")

if problems:
    sys.exit("\n".join(problems))
print("ok")
