"""MISP events checked as a MISP instance would take them: PyMISP loads each event, each attribute
strictly (type, category), each object strictly on the template copied in schema/misp-objects/
(uuid, version, required attributes); then every object attribute against its template by hand
(relation, type, category). Prints one JSON object per file, with every problem found."""
import json
import logging
import pathlib
import sys
import warnings

import pymisp
from pymisp import MISPAttribute, MISPEvent, MISPObject

ROOT = pathlib.Path(__file__).resolve().parents[2]
TEMPLATES = ROOT / "schema" / "misp-objects"
DESCRIBE_TYPES = json.loads((pathlib.Path(pymisp.__file__).parent / "data" / "describeTypes.json").read_text())["result"]


def category_allowed(attribute_type, category):
    return attribute_type in DESCRIBE_TYPES["category_type_mappings"].get(category, [])


def template_problems(misp_object):
    path = TEMPLATES / misp_object["name"] / "definition.json"
    if not path.exists():
        return [f"object {misp_object['name']}: no template copied in schema/misp-objects"]
    template = json.loads(path.read_text())
    where = f"object {misp_object['name']} {misp_object['uuid']}"
    problems = []
    if misp_object.get("template_uuid") != template["uuid"]:
        problems.append(f"{where}: template_uuid {misp_object.get('template_uuid')} is not {template['uuid']}")
    if str(misp_object.get("template_version")) != str(template["version"]):
        problems.append(f"{where}: template_version {misp_object.get('template_version')} is not {template['version']}")
    if misp_object.get("meta-category") != template["meta-category"]:
        problems.append(f"{where}: meta-category {misp_object.get('meta-category')} is not {template['meta-category']}")
    relations = [attribute["object_relation"] for attribute in misp_object["Attribute"]]
    for attribute in misp_object["Attribute"]:
        relation = template["attributes"].get(attribute["object_relation"])
        if relation is None:
            problems.append(f"{where}: {attribute['object_relation']} is not an attribute of the template")
            continue
        if attribute["type"] != relation["misp-attribute"]:
            problems.append(f"{where}: {attribute['object_relation']} has type {attribute['type']}, the template says {relation['misp-attribute']}")
        allowed = relation.get("categories")
        if allowed and attribute["category"] not in allowed:
            problems.append(f"{where}: {attribute['object_relation']} has category {attribute['category']}, the template allows {allowed}")
        if not category_allowed(attribute["type"], attribute["category"]):
            problems.append(f"{where}: category {attribute['category']} does not take type {attribute['type']}")
        if relation.get("multiple") is not True and relations.count(attribute["object_relation"]) > 1:
            problems.append(f"{where}: {attribute['object_relation']} appears more than once")
    missing = [name for name in template.get("required", []) if name not in relations]
    if missing:
        problems.append(f"{where}: required {missing} missing")
    if template.get("requiredOneOf") and not set(template["requiredOneOf"]) & set(relations):
        problems.append(f"{where}: none of {template['requiredOneOf']} present")
    return problems


def copy(value):
    # PyMISP pops what it loads out of the dicts it is given.
    return json.loads(json.dumps(value))


def pymisp_problems(document):
    problems = []
    event = MISPEvent()
    event.load(copy(document))
    for attribute in document["Event"].get("Attribute", []):
        try:
            MISPAttribute(strict=True).from_dict(**copy(attribute))
        except Exception as error:
            problems.append(f"attribute {attribute.get('uuid')}: PyMISP: {error}")
    for misp_object in document["Event"].get("Object", []):
        try:
            loaded = MISPObject(misp_object["name"], strict=True, misp_objects_path_custom=TEMPLATES)
            loaded.from_dict(**copy(misp_object))
            loaded._validate()  # required / requiredOneOf, as MISP checks on save
            for attribute in misp_object["Attribute"]:
                MISPAttribute(strict=True).from_dict(**copy(attribute))
        except Exception as error:
            problems.append(f"object {misp_object.get('name')} {misp_object.get('uuid')}: PyMISP: {error}")
    if len(event.attributes) != len(document["Event"].get("Attribute", [])) or len(event.objects) != len(document["Event"].get("Object", [])):
        problems.append("PyMISP loaded a different number of attributes or objects")
    return problems


class Collect(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages = []

    def emit(self, record):
        self.messages.append(record.getMessage())


def check(path):
    document = json.loads(pathlib.Path(path).read_text())
    handler = Collect()
    logging.getLogger("pymisp").addHandler(handler)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        problems = pymisp_problems(document)
    logging.getLogger("pymisp").removeHandler(handler)
    problems += [f"PyMISP warned: {message}" for message in handler.messages]
    problems += [f"PyMISP warned: {warning.message}" for warning in caught]
    for misp_object in document["Event"].get("Object", []):
        problems += template_problems(misp_object)
    for attribute in document["Event"].get("Attribute", []):
        if not category_allowed(attribute["type"], attribute["category"]):
            problems.append(f"attribute {attribute['uuid']}: category {attribute['category']} does not take type {attribute['type']}")
    objects = document["Event"].get("Object", [])
    return {"file": path, "objects": len(objects), "attributes": len(document["Event"].get("Attribute", [])), "problems": problems}


if __name__ == "__main__":
    print(json.dumps([check(path) for path in sys.argv[1:]]))
