# pyraise.py — a test plugin: a Python check provider that raises
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# For a consortium whose name holds "RAISE" its check raises ValueError:
# the host must report the plugin's check as failed (status error, verdict
# error), never let its rule vanish. Other consortia get one info result.

import gi

gi.require_version("Cwb", "1.0")

from gi.repository import Cwb, GObject  # noqa: E402

RULE = "S1"


class PyRaiseProvider(GObject.Object, Cwb.CheckProvider):
    __gtype_name__ = "PyRaiseProvider"

    def do_check(self, context, consortium, report):
        if "RAISE" in consortium.get_name():
            raise ValueError("pyraise cannot read " + consortium.get_name())

        result = Cwb.CheckResult.new_for_rule(context.get_rules(), RULE, Cwb.Status.INFO)
        result.set_message("pyraise: checked " + consortium.get_name())
        report.add(result)
        # returns None: through the Cwb overrides that means checked
