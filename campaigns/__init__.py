"""Everything we send: campaign definitions, audiences, rendering, the outbox and its dispatch."""
