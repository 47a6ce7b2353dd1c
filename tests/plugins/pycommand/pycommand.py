# pycommand.py — a test plugin: a CwbCommand written in Python
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# It proves that a third party can add a verb to the command line in Python
# through the Cwb-1.0 introspection API: `consortium-workbench py-store ARG…`
# asks for the store, prints the database the host opened for it, the
# arguments it was given and the rule set, and exits with status 3 so the
# test sees that run()'s status is the process's.

import gi

gi.require_version("Cwb", "1.0")

from gi.repository import Cwb, GLib, GObject  # noqa: E402

EXIT_STATUS = 3


class PyStoreCommand(GObject.Object, Cwb.Command):
    __gtype_name__ = "PyStoreCommand"

    def do_get_name(self):
        return "py-store"

    def do_get_summary(self):
        return "print the database and the arguments a plugin command was given"

    def do_get_usage(self):
        return "py-store [--db PATH] [ARG…]"

    def do_needs_store(self):
        return True

    # PyGObject passes an implementation of a virtual method the length of
    # an array argument too (argc), unlike a call from Python
    def do_run(self, context, argc, argv):
        assert argc == len(argv)
        store = context.get_store()
        print("prgname: {}".format(GLib.get_prgname()))
        print("argv0: {}".format(argv[0]))
        print("store: {}".format(store.get_path() if store is not None else "none"))
        print("args: {}".format("|".join(argv[1:])))
        print("rules: {}".format(context.get_rules().get_id()))
        return EXIT_STATUS
