"""How the traffic light (светофор, R12.4b) looks: one place for its labels and colours."""

from akimat.content import _
from akimat.content.control import rules as control


LIGHTS = {
    control.GREEN: (_("On time"), "text-bg-success"),
    control.YELLOW: (_("3 working days or less left"), "text-bg-warning"),
    control.RED: (_("Overdue"), "text-bg-danger"),
    control.GREY: (_("Removed from control"), "text-bg-secondary"),
}


def light(colour):
    """{'colour', 'label', 'css'} for a template."""
    label, css = LIGHTS[colour]
    return {"colour": colour, "label": label, "css": css}


def brain_light(brain, today, calendar):
    """The traffic light of a catalog entry, from its metadata only."""
    return light(
        control.traffic_light(
            brain.deadline, today, calendar, removed=not brain.on_control
        )
    )
