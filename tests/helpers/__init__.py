"""What several test modules share: fakes, rigs and builders (``tests.helpers.<module>``).

Tests import these, never another test module. Qt-free: ``keyring``, ``sandbox``,
``profiles``, ``watch``, ``day``, ``cli``. With Qt (for the tests under ``tests/ui``
and the others that make Qt objects): ``gui_gc``, ``window``, ``cashier``, ``translators``.
"""
