def rmsprop_seed(w, g, state, lr, mu, rho, eps, rescale):
    """The 2016 post's RMSProp: the "optimizers.py" gist it used, with gradient
    rescaling, a centred second moment and Nesterov momentum; eps is the
    gist's floor on the root mean square."""
    norm = np.sqrt(np.sqrt(g[0] * g[0] + g[1] * g[1]))  # the gist takes one more root
    if np.isfinite(norm):
        g = g * (rescale / max(rescale, norm))
    else:
        g = 0.1 * w
    sq = rho * state.get("sq", np.zeros(2)) + (1.0 - rho) * g * g
    avg = rho * state.get("avg", np.zeros(2)) + (1.0 - rho) * g
    rms = np.fmax(np.sqrt(sq - avg * avg), eps)  # fmax: a root of a rounding below 0 is the floor
    mem = state.get("mem", np.zeros(2))
    step = mu * mu * mem - (1.0 + mu) * lr * g / rms  # Nesterov: the step uses the old memory
    state.update(sq=sq, avg=avg, mem=mu * mem - lr * g / rms)
    return w + step
