"""The ``rnn-sandbox`` command: the app without arguments, scripting with sub-commands.

::

    rnn-sandbox [FILE.rnnx]                      start the app (opening FILE)
    rnn-sandbox tasks                            list the tasks by type
    rnn-sandbox train --task NAME [options]      train, optionally --save run.rnnx / run.npz
    rnn-sandbox gradcheck --task NAME [network options]
    rnn-sandbox resume FILE --steps N [--save FILE]
    rnn-sandbox export FILE --torch OUT.py [--weights OUT.npz] [--csv history.csv]
    rnn-sandbox predict FILE [--index i]
    rnn-sandbox info FILE
    rnn-sandbox animate FILE [--forward|--backward|--both|--alignment] --out OUT.gif|.png|.pdf
    rnn-sandbox compare FILE… [--png OUT.png] [--svg OUT.svg] [--csv OUT.csv]
    rnn-sandbox train --task NAME --seeds N [--processes K] [--save runs.rnns]

Bad settings end with a one-line message and exit code 2, never a traceback.  Nothing
here imports Qt unless the app itself is started, or ``animate`` or ``compare --png/--svg``
runs.

The modules, each importing only those listed before it: ``errors`` (exit codes,
:class:`CliError`), ``streams`` (the output that never raises: results are saved however
printing fails), ``options`` (the parser, option checks), ``configuration`` (options →
experiment), ``reports`` (what is printed), ``outputs`` (what is written, checked first),
``commands`` and ``runs`` (the commands on one experiment and on several runs),
``dispatch`` (:func:`main`).
"""

from rnn_sandbox.cli.dispatch import main
from rnn_sandbox.cli.errors import EXIT_FAILED, EXIT_OK, EXIT_USAGE, CliError

__all__ = ["EXIT_FAILED", "EXIT_OK", "EXIT_USAGE", "CliError", "main"]
