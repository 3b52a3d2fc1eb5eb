ALTER TABLE account ADD COLUMN phone text;
ALTER TABLE account ADD COLUMN verified boolean NOT NULL DEFAULT false;
