-- generated: undoes step 1 of this group
DROP TABLE users;
