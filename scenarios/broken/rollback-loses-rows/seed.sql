INSERT INTO note VALUES (1, 'keep me'), (2, 'me too');
