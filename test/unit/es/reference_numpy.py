# Independent numpy reference for one tell of each strategy (docs/ALGORITHMS.md §1.4, §2.1-2.6).
import numpy as np
np.set_printoptions(precision=9, floatmode='maxprec')
m = np.array([0.5, -1.0, 2.0])
X = np.array([[0.6, -1.1, 2.2],
              [0.4, -0.9, 1.8],
              [0.3, -1.3, 2.1],
              [0.7, -0.7, 1.9],
              [0.55, -0.8, 2.3],
              [0.45, -1.2, 1.7]])
f = np.array([0.3, -1.2, 2.5, 0.7, -0.4, 1.1])  # minimise form
P, d = X.shape
def out(name, **kw):
    print(name)
    for k, v in kw.items():
        print('  ', k, np.array2string(np.asarray(v, dtype=float), separator=', ', precision=9))

def adam(mean, g, lr, t=1, b1=0.99, b2=0.999, eps=1e-8):
    a = (1-b1)*g; v = (1-b2)*g*g
    ah = a/(1-b1**t); vh = v/(1-b2**t)
    return mean - lr*ah/(np.sqrt(vh)+eps)

# PGPE (interleaved pairs (2k, 2k+1))
def pgpe(elite_ratio, mode, lr=0.15, sig0=0.1, slr=0.1, smax=0.2, sdec=1.0, slim=0.01):
    sigma = np.full(d, sig0)
    fp, fm = f[0::2], f[1::2]; eps = (X - m)[0::2]
    b = max(1, int(np.floor(P/2*elite_ratio)))
    E = np.argsort(np.minimum(fp, fm), kind='stable')[:b]
    g = sum(0.5*(fp[k]-fm[k])*eps[k] for k in E)/b
    newm = adam(m, g, lr)
    beta = np.mean(np.concatenate([fp[E], fm[E]]))
    if mode == 'quirk':  # 0.1.4: elite-ordered scores with pair j's noise
        ds = sum((0.5*(fp[k]+fm[k]) - beta)*(eps[j]**2 - sigma**2)/sigma for j, k in enumerate(E))/b
        st = sigma + slr*ds
    else:
        ds = sum((0.5*(fp[k]+fm[k]) - beta)*(eps[k]**2 - sigma**2)/sigma for k in E)/b
        st = sigma - slr*ds
    st = np.clip(st, sigma - smax*np.abs(sigma), sigma + smax*np.abs(sigma))
    out(f'pgpe elite={elite_ratio} {mode}', mean=newm, sigma=np.maximum(st*sdec, slim))
pgpe(1.0, 'quirk'); pgpe(1.0, 'corrected'); pgpe(0.5, 'corrected')

# SNES
def snes(T, sig0=1.0):
    sigma = np.full(d, sig0)
    r = np.arange(P)
    if T > 0:
        z = -T*(r/(P-1) - 0.5); w = np.exp(z)/np.exp(z).sum()
    else:
        u = np.maximum(0, np.log(P/2+1) - np.log(r+1)); w = u/u.sum() - 1/P
    order = np.argsort(f, kind='stable')
    s = ((X - m)/sigma)[order]
    gm = (w[:, None]*s).sum(0); gs = (w[:, None]*(s**2-1)).sum(0)
    eta_s = (3+np.log(d))/(5*np.sqrt(d))
    out(f'snes T={T}', mean=m + 1.0*sigma*gm, sigma=sigma*np.exp(eta_s/2*gs))
snes(0); snes(12)

# DES
def des(T=12.5, sig0=0.1):
    sigma = np.full(d, sig0); r = np.arange(P)
    z = -20/(1+np.exp(-T*(r/(P-1)-0.5))); w = np.exp(z)/np.exp(z).sum()
    xs = X[np.argsort(f, kind='stable')]
    mbar = (w[:, None]*xs).sum(0); sh = np.sqrt((w[:, None]*(xs-m)**2).sum(0) + 1e-6)
    out('des', mean=m + (mbar-m), sigma=sigma + 0.1*(sh - sigma))
des()

# OpenES (blocked layout; unit noise)
def openes(sig=0.03, lr=0.05):
    eps = (X - m)/sig
    g = (f @ eps)/(P*sig)
    out('open_es', mean=adam(m, g, lr))
openes()

# ARS (pairs (k, k+P/2))
def ars(elite_ratio, sig=0.03, lr=0.05):
    h = P//2; eps = ((X - m)/sig)[:h]; fp, fm = f[:h], f[h:]
    b = max(1, int(np.floor(h*elite_ratio)))
    E = np.argsort(np.minimum(fp, fm), kind='stable')[:b]
    sr = np.std(np.concatenate([fp[E], fm[E]])) + 1e-5
    g = sum((fp[k]-fm[k])*eps[k] for k in E)/(b*sr)
    out(f'ars elite={elite_ratio}', mean=adam(m, g, lr))
ars(0.1); ars(0.7)

