"""The audit log as a hash chain: appending entries inside the write they describe and reading a
case's history (`chain`, which also holds the workspace's one clock, `now`, that the demo replaces
with a made-up past through `use_clock`), the coverage of every stored fact a figure depends on by the chain's
entries, replayed and compared by `verify` (`coverage`), and the anchors that workbooks and
packages carry so a rewritten or rolled-back chain is provable (`anchors`).

May import: foundation. Everything that writes imports it; it imports no capability.
"""
