"""Your own CSV: good files load, bad files say what is wrong and where, and it learns."""

from __future__ import annotations

import numpy as np
import pytest

from rnn_sandbox.tasks import TaskError, get_task
from rnn_sandbox.tasks.csv_series import read_csv_columns, read_csv_table, resolve_path

TASK = get_task("csv_series")


def config(path="", seq_len=4, horizon=1, features=("a", "b"), target="a", n_samples=5000):
    cfg = TASK.default_config().copy()
    cfg.task.seq_len = seq_len
    cfg.task.n_samples = n_samples
    cfg.task.options = {
        "path": str(path), "features": list(features), "target": target, "horizon": horizon,
    }
    TASK.apply_shape(cfg.network, cfg.task)
    return cfg


def write(tmp_path, text, name="data.csv"):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def good_csv(tmp_path, n=30):
    lines = ["a,b,c"] + [f"{i},{2 * i + 1},{'x' if i % 2 else 'y'}" for i in range(n)]
    return write(tmp_path, "\n".join(lines) + "\n\n")


def test_good_file_loads_with_windows_and_training_statistics(tmp_path):
    p = good_csv(tmp_path, n=30)
    assert read_csv_columns(p) == ["a", "b", "c"]
    cfg = config(p, seq_len=4, horizon=2)
    d = TASK.make(cfg.task, 0)
    # 30 rows → 25 windows; 20% (5) of the latest are validation.
    assert d.train.x.shape == (20, 4, 2) and d.val.x.shape == (5, 4, 2)
    assert d.train.y.shape == (20, 1)
    # Training rows are 0..24 (the last training window starts at 19, target row 24).
    mean, std = np.arange(25).mean(), np.arange(25).std()
    assert d.meta["target_mean"] == pytest.approx(mean)
    assert d.meta["target_std"] == pytest.approx(std)
    # Window k holds rows k..k+3 of column a; its target is row k+5.
    assert np.allclose(d.train.x[3, :, 0] * std + mean, [3, 4, 5, 6])
    assert d.train.y[3, 0] * std + mean == pytest.approx(8)
    assert d.val.y[-1, 0] * std + mean == pytest.approx(29)
    # Column b is standardised with its own training statistics.
    b = 2 * np.arange(25) + 1
    assert np.allclose(d.train.x[0, :, 1], (np.array([1, 3, 5, 7]) - b.mean()) / b.std())
    # A text column nobody asked for is fine.
    assert "a" in TASK.render_sample(d, 0) and "forecast" in TASK.render_prediction(d, 0, [0.0])
    assert TASK.make(cfg.task, 0).train.x.tobytes() == d.train.x.tobytes()


def test_n_samples_keeps_the_latest_windows(tmp_path):
    p = good_csv(tmp_path, n=30)
    d = TASK.make(config(p, n_samples=10).task, 0)
    assert len(d.train) + len(d.val) == 10
    std, mean = d.meta["target_std"], d.meta["target_mean"]
    assert d.val.y[-1, 0] * std + mean == pytest.approx(29)


def test_quoted_cells_and_byte_order_mark_are_accepted(tmp_path):
    p = tmp_path / "bom.csv"
    p.write_bytes("\ufeffa,\"b\"\n".encode() + b"".join(f'{i},"{i}"\n'.encode() for i in range(9)))
    assert read_csv_columns(p) == ["a", "b"]
    assert read_csv_table(p, ["b"])["b"].tolist() == list(range(9))


@pytest.mark.parametrize(
    "text,columns,pattern",
    [
        ("", ["a"], r"is empty"),
        ("\n\n", ["a"], r"is empty"),
        ("1,2\n3,4\n", ["a"], r"no header: row 1 holds numbers"),
        ("a,b\n", ["a"], r"header but no data rows"),
        ("a,b\n1,2\n3,\n5,6\n", ["a", "b"], r"gap at row 3, column 'b'"),
        ("a,b\n1,2\n3,4\nfive,6\n", ["a", "b"], r"row 4, column 'a' holds text \('five'\)"),
        ("a,b\n1,2\n3,4\n", ["a", "z"], r"no column named 'z'; its columns are: a, b"),
        ("a,b\n1,2\n3,inf\n", ["b"], r"row 3, column 'b' holds 'inf', which is not a finite"),
        ("a,b\n1,2\nnan,4\n", ["a"], r"row 3, column 'a' holds 'nan'"),
        ("a,b\n1,2\n3\n", ["a"], r"row 3 has 1 cells but the header names 2 columns"),
        ("a,b\n1,2\n\n3,4\n", ["a"], r"row 3 is empty"),
        ("a,,c\n1,2,3\n", ["a"], r"column 2 has no name"),
        ("a,b,a\n1,2,3\n", ["a"], r"names column 'a' twice"),
    ],
)
def test_bad_files_say_what_and_where(tmp_path, text, columns, pattern):
    p = write(tmp_path, text)
    with pytest.raises(TaskError, match=pattern) as info:
        read_csv_table(p, columns)
    assert "data.csv" in str(info.value)


def test_missing_and_binary_files(tmp_path):
    with pytest.raises(TaskError, match="not found"):
        read_csv_columns(tmp_path / "nope.csv")
    with pytest.raises(TaskError, match="not found"):
        read_csv_columns(tmp_path)  # a folder is not a file
    p = tmp_path / "bin.csv"
    p.write_bytes(b"\xff\xfe\x00\x81garbage")
    with pytest.raises(TaskError, match="not a text file"):
        read_csv_columns(p)


def test_too_few_rows_for_window_and_horizon(tmp_path):
    p = good_csv(tmp_path, n=10)
    with pytest.raises(TaskError, match=r"10 data rows.*window of 6 rows plus a horizon of 3"):
        TASK.make(config(p, seq_len=6, horizon=3).task, 0)
    TASK.make(config(p, seq_len=4, horizon=3).task, 0)  # 10 rows = 4 + 3 + 3: just enough


def test_bad_options(tmp_path):
    p = good_csv(tmp_path)
    with pytest.raises(TaskError, match="at least one feature"):
        TASK.make(config(p, features=()).task, 0)
    with pytest.raises(TaskError, match="horizon"):
        TASK.make(config(p, horizon=0).task, 0)
    with pytest.raises(TaskError, match="no column named 'q'"):
        TASK.make(config(p, target="q").task, 0)
    # The text column is only an error once someone asks for it.
    with pytest.raises(TaskError, match=r"row 2, column 'c' holds text \('y'\)"):
        TASK.make(config(p, features=("a", "c")).task, 0)


def test_default_is_the_shipped_example():
    path = resolve_path("")
    assert path.name == "example_series.csv" and path.is_file()
    assert read_csv_columns("") == ["hour", "temperature", "humidity", "pressure"]
    cfg = TASK.default_config()
    assert cfg.network.input_size == len(cfg.task.options["features"])
