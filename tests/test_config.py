"""The experiment configuration: JSON round trip and refusal of impossible settings."""

import json

import pytest

from rnn_sandbox.config import ConfigError, ExperimentConfig
from rnn_sandbox.tasks import all_tasks


def test_json_round_trip_default_and_every_task():
    configs = [ExperimentConfig()] + [t.default_config() for t in all_tasks()]
    for cfg in configs:
        cfg.training.learning_rate = 0.0123
        again = ExperimentConfig.from_json(cfg.to_json())
        assert again == cfg


@pytest.mark.parametrize(
    "section,key,value,needle",
    [
        ("network", "hidden_size", 0, "hidden_size"),
        ("training", "learning_rate", -0.1, "learning_rate"),
        ("training", "batch_size", 0, "batch_size"),
        ("network", "num_layers", 4, "num_layers"),
        ("network", "cell", "transformer", "cell"),
        ("network", "spectral_radius", 0.0, "spectral_radius"),
        ("task", "seq_len", 0, "seq_len"),
        ("training", "clip_norm", -1.0, "clip_norm"),
    ],
)
def test_impossible_settings_are_refused_with_their_name(section, key, value, needle):
    d = ExperimentConfig().to_dict()
    d[section][key] = value
    with pytest.raises(ConfigError, match=needle):
        ExperimentConfig.from_dict(d)


def test_one_to_many_cannot_be_bidirectional():
    cfg = ExperimentConfig()
    cfg.network.architecture = "one_to_many"
    cfg.network.bidirectional = True
    with pytest.raises(ConfigError, match="bidirectional"):
        cfg.validate()


@pytest.mark.parametrize(
    "text,needle",
    [
        ("{not json", "not valid JSON"),
        ("[1, 2]", "object"),
        (json.dumps({"version": 99}), "version"),
        (json.dumps({"network": {"hidden_size": "many"}}), "hidden_size"),
        (json.dumps({"network": {"colour": 3}}), "colour"),
        (json.dumps({"extra": {}}), "extra"),
        (json.dumps({"training": {"seed": True}}), "seed"),
    ],
)
def test_bad_json_gives_a_clear_message(text, needle):
    with pytest.raises(ConfigError, match=needle):
        ExperimentConfig.from_json(text)


def test_integers_are_accepted_for_floats():
    d = ExperimentConfig().to_dict()
    d["training"]["learning_rate"] = 1
    assert ExperimentConfig.from_dict(d).training.learning_rate == 1.0


def test_dense_baseline_only_for_many_to_one():
    cfg = ExperimentConfig()
    cfg.network.cell = "dense"
    cfg.validate()
    cfg.network.architecture = "seq2seq"
    with pytest.raises(ConfigError, match="dense"):
        cfg.validate()


def test_data_too_large_for_memory_is_refused_by_the_settings_check():
    """Every entry point validates: the cap no longer lives only in the settings panel."""
    from rnn_sandbox.config import MAX_DATA_BYTES, data_bytes

    cfg = ExperimentConfig()
    cfg.task.n_samples, cfg.task.seq_len = 200_000, 1000
    with pytest.raises(ConfigError, match="n_samples.*MB of memory"):
        cfg.validate()
    cfg.task.n_samples = 1000
    cfg.validate()
    assert data_bytes(cfg) <= MAX_DATA_BYTES


def test_deeply_nested_options_and_absurd_numbers_are_refused():
    d = ExperimentConfig().to_dict()
    d["task"]["options"]["x"] = json.loads("[" * 40 + "]" * 40)
    with pytest.raises(ConfigError, match="nested"):
        ExperimentConfig.from_dict(d)
    d = ExperimentConfig().to_dict()
    d["training"]["seed"] = 10**400
    with pytest.raises(ConfigError, match="training"):
        ExperimentConfig.from_dict(d)
    d = ExperimentConfig().to_dict()
    d["training"]["learning_rate"] = 10**400
    with pytest.raises(ConfigError, match="learning_rate: the number is out of range"):
        ExperimentConfig.from_dict(d)
