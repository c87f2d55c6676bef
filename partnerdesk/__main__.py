"""`python -m partnerdesk`."""

import sys

from partnerdesk.cli import main

sys.exit(main())
