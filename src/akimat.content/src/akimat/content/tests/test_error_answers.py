"""Error answers carry no traceback and, for an unexpected error, not the exception's text, unless
Zope runs in debug mode (`make debug`): issue 12, patches.py."""

from akimat.content.testing import AKIMAT_CONTENT_INTEGRATION_TESTING
from App.config import getConfiguration
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from plone.rest.errors import ErrorHandling
from Products.CMFPlone.browser.exceptions import ExceptionView
from unittest import mock
from zExceptions import BadRequest

import unittest


class TestErrorAnswers(unittest.TestCase):
    layer = AKIMAT_CONTENT_INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        self.request = self.layer["request"]
        self.request["PARENTS"] = [self.portal]
        setRoles(self.portal, TEST_USER_ID, ["Manager"])

    def rest_answer(self, exception):
        try:
            raise exception
        except Exception as raised:
            return ErrorHandling(raised, self.request).render_exception(raised)

    def error_page(self):
        view = ExceptionView(TypeError(), self.request)
        view.context = self.portal  # as ExceptionView.__call__ sets it before rendering
        return view

    def debug_mode(self, on):
        return mock.patch.object(getConfiguration(), "debug_mode", on)

    def test_an_unexpected_error_over_rest_tells_only_that_it_is_logged(self):
        with self.debug_mode(False):
            answer = self.rest_answer(TypeError("unhashable type: 'list'"))
        self.assertEqual(answer["type"], "TypeError")
        self.assertNotIn("unhashable", answer["message"])
        self.assertNotIn("traceback", answer)

    def test_a_refusal_over_rest_keeps_its_message_without_a_traceback(self):
        with self.debug_mode(False):
            answer = self.rest_answer(BadRequest("Invalid b_size"))
        self.assertEqual(answer["message"], "Invalid b_size")
        self.assertNotIn("traceback", answer)

    def test_in_debug_mode_a_manager_reads_the_details(self):
        with self.debug_mode(True):
            answer = self.rest_answer(TypeError("unhashable type: 'list'"))
            self.assertTrue(self.error_page().is_manager())
        self.assertIn("unhashable", answer["message"])
        self.assertIn("traceback", answer)

    def test_the_error_page_shows_a_manager_no_traceback_outside_debug_mode(self):
        with self.debug_mode(False):
            self.assertFalse(self.error_page().is_manager())
