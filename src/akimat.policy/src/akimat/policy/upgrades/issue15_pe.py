"""Issue 15 (forms and what a page says): brings an existing site to the profile.

The lead registers one upgrade step of akimat.policy calling `upgrade` with the others."""

from akimat.policy.sections import ensure_sections


def upgrade(setup_tool):
    # Each section offers only its own types in «Добавить».
    ensure_sections()
