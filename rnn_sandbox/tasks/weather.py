"""Many-to-one forecast of a synthetic weather station: the temperature a day ahead.

The station logs four values every 10 minutes: temperature (°C), air pressure (hPa), wind
speed (m/s) and relative humidity (%).  Each sample is its own stretch of weather:

* a daily cycle: warmest in mid-afternoon, more wind by day, more humid at night;
* passing fronts: the pressure sinks towards the front and recovers after it, the wind
  picks up around it, and a few hours after the lowest pressure the temperature steps down
  (a cold front, sharp and windy) or up (a warm front, slow, announced by rising humidity);
  the change then fades over the next days;
* noise on every reading, and a slowly wandering error on the temperature.

The network reads the last ``seq_len`` readings (hourly means by default, or the raw
10-minute readings) and predicts the temperature ``horizon_hours`` after the last one.  All
four features are standardised with the training set's means and standard deviations, which
``meta`` keeps so the text can speak in °C.  Honest baselines: "it stays as it is now"
(for a 24-hour horizon that is also "as at this time yesterday") and, for other horizons,
"as at the same time of day yesterday".
"""

from __future__ import annotations

import numpy as np

from rnn_sandbox.config import TaskConfig
from rnn_sandbox.engine.data import Batch, Dataset
from rnn_sandbox.tasks.base import Metric, Task, TaskError, register
from rnn_sandbox.translation import number, tr

FEATURES = ["temperature", "pressure", "wind", "humidity"]
UNITS = ["°C", "hPa", "m/s", "%"]
STEPS_PER_HOUR = {"10min": 6, "hourly": 1}
RAW_PER_HOUR = 6  # the station's clock: one reading every 10 minutes


def _bump(z: np.ndarray) -> np.ndarray:
    return np.exp(-0.5 * z * z)


