"""Training in a process of its own: the loop (:mod:`~rnn_sandbox.training.loop`), the
window's proxy for it (:mod:`~rnn_sandbox.training.proxy`) and the messages between them
(:mod:`~rnn_sandbox.training.messages`).  No Qt here; the window's relay thread and
signals are in :mod:`rnn_sandbox.ui.worker`."""
