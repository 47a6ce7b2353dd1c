# Cwb.py — PyGObject overrides for Cwb-1.0
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# A Python check provider implements Cwb.CheckProvider with do_check(self,
# context, consortium, report). Through these overrides it keeps the
# contract a C provider has: an exception raised in do_check becomes the
# GError of cwb_check_provider_check() (so the host reports the plugin's
# check as failed, naming the exception, instead of letting its rules
# vanish), and a do_check that returns nothing has checked. Without them
# PyGObject would print the traceback and hand the host FALSE with no
# error, which the host still reports as a failed check, only without
# saying why.

import functools
import sys
import traceback

from gi.repository import GLib

from ..module import get_introspection_module
from ..overrides import override

Cwb = get_introspection_module("Cwb")

__all__ = []


def _checked(do_check):
    @functools.wraps(do_check)
    def wrapper(self, context, consortium, report):
        try:
            result = do_check(self, context, consortium, report)
        except GLib.Error:
            raise
        except Exception as error:
            traceback.print_exc(file=sys.stderr)
            text = str(error)
            name = type(error).__name__
            raise GLib.Error("{}: {}".format(name, text) if text else name)
        return True if result is None else bool(result)

    wrapper._cwb_checked = True
    return wrapper


class CheckProvider(Cwb.CheckProvider):
    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        do_check = cls.__dict__.get("do_check")
        if do_check is not None and not getattr(do_check, "_cwb_checked", False):
            cls.do_check = _checked(do_check)


CheckProvider = override(CheckProvider)
__all__.append("CheckProvider")
