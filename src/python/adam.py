def power(base, n):
    """base**n by repeated squaring, as Rust's powi computes it (** may differ
    in the last bit)."""
    result = 1.0
    while True:
        if n & 1:
            result *= base
        n >>= 1
        if n == 0:
            return result
        base *= base


def adam(w, g, state, lr, b1, b2, eps):
    """Adam (Kingma & Ba 2015, Algorithm 1, with bias correction)."""
    t = state["t"]
    m = b1 * state.get("m", np.zeros(2)) + (1.0 - b1) * g
    v = b2 * state.get("v", np.zeros(2)) + (1.0 - b2) * g * g
    state.update(m=m, v=v)
    m_hat = m / (1.0 - power(b1, t))
    v_hat = v / (1.0 - power(b2, t))
    return w - lr * m_hat / (np.sqrt(v_hat) + eps)
