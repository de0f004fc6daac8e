"""Weather station: a fast seeded generator, real units in the text, a forecast that beats
"it stays as it is"."""

from __future__ import annotations

import time

import numpy as np
import pytest

from rnn_sandbox.tasks import TaskError, get_task
from rnn_sandbox.tasks.weather import FEATURES, simulate_station

TASK = get_task("weather")


def make(seed=0, **task):
    cfg = TASK.default_config().copy().task
    options = task.pop("options", {})
    for k, v in task.items():
        setattr(cfg, k, v)
    cfg.options.update(options)
    return TASK.make(cfg, seed)


def test_deterministic_and_fast():
    start = time.process_time()  # CPU time: other programs on the machine do not count
    a = make(7)
    assert time.process_time() - start < 1.0  # the default dataset is quick to make
    b, c = make(7), make(8)
    assert np.array_equal(a.train.x, b.train.x) and np.array_equal(a.val.y, b.val.y)
    assert not np.array_equal(a.train.x, c.train.x)


def test_shapes_and_standardisation():
    d = make(0)
    n_val = len(d.val)
    assert d.train.x.shape == (4000 - n_val, 96, 4) and d.train.y.shape == (4000 - n_val, 1)
    assert d.train.mask is None and d.train.y_mask is None
    # Training features have mean 0 and standard deviation 1; meta holds the real scale.
    flat = d.train.x.reshape(-1, 4)
    assert np.allclose(flat.mean(0), 0, atol=1e-9) and np.allclose(flat.std(0), 1, atol=1e-6)
    means, stds = np.array(d.meta["means"]), np.array(d.meta["stds"])
    assert 0 < means[0] < 20 and 990 < means[1] < 1030 and 0 < means[2] < 15
    assert 40 < means[3] < 100 and np.all(stds > 0)
    fine = make(0, seq_len=576, n_samples=40, options={"resolution": "10min"})
    assert fine.train.x.shape[1:] == (576, 4) and fine.meta["steps_per_hour"] == 6
    with pytest.raises(TaskError, match="resolution"):
        make(0, options={"resolution": "weekly"})


def test_weather_physics():
    rng = np.random.default_rng(0)
    hours = np.arange(24 * 40 * 6) / 6.0
    raw, start = simulate_station(rng, 30, hours)
    temp, pres, wind, humid = (raw[..., k] for k in range(len(FEATURES)))
    # Daily cycle: afternoons are warmer than the early morning.
    hod = (start[:, None] + hours[None, :]) % 24
    assert temp[(hod > 13) & (hod < 17)].mean() > temp[(hod > 3) & (hod < 7)].mean() + 3
    # Fronts: low pressure comes with wind; temperatures change after a pressure low.
    low = pres < np.percentile(pres, 5, axis=1, keepdims=True)
    assert wind[low].mean() > wind[~low].mean() + 1.0
    change = np.abs(temp[:, 12 * 6 :] - temp[:, : -12 * 6])  # over 12 hours
    assert np.all(humid >= 5) and np.all(humid <= 100) and np.all(wind >= 0)
    assert change.max() > 5.0


def test_rendering_in_real_units():
    d = make(0)
    text = TASK.render_sample(d, 0)
    assert "°C" in text and "hPa" in text and "24 h later" in text
    i = 3
    truth_c = d.val.y[i, 0] * d.meta["stds"][0] + d.meta["means"][0]
    pred = np.array([d.val.y[i, 0] + 1.0 / d.meta["stds"][0]])  # one degree too warm
    line = TASK.render_prediction(d, i, pred)
    assert f"measured {truth_c:.1f} °C" in line and "error +1.0 °C" in line
    assert TASK.metric(d.val.y, d.val).value == 0.0
    base = TASK.baseline(d)
    # Named after the metric, so the plot puts both on one axis.
    assert base.name == "persistence: MAE (std. dev.)" and 0.1 < base.value < 1.0
    assert TASK.metric(d.val.y, d.val).name.lower() in base.name.lower()
    assert not base.higher_is_better


def test_meta_survives_a_file():
    """Experiment files keep meta values that are JSON or numeric arrays; nothing else."""
    import json

    d = make(0)
    for value in d.meta.values():
        if not (isinstance(value, np.ndarray) and value.dtype.kind == "f"):
            json.dumps(value, allow_nan=False)
    hour = float(d.meta["end_hour_val"][0])
    clock = f"{int(hour):02d}:{int(round(hour % 1 * 60)):02d}"
    assert f"mean of the hour up to {clock}" in TASK.render_sample(d, 0)


@pytest.mark.parametrize("n,frac", [(4, 0.9), (5, 0.05)])
def test_tiny_datasets_keep_both_splits(n, frac):
    d = make(0, n_samples=n, val_fraction=frac)
    assert len(d.train) >= 1 and len(d.val) >= 1


def test_other_horizons_compare_with_the_same_time_yesterday():
    d = make(0, n_samples=300, options={"horizon_hours": 6})
    forecasts = TASK.naive_forecasts(d)
    scores = {k: TASK.metric(v, d.val).value for k, v in forecasts.items()}
    x, y = d.val.x, d.val.y[:, 0]
    # Forecast time is 6 h after the last hourly value: yesterday's is 18 steps earlier.
    assert scores["same as yesterday"] == pytest.approx(np.mean(np.abs(x[:, -19, 0] - y)))
    assert scores["same as yesterday"] < scores["persistence"]  # the daily cycle matters
    assert TASK.baseline(d).name.startswith("same as yesterday: ")
    assert TASK.baseline(d).value == scores["same as yesterday"]
    assert set(TASK.naive_forecasts(make(0, n_samples=300))) == {"persistence"}
