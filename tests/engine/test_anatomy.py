"""The anatomy tells the truth about every network: its names are the state_dict's and the
cache's, and what it says of each parameter (layer, direction, gates) fits the shapes."""

from __future__ import annotations

import doctest
import itertools
import re
from pathlib import Path

import numpy as np
import pytest

from rnn_sandbox.config import NetworkConfig
from rnn_sandbox.engine import anatomy as anatomy_module
from rnn_sandbox.engine import anatomy_of, build_network
from rnn_sandbox.engine.anatomy import gates_of, param_name, state_name

UI = Path(__file__).resolve().parents[2] / "rnn_sandbox" / "ui"

CASES = [
    (cell, bidi, layers, arch)
    for cell, bidi, layers, arch in itertools.product(
        ("rnn", "lstm", "gru"), (False, True), (1, 2, 3),
        ("many_to_one", "many_to_many", "one_to_many", "seq2seq"),
    )
    if not (bidi and arch == "one_to_many")  # generating cannot look ahead
]


def _config(cell, bidi, layers, arch) -> NetworkConfig:
    ce = arch in ("one_to_many", "seq2seq")
    # One-to-many feeds its outputs back as inputs: as many of each.
    return NetworkConfig(input_size=4 if arch == "one_to_many" else 3, output_size=4,
                         hidden_size=5, num_layers=layers, bidirectional=bidi, cell=cell,
                         architecture=arch, loss="ce" if ce else "mse")


def _cache(net, cfg: NetworkConfig) -> dict:
    B, T = 2, 4
    rng = np.random.default_rng(0)
    x = rng.normal(size=(B, T, cfg.input_size))
    if cfg.architecture == "one_to_many":
        x = rng.normal(size=(B, 1, cfg.input_size))
    if cfg.loss == "ce":
        y = rng.integers(0, cfg.output_size, size=(B, T))
    elif cfg.architecture == "many_to_one":
        y = rng.normal(size=(B, cfg.output_size))
    else:
        y = rng.normal(size=(B, T, cfg.output_size))
    net.loss_and_grads(x, y)
    return net.cache


@pytest.mark.parametrize("cell,bidi,layers,arch", CASES)
def test_anatomy_names_and_shapes_are_the_networks(cell, bidi, layers, arch):
    cfg = _config(cell, bidi, layers, arch)
    net = build_network(cfg)
    a = net.anatomy()
    assert a == anatomy_of(cfg)
    state = net.state_dict()
    assert a.param_names == list(state)  # same names, same order
    assert a.state_names == net.state_names()
    cache = _cache(net, cfg)
    assert list(cache["hidden"]) == a.state_names
    assert set(cache["grad_h"]) == set(a.state_names)
    if cell != "rnn":
        assert list(cache["gates"]) == a.state_names
    assert a.cell == cell and a.gate_count == (len(gates_of(cell)) or 1)
    assert [g.letter for g in a.gates] == {"rnn": [], "lstm": list("ifgo"),
                                          "gru": list("rzn")}[cell]
    H = cfg.hidden_size
    G = a.gate_count * H
    for s in a.states:
        assert s.name == state_name(s.layer, s.reverse, s.part)
        assert s.slot == state_name(s.layer, s.reverse)
        assert s.title.endswith(f"layer {s.layer + 1} {'←' if s.reverse else '→'}")
        assert s.title.startswith(s.part)
        for kind in ("weight_ih", "weight_hh", "bias_ih", "bias_hh"):
            assert a.param(a.param_of(s.name, kind)).state == s.name
        if cell != "rnn":
            assert cache["gates"][s.name].shape[-1] == G
    for p in a.params:
        w = state[p.name]
        if p.module == "head":
            assert p.state is None and p.part == ""
            D = a.num_directions if arch != "seq2seq" else 1
            assert w.shape[-1 if p.kind == "bias" else 0] == cfg.output_size
            if p.kind == "weight":
                assert w.shape == (cfg.output_size, D * H)
            continue
        assert p.module == "rnn"
        assert p.name == param_name(p.kind, p.layer, p.reverse, p.part)
        assert p.part in a.parts and p.layer < layers
        assert w.shape[0] == G  # one block of rows per gate
        dirs = 1 if p.part == "decoder" else a.num_directions
        assert p.reverse is False or dirs == 2
        if p.kind == "weight_hh":
            assert w.shape == (G, H)
        if p.kind == "weight_ih":
            width = (cfg.output_size if p.part == "decoder" else cfg.input_size)
            assert w.shape[1] == (width if p.reads_input else dirs * H)
        assert p.is_weight == (w.ndim == 2)
    assert {p.name for p in a.weights} == {k for k, v in state.items() if v.ndim == 2}


