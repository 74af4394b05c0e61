def gd(w, g, state, lr):
    """Gradient descent, as the 2016 post's Theano code: w <- w - lr*g."""
    return w - lr * g
