"""Bridges to other libraries, each imported only on request (``import govextract`` imports none)."""
