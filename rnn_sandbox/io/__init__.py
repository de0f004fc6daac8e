"""Experiment files, autosave/recovery and exports (NumPy and JSON only; no Qt)."""

from rnn_sandbox.io.experiment_file import (
    EXTENSION,
    FORMAT_VERSION,
    autosave,
    clear_recovery,
    experiment_from_bytes,
    experiment_to_bytes,
    find_recovery,
    load_experiment,
    read_header,
    save_bytes,
    save_experiment,
)
from rnn_sandbox.io.export import (
    export_history_csv,
    export_torch,
    export_weights,
    torch_script,
)
from rnn_sandbox.io.safe_zip import ExperimentFileError

__all__ = [
    "EXTENSION",
    "FORMAT_VERSION",
    "ExperimentFileError",
    "autosave",
    "clear_recovery",
    "experiment_from_bytes",
    "experiment_to_bytes",
    "export_history_csv",
    "export_torch",
    "export_weights",
    "find_recovery",
    "load_experiment",
    "read_header",
    "save_bytes",
    "save_experiment",
    "torch_script",
]
