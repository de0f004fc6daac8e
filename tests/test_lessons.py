"""Lessons: every setup builds and trains, texts and links are consistent (what each text
claims about training is checked in test_lesson_claims.py)."""

import re

import numpy as np
import pytest

from rnn_sandbox.lessons import (
    LessonError,
    build_config,
    get_lesson,
    load_lessons,
    neighbours,
    resolve_link,
    try_this,
)
from rnn_sandbox.session import Experiment
from rnn_sandbox.tasks import get_task

LESSONS = load_lessons()
SETUPS = [(le.id, s.id) for le in LESSONS for s in le.setups]


def test_the_course_covers_the_required_topics_in_order():
    ids = [le.id for le in LESSONS]
    assert ids[:7] == ["mappings", "order", "time_steps", "task_types", "bidirectional",
                       "bptt", "gradients"]
    assert [le.number for le in LESSONS] == list(range(1, len(LESSONS) + 1))
    tour = {s.config().network.architecture for s in get_lesson("task_types").setups}
    assert tour == {"many_to_one", "one_to_many", "many_to_many", "seq2seq"}
    assert "ctc" in {s.config().network.loss for s in get_lesson("task_types").setups}


@pytest.mark.parametrize("lesson_id,setup_id", SETUPS)
def test_every_setup_builds_a_valid_config_and_trains(lesson_id, setup_id):
    cfg = get_lesson(lesson_id).preset(setup_id)
    cfg.validate()
    exp = Experiment(cfg)
    snaps = list(exp.trainer.run(steps=3))
    assert [s.step for s in snaps] == [1, 2, 3]
    assert all(np.isfinite(s.train_loss) for s in snaps)


def test_overrides_change_only_what_they_name():
    lesson = get_lesson("bptt")
    cfg = lesson.preset()
    assert cfg.task.name == "tiny_bptt"
    net = cfg.network
    assert (net.input_size, net.hidden_size, net.output_size, cfg.task.seq_len) == (2, 3, 1, 4)
    weather = get_lesson("time_steps").preset("ten_minutes")
    default = get_task("weather").default_config()
    assert weather.task.options["resolution"] == "10min"
    assert weather.task.seq_len == 144
    # Options are merged: the ones the setup does not name keep their default.
    assert weather.task.options["horizon_hours"] == default.task.options["horizon_hours"]
    assert weather.training == default.training
    exploding = get_lesson("gradients").preset("exploding")
    assert (exploding.network.init, exploding.network.spectral_radius) == ("spectral", 2.4)
    assert exploding.training.clip_norm == 0.0
    assert get_lesson("gradients").preset("clipped").training.clip_norm == 1.0
    assert get_lesson("gradients").preset("gated").network.cell == "lstm"
    assert get_lesson("bidirectional").preset("both_directions").network.bidirectional


def test_presets_are_fresh_copies():
    a = get_lesson("bptt").preset()
    a.network.hidden_size = 50
    a.task.options["x"] = 1
    b = get_lesson("bptt").preset()
    assert b.network.hidden_size == 3 and "x" not in b.task.options


@pytest.mark.parametrize("overrides,message", [
    ({"network": {"hiden_size": 3}}, "network.hiden_size"),
    ({"netwrk": {}}, "netwrk"),
    ({"network": {"hidden_size": "three"}}, "hidden_size"),
    ({"network": {"cell": "transformer"}}, "network.cell"),
    ({"task": {"name": "weather"}}, "names its task"),
])
def test_bad_overrides_are_refused_with_the_setting_named(overrides, message):
    with pytest.raises(LessonError, match=re.escape(message)):
        build_config("tiny_bptt", overrides)


def test_unknown_lessons_and_setups_are_refused():
    with pytest.raises(LessonError):
        get_lesson("nope")
    with pytest.raises(LessonError):
        get_lesson("bptt").preset("nope")


def test_every_lesson_has_text_title_and_a_try_this_list():
    for le in LESSONS:
        text = le.text()
        assert text.startswith(f"# {le.number}. "), le.file
        items = le.try_this()
        assert 2 <= len(items) <= 6, (le.id, items)
        assert all(len(i) > 20 for i in items)


def test_try_this_reads_the_list_under_its_heading_only():
    md = "# T\n\n- not this\n\n## Try this\n- one\n  continued\n* two\n\n## Later\n- no\n"
    assert try_this(md) == ["one continued", "two"]
    assert try_this("# nothing here\n- a\n") == []


def test_links_point_to_existing_lessons_and_setups():
    for le in LESSONS:
        links = le.links()
        for kind, target in links:
            if kind == "lesson":
                get_lesson(target)
            else:
                le.setup(target)
        nxt = neighbours(le.id)[1]
        if nxt is not None:
            assert ("lesson", nxt.id) in links, f"{le.id} does not link to the next lesson"
    assert ("setup", "ctc") in get_lesson("task_types").links()


def test_resolve_link():
    assert resolve_link("06_bptt.md") == ("lesson", "bptt")
    assert resolve_link("lesson:gradients") == ("lesson", "gradients")
    assert resolve_link("setup:hourly") == ("setup", "hourly")
    assert resolve_link("https://example.org/06_bptt.md") is None
    assert resolve_link("missing.md") is None


def test_neighbours_at_both_ends():
    assert neighbours(LESSONS[0].id)[0] is None
    assert neighbours(LESSONS[-1].id)[1] is None
    assert neighbours("bptt") == (get_lesson("bidirectional"), get_lesson("gradients"))


def test_lessons_load_without_qt():
    # Lessons are read by scripts too; like the engine they must not pull in Qt.
    import subprocess
    import sys

    code = (
        "import sys, importlib.abc\n"
        "class Block(importlib.abc.MetaPathFinder):\n"
        "    def find_spec(self, name, path, target=None):\n"
        "        if name.split('.')[0] in ('PySide6', 'shiboken6', 'pyqtgraph'):\n"
        "            raise ImportError('Qt is blocked: ' + name)\n"
        "sys.meta_path.insert(0, Block())\n"
        "from rnn_sandbox.lessons import load_lessons\n"
        "print(len(load_lessons()), load_lessons()[5].preset().task.name)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [str(len(LESSONS)), "tiny_bptt"]
