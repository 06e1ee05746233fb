"""Sparse models in plain numpy (no scipy): ridge by conjugate gradients, softmax by gradient descent, and sigmoid
outputs over a linear part plus one hidden layer by minibatch Adam.

A design matrix is held as CSR arrays so tens of thousands of word features fit in memory.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np


@dataclass
class Csr:
    indptr: np.ndarray
    indices: np.ndarray
    values: np.ndarray
    n_cols: int

    @property
    def n_rows(self) -> int:
        return len(self.indptr) - 1

    def dot(self, w: np.ndarray) -> np.ndarray:
        """X @ w for a vector or a (n_cols, k) matrix (every row holds at least one entry)."""
        prod = self.values[:, None] * w[self.indices] if w.ndim == 2 else self.values * w[self.indices]
        return np.add.reduceat(prod, self.indptr[:-1], axis=0)

    def tdot(self, r: np.ndarray) -> np.ndarray:
        """X.T @ r for a vector or a (n_rows, k) matrix."""
        rows = np.repeat(np.arange(self.n_rows), np.diff(self.indptr))
        if r.ndim == 1:
            return np.bincount(self.indices, weights=self.values * r[rows], minlength=self.n_cols)
        return np.stack([np.bincount(self.indices, weights=self.values * r[rows, k], minlength=self.n_cols)
                         for k in range(r.shape[1])], axis=1)

    def take(self, rows: np.ndarray) -> Csr:
        """The given rows, as a new matrix."""
        starts, ends = self.indptr[rows], self.indptr[rows + 1]
        idx = np.concatenate([np.arange(s, e) for s, e in zip(starts, ends, strict=True)])
        indptr = np.concatenate([[0], np.cumsum(ends - starts)])
        return Csr(indptr, self.indices[idx], self.values[idx], self.n_cols)


def build_vocab(rows: Sequence[dict[str, float] | list[str]], min_count: int,
                keep: Sequence[str] = ()) -> dict[str, int]:
    """Features seen in at least min_count rows (plus `keep`), in a stable sorted order."""
    counts = Counter(f for r in rows for f in set(r))
    names = {f for f, n in counts.items() if n >= min_count} | set(keep)
    return {f: i for i, f in enumerate(sorted(names))}


def to_csr(rows: Sequence[dict[str, float] | list[str]], vocab: dict[str, int]) -> Csr:
    """Rows of {feature: value} (or lists of binary feature names) as a CSR matrix over vocab."""
    indptr, indices, values = [0], [], []
    for r in rows:
        items = r.items() if isinstance(r, dict) else ((f, 1.0) for f in set(r))
        for f, v in items:
            j = vocab.get(f)
            if j is not None:
                indices.append(j)
                values.append(v)
        indptr.append(len(indices))
    return Csr(np.array(indptr), np.array(indices, dtype=np.int64), np.array(values, dtype=np.float64), len(vocab))


def ridge(x: Csr, y: np.ndarray, l2: float, sample_weight: np.ndarray | None = None,
          unpenalised: Sequence[int] = (), iterations: int = 300) -> np.ndarray:
    """Weights minimising sum_i s_i (x_i w - y_i)^2 + l2 |w|^2 (columns in `unpenalised` free), by CG."""
    s = np.ones(x.n_rows) if sample_weight is None else sample_weight
    pen = np.full(x.n_cols, l2)
    pen[list(unpenalised)] = 1e-6

    def a(v: np.ndarray) -> np.ndarray:
        return x.tdot(s * x.dot(v)) + pen * v

    w = np.zeros(x.n_cols)
    r = x.tdot(s * y) - a(w)
    p = r.copy()
    rs = r @ r
    for _ in range(iterations):
        ap = a(p)
        alpha = rs / (p @ ap)
        w += alpha * p
        r -= alpha * ap
        rs_new = r @ r
        if rs_new < 1e-12:
            break
        p = r + rs_new / rs * p
        rs = rs_new
    return w


def softmax_regression(x: Csr, labels: np.ndarray, n_classes: int, l2: float, epochs: int = 600,
                       lr: float = 1.0, unpenalised: Sequence[int] = ()) -> np.ndarray:
    """Multinomial logistic regression by full-batch gradient descent; returns (n_cols, n_classes) weights."""
    y = np.eye(n_classes)[labels]
    w = np.zeros((x.n_cols, n_classes))
    n = x.n_rows
    free = list(unpenalised)
    for _ in range(epochs):
        z = x.dot(w)
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        reg = l2 / n * w
        reg[free] = 0.0
        w -= lr * (x.tdot(p - y) / n + reg)
    return w


@dataclass
class HiddenLogistic:
    """Weights of `hidden_logistic`: a linear part plus one hidden layer over the same sparse features."""
    linear: np.ndarray  # (n_cols, k)
    hidden: np.ndarray  # (n_cols, h)
    hidden_bias: np.ndarray  # (h,)
    out: np.ndarray  # (h, k)
    out_bias: np.ndarray  # (k,)

    def logits(self, x: Csr) -> np.ndarray:
        return x.dot(self.linear) + np.maximum(x.dot(self.hidden) + self.hidden_bias, 0.0) @ self.out + self.out_bias


def hidden_logistic(x: Csr, y: np.ndarray, *, hidden: int = 64, l2: float = 1e-4, epochs: int = 12,
                    batch: int = 64, lr: float = 2e-3, dropout: float = 0.3, seed: int = 0,
                    sample_weight: np.ndarray | None = None) -> HiddenLogistic:
    """Independent sigmoid outputs (soft targets allowed) over a linear part plus a ReLU hidden layer, trained by
    minibatch Adam on the mean cross-entropy plus l2 * |W|^2 of the two sparse weight matrices (per batch).
    `sample_weight` scales each row's cross-entropy (1 for every row when not given).

    The hidden layer lets the model combine words ("cold" with "beer" is food, with "staff" is service), which
    a linear model over the same features cannot; its input weights are per feature, so reading a sentence
    still costs one look-up per feature."""
    rng = np.random.default_rng(seed)
    v, k = x.n_cols, y.shape[1]
    s = np.ones(x.n_rows) if sample_weight is None else np.asarray(sample_weight, dtype=np.float64)
    bound = 1.0 / np.sqrt(hidden)
    params = [np.zeros((v, k)), rng.normal(0.0, 0.05, (v, hidden)), np.zeros(hidden),
              rng.uniform(-bound, bound, (hidden, k)), rng.uniform(-bound, bound, k)]
    moments = [(np.zeros_like(p), np.zeros_like(p)) for p in params]
    step = 0
    for _ in range(epochs):
        order = rng.permutation(x.n_rows)
        for b in range(0, x.n_rows, batch):
            sub = x.take(order[b:b + batch])
            target = y[order[b:b + batch]]
            lin, w1, b1, w2, b2 = params
            pre = sub.dot(w1) + b1
            act = np.maximum(pre, 0.0)
            keep = (rng.random(act.shape) >= dropout) / (1.0 - dropout)
            dropped = act * keep
            z = sub.dot(lin) + dropped @ w2 + b2
            p = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
            g = (p - target) * s[order[b:b + batch], None] / target.size  # d mean weighted BCE / dz
            d_pre = (g @ w2.T) * keep * (pre > 0)
            grads = [_sparse_grad(sub, g, v) + 2 * l2 * lin, _sparse_grad(sub, d_pre, v) + 2 * l2 * w1,
                     d_pre.sum(0), dropped.T @ g, g.sum(0)]
            step += 1
            for param, gr, (m, sq) in zip(params, grads, moments, strict=True):
                m *= 0.9
                m += 0.1 * gr
                sq *= 0.999
                sq += 0.001 * gr * gr
                param -= lr * (m / (1 - 0.9 ** step)) / (np.sqrt(sq / (1 - 0.999 ** step)) + 1e-8)
    return HiddenLogistic(*params)


def averaged(nets: Sequence[HiddenLogistic]) -> HiddenLogistic:
    """One net whose logits are the mean of the members' logits: linear parts and output biases averaged,
    hidden layers laid side by side with their output rows scaled by 1/len(nets). Members trained from
    different seeds err in different places, so their average generalises better than any one; shipped as
    one wider hidden layer, it is read by the same code at the cost of a wider row per feature."""
    m = len(nets)
    return HiddenLogistic(sum(n.linear for n in nets) / m, np.hstack([n.hidden for n in nets]),
                          np.concatenate([n.hidden_bias for n in nets]), np.vstack([n.out for n in nets]) / m,
                          sum(n.out_bias for n in nets) / m)


def _sparse_grad(x: Csr, g: np.ndarray, n_cols: int) -> np.ndarray:
    """X.T @ g as a dense (n_cols, g columns) array, for a small batch X."""
    out = np.zeros((n_cols, g.shape[1]))
    rows = np.repeat(np.arange(x.n_rows), np.diff(x.indptr))
    np.add.at(out, x.indices, x.values[:, None] * g[rows])
    return out
