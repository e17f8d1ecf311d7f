"""Everything people say to us: SMS and Telegram conversations, replies, registrations, hunters, leads."""
