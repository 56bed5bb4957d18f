"""Reference numbers for mfg-envs' MFGLib-compatible presets, computed independently of the Java code.

This is a numpy transcription (float64) of MFGLib's definitions, written from reading its source
(radar-research-lab/MFGLib: mfglib/env/environment.py, mfglib/env/examples/{susceptible_infected,
linear_quadratic,left_right,rock_paper_scissors}.py, mfglib/mean_field.py, mfglib/alg/q_fn.py, mfglib/metrics.py).
MFGLib works on the joint state-action mean field L_t[s, a] and tensors p_t[s', s, a]; this script
keeps those layouts on purpose, so that it shares no code path with the Java implementation.

Run:  OPENBLAS_NUM_THREADS=1 python3 mfg-envs/scripts/mfglib_reference.py  (about 1 min of CPU;
one BLAS thread, since on a loaded machine threaded BLAS slows the small products a hundredfold).
Needs numpy and, for MF-OMO, HIPS autograd (`pip install autograd`): MFGLib's MFOMO differentiates
its objective with torch's autograd, and the transcription below does the same with autograd,
independently of mfgkit's hand-written derivatives.
It writes the user-given instance of random-linear (src/test/resources/mfglib/random-linear-n5-seed0.json,
numpy draws) and the fixture src/test/resources/mfglib/reference.json that the Java tests read:
per game (MFGLib's ten, at MFGLib's defaults) the uniform- and patterned-policy exploitability and
the fictitious-play / online-mirror-descent curves at iterations CURVE_AT; per algorithm
(prior-descent on sis-fh and lq-fh, occupation-measure-inclusion on sis-fh and left-right,
mf-omo on sis-fh, beach-bar and left-right). It also prints them; the
numbers pinned in FiniteHorizonTest / MfglibReferenceTest are among them.
"""
import json
import math
import os

import numpy as np
import autograd.numpy as anp
from autograd import grad


# ---- environments (p_t has shape (S', S, A), r_t shape (S, A), both from the joint L_t) ----

def si_prob(t, L):
    mu = L.sum(axis=1)
    p = np.zeros((2, 2, 2))
    for s in range(2):
        for a in range(2):
            if s == 1:
                p[0, s, a] = 0.3
                p[1, s, a] = 0.7
            elif a == 0:
                p[1, s, a] = (0.9 ** 2) * mu[1]
                p[0, s, a] = 1.0 - (0.9 ** 2) * mu[1]
            else:
                p[0, s, a] = 1.0
    return p


def si_reward(t, L):
    r = np.zeros((2, 2))
    r[0, 1] = -0.5
    r[1, 0] = -1.0
    r[1, 1] = -1.5
    return r


def lq(T=3, el=5, m=2, sigma=3.0, delta=0.1, k=1.0, q=0.01, kappa=0.5, c_term=1.0):
    eps = np.arange(-3, 4) * sigma
    eps_pr = np.exp(-0.5 * eps ** 2) / math.sqrt(2 * math.pi)
    eps_pr = eps_pr / eps_pr.sum()
    n_s, n_a = 2 * el + 1, 2 * m + 1

    def prob(t, L):
        mu = L.sum(axis=1)
        m_t = (np.arange(-el, el + 1) * mu).sum()
        p = np.zeros((n_s, n_s, n_a))
        for s in range(n_s):
            for a in range(n_a):
                for e, w in zip(eps, eps_pr):
                    nxt = s - el + (k * (m_t - s + el) + a - m) * delta + sigma * e * math.sqrt(delta)
                    nxt = int(np.round(nxt))  # numpy rounds half to even, like torch.round
                    nxt = min(max(-el, nxt), el)
                    p[nxt + el, s, a] += w
        return p

    def reward(t, L):
        mu = L.sum(axis=1)
        m_t = (np.arange(-el, el + 1) * mu).sum()
        x = np.arange(-el, el + 1)[:, None] * np.ones((1, n_a))
        a = np.ones((n_s, 1)) * np.arange(-m, m + 1)[None, :]
        if t == T:
            return -0.5 * c_term * (m_t - x) ** 2
        return (-0.5 * a ** 2 + q * a * (m_t - x) - 0.5 * kappa * (m_t - x) ** 2) * delta

    return T, n_s, n_a, np.ones(n_s) / n_s, prob, reward


def lr_prob(t, L):
    p = np.zeros((3, 3, 2))
    for s in range(3):
        for a in range(2):
            p[1 + a, s, a] = 1.0
    return p


def lr_reward(t, L):
    mu = L.sum(axis=1)
    r = np.zeros((3, 2))
    r[1, :] = -mu[1]
    r[2, :] = -2 * mu[2]
    return r


def rps_prob(t, L):
    p = np.zeros((4, 4, 3))
    for s in range(4):
        for a in range(3):
            p[1 + a, s, a] = 1.0
    return p


def rps_reward(t, L):
    mu = L.sum(axis=1)
    r = np.zeros((4, 3))
    r[1, :] = 2 * mu[3] - mu[2]
    r[2, :] = 4 * mu[1] - 2 * mu[3]
    r[3, :] = 6 * mu[2] - 3 * mu[1]
    return r


