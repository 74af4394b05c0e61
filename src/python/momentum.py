def momentum(w, g, state, lr, mu):
    """Heavy ball (Polyak 1964): v <- mu*v - lr*g;  w <- w + v."""
    v = mu * state.get("v", np.zeros(2)) - lr * g
    state["v"] = v
    return w + v
