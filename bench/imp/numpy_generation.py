"""
NumPy reference for the "~7 ms per generation" target: one `mnist-quick` generation (PGPE ask with
interleaved antithetic pairs, population forward of MLP 196-32-10 relu on a 256-image batch of 14x14
MNIST, mean cross-entropy, PGPE tell with Adam on the mean and the sigma update), written the plain way
(batched matmuls over the population). Prints CPU and wall ms per generation.

  python3 bench/imp/numpy_generation.py                      # OpenBLAS default threads (2 here)
  OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 python3 bench/imp/numpy_generation.py   # single thread
"""
import gzip, os, sys, time
import numpy as np

P, B, K, N, C = 64, 256, 196, 32, 10
D = K * N + N + N * C + C
GENS = int(sys.argv[1]) if len(sys.argv) > 1 else 300

def load_mnist_14x14():
    raw = gzip.open(os.path.join(os.path.dirname(__file__), '../../public/data/mnist/train-images-idx3-ubyte.gz')).read()
    x = np.frombuffer(raw, np.uint8, offset=16).reshape(-1, 28, 28).astype(np.float32) / 255.0
    x = x.reshape(-1, 14, 2, 14, 2).mean(axis=(2, 4)).reshape(-1, K)
    y = np.frombuffer(gzip.open(os.path.join(os.path.dirname(__file__), '../../public/data/mnist/train-labels-idx1-ubyte.gz')).read(), np.uint8, offset=8)
    return x, y.astype(np.int64)

H = np.empty((P, B, N), np.float32)  # reused: fresh multi-MB temporaries cost ~10 ms each in page faults here

def forward(params, xb):
    # Contiguous copies: numpy's matmul falls back to a slow non-BLAS loop on the strided views.
    w1 = np.ascontiguousarray(params[:, :K * N]).reshape(P, K, N); b1 = np.ascontiguousarray(params[:, K * N:K * N + N])
    o = K * N + N
    w2 = np.ascontiguousarray(params[:, o:o + N * C]).reshape(P, N, C); b2 = params[:, o + N * C:]
    np.matmul(xb[None], w1, out=H)
    np.add(H, b1[:, None], out=H)
    np.maximum(H, 0, out=H)                                 # [P, B, N]
    return H @ w2 + b2[:, None]                             # [P, B, C]

def neg_ce(logits, yb):
    m = logits.max(-1, keepdims=True)
    lse = m[..., 0] + np.log(np.exp(logits - m).sum(-1))
    return (np.take_along_axis(logits, yb[None, :, None], -1)[..., 0] - lse).mean(-1)   # [P]

def main():
    x, y = load_mnist_14x14()
    rng = np.random.default_rng(0)
    mean = (rng.standard_normal(D) * 0.07).astype(np.float32)
    sigma = np.full(D, 0.1, np.float32)
    m_adam = np.zeros(D, np.float32); v_adam = np.zeros(D, np.float32)
    lr, b1, b2, eps = 0.02, 0.9, 0.999, 1e-8
    times, cpus, parts = [], [], []
    for g in range(GENS):
        t0, c0 = time.perf_counter(), time.process_time()
        z = rng.standard_normal((P // 2, D), dtype=np.float32) * sigma
        pop = np.empty((P, D), np.float32); pop[0::2] = mean + z; pop[1::2] = mean - z
        c1 = time.process_time()
        idx = rng.choice(len(x), B, replace=False)
        fit = neg_ce(forward(pop, x[idx]), y[idx])
        c2 = time.process_time()
        # PGPE tell (centred ranks, all pairs elite): minimise-form fitness f = -score
        ranks = np.empty(P, np.float32); ranks[np.argsort(-fit)] = np.arange(P); f = ranks / (P - 1) - 0.5  # float32 throughout
        fp, fm = f[0::2], f[1::2]
        grad = ((fp - fm) / 2) @ z / (P // 2)
        base = f.mean()
        dsig = (((fp + fm) / 2 - base) @ ((z * z - sigma * sigma) / sigma)) / (P // 2)
        m_adam = b1 * m_adam + (1 - b1) * grad; v_adam = b2 * v_adam + (1 - b2) * grad * grad
        mean = mean - lr * (m_adam / (1 - b1 ** (g + 1))) / (np.sqrt(v_adam / (1 - b2 ** (g + 1))) + eps)
        sigma = np.clip(sigma - 0.1 * dsig, 0.8 * sigma, 1.2 * sigma).astype(np.float32)
        c3 = time.process_time()
        times.append(time.perf_counter() - t0); cpus.append(c3 - c0); parts.append((c1 - c0, c2 - c1, c3 - c2))
    w, c = np.median(times[10:]) * 1e3, np.median(cpus[10:]) * 1e3
    ask, ev, tell = (np.median(np.array(parts[10:]), axis=0) * 1e3).tolist()
    threads = os.environ.get('OPENBLAS_NUM_THREADS', 'default')
    print(f'numpy {np.__version__} mnist-quick generation, OPENBLAS_NUM_THREADS={threads}: median wall {w:.2f} ms, CPU {c:.2f} ms '
          f'(ask {ask:.2f}, evaluate {ev:.2f}, tell {tell:.2f}; {GENS} gens)')

main()
