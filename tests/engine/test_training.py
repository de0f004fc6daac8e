"""The training loop: learning, snapshots, divergence and resuming."""

import numpy as np
import pytest

from rnn_sandbox.config import NetworkConfig, TrainingConfig
from rnn_sandbox.engine import Batch, Dataset, Network, Trainer, TrainingDiverged
from rnn_sandbox.session import Experiment
from rnn_sandbox.tasks import get_task


@pytest.mark.learning
def test_forecast_beats_persistence_baseline(seed, record_property):
    """The default forecasting model ends well below 'the last value stays' in 300 steps."""
    cfg = get_task("sine_forecast").default_config()
    cfg.training.seed = seed
    exp = Experiment(cfg)
    val = exp.dataset.val  # "the last value stays" scored by the loss (MSE)
    baseline = float(np.mean((exp.task.baseline_outputs(exp.dataset) - val.y) ** 2))
    for _ in exp.trainer.run(steps=300):
        pass
    val_loss, metric = exp.trainer.evaluate()
    record_property("loss/baseline", val_loss / baseline)
    assert val_loss < 0.3 * baseline, (val_loss, baseline)
    assert metric.name == "MAE"


def test_snapshot_heavy_parts_only_when_collected():
    exp = Experiment.from_task("sine_forecast")
    light = exp.trainer.step()
    assert light.hidden is None and light.grad_h is None and light.weights is None
    heavy = exp.trainer.step(collect=True, validate=True)
    T, H = exp.config.task.seq_len, exp.config.network.hidden_size
    assert heavy.hidden["l0"].shape == (T, H)
    assert heavy.grad_h["l0"].shape == (T,)
    assert heavy.sample_grad_h["l0"].shape == (T, H)
    assert heavy.val_loss is not None and heavy.metric_name == "MAE"
    assert set(heavy.grad_norms) == set(exp.network.params)
    assert heavy.step == 2


def test_learning_rate_change_takes_effect_next_step():
    exp = Experiment.from_task("sine_forecast")
    exp.trainer.step()
    exp.trainer.learning_rate = 0.5
    assert exp.trainer.step().learning_rate == 0.5
    with pytest.raises(ValueError):
        exp.trainer.learning_rate = -1


@pytest.mark.learning
def test_exploding_configuration_stops_and_keeps_last_good_weights(seed, record_property):
    cfg = get_task("sine_forecast").default_config()
    cfg.network.init, cfg.network.spectral_radius = "spectral", 3.0
    cfg.network.nonlinearity = "relu"
    cfg.training.optimizer, cfg.training.learning_rate, cfg.training.clip_norm = "sgd", 50.0, 0
    cfg.training.seed = seed
    exp = Experiment(cfg)
    with pytest.raises(TrainingDiverged, match="learning rate"):
        for _ in range(200):
            good = exp.network.state_dict()
            exp.trainer.step()
    record_property("diverged_at_step", exp.trainer.step_count + 1)
    for k, v in exp.network.params.items():
        assert np.isfinite(v).all()
        assert np.array_equal(v, good[k])


def test_resume_from_state_is_bit_for_bit():
    def fresh():
        rng = np.random.default_rng(0)
        x = rng.standard_normal((50, 6, 2))
        data = Dataset(Batch(x[10:], x[10:, -1, :1]), Batch(x[:10], x[:10, -1, :1]))
        cfg = NetworkConfig(input_size=2, output_size=1, hidden_size=4)
        return Trainer(Network(cfg, seed=1), data, TrainingConfig(batch_size=7, seed=1))

    straight = fresh()
    losses = [s.train_loss for s in straight.run(steps=20)]
    first = fresh()
    part = [s.train_loss for s in first.run(steps=9)]
    second = fresh()
    second.net.load_state_dict(first.net.state_dict())
    second.load_state(first.state())
    part += [s.train_loss for s in second.run(steps=11)]
    assert part == losses


def test_epochs_mean_whole_passes():
    rng = np.random.default_rng(0)
    x = rng.standard_normal((12, 3, 1))
    data = Dataset(Batch(x[2:], x[2:, 0]), Batch(x[:2], x[:2, 0]))
    cfg = NetworkConfig(input_size=1, output_size=1, hidden_size=2)
    trainer = Trainer(Network(cfg), data, TrainingConfig(batch_size=4, epochs=2))
    steps = list(trainer.run())
    assert len(steps) == 6  # 10 samples in batches of 4: 3 steps per epoch
    assert trainer.completed_epochs == 2


def test_dense_baseline_is_built_from_the_config_and_trains():
    cfg = get_task("order_matters").default_config()
    cfg.network.cell = "dense"
    exp = Experiment(cfg)
    assert "fc1.weight" in exp.network.params
    first = exp.trainer.step().train_loss
    assert np.isfinite(first)
    cfg.network.pooling = "flatten"
    flat = Experiment(cfg).network
    assert flat.params["fc1.weight"].shape[1] == cfg.network.input_size * flat.seq_len


# -- what a run records for comparing runs ------------------------------------------------
def _tiny(task: str = "sine_forecast", **network) -> Experiment:
    cfg = get_task(task).default_config()
    cfg.task.n_samples = 16
    cfg.network.hidden_size = 3
    cfg.training.batch_size = 4
    for key, value in network.items():
        setattr(cfg.network, key, value)
    return Experiment(cfg)