# ---- MFGLib's mean_field, QFn and exploitability_score ----

def mean_field(T, mu0, prob, pi):
    n_s, n_a = pi.shape[1], pi.shape[2]
    L = np.empty((T + 1, n_s, n_a))
    L[0] = mu0[:, None] * pi[0]
    for t in range(1, T + 1):
        s = prob(t - 1, L[t - 1]).reshape(n_s, -1) @ L[t - 1].reshape(-1)
        L[t] = pi[t] * s[:, None]
    return L


def q_values(T, prob, reward, L, future):
    n_s, n_a = L.shape[1], L.shape[2]
    q = np.empty((T + 1, n_s, n_a))
    q[T] = reward(T, L[T])
    for t in range(T - 1, -1, -1):
        p_sas = prob(t, L[t]).transpose(1, 2, 0).reshape(n_s, n_a, n_s)
        q[t] = reward(t, L[t]) + p_sas @ future(t, q)
    return q


def exploitability(T, mu0, prob, reward, pi):
    L = mean_field(T, mu0, prob, pi)
    q_opt = q_values(T, prob, reward, L, lambda t, q: q[t + 1].max(axis=1))
    q_pi = q_values(T, prob, reward, L, lambda t, q: (pi[t + 1] * q[t + 1]).sum(axis=1))
    return (mu0 * q_opt[0].max(axis=1)).sum() - (mu0 * (pi[0] * q_pi[0]).sum(axis=1)).sum()


def greedy(T, prob, reward, L):
    """MFGLib's Greedy_Policy: uniform over the exact maximisers of Q*."""
    q = q_values(T, prob, reward, L, lambda t, q: q[t + 1].max(axis=1))
    mask = (q == q.max(axis=2, keepdims=True)).astype(float)
    return mask / mask.sum(axis=2, keepdims=True)


def fictitious_play(T, n_a, mu0, prob, reward, n_iter):
    """MFGLib's FictitiousPlay(alpha=0): weights 1/(i+2), policies averaged with their flows."""
    pi = np.ones((T + 1, len(mu0), n_a)) / n_a
    curve = []
    for i in range(n_iter + 1):
        curve.append(exploitability(T, mu0, prob, reward, pi))
        if i == n_iter:
            break
        L = mean_field(T, mu0, prob, pi)
        br = greedy(T, prob, reward, L)
        L_br = mean_field(T, mu0, prob, br)
        mu, mu_br = L.sum(axis=2, keepdims=True), L_br.sum(axis=2, keepdims=True)
        a = 1 / (i + 2)
        num = (1 - a) * mu * pi + a * mu_br * br
        den = (1 - a) * mu + a * mu_br
        with np.errstate(invalid="ignore", divide="ignore"):
            pi = np.where(den > 0, num / np.where(den > 0, den, 1), (1 - a) * pi + a * br)
    return curve


def online_mirror_descent(T, n_a, mu0, prob, reward, n_iter, alpha=1.0):
    """MFGLib's OnlineMirrorDescent: y += alpha Q^pi, pi = softmax(y)."""
    pi = np.ones((T + 1, len(mu0), n_a)) / n_a
    y = np.zeros_like(pi)
    curve = []
    for i in range(n_iter + 1):
        curve.append(exploitability(T, mu0, prob, reward, pi))
        if i == n_iter:
            break
        L = mean_field(T, mu0, prob, pi)
        q = q_values(T, prob, reward, L, lambda t, q: (pi[t + 1] * q[t + 1]).sum(axis=1))
        y = y + alpha * q
        e = np.exp(y - y.max(axis=2, keepdims=True))
        pi = e / e.sum(axis=2, keepdims=True)
    return curve


# ---- MFGLib's other seven games (mfglib/env/environment.py and mfglib/env/examples/*.py) ----
# States of a multi-dimensional S are flattened row-major (MFGLib's flatten), actions likewise.


def beach_bar(T=2, n=4, bar_loc=2, log_eps=1e-20, p_still=0.5):
    prs = [(1 - p_still) / 2, p_still, (1 - p_still) / 2]
    p = np.zeros((n, n, 3))
    for s in range(n):
        for a in range(3):
            for e, pr in zip([-1, 0, 1], prs):
                p[min(max(s + a - 1 + e, 0), n - 1), s, a] += pr
    # distance to the bar on the torus: min(roll(0..n-1, bar), roll(n-1..0, bar+1))
    dist = np.minimum(np.roll(np.arange(n), bar_loc), np.roll(np.arange(n)[::-1], bar_loc + 1))
    move = np.array([1.0, 0.0, 1.0]) / n

    def reward(t, L):
        mu = L.sum(axis=1)
        return -dist[:, None] - move[None, :] - np.log(mu + log_eps)[:, None]

    return T, n, 3, np.ones(n) / n, lambda t, L: p, reward


