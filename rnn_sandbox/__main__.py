"""``python -m rnn_sandbox``: the same entry point as the ``rnn-sandbox`` command."""

import sys

from rnn_sandbox.cli import main

sys.exit(main())
