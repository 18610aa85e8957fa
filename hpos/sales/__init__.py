"""The sales layer: sales that are never lost (pure Python, no Qt import here)."""
