"""The vocabulary every capability shares: errors with codes and parameters (`errors`), progress
and cancelling of long work (`jobs`), files written to a temporary file and renamed into place
(`files`), where the workspace and the log live (`paths`, `logs`), the window's workspace lock
(`instance_lock`), the one rule for rates typed as fractions or percentages (`rates`) and the
fault checkpoints the fault suite kills at (`faults`).

May import: nothing of the project (the standard library only); every other package, and db/,
may import it.
"""
