-- An editor-supplied logo of a tool (an absolute https URL); null for tools without one, which show a monogram.
alter table tool add column logo_url varchar(500);
