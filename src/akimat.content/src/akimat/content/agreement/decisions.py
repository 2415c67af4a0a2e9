"""The decisions people took on an act or a protocol, read from its workflow history: who
returned it and why, who sent it on, signed, registered or withdrew it, and when. The page shows
them on the document, so that a return's reason is never only in the history."""

from akimat.content.core import calendar
from dataclasses import dataclass
from datetime import datetime
from plone import api


# The steps a person decides (the rules' own steps, such as «agreement complete», are left out).
DECISIONS = ("approve_legally", "return", "withdraw", "sign", "register", "send")


@dataclass(frozen=True)
class Decision:
    step: str
    title: str  # the transition's title, a msgid of the `akimat` catalog
    actor: str
    when: datetime  # Almaty time
    reason: str


def decisions(document):
    """The decisions on `document`, oldest first."""
    workflow_tool = api.portal.get_tool("portal_workflow")
    found = []
    for workflow in workflow_tool.getWorkflowsFor(document):
        history = getattr(document, "workflow_history", {}).get(workflow.getId(), ())
        for entry in history:
            step = entry.get("action")
            if step not in DECISIONS:
                continue
            transition = workflow.transitions.get(step)
            found.append(
                Decision(
                    step=step,
                    title=transition.title if transition is not None else step,
                    actor=entry.get("actor") or "",
                    when=calendar.to_almaty(entry["time"].asdatetime()),
                    reason=(entry.get("comments") or "").strip(),
                )
            )
    return found
