"""A QApplication for drawing without a window: the command line's pictures
(``rnn-sandbox animate``, ``rnn-sandbox compare --png``)."""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

# What Qt's offscreen platform says about window hints it has no use for: true, and noise
# on a command line that only draws.
_QUIET = ("This plugin does not support propagateSizeHints()",)


def application() -> QApplication:
    """The running application, or one made now; without a display (Linux with neither
    X11 nor Wayland) Qt draws offscreen."""
    app = QApplication.instance()
    if app is not None:
        return app  # type: ignore[return-value]
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    previous = None

    def handler(kind: QtMsgType, context, message: str) -> None:
        if message in _QUIET:
            return
        if previous is not None:
            previous(kind, context, message)
        else:
            sys.stderr.write(message + "\n")

    previous = qInstallMessageHandler(handler)
    return QApplication([])