@pytest.mark.parametrize("bidirectional", [False, True])
def test_gradient_history_is_the_first_layers_gradient_at_validated_steps(bidirectional):
    exp = _tiny(bidirectional=bidirectional)
    snaps = [exp.trainer.step(collect=True, validate=k % 2 == 0) for k in range(5)]
    history = exp.trainer.gradient_history
    assert [s for s, _ in history] == [1, 3, 5]
    for step, g in history:
        gh = snaps[step - 1].grad_h  # the same batch's |dL/dh_t|, as the plots show it
        want = gh["l0"] ** 2 + (gh["l0_reverse"] ** 2 if bidirectional else 0)
        assert g.shape == (exp.trainer.data.train.x.shape[1],)
        np.testing.assert_allclose(g, np.sqrt(want), rtol=1e-12)
        assert np.all(g >= 0) and g.any()


def test_gradient_history_of_seq2seq_is_the_encoders_and_dense_has_none():
    exp = _tiny("translation")
    snap = exp.trainer.step(collect=True, validate=True)
    ((step, g),) = exp.trainer.gradient_history
    np.testing.assert_allclose(g, snap.grad_h["encoder.l0"], rtol=1e-12)
    assert g.shape == (exp.trainer.data.train.x.shape[1],)
    dense = _tiny(cell="dense")
    dense.trainer.step(validate=True)
    assert dense.trainer.gradient_history == []


def test_gradient_history_is_thinned_and_keeps_its_span(monkeypatch):
    from rnn_sandbox.engine import train

    monkeypatch.setattr(train, "MAX_GRADIENT_ENTRIES", 4)
    exp = _tiny()
    for _ in exp.trainer.run(steps=9, validate_every=1):
        pass
    # 1..5 → 1 3 5; +6 +7 → 1 5 7; +8 +9 → 1 7 9: the first and the latest stay
    assert [s for s, _ in exp.trainer.gradient_history] == [1, 7, 9]


def test_wall_clock_time_is_recorded_and_resumed():
    exp = _tiny()
    for _ in exp.trainer.run(steps=4, validate_every=2):
        pass
    seconds = [row["seconds"] for row in exp.trainer.history]
    assert 0 < seconds[0] and seconds == sorted(seconds)
    assert seconds[-1] <= exp.trainer.elapsed
    other = _tiny()
    other.trainer.load_state(exp.trainer.state())
    assert other.trainer.elapsed == exp.trainer.elapsed
    other.trainer.step()
    assert other.trainer.history[-1]["seconds"] > exp.trainer.elapsed


def test_the_gradient_record_stays_finite_when_the_squares_overflow():
    """Finite but huge gradients are recorded as the largest float, so the run can still
    be saved and drawn (a file refuses non-finite summaries)."""
    from rnn_sandbox.engine.anatomy import state_name
    from rnn_sandbox.engine.train import first_layer

    huge = {state_name(0, False, ""): np.array([1e200, 1.0]),
            state_name(0, True, ""): np.array([1e200, 2.0])}
    g = first_layer(huge, "many_to_one")
    assert np.isfinite(g).all() and g[0] == np.finfo(np.float64).max
    assert g[1] == pytest.approx(np.sqrt(5.0))


def test_watching_a_sample_of_exploding_weights_stays_quiet():
    """The watched sample's pass, like a training step, expects overflow from weights a
    learner made explode (step() reports what is not finite): no RuntimeWarning noise."""
    import warnings

    from rnn_sandbox.engine.train import Snapshot

    exp = _tiny()
    for name, w in exp.network.params.items():
        w[...] = 1e300 if "weight" in name else 0.0
    snap = Snapshot(step=0, epoch=0, train_loss=float("nan"), learning_rate=0.1,
                    grad_norm=float("nan"))
    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeWarning)
        exp.trainer.watch(snap)
    assert snap.hidden is not None


def test_a_long_run_keeps_a_bounded_history_over_its_whole_span(tiny):
    """Past its limit the history drops every other row without a validation, keeping
    validations, the first and the last step: memory stays bounded however long a run
    (``train --steps 10**12``) goes, and the plots still span it all."""
    from rnn_sandbox.engine.train import thin_history
    from rnn_sandbox.session import Experiment

    exp = Experiment(tiny.config())
    trainer = exp.trainer
    trainer.history_limit = 64
    for _ in trainer.run(steps=1000, validate_every=10):
        pass
    steps = [int(r["step"]) for r in trainer.history]
    assert len(steps) <= 64 and trainer.history_thinned > 0
    assert steps[0] == 1 and steps[-1] == 1000 and steps == sorted(set(steps))
    validated = [s for s, r in zip(steps, trainer.history, strict=True)
                 if np.isfinite(r["val_loss"])]
    assert len(validated) >= 10 and validated[-1] == 1000  # spread over the whole run
    assert validated[0] <= 100
    # Validations alone past a quarter of the limit are thinned too.
    rows = [{"step": s, "val_loss": 1.0} for s in range(1, 101)]
    assert thin_history(rows, 80) and len(rows) <= 60 and rows[-1]["step"] == 100
    assert not thin_history(rows, 80)
