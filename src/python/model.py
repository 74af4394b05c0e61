import numpy as np

# A diverging run overflows on purpose; that is a result, not an error.
np.seterr(all="ignore")


def make_data(seed, samples, length):
    """The sequences and targets as the 2016 post and Roelants' tutorial draw
    them, and the start the seed draws right after."""
    np.random.seed(seed)
    X = np.zeros((samples, length))
    for r in range(samples):
        X[r, :] = np.around(np.random.rand(length))
    if TASK == "count":
        T = np.sum(X, axis=1)  # the number of ones in each sequence
    else:
        # Latch (Bengio, Simard & Frasconi 1994): the first input is +1 for a
        # drawn 1 and -1 for a 0, every later input 0; the target is half of it.
        first = np.where(X[:, 0] == 1.0, 1.0, -1.0)
        X[:, :] = 0.0
        X[:, 0] = first
        T = 0.5 * first
    start = (np.random.uniform(-.1, .1), np.random.uniform(-.1, .1))
    return X, T, start


def loss_and_gradient(X, T, w):
    """The loss at w and its gradient: the MODEL cell's function above."""
    return CELLS[MODEL](X, T, w)


def clip(g, limit):
    """Scales g down to the norm `limit` when it is longer
    (Pascanu, Mikolov & Bengio 2013)."""
    norm = np.hypot(g[0], g[1])
    if limit is not None and norm > limit:
        return g * (limit / norm)
    return g


def diverged(epoch, loss, g):
    """Prints why epoch `epoch` cannot be trained on, if it cannot."""
    if not np.isfinite(loss):
        print("Diverged at epoch %d: %s" % (epoch, LOSS_OVERFLOWED))
        return True
    if not np.all(np.isfinite(g)):
        print("Diverged at epoch %d: %s" % (epoch, GRADIENT_OVERFLOWED))
        return True
    return False


def weights_text(w):
    """The two parameters as the table prints them."""
    return "%s = %8.4f, %s = %8.4f" % (NAMES[0], w[0], NAMES[1], w[1])


def train(rule, hyper, limit, X, T, start):
    """EPOCHS full-batch updates, printing the seed's table every EVERY lines:
    its line k is the loss at the weights before the k-th update."""
    w = np.array(start, dtype=float)
    state = {"t": 0}
    print("Initial weights: " + weights_text(w))
    loss, g = loss_and_gradient(X, T, w)
    # Epoch N is the state after N updates; the seed's table numbers its lines
    # from 1, each with the loss before that line's update.
    for epoch in range(EPOCHS):
        if epoch == 0 and diverged(0, loss, g):  # later epochs: checked below
            break
        state["t"] += 1
        new_w = RULES[rule](w, clip(g, limit), state, **hyper)
        if (epoch + 1) % EVERY == 0:
            print("epoch[%5d] : cost =%8.4f" % (epoch + 1, loss))
        if not np.all(np.isfinite(new_w)):
            print("Diverged at epoch %d: %s" % (epoch + 1, WEIGHTS_OVERFLOWED))
            break
        w = new_w
        # The new weights are evaluated at once, so an overflow there ends the
        # run even after the last update.
        loss, g = loss_and_gradient(X, T, w)
        if diverged(epoch + 1, loss, g):
            break
        if TARGET is not None and loss < TARGET:
            print("Finished at epoch %d: loss %.4f is below the target %.4f"
                  % (epoch + 1, loss, TARGET))
            break
    print("Final weights : " + weights_text(w))
    return w


X, T, drawn_start = make_data(SEED, SAMPLES, LENGTH)
for number, (rule, hyper, limit) in enumerate(RUNS, start=1):
    if len(RUNS) > 1:
        print("Racer %d: %s %s, clip %s" % (number, rule, hyper, limit))
    w = train(rule, hyper, limit, X, T, INIT if INIT is not None else drawn_start)
    print("exact: %s = %r, %s = %r"
          % (NAMES[0], float(w[0]), NAMES[1], float(w[1])))
