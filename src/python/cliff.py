import math


def sigmoid(x):
    """1 / (1 + e^-x), with the C library's exp (math.exp) as the playground's;
    np.exp's vectorised one may differ in the last bit."""
    try:
        e = math.exp(-x)
    except OverflowError:
        e = math.inf  # as C's exp overflows
    return 1.0 / (1.0 + e)


def cliff(X, T, params):
    """One sigmoid unit with no input (Pascanu, Mikolov & Bengio 2013,
    section 3): x_0 = 0.5, x_t = w*sigmoid(x_(t-1)) + b for t = 1..LENGTH, loss
    E = (sigmoid(x_T) - 0.7)^2, and its gradient by backpropagation through
    time. It reads only the length of the data, and no REDUCTION."""
    w, b = params
    xs = [0.5]  # x_0
    for _ in range(X.shape[1]):
        xs.append(w * sigmoid(xs[-1]) + b)
    y = sigmoid(xs[-1])
    error = y - 0.7
    d = 2.0 * error * y * (1.0 - y)  # dE/dx_T = 2(y - 0.7) * sigmoid'(x_T)
    g_w, g_b = 0.0, 0.0
    for t in range(len(xs) - 1, 0, -1):
        p = sigmoid(xs[t - 1])
        g_w += d * p  # dx_t/dw = sigmoid(x_(t-1))
        g_b += d  # dx_t/db = 1
        d = d * (w * p * (1.0 - p))  # dE/dx_(t-1) = dE/dx_t * w*sigmoid'(x_(t-1))
    return error * error, np.array([g_w, g_b])
