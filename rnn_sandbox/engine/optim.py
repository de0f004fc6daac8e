"""Optimizers (PyTorch's update rules and defaults) and global-norm gradient clipping.

An optimizer step is all-or-nothing: the new parameters and buffers are computed aside and
only replace the old ones if every value is finite, so a step that would overflow (in the
network's dtype, float32 included) leaves parameters and optimizer state as they were and
raises :class:`NonFiniteUpdate` naming what would have become NaN or infinite.
"""

from __future__ import annotations

import math

import numpy as np

from rnn_sandbox.config import TrainingConfig

# New values an optimizer step keeps aside at most (numbers) before writing any: beyond
# this, a large network's values are checked in a first pass and computed again in a
# second, so a step needs little more memory than the weights and buffers themselves.
PENDING_NUMBERS = 1_000_000
# Numbers updated at a time past that: a few arrays of this size fit the processor's cache.
SLICE = 1 << 15


class NonFiniteUpdate(ArithmeticError):
    """A step would make a parameter or an optimizer buffer NaN or infinite; nothing
    changed.  ``what`` names it, e.g. ``"weight_ih_l0"`` or ``"weight_ih_l0/exp_avg_sq"``."""

    def __init__(self, what: str, kind: str) -> None:
        super().__init__(f"{what} would become {kind}")
        self.what, self.kind = what, kind


def non_finite_kind(a: np.ndarray) -> str | None:
    """``"NaN"`` or ``"infinite"`` if ``a`` holds such a value, else ``None``."""
    if np.isfinite(a).all():
        return None
    return "NaN" if np.isnan(a).any() else "infinite"


def _scaled_squares(grads: dict[str, np.ndarray]) -> tuple[float, float]:
    """``(m, s)`` with the global norm ``m * sqrt(s)``: dividing by the largest entry first
    keeps the squares from overflowing when the gradients are finite but huge."""
    m = max((float(np.max(np.abs(g), initial=0.0)) for g in grads.values()), default=0.0)
    if m == 0.0 or not math.isfinite(m):
        return m, 1.0
    return m, sum(float(np.vdot(g / m, g / m)) for g in grads.values())


def clip_grad_norm(grads: dict[str, np.ndarray], max_norm: float) -> float:
    """Scale all gradients together so their global L2 norm is at most ``max_norm``.

    Returns the norm before clipping (as ``torch.nn.utils.clip_grad_norm_`` does), which
    may be ``inf`` if it exceeds the float range.  ``max_norm`` 0 means no clipping.
    """
    with np.errstate(over="ignore"):
        total = float(np.sqrt(sum(float(np.vdot(g, g)) for g in grads.values())))
    m, s = (total, 1.0) if math.isfinite(total) else _scaled_squares(grads)
    if not math.isfinite(total):
        total = m * math.sqrt(s)  # inf only if the norm itself is beyond the float range
    if max_norm > 0 and total > max_norm:
        # With the norm beyond the float range, max_norm / total would be 0; scale by the
        # largest entry instead, which gives the same direction at the allowed length.
        scale = max_norm / (total + 1e-6) if math.isfinite(total) else max_norm / m / math.sqrt(s)
        for g in grads.values():
            g *= scale
    return total


