"""Check hand-written gradients against central finite differences in float64."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from rnn_sandbox.engine.network import Network


@dataclass
class GradCheckResult:
    errors: dict[str, float]  # per parameter: ||analytic - numeric|| / (||a|| + ||n||)

    @property
    def worst(self) -> float:
        return max(self.errors.values()) if self.errors else 0.0

    @property
    def worst_name(self) -> str:
        return max(self.errors, key=self.errors.__getitem__) if self.errors else ""


def gradcheck(
    net: Network,
    x: np.ndarray,
    y: np.ndarray,
    mask: np.ndarray | None = None,
    y_mask: np.ndarray | None = None,
    eps: float = 1e-5,
    max_entries: int | None = None,
    seed: int = 0,
) -> GradCheckResult:
    """Relative error of every parameter's gradient (``max_entries`` samples per
    parameter if given, else all entries).  ``net`` must use float64."""
    if net.dtype != np.float64:
        raise ValueError("gradient checks need a float64 network")
    _, grads = net.loss_and_grads(x, y, mask, y_mask)
    rng = np.random.default_rng(seed)
    errors = {}
    for name, p in net.params.items():
        flat = p.reshape(-1)
        idx = np.arange(flat.size)
        if max_entries is not None and flat.size > max_entries:
            idx = rng.choice(flat.size, max_entries, replace=False)
        numeric = np.empty(len(idx))
        for j, i in enumerate(idx):
            old = flat[i]
            flat[i] = old + eps
            lp = net.loss(net.forward(x, mask, y=y, y_mask=y_mask), y, mask, y_mask)[0]
            flat[i] = old - eps
            lm = net.loss(net.forward(x, mask, y=y, y_mask=y_mask), y, mask, y_mask)[0]
            flat[i] = old
            numeric[j] = (lp - lm) / (2 * eps)
        analytic = grads[name].reshape(-1)[idx]
        denom = np.linalg.norm(analytic) + np.linalg.norm(numeric)
        errors[name] = float(np.linalg.norm(analytic - numeric) / denom) if denom > 0 else 0.0
    return GradCheckResult(errors)
