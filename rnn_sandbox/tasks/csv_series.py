"""Many-to-one forecasting on the learner's own CSV file.

The file has a header row naming the columns and one row of numbers per time step, oldest
first.  The network reads a window of ``seq_len`` rows of the chosen feature columns and
predicts the target column ``horizon`` rows after the window's last row.  Every column is
standardised with the mean and spread of the training part only, so nothing about the
validation rows leaks into training.  Windows are split in time order: the latest ones are
the validation set, as they would be when forecasting for real.

A file that cannot be used raises :class:`TaskError` saying what is wrong and where
(row numbers count the header as row 1, as a spreadsheet shows them).
"""

from __future__ import annotations

import csv
import io
import math
from pathlib import Path
from typing import Any

import numpy as np

from rnn_sandbox.config import TaskConfig
from rnn_sandbox.engine.data import Batch, Dataset
from rnn_sandbox.tasks.base import Metric, Task, TaskError, register, resource_path
from rnn_sandbox.translation import number, tr

EXAMPLE_FILE = "example_series.csv"
# A CSV is read whole into Python lists (about ten times its size in memory), so larger
# files are refused from their size before reading.
MAX_CSV_BYTES = 64 << 20


def resolve_path(path: str | Path | None) -> Path:
    """The file to read; an empty path means the shipped example."""
    if path is None or str(path).strip() == "":
        return Path(str(resource_path("data", EXAMPLE_FILE)))
    return Path(path).expanduser()


def _read_rows(path: str | Path | None) -> tuple[Path, list[list[str]]]:
    from rnn_sandbox.files import FileError, read_regular_file

    p = resolve_path(path)
    if not p.exists() or p.is_dir():
        raise TaskError(tr("CSV file not found: {file}").format(file=p))
    try:  # a regular file of bounded size only: a FIFO or device could block or never end
        raw = read_regular_file(p, MAX_CSV_BYTES)
    except FileError as e:
        raise TaskError(str(e)) from None
    try:
        rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    except UnicodeDecodeError:
        raise TaskError(tr("{file} is not a text file (it is not UTF-8 encoded)").format(
            file=p.name)) from None
    except csv.Error as e:
        raise TaskError(tr("{file} is not a readable CSV file: {reason}").format(
            file=p.name, reason=e)) from None
    # Blank lines at the end of a file are harmless; drop them.
    while rows and not any(cell.strip() for cell in rows[-1]):
        rows.pop()
    if not rows:
        raise TaskError(tr("{file} is empty").format(file=p.name))
    return p, rows


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _header(p: Path, rows: list[list[str]]) -> list[str]:
    header = [h.strip() for h in rows[0]]
    if all(_is_number(h) for h in header if h):
        raise TaskError(tr("{file} has no header: row 1 holds numbers ({numbers}); the first "
                           "row must name the columns").format(
            file=p.name, numbers=", ".join(rows[0][:4])))
    for j, h in enumerate(header):
        if not h:
            raise TaskError(tr("{file}: column {column} has no name in the header (row 1)").format(
                file=p.name, column=j + 1))
    seen = set()
    for h in header:
        if h in seen:
            raise TaskError(tr("{file}: the header names column '{column}' twice").format(
                file=p.name, column=h))
        seen.add(h)
    return header


def read_csv_columns(path: str | Path | None) -> list[str]:
    """The column names of a CSV file's header (for choosing features and target)."""
    p, rows = _read_rows(path)
    return _header(p, rows)


def read_csv_table(path: str | Path | None, columns: list[str]) -> dict[str, np.ndarray]:
    """The named columns as float arrays, checked cell by cell."""
    p, rows = _read_rows(path)
    header = _header(p, rows)
    for c in columns:
        if c not in header:
            raise TaskError(tr("{file} has no column named '{column}'; its columns are: "
                               "{columns}").format(file=p.name, column=c,
                                                   columns=", ".join(header)))
    data = rows[1:]
    if not data:
        raise TaskError(tr("{file} has a header but no data rows").format(file=p.name))
    idx = {c: header.index(c) for c in columns}
    out = {c: np.empty(len(data)) for c in columns}
    for i, row in enumerate(data):
        r = i + 2  # spreadsheet row number: the header is row 1
        if not any(cell.strip() for cell in row):
            raise TaskError(tr("{file}: row {row} is empty").format(file=p.name, row=r))
        if len(row) != len(header):
            raise TaskError(tr("{file}: row {row} has {cells} cells but the header names "
                               "{columns} columns").format(file=p.name, row=r, cells=len(row),
                                                           columns=len(header)))
        for c, j in idx.items():
            cell = row[j].strip()
            if cell == "":
                raise TaskError(tr("{file}: gap at row {row}, column '{column}' (the cell is "
                                   "empty)").format(file=p.name, row=r, column=c))
            try:
                v = float(cell)
            except ValueError:
                raise TaskError(tr("{file}: row {row}, column '{column}' holds text ('{text}'), "
                                   "not a number").format(file=p.name, row=r, column=c,
                                                          text=cell[:20])) from None
            if not math.isfinite(v):
                raise TaskError(tr("{file}: row {row}, column '{column}' holds '{text}', which is "
                                   "not a finite number").format(file=p.name, row=r, column=c,
                                                                 text=cell))
            out[c][i] = v
    return out


