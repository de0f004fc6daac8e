"""``python -m rnn_sandbox.cli``: the same as ``python -m rnn_sandbox``."""

import sys

from rnn_sandbox.cli.dispatch import main

sys.exit(main())
