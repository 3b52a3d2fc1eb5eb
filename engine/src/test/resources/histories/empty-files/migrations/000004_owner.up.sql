ALTER TABLE setting ADD COLUMN owner text;
