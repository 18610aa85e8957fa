"""The cashier screen: amount entry and keypad, the charging, QR, paid and problem pages,
following the current sale.
"""
