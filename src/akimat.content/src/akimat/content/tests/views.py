"""Rendering a view in an integration test as a given user sees it."""

from plone import api


def render(request, context, name, userid, method="GET", **form):
    """The output of the view `name` on `context` for `userid`, with `form` as the request's form."""
    request.response.setStatus(200)  # a form after an earlier redirect would render nothing
    request.form.clear()
    request.form.update(form)
    request["REQUEST_METHOD"] = method
    with api.env.adopt_user(username=userid):
        return context.restrictedTraverse(name)()
