"""Checks the SBOM deploy/sbom.sh wrote: valid CycloneDX 1.5 JSON (strict schema, from
cyclonedx-python-lib's bundled schemas, no network), and every package of Cargo.lock
listed by name and version. Exits 1 naming what is wrong.

    python tests/e2e/check_sbom.py target/sbom/promptvault.cdx.json Cargo.lock
"""
import json
import re
import sys

from cyclonedx.schema import SchemaVersion
from cyclonedx.validation.json import JsonStrictValidator


def main(sbom_path: str, lock_path: str) -> int:
    text = open(sbom_path, encoding="utf-8").read()
    error = JsonStrictValidator(SchemaVersion.V1_5).validate_str(text)
    if error is not None:
        print(f"not valid CycloneDX 1.5: {error}")
        return 1
    bom = json.loads(text)
    listed = set()

    def walk(components):
        for component in components:
            listed.add((component["name"], component.get("version")))
            walk(component.get("components", []))

    walk(bom.get("components", []))
    meta = bom["metadata"]["component"]
    listed.add((meta["name"], meta.get("version")))
    lock = open(lock_path, encoding="utf-8").read()
    packages = set(re.findall(r'\[\[package\]\]\nname = "([^"]+)"\nversion = "([^"]+)"', lock))
    missing = sorted(packages - listed)
    if missing or len(packages) < 100:
        print(f"{len(missing)} of {len(packages)} packages of Cargo.lock are not listed: {missing[:10]}")
        return 1
    shipped = sum(1 for c in bom["components"] if c.get("scope") != "excluded")
    print(f"SBOM ok: CycloneDX 1.5, {len(packages)} packages of Cargo.lock listed, {shipped} in the build")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
