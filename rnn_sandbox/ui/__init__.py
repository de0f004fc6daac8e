"""The desktop application (PySide6 + pyqtgraph): main window, live training and plots."""
