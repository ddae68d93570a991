"""Chain stages, streams, risk dimensions and (later) the risk matrix."""
