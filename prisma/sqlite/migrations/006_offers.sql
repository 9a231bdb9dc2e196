-- 006: the last offer per chat, shared by every instance of the bot.

CREATE TABLE chat_offer (
  chat_key TEXT PRIMARY KEY,
  payload TEXT NOT NULL,
  expires_at DATETIME NOT NULL
);
CREATE INDEX chat_offer_expires_at_idx ON chat_offer(expires_at);
