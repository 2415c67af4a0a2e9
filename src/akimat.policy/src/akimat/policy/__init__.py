"""akimat.policy: the Akimat intranet site. Its messages use akimat.content's `akimat` domain."""
