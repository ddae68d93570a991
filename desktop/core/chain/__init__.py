"""The dual-chain risk matrix (METHODS §4): vocabulary, levels, policy events, fill rules and the matrix.

``vocabulary`` (streams, stages, dimensions), ``levels`` (the five levels), ``events`` (policy event
types), ``rules`` (the default fill rules), ``model`` (Cell, Grid, Matrix), ``matrix`` (build_matrix,
matrix_table, overrides), ``seed_events`` (real, cited events).  No Qt here.
"""
