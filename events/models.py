"""Models of the events app; pages arrive with its issue."""
