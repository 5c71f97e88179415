"""pytest configuration: hypothesis runs derandomized on CI (``CI`` set), so a CI verdict does not
depend on which examples a random seed happened to draw; on a developer's machine each run draws
new examples (run ``bash scripts/test.sh`` often to explore more)."""

import os

from hypothesis import settings

settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")
