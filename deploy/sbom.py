"""The SBOM's two steps after cargo-cyclonedx (deploy/sbom.sh runs the first, .ci/run
the second):

    python deploy/sbom.py complete BUILT.json Cargo.lock OUT.json
        adds every package of Cargo.lock that cargo-cyclonedx did not list (those only
        tests and benchmarks use) with scope "excluded";
    python deploy/sbom.py check SBOM.json Cargo.lock
        validates the document against the CycloneDX 1.5 schema (strict, with
        cyclonedx-python-lib's bundled schemas, no network) and checks that every package
        of Cargo.lock is listed. Exits 1 naming what is wrong.
"""
import json
import re
import sys


def locked(lock_path: str) -> set:
    """(name, version) of every package of the lock file."""
    text = open(lock_path, encoding="utf-8").read()
    return set(re.findall(r'\[\[package\]\]\nname = "([^"]+)"\nversion = "([^"]+)"', text))


def listed(bom: dict) -> set:
    """(name, version) of the document's component and every component below it."""
    found = set()

    def walk(components):
        for component in components:
            found.add((component["name"], component.get("version")))
            walk(component.get("components", []))

    walk(bom.get("components", []))
    meta = bom["metadata"]["component"]
    found.add((meta["name"], meta.get("version")))
    return found


def complete(built: str, lock: str, out: str) -> int:
    bom = json.load(open(built, encoding="utf-8"))
    for name, version in sorted(locked(lock) - listed(bom)):
        bom.setdefault("components", []).append({
            "type": "library",
            "bom-ref": f"pkg:cargo/{name}@{version}",
            "name": name,
            "version": version,
            "scope": "excluded",
            "purl": f"pkg:cargo/{name}@{version}",
            "description": "used only by tests or benchmarks; not in the service's binary",
        })
    json.dump(bom, open(out, "w", encoding="utf-8"), indent=2)
    return 0


def check(sbom: str, lock: str) -> int:
    from cyclonedx.schema import SchemaVersion
    from cyclonedx.validation.json import JsonStrictValidator

    text = open(sbom, encoding="utf-8").read()
    error = JsonStrictValidator(SchemaVersion.V1_5).validate_str(text)
    if error is not None:
        print(f"not valid CycloneDX 1.5: {error}")
        return 1
    bom = json.loads(text)
    packages = locked(lock)
    missing = sorted(packages - listed(bom))
    if missing or len(packages) < 100:
        print(f"{len(missing)} of {len(packages)} packages of Cargo.lock are not listed: {missing[:10]}")
        return 1
    shipped = sum(1 for c in bom["components"] if c.get("scope") != "excluded")
    print(f"SBOM ok: CycloneDX 1.5, {len(packages)} packages of Cargo.lock listed, {shipped} in the build")
    return 0


if __name__ == "__main__":
    commands = {"complete": complete, "check": check}
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        print(__doc__)
        sys.exit(2)
    sys.exit(commands[sys.argv[1]](*sys.argv[2:]))