# Sep-CMA-ES, g = 0
def sepcma(elite_ratio=0.5, s=1.0):
    mu = max(1, int(np.floor(P*elite_ratio)))
    wp = np.log(mu+1) - np.log(np.arange(1, mu+1)); w = wp/wp.sum()
    mueff = 1/np.sum(w**2); dt = min(d, 40000)
    c1 = 2/((dt+1.3)**2 + mueff)
    cmu = (d+2)/3*((2/mueff)/(dt+np.sqrt(2))**2 + (1-1/mueff)*min(1, (2*mueff-1)/((dt+2)**2+mueff)))
    cs = (mueff+2)/(d+mueff+3); ds = 1 + 2*max(0, np.sqrt((mueff-1)/(d+1)) - 1) + cs
    cc = 4/(d+4); chi = np.sqrt(d)*(1 - 1/(4*d) + 1/(21*dt**2))
    C = np.ones(d); ps = np.zeros(d); pc = np.zeros(d)
    y = ((X - m)/s)[np.argsort(f, kind='stable')][:mu]
    yw = (w[:, None]*y).sum(0); newm = m + 1.0*s*yw
    ps = (1-cs)*ps + np.sqrt(cs*(2-cs)*mueff)*yw/np.sqrt(C)
    n = np.linalg.norm(ps)
    hs = 1.0 if n/np.sqrt(1-(1-cs)**2) < (1.4+2/(d+1))*chi else 0.0
    pc = (1-cc)*pc + hs*np.sqrt(cc*(2-cc)*mueff)*yw
    dh = (1-hs)*cc*(2-cc)
    Cn = (1 + c1*dh - c1 - cmu*w.sum())*C + c1*pc**2 + cmu*(w[:, None]*y**2).sum(0)
    sn = s*np.exp((cs/ds)*(n/chi - 1))
    out('sep_cma_es', mean=newm, C=Cn, s=sn, p_sigma=ps, p_c=pc)
sepcma()

# Check values
def cma_consts(P, d, er=0.5):
    mu = max(1, int(np.floor(P*er))); wp = np.log(mu+1) - np.log(np.arange(1, mu+1)); w = wp/wp.sum()
    mueff = 1/np.sum(w**2); dt = min(d, 40000)
    c1 = 2/((dt+1.3)**2 + mueff)
    cmu = (d+2)/3*((2/mueff)/(dt+np.sqrt(2))**2 + (1-1/mueff)*min(1, (2*mueff-1)/((dt+2)**2+mueff)))
    cs = (mueff+2)/(d+mueff+3); ds = 1 + 2*max(0, np.sqrt((mueff-1)/(d+1)) - 1) + cs
    print('cma', dict(mueff=mueff, w1=w[0], wmu=w[-1], c1=c1, cmu=cmu, cs=cs, ds=ds, cc=4/(d+4), chi=np.sqrt(d)*(1-1/(4*d)+1/(21*dt**2))))
cma_consts(128, 11274)

# Optimizers: two steps with g1, g2 from mean0
m0 = np.array([1.0, -2.0, 0.5]); g1 = np.array([0.4, -0.1, 2.0]); g2 = np.array([-0.3, 0.2, 1.0])
# SGD momentum 0, lr 0.1: step 1 uses b=0 -> m unchanged; step 2 uses b=g1
print('sgd', m0, m0 - 0.1*g1)
# ClipUp lr 0.15 mom 0.9 vmax 0.3, decay 0.999 limit 0.05
lr = 0.15; u = np.zeros(3); mm = m0.copy()
for g in (g1, g2):
    v = 0.9*u + lr*g/(np.linalg.norm(g)+1e-8)
    u = v*0.3/(np.linalg.norm(v)+1e-8) if np.linalg.norm(v) > 0.3 else v
    mm = mm - lr*u; lr = max(lr*0.999, 0.05)
print('clipup', mm, u, lr)
# Adam two steps lr 0.05 decay 0.9 limit 0.001
lr = 0.05; a = np.zeros(3); v = np.zeros(3); mm = m0.copy()
for t, g in enumerate((g1, g2), 1):
    a = 0.99*a + 0.01*g; v = 0.999*v + 0.001*g*g
    mm = mm - lr*(a/(1-0.99**t))/(np.sqrt(v/(1-0.999**t))+1e-8); lr = max(lr*0.9, 0.001)
print('adam', mm, lr)
# Raw mean gradients (for the two-tell SGD check: m2 = m0 - lr*g, lr = 0.05)
fp, fm = f[0::2], f[1::2]; eps = (X - m)[0::2]
g_pgpe = sum(0.5*(fp[k]-fm[k])*eps[k] for k in range(3))/3
g_open = (f @ ((X - m)/0.03))/(P*0.03)
h=3; epsA = ((X - m)/0.03)[:h]; fpA, fmA = f[:h], f[h:]
E = np.argsort(np.minimum(fpA, fmA), kind='stable')[:2]
sr = np.std(np.concatenate([fpA[E], fmA[E]])) + 1e-5
g_ars = sum((fpA[k]-fmA[k])*epsA[k] for k in E)/(2*sr)
for n, g in [('pgpe', g_pgpe), ('open_es', g_open), ('ars0.7', g_ars)]:
    print('sgd2', n, np.array2string(m - 0.05*g, separator=', ', precision=9))
