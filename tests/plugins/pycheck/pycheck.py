# pycheck.py — a test plugin: a CwbCheckProvider written in Python
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# It proves that a third party can check consortia in Python through the
# Cwb-1.0 introspection API: the host calls check(), the plugin reads the
# consortium and the rule set through the API and adds one result.

import gi

gi.require_version("Cwb", "1.0")

from gi.repository import Cwb, GObject  # noqa: E402

# a rule of the rule set that the composition plugin does not check
RULE = "S1"


class PyCheckProvider(GObject.Object, Cwb.CheckProvider):
    __gtype_name__ = "PyCheckProvider"

    def do_check(self, context, consortium, report):
        rules = context.get_rules()
        members = consortium.get_members()
        lead = consortium.get_lead()

        result = Cwb.CheckResult.new_for_rule(rules, RULE, Cwb.Status.INFO)
        result.set_value(len(members))
        result.set_unit(Cwb.Unit.COUNT)
        result.set_message(
            "pycheck: {} has {} members, led by {} (rule set {})".format(
                consortium.get_name(),
                len(members),
                lead.get_name() if lead is not None else "nobody",
                rules.get_id(),
            )
        )
        report.add(result)