def simulate_station(
    rng: np.random.Generator,
    n: int,
    times: np.ndarray,
    noise_scale: np.ndarray | float = 1.0,
    lead_hours: float = 48.0,
) -> tuple[np.ndarray, np.ndarray]:
    """Readings of ``n`` independent stretches of weather at ``times`` (hours after the
    stretch's first 10-minute reading).

    ``noise_scale`` scales the reading noise per time (1/sqrt(6) stands for a mean of six
    readings).  Returns ``(readings (n, len(times), 4), hour of day of the first reading
    (n,))``.  Fronts may have passed up to ``lead_hours`` before the first reading, so a
    stretch can begin in the middle of a change.
    """
    times = np.asarray(times, dtype=float)
    steps = len(times)
    hours = float(times.max())
    t = times[None, :]
    start = rng.integers(0, 24 * RAW_PER_HOUR, n) / RAW_PER_HOUR
    hod = (start[:, None] + t) % 24.0  # hour of the day
    day = 2 * np.pi * (hod - 15.0) / 24.0  # 0 at 15:00, the warmest hour
    base_t = rng.uniform(4.0, 16.0, (n, 1))
    amp_t = rng.uniform(2.5, 6.0, (n, 1))
    base_p = rng.uniform(1005.0, 1025.0, (n, 1))
    drift_p = rng.uniform(-0.08, 0.08, (n, 1))  # hPa per hour

    temp = base_t + amp_t * np.cos(day)
    pres = base_p + drift_p * (t - hours / 2)
    wind = 3.0 + 1.5 * np.cos(day + 2 * np.pi / 24) + rng.uniform(-1.0, 2.0, (n, 1))
    humid = 72.0 - 12.0 * np.cos(day) + rng.uniform(-8.0, 8.0, (n, 1))

    # Fronts: a Poisson number per stretch, at random times (some before the stretch).
    max_fronts = 8
    n_fronts = np.minimum(rng.poisson(hours / 40.0, n), max_fronts)
    for k in range(max_fronts):
        active = (k < n_fronts)[:, None].astype(float)
        tf = rng.uniform(-lead_hours, hours, (n, 1))  # hour of the lowest pressure
        depth = rng.uniform(4.0, 14.0, (n, 1))  # hPa
        cold = rng.random((n, 1)) < 0.6
        width = np.where(cold, rng.uniform(5.0, 7.0, (n, 1)), rng.uniform(10.0, 14.0, (n, 1)))
        lag = np.where(cold, 8.0, 12.0)  # hours from the lowest pressure to the change
        dt = t - tf
        pres -= active * depth * _bump(dt / width)
        wind += active * np.where(cold, 0.9, 0.4) * depth * _bump(dt / (0.6 * width))
        # Warm fronts are announced by humidity rising well ahead of them.
        humid += active * 18.0 * _bump((dt + np.where(cold, 0.0, 6.0)) / (1.2 * width))
        change = np.where(cold, -0.6, 0.4) * depth
        ramp = 0.5 + 0.5 * np.tanh((dt - lag) / np.where(cold, 1.4, 5.0))  # a smooth step
        fade = np.exp(-np.maximum(dt - lag, 0.0) / 96.0)
        temp += active * change * ramp * fade

    # Weather noise: a slowly wandering temperature error (random values every 6 hours,
    # joined by straight lines) and reading noise everywhere.
    knots = rng.standard_normal((n, int(hours // 6) + 2)) * 0.3
    pos = times / 6.0
    i0 = np.floor(pos).astype(int)
    frac = pos - i0
    walk = knots[:, i0] * (1 - frac) + knots[:, i0 + 1] * frac
    ns = np.broadcast_to(np.asarray(noise_scale, dtype=float), (steps,))[None, :]
    temp = temp + walk + 0.15 * ns * rng.standard_normal((n, steps))
    pres = pres + 0.2 * ns * rng.standard_normal((n, steps))
    wind = np.maximum(wind + 0.8 * ns * rng.standard_normal((n, steps)), 0.0)
    humid = np.clip(humid + 2.5 * ns * rng.standard_normal((n, steps)), 5.0, 100.0)
    return np.stack([temp, pres, wind, humid], axis=-1), start


@register
class Weather(Task):
    name = "weather"
    title = "Weather station: temperature tomorrow"
    kind = "many_to_one"
    summary = "Read four days of temperature, pressure, wind and humidity; forecast 24 h ahead."
    baseline_rule = "the better of persistence and same as yesterday"
    # Seeds 0-4: MAE 0.24-0.25 against the persistence's 0.32-0.35 (better by 0.07-0.09).
    margin = 0.05
    default_task = {
        "seq_len": 96,
        "n_samples": 4000,
        "options": {"resolution": "hourly", "horizon_hours": 24},
    }
    default_network = {"hidden_size": 16}
    default_training = {"learning_rate": 0.003, "batch_size": 64, "epochs": 40}

    def shape(self, cfg: TaskConfig) -> dict:
        return {
            "input_size": len(FEATURES),
            "output_size": 1,
            "architecture": "many_to_one",
            "loss": "mse",
        }

    def generate(self, cfg: TaskConfig, rng: np.random.Generator) -> Dataset:
        resolution = str(cfg.options.get("resolution", "hourly"))
        if resolution not in STEPS_PER_HOUR:
            raise TaskError(tr("weather: resolution must be one of {choices}").format(
                choices=sorted(STEPS_PER_HOUR)))
        horizon = int(cfg.options.get("horizon_hours", 24))
        if not 1 <= horizon <= 72:
            raise TaskError(tr("weather: horizon_hours must lie between 1 and 72"))
        per_hour = STEPS_PER_HOUR[resolution]
        T, n = cfg.seq_len, cfg.n_samples
        # Hours after the window's first 10-minute reading.  An hourly value stands for the
        # mean of that hour's six readings: the weather at the middle of the hour, with the
        # noise of a mean of six (this avoids simulating every reading only to average it).
        if per_hour == 1:
            times = np.arange(T) + 2.5 / RAW_PER_HOUR
            scale = np.full(T, 1.0 / np.sqrt(RAW_PER_HOUR))
        else:
            times = np.arange(T) / RAW_PER_HOUR
            scale = np.ones(T)
        last = (T * RAW_PER_HOUR // per_hour - 1) / RAW_PER_HOUR  # the window's last reading
        target_time = last + horizon
        raw, start = simulate_station(
            rng, n, np.append(times, target_time), np.append(scale, 1.0)
        )
        window, target = raw[:, :T], raw[:, T, 0]
        end_hour = (start + last) % 24.0

        n_val = min(n - 1, max(1, int(round(n * cfg.val_fraction))))  # both splits non-empty
        means = window[n_val:].reshape(-1, len(FEATURES)).mean(axis=0)
        stds = window[n_val:].reshape(-1, len(FEATURES)).std(axis=0) + 1e-8
        x = (window - means) / stds
        y = ((target - means[0]) / stds[0])[:, None]
        meta = {
            "feature_names": list(FEATURES),
            "units": list(UNITS),
            "means": means.tolist(),
            "stds": stds.tolist(),
            "resolution": resolution,
            "steps_per_hour": per_hour,
            "horizon_hours": horizon,
            # Hour of day of each sample's last reading (flat arrays: files store them).
            "end_hour_train": end_hour[n_val:],
            "end_hour_val": end_hour[:n_val],
        }
        return Dataset(Batch(x[n_val:], y[n_val:]), Batch(x[:n_val], y[:n_val]), meta)

    def metric(self, outputs: np.ndarray, batch: Batch) -> Metric:
        """Mean absolute error in standard deviations of the temperature."""
        err = np.abs(np.ravel(outputs) - np.ravel(batch.y))
        return Metric("MAE (std. dev.)", float(err.mean()), higher_is_better=False)

    def unit_features(self, dataset, indices, split="val") -> dict[str, np.ndarray]:
        """The inputs, and the time of day of each reading as two smooth numbers (highest
        at noon, highest at 6 in the morning): what a unit keeping the clock follows."""
        feats = super().unit_features(dataset, indices, split)
        m, idx = dataset.meta, np.asarray(indices, dtype=int)
        T, per_hour = getattr(dataset, split).x.shape[1], int(m["steps_per_hour"])
        # The readings' times as generate() lays them out, then the clock of each sample.
        times = np.arange(T) + (2.5 / RAW_PER_HOUR if per_hour == 1 else 0.0)
        if per_hour != 1:
            times = np.arange(T) / RAW_PER_HOUR
        last = (T * RAW_PER_HOUR // per_hour - 1) / RAW_PER_HOUR
        hours = (np.asarray(m[f"end_hour_{split}"])[idx, None] - (last - times)) % 24.0
        feats["time of day: noon"] = -np.cos(2 * np.pi * hours / 24.0)
        feats["time of day: morning"] = np.sin(2 * np.pi * hours / 24.0)
        return feats

    def naive_forecasts(self, dataset: Dataset) -> dict[str, np.ndarray]:
        """The two naive forecasts of the validation set, as network outputs ``(n, 1)``:
        "persistence" (it stays as now) and, when the window holds the reading a day
        before the forecast time, "same as yesterday"."""
        x = dataset.val.x
        per_day = 24 * dataset.meta["steps_per_hour"]
        out = {"persistence": x[:, -1, :1].astype(float)}
        if x.shape[1] >= per_day:
            # The reading one day before the forecast time (inside the window).
            h = dataset.meta["horizon_hours"] * dataset.meta["steps_per_hour"]
            back = per_day - h
            if 0 < back < x.shape[1]:
                out["same as yesterday"] = x[:, -1 - back, :1].astype(float)
        return out

    def _best_forecast(self, dataset: Dataset) -> tuple[str, np.ndarray]:
        forecasts = self.naive_forecasts(dataset)
        scores = {k: self.metric(v, dataset.val).value for k, v in forecasts.items()}
        best = min(scores, key=scores.__getitem__)
        return best, forecasts[best]

    def baseline_outputs(self, dataset: Dataset) -> np.ndarray:
        """The better of "stays as now" and "same as yesterday" (when the window has a day)."""
        return self._best_forecast(dataset)[1]

    def baseline_rule_for(self, dataset: Dataset) -> str:
        return self._best_forecast(dataset)[0]

    # -- text ------------------------------------------------------------------------
    def _celsius(self, dataset: Dataset, value: float) -> float:
        return value * dataset.meta["stds"][0] + dataset.meta["means"][0]

    def _reading(self, dataset: Dataset, row: np.ndarray) -> str:
        m = dataset.meta
        vals = np.asarray(row) * np.asarray(m["stds"]) + np.asarray(m["means"])
        # A decimal comma (German) separates the readings by semicolons instead.
        sep = ", " if number(0.5, ".1f") == "0.5" else "; "
        return sep.join(f"{number(v, '.1f')} {u}" for v, u in zip(vals, m["units"], strict=True))

    def render_sample(self, dataset: Dataset, index: int, split: str = "val") -> str:
        b, m = getattr(dataset, split), dataset.meta
        hour = float(m[f"end_hour_{split}"][index])
        hours_read = b.x.shape[1] / m["steps_per_hour"]
        temps = b.x[index, :, 0] * m["stds"][0] + m["means"][0]
        last = (tr("mean of the hour up to {clock}: {reading}") if m["steps_per_hour"] == 1
                else tr("last reading at {clock}: {reading}"))
        return "\n".join([
            tr("{hours} h of readings ({resolution}), {low} to {high} °C").format(
                hours=number(hours_read, "g"), resolution=m["resolution"],
                low=number(temps.min(), ".1f"), high=number(temps.max(), ".1f")),
            last.format(clock=_clock(hour), reading=self._reading(dataset, b.x[index, -1])),
            tr("temperature {hours} h later: {value} °C").format(
                hours=m["horizon_hours"],
                value=number(self._celsius(dataset, float(b.y[index, 0])), ".1f")),
        ])

    def render_prediction(self, dataset, index, outputs, split="val") -> str:
        b, m = getattr(dataset, split), dataset.meta
        pred = self._celsius(dataset, float(np.ravel(outputs)[0]))
        true = self._celsius(dataset, float(b.y[index, 0]))
        now = self._celsius(dataset, float(b.x[index, -1, 0]))
        # What a forecaster would glance at: the pressure trend over the last 12 hours.
        back = min(12 * m["steps_per_hour"], b.x.shape[1] - 1)
        p = b.x[index, :, 1] * m["stds"][1] + m["means"][1]
        wind = b.x[index, -1, 2] * m["stds"][2] + m["means"][2]
        return (
            tr("now {now} °C → forecast for +{hours} h: {forecast} °C   measured {measured} °C"
               "   error {error} °C").format(
                now=number(now, ".1f"), hours=m["horizon_hours"], forecast=number(pred, ".1f"),
                measured=number(true, ".1f"), error=number(pred - true, "+.1f")) + "\n"
            + tr("pressure {pressure} hPa ({change} hPa in {hours} h), wind {wind} m/s").format(
                pressure=number(p[-1], ".1f"), change=number(p[-1] - p[-1 - back], "+.1f"),
                hours=number(back / m['steps_per_hour'], "g"), wind=number(wind, ".1f"))
        )


def _clock(hour: float) -> str:
    minutes = int(round(hour * 60)) % (24 * 60)
    return f"{minutes // 60:02d}:{minutes % 60:02d}"

