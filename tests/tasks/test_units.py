"""What a network learned: features, ranking, select-and-match, projection."""

import numpy as np
import pytest

from rnn_sandbox.session import Experiment
from rnn_sandbox.tasks import all_tasks, get_task
from rnn_sandbox.tasks.features import text_features
from rnn_sandbox.tasks.units import (
    best_features,
    look_inside,
    match_spans,
    nearest,
    project,
    units_following,
    units_on,
)


def marker_copying_experiment(unit=5):
    """long_memory with a simple RNN whose unit ``unit`` copies the marker input."""
    cfg = get_task("long_memory").default_config()
    cfg.network.cell = "rnn"
    cfg.network.hidden_size = 8
    exp = Experiment(cfg)
    p = exp.network.params
    rng = np.random.default_rng(0)
    for k in ("weight_ih_l0", "weight_hh_l0"):
        p[k][...] = 0.1 * rng.normal(size=p[k].shape)
    p["weight_ih_l0"][unit] = 0.0
    p["weight_ih_l0"][unit, -1] = 4.0  # the marker's input
    p["weight_hh_l0"][unit] = 0.0
    p["bias_ih_l0"][unit] = p["bias_hh_l0"][unit] = 0.0
    return exp


def test_a_unit_copying_the_marker_is_ranked_first_and_found_by_select_and_match():
    exp = marker_copying_experiment(unit=5)
    learned = look_inside(exp.task, exp.network, exp.dataset, watched=3, step=7)
    assert learned.indices[0] == 3 and learned.step == 7
    h = learned.states["l0"]
    names = list(learned.features)
    corr = learned.correlations["l0"]
    assert units_following(corr, names, "the marked step")[0] == 5
    assert [uf for uf in learned.best("l0") if uf.unit == 5][0].feature == "the marked step"
    assert learned.best("l0")[0].unit == 5 and learned.best("l0")[0].r > 0.99
    # Select the watched sample's marked step: the copying unit is the one on there.
    mark = int(exp.dataset.meta["marks"][3])
    chosen = units_on(h[0], mark, mark + 1, threshold=0.9)
    assert chosen == [5]
    spans = match_spans(h, learned.mask, chosen, 0.9, length=1)
    marks = exp.dataset.meta["marks"][learned.indices]
    assert sorted((s.sample, s.start, s.end) for s in spans) == [
        (i, int(m), int(m) + 1) for i, m in enumerate(marks)]
    assert learned.labels is not None and learned.label_names == ["A", "B"]
    assert learned.connectivity is not None and learned.connectivity.shape == (1, 30)


def test_projection_is_the_svd_of_the_centred_states():
    rng = np.random.default_rng(3)
    states = rng.normal(size=(4, 6, 5)) @ np.diag([3.0, 2.0, 1.0, 0.5, 0.1])
    mask = np.ones((4, 6))
    mask[1, 4:] = 0
    proj = project(states, mask)
    flat = states[mask > 0]
    centred = flat - flat.mean(axis=0)
    u, s, vt = np.linalg.svd(centred, full_matrices=False)
    signs = np.sign(proj.components @ vt[:2].T).diagonal()
    np.testing.assert_allclose(proj.coords[mask > 0], (u[:, :2] * s[:2]) * signs, atol=1e-12)
    np.testing.assert_allclose(proj.explained, s[:2] ** 2 / (s ** 2).sum())
    sample, step = nearest(proj, mask, tuple(proj.coords[2, 3]), k=1)[0]
    assert (sample, step) == (2, 3)
    assert all(mask[i, t] for i, t in nearest(proj, mask, (0.0, 0.0), k=30))


def test_text_features_follow_words_lines_brackets_and_negation():
    chars = list("ab (c)⏎\"d e\"")
    feats = text_features([chars], len(chars) + 2)
    assert feats["position in word"][0, :4].tolist() == [1, 2, 0, 0]
    assert feats["inside brackets"][0, :6].tolist() == [0, 0, 0, 1, 1, 0]
    assert feats["position in line"][0, 6:9].tolist() == [0, 1, 2]
    assert feats["inside quotes"][0, 7:12].tolist() == [1, 1, 1, 1, 0]
    assert feats["a space"][0, -2:].tolist() == [0, 0]  # past the end
    words = text_features([["it", "is", "not", "good", "and", "nice"]], 6)
    assert words["after “not”"][0].tolist() == [0, 0, 0, 1, 0, 0]


def test_every_task_gives_states_features_and_projections():
    for task in all_tasks():
        exp = Experiment(task.default_config())
        learned = look_inside(task, exp.network, exp.dataset, samples=4)
        for name, h in learned.states.items():
            assert h.shape[0] == 4 and h.shape[:2] == learned.mask.shape, task.name
            assert learned.correlations[name].shape == (len(learned.features), h.shape[2])
            assert learned.projections[name].coords.shape == (*h.shape[:2], 2)
            assert best_features(learned.correlations[name], list(learned.features))
        for f in learned.features.values():
            assert f.shape == learned.mask.shape, task.name
        if learned.tokens is not None:
            assert len(learned.tokens[0]) == int(learned.mask[0].sum()), task.name
        assert (learned.connectivity is None) == bool(learned.no_connectivity), task.name
    with pytest.raises(ValueError, match="hidden units"):
        cfg = get_task("order_matters").default_config()
        cfg.network.cell = "dense"
        exp = Experiment(cfg)
        look_inside(exp.task, exp.network, exp.dataset)


def test_how_far_back_averages_each_outputs_share_by_distance():
    from rnn_sandbox.tasks.units import how_far_back

    m2o = how_far_back(np.array([[1.0, 1.0, 2.0]]))
    np.testing.assert_allclose(m2o, [0.5, 0.25, 0.25])
    m2m = how_far_back(np.array([[2.0, 0, 0], [1.0, 1.0, 0], [0, 0, 4.0]]))
    # distance 0: 1, 0.5, 1; distance 1: 0.5, 0; distance 2: 0
    np.testing.assert_allclose(m2m, [2.5 / 3, 0.25, 0.0])
