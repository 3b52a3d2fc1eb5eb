ALTER TABLE note ADD COLUMN pinned boolean NOT NULL DEFAULT false;
