"""rnn-sandbox units: each unit with its best feature, and the pictures of --png."""

from __future__ import annotations

import re

import numpy as np
import pytest

from rnn_sandbox.cli import main
from rnn_sandbox.io import save_experiment
from tests.tasks.test_units import marker_copying_experiment


@pytest.fixture
def saved(tmp_path):
    path = tmp_path / "run.rnnx"
    save_experiment(path, marker_copying_experiment(unit=5))
    return path


def test_units_prints_every_unit_with_its_best_feature_first_the_copying_one(capsys, saved):
    assert main(["units", str(saved)]) == 0
    out = capsys.readouterr().out
    rows = re.findall(r"^\s*(\d+)  (.+?)\s+([+-]\d\.\d\d)$", out, re.M)
    units = [int(u) for u, _, _ in rows[:8]]
    assert sorted(units) == list(range(8))  # every unit once, then the features' rows
    assert rows[0][:2] == ("5", "the marked step") and float(rows[0][2]) > 0.99
    assert "state l0 (8 units)" in out
    marked = next(line for line in out.splitlines() if line.startswith("the marked step"))
    assert marked.split()[3] == "5"
    assert main(["units", str(saved), "--top", "2"]) == 0
    out = capsys.readouterr().out
    assert len(re.findall(r"^\s+\d+  ", out, re.M)) == 2


@pytest.mark.parametrize("argv,message", [
    (["--layer", "l7"], "--layer must be one of l0"),
    (["--unit", "8"], "--unit must lie in 0..7"),
    (["--png", "x.gif"], "use a .png file"),
    (["--samples", "0"], "--samples must lie"),
])
def test_units_refuses_what_it_cannot_do_in_one_line(capsys, saved, argv, message):
    assert main(["units", str(saved), *argv]) == 2
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1



def test_units_png_draws_the_text_and_the_projection(capsys, saved, tmp_path, qapp):
    from PySide6.QtGui import QImage

    png = tmp_path / "units.png"
    assert main(["units", str(saved), "--png", str(png), "--size", "900x500"]) == 0
    assert "unit 5 on the text" in capsys.readouterr().out
    image = QImage(str(png))
    assert (image.width(), image.height()) == (900, 500)
    colours = {image.pixel(x, y) for x in range(0, 900, 7) for y in range(0, 500, 7)}
    assert len(colours) > 20  # text, colour scale and points, not a blank page
    assert np.isfinite(len(colours))
