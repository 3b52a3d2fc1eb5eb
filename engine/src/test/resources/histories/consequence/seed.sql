INSERT INTO note VALUES (1, 'first'), (2, 'second');
