"""Test-wide setup: Qt renders offscreen, so the suite runs on machines with no screen."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Keep NumPy's BLAS to one thread so timings and results do not depend on the machine.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")