def building_evacuation(T=3, n_floor=5, floor_l=10, floor_w=10, log_eps=1e-20, eta=1.0,
                        evac_r=10.0):
    shape = (n_floor, floor_l, floor_w)
    n_s = n_floor * floor_l * floor_w
    p = np.zeros((n_s, n_s, 6))
    for f in range(n_floor):
        for i in range(floor_l):
            for j in range(floor_w):
                s = np.ravel_multi_index((f, i, j), shape)
                moves = [
                    (f, min(i + 1, floor_l - 1), j),  # 0: right
                    (f, max(0, i - 1), j),  # 1: left
                    (f, i, max(0, j - 1)),  # 2: up
                    (f, i, min(j + 1, floor_w - 1)),  # 3: down
                    (max(0, f - 1) if i == 0 and j == 0 else f, i, j),  # 4: downstairs
                    (min(f + 1, n_floor - 1) if i == floor_l - 1 and j == floor_w - 1 else f,
                     i, j),  # 5: upstairs
                ]
                for a, nxt in enumerate(moves):
                    p[np.ravel_multi_index(nxt, shape), s, a] = 1.0
    bonus = np.zeros(shape)
    bonus[0] = evac_r
    bonus = bonus.reshape(-1)

    def reward(t, L):
        mu = np.maximum(L.sum(axis=1), log_eps)
        return (-eta * np.log(mu) + bonus)[:, None] * np.ones((1, 6))

    return T, n_s, 6, np.ones(n_s) / n_s, lambda t, L: p, reward


def conservative_treasure_hunting(T=5, n=3, r=(1.0, 1.0, 1.0), c=(1.0, 1.0, 1.0, 1.0, 1.0)):
    assert len(r) == n and len(c) == T

    def diff(L, s):
        e = np.zeros((n, n))
        e[s, s] = 1.0
        return ((L - e) ** 2).sum()

    def prob(t, L):
        p = np.zeros((n, n, n))
        if t == 0:
            for s in range(n):
                for a in range(n):
                    p[a, s, a] = 1.0
            return p
        for s in range(n):
            ds = diff(L, s)
            den = 1.0 + n * c[t - 1] * ds
            p[:, s, :] = c[t - 1] * ds / den
            for a in range(n):
                p[a, s, a] += 1.0 / den
        return p

    def reward(t, L):
        out = np.zeros((n, n))
        if t == 0:
            return out
        for s in range(n):
            out[s, s] = r[s] * (1 - diff(L, s) / 2.0)
        return out

    return T, n, n, np.ones(n) / n, prob, reward


