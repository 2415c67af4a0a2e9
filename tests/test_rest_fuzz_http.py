"""Over real HTTP: no request answers a 5xx, whatever JSON it sends.

Walks every REST endpoint registered by the akimat packages (found in the component registry, as
plone.rest registers them) and PATCH of every content type of the demo site, ours and Plone's,
with wrong JSON types, null, a huge text, impossible dates, control characters, bodies that are no
JSON object and query strings of the same kinds. Each answer must be below 500; the failures are
listed at the end, each with what was sent. One set of objects (the demo site), one session of a
user holding every role, so that no permission stops a request before its checks; about a minute.
"""

from akimat.policy.testing import AKIMAT_ACCEPTANCE_TESTING
from plone import api
from plone.dexterity.utils import iterSchemata
from plone.restapi.testing import RelativeSession
from Products.CMFPlone.tests.utils import MockMailHost
from Products.MailHost.interfaces import IMailHost
from zope.component import getGlobalSiteManager
from zope.component import getSiteManager
from zope.schema import getFields

import json
import re
import transaction
import unittest


USER, PASSWORD = "fuzzer", "fuzzer-secret-123"
HUGE = "ж" * (1 << 19)  # 1 MB of UTF-8
WRONG_VALUES = (
    123,
    10**30,
    1.5,
    True,
    None,
    [],
    ["x", 1],
    [[1]],
    [{}],
    {},
    {"a": 1},
    {"token": []},
    {"@id": {}},
    {"data": 1, "encoding": "nonsense"},
    "",
    "abc",
    "2026-02-30",
    "9999-99-99",
    "99999999999999999999",
    "\x00",
    "\u202e",
)
BAD_BODIES = ("", "{", "[1, 2]", '"text"', "null", "123", "\x00")
BAD_PARAMETERS = (
    "abc",
    "-1",
    "2026-02-30",
    "99999999999999999999",
    "\x00",
    "x" * 65536,
)
# Query parameters our GET endpoints read (@search: indexes of each kind); the publisher's typed
# form fields, for any URL.
PARAMETERS = (
    "date",
    "add",
    "start",
    "end",
    "week",
    "date_from",
    "date_to",
    "source_kind",
    "executor",
    "control_category",
    "state",
    "preset",
    "b_start",
    "b_size",
    "sort_on",
    "sort_limit",
    "created",
    "path.depth",
    "is_folderish",
    "SearchableText",
    "review_state.operator",
)
TYPED_FIELDS = (
    "b_size:int",
    "x:long",
    "x:float",
    "x:date",
    "x:date_international",
    "x:required",
    "x:json",
)
SERVICE = re.compile(r"^(GET|POST|PATCH|PUT|DELETE)_application_json_(@.+)$")
# Renaming is no field of the deserializer; a rename would move the object from under the walk.
NOT_WALKED = {"id"}


def akimat_services():
    """(method, name, interface, factory) of every plone:service of the akimat packages."""
    for registration in getGlobalSiteManager().registeredAdapters():
        match = SERVICE.match(registration.name or "")
        # plone.rest registers a subclass of the service's factory
        factory = (
            registration.factory.__mro__[1]
            if isinstance(registration.factory, type)
            else None
        )
        if match and factory is not None and factory.__module__.startswith("akimat."):
            yield match.group(1), match.group(2), registration.required[0], factory


