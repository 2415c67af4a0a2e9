"""Every page in every state (issue 12): each type of akimat.content in each state of its workflow,
with every optional block filled (render_fixture.py), its pages rendered as each way of seeing it
(render_matrix.py). A page that only breaks once a request is pending is still broken."""

from akimat.content.core.inbox import kinds
from akimat.content.core.inbox import OVERDUE
from akimat.policy.demo import DEMO_USERS
from akimat.policy.testing import AKIMAT_RENDER_MATRIX_TESTING
from akimat.policy.tests.render_matrix import chosen_paths
from akimat.policy.tests.render_matrix import fresh_request
from akimat.policy.tests.render_matrix import our_states
from akimat.policy.tests.render_matrix import registered_for
from akimat.policy.tests.render_matrix import RenderMatrix
from akimat.policy.tests.render_matrix import state
from plone import api

import fnmatch
import unittest


# What the fixture's pages show as the person who works on them: the optional blocks it fills.
FILLED = (
    (
        "assignments/render-pending-extension",
        "tulegenova",
        ('id="extensions"', "Подрядчик не поставил", "execution-report.docx"),
    ),
    (
        "assignments/render-decided-extensions",
        "tulegenova",
        ("Не получены данные", "Требуется согласование"),
    ),
    ("assignments/render-exceptional-extension", "tulegenova", ("text-bg-danger",)),
    (
        "assignments/render-removal-consent",
        "tulegenova",
        ("Сейтжанов Ерлан Маратович",),
    ),
    (
        "assignments/render-removed-impossible",
        "tulegenova",
        ('id="assignment-removal-basis"',),
    ),
    (
        "acts/render-members-agreement",
        "tulegenova",
        ('id="visa-sheet"', 'id="act-round-deadline"'),
    ),
    (
        "acts/render-returned-by-visa",
        "tulegenova",
        (
            "Не указан источник финансирования",
            'id="act-rework-deadline"',
            "Турсынбаев Ержан Абаевич",
        ),
    ),
    (
        "acts/render-registered",
        "tulegenova",
        (
            'id="act-acquaintance"',
            'id="act-files"',
            "comparison.docx",
            'id="act-number"',
        ),
    ),
    (
        "protocols/protocol-field-meeting-*",
        "tulegenova",
        ("Уточните сроки устранения замечаний",),
    ),
    (
        "protocols/protocol-government-session-*",
        "tulegenova",
        (
            'data-signed="yes"',
            'data-signed="no"',
            "Добавьте сроки исполнения",
            "Ибраимов Данияр Касымович",
        ),
    ),
    (
        "meetings/akimat-session-*-render",
        "bekmuratov",
        ('id="meeting-attendance"', 'id="meeting-quorum"'),
    ),
    (
        "meetings/akimat-session-*-render/item-1",
        "bekmuratov",
        ('id="agenda-item-vote"', "presentation.docx"),
    ),
    (
        "appeals/render-answered",
        "kim",
        (
            'id="appeal-earlier"',
            "budget-execution.pdf",
            "answer.docx",
            'id="appeal-assignments"',
            'id="appeal-answer-text"',
        ),
    ),
    (
        "appeals/render-schedule-approved/listed",
        "kim",
        ("Ахметов Болат Сапарович", 'id="reception-list-submitted"'),
    ),
    (
        "library/akimat-to/economy/render-employment",
        "yessenova",
        ('id="report-replaced-by"', 'id="report-answers"'),
    ),
    (
        "library/akimat-to/economy/render-employment-corrected",
        "yessenova",
        ('id="report-replaces"',),
    ),
    (
        "library/akimat-to/economy/render-fuel-prices",
        "yessenova",
        ("budget-execution.pdf", "annex/@@download/file"),
    ),
)


class TestRenderMatrix(unittest.TestCase):
    layer = AKIMAT_RENDER_MATRIX_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        self.paths = chosen_paths(self.portal, self.layer["render_fixture"])

    def test_every_state_of_every_type_is_rendered(self):
        """Each type in each state of its workflow, a type without a workflow at least once, is
        among the objects rendered: a new type or state without its object in the fixture fails."""
        rendered = set()
        for path in self.paths:
            obj = self.portal.unrestrictedTraverse(path)
            rendered.add((obj.portal_type, state(obj)))
        self.assertEqual(sorted(our_states() - rendered), [])

    def test_the_fixture_fills_the_optional_blocks(self):
        """The pages of the fixture's objects show what it made them for: a fixture that stops
        reaching a state or filling a block would leave pages untried."""
        for pattern, userid, markers in FILLED:
            with self.subTest(pattern):
                (path,) = [
                    path
                    for path in fnmatch.filter(self.layer["render_fixture"], pattern)
                    if path.count("/") == pattern.count("/")
                ]
                portal, request = fresh_request(self.layer)
                with api.env.adopt_user(username=userid):
                    html = portal.unrestrictedTraverse(path).restrictedTraverse(
                        "@@view"
                    )()
                for marker in markers:
                    self.assertIn(marker, html)

    def test_every_page_of_every_object_renders_for_everyone_who_may_open_it(self):
        """No page of any object fails for anyone who may open it; and every page our packages
        register for the objects' types is opened by someone (else nobody in the fixture may,
        and the page goes untried)."""
        matrix = RenderMatrix(self.layer)
        users = [user.username for user in DEMO_USERS]
        for path in self.paths:
            matrix.render_object(path, users)
        self.assertEqual(
            [], matrix.failures, "\n" + "\n".join(map(str, matrix.failures))
        )
        portal, request = fresh_request(self.layer)
        registered = {
            name
            for path in self.paths
            for name in registered_for(
                portal.unrestrictedTraverse(path), request, matrix.registered
            )
        }
        self.assertEqual(sorted(registered - matrix.rendered), [])

    def test_the_front_page_and_the_inbox_render_for_everyone(self):
        """«Ждёт моего действия» (issue 14) over every state of the fixture: the front page and
        @@inbox, whole, of each kind and of the overdue, render for every demo user."""
        for user in DEMO_USERS:
            for name, form in (
                ("@@akimat-home", {}),
                ("@@inbox", {}),
                *(("@@inbox", {"kind": kind.id}) for kind in kinds()),
                ("@@inbox", {"urgency": OVERDUE}),
            ):
                with self.subTest(user=user.username, page=name, **form):
                    portal, _request = fresh_request(self.layer, form)
                    with api.env.adopt_user(username=user.username):
                        html = portal.restrictedTraverse(name)()
                    self.assertIn('id="akimat-inbox-count"', html)
