"""Runs kept to compare them: the run book (``book``), one setup trained with several
seeds in worker processes (``seeds``) and the runs file that holds them (``file``).
Qt-free; the window's parts of this feature are in ``rnn_sandbox.ui.runs``."""
