"""The Qt user interface (PySide6): the only layer that imports Qt. Nothing imports it."""
