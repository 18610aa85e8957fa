"""Small helpers with no HPOS knowledge and nothing but the standard library: the atomic file
write, the CSV cell guard. Every layer may use them; they import nothing from HPOS.
"""
