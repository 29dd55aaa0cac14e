"""Entry point: ``python -m landplan_spark …`` (or this file under spark-submit)."""

import os
import sys

if __package__ in (None, ""):
    # run as a script (spark-submit landplan_spark/__main__.py): the package's parent on the path
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    from landplan_spark.cli import main
else:
    from .cli import main

sys.exit(main())
