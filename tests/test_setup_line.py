"""Setups as one line of text: every field of every task reads back as written (a property
test over the field schema), only what differs from the task's defaults is written, and a
bad line is refused with the item it is about."""

from __future__ import annotations

import math
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from rnn_sandbox.config import MAX_DATA_BYTES, ConfigError
from rnn_sandbox.fields import SETTINGS, Setting
from rnn_sandbox.lessons import load_lessons
from rnn_sandbox.setup_line import SetupLineError, parse_setup_line, setup_line, short_name
from rnn_sandbox.tasks import all_tasks, get_task

TASKS = [t.name for t in all_tasks()]


def _numbers(s: Setting) -> st.SearchStrategy[Any]:
    lo = s.lo if s.lo is not None else 0
    if s.kind == "int":
        hi = int(s.hi) - int(s.hi_open) if s.hi is not None else 2**40
        return st.integers(int(lo) + int(s.lo_open), hi)
    return st.floats(lo, s.hi if s.hi is not None else 1e6, exclude_min=s.lo_open,
                     exclude_max=s.hi_open, allow_nan=False, allow_infinity=False)


def _value(s: Setting) -> st.SearchStrategy[Any]:
    """Any value the schema allows for ``s`` (every kind, the whole range)."""
    if s.kind == "choice":
        return st.sampled_from(s.choices)
    if s.kind == "bool":
        return st.booleans()
    return _numbers(s)


def _like(value: Any) -> st.SearchStrategy[Any]:
    """A task option of the type its default has (text of any characters)."""
    if isinstance(value, bool):
        return st.booleans()
    if isinstance(value, int):
        return st.integers(-5, 50)
    if isinstance(value, float):
        return st.floats(0, 1, allow_nan=False)
    if isinstance(value, list):
        return st.lists(st.text(max_size=6), max_size=3)
    return st.text(max_size=12)


@st.composite
def configs(draw: st.DrawFn, name: str):
    task = get_task(name)
    cfg = task.default_config()
    for key, default in list(cfg.task.options.items()):
        if draw(st.booleans()):
            cfg.task.options[key] = draw(_like(default))
    if draw(st.integers(0, 4)) == 0:  # an option the task does not declare
        cfg.task.options[draw(st.text(min_size=1, max_size=8))] = draw(_like(""))
    for s in SETTINGS:
        if draw(st.booleans()):
            setattr(getattr(cfg, s.section), s.name, draw(_value(s)))
    try:
        task.apply_shape(cfg.network, cfg.task)
    except (ValueError, TypeError, KeyError, OverflowError):
        cfg.task.options = task.default_config().task.options  # options it cannot use
        task.apply_shape(cfg.network, cfg.task)
    # Settings that do not go together go back to the task's default one by one (drawing
    # until everything fits would throw most examples away).
    default = task.default_config()
    t, n = cfg.task, cfg.network
    room = MAX_DATA_BYTES // (8 * t.seq_len * (n.input_size + n.output_size + 2))
    t.n_samples = max(4, min(t.n_samples, room))
    for _ in range(len(SETTINGS)):
        try:
            cfg.validate()
            return cfg
        except ConfigError as e:
            section, _, name = str(e).partition(":")[0].partition(".")
            if section not in ("task", "network", "training"):
                break
            setattr(getattr(cfg, section), name, getattr(getattr(default, section), name))
    assume(False)


@pytest.mark.parametrize("name", TASKS)
@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.filter_too_much,
                                                                HealthCheck.too_slow])
@given(data=st.data())
def test_every_field_of_every_task_reads_back_as_written(name, data):
    cfg = data.draw(configs(name))
    line = setup_line(cfg)
    assert parse_setup_line(line).to_dict() == cfg.to_dict()
    assert not any(c.isspace() for c in line) and "(" not in line and ")" not in line
    assert line.split(";")[0] == cfg.task.name


def test_only_what_differs_from_the_task_defaults_is_written():
    task = get_task("long_memory")
    cfg = task.default_config()
    assert setup_line(cfg) == "long_memory"
    cfg.network.cell, cfg.network.hidden_size = "rnn", 32
    cfg.training.learning_rate, cfg.training.seed = 0.01, 3
    cfg.task.options["classes"] = 4
    task.apply_shape(cfg.network, cfg.task)  # 4 classes: the outputs follow, unwritten
    line = setup_line(cfg)
    assert line == "long_memory;classes=4;cell=rnn;hidden=32;lr=0.01;seed=3"
    assert parse_setup_line(line).to_dict() == cfg.to_dict()
    # Every shipped lesson's setup as a line gives the same setup.
    for lesson in load_lessons():
        for s in lesson.setups:
            assert parse_setup_line(setup_line(s.config())).to_dict() == s.config().to_dict()


def test_every_setting_is_written_under_its_command_line_name():
    names = [short_name(s) for s in SETTINGS]
    assert len(set(names)) == len(names)
    assert {"hidden", "lr", "seed", "attention", "seq-len"} <= set(names)
    base = get_task("translation").default_config()
    base.network.attention = "additive"
    assert setup_line(base) == "translation;attention=additive"


def test_the_line_is_read_generously_where_nothing_is_ambiguous():
    a = parse_setup_line("task=long_memory  cell=rnn hidden=32;seq_len=12;network.num_layers=2")
    assert (a.task.name, a.network.cell, a.network.hidden_size) == ("long_memory", "rnn", 32)
    assert a.task.seq_len == 12 and a.network.num_layers == 2
    b = parse_setup_line("named_entities;bidirectional=off;lr=1e-3;option.extra=%22x%20y%22")
    assert not b.network.bidirectional and math.isclose(b.training.learning_rate, 0.001)
    assert b.task.options["extra"] == "x y"
    c = parse_setup_line(" setup:long_memory;cell=rnn\n")  # a lesson's link, copied whole
    assert c.network.cell == "rnn"


@pytest.mark.parametrize("line,fragment", [
    ("", "empty"),
    ("nope;hidden=3", "no task 'nope'"),
    ("hidden=3", "starts with its task"),
    ("long_memory;hiden=3", "'hiden' is neither a setting nor an option"),
    ("long_memory;hidden", "NAME=VALUE"),
    ("long_memory;hidden=abc", "hidden: 'abc' is not a whole number"),
    ("long_memory;hidden=0", "hidden: 0 is not allowed"),
    ("long_memory;lr=inf", "lr: inf is not allowed"),
    ("long_memory;bidirectional=maybe", "not true or false"),
    ("long_memory;cell=transformer", "cell: transformer is not allowed"),
    ("long_memory;hidden=3;hidden=4", "given twice"),
    ("long_memory;input-size=9", "the task long_memory decides it"),
    ("long_memory;classes=NaN", "classes: NaN"),
    ("long_memory;classes=%FF", "not UTF-8"),
    ("translation;attention=dot;bidirectional=true", "attention:"),
    ("sine_forecast;samples=1000000;seq-len=10000", "samples:"),
    ("long_memory;" + "x" * 5000, "characters long"),
])
def test_a_bad_line_says_which_item_and_why(line, fragment):
    with pytest.raises(SetupLineError) as e:
        parse_setup_line(line)
    assert fragment in str(e.value)
    assert "\n" not in str(e.value)
