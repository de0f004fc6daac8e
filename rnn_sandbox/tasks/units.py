"""What a network learned, read from its hidden units (no Qt): which simple feature each
unit follows (Karpathy et al. 2015), the spans where chosen units are on (LSTMVis), the
states' 2-D projection (RNNVis) and how far back each output looks
(:func:`~rnn_sandbox.engine.probe.input_connectivity`).

:func:`look_inside` gathers all of it for some validation samples into a :class:`Learned`
(the training process sends one to the window; ``rnn-sandbox units`` prints one).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from rnn_sandbox.engine import Dataset, Network
from rnn_sandbox.engine.anatomy import anatomy_of
from rnn_sandbox.engine.probe import connectivity_pieces, hidden_states, input_connectivity
from rnn_sandbox.tasks.base import Task
from rnn_sandbox.translation import tr

PROBED_SAMPLES = 32  # validation samples whose states are looked at (the watched one first)


@dataclass
class Projection:
    """States projected on their first two principal axes: ``coords = (h - mean) @
    components.T`` ``(samples, steps, 2)``; ``explained``: each axis' share of the
    variance."""

    mean: np.ndarray
    components: np.ndarray  # (2, hidden)
    coords: np.ndarray
    explained: np.ndarray


@dataclass
class UnitFeature:
    """A unit and the feature it follows best, with their correlation over the steps."""

    unit: int
    feature: str
    r: float


@dataclass
class Span:
    """Steps ``start`` to ``end`` (excluded) of probed sample ``sample``."""

    sample: int
    start: int
    end: int


@dataclass
class Learned:
    """The states of some validation samples and what they show; sample 0 is the
    watched one.  Arrays are per state name (a layer and direction), as the network's
    anatomy names them."""

    step: int
    indices: list[int]  # the probed samples' validation indices
    states: dict[str, np.ndarray]  # (samples, steps, hidden)
    mask: np.ndarray  # (samples, steps): 1 on the steps a sample has
    tokens: list[list[str]] | None  # what each step reads, for texts
    features: dict[str, np.ndarray]  # (samples, steps)
    labels: np.ndarray | None = None  # a class per sample (to colour by), or None
    label_names: list[str] = field(default_factory=list)
    titles: dict[str, str] = field(default_factory=dict)  # by state: "encoder layer 1 →"
    correlations: dict[str, np.ndarray] = field(default_factory=dict)  # (features, hidden)
    projections: dict[str, Projection] = field(default_factory=dict)
    connectivity: np.ndarray | None = None  # (output steps, input steps), watched sample
    no_connectivity: str = ""  # why there is none
    connectivity_step: int = 0  # the training step whose weights it is of
    # How its input steps are read (see watched_connectivity): "steps" (x's steps, the
    # outputs aligned with them or one at the end), "fed" (one-to-many: the input vector,
    # then the previous targets), "source" (seq2seq: the source's steps).
    inputs: str = "steps"
    # The same for the networks of other runs of the task, by run name (see
    # training.loop.TrainingLoop.set_look_back_runs).
    others: dict[str, np.ndarray] = field(default_factory=dict)

    @property
    def names(self) -> list[str]:
        return list(self.states)

    def best(self, name: str) -> list[UnitFeature]:
        """Every unit of state ``name`` with its best feature, the closest followers first."""
        return best_features(self.correlations[name], list(self.features))


def correlations(
    states: np.ndarray, mask: np.ndarray | None, features: dict[str, np.ndarray]
) -> np.ndarray:
    """Pearson correlation ``(features, hidden)`` of every unit with every feature over the
    real steps of all samples (0 where either does not vary)."""
    h = np.nan_to_num(np.asarray(states, np.float64))  # a diverged network's states too
    real = np.ones(h.shape[:2], bool) if mask is None else np.asarray(mask) > 0
    units = h[real]
    units = units - units.mean(axis=0)
    f = np.stack([np.asarray(v, np.float64)[:, : h.shape[1]][real] for v in features.values()],
                 axis=1) if features else np.zeros((len(units), 0))
    f = f - f.mean(axis=0)
    den = np.sqrt(np.outer((f ** 2).sum(axis=0), (units ** 2).sum(axis=0)))
    num = f.T @ units
    with np.errstate(invalid="ignore", divide="ignore"):
        r = np.where(den > 1e-12 * max(1.0, float(den.max(initial=0.0))), num / den, 0.0)
    return np.clip(r, -1.0, 1.0)


def best_features(corr: np.ndarray, names: list[str]) -> list[UnitFeature]:
    """Each unit's feature of largest |r|, the units ordered by it (largest first)."""
    if corr.size == 0:
        return []
    pick = np.abs(corr).argmax(axis=0)
    found = [UnitFeature(int(u), names[int(k)], float(corr[k, u])) for u, k in enumerate(pick)]
    return sorted(found, key=lambda uf: (-abs(uf.r), uf.unit))


