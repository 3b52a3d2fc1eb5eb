ALTER TABLE event ADD COLUMN kind text;
