-- Drops the column without a copy: online safety flags DG105 with the statement to add.
ALTER TABLE customer DROP COLUMN email;
