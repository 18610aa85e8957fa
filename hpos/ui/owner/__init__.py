"""The owner's pages: closing the day (``closing``) and every till of the account (``tills``).

Self-contained widgets: everything they need comes in through their constructors; the
main window puts them behind the manager PIN.
"""
