-- 'now' is cast when the view is created, not when it is read
CREATE VIEW recent AS SELECT id, at FROM event WHERE at > 'now'::timestamp - interval '1 day';