@register
class CsvSeries(Task):
    name = "csv_series"
    title = "Your own CSV"
    kind = "many_to_one"
    summary = "Forecast a column of your own CSV file from a window of its recent rows."
    baseline_rule = "the target stays"
    # Seeds 0-4 (the example file): MAE 0.25-0.30 against the persistence's 1.17.
    margin = 0.6
    default_task = {
        "seq_len": 24,
        "n_samples": 5000,
        "options": {
            "path": "",
            "features": ["temperature", "humidity"],
            "target": "temperature",
            "horizon": 6,
        },
    }
    default_network = {"hidden_size": 16}
    default_training = {"learning_rate": 0.01, "batch_size": 32, "epochs": 10}

    @staticmethod
    def _options(cfg: TaskConfig) -> tuple[Any, list[str], str, int]:
        o = cfg.options
        features = o.get("features", [])
        if isinstance(features, str):
            features = [features]
        if not isinstance(features, list) or not features:
            raise TaskError(tr("choose at least one feature column"))
        if not all(isinstance(f, str) for f in features):
            raise TaskError(tr("feature columns must be given by name"))
        target = o.get("target", "")
        if not isinstance(target, str) or not target:
            raise TaskError(tr("choose a target column"))
        horizon = o.get("horizon", 1)
        if isinstance(horizon, bool) or not isinstance(horizon, int) or horizon < 1:
            raise TaskError(tr("horizon must be a whole number of rows, at least 1 (got {value})"
                               ).format(value=horizon))
        return o.get("path", ""), features, target, horizon

    def shape(self, cfg: TaskConfig) -> dict:
        features = cfg.options.get("features", [])
        n = len(features) if isinstance(features, list) else 1
        return {
            "input_size": max(n, 1),
            "output_size": 1,
            "architecture": "many_to_one",
            "loss": "mse",
        }

    def generate(self, cfg: TaskConfig, rng: np.random.Generator) -> Dataset:
        path, features, target, horizon = self._options(cfg)
        columns = list(dict.fromkeys(features + [target]))
        table = read_csv_table(path, columns)
        n_rows = len(table[target])
        window = cfg.seq_len
        n_windows = n_rows - window - horizon + 1
        if n_windows < 4:
            raise TaskError(tr(
                "{file} has {rows} data rows: too few for a window of {window} rows plus a "
                "horizon of {horizon} (at least {least} rows give the 4 windows needed for "
                "training and validation)").format(file=resolve_path(path).name, rows=n_rows,
                                                    window=window, horizon=horizon,
                                                    least=window + horizon + 3))
        # The most recent windows, at most n_samples of them; validation is the latest part.
        starts = np.arange(n_windows)[-cfg.n_samples :]
        n_val = min(max(1, int(round(len(starts) * cfg.val_fraction))), len(starts) - 1)
        train_starts = starts[: len(starts) - n_val]
        # Standardise with the rows the training windows see (inputs and targets) only.
        train_end = int(train_starts[-1]) + window + horizon
        train_rows = slice(int(train_starts[0]), train_end)
        stats = {}
        for c in columns:
            v = table[c][train_rows]
            with np.errstate(over="ignore", invalid="ignore"):
                mean, std = float(v.mean()), float(v.std())
            if not (math.isfinite(mean) and math.isfinite(std)):
                raise TaskError(tr(
                    "{file}: column '{column}' holds values too large to standardise (up to "
                    "{largest}); rescale the column").format(
                        file=resolve_path(path).name, column=c,
                        largest=number(np.abs(v).max(), ".3g")))
            stats[c] = (mean, std if std > 1e-12 else 1.0)
        with np.errstate(over="ignore"):
            z = {c: (table[c] - m) / s for c, (m, s) in stats.items()}
        series = np.stack([z[c] for c in features], axis=1)  # (rows, features)
        offsets = np.arange(window)
        x = series[starts[:, None] + offsets[None, :]]  # (windows, window, features)
        last = starts + window - 1
        y = z[target][last + horizon][:, None]
        persistence = z[target][last][:, None]
        n_tr = len(train_starts)
        train = Batch(x[:n_tr], y[:n_tr])
        val = Batch(x[n_tr:], y[n_tr:])
        meta = {
            "path": str(resolve_path(path)),
            "feature_names": features,
            "target": target,
            "horizon": horizon,
            "target_mean": stats[target][0],
            "target_std": stats[target][1],
            "feature_stats": [stats[c] for c in features],  # (mean, std) to undo scaling
            "persistence_val": persistence[n_tr:],
            "first_row_val": int(starts[n_tr]) + 2,
        }
        return Dataset(train, val, meta)

    def check_meta(self, dataset: Dataset) -> None:
        """Raise :class:`TaskError` unless ``dataset.meta`` holds what this task reads, with
        the right types (it may come from a file someone else wrote)."""
        m = dataset.meta
        n_val, n_features = len(dataset.val), dataset.val.x.shape[2]

        def need(key: str, ok: bool) -> None:
            if not ok:
                raise TaskError(tr("the CSV data's description lacks or mistypes '{key}'").format(
                    key=key))

        def number(v: Any) -> bool:
            return isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v)

        need("path", isinstance(m.get("path"), str))
        names = m.get("feature_names")
        need("feature_names", isinstance(names, list) and len(names) == n_features
             and all(isinstance(n, str) for n in names))
        need("target", isinstance(m.get("target"), str))
        horizon = m.get("horizon")
        need("horizon", isinstance(horizon, int) and not isinstance(horizon, bool)
             and horizon >= 1)
        need("target_mean", number(m.get("target_mean")))
        need("target_std", number(m.get("target_std")) and m["target_std"] > 0)
        stats = m.get("feature_stats")
        need("feature_stats", isinstance(stats, list | tuple) and len(stats) == n_features
             and all(isinstance(p, list | tuple) and len(p) == 2 and all(map(number, p))
                     for p in stats))
        p = m.get("persistence_val")
        need("persistence_val", isinstance(p, np.ndarray) and p.dtype.kind == "f"
             and p.shape == (n_val, 1) and bool(np.isfinite(p).all()))

    def metric(self, outputs: np.ndarray, batch: Batch) -> Metric:
        """Mean absolute error in standard deviations of the target (training spread)."""
        return Metric("MAE (std units)", float(np.mean(np.abs(outputs - batch.y))), False)

    def baseline_outputs(self, dataset: Dataset) -> np.ndarray:
        """The target keeps its last value in the window (persistence)."""
        return np.asarray(dataset.meta["persistence_val"], dtype=float)

    # -- rendering ------------------------------------------------------------------
    def _units(self, dataset: Dataset, v: float) -> float:
        return v * dataset.meta["target_std"] + dataset.meta["target_mean"]

    def render_sample(self, dataset: Dataset, index: int, split: str = "val") -> str:
        b = getattr(dataset, split)
        meta = dataset.meta
        names = meta["feature_names"]
        stats = meta["feature_stats"]
        last = [v * sd + m for v, (m, sd) in zip(b.x[index, -1], stats, strict=True)]
        t = meta["target"]
        now = ", ".join(f"{n} {v:.4g}" for n, v in zip(names, last, strict=True))
        later = self._units(dataset, float(b.y[index, 0]))
        return (
            tr("{file}: last row of the window: {values}").format(
                file=Path(meta["path"]).name, values=now) + "\n"
            + tr("{column} %n row(s) later: {value}", n=int(meta["horizon"])).format(
                column=t, value=number(later, ".4g"))
        )

    def render_prediction(self, dataset, index, outputs, split="val") -> str:
        b = getattr(dataset, split)
        pred = self._units(dataset, float(np.ravel(outputs)[0]))
        true = self._units(dataset, float(b.y[index, 0]))
        t = dataset.meta["target"]
        return tr("{column}: forecast {forecast}   truth {truth}   error {error}").format(
            column=t, forecast=number(pred, ".4g"), truth=number(true, ".4g"),
            error=number(pred - true, "+.3g"))
