--
-- PostgreSQL database dump
--

\restrict AbCdEf0123456789

-- Dumped from database version 16.4 (Debian 16.4-1.pgdg120+2)
-- Dumped by pg_dump version 16.4 (Debian 16.4-1.pgdg120+2)

SET statement_timeout = 0;
SET client_encoding = 'UTF8';
SELECT pg_catalog.set_config('search_path', '', false);

CREATE TABLE public.invoice (
    id integer NOT NULL,
    number character varying(40) NOT NULL,
    amount numeric(12,2) NOT NULL
);

ALTER TABLE ONLY public.invoice
    ADD CONSTRAINT invoice_pkey PRIMARY KEY (id);

CREATE INDEX invoice_number_hotfix ON public.invoice USING btree (number);

\unrestrict AbCdEf0123456789
