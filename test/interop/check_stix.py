"""The OASIS tools on STIX bundles, as a peer would run them: stix2-validator (errors and warnings,
each warning with its code), the stix2 library's parse, and every extension's properties against
the JSON schema its extension-definition names in this repository. Prints one JSON object per file."""
import json
import pathlib
import re
import sys

import stix2
from jsonschema import Draft202012Validator
from stix2validator import ValidationOptions, validate_instance

ROOT = pathlib.Path(__file__).resolve().parents[2]
CODE = re.compile(r"^(?P<id>\S+): \{(?P<code>\d+)\} ")


def extension_problems(bundle):
    # The definition says where its schema is: "... in the scamgraph repository: schema/stix/<file>.json".
    validators = {
        each["id"]: Draft202012Validator(json.loads((ROOT / each["schema"].rsplit(": ", 1)[1]).read_text()))
        for each in bundle["objects"]
        if each["type"] == "extension-definition"
    }
    problems = []
    for each in bundle["objects"]:
        for key, properties in each.get("extensions", {}).items():
            if key not in validators:
                problems.append(f"{each['id']}: extension {key} is not defined in the bundle")
                continue
            problems += [f"{each['id']}: {key}: {error.message}" for error in validators[key].iter_errors(properties)]
    return problems


def check(path):
    text = pathlib.Path(path).read_text()
    bundle = json.loads(text)
    results = validate_instance(bundle, ValidationOptions(version="2.1"))
    warnings = []
    for warning in results.warnings:
        match = CODE.match(warning)
        warnings.append({"id": match["id"] if match else None, "code": match["code"] if match else None, "message": warning})
    try:
        parsed = stix2.parse(text, allow_custom=True)
        parse_error = None if len(parsed.objects) == len(bundle["objects"]) else "stix2 parsed a different number of objects"
    except Exception as error:  # the library's own message is the finding
        parse_error = f"{type(error).__name__}: {error}"
    return {
        "file": path,
        "objects": len(bundle["objects"]),
        "errors": [str(error) for error in results.errors],
        "warnings": warnings,
        "parseError": parse_error,
        "extensionProblems": extension_problems(bundle),
    }


if __name__ == "__main__":
    print(json.dumps([check(path) for path in sys.argv[1:]]))