@pytest.mark.parametrize("pooling", ["mean", "flatten"])
def test_dense_anatomy(pooling):
    cfg = NetworkConfig(input_size=3, output_size=2, hidden_size=5, cell="dense",
                        pooling=pooling)
    net = build_network(cfg, seq_len=4)
    a = net.anatomy()
    assert a == anatomy_of(cfg)
    assert a.cell == "dense" and a.gates == () and a.gate_count == 1
    assert a.param_names == list(net.state_dict())
    assert a.state_names == net.state_names() == ["fc1"]
    assert not a.state("fc1").recurrent
    assert a.param_of("fc1", "weight") == "fc1.weight"
    assert a.param("fc1.weight").reads_input and not a.param("head.weight").reads_input
    cache = _cache(net, cfg)
    assert list(cache["hidden"]) == a.state_names


def test_titles_and_labels():
    a = anatomy_of(NetworkConfig(num_layers=2, bidirectional=True, architecture="seq2seq",
                                 cell="gru"))
    s = a.state("encoder.l1_reverse")
    assert (s.title, s.layer_title, s.label, s.slot) == (
        "encoder layer 2 ←", "layer 2 ←", "encoder layer 2 (backward)", "l1_reverse")
    assert a.state("decoder.l0").title == "decoder layer 1 →"
    assert a.param("encoder.weight_hh_l1_reverse").label == "enc W_hh 2←"
    assert a.param("decoder.weight_ih_l0").label == "dec W_ih 1"
    assert a.param("head.weight").label == "head"
    assert [g.name for g in a.gates] == ["reset r", "update z", "new n"]
    assert [s.name for s in a.layer_states("encoder", 1)] == [
        "encoder.l1", "encoder.l1_reverse"]
    assert [s.name for s in a.states_of("decoder")] == ["decoder.l0", "decoder.l1"]
    with pytest.raises(ValueError):
        param_name("weight", 0)


def test_doctests():
    assert doctest.testmod(anatomy_module).failed == 0
# Names are made in the engine (anatomy.py); the views read them from an Anatomy.
NAME_WORK = [
    (r"weight_(ih|hh)_l|bias_(ih|hh)_l", "builds a recurrent parameter name"),
    (r"_reverse", "builds or parses a direction suffix"),
    (r"[\"'](head|fc1|encoder|decoder)\.", "builds or parses a prefixed name"),
    (r"f[\"'][^\"']*\bl\{", "builds a state name (l{k})"),
    (r"[\"'](weight(_ih|_hh)?|bias|reverse)[\"']\s+(not\s+)?in\b",
     "looks for a part inside a name"),
    (r"startswith\(\(?[\"'](weight|bias|head|fc1|l)\b", "parses a name's start"),
    (r"rpartition\([\"']\.[\"']\)", "splits off a name's prefix"),
]


def test_ui_neither_builds_nor_parses_parameter_names():
    found = []
    for path in sorted(UI.rglob("*.py")):
        for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            code = line.split("#", 1)[0]
            for pattern, what in NAME_WORK:
                if re.search(pattern, code):
                    found.append(f"{path.relative_to(UI.parent)}:{i}: {what}: {line.strip()}")
    assert not found, "\n".join(found)
