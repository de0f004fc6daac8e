"""From the command line to an experiment: the task's defaults with the options' changes,
validated, and the experiment built from them or loaded from a file."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rnn_sandbox.cli.errors import CliError
from rnn_sandbox.cli.options import dest
from rnn_sandbox.translation import tr

if TYPE_CHECKING:
    from rnn_sandbox.config import ExperimentConfig
    from rnn_sandbox.session import Experiment


def parse_option(text: str) -> tuple[str, Any]:
    """``key=value`` with the value read as JSON when it is JSON, else kept as text."""
    from rnn_sandbox.config import MAX_OPTION_DEPTH

    key, sep, raw = text.partition("=")
    key = key.strip()
    if not sep or not key:
        raise CliError(tr("--option expects KEY=VALUE, got '{text}'").format(text=text[:80]))
    if _nesting(raw) > MAX_OPTION_DEPTH:  # measured first: parsing deep JSON recurses
        raise CliError(f"--option {key}: " + tr("nested more than {depth} levels deep").format(
            depth=MAX_OPTION_DEPTH))
    try:
        value = json.loads(raw)
    except ValueError:
        value = raw
    return key, value


def _nesting(text: str) -> int:
    """The deepest nesting of brackets in ``text`` outside JSON strings."""
    depth = deepest = 0
    in_string = escaped = False
    for ch in text:
        if in_string:
            escaped, in_string = (False, True) if escaped else (ch == "\\", ch != '"')
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif ch in "]}":
            depth -= 1
    return deepest


def config_from_args(args: argparse.Namespace) -> ExperimentConfig:
    """The task's default configuration with the command line's changes, validated."""
    from rnn_sandbox.config import ConfigError
    from rnn_sandbox.fields import SETTINGS
    from rnn_sandbox.tasks import TaskError, get_task

    line = getattr(args, "setup", None)
    cfg = get_task(args.task).default_config() if line is None else _setup(line)
    task = get_task(cfg.task.name)
    t, n = cfg.task, cfg.network
    for key, value in map(parse_option, args.option):
        t.options[key] = value
    for s in SETTINGS:  # the options this command offers that were given
        value = getattr(args, dest(s), None) if s.cli else None
        if value is not None:
            setattr(getattr(cfg, s.section), s.name, value)
    try:
        task.apply_shape(n, t)
    except (ValueError, TypeError, KeyError) as e:
        if isinstance(e, ConfigError | TaskError):
            raise
        raise CliError(tr("the task cannot use these settings: {reason}").format(
            reason=e)) from None
    cfg.validate()
    return cfg


def _setup(line: str) -> ExperimentConfig:
    """The configuration of ``--setup LINE``; a line that cannot be read is a person's
    mistake, said in one line."""
    from rnn_sandbox.setup_line import SetupLineError, parse_setup_line

    try:
        return parse_setup_line(line)
    except SetupLineError as e:
        raise CliError(f"--setup: {e}") from None


def experiment(cfg: ExperimentConfig) -> Experiment:
    """``Experiment(cfg)``, with a task option the task cannot use as a one-line error."""
    from rnn_sandbox.config import ConfigError
    from rnn_sandbox.session import Experiment
    from rnn_sandbox.tasks import TaskError

    try:
        return Experiment(cfg)
    except (ConfigError, TaskError):
        raise
    except (ValueError, TypeError, OverflowError) as e:  # a task option it cannot use
        raise CliError(tr("the task cannot use these settings: {reason}").format(
            reason=e)) from None


def memory_check(cfg: ExperimentConfig) -> str:
    """What training ``cfg`` needs, as the command prints it; settings that need more
    memory than there is are refused here, before anything is built."""
    from rnn_sandbox.engine.budget import available_memory, estimate, refusal, size_text

    est = estimate(cfg, timed=True)
    have = available_memory()
    if est.total > have:
        raise CliError(refusal(cfg, est, est.total, have))
    return tr("{estimate} ({memory} available)").format(estimate=est.text(),
                                                        memory=size_text(have))


def load(path: Path) -> Experiment:
    """The experiment of a saved file (its errors are the file's, one line each)."""
    from rnn_sandbox.io import load_experiment

    return load_experiment(path)
