-- migrate:up transaction:false
ALTER TYPE mood ADD VALUE IF NOT EXISTS 'sad';
INSERT INTO person VALUES (1, 'sad') ON CONFLICT DO NOTHING;
