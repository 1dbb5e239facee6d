"""The typed data model shared by every layer (no imports from other pledgebook layers)."""
