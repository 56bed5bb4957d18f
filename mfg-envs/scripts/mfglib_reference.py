"""Reference numbers for mfg-envs' MFGLib-compatible presets, computed independently of the Java code.

This is a numpy transcription (float64) of MFGLib's definitions, written from reading its source
(radar-research-lab/MFGLib: mfglib/env/environment.py, mfglib/env/examples/{susceptible_infected,
linear_quadratic,left_right,rock_paper_scissors}.py, mfglib/mean_field.py, mfglib/alg/q_fn.py, mfglib/metrics.py).
MFGLib works on the joint state-action mean field L_t[s, a] and tensors p_t[s', s, a]; this script
keeps those layouts on purpose, so that it shares no code path with the Java implementation.

Run:  python3 mfg-envs/scripts/mfglib_reference.py
The numbers it prints are pinned in FiniteHorizonTest / MfglibReferenceTest.
"""
import math

import numpy as np


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


def patterned_policy(T, n_s, n_a):
    """pi_t(a|s) proportional to 1 + ((7t + 3s + 5a) mod 11): a fixed, non-trivial policy."""
    pi = np.empty((T + 1, n_s, n_a))
    for t in range(T + 1):
        for s in range(n_s):
            w = np.array([1 + ((7 * t + 3 * s + 5 * a) % 11) for a in range(n_a)], dtype=float)
            pi[t, s] = w / w.sum()
    return pi


def main():
    envs = {
        "sis-fh": (50, 2, 2, np.array([0.4, 0.6]), si_prob, si_reward),
        "lq-fh": lq(),
        "left-right": (1, 3, 2, np.array([1.0, 0.0, 0.0]), lr_prob, lr_reward),
        "rock-paper-scissors": (1, 4, 3, np.array([1.0, 0.0, 0.0, 0.0]), rps_prob, rps_reward),
    }
    for name, (T, n_s, n_a, mu0, prob, reward) in envs.items():
        uniform = np.ones((T + 1, n_s, n_a)) / n_a
        e_u = exploitability(T, mu0, prob, reward, uniform)
        e_p = exploitability(T, mu0, prob, reward, patterned_policy(T, n_s, n_a))
        print(f"{name:19s} uniform {float(e_u)!r:>22}  patterned {float(e_p)!r:>22}")
    for name, (T, n_s, n_a, mu0, prob, reward) in envs.items():
        # rock-paper-scissors: OMD with lambda = 0 cycles (Shapley's game) and amplifies round-off
        # (1e-13 at 100 iterations, 1e-8 at 200), so its curve is compared at 100
        n = 100 if name in ("lq-fh", "rock-paper-scissors") else 200
        fp = fictitious_play(T, n_a, mu0, prob, reward, n)
        omd = online_mirror_descent(T, n_a, mu0, prob, reward, n)
        print(f"{name:19s} fictitious play  E_10 {float(fp[10])!r:>22}  E_{n} {float(fp[n])!r:>22}")
        print(f"{name:19s} mirror descent   E_10 {float(omd[10])!r:>22}  E_{n} {float(omd[n])!r:>22}")


if __name__ == "__main__":
    main()
