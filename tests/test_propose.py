"""``session.propose``: the one decision about a change of settings (no Qt involved)."""

import dataclasses
import subprocess
import sys

import pytest

from rnn_sandbox.config import ExperimentConfig
from rnn_sandbox.session import Experiment, Proposal, propose
from rnn_sandbox.tasks import get_task


@pytest.fixture
def current() -> ExperimentConfig:
    """The sine task with 300 samples: 240 to train on."""
    cfg = get_task("sine_forecast").default_config()
    cfg.task.n_samples = 300
    return cfg


def test_no_change_is_unchanged(current):
    for change in ({}, {"network.hidden_size": current.network.hidden_size}, current.copy()):
        p = propose(current, change)
        assert p.kind == "unchanged" and p.experiment is None and p.config == current


def test_a_field_the_task_decides_is_shaped_back_so_nothing_changes(current):
    p = propose(current, {"network.input_size": 5})
    assert p.kind == "unchanged" and p.config.network.input_size == 1


@pytest.mark.parametrize("key, value, says", [
    ("network.hidden_size", 0, "at least one hidden neuron"),
    ("network.num_layers", 4, "1 to 3 layers"),
    ("network.cell", "transformer", "one of"),
    ("training.momentum", 1.0, "[0, 1)"),
    ("training.learning_rate", 0.0, "must be positive"),
    ("training.epochs", 0, "at least 1"),
    ("network.nosuch", 1, "no such setting"),
])
def test_a_refused_value_names_the_field_and_changes_nothing(current, key, value, says):
    before = current.copy()
    p = propose(current, {key: value})
    assert p.kind == "refused" and p.reason.startswith(f"{key}: ") and says in p.reason
    assert p.config == before and current == before and p.experiment is None


def test_learning_rate_and_epochs_apply_live(current):
    p = propose(current, {"training.learning_rate": 0.1})
    assert p.kind == "live" and p.experiment is None
    assert p.live_changes == {"training.learning_rate": 0.1}
    assert p.config.training.learning_rate == 0.1 and current.training.learning_rate != 0.1
    both = propose(current, {"training.learning_rate": 0.2, "training.epochs": 7})
    assert both.kind == "live"
    assert both.live_changes == {"training.learning_rate": 0.2, "training.epochs": 7}


def test_a_structural_change_builds_the_new_experiment_once(current):
    p = propose(current, {"network.hidden_size": 8, "training.learning_rate": 0.1})
    assert p.kind == "rebuild" and isinstance(p.experiment, Experiment)
    assert p.config is p.experiment.config  # the window installs what was built
    assert p.config.network.hidden_size == 8 and p.config.training.learning_rate == 0.1
    assert p.experiment.network.params["weight_hh_l0"].shape == (8, 8)
    assert p.live_changes == {}


def test_a_whole_configuration_of_another_task_is_shaped_and_built(current):
    other = get_task("named_entities").default_config()
    other.task.n_samples = 100
    other.network.input_size = 999  # decided by the task: put right, not refused
    p = propose(current, other)
    assert p.kind == "rebuild" and p.config.task.name == "named_entities"
    assert p.config.network.input_size == get_task("named_entities").shape(other.task)[
        "input_size"]


@pytest.mark.parametrize("task, value, says", [
    ("csv_series", 5000, "too few"),  # longer than the data file
    ("sentiment", 3, "seq_len"),  # shorter than a post
])
def test_a_change_the_task_cannot_honour_is_refused(task, value, says):
    cfg = get_task(task).default_config()
    cfg.task.n_samples = min(cfg.task.n_samples, 100)
    p = propose(cfg, {"task.seq_len": value})
    assert p.kind == "refused" and says in p.reason and p.config == cfg


def test_a_batch_larger_than_the_training_set_is_refused(current):
    p = propose(current, {"training.batch_size": 241})
    assert p.kind == "refused"
    assert p.reason.startswith("training.batch_size: 241 is more than the 240 training")
    assert propose(current, {"training.batch_size": 240}).kind == "rebuild"


def test_the_answer_is_frozen(current):
    p = propose(current, {"training.learning_rate": 0.1})
    assert isinstance(p, Proposal)
    with pytest.raises(dataclasses.FrozenInstanceError):
        p.kind = "rebuild"  # type: ignore[misc]


def test_the_schema_config_and_session_import_no_qt():
    code = (
        "import sys, rnn_sandbox.fields, rnn_sandbox.config, rnn_sandbox.session\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('PySide6', 'shiboken6', 'pyqtgraph')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "[]"
