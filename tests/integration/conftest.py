"""Some tests here make Qt objects (the history pane of ``test_test_mode_totals``): they are freed
on the GUI thread only (:mod:`tests.helpers.gui_gc`)."""

from tests.helpers.gui_gc import gui_thread_garbage_collection  # noqa: F401 - autouse fixture
