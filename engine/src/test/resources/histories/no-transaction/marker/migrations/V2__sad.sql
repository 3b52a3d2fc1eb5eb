-- driftgate:no-transaction
ALTER TYPE mood ADD VALUE IF NOT EXISTS 'sad';
INSERT INTO person VALUES (1, 'sad') ON CONFLICT DO NOTHING;
