"""The foundation under every layer, the vocabulary the domain, the database layer and the window
share: errors with codes and parameters (`errors`), progress
and cancelling of long work (`jobs`), files written to a temporary file and renamed into place
(`files`), where the workspace and the log live (`paths`, `logs`), the window's workspace lock
(`instance_lock`), the one rule for rates typed as fractions or percentages (`rates`) and the
fault checkpoints the fault suite kills at (`faults`).

It sits below db/ (which raises its errors and calls its checkpoints) so that every arrow
points down: ui -> workbench -> db -> foundation.

May import: nothing of the project (the standard library only); workbench/, db/ and ui/ may
import it.
"""
