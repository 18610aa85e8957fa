"""The settings dialog: its form and tabs, the counter page, validation, background load/save
jobs, connection test and the secret field.
"""
