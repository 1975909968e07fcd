"""A TAXII 2.1 server polled as a threat-intel platform polls it, with the OASIS client
(taxii2-client): discovery, the API root, its collections, one collection's objects since a time,
every page of another with a small limit (as_pages), one object, a manifest, and a wrong key.
Reads one JSON file naming the server, the key and what to poll; prints one JSON object with what
the client got, for the test to judge. Any exception the client raises is the finding."""
import json
import pathlib
import sys

import requests
from taxii2client.v21 import ApiRoot, Collection, Server, as_pages


class Bearer(requests.auth.AuthBase):
    """The other form the server takes: `Authorization: Bearer <key>` (taxii2-client's auth= hook)."""

    def __init__(self, key):
        self.key = key

    def __call__(self, request):
        request.headers["Authorization"] = f"Bearer {self.key}"
        return request


def status_of(call):
    try:
        call()
        return 200
    except requests.exceptions.HTTPError as error:
        return error.response.status_code


def poll(plan):
    # Basic: any user name, the key as the password, as requests' auth=(user, password) sends it.
    server = Server(plan["discovery"], user="opencti", password=plan["key"])
    root = server.default
    collections = {each.id: each for each in root.collections}
    indicators = collections[plan["indicators"]]
    since = indicators.get_objects(added_after=plan["since"])
    definitions = indicators.get_objects(type=["identity", "extension-definition"])
    campaign = collections[plan["campaign"]]
    pages = list(as_pages(campaign.get_objects, per_request=plan["limit"]))
    paged = [each for page in pages for each in page.get("objects", [])]
    one = campaign.get_object(paged[-1]["id"])
    manifest = campaign.get_manifest()
    bearer_root = ApiRoot(root.url, auth=Bearer(plan["key"]))
    wrong = Collection(campaign.url, user="opencti", password="not-a-key")
    return {
        "title": server.title,
        "apiRoots": [each.url for each in server.api_roots],
        "versions": root.versions,
        "collections": [
            {"id": each.id, "title": each.title, "canRead": each.can_read, "canWrite": each.can_write} for each in root.collections
        ],
        "since": since.get("objects", []),
        "sinceMore": since.get("more"),
        "definitions": definitions.get("objects", []),
        "pageSizes": [len(page.get("objects", [])) for page in pages],
        "paged": paged,
        "one": one.get("objects", []),
        "manifest": manifest.get("objects", []),
        "bearerTitle": bearer_root.title,
        "wrongKey": status_of(lambda: wrong.refresh()),
    }


if __name__ == "__main__":
    print(json.dumps([poll(json.loads(pathlib.Path(path).read_text())) for path in sys.argv[1:]]))
