ALTER TABLE customer ADD COLUMN email varchar(200) AFTER name;
UPDATE customer JOIN customer_email_backup b ON b.id = customer.id SET customer.email = b.email;
DROP TABLE customer_email_backup;
