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
    baseline = exp.task.baseline(exp.dataset).value
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
