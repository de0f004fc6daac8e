"""A whole setup as one short line of text: ``long_memory;cell=rnn;hidden=32;lr=0.01;seed=3``.

The line names the task, then only what differs from that task's defaults: task options
and every setting of :mod:`rnn_sandbox.fields`, each under its command-line name (``hidden``,
``lr``, ``seq-len``; a setting without one under its name with hyphens).  Both directions
are made from the schema, so a new setting is written and read with no code here.

Edit → Copy setup as text writes it, Edit → Paste setup, a lesson's ``setup:`` link and
``rnn-sandbox train --setup`` read it.  It is URL-safe: items are separated by ``;``
(whitespace is read as a separator too), values are percent-encoded where needed
(``text=a%20b``).  A task option is written under its own name (``classes=4``), or as
``option.NAME`` when the name is not one the task declares or is a setting's; its value is
read as JSON when it is JSON (``4``, ``true``, ``["a","b"]``), else as text.

A line that cannot be read raises :class:`SetupLineError` naming the item and why; nothing
is built from a line until all of it is read and the whole setup validates.
"""

from __future__ import annotations

import copy
import json
import re
from typing import Any
from urllib.parse import quote, unquote

from rnn_sandbox.config import ConfigError, ExperimentConfig
from rnn_sandbox.fields import SETTINGS, Setting
from rnn_sandbox.tasks import TaskError, all_tasks, get_task
from rnn_sandbox.translation import tr
from rnn_sandbox.wording import printable

# A setup is a few dozen characters; anything this long is not one (and is not parsed).
MAX_LINE = 4000
OPTION_PREFIX = "option."
# Characters left as they are in values: readable, and safe in a URL and a Markdown link.
_SAFE = "-._~,:/+@!*"
_SEPARATORS = re.compile(r"[;\s]+")
_TRUE = ("true", "on", "yes", "1")
_FALSE = ("false", "off", "no", "0")


class SetupLineError(ValueError):
    """A setup line that cannot be read or names a setup that cannot work; the message
    says which item and why."""


def short_name(s: Setting) -> str:
    """A setting's name in a setup line: its command-line name, else its name."""
    return s.cli or s.name.replace("_", "-")


_BY_NAME: dict[str, Setting] = {}
for _s in SETTINGS:
    for _alias in (short_name(_s), _s.name, _s.name.replace("_", "-"), _s.key):
        # A clash would make a line ambiguous: the schema must keep names apart.
        assert _BY_NAME.get(_alias, _s) is _s, f"two settings are called {_alias!r}"
        _BY_NAME[_alias] = _s
del _s, _alias


def _order() -> list[Setting]:
    """Task settings first, then network and training; the seed last (it is what a
    reader changes most)."""
    rank = {"task": 0, "network": 1, "training": 2}
    ordered = sorted(SETTINGS, key=lambda s: rank.get(s.section, 3))
    return [s for s in ordered if s.key != "training.seed"] + [
        s for s in ordered if s.key == "training.seed"]


# -- writing ---------------------------------------------------------------------------------
def setup_line(cfg: ExperimentConfig) -> str:
    """``cfg`` as one line: its task, then what differs from the task's defaults (the
    network fields the task decides are left out: they follow from the rest)."""
    task = get_task(cfg.task.name)
    base = task.default_config()
    forced = task.shape(cfg.task)
    items = [_encode(cfg.task.name)]
    declared = base.task.options
    for key, value in cfg.task.options.items():
        if key in declared and declared[key] == value and type(declared[key]) is type(value):
            continue
        bare = key in declared and key not in _BY_NAME and key != "task"
        name = key if bare else OPTION_PREFIX + key
        items.append(f"{_encode(name)}={_encode(_option_text(value))}")
    for s in _order():
        value = getattr(getattr(cfg, s.section), s.name)
        default = getattr(getattr(base, s.section), s.name)
        if s.section == "network" and s.name in forced and forced[s.name] == value:
            continue
        if value == default and type(value) is type(default):
            continue
        items.append(f"{short_name(s)}={_value_text(s, value)}")
    return ";".join(items)


def _value_text(s: Setting, value: Any) -> str:
    if s.kind == "bool":
        return "true" if value else "false"
    if s.kind == "float":
        text = repr(float(value))  # the shortest text that reads back as the same float
        return text[:-2] if text.endswith(".0") else text
    return _encode(str(value))


def _option_text(value: Any) -> str:
    """A task option's value: text as is where it reads back as that text, else JSON."""
    if isinstance(value, str):
        try:
            json.loads(value)
        except ValueError:
            return value  # reads back as text
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def _encode(text: str) -> str:
    return quote(text, safe=_SAFE)


