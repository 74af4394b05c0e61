import math


def tanh(X, T, w):
    """The tanh RNN s_k = tanh(x_k*w_x + s_(k-1)*w_rec), s_0 = 0, y = s_n
    (Bengio, Simard & Frasconi 1994): its loss at w and its gradient by
    backpropagation through time. tanh is the C library's (math.tanh), as the
    playground's; np.tanh's vectorised one may differ in the last bit. The
    sums run in plain order (Python's sum, not np.sum's pairwise order) as
    the playground adds, so the numbers agree to the last bit."""
    wx, wrec = w
    samples, length = X.shape
    scale = 1.0 if REDUCTION == "sum" else 1.0 / samples
    S = np.zeros((samples, length + 1))
    for k in range(length):
        A = X[:, k] * wx + S[:, k] * wrec  # a_k = x_k*w_x + s_(k-1)*w_rec
        S[:, k + 1] = [math.tanh(a) for a in A]  # s_k = tanh(a_k)
    E = S[:, -1] - T
    loss = sum(E * E) * scale
    G = 2.0 * E * scale  # dL/ds_n
    g_wx, g_wrec = 0.0, 0.0
    for k in range(length, 0, -1):
        D = G * (1.0 - S[:, k] * S[:, k])  # dL/da_k = dL/ds_k * (1 - s_k^2)
        g_wx += sum(D * X[:, k - 1])
        g_wrec += sum(D * S[:, k - 1])
        G = D * wrec  # dL/ds_(k-1)
    return loss, np.array([g_wx, g_wrec])
