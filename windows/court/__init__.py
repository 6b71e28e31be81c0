"""The court clerk's desk (便民巡回法庭): the inbox of hand-offs from the windows, the court's
files, its hearing list, its figures, and the court's own counter in the hall's queue.

The slip's barcode is read by a scanner that types it, and Enter, into the box at the top:
it opens the hand-off waiting in the inbox, or the file it became. Every workstation's court
events (``court.*``) refresh the inbox and the files at once, so a window's hand-off appears
here as soon as it is committed.

Only the court's clerks and the administrator work here (:func:`hall.court.require_clerk`);
anyone else serving the court's window gets its counter and nothing of the files.
"""

from windows.court.desk import ClerkDesk

__all__ = ["ClerkDesk"]