# -- reading ---------------------------------------------------------------------------------
def parse_setup_line(line: str) -> ExperimentConfig:
    """The setup ``line`` names: the task's defaults with the line's changes, shaped by the
    task and validated.  Raises :class:`SetupLineError` saying what is wrong."""
    if not isinstance(line, str):
        raise SetupLineError(tr("a setup line is text"))
    if len(line) > MAX_LINE:
        raise SetupLineError(tr("the setup line is {length} characters long (at most {most}); a "
                                "setup line names a task and a few settings").format(
            length=len(line), most=MAX_LINE))
    # A lesson's link copied whole reads as the line it carries.
    text = line.strip()
    text = text[len("setup:"):] if text[:6].lower() == "setup:" else text
    items = [i for i in _SEPARATORS.split(text) if i]
    if not items:
        raise SetupLineError(tr("the setup line is empty: it starts with a task, like "
                                "long_memory;cell=lstm;hidden=32"))
    first = _decode(items[0], tr("the task"))
    name = first.removeprefix("task=") if first.startswith("task=") else first
    if "=" in name:
        raise SetupLineError(tr("a setup line starts with its task, not '{name}' (tasks: "
                                "{tasks})").format(name=_show(name), tasks=_task_names()))
    try:
        task = get_task(name)
    except (TaskError, KeyError):
        raise SetupLineError(tr("there is no task '{name}' (tasks: {tasks})").format(
            name=_show(name), tasks=_task_names())) from None
    cfg = task.default_config()
    declared = set(cfg.task.options)
    given: dict[Setting, Any] = {}
    seen: set[str] = set()
    for item in items[1:]:
        raw_key, sep, raw_value = item.partition("=")
        key = _decode(raw_key, tr("a name"))
        if not sep or not key:
            raise SetupLineError(tr("'{item}': write each setting as NAME=VALUE, like "
                                    "hidden=32").format(item=_show(key or item)))
        value = _decode(raw_value, key)
        if key in seen:
            raise SetupLineError(tr("'{name}' is given twice").format(name=_show(key)))
        seen.add(key)
        setting = _BY_NAME.get(key)
        if setting is not None and not key.startswith(OPTION_PREFIX):
            if setting in given:
                raise SetupLineError(tr("'{name}' is given twice").format(name=_show(key)))
            given[setting] = _setting_value(setting, key, value)
        elif key.startswith(OPTION_PREFIX) and len(key) > len(OPTION_PREFIX):
            cfg.task.options[key[len(OPTION_PREFIX):]] = _option_value(key, value)
        elif key in declared:
            cfg.task.options[key] = _option_value(key, value)
        else:
            raise SetupLineError(_unknown(key, task.name, declared))
    for s, value in given.items():
        setattr(getattr(cfg, s.section), s.name, value)
    try:
        task.apply_shape(cfg.network, cfg.task)
    except (ValueError, TypeError, KeyError, OverflowError) as e:
        raise SetupLineError(tr("{task} cannot use these options: {reason}").format(
            task=task.name, reason=e)) from None
    for s, value in given.items():
        now = getattr(getattr(cfg, s.section), s.name)
        if now != value:
            raise SetupLineError(f"{short_name(s)}: " + tr(
                "the task {task} decides it ({value} for these settings); leave it out").format(
                    task=task.name, value=_show(str(now))))
    try:
        cfg.validate()
    except ConfigError as e:
        raise SetupLineError(_named(str(e))) from None
    return copy.deepcopy(cfg)


def _setting_value(s: Setting, key: str, text: str) -> Any:
    if s.kind == "bool":
        if text.lower() in _TRUE:
            return True
        if text.lower() in _FALSE:
            return False
        raise SetupLineError(f"{key}: " + tr("'{text}' is not true or false").format(
            text=_show(text)))
    if s.kind == "int":
        if not re.fullmatch(r"[+-]?[0-9]{1,30}", text):
            raise SetupLineError(f"{key}: " + tr("'{text}' is not a whole number").format(
                text=_show(text)))
        value: Any = int(text)
    elif s.kind == "float":
        try:
            value = float(text)
        except ValueError:
            raise SetupLineError(f"{key}: " + tr("'{text}' is not a number").format(
                text=_show(text))) from None
    else:
        value = text
    reason = s.check(value)
    if reason is not None:
        raise SetupLineError(f"{key}: " + tr("{text} is not allowed: {reason}").format(
            text=_show(text), reason=reason))
    return value


def _option_value(key: str, text: str) -> Any:
    def refuse(constant: str) -> Any:
        raise SetupLineError(f"{key}: " + tr("{value} is not a value an option can take").format(
            value=constant))

    try:
        return json.loads(text, parse_constant=refuse)
    except RecursionError:
        raise SetupLineError(f"{key}: " + tr("the value is nested too deeply")) from None
    except ValueError as e:
        if isinstance(e, SetupLineError):
            raise
        return text  # not JSON: the text itself


def _decode(text: str, what: str) -> str:
    try:
        return unquote(text, errors="strict")
    except UnicodeDecodeError:
        raise SetupLineError(f"{_show(what)}: " + tr("the %-escapes are not UTF-8 text")) from None


def _unknown(key: str, task: str, options: set[str]) -> str:
    names = ", ".join(sorted({short_name(s) for s in SETTINGS}))
    if options:
        return tr("'{name}' is neither a setting nor an option of {task} (settings: {settings}; "
                  "options of {task}: {options})").format(
            name=_show(key), task=task, settings=names, options=", ".join(sorted(options)))
    return tr("'{name}' is neither a setting nor an option of {task} (settings: {settings})"
              ).format(name=_show(key), task=task, settings=names)


def _named(message: str) -> str:
    """A config error with the setting under the name the line uses (``hidden``, not
    ``network.hidden_size``)."""
    key, sep, rest = message.partition(": ")
    s = _BY_NAME.get(key)
    return f"{short_name(s)}: {rest}" if sep and s is not None else message


def _task_names() -> str:
    return ", ".join(t.name for t in all_tasks())


def _show(text: str) -> str:
    """A piece of the line as it may be shown in a message: short, one line."""
    text = printable(text)
    return text if len(text) <= 60 else text[:57] + "…"
