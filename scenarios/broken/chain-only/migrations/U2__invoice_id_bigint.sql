ALTER SEQUENCE invoice_id_seq AS integer;
ALTER TABLE invoice ALTER COLUMN id TYPE integer;
