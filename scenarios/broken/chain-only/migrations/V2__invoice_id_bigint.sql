-- Ids are about to outgrow integer: widen the column and its sequence.
ALTER TABLE invoice ALTER COLUMN id TYPE bigint;
ALTER SEQUENCE invoice_id_seq AS bigint;
