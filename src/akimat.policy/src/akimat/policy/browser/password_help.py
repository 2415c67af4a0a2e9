"""Help to log in — Plone's @@login-help (a new password, the forgotten login) and the older
mail_password form — answering the same whatever was entered: whether it is someone's login or
e-mail address or nobody's, and whether the mail could be sent or not. A mail that fails is
logged for the administrators; the visitor is told where to turn if nothing arrives."""

from AccessControl import Unauthorized
from akimat.content import _
from Products.CMFCore.utils import getToolByName
from Products.CMFPlone.browser.login import login_help
from Products.Five import BrowserView
from Products.MailHost.MailHost import MailHostError
from Products.statusmessages.interfaces import IStatusMessage
from smtplib import SMTPException
from z3c.form import button
from z3c.form import form
from zope.component.hooks import getSite
from zope.i18n import translate
from zope.i18nmessageid import Message

import logging


logger = logging.getLogger("akimat.policy.password_help")

# A refused connection is an OSError, not an SMTPException.
MAIL_ERRORS = (SMTPException, OSError, MailHostError)
SENT = _(
    "If an account matches what you entered, a message has been sent to its e-mail address. "
    "If none arrives within a few minutes, contact the administrator of the intranet."
)

LOGIN_MAIL_SUBJECT = _("Your login for ${portal_url}")
LOGIN_MAIL = (
    _("Dear ${fullname},"),
    _("You asked to be reminded of your login for ${portal_url}. Your login: ${login}"),
)


def mail_password_reset(context, request, login):
    """Mail `login` the link to set a new password, if it is someone's; never raise."""
    try:
        getToolByName(context, "portal_registration").mailPassword(
            login, request, immediate=True
        )
    except (ValueError, Unauthorized) as refusal:
        logger.info("No password reset for %r: %s", login, refusal)
    except MAIL_ERRORS:
        logger.exception("The password reset mail for %r could not be sent", login)


def mail_login(portal, request, user):
    """Mail the person of `user` (a PAS search result) their login. Plone's own mail is one
    translated text with its headers, and its Russian translation translates the headers too
    (no «To:» left): here the headers are set, only the text is translated."""
    registry = getToolByName(portal, "portal_registry")
    sender = f'"{registry["plone.email_from_name"]}" <{registry["plone.email_from_address"]}>'
    mapping = {
        "fullname": user["title"],
        "login": user["login"],
        "portal_url": portal.absolute_url(),
    }
    text = "\n\n".join(
        translate(Message(line, mapping=mapping), context=request)
        for line in LOGIN_MAIL
    )
    getToolByName(portal, "MailHost").send(
        f"{text}\n\n-- \n{registry['plone.email_from_name']}",
        mto=user["email"],
        mfrom=sender,
        subject=translate(
            Message(LOGIN_MAIL_SUBJECT, mapping=mapping), context=request
        ),
        charset="utf-8",
        immediate=True,
    )


class RequestResetPassword(login_help.RequestResetPassword):
    @button.handler(login_help.RequestResetPassword.buttons["reset"])
    def handleResetPassword(self, action):
        data, errors = self.extractData()
        if errors:
            self.status = self.formErrorsMessage
            return
        mail_password_reset(getSite(), self.request, data["reset_password"])
        IStatusMessage(self.request).add(SENT, type="info")


class RequestUsername(login_help.RequestUsername):
    @button.handler(login_help.RequestUsername.buttons["get_username"])
    def handleGetUsername(self, action):
        data, errors = self.extractData()
        if errors:
            self.status = self.formErrorsMessage
            return
        portal = getSite()
        email = data["recover_username"]
        found = getToolByName(portal, "acl_users").searchUsers(
            email=email, exact_match=True
        )
        if len(found) == 1:
            try:
                mail_login(portal, self.request, found[0])
            except MAIL_ERRORS:
                logger.exception("The login reminder for %r could not be sent", email)
        IStatusMessage(self.request).add(SENT, type="info")


class LoginHelpForm(login_help.LoginHelpForm):
    """Plone's form with the subforms above; its page sends nobody to the contact form, which
    the closed intranet keeps from anonymous visitors."""

    def update(self):
        wanted = (
            (RequestResetPassword, self.can_reset_password()),
            (
                RequestUsername,
                self.can_retrieve_username() and not self.use_email_as_login(),
            ),
        )
        self.subforms = [
            subform(None, self.request) for subform, shown in wanted if shown
        ]
        for subform in self.subforms:
            subform.update()
        form.EditForm.update(self)


class MailPasswordView(BrowserView):
    """The older form's action (mail_password_form → mail_password)."""

    def __call__(self):
        mail_password_reset(
            self.context, self.request, self.request.form.get("userid", "")
        )
        IStatusMessage(self.request).add(SENT, type="info")
        self.request.response.redirect(
            self.context.absolute_url() + "/mail_password_form"
        )
