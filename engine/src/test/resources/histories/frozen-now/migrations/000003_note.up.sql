ALTER TABLE event ADD COLUMN note text;
