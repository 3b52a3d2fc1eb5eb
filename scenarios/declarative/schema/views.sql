-- Declared schema: files in any order; views before the tables they read is fine.
CREATE VIEW published_article AS SELECT id, title FROM article WHERE published;
