"""Fails unless every CTest test of the build runs with AWS_EC2_METADATA_DISABLED=true.

Without it, a test that finds no other credentials would reach the instance-metadata and container
addresses (169.254.169.254, 169.254.170.2); tests only ever talk to 127.0.0.1.

Usage: test_environment_check.py BINARY_DIR
"""
import json
import subprocess
import sys

WANTED = "AWS_EC2_METADATA_DISABLED=true"

listing = subprocess.run(["ctest", "--show-only=json-v1"], cwd=sys.argv[1], check=True,
                         capture_output=True, text=True).stdout
tests = json.loads(listing)["tests"]
missing = []
for test in tests:
    env = [value for prop in test.get("properties", []) if prop["name"] == "ENVIRONMENT"
           for value in prop["value"]]
    if WANTED not in env:
        missing.append(test["name"])
if len(tests) < 100:
    sys.exit(f"only {len(tests)} tests listed: the listing looks wrong")
if missing:
    sys.exit(f"{len(missing)} of {len(tests)} tests run without {WANTED}: " + ", ".join(missing[:20]))
print(f"all {len(tests)} tests run with {WANTED}")
