"""akimat.content: the domain of the Akimat intranet."""

from zope.i18nmessageid import MessageFactory


_ = MessageFactory("akimat")
