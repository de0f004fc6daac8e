"""Task catalogue: seeded data generators for every kind of sequence task (no Qt)."""

from importlib import import_module

from rnn_sandbox.tasks.base import (
    TASK_TYPES,
    Metric,
    Task,
    TaskError,
    all_tasks,
    get_task,
    one_hot,
    register,
)

# One module per task; adding a task means adding its module name here.
TASK_MODULES = [
    "sine_forecast",
    "long_memory",
    "named_entities",
    "translation",
    "speech_ctc",
    "csv_series",
    "weather",
    "sentiment",
    "order_matters",
    "text_generation",
    "caption",
    "tiny_bptt",
]

for _name in TASK_MODULES:
    import_module(f"rnn_sandbox.tasks.{_name}")

__all__ = [
    "TASK_TYPES",
    "Metric",
    "Task",
    "TaskError",
    "all_tasks",
    "get_task",
    "one_hot",
    "register",
]
