-- Release 2 reads and writes the new column only. (PREPARE checks names and types; keeping the two
-- columns in step while release 1 still writes the old one is the job of a trigger or dual writes.)
SELECT id, name, email_address FROM customer WHERE id = $1;
INSERT INTO customer (id, name, email_address) VALUES ($1, $2, $3);
UPDATE customer SET email_address = $1 WHERE id = $2;
