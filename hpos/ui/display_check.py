"""Can the window open here? Said in one sentence before Qt would abort the process.

On Linux and the BSDs, Qt aborts (exit 134, a message about ``xcb-cursor``) when there
is no display to open or when its X11 (xcb) platform plugin misses a system library.
:func:`display_problem` finds both first, without Qt: no ``DISPLAY`` nor
``WAYLAND_DISPLAY`` (and no ``QT_QPA_PLATFORM`` chosen), or a library of
:data:`XCB_LIBRARIES` the loader cannot find (named with its Debian package). Windows
and macOS always have a display. Loading those libraries costs nothing extra: Qt's
plugin loads the same ones next.
"""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Callable, Mapping

__all__ = ["XCB_LIBRARIES", "display_problem"]

#: What Qt's xcb platform plugin loads -> the Debian/Ubuntu package holding it.
XCB_LIBRARIES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
}


def _loads(name: str) -> bool:
    try:
        ctypes.CDLL(name)
    except OSError:
        return False
    return True


def display_problem(
    env: Mapping[str, str],
    *,
    demo: bool,
    platform: str = sys.platform,
    loads: Callable[[str], bool] = _loads,
) -> str | None:
    """What keeps the window from opening, as the line to print; None when it can open."""
    if platform.startswith(("win", "darwin", "cygwin")):
        return None
    chosen = env.get("QT_QPA_PLATFORM", "").strip()
    plugin = chosen.split(":", 1)[0].split(";", 1)[0].strip().lower()
    display, wayland = env.get("DISPLAY", "").strip(), env.get("WAYLAND_DISPLAY", "").strip()
    if chosen and plugin != "xcb":
        return None  # offscreen, wayland, vnc...: the user's choice, Qt says what goes wrong
    if not display and (plugin == "xcb" or not wayland):
        instead = (
            "Use `hpos --demo --no-window` to take a sale in the terminal"
            if demo
            else "Use `hpos charge AMOUNT` to take a sale in the terminal"
        )
        return (
            "hpos: no display found (DISPLAY is not set). "
            f"{instead}, or set QT_QPA_PLATFORM=offscreen."
        )
    if not display or (not chosen and wayland and env.get("XDG_SESSION_TYPE") == "wayland"):
        return None  # a Wayland session: Qt's Wayland plugin is used, not xcb
    missing = [package for library, package in XCB_LIBRARIES.items() if not loads(library)]
    if missing:
        return (
            "hpos: the window cannot open: Qt's X11 plugin needs the system "
            f"{'package' if len(missing) == 1 else 'packages'} {' '.join(missing)} "
            f"(e.g. `sudo apt install {' '.join(missing)}`)."
        )
    return None
