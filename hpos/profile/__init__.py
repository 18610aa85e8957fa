"""The profile: where settings, journal and logs live, the settings file and model, the secret
in the OS keyring.
"""
