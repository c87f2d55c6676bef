"""`python -m partnerdesk` (and the installed app's entry point)."""

import gc
import sys

gc.disable()  # start-up allocates without freeing: the collector is switched back on (cli.main, app.run_gui)

from partnerdesk.cli import main  # noqa: E402

sys.exit(main())
