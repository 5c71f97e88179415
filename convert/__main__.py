"""``python -m convert``: the same as the ``convert`` command."""

import sys

from convert.cli import main

sys.exit(main())
