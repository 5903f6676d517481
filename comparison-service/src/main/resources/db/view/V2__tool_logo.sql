-- The editor-supplied logo URL of a tool (catalog.tool.v1 logoUrl); null when the catalog gives none. Every
-- generation gets this migration, so a rebuild's fresh schema has the column the live one has.
alter table tool add column logo_url text;
