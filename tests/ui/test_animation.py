"""The step-through as an animation (GIF, APNG) or as slides (PDF), from the window's
File → Export → Animation… and from ``rnn-sandbox animate``."""

from __future__ import annotations

import re

import numpy as np
import pytest
from PIL import Image, ImageSequence
from PySide6.QtWidgets import QDialog, QFileDialog

from rnn_sandbox import cli
from rnn_sandbox.session import Experiment
from rnn_sandbox.tasks import get_task
from rnn_sandbox.ui import animation
from rnn_sandbox.ui.animation import AnimationDialog, diagram_for, render_frames, write_animation

SIZE = (320, 180)


@pytest.fixture
def tiny(qtbot):
    """A diagram of a freshly built tiny_bptt experiment (its default settings)."""
    exp = Experiment(get_task("tiny_bptt").default_config())
    widget = diagram_for(exp, 0)
    qtbot.addWidget(widget)
    return widget


def _pixels(frames) -> list[np.ndarray]:
    return [np.asarray(f.convert("RGB")) for f in frames]


def _pdf_pages(data: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![A-Za-z])", data))


def test_a_backward_gif_has_one_frame_per_step_and_each_differs(tiny, tmp_path):
    steps = tiny.stepper.n
    assert steps == tiny.model.total_steps() == tiny.cfg.task.seq_len == 4
    frames = render_frames(tiny, "backward", SIZE)
    assert len(frames) == steps
    assert all((f.width(), f.height()) == SIZE for f in frames)
    write_animation(frames, tmp_path / "bptt.gif", 0.5)
    with Image.open(tmp_path / "bptt.gif") as gif:
        assert gif.format == "GIF" and gif.size == SIZE
        assert gif.n_frames == steps
        assert gif.info.get("loop") == 0 and gif.info.get("duration") == 500
        pixels = _pixels(ImageSequence.Iterator(gif))
    assert len(pixels) == steps
    for a, b in zip(pixels, pixels[1:], strict=False):
        assert not np.array_equal(a, b)


def test_the_walk_leaves_the_step_through_as_it_was(tiny):
    bar = tiny.stepper
    bar.set_mode("forward", emit=True)
    bar.advance(+1)
    assert (bar.mode, bar.step) == ("forward", 1)
    assert len(render_frames(tiny, "both", SIZE)) == 2 * bar.n
    assert (bar.mode, bar.step, tiny.model.mode) == ("forward", 1, "forward")


def test_backward_frames_walk_from_the_last_step_to_the_first(tiny):
    seen = []
    tiny.stepper.stepChanged.connect(seen.append)
    render_frames(tiny, "backward", SIZE)
    assert seen[: tiny.stepper.n - 1] == [2, 1, 0]


def test_apng_and_pdf_hold_every_frame(tiny, tmp_path):
    frames = render_frames(tiny, "both", SIZE)
    write_animation(frames, tmp_path / "both.png", 0.8)
    with Image.open(tmp_path / "both.png") as png:
        assert png.format == "PNG" and png.n_frames == len(frames) == 8
        assert png.info.get("loop") == 0
    write_animation(frames, tmp_path / "slides.pdf")
    data = (tmp_path / "slides.pdf").read_bytes()
    assert data.startswith(b"%PDF") and _pdf_pages(data) == len(frames)


