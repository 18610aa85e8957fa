"""``hpos --self-test``: does this installation work? Frozen app and source tree alike.

The runner (:func:`~hpos.selftest.runner.run_self_test`, ``Check``,
``default_checks``) is in ``runner``; the checks themselves live in ``basic``
(no Qt) and ``qt`` (offscreen Qt).
"""
