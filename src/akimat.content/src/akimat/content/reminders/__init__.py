"""Mail follows «Ждёт моего действия» (core/inbox.py): the daily digest of what is due (R12.4c)
and urgent items mailed at once. It reads every domain's provider, so it sits above them."""
