"""Manager mode: the PIN prompt, the gate in front of the manager's actions, the idle relock."""
