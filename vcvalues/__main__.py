from __future__ import annotations

from vcvalues.cli import main

raise SystemExit(main())
