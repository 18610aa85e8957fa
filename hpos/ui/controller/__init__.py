"""The sale controller: drives the sales layer from the GUI thread through the Runner (its
clock, latest-sale tracking and the cashier's sentences).
"""
