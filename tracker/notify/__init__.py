"""Send what changed: e-mail (messages, outbox, delivery) and the watchlist digest."""
