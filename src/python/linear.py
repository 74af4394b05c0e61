def linear(X, T, w):
    """The linear RNN's loss at w and its gradient by backpropagation through
    time (Roelants: forward_states, loss, backward_gradient). The sums run in
    plain order (Python's sum, not np.sum's pairwise order) as the playground
    adds, so the numbers agree to the last bit."""
    wx, wrec = w
    samples, length = X.shape
    scale = 1.0 if REDUCTION == "sum" else 1.0 / samples
    S = np.zeros((samples, length + 1))
    for k in range(length):
        S[:, k + 1] = X[:, k] * wx + S[:, k] * wrec  # s_k = x_k*w_x + s_(k-1)*w_rec
    E = S[:, -1] - T
    loss = sum(E * E) * scale
    G = 2.0 * E * scale  # dL/ds_n
    g_wx, g_wrec = 0.0, 0.0
    for k in range(length, 0, -1):
        g_wx += sum(G * X[:, k - 1])
        g_wrec += sum(G * S[:, k - 1])
        G = G * wrec  # dL/ds_(k-1): the signal scales as w_rec^(n-k)
    return loss, np.array([g_wx, g_wrec])
