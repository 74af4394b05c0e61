def rprop(w, g, state, etap, etam, d0, dmax, dmin):
    """Rprop (Riedmiller & Braun 1993) as Roelants runs it, without
    backtracking: each step grows by etap while its gradient's sign holds (up
    to dmax) and shrinks by etam when it flips (down to dmin); the weight moves
    by the step against the sign. The previous sign starts at 0, so the first
    update shrinks; a zero gradient leaves weight and step and resets the sign."""
    step = state.setdefault("step", np.array([d0, d0]))
    previous = state.setdefault("sign", np.zeros(2))
    w = w.copy()
    for j in range(2):
        sign = np.sign(g[j])
        if sign == 0:
            previous[j] = 0.0
            continue
        if sign == previous[j]:
            step[j] = min(step[j] * etap, dmax)
        else:
            step[j] = max(step[j] * etam, dmin)
        w[j] -= sign * step[j]
        previous[j] = sign
    return w
