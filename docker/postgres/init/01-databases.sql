-- One database per service, each owned by its own role: a service can reach only its own data (BRIEF §2).
-- Runs once, when the data volume is empty (docker-entrypoint-initdb.d). Passwords are for local compose only.
CREATE ROLE catalog    LOGIN PASSWORD 'catalog';
CREATE ROLE review     LOGIN PASSWORD 'review';
CREATE ROLE vote       LOGIN PASSWORD 'vote';
CREATE ROLE comparison LOGIN PASSWORD 'comparison';
CREATE ROLE newsletter LOGIN PASSWORD 'newsletter';
CREATE ROLE identity   LOGIN PASSWORD 'identity';
CREATE ROLE gateway    LOGIN PASSWORD 'gateway';

CREATE DATABASE catalog    OWNER catalog;
CREATE DATABASE review     OWNER review;
CREATE DATABASE vote       OWNER vote;
CREATE DATABASE comparison OWNER comparison;
CREATE DATABASE newsletter OWNER newsletter;
CREATE DATABASE identity   OWNER identity;
CREATE DATABASE gateway    OWNER gateway;

-- no one but the owner connects to a service's database
REVOKE CONNECT ON DATABASE catalog, review, vote, comparison, newsletter, identity, gateway FROM PUBLIC;
