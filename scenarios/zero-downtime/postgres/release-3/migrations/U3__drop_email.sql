ALTER TABLE customer ADD COLUMN email text;
UPDATE customer SET email = b.email FROM customer_email_backup b WHERE b.id = customer.id;
DROP TABLE customer_email_backup;