def crowd_bar_path(T, torus_l, torus_w, loc_change_freq, rng):
    """MFGLib's bar walk (centre, then a +-1 diagonal step every loc_change_freq steps when it
    stays inside), with a numpy generator in place of torch's; positions for t = 0..T."""
    bar = (torus_l // 2, torus_w // 2)
    path = [bar]
    for i in range(T + 1):
        if (i + 1) % loc_change_freq == 0:
            new = (bar[0] + int(rng.choice([-1, 1])), bar[1] + int(rng.choice([-1, 1])))
            if 0 <= new[0] < torus_l and 0 <= new[1] < torus_w:
                bar = new
        path.append(bar)
    return path[: T + 1]


def crowd_motion(bar_path, T=3, torus_l=20, torus_w=20, c=10.0, log_eps=1e-10, p_still=0.5):
    x = (1 - p_still) / 4
    eps_prob = [x, x, x, x, p_still]
    moves = [(1, 0), (-1, 0), (0, 1), (0, -1), (0, 0)]
    n_s = torus_l * torus_w
    p = np.zeros((n_s, n_s, 5))
    for i in range(torus_l):
        for j in range(torus_w):
            for a, (a0, a1) in enumerate(moves):
                for (d0, d1), pr in zip(moves, eps_prob):
                    ni = min(max(i + a0 + d0, 0), torus_l - 1)
                    nj = min(max(j + a1 + d1, 0), torus_w - 1)
                    p[ni * torus_w + nj, i * torus_w + j, a] += pr
    ii, jj = np.meshgrid(np.arange(torus_l), np.arange(torus_w), indexing="ij")
    closeness = [1.0 - (np.abs(ii - b0) + np.abs(jj - b1)).reshape(-1) / (torus_l + torus_w)
                 for (b0, b1) in bar_path]

    def reward(t, L):
        mu = L.sum(axis=1)
        return (c * closeness[t] - np.log(mu + log_eps))[:, None] * np.ones((1, 5))

    return T, n_s, 5, np.ones(n_s) / n_s, lambda t, L: p, reward


def equilibrium_price(T=4, s_inv=3, Q=2, H=2, d=1.0, e0=1.0, sigma=1.0, c=(1.0,) * 5):
    n_s, n_a = s_inv + 1, (Q + 1) * (H + 1)
    qa = np.repeat(np.arange(Q + 1), H + 1)  # action a = q*(H+1) + h
    ha = np.tile(np.arange(H + 1), Q + 1)
    p = np.zeros((n_s, n_s, n_a))
    for s in range(n_s):
        for a in range(n_a):
            p[min(s - min(qa[a], s) + ha[a], s_inv), s, a] = 1.0
    c0, c1, c2, c3, c4 = c
    sv = np.arange(n_s)[:, None]

    def reward(t, L):
        price = (d / ((L * qa[None, :]).sum() + e0)) ** (1 / sigma)
        return ((price - c0) * qa[None, :] - c1 * qa[None, :] ** 2 - c2 * ha[None, :]
                - (c2 + c3) * np.maximum(qa[None, :] - sv, 0) - c4 * sv)

    return T, n_s, n_a, np.ones(n_s) / n_s, lambda t, L: p, reward


def random_linear(coef, T=3):
    p1, p2 = np.array(coef["p1"]), np.array(coef["p2"])
    r1, r2 = np.array(coef["r1"]), np.array(coef["r2"])
    n = r1.shape[0]

    def prob(t, L):
        z = np.einsum("xsk,ka->xsa", p1, L) + p2
        e = np.exp(z - z.max(axis=0, keepdims=True))
        return e / e.sum(axis=0, keepdims=True)

    return T, n, n, np.ones(n) / n, prob, lambda t, L: r1 @ L + r2


def random_linear_instance(n, m, rng):
    """MFGLib's draw U(-m, m) for p1, p2 (n,n,n) and r1, r2 (n,n), from a numpy generator."""
    u = lambda *shape: (2 * m * rng.random(shape) - m).tolist()
    return {"p1": u(n, n, n), "p2": u(n, n, n), "r1": u(n, n), "r2": u(n, n)}


# ---- MFGLib's PriorDescent and OccupationMeasureInclusion (MF-OMI-FBS) ----

def prior_descent(T, n_a, mu0, prob, reward, n_iter, eta=1.0, n_inner=None):
    """pi_{i+1} ∝ q exp(Q*_{L(pi_i)} / eta); the prior q (uniform at first) becomes pi every
    n_inner iterations ((i + 2) % n_inner == 0), never when n_inner is None (GMF-V)."""
    pi = np.ones((T + 1, len(mu0), n_a)) / n_a
    q = pi.copy()
    curve = []
    for i in range(n_iter + 1):
        curve.append(exploitability(T, mu0, prob, reward, pi))
        if i == n_iter:
            break
        L = mean_field(T, mu0, prob, pi)
        z = np.log(q) + q_values(T, prob, reward, L, lambda t, qq: qq[t + 1].max(axis=1)) / eta
        e = np.exp(z - z.max(axis=2, keepdims=True))
        pi = e / e.sum(axis=2, keepdims=True)
        if n_inner and (i + 2) % n_inner == 0:
            q = pi.copy()
    return curve


def omo_constraints(T, mu0, prob, d):
    """MFGLib's mf_omo_params: A_d x = b (flow and initial marginal constraints)."""
    n_s, n_a = d.shape[1], d.shape[2]
    m = n_s * n_a
    A = np.zeros(((T + 1) * n_s, (T + 1) * m))
    marg = np.kron(np.eye(n_s), np.ones((1, n_a)))
    for t in range(T):
        A[t * n_s:(t + 1) * n_s, t * m:(t + 1) * m] += prob(t, d[t]).reshape(n_s, m)
        A[t * n_s:(t + 1) * n_s, (t + 1) * m:(t + 2) * m] -= marg
    A[T * n_s:, :m] += marg
    b = np.zeros((T + 1) * n_s)
    b[T * n_s:] = mu0
    return A, b


def project_flow_polytope(A, b, y):
    """argmin ||x - y|| s.t. A x = b, x >= 0 (what MFGLib asks OSQP for), solved exactly by a
    semismooth Newton method on the dual: x(l) = max(y + A^T l, 0), A x(l) = b. A step is taken
    when it shrinks the residual |A x - b| by 10 %, else by an Armijo search on the dual objective
    (whose decrease is lost in rounding close to the solution)."""
    lam = np.zeros(A.shape[0])

    def theta(l):
        x = np.maximum(y + A.T @ l, 0)
        return 0.5 * x @ x - b @ l, x

    f, x = theta(lam)
    for _ in range(200):
        g = A @ x - b
        if np.abs(g).max() <= 1e-14:
            return x
        active = (y + A.T @ lam) > 0
        H = (A[:, active] @ A[:, active].T) + min(1e-3, np.linalg.norm(g)) * np.eye(A.shape[0])
        step = np.linalg.solve(H, -g)
        f2, x2 = theta(lam + step)
        s = 1.0
        if np.linalg.norm(A @ x2 - b) > 0.9 * np.linalg.norm(g):
            while f2 > f + 1e-4 * s * (g @ step):
                s /= 2
                if s < 1e-12:
                    raise RuntimeError(f"projection stalled at residual {np.abs(g).max()}")
                f2, x2 = theta(lam + s * step)
        lam, f, x = lam + s * step, f2, x2
    raise RuntimeError(f"projection: no convergence, residual {np.abs(A @ x - b).max()}")


def occupation_measure_inclusion(T, n_a, mu0, prob, reward, n_iter, alpha=1e-3, eta=0.0):
    """MF-OMI-FBS: d <- Proj(d + alpha (r(d) - eta d)), pi = d / sum_a d (uniform on empty rows).
    MFGLib hands the projection to OSQP; here it is exact."""
    n_s = len(mu0)
    pi = np.ones((T + 1, n_s, n_a)) / n_a
    d = mean_field(T, mu0, prob, pi)
    curve = []
    for i in range(n_iter + 1):
        curve.append(exploitability(T, mu0, prob, reward, pi))
        if i == n_iter:
            break
        A, b = omo_constraints(T, mu0, prob, d)
        r = np.stack([reward(t, d[t]) for t in range(T + 1)])
        y = (d + alpha * (r - eta * d)).reshape(-1)
        d = project_flow_polytope(A, b, y).reshape(d.shape)
        tot = d.sum(axis=2, keepdims=True)
        with np.errstate(invalid="ignore", divide="ignore"):
            pi = np.where(tot > 0, d / np.where(tot > 0, tot, 1), 1.0 / n_a)
    return curve


# ---- MFGLib's MFOMO (mfglib/alg/mf_omo*.py, utils.py), gradients by HIPS autograd ----
# The objective is written with a dense A_L exactly as mf_omo_params builds it, and differentiated
# by autograd (reverse mode), independently of mfgkit's hand-written vector-Jacobian products. The
# games' prob/reward must then be autograd-traceable (no in-place writes): the *_ad versions below.

def si_prob_ad(t, L):
    c = (0.9 ** 2) * anp.sum(L[1])
    go_out = anp.stack([1.0 - c, c])  # p[., S, U]
    stay_in = np.array([1.0, 0.0])  # p[., S, D]
    recover = np.array([0.3, 0.7])  # p[., I, a]
    susceptible = anp.stack([go_out, stay_in], axis=1)  # (S', A)
    infected = np.stack([recover, recover], axis=1)
    return anp.stack([susceptible, infected], axis=1)  # (S', S, A)


def beach_bar_ad(T=2, n=4, bar_loc=2, log_eps=1e-20, p_still=0.5):
    T, n_s, n_a, mu0, prob, _ = beach_bar(T, n, bar_loc, log_eps, p_still)
    dist = np.minimum(np.roll(np.arange(n), bar_loc), np.roll(np.arange(n)[::-1], bar_loc + 1))
    move = np.array([1.0, 0.0, 1.0]) / n

    def reward(t, L):
        mu = anp.sum(L, axis=1)
        return -dist[:, None] - move[None, :] - anp.log(mu + log_eps)[:, None]

    return T, n_s, n_a, mu0, prob, reward


def lr_reward_ad(t, L):
    mu = anp.sum(L, axis=1)
    ones = np.ones(2)
    return anp.stack([0.0 * ones, -mu[1] * ones, -2 * mu[2] * ones])


def autograd_catalogue():
    """(T, n_s, n_a, mu0, prob, reward, r_max) with traceable prob/reward; r_max is MFGLib's."""
    return {
        "sis-fh": (50, 2, 2, np.array([0.4, 0.6]), si_prob_ad, si_reward, 1.5),
        "beach-bar": beach_bar_ad() + (4.0,),
        "left-right": (1, 3, 2, np.array([1.0, 0.0, 0.0]), lr_prob, lr_reward_ad, 2.0),
    }


def omo_terms(T, mu0, prob, reward, L, z, y, loss):
    """mf_omo_params + the three terms of mf_omo_obj (dense A_L, b, c_L as MFGLib builds them)."""
    n_s, n_a = L.shape[1], L.shape[2]
    m = n_s * n_a
    marg = np.kron(np.eye(n_s), np.ones((1, n_a)))  # MFGLib's z: marg @ L_t.flatten() = mu_t
    rows = []
    for t in range(T):
        blocks = [np.zeros((n_s, m))] * (T + 1)
        blocks = blocks[:t] + [anp.reshape(prob(t, L[t]), (n_s, m)), -marg] + blocks[t + 2:]
        rows.append(anp.concatenate(blocks, axis=1))
    rows.append(np.concatenate([marg] + [np.zeros((n_s, m))] * T, axis=1))
    A = anp.concatenate(rows, axis=0)
    b = np.zeros((T + 1) * n_s)
    b[T * n_s:] = mu0
    c = -anp.concatenate([anp.reshape(reward(t, L[t]), (-1,)) for t in range(T + 1)])
    lf = anp.reshape(L, (-1,))
    e1 = anp.dot(A, lf) - b
    e2 = anp.dot(anp.transpose(A), y) + z - c
    if loss == "l1":
        return anp.sum(anp.abs(e1)), anp.sum(anp.abs(e2)), anp.sum(z * lf)
    if loss == "l2":
        return anp.sum(e1 ** 2), anp.sum(e2 ** 2), anp.sum(z * lf) ** 2
    return anp.sum(e1 ** 2), anp.sum(e2 ** 2), anp.sum(z * lf)


def mfglib_project_onto_simplex(x, r=1.0):
    """MFGLib's utils.project_onto_simplex (Duchi et al. 2008), including its x / sum(x) * r."""
    x_decr = np.sort(x)[::-1]
    theta = (np.cumsum(x_decr) - r) / np.arange(1, len(x) + 1)
    idx = np.max(np.argwhere(x_decr - theta > 0).ravel())
    x_p = np.maximum(x - theta[idx], 0.0)
    return x_p / x_p.sum() * r


def hat_initialization(T, prob, reward, L):
    """MFGLib's utils.hat_initialization: y_hat = (V*_1..V*_T, -V*_0), z_hat = (V* - Q*)_+."""
    q = q_values(T, prob, reward, L, lambda t, qq: qq[t + 1].max(axis=1))
    v = q.max(axis=2)
    y_hat = np.concatenate([v[1:].reshape(-1), -v[0]])
    z_hat = np.zeros(L.shape)
    n_s, n_a = L.shape[1], L.shape[2]
    for t in range(T):
        p_sas = np.asarray(prob(t, L[t])).transpose(1, 2, 0).reshape(n_s, n_a, n_s)
        z_hat[t] = v[t][:, None] - np.asarray(reward(t, L[t])) - p_sas @ v[t + 1]
    z_hat[T] = v[T][:, None] - np.asarray(reward(T, L[T]))
    z_hat = z_hat.reshape(-1)
    z_hat[z_hat < 0] = 0.0
    return y_hat, z_hat


class TorchAdam:
    """torch.optim.Adam's update (betas 0.9, 0.999, eps 1e-8, bias-corrected)."""

    def __init__(self, lr):
        self.lr, self.k, self.m, self.v = lr, 0, None, None

    def step(self, xs, gs):
        if self.m is None:
            self.m = [np.zeros_like(x) for x in xs]
            self.v = [np.zeros_like(x) for x in xs]
        self.k += 1
        step_size = self.lr / (1 - 0.9 ** self.k)
        bc2 = math.sqrt(1 - 0.999 ** self.k)
        out = []
        for x, g, m, v in zip(xs, gs, self.m, self.v):
            m[...] = 0.9 * m + (1 - 0.9) * g
            v[...] = 0.999 * v + (1 - 0.999) * g * g
            out.append(x - step_size * m / (np.sqrt(v) / bc2 + 1e-8))
        return out


class TorchSGD:
    def __init__(self, lr):
        self.lr = lr

    def step(self, xs, gs):
        return [x - self.lr * g for x, g in zip(xs, gs)]


def mf_omo(T, n_a, mu0, prob, reward, r_max, n_iter, loss="l1_l2", c1=1.0, c2=1.0, c3=1.0,
           rb_freq=None, m1=10.0, m2=2.0, m3=0.1, optimizer="Adam", lr=0.1, parameterize=False,
           hat_init=True):
    """MFGLib's MFOMO.solve from the uniform policy; returns the exploitability curve and the
    final L."""
    n_s = len(mu0)
    shape = (T + 1, n_s, n_a)
    n = (T + 1) * n_s * n_a
    c_v = n_s * n_a * (T ** 2 + T + 2) * r_max
    c_y = n_s * (T + 1) * (T + 2) * r_max / 2
    c_w = c_y / math.sqrt(n_s * (T + 1))
    L0 = np.ones(shape) / n_a / n_s
    y_hat, z_hat = hat_initialization(T, prob, reward, L0) if hat_init else (None, None)
    if not parameterize:
        x = [L0, z_hat if hat_init else np.zeros(n), y_hat if hat_init else np.zeros((T + 1) * n_s)]
    else:
        v0 = np.zeros(n + 1)
        if hat_init and (z_hat / c_v).sum() < 1:
            z_tild = z_hat / c_v
            z_aug = np.concatenate([z_tild, [1 - (1 - z_tild.sum())]])
            z_aug[z_aug == 0.0] = 1e-8
            v0 = np.log(z_aug)
        w0 = np.arcsin(y_hat / c_w) if hat_init else np.zeros((T + 1) * n_s)
        x = [np.log(L0), v0, w0]

    def variables(x):
        if not parameterize:
            return x
        u, v, w = x
        e = anp.exp(u.reshape(T + 1, -1) - anp.max(u.reshape(T + 1, -1), axis=1, keepdims=True))
        L = anp.reshape(e / anp.sum(e, axis=1, keepdims=True), shape)
        ev = anp.exp(v - anp.max(v))
        return [L, c_v * (ev / anp.sum(ev))[:-1], c_w * anp.sin(w)]

    def objective(x, c1, c2):
        L, z, y = variables(x)
        o1, o2, o3 = omo_terms(T, mu0, prob, reward, L, z, y, loss)
        return c1 * o1 + c2 * o2 + c3 * o3

    gradient = grad(objective)
    opt = TorchAdam(lr) if optimizer == "Adam" else TorchSGD(lr)

    def policy(x):
        L = np.asarray(variables(x)[0])
        tot = L.sum(axis=2, keepdims=True)
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.where(tot > 0, L / np.where(tot > 0, tot, 1), 1.0 / n_a)

    curve = [exploitability(T, mu0, prob, reward, policy(x))]
    for i in range(1, n_iter + 1):
        if rb_freq and (i + 1) % rb_freq == 0:
            L, z, y = variables(x)
            o1, o2, o3 = omo_terms(T, mu0, prob, reward, L, z, y, loss)
            c1n, c2n = c1, c2
            if max(o2, o3) != 0.0 and o1 / max(o2, o3) > m1:
                c1n = c1 * m2
            if min(o2, o3) != 0.0 and o1 / min(o2, o3) < m3:
                c1n = c1 / m2
            if max(o1, o3) != 0.0 and o2 / max(o1, o3) > m1:
                c2n = c2 * m2
            if min(o1, o3) != 0.0 and o2 / min(o1, o3) < m3:
                c2n = c2 / m2
            c1, c2 = min(c1n, 1e3), min(c2n, 1e3)
        x = opt.step(x, gradient(x, c1, c2))
        if not parameterize:
            L, z, y = x
            L = np.stack([mfglib_project_onto_simplex(L[t].reshape(-1)).reshape(n_s, n_a)
                          for t in range(T + 1)])
            z = z.copy()
            pos = z > 0
            if pos.any() and z[pos].sum() > c_v:
                z[pos] = mfglib_project_onto_simplex(z[pos], r=c_v)
            z[~pos] = 0.0
            norm = math.sqrt((y ** 2).sum())
            if norm > c_y:
                y = y / norm * c_y
            x = [L, z, y]
        curve.append(exploitability(T, mu0, prob, reward, policy(x)))
    return curve, np.asarray(variables(x)[0])


def omo_objective_at(T, mu0, prob, reward, L):
    """The MF-OMO objective (l1_l2, unit weights) at L with hat-initialised y, z."""
    y_hat, z_hat = hat_initialization(T, prob, reward, L)
    return float(sum(omo_terms(T, mu0, prob, reward, L, z_hat, y_hat, "l1_l2")))


def patterned_policy(T, n_s, n_a):
    """pi_t(a|s) proportional to 1 + ((7t + 3s + 5a) mod 11): a fixed, non-trivial policy."""
    pi = np.empty((T + 1, n_s, n_a))
    for t in range(T + 1):
        for s in range(n_s):
            w = np.array([1 + ((7 * t + 3 * s + 5 * a) % 11) for a in range(n_a)], dtype=float)
            pi[t, s] = w / w.sum()
    return pi


RESOURCES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "test",
                         "resources", "mfglib")
