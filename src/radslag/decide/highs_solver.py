"""A HiGHS solver that prints nothing, not even the banner of the first one in a process.

HiGHS writes its banner ("Running HiGHS ...") to standard output from the C++ constructor of
the first ``Highs`` object in a process, before any option can be set, so ``output_flag``
cannot silence it (HiGHS 1.16, ``Highs::Highs``; Huangfu & Hall 2018, "Parallelizing the dual
revised simplex method", Mathematical Programming Computation, is the solver's reference).
The first construction therefore runs with file descriptor 1 pointed at the null device.
"""

from __future__ import annotations

import os
import sys
import threading

import highspy

_lock = threading.Lock()
_first_done = False


def new_highs() -> highspy.Highs:
    """Return a new ``highspy.Highs`` with its output off; the first one's banner is dropped."""
    global _first_done
    with _lock:
        if _first_done:
            highs = highspy.Highs()  # type: ignore[no-untyped-call]  # highspy leaves __init__ bare
        else:
            sys.stdout.flush()
            saved = os.dup(1)
            try:
                with open(os.devnull, "wb") as null:
                    os.dup2(null.fileno(), 1)
                    highs = highspy.Highs()  # type: ignore[no-untyped-call]
            finally:
                os.dup2(saved, 1)
                os.close(saved)
            _first_done = True
    highs.setOptionValue("output_flag", False)
    return highs