def test_other_kinds_and_bad_places_are_refused_with_nothing_written(tiny, tmp_path):
    frames = render_frames(tiny, "forward", SIZE)
    with pytest.raises(ValueError, match=r"\.gif"):
        write_animation(frames, tmp_path / "walk.mp4")
    with pytest.raises(OSError, match="does not exist"):
        write_animation(frames, tmp_path / "missing" / "walk.gif")
    with pytest.raises(ValueError, match="mode"):
        render_frames(tiny, "sideways", SIZE)
    with pytest.raises(ValueError, match="size"):
        render_frames(tiny, "forward", (10, 10))
    assert list(tmp_path.iterdir()) == []


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tiny, tmp_path, monkeypatch):
    target = tmp_path / "walk.gif"
    target.write_bytes(b"old")
    frames = render_frames(tiny, "forward", SIZE)

    def broken(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(Image.Image, "save", broken)
    with pytest.raises(OSError, match="disk full"):
        write_animation(frames, target)
    assert target.read_bytes() == b"old" and list(tmp_path.iterdir()) == [target]


def test_the_command_line_writes_a_backward_gif(qapp, tmp_path, capsys):
    exp = Experiment(get_task("tiny_bptt").default_config())
    for _ in range(5):
        exp.trainer.step()
    from rnn_sandbox.io import save_experiment

    save_experiment(tmp_path / "run.rnnx", exp)
    out = tmp_path / "bptt.gif"
    code = cli.main(["animate", str(tmp_path / "run.rnnx"), "--backward", "--size", "320x180",
                     "--seconds", "0.3", "--index", "2", "--out", str(out)])
    captured = capsys.readouterr()
    assert code == cli.EXIT_OK, captured.err
    assert "4 frames (backward walk)" in captured.out
    with Image.open(out) as gif:
        assert gif.n_frames == 4 and gif.size == (320, 180)
    code = cli.main(["animate", str(tmp_path / "run.rnnx"), "--out", str(tmp_path / "a.avi")])
    assert code == cli.EXIT_USAGE and not (tmp_path / "a.avi").exists()
    assert capsys.readouterr().err.count("\n") == 1


def test_the_window_menu_writes_the_chosen_file(make_window, small, monkeypatch, tmp_path):
    w = make_window(small(get_task("tiny_bptt").default_config()))
    bar = w.diagram.stepper
    before = (bar.mode, bar.step)
    asked = []

    def answer(parent, title, folder, filters):
        asked.append(filters)
        return str(tmp_path / "walk"), "PDF, one page per step (*.pdf)"

    def accept(dialog):
        dialog.mode_box.setCurrentIndex(animation.MODES.index("both"))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(answer))
    monkeypatch.setattr(AnimationDialog, "exec", accept)
    file_menu = next(a for a in w.menuBar().actions() if a.text() == "&File").menu()
    export = next(a for a in file_menu.actions() if a.text() == "&Export").menu()
    next(a for a in export.actions() if a.text() == "Animation…").trigger()
    assert asked == [animation.FILTERS]
    assert w.last_message is None or w.last_message[0] != "Cannot export"
    data = (tmp_path / "walk.pdf").read_bytes()
    assert _pdf_pages(data) == 2 * bar.n
    assert (bar.mode, bar.step) == before


def test_the_window_tells_why_it_cannot_export(make_window, small, monkeypatch, tmp_path):
    w = make_window(small(get_task("tiny_bptt").default_config()))
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a: (str(tmp_path / "no" / "walk.gif"), "")))
    monkeypatch.setattr(AnimationDialog, "exec", lambda d: QDialog.DialogCode.Accepted)
    assert w.export_animation() is None
    assert w.last_message[0] == "Cannot export" and "does not exist" in w.last_message[1]


def test_the_command_line_writes_the_alignment_forming(qapp, tmp_path, capsys):
    """``animate --alignment``: the saved run trained again from its seed, the watched
    sample's α drawn at evenly spaced steps; its last frame is the saved network's α."""
    from rnn_sandbox.io import save_experiment
    from rnn_sandbox.ui.attention.forming import alignment_at, forming_frames

    cfg = get_task("translation").default_config()
    cfg.task.n_samples = 80
    cfg.network.hidden_size = 8
    cfg.network.attention = "dot"
    exp = Experiment(cfg)
    for _ in range(6):
        exp.trainer.step()
    save_experiment(tmp_path / "run.rnnx", exp)
    out = tmp_path / "alignment.gif"
    code = cli.main(["animate", str(tmp_path / "run.rnnx"), "--alignment", "--size",
                     "320x240", "--out", str(out)])
    captured = capsys.readouterr()
    assert code == cli.EXIT_OK, captured.err
    assert "7 frames of the alignment forming" in captured.out  # steps 0..6
    with Image.open(out) as gif:
        assert gif.n_frames == 7 and gif.size == (320, 240)
        frames = _pixels(ImageSequence.Iterator(gif))
    assert not np.array_equal(frames[0], frames[-1])  # it changed as it trained
    # The replayed run ends where the saved one did: the same α for the same sample.
    again = Experiment(cfg)
    for _ in range(6):
        again.trainer.step()
    np.testing.assert_allclose(alignment_at(again, 0).alpha, alignment_at(exp, 0).alpha)
    # A network without attention is refused with the reason, nothing written.
    cfg.network.attention = "none"
    plain = Experiment(cfg)
    with pytest.raises(ValueError, match="no attention"):
        forming_frames(plain, 0, SIZE)
    save_experiment(tmp_path / "plain.rnnx", plain)
    code = cli.main(["animate", str(tmp_path / "plain.rnnx"), "--alignment",
                     "--out", str(tmp_path / "p.gif")])
    assert code == cli.EXIT_USAGE and not (tmp_path / "p.gif").exists()
    assert "no attention" in capsys.readouterr().err