RANDOM_LINEAR_FILE = "random-linear-n5-seed0.json"
CURVE_AT = [0, 1, 2, 10, 100, 200]
OMO_ENSEMBLE = 4
OMO_NOISE = 1e-15


def make_instances():
    """The user-given instances of MFGLib's two random games (numpy draws, seed 0)."""
    os.makedirs(RESOURCES, exist_ok=True)
    coef = random_linear_instance(5, 10.0, np.random.default_rng(0))
    with open(os.path.join(RESOURCES, RANDOM_LINEAR_FILE), "w") as f:
        json.dump(coef, f)
        f.write("\n")
    return coef


def catalogue(coef, bar_path):
    return {
        "sis-fh": (50, 2, 2, np.array([0.4, 0.6]), si_prob, si_reward),
        "lq-fh": lq(),
        "left-right": (1, 3, 2, np.array([1.0, 0.0, 0.0]), lr_prob, lr_reward),
        "rock-paper-scissors": (1, 4, 3, np.array([1.0, 0.0, 0.0, 0.0]), rps_prob, rps_reward),
        "beach-bar": beach_bar(),
        "building-evacuation": building_evacuation(),
        "conservative-treasure-hunting": conservative_treasure_hunting(),
        "crowd-motion": crowd_motion(bar_path),
        "equilibrium-price": equilibrium_price(),
        "random-linear": random_linear(coef),
    }


