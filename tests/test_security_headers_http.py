"""Over real HTTP: every answer says `X-Content-Type-Options: nosniff` — the files people
download (reports', materials' and appeals' files, images, the DOCX and XLSX we make), pages,
REST, errors — so a browser never runs an uploaded file as a page or a script."""

from akimat.policy.demo import DEMO_PASSWORD
from akimat.policy.testing import AKIMAT_ACCEPTANCE_TESTING
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.namedfile.file import NamedBlobImage

import base64
import requests
import transaction
import unittest


ADMIN = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)


class TestNosniff(unittest.TestCase):
    layer = AKIMAT_ACCEPTANCE_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        self.url = self.portal.absolute_url()

    def first(self, portal_type):
        with api.env.adopt_roles(["Manager"]):
            return api.content.find(
                context=self.portal, portal_type=portal_type, sort_limit=1
            )[0].getObject()

    def assert_nosniff(self, url, auth=ADMIN, status=200, **kwargs):
        with self.subTest(url=url):
            response = requests.get(
                url, auth=auth, allow_redirects=False, timeout=60, **kwargs
            )
            self.assertEqual(response.status_code, status)
            self.assertEqual(response.headers.get("X-Content-Type-Options"), "nosniff")

    def test_downloads_say_nosniff(self):
        with api.env.adopt_roles(["Manager"]):
            image = api.content.create(
                container=self.portal,
                type="Image",
                id="nosniff-image",
                title="Image",
                image=NamedBlobImage(data=PNG, filename="pixel.png"),
            )
        transaction.commit()
        report, material, act = (
            self.first("Report"),
            self.first("Material"),
            self.first("Act"),
        )
        for url in (
            f"{report.absolute_url()}/@@download/file",
            f"{report.absolute_url()}/@@display-file/file",
            f"{material.absolute_url()}/@@download/file",
            f"{image.absolute_url()}/@@images/image",
            f"{image.absolute_url()}/@@images/image/thumb",
            f"{image.absolute_url()}/@@download/image",
            f"{act.absolute_url()}/@@print.docx",
            f"{self.url}/@@control-list.xlsx",
        ):
            self.assert_nosniff(url)

    def test_pages_rest_and_errors_say_nosniff(self):
        self.assert_nosniff(f"{self.url}/login", auth=None)
        self.assert_nosniff(f"{self.url}/meetings", auth=("petrova", DEMO_PASSWORD))
        self.assert_nosniff(
            f"{self.url}/++api++/meetings",
            auth=("petrova", DEMO_PASSWORD),
            headers={"Accept": "application/json"},
        )
        self.assert_nosniff(f"{self.url}/no-such-page", status=404)
        self.assert_nosniff(f"{self.url}/meetings", auth=None, status=302)
