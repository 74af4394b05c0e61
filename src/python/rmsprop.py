def rmsprop(w, g, state, lr, rho, eps):
    """RMSProp (Tieleman & Hinton 2012, lecture 6e), as Keras and PyTorch:
    ms <- rho*ms + (1-rho)*g^2;  w <- w - lr*g / (sqrt(ms) + eps)."""
    ms = rho * state.get("ms", np.zeros(2)) + (1.0 - rho) * g * g
    state["ms"] = ms
    return w - lr * g / (np.sqrt(ms) + eps)
