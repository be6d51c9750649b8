"""Models of the news app; pages arrive with its issue."""