class Optimizer:
    """Base: ``step(params, grads)`` updates ``params`` in place.  ``lr`` may change live."""

    buffers: tuple[str, ...] = ()

    def __init__(self, lr: float) -> None:
        self.lr = lr
        self.t = 0
        self.state: dict[str, dict[str, np.ndarray]] = {}

    def step(self, params: dict[str, np.ndarray], grads: dict[str, np.ndarray]) -> None:
        """Update ``params`` in place, or raise :class:`NonFiniteUpdate` and change
        nothing (parameters, buffers and step counter)."""
        t = self.t + 1
        # Every new value is checked before any is written.  Small parameters' new values
        # are kept aside meanwhile; holding a large network's would double its weights and
        # buffers in memory, so past PENDING_NUMBERS they are checked a slice at a time and
        # then computed again (the same numbers) and written a slice at a time: no array
        # the size of the weights is made, and the slices stay in the processor's cache.
        new: dict[str, tuple[np.ndarray, dict[str, np.ndarray]]] = {}
        kept = 0
        with np.errstate(over="ignore", invalid="ignore"):
            for name, p in params.items():
                if kept + p.size <= PENDING_NUMBERS:
                    new[name] = self._checked(name, p, grads[name], t)
                    kept += p.size
                else:
                    self._slices(name, p, grads[name], t, write=False)
            for name, p in params.items():
                if name in new:
                    value, bufs = new.pop(name)
                    p[...] = value
                    if bufs:
                        self.state[name] = bufs
                else:
                    self._slices(name, p, grads[name], t, write=True)
        self.t = t

    def _checked(
        self, name: str, p: np.ndarray, g: np.ndarray, t: int
    ) -> tuple[np.ndarray, dict[str, np.ndarray]]:
        """The new value and buffers of ``p``, or :class:`NonFiniteUpdate`."""
        slot = self.state.get(name, {})
        bufs = {k: slot[k] if k in slot else np.zeros_like(p) for k in self.buffers}
        value, bufs = self._update(p, g, bufs, t)
        self._check_finite(name, value, bufs)
        return value, bufs

    def _slices(
        self, name: str, p: np.ndarray, g: np.ndarray, t: int, write: bool
    ) -> None:
        """The update of ``p`` a slice of :data:`SLICE` numbers at a time: checked
        (raises :class:`NonFiniteUpdate`), or with ``write`` written in place."""
        slot = self.state.get(name, {})
        if write:
            slot = self.state[name] = {
                k: slot[k] if k in slot else np.zeros_like(p) for k in self.buffers}
        flat_p, flat_g = p.reshape(-1), np.ravel(g)
        flat_bufs = {k: v.reshape(-1) for k, v in slot.items()}
        assert all(np.shares_memory(a, b) for a, b in  # views: written in place
                   [(flat_p, p), *((flat_bufs[k], slot[k]) for k in flat_bufs)])
        for i in range(0, flat_p.size, SLICE):
            part = slice(i, i + SLICE)
            bufs = {k: flat_bufs[k][part] if k in flat_bufs else np.zeros(
                min(SLICE, flat_p.size - i), p.dtype) for k in self.buffers}
            value, bufs = self._update(flat_p[part], flat_g[part], bufs, t)
            if write:
                flat_p[part] = value
                for key, buf in bufs.items():
                    flat_bufs[key][part] = buf
            else:
                self._check_finite(name, value, bufs)

    @staticmethod
    def _check_finite(name: str, value: np.ndarray, bufs: dict[str, np.ndarray]) -> None:
        for key, buf in bufs.items():  # a buffer first: it is usually the cause
            kind = non_finite_kind(buf)
            if kind:
                raise NonFiniteUpdate(f"{name}/{key}", kind)
        kind = non_finite_kind(value)
        if kind:
            raise NonFiniteUpdate(name, kind)

    def _update(
        self, p: np.ndarray, g: np.ndarray, bufs: dict[str, np.ndarray], t: int
    ) -> tuple[np.ndarray, dict[str, np.ndarray]]:
        """The new parameter and buffers for step ``t``, computed aside (not in place)."""
        raise NotImplementedError

    def state_dict(self, copy: bool = True) -> dict[str, np.ndarray]:
        """Flat arrays for saving: ``"<param>/<buffer>"`` plus the step counter (with
        ``copy=False`` the buffers themselves, for a writer that is done before the next
        step)."""
        out = {f"{n}/{k}": v.copy() if copy else v
               for n, slot in self.state.items() for k, v in slot.items()}
        out["_t"] = np.array(self.t)
        return out

    def load_state_dict(self, d: dict[str, np.ndarray], take: bool = False) -> None:
        """The buffers of :meth:`state_dict`, copied; with ``take`` the arrays themselves
        where they can be written in place (a loader's fresh arrays: no second copy of
        a large network's buffers)."""
        self.t = int(d.get("_t", 0))
        self.state = {}
        for key, value in d.items():
            if key == "_t":
                continue
            name, buf = key.rsplit("/", 1)
            mine = (take and isinstance(value, np.ndarray) and value.flags.writeable
                    and value.flags.c_contiguous)
            self.state.setdefault(name, {})[buf] = value if mine else np.array(value)


class SGD(Optimizer):
    def _update(self, p, g, bufs, t):
        return p - self.lr * g, {}


class Momentum(Optimizer):
    """SGD with momentum as PyTorch writes it: ``v = mu v + g; p -= lr v``."""

    buffers = ("momentum",)

    def __init__(self, lr: float, momentum: float = 0.9) -> None:
        super().__init__(lr)
        self.momentum = momentum

    def _update(self, p, g, bufs, t):
        v = bufs["momentum"] * self.momentum + g
        return p - self.lr * v, {"momentum": v}


class RMSProp(Optimizer):
    buffers = ("square_avg",)

    def __init__(self, lr: float, alpha: float = 0.99, eps: float = 1e-8) -> None:
        super().__init__(lr)
        self.alpha, self.eps = alpha, eps

    def _update(self, p, g, bufs, t):
        s = bufs["square_avg"] * self.alpha + (1 - self.alpha) * g * g
        return p - self.lr * g / (np.sqrt(s) + self.eps), {"square_avg": s}


class Adam(Optimizer):
    buffers = ("exp_avg", "exp_avg_sq")

    def __init__(self, lr: float, beta1: float = 0.9, beta2: float = 0.999, eps: float = 1e-8):
        super().__init__(lr)
        self.b1, self.b2, self.eps = beta1, beta2, eps

    def _update(self, p, g, bufs, t):
        m = bufs["exp_avg"] * self.b1 + (1 - self.b1) * g
        v = bufs["exp_avg_sq"] * self.b2 + (1 - self.b2) * g * g
        m_hat = m / (1 - self.b1**t)
        v_hat = v / (1 - self.b2**t)
        return p - self.lr * m_hat / (np.sqrt(v_hat) + self.eps), {"exp_avg": m, "exp_avg_sq": v}


def make_optimizer(cfg: TrainingConfig) -> Optimizer:
    if cfg.optimizer == "sgd":
        return SGD(cfg.learning_rate)
    if cfg.optimizer == "momentum":
        return Momentum(cfg.learning_rate, cfg.momentum)
    if cfg.optimizer == "rmsprop":
        return RMSProp(cfg.learning_rate)
    if cfg.optimizer == "adam":
        return Adam(cfg.learning_rate)
    raise ValueError(f"unknown optimizer '{cfg.optimizer}'")
