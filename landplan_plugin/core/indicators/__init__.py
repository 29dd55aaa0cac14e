"""Plan indicators (规划指标): store, printed-table parser, status, measures."""
