"""Issue 15 (forms, actions and what a page says): brings an existing site to the profile.

The lead registers one upgrade step of akimat.content calling `upgrade` with the others."""

PROFILE = "profile-akimat.content:default"


def upgrade(setup_tool):
    # The workflows' descriptions no longer cite rule IDs.
    setup_tool.runImportStepFromProfile(PROFILE, "workflow")
