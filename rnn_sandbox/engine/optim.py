"""Optimizers (PyTorch's update rules and defaults) and global-norm gradient clipping."""

from __future__ import annotations

import numpy as np

from rnn_sandbox.config import TrainingConfig


def clip_grad_norm(grads: dict[str, np.ndarray], max_norm: float) -> float:
    """Scale all gradients together so their global L2 norm is at most ``max_norm``.

    Returns the norm before clipping (as ``torch.nn.utils.clip_grad_norm_`` does).
    ``max_norm`` 0 means no clipping.
    """
    total = float(np.sqrt(sum(float(np.vdot(g, g)) for g in grads.values())))
    if max_norm > 0 and total > max_norm:
        scale = max_norm / (total + 1e-6)
        for g in grads.values():
            g *= scale
    return total


class Optimizer:
    """Base: ``step(params, grads)`` updates ``params`` in place.  ``lr`` may change live."""

    def __init__(self, lr: float) -> None:
        self.lr = lr
        self.t = 0
        self.state: dict[str, dict[str, np.ndarray]] = {}

    def step(self, params: dict[str, np.ndarray], grads: dict[str, np.ndarray]) -> None:
        self.t += 1
        for name, p in params.items():
            self._update(name, p, grads[name])

    def _update(self, name: str, p: np.ndarray, g: np.ndarray) -> None:
        raise NotImplementedError

    def _buf(self, name: str, key: str, like: np.ndarray) -> np.ndarray:
        slot = self.state.setdefault(name, {})
        if key not in slot:
            slot[key] = np.zeros_like(like)
        return slot[key]

    def state_dict(self) -> dict[str, np.ndarray]:
        """Flat arrays for saving: ``"<param>/<buffer>"`` plus the step counter."""
        out = {f"{n}/{k}": v.copy() for n, slot in self.state.items() for k, v in slot.items()}
        out["_t"] = np.array(self.t)
        return out

    def load_state_dict(self, d: dict[str, np.ndarray]) -> None:
        self.t = int(d.get("_t", 0))
        self.state = {}
        for key, value in d.items():
            if key == "_t":
                continue
            name, buf = key.rsplit("/", 1)
            self.state.setdefault(name, {})[buf] = np.array(value)


class SGD(Optimizer):
    def _update(self, name, p, g):
        p -= self.lr * g


class Momentum(Optimizer):
    """SGD with momentum as PyTorch writes it: ``v = mu v + g; p -= lr v``."""

    def __init__(self, lr: float, momentum: float = 0.9) -> None:
        super().__init__(lr)
        self.momentum = momentum

    def _update(self, name, p, g):
        v = self._buf(name, "momentum", p)
        v *= self.momentum
        v += g
        p -= self.lr * v


class RMSProp(Optimizer):
    def __init__(self, lr: float, alpha: float = 0.99, eps: float = 1e-8) -> None:
        super().__init__(lr)
        self.alpha, self.eps = alpha, eps

    def _update(self, name, p, g):
        s = self._buf(name, "square_avg", p)
        s *= self.alpha
        s += (1 - self.alpha) * g * g
        p -= self.lr * g / (np.sqrt(s) + self.eps)


class Adam(Optimizer):
    def __init__(self, lr: float, beta1: float = 0.9, beta2: float = 0.999, eps: float = 1e-8):
        super().__init__(lr)
        self.b1, self.b2, self.eps = beta1, beta2, eps

    def _update(self, name, p, g):
        m = self._buf(name, "exp_avg", p)
        v = self._buf(name, "exp_avg_sq", p)
        m *= self.b1
        m += (1 - self.b1) * g
        v *= self.b2
        v += (1 - self.b2) * g * g
        m_hat = m / (1 - self.b1**self.t)
        v_hat = v / (1 - self.b2**self.t)
        p -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)


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
