CREATE TABLE setting (name text PRIMARY KEY, value text);
