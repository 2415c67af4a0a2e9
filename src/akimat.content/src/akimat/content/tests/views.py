"""Rendering a view in an integration test as a given user sees it."""

from akimat.content.interfaces import IAkimatContentLayer
from plone import api
from plone.protect.authenticator import createToken
from zope.interface import alsoProvides


def render(request, context, name, userid, method="GET", **form):
    """The output of the view `name` on `context` for `userid`, with `form` as the request's form;
    a POST carries the user's plone.protect token, as the page's form does, unless `form` has one."""
    request.response.setStatus(
        200
    )  # a form after an earlier redirect would render nothing
    request.form.clear()
    request.form.update(form)
    request["REQUEST_METHOD"] = method
    with api.env.adopt_user(username=userid):
        if method == "POST":
            request.form.setdefault("_authenticator", createToken())
        return context.restrictedTraverse(name)()


class ViewTests:
    """Mixin of view test cases: the request with our browser layer, views rendered as a user."""

    def setUp(self):
        super().setUp()
        self.request = self.layer["request"]
        alsoProvides(self.request, IAkimatContentLayer)

    def render(self, context, name, userid, method="GET", **form):
        return render(self.request, context, name, userid, method, **form)

    def step(self, context, transition, userid, **form):
        """POST a workflow step as its button, or with `confirmed`, its confirmation page does."""
        return self.render(
            context,
            "@@transition",
            userid,
            method="POST",
            workflow_action=transition,
            **form,
        )
