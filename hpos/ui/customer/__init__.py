"""The customer display: the full-screen window on the second screen and its views."""