def units_following(corr: np.ndarray, names: list[str], feature: str) -> list[int]:
    """The units ordered by how closely they follow ``feature`` (|r|, largest first)."""
    row = np.abs(corr[names.index(feature)])
    return [int(u) for u in np.argsort(-row, kind="stable")]


def project(states: np.ndarray, mask: np.ndarray | None = None) -> Projection:
    """The real steps' states on the first two principal axes of their centred values (an
    SVD); each axis' sign makes its largest entry positive, so a run's picture does not
    flip from one look to the next."""
    h = np.nan_to_num(np.asarray(states, np.float64))  # a diverged network's states too
    real = np.ones(h.shape[:2], bool) if mask is None else np.asarray(mask) > 0
    flat = h[real]
    mean = flat.mean(axis=0) if len(flat) else np.zeros(h.shape[-1])
    _, sv, vt = np.linalg.svd(flat - mean, full_matrices=False)
    comps = np.zeros((2, h.shape[-1]))
    k = min(2, len(vt))
    comps[:k] = vt[:k]
    signs = np.sign(comps[np.arange(2), np.abs(comps).argmax(axis=1)])
    comps *= np.where(signs == 0, 1.0, signs)[:, None]
    total = float((sv ** 2).sum())
    explained = np.zeros(2)
    explained[:k] = (sv[:k] ** 2) / total if total > 0 else 0.0
    return Projection(mean, comps, (h - mean) @ comps.T, explained)


def nearest(proj: Projection, mask: np.ndarray | None, point: tuple[float, float],
            k: int = 5) -> list[tuple[int, int]]:
    """The ``k`` real (sample, step) states nearest ``point`` in the projection."""
    coords = proj.coords
    real = np.ones(coords.shape[:2], bool) if mask is None else np.asarray(mask) > 0
    d = np.linalg.norm(coords - np.asarray(point, float), axis=-1)
    d = np.where(real, d, np.inf)
    order = np.argsort(d, axis=None, kind="stable")[:k]
    return [(int(i), int(t)) for i, t in zip(*np.unravel_index(order, d.shape), strict=True)
            if np.isfinite(d[i, t])]


def units_on(states: np.ndarray, start: int, end: int, threshold: float) -> list[int]:
    """The units above ``threshold`` at every step of ``start``…``end`` (excluded) of one
    sample's states ``(steps, hidden)``: LSTMVis's selection."""
    span = np.asarray(states)[start:end]
    if len(span) == 0:
        return []
    return [int(u) for u in np.flatnonzero((span > threshold).all(axis=0))]


def match_spans(
    states: np.ndarray, mask: np.ndarray | None, units: list[int], threshold: float,
    length: int = 1,
) -> list[Span]:
    """Every run of steps where all ``units`` are above ``threshold``, in all samples
    ``(samples, steps, hidden)``; runs closest to ``length`` steps first."""
    if not units:
        return []
    h = np.asarray(states)
    on: np.ndarray = np.asarray((h[..., units] > threshold).all(axis=-1))
    if mask is not None:
        on &= np.asarray(mask)[:, : h.shape[1]] > 0
    spans = []
    for i, row in enumerate(on):
        edges = np.diff(np.concatenate([[0], row.astype(np.int8), [0]]))
        starts, ends = np.flatnonzero(edges == 1), np.flatnonzero(edges == -1)
        spans += [Span(i, int(a), int(b)) for a, b in zip(starts, ends, strict=True)]
    return sorted(spans, key=lambda s: (abs((s.end - s.start) - length), s.sample, s.start))


def probed_indices(n_val: int, watched: int, count: int = PROBED_SAMPLES) -> list[int]:
    """The watched sample first, then the first others of the validation set."""
    watched = int(np.clip(watched, 0, max(0, n_val - 1)))
    rest = [i for i in range(min(n_val, count + 1)) if i != watched]
    return [watched, *rest][: max(1, min(count, n_val))]


