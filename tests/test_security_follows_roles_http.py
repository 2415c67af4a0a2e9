"""Over real HTTP, on the demo site: who may see a document follows the fields its local roles are
computed from, through every door — the object, @search, @querystring-search, the catalog
vocabulary of the related-items widgets, the live search and the site search — in the same
request that changes them (R13.2, R10, A6.5; DESIGN.md «Roles and permissions»)."""

from akimat.policy.demo import DEMO_PASSWORD
from akimat.policy.testing import AKIMAT_ACCEPTANCE_TESTING
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.app.textfield.value import RichTextValue
from z3c.relationfield import RelationValue
from zope.component import getUtility
from zope.intid.interfaces import IIntIds

import json
import requests
import transaction
import unittest


APPEALS_OFFICER = "kim"
ECONOMIST, FINANCIER, HR = "tursynbayev", "kozlov", "musina"  # economy, finance, hr
ODK = "petrova"


class SecurityTestCase(unittest.TestCase):
    layer = AKIMAT_ACCEPTANCE_TESTING

    def setUp(self):
        self.url = self.layer["portal"].absolute_url()
        self.sessions = {}

    def tearDown(self):
        for session in self.sessions.values():
            session.close()

    def session(self, login):
        if login not in self.sessions:
            session = self.sessions[login] = requests.Session()
            session.auth = (
                login,
                SITE_OWNER_PASSWORD if login == SITE_OWNER_NAME else DEMO_PASSWORD,
            )
            session.headers["Accept"] = "application/json"
        return self.sessions[login]

    def rest(self, login, method, path, body=None):
        url = path if path.startswith("http") else f"{self.url}/++api++{path}"
        return self.session(login).request(method, url, json=body, timeout=60)

    def doors(self, login, uid, path, word):
        """What `login` finds of the document (its UID, path, a word of its title) at each door."""
        session = self.session(login)
        found = {}
        found["object"] = self.rest(login, "GET", path).status_code == 200
        search = self.rest(
            login, "GET", f"/@search?SearchableText={word}&UID={uid}"
        ).json()
        found["@search"] = search.get("items_total", 0) > 0
        query = {
            "query": [
                {
                    "i": "UID",
                    "o": "plone.app.querystring.operation.selection.any",
                    "v": [uid],
                }
            ]
        }
        found["@querystring-search"] = (
            self.rest(login, "POST", "/@querystring-search", query)
            .json()
            .get("items_total", 0)
            > 0
        )
        vocabulary = session.get(
            f"{self.url}/@@getVocabulary",
            params={
                "name": "plone.app.vocabularies.Catalog",
                "query": json.dumps(
                    {
                        "criteria": [
                            {
                                "i": "UID",
                                "o": "plone.app.querystring.operation.selection.any",
                                "v": [uid],
                            }
                        ]
                    }
                ),
                "attributes": json.dumps(["UID", "Title", "path"]),
            },
            headers={"Accept": "application/json"},
            timeout=60,
        )
        found["vocabulary"] = uid in vocabulary.text
        live = session.get(
            f"{self.url}/@@ajax-search", params={"SearchableText": word}, timeout=60
        )
        found["live search"] = path in live.text or uid in live.text
        site_search = session.get(
            f"{self.url}/@@search",
            params={"SearchableText": word},
            headers={"Accept": "text/html"},
            timeout=60,
        )
        found["site search"] = path in site_search.text
        return found

    def assert_finds(self, login, document, word, expected):
        found = self.doors(login, document["UID"], document["@id"], word)
        self.assertEqual(found, dict.fromkeys(found, expected), f"{login}: {found}")


