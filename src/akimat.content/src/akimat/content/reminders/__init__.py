"""The daily digest of what is due: assignments on control (R12.4c) and the reports the
departments owe the library (R9.10d). It reads both domains, so it sits above them."""