def main():
    coef = make_instances()
    bar_path = crowd_bar_path(3, 20, 20, 2, np.random.default_rng(0))
    envs = catalogue(coef, bar_path)
    fixture = {
        "source": "mfg-envs/scripts/mfglib_reference.py (numpy float64 transcription of MFGLib "
                  "v0.3.0's definitions)",
        "random_linear_file": RANDOM_LINEAR_FILE,
        "crowd_motion_bar_path": ",".join(f"{x}:{y}" for x, y in bar_path),
        "curve_at": CURVE_AT,
        "games": {},
        "algorithms": {},
    }
    for name, (T, n_s, n_a, mu0, prob, reward) in envs.items():
        uniform = np.ones((T + 1, n_s, n_a)) / n_a
        e_u = float(exploitability(T, mu0, prob, reward, uniform))
        e_p = float(exploitability(T, mu0, prob, reward, patterned_policy(T, n_s, n_a)))
        fp = fictitious_play(T, n_a, mu0, prob, reward, CURVE_AT[-1])
        omd = online_mirror_descent(T, n_a, mu0, prob, reward, CURVE_AT[-1])
        fixture["games"][name] = {
            "uniform": e_u,
            "patterned": e_p,
            "fictitious_play": [float(fp[i]) for i in CURVE_AT],
            "omd": [float(omd[i]) for i in CURVE_AT],
        }
        print(f"{name:30s} uniform {e_u!r:>22}  patterned {e_p!r:>22}  "
              f"FP_100 {float(fp[100]):.6e}  OMD_100 {float(omd[100]):.6e}", flush=True)
    # Prior descent on sis-fh and lq-fh; MF-OMI-FBS on sis-fh and left-right: on lq-fh, which is
    # symmetric, the OMI iterates keep the population mean at 0 up to rounding (+-1e-15), where
    # MFGLib's rounded LQ kernel jumps (x + (k(m - x) + a) dt lands on exact half-way points), so
    # its iterates depend on summation order and are no reference.
    n = 100
    runs = {
        ("sis-fh", "prior-descent"): dict(alg=prior_descent),
        ("sis-fh", "prior-descent eta=0.5 n_inner=5"): dict(alg=prior_descent, eta=0.5,
                                                            n_inner=5),
        ("lq-fh", "prior-descent"): dict(alg=prior_descent),
        ("lq-fh", "prior-descent eta=0.5 n_inner=5"): dict(alg=prior_descent, eta=0.5, n_inner=5),
        ("sis-fh", "occupation-measure-inclusion"): dict(alg=occupation_measure_inclusion),
        ("sis-fh", "occupation-measure-inclusion alpha=0.1 eta=0.01"): dict(
            alg=occupation_measure_inclusion, alpha=0.1, eta=0.01),
        ("left-right", "occupation-measure-inclusion"): dict(alg=occupation_measure_inclusion),
        ("left-right", "occupation-measure-inclusion alpha=0.1 eta=0.01"): dict(
            alg=occupation_measure_inclusion, alpha=0.1, eta=0.01),
    }
    for (name, label), kw in runs.items():
        T, n_s, n_a, mu0, prob, reward = envs[name]
        alg = kw.pop("alg")
        curve = alg(T, n_a, mu0, prob, reward, n, **kw)
        fixture["algorithms"].setdefault(name, {})[label] = [
            float(curve[i]) for i in CURVE_AT if i <= n]
        print(f"{name:10s} {label:50s} E_0 {float(curve[0]):.6e}  E_100 {float(curve[-1])!r}",
              flush=True)
    # MF-OMO (gradients by autograd). With hat_init (MFGLib's default) the dual residual starts
    # at 0, so Adam's first step normalises the rounding noise of the y-gradient (lr * g / (|g| +
    # 1e-8) with g ~ 1e-16) and later iterates depend on rounding: those runs store, besides the
    # curve, its spread over OMO_ENSEMBLE runs whose hat start is perturbed by OMO_NOISE relative
    # (rounding level), as "<label> spread". The other settings are insensitive (a 1e-12
    # perturbation moves E_100 by < 1e-9) and are pinned as they are.
    ad = autograd_catalogue()
    T, n_s, n_a, mu0, prob, reward, _ = ad["left-right"]
    eq = mean_field(T, mu0, prob, np.array([[[2 / 3, 1 / 3], [1, 0], [1, 0]], [[0.5, 0.5]] * 3]))
    at_eq = omo_objective_at(T, mu0, prob, reward, eq)
    assert abs(at_eq) < 1e-14, at_eq
    print(f"left-right MF-OMO objective with hat start at the equilibrium: {at_eq:.1e}")
    omo_runs = [
        ("sis-fh", "mf-omo", {}),
        ("sis-fh", "mf-omo hat_init=false", dict(hat_init=False)),
        ("sis-fh", "mf-omo optimizer=SGD lr=0.01", dict(optimizer="SGD", lr=0.01)),
        ("beach-bar", "mf-omo", {}),
        ("beach-bar", "mf-omo hat_init=false", dict(hat_init=False)),
        ("beach-bar", "mf-omo loss=l2 rb_freq=5 hat_init=false",
         dict(loss="l2", rb_freq=5, hat_init=False)),
        ("beach-bar", "mf-omo parameterize=true", dict(parameterize=True)),
        ("left-right", "mf-omo", {}),
        ("left-right", "mf-omo loss=l1 hat_init=false", dict(loss="l1", hat_init=False)),
    ]
    global hat_initialization
    exact_hat = hat_initialization
    for name, label, kw in omo_runs:
        T, n_s, n_a, mu0, prob, reward, r_max = ad[name]
        curve, L = mf_omo(T, n_a, mu0, prob, reward, r_max, n, **kw)
        entry = fixture["algorithms"].setdefault(name, {})
        entry[label] = [float(curve[i]) for i in CURVE_AT if i <= n]
        if label == "mf-omo hat_init=false" and name == "beach-bar":
            entry[label + " final L"] = [float(v) for v in L.reshape(-1)]
        if kw.get("hat_init", True) and not kw.get("parameterize", False) \
                and kw.get("optimizer", "Adam") == "Adam":
            spread = np.zeros(len(entry[label]))
            for k in range(OMO_ENSEMBLE):
                rng = np.random.default_rng(100 + k)

                def perturbed(*args):
                    y, z = exact_hat(*args)
                    return (y * (1 + OMO_NOISE * rng.standard_normal(y.shape)),
                            z * (1 + OMO_NOISE * rng.standard_normal(z.shape)))

                hat_initialization = perturbed
                other, _ = mf_omo(T, n_a, mu0, prob, reward, r_max, n, **kw)
                hat_initialization = exact_hat
                spread = np.maximum(spread, np.abs(
                    np.array([float(other[i]) for i in CURVE_AT if i <= n]) - entry[label]))
            entry[label + " spread"] = [float(v) for v in spread]
        print(f"{name:10s} {label:50s} E_0 {float(curve[0]):.6e}  E_100 {float(curve[-1])!r}"
              + (f"  spread_100 {entry[label + ' spread'][-1]:.1e}"
                 if label + " spread" in entry else ""), flush=True)
    with open(os.path.join(RESOURCES, "reference.json"), "w") as f:
        json.dump(fixture, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
