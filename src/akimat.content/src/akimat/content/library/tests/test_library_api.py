"""The document library over plone.restapi, real HTTP: an integrator publishes a report with its
file in one POST and finds reports by facets and full text with @search (R9.10d, R9.3)."""

from akimat.content.testing import AKIMAT_CONTENT_FUNCTIONAL_TESTING
from akimat.content.tests.library import LibraryTestCase
from akimat.content.tests.rest import RestClient
from akimat.content.tests.samples import docx_bytes
from akimat.content.tests.samples import RUSSIAN

import base64
import transaction


FOLDER = "/library/akimat-to/economy"


def body(filename="budget.docx", data=None, **fields):
    values = {
        "@type": "Report",
        "title": "Отчёт об исполнении бюджета за 2 квартал 2026 года",
        "report_kind": "Отчёт об исполнении бюджета",
        "department": "economy",
        "period_kind": "quarter",
        "period": 2,
        "report_year": 2026,
        "file": {
            "data": base64.b64encode(data or docx_bytes(RUSSIAN)).decode(),
            "encoding": "base64",
            "filename": filename,
            "content-type": "application/octet-stream",
        },
    }
    values.update(fields)
    return values


class TestLibraryApi(RestClient, LibraryTestCase):
    layer = AKIMAT_CONTENT_FUNCTIONAL_TESTING

    def setUp(self):
        super().setUp()
        transaction.commit()

    def test_publish_in_one_post_and_find_by_facets_and_text(self):
        """R9.10d: the head's integration posts the report with its file, publishes it, and
        anyone finds it by department, year and a word inside the file."""
        created = self.post("economy-head", FOLDER, body())
        self.assertEqual(created.status_code, 201, created.text)
        url = created.json()["@id"]
        published = self.post("economy-head", f"{url}/@workflow/publish")
        self.assertEqual(published.status_code, 200, published.text)
        found = (
            self.session("press-officer")
            .get(
                "/@search",
                params={
                    "portal_type": "Report",
                    "department": "economy",
                    "report_year:int": 2026,
                    "period_kind": "quarter",
                    "SearchableText": "бюджетах",
                    "metadata_fields": ["report_period", "file_types"],
                },
            )
            .json()
        )
        self.assertEqual(found["items_total"], 1, found)
        self.assertEqual(
            (found["items"][0]["report_period"], found["items"][0]["file_types"]),
            (2, ["docx"]),
        )

    def test_bad_reports_are_400_with_the_reason(self):
        """R9.3, R9.10d: a restricted file, a file of another type or a second report of the
        period answer 400 with a JSON message; nothing is stored."""
        self.assertEqual(self.post("economy-head", FOLDER, body()).status_code, 201)
        # The link to the first report
        for bad, expected in (
            (
                body(restriction="dsp", report_kind="Другой"),
                "секретное делопроизводство",
            ),
            (body(filename="budget.exe", report_kind="Другой"), "PDF"),
            (body(), f"{FOLDER}/"),
        ):
            refused = self.post("economy-head", FOLDER, bad)
            self.assertEqual(refused.status_code, 400, refused.text)
            self.assertEqual(refused.json()["type"], "BadRequest")
            self.assertIn(expected, refused.json()["message"])
        transaction.begin()
        self.assertEqual(len(self.folders["economy"].objectIds()), 1)

    def test_other_departments_refused(self):
        """R9.10d: another department's head may not post into this folder."""
        refused = self.post("finance-head", FOLDER, body())
        self.assertIn(refused.status_code, (401, 403), refused.text)
