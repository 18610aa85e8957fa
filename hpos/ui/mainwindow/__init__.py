"""The main window: its chrome (menus, banners), status bar, keys and shortcuts overlay,
welcome panel, About dialog; it wires the features together through signals.
"""
