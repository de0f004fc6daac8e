"""Test-wide setup: Qt renders offscreen, so the suite runs on machines with no screen."""

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Keep NumPy's BLAS to one thread so timings and results do not depend on the machine.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")
# The command line speaks the system's language: tests read its English whatever the
# machine's language is, and a test of another language asks for it.
os.environ["LANGUAGE"] = "en"
# Seed workers started from a window run below its priority (ui/runs/keeping.py): beside the
# suite's own busy workers they would wait for scraps of the processor.  The test of that
# priority sets its own value.
os.environ["RNN_SANDBOX_WORKER_NICE"] = "0"

# Learning tests (marker ``learning``) train with this seed, for data and weights alike, so
# another value is a genuinely different run; scripts/learning_matrix.py tries several.
SEED_VARIABLE = "RNN_SANDBOX_TEST_SEED"


def _test_seed() -> int:
    text = os.environ.get(SEED_VARIABLE, "0")
    if not text.isdigit():
        raise pytest.UsageError(f"{SEED_VARIABLE} must be a non-negative integer, not {text!r}")
    return int(text)


def pytest_report_header(config: pytest.Config) -> str:
    kernel = os.environ.get("OPENBLAS_CORETYPE", "auto")
    return f"learning tests: seed {_test_seed()} ({SEED_VARIABLE}), OpenBLAS kernel {kernel}"


@pytest.fixture(autouse=True)
def _english_after_each_test():
    """The program's language is global (``rnn_sandbox.language``): a test that changes it
    leaves the next one in English, its numbers as Python writes them (a window's test
    hands the messages its locale's)."""
    yield
    from rnn_sandbox import language, translation

    language.use(language.SOURCE)
    translation.number_marks(None)


@pytest.fixture
def record_property(record_property):
    """pytest's ``record_property`` taking NumPy numbers too: what a learning test records
    crosses from a worker process to the main one (``make test`` runs two), and only plain
    Python values can."""

    def record(name: str, value: object) -> None:
        item = getattr(value, "item", None)
        record_property(name, item() if callable(item) else value)

    return record


@pytest.fixture
def seed() -> int:
    """The training seed of a learning test (network init, batch order, task data)."""
    return _test_seed()


@pytest.fixture
def sine_experiment():
    """Build a small sine-forecast experiment (200 samples), quick to train; keyword
    arguments set training settings."""
    from rnn_sandbox.session import Experiment
    from rnn_sandbox.tasks import get_task

    def make(**training) -> Experiment:
        cfg = get_task("sine_forecast").default_config()
        cfg.task.n_samples = 200
        for k, v in training.items():
            setattr(cfg.training, k, v)
        return Experiment(cfg)

    return make


@pytest.fixture
def tiny():
    """Builders for tiny experiments: ``tiny.config(name)``, ``tiny.trained(cfg, steps)``."""

    class Tiny:
        config = staticmethod(tiny_config)
        trained = staticmethod(trained)

    return Tiny


def tiny_config(name: str = "sine_forecast", **training):
    """The task's defaults shrunk to few samples, short sequences and three hidden neurons,
    as far as the task accepts (some need a minimum length or sample count)."""
    from rnn_sandbox.config import ConfigError
    from rnn_sandbox.session import Experiment
    from rnn_sandbox.tasks import TaskError, get_task

    base = get_task(name).default_config()
    base.network.hidden_size = 3
    base.training.batch_size = 4
    for key, value in training.items():
        setattr(base.training, key, value)
    for seq_len, n_samples in [(5, 12), (None, 12), (None, 40), (None, None)]:
        cfg = base.copy()
        if seq_len is not None:
            cfg.task.seq_len = min(cfg.task.seq_len, seq_len)
        if n_samples is not None:
            cfg.task.n_samples = min(cfg.task.n_samples, n_samples)
        try:
            Experiment(cfg)
        except (ConfigError, TaskError):
            continue
        return cfg
    raise AssertionError(f"task {name} refuses its own default settings")


def trained(cfg, steps: int = 4):
    from rnn_sandbox.session import Experiment

    exp = Experiment(cfg)
    for _ in exp.trainer.run(steps=steps, validate_every=2):
        pass
    return exp


@pytest.fixture
def new_cell():
    """A cell added as the architecture page says: its row in the engine's table and its
    choice in the settings, nothing else.  Its module is the LSTM's (so its numbers can be
    checked against the LSTM's) under another name and title."""
    import dataclasses

    from rnn_sandbox.engine import lstm
    from rnn_sandbox.engine.cell_table import CELL_TABLE
    from rnn_sandbox.fields import SETTING

    cell = dataclasses.replace(lstm.CELL, name="newcell", title="NewCell")
    setting = SETTING["network.cell"]
    choices = setting.choices
    CELL_TABLE[cell.name] = cell
    object.__setattr__(setting, "choices", (*choices, cell.name))  # a frozen dataclass
    try:
        yield cell
    finally:
        del CELL_TABLE[cell.name]
        object.__setattr__(setting, "choices", choices)
