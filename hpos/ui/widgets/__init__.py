"""Widgets shared by the UI's features: the QR painted from its matrix, dialogs, the colour and
type style.
"""