class TestNoServerErrors(unittest.TestCase):
    layer = AKIMAT_ACCEPTANCE_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        roles = [
            role
            for role in self.portal.validRoles()
            if role not in ("Anonymous", "Authenticated")
        ]
        api.user.create(username=USER, email="fuzzer@example.org", password=PASSWORD)
        with api.env.adopt_roles(["Manager"]):
            api.user.grant_roles(username=USER, roles=roles)
            api.content.create(
                container=self.portal,
                type="Document",
                id="fuzzed-page",
                title="Страница",
            )
        # @send-reminders mails, and would answer 503 with no mail server to reach
        self.portal.MailHost = MockMailHost("MailHost")
        getSiteManager(self.portal).registerUtility(
            self.portal.MailHost, provided=IMailHost
        )
        transaction.commit()
        self.session = RelativeSession(self.portal.absolute_url(), test=self)
        self.session.headers.update(
            {"Accept": "application/json", "Content-Type": "application/json"}
        )
        self.session.auth = (USER, PASSWORD)
        self.addCleanup(self.session.close)
        self.failures = []
        self.maxDiff = None

    def catalog(self, **query):
        return api.portal.get_tool("portal_catalog").unrestrictedSearchResults(**query)

    def check(self, response, sent):
        if response.status_code >= 500:
            self.failures.append(
                f"{response.request.method} {response.url[:200]} {sent[:200]!r} → "
                f"{response.status_code} {response.text[:300]!r}"
            )
        return response

    def sample(self, interface, method, name, keys):
        """The URL of endpoint `name` on an object providing `interface` — the site, or the first
        the catalog finds where a wrong JSON type of `keys` is refused, not the user."""
        if interface.providedBy(self.portal):
            return f"{self.portal.absolute_url()}/{name}"
        brains = self.catalog(object_provides=interface.__identifier__, sort_on="path")
        self.assertTrue(
            brains, f"no object provides {interface.__identifier__} in the demo site"
        )
        for brain in brains:
            url = f"{brain.getURL()}/{name}"
            if (
                not keys
                or self.send(method, url, {next(iter(keys)): [[]]}).status_code == 400
            ):
                return url
        self.fail(f"{method} {name}: refused on each object")

    def send(self, method, url, body):
        """`body` as JSON in UTF-8, or as it is when it is a str (a malformed body)."""
        data = body if isinstance(body, str) else json.dumps(body, ensure_ascii=False)
        return self.check(
            self.session.request(method, url, data=data.encode()), repr(body)
        )

    def test_no_endpoint_of_ours_answers_5xx_to_wrong_json(self):
        services = list(akimat_services())
        self.assertGreaterEqual(len(services), 15, services)
        for method, name, interface, factory in services:
            keys = getattr(
                factory, "keys", {}
            )  # the JSON keys it reads, as JsonAction declares them
            url = self.sample(interface, method, name, keys)
            if method == "GET":
                for parameter in PARAMETERS:
                    for value in BAD_PARAMETERS:
                        self.check(
                            self.session.get(url, params={parameter: value}),
                            f"{parameter}={value}",
                        )
                continue
            for body in BAD_BODIES:
                self.send(method, url, body)
            for key in keys:
                for value in (*WRONG_VALUES, HUGE):
                    self.send(method, url, {key: value})
        self.assertEqual(self.failures, [])

    def test_no_typed_form_field_answers_5xx(self):
        for path in ("/login", "/@search"):
            for field in TYPED_FIELDS:
                for value in BAD_PARAMETERS:
                    self.check(
                        self.session.get(
                            self.portal.absolute_url() + path, params={field: value}
                        ),
                        f"{field}={value}",
                    )
        self.assertEqual(self.failures, [])

    def test_no_content_type_answers_5xx_to_patch_with_wrong_json(self):
        types = api.portal.get_tool("portal_catalog").uniqueValuesFor("portal_type")
        self.assertIn("Document", types)
        samples = [
            self.catalog(portal_type=name, sort_on="path")[0]._unrestrictedGetObject()
            for name in types
        ]
        for obj in samples:
            url = obj.absolute_url()
            names = sorted(
                {name for schema in iterSchemata(obj) for name in getFields(schema)}
                - NOT_WALKED
            )
            for body in BAD_BODIES:
                self.send("PATCH", url, body)
            # A huge text spread over the fields: 1 MB a request
            for value in (*WRONG_VALUES, HUGE[: len(HUGE) // len(names)]):
                # All fields at once: plone.restapi deserializes each before it refuses any.
                if (
                    self.send("PATCH", url, dict.fromkeys(names, value)).status_code
                    >= 500
                ):
                    for name in names:  # which field
                        self.send("PATCH", url, {name: value})
            self.check(self.session.get(url), "GET after the walk")
        self.assertEqual(self.failures, [])