def look_inside(
    task: Task, network: Any, dataset: Dataset, watched: int = 0, step: int = 0,
    samples: int = PROBED_SAMPLES, connectivity: bool = True,
) -> Learned:
    """States, features, correlations and projections of ``samples`` validation samples
    (the ``watched`` one first), and how far back the watched sample's outputs look.
    Raises ``ValueError`` for a network without recurrent states (the dense baseline)."""
    if not isinstance(network, Network):
        raise ValueError(tr("a network without recurrent states has no hidden units to read"))
    val = dataset.val
    idx = probed_indices(len(val), watched, samples)
    batch = val.subset(np.asarray(idx))
    states = hidden_states(network, batch.x, batch.mask, batch.y, batch.y_mask)
    steps, mask = task.read_steps(dataset)
    mask = np.ones((len(idx), steps)) if mask is None else np.asarray(mask, float)[idx]
    key = "encoder" if network.arch == "seq2seq" else ""
    read = {k: v.astype(np.float32) for k, v in states.items()
            if (k.split(".")[0] if "." in k else "") == key}
    labels = [task.step_labels(dataset, i).get(key) for i in idx]
    tokens = [list(t or []) for t in labels] if all(labels) else None
    features = task.unit_features(dataset, idx)
    out = Learned(step=step, indices=idx, states=read, mask=mask, tokens=tokens,
                  features=features)
    anatomy = anatomy_of(network.config)
    out.titles = {name: anatomy.state(name).title for name in read}
    y = np.asarray(batch.y)
    if network.arch == "many_to_one" and y.ndim == 1 and y.dtype.kind in "iu":
        out.labels = y.copy()
        out.label_names = task.class_names(dataset)
    for name, h in read.items():
        out.correlations[name] = correlations(h, mask, features)
        out.projections[name] = project(h, mask)
    out.inputs = connectivity_inputs(network)
    if connectivity:
        try:
            out.connectivity = watched_connectivity(network, val.subset(np.asarray(idx[:1])))
            out.connectivity_step = step
        except ValueError as e:
            out.no_connectivity = str(e)
    return out


def connectivity_inputs(network: Any) -> str:
    """What the input steps of ``network``'s connectivity are: "fed" for a one-to-many
    network (the input vector, then the previous targets), "source" for seq2seq, "steps"
    otherwise (see :func:`~rnn_sandbox.engine.probe.input_connectivity`)."""
    arch = getattr(network, "arch", "")
    return {"one_to_many": "fed", "seq2seq": "source"}.get(arch, "steps")


def watched_connectivity(network: Network, sample: Any) -> np.ndarray:
    """``(output steps, input steps)`` connectivity of the one sample of the batch
    ``sample``, over its real steps only (padding is read by nothing); a generating
    network is fed the sample's targets, as it trains."""
    return trimmed(network, sample, input_connectivity(
        network, sample.x, sample.mask, y=sample.y, y_mask=sample.y_mask)[0])


def watched_connectivity_pieces(network: Network, sample: Any,
                                numbers: int) -> Iterator[np.ndarray | None]:
    """:func:`watched_connectivity` a piece at a time (see
    :func:`~rnn_sandbox.engine.probe.connectivity_pieces`): ``None`` after each piece,
    then the result."""
    for c in connectivity_pieces(network, sample.x, sample.mask, y=sample.y,
                                 y_mask=sample.y_mask, numbers=numbers):
        yield None if c is None else trimmed(network, sample, c[0])


def trimmed(network: Network, sample: Any, c: np.ndarray) -> np.ndarray:
    """Connectivity ``c`` of ``sample`` cut to the steps the sample has."""
    arch = network.arch

    def real(m: np.ndarray | None, n: int) -> int:
        return n if m is None else max(1, int(np.asarray(m)[0].sum()))

    out_steps = {"many_to_one": 1, "many_to_many": real(sample.mask, c.shape[0])}.get(
        arch, real(sample.y_mask, c.shape[0]))
    in_steps = out_steps if arch == "one_to_many" else real(sample.mask, c.shape[1])
    return c[:out_steps, :in_steps]


def how_far_back(connectivity: np.ndarray, from_end: bool = False) -> np.ndarray:
    """From ``(output steps, input steps)`` connectivity, the share of each output's
    dependence that lies ``d`` steps back, ``d = 0 … input steps - 1``, averaged over the
    outputs: a many-to-one output is the last step; a many-to-many or one-to-many output
    ``s`` reads up to step ``s`` (a bidirectional network's look ahead is left out).  With
    ``from_end`` (an encoder–decoder's source) every output counts back from the last
    input step, where the decoder starts."""
    c = np.asarray(connectivity, np.float64)
    S, T = c.shape
    total = c.sum(axis=1, keepdims=True)
    share = np.divide(c, total, out=np.zeros_like(c), where=total > 0)
    ends = [T - 1] * S if (S == 1 or from_end) else list(range(S))
    curve, counts = np.zeros(T), np.zeros(T)
    for row, s in zip(share, ends, strict=True):
        back = row[: s + 1][::-1]
        curve[: len(back)] += back
        counts[: len(back)] += 1
    return np.divide(curve, counts, out=np.zeros(T), where=counts > 0)
