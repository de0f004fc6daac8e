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


# -- the schema the checks come from ------------------------------------------------------
def test_every_field_of_the_config_is_declared_once_in_the_schema():
    from dataclasses import fields

    from rnn_sandbox.config import NetworkConfig, TaskConfig, TrainingConfig
    from rnn_sandbox.fields import SETTING, SETTINGS

    declared = {f"{s}.{f.name}" for s, cls in
                [("task", TaskConfig), ("network", NetworkConfig), ("training", TrainingConfig)]
                for f in fields(cls)} - {"task.name", "task.options"}
    assert len(SETTINGS) == len(SETTING) and set(SETTING) == declared


def test_every_schema_bound_is_what_validate_enforces():
    """Just inside a bound is accepted and just outside refused with the setting's name."""
    from rnn_sandbox.fields import SETTINGS

    for s in SETTINGS:
        if s.kind not in ("int", "float"):
            continue
        for bound, is_open, outward in ((s.lo, s.lo_open, -1), (s.hi, s.hi_open, 1)):
            if bound is None:
                continue
            delta = 1 if s.kind == "int" else 1e-9 * max(1.0, abs(bound))
            inside = bound - outward * delta if is_open else bound
            outside = bound if is_open else bound + outward * delta
            for value, ok in ((inside, True), (outside, False)):
                assert (s.check(value) is None) == ok, (s.key, value)
            cfg = ExperimentConfig()
            setattr(getattr(cfg, s.section), s.name, outside)
            with pytest.raises(ConfigError, match=s.key.replace(".", r"\.")):
                cfg.validate()


def test_the_schema_gives_controls_limits_and_what_each_setting_depends_on():
    from rnn_sandbox.fields import SETTING, SETTINGS, diagram_limits, is_enabled

    for s in SETTINGS:
        if s.panel and s.kind in ("int", "float"):
            lo, hi = s.control_range()
            assert lo <= 0 < hi  # down to 0, so stepping below the smallest explains why
            assert s.check(hi) is None, s.key  # the top of a control is allowed
    assert diagram_limits() == {"network.hidden_size": (1, 1024), "network.num_layers": (1, 3)}
    cfg = ExperimentConfig()
    enabled = {k: is_enabled(s, cfg) for k, s in SETTING.items()}
    assert not enabled["network.pooling"] and not enabled["network.spectral_radius"]
    assert not enabled["training.momentum"] and enabled["network.num_layers"]
    cfg.network.cell, cfg.network.init, cfg.training.optimizer = "dense", "spectral", "momentum"
    assert is_enabled(SETTING["network.pooling"], cfg)
    assert is_enabled(SETTING["network.spectral_radius"], cfg)
    assert is_enabled(SETTING["training.momentum"], cfg)
    assert not is_enabled(SETTING["network.num_layers"], cfg)
    assert not is_enabled(SETTING["network.bidirectional"], cfg)
    assert not is_enabled(SETTING["network.cell"], cfg, forced=frozenset({"cell"}))
    # Only the simple RNN has a choice of squash (as only torch.nn.RNN has nonlinearity=).
    assert not is_enabled(SETTING["network.nonlinearity"], cfg)
    cfg.network.cell = "rnn"
    assert is_enabled(SETTING["network.nonlinearity"], cfg)
    assert [k for k, s in SETTING.items() if s.live] == ["training.learning_rate",
                                                        "training.epochs"]
