"""RNN Sandbox: build, train and watch recurrent neural networks neuron by neuron."""

import os

# The engine multiplies many small matrices, one time step after another; for those, BLAS
# threads cost more in start-up and contention than they gain.  A user's own setting wins.
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

__version__ = "0.1.0"
