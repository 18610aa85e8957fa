"""The history pane: HPAY's history or the journal in a table (model, store, proxy, cells),
filters, summary, details and CSV export.
"""
