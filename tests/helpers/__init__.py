"""What several test modules share: fakes, rigs and builders (``tests.helpers.<module>``).

Tests import these, never another test module. Qt-free: ``keyring`` (the fake keyring),
``sandbox`` (start one, client configs, the secrets the run log is checked for),
``profiles``, ``watch`` (the watcher's rig and fake clock), ``day`` (the report's
hand-computed day), ``cli`` (the ``hpos sandbox`` process rig), ``imports`` (the import
graph the layering test reads). With Qt (only for the tests that make Qt objects):
``gui_gc`` (the GUI-thread garbage collection fixture), ``window``, ``cashier``,
``translators``.
"""
