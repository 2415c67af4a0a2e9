"""One kind of refusal for every rule of the Регламент: pages show it, REST answers it with a 400.

A rule module raises a subclass of `Refusal` with the message for the person in `args[0]`;
the page steps (`browser/steps.py`) and the JSON services (`services/base.py`) catch `Refusal`,
so a rule added to any domain is refused the same way on both doors.
"""


class Refusal(ValueError):
    """A rule refuses what was asked; args[0] says why, for the person who asked."""