class TestAppealFollowsItsAssignments(SecurityTestCase):
    def test_executors_moved_away_find_nothing_and_the_new_ones_find_it(self):
        """R13.2: the executors of an appeal's assignments read it — the ones given it over REST
        (@assign), not the ones it was taken from (PATCH), nor anybody once it is deleted."""
        appeal = self.rest(
            APPEALS_OFFICER,
            "POST",
            "/appeals",
            {
                "@type": "Appeal",
                "kind": "appeal",
                "title": "О ремонте моста через Арысь",
                "substance": "Прошу отремонтировать мост.",
                "channel": "letter",
                "received_at": "2026-12-01T11:00:00+05:00",
                "applicant_name": "Жанибеков Ерлан",
            },
        ).json()
        self.assertEqual(
            self.rest(
                APPEALS_OFFICER, "POST", f"{appeal['@id']}/@workflow/register"
            ).status_code,
            200,
        )
        word = "Арысь"
        self.assert_finds(ECONOMIST, appeal, word, False)

        assignment = self.rest(
            APPEALS_OFFICER,
            "POST",
            f"{appeal['@id']}/@assign",
            {"executors": ["economy"]},
        )
        self.assertEqual(assignment.status_code, 201, assignment.text)
        assignment = assignment.json()
        self.assert_finds(ECONOMIST, appeal, word, True)
        self.assert_finds(FINANCIER, appeal, word, False)

        patched = self.rest(
            APPEALS_OFFICER, "PATCH", assignment["@id"], {"lead_executor": "finance"}
        )
        self.assertEqual(patched.status_code, 204, patched.text)
        self.assert_finds(ECONOMIST, appeal, word, False)
        self.assert_finds(FINANCIER, appeal, word, True)

        self.assertEqual(
            self.rest(SITE_OWNER_NAME, "DELETE", assignment["@id"]).status_code, 204
        )
        self.assert_finds(FINANCIER, appeal, word, False)

    def test_an_addressee_changed_no_longer_finds_the_appeal(self):
        """R13.2, R13.8: the official an appeal is addressed to reads it; another official, once
        it is readdressed to him, instead."""
        appeal = self.rest(
            APPEALS_OFFICER,
            "POST",
            "/appeals",
            {
                "@type": "Appeal",
                "kind": "appeal",
                "title": "О вывозе снега в Кошкарате",
                "substance": "Прошу организовать вывоз снега.",
                "channel": "letter",
                "addressee": "abdrakhmanov",
                "received_at": "2026-12-01T11:00:00+05:00",
                "applicant_name": "Сейітов Бақыт",
            },
        ).json()
        self.assert_finds("abdrakhmanov", appeal, "Кошкарате", True)
        self.rest(APPEALS_OFFICER, "PATCH", appeal["@id"], {"addressee": "kuznetsova"})
        self.assert_finds("abdrakhmanov", appeal, "Кошкарате", False)
        self.assert_finds("kuznetsova", appeal, "Кошкарате", True)

    def test_the_appeal_page_refuses_an_assignment_before_registration(self):
        """R13.6, R13.8: over REST as on the page, an appeal is assigned once registered, to
        executors that exist: a 400 saying why, and nothing is given."""
        appeal = self.rest(
            APPEALS_OFFICER,
            "POST",
            "/appeals",
            {
                "@type": "Appeal",
                "kind": "appeal",
                "title": "О ремонте школы",
                "substance": "Крыша течёт.",
                "channel": "letter",
                "received_at": "2026-12-01T11:00:00+05:00",
                "applicant_name": "Омаров Али",
            },
        ).json()
        refused = self.rest(
            APPEALS_OFFICER,
            "POST",
            f"{appeal['@id']}/@assign",
            {"executors": ["economy"]},
        )
        self.assertEqual(refused.status_code, 400, refused.text)
        self.assertEqual(refused.json()["error"]["type"], "BadRequest")
        self.rest(APPEALS_OFFICER, "POST", f"{appeal['@id']}/@workflow/register")
        for body in (
            {"executors": []},
            {"executors": ["nobody-here"]},
            {"executors": "economy"},
            {"executors": ["economy"], "deadline": "31.12.2026"},
        ):
            with self.subTest(body=body):
                refused = self.rest(
                    APPEALS_OFFICER, "POST", f"{appeal['@id']}/@assign", body
                )
                self.assertEqual(refused.status_code, 400, refused.text)
        self.assertEqual(
            self.rest(APPEALS_OFFICER, "GET", appeal["@id"]).json()["items_total"], 0
        )
        self.assertIn(
            self.rest(
                ECONOMIST,
                "POST",
                f"{appeal['@id']}/@assign",
                {"executors": ["economy"]},
            ).status_code,
            (401, 403, 404),
        )


class TestActFollowsItsDistribution(SecurityTestCase):
    def test_a_department_taken_off_the_distribution_list_finds_nothing(self):
        """R10, A6.5: before its registration an act is read by those on its distribution list:
        the HR department once on it, not once taken off."""
        # The economy department drafts it
        with api.env.adopt_user(username="yessenova"):
            act = api.content.create(
                container=self.layer["portal"]["acts"],
                type="Act",
                kind="decision",
                id="security-act",
                title="Об установлении тарифов на вывоз мусора",
                developer_department="economy",
                distribution=["hr"],
                text_ru=RichTextValue(
                    "<p>Установить тарифы.</p>", "text/html", "text/x-html-safe"
                ),
            )
        transaction.commit()
        document = self.rest("yessenova", "GET", act.absolute_url()).json()
        self.assert_finds(HR, document, "тарифов", True)
        patched = self.rest(
            "yessenova", "PATCH", document["@id"], {"distribution": ["finance"]}
        )
        self.assertEqual(patched.status_code, 204, patched.text)
        self.assert_finds(HR, document, "тарифов", False)
        self.assert_finds(FINANCIER, document, "тарифов", True)


class TestLinksShowOnlyWhatTheReaderSees(SecurityTestCase):
    def test_an_acts_basis_in_an_appeal_is_not_shown_to_its_readers(self):
        """R13.2: an act based on an assignment of an appeal does not show the readers of the act
        the assignment's title (the appeal's subject), only those who may see it."""
        appeal = self.rest(
            APPEALS_OFFICER,
            "POST",
            "/appeals",
            {
                "@type": "Appeal",
                "kind": "appeal",
                "title": "О долгах семьи Нурлановых",
                "substance": "Просим помочь.",
                "channel": "letter",
                "received_at": "2026-12-01T11:00:00+05:00",
                "applicant_name": "Нурланова Айгуль",
            },
        ).json()
        self.rest(APPEALS_OFFICER, "POST", f"{appeal['@id']}/@workflow/register")
        assignment = self.rest(
            APPEALS_OFFICER,
            "POST",
            f"{appeal['@id']}/@assign",
            {"executors": ["finance"]},
        ).json()
        transaction.begin()
        with api.env.adopt_roles(["Manager"]):
            target = api.content.get(UID=assignment["UID"])
        with api.env.adopt_user(username="yessenova"):
            act = api.content.create(
                container=self.layer["portal"]["acts"],
                type="Act",
                kind="decision",
                id="act-on-an-appeal",
                title="Об оказании материальной помощи",
                developer_department="economy",
                distribution=["finance"],
                basis=RelationValue(getUtility(IIntIds).getId(target)),
                text_ru=RichTextValue(
                    "<p>Оказать помощь.</p>", "text/html", "text/x-html-safe"
                ),
            )
        transaction.commit()
        html = {"Accept": "text/html"}
        for login, sees in ((ECONOMIST, False), (FINANCIER, True)):
            with self.subTest(login=login):
                page = self.session(login).get(
                    act.absolute_url(), headers=html, timeout=60
                )
                self.assertEqual(page.status_code, 200)
                self.assertEqual("Нурлановых" in page.text, sees)
