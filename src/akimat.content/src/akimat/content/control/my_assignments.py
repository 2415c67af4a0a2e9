"""Catalog queries for a person's and a department's assignments (R12.4b): brains only."""

from akimat.content.core.principals import principal_ids
from plone import api


def assignments_of(user, on_control_only=True):
    """Assignments where the user (or one of his groups) executes or controls, by deadline."""
    query = {"portal_type": "Assignment", "sort_on": "deadline"}
    if on_control_only:
        query["on_control"] = True
    executing = api.content.find(executors=principal_ids(user), **query)
    controlling = api.content.find(controller=principal_ids(user), **query)
    brains = {brain.UID: brain for brain in (*executing, *controlling)}
    return sorted(brains.values(), key=lambda brain: brain.deadline)


def assignments_of_department(department, on_control_only=True):
    """Assignments given to the department or to one of its people, by deadline."""
    query = {
        "portal_type": "Assignment",
        "executor_departments": department,
        "sort_on": "deadline",
    }
    if on_control_only:
        query["on_control"] = True
    return api.content.find(**query)
