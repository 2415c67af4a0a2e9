"""Site setup → «Production calendar»: the administrator's extra days off and working days."""

from akimat.content import _
from akimat.content.interfaces import ICalendarSettings
from plone.app.registry.browser.controlpanel import ControlPanelFormWrapper
from plone.app.registry.browser.controlpanel import RegistryEditForm
from plone.z3cform import layout


class CalendarEditForm(RegistryEditForm):
    schema = ICalendarSettings
    label = _("Production calendar")
    description = _(
        "Public holidays and decreed day transfers of Kazakhstan come with the software. "
        "Add here what a new government decree changes; deadlines follow at once."
    )


CalendarControlPanel = layout.wrap_form(CalendarEditForm, ControlPanelFormWrapper)
