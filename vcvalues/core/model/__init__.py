"""Pydantic building blocks both dialects' typed models share (imports pydantic: never on the lint path)."""
