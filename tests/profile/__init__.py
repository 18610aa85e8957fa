"""Tests of hpos.profile: the keystore, the settings file, secrets and env overrides."""
