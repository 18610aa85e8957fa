"""Receipts: wording and layouts, painting (PDF and printers, on a worker), printer choice and
the Print / Save PDF actions.
"""
