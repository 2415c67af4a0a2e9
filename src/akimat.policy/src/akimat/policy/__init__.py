"""akimat.policy: the Akimat intranet site."""

from zope.i18nmessageid import MessageFactory


_ = MessageFactory("akimat")
